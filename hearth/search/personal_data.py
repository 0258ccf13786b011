"""The search index holds no words, only keyed hashes of them (search/words.py); still, they
come from what a person wrote, so they go when the words go."""

from django.db.models import Q

from hearth.personal_data import Erasure, Person, declare
from hearth.search.models import IndexedWord


def forget_words(person: Person) -> None:
    """Drop the index rows of the person's answers, replies and own questions. An own question
    whose author is gone has had its words replaced, so its rows go too, whichever runs first."""
    IndexedWord.objects.filter(
        Q(answer__member_id__in=person.member_ids)
        | Q(response__member_id__in=person.member_ids)
        | Q(question__author_id=person.user_id)
        | Q(question__isnull=False, question__author__isnull=True)
    ).delete()


declare(
    IndexedWord,
    what="The search index of your answers, replies and questions: each word only as a keyed "
    "hash, never the word itself",
    owner=("answer__member", "response__member", "question__author"),
    erasure=Erasure.DELETED,
    not_exported="it is only worked out from your answers, replies and questions, which are "
    "in your export themselves, and means nothing without the server's key",
    erase=forget_words,
)

"""Keeping the index true to what people wrote: every write of an answer, a reply or an own
question replaces that text's words; deleted rows take theirs with them (foreign keys)."""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction

from hearth.questions.models import Answer, Question, Response
from hearth.search.models import IndexedWord
from hearth.search.words import index_key, tokens

BATCH = 2000


def index_answer(answer: Answer) -> None:
    """The answer's words as they are now: an edit replaces them, an emptied answer has none."""
    IndexedWord.objects.filter(answer_id=answer.pk).delete()
    relationship_id = answer.prompt.relationship_id
    IndexedWord.objects.bulk_create(
        IndexedWord(
            relationship_id=relationship_id,
            token=t,
            prompt_id=answer.prompt_id,
            answer_id=answer.pk,
        )
        for t in tokens(relationship_id, answer.text)
    )


def index_response(response: Response) -> None:
    """A reply's words (a reaction has none)."""
    IndexedWord.objects.filter(response_id=response.pk).delete()
    prompt = response.answer.prompt
    IndexedWord.objects.bulk_create(
        IndexedWord(
            relationship_id=prompt.relationship_id,
            token=t,
            prompt_id=prompt.pk,
            response_id=response.pk,
        )
        for t in tokens(prompt.relationship_id, response.text)
    )


def index_question(question: Question) -> None:
    """An own question's words; the bank's questions are searched from the content instead."""
    IndexedWord.objects.filter(question_id=question.pk).delete()
    if question.relationship_id is None or question.author_id is None:
        return
    IndexedWord.objects.bulk_create(
        IndexedWord(relationship_id=question.relationship_id, token=t, question_id=question.pk)
        for t in tokens(question.relationship_id, question.text)
    )


@dataclass(frozen=True)
class Sources:
    """The models the index is built from: the app's own, or a migration's historical ones."""

    word: Any = IndexedWord
    answer: Any = Answer
    response: Any = Response
    question: Any = Question


@transaction.atomic
def rebuild_index(relationship_id: int | None = None, sources: Sources | None = None) -> int:
    """Build the index again from the words themselves, for one relationship or all (after a
    key rotation, or for rows written before the index existed). Returns the words indexed."""
    sources = sources or Sources()
    scope: dict[str, int] = {}
    if relationship_id is not None:
        scope = {"relationship_id": relationship_id}
    sources.word.objects.filter(**scope).delete()

    def within(queryset: models.QuerySet[Any], path: str) -> models.QuerySet[Any]:
        return (
            queryset.filter(**{path: relationship_id}) if relationship_id is not None else queryset
        )

    answers = within(sources.answer.objects.exclude(text=""), "prompt__relationship_id")
    responses = within(sources.response.objects.exclude(text=""), "answer__prompt__relationship_id")
    questions = within(
        # An own question whose author has gone has had its words replaced: nothing to find.
        sources.question.objects.filter(relationship__isnull=False, author__isnull=False),
        "relationship_id",
    )

    keys: list[bytes] = []  # the key is read only once there is something to index

    def hashed(relationship_id: int, text: str) -> set[bytes]:
        if not keys:
            keys.append(index_key())
        return tokens(relationship_id, text, keys[0])

    def words() -> Iterator[Any]:
        for pk, prompt_id, rel, text in answers.values_list(
            "pk", "prompt_id", "prompt__relationship_id", "text"
        ).iterator(chunk_size=BATCH):
            for t in hashed(rel, text):
                yield sources.word(relationship_id=rel, token=t, prompt_id=prompt_id, answer_id=pk)
        for pk, prompt_id, rel, text in responses.values_list(
            "pk", "answer__prompt_id", "answer__prompt__relationship_id", "text"
        ).iterator(chunk_size=BATCH):
            for t in hashed(rel, text):
                yield sources.word(
                    relationship_id=rel, token=t, prompt_id=prompt_id, response_id=pk
                )
        for pk, rel, text in questions.values_list("pk", "relationship_id", "text").iterator(
            chunk_size=BATCH
        ):
            for t in hashed(rel, text):
                yield sources.word(relationship_id=rel, token=t, question_id=pk)

    return save_in_batches(sources.word, words())


def save_in_batches(model: Any, rows: Iterable[Any]) -> int:
    count, batch = 0, []
    for row in rows:
        batch.append(row)
        if len(batch) == BATCH:
            model.objects.bulk_create(batch)
            count, batch = count + len(batch), []
    model.objects.bulk_create(batch)
    return count + len(batch)

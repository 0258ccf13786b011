"""Finding prompts by the words in them, without reading anyone's words: the query's words are
hashed and looked up in the index, only among the answers and replies the reader may read."""

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from hearth.content_translations import catalogue, content_language, translated
from hearth.questions.bank import load_bank, question_dir
from hearth.questions.models import Answer, Prompt, Question, Response
from hearth.search.models import IndexedWord
from hearth.search.words import index_key, query_words, token, words


def prompts_matching(
    prompts: QuerySet[Prompt],
    query: str,
    *,
    relationship_id: int,
    answers: QuerySet[Answer],
    responses: QuerySet[Response],
) -> QuerySet[Prompt]:
    """The prompts that hold every word of the query: in their question (the bank's in English
    or the reader's language, or the relationship's own), or in one of `answers` or `responses`
    (the ones the reader may read; any other's words never make a prompt match)."""
    wanted = query_words(query)
    if not wanted:
        return prompts.none()
    key = index_key()
    readable = Exists(answers.filter(pk=OuterRef("answer_id"))) | Exists(
        responses.filter(pk=OuterRef("response_id"))
    )
    for word in wanted:
        found = IndexedWord.objects.filter(
            relationship_id=relationship_id, token=token(relationship_id, word, key)
        )
        # Conditions on the prompt's own columns only, so the database filters prompts as it
        # walks them rather than joining each to every question.
        matches = Q(pk__in=found.filter(readable).values("prompt_id")) | Q(
            question_id__in=found.filter(question__isnull=False).values("question_id")
        )
        bank = bank_questions_with(word)
        if bank:
            matches |= Q(question_id__in=Question.objects.filter(key__in=bank).values("pk"))
        prompts = prompts.filter(matches)
    return prompts


# The bank's words by language, rebuilt when the content or its translations are read anew.
_bank_words: dict[tuple[str, str], tuple[Any, Mapping[str, frozenset[str]]]] = {}


def bank_questions_with(word: str) -> frozenset[str]:
    """The bank questions (by key) holding the word, in English or the reader's language."""
    language = content_language()
    source = catalogue(language, "questions") if language != "en" else None
    place = (str(question_dir()), language)
    cached = _bank_words.get(place)
    if cached is None or cached[0] is not source:
        cached = (source, bank_words())
        _bank_words[place] = cached
    return cached[1].get(word, frozenset())


def bank_words() -> Mapping[str, frozenset[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for spec in load_bank():
        for word in words(spec.text) | words(translated("questions", spec.key, "text", spec.text)):
            found[word].add(spec.key)
    return {word: frozenset(keys) for word, keys in found.items()}

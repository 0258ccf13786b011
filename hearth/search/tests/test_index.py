"""The search index: words folded one way, kept only as keyed hashes, current on every write,
rebuilt under a new key, and never a way round the reveal rule."""

from importlib import import_module

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from hearth import encryption
from hearth.privacy.deletion import account_delete
from hearth.questions import services
from hearth.questions.models import Prompt
from hearth.questions.selectors import answers_visible_to, journal, responses_visible_to
from hearth.questions.tests.factories import answer_as, todays_prompt
from hearth.search.index import rebuild_index
from hearth.search.models import IndexedWord
from hearth.search.selectors import prompts_matching
from hearth.search.words import TOKEN_BYTES, query_words, token, words
from hearth.tests.scans import database_bytes

PLANTED = ["marigold", "harbour", "compass", "lighthouse"]


def test_words_fold_case_accents_and_punctuation():
    assert words("¡Un PASEO por el Río, río-arriba! Ça va?") == {
        "un",
        "paseo",
        "por",
        "el",
        "rio",
        "arriba",
        "ca",
        "va",
    }
    assert words("Straße") == {"strasse"}
    assert query_words("  Río  rio RIVER ") == ["rio", "river"]
    assert query_words("?!") == []


def test_a_word_hashes_alike_within_a_relationship_and_otherwise_elsewhere():
    key = b"k" * 32
    assert token(1, "heron", key) == token(1, "heron", key)
    assert token(1, "heron", key) != token(2, "heron", key)
    assert token(1, "heron", key) != token(1, "heron", b"j" * 32)
    assert len(token(1, "heron", key)) == TOKEN_BYTES


def planted(ours, alice, bob) -> Prompt:
    a, b = ours.memberships.get(user=alice), ours.memberships.get(user=bob)
    prompt = todays_prompt(ours)
    alices = answer_as(a, prompt, f"my answer holds {PLANTED[0]}")
    answer_as(b, prompt, f"and mine a {PLANTED[1]}")
    services.reply_add(member=b, answer=alices, text=f"a reply with a {PLANTED[2]}")
    services.own_question_add(
        member=a, text=f"Which {PLANTED[3]} shall we visit?", category="memories", depth=1
    )
    return prompt


@pytest.mark.django_db(transaction=True)
def test_the_index_holds_no_words_in_clear(ours, alice, bob):
    planted(ours, alice, bob)
    rows = list(IndexedWord.objects.values_list("token", flat=True))
    assert len(rows) >= 12, "answers, reply and question are indexed"
    assert {len(bytes(t)) for t in rows} == {TOKEN_BYTES}
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM search_indexedword")
        stored = repr(cursor.fetchall()).lower()
    on_disk = database_bytes().lower()
    for word in PLANTED:
        assert word not in stored
        assert word.encode() not in on_disk
        assert not any(word.encode() in bytes(t) for t in rows)


@pytest.mark.django_db
def test_a_hidden_answers_words_never_make_a_prompt_match(ours, alice, bob):
    prompt = todays_prompt(ours)
    answer_as(ours.memberships.get(user=alice), prompt, "alice writes heron")
    bobs = ours.memberships.get(user=bob)

    def found(member, query: str) -> list[Prompt]:
        return list(
            prompts_matching(
                Prompt.objects.all(),  # every prompt offered: only the words decide
                query,
                relationship_id=ours.pk,
                answers=answers_visible_to(member),
                responses=responses_visible_to(member),
            )
        )

    assert IndexedWord.objects.filter(answer__prompt=prompt).exists()
    assert found(bobs, "heron") == [], "bob hasn't answered, so alice's words stay hers"
    assert found(ours.memberships.get(user=alice), "heron") == [prompt]
    answer_as(bobs, prompt, "bob writes otter")
    assert found(bobs, "heron") == [prompt]


@pytest.mark.django_db
def test_rebuilding_finds_rows_written_without_the_services(ours, alice, bob):
    prompt = planted(ours, alice, bob)
    alices = ours.memberships.get(user=alice)
    IndexedWord.objects.all().delete()
    assert list(journal(alices, search=PLANTED[1])) == []
    call_command("rebuild_search_index")
    for word in PLANTED[:3]:
        assert list(journal(alices, search=word)) == [prompt], word
    assert IndexedWord.objects.filter(question__isnull=False).exists()


@pytest.mark.django_db
def test_the_migration_builds_the_index_for_what_was_written_before_it(ours, alice, bob):
    prompt = planted(ours, alice, bob)
    IndexedWord.objects.all().delete()
    state = MigrationExecutor(connection).loader.project_state(
        ("search", "0002_index_existing_words")
    )
    migration = import_module("hearth.search.migrations.0002_index_existing_words")
    migration.index_existing_words(state.apps, None)
    assert list(journal(ours.memberships.get(user=bob), search=PLANTED[2])) == [prompt]


@pytest.mark.django_db
def test_rotating_keys_rebuilds_the_index_so_search_keeps_working(
    ours, alice, bob, settings, tmp_path
):
    in_use = encryption.read_keys()
    settings.DATA_DIR = tmp_path  # rotate a copy of the keys, never the instance's own
    encryption.write_keys(in_use)
    encryption.forget_keys()
    try:
        prompt = planted(ours, alice, bob)
        before = set(bytes(t) for t in IndexedWord.objects.values_list("token", flat=True))

        call_command("rotate_keys", drop_old=True)

        after = set(bytes(t) for t in IndexedWord.objects.values_list("token", flat=True))
        assert before and after and not before & after, "every word hashed under the new key"
        bobs = ours.memberships.get(user=bob)
        for word in PLANTED[:3]:
            assert list(journal(bobs, search=word)) == [prompt], word
    finally:
        encryption.forget_keys()


def index_rows() -> set[tuple[int | None, int | None, int | None, bytes]]:
    rows = IndexedWord.objects.values_list("answer_id", "response_id", "question_id", "token")
    return {(a, r, q, bytes(t)) for a, r, q, t in rows}


@pytest.mark.django_db
def test_deleting_an_account_drops_the_index_rows_of_its_words_and_no_others(ours, alice, bob):
    planted(ours, alice, bob)
    alices, bobs = ours.memberships.get(user=alice), ours.memberships.get(user=bob)
    account_delete(user=alice)

    assert not IndexedWord.objects.filter(answer__member=alices).exists()
    assert not IndexedWord.objects.filter(question__isnull=False).exists()
    assert IndexedWord.objects.filter(answer__member=bobs).exists(), "bob's answer stays"
    assert IndexedWord.objects.filter(response__member=bobs).exists(), "so does his reply"
    left = index_rows()
    rebuild_index()
    assert index_rows() == left, "what stays is just what the words left would give"

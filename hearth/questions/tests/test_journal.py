"""The journal: found by words without reading anyone's words, a page at a time, and as quick
with ten years behind it as with a month."""

import html
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hearth.accounts.tests.factories import UserFactory
from hearth.demo.years import build_years, first_joined
from hearth.privacy.deletion import account_delete
from hearth.questions import selectors, services
from hearth.questions.models import Answer, Guess, Prompt
from hearth.questions.selection import relationship_today
from hearth.questions.tests.factories import answer_as, give_options, todays_prompt
from hearth.relationships.models import Member, Relationship
from hearth.relationships.services import member_leave
from hearth.relationships.tests.factories import RelationshipFactory, add_member
from hearth.search.index import rebuild_index
from hearth.search.models import IndexedWord
from hearth.tests.api import Caller

pytestmark = pytest.mark.django_db


def page(client, url: str) -> str:
    return html.unescape(client.get(url).content.decode())


def shared(relationship: Relationship, words: dict, day=None) -> Prompt:
    """A prompt everyone answered (so it opened), each member's answer in `words` by user."""
    prompt = todays_prompt(relationship, day)
    for member in relationship.memberships.current().select_related("user"):
        answer_as(member, prompt, words.get(member.user, "a few words"))
    prompt.refresh_from_db()
    assert prompt.is_revealed
    return prompt


def found_on_the_page(client, relationship: Relationship, query: str) -> bool:
    body = page(client, reverse("questions:journal", args=[relationship.pk]) + f"?q={query}")
    return "What matches" in body


def found_through_the_api(client, user, relationship: Relationship, query: str) -> list[int]:
    got = Caller(client, user).call(
        "GET", f"/api/relationships/{relationship.pk}/journal?q={query}"
    )
    assert got.status_code == 200, got.content
    return [entry["id"] for entry in got.json()]


def test_a_search_finds_words_in_answers_and_replies_whatever_their_case_and_accents(
    client, ours, alice, bob
):
    prompt = shared(ours, {alice: "A slow walk by the Río Tajo", bob: "Cooking together"})
    alices = Answer.objects.get(prompt=prompt, member__user=alice)
    services.reply_add(member=ours.memberships.get(user=bob), answer=alices, text="THANK YOU!")
    client.force_login(alice)
    for query in ("rio", "RÍO", "tajo", "thank", "Thank+you", "rio+thank", "cooking"):
        assert found_on_the_page(client, ours, query), query
        assert found_through_the_api(client, alice, ours, query) == [prompt.pk], query
    for query in ("walking", "thanks", "rio+dancing"):
        assert not found_on_the_page(client, ours, query), query
        assert found_through_the_api(client, alice, ours, query) == [], query


def test_a_search_finds_the_question_in_the_readers_language_and_in_english(
    client, ours, alice, bob
):
    prompt = shared(ours, {})
    first_word = prompt.question.text.split()[0].strip("¿?,.!")
    client.force_login(alice)
    assert found_through_the_api(client, alice, ours, first_word.upper()) == [prompt.pk]


def test_a_search_never_finds_words_the_reader_may_not_read_yet(client, alice, bob, charlie):
    three = RelationshipFactory.create(kind="friendship")
    for person in (alice, bob, charlie):
        add_member(three, person)
    prompt = todays_prompt(three)
    answer_as(three.memberships.get(user=alice), prompt, "alice writes heron")
    answer_as(three.memberships.get(user=bob), prompt, "bob writes kestrel")
    # Charlie hasn't answered: nothing opened, so nobody finds it, not even by their own word.
    client.force_login(alice)
    assert not found_on_the_page(client, three, "kestrel")
    assert found_through_the_api(client, alice, three, "heron") == []
    assert found_through_the_api(client, charlie, three, "kestrel") == []


def test_a_former_member_finds_what_reached_them_and_nothing_written_after_they_left(
    alice, bob, charlie
):
    three = RelationshipFactory.create(kind="friendship")
    for person in (alice, bob, charlie):
        add_member(three, person)
    prompt = shared(three, {alice: "alice writes heron", charlie: "charlie writes otter"})
    charlies = Answer.objects.get(prompt=prompt, member__user=charlie)
    services.reply_add(member=three.memberships.get(user=alice), answer=charlies, text="before")
    bobs = three.memberships.get(user=bob)
    member_leave(member=bobs)
    services.reply_add(member=three.memberships.get(user=alice), answer=charlies, text="kingfisher")

    assert list(selectors.journal(bobs, search="heron")) == [prompt]
    assert list(selectors.journal(bobs, search="before")) == [prompt]
    assert list(selectors.journal(bobs, search="kingfisher")) == []
    alices = three.memberships.get(user=alice)
    assert list(selectors.journal(alices, search="kingfisher")) == [prompt]


def test_an_edited_answer_is_found_by_its_new_words_only(client, ours, alice, bob):
    prompt = todays_prompt(ours)
    alices = ours.memberships.get(user=alice)
    answer_as(alices, prompt, "first thoughts about herons")
    answer_as(alices, prompt, "second thoughts about kestrels")
    answer_as(ours.memberships.get(user=bob), prompt, "mine")
    client.force_login(bob)
    assert found_on_the_page(client, ours, "kestrels")
    assert not found_on_the_page(client, ours, "herons")
    assert found_through_the_api(client, bob, ours, "herons") == []


def test_words_of_someone_who_deleted_their_account_are_no_longer_found(client, ours, alice, bob):
    prompt = shared(ours, {alice: "alice writes heron", bob: "bob writes otter"})
    alices = Answer.objects.get(prompt=prompt, member__user=alice)
    services.reply_add(member=ours.memberships.get(user=bob), answer=alices, text="kingfisher")
    services.own_question_add(
        member=ours.memberships.get(user=bob),
        text="Which lighthouse shall we visit?",
        category="memories",
        depth=1,
    )
    bobs_member = ours.memberships.get(user=bob)
    account_delete(user=bob)

    client.force_login(alice)
    assert found_through_the_api(client, alice, ours, "heron") == [prompt.pk]
    for gone in ("otter", "kingfisher", "lighthouse"):
        assert found_through_the_api(client, alice, ours, gone) == [], gone
        assert not found_on_the_page(client, ours, gone), gone
    assert not IndexedWord.objects.filter(answer__member=bobs_member).exists()
    assert not IndexedWord.objects.filter(question__isnull=False).exists()


def test_an_own_question_is_found_by_its_words(client, ours, alice, bob):
    question = services.own_question_add(
        member=ours.memberships.get(user=alice),
        text="Which lighthouse shall we visit next?",
        category="memories",
        depth=1,
    )
    prompt = todays_prompt(ours)
    Prompt.objects.filter(pk=prompt.pk).update(question=question)
    shared_prompt = shared(ours, {})
    assert shared_prompt.pk == prompt.pk
    assert found_through_the_api(client, bob, ours, "lighthouse") == [prompt.pk]


def revealed_on(relationship: Relationship, days_ago: int) -> Prompt:
    return shared(relationship, {}, relationship_today(relationship) - timedelta(days=days_ago))


def test_the_api_journal_comes_a_page_at_a_time_newest_first(client, ours, alice, bob):
    oldest, middle, newest = (revealed_on(ours, n) for n in (3, 2, 1))
    as_alice = Caller(client, alice)
    base = f"/api/relationships/{ours.pk}/journal"
    first = as_alice.call("GET", f"{base}?limit=2").json()
    assert [entry["id"] for entry in first] == [newest.pk, middle.pk]
    rest = as_alice.call("GET", f"{base}?limit=2&before={first[-1]['id']}").json()
    assert [entry["id"] for entry in rest] == [oldest.pk]
    assert as_alice.call("GET", f"{base}?limit=2&before={oldest.pk}").json() == []
    assert as_alice.call("GET", f"{base}?limit=101").status_code == 422
    assert as_alice.call("GET", f"{base}?limit=0").status_code == 422


def test_a_page_cursor_from_another_relationship_finds_nothing(client, ours, theirs, alice):
    revealed_on(ours, 1)
    elsewhere = todays_prompt(theirs)
    got = Caller(client, alice).call(
        "GET", f"/api/relationships/{ours.pk}/journal?before={elsewhere.pk}"
    )
    assert got.json() == []


def test_the_schema_tells_a_client_how_to_walk_back_through_the_journal(client):
    schema = client.get("/api/openapi.json").json()
    operation = schema["paths"]["/api/relationships/{relationship_id}/journal"]["get"]
    parameters = {p["name"]: p for p in operation["parameters"]}
    assert parameters["limit"]["schema"]["maximum"] == selectors.JOURNAL_PAGE_MOST
    assert parameters["limit"]["schema"]["default"] == selectors.JOURNAL_PAGE
    assert "last id" in parameters["before"]["description"]


def test_search_results_on_the_page_come_a_page_at_a_time(client, ours, alice, bob):
    opened = [
        shared(ours, {alice: f"lantern {n}"}, relationship_today(ours) - timedelta(days=n + 1))
        for n in range(selectors.JOURNAL_PAGE + 2)
    ]
    prompts = opened[::-1]  # the last opened comes first
    client.force_login(alice)
    url = reverse("questions:journal", args=[ours.pk]) + "?q=lantern"
    first = client.get(url)
    shown = first.context["prompts"]
    assert [p.pk for p in shown] == [p.pk for p in prompts[: selectors.JOURNAL_PAGE]]
    older = first.context["older"]
    assert older.endswith(f"before={shown[-1].pk}") and "q=lantern" in older
    second = client.get(reverse("questions:journal", args=[ours.pk]) + older)
    assert [p.pk for p in second.context["prompts"]] == [p.pk for p in prompts[-2:]]
    assert second.context["older"] == ""


def test_the_journal_leads_to_other_years_by_their_nearest_month(client, ours, alice, bob):
    today = relationship_today(ours)
    long_ago = today.replace(day=1) - timedelta(days=400)
    for day in (today, long_ago):
        shared(ours, {alice: f"written {day:%Y-%m}"}, day)
    client.force_login(alice)
    url = reverse("questions:journal", args=[ours.pk])
    latest = page(client, url)
    assert f'href="?month={long_ago:%Y-%m}">{long_ago:%Y}</a>' in latest
    assert f"written {today:%Y-%m}" in latest
    then = page(client, f"{url}?month={long_ago:%Y-%m}")
    assert f"written {long_ago:%Y-%m}" in then and f"written {today:%Y-%m}" not in then
    assert f'href="?month={today:%Y-%m}">{today:%Y}</a>' in then
    nowhere = page(client, f"{url}?month=1999-01")
    assert f"written {today:%Y-%m}" in nowhere, "a month without entries shows the newest"


def test_how_well_we_know_each_other_counts_the_last_twelve_months(client, ours, alice, bob):
    today = relationship_today(ours)
    alices, bobs = ours.memberships.get(user=alice), ours.memberships.get(user=bob)
    for days_ago in (1, 800):
        prompt = give_options(todays_prompt(ours, today - timedelta(days=days_ago)))
        services.guess_submit(member=alices, prompt=prompt, about_member_id=bobs.pk, choice=0)
        answer_as(alices, prompt)
        answer_as(bobs, prompt)
    assert Guess.objects.count() == 2
    months = selectors.knowing_each_other(alices)
    assert [(m.month, m.guesses, m.matched) for m in months] == [(today.replace(day=1), 1, 1)]


def queries_of(client, url: str) -> tuple[int, int]:
    client.get(url)  # warm up
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), len(response.content)


def couple_with_history(days: int) -> tuple[Relationship, object]:
    people = [UserFactory.create() for _ in range(2)]
    relationship = RelationshipFactory.create(kind="romantic")
    joined = first_joined(days, relationship_today(relationship))
    for person in people:
        Member.objects.create(relationship=relationship, user=person, joined_at=joined)
    build_years(relationship, days)
    rebuild_index(relationship.pk)  # the history went in in bulk, past the services
    return relationship, people[0]


def test_the_journal_reads_as_many_queries_with_ten_years_as_with_a_month(client):
    reads = {
        "page": "/r/{}/journal/",
        "search": "/r/{}/journal/?q=thank",
        "api": "/api/relationships/{}/journal",
        "api search": "/api/relationships/{}/journal?q=thank",
    }
    counts = {}
    for days in (30, 3650):
        relationship, person = couple_with_history(days)
        client.force_login(person)
        counts[days] = {
            name: queries_of(client, url.format(relationship.pk)) for name, url in reads.items()
        }
        found = Caller(client, person).call("GET", reads["api search"].format(relationship.pk))
        assert found.json(), "the history's replies thank, so the search finds something"
    assert {n: q for n, (q, _) in counts[30].items()} == {
        n: q for n, (q, _) in counts[3650].items()
    }

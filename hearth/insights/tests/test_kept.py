"""Insights are computed once for each change of what they are computed from, kept in the cache,
and whatever changes shows on the very next visit, on the page and through the API alike; what
is kept for one member never reaches another."""

from collections.abc import Iterator
from datetime import timedelta
from unittest.mock import patch

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from hearth.accounts.tests.factories import UserFactory
from hearth.assessments.models import Assessment
from hearth.assessments.services import assessment_share
from hearth.checkins.models import CheckIn
from hearth.checkins.services import RelationshipDay, checkin_save, person_today
from hearth.demo.years import build_years, first_joined
from hearth.gratitude.services import appreciation_send, gratitude_note
from hearth.insights import charts
from hearth.insights.dashboard import dashboard_for
from hearth.insights.fingerprint import insights_fingerprint
from hearth.insights.selectors import insights_for, kept_key
from hearth.insights.tests.test_dashboard import history
from hearth.practices.library import library
from hearth.practices.models import Plan
from hearth.practices.services import reflection_save
from hearth.questions.models import ResponseKind
from hearth.questions.selection import relationship_today
from hearth.questions.services import reaction_toggle
from hearth.questions.tests.factories import answer_as, todays_prompt
from hearth.relationships.models import Member, Relationship
from hearth.relationships.services import member_leave
from hearth.relationships.tests.factories import RelationshipFactory, add_member

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def the_default_language_afterwards() -> Iterator[None]:
    """A request in Spanish leaves Spanish active in this thread; later tests expect English."""
    yield
    translation.deactivate()


@pytest.fixture
def me(ours, alice) -> Member:
    return ours.memberships.get(user=alice)


@pytest.fixture
def them(ours, bob) -> Member:
    return ours.memberships.get(user=bob)


def visit(client, relationship) -> tuple[str, dict]:
    """The insights page and the insights API, as the signed-in person sees them now."""
    page = client.get(reverse("insights:dashboard", args=[relationship.pk]))
    api = client.get(f"/api/relationships/{relationship.pk}/insights")
    assert page.status_code == 200 and api.status_code == 200
    return page.content.decode(), api.json()


def main(page: str) -> str:
    return page.split("<main")[1].split("</main>")[0]


def together(page: str) -> str:
    return page.split('id="together-heading"')[1].split("</section>")[0]


def check_in(user, relationship, closeness: int) -> None:
    checkin_save(
        user=user,
        day=person_today(user),
        mood=4,
        stress=2,
        relationships=[RelationshipDay(relationship_id=relationship.pk, closeness=closeness)],
    )


def a_practice(relationship) -> str:
    return next(p.key for p in library() if p.fits(relationship.kind, relationship.phase))


def test_a_second_visit_computes_and_draws_nothing(client, ours, alice, me):
    history(alice, me, 40)
    client.force_login(alice)
    with (
        patch("hearth.insights.selectors.dashboard_for", wraps=dashboard_for) as computed,
        patch("hearth.insights.charts.draw", wraps=charts.draw) as drawn,
    ):
        first_page, first_api = visit(client, ours)
        assert computed.call_count == 1, "the page and the API share what was computed"
        assert drawn.call_count == 3
        for _ in range(2):
            page, api = visit(client, ours)
            assert main(page) == main(first_page) and api == first_api
    assert computed.call_count == 1 and drawn.call_count == 3
    assert first_page.count('<svg class="chart-svg"') == 3


def test_the_api_never_draws_the_charts_it_only_names(client, ours, alice, me):
    history(alice, me, 40)
    client.force_login(alice)
    with patch("hearth.insights.charts.draw", wraps=charts.draw) as drawn:
        body = client.get(f"/api/relationships/{ours.pk}/insights").json()
        again = client.get(f"/api/relationships/{ours.pk}/insights").json()
    assert [c["title"] for c in body["charts"]] == [
        "Closeness, 7-day average",
        "Mood and stress, 7-day average",
        "Sleep, 7-day average",
    ]
    assert again == body
    drawn.assert_not_called()


def test_the_page_draws_the_charts_the_api_left_undrawn(client, ours, alice, me):
    history(alice, me, 40)
    client.force_login(alice)
    client.get(f"/api/relationships/{ours.pk}/insights")
    with patch("hearth.insights.selectors.dashboard_for", wraps=dashboard_for) as computed:
        page = client.get(reverse("insights:dashboard", args=[ours.pk])).content.decode()
    computed.assert_not_called()
    assert page.count('<svg class="chart-svg"') == 3


def test_a_new_check_in_shows_on_the_next_visit(client, ours, alice):
    client.force_login(alice)
    page, api = visit(client, ours)
    assert api["days_recorded"] == 0 and "check in to start" in page

    check_in(alice, ours, 5)
    page, api = visit(client, ours)
    assert api["days_recorded"] == 1 and api["this_week"]["checkins"] == 1
    assert "Patterns need about three weeks of check-ins; 1 day so far." in page


def test_an_edited_check_in_shows_on_the_next_visit(client, ours, alice, me):
    history(alice, me, 40)
    check_in(alice, ours, 1)
    client.force_login(alice)
    page, api = visit(client, ours)
    closeness = api["charts"][0]["summary"]
    assert closeness in page

    check_in(alice, ours, 7)  # the same day again: it replaces the morning's
    page, api = visit(client, ours)
    assert api["charts"][0]["summary"] != closeness
    assert api["charts"][0]["summary"] in page and closeness not in page
    assert api["days_recorded"] == 40


def test_a_deleted_check_in_shows_on_the_next_visit(client, ours, alice, me):
    history(alice, me, 40)
    client.force_login(alice)
    page, api = visit(client, ours)
    assert api["days_recorded"] == 40 and "From 40 days of check-ins" in page

    CheckIn.objects.filter(user=alice, date=person_today(alice) - timedelta(days=10)).delete()
    page, api = visit(client, ours)
    assert api["days_recorded"] == 39 and "From 39 days of check-ins" in page


def test_a_profile_taken_shared_or_unshared_shows_on_the_next_visit(client, ours, alice, me, them):
    Assessment.objects.create(
        member=me, answers={}, scores={"emotional": 60.0}, taken_at=timezone.now() - timedelta(2)
    )
    bobs = Assessment.objects.create(member=them, answers={}, scores={"emotional": 33.0})
    client.force_login(alice)
    page, api = visit(client, ours)
    assert "Your profile over time" not in page and "Bob</th>" not in page
    assert "Your profile over time" not in [c["title"] for c in api["charts"]]

    Assessment.objects.create(member=me, answers={}, scores={"emotional": 70.0})
    assessment_share(member=them, assessment_id=bobs.pk, shared=True)
    page, api = visit(client, ours)
    assert "Your profile over time" in page and "Bob</th>" in page
    assert "Your profile over time" in [c["title"] for c in api["charts"]]

    assessment_share(member=them, assessment_id=bobs.pk, shared=False)
    page, _api = visit(client, ours)
    assert "Bob</th>" not in page


def test_a_reflection_shows_on_the_next_visit_even_one_replaced_in_place(
    client, ours, alice, me, them
):
    """GIVEN bob reflected on a plan and kept it to himself WHEN he reflects on it again and
    shares it THEN alice's next visit counts his practice (the same row, changed in place)."""
    plan = Plan.objects.create(
        relationship=ours, practice_key=a_practice(ours), planned_by=them, starts_at=timezone.now()
    )
    reflection_save(member=them, plan=plan, closeness=5, shared=False)
    client.force_login(alice)
    page, api = visit(client, ours)
    assert api["together"]["practices_done"] == 0 and "practice" not in together(page)

    reflection_save(member=them, plan=plan, closeness=6, shared=True)
    page, api = visit(client, ours)
    assert api["together"]["practices_done"] == 1
    assert "<strong>1</strong> practice done" in together(page)

    reflection_save(member=me, practice_key=a_practice(ours), closeness=6)
    page, api = visit(client, ours)
    assert api["this_week"]["practices_done"] == 1  # hers; his shared one counts the same day
    assert api["together"]["practices_done"] == 1


def test_an_appreciation_shows_on_the_next_visit(client, ours, alice, me, them):
    client.force_login(alice)
    _page, api = visit(client, ours)
    assert api["together"]["thank_yous"] == 0

    appreciation_send(sender=them, recipient_id=me.pk, text="Thank you for the tea.")
    page, api = visit(client, ours)
    assert api["together"]["thank_yous"] == 1 and api["this_week"]["thanks_received"] == 1
    assert "<strong>1</strong> thank-you" in together(page)


def test_a_question_opening_a_response_and_a_gratitude_line_each_show_on_the_next_visit(
    client, ours, alice, me, them
):
    prompt = todays_prompt(ours)
    answer_as(me, prompt)
    client.force_login(alice)
    _page, api = visit(client, ours)
    assert api["this_week"]["questions_together"] == 0

    bobs = answer_as(them, prompt)  # the last answer opens the question for both
    page, api = visit(client, ours)
    assert api["this_week"]["questions_together"] == 1
    assert "<strong>1</strong> question answered together" in together(page)

    reaction_toggle(member=me, answer=bobs, kind=ResponseKind.THANKS)
    page, api = visit(client, ours)
    assert api["this_week"]["responses_given"] == 1
    assert "<strong>1</strong> response you gave to an answer" in page

    gratitude_note(member=me, text="The walk by the river.")
    page, api = visit(client, ours)
    assert api["this_week"]["noticed"] == 1
    assert "<strong>1</strong> thing you noticed in your gratitude log" in page


def test_a_member_leaving_shows_on_the_next_visit(client, ours, alice, me, them):
    """GIVEN alice and bob answered today's question and carol has not WHEN carol leaves
    THEN the question opens for the two of them and alice's next visit counts it."""
    carol = add_member(ours, UserFactory.create(display_name="Carol"))
    prompt = todays_prompt(ours)
    answer_as(me, prompt)
    answer_as(them, prompt)
    client.force_login(alice)
    page, api = visit(client, ours)
    assert api["together"]["questions_together"] == 0

    member_leave(member=carol)
    page, api = visit(client, ours)
    assert api["together"]["questions_together"] == 1
    assert "<strong>1</strong> question answered together" in together(page)


def test_a_former_member_keeps_only_what_they_saw_while_they_belonged(
    client, ours, alice, bob, me, them
):
    appreciation_send(sender=me, recipient_id=them.pk, text="Thanks for today.", for_everyone=True)
    client.force_login(bob)
    _page, api = visit(client, ours)
    assert api["together"]["thank_yous"] == 1
    carol = add_member(ours, UserFactory.create(display_name="Carol"))

    member_leave(member=them)
    appreciation_send(sender=me, recipient_id=carol.pk, text="Welcome!", for_everyone=True)
    assert client.get(reverse("insights:dashboard", args=[ours.pk])).status_code == 404
    assert client.get(f"/api/relationships/{ours.pk}/insights").status_code == 404
    former = Member.objects.get(pk=them.pk)
    assert insights_for(former, person_today(bob)).together.thank_yous == 1
    assert insights_for(me, person_today(alice)).together.thank_yous == 2


def test_what_is_kept_for_one_member_never_reaches_another(client, ours, alice, bob, me, them):
    history(alice, me, 40)
    client.force_login(alice)
    alices_page, alices = visit(client, ours)
    assert alices["days_recorded"] == 40 and '<svg class="chart-svg"' in alices_page

    client.force_login(bob)
    with (
        patch("hearth.insights.selectors.dashboard_for", wraps=dashboard_for) as computed,
        patch("hearth.insights.selectors.cache", wraps=cache) as kept,
    ):
        bobs_page, bobs = visit(client, ours)
        visit(client, ours)
    assert computed.call_count == 1, "bob's insights are his own, computed for him"
    read = {c.args[0] for c in kept.get.call_args_list}
    assert read == {kept_key(them)} and kept_key(me) not in read
    assert bobs["days_recorded"] == 0 and bobs["charts"] == []
    assert '<svg class="chart-svg"' not in bobs_page and "averaged" not in bobs_page
    assert insights_fingerprint(me, person_today(alice)) != insights_fingerprint(
        them, person_today(bob)
    )


def test_a_change_of_language_shows_on_the_next_visit(client, ours, alice, me):
    history(alice, me, 40)
    client.force_login(alice)
    page, api = visit(client, ours)
    assert "Closeness, 7-day average" in page
    assert api["charts"][0]["title"] == "Closeness, 7-day average"

    alice.language = "es"
    alice.save(update_fields=["language"])
    page, api = visit(client, ours)
    assert "Cercanía, media de 7 días" in page and "Closeness, 7-day average" not in page
    assert api["charts"][0]["title"] == "Cercanía, media de 7 días"
    assert api["caveat"].startswith("Son patrones en tus propios check-ins")


def test_the_next_day_shows_on_the_next_visit(client, ours, alice, me):
    history(alice, me, 3)
    client.force_login(alice)
    today = person_today(alice)
    page, api = visit(client, ours)
    assert api["this_week"]["last_day"] == today.isoformat()

    tomorrow = timezone.now() + timedelta(days=1)
    with patch("django.utils.timezone.now", return_value=tomorrow):
        page, api = visit(client, ours)
    assert api["this_week"]["last_day"] == (today + timedelta(days=1)).isoformat()
    assert api["this_week"]["first_day"] == (today - timedelta(days=5)).isoformat()
    assert api["days_recorded"] == 3
    # The recap's days on the page moved on too.
    tomorrow_said = f"{(today + timedelta(days=1)).day} {(today + timedelta(days=1)):%b}"
    assert f"to {tomorrow_said}, in" in page


def a_relationship_with_history(days: int) -> tuple[Relationship, Member]:
    relationship = RelationshipFactory.create(kind="romantic")
    joined = first_joined(days, relationship_today(relationship))
    people = [UserFactory.create() for _ in range(2)]
    members = [
        Member.objects.create(relationship=relationship, user=person, joined_at=joined)
        for person in people
    ]
    build_years(relationship, days)
    return relationship, members[0]


def queries_of(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_query_counts_stay_the_same_as_history_grows(client):
    """The first visit computes and keeps, later visits only read what was kept: each of them
    asks the database the same number of questions after a month or after ten years."""
    counts = {}
    for days in (30, 3650):
        relationship, member = a_relationship_with_history(days)
        client.force_login(member.user)
        page = reverse("insights:dashboard", args=[relationship.pk])
        api = f"/api/relationships/{relationship.pk}/insights"
        counts[days] = [
            queries_of(client, page),  # computed and drawn
            queries_of(client, page),  # kept
            queries_of(client, f"{api}?again"),  # kept
        ]
        CheckIn.objects.filter(user=member.user).latest("date").delete()
        counts[days] += [
            queries_of(client, api),  # computed for a change, undrawn
            queries_of(client, api),  # kept
        ]
    assert counts[30] == counts[3650], counts
    assert counts[30][1] < counts[30][0] and counts[30][4] < counts[30][3]

import random
import re
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hearth.assessments.models import Assessment
from hearth.checkins.models import CheckIn, RelationshipCheckIn
from hearth.checkins.services import person_today
from hearth.gratitude.models import Appreciation, GratitudeEntry
from hearth.insights.dashboard import dashboard_for
from hearth.practices.library import library
from hearth.practices.models import Reflection
from hearth.questions.models import ResponseKind
from hearth.questions.services import reaction_toggle
from hearth.questions.tests.factories import answer_as, todays_prompt

pytestmark = pytest.mark.django_db


def history(user, member, days: int, *, affection_lifts: bool = True) -> None:
    rng = random.Random(7)
    today = person_today(user)
    checkins = CheckIn.objects.bulk_create(
        CheckIn(
            user=user,
            date=today - timedelta(days=n),
            mood=rng.randint(2, 5),
            stress=rng.randint(1, 4),
            sleep_hours=Decimal(rng.choice(["6.5", "7", "8"])) if n % 4 else None,
        )
        for n in range(days)
    )
    hugs = [rng.random() < 0.5 for _ in checkins]
    entries = []
    for index, checkin in enumerate(checkins):
        # checkins run newest first: the "day before" is index + 1
        lifted = affection_lifts and index + 1 < len(hugs) and hugs[index + 1]
        closeness = min(7, rng.randint(2, 5) + (2 if lifted else 0))
        entries.append(
            RelationshipCheckIn(
                checkin=checkin, member=member, closeness=closeness, affection=hugs[index]
            )
        )
    RelationshipCheckIn.objects.bulk_create(entries)


def render_dashboard(client, relationship) -> tuple[int, float, str]:
    url = reverse("insights:dashboard", args=[relationship.pk])
    client.get(url)  # warm up
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return len(queries), time.perf_counter() - started, response.content.decode()


def test_the_dashboard_query_count_stays_the_same_as_history_grows(client, ours, alice):
    member = ours.memberships.get(user=alice)
    client.force_login(alice)
    history(alice, member, 30)
    queries_30, seconds_30, _ = render_dashboard(client, ours)
    CheckIn.objects.all().delete()
    history(alice, member, 3650)
    queries_3650, seconds_3650, page = render_dashboard(client, ours)
    assert queries_30 == queries_3650
    assert seconds_3650 < max(1.0, seconds_30 * 4), (seconds_30, seconds_3650)
    assert "Closeness, 7-day average" in page


def test_what_seems_to_help_is_said_plainly_with_the_numbers_a_tap_away(client, ours, alice):
    history(alice, ours.memberships.get(user=alice), 120)
    client.force_login(alice)
    _, _, page = render_dashboard(client, ours)
    finding = re.search(
        r"<li>\s*<p>(Days after hugs or touch[^<]*)</p>\s*<details>(.*?)</details>", page, re.S
    )
    assert finding, "the hugs finding is one sentence with its numbers folded away"
    sentence, numbers = finding.groups()
    assert re.fullmatch(
        r"Days after hugs or touch, you felt (a little |a lot )?closer: "
        r"about \d\.\d points? on the 7-step scale\.",
        sentence,
    ), sentence
    assert "95% interval" in numbers and "from 119 days" in numbers
    assert re.search(r"\d+ after hugs or touch, \d+ without", numbers)
    assert "interval" not in sentence
    assert page.count("cause and effect") == 1, "the caveat is said once, for the section"


def test_below_the_minimum_the_findings_stay_silent_and_the_week_is_recapped(client, ours, alice):
    history(alice, ours.memberships.get(user=alice), 15)
    client.force_login(alice)
    _, _, page = render_dashboard(client, ours)
    assert "95% interval" not in page
    assert "What seems to go with closer days" not in page
    assert "Your week" in page
    assert "<strong>7</strong> check-ins" in page
    assert "Patterns need about three weeks of check-ins; 15 days so far." in page


def test_a_newcomer_sees_an_honest_start_instead_of_an_empty_page(client, ours, alice):
    client.force_login(alice)
    _, _, page = render_dashboard(client, ours)
    assert "A quiet week so far." in page
    assert "Patterns need about three weeks of check-ins; check in to start." in page
    assert "Check in for a few days and your trends will appear here" in page
    assert "Nothing yet: answering today's question together is an easy first step." in page


def test_at_three_weeks_the_recap_gives_way_to_findings(client, ours, alice):
    history(alice, ours.memberships.get(user=alice), 40)
    client.force_login(alice)
    _, _, page = render_dashboard(client, ours)
    assert "Your week" not in page
    assert "What seems to go with closer days" in page


def test_charts_are_drawn_inline_by_the_server_with_a_text_summary(client, ours, alice):
    history(alice, ours.memberships.get(user=alice), 40)
    client.force_login(alice)
    _, _, page = render_dashboard(client, ours)
    main = page.split("<main")[1].split("</main>")[0]
    assert main.count('<svg class="chart-svg"') == 3
    assert "<img" not in main and "data:image" not in main
    for labelled_by in re.findall(r'<svg class="chart-svg"[^>]* aria-labelledby="([^"]+)"', main):
        for part in labelled_by.split():
            assert f'id="{part}"' in main, part  # each chart's name and summary are on the page
    assert "averaged" in main
    assert "Sleep, 7-day average" in main and "hours over the last 7 days" in main
    assert '<ul class="chart-legend">' in main  # mood and stress share a chart
    assert "http://" not in main.replace("http://www.w3.org/2000/svg", "")


def test_the_week_counts_what_was_shared_answered_together_and_noticed(client, ours, alice, bob):
    """GIVEN this week alice and bob answered a question, alice reacted to bob's answer, both
    did practices (bob kept his to himself), thanked each other and alice noted a gratitude
    WHEN alice opens Us THEN her week counts what she may see, and nothing of bob's private."""
    me, them = ours.memberships.get(user=alice), ours.memberships.get(user=bob)
    prompt = todays_prompt(ours)
    answer_as(me, prompt)
    theirs = answer_as(them, prompt)
    reaction_toggle(member=me, answer=theirs, kind=ResponseKind.THANKS)
    today = person_today(alice)
    mine, his = [p for p in library() if p.fits("romantic", ours.phase) and not p.is_sexual][:2]
    Reflection.objects.create(member=me, practice_key=mine.key, done_on=today, closeness=5)
    Reflection.objects.create(
        member=them, practice_key=his.key, done_on=today, closeness=5, shared=False
    )
    Appreciation.objects.create(relationship=ours, sender=me, recipient=them, text="thanks")
    Appreciation.objects.create(relationship=ours, sender=them, recipient=me, text="you too")
    GratitudeEntry.objects.create(member=me, text="the walk", date=today)
    history(alice, me, 3)

    client.force_login(alice)
    _, _, page = render_dashboard(client, ours)
    recap = page.split('id="week-heading"')[1].split("</section>")[0]
    for line in (
        "<strong>1</strong> question answered together",
        "<strong>1</strong> response you gave to an answer",
        "<strong>3</strong> check-ins",
        "<strong>1</strong> practice done",
        "<strong>1</strong> thank-you sent",
        "<strong>1</strong> thank-you received",
        "<strong>1</strong> thing you noticed in your gratitude log",
    ):
        assert line in recap, line
    assert "3 days so far" in recap
    together = page.split('id="together-heading"')[1].split("</section>")[0]
    assert "<strong>1</strong> question answered together" in together
    assert "<strong>1</strong> practice done" in together, "bob's unshared practice is his"
    assert "<strong>2</strong> thank-yous" in together


def test_someone_elses_check_ins_never_show_on_my_page(client, ours, alice, bob):
    history(bob, ours.memberships.get(user=bob), 60)
    client.force_login(alice)
    _, _, page = render_dashboard(client, ours)
    assert '<svg class="chart-svg"' not in page
    assert "averaged" not in page
    assert "Patterns need about three weeks of check-ins; check in to start." in page


def test_shared_profiles_show_side_by_side_on_the_us_page(client, ours, alice, bob):
    me, them = ours.memberships.get(user=alice), ours.memberships.get(user=bob)
    Assessment.objects.create(member=me, answers={}, scores={"emotional": 71.0}, shared=True)
    unshared = Assessment.objects.create(
        member=them, answers={}, scores={"emotional": 33.0}, shared=False
    )
    client.force_login(alice)
    _, _, page = render_dashboard(client, ours)
    assert "Profiles side by side" in page and "(only yours so far)" in page
    assert "Bob</th>" not in page and "<td>33</td>" not in page

    Assessment.objects.filter(pk=unshared.pk).update(shared=True)
    _, _, page = render_dashboard(client, ours)
    table = page.split('class="us-scores"')[1].split("</table>")[0]
    assert "You</th>" in table and "Bob</th>" in table
    assert "<td>71</td><td>33</td>" in table


def test_appreciations_and_practices_take_part_in_what_seems_to_help(ours, alice, bob):
    """Days after a thank-you or a practice were closer in this history; the dashboard finds both,
    each with its interval, from the same rule as the other behaviours."""
    member = ours.memberships.get(user=alice)
    history(alice, member, 120, affection_lifts=False)
    today = person_today(alice)
    practice = next(p for p in library() if p.fits("romantic", ours.phase) and not p.is_sexual)
    bobs_place = ours.memberships.get(user=bob)
    for n in range(1, 120, 2):  # every other day: a thank-you and a practice, a closer next day
        day = today - timedelta(days=n)
        thanks = Appreciation.objects.create(
            relationship=ours, sender=member, recipient=bobs_place, text="thanks"
        )
        noon = datetime.combine(day, datetime.min.time(), tzinfo=UTC) + timedelta(hours=12)
        Appreciation.objects.filter(pk=thanks.pk).update(created_at=noon)
        Reflection.objects.create(
            member=member, practice_key=practice.key, done_on=day, closeness=6
        )
        RelationshipCheckIn.objects.filter(
            member=member, checkin__date=day + timedelta(days=1)
        ).update(closeness=7)
    found = {a.behaviour: a for a in dashboard_for(member, today).associations}
    for behaviour in ("you sent an appreciation", "you did a practice"):
        assert found[behaviour].low > 0, behaviour

import random
import time
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hearth.checkins.models import CheckIn, RelationshipCheckIn
from hearth.checkins.services import person_today

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


def test_what_seems_to_help_states_its_uncertainty_and_days(client, ours, alice):
    history(alice, ours.memberships.get(user=alice), 120)
    client.force_login(alice)
    _, _, page = render_dashboard(client, ours)
    assert "a day with hugs or touch" in page
    assert "95% interval" in page
    assert "not cause and effect" in page


def test_below_the_minimum_the_dashboard_stays_silent(client, ours, alice):
    history(alice, ours.memberships.get(user=alice), 15)
    client.force_login(alice)
    _, _, page = render_dashboard(client, ours)
    assert "95% interval" not in page
    assert "Not enough days yet" in page


def test_charts_are_drawn_by_the_server_with_a_text_summary(client, ours, alice):
    history(alice, ours.memberships.get(user=alice), 40)
    client.force_login(alice)
    _, _, page = render_dashboard(client, ours)
    assert 'src="data:image/svg+xml;base64,' in page
    assert "averaged" in page
    assert "Sleep, 7-day average" in page and "hours over the last 7 days" in page
    assert "http://" not in page.split("<main")[1].split("</main>")[0].replace(
        "http://testserver", ""
    )

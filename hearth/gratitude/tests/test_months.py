"""The gratitude page opens on the last four weeks and reaches older thank-yous and lines a month
at a time, skipping empty months; what it reads and shows stays the same however long the
history."""

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.formats import date_format

from hearth.accounts.models import User
from hearth.gratitude.models import Appreciation, GratitudeEntry
from hearth.questions.selection import relationship_today
from hearth.relationships.models import Member, Relationship

pytestmark = pytest.mark.django_db


def at(relationship: Relationship, day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=ZoneInfo(relationship.time_zone))


def history(relationship: Relationship, days: range) -> None:
    """For each day back from today: a line from each member (every other one shared), and a
    thank-you every third day. The same day always gets the same rows."""
    members = list(relationship.memberships.order_by("pk"))
    today = relationship_today(relationship)
    lines, thanks = [], []
    for back in days:
        day = today - timedelta(days=back)
        for n, member in enumerate(members):
            lines.append(
                GratitudeEntry(
                    member=member,
                    text=f"Noticed on day {back} by {n}",
                    shared=(back + n) % 2 == 0,
                    date=day,
                    created_at=at(relationship, day, 21),
                )
            )
        if back % 3 == 0:
            thanks.append(
                Appreciation(
                    relationship=relationship,
                    sender=members[back % 2],
                    recipient=members[(back + 1) % 2],
                    text=f"Thank you, day {back}",
                    created_at=at(relationship, day, 19),
                )
            )
    GratitudeEntry.objects.bulk_create(lines)
    Appreciation.objects.bulk_create(thanks)


def page(client: Client, relationship: Relationship, month: str = "") -> tuple[int, str]:
    url = reverse("gratitude:page", args=[relationship.pk]) + (f"?month={month}" if month else "")
    client.get(url)  # warm up
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def rows_shown(html: str) -> tuple[list[str], list[str]]:
    return re.findall(r"Thank you, day \d+", html), re.findall(r"Noticed on day \d+ by \d", html)


def test_the_page_reads_and_shows_the_same_after_ten_years_as_after_a_month(
    client: Client, ours: Relationship, alice: User
) -> None:
    client.force_login(alice)
    this_month = relationship_today(ours).strftime("%Y-%m")
    history(ours, range(30))
    recent_30, recent_page_30 = page(client, ours)
    month_30, month_page_30 = page(client, ours, this_month)

    history(ours, range(30, 3650))
    recent_3650, recent_page_3650 = page(client, ours)
    month_3650, month_page_3650 = page(client, ours, this_month)

    assert recent_30 == recent_3650
    assert month_30 == month_3650
    assert rows_shown(recent_page_30) == rows_shown(recent_page_3650)
    assert rows_shown(month_page_30) == rows_shown(month_page_3650)
    thanks, lines = rows_shown(recent_page_3650)
    # Four weeks: a thank-you every third day, alice's lines and bob's shared ones.
    assert len(thanks) == 10 and len(lines) == 28 + 14


def test_older_thanks_and_lines_are_reached_month_by_month_past_empty_months(
    client: Client, ours: Relationship, alice: User, bob: User
) -> None:
    alices_place = ours.memberships.get(user=alice)
    bobs_place = ours.memberships.get(user=bob)
    today = relationship_today(ours)
    line_day = (today.replace(day=1) - timedelta(days=70)).replace(day=10)
    thanks_day = (line_day.replace(day=1) - timedelta(days=80)).replace(day=20)
    GratitudeEntry.objects.create(member=alices_place, text="The walk by the river", date=line_day)
    Appreciation.objects.create(
        relationship=ours,
        sender=bobs_place,
        recipient=alices_place,
        text="Thank you for the soup",
        created_at=at(ours, thanks_day, 12),
    )
    client.force_login(alice)

    _, recent = page(client, ours)
    assert "Nothing in the last four weeks." in recent
    assert "The walk by the river" not in recent
    line_month = date_format(line_day, "YEAR_MONTH_FORMAT")
    assert f'href="?month={line_day:%Y-%m}">Earlier: {line_month}' in recent

    _, month = page(client, ours, f"{line_day:%Y-%m}")
    assert f"Gratitude in {line_month}" in month
    assert "The walk by the river" in month and "Thank you for the soup" not in month
    assert f'href="?month={thanks_day:%Y-%m}">Earlier:' in month
    assert "Later:" not in month
    assert "The last four weeks" in month
    assert "Add to my log" not in month

    _, older = page(client, ours, f"{thanks_day:%Y-%m}")
    assert "Thank you for the soup" in older and "The walk by the river" not in older
    assert f'href="?month={line_day:%Y-%m}">Later: {line_month}' in older
    assert "Earlier:" not in older


def test_a_month_shows_only_what_the_member_may_read(
    client: Client, ours: Relationship, alice: User, bob: User
) -> None:
    day = relationship_today(ours).replace(day=1) - timedelta(days=200)
    bobs_place: Member = ours.memberships.get(user=bob)
    GratitudeEntry.objects.create(member=bobs_place, text="Bob kept this one", date=day)
    GratitudeEntry.objects.create(member=bobs_place, text="Bob shared this", shared=True, date=day)
    client.force_login(alice)
    _, recent = page(client, ours)
    assert f"?month={day:%Y-%m}" in recent
    _, month = page(client, ours, f"{day:%Y-%m}")
    assert "Bob shared this" in month
    assert "Bob kept this one" not in month


def test_a_month_that_is_not_one_opens_the_last_four_weeks(
    client: Client, ours: Relationship, alice: User
) -> None:
    client.force_login(alice)
    for month in ("2024-13", "soon", "99999-01"):
        _, shown = page(client, ours, month)
        assert "Add to my log" in shown

"""The header's notification count: what is still unread once the page a notification leads to
is open, read once on the way in."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hearth.accounts.models import User
from hearth.notifications.models import Notification
from hearth.relationships.models import Relationship

pytestmark = pytest.mark.django_db


def waiting(user: User, relationship: Relationship, url: str, key: str) -> Notification:
    return Notification.objects.create(
        recipient=user, relationship=relationship, kind="joined", url=url, key=key
    )


def test_the_header_counts_what_is_left_once_the_page_it_leads_to_is_open(
    client: Client, ours: Relationship, bob: User
) -> None:
    today = reverse("questions:today", args=[ours.pk])
    gratitude = reverse("gratitude:page", args=[ours.pk])
    waiting(bob, ours, today, "a")
    waiting(bob, ours, gratitude, "b")
    client.force_login(bob)

    assert 'aria-label="Notifications, 1 new"' in client.get(today).content.decode()
    assert (
        'aria-label="Notifications, 1 new"'
        in client.get(reverse("checkins:checkin")).content.decode()
    )
    page = client.get(gratitude).content.decode()
    assert "new" not in page.split('id="notifications-link"')[1].split("</a>")[0]
    assert not Notification.objects.filter(recipient=bob, read_at__isnull=True).exists()


def test_a_page_reads_the_notifications_once(client: Client, ours: Relationship, bob: User) -> None:
    waiting(bob, ours, "/elsewhere/", "a")
    client.force_login(bob)
    url = reverse("checkins:checkin")
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        page = client.get(url).content.decode()
    reads = [q for q in queries if "notifications_notification" in q["sql"]]
    assert len(reads) == 1
    assert 'aria-label="Notifications, 1 new"' in page


def test_the_badge_alone_still_counts_for_itself(
    client: Client, ours: Relationship, bob: User
) -> None:
    waiting(bob, ours, "/elsewhere/", "a")
    client.force_login(bob)
    badge = client.get(reverse("notifications:badge"), HTTP_HX_REQUEST="true")
    assert 'aria-label="Notifications, 1 new"' in badge.content.decode()

"""Deliveries outside the app (a phone, an inbox). Each is a background task: a failure is tried
again with growing waits and given up, with a log line, after a bound; nothing is sent in the
person's quiet hours, and nothing is chased once they have seen it in the app."""

import logging
from collections.abc import Callable, Iterable
from datetime import timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone, translation
from django_tasks import task

from hearth.notifications.clock import after_quiet_hours
from hearth.notifications.models import DeliveryPreferences, Notification

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
WAITS = [timedelta(seconds=30), timedelta(minutes=2), timedelta(minutes=10), timedelta(hours=1)]


def language_of(user: object) -> str:
    """The language a person reads Hearth in, for what reaches them away from a page."""
    return getattr(user, "language", "") or settings.LANGUAGE_CODE


class DeliveryFailed(Exception):
    """A channel could not deliver this time (a server down, a timeout): worth trying again."""


Send = Callable[[Notification], None]
Wants = Callable[[Notification, DeliveryPreferences], bool]


class Channel:
    def __init__(self, name: str, send: Send, wants: Wants) -> None:
        self.name, self.send, self.wants = name, send, wants


CHANNELS: dict[str, Channel] = {}


def channel(name: str, *, wants: Wants) -> Callable[[Send], Send]:
    """Register a way of reaching people; `wants` says whether a person asked for it."""

    def register(send: Send) -> Send:
        CHANNELS[name] = Channel(name, send, wants)
        return send

    return register


def send_outside_the_app(ids: Iterable[int], only: frozenset[str] | None = None) -> int:
    """Queue a delivery per notification and wanted channel, after any quiet hours."""
    queued = 0
    now = timezone.now()
    notifications = Notification.objects.filter(pk__in=list(ids)).select_related(
        "recipient__delivery_preferences"
    )
    for notification in notifications:
        recipient = notification.recipient
        preferences = getattr(recipient, "delivery_preferences", None) or DeliveryPreferences(
            user=recipient
        )
        at = after_quiet_hours(
            now, ZoneInfo(recipient.time_zone), preferences.quiet_start, preferences.quiet_end
        )
        for name, way in CHANNELS.items():
            if (only is None or name in only) and way.wants(notification, preferences):
                deliver.using(run_after=at if at > now else None).enqueue(notification.pk, name, 1)
                queued += 1
    return queued


@task()
def deliver(notification_id: int, channel_name: str, attempt: int) -> str:
    notification = (
        Notification.objects.select_related("recipient", "actor__user", "relationship")
        .filter(pk=notification_id)
        .first()
    )
    if notification is None:
        return "gone"
    if notification.read_at is not None:
        return "already seen in the app"
    way = CHANNELS.get(channel_name)
    if way is None:
        return "no such channel"
    try:
        with translation.override(language_of(notification.recipient)):
            way.send(notification)
    except DeliveryFailed as failure:
        if attempt >= MAX_ATTEMPTS:
            log.warning(
                "Gave up delivering notification %s by %s after %s tries: %s",
                notification_id,
                channel_name,
                attempt,
                failure,
            )
            return "gave up"
        wait = WAITS[min(attempt, len(WAITS)) - 1]
        deliver.using(run_after=timezone.now() + wait).enqueue(
            notification_id, channel_name, attempt + 1
        )
        return "will try again"
    return "delivered"

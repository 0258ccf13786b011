"""Web push: a notification reaches every device the person turned notifications on for,
encrypted for that device and signed with Hearth's own VAPID key. The message holds the
notification's title and words (never anyone's answer) and where it leads."""

import hashlib
import json
import logging

import requests
from django.utils import timezone, translation
from pywebpush import WebPushException, webpush

from hearth.notifications import delivery, vapid
from hearth.notifications.models import DeliveryPreferences, Notification, PushSubscription
from hearth.notifications.selectors import headline, title

log = logging.getLogger(__name__)

TIMEOUT = 10  # seconds to wait for a push service
TIME_TO_LIVE = 24 * 60 * 60  # a day: after that, a message for a phone that was off is stale
GONE = {404, 410}  # the device unsubscribed, or the browser was reset: forget it
TRY_AGAIN = {429}  # and every 5xx: the push service is busy or down


def message(notification: Notification) -> str:
    return json.dumps(
        {
            "title": title(notification),
            "body": headline(notification),
            "url": notification.url,
            "tag": notification.key,
        }
    )


def topic(notification: Notification) -> str:
    """A repeat of one notification replaces the one still waiting at the push service."""
    return hashlib.sha256(notification.key.encode()).hexdigest()[:32]


def session() -> requests.Session:
    """Push services answer where they are asked; a redirect could lead anywhere (inside the
    server's own network, say), so none is followed."""
    without_redirects = requests.Session()
    without_redirects.max_redirects = 0
    return without_redirects


def wants_push(notification: Notification, preferences: DeliveryPreferences) -> bool:
    return (
        preferences.push
        and PushSubscription.objects.filter(user_id=notification.recipient_id).exists()
    )


@delivery.channel("push", wants=wants_push)
def send_push(notification: Notification) -> None:
    """To each of the person's devices. A device the push service says is gone is forgotten; a
    busy or unreachable push service raises DeliveryFailed, so the whole delivery is tried again
    later (a device that got it already shows the repeat in place of the first, by its tag)."""
    preferences = DeliveryPreferences.objects.filter(user_id=notification.recipient_id).first()
    if preferences is not None and not preferences.push:
        return  # turned off since it was queued
    with translation.override(delivery.language_of(notification.recipient)):
        data = message(notification)
    failures: list[str] = []
    http = session()
    for subscription in PushSubscription.objects.filter(user_id=notification.recipient_id):
        try:
            webpush(
                {
                    "endpoint": subscription.endpoint,
                    "keys": {"p256dh": subscription.p256dh, "auth": subscription.auth},
                },
                data,
                vapid_private_key=vapid.vapid(),
                # A fresh dict each time: pywebpush writes the push service's origin into it.
                vapid_claims={"sub": vapid.subject()},
                ttl=TIME_TO_LIVE,
                timeout=TIMEOUT,
                headers={"Urgency": "normal", "Topic": topic(notification)},
                requests_session=http,
            )
        except WebPushException as error:
            status = error.status_code or 0
            if status in GONE:
                subscription.delete()
            elif status in TRY_AGAIN or status >= 500:
                failures.append(f"{subscription.label}: {status or error.message}")
            else:
                # Refused for good (a key the push service no longer accepts, say): trying
                # again won't help, and the person can turn the device on again.
                log.warning(
                    "A push service refused notification %s for device %s: %s",
                    notification.pk,
                    subscription.pk,
                    status,
                )
        except requests.TooManyRedirects:
            log.warning(
                "A push service redirected notification %s for device %s; not followed",
                notification.pk,
                subscription.pk,
            )
        except requests.RequestException as error:
            failures.append(f"{subscription.label}: {type(error).__name__}")
        else:
            PushSubscription.objects.filter(pk=subscription.pk).update(last_used_at=timezone.now())
    if failures:
        raise delivery.DeliveryFailed("; ".join(failures))

"""Telling people what waits for them: one notification per thing and person, in the app at
once, and through the channels they chose once the change is saved."""

from collections.abc import Iterable
from datetime import time

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hearth.accounts.models import User
from hearth.notifications import delivery, devices
from hearth.notifications.email import digest_keep_scheduled
from hearth.notifications.models import DeliveryPreferences, Notification, PushSubscription
from hearth.refusals import Refusal
from hearth.relationships.models import Member, Relationship


class NotificationError(Refusal):
    """A notification rule said no."""


def notify(
    *,
    recipients: Iterable[User | None],
    kind: str,
    key: str,
    url: str,
    relationship: Relationship | None = None,
    actor: Member | None = None,
    again: bool = False,
    channels: frozenset[str] | None = None,
) -> list[Notification]:
    """Tell each recipient, once per `key`. A repeat while it is still unread only freshens it
    (who did it, when), without sending anything new; once read, a repeat changes nothing
    unless `again` (another response, a new reminder) brings it back as unread. Deliveries
    outside the app are queued after the change is committed, never waited for."""
    made: list[Notification] = []
    now = timezone.now()
    for recipient in {r.pk: r for r in recipients if r is not None}.values():
        notification, created = Notification.objects.get_or_create(
            recipient=recipient,
            key=key,
            defaults={
                "kind": kind,
                "url": url,
                "relationship": relationship,
                "actor": actor,
                "created_at": now,
            },
        )
        if not created:
            if not (notification.is_unread or again):
                continue
            only_freshened = notification.is_unread
            notification.actor, notification.url = actor, url
            notification.created_at, notification.read_at = now, None
            notification.save(update_fields=["actor", "url", "created_at", "read_at"])
            if only_freshened:
                continue
        made.append(notification)
    if made:
        ids = [n.pk for n in made]
        transaction.on_commit(lambda: delivery.send_outside_the_app(ids, channels))
    return made


def notifications_seen_at(*, user: User, url: str) -> int:
    """Opening `url` counts as seeing what leads there: those are marked read. Returns how many
    stay unread, from one query when nothing led there (most pages)."""
    counts = Notification.objects.filter(recipient=user, read_at__isnull=True).aggregate(
        unread=Count("pk"), here=Count("pk", filter=Q(url=url))
    )
    if not counts["here"]:
        return int(counts["unread"])
    return max(0, counts["unread"] - notifications_read(user=user, url=url))


def notifications_read(*, user: User, ids: Iterable[int] | None = None, url: str = "") -> int:
    """Mark the person's notifications read: these ids, those leading to `url`, or all."""
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=list(ids))
    if url:
        unread = unread.filter(url=url)
    return unread.update(read_at=timezone.now())


def delivery_preferences_for(user: User) -> DeliveryPreferences:
    preferences, _ = DeliveryPreferences.objects.get_or_create(user=user)
    return preferences


def delivery_preferences_set(
    *, user: User, push: bool, email: str, quiet_start: time, quiet_end: time
) -> DeliveryPreferences:
    """Save how the person wants to be reached; the same start and end mean no quiet hours.
    E-mail can be chosen only on a Hearth that can send it (a choice made before it stopped
    being able to may stay, and is simply not used)."""
    if email not in DeliveryPreferences.Email.values:
        raise NotificationError(_("Choose how often e-mail may come."), field="email")
    preferences = delivery_preferences_for(user)
    if not settings.EMAIL_CAN_SEND and email not in (
        DeliveryPreferences.Email.OFF,
        preferences.email,
    ):
        raise NotificationError(
            _(
                "This Hearth can't send e-mail, so e-mail can't be turned on. Whoever runs it can "
                "set e-mail up; then you can choose it here."
            ),
            field="email",
        )
    preferences.push, preferences.email = push, email
    preferences.quiet_start, preferences.quiet_end = quiet_start, quiet_end
    preferences.save()
    if email == DeliveryPreferences.Email.DIGEST:
        digest_keep_scheduled(user)
    return preferences


def email_stop(*, user: User) -> DeliveryPreferences:
    """No more e-mail to this person, whatever they had chosen (the link in every mail)."""
    preferences = delivery_preferences_for(user)
    if preferences.email != DeliveryPreferences.Email.OFF:
        preferences.email = DeliveryPreferences.Email.OFF
        preferences.save(update_fields=["email"])
    return preferences


# --- devices ---------------------------------------------------------------------------------

MAX_DEVICES = 10


def push_subscription_add(
    *, user: User, endpoint: str, p256dh: str, auth: str, user_agent: str = ""
) -> PushSubscription:
    """Turn notifications on for a device. The same device again only refreshes its keys; a
    device someone else turned them on for before (a shared browser) now reaches this person."""
    endpoint = endpoint.strip()
    # Tests run a push service on this machine; nothing else may have one here.
    loopback = getattr(settings, "PUSH_TO_LOOPBACK", False)
    if problem := devices.endpoint_problem(endpoint, loopback_allowed=loopback):
        raise NotificationError(problem, field="endpoint")
    public_key = devices.decoded_key(p256dh.strip(), 65)
    if public_key is None or not devices.is_device_public_key(public_key):
        raise NotificationError(
            _("The device's public key (p256dh) must be a P-256 point in base64url."),
            field="p256dh",
        )
    secret = devices.decoded_key(auth.strip(), 16)
    if secret is None:
        raise NotificationError(
            _("The device's secret (auth) must be 16 bytes in base64url."), field="auth"
        )
    with transaction.atomic():
        known = PushSubscription.objects.select_for_update().filter(endpoint=endpoint).first()
        others = PushSubscription.objects.filter(user=user).exclude(endpoint=endpoint)
        if others.count() >= MAX_DEVICES:
            raise NotificationError(
                ngettext(
                    "Notifications are on for %(count)s device already. Remove one you no "
                    "longer use, then try again.",
                    "Notifications are on for %(count)s devices already. Remove one you no "
                    "longer use, then try again.",
                    MAX_DEVICES,
                )
                % {"count": MAX_DEVICES}
            )
        subscription = known or PushSubscription(endpoint=endpoint)
        subscription.user = user
        subscription.p256dh = devices.unpadded(public_key)
        subscription.auth = devices.unpadded(secret)
        subscription.label = devices.label_for(user_agent)
        subscription.save()
    return subscription


def push_subscription_remove(*, user: User, subscription_id: int) -> bool:
    """Forget one of the person's devices; whether there was one."""
    deleted, _ = PushSubscription.objects.filter(user=user, pk=subscription_id).delete()
    return deleted > 0


# The session key under which a sign-in remembers the device it turned notifications on for.
SIGNED_IN_DEVICE = "push_endpoint"


def push_subscription_forget(*, user: User, endpoint: str) -> bool:
    """Forget the device the person is using, known by its push address."""
    deleted, _ = PushSubscription.objects.filter(user=user, endpoint=endpoint.strip()).delete()
    return deleted > 0

"""E-mail from Hearth: a short mail for each notification, or one a day gathering what is new
and still unread. Only on a Hearth that can send mail (`EMAIL_CAN_SEND`); never anyone's words;
and every mail carries a link that stops them all in one click, without signing in."""

import logging
from datetime import datetime, time
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import ngettext
from django_tasks import task
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from hearth.accounts.models import User
from hearth.notifications import delivery
from hearth.notifications.clock import after_quiet_hours, in_quiet_hours, next_local_time
from hearth.notifications.models import DeliveryPreferences, Notification
from hearth.notifications.selectors import headline, title

log = logging.getLogger(__name__)

Email = DeliveryPreferences.Email
Kind = Notification.Kind
# A reminder by e-mail comes at the time the person chose, even to someone who otherwise
# takes one e-mail a day; that daily e-mail leaves reminders out.
REMINDERS = frozenset({Kind.QUESTION_REMINDER, Kind.CHECKIN_REMINDER})
DIGEST_AT = time(18, 0)  # the person's own evening, unless it falls in their quiet hours
DIGEST_MOST = 20
STOP_SALT = "hearth.notifications.email-stop"


def preferences_of(user: User) -> DeliveryPreferences:
    return DeliveryPreferences.objects.filter(user=user).first() or DeliveryPreferences(user=user)


def may_email(user: User) -> bool:
    return bool(settings.EMAIL_CAN_SEND and user.is_active and user.email)


# --- the link that stops e-mail --------------------------------------------------------------


def stop_token(user: User) -> str:
    return signing.Signer(salt=STOP_SALT).sign(str(user.pk))


def stop_link(user: User) -> str:
    return settings.SITE_URL + reverse("notifications:email_stop", args=[stop_token(user)])


def user_of_stop_token(token: str) -> User | None:
    """The person a stop link was made for, None if they no longer have an account; a link
    changed on the way, or made by another Hearth, raises signing.BadSignature."""
    user_id = signing.Signer(salt=STOP_SALT).unsign(token)
    if not user_id.isdigit():
        raise signing.BadSignature("Not a person's id.")
    return User.objects.filter(pk=int(user_id)).first()


# --- writing and sending ---------------------------------------------------------------------


def mail_to(user: User, subject: str, template: str, context: dict[str, object]) -> EmailMessage:
    stop = stop_link(user)
    body = render_to_string(
        template,
        {
            **context,
            "name": user.display_name,
            "stop_link": stop,
            "preferences_link": settings.SITE_URL + reverse("notifications:preferences"),
        },
    )
    return EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{stop}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )


def send(message: EmailMessage) -> None:
    try:
        message.send()
    except OSError as failure:  # smtplib's errors are OSErrors too
        raise delivery.DeliveryFailed(f"the mail server: {failure}") from failure


def wants_email(notification: Notification, preferences: DeliveryPreferences) -> bool:
    if not may_email(notification.recipient):
        return False
    if preferences.email == Email.EACH:
        return True
    return preferences.email == Email.DIGEST and notification.kind in REMINDERS


@delivery.channel("email", wants=wants_email)
def send_each(notification: Notification) -> None:
    """One short mail: what is waiting, and the link to it."""
    user = notification.recipient
    # Asked again at sending time: the person (or the host) may have changed their mind since.
    if not wants_email(notification, preferences_of(user)):
        return
    with translation.override(delivery.language_of(user)):
        said = headline(notification)
        message = mail_to(
            user,
            said,
            "notifications/email/each.txt",
            {
                "headline": said,
                "title": title(notification),
                "link": settings.SITE_URL + notification.url,
            },
        )
    send(message)


# --- one e-mail a day ------------------------------------------------------------------------


def digest_moment(user: User, preferences: DeliveryPreferences, after: datetime) -> datetime:
    """The next time for the person's daily e-mail: the evening, or as their quiet hours end."""
    zone = ZoneInfo(user.time_zone)
    evening = next_local_time(after, zone, DIGEST_AT)
    return after_quiet_hours(evening, zone, preferences.quiet_start, preferences.quiet_end)


def queued_digests() -> QuerySet[DBTaskResult]:
    return DBTaskResult.objects.filter(
        status=TaskResultStatus.READY, task_path=digest_send.module_path
    )


def digest_is_queued(user_id: int) -> bool:
    return queued_digests().filter(args_kwargs__args__0=user_id).exists()


def digest_queue(
    user: User, preferences: DeliveryPreferences, since: datetime, now: datetime
) -> None:
    """Queue the next daily e-mail, to gather what arrives after `since`."""
    moment = digest_moment(user, preferences, now)
    digest_send.using(run_after=moment).enqueue(user.pk, since.isoformat(), 1)


def digest_keep_scheduled(user: User) -> bool:
    """Queue the person's daily e-mail if they chose one and none is queued. Safe to repeat;
    whether it queued one."""
    preferences = preferences_of(user)
    if preferences.email != Email.DIGEST or digest_is_queued(user.pk):
        return False
    now = timezone.now()
    digest_queue(user, preferences, now, now)
    return True


def digests_keep_scheduled() -> int:
    """Everyone who chose one e-mail a day has exactly one queued; how many were queued now."""
    chosen = User.objects.filter(delivery_preferences__email=Email.DIGEST, is_active=True)
    return sum(digest_keep_scheduled(user) for user in chosen)


def waiting_since(user: User, since: datetime, until: datetime) -> QuerySet[Notification]:
    """What arrived in the window and is still unread, oldest first; reminders left out."""
    return (
        Notification.objects.filter(
            recipient=user, read_at__isnull=True, created_at__gt=since, created_at__lte=until
        )
        .exclude(kind__in=REMINDERS)
        .select_related("actor__user", "relationship")
        .order_by("created_at", "pk")
    )


def digest_mail(user: User, waiting: list[Notification]) -> EmailMessage:
    with translation.override(delivery.language_of(user)):
        return digest_mail_in_language(user, waiting)


def digest_mail_in_language(user: User, waiting: list[Notification]) -> EmailMessage:
    shown = waiting[:DIGEST_MOST]
    items = [
        {
            "title": title(n),
            "headline": headline(n),
            "link": settings.SITE_URL + n.url,
        }
        for n in shown
    ]
    if len(waiting) == 1:
        subject = items[0]["headline"]
    else:
        subject = ngettext(
            "%(count)s thing is waiting for you in Hearth",
            "%(count)s things are waiting for you in Hearth",
            len(waiting),
        ) % {"count": len(waiting)}
    return mail_to(
        user,
        subject,
        "notifications/email/digest.txt",
        {
            "items": items,
            "more": len(waiting) - len(shown),
            "list_link": settings.SITE_URL + reverse("notifications:list"),
        },
    )


def digest_run(user_id: int, since: datetime, attempt: int, now: datetime | None = None) -> str:
    """Send the person's daily e-mail if anything new waits, then queue the next one."""
    now = now or timezone.now()
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return "gone"
    preferences = preferences_of(user)
    if preferences.email != Email.DIGEST:
        return "turned off"
    if digest_is_queued(user_id):
        return "another one is queued"
    zone = ZoneInfo(user.time_zone)
    if in_quiet_hours(now, zone, preferences.quiet_start, preferences.quiet_end):
        later = after_quiet_hours(now, zone, preferences.quiet_start, preferences.quiet_end)
        digest_send.using(run_after=later).enqueue(user_id, since.isoformat(), attempt)
        return "held through quiet hours"
    outcome, gathered_until = "this Hearth can't send e-mail", now
    if may_email(user):
        waiting = list(waiting_since(user, since, now))
        outcome = "nothing new is waiting"
        if waiting:
            try:
                send(digest_mail(user, waiting))
                outcome = "sent"
            except delivery.DeliveryFailed as failure:
                if attempt < delivery.MAX_ATTEMPTS:
                    wait = delivery.WAITS[min(attempt, len(delivery.WAITS)) - 1]
                    digest_send.using(run_after=now + wait).enqueue(
                        user_id, since.isoformat(), attempt + 1
                    )
                    return "will try again"
                log.warning("Gave up on the daily e-mail to %s: %s", user_id, failure)
                # The next day's e-mail gathers these too.
                outcome, gathered_until = "gave up", since
    digest_queue(user, preferences, gathered_until, now)
    return outcome


@task()
def digest_send(user_id: int, since: str, attempt: int) -> str:
    return digest_run(user_id, datetime.fromisoformat(since), attempt)

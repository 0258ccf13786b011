"""What a person's notifications say, in words written when they are shown (never stored), so a
name changed or an account deleted shows as it is now."""

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from hearth.accounts.models import User
from hearth.notifications.models import Notification
from hearth.relationships.models import Relationship

Kind = Notification.Kind


def headline(notification: Notification) -> str:
    """What the notification says, in the active language (the recipient's, outside a page)."""
    if notification.kind == Kind.QUESTION_REMINDER and notification.relationship is None:
        return several_questions(notification)
    # Translators: who did something, when their account is gone.
    who = notification.actor.display_name if notification.actor else _("Someone")
    where = notification.relationship.name if notification.relationship else "Hearth"
    names = {"who": who, "where": where}
    kind = Kind(notification.kind)
    if kind == Kind.YOUR_TURN:
        return _("%(who)s answered. Your turn, whenever you're ready.") % names
    if kind == Kind.REVEALED:
        return _("Answers are open: see what everyone shared.")
    if kind == Kind.RESPONSE:
        return _("%(who)s responded to what you shared.") % names
    if kind == Kind.JOINED:
        return _("%(who)s joined %(where)s.") % names
    if kind == Kind.SUPPORT:
        return _("%(who)s could use some support today.") % names
    if kind == Kind.NUDGE:
        return _("%(who)s would love to hear your answer, when you have a moment.") % names
    if kind == Kind.QUESTION_REMINDER:
        return _("Today's question is here, whenever you're ready.")
    if kind == Kind.CHECKIN_REMINDER:
        return _("A moment to check in, if you'd like.")
    if kind == Kind.APPRECIATION:
        return _("%(who)s sent you a thank-you.") % names
    if kind == Kind.PLANNED:
        return _("%(who)s planned something for %(where)s.") % names
    if kind == Kind.REVIEW:
        return _("%(who)s added to this week's review.") % names
    if kind == Kind.PLAN_SOON:
        return _("What you planned in %(where)s starts soon.") % names
    return _("Something is waiting for you.")


def several_questions(notification: Notification) -> str:
    """One reminder for several relationships names them: their ids end its key, and only those
    the person still belongs to are named."""
    ids = [int(pk) for pk in notification.key.rsplit(":", 1)[-1].split(".") if pk.isdigit()]
    names = list(
        Relationship.objects.filter(
            pk__in=ids,
            memberships__user=notification.recipient_id,
            memberships__left_at__isnull=True,
        ).values_list("name", flat=True)
    )
    if not names:
        return _("Today's questions are here, whenever you're ready.")
    if len(names) == 1:
        listed = names[0]
    else:
        # Translators: the end of a list of relationships, "Family, Friends and Us".
        listed = _("%(names)s and %(last)s") % {"names": ", ".join(names[:-1]), "last": names[-1]}
    return _("Today's questions in %(names)s are here, whenever you're ready.") % {"names": listed}


def title(notification: Notification) -> str:
    return notification.relationship.name if notification.relationship else "Hearth"


def notifications_of(user: User, limit: int = 50) -> QuerySet[Notification]:
    return Notification.objects.filter(recipient=user).select_related(
        "actor__user", "relationship"
    )[:limit]


def unread_count(user: User) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()

"""What a person's notifications say, in words written when they are shown (never stored), so a
name changed or an account deleted shows as it is now."""

from django.db.models import QuerySet

from hearth.accounts.models import User
from hearth.notifications.models import Notification
from hearth.relationships.models import Relationship

Kind = Notification.Kind


def headline(notification: Notification) -> str:
    if notification.kind == Kind.QUESTION_REMINDER and notification.relationship is None:
        return several_questions(notification)
    who = notification.actor.display_name if notification.actor else "Someone"
    where = notification.relationship.name if notification.relationship else "Hearth"
    return {
        Kind.YOUR_TURN: f"{who} answered. Your turn, whenever you're ready.",
        Kind.REVEALED: "Answers are open: see what everyone shared.",
        Kind.RESPONSE: f"{who} responded to what you shared.",
        Kind.JOINED: f"{who} joined {where}.",
        Kind.SUPPORT: f"{who} could use some support today.",
        Kind.NUDGE: f"{who} would love to hear your answer, when you have a moment.",
        Kind.QUESTION_REMINDER: "Today's question is here, whenever you're ready.",
        Kind.CHECKIN_REMINDER: "A moment to check in, if you'd like.",
        Kind.APPRECIATION: f"{who} sent you a thank-you.",
        Kind.PLANNED: f"{who} planned something for {where}.",
        Kind.REVIEW: f"{who} added to this week's review.",
        Kind.PLAN_SOON: f"What you planned in {where} starts soon.",
    }.get(Kind(notification.kind), "Something is waiting for you.")


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
        return "Today's questions are here, whenever you're ready."
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"Today's questions in {listed} are here, whenever you're ready."


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

"""What a person's notifications say, in words written when they are shown (never stored), so a
name changed or an account deleted shows as it is now."""

from django.db.models import QuerySet

from hearth.accounts.models import User
from hearth.notifications.models import Notification

Kind = Notification.Kind


def headline(notification: Notification) -> str:
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
    }.get(Kind(notification.kind), "Something is waiting for you.")


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

from django.http import HttpRequest

from hearth.notifications.selectors import unread_count


def unread_notifications(request: HttpRequest) -> dict[str, int]:
    # Counted already on the way in, for a page opened (SeenNotificationsMiddleware).
    counted = getattr(request, "unread_notifications", None)
    if counted is None:
        counted = unread_count(request.user)  # type: ignore[arg-type]
    return {"unread_notifications": counted}

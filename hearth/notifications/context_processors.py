from django.http import HttpRequest

from hearth.notifications.selectors import unread_count


def unread_notifications(request: HttpRequest) -> dict[str, int]:
    return {"unread_notifications": unread_count(request.user)}  # type: ignore[arg-type]

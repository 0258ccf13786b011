from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from hearth.notifications.models import Notification
from hearth.notifications.services import notifications_read


class SeenNotificationsMiddleware:
    """Opening the page a notification leads to counts as seeing it. Only reads, unless there
    is something to mark: pages that promise to write nothing (help, quick exit) stay so."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # Before the page is drawn, so its own unread count already leaves this one out.
        if (
            request.method == "GET"
            and request.user.is_authenticated
            and not request.headers.get("HX-Request")
        ):
            unseen = list(
                Notification.objects.filter(
                    recipient=request.user, read_at__isnull=True, url=request.path
                ).values_list("pk", flat=True)
            )
            if unseen:
                notifications_read(user=request.user, ids=unseen)  # type: ignore[arg-type]
        return self.get_response(request)

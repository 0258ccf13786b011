from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from hearth.notifications.services import notifications_seen_at


class SeenNotificationsMiddleware:
    """Opening the page a notification leads to counts as seeing it. Only reads, unless there
    is something to mark: pages that promise to write nothing (help, quick exit) stay so. The
    unread count it reads on the way is the one the page's header shows."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # Before the page is drawn, so its own unread count already leaves this one out.
        if (
            request.method == "GET"
            and request.user.is_authenticated
            and not request.headers.get("HX-Request")
        ):
            request.unread_notifications = notifications_seen_at(  # type: ignore[attr-defined]
                user=request.user,  # type: ignore[arg-type]
                url=request.path,
            )
        return self.get_response(request)

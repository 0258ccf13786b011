from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from hearth.notifications.services import notifications_read


class SeenNotificationsMiddleware:
    """Opening the page a notification leads to counts as seeing it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # Before the page is drawn, so its own unread count already leaves this one out.
        if (
            request.method == "GET"
            and request.user.is_authenticated
            and not request.headers.get("HX-Request")
        ):
            notifications_read(user=request.user, url=request.path)  # type: ignore[arg-type]
        return self.get_response(request)

"""Hearth's own pages for when something goes wrong, each with a way back.

404, 403 and 500 are Django's handlers rendering templates/404.html, 403.html and 500.html;
these views cover what those cannot: a form sent after its page expired, and a request so
broken it stopped before Hearth knew who sent it.
"""

from urllib.parse import urlsplit, urlunsplit

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.middleware.csrf import REASON_NO_CSRF_COOKIE
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.http import url_has_allowed_host_and_scheme


def came_from(request: HttpRequest) -> str | None:
    """The page on this site the person came from (path and query), or None."""
    referer = request.headers.get("Referer", "")
    if not url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return None
    parts = urlsplit(referer)
    return urlunsplit(("", "", parts.path or "/", parts.query, ""))


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form sent from a page that had expired (open too long, or cookies blocked)."""
    context = {"back_url": came_from(request), "cookies_missing": reason == REASON_NO_CSRF_COOKIE}
    return render(request, "403_csrf.html", context, status=403)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """Django's 400 page, also for a request refused before sign-in ran (an unknown host name):
    then nobody is known, so the page is drawn without the signed-in navigation."""
    if not hasattr(request, "user"):
        return HttpResponseBadRequest(render_to_string("400.html"))
    return render(request, "400.html", status=400)

"""A quiet path to help: read-only pages that nobody else is told about and nothing records.

These views write nothing (no model, no session, no message), whoever asks, signed in or not.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from hearth.safety.resources import help_resources


def leave_no_trace(response: HttpResponse) -> HttpResponse:
    """Not kept by the browser's cache, and no address passed on to any other page."""
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


@require_safe
def help_page(request: HttpRequest) -> HttpResponse:
    response = render(request, "safety/help.html", {"resources": help_resources()})
    return leave_no_trace(response)


@require_safe
def quiet(request: HttpRequest) -> HttpResponse:
    """Where the quick exit goes: a plain page that says nothing about Hearth."""
    return leave_no_trace(render(request, "safety/quiet.html"))

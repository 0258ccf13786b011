from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render

from hearth.relationships.selectors import memberships_of


def home(request: HttpRequest) -> HttpResponse:
    """Signed in: the relationship last looked at, or the list. Otherwise: what Hearth is."""
    if not request.user.is_authenticated:
        return render(request, "home.html")
    memberships = [m for m in memberships_of(request.user) if not m.relationship.is_archived]  # type: ignore[arg-type]
    current = request.session.get("current_relationship")
    for member in memberships:
        if member.relationship_id == current:
            return redirect("questions:today", relationship_id=current)
    if memberships:
        return redirect("questions:today", relationship_id=memberships[0].relationship_id)
    return redirect("relationships:list")


def health(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})

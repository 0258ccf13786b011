from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from hearth.lessons import services
from hearth.lessons.library import THEMES, lesson, lessons, sources
from hearth.practices.library import practice
from hearth.practices.selectors import practice_allowed
from hearth.questions import bank
from hearth.questions.selection import fit_for
from hearth.relationships.models import Member
from hearth.relationships.selectors import member_for


def relationship_asked(request: HttpRequest) -> Member | None:
    """The relationship a lesson was opened from (?r=), so its suggestion can lead there."""
    raw = request.GET.get("r", "")
    if not raw.isdigit():
        return None
    try:
        return member_for(user=request.user, relationship_id=int(raw))  # type: ignore[arg-type]
    except Http404:
        return None


@login_required
def lesson_list(request: HttpRequest) -> HttpResponse:
    member = relationship_asked(request)
    shown = [x for x in lessons() if member is None or x.fits(member.relationship.kind)]
    themes = [(title, [x for x in shown if x.theme == key]) for key, title in THEMES.items()]
    return render(
        request,
        "lessons/list.html",
        {"themes": [(t, items) for t, items in themes if items], "member": member},
    )


@login_required
def lesson_detail(request: HttpRequest, key: str) -> HttpResponse:
    item = lesson(key)
    if item is None:
        raise Http404
    services.lesson_read(user=request.user, key=item.key)  # type: ignore[arg-type]
    member = relationship_asked(request)
    what, target = item.suggests
    suggestion = None
    if what == "practice":
        found = practice(target)
        if found and member and not practice_allowed(found, fit_for(member.relationship)):
            found = None  # someone's boundary keeps it away from this relationship
        suggestion = (found.title, "practice") if found else None
    else:
        deck = bank.deck(target)
        suggestion = (deck.localized_title, "deck") if deck else None
    return render(
        request,
        "lessons/lesson.html",
        {
            "lesson": item,
            "member": member,
            "suggestion": suggestion,
            "target": target,
            "references": [sources()[k].reference for k in item.sources],
        },
    )

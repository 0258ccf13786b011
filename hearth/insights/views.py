from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from hearth.assessments import selectors as assessment_selectors
from hearth.assessments.services import instrument_for
from hearth.checkins.selectors import support_signals
from hearth.checkins.services import person_today
from hearth.insights.selectors import insights_for
from hearth.relationships.access import membership_required
from hearth.relationships.models import Member


@membership_required
def insights(request: HttpRequest, member: Member) -> HttpResponse:
    titles = {s.key: s.title for s in instrument_for(member).scales}
    return render(
        request,
        "insights/dashboard.html",
        {
            "relationship": member.relationship,
            "member": member,
            "dashboard": insights_for(member, person_today(request.user), drawn=True),  # type: ignore[arg-type]
            "profiles": assessment_selectors.side_by_side(member, titles),
            "support": support_signals(member),
        },
    )

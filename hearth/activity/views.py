from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


@login_required
def activity_list(request: HttpRequest) -> HttpResponse:
    activities = request.user.activities.all()[:200]  # type: ignore[union-attr]
    return render(request, "activity/list.html", {"activities": activities})

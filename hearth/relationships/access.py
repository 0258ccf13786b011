"""The one way a view reaches a relationship: through the asking person's membership."""

from collections.abc import Callable
from functools import wraps
from typing import Any, Concatenate, ParamSpec

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse

from hearth.relationships.models import Member
from hearth.relationships.selectors import member_for

P = ParamSpec("P")


def membership_required(
    view: Callable[Concatenate[HttpRequest, Member, P], HttpResponse],
) -> Callable[..., HttpResponse]:
    """Turn the URL's relationship_id into the caller's Member, or 404 for non-members."""

    @login_required
    @wraps(view)
    def wrapped(
        request: HttpRequest, relationship_id: int, *args: Any, **kwargs: Any
    ) -> HttpResponse:
        member = member_for(user=request.user, relationship_id=relationship_id)  # type: ignore[arg-type]
        if request.session.get("current_relationship") != member.relationship_id:
            request.session["current_relationship"] = member.relationship_id  # saved only on change
        return view(request, member, *args, **kwargs)

    return wrapped

from django.http import HttpRequest

from hearth.relationships.selectors import memberships_of


def relationship_switcher(request: HttpRequest) -> dict[str, object]:
    """The relationships in the navigation, so a person can switch between them."""
    if not request.user.is_authenticated:
        return {}
    return {
        "nav_memberships": [
            m
            for m in memberships_of(request.user)
            if not m.relationship.is_archived  # type: ignore[arg-type]
        ],
        "current_relationship_id": request.session.get("current_relationship"),
    }

from django.http import HttpRequest

from hearth.relationships.selectors import memberships_of


def relationship_switcher(request: HttpRequest) -> dict[str, object]:
    """The relationships in the navigation, so a person can switch between them."""
    if not request.user.is_authenticated:
        return {}
    memberships = [
        m
        for m in memberships_of(request.user)  # type: ignore[arg-type]
        if not m.relationship.is_archived
    ]
    current_id = request.session.get("current_relationship")
    current = next((m for m in memberships if m.relationship_id == current_id), None)
    return {
        "nav_memberships": memberships,
        "current_relationship_id": current_id,
        # The app bar's relationship: the one last looked at, or the first.
        "nav_current": current or (memberships[0] if memberships else None),
    }

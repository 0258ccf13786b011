from django.http import HttpRequest

from hearth.relationships.selectors import places_to_switch_to


def relationship_switcher(request: HttpRequest) -> dict[str, object]:
    """The relationships in the navigation, so a person can switch between them."""
    if not request.user.is_authenticated:
        return {}
    memberships = places_to_switch_to(request.user)  # type: ignore[arg-type]
    current_id = request.session.get("current_relationship")
    current = next((m for m in memberships if m.relationship_id == current_id), None)
    return {
        "nav_memberships": memberships,
        "current_relationship_id": current_id,
        # The app bar's relationship: the one last looked at, or the first.
        "nav_current": current or (memberships[0] if memberships else None),
    }

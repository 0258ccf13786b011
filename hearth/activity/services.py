from typing import Any

from hearth.activity.models import Activity


def activity_record(*, user: Any, kind: str, detail: str = "") -> None:
    """Note it in the person's own log (no IP addresses or devices are kept)."""
    if user is not None and getattr(user, "pk", None):
        Activity.objects.create(user=user, kind=kind, detail=detail[:200])

"""The insights a member sees: computed once for each change of what they are computed from,
then kept in the cache every process shares (see fingerprint.py for what decides a change)."""

from dataclasses import dataclass
from datetime import date

from django.core.cache import cache

from hearth.insights.dashboard import Dashboard, dashboard_for
from hearth.insights.fingerprint import insights_fingerprint
from hearth.relationships.models import Member

KEPT_FOR = 60 * 60 * 24  # seconds; a day later the viewer's day has moved on anyway


@dataclass(frozen=True)
class Kept:
    fingerprint: str
    dashboard: Dashboard


def kept_key(member: Member) -> str:
    """One entry for each member, replaced on each change: the cache never fills with old ones."""
    return f"insights:{member.pk}"


def insights_for(member: Member, today: date, *, drawn: bool = False) -> Dashboard:
    """The member's insights as of `today`; `drawn` for a page that shows the charts, which
    are then drawn once and kept with the rest. Without it nothing is drawn."""
    fingerprint = insights_fingerprint(member, today)
    kept = cache.get(kept_key(member))
    if isinstance(kept, Kept) and kept.fingerprint == fingerprint:
        board = kept.dashboard
        if not drawn or all(chart.drawing is not None for chart in board.charts):
            return board
    else:
        board = dashboard_for(member, today)
    if drawn:
        board.charts = [chart.drawn() for chart in board.charts]
    cache.set(kept_key(member), Kept(fingerprint, board), KEPT_FOR)
    return board

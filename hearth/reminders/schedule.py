"""When a reminder fires: at the person's chosen wall-clock time on their chosen days, or, when
that falls in their quiet hours, as the quiet hours end. Plain functions over aware datetimes;
the clock (and its daylight-saving rules) is hearth.notifications.clock."""

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from hearth.notifications.clock import after_quiet_hours, in_quiet_hours, next_local_time

# Quiet hours hold a reminder for less than a day; a day and the longest clock change back is
# far enough to look for one still held.
HELD_AT_MOST = dt.timedelta(hours=27)


@dataclass(frozen=True)
class Firing:
    due: dt.datetime  # the chosen time on a chosen day
    at: dt.datetime  # when it goes out: `due`, or as quiet hours end


@dataclass(frozen=True)
class Quiet:
    start: dt.time
    end: dt.time  # the same as start: no quiet hours


def out_of_quiet_hours(moment: dt.datetime, zone: ZoneInfo, quiet: Quiet) -> dt.datetime:
    """`moment`, or the first moment after it outside quiet hours."""
    # Twice at most: a clock change can skip a window's end, so the first try lands in the
    # next window's start, and the next end is the one.
    for _ in range(3):
        if not in_quiet_hours(moment, zone, quiet.start, quiet.end):
            break
        moment = after_quiet_hours(moment, zone, quiet.start, quiet.end)
    return moment


def next_firing(
    after: dt.datetime, zone: ZoneInfo, at: dt.time, days: frozenset[int], quiet: Quiet
) -> Firing:
    """The first firing that goes out strictly after `after`. One held by quiet hours may be due
    before `after` and still to go out, so the search starts a day back."""
    due = next_local_time(after - HELD_AT_MOST, zone, at, days)
    while True:
        firing = Firing(due=due, at=out_of_quiet_hours(due, zone, quiet))
        if firing.at > after:
            return firing
        due = next_local_time(due, zone, at, days)

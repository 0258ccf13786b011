"""Wall-clock times in a person's own time zone, correct across daylight-saving changes.

Plain functions over aware datetimes; nothing here touches the database. Where a day's clock
skips a time (the spring jump), the moment it jumps past it stands in; where the clock shows a
time twice (the autumn fall-back), the first of the two counts, so nothing happens twice.
"""

import datetime as dt
from zoneinfo import ZoneInfo

UTC = dt.UTC
ALL_DAYS = frozenset(range(7))  # Monday 0 … Sunday 6


def exists(day: dt.date, at: dt.time, zone: ZoneInfo) -> bool:
    """Whether the clock in `zone` ever reads `at` on `day`."""
    wall = dt.datetime.combine(day, at, tzinfo=zone)
    return wall.astimezone(UTC).astimezone(zone).replace(tzinfo=None) == wall.replace(tzinfo=None)


def wall_moment(day: dt.date, at: dt.time, zone: ZoneInfo) -> dt.datetime:
    """The first moment (in UTC) on `day` when the clock in `zone` reads `at` or later."""
    wall = dt.datetime.combine(day, at.replace(tzinfo=None, fold=0), tzinfo=zone)
    if exists(day, at, zone):
        return wall.astimezone(UTC)
    # Skipped by a jump: the clock reads an earlier time at the fold=1 reading and a later
    # one at fold=0; the jump lies between. Find the first whole second past it (clocks jump
    # on whole seconds).
    low = int(wall.replace(fold=1).astimezone(UTC).timestamp())
    high = int(wall.replace(fold=0).astimezone(UTC).timestamp())
    target = wall.replace(tzinfo=None)
    while high - low > 1:
        middle = (low + high) // 2
        if dt.datetime.fromtimestamp(middle, zone).replace(tzinfo=None) >= target:
            high = middle
        else:
            low = middle
    return dt.datetime.fromtimestamp(high, UTC)


def next_local_time(
    after: dt.datetime, zone: ZoneInfo, at: dt.time, days: frozenset[int] = ALL_DAYS
) -> dt.datetime:
    """The first moment strictly after `after` when the clock in `zone` reads `at`, on one of
    `days` (0 Monday … 6 Sunday)."""
    if not days:
        raise ValueError("Choose at least one day.")
    local_day = after.astimezone(zone).date()
    for offset in range(9):
        day = local_day + dt.timedelta(days=offset)
        if day.weekday() not in days:
            continue
        moment = wall_moment(day, at, zone)
        if moment > after:
            return moment
    raise AssertionError("unreachable: a chosen weekday comes within eight days")


def in_quiet_hours(moment: dt.datetime, zone: ZoneInfo, start: dt.time, end: dt.time) -> bool:
    """Whether the clock in `zone` reads a time in [start, end) at `moment`; a window may run
    past midnight (22:00 to 08:00), and start == end means no quiet hours."""
    now = moment.astimezone(zone).time().replace(tzinfo=None)
    if start == end:
        return False
    if start < end:
        return start <= now < end
    return now >= start or now < end


def after_quiet_hours(
    moment: dt.datetime, zone: ZoneInfo, start: dt.time, end: dt.time
) -> dt.datetime:
    """`moment` itself, or the moment the quiet hours it falls in are over."""
    if not in_quiet_hours(moment, zone, start, end):
        return moment
    return next_local_time(moment, zone, end)

"""When a reminder fires, for any time zone, chosen time, days, quiet hours and moment: at the
chosen local time (or as quiet hours end), once per chosen day, never in quiet hours."""

import datetime as dt
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from hearth.notifications.clock import exists, in_quiet_hours
from hearth.reminders.schedule import Quiet, next_firing

UTC = dt.UTC
ZONES = [
    "UTC",
    "Europe/Lisbon",
    "Europe/London",
    "Europe/Dublin",  # its summer time is the standard one, winter the offset
    "America/New_York",
    "America/Santiago",
    "America/St_Johns",
    "Australia/Lord_Howe",  # a half-hour change
    "Pacific/Chatham",
    "Asia/Kolkata",
    "Africa/Casablanca",  # clocks change around Ramadan too
    "Pacific/Auckland",
]
SECOND = dt.timedelta(seconds=1)
JUMP_PRECISION = SECOND  # the clock finds the moment of a jump to within a second

zones = st.sampled_from(ZONES).map(ZoneInfo)
times = st.times().map(lambda t: t.replace(second=0, microsecond=0, fold=0))  # as saved
weekdays = st.frozensets(st.integers(0, 6), min_size=1)
quiet_hours = st.builds(Quiet, times, times)
moments = st.datetimes(
    min_value=dt.datetime(2020, 1, 1), max_value=dt.datetime(2035, 12, 31), timezones=st.just(UTC)
)


def wall(moment: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    """What the clock in `zone` reads at `moment`, date and time."""
    return moment.astimezone(zone).replace(tzinfo=None)


def is_chosen_time(due: dt.datetime, zone: ZoneInfo, at: dt.time, days: frozenset[int]) -> bool:
    """The clock reads `at` on a chosen day (its first reading, if it reads it twice), or, on a
    day the clock jumps over `at`, it is the moment of the jump (found to the second)."""
    local = due.astimezone(zone)
    if local.weekday() not in days:
        return False
    if exists(local.date(), at, zone):
        first = dt.datetime.combine(local.date(), at, tzinfo=zone).astimezone(UTC)
        return due == first
    chosen = dt.datetime.combine(local.date(), at)
    return wall(due, zone) > chosen > wall(due - JUMP_PRECISION - SECOND, zone)


def same_moments(found: list[dt.datetime], expected: list[dt.datetime]) -> bool:
    return len(found) == len(expected) and all(
        abs(a - b) <= JUMP_PRECISION for a, b in zip(found, expected, strict=True)
    )


def chosen_moments(
    start: dt.datetime, end: dt.datetime, zone: ZoneInfo, at: dt.time, days: frozenset[int]
) -> list[dt.datetime]:
    """Every moment from `start` to `end` the reminder is chosen for, found day by day."""
    found = []
    day = start.astimezone(zone).date() - dt.timedelta(days=1)
    while day <= end.astimezone(zone).date() + dt.timedelta(days=1):
        if day.weekday() in days:
            chosen = dt.datetime.combine(day, at)
            moment = chosen.replace(tzinfo=zone).astimezone(UTC)
            if not exists(day, at, zone):  # the moment of the jump, searched by seconds
                moment = chosen.replace(tzinfo=zone, fold=1).astimezone(UTC)
                while wall(moment, zone) < chosen:
                    moment += SECOND
            if start <= moment <= end:
                found.append(moment)
        day += dt.timedelta(days=1)
    return found


@settings(max_examples=400, deadline=None)
@given(zone=zones, at=times, days=weekdays, quiet=quiet_hours, moment=moments)
def test_reminders_fire_at_the_chosen_time_or_as_quiet_hours_end_once_per_chosen_day(
    zone, at, days, quiet, moment
):
    firings = []
    after = moment
    for _ in range(10):
        firing = next_firing(after, zone, at, days, quiet)
        assert firing.at > after, "always later than the moment asked about"
        assert is_chosen_time(firing.due, zone, at, days)
        assert not in_quiet_hours(firing.at, zone, quiet.start, quiet.end)
        if firing.at != firing.due:
            # held: it was in quiet hours, and goes out the moment they are over
            assert in_quiet_hours(firing.due, zone, quiet.start, quiet.end)
            before = firing.at - SECOND - JUMP_PRECISION
            assert in_quiet_hours(before, zone, quiet.start, quiet.end)
        firings.append(firing)
        after = firing.at

    dues = [f.due for f in firings]
    assert dues == sorted(set(dues)), "each chosen day fires once, in order"
    # No chosen day between the first and the last is left out.
    everyone = chosen_moments(dues[0] - JUMP_PRECISION, dues[-1] + JUMP_PRECISION, zone, at, days)
    assert same_moments(dues, everyone)
    # Nor before the first: the chosen day before it went out at or before the moment asked.
    earlier = chosen_moments(dues[0] - dt.timedelta(days=8), dues[0] - 2 * SECOND, zone, at, days)
    if earlier:
        held = next_firing(earlier[-1] - 2 * SECOND, zone, at, days, quiet)
        assert same_moments([held.due], earlier[-1:]) and held.at <= moment


@settings(max_examples=200, deadline=None)
@given(zone=zones, at=times, days=weekdays, moment=moments)
def test_without_quiet_hours_a_reminder_fires_exactly_when_chosen(zone, at, days, moment):
    no_quiet = Quiet(dt.time(0, 0), dt.time(0, 0))
    firing = next_firing(moment, zone, at, days, no_quiet)
    assert firing.at == firing.due
    assert is_chosen_time(firing.at, zone, at, days)


def test_a_reminder_in_quiet_hours_waits_for_them_to_end():
    zone = ZoneInfo("Europe/Lisbon")
    quiet = Quiet(dt.time(22, 0), dt.time(7, 30))
    monday_noon = dt.datetime(2025, 3, 3, 12, 0, tzinfo=zone)
    firing = next_firing(monday_noon, zone, dt.time(23, 15), frozenset({0}), quiet)
    assert firing.due == dt.datetime(2025, 3, 3, 23, 15, tzinfo=zone)
    assert firing.at == dt.datetime(2025, 3, 4, 7, 30, tzinfo=zone)
    # Asked again in the night, the one held is still to come.
    night = dt.datetime(2025, 3, 4, 3, 0, tzinfo=zone)
    assert next_firing(night, zone, dt.time(23, 15), frozenset({0}), quiet) == firing


def test_across_the_spring_change_the_chosen_time_keeps_to_the_wall_clock():
    zone = ZoneInfo("Europe/Lisbon")
    no_quiet = Quiet(dt.time(0, 0), dt.time(0, 0))
    saturday = dt.datetime(2025, 3, 29, 20, 0, tzinfo=zone)
    firing = next_firing(saturday, zone, dt.time(19, 0), frozenset(range(7)), no_quiet)
    assert firing.at == dt.datetime(2025, 3, 30, 19, 0, tzinfo=zone)
    assert firing.at - saturday == dt.timedelta(hours=22)  # a day one hour short

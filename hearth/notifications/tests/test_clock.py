"""Wall-clock rules: for any time zone, chosen time, days and daylight-saving change, something
set for a time happens once a chosen day, at that local time, and never in quiet hours."""

import datetime as dt
from zoneinfo import ZoneInfo

from hypothesis import example, given
from hypothesis import strategies as st

from hearth.notifications.clock import (
    after_quiet_hours,
    exists,
    in_quiet_hours,
    next_local_time,
    wall_moment,
)

UTC = dt.UTC
# Zones with spring jumps and autumn folds at different hours and sizes, and some without.
ZONES = [
    "Europe/Berlin",
    "America/New_York",
    "America/Sao_Paulo",
    "Australia/Lord_Howe",  # a 30-minute change
    "Pacific/Chatham",
    "America/St_Johns",
    "Asia/Kolkata",
    "UTC",
    "Africa/Casablanca",
    "Pacific/Apia",
]

zones = st.sampled_from(ZONES).map(ZoneInfo)
instants = st.datetimes(min_value=dt.datetime(2020, 1, 1), max_value=dt.datetime(2030, 12, 31)).map(
    lambda d: d.replace(tzinfo=UTC)
)
times = st.times().map(lambda t: t.replace(microsecond=0, second=0))
day_sets = st.frozensets(st.integers(0, 6), min_size=1)


def local(moment: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    return moment.astimezone(zone).replace(tzinfo=None)


@given(after=instants, zone=zones, at=times, days=day_sets)
@example(  # Casablanca's clocks jumped from 02:00 to 03:00 on 23 April 2023
    after=dt.datetime(2023, 4, 22, 12, tzinfo=UTC),
    zone=ZoneInfo("Africa/Casablanca"),
    at=dt.time(2, 30),
    days=frozenset(range(7)),
)
def test_it_happens_at_the_chosen_local_time_on_a_chosen_day(after, zone, at, days):
    moment = next_local_time(after, zone, at, days)
    assert moment > after
    seen = local(moment, zone)
    assert seen.weekday() in days
    if exists(seen.date(), at, zone):
        assert seen.time() == at
    else:
        # The clock jumped over the time that day: it happens as the clock jumps past it.
        assert seen.time() > at
        assert local(moment - dt.timedelta(seconds=1), zone).time() < at


@given(after=instants, zone=zones, at=times, days=day_sets)
def test_no_chosen_day_is_skipped(after, zone, at, days):
    moment = next_local_time(after, zone, at, days)
    first = local(after, zone).date()
    for offset in range((local(moment, zone).date() - first).days):
        day = first + dt.timedelta(days=offset)
        if day.weekday() in days:
            assert wall_moment(day, at, zone) <= after, "an earlier chosen day was passed over"


@given(start=instants, zone=zones, at=times, days=day_sets)
def test_it_happens_once_a_chosen_day_through_any_change_of_clocks(start, zone, at, days):
    moment, dates = start, []
    for _ in range(16):
        moment = next_local_time(moment, zone, at, days)
        dates.append(local(moment, zone).date())
    assert dates == sorted(set(dates)), "twice on one day, or out of order"


def test_a_time_the_clock_skips_happens_when_it_jumps_past_it():
    berlin = ZoneInfo("Europe/Berlin")
    before = dt.datetime(2026, 3, 28, 12, 0, tzinfo=UTC)
    moment = next_local_time(before, berlin, dt.time(2, 30))
    assert moment == dt.datetime(2026, 3, 29, 1, 0, tzinfo=UTC)  # 03:00 local, as the clock jumps


def test_a_time_the_clock_shows_twice_happens_the_first_time_only():
    new_york = ZoneInfo("America/New_York")
    first = next_local_time(dt.datetime(2026, 11, 1, 0, 0, tzinfo=UTC), new_york, dt.time(1, 30))
    assert first == dt.datetime(2026, 11, 1, 5, 30, tzinfo=UTC)  # 01:30 EDT
    then = next_local_time(first, new_york, dt.time(1, 30))
    assert local(then, new_york).date() == dt.date(2026, 11, 2)


quiet = st.tuples(times, times)


@given(moment=instants, zone=zones, window=quiet)
def test_nothing_is_delivered_in_quiet_hours(moment, zone, window):
    start, end = window
    delivered = after_quiet_hours(moment, zone, start, end)
    assert delivered >= moment
    assert not in_quiet_hours(delivered, zone, start, end)
    if not in_quiet_hours(moment, zone, start, end):
        assert delivered == moment
    else:
        # Held no longer than until the quiet hours end, a day at most.
        assert delivered - moment <= dt.timedelta(hours=25)


def test_quiet_hours_may_run_past_midnight():
    lisbon = ZoneInfo("Europe/Lisbon")
    late = dt.datetime(2026, 7, 1, 22, 30, tzinfo=UTC)  # 23:30 local in summer
    held = after_quiet_hours(late, lisbon, dt.time(22, 0), dt.time(8, 0))
    assert local(held, lisbon) == dt.datetime(2026, 7, 2, 8, 0)
    assert not in_quiet_hours(late, lisbon, dt.time(8, 0), dt.time(8, 0))

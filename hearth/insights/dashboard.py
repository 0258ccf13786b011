"""Everything the insights page shows, gathered in a fixed number of queries."""

import zoneinfo
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from statistics import fmean

from hearth.checkins.models import CheckIn, RelationshipCheckIn
from hearth.insights.charts import Chart, Line, line_chart
from hearth.insights.statistics import (
    MIN_DAYS,
    Association,
    next_day_association,
    pearson_with_interval,
    rolling_mean,
)
from hearth.questions.models import Prompt, Response
from hearth.relationships.models import Member

CHART_DAYS = 90


@dataclass
class Dashboard:
    days_recorded: int
    charts: list[Chart] = field(default_factory=list)
    associations: list[Association] = field(default_factory=list)
    silent_behaviours: list[str] = field(default_factory=list)
    stress_and_closeness: tuple[float, float, float, int] | None = None


def day_range(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def week_summary(name: str, values: Sequence[float | None], unit: str = "") -> str:
    recent = [v for v in values[-7:] if v is not None]
    before = [v for v in values[-14:-7] if v is not None]
    if len(recent) < 3:
        return f"Not enough check-ins in the last week to describe {name} yet."
    text = f"Your {name} averaged {fmean(recent):.1f}{unit} over the last 7 days"
    if len(before) >= 3:
        change = fmean(recent) - fmean(before)
        if abs(change) < 0.2:
            text += ", about the same as the week before"
        else:
            text += f", {'up' if change > 0 else 'down'} {abs(change):.1f} from the week before"
    return text + "."


def dashboard_for(member: Member, today: date) -> Dashboard:
    """The member's own trends, and what goes with their closer days, over all their history."""
    personal = {
        row["date"]: row
        for row in CheckIn.objects.filter(user=member.user_id).values(
            "date", "mood", "stress", "sleep_hours"
        )
    }
    here = {
        row["checkin__date"]: row
        for row in RelationshipCheckIn.objects.filter(member=member).values(
            "checkin__date", "closeness", "affection", "shared_personal", "felt_understood"
        )
    }
    together = set(
        Prompt.objects.filter(
            relationship_id=member.relationship_id, revealed_at__isnull=False
        ).values_list("date", flat=True)
    )
    zone = zoneinfo.ZoneInfo(member.user.time_zone if member.user else "UTC")
    responded = {
        moment.astimezone(zone).date()
        for moment in Response.objects.filter(member=member).values_list("created_at", flat=True)
    }
    profiles = list(member.assessments.order_by("taken_at").values_list("taken_at", "scores"))

    if not personal and not here:
        return Dashboard(days_recorded=0, charts=profile_charts(profiles))
    first = min([*personal, *here])
    days = day_range(first, today)
    closeness = [here[d]["closeness"] if d in here else None for d in days]
    mood = [personal[d]["mood"] if d in personal else None for d in days]
    stress = [personal[d]["stress"] if d in personal else None for d in days]
    sleep_by_day = {d: row["sleep_hours"] for d, row in personal.items()}
    sleep = [float(h) if (h := sleep_by_day.get(d)) is not None else None for d in days]
    recorded = [d in here for d in days]

    shown = days[-CHART_DAYS:]
    smooth_closeness = rolling_mean(closeness)[-CHART_DAYS:]
    smooth_mood = rolling_mean(mood)[-CHART_DAYS:]
    smooth_stress = rolling_mean(stress)[-CHART_DAYS:]
    trend_charts = [
        line_chart(
            [Line("Closeness (1–7)", shown, smooth_closeness)],
            title="Closeness, 7-day average",
            y_range=(1, 7),
            summary=week_summary("closeness", closeness),
        ),
        line_chart(
            [Line("Mood (1–5)", shown, smooth_mood), Line("Stress (1–5)", shown, smooth_stress)],
            title="Mood and stress, 7-day average",
            y_range=(1, 5),
            summary=week_summary("mood", mood) + " " + week_summary("stress", stress),
        ),
    ]
    smooth_sleep = rolling_mean(sleep)[-CHART_DAYS:]
    if any(v is not None for v in smooth_sleep):
        trend_charts.append(
            line_chart(
                [Line("Sleep (hours)", shown, smooth_sleep)],
                title="Sleep, 7-day average",
                y_range=(0, 12),
                summary=week_summary("sleep", sleep, " hours"),
            )
        )
    # A trend needs a few days to be a trend: until then, no empty axes.
    has_trend = any(v is not None for v in smooth_closeness + smooth_mood)
    charts = [*(trend_charts if has_trend else []), *profile_charts(profiles)]
    behaviours = {
        "you answered the day's question together": [
            (d in together) if recorded[i] else None for i, d in enumerate(days)
        ],
        "you responded to someone's answer": [
            (d in responded) if recorded[i] else None for i, d in enumerate(days)
        ],
        "a day with hugs or touch": [here[d]["affection"] if d in here else None for d in days],
        "you shared something personal": [
            here[d]["shared_personal"] if d in here else None for d in days
        ],
    }
    associations, silent = [], []
    for name, did in behaviours.items():
        found = next_day_association(name, did, closeness)
        if found is None:
            silent.append(name)
        else:
            associations.append(found)
    return Dashboard(
        days_recorded=sum(recorded),
        charts=charts,
        associations=associations,
        silent_behaviours=silent,
        stress_and_closeness=(
            pearson_with_interval(stress, closeness) if sum(recorded) >= MIN_DAYS else None
        ),
    )


def profile_charts(profiles: Sequence[tuple[datetime, dict[str, float]]]) -> list[Chart]:
    if len({taken.date() for taken, _ in profiles}) < 2:
        return []  # a trend needs takings on at least two days
    when = [taken.date() for taken, _ in profiles]
    keys = ["emotional", "trust", "communication", "feeling_valued", "satisfaction"]
    lines = [
        Line(k.replace("_", " ").capitalize(), when, [s.get(k) for _, s in profiles]) for k in keys
    ]
    return [
        line_chart(
            lines[:5],
            title="Your profile over time",
            y_range=(0, 100),
            summary=f"Your profile scores across {len(profiles)} takings, 0 to 100.",
        )
    ]

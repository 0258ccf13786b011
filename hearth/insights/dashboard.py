"""Everything the insights page shows, gathered in a fixed number of queries.

A member's check-ins are theirs alone: the trends and findings here are the viewer's own.
What the relationship did together is counted from what the viewer may see.
"""

import zoneinfo
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from statistics import fmean

from django.db.models import Count, Q
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from hearth.checkins.models import CheckIn, RelationshipCheckIn
from hearth.gratitude.models import Appreciation, GratitudeEntry
from hearth.gratitude.selectors import appreciations_visible_to
from hearth.insights.charts import Chart, Line, decimal, signed_decimal
from hearth.insights.statistics import (
    MIN_DAYS,
    Association,
    next_day_association,
    pearson_with_interval,
    rolling_mean,
)
from hearth.practices.models import Reflection
from hearth.practices.selectors import reflections_visible_to
from hearth.questions.models import Prompt, Response
from hearth.relationships.models import Member

CHART_DAYS = 90
TREND_WINDOW = 7  # days in each point of a trend
WEEK_DAYS = 7
CAVEAT = gettext_lazy("These are patterns in your own check-ins, not proof of cause and effect.")


@dataclass(frozen=True)
class Behaviour:
    key: str  # the name the API gives it
    after: str | Promise  # completes "Days after …"
    topic: str | Promise  # in a list of what is still gathering days


BEHAVIOURS = (
    Behaviour(
        "you answered the day's question together",
        # Translators: completes "Days after …".
        gettext_lazy("you answered the day's question together"),
        # Translators: one of a list, "Not enough days yet to say anything about …".
        gettext_lazy("answering the day's question together"),
    ),
    Behaviour(
        "you responded to someone's answer",
        # Translators: completes "Days after …".
        gettext_lazy("you responded to someone's answer"),
        # Translators: one of a list, "Not enough days yet to say anything about …".
        gettext_lazy("responding to answers"),
    ),
    Behaviour(
        "a day with hugs or touch",
        # Translators: completes "Days after …".
        gettext_lazy("hugs or touch"),
        # Translators: one of a list, "Not enough days yet to say anything about …".
        gettext_lazy("hugs or touch"),
    ),
    Behaviour(
        "you shared something personal",
        # Translators: completes "Days after …".
        gettext_lazy("you shared something personal"),
        # Translators: one of a list, "Not enough days yet to say anything about …".
        gettext_lazy("sharing something personal"),
    ),
    Behaviour(
        "you sent an appreciation",
        # Translators: completes "Days after …".
        gettext_lazy("you sent a thank-you"),
        # Translators: one of a list, "Not enough days yet to say anything about …".
        gettext_lazy("thank-yous"),
    ),
    Behaviour(
        "you did a practice",
        # Translators: completes "Days after …".
        gettext_lazy("you did a practice"),
        # Translators: one of a list, "Not enough days yet to say anything about …".
        gettext_lazy("practices"),
    ),
)


def points(value: float) -> str:
    """A difference on the 7-step scale, e.g. "0.8 points", without its sign."""
    shown = f"{abs(value):.1f}"
    return ngettext("%(points)s point", "%(points)s points", 1 if shown == "1.0" else 2) % {
        "points": decimal(abs(value), 1)
    }


@dataclass(frozen=True)
class Finding:
    """One association in a short plain sentence; its numbers stay with it for a tap."""

    behaviour: Behaviour
    association: Association

    @property
    def text(self) -> str:
        a = self.association
        if a.interval_includes_no_difference:
            return _(
                "Days after %(behaviour)s felt about as close as other days: "
                "no clear difference yet."
            ) % {"behaviour": self.behaviour.after}
        size = abs(a.estimate)
        degree = "a little" if size < 0.5 else ("a lot" if size >= 1.0 else "")
        feeling = {
            ("a little", True): _("a little closer"),
            ("", True): _("closer"),
            ("a lot", True): _("a lot closer"),
            ("a little", False): _("a little less close"),
            ("", False): _("less close"),
            ("a lot", False): _("a lot less close"),
        }[(degree, a.estimate > 0)]
        return _(
            "Days after %(behaviour)s, you felt %(feeling)s: about %(points)s on the 7-step scale."
        ) % {"behaviour": self.behaviour.after, "feeling": feeling, "points": points(a.estimate)}

    @property
    def numbers(self) -> str:
        a = self.association
        return ngettext(
            "Difference in next-day closeness %(estimate)s "
            "(95%% interval %(low)s to %(high)s), from %(days)s day: "
            "%(days_with)s after %(behaviour)s, %(days_without)s without.",
            "Difference in next-day closeness %(estimate)s "
            "(95%% interval %(low)s to %(high)s), from %(days)s days: "
            "%(days_with)s after %(behaviour)s, %(days_without)s without.",
            a.days,
        ) % {
            "estimate": signed_decimal(a.estimate, 1),
            "low": decimal(a.low, 1),
            "high": decimal(a.high, 1),
            "days": a.days,
            "days_with": a.days_with,
            "days_without": a.days_without,
            "behaviour": self.behaviour.after,
        }


@dataclass(frozen=True)
class StressLink:
    """Stress and closeness on the same day: a correlation with its 95% interval."""

    r: float
    low: float
    high: float
    days: int

    @property
    def text(self) -> str:
        if self.low <= 0 <= self.high:
            return _("Stress and closeness on the same day: no clear link yet.")
        if self.r < 0:
            return _("On more stressful days, you tended to feel less close.")
        return _("On more stressful days, you tended to feel closer.")

    @property
    def numbers(self) -> str:
        return ngettext(
            "Correlation %(r)s (95%% interval %(low)s to %(high)s), from %(days)s day.",
            "Correlation %(r)s (95%% interval %(low)s to %(high)s), from %(days)s days.",
            self.days,
        ) % {
            "r": decimal(self.r, 2),
            "low": decimal(self.low, 2),
            "high": decimal(self.high, 2),
            "days": self.days,
        }


@dataclass(frozen=True)
class Tally:
    count: int
    words: str  # what was counted, already in the right number


@dataclass(frozen=True)
class WeekRecap:
    """The last seven days, from the viewer's own side and what they may see."""

    first_day: date
    last_day: date
    questions_together: int
    responses_given: int
    checkins: int
    practices_done: int
    thanks_sent: int
    thanks_received: int
    noticed: int

    @property
    def tallies(self) -> list[Tally]:
        """What happened, leaving out what didn't: a quiet week needs no row of zeros."""
        n = self
        every = [
            Tally(
                n.questions_together,
                ngettext(
                    "question answered together",
                    "questions answered together",
                    n.questions_together,
                ),
            ),
            Tally(
                n.responses_given,
                ngettext(
                    "response you gave to an answer",
                    "responses you gave to answers",
                    n.responses_given,
                ),
            ),
            Tally(n.checkins, ngettext("check-in", "check-ins", n.checkins)),
            Tally(n.practices_done, ngettext("practice done", "practices done", n.practices_done)),
            Tally(n.thanks_sent, ngettext("thank-you sent", "thank-yous sent", n.thanks_sent)),
            Tally(
                n.thanks_received,
                ngettext("thank-you received", "thank-yous received", n.thanks_received),
            ),
            Tally(
                n.noticed,
                ngettext(
                    "thing you noticed in your gratitude log",
                    "things you noticed in your gratitude log",
                    n.noticed,
                ),
            ),
        ]
        return [t for t in every if t.count]


@dataclass(frozen=True)
class Together:
    """What the relationship has done together so far, counted from what the viewer may see."""

    questions_together: int
    practices_done: int
    thank_yous: int

    @property
    def tallies(self) -> list[Tally]:
        every = [
            Tally(
                self.questions_together,
                ngettext(
                    "question answered together",
                    "questions answered together",
                    self.questions_together,
                ),
            ),
            Tally(
                self.practices_done,
                ngettext("practice done", "practices done", self.practices_done),
            ),
            Tally(self.thank_yous, ngettext("thank-you", "thank-yous", self.thank_yous)),
        ]
        return [t for t in every if t.count]

    @property
    def anything(self) -> bool:
        return bool(self.tallies)


@dataclass
class Dashboard:
    days_recorded: int
    together: Together
    week: WeekRecap
    charts: list[Chart] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    still_gathering: list[Behaviour] = field(default_factory=list)
    stress_and_closeness: StressLink | None = None
    caveat: str | Promise = CAVEAT

    @property
    def patterns_showing(self) -> bool:
        return self.days_recorded >= MIN_DAYS

    @property
    def patterns_line(self) -> str:
        """When patterns will start to show, said plainly."""
        if self.days_recorded == 0:
            return _("Patterns need about three weeks of check-ins; check in to start.")
        return ngettext(
            "Patterns need about three weeks of check-ins; %(days)s day so far.",
            "Patterns need about three weeks of check-ins; %(days)s days so far.",
            self.days_recorded,
        ) % {"days": self.days_recorded}

    @property
    def associations(self) -> list[Association]:
        return [f.association for f in self.findings]

    @property
    def silent_behaviours(self) -> list[str]:
        return [b.key for b in self.still_gathering]

    @property
    def still_gathering_topics(self) -> str:
        """ "hugs or touch, practices or thank-yous": what has too few days to say anything."""
        topics = [str(b.topic) for b in self.still_gathering]
        if len(topics) < 2:
            return "".join(topics)
        # Translators: the end of a list of alternatives, "a, b or c".
        return _("%(items)s or %(last)s") % {"items": ", ".join(topics[:-1]), "last": topics[-1]}


def day_range(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


# Translators: what each trend is called in "Your … averaged 5.2 over the last 7 days".
MEASURES = {
    "closeness": gettext_lazy("closeness"),
    "mood": gettext_lazy("mood"),
    "stress": gettext_lazy("stress"),
    "sleep": gettext_lazy("sleep"),
}


def week_summary(measure: str, values: Sequence[float | None], hours: bool = False) -> str:
    """The last seven days of one measure (a key of MEASURES) in a sentence."""
    name = MEASURES[measure]
    recent = [v for v in values[-7:] if v is not None]
    before = [v for v in values[-14:-7] if v is not None]
    if len(recent) < 3:
        return _("Not enough check-ins in the last week to describe %(name)s yet.") % {"name": name}
    average = decimal(fmean(recent), 1)
    if hours:
        average = _("%(hours)s hours") % {"hours": average}
    said = {"name": name, "average": average}
    if len(before) < 3:
        return _("Your %(name)s averaged %(average)s over the last 7 days.") % said
    change = fmean(recent) - fmean(before)
    if abs(change) < 0.2:
        return (
            _(
                "Your %(name)s averaged %(average)s over the last 7 days, "
                "about the same as the week before."
            )
            % said
        )
    said["change"] = decimal(abs(change), 1)
    if change > 0:
        return (
            _(
                "Your %(name)s averaged %(average)s over the last 7 days, "
                "up %(change)s from the week before."
            )
            % said
        )
    return (
        _(
            "Your %(name)s averaged %(average)s over the last 7 days, "
            "down %(change)s from the week before."
        )
        % said
    )


def practices_done(member: Member, within: Q | None = None) -> int:
    """Practices done, from the reflections the member may see; one done together on one day
    counts once."""
    visible = reflections_visible_to(member)
    if within is not None:
        visible = visible.filter(within)
    return visible.values("practice_key", "done_on").distinct().count()


def together_so_far(member: Member) -> Together:
    return Together(
        questions_together=Prompt.objects.filter(
            relationship_id=member.relationship_id, revealed_at__isnull=False
        )
        .filter(answers__member=member)
        .filter(member.while_a_member("revealed_at"))
        .count(),
        practices_done=practices_done(member),
        thank_yous=appreciations_visible_to(member).count(),
    )


def week_recap(member: Member, today: date, zone: zoneinfo.ZoneInfo) -> WeekRecap:
    first_day = today - timedelta(days=WEEK_DAYS - 1)
    start = datetime.combine(first_day, time.min, tzinfo=zone)
    end = datetime.combine(today + timedelta(days=1), time.min, tzinfo=zone)
    thanks = appreciations_visible_to(member).aggregate(
        sent=Count("pk", filter=Q(sender=member, created_at__gte=start, created_at__lt=end)),
        received=Count("pk", filter=Q(recipient=member, created_at__gte=start, created_at__lt=end)),
    )
    return WeekRecap(
        first_day=first_day,
        last_day=today,
        questions_together=Prompt.objects.filter(
            relationship_id=member.relationship_id, revealed_at__gte=start, revealed_at__lt=end
        )
        .filter(answers__member=member)
        .count(),
        responses_given=Response.objects.filter(
            member=member, created_at__gte=start, created_at__lt=end
        ).count(),
        checkins=RelationshipCheckIn.objects.filter(
            member=member, checkin__date__gte=first_day, checkin__date__lte=today
        ).count(),
        practices_done=practices_done(member, Q(done_on__gte=first_day, done_on__lte=today)),
        thanks_sent=thanks["sent"],
        thanks_received=thanks["received"],
        noticed=GratitudeEntry.objects.filter(
            member=member, date__gte=first_day, date__lte=today
        ).count(),
    )


def dashboard_for(member: Member, today: date) -> Dashboard:
    """The member's own trends, what goes with their closer days, and what was done together."""
    zone = zoneinfo.ZoneInfo(member.user.time_zone if member.user else "UTC")
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
    responded = {
        moment.astimezone(zone).date()
        for moment in Response.objects.filter(member=member).values_list("created_at", flat=True)
    }
    thanked = {
        moment.astimezone(zone).date()
        for moment in Appreciation.objects.filter(sender=member).values_list(
            "created_at", flat=True
        )
    }
    practised = set(Reflection.objects.filter(member=member).values_list("done_on", flat=True))
    profiles = list(member.assessments.order_by("taken_at").values_list("taken_at", "scores"))
    board = Dashboard(
        days_recorded=0,
        together=together_so_far(member),
        week=week_recap(member, today, zone),
        charts=profile_charts(profiles),
    )
    if not personal and not here:
        return board

    first = min([*personal, *here])
    days = day_range(first, today)
    closeness = [here[d]["closeness"] if d in here else None for d in days]
    mood = [personal[d]["mood"] if d in personal else None for d in days]
    stress = [personal[d]["stress"] if d in personal else None for d in days]
    sleep_by_day = {d: row["sleep_hours"] for d, row in personal.items()}
    sleep = [float(h) if (h := sleep_by_day.get(d)) is not None else None for d in days]
    recorded = [d in here for d in days]
    board.days_recorded = sum(recorded)
    board.charts = [*trend_charts(days, closeness, mood, stress, sleep), *board.charts]

    def on_recorded_days(happened: set[date]) -> list[bool | None]:
        return [(d in happened) if recorded[i] else None for i, d in enumerate(days)]

    did: dict[str, list[bool | None]] = {
        "you answered the day's question together": on_recorded_days(together),
        "you responded to someone's answer": on_recorded_days(responded),
        "a day with hugs or touch": [here[d]["affection"] if d in here else None for d in days],
        "you shared something personal": [
            here[d]["shared_personal"] if d in here else None for d in days
        ],
        "you sent an appreciation": on_recorded_days(thanked),
        "you did a practice": on_recorded_days(practised),
    }
    for behaviour in BEHAVIOURS:
        found = next_day_association(behaviour.key, did[behaviour.key], closeness)
        if found is None:
            board.still_gathering.append(behaviour)
        else:
            board.findings.append(Finding(behaviour, found))
    if board.patterns_showing and (link := pearson_with_interval(stress, closeness)):
        board.stress_and_closeness = StressLink(*link)
    return board


def shown_trend(values: Sequence[float | None]) -> list[float | None]:
    """The 7-day average over the days a chart shows, from just the days those averages need."""
    return rolling_mean(values[-(CHART_DAYS + TREND_WINDOW - 1) :], TREND_WINDOW)[-CHART_DAYS:]


def trend_charts(
    days: list[date],
    closeness: Sequence[float | None],
    mood: Sequence[float | None],
    stress: Sequence[float | None],
    sleep: Sequence[float | None],
) -> list[Chart]:
    shown = days[-CHART_DAYS:]
    smooth_closeness = shown_trend(closeness)
    smooth_mood = shown_trend(mood)
    smooth_stress = shown_trend(stress)
    # A trend needs a few days to be a trend: until then, no empty axes.
    if not any(v is not None for v in smooth_closeness + smooth_mood):
        return []
    charts = [
        Chart(
            key="closeness",
            title=_("Closeness, 7-day average"),
            lines=[Line(_("Closeness (1–7)"), shown, smooth_closeness)],
            y_ticks=(1, 4, 7),
            summary=week_summary("closeness", closeness),
        ),
        Chart(
            key="mood-stress",
            title=_("Mood and stress, 7-day average"),
            lines=[
                Line(_("Mood (1–5)"), shown, smooth_mood),
                Line(_("Stress (1–5)"), shown, smooth_stress),
            ],
            y_ticks=(1, 3, 5),
            summary=week_summary("mood", mood) + " " + week_summary("stress", stress),
        ),
    ]
    smooth_sleep = shown_trend(sleep)
    if any(v is not None for v in smooth_sleep):
        charts.append(
            Chart(
                key="sleep",
                title=_("Sleep, 7-day average"),
                lines=[Line(_("Sleep (hours)"), shown, smooth_sleep)],
                y_ticks=(0, 4, 8, 12),
                summary=week_summary("sleep", sleep, hours=True),
            )
        )
    return charts


PROFILE_LINES = {
    "emotional": gettext_lazy("Emotional"),
    "trust": gettext_lazy("Trust"),
    "communication": gettext_lazy("Communication"),
    "feeling_valued": gettext_lazy("Feeling valued"),
    "satisfaction": gettext_lazy("Satisfaction"),
}


def profile_charts(profiles: Sequence[tuple[datetime, dict[str, float]]]) -> list[Chart]:
    if len({taken.date() for taken, _scores in profiles}) < 2:
        return []  # a trend needs takings on at least two days
    when = [taken.date() for taken, _scores in profiles]
    lines = [
        Line(str(label), when, [s.get(key) for _taken, s in profiles])
        for key, label in PROFILE_LINES.items()
    ]
    return [
        Chart(
            key="profile",
            title=_("Your profile over time"),
            lines=lines,
            y_ticks=(0, 50, 100),
            summary=ngettext(
                "Your profile scores across %(count)s taking, 0 to 100.",
                "Your profile scores across %(count)s takings, 0 to 100.",
                len(profiles),
            )
            % {"count": len(profiles)},
        )
    ]

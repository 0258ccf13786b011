"""Line charts drawn by the server as inline SVG: no scripts, no CDN, legible at any width.

The outer <svg> has no viewBox, so its text is laid out in CSS pixels and sized by the
stylesheet: it never shrinks with a narrow screen nor swells on a wide one. Only the plot area
inside it stretches with the width, and its lines keep their thickness (non-scaling-stroke).
Colours are CSS classes (`c1`…`c5`, `.grid`, text uses the page's variables), so a chart
follows the page in light and dark. Every label and number passes through format_html.
"""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from django.utils.formats import date_format, number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import pgettext

SERIES_CLASSES = ("c1", "c2", "c3", "c4", "c5")
PLOT = 1000  # the plot area's own units, both ways; it stretches to fit
PLOT_TOP, PLOT_HEIGHT = 12.0, 68.0  # percent of the chart's height
MARK_POINTS_UP_TO = 12  # a line of few points shows each one


@dataclass(frozen=True)
class Line:
    label: str
    days: Sequence[date]
    values: Sequence[float | None]

    @property
    def has_points(self) -> bool:
        return any(v is not None for v in self.values)


@dataclass(frozen=True)
class Chart:
    """What a chart shows and says; drawing waits until a page asks for it (`drawn`), so a
    reader that only wants the words, like the API, never draws."""

    key: str  # unique on the page, for ids: letters, digits and dashes
    title: str
    lines: Sequence[Line]
    y_ticks: Sequence[float]  # the first and last are the ends of the scale
    summary: str
    drawing: SafeString | None = None  # the SVG, once drawn

    @property
    def title_id(self) -> str:
        return f"chart-{self.key}-title"

    @property
    def summary_id(self) -> str:
        return f"chart-{self.key}-summary"

    @property
    def legend(self) -> list[tuple[str, str]]:
        """(colour class, label) for each drawn line, when there is more than one to tell apart."""
        drawn = [
            (SERIES_CLASSES[i % len(SERIES_CLASSES)], line.label)
            for i, line in enumerate(self.lines)
            if line.has_points
        ]
        return drawn if len(drawn) > 1 else []

    def drawn(self) -> "Chart":
        """The same chart with its SVG drawn, ready to be kept and shown again."""
        return self if self.drawing is not None else replace(self, drawing=draw(self))

    def svg(self) -> SafeString:
        return self.drawing if self.drawing is not None else draw(self)


def decimal(value: float, places: int) -> str:
    """A number rounded to `places` decimals, written the reader's way ("0.8", "0,8")."""
    return number_format(Decimal(f"{value:.{places}f}"), places)


def signed_decimal(value: float, places: int) -> str:
    """The same, always with its sign ("+0.8", "-0.8")."""
    shown = f"{value:+.{places}f}"
    return shown[0] + number_format(Decimal(shown[1:]), places)


def tick_text(value: float) -> str:
    return number_format(Decimal(f"{value:g}"))


def day_text(day: date) -> str:
    """A day and its month, short, in the reader's language ("3 Nov")."""
    # Translators: Django's date format for a day and a short month under a chart, "3 Nov".
    return date_format(day, pgettext("chart date", "j M"))


def x_ticks(first: date, last: date) -> list[tuple[float, date]]:
    """Up to four dates spread over the range, as (percent across, date)."""
    span = (last - first).days
    if span == 0:
        return [(50.0, first)]
    steps = 3 if span >= 3 else span
    chosen: dict[int, None] = {round(span * n / steps): None for n in range(steps + 1)}
    return [
        (100 * offset / span, date.fromordinal(first.toordinal() + offset)) for offset in chosen
    ]


def path_data(points: Sequence[tuple[float, float] | None]) -> tuple[str, str]:
    """The line through consecutive points (a gap breaks it), and a dot for each point to mark."""
    segments: list[str] = []
    dots: list[str] = []
    run: list[tuple[float, float]] = []
    mark_all = sum(p is not None for p in points) <= MARK_POINTS_UP_TO
    for point in [*points, None]:
        if point is not None:
            run.append(point)
            continue
        if len(run) > 1:
            segments.append("M" + " L".join(f"{x:.1f} {y:.1f}" for x, y in run))
        marked = run if (mark_all or len(run) == 1) else []
        dots.extend(f"M{x:.1f} {y:.1f} h0" for x, y in marked)
        run = []
    return " ".join(segments), " ".join(dots)


def draw(chart: Chart) -> SafeString:
    low, high = chart.y_ticks[0], chart.y_ticks[-1]
    days = [d for line in chart.lines for d in line.days]
    first, last = min(days), max(days)
    span = max((last - first).days, 1)

    def x(day: date) -> float:
        return PLOT * (day - first).days / span if first != last else PLOT / 2

    def y(value: float) -> float:
        return PLOT * (1 - (min(max(value, low), high) - low) / (high - low))

    def percent_down(value: float) -> str:
        return f"{PLOT_TOP + PLOT_HEIGHT * (1 - (value - low) / (high - low)):.2f}%"

    grid = format_html_join(
        "",
        '<line class="grid" x1="0" x2="100%" y1="{0}" y2="{0}"></line>'
        '<text class="tick y-tick" x="0" y="{0}" dy="-5">{1}</text>',
        ((percent_down(t), tick_text(t)) for t in chart.y_ticks),
    )
    series = []
    for index, line in enumerate(chart.lines):
        points = [
            (x(d), y(v)) if v is not None else None
            for d, v in zip(line.days, line.values, strict=True)
        ]
        stroke, dots = path_data(points)
        colour = SERIES_CLASSES[index % len(SERIES_CLASSES)]
        if stroke:
            series.append(
                format_html(
                    '<path class="series {}" d="{}" vector-effect="non-scaling-stroke"></path>',
                    colour,
                    stroke,
                )
            )
        if dots:
            series.append(
                format_html(
                    '<path class="dots {}" d="{}" vector-effect="non-scaling-stroke"></path>',
                    colour,
                    dots,
                )
            )
    anchors = {0.0: "start", 100.0: "end"}
    dates = format_html_join(
        "",
        '<text class="tick x-tick" x="{}%" y="100%" dy="-5" text-anchor="{}">{}</text>',
        (
            (f"{across:.2f}", anchors.get(across, "middle"), day_text(day))
            for across, day in x_ticks(first, last)
        ),
    )
    return format_html(
        '<svg class="chart-svg" width="100%" height="208" role="img" focusable="false" '
        'aria-labelledby="{} {}" xmlns="http://www.w3.org/2000/svg">'
        "{}"
        '<svg class="plot" x="0" y="{}%" width="100%" height="{}%" viewBox="0 0 {} {}" '
        'preserveAspectRatio="none" overflow="visible">{}</svg>'
        "{}</svg>",
        chart.title_id,
        chart.summary_id,
        grid,
        f"{PLOT_TOP:g}",
        f"{PLOT_HEIGHT:g}",
        PLOT,
        PLOT,
        format_html_join("", "{}", ((part,) for part in series)),
        dates,
    )

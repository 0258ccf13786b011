"""Charts are inline SVG: the stylesheet sizes and colours their text; their words are escaped."""

import re
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from hearth.insights.charts import Chart, Line, path_data, x_ticks
from hearth.insights.dashboard import CHART_DAYS, shown_trend
from hearth.insights.statistics import rolling_mean

START = date(2025, 3, 1)


def days(count: int) -> list[date]:
    return [START + timedelta(days=n) for n in range(count)]


def closeness_chart(values: list[float | None], label: str = "Closeness (1–7)") -> Chart:
    return Chart(
        key="closeness",
        title="Closeness, 7-day average",
        lines=[Line(label, days(len(values)), values)],
        y_ticks=(1, 4, 7),
        summary="Your closeness averaged 5.0 over the last 7 days.",
    )


def test_text_is_laid_out_in_css_pixels_so_the_stylesheet_sizes_it():
    """The outer SVG has no viewBox (its units are CSS pixels) and no text carries its own size
    or colour: only the plot area stretches with the width."""
    svg = str(closeness_chart([4.0, 5.0, 6.0, 5.0]).svg())
    outer = re.match(r"<svg [^>]*>", svg)
    assert outer and "viewBox" not in outer.group(0)
    assert 'role="img"' in outer.group(0)
    assert 'aria-labelledby="chart-closeness-title chart-closeness-summary"' in outer.group(0)
    for attribute in ("font-size", "font-family", "fill=", "stroke=", "color=", "style="):
        assert attribute not in svg, attribute
    assert re.search(r'<svg class="plot"[^>]*viewBox="0 0 1000 1000"', svg)
    assert 'vector-effect="non-scaling-stroke"' in svg


def test_the_scale_and_dates_are_labelled():
    svg = str(closeness_chart([4.0] * 10).svg())
    ticks = re.findall(r'<text class="tick y-tick"[^>]*>([^<]*)</text>', svg)
    assert ticks == ["1", "4", "7"]
    dates = re.findall(r'<text class="tick x-tick"[^>]*>([^<]*)</text>', svg)
    assert dates == ["1 Mar", "4 Mar", "7 Mar", "10 Mar"]


def test_words_in_a_chart_are_escaped():
    chart = Chart(
        key="x",
        title="t",
        lines=[Line('<script>alert("x")</script>', days(3), [1.0, 2.0, 3.0])],
        y_ticks=(0, 5),
        summary="s",
    )
    assert "<script>" not in str(chart.svg())
    assert chart.legend == []  # one line needs no legend


def test_a_legend_names_each_drawn_line_with_its_colour():
    chart = Chart(
        key="mood-stress",
        title="Mood and stress",
        lines=[
            Line("Mood (1–5)", days(3), [3.0, 4.0, 3.0]),
            Line("Stress (1–5)", days(3), [2.0, 2.0, 1.0]),
            Line("Sleep", days(3), [None, None, None]),
        ],
        y_ticks=(1, 3, 5),
        summary="s",
    )
    assert chart.legend == [("c1", "Mood (1–5)"), ("c2", "Stress (1–5)")]
    svg = str(chart.svg())
    assert 'class="series c1"' in svg and 'class="series c2"' in svg
    assert "c3" not in svg


def test_a_missing_day_breaks_the_line_and_a_lone_day_is_a_dot():
    stroke, dots = path_data(
        [
            (0.0, 10.0),
            (1.0, 20.0),
            None,
            (3.0, 30.0),
            None,
            *[(float(n), 5.0) for n in range(5, 20)],
        ]
    )
    assert stroke.count("M") == 2  # the first pair, and the long run at the end
    assert dots == "M3.0 30.0 h0"  # only the day with no neighbour


def test_values_outside_the_scale_stay_inside_the_plot():
    svg = str(closeness_chart([0.0, 9.0]).svg())
    path = re.search(r'class="series c1" d="([^"]+)"', svg)
    assert path
    ys = [float(y) for y in re.findall(r"[\d.]+ ([\d.]+)", path.group(1))]
    assert ys == [1000.0, 0.0]


def test_dates_spread_over_the_range_without_repeating():
    assert x_ticks(START, START) == [(50.0, START)]
    assert [d.day for _, d in x_ticks(START, START + timedelta(days=1))] == [1, 2]
    spread = x_ticks(START, START + timedelta(days=89))
    assert [d.day for _, d in spread] == [1, 31, 29, 29]  # 1 Mar, 31 Mar, 29 Apr, 29 May
    assert [round(p) for p, _ in spread] == [0, 34, 66, 100]  # whole days, about a third apart


@given(
    st.lists(st.one_of(st.none(), st.integers(min_value=1, max_value=7)), max_size=3 * CHART_DAYS)
)
def test_a_trend_smoothed_from_only_the_days_it_shows_is_the_same_as_from_all_of_them(
    values: list[int | None],
):
    assert shown_trend(values) == rolling_mean(values)[-CHART_DAYS:]

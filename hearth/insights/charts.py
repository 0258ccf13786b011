"""Charts drawn by the server with matplotlib as SVG: no scripts, no CDN, readable on a phone."""

import base64
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates
import matplotlib.pyplot as plt

# Mid-tone colours that read on light and dark pages alike.
COLOURS = ["#c2552f", "#3a7bd5", "#2e9e6a", "#b07d12", "#8a5cc7"]
INK = "#8a8a8a"

matplotlib.rcParams.update(
    {
        "svg.fonttype": "none",  # text stays text: smaller, selectable, uses the page's fonts
        "svg.hashsalt": "hearth",  # stable ids, so the same data draws the same file
        "font.family": "sans-serif",
        "font.size": 13,
        "axes.edgecolor": INK,
        "axes.labelcolor": INK,
        "xtick.color": INK,
        "ytick.color": INK,
        "axes.spines.top": False,
        "axes.spines.right": False,
    }
)


@dataclass(frozen=True)
class Line:
    label: str
    days: Sequence[date]
    values: Sequence[float | None]


@dataclass(frozen=True)
class Chart:
    title: str
    data_uri: str
    summary: str


def line_chart(
    lines: Sequence[Line], *, title: str, y_range: tuple[float, float], summary: str
) -> Chart:
    figure, axes = plt.subplots(figsize=(5.2, 3.0), dpi=100)
    try:
        drawn = 0
        for index, line in enumerate(lines):
            points = [(d, v) for d, v in zip(line.days, line.values, strict=True) if v is not None]
            if points:
                drawn += 1
                xs, ys = zip(*points, strict=True)
                axes.plot(
                    xs, ys, color=COLOURS[index % len(COLOURS)], linewidth=2, label=line.label
                )
        axes.set_ylim(*y_range)
        axes.xaxis.set_major_locator(mdates.AutoDateLocator(maxticks=4))
        axes.xaxis.set_major_formatter(mdates.DateFormatter("%d %b"))
        axes.grid(axis="y", color=INK, alpha=0.25)
        if drawn > 1:
            # Below the plot, so labels never cover the lines on a narrow screen.
            axes.legend(frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.15), ncols=2)
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="svg", transparent=True)
    finally:
        plt.close(figure)
    encoded = base64.b64encode(buffer.getvalue()).decode()
    return Chart(title=title, data_uri=f"data:image/svg+xml;base64,{encoded}", summary=summary)

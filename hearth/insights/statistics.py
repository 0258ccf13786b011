"""The numbers behind insights: smoothed trends and what tends to go with closer days.

Plain functions over day-aligned series (index i is day i, None where nothing was recorded);
nothing here touches the database. Insights claim association, never cause.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import statsmodels.api as sm
from scipy import stats

MIN_DAYS = 21
MIN_EACH = 7
MIN_PAIRS_FOR_CORRELATION = 10
HAC_MAXLAGS = 3
CONFIDENCE = 0.95


def rolling_mean(
    values: Sequence[float | None], window: int = 7, min_points: int = 4
) -> list[float | None]:
    """Mean of the trailing `window` days; None where fewer than `min_points` were recorded."""
    if window < 1 or min_points < 1:
        raise ValueError("window and min_points must be at least 1.")
    means: list[float | None] = []
    for day in range(len(values)):
        recorded = [v for v in values[max(0, day - window + 1) : day + 1] if v is not None]
        means.append(sum(recorded) / len(recorded) if len(recorded) >= min_points else None)
    return means


@dataclass(frozen=True)
class Association:
    behaviour: str
    estimate: float
    low: float
    high: float
    days: int
    days_with: int
    days_without: int

    @property
    def interval_includes_no_difference(self) -> bool:
        return self.low <= 0 <= self.high

    @property
    def sentence(self) -> str:
        """The finding in plain words, as an association with its uncertainty."""
        evidence = f"95% interval {self.low:.1f} to {self.high:.1f}, from {self.days} days"
        caveat = "This shows what tends to go together, not cause and effect."
        if self.interval_includes_no_difference:
            return (
                f"On days after {self.behaviour}, closeness was about the same as on other "
                f"days: we can't tell a difference yet ({evidence}). {caveat}"
            )
        direction = "higher" if self.estimate > 0 else "lower"
        return (
            f"On days after {self.behaviour}, closeness was {abs(self.estimate):.1f} points "
            f"{direction} on average ({evidence}). {caveat}"
        )


def next_day_association(
    behaviour: str, did: Sequence[bool | None], closeness: Sequence[float | None]
) -> Association | None:
    """How next-day closeness differs after days with the behaviour; None until there's enough."""
    if len(did) != len(closeness):
        raise ValueError("did and closeness must be aligned by day (the same length).")
    pairs = [
        (bool(today), float(tomorrow))
        for today, tomorrow in zip(did[:-1], closeness[1:], strict=True)
        if today is not None and tomorrow is not None
    ]
    days_with = sum(1 for today, _ in pairs if today)
    days_without = len(pairs) - days_with
    if len(pairs) < MIN_DAYS or min(days_with, days_without) < MIN_EACH:
        return None
    estimate, low, high = _difference_with_hac_interval(
        np.array([today for today, _ in pairs], dtype=np.float64),
        np.array([tomorrow for _, tomorrow in pairs], dtype=np.float64),
    )
    return Association(behaviour, estimate, low, high, len(pairs), days_with, days_without)


def pearson_with_interval(
    x: Sequence[float | None], y: Sequence[float | None]
) -> tuple[float, float, float, int] | None:
    """Correlation r with a Fisher-z 95% interval and the number of pairs; None below 10 pairs."""
    if len(x) != len(y):
        raise ValueError("x and y must be aligned by day (the same length).")
    pairs = np.array(
        [(a, b) for a, b in zip(x, y, strict=True) if a is not None and b is not None],
        dtype=np.float64,
    ).reshape(-1, 2)
    n = len(pairs)
    # A series that never changes has no correlation to show.
    if n < MIN_PAIRS_FOR_CORRELATION or np.ptp(pairs[:, 0]) == 0 or np.ptp(pairs[:, 1]) == 0:
        return None
    r = float(np.clip(np.corrcoef(pairs[:, 0], pairs[:, 1])[0, 1], -1.0, 1.0))
    low, high = _fisher_interval(r, n)
    return r, low, high, n


def _difference_with_hac_interval(
    indicator: np.ndarray, outcome: np.ndarray
) -> tuple[float, float, float]:
    # Regressing on a 0/1 indicator makes the slope the difference of means; Newey–West
    # errors allow for closeness on neighbouring days being alike, and the small-sample
    # correction with t quantiles keeps a 95% interval near 95% over a few weeks of days.
    design = sm.add_constant(indicator, has_constant="add")
    fit = sm.OLS(outcome, design).fit(
        cov_type="HAC", cov_kwds={"maxlags": HAC_MAXLAGS, "use_correction": True}, use_t=True
    )
    low, high = fit.conf_int(alpha=1 - CONFIDENCE)[1]
    return float(fit.params[1]), float(low), float(high)


def _fisher_interval(r: float, n: int) -> tuple[float, float]:
    z_critical = stats.norm.ppf(0.5 + CONFIDENCE / 2)
    spread = z_critical / math.sqrt(n - 3)
    # atanh(±1) is infinite; tanh brings it back to ±1, which is the right answer there.
    z = math.atanh(r) if abs(r) < 1 else math.copysign(math.inf, r)
    return math.tanh(z - spread), math.tanh(z + spread)

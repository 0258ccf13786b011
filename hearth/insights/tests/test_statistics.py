import numpy as np
import pytest
import statsmodels.api as sm
from numpy.typing import NDArray
from scipy import stats

from hearth.insights.statistics import (
    Association,
    next_day_association,
    pearson_with_interval,
    rolling_mean,
)


def simulated_days(
    rng: np.random.Generator, days: int, effect: float, carry_over: float = 0.3
) -> tuple[list[bool | None], list[float | None]]:
    """Days with a behaviour (40% of days) and closeness that drifts from day to day (AR(1))."""
    did = rng.random(days) < 0.4
    shocks = rng.standard_normal(days)
    drift = np.zeros(days)
    for day in range(days):
        drift[day] = (carry_over * drift[day - 1] if day else 0.0) + shocks[day]
    closeness = 5.0 + drift
    closeness[1:] += effect * did[:-1]
    return [bool(d) for d in did], [float(c) for c in closeness]


def next_day_pairs(
    did: list[bool | None], closeness: list[float | None]
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    kept = [
        (float(today), tomorrow)
        for today, tomorrow in zip(did[:-1], closeness[1:], strict=True)
        if today is not None and tomorrow is not None
    ]
    return np.array([d for d, _ in kept]), np.array([c for _, c in kept])


def alternating_days(days: int) -> list[bool | None]:
    """The behaviour every other day, so there are plenty of days with and without."""
    return [day % 2 == 0 for day in range(days)]


# Rolling mean


def test_rolling_mean_averages_the_trailing_window_and_skips_missing_days():
    values = [1.0, 2.0, None, 3.0, 4.0, 5.0, None, None, 6.0]
    assert rolling_mean(values, window=3, min_points=2) == [
        None,  # [1]
        1.5,  # [1, 2]
        1.5,  # [1, 2, -]
        2.5,  # [2, -, 3]
        3.5,  # [-, 3, 4]
        4.0,  # [3, 4, 5]
        4.5,  # [4, 5, -]
        None,  # [5, -, -]
        None,  # [-, -, 6]
    ]


def test_rolling_mean_waits_for_four_of_the_last_seven_days_by_default():
    means = rolling_mean([float(v) for v in range(1, 11)])
    assert means[:3] == [None, None, None]
    assert means[3] == pytest.approx(2.5)  # 1..4
    assert means[9] == pytest.approx(7.0)  # 4..10


# Next-day association


def test_the_estimate_is_the_plain_difference_in_next_day_closeness():
    did: list[bool | None] = [True, False, False, True, None, True, False, True] * 4
    closeness: list[float | None] = [6, 5, 4, 7, 6, None, 5, 8] * 4
    after_with: list[float] = []
    after_without: list[float] = []
    for today, tomorrow in zip(did[:-1], closeness[1:], strict=True):
        if today is not None and tomorrow is not None:
            (after_with if today else after_without).append(tomorrow)
    found = next_day_association("you sent an appreciation", did, closeness)

    assert found is not None
    by_hand = sum(after_with) / len(after_with) - sum(after_without) / len(after_without)
    assert found.estimate == pytest.approx(by_hand, abs=1e-12)
    assert (found.days_with, found.days_without) == (len(after_with), len(after_without))
    assert found.days == len(after_with) + len(after_without)


def test_the_interval_is_a_newey_west_fit_with_three_lags():
    did, closeness = simulated_days(np.random.default_rng(3), days=60, effect=0.5)
    indicator, outcome = next_day_pairs(did, closeness)
    design = np.column_stack([np.ones_like(indicator), indicator])
    direct = (
        sm.OLS(outcome, design)
        .fit()
        .get_robustcov_results(cov_type="HAC", maxlags=3, use_correction=True, use_t=True)
    )
    low, high = direct.conf_int(alpha=0.05)[1]

    found = next_day_association("a walk together", did, closeness)
    assert found is not None
    assert found.estimate == pytest.approx(direct.params[1], abs=1e-10)
    assert (found.low, found.high) == (
        pytest.approx(low, abs=1e-10),
        pytest.approx(high, abs=1e-10),
    )


def test_without_day_to_day_carry_over_the_interval_is_about_as_wide_as_welchs():
    did, closeness = simulated_days(np.random.default_rng(4), days=400, effect=0.4, carry_over=0.0)
    indicator, outcome = next_day_pairs(did, closeness)
    welch = stats.ttest_ind(outcome[indicator == 1], outcome[indicator == 0], equal_var=False)
    welch_low, welch_high = welch.confidence_interval(confidence_level=0.95)

    found = next_day_association("a walk together", did, closeness)
    assert found is not None
    assert (found.high - found.low) / (welch_high - welch_low) == pytest.approx(1.0, abs=0.15)


def test_it_stays_silent_with_twenty_days():
    _, closeness = simulated_days(np.random.default_rng(5), days=21, effect=1.0)
    did = alternating_days(21)
    assert next_day_association("x", did, closeness) is None  # 20 next-day pairs
    assert next_day_association("x", [*did, True], [*closeness, 5.0]) is not None  # 21


def test_it_stays_silent_with_six_days_without_the_behaviour():
    closeness: list[float | None] = [float(v % 5) for v in range(31)]
    six_without: list[bool | None] = [day >= 6 for day in range(31)]
    seven_without: list[bool | None] = [day >= 7 for day in range(31)]
    assert next_day_association("x", six_without, closeness) is None
    assert next_day_association("x", seven_without, closeness) is not None


def test_days_with_nothing_recorded_do_not_count_towards_the_minimum():
    _, closeness = simulated_days(np.random.default_rng(6), days=22, effect=1.0)
    did = alternating_days(22)
    closeness[5] = None
    assert next_day_association("x", did, closeness) is None


def test_series_that_are_not_aligned_by_day_are_refused():
    with pytest.raises(ValueError, match="aligned"):
        next_day_association("x", [True] * 30, [5.0] * 29)


def test_the_95_percent_interval_covers_the_true_difference_about_95_percent_of_the_time():
    rng = np.random.default_rng(2024)
    true_effect = 0.6
    covered = 0
    for _ in range(200):
        found = next_day_association("x", *simulated_days(rng, days=60, effect=true_effect))
        assert found is not None
        covered += found.low <= true_effect <= found.high
    assert 0.88 <= covered / 200 <= 0.99


# The sentence


CLEAR = Association("you sent an appreciation", 0.6, 0.2, 1.0, 48, 20, 28)
UNCLEAR = Association("a walk together", 0.3, -0.2, 0.8, 35, 12, 23)


@pytest.mark.parametrize("finding", [CLEAR, UNCLEAR])
def test_the_sentence_claims_association_not_cause(finding):
    words = finding.sentence.lower()
    assert "causes" not in words and "because" not in words
    assert "go together" in words


@pytest.mark.parametrize("finding", [CLEAR, UNCLEAR])
def test_the_sentence_gives_the_interval_and_the_number_of_days(finding):
    assert f"95% interval {finding.low:.1f} to {finding.high:.1f}" in finding.sentence
    assert f"from {finding.days} days" in finding.sentence


def test_a_clear_difference_is_told_with_its_size_and_direction():
    assert CLEAR.sentence.startswith(
        "On days after you sent an appreciation, closeness was 0.6 points higher on average"
    )
    lower = Association("x", -0.7, -1.1, -0.3, 40, 15, 25)
    assert "0.7 points lower" in lower.sentence


def test_an_interval_that_includes_zero_says_it_cannot_tell_a_difference():
    assert "can't tell a difference" in UNCLEAR.sentence
    assert "higher" not in UNCLEAR.sentence
    assert "can't tell" not in CLEAR.sentence


# Stress and closeness together


def test_pearson_with_interval_matches_scipy():
    rng = np.random.default_rng(8)
    stress = rng.normal(5, 2, 40)
    closeness = 7 - 0.4 * stress + rng.normal(0, 1.5, 40)
    expected = stats.pearsonr(stress, closeness)
    expected_low, expected_high = expected.confidence_interval(confidence_level=0.95)

    found = pearson_with_interval(list(stress), list(closeness))
    assert found is not None
    r, low, high, pairs = found
    assert r == pytest.approx(expected.statistic, abs=1e-9)
    assert (low, high) == (
        pytest.approx(expected_low, abs=1e-9),
        pytest.approx(expected_high, abs=1e-9),
    )
    assert pairs == 40


def test_pearson_leaves_out_days_missing_either_value_and_needs_ten_pairs():
    stress: list[float | None] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, None]
    closeness: list[float | None] = [2, 1, 4, 3, 6, 5, 8, 7, None, 9, 4]
    assert pearson_with_interval(stress, closeness) is None  # 9 complete pairs
    closeness[8] = 10.0
    found = pearson_with_interval(stress, closeness)
    assert found is not None
    assert found[3] == 10
    assert found[0] == pytest.approx(stats.pearsonr(range(1, 11), closeness[:10]).statistic)


def test_pearson_stays_silent_when_one_side_never_changes():
    assert pearson_with_interval([3.0] * 15, [float(v) for v in range(15)]) is None

"""Scoring a profile: keyed answers, scale scores, reliability and where two people agree.

Plain functions over answers (item key → 1..7); nothing here touches the database.
"""

import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from statsmodels.multivariate.factor import Factor
from statsmodels.tools.sm_exceptions import ConvergenceWarning, EstimationWarning

SCALE_POINTS = 7
SCORED_SHARE = 0.8
MIN_ITEMS = 3
MIN_RESPONDENTS = 10
# Where a 0–100 score turns from "room to grow" to "steady" (a mean answer of "neither"), and
# from "steady" to "a real strength" (a mean answer past "somewhat agree").
STEADY_FROM = 50.0
STRENGTH_FROM = 70.0


@dataclass(frozen=True)
class Item:
    key: str
    scale: str
    reverse: bool


def keyed(value: int, reverse: bool) -> int:
    """The answer as it counts towards its scale: a reversed item counts the other way."""
    if not 1 <= value <= SCALE_POINTS:
        raise ValueError(f"An answer must be between 1 and {SCALE_POINTS}, not {value}.")
    return SCALE_POINTS + 1 - value if reverse else value


def scale_scores(answers: Mapping[str, int], items: Sequence[Item]) -> dict[str, float]:
    """Each scale's mean keyed answer on 0–100, for scales with at least 80% of items answered."""
    scores: dict[str, float] = {}
    for scale, scale_items in _items_by_scale(items).items():
        values = [
            keyed(answers[item.key], item.reverse) for item in scale_items if item.key in answers
        ]
        if _enough_answered(len(values), len(scale_items)):
            scores[scale] = _points_to_percent(sum(values) / len(values))
    return scores


def band(score: float) -> str:
    """Which of three plain bands a scale score falls in: "strength", "steady" or "grow"."""
    if not 0 <= score <= 100:
        raise ValueError(f"A scale score runs from 0 to 100, not {score}.")
    if score >= STRENGTH_FROM:
        return "strength"
    return "steady" if score >= STEADY_FROM else "grow"


def item_matrix(
    respondents: Sequence[Mapping[str, int]], items: Sequence[Item]
) -> NDArray[np.float64]:
    """Respondents × items of keyed answers for one scale, without anyone who skipped one."""
    if len({item.scale for item in items}) > 1:
        raise ValueError("item_matrix takes the items of one scale at a time.")
    rows = [
        [keyed(answers[item.key], item.reverse) for item in items]
        for answers in respondents
        if all(item.key in answers for item in items)
    ]
    return np.array(rows, dtype=np.float64).reshape(len(rows), len(items))


def cronbach_alpha(matrix: NDArray[np.float64]) -> float:
    """Internal consistency: how much of the total score's variance the items share."""
    answers = _checked_for_reliability(matrix)
    k = answers.shape[1]
    item_variances = answers.var(axis=0, ddof=1).sum()
    total_variance = answers.sum(axis=1).var(ddof=1)
    if total_variance == 0:
        raise ValueError("The items cancel out: every respondent has the same total score.")
    return float(k / (k - 1) * (1 - item_variances / total_variance))


def mcdonald_omega(matrix: NDArray[np.float64]) -> float:
    """Omega total from a one-factor maximum-likelihood fit to the items' correlations."""
    answers = _checked_for_reliability(matrix)
    loadings = _one_factor_loadings(answers)
    shared = loadings.sum() ** 2
    unique = (1 - loadings**2).sum()
    return float(shared / (shared + unique))


def agreement(
    a: Mapping[str, float], b: Mapping[str, float], close_within: float = 10.0
) -> dict[str, str]:
    """For each scale both people have a score on: "agree" when close, else "differ"."""
    return {
        scale: "agree" if abs(a[scale] - b[scale]) <= close_within else "differ"
        for scale in a
        if scale in b
    }


def _items_by_scale(items: Sequence[Item]) -> dict[str, list[Item]]:
    by_scale: dict[str, list[Item]] = {}
    for item in items:
        by_scale.setdefault(item.scale, []).append(item)
    return by_scale


def _enough_answered(answered: int, total: int) -> bool:
    # Integers rather than a float ratio so 4 of 5 is exactly 80%.
    return answered > 0 and answered * 10 >= total * int(SCORED_SHARE * 10)


def _points_to_percent(mean: float) -> float:
    return (mean - 1) / (SCALE_POINTS - 1) * 100


def _checked_for_reliability(matrix: NDArray[np.float64]) -> NDArray[np.float64]:
    answers = np.asarray(matrix, dtype=np.float64)
    if answers.ndim != 2:
        raise ValueError("Reliability needs a respondents × items matrix.")
    respondents, k = answers.shape
    if k < MIN_ITEMS:
        raise ValueError(f"Reliability needs at least {MIN_ITEMS} items, got {k}.")
    if respondents < MIN_RESPONDENTS:
        raise ValueError(
            f"Reliability needs at least {MIN_RESPONDENTS} respondents, got {respondents}."
        )
    if not np.isfinite(answers).all():
        raise ValueError("Reliability needs complete answers (no missing or infinite values).")
    constant = np.flatnonzero(answers.var(axis=0) == 0)
    if constant.size:
        columns = ", ".join(str(c) for c in constant)
        raise ValueError(f"Every respondent gave the same answer to item(s) {columns}.")
    return answers


def _one_factor_loadings(answers: NDArray[np.float64]) -> NDArray[np.float64]:
    correlations = np.corrcoef(answers, rowvar=False)
    model = Factor(corr=correlations, n_factor=1, method="ml", nobs=answers.shape[0])
    with warnings.catch_warnings():
        # A near-zero uniqueness (Heywood case) still gives usable loadings; clipped below.
        warnings.simplefilter("ignore", (ConvergenceWarning, EstimationWarning))
        # Seeded: ML draws random starting values otherwise, and a score should not wobble.
        result = model.fit(rng=np.random.default_rng(0))
    loadings = np.asarray(result.loadings, dtype=np.float64)[:, 0]
    # The factor's sign is arbitrary; orient it so the items load positively overall.
    oriented = loadings if loadings.sum() >= 0 else -loadings
    return np.clip(oriented, -1.0, 1.0)

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from numpy.typing import NDArray

from hearth.assessments.scoring import (
    Item,
    agreement,
    band,
    cronbach_alpha,
    item_matrix,
    keyed,
    mcdonald_omega,
    scale_scores,
)

WARMTH = [Item("w1", "warmth", False), Item("w2", "warmth", False), Item("w3", "warmth", True)]
TRUST = [Item(f"t{i}", "trust", i == 5) for i in range(1, 6)]


def items_of(scale: str, reversed_flags: list[bool]) -> list[Item]:
    return [Item(f"{scale}{i}", scale, flag) for i, flag in enumerate(reversed_flags)]


def one_factor_data(
    rng: np.random.Generator, loadings: NDArray[np.float64], n: int
) -> NDArray[np.float64]:
    """Standardized items that share one factor with the given loadings."""
    factor = rng.standard_normal(n)
    noise = rng.standard_normal((n, len(loadings))) * np.sqrt(1 - loadings**2)
    return factor[:, None] * loadings + noise


def theoretical_omega(loadings: NDArray[np.float64]) -> float:
    shared = loadings.sum() ** 2
    return float(shared / (shared + (1 - loadings**2).sum()))


def alpha_from_covariance(matrix: NDArray[np.float64]) -> float:
    covariance = np.cov(matrix, rowvar=False)
    k = covariance.shape[0]
    return float(k / (k - 1) * (1 - np.trace(covariance) / covariance.sum()))


# Keyed answers and scale scores


def test_a_scale_score_is_the_mean_keyed_answer_on_a_0_to_100_line():
    # warmth keyed: 7, 5, 8-2=6 → mean 6 → (6-1)/6*100
    scores = scale_scores({"w1": 7, "w2": 5, "w3": 2}, WARMTH)
    assert scores == {"warmth": pytest.approx(500 / 6)}


def test_lowest_and_highest_answers_reach_the_ends_of_the_line():
    assert scale_scores({"w1": 1, "w2": 1, "w3": 7}, WARMTH) == {"warmth": 0.0}
    assert scale_scores({"w1": 7, "w2": 7, "w3": 1}, WARMTH) == {"warmth": 100.0}


def test_reverse_keyed_items_count_the_other_way():
    assert [keyed(v, reverse=True) for v in range(1, 8)] == [7, 6, 5, 4, 3, 2, 1]
    assert [keyed(v, reverse=False) for v in range(1, 8)] == [1, 2, 3, 4, 5, 6, 7]
    agreeing_with_a_reversed_item = scale_scores({"w1": 4, "w2": 4, "w3": 7}, WARMTH)
    assert agreeing_with_a_reversed_item["warmth"] == pytest.approx((3 - 1) / 6 * 100)


@pytest.mark.parametrize("value", [0, 8, -3])
def test_answers_outside_the_seven_points_are_refused(value):
    with pytest.raises(ValueError, match="between 1 and 7"):
        keyed(value, reverse=False)


def test_each_scale_is_scored_on_its_own_items():
    answers = {"w1": 7, "w2": 7, "w3": 1, "t1": 1, "t2": 1, "t3": 1, "t4": 1, "t5": 7}
    assert scale_scores(answers, WARMTH + TRUST) == {"warmth": 100.0, "trust": 0.0}


@pytest.mark.parametrize(
    ("items", "answered", "scored"),
    [(5, 5, True), (5, 4, True), (5, 3, False), (10, 8, True), (10, 7, False), (3, 2, False)],
)
def test_a_scale_is_scored_only_when_at_least_80_percent_of_its_items_are_answered(
    items, answered, scored
):
    scale = items_of("s", [False] * items)
    answers = {item.key: 4 for item in scale[:answered]}
    assert ("s" in scale_scores(answers, scale)) is scored


def test_skipped_items_leave_the_mean_of_the_answered_ones():
    answers = {"t1": 7, "t2": 7, "t3": 1, "t5": 1}  # t4 skipped, t5 reversed → 7
    assert scale_scores(answers, TRUST) == {"trust": pytest.approx((5.5 - 1) / 6 * 100)}


def test_a_scale_nobody_answered_is_left_out():
    assert scale_scores({}, WARMTH + TRUST) == {}


def test_scale_scores_recover_simulated_latent_levels():
    rng = np.random.default_rng(20240611)
    scales = {
        "warmth": items_of("warmth", [False, False, True, False, True, False]),
        "trust": items_of("trust", [False, True, False, False, False]),
        "play": items_of("play", [True, False, True, False]),
    }
    respondents = 400
    latent = {scale: rng.normal(4.0, 1.2, respondents) for scale in scales}
    people: list[dict[str, int]] = [{} for _ in range(respondents)]
    for scale, items in scales.items():
        for item in items:
            answered_level = np.clip(np.rint(latent[scale] + rng.normal(0, 0.9, respondents)), 1, 7)
            answers = 8 - answered_level if item.reverse else answered_level
            for person, answer in zip(people, answers, strict=True):
                person[item.key] = int(answer)

    all_items = [item for items in scales.values() for item in items]
    scored = [scale_scores(person, all_items) for person in people]
    for scale in scales:
        recovered = [score[scale] for score in scored]
        assert np.corrcoef(recovered, latent[scale])[0, 1] >= 0.9, scale


# Hypothesis: the 0–100 line holds whatever the answers


@st.composite
def a_scale_and_answers(draw: st.DrawFn, reversed_items: bool = True):
    flags = draw(
        st.lists(st.booleans() if reversed_items else st.just(False), min_size=1, max_size=12)
    )
    items = items_of("s", flags)
    answers = {item.key: draw(st.integers(1, 7)) for item in items}
    return items, answers


@given(a_scale_and_answers())
def test_scores_always_stay_between_0_and_100(scale_and_answers):
    items, answers = scale_and_answers
    assert 0.0 <= scale_scores(answers, items)["s"] <= 100.0


@given(a_scale_and_answers(reversed_items=False))
def test_reversing_every_answer_mirrors_the_score(scale_and_answers):
    items, answers = scale_and_answers
    mirrored = {key: 8 - value for key, value in answers.items()}
    score = scale_scores(answers, items)["s"]
    assert scale_scores(mirrored, items)["s"] == pytest.approx(100 - score)


# The matrix reliability works on


def test_item_matrix_keys_answers_and_leaves_out_people_who_skipped_an_item():
    respondents = [
        {"w1": 7, "w2": 5, "w3": 2},
        {"w1": 1, "w3": 1},  # skipped w2
        {"w1": 3, "w2": 4, "w3": 7, "t1": 2},
    ]
    assert item_matrix(respondents, WARMTH).tolist() == [[7, 5, 6], [3, 4, 1]]


def test_item_matrix_is_empty_but_shaped_when_nobody_answered_everything():
    assert item_matrix([{"w1": 3}], WARMTH).shape == (0, 3)


def test_item_matrix_takes_one_scale_at_a_time():
    with pytest.raises(ValueError, match="one scale"):
        item_matrix([], WARMTH + TRUST)


# Reliability


def test_alpha_matches_the_covariance_matrix_formula():
    rng = np.random.default_rng(7)
    matrix = np.clip(np.rint(one_factor_data(rng, np.array([0.7, 0.6, 0.5, 0.6]), 250) + 4), 1, 7)
    assert cronbach_alpha(matrix) == pytest.approx(alpha_from_covariance(matrix), abs=1e-9)


def test_alpha_is_one_when_every_item_says_the_same():
    column = np.arange(12, dtype=np.float64)
    assert cronbach_alpha(np.column_stack([column, column, column])) == pytest.approx(1.0)


def test_omega_recovers_the_reliability_of_known_loadings():
    loadings = np.array([0.8, 0.7, 0.6, 0.5, 0.4])
    matrix = one_factor_data(np.random.default_rng(11), loadings, 3000)
    assert mcdonald_omega(matrix) == pytest.approx(theoretical_omega(loadings), abs=0.03)


def test_omega_is_at_least_alpha_when_items_load_unequally():
    matrix = one_factor_data(np.random.default_rng(12), np.array([0.85, 0.7, 0.5, 0.35, 0.3]), 3000)
    assert mcdonald_omega(matrix) >= cronbach_alpha(matrix) - 0.02


def test_omega_does_not_depend_on_the_direction_the_factor_came_out():
    matrix = one_factor_data(np.random.default_rng(13), np.array([0.7, 0.6, 0.5]), 200)
    assert mcdonald_omega(matrix) == pytest.approx(mcdonald_omega(-matrix), abs=1e-6)


@pytest.mark.parametrize("reliability", [cronbach_alpha, mcdonald_omega])
def test_reliability_needs_three_items(reliability):
    with pytest.raises(ValueError, match="at least 3 items"):
        reliability(np.random.default_rng(1).normal(size=(50, 2)))


@pytest.mark.parametrize("reliability", [cronbach_alpha, mcdonald_omega])
def test_reliability_needs_ten_respondents(reliability):
    with pytest.raises(ValueError, match="at least 10 respondents"):
        reliability(np.random.default_rng(1).normal(size=(9, 4)))


@pytest.mark.parametrize("reliability", [cronbach_alpha, mcdonald_omega])
def test_reliability_refuses_an_item_everyone_answered_the_same(reliability):
    matrix = np.random.default_rng(1).normal(size=(30, 4))
    matrix[:, 2] = 5
    with pytest.raises(ValueError, match="same answer to item"):
        reliability(matrix)


# Agreement between two people


def test_scores_within_ten_points_agree_and_further_apart_differ():
    mine = {"warmth": 70.0, "trust": 40.0, "play": 50.0}
    theirs = {"warmth": 80.0, "trust": 60.0, "curiosity": 10.0}
    assert agreement(mine, theirs) == {"warmth": "agree", "trust": "differ"}


def test_how_close_counts_as_agreeing_can_be_chosen():
    assert agreement({"trust": 40.0}, {"trust": 46.0}, close_within=5.0) == {"trust": "differ"}


@pytest.mark.parametrize(
    ("score", "expected"),
    [
        (0, "grow"),
        (49.9, "grow"),
        (50, "steady"),
        (69.9, "steady"),
        (70, "strength"),
        (100, "strength"),
    ],
)
def test_a_score_falls_in_one_of_three_plain_bands(score, expected):
    assert band(score) == expected


@pytest.mark.parametrize("score", [-0.1, 100.1])
def test_a_band_is_only_given_to_a_score_on_the_0_to_100_line(score):
    with pytest.raises(ValueError, match="from 0 to 100"):
        band(score)


@given(st.floats(min_value=0, max_value=100), st.floats(min_value=0, max_value=100))
def test_a_higher_score_never_falls_in_a_lower_band(a, b):
    order = ["grow", "steady", "strength"]
    low, high = sorted((a, b))
    assert order.index(band(low)) <= order.index(band(high))

"""How consistently each scale's items measure one thing, from this instance's own profiles."""

from dataclasses import dataclass

from hearth.assessments.instrument import Instrument
from hearth.assessments.models import Assessment
from hearth.assessments.scoring import cronbach_alpha, item_matrix, mcdonald_omega


@dataclass(frozen=True)
class Consistency:
    scale: str
    respondents: int
    alpha: float | None
    omega: float | None
    note: str = ""


def latest_answers() -> list[dict[str, int]]:
    """Each member's latest taking, so nobody counts twice."""
    latest: dict[int, dict[str, int]] = {}
    for member_id, answers in Assessment.objects.order_by("taken_at", "pk").values_list(
        "member_id", "answers"
    ):
        latest[member_id] = answers
    return list(latest.values())


def scale_consistency(instrument: Instrument) -> list[Consistency]:
    respondents = latest_answers()
    results = []
    for scale in instrument.scales:
        items = [q.item for q in instrument.questions if q.scale == scale.key]
        matrix = item_matrix(respondents, items)
        try:
            results.append(
                Consistency(scale.key, len(matrix), cronbach_alpha(matrix), mcdonald_omega(matrix))
            )
        except ValueError as reason:
            results.append(Consistency(scale.key, len(matrix), None, None, str(reason)))
    return results

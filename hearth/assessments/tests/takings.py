"""Answers for tests: a whole profile, or one step of it as the page posts it."""

from hearth.assessments.services import instrument_for
from hearth.relationships.models import Member


def all_answers(member: Member, value: int, **by_scale: int) -> dict[str, int]:
    """Every offered statement answered `value`, or the value given for its scale."""
    return {q.key: by_scale.get(q.scale, value) for q in instrument_for(member).questions}


def step_form(member: Member, number: int, value: int = 5, go: str = "next") -> dict[str, str]:
    step = instrument_for(member).steps[number - 1]
    return {"step": str(number), "go": go, **{key: str(value) for key in step.keys}}


def keyed_to(member: Member, scale: str, level: int) -> dict[str, int]:
    """Answers that put one scale at `level` once reverse-keyed statements count the other way."""
    return {
        q.key: 8 - level if q.reverse else level
        for q in instrument_for(member).questions
        if q.scale == scale
    }

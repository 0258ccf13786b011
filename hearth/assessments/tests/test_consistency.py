import numpy as np
import pytest
from django.core.management import call_command

from hearth.accounts.tests.factories import UserFactory
from hearth.assessments.consistency import scale_consistency
from hearth.assessments.instrument import instrument
from hearth.assessments.models import Assessment
from hearth.assessments.scoring import cronbach_alpha, item_matrix
from hearth.relationships.tests.factories import RelationshipFactory, add_member

pytestmark = pytest.mark.django_db


def simulated_people(count: int) -> list[dict[str, int]]:
    """Answers from people with a known latent level per scale, plus noise."""
    rng = np.random.default_rng(11)
    people = []
    for _ in range(count):
        answers = {}
        levels = {s.key: rng.normal(4, 1.2) for s in instrument().scales}
        for q in instrument().questions:
            raw = levels[q.scale] + rng.normal(0, 0.8)
            value = int(np.clip(round(8 - raw if q.reverse else raw), 1, 7))
            answers[q.key] = value
        people.append(answers)
    return people


def test_the_command_reports_alpha_and_omega_matching_a_reference(capsys):
    people = simulated_people(60)
    relationship = RelationshipFactory.create(kind="other")
    for answers in people:
        member = add_member(relationship, UserFactory.create())
        Assessment.objects.create(member=member, answers=answers, scores={})
    results = {r.scale: r for r in scale_consistency(instrument())}
    emotional_items = [q.item for q in instrument().questions if q.scale == "emotional"]
    reference = item_matrix(people, emotional_items)
    cov = np.cov(reference, rowvar=False)
    k = cov.shape[0]
    by_hand = k / (k - 1) * (1 - np.trace(cov) / cov.sum())
    assert results["emotional"].alpha == pytest.approx(by_hand, abs=1e-9)
    assert results["emotional"].alpha == pytest.approx(cronbach_alpha(reference))
    assert (results["emotional"].alpha or 0) > 0.7
    assert (results["emotional"].omega or 0) > 0.7
    call_command("profile_consistency")
    out = capsys.readouterr().out
    assert "emotional" in out and f"{by_hand:.2f}" in out


def test_with_too_few_people_it_says_so_instead_of_a_number():
    relationship = RelationshipFactory.create(kind="other")
    member = add_member(relationship, UserFactory.create())
    Assessment.objects.create(member=member, answers=simulated_people(1)[0], scores={})
    assert all(r.alpha is None and r.note for r in scale_consistency(instrument()))

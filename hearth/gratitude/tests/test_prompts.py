"""Gratitude prompts invite noticing one specific kindness, in every kind and phase."""

from datetime import date, timedelta

import pytest

from hearth.gratitude.prompts import load_prompts, prompt_for
from hearth.relationships.models import RelationshipKind, RelationshipPhase
from hearth.tests.wording import ASSUMES_TWO, GENDERED, near_duplicates

PROMPTS = load_prompts()


def test_there_are_enough_prompts_for_every_kind_and_phase():
    assert len(PROMPTS) >= 36
    for kind in RelationshipKind.values:
        for phase in RelationshipPhase.values:
            fitting = [p for p in PROMPTS if p.fits(kind, phase)]
            assert len(fitting) >= 8, (kind, phase)
    for phase in RelationshipPhase.values:
        assert [p for p in PROMPTS if phase in p.phases], phase


def test_prompts_ask_about_something_someone_did_not_for_a_routine_thank_you():
    assert all("?" in p.text for p in PROMPTS)
    assert [p.key for p in PROMPTS if "thank you for everything" in p.text.lower()] == []


def test_wording_fits_groups_and_any_genders_and_nothing_repeats():
    assert [p.key for p in PROMPTS if GENDERED.search(p.text) or ASSUMES_TWO.search(p.text)] == []
    assert near_duplicates((p.key, p.text) for p in PROMPTS) == []


@pytest.mark.parametrize("kind", RelationshipKind.values)
def test_a_relationship_sees_every_fitting_prompt_before_any_repeats(kind):
    fitting = [p for p in PROMPTS if p.fits(kind, "committed")]
    start = date(2026, 1, 1)
    shown = [prompt_for(kind, "committed", start + timedelta(days=n)) for n in range(len(fitting))]
    assert len(set(shown)) == len(fitting)

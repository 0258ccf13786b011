"""The practice library is content: valid, broad enough for every kind and phase, fit for groups,
with timers where timing matters and no claims a line can't carry."""

from collections import Counter
from pathlib import Path

import pytest

from hearth.practices.library import CATEGORIES, ContentError, load_practices
from hearth.relationships.models import RelationshipKind, RelationshipPhase
from hearth.tests.wording import (
    ASSUMES_TWO,
    GENDERED,
    NUMBERS_CLAIM,
    invites_monitoring,
    near_duplicates,
    normalised,
)

LIBRARY = load_practices()
MIN_PER_CELL = 4  # practices per category and kind, where the category fits the kind


def words(practice) -> list[str]:
    return [practice.title, practice.why, *(step.text for step in practice.steps)]


def test_the_library_holds_at_least_120_practices_in_every_category():
    assert len(LIBRARY) >= 120
    per_category = Counter(p.category for p in LIBRARY)
    assert {c: n for c, n in per_category.items() if n < 10} == {}
    assert set(per_category) == set(CATEGORIES)


@pytest.mark.parametrize("kind", RelationshipKind.values)
def test_every_category_has_enough_practices_for_each_kind(kind):
    cells = Counter(p.category for p in LIBRARY if kind in p.kinds)
    categories = [c for c in CATEGORIES if c != "sexual" or kind == "romantic"]
    assert {c: cells[c] for c in categories if cells[c] < MIN_PER_CELL} == {}


def test_friends_and_families_have_practices_written_for_them():
    for kind in ("friendship", "family"):
        own = [p for p in LIBRARY if p.kinds == (kind,)]
        assert len(own) >= 10, kind


@pytest.mark.parametrize("phase", RelationshipPhase.values)
def test_every_phase_has_practices_of_its_own(phase):
    assert len([p for p in LIBRARY if phase in p.phases]) >= 3


def test_someone_waiting_for_the_others_has_solo_practices_in_every_gentle_category():
    solo = [p for p in LIBRARY if p.can_do_alone]
    assert len(solo) >= 16
    missing = {c for c in CATEGORIES if c != "sexual"} - {p.category for p in solo}
    assert missing == set()


def test_dates_cover_home_outside_low_budget_and_long_distance():
    play = [p for p in LIBRARY if p.category == "play"]
    assert {"home", "outside", "apart"} <= {p.place for p in play}
    assert len([p for p in play if p.cost in ("free", "low")]) >= 6
    assert len([p for p in LIBRARY if p.place == "apart"]) >= 8


def test_timing_is_given_where_it_matters():
    grounding = [p for p in LIBRARY if p.category == "grounding"]
    assert sum(p.is_timed for p in grounding) >= len(grounding) * 3 // 4
    assert sum(p.is_timed for p in LIBRARY) >= 30
    for practice in LIBRARY:
        timed = sum(step.seconds or 0 for step in practice.steps) / 60
        assert timed <= practice.minutes + 1, practice.key


def test_sexual_practices_are_romantic_only_and_flagged():
    sexual = [p for p in LIBRARY if p.is_sexual or p.category == "sexual"]
    assert len(sexual) >= 10
    assert all(p.kinds == ("romantic",) and p.is_sexual for p in sexual)


def test_no_two_practices_are_the_same_or_nearly_the_same():
    titles = [normalised(p.title) for p in LIBRARY]
    assert [t for t, n in Counter(titles).items() if n > 1] == []
    assert near_duplicates((p.key, " ".join(words(p))) for p in LIBRARY) == []


def test_the_wording_fits_groups_and_any_genders():
    assert [p.key for p in LIBRARY if any(GENDERED.search(w) for w in words(p))] == []
    assert [p.key for p in LIBRARY if any(ASSUMES_TWO.search(w) for w in words(p))] == []


def test_why_lines_make_no_numeric_claims():
    assert [p.key for p in LIBRARY if NUMBERS_CLAIM.search(p.why)] == []


def test_no_practice_invites_looking_through_someone_elses_things():
    assert [p.key for p in LIBRARY if any(invites_monitoring(w) for w in words(p))] == []


def test_a_broken_file_is_refused_with_its_name_and_id(tmp_path: Path):
    (tmp_path / "play.toml").write_text(
        'category = "play"\n[[practices]]\nid = "play-001"\ntitle = "Kite day"\n'
        'why = "Doing something new side by side brings people closer."\nminutes = 0\n'
    )
    with pytest.raises(ContentError, match=r"play\.toml play-001: minutes"):
        load_practices(tmp_path)


def test_sexual_content_outside_its_file_is_refused(tmp_path: Path):
    (tmp_path / "play.toml").write_text(
        'category = "play"\n[[practices]]\nid = "play-001"\ntitle = "A slow evening"\n'
        'why = "Taking time for each other brings people closer."\nminutes = 30\n'
        'mode = "together"\nkinds = ["romantic"]\ndimensions = ["sexual"]\nplace = "home"\n'
        'cost = "free"\nflags = ["sexual"]\nsteps = [{text = "One step."}, {text = "Two steps."}]\n'
    )
    with pytest.raises(ContentError, match=r"sexual practices live in sexual\.toml"):
        load_practices(tmp_path)

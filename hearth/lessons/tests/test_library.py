"""Lessons are short, original, grounded in research they name, and lead somewhere."""

import re
from collections import Counter

from hearth.lessons.library import THEMES, load_lessons, load_sources
from hearth.practices.library import by_key
from hearth.questions.bank import decks
from hearth.tests.wording import ASSUMES_TWO, GENDERED, near_duplicates

SOURCES = load_sources()
LESSONS = load_lessons()


def text_of(lesson) -> str:
    return " ".join([lesson.title, lesson.summary, *lesson.paragraphs])


def test_there_are_at_least_40_lessons_across_every_theme():
    assert len(LESSONS) >= 40
    per_theme = Counter(lesson.theme for lesson in LESSONS)
    assert {t: per_theme[t] for t in THEMES if per_theme[t] < 3} == {}


def test_each_lesson_takes_about_two_minutes():
    assert [(x.key, x.words) for x in LESSONS if not 180 <= x.words <= 480] == []


def test_each_lesson_ends_with_a_practice_or_deck_that_fits_every_kind_it_is_for():
    deck_kinds = {deck.key: set(deck.kinds) for deck in decks()}
    unfit = []
    for lesson in LESSONS:
        what, key = lesson.suggests
        if what == "practice":
            target = by_key().get(key)
            fits = (
                target is not None
                and set(lesson.kinds) <= set(target.kinds)
                and not target.is_sexual
            )
        else:
            fits = key in deck_kinds and set(lesson.kinds) <= deck_kinds[key]
        if not fits:
            unfit.append((lesson.key, what, key))
    assert unfit == []


def test_every_year_a_lesson_mentions_belongs_to_a_source_it_names():
    """Facts come from research the lesson names: a year in the text must be one of its sources'."""
    unnamed = []
    for lesson in LESSONS:
        years = set(re.findall(r"\b(19\d\d|20\d\d)\b", text_of(lesson)))
        named = " ".join(SOURCES[key].reference for key in lesson.sources)
        unnamed += [(lesson.key, year) for year in years if f"({year})" not in named]
    assert unnamed == []


def test_no_percentages_or_invented_statistics():
    assert [x.key for x in LESSONS if re.search(r"%|\bpercent\b", text_of(x))] == []


def test_no_two_lessons_are_the_same_or_nearly_the_same():
    assert near_duplicates((x.key, text_of(x)) for x in LESSONS) == []


def test_the_wording_fits_groups_and_any_genders():
    romantic_only = {x.key for x in LESSONS if x.kinds == ("romantic",)}
    assert [x.key for x in LESSONS if GENDERED.search(text_of(x))] == []
    assert [x.key for x in LESSONS if ASSUMES_TWO.search(text_of(x))] == []
    assert romantic_only != {x.key for x in LESSONS}, "friends and families have lessons too"

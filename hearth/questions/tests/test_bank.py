"""The question bank is content: it must be valid, rich, original-looking and fit every kind."""

from collections import Counter
from pathlib import Path

import pytest

from hearth.questions.bank import ContentError, QuestionSpec, bank_sync, load_bank, load_decks
from hearth.questions.models import Category, Question
from hearth.relationships.models import RelationshipKind
from hearth.tests.wording import GENDERED, invites_monitoring, near_duplicates, normalised

BANK = load_bank()
MIN_PER_CELL = 6


def test_the_bank_holds_at_least_600_questions():
    assert len(BANK) >= 600


def test_every_category_has_questions():
    assert {spec.category for spec in BANK} == set(Category.values)


@pytest.mark.parametrize("kind", RelationshipKind.values)
def test_every_category_and_depth_has_enough_questions_for_each_kind(kind):
    cells = Counter((s.category, s.depth) for s in BANK if kind in s.kinds)
    categories = [c for c in Category.values if c != "sexual" or kind == "romantic"]
    thin = {
        (category, depth): cells[(category, depth)]
        for category in categories
        for depth in (1, 2, 3)
        if cells[(category, depth)] < MIN_PER_CELL
    }
    assert thin == {}


def test_friendship_and_family_have_their_own_questions():
    for kind in ("friendship", "family"):
        own = [s for s in BANK if s.kinds == (kind,)]
        assert len(own) >= 100, kind


def test_sexual_questions_exist_only_for_romantic_relationships():
    sexual = [s for s in BANK if s.is_sexual or s.category == "sexual"]
    assert sexual
    assert all(s.kinds == ("romantic",) and s.is_sexual for s in sexual)


def test_no_two_questions_are_the_same_or_nearly_the_same():
    texts = [(s.key, normalised(s.text)) for s in BANK]
    assert len({t for _, t in texts}) == len(texts)
    assert near_duplicates(texts) == []


def test_the_voice_stays_inclusive():
    assert [s.key for s in BANK if GENDERED.search(s.text)] == []


def test_guessing_questions_have_three_to_five_options():
    with_choices = [s for s in BANK if s.choices]
    assert len(with_choices) >= 60
    assert all(3 <= len(s.choices) <= 5 for s in with_choices)


def test_every_deck_uses_fitting_bank_questions():
    decks = load_decks(BANK)
    keys = {d.key for d in decks}
    assert {"gratitude-and-love", "for-friends", "for-family", "closer-in-three-sets"} <= keys
    closer = next(d for d in decks if d.key == "closer-in-three-sets")
    assert [len(s.keys) for s in closer.sets] == [12, 12, 12]
    by_key = {s.key: s for s in BANK}
    depths = [[by_key[k].depth for k in s.keys] for s in closer.sets]
    assert max(depths[0]) <= min(depths[2])


def test_a_broken_file_is_refused_with_its_name_and_id(tmp_path: Path):
    (tmp_path / "trust.toml").write_text(
        'category = "trust"\n[[questions]]\nid = "trust-001"\ntext = "Fine text here?"\n'
        'depth = 4\nkinds = ["romantic"]\n'
    )
    with pytest.raises(ContentError, match=r"trust\.toml trust-001: depth"):
        load_bank(tmp_path)


@pytest.mark.django_db
def test_syncing_adds_updates_and_retires_without_deleting():
    assert Question.objects.filter(key__isnull=False).count() == len(BANK)
    changed = QuestionSpec(
        key=BANK[0].key,
        text="A changed wording for this one?",
        category=BANK[0].category,
        depth=BANK[0].depth,
        kinds=BANK[0].kinds,
    )
    result = bank_sync([changed])
    assert result == {"created": 0, "updated": 1, "retired": len(BANK) - 1}
    assert Question.objects.get(key=BANK[0].key).text == "A changed wording for this one?"
    assert Question.objects.filter(retired=True).count() == len(BANK) - 1
    assert bank_sync()["retired"] == 0
    assert Question.objects.filter(retired=True).count() == 0


def test_the_monitoring_check_catches_what_it_should_and_lets_the_rest_be():
    for invites in (
        "How do you feel about us seeing each other's phones and messages?",
        "Would you be comfortable sharing your location with your partner all day?",
        "Do you check your partner's spending or bank account?",
        "Should we know each other's passwords, or be able to look through our chats?",
    ):
        assert invites_monitoring(invites), invites
    for fine in (
        "What feeling do you get when your partner's name pops up on your phone?",
        "What kind of message from your friend brightens your day the moment it arrives?",
        "Which of these would you choose for us if money were no concern?",
    ):
        assert not invites_monitoring(fine), fine


def test_no_content_invites_looking_through_someone_elses_phone_messages_or_money():
    import tomllib

    from django.conf import settings

    texts = {s.key: [s.text, *s.choices] for s in BANK}
    for deck in load_decks(BANK):
        texts[deck.key] = [deck.title, deck.description]
    with (Path(settings.CONTENT_DIR) / "assessment.toml").open("rb") as handle:
        for item in tomllib.load(handle)["items"]:
            texts[item["id"]] = [item["text"]]
    inviting = {key: t for key, many in texts.items() for t in many if invites_monitoring(t)}
    assert inviting == {}

"""The demo's answers are written for their questions: every answer in the demo fits the
question it sits under, and the written answers keep the voice all content keeps."""

import re
from pathlib import Path

import pytest
from django.core.management import call_command

from hearth.content import ContentError
from hearth.questions.bank import load_bank
from hearth.questions.demo import SAMPLE_REPLIES, demo_answers_path, load_demo_answers
from hearth.questions.models import Answer
from hearth.relationships.models import Relationship
from hearth.tests.wording import ASSUMES_TWO, GENDERED, invites_monitoring, near_duplicates

BANK = {spec.key: spec for spec in load_bank()}
WRITTEN = load_demo_answers()
TEXTS = [(key, answer.text) for key, answers in WRITTEN.items() for answer in answers]


def fits(key: str, relationship: Relationship) -> bool:
    spec = BANK[key]
    return relationship.kind in spec.kinds and (
        not spec.phases or relationship.phase in spec.phases
    )


@pytest.mark.django_db
def test_every_answer_in_the_demo_was_written_for_the_question_it_answers():
    call_command("demo")
    relationships = list(Relationship.objects.filter(archived_at__isnull=True))
    assert {r.kind for r in relationships} == {"romantic", "friendship", "family"}

    for relationship in relationships:
        prompts = list(relationship.prompts.select_related("question"))
        assert len(prompts) >= 75, relationship.name
        keys = [p.question.key for p in prompts]
        assert len(set(keys)) >= 0.9 * len(keys), "a question seldom comes round twice"
        for prompt in prompts:
            assert prompt.question.fits(relationship.kind, relationship.phase)
            assert prompt.question.key in WRITTEN, "only questions with written answers"

    answers = list(Answer.objects.select_related("prompt__question"))
    assert len(answers) >= 300
    by_prompt: dict[int, list[tuple[int | None, str]]] = {}
    for answer in answers:
        key = answer.prompt.question.key or ""
        written = {(w.choice, w.text) for w in WRITTEN[key]}
        assert (answer.choice, answer.text) in written, (key, answer.text)
        by_prompt.setdefault(answer.prompt_id, []).append((answer.choice, answer.text))
    same_day_twins = [said for said in by_prompt.values() if len(set(said)) < len(said)]
    assert same_day_twins == [], "nobody gives someone else's answer on the same day"


@pytest.mark.django_db
def test_enough_answers_are_written_for_every_demo_relationship_and_none_for_nobody():
    call_command("demo")
    relationships = list(Relationship.objects.filter(archived_at__isnull=True))
    for relationship in relationships:
        members = relationship.memberships.count()
        fitting = [key for key in WRITTEN if fits(key, relationship)]
        days = relationship.prompts.count()
        assert len(fitting) >= days, f"{relationship.name}: a different question every day"
        short = [key for key in fitting if len(WRITTEN[key]) < members]
        assert short == [], f"{relationship.name}: one answer for each of its {members} members"
    unused = [key for key in WRITTEN if not any(fits(key, r) for r in relationships)]
    assert unused == [], "every written question can be asked in one of the demo relationships"


def test_the_written_answers_are_short_varied_and_never_sexual():
    for key, answers in WRITTEN.items():
        assert not BANK[key].is_sexual, key
        assert 2 <= len(answers) <= 4, key
        assert len(set(answers)) == len(answers), f"{key}: each answer is different"
        assert all(len(a.text) <= 200 for a in answers), f"{key}: demo answers stay short"


def test_the_written_answers_keep_the_shared_voice():
    assert [key for key, text in TEXTS if GENDERED.search(text)] == []
    assert [key for key, text in TEXTS if ASSUMES_TWO.search(text)] == []
    assert [key for key, text in TEXTS if invites_monitoring(text)] == []
    assert near_duplicates([(key, text) for key, text in TEXTS if text]) == []
    for reply in SAMPLE_REPLIES:
        assert not (GENDERED.search(reply) or ASSUMES_TWO.search(reply)), reply


def test_the_file_names_each_question_as_the_bank_words_it():
    lines = demo_answers_path().read_text(encoding="utf-8").splitlines()
    headers = [
        (n, m.group(1)) for n, line in enumerate(lines) if (m := re.match(r"\[(.+)\]$", line))
    ]
    assert [key for _, key in headers] == list(WRITTEN)
    stale = {key: lines[n - 1] for n, key in headers if lines[n - 1] != f"# {BANK[key].text}"}
    assert stale == {}


def test_choice_answers_name_one_of_the_question_s_options():
    for key, answers in WRITTEN.items():
        options = BANK[key].choices
        if options:
            assert all(a.choice is not None and 0 <= a.choice < len(options) for a in answers)
            assert len({a.choice for a in answers}) >= 2, f"{key}: people choose differently"
        else:
            assert all(a.choice is None and a.text for a in answers)


@pytest.mark.parametrize(
    "flaw",
    [
        '[nobody-999]\nanswers = ["A question that is not in the bank."]',
        '[sexual-001]\nanswers = ["Not for the demo.", "Never."]',
        '[emotional-002]\nanswers = [{ pick = "Clear skies" }]',
        '[emotional-001]\nanswers = ["Words where an option belongs."]',
        '[emotional-001]\nanswers = [{ pick = "Snow", text = "Not one of the options." }]',
        "[emotional-002]\nanswers = []",
        '[emotional-002]\nanswers = ["Fine."]\nreplies = ["Unknown field."]',
    ],
)
def test_a_flawed_answers_file_is_refused_with_its_question_named(tmp_path: Path, flaw: str):
    path = tmp_path / "demo_answers.toml"
    path.write_text(flaw, encoding="utf-8")
    with pytest.raises(ContentError, match=r"demo_answers\.toml"):
        load_demo_answers(path=path)

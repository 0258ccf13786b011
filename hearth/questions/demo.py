"""90 days of daily questions for the demo: answered, shared, responded to and rated.

The answers are written for their questions (content/demo_answers.toml), so the demo asks only
questions that have some, chosen by the same rules as every day's question.
"""

import random
import tomllib
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from django.conf import settings
from django.db.models import QuerySet

from hearth.content import ContentError
from hearth.questions.bank import QuestionSpec, load_bank
from hearth.questions.depth import relationship_depth
from hearth.questions.models import Answer, Guess, Prompt, Question, Response, ResponseKind
from hearth.questions.selection import (
    Fit,
    candidate_questions,
    choose_question,
    fit_for,
    relationship_today,
    times_asked,
)
from hearth.relationships.models import Member, Relationship
from hearth.search.index import rebuild_index

if TYPE_CHECKING:
    from hearth.demo.world import DemoWorld

# Replies that suit any answer: they thank and ask, and claim nothing about what was said.
SAMPLE_REPLIES = [
    "Thank you for telling me. I didn't know that.",
    "I'd love to hear more about this next time we talk.",
    "That means a lot. I'm glad you wrote it down.",
    "I'm keeping this one. Thank you.",
    "This helps me understand you a little better.",
]
REACTIONS = [k for k in ResponseKind.values if k != ResponseKind.REPLY]


@dataclass(frozen=True)
class WrittenAnswer:
    """One demo answer: a text, or for a question with choices an option and maybe a few words."""

    text: str = ""
    choice: int | None = None


def demo_answers_path() -> Path:
    return Path(settings.CONTENT_DIR) / "demo_answers.toml"


def load_demo_answers(
    bank: list[QuestionSpec] | None = None, path: Path | None = None
) -> dict[str, tuple[WrittenAnswer, ...]]:
    """The demo's answers by question id, checked against the bank; ContentError on a flaw."""
    by_key = {spec.key: spec for spec in (load_bank() if bank is None else bank)}
    with (path or demo_answers_path()).open("rb") as handle:
        data = tomllib.load(handle)
    written = {}
    for key, table in data.items():
        spec = by_key.get(key)
        if spec is None or spec.is_sexual:
            raise ContentError(f"demo_answers.toml {key}: not a question the demo can ask")
        items = table.get("answers") if isinstance(table, dict) else None
        if not isinstance(items, list) or not items or set(table) != {"answers"}:
            raise ContentError(f"demo_answers.toml {key}: needs a list of answers and nothing else")
        written[key] = tuple(parse_written_answer(item, spec) for item in items)
    return written


def parse_written_answer(item: object, spec: QuestionSpec) -> WrittenAnswer:
    where = f"demo_answers.toml {spec.key}"
    if not spec.choices:
        if not isinstance(item, str) or not item.strip():
            raise ContentError(f"{where}: an open question's answers are texts")
        return WrittenAnswer(text=item.strip())
    if not isinstance(item, dict) or not set(item) <= {"pick", "text"}:
        raise ContentError(f"{where}: answers to a question with choices are {{ pick, text }}")
    pick, text = item.get("pick"), item.get("text", "")
    if pick not in spec.choices or not isinstance(text, str):
        raise ContentError(f"{where}: {pick!r} is not one of the question's choices")
    return WrittenAnswer(text=text.strip(), choice=spec.choices.index(pick))


def members_on(relationship: Relationship, day_start: datetime) -> list[Member]:
    members: QuerySet[Member] = relationship.memberships.filter(joined_at__lte=day_start)
    return [m for m in members if m.left_at is None or m.left_at > day_start]


def demo_prompt(
    relationship: Relationship, day: date, fit: Fit, candidates: list[Question], seed: str
) -> Prompt | None:
    """The day's question as it would be chosen (fit, depth ladder, least asked first), among
    the questions the demo has answers for."""
    depth = relationship_depth(relationship, day, fit.caps)
    rng = random.Random(seed)  # noqa: S311 - demo data, not secrets
    question = choose_question(candidates, times_asked(relationship), depth, rng)
    if question is None:
        return None
    return Prompt.objects.create(relationship=relationship, question=question, date=day)


def build_question_history(world: "DemoWorld", days: int = 90) -> None:
    written = load_demo_answers()
    rng = random.Random(2026)  # noqa: S311 - demo data, not secrets
    for key, relationship in world.relationships.items():
        if relationship.archived_at is not None:
            continue
        eagerness = {"couple": 0.88, "crew": 0.7, "family": 0.8}.get(key, 0.75)
        local_today = relationship_today(relationship)
        fit = fit_for(relationship)
        candidates = [q for q in candidate_questions(fit) if q.key in written]
        for back in range(days, -1, -1):
            moment = world.days_ago(back, hour=20)
            present = members_on(relationship, moment)
            if len(present) < 2:
                continue
            day = local_today - timedelta(days=back)
            prompt = demo_prompt(relationship, day, fit, candidates, seed=f"{key}:{back}")
            if prompt is None:
                continue
            Prompt.objects.filter(pk=prompt.pk).update(created_at=world.days_ago(back, hour=7))
            # Each member gets a different one of the answers written for the question.
            ours = written[prompt.question.key or ""]
            options = rng.sample(ours, k=len(ours))
            if back == 0:
                # Today: one has answered, the other hasn't yet, so the demo shows the wait.
                add_answer(prompt, present[0], options[0], moment)
                continue
            answering = [(i, m) for i, m in enumerate(present) if rng.random() < eagerness]
            answers = [
                add_answer(prompt, m, options[i % len(options)], moment) for i, m in answering
            ]
            if len(answering) == len(present):
                Prompt.objects.filter(pk=prompt.pk).update(revealed_at=moment + timedelta(hours=1))
                respond(answers, rng, moment)
        rebuild_index(relationship.pk)  # the history went in row by row, not through services


def add_answer(prompt: Prompt, member: Member, written: WrittenAnswer, moment: datetime) -> Answer:
    return Answer.objects.create(
        prompt=prompt,
        member=member,
        text=written.text,
        choice=written.choice,
        created_at=moment,
        updated_at=moment,
    )


def plausible_guess(answer: Answer, rng: random.Random) -> int:
    """Right a bit more often than chance, as people who know each other are."""
    options = len(answer.prompt.question.choices)
    return rng.choice([answer.choice or 0, rng.randrange(options)])


def respond(answers: list[Answer], rng: random.Random, moment: datetime) -> None:
    later = moment + timedelta(hours=2)
    for answer in answers:
        others = [a.member for a in answers if a.pk != answer.pk]
        responded = False
        for other in others:
            if rng.random() < 0.7:
                Response.objects.create(
                    answer=answer, member=other, kind=rng.choice(REACTIONS), created_at=later
                )
                responded = True
            if rng.random() < 0.25 and answer.text:
                Response.objects.create(
                    answer=answer,
                    member=other,
                    kind=ResponseKind.REPLY,
                    text=rng.choice(SAMPLE_REPLIES),
                    created_at=later,
                )
                responded = True
            if answer.prompt.question.choices and rng.random() < 0.5:
                Guess.objects.create(
                    prompt=answer.prompt,
                    guesser=other,
                    about=answer.member,
                    choice=plausible_guess(answer, rng),
                    created_at=moment,
                )
        if rng.random() < 0.8:
            base = 5 if responded else 3
            answer.felt_understood = min(7, base + rng.choice([0, 1, 1, 2]))
            answer.rated_at = later
            answer.save(update_fields=["felt_understood", "rated_at"])

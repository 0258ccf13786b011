"""The intimacy profile's scales and items, read from content/assessment.toml."""

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from django.conf import settings
from django.utils import translation

from hearth.assessments.scoring import Item
from hearth.content import ContentError
from hearth.content_translations import Source, content_language, translated

MEANINGS = ("strength", "steady", "grow")  # what a score in each band means, per scale


@dataclass(frozen=True)
class Scale:
    key: str
    title: str
    kind: str
    description: str
    sexual: bool
    strength: str = ""
    steady: str = ""
    grow: str = ""

    def meaning(self, band: str) -> str:
        """The plain sentence for a score in this band ("strength", "steady" or "grow")."""
        return str(getattr(self, band)) if band in MEANINGS else ""


@dataclass(frozen=True)
class Question:
    key: str
    scale: str
    text: str
    reverse: bool

    @property
    def item(self) -> Item:
        return Item(key=self.key, scale=self.scale, reverse=self.reverse)


@dataclass(frozen=True)
class Step:
    """One scale's statements, taken together on one page."""

    number: int
    scale: Scale
    questions: tuple[Question, ...]

    @property
    def keys(self) -> list[str]:
        return [q.key for q in self.questions]


@dataclass(frozen=True)
class Instrument:
    scales: tuple[Scale, ...]
    questions: tuple[Question, ...]

    def for_people(self, *, sexual_ok: bool) -> "Instrument":
        """The sexual scale only where the relationship allows sexual content."""
        keep = {s.key for s in self.scales if sexual_ok or not s.sexual}
        return Instrument(
            scales=tuple(s for s in self.scales if s.key in keep),
            questions=tuple(q for q in self.questions if q.scale in keep),
        )

    @property
    def items(self) -> list[Item]:
        return [q.item for q in self.questions]

    @property
    def steps(self) -> list[Step]:
        """One step per scale, in the scales' order; scales without statements are left out."""
        steps: list[Step] = []
        for scale in self.scales:
            questions = tuple(q for q in self.questions if q.scale == scale.key)
            if questions:
                steps.append(Step(number=len(steps) + 1, scale=scale, questions=questions))
        return steps

    def first_unanswered_step(self, answers: dict[str, int]) -> Step | None:
        return next((s for s in self.steps if any(k not in answers for k in s.keys)), None)

    def title(self, scale_key: str) -> str:
        return next((s.title for s in self.scales if s.key == scale_key), scale_key)

    def scale(self, scale_key: str) -> Scale | None:
        return next((s for s in self.scales if s.key == scale_key), None)


def load_instrument(path: Path | None = None) -> Instrument:
    path = path or Path(settings.CONTENT_DIR) / "assessment.toml"
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    scales = tuple(parse_scale(s) for s in data["scales"])
    known = {s.key for s in scales}
    questions = tuple(
        Question(key=i["id"], scale=i["scale"], text=i["text"], reverse=bool(i.get("reverse")))
        for i in data["items"]
    )
    unknown = {q.scale for q in questions} - known
    if unknown:
        raise ValueError(f"assessment.toml: items name unknown scales {sorted(unknown)}")
    return Instrument(scales=scales, questions=questions)


def parse_scale(raw: Mapping[str, object]) -> Scale:
    meanings: dict[str, str] = {}
    for band in MEANINGS:
        text = raw.get(band)
        if not isinstance(text, str) or not 10 <= len(text.strip()) <= 200:
            raise ContentError(
                f"assessment.toml {raw.get('id', '(no id)')}: {band} must say in 10 to 200 "
                "characters what a score in that band means"
            )
        meanings[band] = text.strip()
    return Scale(
        key=str(raw["id"]),
        title=str(raw["title"]),
        kind=str(raw["kind"]),
        description=str(raw.get("description", "")),
        sexual=bool(raw.get("sexual", False)),
        strength=meanings["strength"],
        steady=meanings["steady"],
        grow=meanings["grow"],
    )


def instrument() -> Instrument:
    """The profile in the reader's language (content/locale), English where it has no words."""
    return instrument_in(content_language())


@cache
def instrument_in(language: str) -> Instrument:
    english = load_instrument()
    with translation.override(language):
        return Instrument(
            scales=tuple(in_reader_language(s) for s in english.scales),
            questions=tuple(
                replace(q, text=translated("assessment.items", q.key, "text", q.text))
                for q in english.questions
            ),
        )


def in_reader_language(scale: Scale) -> Scale:
    words = {
        name: translated("assessment.scales", scale.key, name, getattr(scale, name))
        for name in ("title", "description", *MEANINGS)
    }
    return replace(scale, **words)


def translation_sources() -> list[Source]:
    """What a translation of the profile covers: each scale's words and each statement."""
    english = load_instrument()
    scales = [
        Source(
            s.key,
            {
                "title": s.title,
                "description": s.description,
                "strength": s.strength,
                "steady": s.steady,
                "grow": s.grow,
            },
            file="assessment.toml",
            table="scales",
        )
        for s in english.scales
    ]
    items = [
        Source(q.key, {"text": q.text}, file="assessment.toml", table="items")
        for q in english.questions
    ]
    return scales + items

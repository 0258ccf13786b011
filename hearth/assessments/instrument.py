"""The intimacy profile's scales and items, read from content/assessment.toml."""

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings

from hearth.assessments.scoring import Item


@dataclass(frozen=True)
class Scale:
    key: str
    title: str
    kind: str
    description: str
    sexual: bool


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

    def title(self, scale_key: str) -> str:
        return next((s.title for s in self.scales if s.key == scale_key), scale_key)


def load_instrument(path: Path | None = None) -> Instrument:
    path = path or Path(settings.CONTENT_DIR) / "assessment.toml"
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    scales = tuple(
        Scale(
            key=s["id"],
            title=s["title"],
            kind=s["kind"],
            description=s.get("description", ""),
            sexual=bool(s.get("sexual", False)),
        )
        for s in data["scales"]
    )
    known = {s.key for s in scales}
    questions = tuple(
        Question(key=i["id"], scale=i["scale"], text=i["text"], reverse=bool(i.get("reverse")))
        for i in data["items"]
    )
    unknown = {q.scale for q in questions} - known
    if unknown:
        raise ValueError(f"assessment.toml: items name unknown scales {sorted(unknown)}")
    return Instrument(scales=scales, questions=questions)


@cache
def instrument() -> Instrument:
    return load_instrument()

"""Two-minute lessons on the ideas behind the practices, and the research they rest on.

Lessons live in content/lessons/<theme>.toml; every source a lesson names is one entry of
content/sources.toml, so a reference is written out once, in full, and can be checked.
"""

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext_lazy

from hearth.content import ContentError, grouped_items, some_of, strings
from hearth.practices.library import DIMENSIONS
from hearth.relationships.models import RelationshipKind

THEMES = {
    "understood": gettext_lazy("Feeling understood"),
    "responding": gettext_lazy("Responding to news and bids"),
    "trust": gettext_lazy("Trust and boundaries"),
    "gratitude": gettext_lazy("Gratitude"),
    "affection": gettext_lazy("Affection and consent"),
    "meaning": gettext_lazy("Shared meaning"),
    "repair": gettext_lazy("Repair after conflict"),
    "stress": gettext_lazy("Stress and support"),
    "friendship": gettext_lazy("Closeness in friendship"),
    "family": gettext_lazy("Closeness in families"),
    "change": gettext_lazy("Distance, babies and big changes"),
}
LESSON_KEYS = {"id", "title", "summary", "body", "kinds", "dimensions", "sources", "suggests"}
WORDS_PER_MINUTE = 200


@dataclass(frozen=True)
class Source:
    key: str
    reference: str


@dataclass(frozen=True)
class Lesson:
    key: str
    theme: str
    title: str
    summary: str
    paragraphs: tuple[str, ...]
    kinds: tuple[str, ...]
    dimensions: tuple[str, ...]
    sources: tuple[str, ...]
    suggests: tuple[str, str]  # ("practice", key) or ("deck", key)

    @property
    def theme_title(self) -> str:
        return str(THEMES[self.theme])

    @property
    def words(self) -> int:
        return sum(len(paragraph.split()) for paragraph in self.paragraphs)

    @property
    def minutes(self) -> int:
        return max(1, round(self.words / WORDS_PER_MINUTE))

    def fits(self, kind: str) -> bool:
        return kind in self.kinds


def lessons_dir() -> Path:
    return Path(settings.CONTENT_DIR) / "lessons"


def sources_path() -> Path:
    return Path(settings.CONTENT_DIR) / "sources.toml"


def load_sources(path: Path | None = None) -> dict[str, Source]:
    with (path or sources_path()).open("rb") as handle:
        data = tomllib.load(handle)
    sources = {}
    for raw in data.get("sources", []):
        key, reference = raw.get("id"), raw.get("reference")
        if not isinstance(key, str) or not isinstance(reference, str) or key in sources:
            raise ContentError(f"sources.toml {key}: needs a unique id and a reference")
        sources[key] = Source(key=key, reference=reference.strip())
    return sources


def paragraphs_of(body: str) -> tuple[str, ...]:
    return tuple(" ".join(p.split()) for p in body.strip().split("\n\n") if p.strip())


def parse_lesson(raw: dict[str, object], theme: str, where: str, known: set[str]) -> Lesson:
    key = str(raw.get("id", ""))
    where = f"{where} {key or '(no id)'}"
    unknown = set(raw) - LESSON_KEYS
    if unknown:
        raise ContentError(f"{where}: unknown fields {sorted(unknown)}")
    if not key.startswith(f"{theme}-"):
        raise ContentError(f"{where}: the id must start with '{theme}-'")
    title, summary, body = raw.get("title"), raw.get("summary"), raw.get("body")
    if not isinstance(title, str) or not 3 <= len(title.strip()) <= 80:
        raise ContentError(f"{where}: title must be 3 to 80 characters")
    if not isinstance(summary, str) or not 20 <= len(summary.strip()) <= 200:
        raise ContentError(f"{where}: summary must be one line of 20 to 200 characters")
    if not isinstance(body, str):
        raise ContentError(f"{where}: body is needed")
    kinds = some_of(raw, "kinds", RelationshipKind.values, where)
    dimensions = some_of(raw, "dimensions", DIMENSIONS, where)
    sources = strings(raw.get("sources"))
    if not sources or not set(sources) <= known:
        raise ContentError(f"{where}: sources must name entries of sources.toml")
    suggests = raw.get("suggests")
    if (
        not isinstance(suggests, dict)
        or len(suggests) != 1
        or not set(suggests) <= {"practice", "deck"}
        or not all(isinstance(v, str) for v in suggests.values())
    ):
        raise ContentError(f"{where}: suggests names one practice or one deck")
    ((what, target),) = suggests.items()
    return Lesson(
        key=key,
        theme=theme,
        title=title.strip(),
        summary=summary.strip(),
        paragraphs=paragraphs_of(body),
        kinds=kinds,
        dimensions=dimensions,
        sources=sources,
        suggests=(what, target),
    )


def load_lessons(directory: Path | None = None, sources: dict | None = None) -> tuple[Lesson, ...]:
    """Every lesson, validated against the bibliography; raises ContentError on the first flaw."""
    directory = directory or lessons_dir()
    known = set(load_sources() if sources is None else sources)
    return tuple(
        parse_lesson(raw, theme, where, known)
        for where, theme, raw in grouped_items(
            directory, group="theme", groups=THEMES, items="lessons"
        )
    )


@cache
def lessons() -> tuple[Lesson, ...]:
    return load_lessons()


@cache
def sources() -> dict[str, Source]:
    return load_sources()


def lesson(key: str) -> Lesson | None:
    return next((item for item in lessons() if item.key == key), None)

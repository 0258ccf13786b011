"""The question bank and decks: read from content/, validated, synced into the database."""

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction

from hearth.content import ContentError, grouped_items, kinds_and_phases, strings
from hearth.content_translations import Source, translated
from hearth.questions.models import Category, Question
from hearth.relationships.models import RelationshipKind

QUESTION_KEYS = {"id", "text", "depth", "kinds", "phases", "flags", "choices"}
FLAGS = {"sexual"}


@dataclass(frozen=True)
class QuestionSpec:
    key: str
    text: str
    category: str
    depth: int
    kinds: tuple[str, ...]
    phases: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()

    @property
    def is_sexual(self) -> bool:
        return "sexual" in self.flags


@dataclass(frozen=True)
class DeckSet:
    title: str
    keys: tuple[str, ...]


@dataclass(frozen=True)
class DeckSpec:
    key: str
    title: str
    description: str
    kinds: tuple[str, ...]
    sets: tuple[DeckSet, ...] = field(default_factory=tuple)
    dimensions: tuple[str, ...] = ()  # the profile scales it serves

    @property
    def keys(self) -> list[str]:
        return [key for deck_set in self.sets for key in deck_set.keys]

    @property
    def localized_title(self) -> str:
        """The title in the reader's language (content/locale), else as written."""
        return translated("decks", self.key, "title", self.title)

    @property
    def localized_description(self) -> str:
        return translated("decks", self.key, "description", self.description)

    @property
    def localized_set_titles(self) -> tuple[str, ...]:
        return translated("decks", self.key, "sets", tuple(s.title for s in self.sets))


def question_dir() -> Path:
    return Path(settings.CONTENT_DIR) / "questions"


def decks_path() -> Path:
    return Path(settings.CONTENT_DIR) / "decks.toml"


def parse_question(raw: dict[str, object], category: str, where: str) -> QuestionSpec:
    key = str(raw.get("id", ""))
    where = f"{where} {key or '(no id)'}"
    unknown = set(raw) - QUESTION_KEYS
    if unknown:
        raise ContentError(f"{where}: unknown fields {sorted(unknown)}")
    if not key.startswith(f"{category}-"):
        raise ContentError(f"{where}: the id must start with '{category}-'")
    text = raw.get("text")
    if not isinstance(text, str) or not 10 <= len(text.strip()) <= 300:
        raise ContentError(f"{where}: text must be 10 to 300 characters")
    depth = raw.get("depth")
    if depth not in (1, 2, 3):
        raise ContentError(f"{where}: depth must be 1, 2 or 3")
    kinds, phases = kinds_and_phases(raw, where)
    flags = strings(raw.get("flags"))
    if not set(flags) <= FLAGS:
        raise ContentError(f"{where}: unknown flag in {flags}")
    sexual = "sexual" in flags or category == Category.SEXUAL
    if sexual and (kinds != ("romantic",) or "sexual" not in flags):
        raise ContentError(f"{where}: sexual questions need kinds = ['romantic'] and the flag")
    choices = strings(raw.get("choices"))
    if choices and not 3 <= len(choices) <= 5:
        raise ContentError(f"{where}: choices must be 3 to 5 options")
    return QuestionSpec(
        key=key,
        text=text.strip(),
        category=category,
        depth=int(depth),  # type: ignore[call-overload]
        kinds=kinds,
        phases=phases,
        flags=flags,
        choices=choices,
    )


def load_bank(directory: Path | None = None) -> list[QuestionSpec]:
    """Every question in the content folder, validated; raises ContentError on the first flaw."""
    directory = directory or question_dir()
    return [
        parse_question(raw, category, where)
        for where, category, raw in grouped_items(
            directory, group="category", groups=Category.values, items="questions"
        )
    ]


def load_decks(bank: list[QuestionSpec], path: Path | None = None) -> list[DeckSpec]:
    path = path or decks_path()
    if not path.exists():
        return []
    by_key = {spec.key: spec for spec in bank}
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    decks = []
    for raw in data.get("decks", []):
        key = raw.get("id", "(no id)")
        kinds = tuple(raw.get("kinds", ()))
        sets = tuple(
            DeckSet(title=s["title"], keys=tuple(s["questions"])) for s in raw.get("sets", [])
        )
        if not sets or not raw.get("title") or not set(kinds) <= set(RelationshipKind.values):
            raise ContentError(f"decks.toml {key}: needs a title, known kinds and sets")
        for question_key in (k for s in sets for k in s.keys):
            spec = by_key.get(question_key)
            if spec is None:
                raise ContentError(f"decks.toml {key}: unknown question {question_key}")
            if spec.is_sexual or not set(kinds) <= set(spec.kinds):
                raise ContentError(f"decks.toml {key}: {question_key} does not fit the deck")
        decks.append(
            DeckSpec(
                key=key,
                title=raw["title"],
                description=raw.get("description", ""),
                kinds=kinds,
                sets=sets,
                dimensions=strings(raw.get("dimensions")),
            )
        )
    return decks


_decks_cache: dict[Path, list[DeckSpec]] = {}


def decks() -> list[DeckSpec]:
    path = decks_path()
    if path not in _decks_cache:
        _decks_cache[path] = load_decks(load_bank())
    return _decks_cache[path]


def deck(key: str) -> DeckSpec | None:
    return next((d for d in decks() if d.key == key), None)


@transaction.atomic
def bank_sync(specs: list[QuestionSpec] | None = None) -> dict[str, int]:
    """Make the database's bank match the content: add, update, retire; never delete."""
    specs = load_bank() if specs is None else specs
    existing = {q.key: q for q in Question.objects.filter(key__isnull=False)}
    created, updated = [], []
    fields = ["text", "category", "depth", "kinds", "phases", "is_sexual", "choices", "retired"]
    for spec in specs:
        values = {
            "text": spec.text,
            "category": spec.category,
            "depth": spec.depth,
            "kinds": list(spec.kinds),
            "phases": list(spec.phases),
            "is_sexual": spec.is_sexual,
            "choices": list(spec.choices),
            "retired": False,
        }
        question = existing.pop(spec.key, None)
        if question is None:
            created.append(Question(key=spec.key, **values))
        elif any(getattr(question, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(question, name, value)
            updated.append(question)
    Question.objects.bulk_create(created, batch_size=500)
    Question.objects.bulk_update(updated, fields, batch_size=500)
    retired = Question.objects.filter(key__in=list(existing), retired=False).update(retired=True)
    return {"created": len(created), "updated": len(updated), "retired": retired}


def question_translation_sources() -> list[Source]:
    """What a translation of the bank covers: each question's text and choices."""
    sources = []
    for spec in load_bank():
        fields: dict[str, str | tuple[str, ...]] = {"text": spec.text}
        if spec.choices:
            fields["choices"] = spec.choices
        sources.append(Source(spec.key, fields, file=f"questions/{spec.category}.toml"))
    return sources


def deck_translation_sources() -> list[Source]:
    """What a translation of the decks covers: title, description and each set's title."""
    return [
        Source(
            deck.key,
            {
                "title": deck.title,
                "description": deck.description,
                "sets": tuple(s.title for s in deck.sets),
            },
            file="decks.toml",
        )
        for deck in decks()
    ]

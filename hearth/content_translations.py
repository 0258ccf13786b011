"""Content in the reader's language.

`content/locale/<language>/` mirrors `content/`: one TOML table per content id, holding the
translated fields and `source`, a fingerprint of the English they translate, so a change to the
English shows which translations need another look. English is the fallback for anything a
translation lacks. The format is in docs/content-format.md ("Translations").
"""

import hashlib
import json
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from django.conf import settings
from django.utils import translation

T = TypeVar("T", str, tuple[str, ...], list[str])

# Shorter than this, the same words in both languages can be right ("Sí", "OK", a name).
SAME_AS_ENGLISH_ALLOWED_UP_TO = 24


def translations_dir(language: str) -> Path:
    return Path(settings.CONTENT_DIR) / "locale" / language


def content_language() -> str:
    """The reader's language, as content files name it ("en", "es")."""
    return (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0].lower()


def fingerprint(english: Mapping[str, Any]) -> str:
    """A short fingerprint of the English fields a translation was made from."""
    canonical = json.dumps({k: english[k] for k in sorted(english)}, ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()[:10]


@cache
def catalogue(language: str, name: str) -> Mapping[str, Mapping[str, Any]]:
    """Translated entries by content id.

    `name` is a file ("decks"), a folder of files ("questions"), or a table inside a file
    ("assessment.items").
    """
    file_name, _, table = name.partition(".")
    base = translations_dir(language) / file_name
    paths = sorted(base.glob("*.toml")) if base.is_dir() else [base.with_suffix(".toml")]
    entries: dict[str, Mapping[str, Any]] = {}
    for path in paths:
        if not path.exists():
            continue
        with path.open("rb") as handle:
            data = tomllib.load(handle)
        entries.update(data.get(table, {}) if table else data)
    return entries


def _same_shape(value: Any, english: Any) -> bool:
    if isinstance(english, str):
        return isinstance(value, str) and bool(value.strip())
    return (
        isinstance(value, list)
        and len(value) == len(english)
        and all(isinstance(v, str) and v.strip() for v in value)
    )


def _still_english(value: Any, english: Any) -> bool:
    """Long words left as the English (short ones may rightly be the same)."""
    pairs = zip(value, english, strict=True) if isinstance(english, list) else [(value, english)]
    return any(len(e) > SAME_AS_ENGLISH_ALLOWED_UP_TO and v.strip() == e.strip() for v, e in pairs)


def translated(name: str, key: str | None, field: str, english: T) -> T:
    """`english` in the reader's language, where content/locale has it; else `english`."""
    language = content_language()
    if not key or language == "en":
        return english
    value = catalogue(language, name).get(key, {}).get(field)
    if value is None or not _same_shape(value, english):
        return english
    return tuple(value) if isinstance(english, tuple) else value  # type: ignore[return-value]


@dataclass(frozen=True)
class Source:
    """One content item as the translations see it: its id, its English fields, and the file
    (under content/locale/<language>/) and table its translation belongs in."""

    key: str
    fields: Mapping[str, str | list[str] | tuple[str, ...]]
    file: str
    table: str = ""

    @property
    def catalogue(self) -> str:
        """The name `catalogue()` and `translated()` know it by."""
        file_name = self.file.split("/")[0].removesuffix(".toml")
        return f"{file_name}.{self.table}" if self.table else file_name

    @property
    def english(self) -> dict[str, str | list[str]]:
        """The fields with words in them, lists as lists (as TOML reads them back)."""
        return {k: list(v) if isinstance(v, tuple) else v for k, v in self.fields.items() if v}


def gaps(language: str, name: str, sources: Iterable[Source]) -> list[str]:
    """Everything missing or out of date in one catalogue, one line each; empty when complete."""
    entries = catalogue(language, name)
    problems: list[str] = []
    known: set[str] = set()
    for source in sources:
        known.add(source.key)
        entry = entries.get(source.key)
        where = f"{language}/{name} {source.key}"
        if entry is None:
            problems.append(f"{where}: no translation")
            continue
        english = source.english
        if entry.get("source") != fingerprint(english):
            problems.append(f"{where}: the English changed since it was translated (source)")
        for field, text in english.items():
            value = entry.get(field)
            if not _same_shape(value, text):
                problems.append(f"{where}: {field} is missing or has the wrong shape")
            elif _still_english(value, text):
                problems.append(f"{where}: {field} is still the English")
        unknown = set(entry) - set(english) - {"source"}
        if unknown:
            problems.append(f"{where}: unknown fields {sorted(unknown)}")
    for stale in sorted(set(entries) - known):
        problems.append(f"{language}/{name} {stale}: translates an item that no longer exists")
    return problems


def skeleton(language: str, name: str, sources: Iterable[Source]) -> dict[str, str]:
    """TOML entries, in English, for the items a catalogue lacks, by file: a translator's start.
    (JSON strings are TOML strings.)"""
    entries = catalogue(language, name)
    files: dict[str, list[str]] = {}
    for source in sources:
        if source.key in entries:
            continue
        english = source.english
        header = (
            f"{source.table}.{json.dumps(source.key)}" if source.table else json.dumps(source.key)
        )
        lines = files.setdefault(source.file, [])
        lines.append(f"[{header}]")
        lines.append(f"source = {json.dumps(fingerprint(english))}")
        for field, value in english.items():
            lines.append(f"{field} = {json.dumps(value, ensure_ascii=False)}")
        lines.append("")
    return {file: "\n".join(lines) for file, lines in files.items()}


def translatable_content() -> list[Source]:
    """Every content item a translation covers, from every loader that has one."""
    from hearth.assessments.instrument import translation_sources as profile_sources
    from hearth.questions.bank import deck_translation_sources, question_translation_sources

    return question_translation_sources() + deck_translation_sources() + profile_sources()


def content_by_catalogue() -> dict[str, list[Source]]:
    by_catalogue: dict[str, list[Source]] = {}
    for source in translatable_content():
        by_catalogue.setdefault(source.catalogue, []).append(source)
    return by_catalogue


def all_gaps(language: str) -> list[str]:
    """`gaps()` for every catalogue of one language."""
    catalogues = content_by_catalogue().items()
    return [line for name, sources in catalogues for line in gaps(language, name, sources)]


def add_missing(language: str) -> dict[str, int]:
    """Append English entries for everything untranslated to the right files; count per file."""
    added: dict[str, int] = {}
    for name, sources in content_by_catalogue().items():
        for file, text in skeleton(language, name, sources).items():
            path = translations_dir(language) / file
            path.parent.mkdir(parents=True, exist_ok=True)
            before = path.read_text() if path.exists() else ""
            path.write_text(
                before + ("\n" if before and not before.endswith("\n\n") else "") + text
            )
            added[file] = sum(line.startswith("source = ") for line in text.splitlines())
    catalogue.cache_clear()
    return added

"""Help resources are content: a TOML file the host can replace (HEARTH_HELP_RESOURCES).

A file that breaks the format never leaves a person without help: the page falls back to the
file that ships with Hearth, and the host finds the reason in the log and in `hearth check`.

The shipped file has translations beside the other content (content/locale/<language>/
help_resources.toml), shown to people who read in that language. A host's own file is shown as
written, whatever the reader's language: Hearth can't translate what the host wrote.
"""

import logging
import tomllib
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from hearth.content_translations import content_language

logger = logging.getLogger(__name__)

DEFAULT_FILE = Path(__file__).resolve().parents[2] / "content" / "help_resources.toml"

TOP_KEYS = {"intro", "sections"}
SECTION_KEYS = {"title", "text", "points", "contacts"}
CONTACT_KEYS = {"name", "reach", "note"}
MAX_TITLE = 120
MAX_TEXT = 4000


class ResourcesError(ValueError):
    """A resources file that breaks the documented format; the message names file and place."""


@dataclass(frozen=True)
class Contact:
    name: str
    reach: str
    note: str = ""


@dataclass(frozen=True)
class Section:
    title: str
    paragraphs: tuple[str, ...] = ()
    points: tuple[str, ...] = ()
    contacts: tuple[Contact, ...] = ()


@dataclass(frozen=True)
class HelpResources:
    intro: tuple[str, ...]
    sections: tuple[Section, ...]
    source: Path


def paragraphs(text: str) -> tuple[str, ...]:
    """Blank lines separate paragraphs; single line breaks are just wrapping."""
    blocks = (" ".join(block.split()) for block in text.replace("\r\n", "\n").split("\n\n"))
    return tuple(block for block in blocks if block)


def text_field(raw: dict[str, object], key: str, where: str, *, required: bool, limit: int) -> str:
    value = raw.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or not value.strip():
        raise ResourcesError(f"{where}: '{key}' must be some text")
    if len(value) > limit:
        raise ResourcesError(f"{where}: '{key}' is longer than {limit} characters")
    return value.strip()


def unknown_keys(raw: dict[str, object], allowed: set[str], where: str) -> None:
    unknown = set(raw) - allowed
    if unknown:
        raise ResourcesError(f"{where}: unknown fields {sorted(unknown)}; use {sorted(allowed)}")


def parse_contact(raw: object, where: str) -> Contact:
    if not isinstance(raw, dict):
        raise ResourcesError(f"{where}: a contact must be a table with name and reach")
    unknown_keys(raw, CONTACT_KEYS, where)
    return Contact(
        name=text_field(raw, "name", where, required=True, limit=MAX_TITLE),
        reach=text_field(raw, "reach", where, required=True, limit=MAX_TITLE),
        note=text_field(raw, "note", where, required=False, limit=MAX_TEXT),
    )


def parse_section(raw: object, where: str) -> Section:
    if not isinstance(raw, dict):
        raise ResourcesError(f"{where}: a section must be a table ([[sections]])")
    unknown_keys(raw, SECTION_KEYS, where)
    title = text_field(raw, "title", where, required=True, limit=MAX_TITLE)
    where = f"{where} ({title!r})"
    text = text_field(raw, "text", where, required=False, limit=MAX_TEXT)
    points = raw.get("points", [])
    if not isinstance(points, list) or not all(
        isinstance(point, str) and point.strip() for point in points
    ):
        raise ResourcesError(f"{where}: 'points' must be a list of texts")
    contacts = raw.get("contacts", [])
    if not isinstance(contacts, list):
        raise ResourcesError(
            f"{where}: 'contacts' must be a list of tables ([[sections.contacts]])"
        )
    section = Section(
        title=title,
        paragraphs=paragraphs(text),
        points=tuple(point.strip() for point in points),
        contacts=tuple(
            parse_contact(contact, f"{where} contact {number}")
            for number, contact in enumerate(contacts, start=1)
        ),
    )
    if not (section.paragraphs or section.points or section.contacts):
        raise ResourcesError(f"{where}: needs text, points or contacts")
    return section


def load_resources(path: Path) -> HelpResources:
    """Read and check one resources file; raises ResourcesError naming what is wrong."""
    try:
        with Path(path).open("rb") as handle:
            data = tomllib.load(handle)
    except OSError as error:
        raise ResourcesError(f"{path}: cannot be read ({error.strerror or error})") from error
    except tomllib.TOMLDecodeError as error:
        raise ResourcesError(f"{path}: is not valid TOML ({error})") from error
    where = Path(path).name
    unknown_keys(data, TOP_KEYS, where)
    intro = text_field(data, "intro", where, required=False, limit=MAX_TEXT)
    sections = data.get("sections")
    if not isinstance(sections, list) or not sections:
        raise ResourcesError(f"{where}: needs at least one [[sections]]")
    return HelpResources(
        intro=paragraphs(intro),
        sections=tuple(
            parse_section(section, f"{where} section {number}")
            for number, section in enumerate(sections, start=1)
        ),
        source=Path(path),
    )


def configured_file() -> Path:
    return Path(getattr(settings, "HELP_RESOURCES_FILE", DEFAULT_FILE))


def translated_file(language: str) -> Path:
    """Where the shipped file's translation into `language` lives (it may not exist)."""
    return DEFAULT_FILE.parent / "locale" / language / DEFAULT_FILE.name


def is_shipped(path: Path) -> bool:
    return Path(path).resolve() == DEFAULT_FILE.resolve()


def in_reader_language(path: Path) -> list[Path]:
    """The files to try for `path`, best first: the shipped file in the reader's language when
    there is a translation, then `path` itself. A host's own file is only ever itself."""
    language = content_language()
    if language != "en" and language.isalpha() and is_shipped(path):
        translation = translated_file(language)
        if translation.is_file():
            return [translation, path]
    return [path]


def help_resources() -> HelpResources | None:
    """The host's resources, else the ones Hearth ships with (in the reader's language where
    they are translated); None only if every one is broken.

    Nothing is kept between requests: each reading is in the language of the person asking."""
    candidates = [
        candidate
        for path in (configured_file(), DEFAULT_FILE)
        for candidate in in_reader_language(path)
    ]
    for path in dict.fromkeys(candidates):
        try:
            return load_resources(path)
        except ResourcesError as error:
            logger.error("Help resources not shown: %s", error)
    return None

"""What every content loader shares: the error that names file and item, lists of strings, and
walking a folder of TOML files that each hold one group (a category, a theme) of items."""

import tomllib
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import Any

from hearth.relationships.models import RelationshipKind, RelationshipPhase


class ContentError(ValueError):
    """Content that breaks the documented format; the message names the file and the item."""


def strings(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ContentError(f"expected a list of strings, got {value!r}")
    return tuple(value)


def grouped_items(
    directory: Path, *, group: str, groups: Collection[str], items: str
) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(file name, group, raw item) for every item of every `<group>.toml` in the folder, in
    file order. Each file's `group` field must be one of `groups` and match its name, and no id
    may appear twice across the folder."""
    seen: set[str] = set()
    for path in sorted(directory.glob("*.toml")):
        with path.open("rb") as handle:
            data = tomllib.load(handle)
        name = data.get(group)
        if name not in groups or path.stem != name:
            raise ContentError(f"{path.name}: {group} must be one of ours and match the file name")
        for raw in data.get(items, []):
            key = str(raw.get("id", ""))
            if key and key in seen:
                raise ContentError(f"{path.name} {key}: the id is used twice")
            seen.add(key)
            yield path.name, name, raw


def some_of(
    raw: dict[str, Any], name: str, allowed: Collection[str], where: str
) -> tuple[str, ...]:
    """A list field that must name at least one of `allowed`, and nothing else."""
    values = strings(raw.get(name))
    if not values or not set(values) <= set(allowed):
        raise ContentError(f"{where}: {name} must name some of {allowed}")
    return values


def kinds_and_phases(raw: dict[str, Any], where: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The relationship kinds an item fits (at least one) and its phases (none means every one)."""
    kinds = some_of(raw, "kinds", RelationshipKind.values, where)
    phases = strings(raw.get("phases"))
    if not set(phases) <= set(RelationshipPhase.values):
        raise ContentError(f"{where}: unknown phase in {phases}")
    return kinds, phases

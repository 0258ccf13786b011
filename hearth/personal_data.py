"""Every kind of personal data Hearth keeps, declared once: what it is, which rows are a
person's, how they get a copy, and how it goes when they delete their account (or what stays,
and why, for the others' sake).

Each app declares its own models in a `personal_data.py` module, found at start-up; the
privacy app's export and deletion walk the declarations. A test
walks every installed model that refers to a person or a membership and fails when one is not
declared here, so a new feature can't forget export or deletion; docs/privacy.md carries the
table `markdown_table()` draws from these declarations.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from django.db import models

from hearth.encryption import EncryptedTextField

if TYPE_CHECKING:
    from hearth.accounts.models import User
    from hearth.relationships.models import Member

Row = dict[str, Any]
Tables = dict[str, list[Row]]


@dataclass(frozen=True)
class Person:
    """Whose data: an account and every place it ever had, current and former. Ids are kept
    apart from the objects so the rows can still be found after the account is gone."""

    user: "User"
    user_id: int
    members: list["Member"]
    member_ids: list[int] = field(default_factory=list)

    def is_me(self, member_id: int | None) -> bool:
        return member_id in self.member_ids


class Erasure(StrEnum):
    """What happens to a kind of data when its person deletes their account."""

    WITH_ACCOUNT = "deleted with the account"
    DELETED = "deleted"
    ANONYMISED = "emptied"
    UNLINKED = "kept for the others, no longer linked to you"


@dataclass(frozen=True)
class PersonalData:
    model: type[models.Model]
    what: str
    rows: Callable[[Person], models.QuerySet[Any]]
    erasure: Erasure
    tables: tuple[str, ...] = ()
    export: Callable[[Person], Tables] | None = None
    erase: Callable[[Person], object] | None = None
    kept: str = ""
    not_exported: str = ""

    @property
    def label(self) -> str:
        return self.model._meta.label

    @property
    def encrypted(self) -> bool:
        return any(isinstance(f, EncryptedTextField) for f in self.model._meta.get_fields())


REGISTRY: dict[type[models.Model], PersonalData] = {}


def declare(
    model: type[models.Model],
    *,
    what: str,
    rows: Callable[[Person], models.QuerySet[Any]],
    erasure: Erasure,
    tables: tuple[str, ...] = (),
    export: Callable[[Person], Tables] | None = None,
    erase: Callable[[Person], object] | None = None,
    kept: str = "",
    not_exported: str = "",
) -> PersonalData:
    """Declare one model's personal data. Declaring a model twice is a mistake, not an update."""
    if model in REGISTRY:
        raise ValueError(f"{model._meta.label} is already declared as personal data.")
    entry = PersonalData(
        model=model,
        what=what,
        rows=rows,
        erasure=erasure,
        tables=tables,
        export=export,
        erase=erase,
        kept=kept,
        not_exported=not_exported,
    )
    REGISTRY[model] = entry
    return entry


def entries() -> list[PersonalData]:
    return list(REGISTRY.values())


# --- writing rows for the export ------------------------------------------------------------


def when(value: datetime | date | None) -> str | None:
    return value.isoformat() if value else None


def plain(value: Any) -> Any:
    """A value as JSON can carry it."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def records(rows: Iterable[Any], fields: dict[str, Callable[[Any], Any] | str]) -> list[Row]:
    """Rows as export records: each field is an attribute name or a function of the row."""
    return [
        {
            name: plain(getattr(row, how) if isinstance(how, str) else how(row))
            for name, how in fields.items()
        }
        for row in rows
    ]


def markdown_table() -> str:
    """The table of docs/privacy.md, drawn from the declarations."""
    lines = [
        "| what | in your export | when you delete your account | text encrypted |",
        "|---|---|---|---|",
    ]
    for entry in entries():
        exported = (
            ", ".join(f"`{name}`" for name in entry.tables)
            if entry.export
            else f"no: {entry.not_exported}"
        )
        erased = str(entry.erasure) + (f": {entry.kept}" if entry.kept else "")
        lines.append(
            f"| {entry.what} | {exported} | {erased} | {'yes' if entry.encrypted else 'no'} |"
        )
    return "\n".join(lines) + "\n"

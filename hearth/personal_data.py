"""Every kind of personal data Hearth keeps, declared once: what it is, whose rows they are, how
a person gets a copy, and how it goes when they delete their account (or what stays, and why,
for the others' sake).

Each app declares its own models in a `personal_data.py` module, found at start-up; the privacy
app's export and deletion walk the declarations. A test walks every installed model that refers
to a person or a membership and fails when one is not declared, so a new feature can't forget
export or deletion; docs/privacy.md carries the table `markdown_table()` draws from them.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from enum import StrEnum
from functools import reduce
from operator import or_
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.db.models import Q

from hearth.encryption import EncryptedTextField

if TYPE_CHECKING:
    from hearth.accounts.models import User
    from hearth.relationships.models import Member

Row = dict[str, Any]
Tables = dict[str, list[Row]]
Fields = Mapping[str, "str | Callable[[Any], Any]"]


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
    owner: tuple[str, ...]
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

    def rows(self, person: Person) -> models.QuerySet[Any]:
        return owned_rows(self.model, self.owner, person)


def owned_rows(
    model: type[models.Model], owner: tuple[str, ...], person: Person
) -> models.QuerySet[Any]:
    """The rows that are this person's, through any of the owner fields."""
    return model._default_manager.filter(
        reduce(or_, (owned_through(model, path, person) for path in owner))
    )


def owned_through(model: type[models.Model], path: str, person: Person) -> Q:
    """`path` leads from the model to an account or a membership ("pk" when the model is one);
    match this person's."""
    target: Any = model
    if path != "pk":
        for name in path.split("__"):
            target = target._meta.get_field(name).related_model
    key = "pk" if path == "pk" else f"{path}_id"
    if target._meta.label == settings.AUTH_USER_MODEL:
        return Q(**{key: person.user_id})
    if target._meta.label == "relationships.Member":
        return Q(**{f"{key}__in": person.member_ids})
    raise ValueError(f"{model._meta.label}.{path} leads neither to an account nor a membership.")


REGISTRY: dict[type[models.Model], PersonalData] = {}


def declare(
    model: type[models.Model],
    *,
    what: str,
    owner: str | tuple[str, ...],
    erasure: Erasure,
    table: str = "",
    fields: Fields | None = None,
    related: tuple[str, ...] = (),
    tables: tuple[str, ...] = (),
    export: Callable[[Person], Tables] | None = None,
    erase: Callable[[Person], object] | None = None,
    kept: str = "",
    not_exported: str = "",
) -> PersonalData:
    """Declare one model's personal data, owned through `owner` (a field path to the account or
    a membership, or several). Export it either as one `table` of `fields` (attribute names or
    functions of a row, with `related` rows fetched alongside), or by an `export` function
    filling `tables`. What is "deleted" is deleted row by row unless `erase` says otherwise."""
    if model in REGISTRY:
        raise ValueError(f"{model._meta.label} is already declared as personal data.")
    owners = (owner,) if isinstance(owner, str) else owner
    if fields is not None:
        tables = (table,)
        chosen = fields

        def export(person: Person) -> Tables:
            rows = owned_rows(model, owners, person).select_related(*related)
            return {table: records(rows, chosen)}

    if erase is None and erasure == Erasure.DELETED:

        def erase(person: Person) -> object:
            return owned_rows(model, owners, person).delete()

    entry = PersonalData(
        model=model,
        what=what,
        owner=owners,
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


def plain(value: Any) -> Any:
    """A value as JSON can carry it."""
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def own_and_shared(
    person: Person,
    own: models.QuerySet[Any],
    visible_to: "Callable[[Member], models.QuerySet[Any]]",
    related: tuple[str, ...] = (),
) -> list[Any]:
    """The person's own rows and those others shared with each place they had, through the same
    selector the pages read; once each, oldest first."""
    seen = {row.pk: row for row in own.select_related(*related)}
    for member in person.members:
        seen.update((row.pk, row) for row in visible_to(member).select_related(*related))
    return sorted(seen.values(), key=lambda row: row.pk)


def records(rows: Iterable[Any], fields: Fields) -> list[Row]:
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

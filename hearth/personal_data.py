"""Every kind of personal data Hearth keeps, declared once: what it is, whose rows they are, how
a person gets a copy, and how it goes when they delete their account (or what stays, and why,
for the others' sake).

Each app declares its own models in a `personal_data.py` module, found at start-up; the privacy
app's export and deletion walk the declarations. A test walks every installed model that refers
to a person or a membership and fails when one is not declared, so a new feature can't forget
export or deletion; docs/privacy.md carries the table `markdown_table()` draws from them.
"""

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from enum import StrEnum
from functools import reduce
from operator import or_
from typing import TYPE_CHECKING, Any, TypeVar, cast

from django.conf import settings
from django.db import models
from django.db.models import ExpressionWrapper, F, Q

from hearth.encryption import EncryptedTextField, decrypt_many

if TYPE_CHECKING:
    from hearth.accounts.models import User
    from hearth.relationships.models import Member

Row = dict[str, Any]
Tables = dict[str, list[Row]]
T = TypeVar("T")


@dataclass(frozen=True)
class Label:
    """A field with choices, written as its label in the reader's language."""

    path: str


Fields = Mapping[str, "str | Label | Callable[[Any], Any]"]


@dataclass(frozen=True)
class Person:
    """Whose data: an account and every place it ever had, current and former. Ids are kept
    apart from the objects so the rows can still be found after the account is gone."""

    user: "User"
    user_id: int
    members: list["Member"]
    member_ids: list[int] = field(default_factory=list)
    # What several tables of one export share (names, questions), read once for all of them.
    shared: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def is_me(self, member_id: int | None) -> bool:
        return member_id in self.member_ids

    def once(self, name: str, read: Callable[[], T]) -> T:
        """`read()` the first time one export asks for `name`; the same answer after."""
        if name not in self.shared:
            self.shared[name] = read()
        return cast(T, self.shared[name])

    def name_for(self, member_id: int) -> str:
        """The person's own places are "me"; anyone else's goes by its display name."""
        if self.is_me(member_id):
            return "me"
        names = self.once("names", self.everyones_names)
        if member_id not in names:  # only a place outside this person's relationships
            names.update(display_names(Q(pk=member_id)))
        return names[member_id]

    def everyones_names(self) -> dict[int, str]:
        """Every place in the relationships this person belonged to, by its display name."""
        return display_names(Q(relationship_id__in=self.relationship_ids))

    def relationship_name(self, relationship_id: int) -> str:
        names = self.once("relationships", lambda: relationship_names(self.relationship_ids))
        if relationship_id not in names:  # only a relationship this person never belonged to
            names.update(relationship_names({relationship_id}))
        return names[relationship_id]

    @property
    def relationship_ids(self) -> set[int]:
        return {member.relationship_id for member in self.members}


def display_names(places: Q) -> dict[int, str]:
    from hearth.relationships.models import Member

    return {m.pk: m.display_name for m in Member.objects.filter(places).select_related("user")}


def relationship_names(ids: set[int]) -> dict[int, str]:
    from hearth.relationships.models import Relationship

    return dict(Relationship.objects.filter(pk__in=ids).values_list("pk", "name"))


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
    ordering: tuple[str, ...] = (),
    tables: tuple[str, ...] = (),
    export: Callable[[Person], Tables] | None = None,
    erase: Callable[[Person], object] | None = None,
    kept: str = "",
    not_exported: str = "",
) -> PersonalData:
    """Declare one model's personal data, owned through `owner` (a field path to the account or
    a membership, or several). Export it either as one `table` of `fields` (paths to values,
    labels of choices, or functions of a row, with `related` rows fetched alongside; in the
    model's order unless `ordering` says), or by an `export` function filling `tables`. What
    is "deleted" is deleted row by row unless `erase` says otherwise."""
    if model in REGISTRY:
        raise ValueError(f"{model._meta.label} is already declared as personal data.")
    owners = (owner,) if isinstance(owner, str) else owner
    if fields is not None:
        tables = (table,)
        chosen = fields

        def export(person: Person) -> Tables:
            rows = owned_rows(model, owners, person).select_related(*related)
            if ordering:
                rows = rows.order_by(*ordering)
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
    own: models.QuerySet[Any] | None,
    visible_to: "Callable[[Member], models.QuerySet[Any]]",
    fields: Sequence[str],
) -> list[Row]:
    """The person's own rows and those others shared with each place they had, through the same
    selector the pages read; once each, oldest first. Read as values (`fields`, "pk" among
    them) in one query however many places: the selectors' reads joined in a union, which
    keeps each row once."""
    parts = [sealed_values(visible_to(member), fields).order_by() for member in person.members]
    if own is not None:
        parts.insert(0, sealed_values(own, fields).order_by())
    if not parts:
        return []
    return opened(parts[0].union(*parts[1:]).order_by("pk"), fields)


def values_of(rows: models.QuerySet[Any], fields: Sequence[str]) -> list[Row]:
    """`rows.values(*fields)`, with encrypted text opened for all the rows at once."""
    return opened(sealed_values(rows, fields), fields)


def sealed_values(rows: models.QuerySet[Any], fields: Sequence[str]) -> models.QuerySet[Any]:
    """`rows.values(*fields)`, except that encrypted text comes as stored, for `opened`."""
    sealed = encrypted_paths(rows.model, fields)
    return rows.values(
        *(path for path in fields if path not in sealed),
        **{
            name: ExpressionWrapper(F(path), output_field=models.TextField())
            for path, name in sealed.items()
        },
    )


def opened(values: models.QuerySet[Any], fields: Sequence[str]) -> list[Row]:
    """Rows of `sealed_values`, their encrypted text deciphered column by column (much faster
    than one value at a time, for the long histories an export reads)."""
    rows = list(values)
    for path, name in encrypted_paths(values.model, fields).items():
        texts = decrypt_many([row.pop(name) for row in rows])
        for row, text in zip(rows, texts, strict=True):
            row[path] = text
    return rows


def encrypted_paths(model: type[models.Model], fields: Sequence[str]) -> dict[str, str]:
    """The fields that are encrypted text, each with a name to read it under as stored."""
    return {
        path: f"sealed_{index}"
        for index, path in enumerate(fields)
        if isinstance(field_at(model, path), EncryptedTextField)
    }


def field_at(model: type[models.Model], path: str) -> Any:
    *through, name = path.split("__")
    for step in through:
        model = model._meta.get_field(step).related_model  # type: ignore[assignment]
    return model._meta.pk if name == "pk" else model._meta.get_field(name)


def records(rows: Iterable[Any], fields: Fields) -> list[Row]:
    """Rows as export records: each field is a path to a value (through related rows with
    "__"), a Label of one, or a function of the row. A query asked only for values reads them
    as values, without making a model of each row."""
    if isinstance(rows, models.QuerySet) and not any(callable(how) for how in fields.values()):
        return value_records(rows, fields)
    return [
        {
            name: plain(how(row) if callable(how) else value_of(row, how))
            for name, how in fields.items()
        }
        for row in rows
    ]


def value_records(rows: models.QuerySet[Any], fields: Fields) -> list[Row]:
    chosen = {name: how for name, how in fields.items() if not callable(how)}
    paths = {name: how.path if isinstance(how, Label) else how for name, how in chosen.items()}
    labels = {
        name: labels_of(rows.model, how.path)
        for name, how in chosen.items()
        if isinstance(how, Label)
    }
    return [
        {
            name: plain(labels[name].get(row[path], row[path]) if name in labels else row[path])
            for name, path in paths.items()
        }
        for row in values_of(rows, list(dict.fromkeys(paths.values())))
    ]


def value_of(row: Any, how: "str | Label") -> Any:
    path = how.path if isinstance(how, Label) else how
    value = row
    for name in path.split("__"):
        if value is None:
            return None
        value = getattr(value, name)
    if isinstance(how, Label):
        return labels_of(type(row), how.path).get(value, value)
    return value


def labels_of(model: type[models.Model], path: str) -> dict[Any, str]:
    """A choices field's labels, in the active language."""
    chosen = field_at(model, path)
    return {value: str(label) for value, label in getattr(chosen, "flatchoices", ())}


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

"""A person's own copy of their data: everything they wrote, chose or measured, and what was
shared with them while they belonged. Each kind of data writes its own tables, as declared in
hearth/personal_data.py."""

import csv
import io
import json
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from hearth.accounts.models import User
from hearth.activity.models import Activity
from hearth.activity.services import activity_record
from hearth.personal_data import Row, Tables, entries
from hearth.privacy.people import person_of

FORMAT_VERSION = 2


def export_data(user: User) -> Tables:
    person = person_of(user)
    tables: Tables = {}
    with without_jit_compilation():
        for entry in entries():
            if entry.export is not None:
                tables.update(entry.export(person))
    return tables


@contextmanager
def without_jit_compilation() -> Iterator[None]:
    """PostgreSQL mistakes the export's reads (index scans over a relationship's history, whose
    cost it overestimates) for long analytic queries and compiles each to machine code first,
    which takes longer than running them; within the export, it doesn't. SQLite has no JIT."""
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL jit = off")
        yield


def export_archive(user: User) -> bytes:
    """One zip: data.json with everything, and one CSV per table for spreadsheets."""
    data = export_data(user)
    buffer = io.BytesIO()
    # The fastest compression: ten years of history still zip in a blink, a little larger.
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        document = {"format": FORMAT_VERSION, "exported_at": timezone.now().isoformat(), **data}
        archive.writestr("data.json", to_json(document))
        for table, rows in data.items():
            archive.writestr(f"{table}.csv", to_csv(rows))
    activity_record(user=user, kind=Activity.Kind.EXPORTED)
    return buffer.getvalue()


# One record's items, each on its own line as indent=2 puts them, through the C encoder
# (Python's JSON encoder only uses it without indent).
RECORD = json.JSONEncoder(ensure_ascii=False, separators=(",\n      ", ": "))


def to_json(document: dict[str, Any]) -> str:
    """The same text as json.dumps(document, indent=2, ensure_ascii=False), for a document of
    tables of records, written many times faster."""
    items = [
        f"  {json.dumps(name, ensure_ascii=False)}: "
        + (table_json(value) if isinstance(value, list) else nested(value, 2))
        for name, value in document.items()
    ]
    return "{\n" + ",\n".join(items) + "\n}" if items else "{}"


def table_json(rows: list[Any]) -> str:
    if not rows:
        return "[]"
    return "[\n" + ",\n".join(f"    {record_json(row)}" for row in rows) + "\n  ]"


def record_json(row: Any) -> str:
    flat = (
        isinstance(row, dict) and row and not any(isinstance(v, dict | list) for v in row.values())
    )
    return "{\n      " + RECORD.encode(row)[1:-1] + "\n    }" if flat else nested(row, 4)


def nested(value: Any, depth: int) -> str:
    """A value as indent=2 writes it, `depth` spaces in (JSON text has no other line breaks)."""
    return json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n" + " " * depth)


def to_csv(rows: list[Row]) -> str:
    """One table for spreadsheets: a header from the first record, which all the others share;
    lists and mappings (a profile's answers) go into one cell as JSON."""
    out = io.StringIO()
    if rows:
        writer = csv.writer(out)
        writer.writerow(rows[0])
        writer.writerows(
            [
                json.dumps(value, ensure_ascii=False) if isinstance(value, dict | list) else value
                for value in row.values()
            ]
            for row in rows
        )
    return out.getvalue()

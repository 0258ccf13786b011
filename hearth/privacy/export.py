"""A person's own copy of their data: everything they wrote, chose or measured, and what was
shared with them while they belonged. Each kind of data writes its own tables, as declared in
hearth/personal_data.py."""

import csv
import io
import json
import zipfile
from typing import Any

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
    for entry in entries():
        if entry.export is not None:
            tables.update(entry.export(person))
    return tables


def export_archive(user: User) -> bytes:
    """One zip: data.json with everything, and one CSV per table for spreadsheets."""
    data = export_data(user)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "data.json",
            json.dumps(
                {"format": FORMAT_VERSION, "exported_at": timezone.now().isoformat(), **data},
                indent=2,
                ensure_ascii=False,
            ),
        )
        for table, rows in data.items():
            archive.writestr(f"{table}.csv", to_csv(rows))
    activity_record(user=user, kind=Activity.Kind.EXPORTED)
    return buffer.getvalue()


def to_csv(rows: list[Row]) -> str:
    out = io.StringIO()
    if rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows({key: cell(value) for key, value in row.items()} for row in rows)
    return out.getvalue()


def cell(value: Any) -> Any:
    """Lists and mappings (a profile's answers) go into one CSV cell as JSON."""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, dict | list) else value

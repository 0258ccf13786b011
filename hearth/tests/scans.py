"""Looking at what the database really holds, for tests of encryption and deletion."""

import os
import subprocess
from pathlib import Path

from django.apps import apps
from django.db import connection


def database_bytes() -> bytes:
    """Everything the database holds on disk: the SQLite files, or a PostgreSQL dump."""
    if connection.vendor == "sqlite":
        name = Path(connection.settings_dict["NAME"])
        return b"".join(
            p.read_bytes() for p in (name, Path(f"{name}-wal"), Path(f"{name}-shm")) if p.exists()
        )
    db = connection.settings_dict
    command = [
        "pg_dump",
        "--no-owner",
        "-h",
        db["HOST"] or "127.0.0.1",
        "-p",
        str(db["PORT"] or 5432),
    ]
    command += ["-U", db["USER"] or "postgres", db["NAME"]]
    env = {**os.environ, "PGPASSWORD": db.get("PASSWORD") or ""}
    return subprocess.run(command, check=True, capture_output=True, env=env).stdout  # noqa: S603


def every_stored_value() -> str:
    """Every value of every row in the database, as text (encrypted text decrypted)."""
    values: list[str] = []
    for model in apps.get_models():
        for row in model._default_manager.all().values_list():
            values.extend(str(v) for v in row)
    return "\n".join(values)

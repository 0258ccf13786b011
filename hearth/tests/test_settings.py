import json
import os
import subprocess
import sys
from typing import Any

import pytest
from django.db import connection


def test_sqlite_runs_in_wal_mode_with_secure_delete_and_postgres_gets_no_sqlite_options(db):
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA journal_mode")
            assert cursor.fetchone()[0] == "wal"
            cursor.execute("PRAGMA secure_delete")
            assert cursor.fetchone()[0] == 1
        else:
            assert "init_command" not in connection.settings_dict.get("OPTIONS", {})


def settings_read_with(tmp_path, environment: dict[str, str], *names: str) -> dict[str, Any]:
    """Load the settings module afresh in its own process, with only this HEARTH_ environment."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("HEARTH_")}
    env.pop("DATABASE_URL", None)
    env |= {"HEARTH_DATA_DIR": str(tmp_path), **environment}
    code = (
        "import json, sys, hearth.settings as s; "
        "print(json.dumps({name: getattr(s, name) for name in sys.argv[1:]}))"
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code, *names], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    ("environment", "preload"),
    [
        ({}, False),
        ({"HEARTH_SECURE": "true"}, False),
        ({"HEARTH_SECURE": "true", "HEARTH_HSTS_PRELOAD": "false"}, False),
        ({"HEARTH_SECURE": "true", "HEARTH_HSTS_PRELOAD": "true"}, True),
    ],
)
def test_hsts_preload_is_only_on_when_the_host_opts_in(tmp_path, environment, preload):
    read = settings_read_with(tmp_path, environment, "SECURE_HSTS_PRELOAD", "SECURE_HSTS_SECONDS")
    assert read["SECURE_HSTS_PRELOAD"] is preload
    assert (read["SECURE_HSTS_SECONDS"] > 0) is ("HEARTH_SECURE" in environment)

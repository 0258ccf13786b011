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

"""A backup restores an instance exactly, stays encrypted, and restore refuses what's unsafe."""

import io
import json
import sqlite3
import tarfile
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from cryptography.fernet import Fernet
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import connection, connections
from django.db.models import Model

from hearth import encryption
from hearth.accounts.models import User
from hearth.accounts.tests.factories import UserFactory
from hearth.operations.backups import KEYS, MANIFEST
from hearth.questions.models import Answer, Response
from hearth.questions.tests.factories import answer_as, todays_prompt
from hearth.relationships.models import Relationship

pytestmark = pytest.mark.django_db(transaction=True)

PLANTED = "tangerine-lighthouse-7342"


def snapshot() -> dict[str, Any]:
    """Every row of every model, the stored ciphertext, the tables and applied migrations."""
    tables: dict[str, Any] = {}
    for model in apps.get_models(include_auto_created=True):
        rows = model._base_manager.order_by("pk").values_list()
        tables[model._meta.label] = list(rows)
    for model, name in encryption.encrypted_fields():
        tables[f"{model._meta.label}.{name} as stored"] = stored(model, name)
    with connection.cursor() as cursor:
        cursor.execute("SELECT app, name, applied FROM django_migrations ORDER BY id")
        tables["django_migrations"] = [tuple(row) for row in cursor.fetchall()]
    tables["table names"] = sorted(connection.introspection.table_names())
    return tables


def stored(model: type[Model], name: str) -> list[tuple[Any, ...]]:
    """An encrypted column as it lies in the database, read past the field's decryption."""
    field, pk = model._meta.get_field(name), model._meta.pk
    assert isinstance(field, encryption.EncryptedTextField) and pk is not None
    quote = connection.ops.quote_name
    columns = ", ".join(quote(str(f.column)) for f in (pk, field))
    with connection.cursor() as cursor:
        # Names come from the models, not from input.
        cursor.execute(f"SELECT {columns} FROM {quote(model._meta.db_table)} ORDER BY 1")  # noqa: S608
        return [tuple(row) for row in cursor.fetchall()]


def backup(tmp_path: Path, *options: str) -> Path:
    call_command("backup", str(tmp_path / "backups"), *options, stdout=io.StringIO())
    (archive,) = (tmp_path / "backups").glob("*.tar.gz")
    return archive


def restore(archive: Path, *options: str) -> str:
    out = io.StringIO()
    call_command("restore", str(archive), *options, stdout=out)
    return out.getvalue()


def archive_files(archive: Path) -> dict[str, bytes]:
    with tarfile.open(archive, mode="r:gz") as tar:
        return {
            member.name: tar.extractfile(member).read()  # type: ignore[union-attr]
            for member in tar.getmembers()
        }


def with_manifest(archive: Path, **changes: Any) -> Path:
    """A copy of the archive whose manifest says something else."""
    files = archive_files(archive)
    files[MANIFEST] = json.dumps({**json.loads(files[MANIFEST]), **changes}).encode()
    changed = archive.with_name("changed.tar.gz")
    with tarfile.open(changed, mode="w:gz") as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return changed


def change_everything() -> None:
    """Delete some rows, add and edit others, and leave a table the backup never had."""
    Response.objects.filter(pk__in=Response.objects.order_by("pk")[:5].values("pk")).delete()
    Answer.objects.filter(pk__in=Answer.objects.order_by("-pk")[:7].values("pk")).delete()
    Answer.objects.filter(pk=Answer.objects.exclude(text="").earliest("pk").pk).update(
        text="rewritten after the backup"
    )
    Relationship.objects.filter(pk=Relationship.objects.earliest("pk").pk).update(name="Renamed")
    UserFactory.create(email="newcomer@example.com")
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE operations_leftover (id integer PRIMARY KEY)")


def test_a_restore_brings_back_every_row_exactly(tmp_path):
    call_command("demo", stdout=io.StringIO())
    before = snapshot()
    assert len(before["questions.Answer"]) > 100
    stored = [text for _, text in before["questions.Answer.text as stored"] if text]
    assert stored and all(text.startswith(encryption.PREFIX) for text in stored)

    archive = backup(tmp_path)
    change_everything()
    assert snapshot() != before
    output = restore(archive, "--yes")

    after = snapshot()
    assert [label for label in before if after.get(label) != before[label]] == []
    assert after == before
    assert "Restored the backup" in output and "No configured encryption key" not in output
    # The restored instance keeps working: text decrypts, new rows get fresh ids.
    assert Answer.objects.exclude(text="").earliest("pk").text != "rewritten after the backup"
    assert UserFactory.create().pk > max(pk for pk, *_ in before["accounts.User"])


def test_restore_without_yes_refuses_and_changes_nothing(tmp_path, ours):
    archive = backup(tmp_path)
    UserFactory.create(email="after-the-backup@example.com")
    before = snapshot()
    with pytest.raises(CommandError, match=r"replaces all data.*--yes"):
        restore(archive)
    assert snapshot() == before
    assert User.objects.filter(email="after-the-backup@example.com").exists()


def test_a_backup_of_another_database_vendor_is_refused_clearly(tmp_path, ours):
    archive = backup(tmp_path)
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    UserFactory.create(email="after-the-backup@example.com")
    before = snapshot()
    theirs, ours_name = (
        ("PostgreSQL", "SQLite") if other == "postgresql" else ("SQLite", "PostgreSQL")
    )
    message = f"holds a {theirs} database, but Hearth is configured for {ours_name}"
    with pytest.raises(CommandError, match=message):
        restore(with_manifest(archive, vendor=other), "--yes")
    assert snapshot() == before


def test_a_backup_from_a_newer_hearth_is_refused(tmp_path, ours):
    archive = backup(tmp_path)
    migrations = [*json.loads(archive_files(archive)[MANIFEST])["migrations"]]
    newer = with_manifest(archive, migrations=[*migrations, ["questions", "9999_future"]])
    before = snapshot()
    with pytest.raises(CommandError, match=r"newer Hearth.*questions\.9999_future"):
        restore(newer, "--yes")
    assert snapshot() == before


def test_the_archive_holds_no_plaintext_of_what_people_wrote(tmp_path, ours, alice, bob):
    a, b = ours.memberships.get(user=alice), ours.memberships.get(user=bob)
    prompt = todays_prompt(ours)
    answer_as(a, prompt, f"my answer holds {PLANTED}")
    answer_as(b, prompt, "and mine")

    files = archive_files(backup(tmp_path))
    manifest = json.loads(files[MANIFEST])
    assert manifest["vendor"] == connection.vendor and manifest["keys"] is False
    assert ["questions", "0001_initial"] in manifest["migrations"]
    assert KEYS not in files
    assert [name for name, data in files.items() if PLANTED.encode() in data] == []
    database = files[manifest["database"]]
    # The dump is readable bytes (not compressed), so the search above means something.
    assert b"alice@example.com" in database and encryption.PREFIX.encode() in database


@pytest.fixture
def own_key_file(settings, tmp_path, monkeypatch) -> Iterator[Path]:
    """A data folder of the test's own, holding the keys in use, so the real one stays put."""
    monkeypatch.delenv("HEARTH_ENCRYPTION_KEYS", raising=False)
    keys = encryption.read_keys()
    settings.DATA_DIR = tmp_path / "data"
    settings.DATA_DIR.mkdir()
    encryption.write_keys(keys)
    yield encryption.keys_path()
    encryption.forget_keys()


def test_keys_go_in_only_when_asked_and_never_silently_replace_others(
    tmp_path, ours, alice, bob, own_key_file
):
    a = ours.memberships.get(user=alice)
    answer_as(a, todays_prompt(ours), f"my answer holds {PLANTED}")
    ours_keys = own_key_file.read_bytes()
    archive = backup(tmp_path, "--with-keys")
    assert archive_files(archive)[KEYS] == ours_keys

    other_key = Fernet.generate_key()
    encryption.write_keys([other_key])
    output = restore(archive, "--yes")  # the data only: the key here can't read it
    assert "No configured encryption key opens the restored text" in output

    with pytest.raises(CommandError, match=r"different keys.*--replace-keys"):
        restore(archive, "--yes", "--with-keys")
    assert own_key_file.read_bytes() != ours_keys

    output = restore(archive, "--yes", "--with-keys", "--replace-keys")
    assert own_key_file.read_bytes() == ours_keys
    assert "No configured encryption key" not in output
    assert Answer.objects.get(member=a).text.endswith(PLANTED)
    (kept,) = own_key_file.parent.glob("encryption_keys.replaced-*")
    assert kept.read_bytes().split() == [other_key]


def test_with_keys_refuses_an_archive_that_has_none(tmp_path, ours, own_key_file):
    archive = backup(tmp_path)
    with pytest.raises(CommandError, match="holds no key file"):
        restore(archive, "--yes", "--with-keys")


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's write-ahead log")
def test_a_stale_write_ahead_log_is_not_replayed_into_the_restored_database(tmp_path, ours):
    archive = backup(tmp_path)
    live = Path(connection.settings_dict["NAME"])
    connections.close_all()
    with closing(sqlite3.connect(live)) as other:  # a Hearth process that wrote late
        other.execute("PRAGMA journal_mode=WAL")
        other.execute("PRAGMA wal_autocheckpoint=0")
        other.execute(f"UPDATE {Relationship._meta.db_table} SET name = 'stale'")  # noqa: S608
        other.commit()
        stale = Path(f"{live}-wal").read_bytes()
    Path(f"{live}-wal").write_bytes(stale)  # its log, left behind uncheckpointed

    restore(archive, "--yes")
    assert Relationship.objects.get(pk=ours.pk).name == "Alice & Bob"

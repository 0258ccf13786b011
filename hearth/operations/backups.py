"""Backups of a whole instance: one .tar.gz holding a manifest and the database as stored.

The database is copied as it lies on disk (SQLite's backup API, or pg_dump), so what people
wrote stays encrypted in the archive. The encryption key file goes in only when asked for;
otherwise it must be kept somewhere else. Never dumpdata: it would write decrypted text.
"""

import gzip
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import zlib
from contextlib import closing
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import IO, Any

from cryptography.fernet import InvalidToken
from django.db import connections, transaction
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

from hearth import encryption

FORMAT = 1  # raise when the archive's layout changes
MANIFEST = "manifest.json"
KEYS = "encryption_keys"
DATABASE = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
VENDOR_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why, for the operator."""


# Making a backup


def backup_create(*, destination: Path, with_keys: bool = False) -> Path:
    """Write a backup archive into the folder `destination` and return its path."""
    vendor = database_vendor()
    keys = key_file_to_save() if with_keys else None
    destination.mkdir(parents=True, exist_ok=True)
    archive = destination / f"hearth-backup-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.tar.gz"
    if archive.exists():
        raise BackupError(f"{archive} already exists; wait a second and try again.")
    manifest = manifest_now(vendor, with_keys=keys is not None)
    # Work next to the archive: the copy may be large, and /tmp may be small or shared.
    with tempfile.TemporaryDirectory(dir=destination, prefix=".hearth-backup-") as work:
        database = Path(work) / DATABASE[vendor]
        if vendor == "sqlite":
            sqlite_copy(sqlite_path(), database)
        else:
            pg_dump(database)
        partial = Path(work) / archive.name
        archive_write(partial, manifest=manifest, database=database, keys=keys)
        os.replace(partial, archive)  # a half-written archive never carries the final name
    return archive


def manifest_now(vendor: str, *, with_keys: bool) -> dict[str, Any]:
    connection = connections["default"]
    applied = MigrationRecorder(connection).applied_migrations()
    return {
        "format": FORMAT,
        "hearth_version": hearth_version(),
        "vendor": vendor,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "migrations": [list(key) for key in sorted(applied)],
        "tables": sorted(connection.introspection.table_names()),
        "database": DATABASE[vendor],
        "keys": with_keys,
    }


def archive_write(
    path: Path, *, manifest: dict[str, Any], database: Path, keys: Path | None
) -> None:
    # Owner-only: even without keys it holds e-mail addresses and password hashes.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        with tarfile.open(fileobj=handle, mode="w:gz") as tar:
            text = json.dumps(manifest, indent=2).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mtime, info.mode = len(text), int(datetime.now(UTC).timestamp()), 0o600
            tar.addfile(info, io.BytesIO(text))
            tar.add(database, arcname=database.name, filter=owner_only)
            if keys is not None:
                tar.add(keys, arcname=KEYS, filter=owner_only)
        handle.flush()
        os.fsync(handle.fileno())


def owner_only(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.mode = 0o600  # whoever unpacks the archive by hand gets private files
    return info


def hearth_version() -> str:
    try:
        return metadata.version("hearth")
    except metadata.PackageNotFoundError:
        return "unknown"


# Restoring


def backup_restore(
    *, archive: Path, with_keys: bool = False, replace_keys: bool = False
) -> dict[str, Any]:
    """Replace the database (and with_keys, the key file) with the archive's; return its manifest.

    Everything is checked before anything is touched: a refusal changes nothing.
    """
    vendor = database_vendor()
    if not archive.is_file():
        raise BackupError(f"There is no file at {archive}.")
    # For SQLite the copy must sit on the database's file system to be moved in at once.
    place = sqlite_path().parent if vendor == "sqlite" else None
    with tempfile.TemporaryDirectory(dir=place, prefix=".hearth-restore-") as work:
        database = Path(work) / DATABASE[vendor]
        manifest, keys = archive_unpack(
            archive, database, vendor=vendor, with_keys=with_keys, replace_keys=replace_keys
        )
        if vendor == "sqlite":
            sqlite_replace(copy=database, live=sqlite_path())
        else:
            pg_restore(database, tables=manifest.get("tables", []))
    if keys is not None:
        keys_write(keys)
    encryption.forget_keys()  # the key file may have changed: read it again
    return manifest


def archive_unpack(
    archive: Path, database: Path, *, vendor: str, with_keys: bool, replace_keys: bool
) -> tuple[dict[str, Any], list[bytes] | None]:
    """Check the archive and copy its database out to `database`; nothing live is touched."""
    try:
        with tarfile.open(archive, mode="r:gz") as tar:
            manifest = manifest_read(tar)
            manifest_check(manifest, vendor)
            keys = keys_from_archive(tar, replace_keys=replace_keys) if with_keys else None
            member_extract(tar, DATABASE[vendor], database)
    except (tarfile.TarError, EOFError, zlib.error, gzip.BadGzipFile) as error:
        raise BackupError(f"{archive} is not a readable Hearth backup ({error}).") from error
    return manifest, keys


def manifest_read(tar: tarfile.TarFile) -> dict[str, Any]:
    try:
        manifest = json.loads(member_bytes(tar, MANIFEST))
    except ValueError as error:
        raise BackupError(f"The archive's {MANIFEST} is not valid JSON.") from error
    if not isinstance(manifest, dict):
        raise BackupError(f"The archive's {MANIFEST} is not a Hearth manifest.")
    return manifest


def manifest_check(manifest: dict[str, Any], vendor: str) -> None:
    if manifest.get("format") != FORMAT:
        raise BackupError(
            f"This archive has backup format {manifest.get('format')!r}; "
            f"this Hearth reads format {FORMAT}."
        )
    theirs = str(manifest.get("vendor"))
    if theirs != vendor:
        name = VENDOR_NAMES.get(theirs, theirs)
        raise BackupError(
            f"This backup holds a {name} database, but Hearth is configured for "
            f"{VENDOR_NAMES[vendor]}. Restore it into an instance that uses {name} "
            "(set DATABASE_URL accordingly)."
        )
    unknown = {tuple(key) for key in manifest.get("migrations", [])} - known_migrations()
    if unknown:
        names = ", ".join(f"{app}.{name}" for app, name in sorted(unknown)[:5])
        raise BackupError(
            f"This backup was made by a newer Hearth ({manifest.get('hearth_version')}); its "
            f"database has migrations this code doesn't know ({names}). Upgrade Hearth first."
        )


def known_migrations() -> set[tuple[str, str]]:
    loader = MigrationLoader(None, ignore_no_migrations=True)
    known = set(loader.disk_migrations)
    for migration in loader.disk_migrations.values():
        known.update(migration.replaces)  # squashed-away names still describe a known schema
    return known


def member_bytes(tar: tarfile.TarFile, name: str) -> bytes:
    with member_open(tar, name) as handle:
        return handle.read()


def member_extract(tar: tarfile.TarFile, name: str, target: Path) -> None:
    # One named member into one path we choose: never extractall, so no path tricks.
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with member_open(tar, name) as source, os.fdopen(fd, "wb") as handle:
        shutil.copyfileobj(source, handle)
        handle.flush()
        os.fsync(handle.fileno())


def member_open(tar: tarfile.TarFile, name: str) -> IO[bytes]:
    try:
        handle = tar.extractfile(name)
    except KeyError as error:
        raise BackupError(f"The archive has no {name}; is it a Hearth backup?") from error
    if handle is None:
        raise BackupError(f"The archive's {name} is not a regular file.")
    return handle


def has_member(tar: tarfile.TarFile, name: str) -> bool:
    return name in tar.getnames()


def unreadable_fields() -> list[str]:
    """Encrypted fields whose stored text no configured key opens (the right key is missing)."""
    unreadable = []
    for model, field in encryption.encrypted_fields():
        try:
            model._base_manager.exclude(**{field: ""}).values_list(field, flat=True).first()
        except InvalidToken:
            unreadable.append(f"{model._meta.label}.{field}")
    return unreadable


# The encryption key file


def key_file() -> Path:
    if os.environ.get("HEARTH_ENCRYPTION_KEYS", "").strip():
        raise BackupError(
            "Keys come from HEARTH_ENCRYPTION_KEYS, not from a file: keep that value safe "
            "where you keep your settings, apart from the backups."
        )
    return encryption.keys_path()


def key_file_to_save() -> Path:
    path = key_file()
    if not path.is_file():
        raise BackupError(f"There is no key file at {path} to put in the backup.")
    return path


def keys_from_archive(tar: tarfile.TarFile, *, replace_keys: bool) -> list[bytes]:
    if not has_member(tar, KEYS):
        raise BackupError("This backup holds no key file (it was made without --with-keys).")
    keys = member_bytes(tar, KEYS).split()
    path = key_file()
    if path.exists() and path.read_bytes().split() != keys and not replace_keys:
        raise BackupError(
            f"{path} holds different keys from the backup's. Add --replace-keys to use the "
            "backup's keys (the current file is kept beside it), or leave out --with-keys."
        )
    return keys


def keys_write(keys: list[bytes]) -> None:
    path = key_file()
    if path.exists() and path.read_bytes().split() != keys:
        # A key is the only way into the text it encrypted: never destroy one.
        kept = path.with_name(f"{path.name}.replaced-{datetime.now(UTC):%Y%m%dT%H%M%SZ}")
        shutil.copy2(path, kept)
    encryption.write_keys(keys)


# SQLite


def database_vendor() -> str:
    vendor = connections["default"].vendor
    if vendor not in DATABASE:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {vendor}.")
    return vendor


def sqlite_path() -> Path:
    return Path(connections["default"].settings_dict["NAME"])


def sqlite_copy(live: Path, copy: Path) -> None:
    """A consistent copy while Hearth runs: the backup API reads one snapshot, WAL included."""
    if not live.is_file():
        raise BackupError(f"There is no SQLite database at {live}.")
    with (
        closing(sqlite3.connect(live, timeout=20)) as source,
        closing(sqlite3.connect(copy)) as target,
    ):
        source.backup(target)
        # One self-contained file; Hearth turns WAL back on when it connects.
        target.execute("PRAGMA journal_mode=DELETE")
    sqlite_check(copy)


def sqlite_check(path: Path) -> None:
    try:
        with closing(sqlite3.connect(path)) as database:
            (result,) = database.execute("PRAGMA integrity_check").fetchone()
    except sqlite3.DatabaseError as error:
        raise BackupError(f"The database copy can't be read: {error}.") from error
    if result != "ok":
        raise BackupError(f"The database copy is damaged: {result}.")


def sqlite_replace(*, copy: Path, live: Path) -> None:
    sqlite_check(copy)
    connections.close_all()
    # A journal left from the old file would be replayed into the new one and corrupt it.
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{live}{suffix}").unlink(missing_ok=True)
    os.replace(copy, live)


# PostgreSQL


def pg_dump(target: Path) -> None:
    # Uncompressed inside: the whole archive is gzipped, and the bytes stay searchable by tests.
    pg_run(
        ["pg_dump", "--format=custom", "--no-owner", "--compress=0", f"--file={target}"],
    )


def pg_restore(dump: Path, *, tables: list[str]) -> None:
    if tables:  # an empty list would mean "drop everything"
        pg_drop_tables_not_in(tables)
    connections.close_all()
    # One transaction: a restore that fails part way leaves the database as it was.
    pg_run(
        [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-acl",
            "--single-transaction",
            str(dump),
        ]
    )


def pg_drop_tables_not_in(tables: list[str]) -> None:
    """Tables made after the backup (newer migrations) survive --clean: drop them first."""
    connection = connections["default"]
    extra = sorted(set(connection.introspection.table_names()) - set(tables))
    with transaction.atomic(using="default"), connection.cursor() as cursor:
        for table in extra:
            cursor.execute(f"DROP TABLE IF EXISTS {connection.ops.quote_name(table)} CASCADE")


def pg_run(command: list[str]) -> None:
    program = shutil.which(command[0])
    if program is None:
        raise BackupError(
            f"{command[0]} is not installed: install PostgreSQL's client tools "
            "(the server's major version or newer)."
        )
    database = connections["default"].settings_dict["NAME"]
    argv = [program, *command[1:], "--no-password", f"--dbname={database}"]
    try:
        subprocess.run(argv, check=True, env=pg_env(), capture_output=True, text=True)  # noqa: S603
    except subprocess.CalledProcessError as error:
        raise BackupError(f"{command[0]} failed: {error.stderr.strip()}") from error


def pg_env() -> dict[str, str]:
    """Connection settings as libpq's variables, so the password never shows in `ps`."""
    db = connections["default"].settings_dict
    values = {
        "PGHOST": db.get("HOST"),
        "PGPORT": db.get("PORT"),
        "PGUSER": db.get("USER"),
        "PGPASSWORD": db.get("PASSWORD"),
    }
    options = db.get("OPTIONS", {})
    for name in ("sslmode", "sslrootcert", "sslcert", "sslkey"):
        values[f"PG{name.upper()}"] = options.get(name)  # libpq's names for the same settings
    return {**os.environ, **{key: str(value) for key, value in values.items() if value}}

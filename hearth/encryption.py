"""Encryption at rest for the words people write, with keys kept outside the database.

Keys come from HEARTH_ENCRYPTION_KEYS (comma-separated Fernet keys, newest first) or from
`encryption_keys` in the data folder, created owner-readable on first use. `hearth
rotate_keys` adds a new key and re-encrypts everything with it.
"""

import os
from functools import cache
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.db import models

PREFIX = "enc1:"  # marks a stored value as ciphertext


def keys_path() -> Path:
    return Path(settings.DATA_DIR) / "encryption_keys"


def read_keys() -> list[bytes]:
    configured = os.environ.get("HEARTH_ENCRYPTION_KEYS", "").strip()
    if configured:
        return [k.strip().encode() for k in configured.split(",") if k.strip()]
    path = keys_path()
    if not path.exists():
        write_keys([Fernet.generate_key()])
    return [line.encode() for line in path.read_text().split() if line]


def write_keys(keys: list[bytes]) -> None:
    """Write the key file owner-readable only, replacing it in one step."""
    path = keys_path()
    temporary = path.with_suffix(".new")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write("\n".join(k.decode() for k in keys) + "\n")
    os.replace(temporary, path)


@cache
def cipher() -> MultiFernet:
    return MultiFernet([Fernet(key) for key in read_keys()])


def forget_keys() -> None:
    """After keys change on disk, read them again."""
    cipher.cache_clear()


def encrypt(plaintext: str) -> str:
    return PREFIX + cipher().encrypt(plaintext.encode()).decode()


def decrypt(stored: str) -> str:
    if not stored.startswith(PREFIX):
        return stored  # written before encryption was turned on
    try:
        return cipher().decrypt(stored[len(PREFIX) :].encode()).decode()
    except InvalidToken as error:
        raise InvalidToken(
            "No encryption key opens this value; is the key file missing?"
        ) from error


def reencrypt(stored: str) -> str:
    if not stored.startswith(PREFIX):
        return encrypt(stored) if stored else stored
    return PREFIX + cipher().rotate(stored[len(PREFIX) :].encode()).decode()


class EncryptedTextField(models.TextField):
    """Text stored encrypted; the empty string stays empty so constraints can see it."""

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return encrypt(str(value))

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        if value is None or value == "":
            return value
        return decrypt(value)

    def get_lookup(self, lookup_name: str) -> Any:
        # Ciphertext can't be searched or compared, except with the empty string.
        if lookup_name not in {"exact", "isnull", "in"}:
            return None
        return super().get_lookup(lookup_name)


def encrypted_fields() -> list[tuple[type[models.Model], str]]:
    from django.apps import apps

    return [
        (model, field.name)
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, EncryptedTextField)
    ]

"""Encryption at rest for the words people write, with keys kept outside the database.

Keys come from HEARTH_ENCRYPTION_KEYS (comma-separated Fernet keys, newest first) or from
`encryption_keys` in the data folder, created owner-readable on first use. `hearth
rotate_keys` adds a new key and re-encrypts everything with it.
"""

import base64
import binascii
import hmac
import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
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
    opening_keys.cache_clear()


def encrypt(plaintext: str) -> str:
    return PREFIX + cipher().encrypt(plaintext.encode()).decode()


def decrypt(stored: str) -> str:
    if not stored.startswith(PREFIX):
        return stored  # written before encryption was turned on
    try:
        return cipher().decrypt(stored[len(PREFIX) :].encode()).decode()
    except InvalidToken as error:
        raise unreadable() from error


def decrypt_many(stored: Sequence[str | None]) -> list[str | None]:
    """Many stored values at once, as `decrypt` reads each: every token's signature is checked
    against each key in turn, newest first, before anything is deciphered; then all the tokens
    a key opens are deciphered in one pass of AES instead of one cipher per value."""
    opened: list[str | None] = list(stored)
    sealed: dict[OpeningKey, list[tuple[int, bytes]]] = {}
    for index, value in enumerate(stored):
        if value and value.startswith(PREFIX):
            token = signed_token(value[len(PREFIX) :])
            sealed.setdefault(signer_of(token), []).append((index, token))
    for key, tokens in sealed.items():
        for (index, _), plaintext in zip(tokens, key.decipher([t for _, t in tokens]), strict=True):
            opened[index] = plaintext.decode()
    return opened


# A Fernet token: version, timestamp, initialisation vector, ciphertext, then its signature.
VERSION, IV_AT, CIPHERTEXT_AT, SIGNATURE, BLOCK = 0x80, 9, 25, 32, 16


@dataclass(frozen=True, eq=False)
class OpeningKey:
    """One Fernet key, split as Fernet splits it: half signs, half enciphers."""

    signing: "hmac.HMAC"
    aes: algorithms.AES

    def signed(self, token: bytes) -> bool:
        signature = self.signing.copy()
        signature.update(memoryview(token)[:-SIGNATURE])
        return hmac.compare_digest(signature.digest(), token[-SIGNATURE:])

    def decipher(self, tokens: list[bytes]) -> list[bytes]:
        """CBC deciphering of many tokens at once: each block through AES, then XORed with the
        block before it (the token's initialisation vector for its first)."""
        blocks = b"".join(t[CIPHERTEXT_AT:-SIGNATURE] for t in tokens)
        before = b"".join(t[IV_AT : -SIGNATURE - BLOCK] for t in tokens)
        aes = Cipher(self.aes, modes.ECB()).decryptor()  # noqa: S305 - chained by hand below
        through = aes.update(blocks) + aes.finalize()
        padded = (int.from_bytes(through, "big") ^ int.from_bytes(before, "big")).to_bytes(
            len(blocks), "big"
        )
        plaintexts, start = [], 0
        for token in tokens:
            end = start + len(token) - CIPHERTEXT_AT - SIGNATURE
            plaintexts.append(unpadded(padded[start:end]))
            start = end
        return plaintexts


@cache
def opening_keys() -> list[OpeningKey]:
    keys = [base64.urlsafe_b64decode(key) for key in read_keys()]
    return [
        OpeningKey(hmac.new(key[:16], digestmod="sha256"), algorithms.AES(key[16:])) for key in keys
    ]


def signed_token(token: str) -> bytes:
    try:
        data = base64.urlsafe_b64decode(token)
    except (ValueError, binascii.Error) as error:
        raise unreadable() from error
    blocks = len(data) - CIPHERTEXT_AT - SIGNATURE
    if data[:1] != bytes([VERSION]) or blocks <= 0 or blocks % BLOCK:
        raise unreadable()
    return data


def signer_of(token: bytes) -> OpeningKey:
    for key in opening_keys():
        if key.signed(token):
            return key
    raise unreadable()


def unpadded(padded: bytes) -> bytes:
    size = padded[-1]
    if not 1 <= size <= BLOCK or padded[-size:] != bytes([size]) * size:
        raise unreadable()
    return padded[:-size]


def unreadable() -> InvalidToken:
    return InvalidToken("No encryption key opens this value; is the key file missing?")


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

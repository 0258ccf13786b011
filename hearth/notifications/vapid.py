"""Hearth's own VAPID key pair: push services know that a message comes from this Hearth by it,
and a browser accepts messages only from the key it subscribed with.

The private key comes from HEARTH_VAPID_PRIVATE_KEY (the PEM text, or the raw key in
base64url), so several hosts can share one, or from `vapid_private.pem` in the data folder,
created owner-readable on first use. A new key means every device must turn notifications on
again, so keep the file with the encryption keys.
"""

import base64
import os
from email.utils import parseaddr
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from django.conf import settings
from py_vapid import Vapid

ENVIRONMENT = "HEARTH_VAPID_PRIVATE_KEY"


def key_path() -> Path:
    return Path(settings.DATA_DIR) / "vapid_private.pem"


def create_key_file(path: Path) -> None:
    """Write a new key owner-readable only; if another process got there first, keep theirs."""
    pem = ec.generate_private_key(ec.SECP256R1()).private_bytes(
        encoding=serialization.Encoding.PEM,
        format=serialization.PrivateFormat.PKCS8,
        encryption_algorithm=serialization.NoEncryption(),
    )
    temporary = path.with_name(f"{path.name}.{os.getpid()}.new")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(pem)
    try:
        os.link(temporary, path)  # fails if the file exists, so a complete key is never replaced
    except FileExistsError:
        pass
    finally:
        temporary.unlink()


def read_key() -> Vapid:
    configured = os.environ.get(ENVIRONMENT, "").strip()
    if configured:
        if "-----BEGIN" in configured:
            return Vapid.from_pem(configured.replace("\\n", "\n").encode())
        return Vapid.from_string(configured)
    path = key_path()
    if not path.exists():
        create_key_file(path)
    return Vapid.from_pem(path.read_bytes())


@cache
def vapid() -> Vapid:
    key = read_key()
    # py_vapid checks the subject against a narrow pattern; an unusual sender address should
    # not stop every notification, so the push service judges it instead.
    key.conf = {"no-strict": True}
    return key


def forget_key() -> None:
    """After the key changes (on disk or in the environment), read it again."""
    vapid.cache_clear()


def application_server_key() -> str:
    """The public key browsers subscribe with: the uncompressed P-256 point, in base64url."""
    point = vapid().public_key.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return base64.urlsafe_b64encode(point).decode().rstrip("=")


def subject() -> str:
    """Whom a push service may contact about this Hearth: its public https address, or else
    the address its mail comes from."""
    site = urlsplit(settings.SITE_URL)
    if site.scheme == "https" and site.hostname and site.port is None:
        return f"https://{site.hostname}"
    return "mailto:" + (parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or "hearth@localhost")

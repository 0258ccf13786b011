"""Devices a person turned notifications on for: what a browser hands Hearth, read strictly
(its push service's address and its two keys), a short name for it from its user agent, and
the person's list of them."""

import base64
import binascii
import ipaddress
import re
from urllib.parse import urlsplit

from cryptography.hazmat.primitives.asymmetric import ec
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from hearth.accounts.models import User
from hearth.notifications.models import PushSubscription

BASE64URL = re.compile(r"^[A-Za-z0-9_-]+={0,2}$")
LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}

BROWSERS = [  # the first that matches names it; several browsers also say "Chrome" or "Safari"
    ("Edg/", "Edge"),
    ("OPR/", "Opera"),
    ("SamsungBrowser/", "Samsung Internet"),
    ("Firefox/", "Firefox"),
    ("FxiOS/", "Firefox"),
    ("CriOS/", "Chrome"),
    ("Chrome/", "Chrome"),
    ("Chromium/", "Chromium"),
    ("Safari/", "Safari"),
]
SYSTEMS = [
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Android", "Android"),
    ("CrOS", "ChromeOS"),
    ("Windows", "Windows"),
    ("Mac OS X", "Mac"),
    ("Macintosh", "Mac"),
    ("Linux", "Linux"),
]


def label_for(user_agent: str) -> str:
    """ "Firefox on Android", "Safari on iPhone"; "A browser" when it can't tell. Kept in
    English; PushSubscription.shown_label says it in the reader's language."""
    browser = next((name for mark, name in BROWSERS if mark in user_agent), "")
    system = next((name for mark, name in SYSTEMS if mark in user_agent), "")
    if browser and system:
        return f"{browser} on {system}"
    return browser or (f"A browser on {system}" if system else "A browser")


def decoded_key(value: str, length: int) -> bytes | None:
    """The bytes of a base64url key (padded or not) of exactly `length` bytes, or None."""
    if not BASE64URL.match(value):
        return None
    try:
        raw = base64.urlsafe_b64decode(value.rstrip("=") + "=" * (-len(value.rstrip("=")) % 4))
    except (binascii.Error, ValueError):
        return None
    return raw if len(raw) == length else None


def is_device_public_key(raw: bytes) -> bool:
    """An uncompressed point on P-256, as browsers give it."""
    if len(raw) != 65 or raw[0] != 4:
        return False
    try:
        ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), raw)
    except ValueError:
        return False
    return True


def unpadded(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def endpoint_problem(endpoint: str, *, loopback_allowed: bool) -> str:
    """Why this can't be a push service's address (an empty string when it can): an https
    address of a host on the internet; plain http only to this machine, where tests run one."""
    if not endpoint.isprintable() or any(c.isspace() for c in endpoint):
        return _("That address has spaces or invisible characters in it.")
    try:
        parts = urlsplit(endpoint)
        port = parts.port
    except ValueError:
        return _("That isn't a web address.")
    host = (parts.hostname or "").rstrip(".").lower()
    if not host or parts.username is not None or parts.password is not None or port == 0:
        return _("That isn't a push service's address.")
    if parts.scheme == "http" and loopback_allowed and host in LOOPBACK_NAMES:
        return ""
    if parts.scheme != "https":
        return _("A push service's address starts with https://.")
    if host == "localhost" or host.endswith((".localhost", ".local", ".internal")):
        return _("That address is not a push service on the internet.")
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return ""
    if not address.is_global:
        return _("That address is not a push service on the internet.")
    return ""


def devices_of(user: User) -> QuerySet[PushSubscription]:
    return PushSubscription.objects.filter(user=user).order_by("created_at", "pk")

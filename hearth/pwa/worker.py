"""What the service worker keeps: the offline page and the few static files it is shown with.
Nothing else, so no page a person saw and no API answer ever stays on the device."""

import hashlib

from django.templatetags.static import static
from django.urls import reverse

OFFLINE_PAGE_ASSETS = ("hearth/hearth.css", "hearth/hearth.js", "hearth/favicon.svg")


def kept_urls() -> list[str]:
    """The URLs the worker keeps, as this server serves them (hashed names in production)."""
    return [reverse("pwa:offline"), *(static(name) for name in OFFLINE_PAGE_ASSETS)]


def cache_version(offline_page: str) -> str:
    """Changes whenever what is kept changes, so the browser installs the new worker and the
    worker drops the old copies."""
    digest = hashlib.sha256("\n".join([*kept_urls(), offline_page]).encode())
    return digest.hexdigest()[:16]

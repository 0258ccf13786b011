"""What a phone shows for Hearth once it is added to the home screen."""

from typing import Any

from django.conf import settings
from django.templatetags.static import static
from django.utils.translation import get_language
from django.utils.translation import gettext as _

# hearth.css, light theme: --bg behind the splash screen, --surface (the header) for the bar.
BACKGROUND_COLOUR = "#fbf7f3"
THEME_COLOUR = "#ffffff"

ICONS = [
    ("hearth/icons/icon-192.png", 192, "any"),
    ("hearth/icons/icon-512.png", 512, "any"),
    ("hearth/icons/icon-maskable-512.png", 512, "maskable"),
]


def web_app_manifest() -> dict[str, Any]:
    return {
        "id": "/",
        "name": "Hearth",
        "short_name": "Hearth",
        "description": _("A private place for couples, friends and families to grow closer."),
        "lang": get_language() or settings.LANGUAGE_CODE,
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "background_color": BACKGROUND_COLOUR,
        "theme_color": THEME_COLOUR,
        "icons": [
            {
                "src": static(name),
                "sizes": f"{size}x{size}",
                "type": "image/png",
                "purpose": purpose,
            }
            for name, size, purpose in ICONS
        ],
    }

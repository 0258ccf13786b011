"""QR codes for invitation links, drawn by the server as inline SVG (no script, no service)."""

import segno
from django.utils.safestring import SafeString, mark_safe


def qr_svg(text: str, label: str) -> SafeString:
    """Dark modules on white with a quiet border, so phones read it in dark mode too."""
    code = segno.make(text, error="m")
    svg = code.svg_inline(scale=5, border=3, dark="#1f1b16", light="#ffffff", title=label)
    return mark_safe(svg)  # noqa: S308 - segno's own markup; the text is encoded as modules

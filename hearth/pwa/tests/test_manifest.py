"""Hearth can be added to a phone's home screen: a manifest, icons of the sizes phones ask for,
and colours that are Hearth's own."""

import json
import re
import struct
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

from hearth.pwa.manifest import BACKGROUND_COLOUR, THEME_COLOUR

pytestmark = pytest.mark.django_db

CSS = Path(settings.BASE_DIR, "static", "hearth", "hearth.css").read_text()


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's signature and IHDR chunk."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def light_theme(name: str) -> str:
    """A colour variable from hearth.css's light theme (the first :root block)."""
    root = CSS[CSS.index(":root") : CSS.index("}")]
    found = re.search(rf"--{name}:\s*(#[0-9a-f]{{6}})", root)
    assert found, name
    return found.group(1)


def dark_theme(name: str) -> str:
    dark = CSS[CSS.index("prefers-color-scheme: dark") :]
    found = re.search(rf"--{name}:\s*(#[0-9a-f]{{6}})", dark)
    assert found, name
    return found.group(1)


def test_the_manifest_names_hearth_and_opens_standalone_at_the_root(client):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["name"] == "Hearth"
    assert manifest["short_name"] == "Hearth"
    assert manifest["description"]
    assert (manifest["start_url"], manifest["scope"], manifest["display"]) == (
        "/",
        "/",
        "standalone",
    )
    icons = {(icon["sizes"], icon.get("purpose", "any")) for icon in manifest["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= icons


def test_the_app_colours_are_the_light_theme_of_hearth_css(client):
    manifest = json.loads(client.get("/manifest.webmanifest").content)
    assert manifest["background_color"] == BACKGROUND_COLOUR == light_theme("bg")
    assert manifest["theme_color"] == THEME_COLOUR == light_theme("surface")


def test_every_page_links_the_manifest_icons_and_colours_for_light_and_dark(client, alice):
    for signed_in in (False, True):
        if signed_in:
            client.force_login(alice)
        page = client.get("/accounts/login/" if not signed_in else "/settings/").content.decode()
        assert '<link rel="manifest" href="/manifest.webmanifest">' in page
        assert re.search(r'<link rel="apple-touch-icon" href="[^"]+apple-touch-icon\.png">', page)
        assert (
            f'<meta name="theme-color" content="{light_theme("surface")}" '
            'media="(prefers-color-scheme: light)">'
        ) in page
        assert (
            f'<meta name="theme-color" content="{dark_theme("surface")}" '
            'media="(prefers-color-scheme: dark)">'
        ) in page
        assert '<meta name="apple-mobile-web-app-capable" content="yes">' in page
        assert '<meta name="apple-mobile-web-app-title" content="Hearth">' in page


def test_every_icon_loads_as_a_png_of_the_size_it_declares(client, live_server):
    manifest = json.loads(client.get("/manifest.webmanifest").content)
    page = client.get("/accounts/login/").content.decode()
    apple = re.search(r'<link rel="apple-touch-icon" href="([^"]+)">', page)
    assert apple
    icons = [(icon["src"], icon["sizes"]) for icon in manifest["icons"]]
    icons.append((apple.group(1), "180x180"))
    for src, sizes in icons:
        assert src.startswith("/") and not src.startswith("//"), src
        with urllib.request.urlopen(live_server.url + src) as served:  # noqa: S310 (loopback)
            assert served.headers["Content-Type"] == "image/png", src
            width, height = png_size(served.read())
        assert f"{width}x{height}" == sizes, src

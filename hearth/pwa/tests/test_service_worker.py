"""The service worker: served from the root so it can look after every page, naming only this
server's own files (by the names they are really served under), and keeping nothing private."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command

from hearth.pwa import worker

pytestmark = pytest.mark.django_db


def kept_by(script: str) -> list[str]:
    """The URLs in the worker's KEPT list."""
    block = re.search(r"const KEPT = \[(.*?)\];", script, re.S)
    assert block
    names = re.findall(r'"([^"]*)"', block.group(1))
    return ["/offline/", *names] if "OFFLINE_PAGE" in block.group(1) else names


def test_the_worker_is_served_from_the_root_with_headers_that_let_it_look_after_every_page(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/javascript"
    assert response["Service-Worker-Allowed"] == "/"
    assert response["Cache-Control"] == "no-cache", "browsers check for a new worker every visit"
    assert "worker-src 'self'" in response["Content-Security-Policy"]


def test_the_worker_is_the_same_for_everyone_and_not_private(client, alice):
    anonymous = client.get("/sw.js").content
    client.force_login(alice)
    signed_in = client.get("/sw.js")
    assert signed_in.content == anonymous
    assert signed_in["Cache-Control"] == "no-cache"


def test_the_worker_names_only_this_servers_own_addresses(client):
    script = client.get("/sw.js").content.decode()
    assert script.isascii()
    assert "://" not in script, "no absolute URL, so nothing of another origin"
    addresses = re.findall(r'"((?:\w+:)?/[^"]*)"', script)
    assert "/offline/" in addresses
    for address in addresses:
        assert address.startswith("/") and not address.startswith("//"), address


def test_the_worker_keeps_the_offline_page_and_exactly_the_files_it_shows_with(client):
    script = client.get("/sw.js").content.decode()
    kept = kept_by(script)
    assert kept == worker.kept_urls()
    offline_page = client.get("/offline/").content.decode()
    used = re.findall(r'(?:href|src)="(/static/[^"]+)"', offline_page)
    assert sorted(used) == sorted(url for url in kept if url.startswith("/static/"))
    for url in used:
        assert finders.find(url.removeprefix("/static/")), url


def test_the_worker_leaves_a_section_for_push_and_notification_clicks(client):
    script = client.get("/sw.js").content.decode()
    assert re.search(r"//.*\"push\".*\"notificationclick\"", script)


def test_the_cache_name_changes_when_the_offline_page_does():
    assert worker.cache_version("<p>one</p>") != worker.cache_version("<p>two</p>")


def test_with_hashed_static_files_the_worker_names_the_files_whitenoise_serves(
    client, settings, tmp_path
):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    script = client.get("/sw.js").content.decode()
    static_urls = [url for url in kept_by(script) if url.startswith("/static/")]
    assert static_urls
    for url in static_urls:
        name = url.removeprefix("/static/")
        assert re.search(r"\.[0-9a-f]{12}\.\w+$", name), f"{name} is not a hashed name"
        assert Path(tmp_path, name).is_file(), name
    offline_page = client.get("/offline/").content.decode()
    assert sorted(re.findall(r'(?:href|src)="(/static/[^"]+)"', offline_page)) == sorted(
        static_urls
    )


def test_the_offline_page_is_the_same_for_everyone_and_names_nobody(client, alice, ours):
    anonymous = client.get("/offline/")
    client.force_login(alice)
    signed_in = client.get("/offline/")
    assert anonymous.status_code == signed_in.status_code == 200
    assert signed_in.content == anonymous.content
    page = signed_in.content.decode()
    assert "offline" in page
    for private in ("Alice", ours.name, "alice@example.com", "csrfmiddlewaretoken"):
        assert private not in page

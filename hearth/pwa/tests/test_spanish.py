"""The installable app in Spanish: its offline page and what the phone shows for it."""

import pytest

pytestmark = pytest.mark.django_db

SPANISH = {"HTTP_ACCEPT_LANGUAGE": "es"}


def test_the_offline_page_in_spanish(client):
    page = client.get("/offline/", **SPANISH).content.decode()
    assert '<html lang="es">' in page
    assert "Te has quedado sin conexión un momento" in page
    assert "You're offline for a moment" not in page


def test_the_manifest_in_spanish(client):
    manifest = client.get("/manifest.webmanifest", **SPANISH).json()
    assert manifest["lang"] == "es"
    assert manifest["description"].startswith("Un lugar privado")
    english = client.get("/manifest.webmanifest", HTTP_ACCEPT_LANGUAGE="en").json()
    assert english["lang"] == "en"
    assert english["description"].startswith("A private place")


def test_the_worker_s_own_words_in_spanish(client):
    worker = client.get("/sw.js", **SPANISH).content.decode()
    assert "Hearth no puede llegar a su servidor ahora mismo." in worker
    assert "can\\u0027t reach its server" not in worker
    assert "Something is waiting for you." not in worker

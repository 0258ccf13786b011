"""Deleting and exporting in Spanish: the words to type are in the reader's language, the
refusals too, and a person's language is part of their own copy of their data."""

import io
import json
import zipfile

import pytest
from django.urls import reverse

from hearth.accounts.models import User
from hearth.accounts.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

SPANISH = {"HTTP_ACCEPT_LANGUAGE": "es"}


def test_the_delete_page_in_spanish_asks_for_spanish_words(client, alice):
    client.force_login(alice)
    page = client.get(reverse("privacy:delete"), **SPANISH).content.decode()
    assert "Elimina tu cuenta" in page
    assert "Escribe «eliminar mi cuenta» para confirmarlo" in page
    assert "Delete your account" not in page

    mistyped = client.post(
        reverse("privacy:delete"), {"password": PASSWORD, "confirm": "borrar"}, **SPANISH
    )
    assert "Escribe «eliminar mi cuenta» tal cual" in mistyped.content.decode()
    assert User.objects.filter(pk=alice.pk).exists()

    gone = client.post(
        reverse("privacy:delete"),
        {"password": PASSWORD, "confirm": "Eliminar mi cuenta"},
        follow=True,
        **SPANISH,
    )
    assert "Tu cuenta y todo lo que escribiste se han eliminado." in gone.content.decode()
    assert not User.objects.filter(pk=alice.pk).exists()


def test_the_english_words_still_delete_an_account_read_in_spanish(client, alice):
    client.force_login(alice)
    client.post(
        reverse("privacy:delete"), {"password": PASSWORD, "confirm": "delete my account"}, **SPANISH
    )
    assert not User.objects.filter(pk=alice.pk).exists()


def test_the_api_refuses_a_wrong_password_in_spanish(client, alice):
    client.force_login(alice)
    refused = client.delete(
        "/api/me/account",
        json.dumps({"password": "not it", "confirm": "delete my account"}),
        content_type="application/json",
        **SPANISH,
    )
    assert refused.status_code == 400
    assert refused.json()["detail"] == "Esa contraseña no es correcta."


def test_a_person_s_language_is_in_their_export(client, alice):
    alice.language = "es"
    alice.save()
    client.force_login(alice)
    response = client.post(reverse("privacy:export"))
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        data = json.loads(archive.read("data.json"))
        profile_csv = archive.read("profile.csv").decode()
    assert data["profile"][0]["language"] == "es"
    assert "language" in profile_csv.splitlines()[0]

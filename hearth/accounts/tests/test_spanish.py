"""Hearth in Spanish: the frame and the account pages follow the browser, a choice made in the
footer while signed out, or the person's own choice in Settings (pages and API alike)."""

import json
from datetime import date

import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import translation

from hearth.accounts.models import User

pytestmark = pytest.mark.django_db

SPANISH = {"HTTP_ACCEPT_LANGUAGE": "es"}
ENGLISH = {"HTTP_ACCEPT_LANGUAGE": "en"}


def profile_form(user: User, **changes: str) -> dict[str, str]:
    return {
        "display_name": user.display_name,
        "pronouns": user.pronouns,
        "time_zone": user.time_zone,
        "language": user.language,
        **changes,
    }


def test_a_spanish_browser_gets_the_sign_in_page_in_spanish(client):
    page = client.get("/accounts/login/", **SPANISH).content.decode()
    assert '<html lang="es">' in page
    assert "Qué bien verte de nuevo" in page
    assert "Welcome back" not in page
    assert 'data-copied="Copiado"' in page, "what the copy buttons' script says"
    assert "Welcome back" in client.get("/accounts/login/", **ENGLISH).content.decode()


def test_a_missing_page_says_so_in_spanish(client):
    page = client.get("/no-such-page/", **SPANISH)
    assert page.status_code == 404
    assert "No hemos encontrado esa página" in page.content.decode()


def test_the_signed_out_language_form_changes_the_language(client):
    home = client.get("/", **ENGLISH).content.decode()
    assert 'action="/i18n/setlang/"' in home
    assert '<option value="es" lang="es">Español</option>' in home

    chosen = client.post(
        "/i18n/setlang/", {"language": "es"}, HTTP_REFERER="/accounts/login/", **ENGLISH
    )
    assert chosen.status_code == 302
    assert chosen["Location"] == "/accounts/login/"
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "es"
    page = client.get("/accounts/login/", **ENGLISH).content.decode()
    assert "Qué bien verte de nuevo" in page
    assert '<option value="es" lang="es" selected>' in page

    client.post("/i18n/setlang/", {"language": "en"}, **SPANISH)
    assert "Welcome back" in client.get("/accounts/login/", **SPANISH).content.decode()


def test_the_language_form_is_for_signed_out_pages_only(client, alice):
    client.force_login(alice)
    assert "/i18n/setlang/" not in client.get("/settings/").content.decode()


def test_choosing_spanish_in_settings_shows_the_next_page_in_spanish(client, alice):
    client.force_login(alice)
    settings_page = client.get("/settings/", **ENGLISH).content.decode()
    assert '<select name="language"' in settings_page
    assert "The same as my browser" in settings_page

    response = client.post("/settings/", profile_form(alice, language="es"), follow=True, **ENGLISH)
    page = response.content.decode()
    assert '<html lang="es">' in page
    assert "Tu perfil está guardado." in page
    assert "Your profile is saved." not in page
    assert "Ajustes" in page
    alice.refresh_from_db()
    assert alice.language == "es"
    # The choice goes with the account: an English browser still gets Spanish.
    assert "Inicio de sesión en dos pasos" in client.get("/settings/", **ENGLISH).content.decode()


def test_following_the_browser_again_forgets_the_choice(client, alice):
    alice.language = "es"
    alice.save()
    client.force_login(alice)
    response = client.post("/settings/", profile_form(alice, language=""), **SPANISH)
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == ""  # deleted
    alice.refresh_from_db()
    assert alice.language == ""
    assert "Two-factor sign-in" in client.get("/settings/", **ENGLISH).content.decode()
    assert "Inicio de sesión en dos pasos" in client.get("/settings/", **SPANISH).content.decode()


def test_signing_in_greets_the_person_in_their_own_language(client, alice):
    from hearth.accounts.tests.factories import PASSWORD

    alice.language = "es"
    alice.save()
    response = client.post(
        "/accounts/login/", {"login": alice.email, "password": PASSWORD}, follow=True, **ENGLISH
    )
    assert "Hola, Alice. Has iniciado sesión." in response.content.decode()


def test_choosing_spanish_through_the_api_changes_the_api_s_words(client, alice):
    client.force_login(alice)
    assert client.get("/api/me").json()["language"] == ""
    changed = client.patch(
        "/api/me", json.dumps({"language": "es"}), content_type="application/json", **ENGLISH
    )
    assert changed.status_code == 200
    assert changed.json()["language"] == "es"

    refused = client.post(
        "/api/tokens", json.dumps({"name": " "}), content_type="application/json", **ENGLISH
    )
    assert refused.status_code == 400
    assert refused.json()["detail"] == "Ponle un nombre al token para reconocerlo más adelante."


def test_a_token_speaks_its_owner_s_language(client, alice):
    alice.language = "es"
    alice.save()
    client.force_login(alice)
    raw = client.post(
        "/api/tokens", json.dumps({"name": "cli"}), content_type="application/json"
    ).json()["token"]
    client.logout()
    refused = client.patch(
        "/api/me",
        json.dumps({"time_zone": "Nowhere"}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
        **ENGLISH,
    )
    assert refused.status_code == 422
    assert "no es una zona horaria que conozcamos" in refused.content.decode()


def test_the_api_refuses_a_language_hearth_does_not_speak(client, alice):
    client.force_login(alice)
    refused = client.patch(
        "/api/me", json.dumps({"language": "xx"}), content_type="application/json"
    )
    assert refused.status_code == 422
    alice.refresh_from_db()
    assert alice.language == ""


def test_the_api_schema_names_the_languages(client):
    schema = client.get("/api/openapi.json").json()["components"]["schemas"]
    assert schema["ProfileOut"]["properties"]["language"]["enum"] == ["", "en", "es"]


def test_dates_read_the_spanish_way():
    template = Template("{{ d|date }} · {{ d|date:'SHORT_DATE_FORMAT' }}")
    with translation.override("es"):
        rendered = template.render(Context({"d": date(2026, 11, 25)}))
    assert rendered == "25 de noviembre de 2026 · 25 nov 2026"


def test_a_wrong_password_is_said_in_hearth_s_own_spanish(client, alice):
    response = client.post(
        "/accounts/login/", {"login": alice.email, "password": "not it"}, **SPANISH
    )
    page = response.content.decode()
    assert "La dirección de correo o la contraseña que escribiste no son correctas." in page
    english = client.post("/accounts/login/", {"login": alice.email, "password": "not it"})
    assert "are not correct" in english.content.decode()


def test_the_api_offers_exactly_the_languages_hearth_speaks():
    from typing import get_args

    from django.conf import settings

    from hearth.accounts.api import Language

    assert set(get_args(Language)) == {"", *(code for code, _ in settings.LANGUAGES)}

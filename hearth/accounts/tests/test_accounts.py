import re

import pytest
from django.core import mail

from hearth.accounts.models import User
from hearth.accounts.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

SIGNUP = {
    "display_name": "Robin",
    "email": "robin@example.com",
    "password1": "a kettle of warm tea",
    "password2": "a kettle of warm tea",
    "time_zone": "America/Mexico_City",
    "is_adult": "on",
}


def test_signing_up_confirms_age_and_hashes_with_argon2(client):
    response = client.post("/accounts/signup/", SIGNUP)
    assert response.status_code == 302
    robin = User.objects.get(email="robin@example.com")
    assert robin.password.startswith("argon2")
    assert robin.confirmed_adult_at is not None
    assert (robin.display_name, robin.time_zone) == ("Robin", "America/Mexico_City")


def test_signing_up_without_confirming_age_is_refused(client):
    response = client.post("/accounts/signup/", {**SIGNUP, "is_adult": ""})
    assert "please confirm you are 18 or older" in response.content.decode()
    assert not User.objects.exists()


def test_an_email_can_hold_only_one_account(client, alice):
    response = client.post("/accounts/signup/", {**SIGNUP, "email": "ALICE@example.com"})
    assert response.status_code == 200
    assert "already registered" in response.content.decode()
    assert User.objects.count() == 1


@pytest.mark.parametrize("weak", ["password123", "12345678901", "short"])
def test_weak_passwords_are_refused(client, weak):
    response = client.post("/accounts/signup/", {**SIGNUP, "password1": weak, "password2": weak})
    assert response.status_code == 200
    assert not User.objects.exists()


def test_logging_in_and_out(client, alice):
    response = client.post("/accounts/login/", {"login": "alice@example.com", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/settings/").status_code == 200
    client.post("/accounts/logout/")
    assert client.get("/settings/").status_code == 302


def test_a_wrong_password_is_refused_clearly(client, alice):
    response = client.post("/accounts/login/", {"login": "alice@example.com", "password": "nope"})
    assert response.status_code == 200
    assert "not correct" in response.content.decode()


def test_resetting_a_forgotten_password_by_mail(client, settings, alice):
    settings.EMAIL_CAN_SEND = True
    client.post("/accounts/password/reset/", {"email": "alice@example.com"})
    assert len(mail.outbox) == 1
    link = re.search(
        r"http://testserver(/accounts/password/reset/key/\S+)", str(mail.outbox[0].body)
    )
    assert link
    form_page = client.get(link.group(1), follow=True)
    action = form_page.redirect_chain[-1][0] if form_page.redirect_chain else link.group(1)
    done = client.post(
        action, {"password1": "a brand new phrase", "password2": "a brand new phrase"}
    )
    assert done.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password("a brand new phrase")


def test_setting_display_name_pronouns_and_time_zone(client, alice):
    client.force_login(alice)
    client.post(
        "/settings/", {"display_name": "Ali", "pronouns": "she/they", "time_zone": "Africa/Lagos"}
    )
    alice.refresh_from_db()
    assert (alice.display_name, alice.pronouns, alice.time_zone) == (
        "Ali",
        "she/they",
        "Africa/Lagos",
    )


def test_a_bad_time_zone_is_refused_and_nothing_changes(client, alice):
    client.force_login(alice)
    response = client.post(
        "/settings/", {"display_name": "Ali", "pronouns": "", "time_zone": "Moon/Base"}
    )
    assert response.status_code == 200
    alice.refresh_from_db()
    assert (alice.display_name, alice.time_zone) == ("Alice", "Europe/Lisbon")

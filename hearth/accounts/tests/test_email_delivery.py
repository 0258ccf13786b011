"""E-mail that tells the truth: a Hearth that can't send mail never says it sent one, and the
person who runs it can give a one-time link to choose a new password instead."""

import re
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, ManagementUtility, call_command

from hearth.accounts.models import User
from hearth.accounts.tests.test_accounts import SIGNUP
from hearth.tests.test_settings import settings_read_with

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a brand new phrase for spring"
SAYS_SENT = re.compile(r"\bsent\b|check your e-?mail|confirmation e-?mail", re.IGNORECASE)


@pytest.fixture
def cannot_send(settings):
    settings.EMAIL_CAN_SEND = False
    settings.ACCOUNT_EMAIL_VERIFICATION = "none"


@pytest.fixture
def can_send(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.EMAIL_CAN_SEND = True
    settings.ACCOUNT_EMAIL_VERIFICATION = "optional"


def visible_text(response) -> str:
    return re.sub(r"<[^>]+>", " ", response.content.decode())


@pytest.mark.parametrize(
    ("environment", "can_send", "verification"),
    [
        ({}, False, "none"),
        ({"HEARTH_EMAIL_HOST": "smtp.example.org"}, True, "optional"),
        ({"HEARTH_EMAIL_FILE_DIR": "/srv/hearth/mail"}, True, "optional"),
        (
            {"HEARTH_EMAIL_HOST": "smtp.example.org", "HEARTH_EMAIL_VERIFICATION": "mandatory"},
            True,
            "mandatory",
        ),
        ({"HEARTH_EMAIL_VERIFICATION": "optional"}, False, "optional"),
    ],
)
def test_mail_can_be_sent_only_when_the_host_set_up_smtp_or_mail_files(
    tmp_path, environment, can_send, verification
):
    read = settings_read_with(
        tmp_path, environment, "EMAIL_CAN_SEND", "ACCOUNT_EMAIL_VERIFICATION", "ACCOUNT_ADAPTER"
    )
    assert read["EMAIL_CAN_SEND"] is can_send
    assert read["ACCOUNT_EMAIL_VERIFICATION"] == verification
    assert read["ACCOUNT_ADAPTER"] == "hearth.accounts.adapter.AccountAdapter"


@pytest.mark.parametrize("verification", ["none", "optional"])
def test_without_mail_signing_up_sends_nothing_and_says_nothing_was_sent(
    client, cannot_send, settings, verification
):
    settings.ACCOUNT_EMAIL_VERIFICATION = verification  # even when the host asks to confirm
    form = client.get("/accounts/signup/")
    assert not SAYS_SENT.search(visible_text(form))
    response = client.post("/accounts/signup/", SIGNUP, follow=True)
    assert response.status_code == 200
    assert User.objects.filter(email="robin@example.com").exists()
    assert response.context["user"].is_authenticated
    assert not SAYS_SENT.search(visible_text(response))
    assert mail.outbox == []


def test_without_mail_adding_an_address_sends_nothing_and_says_nothing_was_sent(
    client, cannot_send, alice
):
    client.force_login(alice)
    response = client.post(
        "/accounts/email/", {"email": "ali@example.org", "action_add": ""}, follow=True
    )
    assert alice.emailaddress_set.filter(email="ali@example.org").exists()
    assert not SAYS_SENT.search(visible_text(response))
    assert mail.outbox == []


def test_with_mail_signing_up_sends_a_confirmation_and_says_so(client, can_send):
    response = client.post("/accounts/signup/", SIGNUP, follow=True)
    assert [message.to for message in mail.outbox] == [["robin@example.com"]]
    assert "Confirmation email sent to robin@example.com" in visible_text(response)


def test_without_mail_the_reset_page_explains_before_anyone_types(client, cannot_send):
    response = client.get("/accounts/password/reset/")
    text = visible_text(response)
    assert "This Hearth doesn't send e-mail" in text
    assert "the person who runs it" in text
    assert "one-time link" in text
    assert 'name="email"' not in response.content.decode(), "no box to type into for nothing"
    assert not SAYS_SENT.search(text)


def test_without_mail_asking_for_a_reset_anyway_sends_nothing_and_says_so(
    client, cannot_send, alice
):
    response = client.post("/accounts/password/reset/", {"email": alice.email}, follow=True)
    assert response.redirect_chain[-1][0] == "/accounts/password/reset/done/"
    text = visible_text(response)
    assert "No e-mail was sent" in text
    assert "one-time link" in text
    assert "We've sent" not in text
    assert mail.outbox == []


def test_with_mail_the_reset_page_asks_for_the_address_and_sends_the_link(client, can_send, alice):
    page = client.get("/accounts/password/reset/")
    assert 'name="email"' in page.content.decode()
    assert "doesn't send e-mail" not in visible_text(page)
    response = client.post("/accounts/password/reset/", {"email": alice.email}, follow=True)
    assert "We've sent you an e-mail" in visible_text(response)
    assert [message.to for message in mail.outbox] == [[alice.email]]
    assert "/accounts/password/reset/key/" in str(mail.outbox[0].body)


def reset_link(email: str) -> str:
    out = StringIO()
    call_command("reset_link", email, stdout=out)
    found = re.search(r"^(\S+/accounts/password/reset/key/\S+)$", out.getvalue(), re.MULTILINE)
    assert found, out.getvalue()
    return found.group(1)


def test_a_reset_link_from_the_command_sets_a_new_password_once(
    client, cannot_send, settings, alice
):
    settings.SITE_URL = "https://hearth.example.org"
    link = reset_link("ALICE@example.com")
    assert link.startswith("https://hearth.example.org/accounts/password/reset/key/")
    path = link.removeprefix(settings.SITE_URL)

    form = client.get(path, follow=True)
    assert not form.context.get("token_fail")
    action = form.redirect_chain[-1][0]
    done = client.post(action, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert done.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password(NEW_PASSWORD)

    again = client.get(path, follow=True)
    assert again.context["token_fail"], "a link works once"
    alice.refresh_from_db()
    assert alice.check_password(NEW_PASSWORD)
    assert mail.outbox == []


def test_a_reset_link_expires_like_allauths_own(client, cannot_send, settings, alice):
    path = reset_link(alice.email).removeprefix(settings.SITE_URL)
    settings.PASSWORD_RESET_TIMEOUT = -1  # as if its days had passed
    assert client.get(path, follow=True).context["token_fail"]


def test_the_command_says_plainly_when_no_account_has_that_address(db, capsys):
    with pytest.raises(CommandError, match=r"No active account signs in with nobody@example\.com"):
        call_command("reset_link", "nobody@example.com")
    with pytest.raises(SystemExit) as exit_code:
        ManagementUtility(["hearth", "reset_link", "nobody@example.com"]).execute()
    assert exit_code.value.code != 0
    error = capsys.readouterr().err
    assert "No active account signs in with nobody@example.com" in error
    assert "Traceback" not in error

"""Sign-in protections: two-factor codes, rate limits, and production settings that pass
Django's deployment check."""

import os
import subprocess
import sys

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    SECRET_SESSION_KEY,
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.conf import settings

from hearth.accounts.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def current_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


def test_two_factor_sign_in_with_an_authenticator_app(client, alice):
    client.post("/accounts/login/", {"login": "alice@example.com", "password": PASSWORD})
    asked = client.get("/accounts/2fa/totp/activate/")
    assert asked["Location"].startswith("/accounts/reauthenticate/"), "confirm the password first"
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    page = client.get("/accounts/2fa/totp/activate/")
    assert page.status_code == 200
    secret = client.session[SECRET_SESSION_KEY]
    activated = client.post("/accounts/2fa/totp/activate/", {"code": current_code(secret)})
    assert activated.status_code == 302
    assert Authenticator.objects.filter(user=alice, type="totp").exists()

    client.post("/accounts/logout/")
    signed = client.post("/accounts/login/", {"login": "alice@example.com", "password": PASSWORD})
    assert signed["Location"] == "/accounts/2fa/authenticate/"
    assert client.get("/settings/").status_code == 302, "not signed in before the code"
    wrong = client.post("/accounts/2fa/authenticate/", {"code": "000000"})
    assert wrong.status_code == 200
    client.post("/accounts/2fa/authenticate/", {"code": current_code(secret)})
    assert client.get("/settings/").status_code == 200


def test_passkeys_and_recovery_codes_are_offered(client, alice):
    client.force_login(alice)
    page = client.get("/accounts/2fa/").content.decode()
    assert "/accounts/2fa/webauthn/" in page
    assert "/accounts/2fa/totp/activate/" in page
    assert settings.MFA_PASSKEY_LOGIN_ENABLED


def test_repeated_failed_sign_ins_are_slowed_down(client, alice):
    for _ in range(6):
        client.post("/accounts/login/", {"login": "alice@example.com", "password": "wrong-guess"})
    blocked = client.post("/accounts/login/", {"login": "alice@example.com", "password": PASSWORD})
    assert blocked.status_code in (200, 429)
    assert client.get("/settings/").status_code == 302


def test_password_reset_requests_are_rate_limited(client, alice):
    statuses = [
        client.post("/accounts/password/reset/", {"email": "alice@example.com"}).status_code
        for _ in range(6)
    ]
    assert 429 in statuses


def test_pages_send_a_strict_content_security_policy(client):
    policy = client.get("/").headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


def test_the_deployment_check_passes_with_production_settings(tmp_path):
    env = {
        **os.environ,
        "HEARTH_SECURE": "true",
        "HEARTH_ALLOWED_HOSTS": "hearth.example.org",
        "HEARTH_SECRET_KEY": "x" * 20 + "a-long-random-production-secret-" + "y" * 30,
        "HEARTH_DATA_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "hearth.settings",
    }
    for name in ("HEARTH_DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_URL"):
        env.pop(name, None)
    result = subprocess.run(
        [sys.executable, "-m", "hearth", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout

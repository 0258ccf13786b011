import contextlib

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from hearth.accounts.models import User
from hearth.accounts.tests.test_accounts import SIGNUP


@pytest.mark.parametrize(
    "guessable",
    [
        "Password2024!",
        "sunshine12345",
        "qwertyuiop12",
        "1234567890ab",
        "aaaaaaaaaaaa",
        "abababababab",
        "hearth2026!!",
        "!!Iloveyou99",
        "zyxwvutsrqpo",
    ],
)
def test_passwords_that_look_like_breached_ones_are_refused(guessable):
    with pytest.raises(ValidationError):
        validate_password(guessable)


@pytest.mark.parametrize(
    "good", ["copper kettle at dawn", "Maple-Orbit-Lantern-42", "thunder violet ferry"]
)
def test_good_passphrases_pass(good):
    validate_password(good)


@pytest.mark.django_db
def test_long_passwords_are_welcome(client):
    long_one = "a quiet walk along the river, then tea " * 4  # 156 characters
    response = client.post(
        "/accounts/signup/", {**SIGNUP, "password1": long_one, "password2": long_one}
    )
    assert response.status_code == 302
    assert User.objects.get(email=SIGNUP["email"]).check_password(long_one)


@given(st.text(alphabet="abcdefghij klmnop", min_size=10, max_size=80))
def test_the_rule_never_crashes_on_any_text(password):
    with contextlib.suppress(ValidationError):
        validate_password(password)

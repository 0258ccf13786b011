"""A password rule beyond length and Django's common-password list: refuse passwords that look
like what turns up in breaches (a common word dressed up with digits, keyboard runs, repeats)."""

import re

from django.contrib.auth.password_validation import CommonPasswordValidator
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

RUNS = [
    "qwertyuiopasdfghjklzxcvbnm",
    "qwertyuiop",
    "asdfghjkl",
    "zxcvbnm",
    "1234567890",
    "abcdefghijklmnopqrstuvwxyz",
    "qwertzuiop",
    "azertyuiop",
]
DECORATION = re.compile(r"^[\d\W_]*(?P<stem>.*?)[\d\W_]*$")


def longest_run(password: str) -> int:
    """The longest stretch of the password that follows a keyboard row or counting order."""
    text = password.lower()
    best = 0
    for run in RUNS + [r[::-1] for r in RUNS]:
        for start in range(len(text)):
            end = start + best + 1
            while end <= len(text) and text[start:end] in run:
                best = end - start
                end += 1
    return best


class GuessablePasswordValidator:
    def __init__(self) -> None:
        self.common = CommonPasswordValidator().passwords

    def validate(self, password: str, user: object = None) -> None:
        stem = DECORATION.match(password).group("stem").lower()  # type: ignore[union-attr]
        if len(set(password.lower())) < 4:
            raise ValidationError(
                _("This password repeats too few characters to be safe."),
                code="password_repetitive",
            )
        if longest_run(password) >= len(password) - 2:
            raise ValidationError(
                _("This password is a keyboard or counting pattern, easy to guess."),
                code="password_pattern",
            )
        if stem in self.common or stem.replace("hearth", "") == "":
            raise ValidationError(
                _(
                    "This looks like a common password with a few extra characters. "
                    "Try a few unrelated words instead."
                ),
                code="password_common_stem",
            )

    def get_help_text(self) -> str:
        return _(
            "Your password can't be a common word dressed up with numbers or a keyboard pattern."
        )

"""Before an account is deleted, its owner types the confirmation words and their password.

Password tries are counted with allauth's rate limits, under its "reauthenticate" action (an
already signed-in person typing their password again; its pace is ACCOUNT_RATE_LIMITS in
settings), so a left-open session can't be used to guess the password here instead of at
sign-in. The counts live in the cache: call this outside any transaction a refusal rolls back.
"""

from allauth.core import ratelimit
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from hearth.accounts.models import User
from hearth.refusals import Refusal

# Translators: the words a person types to confirm that their account should be deleted.
CONFIRMATION = gettext_noop("delete my account")
RATE_LIMIT_ACTION = "reauthenticate"


class DeletionRefused(Refusal):
    """Deleting the account was not confirmed; nothing was deleted."""


class ConfirmationMistyped(DeletionRefused):
    pass


class PasswordWrong(DeletionRefused):
    pass


class PasswordTriesPaused(DeletionRefused):
    """Too many password tries in a short while: even the right one waits."""


def confirmation_words() -> str:
    """The words to type, in the reader's language (the English ones are always accepted too)."""
    return _(CONFIRMATION)


def deletion_confirm(*, request: HttpRequest, user: User, password: str, confirmation: str) -> None:
    """Refuse unless the words and the password are right and the password tries aren't paused."""
    typed = confirmation.strip().lower()
    if typed not in {CONFIRMATION, confirmation_words().lower()}:
        raise ConfirmationMistyped(
            _("Type “%(words)s” exactly, so we know you mean it.") % {"words": confirmation_words()}
        )
    if not ratelimit.consume(request, action=RATE_LIMIT_ACTION, user=user):
        raise PasswordTriesPaused(
            _(
                "That's a lot of password tries in a short while, so we've paused them. "
                "Please wait a few minutes, then try again."
            )
        )
    if not user.check_password(password):
        raise PasswordWrong(_("That password isn't right."))

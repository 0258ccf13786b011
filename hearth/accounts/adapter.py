"""allauth, told the truth about e-mail: on a Hearth that can't send mail, nothing is sent and
no page or message says it was."""

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import pgettext_lazy

from hearth.accounts.models import User

# allauth's messages that say a mail is on its way.
MAIL_SENT_MESSAGES = {
    "account/messages/email_confirmation_sent.txt",
    "account/messages/login_code_sent.txt",
}


class AccountAdapter(DefaultAccountAdapter):
    # allauth's words for what people meet most, in English as allauth writes them, translated in
    # Hearth's own voice (its own catalogue would otherwise speak formally, and of "a user").
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "account_inactive": pgettext_lazy("allauth", "This account is currently inactive."),
        "duplicate_email": pgettext_lazy(
            "allauth", "This email address is already associated with this account."
        ),
        "email_password_mismatch": pgettext_lazy(
            "allauth", "The email address and/or password you specified are not correct."
        ),
        "email_taken": pgettext_lazy(
            "allauth", "A user is already registered with this email address."
        ),
        "enter_current_password": pgettext_lazy("allauth", "Please type your current password."),
        "incorrect_code": pgettext_lazy("allauth", "Incorrect code."),
        "incorrect_password": pgettext_lazy("allauth", "Incorrect password."),
        "invalid_or_expired_key": pgettext_lazy("allauth", "Invalid or expired key."),
        "invalid_password_reset": pgettext_lazy("allauth", "The password reset token was invalid."),
        "too_many_login_attempts": pgettext_lazy(
            "allauth", "Too many failed login attempts. Try again later."
        ),
        "unknown_email": pgettext_lazy(
            "allauth", "The email address is not assigned to any user account."
        ),
        "rate_limited": pgettext_lazy("allauth", "Be patient, you are sending too many requests."),
    }

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        if settings.EMAIL_CAN_SEND:
            super().send_mail(template_prefix, email, context)

    def login(self, request: HttpRequest, user: User) -> None:  # type: ignore[override]
        """Signed in, the person's own language applies at once, to the greeting too."""
        super().login(request, user)
        if user.language:
            translation.activate(user.language)
            request.LANGUAGE_CODE = user.language

    def add_message(
        self,
        request: HttpRequest,
        level: int,
        message_template: str | None = None,
        message_context: dict[str, Any] | None = None,
        extra_tags: str = "",
        message: str | None = None,
    ) -> None:
        if not settings.EMAIL_CAN_SEND and message_template in MAIL_SENT_MESSAGES:
            return
        super().add_message(request, level, message_template, message_context, extra_tags, message)


def password_reset_link(user: User) -> str:
    """The link allauth would mail: it works once, and expires after PASSWORD_RESET_TIMEOUT."""
    path = reverse(
        "account_reset_password_from_key",
        kwargs={
            "uidb36": user_pk_to_url_str(user),
            "key": default_token_generator.make_token(user),
        },
    )
    return settings.SITE_URL + path

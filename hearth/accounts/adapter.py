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

from hearth.accounts.models import User

# allauth's messages that say a mail is on its way.
MAIL_SENT_MESSAGES = {
    "account/messages/email_confirmation_sent.txt",
    "account/messages/login_code_sent.txt",
}


class AccountAdapter(DefaultAccountAdapter):
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

from django import forms
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hearth.accounts.models import User
from hearth.privacy.confirmation import (
    ConfirmationMistyped,
    DeletionRefused,
    PasswordWrong,
    confirmation_words,
    deletion_confirm,
)


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=gettext_lazy("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.CharField(
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def __init__(self, *args: object, request: HttpRequest, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.request = request
        self.fields["confirm"].label = _("Type “%(words)s” to confirm") % {
            "words": confirmation_words()
        }

    def clean(self) -> dict[str, object]:
        cleaned: dict[str, object] = super().clean() or {}
        if self.errors:
            return cleaned  # an empty field already says what's missing
        user: User = self.request.user  # type: ignore[assignment]
        try:
            deletion_confirm(
                request=self.request,
                user=user,
                password=str(cleaned["password"]),
                confirmation=str(cleaned["confirm"]),
            )
        except ConfirmationMistyped as refusal:
            self.add_error("confirm", refusal.message)
        except PasswordWrong as refusal:
            self.add_error("password", refusal.message)
        except DeletionRefused as refusal:
            self.add_error(None, refusal.message)
        return cleaned

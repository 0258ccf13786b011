from django import forms
from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from hearth.accounts.models import User
from hearth.accounts.timezones import time_zone_choices
from hearth.widgets import PlainSelect


def language_choices() -> list[tuple[str, str | Promise]]:
    """Each language in its own words, after the choice to follow the browser."""
    return [("", gettext_lazy("The same as my browser")), *settings.LANGUAGES]


class SignupForm(forms.Form):
    """Extra fields on allauth's sign-up form."""

    display_name = forms.CharField(
        label=gettext_lazy("Display name"),
        max_length=60,
        help_text=gettext_lazy(
            "The name the people in your relationships will see. You can change it later."
        ),
    )
    time_zone = forms.ChoiceField(
        label=gettext_lazy("Time zone"),
        choices=time_zone_choices,
        initial="UTC",
        widget=PlainSelect(attrs={"data-guess": "browser"}),
        help_text=gettext_lazy(
            "Your days, check-ins and reminders follow it. You can change it later."
        ),
    )
    is_adult = forms.BooleanField(
        label=gettext_lazy("I am 18 or older"),
        error_messages={
            "required": gettext_lazy("Hearth is for adults: please confirm you are 18 or older.")
        },
    )

    field_order = ["display_name", "email", "password1", "password2", "time_zone", "is_adult"]

    def signup(self, request: HttpRequest, user: User) -> None:
        user.display_name = self.cleaned_data["display_name"].strip()
        user.time_zone = self.cleaned_data["time_zone"]
        user.confirmed_adult_at = timezone.now()
        user.save()


class ProfileForm(forms.ModelForm):
    time_zone = forms.ChoiceField(
        label=gettext_lazy("Time zone"), choices=time_zone_choices, widget=PlainSelect
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Language"),
        choices=language_choices,
        required=False,
        help_text=gettext_lazy(
            "For Hearth's pages and questions. What people write stays as written."
        ),
    )

    class Meta:
        model = User
        fields = ["display_name", "pronouns", "time_zone", "language"]
        labels = {
            "display_name": gettext_lazy("Display name"),
            "pronouns": gettext_lazy("Pronouns"),
        }
        help_texts = {"pronouns": gettext_lazy("Optional, e.g. she/her, he/him, they/them.")}


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Name"), max_length=60, help_text=gettext_lazy("e.g. “my scripts”")
    )

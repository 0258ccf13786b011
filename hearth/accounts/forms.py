from django import forms
from django.http import HttpRequest
from django.utils import timezone

from hearth.accounts.models import User
from hearth.accounts.timezones import time_zone_choices


class SignupForm(forms.Form):
    """Extra fields on allauth's sign-up form."""

    display_name = forms.CharField(
        max_length=60,
        help_text="The name the people in your relationships will see. You can change it later.",
    )
    time_zone = forms.ChoiceField(
        choices=time_zone_choices,
        initial="UTC",
        widget=forms.Select(attrs={"data-guess": "browser"}),
        help_text="Your days, check-ins and reminders follow it. You can change it later.",
    )
    is_adult = forms.BooleanField(
        label="I am 18 or older",
        error_messages={"required": "Hearth is for adults: please confirm you are 18 or older."},
    )

    field_order = ["display_name", "email", "password1", "password2", "time_zone", "is_adult"]

    def signup(self, request: HttpRequest, user: User) -> None:
        user.display_name = self.cleaned_data["display_name"].strip()
        user.time_zone = self.cleaned_data["time_zone"]
        user.confirmed_adult_at = timezone.now()
        user.save()


class ProfileForm(forms.ModelForm):
    time_zone = forms.ChoiceField(choices=time_zone_choices)

    class Meta:
        model = User
        fields = ["display_name", "pronouns", "time_zone"]
        help_texts = {"pronouns": "Optional, e.g. she/her, he/him, they/them."}


class ApiTokenForm(forms.Form):
    name = forms.CharField(max_length=60, help_text="e.g. “my scripts”")

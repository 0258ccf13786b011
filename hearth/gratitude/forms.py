from django import forms
from django.utils.translation import gettext_lazy

from hearth.gratitude.services import MAX_TEXT_LENGTH
from hearth.relationships.models import Member


class AppreciationForm(forms.Form):
    recipient = forms.TypedChoiceField(
        coerce=int,
        label=gettext_lazy("Who would you like to thank?"),
        error_messages={"required": gettext_lazy("Choose who to thank.")},
    )
    text = forms.CharField(
        max_length=MAX_TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        label=gettext_lazy("What did they do, and how did it land for you?"),
        error_messages={"required": gettext_lazy("Write a few words first.")},
    )
    for_everyone = forms.BooleanField(
        required=False, label=gettext_lazy("Let everyone in the relationship read it")
    )
    prompt_key = forms.CharField(required=False, widget=forms.HiddenInput, max_length=40)

    def __init__(self, *args: object, others: list[Member], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["recipient"].choices = [(m.pk, m.display_name) for m in others]  # type: ignore[attr-defined]
        if len(others) == 1:
            self.fields["recipient"].initial = others[0].pk


class GratitudeEntryForm(forms.Form):
    text = forms.CharField(
        max_length=MAX_TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        label=gettext_lazy("Something you're grateful for"),
        error_messages={"required": gettext_lazy("Write a few words first.")},
    )
    shared = forms.BooleanField(
        required=False, label=gettext_lazy("Share this line with the others")
    )


class GratitudeMonthForm(forms.Form):
    """Which month of the gratitude page to show ("2024-05"); none, the last four weeks."""

    month = forms.DateField(required=False, input_formats=["%Y-%m"])

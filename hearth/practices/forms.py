from django import forms

from hearth.checkins.forms import CLOSENESS_WORDS
from hearth.practices.library import CATEGORY_TITLES
from hearth.practices.services import MAX_NOTE_LENGTH


class ReflectionForm(forms.Form):
    closeness = forms.TypedChoiceField(
        coerce=int,
        choices=[(n, f"{n}: {w}") for n, w in CLOSENESS_WORDS.items()],
        widget=forms.RadioSelect,
        label="How close do you feel now?",
        error_messages={"required": "Choose the pair of circles that fits how close you feel."},
    )
    note = forms.CharField(
        required=False,
        max_length=MAX_NOTE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Anything you'd like to remember? (optional)",
    )
    shared = forms.BooleanField(
        required=False, label="Let the others see how close I feel and what I wrote"
    )


class PlanForm(forms.Form):
    starts_at = forms.DateTimeField(
        label="When",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        error_messages={
            "required": "Choose a day and a time.",
            "invalid": "Choose a day and a time.",
        },
    )
    note = forms.CharField(
        required=False,
        max_length=MAX_NOTE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        label="A note for everyone (optional)",
    )


class LibraryFilterForm(forms.Form):
    category = forms.ChoiceField(
        required=False, choices=[("", "Everything"), *CATEGORY_TITLES.items()], label="Show"
    )

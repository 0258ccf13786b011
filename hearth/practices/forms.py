from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy

from hearth.checkins.forms import CLOSENESS_WORDS
from hearth.practices.library import CATEGORY_TITLES
from hearth.practices.services import MAX_NOTE_LENGTH


class ReflectionForm(forms.Form):
    closeness = forms.TypedChoiceField(
        coerce=int,
        choices=[(n, format_lazy("{}: {}", n, w)) for n, w in CLOSENESS_WORDS.items()],
        widget=forms.RadioSelect,
        label=gettext_lazy("How close do you feel now?"),
        error_messages={
            "required": gettext_lazy("Choose the pair of circles that fits how close you feel.")
        },
    )
    note = forms.CharField(
        required=False,
        max_length=MAX_NOTE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        label=gettext_lazy("Anything you'd like to remember? (optional)"),
    )
    shared = forms.BooleanField(
        required=False, label=gettext_lazy("Let the others see how close I feel and what I wrote")
    )


class PlanForm(forms.Form):
    starts_at = forms.DateTimeField(
        # Translators: the day and time a practice is planned for.
        label=gettext_lazy("When"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        error_messages={
            "required": gettext_lazy("Choose a day and a time."),
            "invalid": gettext_lazy("Choose a day and a time."),
        },
    )
    note = forms.CharField(
        required=False,
        max_length=MAX_NOTE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        label=gettext_lazy("A note for everyone (optional)"),
    )


class LibraryFilterForm(forms.Form):
    category = forms.ChoiceField(
        required=False,
        choices=[("", gettext_lazy("Everything")), *CATEGORY_TITLES.items()],
        # Translators: the label of the practice library's category filter.
        label=gettext_lazy("Show"),
    )

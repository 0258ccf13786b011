from django import forms
from django.utils.translation import gettext_lazy as _

from hearth.questions.labels import category_choices
from hearth.questions.services import MAX_QUESTION_LENGTH, MIN_QUESTION_LENGTH

DEPTH_CHOICES = [(1, _("1 · light")), (2, _("2 · personal")), (3, _("3 · vulnerable"))]
FELT_UNDERSTOOD_CHOICES = [(n, str(n)) for n in range(1, 8)]
PICK_AN_OPTION = {"invalid_choice": _("Pick one of the options shown.")}


class AnswerForm(forms.Form):
    choice = forms.TypedChoiceField(
        coerce=int,
        required=False,
        empty_value=None,
        widget=forms.RadioSelect,
        error_messages=PICK_AN_OPTION,
    )
    # No length here: the service counts the words it keeps and says how far over they are.
    text = forms.CharField(
        required=False,
        strip=False,
        label=_("Your answer"),
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args: object, options: list[str] | None = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        if options:
            self.fields["choice"].choices = list(enumerate(options))  # type: ignore[attr-defined]
            self.fields["choice"].label = _("Your pick")
            self.fields["text"].label = _("A few words, if you like")
        else:
            del self.fields["choice"]


class GuessForm(forms.Form):
    about = forms.IntegerField(widget=forms.HiddenInput)
    choice = forms.TypedChoiceField(coerce=int, widget=forms.RadioSelect)

    def __init__(self, *args: object, options: list[str], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["choice"].choices = list(enumerate(options))  # type: ignore[attr-defined]


class ReplyForm(forms.Form):
    text = forms.CharField(label=_("Reply"), widget=forms.Textarea(attrs={"rows": 2}))
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)


class RatingForm(forms.Form):
    rating = forms.TypedChoiceField(
        coerce=int,
        choices=FELT_UNDERSTOOD_CHOICES,
        widget=forms.RadioSelect,
        label=_("How understood did you feel? 1 not at all, 7 completely"),
    )


class OwnQuestionForm(forms.Form):
    text = forms.CharField(
        min_length=MIN_QUESTION_LENGTH,
        max_length=MAX_QUESTION_LENGTH,
        label=_("Your question"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    category = forms.ChoiceField(choices=category_choices(), label=_("Category"))
    depth = forms.TypedChoiceField(coerce=int, choices=DEPTH_CHOICES, initial=1, label=_("Depth"))


class PreferencesForm(forms.Form):
    depth_cap = forms.TypedChoiceField(
        coerce=int,
        choices=DEPTH_CHOICES,
        label=_("The deepest questions you want here"),
        widget=forms.RadioSelect,
    )
    sexual_content_consent = forms.BooleanField(
        required=False,
        label=_("Include sexual questions in this relationship"),
        help_text=_(
            "Shown only when everyone in this romantic relationship says yes. "
            "Unticking removes them at once, and nobody is told who changed it."
        ),
    )
    boundaries = forms.MultipleChoiceField(
        required=False,
        choices=category_choices(),
        widget=forms.CheckboxSelectMultiple,
        label=_("Topics you never want to see, in any of your relationships"),
        help_text=_("Nobody sees which topics you chose."),
    )

    def __init__(self, *args: object, romantic: bool = True, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        if not romantic:
            # Not offered, but still passed on: the service is the one that says no.
            self.fields["sexual_content_consent"].widget = forms.HiddenInput()


class JournalFilterForm(forms.Form):
    q = forms.CharField(required=False, label=_("Search"), max_length=100)
    category = forms.ChoiceField(
        required=False, choices=[("", _("All topics")), *category_choices()], label=_("Topic")
    )
    date_from = forms.DateField(
        required=False, label=_("From"), widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        required=False, label=_("To"), widget=forms.DateInput(attrs={"type": "date"})
    )


class JournalPageForm(forms.Form):
    """Where a page of the journal starts: a month ("2024-05"), or after an entry (a search's
    next page). Read from the address, never shown."""

    month = forms.DateField(required=False, input_formats=["%Y-%m"])
    before = forms.IntegerField(required=False, min_value=1, max_value=2**63 - 1)

from django import forms

from hearth.questions.models import Category

DEPTH_CHOICES = [(1, "1 · light"), (2, "2 · personal"), (3, "3 · vulnerable")]
FELT_UNDERSTOOD_CHOICES = [(n, str(n)) for n in range(1, 8)]


class AnswerForm(forms.Form):
    choice = forms.TypedChoiceField(
        coerce=int, required=False, empty_value=None, widget=forms.RadioSelect
    )
    text = forms.CharField(
        required=False,
        strip=False,
        label="Your answer",
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args: object, options: list[str] | None = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        if options:
            self.fields["choice"].choices = list(enumerate(options))  # type: ignore[attr-defined]
            self.fields["choice"].label = "Your pick"
            self.fields["text"].label = "A few words, if you like"
        else:
            del self.fields["choice"]


class GuessForm(forms.Form):
    about = forms.IntegerField(widget=forms.HiddenInput)
    choice = forms.TypedChoiceField(coerce=int, widget=forms.RadioSelect)


class ReplyForm(forms.Form):
    text = forms.CharField(label="Reply", widget=forms.Textarea(attrs={"rows": 2}))
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)


class RatingForm(forms.Form):
    rating = forms.TypedChoiceField(
        coerce=int,
        choices=FELT_UNDERSTOOD_CHOICES,
        widget=forms.RadioSelect,
        label="How understood did you feel? 1 not at all, 7 completely",
    )


class OwnQuestionForm(forms.Form):
    text = forms.CharField(
        max_length=300, label="Your question", widget=forms.Textarea(attrs={"rows": 3})
    )
    category = forms.ChoiceField(choices=Category.choices)
    depth = forms.TypedChoiceField(coerce=int, choices=DEPTH_CHOICES, initial=1)


class PreferencesForm(forms.Form):
    depth_cap = forms.TypedChoiceField(
        coerce=int,
        choices=DEPTH_CHOICES,
        label="The deepest questions you want here",
        widget=forms.RadioSelect,
    )
    sexual_content_consent = forms.BooleanField(
        required=False,
        label="Include sexual questions in this relationship",
        help_text="Shown only when everyone in this romantic relationship says yes. "
        "Unticking removes them at once, and nobody is told who changed it.",
    )
    boundaries = forms.MultipleChoiceField(
        required=False,
        choices=Category.choices,
        widget=forms.CheckboxSelectMultiple,
        label="Topics you never want to see, in any of your relationships",
        help_text="Nobody sees which topics you chose.",
    )

    def __init__(self, *args: object, romantic: bool = True, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        if not romantic:
            del self.fields["sexual_content_consent"]


class JournalFilterForm(forms.Form):
    q = forms.CharField(required=False, label="Search", max_length=100)
    category = forms.ChoiceField(
        required=False, choices=[("", "All topics"), *Category.choices], label="Topic"
    )
    date_from = forms.DateField(
        required=False, label="From", widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        required=False, label="To", widget=forms.DateInput(attrs={"type": "date"})
    )

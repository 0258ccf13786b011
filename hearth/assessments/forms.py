from django import forms
from django.utils.translation import gettext_lazy

from hearth.assessments.instrument import Step

AGREEMENT = [
    (1, gettext_lazy("Strongly disagree")),
    (2, gettext_lazy("Disagree")),
    (3, gettext_lazy("Somewhat disagree")),
    (4, gettext_lazy("Neither")),
    (5, gettext_lazy("Somewhat agree")),
    (6, gettext_lazy("Agree")),
    (7, gettext_lazy("Strongly agree")),
]
SHARE_LABEL = gettext_lazy("Share my scores (not my answers) with this relationship")


class StepForm(forms.Form):
    """One step of the profile: its statements, and on the last step the choice to share."""

    def __init__(
        self,
        *args: object,
        step: Step,
        last: bool,
        answers: dict[str, int],
        shared: bool,
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.step = step
        for question in step.questions:
            self.fields[question.key] = forms.TypedChoiceField(
                coerce=int,
                choices=AGREEMENT,
                widget=forms.RadioSelect,
                label=question.text,
                # Unanswered statements reach the service, which names every one of them.
                required=False,
                empty_value=None,
                initial=answers.get(question.key),
                error_messages={"invalid_choice": gettext_lazy("Choose a number from 1 to 7.")},
            )
        if last:
            self.fields["shared"] = forms.BooleanField(
                required=False, label=SHARE_LABEL, initial=shared
            )

    def answers(self) -> dict[str, int]:
        return {
            key: self.cleaned_data[key]
            for key in self.step.keys
            if self.cleaned_data.get(key) is not None
        }

    def shared(self) -> bool | None:
        """The share choice, when this step asks it."""
        return self.cleaned_data["shared"] if "shared" in self.fields else None

    def statements(self) -> list[forms.BoundField]:
        return [self[key] for key in self.step.keys]

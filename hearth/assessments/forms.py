from django import forms

from hearth.assessments.instrument import Instrument

AGREEMENT = [
    (1, "Strongly disagree"),
    (2, "Disagree"),
    (3, "Somewhat disagree"),
    (4, "Neither"),
    (5, "Somewhat agree"),
    (6, "Agree"),
    (7, "Strongly agree"),
]


class ProfileForm(forms.Form):
    shared = forms.BooleanField(
        required=False,
        label="Share my scores (not my answers) with this relationship",
    )

    def __init__(self, *args: object, instrument: Instrument, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.instrument = instrument
        for question in instrument.questions:
            self.fields[question.key] = forms.TypedChoiceField(
                coerce=int,
                choices=AGREEMENT,
                widget=forms.RadioSelect,
                label=question.text,
                # Unanswered statements reach the service, which names every one of them.
                required=False,
                empty_value=None,
                error_messages={"invalid_choice": "Choose a number from 1 to 7."},
            )

    def answers(self) -> dict[str, int]:
        return {
            q.key: self.cleaned_data[q.key]
            for q in self.instrument.questions
            if self.cleaned_data.get(q.key) is not None
        }

    def by_scale(self) -> list[tuple[str, list[forms.BoundField]]]:
        return [
            (scale.title, [self[q.key] for q in self.instrument.questions if q.scale == scale.key])
            for scale in self.instrument.scales
        ]

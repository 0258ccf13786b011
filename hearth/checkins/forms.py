from decimal import Decimal

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from hearth.checkins.models import CheckIn
from hearth.checkins.services import MAX_NOTE_LENGTH
from hearth.relationships.models import Member

CLOSENESS_WORDS = {
    # Translators: how two circles (you and the others) sit, from apart to almost one.
    1: _("apart"),
    2: _("just touching"),
    3: _("a little overlap"),
    4: _("some overlap"),
    5: _("a lot of overlap"),
    6: _("mostly together"),
    7: _("almost one"),
}
# "3: a little overlap", in the reader's language when shown.
CLOSENESS_CHOICES = [(n, format_lazy("{}: {}", n, w)) for n, w in CLOSENESS_WORDS.items()]


RELATIONSHIP_FIELDS = (
    "closeness",
    "felt_understood",
    "affection",
    "shared_personal",
    "share_support",
)


class CheckInForm(forms.Form):
    """One screen: personal items once, then each relationship's items."""

    day = forms.ChoiceField(widget=forms.RadioSelect, label=_("For"))
    mood = forms.TypedChoiceField(
        coerce=int, choices=CheckIn.Mood.choices, widget=forms.RadioSelect, label=_("Mood")
    )
    stress = forms.TypedChoiceField(
        coerce=int, choices=CheckIn.Stress.choices, widget=forms.RadioSelect, label=_("Stress")
    )
    sleep_hours = forms.DecimalField(
        required=False,
        min_value=Decimal(0),
        max_value=Decimal(24),
        decimal_places=1,
        label=_("Hours of sleep"),
        widget=forms.NumberInput(attrs={"step": "0.5", "inputmode": "decimal"}),
    )
    # Whether the two numbers make a pair, and a plausible one, is the service's to say.
    systolic = forms.IntegerField(required=False, label=_("Blood pressure: upper"))
    diastolic = forms.IntegerField(required=False, label=_("lower"))
    note = forms.CharField(
        required=False,
        max_length=MAX_NOTE_LENGTH,
        label=_("A private note (only you will see it)"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    support_wanted = forms.BooleanField(
        required=False,
        label=_("I could use some support today"),
        help_text=_("Just for you, unless you let a relationship below know."),
    )

    def __init__(
        self, *args: object, members: list[Member], days: list[tuple[str, str]], **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["day"].choices = days  # type: ignore[attr-defined]
        self.members = members
        for m in members:
            p = f"r{m.pk}-"
            self.fields[p + "closeness"] = forms.TypedChoiceField(
                coerce=int,
                required=False,
                empty_value=None,
                choices=CLOSENESS_CHOICES,
                widget=forms.RadioSelect,
                label=gettext("How close do you feel to %(name)s?") % {"name": m.relationship.name},
            )
            self.fields[p + "felt_understood"] = forms.TypedChoiceField(
                coerce=int,
                required=False,
                empty_value=None,
                choices=[(n, str(n)) for n in range(1, 8)],
                widget=forms.RadioSelect,
                label=_("How understood did you feel? 1 not at all, 7 completely"),
            )
            self.fields[p + "affection"] = forms.BooleanField(
                required=False, label=_("Hugs, touch or closeness today")
            )
            self.fields[p + "shared_personal"] = forms.BooleanField(
                required=False, label=_("I shared something personal")
            )
            self.fields[p + "share_support"] = forms.BooleanField(
                required=False,
                label=gettext("Let %(name)s know I could use support")
                % {"name": m.relationship.name},
            )

    def clean(self) -> dict[str, object]:
        """A relationship left untouched is left out of the day; one with anything else filled
        in needs its closeness too."""
        data = super().clean() or {}
        for m in self.members:
            p = f"r{m.pk}-"
            touched = any(
                data.get(p + name)
                for name in ("felt_understood", "affection", "shared_personal", "share_support")
            )
            if touched and data.get(p + "closeness") is None:
                self.add_error(
                    p + "closeness",
                    gettext(
                        "Tap the circles that fit how close you feel to %(name)s, or clear the "
                        "other answers for it to leave it out today."
                    )
                    % {"name": m.relationship.name},
                )
        return data

    def days_for_relationships(self) -> list[tuple[Member, dict[str, object]]]:
        """The relationships with a closeness today, and what was given for each."""
        data = self.cleaned_data
        return [
            (m, {name: data[f"r{m.pk}-{name}"] for name in RELATIONSHIP_FIELDS})
            for m in self.members
            if data.get(f"r{m.pk}-closeness") is not None
        ]

    def relationship_fields(self) -> list[tuple[Member, dict[str, forms.BoundField]]]:
        return [
            (
                m,
                {name: self[f"r{m.pk}-{name}"] for name in RELATIONSHIP_FIELDS},
            )
            for m in self.members
        ]

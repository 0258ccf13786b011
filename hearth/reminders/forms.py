from datetime import time

from django import forms
from django.utils.translation import gettext_lazy as _

from hearth.reminders.models import WEEKDAYS, ReminderTime

DAY_CHOICES = [(str(day), name) for day, name in enumerate(WEEKDAYS)]


class ReminderTimeForm(forms.Form):
    """A time of day, the days it comes on, and where it goes besides Hearth itself."""

    remind_label = _("Remind me")

    remind = forms.BooleanField(required=False)
    at = forms.TimeField(
        required=False,
        label=_("At"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    days = forms.MultipleChoiceField(
        required=False,
        choices=DAY_CHOICES,
        label=_("On"),
        widget=forms.CheckboxSelectMultiple,
    )
    to_devices = forms.BooleanField(required=False, label=_("On my devices"))
    by_email = forms.BooleanField(required=False, label=_("By e-mail"))

    def __init__(self, *args: object, reminder: ReminderTime, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["remind"].label = self.remind_label
        if not self.is_bound:
            self.initial.update(
                remind=reminder.at is not None,
                at=reminder.at or time(19, 0),
                days=[str(day) for day in sorted(reminder.weekdays)],
                to_devices=reminder.to_devices,
                by_email=reminder.by_email,
            )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("remind"):
            if data.get("at") is None and "at" not in self.errors:
                self.add_error("at", _("Choose a time for the reminder."))
            if not data.get("days"):
                self.add_error("days", _("Choose at least one day, or turn the reminder off."))
        return data

    def chosen(self) -> tuple[time | None, frozenset[int]]:
        """The time chosen (None: no reminder) and its days."""
        days = frozenset(int(day) for day in self.cleaned_data["days"])
        return (self.cleaned_data["at"] if self.cleaned_data["remind"] else None), days


class QuestionReminderForm(ReminderTimeForm):
    remind_label = _("Remind me about the day's question")

    nudges_welcome = forms.BooleanField(
        required=False,
        label=_("Others here may send me a gentle reminder"),
        help_text=_(
            "When you haven't answered yet, one of them can tap “Remind” once per question."
        ),
    )

    def __init__(self, *args: object, reminder: ReminderTime, **kwargs: object) -> None:
        super().__init__(*args, reminder=reminder, **kwargs)
        if not self.is_bound:
            self.initial["nudges_welcome"] = getattr(reminder, "nudges_welcome", True)


class CheckInReminderForm(ReminderTimeForm):
    remind_label = _("Remind me to check in")


class NudgeForm(forms.Form):
    member = forms.IntegerField(min_value=1, max_value=2**63 - 1)

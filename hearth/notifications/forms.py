import datetime as dt

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hearth.notifications.models import DeliveryPreferences


class DeliveryPreferencesForm(forms.ModelForm):
    quiet = forms.BooleanField(
        required=False,
        label=gettext_lazy("Keep quiet hours"),
        help_text=gettext_lazy("Nothing reaches your devices or inbox then."),
    )

    class Meta:
        model = DeliveryPreferences
        fields = ["push", "email", "quiet_start", "quiet_end"]
        labels = {
            "push": gettext_lazy("Send notifications to my devices"),
            "email": gettext_lazy("E-mail"),
            "quiet_start": gettext_lazy("Quiet from"),
            # Translators: the end of quiet hours, after "Quiet from 22:00".
            "quiet_end": gettext_lazy("until"),
        }
        widgets = {
            "email": forms.RadioSelect,
            "quiet_start": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "quiet_end": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }

    def __init__(self, *args: object, can_email: bool = True, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        instance = self.instance
        self.fields["quiet"].initial = instance.quiet_start != instance.quiet_end
        if not can_email:
            del self.fields["email"]  # this Hearth can't send mail: nothing to choose
        elif instance.user_id is not None:
            self.fields["email"].help_text = _("To %(address)s.") % {"address": instance.user.email}

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("quiet") and data.get("quiet_start") == data.get("quiet_end"):
            self.add_error("quiet_end", _("Quiet hours need an end different from their start."))
        return data

    def quiet_hours(self) -> tuple[dt.time, dt.time]:
        """The window chosen; without quiet hours, the same start and end."""
        start: dt.time = self.cleaned_data["quiet_start"]
        return start, self.cleaned_data["quiet_end"] if self.cleaned_data["quiet"] else start

from django import forms
from django.utils.translation import gettext_lazy as _

from hearth.accounts.timezones import time_zone_choices
from hearth.relationships.models import Relationship
from hearth.widgets import PlainSelect


class RelationshipForm(forms.ModelForm):
    kind = forms.ChoiceField(
        choices=Relationship.Kind.choices,
        widget=forms.RadioSelect,
        label=_("Kind"),
        help_text=_("This shapes the questions and practices you'll see. It can't change later."),
    )
    time_zone = forms.ChoiceField(
        choices=time_zone_choices,
        label=_("Time zone"),
        help_text=_("The day's question and check-ins follow this time zone."),
        widget=PlainSelect(attrs={"data-guess": "browser"}),
    )

    class Meta:
        model = Relationship
        fields = ["name", "kind", "phase", "time_zone"]
        labels = {"name": _("Name"), "phase": _("Phase")}
        help_texts = {
            "name": _(
                "Just for you and the people in it, e.g. “Sam & Alex” or “Thursday climbers”."
            ),
            "phase": _("Where you are together now. You can change it any time."),
        }
        widgets = {"phase": forms.RadioSelect}


class RelationshipSettingsForm(RelationshipForm):
    kind = None  # type: ignore[assignment]

    class Meta(RelationshipForm.Meta):
        fields = ["name", "phase", "time_zone"]


class JoinForm(forms.Form):
    code = forms.CharField(
        label=_("Invitation code"),
        max_length=20,
        help_text=_("8 letters and digits, like ABCD-2345. Dashes and spaces don't matter."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )

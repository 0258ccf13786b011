from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hearth.practices.library import Practice
from hearth.relationships.models import Member
from hearth.reviews.services import MAX_TEXT_LENGTH
from hearth.widgets import PlainSelect


class ContributionForm(forms.Form):
    went_well = forms.CharField(
        required=False,
        max_length=MAX_TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        label=gettext_lazy("1. What went well between you this week?"),
    )
    thank_member_id = forms.TypedChoiceField(
        required=False,
        coerce=int,
        empty_value=None,
        label=gettext_lazy("2. Thank someone for something they did"),
    )
    thanks = forms.CharField(
        required=False,
        max_length=MAX_TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        label=gettext_lazy("What they did, and what it meant to you"),
    )
    work_on = forms.CharField(
        required=False,
        max_length=MAX_TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        label=gettext_lazy("3. One thing to work on, gently"),
        help_text=gettext_lazy("Something small you'd like to do differently, said kindly."),
    )
    practice_key = forms.ChoiceField(
        required=False, label=gettext_lazy("4. Plan one practice for next week"), widget=PlainSelect
    )
    practice_at = forms.DateTimeField(
        required=False,
        # Translators: the day and time a practice is planned for.
        label=gettext_lazy("When"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        error_messages={"invalid": gettext_lazy("Choose a day and a time.")},
    )

    def __init__(
        self, *args: object, others: list[Member], practices: list[Practice], **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["thank_member_id"].choices = [  # type: ignore[attr-defined]
            ("", _("No one this time")),
            *((m.pk, m.display_name) for m in others),
        ]
        self.fields["practice_key"].choices = [  # type: ignore[attr-defined]
            ("", _("Nothing this time")),
            *(
                (p.key, _("%(title)s (%(minutes)s min)") % {"title": p.title, "minutes": p.minutes})
                for p in practices
            ),
        ]

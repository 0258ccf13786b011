"""Hearth draws form widgets with Django's own templates, their includes written in place (in
hearth/templates/django/forms/): every widget reads exactly as Django's own templates write it."""

from typing import Any

import pytest
from django import forms
from django.forms.renderers import BaseRenderer, DjangoTemplates, TemplatesSetting
from django.forms.utils import ErrorList

from hearth.widgets import PlainSelect

HEARTHS = TemplatesSetting()
DJANGOS = DjangoTemplates()  # Django's own form templates, nothing of Hearth's

CHOICES = [(1, "One"), (2, "Two <2>"), ("", "None of these"), (None, "Nothing")]
GROUPED = [("Light", [(1, "Hello"), (2, "Fun & games")]), ("Deep", [(3, "Fears")]), (4, "Alone")]
ATTRS: list[dict[str, Any]] = [
    {},
    {"id": "id_x"},
    {"id": "id_x", "class": "wide", "required": True, "disabled": False, "data-n": 7},
    {"aria-describedby": 'say "hi" & <bye>', "placeholder": "It's"},
]


class CustomOption(forms.Select):
    option_template_name = "django/forms/widgets/input.html"


WIDGETS: list[tuple[forms.Widget, list[Any]]] = [
    (forms.TextInput(), [None, "", "words", "<b>'quoted' & \"more\"</b>", 0]),
    (forms.NumberInput(attrs={"step": "0.5"}), [None, 7, "7.5"]),
    (forms.EmailInput(), [None, "a@example.com"]),
    (forms.PasswordInput(render_value=True), [None, "secret"]),
    (forms.HiddenInput(), [None, "key"]),
    (forms.DateTimeInput(attrs={"type": "datetime-local"}), [None, "2026-01-02T10:00"]),
    (forms.CheckboxInput(), [None, False, True, "on"]),
    (forms.Textarea(attrs={"rows": 3}), [None, "", "line one\nline <two>"]),
    (forms.Select(choices=CHOICES), [None, 1, "2", "", "missing"]),
    (forms.Select(choices=GROUPED), [None, 3, "4"]),
    (CustomOption(choices=CHOICES), [None, 1]),
    (forms.SelectMultiple(choices=GROUPED), [None, [1, 3], ["4"]]),
    (forms.NullBooleanSelect(), [None, True, False]),
    (forms.RadioSelect(choices=CHOICES), [None, 1, ""]),
    (forms.RadioSelect(choices=GROUPED), [None, 3]),
    (forms.CheckboxSelectMultiple(choices=GROUPED), [None, [1, 4]]),
]


def rendered(widget: forms.Widget, value: Any, attrs: dict[str, Any], r: BaseRenderer) -> str:
    return widget.render("field", value, attrs=dict(attrs), renderer=r)


@pytest.mark.parametrize("attrs", ATTRS)
@pytest.mark.parametrize(("widget", "values"), WIDGETS, ids=lambda w: type(w).__name__)
def test_every_widget_reads_exactly_as_django_writes_it(
    widget: forms.Widget, values: list[Any], attrs: dict[str, Any]
) -> None:
    for value in values:
        assert rendered(widget, value, attrs, HEARTHS) == rendered(widget, value, attrs, DJANGOS)


class Choosing(forms.Form):
    mood = forms.TypedChoiceField(coerce=int, choices=CHOICES[:2], widget=forms.RadioSelect)
    topics = forms.MultipleChoiceField(
        choices=[("a", "A"), ("b", "B")], widget=forms.CheckboxSelectMultiple
    )
    deck = forms.ChoiceField(choices=[("", "Any"), ("light", "Light & easy")])


@pytest.mark.parametrize(
    "data", [None, {"mood": "2", "topics": ["b"], "deck": "light"}, {"mood": "9"}]
)
def test_each_radio_and_checkbox_drawn_on_its_own_reads_as_django_writes_it(
    data: dict[str, Any] | None,
) -> None:
    """Pages that lay out each choice themselves ({{ choice.tag }}) get Django's own HTML too."""
    ours, theirs = Choosing(data, renderer=HEARTHS), Choosing(data, renderer=DJANGOS)
    for name in ours.fields:
        for mine, django in zip(ours[name], theirs[name], strict=True):
            assert mine.tag() == django.tag()
            assert mine.tag(wrap_label=True) == django.tag(wrap_label=True)
        assert str(ours[name].errors) == str(theirs[name].errors)


@pytest.mark.parametrize("field_id", [None, "id_mood"])
@pytest.mark.parametrize("errors", [[], ["Choose one."], ["One <b>", "Two & three"]])
def test_error_lists_read_as_django_writes_them(errors: list[str], field_id: str | None) -> None:
    ours = ErrorList(errors, field_id=field_id, renderer=HEARTHS)
    theirs = ErrorList(errors, field_id=field_id, renderer=DJANGOS)
    assert str(ours) == str(theirs)


@pytest.mark.parametrize("attrs", ATTRS)
@pytest.mark.parametrize("choices", [CHOICES, GROUPED, [], [(n, f"Zone {n}") for n in range(50)]])
def test_a_plain_select_reads_exactly_as_django_s_select(
    choices: list[Any], attrs: dict[str, Any]
) -> None:
    """Its options written once per process, yet the same HTML; groups fall back to Django's."""
    for value in [None, "", 1, "2", 3, 4, "missing", 49]:
        ours = PlainSelect(choices=choices)
        theirs = forms.Select(choices=choices)
        assert rendered(ours, value, attrs, HEARTHS) == rendered(theirs, value, attrs, DJANGOS)

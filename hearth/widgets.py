"""Form widgets every app may use."""

from functools import lru_cache
from typing import Any

from django import forms
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe


@lru_cache(maxsize=512)
def options_html(choices: tuple[tuple[str, str], ...]) -> str:
    """Every choice as an <option>, exactly as Django's select_option.html writes it; written
    once per process for each list of choices."""
    return "".join(
        format_html('\n  <option value="{}">{}</option>\n', value, label)
        for value, label in choices
    )


def options_with(choices: tuple[tuple[str, str], ...], chosen: str | None) -> SafeString:
    """The options with the first one of value `chosen` selected, as Django's Select does."""
    options = options_html(choices)
    if chosen is not None:
        opening = format_html('<option value="{}">', chosen)
        options = options.replace(opening, f"{opening[:-1]} selected>", 1)
    return mark_safe(options)  # noqa: S308 - escaped by format_html


class PlainSelect(forms.Select):
    """A select of many plain choices (time zones, practices): the same HTML as forms.Select,
    without drawing each option through a template on every page that shows it. Grouped
    choices are drawn by Django as usual."""

    template_name = "widgets/plain_select.html"

    def plain_choices(self) -> tuple[tuple[str, str], ...] | None:
        plain = []
        for value, label in self.choices:
            if isinstance(label, (list, tuple)):
                return None  # a group: Django's own template draws it
            plain.append(("" if value is None else str(value), str(label)))
        return tuple(plain)

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        choices = self.plain_choices()
        if choices is None:
            return super().get_context(name, value, attrs)  # drawn by Django's select.html
        context = forms.Widget.get_context(self, name, value, attrs)  # all but the options
        chosen = context["widget"]["value"]
        context["widget"]["options"] = options_with(choices, chosen[0] if chosen else None)
        return context

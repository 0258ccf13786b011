"""The time zones a person or a relationship can choose."""

import zoneinfo
from functools import cache
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _


@cache
def time_zone_names() -> list[str]:
    names = zoneinfo.available_timezones() - {"localtime", "Factory"}
    return sorted(name for name in names if not name.startswith(("Etc/", "SystemV/")))


@cache
def time_zone_choices() -> list[tuple[str, str]]:
    return [(name, name.replace("_", " ")) for name in ["UTC", *time_zone_names()]]


def validate_time_zone(value: str) -> None:
    if value != "UTC" and value not in time_zone_names():
        raise ValidationError(_("“%(value)s” is not a time zone we know."), params={"value": value})


@cache
def time_zone_options() -> str:
    """Every time zone as an <option>, written once per process (the names aren't translated)."""
    return "".join(
        format_html('\n  <option value="{}">{}</option>\n', value, label)
        for value, label in time_zone_choices()
    )


def time_zone_options_with(chosen: str | None) -> SafeString:
    """The options with `chosen` selected, exactly as Django's Select would write them."""
    options = time_zone_options()
    if chosen:
        opening = format_html('<option value="{}">', chosen)
        options = options.replace(opening, f"{opening[:-1]} selected>", 1)
    return mark_safe(options)  # noqa: S308 - escaped by format_html above


class TimeZoneSelect(forms.Select):
    """A select of the time zones: the same HTML as forms.Select, without drawing six hundred
    options through a template each on every page that shows it."""

    template_name = "accounts/widgets/time_zone_select.html"

    def optgroups(
        self, name: str, value: list[str], attrs: dict[str, Any] | None = None
    ) -> list[Any]:
        return []  # the options come from time_zone_options_with() instead

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        chosen = context["widget"]["value"]
        context["widget"]["options"] = time_zone_options_with(chosen[0] if chosen else None)
        return context

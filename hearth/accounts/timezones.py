"""The time zones a person or a relationship can choose."""

import zoneinfo
from functools import cache

from django.core.exceptions import ValidationError
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

"""Hearth's own settings plus the two yardsticks every measure is a ratio to: a bare view and a
bare single-row insert, behind the same middleware."""

from hearth.settings import *  # noqa: F403
from hearth.settings import ALLOWED_HOSTS, INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "bench"]
ROOT_URLCONF = "bench.urls"
ALLOWED_HOSTS = [*ALLOWED_HOSTS, "testserver"]

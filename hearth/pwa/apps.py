from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class PwaConfig(AppConfig):
    name = "hearth.pwa"
    label = "pwa"
    verbose_name = gettext_lazy("Installable app")

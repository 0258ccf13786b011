from django.apps import AppConfig


class PwaConfig(AppConfig):
    name = "hearth.pwa"
    label = "pwa"
    verbose_name = "Installable app"

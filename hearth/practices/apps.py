from django.apps import AppConfig


class PracticesConfig(AppConfig):
    name = "hearth.practices"
    label = "practices"

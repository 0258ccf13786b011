from django.apps import AppConfig


class GratitudeConfig(AppConfig):
    name = "hearth.gratitude"
    label = "gratitude"

from django.apps import AppConfig


class RecommendationsConfig(AppConfig):
    name = "hearth.recommendations"
    label = "recommendations"

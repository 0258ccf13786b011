from django.apps import AppConfig


class RecommendationsConfig(AppConfig):
    name = "hearth.recommendations"
    label = "recommendations"

    def ready(self) -> None:
        from hearth.recommendations import receivers  # noqa: F401 - connects signal handlers

from django.apps import AppConfig


class ActivityConfig(AppConfig):
    name = "hearth.activity"
    label = "activity"

    def ready(self) -> None:
        from hearth.activity import receivers  # noqa: F401 - connects signal handlers

from django.apps import AppConfig


class SafetyConfig(AppConfig):
    name = "hearth.safety"
    label = "safety"
    verbose_name = "Help and safety"

    def ready(self) -> None:
        from hearth.safety import checks  # noqa: F401  (registers the system check)

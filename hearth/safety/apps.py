from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class SafetyConfig(AppConfig):
    name = "hearth.safety"
    label = "safety"
    verbose_name = gettext_lazy("Help and safety")

    def ready(self) -> None:
        from hearth.safety import checks  # noqa: F401  (registers the system check)

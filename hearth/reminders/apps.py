from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "hearth.reminders"
    label = "reminders"

    def ready(self) -> None:
        from hearth.reminders import receivers  # noqa: F401 - connects signal handlers

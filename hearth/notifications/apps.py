from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "hearth.notifications"
    label = "notifications"

    def ready(self) -> None:
        from hearth.notifications import receivers  # noqa: F401 - connects signal handlers

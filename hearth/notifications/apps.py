from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "hearth.notifications"
    label = "notifications"

    def ready(self) -> None:
        # Connects the signal handlers, and registers the e-mail and push channels.
        from hearth.notifications import email, push, receivers  # noqa: F401

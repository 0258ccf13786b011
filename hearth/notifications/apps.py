from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "hearth.notifications"
    label = "notifications"

    def ready(self) -> None:
        # Connects the signal handlers, and registers the push channel.
        from hearth.notifications import push, receivers  # noqa: F401

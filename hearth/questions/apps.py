from django.apps import AppConfig


class QuestionsConfig(AppConfig):
    name = "hearth.questions"
    label = "questions"

    def ready(self) -> None:
        from hearth.questions import receivers  # noqa: F401 - connects signal handlers

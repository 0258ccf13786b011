from django.apps import AppConfig


class LessonsConfig(AppConfig):
    name = "hearth.lessons"
    label = "lessons"

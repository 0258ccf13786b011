from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "hearth.search"
    label = "search"
    verbose_name = "Searching what people wrote"

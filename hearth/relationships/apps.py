from django.apps import AppConfig


class RelationshipsConfig(AppConfig):
    name = "hearth.relationships"
    label = "relationships"

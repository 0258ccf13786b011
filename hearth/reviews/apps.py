from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "hearth.reviews"
    label = "reviews"

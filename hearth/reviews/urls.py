from django.urls import path

from hearth.reviews import views

app_name = "reviews"

R = "r/<int:relationship_id>/review/"

urlpatterns = [
    path(R, views.week, name="week"),
    path(R + "add/", views.contribute, name="contribute"),
    path(R + "<int:review_id>/", views.past, name="past"),
]

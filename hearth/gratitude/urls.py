from django.urls import path

from hearth.gratitude import views

app_name = "gratitude"

R = "r/<int:relationship_id>/gratitude/"

urlpatterns = [
    path(R, views.page, name="page"),
    path(R + "thank/", views.appreciate, name="appreciate"),
    path(R + "log/", views.note, name="note"),
    path(R + "log/<int:entry_id>/delete/", views.note_delete, name="note_delete"),
]

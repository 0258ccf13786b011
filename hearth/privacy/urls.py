from django.urls import path

from hearth.privacy import views

app_name = "privacy"

urlpatterns = [
    path("settings/export/", views.export, name="export"),
    path("settings/delete/", views.delete_account, name="delete"),
]

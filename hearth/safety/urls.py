from django.urls import path

from hearth.safety import views

app_name = "safety"

urlpatterns = [
    path("help/", views.help_page, name="help"),
    path("quiet/", views.quiet, name="quiet"),
]

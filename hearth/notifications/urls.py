from django.urls import path

from hearth.notifications import views

app_name = "notifications"

urlpatterns = [
    path("notifications/", views.notification_list, name="list"),
    path("notifications/badge/", views.badge, name="badge"),
    path("notifications/read/", views.read_all, name="read_all"),
    path("settings/reaching-out/", views.preferences, name="preferences"),
]

from django.urls import path

from hearth.notifications import views

app_name = "notifications"

urlpatterns = [
    path("notifications/", views.notification_list, name="list"),
    path("notifications/badge/", views.badge, name="badge"),
    path("notifications/read/", views.read_all, name="read_all"),
    path("settings/reaching-out/", views.preferences, name="preferences"),
    path("settings/reaching-out/devices/", views.device_add, name="device_add"),
    path("settings/reaching-out/devices/forget/", views.device_forget, name="device_forget"),
    path(
        "settings/reaching-out/devices/<int:subscription_id>/remove/",
        views.device_remove,
        name="device_remove",
    ),
    path("e-mail/stop/<str:token>/", views.email_stop, name="email_stop"),
]

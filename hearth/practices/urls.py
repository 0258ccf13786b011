from django.urls import path

from hearth.practices import views

app_name = "practices"

R = "r/<int:relationship_id>/"
P = R + "practices/<slug:key>/"

urlpatterns = [
    path(R + "practices/", views.library, name="library"),
    path(P, views.practice, name="practice"),
    path(P + "guided/", views.guided, name="guided"),
    path(P + "reflect/", views.reflect, name="reflect"),
    path(P + "plan/", views.plan_new, name="plan_new"),
    path(R + "plans/<int:plan_id>/", views.plan, name="plan"),
    path(R + "plans/<int:plan_id>/reflect/", views.plan_reflect, name="plan_reflect"),
    path(R + "plans/<int:plan_id>/cancel/", views.plan_cancel, name="plan_cancel"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar"),
    path("settings/calendar/", views.calendar_settings, name="calendar_settings"),
]

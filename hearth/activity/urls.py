from django.urls import path

from hearth.activity import views

app_name = "activity"

urlpatterns = [path("settings/activity/", views.activity_list, name="list")]

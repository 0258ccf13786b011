from django.urls import path

from hearth.checkins import views

app_name = "checkins"

urlpatterns = [path("checkin/", views.checkin, name="checkin")]

from django.urls import path

from hearth.insights import views

app_name = "insights"

urlpatterns = [path("r/<int:relationship_id>/insights/", views.insights, name="dashboard")]

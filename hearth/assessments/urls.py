from django.urls import path

from hearth.assessments import views

app_name = "assessments"

R = "r/<int:relationship_id>/"

urlpatterns = [
    path(R + "profile/", views.profile, name="profile"),
    path(R + "profile/take/", views.take, name="take"),
    path(R + "profile/take/start-again/", views.discard_draft, name="discard_draft"),
    path(R + "profile/<int:assessment_id>/share/", views.share, name="share"),
]

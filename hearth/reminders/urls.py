from django.urls import path

from hearth.reminders import views

app_name = "reminders"

R = "r/<int:relationship_id>/"

urlpatterns = [
    path(R + "reminders/", views.question_reminder, name="question"),
    path(R + "prompts/<int:prompt_id>/nudge/", views.nudge, name="nudge"),
    path("settings/reminders/", views.my_reminders, name="mine"),
    path("today/", views.today, name="today"),
]

from django.urls import path

from hearth.questions import views

app_name = "questions"

R = "r/<int:relationship_id>/"

urlpatterns = [
    path(R + "today/", views.today, name="today"),
    path(R + "prompts/<int:prompt_id>/", views.prompt_detail, name="prompt"),
    path(R + "prompts/<int:prompt_id>/status/", views.prompt_status, name="status"),
    path(R + "prompts/<int:prompt_id>/answer/", views.answer, name="answer"),
    path(R + "prompts/<int:prompt_id>/skip/", views.skip, name="skip"),
    path(R + "prompts/<int:prompt_id>/guess/", views.guess, name="guess"),
    path(R + "answers/<int:answer_id>/react/", views.react, name="react"),
    path(R + "answers/<int:answer_id>/reply/", views.reply, name="reply"),
    path(R + "answers/<int:answer_id>/rate/", views.rate, name="rate"),
    path(R + "journal/", views.journal, name="journal"),
    path(R + "decks/", views.decks, name="decks"),
    path(R + "decks/<slug:deck_key>/start/", views.sitting_start, name="sitting_start"),
    path(R + "sittings/<int:sitting_id>/", views.sitting, name="sitting"),
    path(R + "sittings/<int:sitting_id>/next/", views.sitting_next, name="sitting_next"),
    path(R + "questions/new/", views.own_question, name="own_question"),
    path(R + "preferences/", views.preferences, name="preferences"),
]

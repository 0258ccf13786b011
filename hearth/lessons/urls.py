from django.urls import path

from hearth.lessons import views

app_name = "lessons"

urlpatterns = [
    path("lessons/", views.lesson_list, name="list"),
    path("lessons/<slug:key>/", views.lesson_detail, name="lesson"),
]

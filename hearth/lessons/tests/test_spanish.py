"""Lessons' interface in Spanish: the page around a lesson and its theme through the API. The
lessons themselves stay as written."""

import pytest
from django.urls import reverse
from django.utils import translation

from hearth.lessons.library import lessons
from hearth.tests.api import Caller

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def language_reset_afterwards():
    """A Spanish request leaves Spanish active in the thread; later tests expect the default."""
    yield
    translation.deactivate()


def test_a_lesson_page_speaks_spanish_around_the_lesson(client, ours, alice):
    lesson = next(x for x in lessons() if x.fits("romantic") and x.theme == "trust")
    client.force_login(alice)
    page = client.get(
        reverse("lessons:lesson", args=[lesson.key]) + f"?r={ours.pk}", HTTP_ACCEPT_LANGUAGE="es"
    ).content.decode()
    assert "Pruébalo:" in page and "En qué se basa" in page
    assert "Try it" not in page and "What this rests on" not in page
    assert "Confianza y límites" in page
    assert lesson.title in page

    listed = client.get(reverse("lessons:list"), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Lecturas de dos minutos" in listed and "Two-minute reads" not in listed


def test_a_theme_through_the_api_in_spanish(client, alice):
    caller = Caller(client, alice)
    caller.auth["HTTP_ACCEPT_LANGUAGE"] = "es"
    listed = caller.call("GET", "/api/lessons").json()
    themes = {item["theme"]: item["theme_title"] for item in listed}
    assert themes["repair"] == "Reparar después de un conflicto"

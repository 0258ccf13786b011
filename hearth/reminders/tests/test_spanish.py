"""Reminders in Spanish: the pages, the days and times in words, and the API's refusals."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import translation

from hearth.reminders.models import mask_of
from hearth.reminders.selectors import days_in_words, reminder_in_words, when_in_words
from hearth.reminders.services import question_reminder_set
from hearth.tests.api import Caller

pytestmark = pytest.mark.django_db

SPANISH = {"HTTP_ACCEPT_LANGUAGE": "es"}


def test_the_reminder_pages_speak_spanish(client, ours, alice):
    question_reminder_set(
        member=ours.memberships.get(user=alice),
        at=dt.time(7, 30),
        days=frozenset({0, 2, 4}),
        to_devices=True,
        by_email=False,
        nudges_welcome=True,
    )
    client.force_login(alice)
    page = client.get(reverse("reminders:question", args=[ours.pk]), **SPANISH).content.decode()
    assert "Recordarme la pregunta del día" in page and "Dónde te llega" in page
    assert "Remind me about the day's question" not in page
    mine = client.get(reverse("reminders:mine"), **SPANISH).content.decode()
    assert "07:30, los lunes, miércoles y viernes" in mine


def test_days_and_times_in_spanish_words(alice):
    alice.time_zone = "Europe/Madrid"
    now = dt.datetime(2026, 11, 25, 12, 0, tzinfo=ZoneInfo("Europe/Madrid"))  # a Wednesday
    with translation.override("es"):
        assert days_in_words(mask_of({5, 6})) == "los fines de semana"
        assert days_in_words(mask_of({1})) == "los martes"
        assert reminder_in_words(None, 0) == "Desactivado"
        assert when_in_words(now.replace(hour=19), alice, now) == "hoy a las 19:00"
        assert when_in_words(now + dt.timedelta(hours=13, minutes=30), alice, now) == (
            "mañana a la 01:30"
        )
        assert when_in_words(now + dt.timedelta(days=5), alice, now) == "el lunes a las 12:00"
    assert days_in_words(mask_of({0, 4})) == "on Mondays and Fridays"


def test_a_refusal_through_the_api_speaks_spanish(client, ours, alice):
    as_alice = Caller(client, alice)
    as_alice.auth.update(SPANISH)
    refused = as_alice.call(
        "PUT",
        f"/api/relationships/{ours.pk}/reminders",
        {"at": "19:00", "days": [], "to_devices": True, "by_email": False, "nudges_welcome": True},
    )
    assert refused.status_code == 400
    assert refused.json()["detail"] == "Elige al menos un día, o desactiva el recordatorio."

"""Gratitude's interface in Spanish: the page, a thank-you's confirmation, and a refusal through
the API. What people wrote, and the day's prompt, stay as they are."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation

from hearth.gratitude.models import GratitudeEntry
from hearth.gratitude.services import appreciation_send
from hearth.tests.api import Caller

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def language_reset_afterwards():
    """A Spanish request leaves Spanish active in the thread; later tests expect the default."""
    yield
    translation.deactivate()


def test_the_gratitude_page_and_a_thank_you_in_spanish(client, ours, alice, bob):
    bobs_place = ours.memberships.get(user=bob)
    appreciation_send(sender=bobs_place, recipient_id=ours.memberships.get(user=alice).pk, text="x")
    client.force_login(alice)
    url = reverse("gratitude:page", args=[ours.pk])
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Registro de gratitud" in page and "Gratitude log" not in page
    assert "¿A quién quieres dar las gracias?" in page
    assert "Bob → ti" in page

    sent = client.post(
        reverse("gratitude:appreciate", args=[ours.pk]),
        {"recipient": bobs_place.pk, "text": "Gracias por la cena."},
        HTTP_ACCEPT_LANGUAGE="es",
        follow=True,
    ).content.decode()
    assert "Enviado. Bob lo verá." in sent


def test_a_refusal_through_the_api_in_spanish(client, ours, alice):
    caller = Caller(client, alice)
    caller.auth["HTTP_ACCEPT_LANGUAGE"] = "es"
    mine = ours.memberships.get(user=alice)
    body = {"recipient_id": mine.pk, "text": "A mí"}
    refused = caller.call("POST", f"/api/relationships/{ours.pk}/appreciations", body)
    assert refused.status_code == 400
    assert refused.json()["detail"] == "Elige a otra persona de esta relación."


def test_an_earlier_month_in_spanish(client, ours, alice):
    GratitudeEntry.objects.create(
        member=ours.memberships.get(user=alice), text="El paseo", date=date(2024, 10, 3)
    )
    client.force_login(alice)
    url = reverse("gratitude:page", args=[ours.pk])
    recent = client.get(url, HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Nada en las últimas cuatro semanas." in recent
    assert "Antes: octubre de 2024" in recent
    month = client.get(url + "?month=2024-10", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Gratitud en octubre de 2024" in month and "El paseo" in month
    assert "Las últimas cuatro semanas" in month

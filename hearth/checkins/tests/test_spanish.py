"""The check-in in Spanish: the page, its choices, and the API's refusals."""

import pytest
from django.urls import reverse

from hearth.checkins.services import person_today
from hearth.tests.api import Caller

pytestmark = pytest.mark.django_db

SPANISH = {"HTTP_ACCEPT_LANGUAGE": "es"}


def test_the_check_in_page_speaks_spanish(client, ours, alice):
    client.force_login(alice)
    page = client.get(reverse("checkins:checkin"), **SPANISH).content.decode()
    assert "¿Cómo estás hoy?" in page and "Me desborda" in page
    assert "Que Alice &amp; Bob sepa que me vendría bien apoyo" in page
    assert "How are you today?" not in page and "Overwhelming" not in page


def test_a_refusal_through_the_api_speaks_spanish(client, alice):
    as_alice = Caller(client, alice)
    as_alice.auth.update(SPANISH)
    refused = as_alice.call(
        "PUT",
        f"/api/checkins/{person_today(alice).isoformat()}",
        {"mood": 3, "stress": 3, "systolic": 120},
    )
    assert refused.status_code == 400
    assert refused.json()["detail"] == "Indica las dos cifras de la presión arterial, o ninguna."

"""The weekly review in Spanish: the page, with its counts in the right plural, and a refusal
through the API."""

import pytest
from django.urls import reverse
from django.utils import translation

from hearth.tests.api import Caller

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def language_reset_afterwards():
    """A Spanish request leaves Spanish active in the thread; later tests expect the default."""
    yield
    translation.deactivate()


def test_the_weekly_review_page_in_spanish(client, ours, alice):
    client.force_login(alice)
    page = client.get(
        reverse("reviews:week", args=[ours.pk]), HTTP_ACCEPT_LANGUAGE="es"
    ).content.decode()
    assert "Diez minutos tranquilos" in page and "Ten quiet minutes" not in page
    assert "1. ¿Qué salió bien en la relación esta semana?" in page
    assert "0 agradecimientos" in page and "thank-you" not in page


def test_a_refusal_through_the_api_in_spanish(client, ours, alice):
    caller = Caller(client, alice)
    caller.auth["HTTP_ACCEPT_LANGUAGE"] = "es"
    refused = caller.call("PUT", f"/api/relationships/{ours.pk}/review", {})
    assert refused.status_code == 400
    assert refused.json()["detail"] == (
        "Escribe al menos una cosa, da las gracias a alguien o planea algo."
    )

"""The intimacy profile in Spanish: its pages, its refusals and the API's words."""

import pytest
from django.urls import reverse
from django.utils import translation

from hearth.assessments.tests.takings import step_form
from hearth.assessments.tests.test_meanings import mixed_profile

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def the_default_language_afterwards():
    """A request in Spanish leaves Spanish active in this thread; later tests expect English."""
    yield
    translation.deactivate()


def test_the_profile_page_speaks_spanish(client, ours, alice, bob):
    mixed_profile(ours.memberships.get(user=alice), trust=7, communication=2)
    mixed_profile(ours.memberships.get(user=bob), trust=7, communication=6)
    client.force_login(alice)
    page = client.get(
        reverse("assessments:profile", args=[ours.pk]), HTTP_ACCEPT_LANGUAGE="es"
    ).content.decode()
    assert "Lo que dice tu perfil" in page and "What your profile says" not in page
    assert "margen para crecer" in page and "room to grow" not in page
    assert "Entre tú y Bob hay visiones distintas de esto." in page
    assert "see this differently" not in page
    # A meter's value is a number for the browser, not words for the reader: never "66,7".
    assert 'value="66.7"' in page


def test_a_step_left_half_answered_is_refused_in_spanish(client, ours, alice):
    place = ours.memberships.get(user=alice)
    client.force_login(alice)
    form = step_form(place, 1)
    unanswered = [key for key in form if key not in ("step", "go")][:2]
    page = client.post(
        reverse("assessments:take", args=[ours.pk]),
        {key: value for key, value in form.items() if key not in unanswered},
        HTTP_ACCEPT_LANGUAGE="es",
    ).content.decode()
    assert "Paso 1 de 9" in page and "Step 1 of 9" not in page
    assert (
        "Por favor, responde todas las afirmaciones de este paso: quedan 2 sin responder." in page
    )
    assert "Elige hasta qué punto es cierto para ti." in page
    assert "Muy de acuerdo" in page and "Strongly agree" not in page


def test_the_profile_api_refuses_and_explains_in_spanish(client, ours, alice, bob):
    client.force_login(alice)
    refused = client.post(
        f"/api/relationships/{ours.pk}/profiles",
        {"answers": {}},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="es",
    )
    assert refused.status_code == 400
    assert "quedan 45 sin responder" in refused.json()["detail"]
    mixed_profile(ours.memberships.get(user=alice), trust=7)
    mixed_profile(ours.memberships.get(user=bob), trust=7)
    side = client.get(f"/api/relationships/{ours.pk}/profiles", HTTP_ACCEPT_LANGUAGE="es").json()
    assert side["together"]["trust"].endswith("una fortaleza compartida.")
    trust = next(m for m in side["meanings"] if m["key"] == "trust")
    assert trust["band_words"] == "una verdadera fortaleza para ti"

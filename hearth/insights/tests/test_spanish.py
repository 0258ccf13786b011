"""The insights page and its API in Spanish: sentences, numbers and dates the reader's way."""

import pytest
from django.urls import reverse
from django.utils import translation

from hearth.insights.tests.test_dashboard import history

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def the_default_language_afterwards():
    """A request in Spanish leaves Spanish active in this thread; later tests expect English."""
    yield
    translation.deactivate()


def test_the_insights_page_speaks_spanish_with_spanish_numbers(client, ours, alice):
    history(alice, ours.memberships.get(user=alice), 40)
    client.force_login(alice)
    page = client.get(
        reverse("insights:dashboard", args=[ours.pk]), HTTP_ACCEPT_LANGUAGE="es"
    ).content.decode()
    assert "Cómo nos va" in page and "How we're doing" not in page
    assert "Cercanía, media de 7 días" in page and "7-day average" not in page
    assert "Qué parece acompañar a los días de más cercanía" in page
    assert "Los días después de abrazos o contacto físico" in page
    assert "Days after" not in page and "The numbers" not in page
    assert "intervalo del 95 %" in page
    # Decimals with a comma, as Spanish writes them.
    assert "Tu cercanía tuvo una media de " in page
    average = page.split("Tu cercanía tuvo una media de ")[1].split(" ")[0]
    assert "," in average and "." not in average


def test_a_newcomer_reads_the_start_in_spanish(client, ours, alice):
    client.force_login(alice)
    page = client.get(
        reverse("insights:dashboard", args=[ours.pk]), HTTP_ACCEPT_LANGUAGE="es"
    ).content.decode()
    assert "Una semana tranquila por ahora." in page and "A quiet week so far." not in page
    assert "haz un check-in para empezar" in page


def test_the_insights_api_says_it_in_spanish(client, ours, alice):
    history(alice, ours.memberships.get(user=alice), 40)
    client.force_login(alice)
    body = client.get(f"/api/relationships/{ours.pk}/insights", HTTP_ACCEPT_LANGUAGE="es").json()
    assert body["caveat"].startswith("Son patrones en tus propios check-ins")
    assert body["charts"][0]["title"] == "Cercanía, media de 7 días"
    hugs = next(a for a in body["associations"] if a["behaviour"] == "a day with hugs or touch")
    assert hugs["sentence"].startswith("Los días después de abrazos o contacto físico, te sentiste")

"""The practices' interface in Spanish: the library and a practice's page, a refusal through the
API, and the calendar feed in its owner's language. The practices themselves stay English."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from hearth.practices.library import library
from hearth.practices.services import calendar_feed_renew, plan_make
from hearth.tests.api import Caller

pytestmark = pytest.mark.django_db

EMOTIONAL = next(p for p in library() if p.category == "emotional" and "romantic" in p.kinds)


@pytest.fixture(autouse=True)
def language_reset_afterwards():
    """A Spanish request leaves Spanish active in the thread; later tests expect the default."""
    yield
    translation.deactivate()


def test_the_library_and_a_practice_speak_spanish(client, ours, alice):
    client.force_login(alice)
    library_page = client.get(
        reverse("practices:library", args=[ours.pk]), HTTP_ACCEPT_LANGUAGE="es"
    ).content.decode()
    assert "Cosas para hacer, no solo para hablar" in library_page
    assert "Things to do, not just talk about" not in library_page
    assert "Conexión emocional" in library_page

    page = client.get(
        reverse("practices:practice", args=[ours.pk, EMOTIONAL.key]), HTTP_ACCEPT_LANGUAGE="es"
    ).content.decode()
    assert "Empezar, paso a paso" in page and "Start, one step at a time" not in page
    assert "¿Cuánta cercanía sientes ahora?" in page
    assert EMOTIONAL.title in page  # content stays as written

    guided = client.get(
        reverse("practices:guided", args=[ours.pk, EMOTIONAL.key]), HTTP_ACCEPT_LANGUAGE="es"
    ).content.decode()
    assert 'data-step-count="Paso {n} de {total}"' in guided


def test_a_refusal_and_a_label_through_the_api_in_spanish(client, ours, alice):
    caller = Caller(client, alice)
    caller.auth["HTTP_ACCEPT_LANGUAGE"] = "es"
    past = (timezone.now() - timedelta(days=1)).isoformat()
    body = {"practice_key": EMOTIONAL.key, "starts_at": past}
    refused = caller.call("POST", f"/api/relationships/{ours.pk}/plans", body)
    assert refused.status_code == 400
    assert refused.json()["detail"] == "Elige un momento que todavía no haya pasado."

    one = caller.call("GET", f"/api/relationships/{ours.pk}/practices/{EMOTIONAL.key}").json()
    assert one["category_title"] == "Conexión emocional"


def test_the_calendar_feed_is_named_in_its_owners_language(client, ours, alice):
    alice.language = "es"
    alice.save()
    member = ours.memberships.get(user=alice)
    plan_make(
        member=member, practice_key=EMOTIONAL.key, starts_at=timezone.now() + timedelta(days=1)
    )
    feed = calendar_feed_renew(user=alice)
    body = client.get(reverse("practices:calendar", args=[feed.token])).content.decode()
    assert "Hearth: prácticas planeadas" in body

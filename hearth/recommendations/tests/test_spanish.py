"""The one-line reasons in Spanish: built with their placeholders, and through the API."""

from datetime import timedelta

import pytest
from django.utils import translation

from hearth.checkins.models import CheckIn, RelationshipCheckIn
from hearth.practices.library import library
from hearth.questions.selection import relationship_today
from hearth.recommendations.learning import Belief
from hearth.recommendations.selectors import practice_reason, recommendations_for
from hearth.tests.api import Caller

GRATITUDE = next(p for p in library() if p.category == "gratitude")


@pytest.fixture(autouse=True)
def language_reset_afterwards():
    """A Spanish request leaves Spanish active in the thread; later tests expect the default."""
    yield
    translation.deactivate()


def test_a_reason_names_the_category_in_spanish():
    with translation.override("es"):
        reason = practice_reason(GRATITUDE, Belief(successes=5, failures=0), None, alone=False)
    assert reason == "Porque «gratitud» ya te ha acercado antes."
    assert practice_reason(GRATITUDE, Belief(successes=5, failures=0), None, alone=False) == (
        "Because gratitude has brought you closer before."
    )


@pytest.mark.django_db
def test_the_weakest_dimension_is_named_in_spanish(ours, alice):
    alices_place = ours.memberships.get(user=alice)
    today = relationship_today(ours)
    for n in range(7):
        checkin = CheckIn.objects.create(
            user=alice, date=today - timedelta(days=n), mood=3, stress=2
        )
        RelationshipCheckIn.objects.create(
            checkin=checkin, member=alices_place, closeness=5, affection=False, felt_understood=6
        )
    with translation.override("es"):
        reasons = [r.reason for r in recommendations_for(alices_place)]
    assert "Porque el afecto ha sido lo más bajo para ti últimamente." in reasons


@pytest.mark.django_db
def test_reasons_through_the_api_follow_the_callers_language(client, ours, alice):
    caller = Caller(client, alice)
    caller.auth["HTTP_ACCEPT_LANGUAGE"] = "es"
    found = caller.call("GET", f"/api/relationships/{ours.pk}/recommendations").json()
    reasons = {r["kind"]: r["reason"] for r in found}
    assert reasons["practice"] == "Algo que aún no se ha probado en compañía."
    assert reasons["lesson"] == "Una lectura de dos minutos que aún no has abierto."
    assert all("haven't" not in r["reason"] for r in found)

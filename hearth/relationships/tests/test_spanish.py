"""Relationships in Spanish: the pages, and the API's refusals."""

import pytest

from hearth.relationships.models import Invitation
from hearth.tests.api import Caller

pytestmark = pytest.mark.django_db

SPANISH = {"HTTP_ACCEPT_LANGUAGE": "es"}


def test_the_relationship_page_speaks_spanish(client, ours, alice):
    client.force_login(alice)
    page = client.get(f"/r/{ours.pk}/", **SPANISH).content.decode()
    assert "Invita a alguien" in page and "De pareja · Comprometida" in page
    assert "Invite someone" not in page and "Romantic" not in page


def test_an_invitation_reads_in_spanish_for_its_kind(client, ours, alice):
    invitation = Invitation.objects.create(relationship=ours, created_by=alice)
    page = client.get(f"/invite/{invitation.token}/", **SPANISH).content.decode()
    assert "Alice te invita a unirte a esta relación de pareja en Hearth" in page
    assert "(por ahora, 2 personas)" in page
    english = client.get(f"/invite/{invitation.token}/").content.decode()
    assert "this romantic relationship on Hearth" in english


def test_refusals_through_the_api_speak_spanish(client, alice):
    as_alice = Caller(client, alice)
    as_alice.auth.update(SPANISH)
    refused = as_alice.call("POST", "/api/invitations/accept", {"code": "NOPE"})
    assert refused.status_code == 400
    assert refused.json()["detail"] == (
        "Eso no parece un código de invitación. "
        "Los códigos tienen 8 letras y cifras, como ABCD-2345."
    )

import json
from typing import Any

import pytest
from django.test import Client

from hearth.accounts.services import api_token_create
from hearth.relationships.models import Relationship

pytestmark = pytest.mark.django_db


def bearer(user) -> dict[str, str]:
    _, raw = api_token_create(user=user, name="tests")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def post(client: Client, url: str, body: dict, **headers: Any) -> Any:
    return client.post(url, json.dumps(body), content_type="application/json", **headers)


def test_the_whole_membership_journey_through_the_api(client, alice, charlie):
    as_alice, as_charlie = bearer(alice), bearer(charlie)
    created = post(
        client,
        "/api/relationships",
        {"name": "Climbing crew", "kind": "friendship", "time_zone": "Europe/Madrid"},
        **as_alice,
    )
    assert created.status_code == 201
    relationship_id = created.json()["id"]
    assert created.json()["phase"] == "new"

    invitation = post(client, f"/api/relationships/{relationship_id}/invitations", {}, **as_alice)
    assert invitation.status_code == 201
    code = invitation.json()["code"]
    assert invitation.json()["link"].endswith(
        f"/invite/{invitation.json()['link'].split('/')[-2]}/"
    )

    accepted = post(client, "/api/invitations/accept", {"code": code.lower()}, **as_charlie)
    assert accepted.status_code == 201
    assert accepted.json()["id"] == relationship_id

    members = client.get(f"/api/relationships/{relationship_id}/members", **as_charlie).json()
    assert [(m["display_name"], m["is_me"]) for m in members] == [
        ("Alice", False),
        ("Charlie", True),
    ]

    left = post(client, f"/api/relationships/{relationship_id}/leave", {}, **as_charlie)
    assert left.status_code == 204
    assert Relationship.objects.get(pk=relationship_id).is_archived


def test_reusing_an_invitation_code_is_a_clear_400(client, ours, alice, bob, charlie):
    as_alice = bearer(alice)
    code = post(client, f"/api/relationships/{ours.pk}/invitations", {}, **as_alice).json()["code"]
    post(client, "/api/invitations/accept", {"code": code}, **bearer(charlie))
    again = post(client, "/api/invitations/accept", {"code": code}, **bearer(bob))
    assert again.status_code == 400
    assert "already been used" in again.json()["detail"]


def test_malformed_input_is_a_4xx_with_a_message_and_changes_nothing(client, alice):
    as_alice = bearer(alice)
    bad_kind = post(client, "/api/relationships", {"name": "x", "kind": "boss"}, **as_alice)
    assert bad_kind.status_code == 422
    bad_zone = post(
        client,
        "/api/relationships",
        {"name": "x", "kind": "other", "time_zone": "Atlantis"},
        **as_alice,
    )
    assert bad_zone.status_code == 422
    assert "time zone" in json.dumps(bad_zone.json())
    not_json = client.post(
        "/api/relationships", "{nope", content_type="application/json", **as_alice
    )
    assert 400 <= not_json.status_code < 500
    malformed_code = post(client, "/api/invitations/accept", {"code": "??"}, **as_alice)
    assert malformed_code.status_code == 400
    assert not Relationship.objects.exists()


def test_revoking_an_invitation_through_the_api(client, ours, alice, charlie):
    as_alice = bearer(alice)
    made = post(client, f"/api/relationships/{ours.pk}/invitations", {}, **as_alice).json()
    revoked = client.delete(f"/api/relationships/{ours.pk}/invitations/{made['id']}", **as_alice)
    assert revoked.status_code == 204
    assert client.get(f"/api/relationships/{ours.pk}/invitations", **as_alice).json() == []
    refused = post(client, "/api/invitations/accept", {"code": made["code"]}, **bearer(charlie))
    assert refused.status_code == 400


def test_changing_a_relationship_through_the_api(client, ours, bob):
    changed = client.patch(
        f"/api/relationships/{ours.pk}",
        json.dumps({"phase": "long_term"}),
        content_type="application/json",
        **bearer(bob),
    )
    assert changed.status_code == 200
    assert changed.json()["phase"] == "long_term"
    assert changed.json()["name"] == "Alice & Bob"


def test_session_writes_need_the_csrf_token(alice):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(alice)
    assert browser.get("/api/relationships").status_code == 200
    refused = post(browser, "/api/relationships", {"name": "x", "kind": "other"})
    assert refused.status_code == 403
    assert not Relationship.objects.exists()


def test_the_openapi_schema_describes_what_exists(client):
    schema = client.get("/api/openapi.json").json()
    paths = set(schema["paths"])
    assert {
        "/api/me",
        "/api/relationships",
        "/api/relationships/{relationship_id}",
        "/api/relationships/{relationship_id}/members",
        "/api/relationships/{relationship_id}/invitations",
        "/api/invitations/accept",
    } <= paths
    assert set(schema["components"]["securitySchemes"]) == {"TokenAuth", "SessionAuth"}


def test_the_api_docs_are_served_by_the_app_itself(client):
    page = client.get("/api/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle" in page
    assert "cdn" not in page.lower()

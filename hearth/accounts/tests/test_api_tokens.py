import json

import pytest

from hearth.accounts.models import ApiToken

pytestmark = pytest.mark.django_db


def test_a_token_is_shown_once_and_only_its_hash_is_kept(client, alice):
    client.force_login(alice)
    client.post("/settings/tokens/", {"name": "scripts"})
    page = client.get("/settings/").content.decode()
    token = ApiToken.objects.get(user=alice)
    raw = page.split('id="new-token" class="copy" readonly value="')[1].split('"')[0]
    assert raw.startswith("hearth_") and raw not in token.token_hash
    assert raw not in client.get("/settings/").content.decode()


def test_a_token_signs_in_to_the_api_until_revoked(client, alice):
    client.force_login(alice)
    created = client.post(
        "/api/tokens", json.dumps({"name": "cli"}), content_type="application/json"
    ).json()
    client.logout()
    auth = {"HTTP_AUTHORIZATION": f"Bearer {created['token']}"}
    assert client.get("/api/me", **auth).json()["email"] == "alice@example.com"

    client.force_login(alice)
    assert client.delete(f"/api/tokens/{created['id']}").status_code == 204
    client.logout()
    assert client.get("/api/me", **auth).status_code == 401


def test_an_unknown_token_is_refused(client):
    response = client.get("/api/me", HTTP_AUTHORIZATION="Bearer hearth_made-up")
    assert response.status_code == 401


def test_changing_the_profile_through_the_api(client, alice):
    client.force_login(alice)
    changed = client.patch(
        "/api/me", json.dumps({"pronouns": "they/them"}), content_type="application/json"
    )
    assert changed.json()["pronouns"] == "they/them"
    assert changed.json()["display_name"] == "Alice"
    bad = client.patch(
        "/api/me", json.dumps({"time_zone": "Nowhere"}), content_type="application/json"
    )
    assert bad.status_code == 422

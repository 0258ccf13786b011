"""Membership is the one key to a relationship: every relationship route says 404 to anyone else."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from hearth.api import api
from hearth.relationships import services

pytestmark = pytest.mark.django_db


def relationship_routes() -> list[str]:
    """Every page route that takes a relationship, found from the URL resolver."""
    found: list[str] = []

    def walk(patterns: list, prefix: str) -> None:
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, route)
            elif isinstance(pattern, URLPattern) and "<int:relationship_id>" in route:
                found.append(route)

    walk(get_resolver().url_patterns, "/")
    return found


def api_relationship_operations() -> list[tuple[str, str]]:
    schema = api.get_openapi_schema()
    return [
        (method.upper(), path)
        for path, operations in schema["paths"].items()
        if "{relationship_id}" in path
        for method in operations
    ]


def fill(route: str, relationship_id: int, other_id: int) -> str:
    route = route.replace("<int:relationship_id>", str(relationship_id))
    route = route.replace("{relationship_id}", str(relationship_id))
    return re.sub(r"<\w+:\w+>|\{\w+\}", str(other_id), route)


def test_the_route_lists_are_not_empty():
    assert len(relationship_routes()) >= 7
    assert len(api_relationship_operations()) >= 6


@pytest.mark.parametrize("method", ["get", "post"])
def test_every_relationship_page_is_404_for_a_non_member(client, ours, alice, charlie, method):
    invitation = services.invitation_create(member=ours.memberships.get(user=alice))
    client.force_login(charlie)
    for route in relationship_routes():
        url = fill(route, ours.pk, invitation.pk)
        response = getattr(client, method)(url)
        assert response.status_code in (404, 405), url
        assert b"Alice" not in response.content, url
    invitation.refresh_from_db()
    assert invitation.revoked_at is None
    assert ours.memberships.current().count() == 2
    assert not ours.is_archived


def test_every_relationship_page_asks_a_stranger_to_log_in(client, ours):
    for route in relationship_routes():
        response = client.get(fill(route, ours.pk, 1))
        assert response.status_code in (302, 405)
        if response.status_code == 302:
            assert response["Location"].startswith("/accounts/login/")


def test_every_relationship_api_operation_is_404_for_a_non_member(client, ours, alice, charlie):
    """A non-member learns nothing: the answer is the same as for a relationship that
    doesn't exist (404, or 422 when the body is malformed before anything is looked up)."""
    invitation = services.invitation_create(member=ours.memberships.get(user=alice))
    client.force_login(charlie)
    missing = ours.pk + 10_000
    for method, path in api_relationship_operations():
        url = fill(path, ours.pk, invitation.pk)
        response = client.generic(method, url, "{}", content_type="application/json")
        nowhere = client.generic(
            method, fill(path, missing, invitation.pk), "{}", content_type="application/json"
        )
        assert response.status_code in (404, 422), (method, url, response.content)
        assert (response.status_code, response.content) == (nowhere.status_code, nowhere.content)
        assert b"Alice" not in response.content
    invitation.refresh_from_db()
    assert invitation.revoked_at is None
    assert ours.memberships.current().count() == 2


def test_every_api_operation_refuses_anonymous_callers(client, ours):
    schema = api.get_openapi_schema()
    for path, operations in schema["paths"].items():
        for method in operations:
            url = fill(path, ours.pk, 1)
            response = client.generic(method.upper(), url, "{}", content_type="application/json")
            assert response.status_code == 401, (method, url)


def test_a_member_who_left_loses_access(client, ours, alice):
    services.member_leave(member=ours.memberships.get(user=alice))
    client.force_login(alice)
    assert client.get(f"/r/{ours.pk}/").status_code == 404
    assert client.get(f"/api/relationships/{ours.pk}").status_code == 404

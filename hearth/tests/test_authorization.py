"""The authorization matrix. Routes and API operations are found from the URL resolver and the
OpenAPI schema, so new ones are covered without touching this file. For each one that takes a
relationship (and the objects inside it): anonymous callers are sent to log in (401 in the API),
a signed-in stranger and a member of another relationship get 404 and learn nothing, and a
member gets through."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from hearth.accounts.models import ApiToken
from hearth.accounts.services import api_token_create
from hearth.accounts.tests.factories import UserFactory
from hearth.api import api
from hearth.practices.selectors import practices_for
from hearth.practices.services import plan_make
from hearth.questions import services as question_services
from hearth.questions.tests.factories import answer_as, todays_prompt
from hearth.relationships import services
from hearth.relationships.tests.factories import add_member
from hearth.reviews.services import review_contribute

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


@pytest.fixture(params=["stranger", "member of another relationship", "former member"])
def outsider(request, theirs, charlie, ours):
    if request.param == "stranger":
        return UserFactory.create(display_name="Stranger")
    if request.param == "former member":
        former = UserFactory.create(display_name="Former")
        services.member_leave(member=add_member(ours, former))
        return former
    return charlie


@pytest.mark.parametrize("method", ["get", "post"])
def test_every_relationship_page_is_404_for_a_non_member(client, ours, alice, outsider, method):
    invitation = services.invitation_create(member=ours.memberships.get(user=alice))
    client.force_login(outsider)
    for route in relationship_routes():
        url = fill(route, ours.pk, invitation.pk)
        response = getattr(client, method)(url)
        assert response.status_code in (404, 405), url
        assert b"Alice" not in response.content, url
        assert ours.name.encode() not in response.content, url
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


def test_every_relationship_api_operation_is_404_for_a_non_member(client, ours, alice, outsider):
    """A non-member learns nothing: the answer is the same as for a relationship that
    doesn't exist (404, or 422 when the body is malformed before anything is looked up)."""
    invitation = services.invitation_create(member=ours.memberships.get(user=alice))
    client.force_login(outsider)
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
        assert ours.name.encode() not in response.content
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


def test_a_member_gets_through_on_every_page_and_read(client, ours, alice, bob):
    prompt = todays_prompt(ours)
    answer_as(ours.memberships.get(user=alice), prompt)
    answer_as(ours.memberships.get(user=bob), prompt)
    alices_place = ours.memberships.get(user=alice)
    sitting = question_services.sitting_start(member=alices_place, deck_key="gratitude-and-love")
    practice = practices_for(ours)[0].key
    plan = plan_make(member=alices_place, practice_key=practice, starts_at=timezone.now())
    review = review_contribute(member=alices_place, went_well="a good week").review
    inside = {"sittings/": sitting.pk, "plans/": plan.pk, "review/": review.pk}

    def filled(route: str) -> str:
        route = route.replace("<slug:key>", practice).replace("{key}", practice)
        object_id = next((pk for part, pk in inside.items() if part in route), prompt.pk)
        return fill(route, ours.pk, object_id)

    client.force_login(alice)
    for route in relationship_routes():
        url = filled(route)
        response = client.get(url)
        if response.status_code == 405:
            continue  # a write-only route; its rules have their own tests
        assert response.status_code in (200, 302), url
    for method, path in api_relationship_operations():
        if method != "GET":
            continue
        url = filled(path)
        assert client.get(url).status_code in (200, 204), url


def test_nobody_revokes_another_persons_api_token(client, alice, bob):
    token, _ = api_token_create(user=alice, name="alice's")
    client.force_login(bob)
    assert client.delete(f"/api/tokens/{token.pk}").status_code == 404
    client.post(f"/settings/tokens/{token.pk}/revoke/")
    assert ApiToken.objects.filter(pk=token.pk).exists()

"""Bad input anywhere gets a clear 4xx with a message, and nothing already saved changes."""

import html
import json
import re

import pytest
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.signed_cookies import SessionStore

from hearth.questions import services
from hearth.questions.models import Answer, Boundary, Prompt
from hearth.questions.tests.factories import answer_as, give_options, todays_prompt
from hearth.refusals import refusal_shown
from hearth.relationships.models import Relationship

pytestmark = pytest.mark.django_db


def send(client, method: str, url: str, raw: str):
    return client.generic(method, url, raw, content_type="application/json")


@pytest.fixture
def signed_in(client, alice, ours):
    client.force_login(alice)
    return client


def snapshot(ours) -> tuple:
    return (
        list(Relationship.objects.values_list("name", "phase", "time_zone")),
        list(Answer.objects.values_list("pk", "text", "choice")),
        list(Prompt.objects.values_list("pk", "skipped_at", "revealed_at")),
    )


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("POST", "/api/relationships", "{not json"),
        ("POST", "/api/relationships", json.dumps({"name": "x" * 500, "kind": "romantic"})),
        ("POST", "/api/relationships", json.dumps({"name": 42, "kind": ["romantic"]})),
        ("PATCH", "/api/relationships/{r}", json.dumps({"time_zone": "Not/AZone"})),
        ("PATCH", "/api/relationships/{r}", json.dumps({"phase": "forever"})),
        ("PUT", "/api/relationships/{r}/prompts/{p}/answer", json.dumps({"text": "x" * 30000})),
        ("PUT", "/api/relationships/{r}/prompts/{p}/answer", json.dumps({"choice": "two"})),
        ("PUT", "/api/relationships/{r}/prompts/99999999/answer", json.dumps({"text": "hi"})),
        ("PUT", "/api/relationships/{r}/prompts/{p}/answer", "[1, 2, 3]"),
        ("GET", "/api/relationships/{r}/journal?date_from=2026-13-45", ""),
        ("GET", "/api/relationships/{r}/journal?category=gossip", ""),
        ("PUT", "/api/relationships/{r}/preferences", json.dumps({"depth_cap": 9})),
        ("POST", "/api/invitations/accept", json.dumps({"code": "!!"})),
        ("POST", "/api/relationships/{r}/sittings", json.dumps({"deck": "x" * 400})),
        ("GET", "/api/relationships/99999999999999999999999", ""),
    ],
)
def test_bad_api_input_is_a_clear_4xx_that_changes_nothing(
    signed_in, ours, alice, bob, method, path, body
):
    prompt = todays_prompt(ours)
    answer_as(ours.memberships.get(user=alice), prompt, "already saved")
    before = snapshot(ours)
    url = path.format(r=ours.pk, p=prompt.pk)
    response = send(signed_in, method, url, body)
    assert 400 <= response.status_code < 500, (url, response.status_code, response.content)
    assert response.json()["detail"], "the reason is given in words"
    assert snapshot(ours) == before


@pytest.mark.parametrize(
    ("path", "form"),
    [
        ("/r/{r}/settings/", {"name": "", "phase": "sometimes", "time_zone": "Mars"}),
        ("/r/{r}/prompts/{p}/answer/", {"text": "y" * 6000}),
        ("/r/{r}/questions/new/", {"text": "short", "category": "gossip", "depth": "7"}),
        ("/r/{r}/preferences/", {"depth_cap": "12", "boundaries": ["nonsense"]}),
        ("/settings/", {"display_name": "", "time_zone": "Nowhere"}),
    ],
)
def test_bad_form_input_is_explained_and_changes_nothing(signed_in, ours, alice, path, form):
    prompt = todays_prompt(ours)
    answer_as(ours.memberships.get(user=alice), prompt, "already saved")
    before = snapshot(ours)
    response = signed_in.post(path.format(r=ours.pk, p=prompt.pk), form)
    assert response.status_code in (200, 400)
    page = response.content.decode()
    assert 'class="errorlist' in page or 'class="message error' in page
    assert snapshot(ours) == before


def error_on(page: str, field: str) -> str:
    """The words of the message a form shows on one field ('' when there is none)."""
    found = re.search(rf'<ul class="errorlist" id="id_{re.escape(field)}_error">(.*?)</ul>', page)
    return re.sub(r"<[^>]+>", "", found.group(1)) if found else ""


@pytest.mark.parametrize(
    ("path", "form", "field", "typed"),
    [
        ("/r/{r}/prompts/{p}/answer/", {"text": "y" * 6000, "choice": "0"}, "text", "y" * 6000),
        ("/r/{r}/prompts/{p}/answer/", {"text": "no pick", "choice": "9"}, "choice", "no pick"),
        ("/r/{r}/questions/new/", {"text": "short", "category": "memories"}, "text", "short"),
        (
            "/r/{r}/questions/new/",
            {"text": "What made you laugh today?", "category": "gossip", "depth": "1"},
            "category",
            "What made you laugh today?",
        ),
        ("/r/{r}/preferences/", {"depth_cap": "12", "boundaries": ["trust"]}, "depth_cap", None),
        ("/r/{r}/settings/", {"name": "", "phase": "new", "time_zone": "UTC"}, "name", None),
        ("/join/", {"code": "ZZZZ-9999"}, "code", "ZZZZ-9999"),
    ],
)
def test_a_refused_form_says_why_on_the_field_at_fault_and_keeps_what_was_typed(
    signed_in, ours, alice, path, form, field, typed
):
    prompt = give_options(todays_prompt(ours))
    before = snapshot(ours)
    response = signed_in.post(path.format(r=ours.pk, p=prompt.pk), form)
    assert response.status_code == (400 if "/answer/" in path else 200)
    page = html.unescape(response.content.decode())
    assert error_on(page, field), f"a message on {field}"
    assert typed is None or typed in page
    assert snapshot(ours) == before
    assert not Boundary.objects.exists()


def test_a_refusal_on_a_page_undoes_everything_the_view_began_and_says_why(rf, ours, alice):
    """GIVEN a view that calls two services, WHEN the second one says no, THEN the first one's
    change is undone too, and the person reads the refusal's words."""
    request = rf.post("/")
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    member = ours.memberships.get(user=alice)
    with refusal_shown(request):
        services.content_preferences_set(member=member, sexual_content_consent=True, depth_cap=1)
        services.boundaries_set(user=alice, categories={"gossip"})
    member.refresh_from_db()
    assert (member.depth_cap, member.sexual_content_consent) == (3, False)
    assert [m.message for m in get_messages(request)] == ["Unknown categories: gossip."]


def test_an_error_that_is_not_a_refusal_is_never_passed_off_as_one(rf):
    with pytest.raises(ZeroDivisionError), refusal_shown(rf.post("/")):
        _ = 1 / 0

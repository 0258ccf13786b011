"""Each rule of the question loop lives in its service: the page and the API say the same no,
in the same words, and nothing changes."""

import html
import json
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from hearth.accounts.tests.factories import UserFactory
from hearth.questions import services
from hearth.questions.models import Answer, Boundary, Category, Guess, Response
from hearth.questions.services import MAX_ANSWER_LENGTH
from hearth.questions.tests.factories import answer_as, give_options, todays_prompt
from hearth.relationships.tests.factories import add_member

pytestmark = pytest.mark.django_db


def api(client, method: str, url: str, body: dict):
    return client.generic(method, url, json.dumps(body), content_type="application/json")


def shown(response) -> str:
    return html.unescape(response.content.decode())


def error_on(page: str, field: str) -> str:
    """The words of the message a form shows on one field ('' when there is none)."""
    found = re.search(rf'<ul class="errorlist" id="id_{re.escape(field)}_error">(.*?)</ul>', page)
    return re.sub(r"<[^>]+>", "", found.group(1)) if found else ""


def test_a_reply_cannot_follow_a_response_on_another_answer_on_the_page_or_in_the_api(
    client, ours, alice, bob
):
    """GIVEN a shared question with a reply under Alice's answer, WHEN Alice replies to Bob's
    answer as if following that reply, THEN the page and the API both refuse, and no reply is
    added (the page used to post it unthreaded)."""
    a, b = ours.memberships.get(user=alice), ours.memberships.get(user=bob)
    prompt = todays_prompt(ours)
    alices, bobs = answer_as(a, prompt, "alice shares"), answer_as(b, prompt, "bob shares")
    elsewhere = services.reply_add(member=b, answer=alices, text="On Alice's answer.")
    refused = "That isn't a response to this answer, so a reply can't follow it here."
    client.force_login(alice)

    page = client.post(
        reverse("questions:reply", args=[ours.pk, bobs.pk]),
        {"text": "misplaced", "parent": elsewhere.pk},
        follow=True,
    )
    assert refused in shown(page)
    through_api = api(
        client,
        "POST",
        f"/api/relationships/{ours.pk}/answers/{bobs.pk}/replies",
        {"text": "misplaced", "parent_id": elsewhere.pk},
    )
    assert through_api.status_code == 400
    assert through_api.json()["detail"] == refused
    assert list(Response.objects.values_list("pk", flat=True)) == [elsewhere.pk]


def test_a_reply_can_follow_a_response_on_the_same_answer_on_the_page(client, ours, alice, bob):
    a, b = ours.memberships.get(user=alice), ours.memberships.get(user=bob)
    prompt = todays_prompt(ours)
    alices = answer_as(a, prompt, "alice shares")
    answer_as(b, prompt, "bob shares")
    first = services.reply_add(member=b, answer=alices, text="Tell me more?")
    client.force_login(alice)
    client.post(
        reverse("questions:reply", args=[ours.pk, alices.pk]),
        {"text": "Gladly.", "parent": first.pk},
    )
    assert Response.objects.get(member=a).parent == first


def test_only_a_romantic_relationship_can_ask_for_sexual_questions_on_the_page_or_in_the_api(
    client, theirs, charlie
):
    """GIVEN friends, WHEN one of them asks for sexual questions anyway (the page never offers
    it), THEN the page and the API give the same refusal and the settings stay as they were."""
    member = theirs.memberships.get(user=charlie)
    refused = "Sexual questions belong only in romantic relationships."
    url = reverse("questions:preferences", args=[theirs.pk])
    client.force_login(charlie)
    assert "Include sexual questions" not in shown(client.get(url))

    page = client.post(url, {"depth_cap": "1", "sexual_content_consent": "on"})
    assert page.status_code == 200
    assert refused in shown(page)
    through_api = api(
        client,
        "PUT",
        f"/api/relationships/{theirs.pk}/preferences",
        {"depth_cap": 1, "sexual_content_consent": True},
    )
    assert through_api.status_code == 400
    assert through_api.json()["detail"] == refused
    member.refresh_from_db()
    assert (member.sexual_content_consent, member.depth_cap) == (False, 3)


def test_an_answer_longer_than_we_keep_is_refused_on_the_page_and_by_the_api_schema(
    client, ours, alice
):
    """GIVEN the limit the service keeps (MAX_ANSWER_LENGTH), WHEN an answer is one character
    longer, THEN the page says so on the answer field, keeping the words, and the API's
    documented schema refuses it before it is read."""
    prompt = todays_prompt(ours)
    too_long = "w" * (MAX_ANSWER_LENGTH + 1)
    choice = {"choice": 0} if prompt.question.choices else {}
    client.force_login(alice)

    page = client.post(
        reverse("questions:answer", args=[ours.pk, prompt.pk]), {"text": too_long, **choice}
    )
    assert page.status_code == 400
    body = shown(page)
    assert error_on(body, "text") == (
        f"That's longer than we can keep ({MAX_ANSWER_LENGTH + 1} of {MAX_ANSWER_LENGTH} "
        "characters)."
    )
    assert too_long in body
    through_api = api(
        client,
        "PUT",
        f"/api/relationships/{ours.pk}/prompts/{prompt.pk}/answer",
        {"text": too_long, **choice},
    )
    assert through_api.status_code == 422
    assert f"at most {MAX_ANSWER_LENGTH} characters" in through_api.json()["detail"][0]["msg"]
    assert not Answer.objects.exists()

    schemas = client.get("/api/openapi.json").json()["components"]["schemas"]
    assert schemas["AnswerIn"]["properties"]["text"]["maxLength"] == MAX_ANSWER_LENGTH
    assert schemas["ReplyIn"]["properties"]["text"]["maxLength"] == MAX_ANSWER_LENGTH


@pytest.mark.parametrize("about", ["myself", "someone elsewhere", "someone who left"])
def test_a_guess_is_only_about_another_current_member_on_the_page_and_in_the_api(
    client, ours, theirs, alice, charlie, about
):
    """GIVEN a question with options, WHEN Alice guesses about herself, about a member of
    another relationship, or about someone who left, THEN both the page and the API refuse in
    the same words, and no guess is kept."""
    prompt = give_options(todays_prompt(ours))
    former = add_member(ours, UserFactory.create())
    ours.memberships.filter(pk=former.pk).update(left_at=timezone.now())
    target = {
        "myself": ours.memberships.get(user=alice),
        "someone elsewhere": theirs.memberships.get(user=charlie),
        "someone who left": former,
    }[about]
    refused = "Guess about someone else in this relationship."
    client.force_login(alice)

    page = client.post(
        reverse("questions:guess", args=[ours.pk, prompt.pk]),
        {"about": target.pk, "choice": "0"},
        follow=True,
    )
    assert refused in shown(page)
    through_api = api(
        client,
        "POST",
        f"/api/relationships/{ours.pk}/prompts/{prompt.pk}/guesses",
        {"about_member_id": target.pk, "choice": 0},
    )
    assert through_api.status_code == 400
    assert through_api.json()["detail"] == refused
    assert not Guess.objects.exists()


def test_boundaries_are_bounded_to_the_topics_there_are_on_the_page_and_in_the_api(
    client, ours, alice
):
    """GIVEN the topics Hearth has, WHEN someone sends more boundaries than there are topics,
    or a topic that doesn't exist, THEN the API's schema and the page's field refuse, and no
    boundary is kept."""
    client.force_login(alice)
    too_many = [*Category.values, Category.values[0]]
    through_api = api(client, "PUT", "/api/me/boundaries", {"categories": too_many})
    assert through_api.status_code == 422
    assert f"at most {len(Category)} items" in through_api.json()["detail"][0]["msg"]
    schema = client.get("/api/openapi.json").json()["components"]["schemas"]["BoundariesIn"]
    assert schema["properties"]["categories"]["maxItems"] == len(Category)

    page = client.post(
        reverse("questions:preferences", args=[ours.pk]),
        {"depth_cap": "2", "boundaries": ["memories", "gossip"]},
    )
    assert page.status_code == 200
    assert "gossip is not one of the available choices" in error_on(shown(page), "boundaries")
    assert re.search(r'<input[^>]*value="memories"[^>]*checked', page.content.decode())
    assert not Boundary.objects.exists()
    assert ours.memberships.get(user=alice).depth_cap == 3

"""The promises that broke once (former members, invitations, export, deletion, a relationship of
one, the API schema). Each test here failed on the code before it was fixed."""

import io
import json
import re
import zipfile
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from hearth.accounts.tests.factories import PASSWORD
from hearth.assessments.models import Assessment
from hearth.assessments.services import assessment_take, instrument_for
from hearth.checkins.services import RelationshipDay, checkin_save, person_today
from hearth.questions import services
from hearth.questions.models import Prompt
from hearth.questions.selectors import prompt_view
from hearth.questions.tests.factories import answer_as, todays_prompt
from hearth.relationships import services as relationship_services
from hearth.relationships.models import Member

pytestmark = pytest.mark.django_db


def without_csrf_tokens(html: bytes) -> bytes:
    """A page's form tokens are masked afresh on every page drawn; they say nothing else."""
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]*"', b"", html)


def exported(client, user) -> dict:
    client.force_login(user)
    response = client.post(reverse("privacy:export"))
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        return json.loads(archive.read("data.json"))


def test_a_former_members_export_holds_only_what_they_saw_before_leaving(
    client, ours, alice, bob, charlie
):
    """GIVEN alice, bob and charlie, WHEN charlie leaves and a prompt opens and replies come
    after, THEN charlie's export holds what opened before they left, and nothing after."""
    a = ours.memberships.get(user=alice)
    b = ours.memberships.get(user=bob)
    c = relationship_services.invitation_accept(
        user=charlie, invitation=relationship_services.invitation_create(member=a)
    )
    before = todays_prompt(ours, timezone.localdate() - timedelta(days=3))
    for member, words in ((a, "alice-before"), (b, "bob-before"), (c, "charlie-before")):
        answer_as(member, before, words)
    services.reply_add(member=b, answer=before.answers.get(member=c), text="bob-reply-before")

    after = todays_prompt(ours, timezone.localdate() - timedelta(days=2))
    answer_as(c, after, "charlie-answered-then-left")
    answer_as(a, after, "alice-after")
    relationship_services.member_leave(member=c)
    answer_as(b, after, "bob-after")  # the prompt opens now, after charlie left
    services.reply_add(member=b, answer=before.answers.get(member=c), text="bob-reply-after")

    data = exported(client, charlie)
    shared = {row["text"] for row in data["answers_shared_with_me"]}
    replies = {row["text"] for row in data["responses"]}
    mine = {row["text"] for row in data["my_answers"]}
    assert shared == {"alice-before", "bob-before"}
    assert replies == {"bob-reply-before"}
    assert mine == {"charlie-before", "charlie-answered-then-left"}

    # The same window holds in the selector every page reads through.
    c.refresh_from_db()
    after.refresh_from_db()
    assert after.is_revealed
    assert prompt_view(c, after).answers == []


@pytest.mark.parametrize("how", ["revoked", "accepted", "expired"])
def test_an_invitation_link_no_longer_pending_shows_nothing(client, ours, alice, charlie, how):
    invitation = relationship_services.invitation_create(member=ours.memberships.get(user=alice))
    if how == "revoked":
        relationship_services.invitation_revoke(
            member=ours.memberships.get(user=alice), invitation_id=invitation.pk
        )
    elif how == "accepted":
        relationship_services.invitation_accept(user=charlie, invitation=invitation)
    else:
        invitation.created_at = timezone.now() - timedelta(days=30)
        invitation.expires_at = timezone.now() - timedelta(days=1)
        invitation.save()
    unknown = client.get(reverse("relationships:invitation", args=["no-such-token"]))
    page = client.get(reverse("relationships:invitation", args=[invitation.token]))
    assert page.status_code == 404
    assert without_csrf_tokens(page.content) == without_csrf_tokens(unknown.content)
    for secret in (ours.name, "Alice", "romantic", "member"):
        assert secret.encode() not in page.content


def test_the_export_holds_my_checkins_and_profiles(client, ours, alice):
    member = ours.memberships.get(user=alice)
    checkin_save(
        user=alice,
        day=person_today(alice),
        mood=2,
        stress=4,
        sleep_hours=None,
        systolic=118,
        diastolic=76,
        note="checkin-note-5521",
        support_wanted=True,
        relationships=[
            RelationshipDay(
                relationship_id=ours.pk, closeness=6, affection=True, share_support=True
            )
        ],
    )
    answers = {key: 5 for key in (q.key for q in instrument_for(member).questions)}
    assessment_take(member=member, answers=answers, shared=True)

    data = exported(client, alice)
    (checkin,) = data["checkins"]
    assert checkin["note"] == "checkin-note-5521"
    assert (checkin["mood"], checkin["stress"], checkin["systolic"]) == (2, 4, 118)
    assert checkin["support_wanted"] is True
    (day,) = data["checkin_relationships"]
    assert (day["relationship"], day["closeness"], day["share_support"]) == (ours.name, 6, True)
    (profile,) = data["profiles"]
    assert profile["answers"] == answers
    assert profile["shared"] is True and profile["scores"]


def test_deleting_an_account_erases_profiles_and_content_settings(client, ours, alice, bob):
    member = ours.memberships.get(user=bob)
    assessment_take(
        member=member, answers={q.key: 6 for q in instrument_for(member).questions}, shared=True
    )
    services.content_preferences_set(member=member, sexual_content_consent=True, depth_cap=1)
    client.force_login(bob)
    client.post(reverse("privacy:delete"), {"password": PASSWORD, "confirm": "delete my account"})

    former = Member.objects.get(pk=member.pk)
    assert former.user is None
    assert not Assessment.objects.filter(member=former).exists()
    assert (former.sexual_content_consent, former.depth_cap) == (False, 3)


def test_a_person_alone_keeps_their_answer_private_until_another_joins_and_answers(
    client, alice, bob
):
    relationship = relationship_services.relationship_create(
        user=alice, name="Just me for now", kind="romantic", phase="new", time_zone="UTC"
    )
    a = relationship.memberships.get(user=alice)
    prompt = todays_prompt(relationship)
    answer_as(a, prompt, "waiting-for-you")
    prompt.refresh_from_db()
    assert not prompt.is_revealed
    assert prompt_view(a, prompt).answers == []
    with pytest.raises(services.QuestionError):
        services.felt_understood_rate(member=a, answer=prompt.answers.get(), rating=5)

    b = relationship_services.invitation_accept(
        user=bob, invitation=relationship_services.invitation_create(member=a)
    )
    client.force_login(bob)
    page = client.get(reverse("questions:today", args=[relationship.pk])).content.decode()
    assert "have shared" not in page
    assert "waiting-for-you" not in page

    answer_as(b, Prompt.objects.get(pk=prompt.pk), "here-now")
    prompt.refresh_from_db()
    assert prompt.is_revealed
    assert {x.text for x in prompt_view(b, prompt).answers} == {"waiting-for-you", "here-now"}


def test_the_api_schema_has_no_duplicate_keys(client):
    def no_duplicates(pairs: list[tuple[str, object]]) -> dict[str, object]:
        keys = [key for key, _ in pairs]
        duplicated = {key for key in keys if keys.count(key) > 1}
        assert not duplicated, f"duplicated keys {duplicated} in /api/openapi.json"
        return dict(pairs)

    response = client.get("/api/openapi.json")
    json.loads(response.content, object_pairs_hook=no_duplicates)

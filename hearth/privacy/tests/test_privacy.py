"""A person owns their data: a full copy on request, and deletion that really deletes."""

import io
import json
import zipfile

import pytest
from django.urls import reverse

from hearth.accounts.tests.factories import PASSWORD
from hearth.activity.models import Activity
from hearth.questions import services
from hearth.questions.models import Answer, Question, Response
from hearth.questions.tests.factories import answer_as, todays_prompt
from hearth.relationships import services as relationship_services
from hearth.relationships.models import Member
from hearth.tests.scans import every_stored_value

pytestmark = pytest.mark.django_db


def unzip(content: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {name: archive.read(name).decode() for name in archive.namelist()}


def test_the_export_holds_what_i_wrote_and_what_was_shared_with_me(client, ours, alice, bob):
    a, b = ours.memberships.get(user=alice), ours.memberships.get(user=bob)
    shared = todays_prompt(ours)
    mine = answer_as(a, shared, "alice-wrote-this")
    answer_as(b, shared, "bob-shared-this")
    services.reply_add(member=b, answer=mine, text="bob-replied-this")
    hidden = todays_prompt(ours, shared.date.replace(year=shared.date.year - 1))
    answer_as(b, hidden, "bob-not-yet-shared")

    client.force_login(alice)
    response = client.post(reverse("privacy:export"))
    assert response["Content-Type"] == "application/zip"
    files = unzip(response.content)
    assert {"data.json", "my_answers.csv", "answers_shared_with_me.csv", "responses.csv"} <= set(
        files
    )
    everything = "".join(files.values())
    for text in ("alice-wrote-this", "bob-shared-this", "bob-replied-this"):
        assert text in everything
    assert "bob-not-yet-shared" not in everything
    data = json.loads(files["data.json"])
    assert data["profile"][0]["email"] == "alice@example.com"
    assert Activity.objects.filter(user=alice, kind="exported").exists()


def test_the_api_export_is_the_same_archive(client, alice, ours):
    client.force_login(alice)
    response = client.get("/api/me/export")
    assert response.status_code == 200
    assert "data.json" in unzip(response.content)


def test_deleting_an_account_leaves_no_trace_and_keeps_the_others_words(client, ours, alice, bob):
    a, b = ours.memberships.get(user=alice), ours.memberships.get(user=bob)
    prompt = todays_prompt(ours)
    alices = answer_as(a, prompt, "alice-keeps-this")
    bobs = answer_as(b, prompt, "bob-secret-7781")
    alices_reply = services.reply_add(member=a, answer=bobs, text="alice-reply-stays")
    services.reply_add(member=b, answer=alices, text="bob-reply-3390")
    services.felt_understood_rate(member=b, answer=bobs, rating=6)
    services.own_question_add(
        member=b, text="bob-question-4452 for the two of us?", category="memories", depth=1
    )
    client.force_login(bob)
    client.get("/")

    refused = client.post(
        reverse("privacy:delete"), {"password": "wrong", "confirm": "delete my account"}
    )
    assert refused.status_code == 200
    assert Member.objects.filter(user=bob).exists()

    client.post(reverse("privacy:delete"), {"password": PASSWORD, "confirm": "delete my account"})

    stored = every_stored_value()
    for trace in ("bob-secret-7781", "bob-reply-3390", "bob-question-4452", "bob@example.com"):
        assert trace not in stored
    assert "Bob" not in stored.split("\n")
    assert Answer.objects.get(pk=alices.pk).text == "alice-keeps-this"
    assert Response.objects.get(pk=alices_reply.pk).text == "alice-reply-stays"
    removed = Answer.objects.get(pk=bobs.pk)
    assert (removed.text, removed.felt_understood, removed.removed_at is not None) == (
        "",
        None,
        True,
    )
    ours.refresh_from_db()
    assert ours.is_archived, "left with one member, the relationship is archived"
    former = Member.objects.get(relationship=ours, user__isnull=True)
    assert former.left_at is not None and former.display_name == "A former member"

    client.force_login(alice)
    page = client.get(reverse("questions:today", args=[ours.pk])).content.decode()
    assert "alice-keeps-this" in page and "bob-secret-7781" not in page
    members_page = client.get(reverse("relationships:detail", args=[ours.pk])).content.decode()
    assert "A former member left on" in members_page


def test_deleting_through_the_api_needs_the_password_and_the_words(client, alice, ours):
    client.force_login(alice)
    wrong = client.delete(
        "/api/me/account",
        json.dumps({"password": PASSWORD, "confirm": "yes"}),
        content_type="application/json",
    )
    assert wrong.status_code == 400
    done = client.delete(
        "/api/me/account",
        json.dumps({"password": PASSWORD, "confirm": "delete my account"}),
        content_type="application/json",
    )
    assert done.status_code == 204
    assert not Question.objects.filter(author__email="alice@example.com").exists()
    assert not Member.objects.filter(user__email="alice@example.com").exists()


def test_the_api_export_keeps_a_former_member_to_what_they_saw(client, ours, alice, bob, charlie):
    a, b = ours.memberships.get(user=alice), ours.memberships.get(user=bob)
    c = relationship_services.invitation_accept(
        user=charlie, invitation=relationship_services.invitation_create(member=a)
    )
    prompt = todays_prompt(ours)
    answer_as(c, prompt, "charlie-then-left")
    answer_as(a, prompt, "alice-after-charlie-left")
    relationship_services.member_leave(member=c)
    answer_as(b, prompt, "bob-after-charlie-left")
    client.force_login(charlie)
    files = unzip(client.get("/api/me/export").content)
    everything = "".join(files.values())
    assert "charlie-then-left" in everything
    assert "alice-after-charlie-left" not in everything
    assert "bob-after-charlie-left" not in everything

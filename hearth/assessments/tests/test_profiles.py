import json

import pytest
from django.urls import reverse

from hearth.assessments.instrument import instrument, parse_scale
from hearth.assessments.models import Assessment, AssessmentDraft
from hearth.assessments.services import (
    AssessmentError,
    assessment_draft_save,
    assessment_take,
    instrument_for,
)
from hearth.assessments.tests.takings import all_answers
from hearth.content import ContentError

pytestmark = pytest.mark.django_db


def test_the_instrument_has_every_scale_with_reverse_keyed_items():
    scales = {s.key for s in instrument().scales}
    assert scales == {
        "emotional",
        "physical_affection",
        "sexual",
        "spiritual",
        "intellectual",
        "recreational",
        "trust",
        "communication",
        "feeling_valued",
        "satisfaction",
    }
    for scale in scales:
        items = [q for q in instrument().questions if q.scale == scale]
        assert 4 <= len(items) <= 6
        assert any(q.reverse for q in items)


def test_every_scale_says_in_plain_words_what_each_band_of_score_means():
    for scale in instrument().scales:
        sentences = [scale.meaning(band) for band in ("strength", "steady", "grow")]
        assert all(10 <= len(s) <= 200 for s in sentences), scale.key
        assert len(set(sentences)) == 3, scale.key


def test_a_scale_without_what_its_scores_mean_is_refused_as_content():
    raw = {"id": "trust", "title": "Trust", "kind": "pillar", "strength": "Solid as a rock.."}
    with pytest.raises(ContentError, match="trust: steady must say"):
        parse_scale(raw)


def test_the_profile_is_taken_one_scale_per_step_of_about_five_statements():
    steps = instrument().steps
    assert [s.scale.key for s in steps] == [s.key for s in instrument().scales]
    assert [s.number for s in steps] == list(range(1, len(steps) + 1))
    assert all(4 <= len(s.questions) <= 6 for s in steps)
    assert all(q.scale == s.scale.key for s in steps for q in s.questions)


def test_the_sexual_scale_is_offered_only_where_everyone_opted_in(ours):
    member = ours.memberships.first()
    assert "sexual" not in {s.key for s in instrument_for(member).scales}
    assert len(instrument_for(member).steps) == 9
    ours.memberships.update(sexual_content_consent=True)
    member.refresh_from_db()
    assert "sexual" in {s.key for s in instrument_for(member).scales}
    assert len(instrument_for(member).steps) == 10


def test_taking_the_profile_scores_each_scale_from_0_to_100(ours, alice):
    member = ours.memberships.get(user=alice)
    taken = assessment_take(member=member, answers=all_answers(member, 4))
    assert set(taken.scores.values()) == {50.0}
    with pytest.raises(AssessmentError):
        assessment_take(member=member, answers={"emotional-1": 9})


def test_reverse_keyed_statements_count_the_other_way_in_a_taking(ours, alice):
    member = ours.memberships.get(user=alice)
    answers = all_answers(member, 7)
    taken = assessment_take(member=member, answers=answers)
    # Three statements at 7, and strongly agreeing with the two reversed ones ("I often keep my
    # worries to myself here") counts as 1 each: a mean of 4.6, 60 on the 0–100 line.
    assert taken.scores["emotional"] == 60.0


def test_a_profile_is_scored_only_when_every_offered_statement_is_answered(ours, alice):
    member = ours.memberships.get(user=alice)
    answers = all_answers(member, 5)
    left_out = sorted(answers)[:3]
    for key in left_out:
        del answers[key]
    with pytest.raises(AssessmentError, match="3 are still unanswered") as refusal:
        assessment_take(member=member, answers=answers)
    assert refusal.value.fields == dict.fromkeys(left_out, "Choose how true this is for you.")
    assert not Assessment.objects.exists()


def test_answers_in_progress_are_a_draft_never_a_result(ours, alice):
    member = ours.memberships.get(user=alice)
    answers = all_answers(member, 5)
    del answers[next(iter(answers))]
    draft = assessment_draft_save(member=member, answers=answers, shared=True)
    assert draft.answers == answers and draft.shared
    assert not Assessment.objects.exists()
    with pytest.raises(AssessmentError, match="Some answers don't belong"):
        assessment_draft_save(member=member, answers={"sexual-1": 5})
    with pytest.raises(AssessmentError, match="from 1 \\(strongly disagree\\)"):
        assessment_draft_save(member=member, answers={"trust-1": 0})


def test_a_finished_profile_is_done_with_its_draft(ours, alice):
    member = ours.memberships.get(user=alice)
    assessment_draft_save(member=member, answers={"trust-1": 2})
    assessment_take(member=member, answers=all_answers(member, 5))
    assert not AssessmentDraft.objects.filter(member=member).exists()


def test_withdrawn_consent_drops_sexual_answers_from_a_draft_and_keeps_the_rest(ours, alice):
    ours.memberships.update(sexual_content_consent=True)
    member = ours.memberships.get(user=alice)
    assessment_draft_save(member=member, answers={"sexual-1": 6, "trust-1": 3})
    ours.memberships.filter(user=alice).update(sexual_content_consent=False)
    member.refresh_from_db()
    draft = assessment_draft_save(member=member, answers={"trust-2": 4})
    assert draft.answers == {"trust-1": 3, "trust-2": 4}


def test_a_partly_answered_profile_is_refused_in_the_api_saying_how_many_are_missing(
    client, ours, alice
):
    member = ours.memberships.get(user=alice)
    answers = all_answers(member, 4)
    del answers[next(iter(answers))]
    client.force_login(alice)
    response = client.post(
        f"/api/relationships/{ours.pk}/profiles",
        json.dumps({"answers": answers, "shared": True}),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["detail"] == "Please answer every statement: 1 is still unanswered."
    assert not Assessment.objects.exists()


def test_the_api_keeps_answers_in_progress_as_a_draft_to_finish_later(client, ours, alice):
    """GIVEN a client that answered only the first step, WHEN it keeps them as a draft, THEN
    they come back with how far along it is, and no result exists until every one is sent."""
    client.force_login(alice)
    base = f"/api/relationships/{ours.pk}/profile"
    offered = client.get(f"{base}/items").json()
    assert [s["step"] for s in offered["scales"]] == list(range(1, 10))
    first = {i["key"]: 6 for i in offered["items"] if i["scale"] == "emotional"}
    kept = client.put(f"{base}/draft", json.dumps({"answers": first}), "application/json")
    assert kept.status_code == 200
    assert kept.json() | {"started_at": None, "updated_at": None} == {
        "answers": first,
        "shared": False,
        "answered": 5,
        "total": 45,
        "next_step": 2,
        "started_at": None,
        "updated_at": None,
    }
    assert client.get(f"{base}/draft").json()["answers"] == first
    assert not Assessment.objects.exists()

    everything = {i["key"]: 5 for i in offered["items"]}
    taken = client.post(
        f"/api/relationships/{ours.pk}/profiles",
        json.dumps({"answers": everything}),
        "application/json",
    )
    assert taken.status_code == 201
    assert client.get(f"{base}/draft").json()["answered"] == 0
    assert client.delete(f"{base}/draft").status_code == 204


def test_shared_profiles_show_side_by_side_in_words_but_never_item_answers(
    client, ours, alice, bob
):
    a, b = ours.memberships.get(user=alice), ours.memberships.get(user=bob)
    assessment_take(member=a, answers=all_answers(a, 6), shared=True)
    assessment_take(member=b, answers=all_answers(b, 2), shared=False)
    client.force_login(alice)
    profile = reverse("assessments:profile", args=[ours.pk])
    page = client.get(profile).content.decode()
    assert "Bob</th>" not in page, "Bob didn't share"
    assert "Side by side" not in page

    bobs = Assessment.objects.get(member=b)
    client.force_login(bob)
    client.post(reverse("assessments:share", args=[ours.pk, bobs.pk]), {"shared": "on"})
    client.force_login(alice)
    page = client.get(profile).content.decode()
    assert "Bob</th>" in page
    assert "You and Bob see this differently. Ask each other how it looks" in page
    assert "emotional-1" not in page

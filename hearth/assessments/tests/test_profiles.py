import html
import json
import re

import pytest
from django.urls import reverse

from hearth.assessments.instrument import instrument
from hearth.assessments.models import Assessment
from hearth.assessments.services import AssessmentError, assessment_take, instrument_for

pytestmark = pytest.mark.django_db


def all_answers(member, value: int) -> dict[str, int]:
    return {q.key: value for q in instrument_for(member).questions}


def error_on(page: str, field: str) -> str:
    """The words of the message a form shows on one field ('' when there is none)."""
    found = re.search(rf'<ul class="errorlist" id="id_{re.escape(field)}_error">(.*?)</ul>', page)
    return re.sub(r"<[^>]+>", "", found.group(1)) if found else ""


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


def test_the_sexual_scale_is_offered_only_where_everyone_opted_in(ours):
    member = ours.memberships.first()
    assert "sexual" not in {s.key for s in instrument_for(member).scales}
    ours.memberships.update(sexual_content_consent=True)
    member.refresh_from_db()
    assert "sexual" in {s.key for s in instrument_for(member).scales}


def test_taking_the_profile_scores_each_scale_from_0_to_100(ours, alice):
    member = ours.memberships.get(user=alice)
    taken = assessment_take(member=member, answers=all_answers(member, 4))
    assert set(taken.scores.values()) == {50.0}
    with pytest.raises(AssessmentError):
        assessment_take(member=member, answers={"emotional-1": 9})


def test_shared_profiles_show_side_by_side_with_agreement_but_never_item_answers(
    client, ours, alice, bob
):
    a, b = ours.memberships.get(user=alice), ours.memberships.get(user=bob)
    answers = all_answers(a, 6)
    assessment_take(member=a, answers=answers, shared=True)
    hidden = all_answers(b, 2)
    assessment_take(member=b, answers=hidden, shared=False)
    client.force_login(alice)
    page = client.get(reverse("assessments:profile", args=[ours.pk])).content.decode()
    assert "Bob</th>" not in page, "Bob didn't share"

    bobs = Assessment.objects.get(member=b)
    client.force_login(bob)
    client.post(reverse("assessments:share", args=[ours.pk, bobs.pk]), {"shared": "on"})
    client.force_login(alice)
    page = client.get(reverse("assessments:profile", args=[ours.pk])).content.decode()
    assert "Bob</th>" in page and "See it differently" in page
    assert "emotional-1" not in page


def test_taking_the_profile_from_the_page_keeps_history(client, ours, alice):
    member = ours.memberships.get(user=alice)
    client.force_login(alice)
    form = {k: "5" for k in all_answers(member, 5)}
    for _ in range(2):
        client.post(reverse("assessments:take", args=[ours.pk]), form)
    assert Assessment.objects.filter(member=member).count() == 2
    nothing = client.post(reverse("assessments:take", args=[ours.pk]), {})
    assert nothing.status_code == 200
    assert Assessment.objects.filter(member=member).count() == 2


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


def test_a_partly_answered_profile_marks_each_unanswered_statement_and_keeps_every_choice(
    client, ours, alice
):
    """GIVEN the profile page, WHEN Alice answers all but two statements, THEN nothing is saved,
    each of the two says "Choose how true this is for you." and every choice she made is still
    chosen."""
    member = ours.memberships.get(user=alice)
    answers = all_answers(member, 6)
    left_out = sorted(answers)[-2:]
    form = {key: str(value) for key, value in answers.items() if key not in left_out}
    client.force_login(alice)
    response = client.post(reverse("assessments:take", args=[ours.pk]), form)
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert "Please answer every statement: 2 are still unanswered." in page
    assert [key for key in answers if error_on(page, key)] == [
        key for key in answers if key in left_out
    ]
    assert {error_on(page, key) for key in left_out} == {"Choose how true this is for you."}
    kept = re.findall(r'<input type="radio" name="([\w-]+)" value="6"[^>]*checked', page)
    assert sorted(kept) == sorted(form)
    assert not Assessment.objects.exists()


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

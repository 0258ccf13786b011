"""Taking the profile on the page: one scale per step with progress, the answer scale explained
first, every step kept as a draft, and a result only once every statement has an answer."""

import html
import re

import pytest
from django.urls import reverse

from hearth.assessments.models import Assessment, AssessmentDraft
from hearth.assessments.services import assessment_draft_save, instrument_for
from hearth.assessments.tests.takings import all_answers, step_form

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    return html.unescape(response.content.decode())


def radio_groups(page: str) -> list[str]:
    return list(dict.fromkeys(re.findall(r'<input type="radio" name="([\w-]+)"', page)))


def error_on(page: str, field: str) -> str:
    """The words of the message a form shows on one field ('' when there is none)."""
    found = re.search(rf'<ul class="errorlist" id="id_{re.escape(field)}_error">(.*?)</ul>', page)
    return re.sub(r"<[^>]+>", "", found.group(1)) if found else ""


@pytest.fixture
def place(ours, alice, client):
    client.force_login(alice)
    return ours.memberships.get(user=alice)


def take_url(ours, step: int | None = None) -> str:
    url = reverse("assessments:take", args=[ours.pk])
    return f"{url}?step={step}" if step else url


def test_the_first_step_shows_one_scale_with_progress_and_the_answer_scale_before_it(
    client, ours, place
):
    page = text_of(client.get(take_url(ours)))
    first = instrument_for(place).steps[0]
    assert "Step 1 of 9" in page
    assert '<p class="eyebrow" id="step-count">Step 1 of 9</p>' in page
    assert '<progress max="9" value="1" aria-labelledby="step-count">' in page
    assert f"<h1>{first.scale.title}</h1>" in page
    assert radio_groups(page) == first.keys
    legend = page.index("1</span> Strongly disagree")
    assert legend < page.index("7</span> Strongly agree") < page.index(first.questions[0].text)
    assert 'name="shared"' not in page, "the share choice waits for the last step"


def test_a_step_is_asked_for_by_number_and_any_other_number_starts_at_the_beginning(
    client, ours, place
):
    third = instrument_for(place).steps[2]
    page = text_of(client.get(take_url(ours, 3)))
    assert "Step 3 of 9" in page and radio_groups(page) == third.keys
    for nonsense in ("0", "10", "x", "-1"):
        page = text_of(client.get(f"{take_url(ours)}?step={nonsense}"))
        assert "Step 1 of 9" in page, nonsense


def test_each_step_is_kept_as_a_draft_and_a_result_comes_only_at_the_end(client, ours, place):
    """GIVEN Alice on the profile, WHEN she answers step after step, THEN each step is kept in
    her draft and moves her on; nothing is scored until the last step, which saves her profile,
    clears the draft and shows what it says."""
    for number in range(1, 9):
        response = client.post(take_url(ours), step_form(place, number, 5))
        assert response.status_code == 302
        assert response["Location"] == take_url(ours, number + 1)
        assert len(AssessmentDraft.objects.get(member=place).answers) == 5 * number
        assert not Assessment.objects.exists()

    last = text_of(client.get(response["Location"]))
    assert "Step 9 of 9" in last and "Save my profile" in last and 'name="shared"' in last
    form = step_form(place, 9, 5) | {"shared": "on"}
    response = client.post(take_url(ours), form)
    assert response.status_code == 302
    assert response["Location"].endswith("#your-scores")
    taken = Assessment.objects.get(member=place)
    assert taken.answers == all_answers(place, 5) and taken.shared
    assert not AssessmentDraft.objects.exists()
    page = text_of(client.get(response["Location"]))
    assert "Your profile is saved." in page and "What your profile says" in page


def test_a_step_with_statements_unanswered_stays_names_them_and_keeps_every_choice(
    client, ours, place
):
    step = instrument_for(place).steps[0]
    left_out = step.keys[-2:]
    form = {k: v for k, v in step_form(place, 1, 6).items() if k not in left_out}
    response = client.post(take_url(ours), form)
    assert response.status_code == 200
    page = text_of(response)
    assert "Please answer every statement on this step: 2 are still unanswered." in page
    assert [k for k in step.keys if error_on(page, k)] == left_out
    assert {error_on(page, k) for k in left_out} == {"Choose how true this is for you."}
    kept = re.findall(r'<input type="radio" name="([\w-]+)" value="6"[^>]*checked', page)
    assert kept == step.keys[:-2]
    assert not AssessmentDraft.objects.exists()


def test_stopping_part_way_keeps_what_was_chosen_and_carrying_on_resumes_there(client, ours, place):
    """GIVEN two steps done and two statements of the third chosen, WHEN Alice saves to finish
    later, THEN her profile page says how far she got, and carrying on opens the third step with
    her two choices already chosen."""
    client.post(take_url(ours), step_form(place, 1, 4))
    client.post(take_url(ours), step_form(place, 2, 4))
    third = instrument_for(place).steps[2]
    partial = {"step": "3", "go": "later", third.keys[0]: "2", third.keys[1]: "7"}
    response = client.post(take_url(ours), partial)
    assert response["Location"] == reverse("assessments:profile", args=[ours.pk])
    assert not Assessment.objects.exists()

    page = text_of(client.get(response["Location"]))
    assert "Saved so far." in page
    assert "12 of 45 statements answered" in page
    assert "step 3 of 9" in page and "Carry on where I left off" in page

    page = text_of(client.get(take_url(ours)))
    assert "Step 3 of 9" in page
    chosen = re.findall(r'<input type="radio" name="([\w-]+)" value="(\d)"[^>]*checked', page)
    assert chosen == [(third.keys[0], "2"), (third.keys[1], "7")]


def test_back_keeps_the_step_as_it_is_and_goes_to_the_one_before(client, ours, place):
    client.post(take_url(ours), step_form(place, 1, 3))
    second = instrument_for(place).steps[1]
    response = client.post(take_url(ours), {"step": "2", "go": "back", second.keys[0]: "1"})
    assert response["Location"] == take_url(ours, 1)
    assert AssessmentDraft.objects.get(member=place).answers[second.keys[0]] == 1
    page = text_of(client.get(response["Location"]))
    assert len(re.findall(r'value="3"[^>]*checked', page)) == 5


def test_the_last_step_refuses_a_result_while_an_earlier_statement_is_unanswered(
    client, ours, place
):
    """GIVEN a draft with every statement but one answered, WHEN Alice saves the last step,
    THEN no profile is saved, she is taken to the step with the missing statement and told."""
    answers = all_answers(place, 5)
    missing = instrument_for(place).steps[3].keys[2]
    del answers[missing]
    assessment_draft_save(member=place, answers=answers)
    response = client.post(take_url(ours), step_form(place, 9, 5))
    assert response.status_code == 302
    assert not Assessment.objects.exists()
    assert len(AssessmentDraft.objects.get(member=place).answers) == 44
    page = text_of(client.get(response["Location"]))
    assert "Please answer every statement: 1 is still unanswered." in page
    assert "Step 4 of 9" in page and missing in radio_groups(page)


def test_starting_again_forgets_the_answers_in_progress(client, ours, place):
    client.post(take_url(ours), step_form(place, 1, 4))
    response = client.post(reverse("assessments:discard_draft", args=[ours.pk]))
    assert response["Location"] == take_url(ours, 1)
    assert not AssessmentDraft.objects.exists()


def test_the_sexual_step_is_there_only_where_everyone_opted_in(client, ours, place):
    assert "Sexual intimacy" not in text_of(client.get(take_url(ours, 3)))
    ours.memberships.update(sexual_content_consent=True)
    page = text_of(client.get(take_url(ours, 3)))
    assert "Step 3 of 10" in page and "<h1>Sexual intimacy</h1>" in page
    assert set(radio_groups(page)) == {q.key for q in instrument_for(place).questions} & {
        f"sexual-{n}" for n in range(1, 6)
    }


def test_taking_the_profile_again_keeps_the_earlier_ones_as_history(client, ours, place):
    for _ in range(2):
        for number in range(1, 10):
            client.post(take_url(ours), step_form(place, number, 5))
    assert Assessment.objects.filter(member=place).count() == 2
    page = text_of(client.get(reverse("assessments:profile", args=[ours.pk])))
    assert page.count("only you see the scores") == 2

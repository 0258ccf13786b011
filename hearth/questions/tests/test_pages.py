import html
from datetime import timedelta

import pytest
from django.urls import reverse

from hearth.questions import services
from hearth.questions.models import Answer, Guess, Prompt, Question, Response, Sitting
from hearth.questions.selection import relationship_today
from hearth.questions.tests.factories import answer_as, give_options, todays_prompt

pytestmark = pytest.mark.django_db


def page(client, url: str) -> str:
    return html.unescape(client.get(url).content.decode())


def choice_for(prompt: Prompt) -> dict[str, str]:
    return {"choice": "0"} if prompt.question.choices else {}


def test_todays_question_shows_who_answered_but_never_what_before_the_reveal(
    client, ours, alice, bob
):
    prompt = todays_prompt(ours)
    client.force_login(alice)
    today = reverse("questions:today", args=[ours.pk])
    assert prompt.question.text in page(client, today)
    client.post(
        reverse("questions:answer", args=[ours.pk, prompt.pk]),
        {"text": "zebra-lantern-0421", **choice_for(prompt)},
    )

    client.force_login(bob)
    for url in (
        today,
        reverse("questions:prompt", args=[ours.pk, prompt.pk]),
        reverse("questions:status", args=[ours.pk, prompt.pk]),
        reverse("questions:journal", args=[ours.pk]),
        reverse("relationships:detail", args=[ours.pk]),
        f"/api/relationships/{ours.pk}/today",
        f"/api/relationships/{ours.pk}/journal",
    ):
        body = page(client, url)
        assert "zebra-lantern-0421" not in body, url
    assert "Alice" in page(client, today)

    client.post(
        reverse("questions:answer", args=[ours.pk, prompt.pk]),
        {"text": "otter-compass-7788", **choice_for(prompt)},
    )
    both = page(client, today)
    assert "zebra-lantern-0421" in both and "otter-compass-7788" in both
    client.force_login(alice)
    assert "otter-compass-7788" in page(client, today)


def test_an_answer_that_is_too_long_is_shown_again_so_nothing_is_lost(client, ours, alice):
    prompt = todays_prompt(ours)
    client.force_login(alice)
    long_text = "a careful answer " * 400
    response = client.post(
        reverse("questions:answer", args=[ours.pk, prompt.pk]),
        {"text": long_text, **choice_for(prompt)},
    )
    assert response.status_code == 400
    body = html.unescape(response.content.decode())
    assert "longer than we can keep" in body
    assert long_text.strip() in body
    assert not Answer.objects.exists()


def test_waiting_members_get_a_refresh_when_the_answers_open(client, ours, alice, bob):
    prompt = todays_prompt(ours)
    answer_as(ours.memberships.get(user=alice), prompt)
    client.force_login(alice)
    status = reverse("questions:status", args=[ours.pk, prompt.pk])
    assert "HX-Refresh" not in client.get(status)
    answer_as(ours.memberships.get(user=bob), prompt)
    assert client.get(status)["HX-Refresh"] == "true"


def revealed(ours, alice, bob) -> tuple[Prompt, Answer, Answer]:
    prompt = todays_prompt(ours)
    mine = answer_as(ours.memberships.get(user=alice), prompt, "alice shares")
    theirs = answer_as(ours.memberships.get(user=bob), prompt, "bob shares")
    return prompt, mine, theirs


def test_responding_replying_and_rating_after_the_reveal(client, ours, alice, bob):
    _, alices, _ = revealed(ours, alice, bob)
    client.force_login(bob)
    client.post(reverse("questions:react", args=[ours.pk, alices.pk]), {"kind": "thanks"})
    client.post(
        reverse("questions:reply", args=[ours.pk, alices.pk]), {"text": "I loved hearing that."}
    )
    client.force_login(alice)
    body = page(client, reverse("questions:today", args=[ours.pk]))
    assert "Thank you for telling me" in body and "I loved hearing that." in body
    client.post(reverse("questions:rate", args=[ours.pk, alices.pk]), {"rating": "6"})
    alices.refresh_from_db()
    assert alices.felt_understood == 6
    assert Response.objects.filter(answer=alices).count() == 2


def test_only_the_one_who_shared_can_rate_it(client, ours, alice, bob):
    _, alices, _ = revealed(ours, alice, bob)
    client.force_login(bob)
    client.post(reverse("questions:rate", args=[ours.pk, alices.pk]), {"rating": "1"})
    alices.refresh_from_db()
    assert alices.felt_understood is None


def test_a_reaction_can_be_taken_back(client, ours, alice, bob):
    _, alices, _ = revealed(ours, alice, bob)
    client.force_login(bob)
    url = reverse("questions:react", args=[ours.pk, alices.pk])
    client.post(url, {"kind": "same"})
    client.post(url, {"kind": "same"})
    assert not Response.objects.exists()


def test_nobody_reaches_another_relationships_prompts_through_their_own(
    client, ours, theirs, alice, bob, charlie
):
    prompt, alices, _ = revealed(ours, alice, bob)
    client.force_login(charlie)
    for url in (
        reverse("questions:prompt", args=[theirs.pk, prompt.pk]),
        reverse("questions:status", args=[theirs.pk, prompt.pk]),
    ):
        assert client.get(url).status_code == 404
    for url in (
        reverse("questions:react", args=[theirs.pk, alices.pk]),
        reverse("questions:reply", args=[theirs.pk, alices.pk]),
        reverse("questions:skip", args=[theirs.pk, prompt.pk]),
    ):
        assert client.post(url, {"kind": "thanks", "text": "hi"}).status_code == 404
    assert not Response.objects.exists()


def test_skipping_from_the_page_offers_another_question(client, ours, alice):
    prompt = todays_prompt(ours)
    client.force_login(alice)
    response = client.post(reverse("questions:skip", args=[ours.pk, prompt.pk]))
    replacement = Prompt.objects.get(relationship=ours, skipped_at__isnull=True)
    assert response["Location"] == reverse("questions:prompt", args=[ours.pk, replacement.pk])
    assert replacement.question != prompt.question


def test_guessing_before_the_reveal_and_seeing_how_close_after(client, ours, alice, bob):
    prompt = give_options(todays_prompt(ours))
    bobs = ours.memberships.get(user=bob)
    client.force_login(alice)
    client.post(
        reverse("questions:guess", args=[ours.pk, prompt.pk]), {"about": bobs.pk, "choice": "1"}
    )
    assert Guess.objects.get().choice == 1
    answer_as(ours.memberships.get(user=alice), prompt)
    services.answer_submit(member=bobs, prompt=prompt, text="", choice=1)
    body = page(client, reverse("questions:today", args=[ours.pk]))
    assert "spot on" in body
    journal = page(client, reverse("questions:journal", args=[ours.pk]))
    assert "1 of 1" in journal


def test_the_journal_finds_shared_answers_by_words_and_topic(client, ours, alice, bob):
    prompt, _, _ = revealed(ours, alice, bob)
    client.force_login(alice)
    journal = reverse("questions:journal", args=[ours.pk])
    assert prompt.question.text in page(client, journal + "?q=bob+shares")
    assert prompt.question.text not in page(client, journal + "?q=nothing-like-this")
    assert prompt.question.text in page(client, journal + f"?category={prompt.question.category}")
    other = "trust" if prompt.question.category != "trust" else "memories"
    assert prompt.question.text not in page(client, journal + f"?category={other}")
    assert "Nothing matches" in page(client, journal + "?date_from=2099-01-01")


def test_a_sitting_goes_through_a_deck_one_shared_question_at_a_time(client, ours, alice, bob):
    client.force_login(alice)
    started = client.post(reverse("questions:sitting_start", args=[ours.pk, "gratitude-and-love"]))
    sitting = Sitting.objects.get()
    assert started["Location"] == reverse("questions:sitting", args=[ours.pk, sitting.pk])
    first = sitting.prompts.get()
    assert "question 1 of 10" in page(client, started["Location"])
    client.post(reverse("questions:sitting_next", args=[ours.pk, sitting.pk]))
    assert sitting.prompts.count() == 1, "the next question waits until everyone answered"
    answer_as(ours.memberships.get(user=alice), first)
    answer_as(ours.memberships.get(user=bob), first)
    client.post(reverse("questions:sitting_next", args=[ours.pk, sitting.pk]))
    assert sitting.prompts.count() == 2
    assert "question 2 of 10" in page(client, started["Location"])


def test_writing_our_own_question(client, ours, alice):
    client.force_login(alice)
    client.post(
        reverse("questions:own_question", args=[ours.pk]),
        {"text": "Which trip do we keep talking about?", "category": "dreams_future", "depth": "1"},
    )
    question = Question.objects.get(relationship=ours)
    assert question.author == alice
    assert "Which trip do we keep talking about?" in page(
        client, reverse("questions:today", args=[ours.pk])
    )


def test_topics_and_depth_are_saved_per_person(client, ours, alice):
    client.force_login(alice)
    client.post(
        reverse("questions:preferences", args=[ours.pk]),
        {"depth_cap": "2", "sexual_content_consent": "on", "boundaries": ["memories", "trust"]},
    )
    alices = ours.memberships.get(user=alice)
    assert (alices.depth_cap, alices.sexual_content_consent) == (2, True)
    assert set(alice.boundaries.values_list("category", flat=True)) == {"memories", "trust"}


def test_the_answer_that_opens_the_question_is_told_so(client, ours, alice, bob):
    prompt = todays_prompt(ours)
    answer_as(ours.memberships.get(user=alice), prompt)
    client.force_login(bob)
    url = reverse("questions:answer", args=[ours.pk, prompt.pk])
    opened = client.post(url, {"text": "mine too", **choice_for(prompt)}, follow=True)
    text = html.unescape(opened.content.decode())
    assert "Everyone has answered. Here is what you all shared." in text
    assert "Only you can see it until everyone has answered" not in text


def test_how_understood_you_felt_is_asked_once_someone_responded(client, ours, alice, bob):
    prompt = todays_prompt(ours)
    alices = answer_as(ours.memberships.get(user=alice), prompt)
    answer_as(ours.memberships.get(user=bob), prompt)
    services.reveal_if_everyone_answered(prompt)
    client.force_login(alice)
    url = reverse("questions:prompt", args=[ours.pk, prompt.pk])
    assert "Once someone responds to you" in page(client, url)
    assert "How understood did you feel?" not in page(client, url)
    services.reaction_toggle(member=ours.memberships.get(user=bob), answer=alices, kind="thanks")
    assert "How understood did you feel?" in page(client, url)


def test_the_journal_shows_one_month_at_a_time_with_the_months_to_jump_to(client, ours, alice, bob):
    today = relationship_today(ours)
    earlier = today.replace(day=1) - timedelta(days=40)
    for day, words in ((today, "this-month-5521"), (earlier, "earlier-month-7730")):
        prompt = todays_prompt(ours, day)
        answer_as(ours.memberships.get(user=alice), prompt, words)
        answer_as(ours.memberships.get(user=bob), prompt)
        services.reveal_if_everyone_answered(prompt)
    client.force_login(alice)
    url = reverse("questions:journal", args=[ours.pk])
    latest = page(client, url)
    assert "this-month-5521" in latest and "earlier-month-7730" not in latest
    assert f"?month={earlier:%Y-%m}" in latest
    before = page(client, f"{url}?month={earlier:%Y-%m}")
    assert "earlier-month-7730" in before and "this-month-5521" not in before
    found = page(client, f"{url}?q=earlier-month")
    assert "earlier-month-7730" in found

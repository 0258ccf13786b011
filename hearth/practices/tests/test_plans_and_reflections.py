"""Planning a practice, doing it and reflecting: every member sees the plan, reflections stay
private unless shared, and boundaries and consent keep practices away, in pages and API alike."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from hearth.accounts.tests.factories import UserFactory
from hearth.notifications.models import Notification
from hearth.practices import services
from hearth.practices.library import library
from hearth.practices.models import Plan
from hearth.practices.selectors import plans_visible_to, reflections_visible_to
from hearth.questions.models import Boundary
from hearth.relationships.services import member_leave
from hearth.relationships.tests.factories import add_member
from hearth.tests.api import Caller

pytestmark = pytest.mark.django_db

EMOTIONAL = next(p for p in library() if p.category == "emotional" and "romantic" in p.kinds)
SPIRITUAL = next(p for p in library() if p.category == "spiritual" and "romantic" in p.kinds)
SEXUAL = next(p for p in library() if p.is_sexual)


def in_two_hours() -> str:
    return (timezone.now() + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M")


def test_a_plan_made_on_the_page_is_seen_by_every_member_and_told_to_the_others(
    client, ours, alice, bob
):
    client.force_login(alice)
    url = reverse("practices:plan_new", args=[ours.pk, EMOTIONAL.key])
    made = client.post(url, {"starts_at": in_two_hours(), "note": "after dinner"})
    plan = Plan.objects.get()
    assert made.url == reverse("practices:plan", args=[ours.pk, plan.pk])
    assert Notification.objects.filter(recipient=bob, kind="planned").exists()
    assert not Notification.objects.filter(recipient=alice, kind="planned").exists()

    client.force_login(bob)
    today = client.get(reverse("questions:today", args=[ours.pk])).content.decode()
    assert EMOTIONAL.title in today
    plans = Caller(client, bob).call("GET", f"/api/relationships/{ours.pk}/plans").json()
    assert [(p["practice_key"], p["note"]) for p in plans] == [(EMOTIONAL.key, "after dinner")]


def test_a_time_already_past_is_refused_with_words_on_the_page_and_in_the_api(client, ours, alice):
    client.force_login(alice)
    past = (timezone.now() - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    url = reverse("practices:plan_new", args=[ours.pk, EMOTIONAL.key])
    page = client.post(url, {"starts_at": past, "note": "keep-this-note"})
    assert page.status_code == 400
    assert "hasn&#x27;t passed yet" in page.content.decode()
    assert "keep-this-note" in page.content.decode()
    body = {
        "practice_key": EMOTIONAL.key,
        "starts_at": (timezone.now() - timedelta(days=1)).isoformat(),
    }
    api = Caller(client, alice).call("POST", f"/api/relationships/{ours.pk}/plans", body)
    assert api.status_code == 400 and "passed" in api.json()["detail"]
    assert not Plan.objects.exists()


def test_a_boundary_keeps_a_category_of_practices_away_everywhere(client, ours, alice, bob):
    Boundary.objects.create(user=bob, category="spiritual_values")
    client.force_login(alice)
    assert (
        client.get(reverse("practices:practice", args=[ours.pk, SPIRITUAL.key])).status_code == 404
    )
    listed = client.get(reverse("practices:library", args=[ours.pk])).content.decode()
    assert SPIRITUAL.title not in listed and EMOTIONAL.title in listed
    as_alice = Caller(client, alice)
    keys = {
        p["key"] for p in as_alice.call("GET", f"/api/relationships/{ours.pk}/practices").json()
    }
    assert SPIRITUAL.key not in keys and EMOTIONAL.key in keys
    body = {
        "practice_key": SPIRITUAL.key,
        "starts_at": (timezone.now() + timedelta(hours=1)).isoformat(),
    }
    refused = as_alice.call("POST", f"/api/relationships/{ours.pk}/plans", body)
    assert refused.status_code == 400


def test_sexual_practices_appear_only_once_every_member_opted_in(client, ours, alice, bob):
    as_alice = Caller(client, alice)

    def keys() -> set[str]:
        return {
            p["key"] for p in as_alice.call("GET", f"/api/relationships/{ours.pk}/practices").json()
        }

    assert SEXUAL.key not in keys()
    ours.memberships.filter(user=alice).update(sexual_content_consent=True)
    assert SEXUAL.key not in keys()
    ours.memberships.update(sexual_content_consent=True)
    assert SEXUAL.key in keys()


def test_a_reflection_is_private_until_its_author_shares_it(client, ours, alice, bob):
    alices_place = ours.memberships.get(user=alice)
    plan = services.plan_make(
        member=alices_place, practice_key=EMOTIONAL.key, starts_at=timezone.now()
    )
    client.force_login(alice)
    url = reverse("practices:plan_reflect", args=[ours.pk, plan.pk])
    client.post(url, {"closeness": 6, "note": "private-words-1842"})
    as_bob = Caller(client, bob)
    seen = as_bob.call("GET", f"/api/relationships/{ours.pk}/reflections").json()
    assert seen == []
    client.force_login(bob)
    assert (
        "private-words-1842"
        not in client.get(reverse("practices:plan", args=[ours.pk, plan.pk])).content.decode()
    )

    client.force_login(alice)
    client.post(url, {"closeness": 6, "note": "shared-words-2291", "shared": "on"})
    seen = as_bob.call("GET", f"/api/relationships/{ours.pk}/reflections").json()
    assert [(r["note"], r["closeness"]) for r in seen] == [("shared-words-2291", 6)]
    assert plan.reflections.count() == 1, "reflecting again on a plan replaces the first"


def test_a_former_member_keeps_what_was_shared_while_they_belonged_and_nothing_after(
    client, ours, alice, bob
):
    charlie = UserFactory.create()
    charlies_place = add_member(ours, charlie)
    alices_place = ours.memberships.get(user=alice)
    services.reflection_save(
        member=alices_place, practice_key=EMOTIONAL.key, closeness=5, note="before", shared=True
    )
    member_leave(member=charlies_place)
    services.reflection_save(
        member=alices_place, practice_key=EMOTIONAL.key, closeness=6, note="after", shared=True
    )
    services.plan_make(member=alices_place, practice_key=EMOTIONAL.key, starts_at=timezone.now())
    charlies_place.refresh_from_db()
    assert [r.note for r in reflections_visible_to(charlies_place)] == ["before"]
    assert list(plans_visible_to(charlies_place)) == []


def test_the_calendar_address_lists_plans_without_notes_and_can_be_renewed_or_turned_off(
    client, ours, alice, bob
):
    alices_place = ours.memberships.get(user=alice)
    services.plan_make(
        member=alices_place,
        practice_key=EMOTIONAL.key,
        starts_at=timezone.now() + timedelta(days=1),
        note="secret-note-5530",
    )
    as_bob = Caller(client, bob)
    first = as_bob.call("POST", "/api/me/calendar").json()["url"]
    feed = client.get(first)
    assert feed["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(feed.content).walk("VEVENT")
    assert [str(e["summary"]) for e in events] == [f"{EMOTIONAL.title} · {ours.name}"]
    assert b"secret-note-5530" not in feed.content

    second = as_bob.call("POST", "/api/me/calendar").json()["url"]
    assert client.get(first).status_code == 404
    assert client.get(second).status_code == 200
    as_bob.call("DELETE", "/api/me/calendar")
    assert client.get(second).status_code == 404
    assert as_bob.call("GET", "/api/me/calendar").json() == {"url": None}


def test_guided_mode_is_a_plain_list_of_steps_with_their_timers_without_scripts(
    client, ours, alice
):
    timed = next(p for p in library() if p.is_timed and "romantic" in p.kinds and not p.is_sexual)
    client.force_login(alice)
    page = client.get(reverse("practices:guided", args=[ours.pk, timed.key])).content.decode()
    assert page.count("<li data-seconds=") == len(timed.steps)
    assert 'data-seconds="' + str(next(s.seconds for s in timed.steps if s.seconds)) in page


def test_the_calendar_address_is_made_shown_again_and_turned_off_in_settings(client, alice):
    client.force_login(alice)
    url = reverse("practices:calendar_settings")
    assert "Make my calendar address" in client.get(url).content.decode()
    client.post(url, {"action": "renew"})
    shown = client.get(url).content.decode()
    feed = alice.calendar_feed
    assert reverse("practices:calendar", args=[feed.token]) in shown
    client.post(url, {"action": "off"})
    assert client.get(reverse("practices:calendar", args=[feed.token])).status_code == 404

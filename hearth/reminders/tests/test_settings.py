"""Choosing reminders on the pages and through the API: gentle defaults, refusals on the field at
fault, and nothing of one person's reminders shown to anyone else."""

import datetime as dt
import json
from pathlib import Path

import pytest
from django.urls import reverse

from hearth.notifications.models import Notification
from hearth.notifications.selectors import headline
from hearth.reminders.models import CheckInReminder, QuestionReminder
from hearth.tests.test_authorization import api_relationship_operations, fill, relationship_routes

pytestmark = pytest.mark.django_db


def reminder_page(relationship):
    return reverse("reminders:question", args=[relationship.pk])


def put(client, url, body):
    return client.put(url, json.dumps(body), content_type="application/json")


def test_the_defaults_are_gentle_a_question_reminder_at_seven_in_the_evening_and_nudges_welcome(
    client, ours, alice, settings
):
    settings.EMAIL_CAN_SEND = True
    client.force_login(alice)
    page = client.get(reminder_page(ours)).content.decode()
    assert 'name="remind" id="id_remind" checked' in page
    assert 'value="19:00"' in page
    assert page.count('name="days"') == 7 and page.count("checked") >= 7 + 3
    assert 'name="by_email" id="id_by_email">' in page, "no e-mail unless asked"
    assert "quiet hours (22:00–08:00)" in page

    answer = client.get(f"/api/relationships/{ours.pk}/reminders").json()
    assert answer["at"] == "19:00" and len(answer["days"]) == 7
    assert answer["to_devices"] and not answer["by_email"] and answer["nudges_welcome"]
    assert client.get("/api/me/checkin-reminder").json()["at"] is None


def test_a_member_chooses_their_reminder_on_the_page(client, ours, alice, no_quiet_hours):
    client.force_login(alice)
    assert 'name="by_email"' not in client.get(reminder_page(ours)).content.decode(), (
        "e-mail is offered only where this Hearth can send it"
    )
    saved = client.post(
        reminder_page(ours),
        {"remind": "on", "at": "07:15", "days": ["0", "2", "4"], "by_email": "on"},
        follow=True,
    )
    assert "Saved. The next reminder comes" in saved.content.decode()
    reminder = QuestionReminder.objects.get(member__user=alice)
    assert reminder.at == dt.time(7, 15) and reminder.weekdays == {0, 2, 4}
    assert (reminder.to_devices, reminder.by_email, reminder.nudges_welcome) == (
        False,
        True,
        False,
    )
    assert (
        "07:15 on Mondays, Wednesdays and Fridays"
        in client.get(reverse("reminders:mine")).content.decode()
    )


def test_turning_the_reminder_on_without_days_is_refused_on_the_days_keeping_the_time(
    client, ours, alice
):
    client.force_login(alice)
    refused = client.post(reminder_page(ours), {"remind": "on", "at": "06:05"})
    assert refused.status_code == 200
    page = refused.content.decode()
    assert "Choose at least one day, or turn the reminder off." in page
    assert 'value="06:05"' in page
    assert not QuestionReminder.objects.exists()


def test_a_time_in_quiet_hours_is_said_to_come_as_they_end(client, ours, alice):
    client.force_login(alice)
    saved = client.post(
        reminder_page(ours), {"remind": "on", "at": "23:00", "days": ["0", "1"]}, follow=True
    )
    assert "23:00 falls in your quiet hours, so it comes as they end, at 08:00." in (
        saved.content.decode()
    )


def test_the_checkin_reminder_is_chosen_once_for_all_relationships(client, ours, alice):
    client.force_login(alice)
    page = client.get(reverse("reminders:mine")).content.decode()
    assert "Alice &amp; Bob" in page and "19:00 every day" in page
    assert 'name="remind" id="id_remind">' in page, "no check-in reminder until asked"
    client.post(reverse("reminders:mine"), {"remind": "on", "at": "21:30", "days": ["5", "6"]})
    reminder = CheckInReminder.objects.get(user=alice)
    assert reminder.at == dt.time(21, 30) and reminder.weekdays == {5, 6}


def test_the_api_sets_both_reminders_and_refuses_a_reminder_without_days(client, ours, alice):
    client.force_login(alice)
    url = f"/api/relationships/{ours.pk}/reminders"
    body = {
        "at": "06:30",
        "days": ["saturday", "sunday"],
        "to_devices": False,
        "by_email": True,
        "nudges_welcome": False,
    }
    saved = put(client, url, body).json()
    assert saved["days"] == ["saturday", "sunday"] and saved["next_at"]
    assert client.get(url).json() == saved

    refused = put(client, url, {**body, "days": []})
    assert refused.status_code == 400
    assert refused.json()["detail"] == "Choose at least one day, or turn the reminder off."
    assert put(client, url, {**body, "at": "06:30+02:00"}).status_code == 422

    off = put(client, "/api/me/checkin-reminder", {**body, "at": None, "days": []})
    assert off.status_code == 200 and off.json()["next_at"] is None
    on = put(client, "/api/me/checkin-reminder", {**body, "at": "21:00"}).json()
    assert on["at"] == "21:00" and on["next_at"]


def test_nobody_else_sees_a_members_reminders(client, ours, alice, bob):
    client.force_login(alice)
    put(
        client,
        f"/api/relationships/{ours.pk}/reminders",
        {
            "at": "06:47",
            "days": ["monday"],
            "to_devices": True,
            "by_email": False,
            "nudges_welcome": True,
        },
    )
    client.force_login(bob)
    for route in relationship_routes():
        response = client.get(fill(route, ours.pk, 1))
        assert b"06:47" not in response.content, route
    for method, path in api_relationship_operations():
        if method == "GET":
            assert b"06:47" not in client.get(fill(path, ours.pk, 1)).content, path
    assert client.get(f"/api/relationships/{ours.pk}/reminders").json()["at"] == "19:00"


def test_a_reminder_for_several_relationships_leads_to_each_of_their_questions(client, ours, alice):
    client.force_login(alice)
    page = client.get(reverse("reminders:today")).content.decode()
    assert reverse("questions:today", args=[ours.pk]) in page
    assert "Here whenever you're ready." in page


def test_the_reminder_pages_are_reachable_from_the_relationship_and_reaching_out(
    client, ours, alice
):
    client.force_login(alice)
    assert reminder_page(ours) in client.get(f"/r/{ours.pk}/today/").content.decode()
    reaching_out = client.get(reverse("notifications:preferences")).content.decode()
    assert reverse("reminders:mine") in reaching_out


# Words that count, chase or scold have no place in reminders.
GUILT = ["streak", "missed", "you forgot", "overdue", "behind", "in a row", "don't break", "lost"]


def test_no_reminder_or_nudge_copy_counts_missed_days_or_scolds(ours, alice):
    templates = Path(__file__).resolve().parents[1] / "templates"
    words = [path.read_text().lower() for path in templates.rglob("*.html")]
    words.append((Path(__file__).resolve().parents[1] / "services.py").read_text().lower())
    for kind in (Notification.Kind.QUESTION_REMINDER, Notification.Kind.CHECKIN_REMINDER):
        words.append(headline(Notification(kind=kind, recipient=alice, key="k")).lower())
    words.append(
        headline(Notification(kind=Notification.Kind.NUDGE, recipient=alice, key="k")).lower()
    )
    found = [(word, text[:60]) for text in words for word in GUILT if word in text]
    assert found == []

"""Notifications in Spanish: the pages and the API in the reader's language, and what reaches a
person away from a page (e-mail, devices) in their own, whoever caused it."""

import json

import pytest
from django.urls import reverse
from django.utils import translation

from hearth.accounts.models import User
from hearth.notifications.email import digest_mail
from hearth.notifications.models import Notification
from hearth.notifications.tests.test_devices import FIREFOX_ON_ANDROID, add, subscription_json
from hearth.notifications.tests.test_email import alice_answers, can_send, choose  # noqa: F401
from hearth.questions.tests.factories import answer_as, todays_prompt
from hearth.tests.tasks import run_ready_tasks

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def the_default_language_afterwards():
    """A request in Spanish leaves Spanish active in this thread; later tests expect English."""
    yield
    translation.deactivate()


def reads_spanish(user: User) -> None:
    User.objects.filter(pk=user.pk).update(language="es")


def test_the_list_and_the_badge_speak_spanish(
    client, ours, alice, bob, django_capture_on_commit_callbacks
):
    alice_answers(ours, alice, django_capture_on_commit_callbacks)
    client.force_login(bob)
    home = client.get(reverse("relationships:list"), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert 'aria-label="Notificaciones, 1 nueva"' in home
    listed = client.get(reverse("notifications:list"), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Alice respondió. Te toca, cuando te venga bien." in listed
    assert "Your turn" not in listed and " ago<" not in listed
    assert ">hace " in listed


def test_the_reaching_out_page_and_its_scripts_words_are_in_spanish(client, alice):
    add(alice, user_agent=FIREFOX_ON_ANDROID)
    client.force_login(alice)
    page = client.get(
        reverse("notifications:preferences"), HTTP_ACCEPT_LANGUAGE="es"
    ).content.decode()
    assert "<h1>Cómo te contacta Hearth</h1>" in page
    assert "Enviar notificaciones a mis dispositivos" in page
    assert 'data-words-on="Las notificaciones están activadas en este dispositivo."' in page
    assert "Firefox en Android" in page and "Firefox on Android" not in page
    assert "Turn on for this device" not in page


def test_the_api_tells_and_refuses_in_spanish(client, ours, alice, bob):
    answer_as(ours.memberships.get(user=alice), todays_prompt(ours))
    client.force_login(bob)
    listed = client.get("/api/notifications", HTTP_ACCEPT_LANGUAGE="es").json()
    assert listed["notifications"][0]["text"] == "Alice respondió. Te toca, cuando te venga bien."
    refused = client.post(
        "/api/push/subscriptions",
        json.dumps(subscription_json(endpoint="http://push.example.net/send/1")),
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="es",
    )
    assert refused.status_code == 400
    assert refused.json()["detail"] == "La dirección de un servicio push comienza con https://."


def test_an_email_is_written_in_the_recipients_language_not_the_senders(
    can_send,  # noqa: F811
    ours,
    alice,
    bob,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    reads_spanish(bob)
    choose(bob, "each")
    choose(alice, "each")
    translation.activate("en")
    alice_answers(ours, alice, django_capture_on_commit_callbacks)
    assert run_ready_tasks() == ["delivered"]
    (mail,) = mailoutbox
    assert mail.subject == "Alice respondió. Te toca, cuando te venga bien."
    assert mail.body.startswith("Hola, Bob:")
    assert "Recibes un correo como este por cada notificación" in mail.body
    assert "Dejar de recibir estos correos: " in mail.body


def test_someone_who_reads_english_gets_english_whatever_is_active(
    can_send,  # noqa: F811
    ours,
    alice,
    bob,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    choose(bob, "each")
    translation.activate("es")  # as after a page someone else opened in Spanish
    alice_answers(ours, alice, django_capture_on_commit_callbacks)
    assert run_ready_tasks() == ["delivered"]
    (mail,) = mailoutbox
    assert mail.subject == "Alice answered. Your turn, whenever you're ready."
    assert mail.body.startswith("Hello Bob,")


def test_the_daily_email_counts_in_the_recipients_language(
    can_send,  # noqa: F811
    ours,
    alice,
    bob,
    django_capture_on_commit_callbacks,
):
    reads_spanish(bob)
    alice_answers(ours, alice, django_capture_on_commit_callbacks)
    waiting = list(Notification.objects.filter(recipient=bob)) * 3
    mail = digest_mail(User.objects.get(pk=bob.pk), waiting)
    assert mail.subject == "3 cosas te esperan en Hearth"
    assert "Hay algunas cosas nuevas esperándote en Hearth:" in mail.body
    assert "Sin prisa." in mail.body

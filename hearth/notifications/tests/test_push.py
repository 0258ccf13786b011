"""Web push: a notification reaches each device a person turned notifications on for, encrypted
for it and signed with Hearth's own key, through a real HTTP request to a push service (one
running on this machine for the test). A device the service says is gone is forgotten; a busy
or unreachable service is tried again later."""

import base64
import datetime as dt
import logging
import socket
import stat

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from py_vapid import Vapid02

from hearth.notifications import push, vapid
from hearth.notifications.models import Notification, PushSubscription
from hearth.notifications.services import delivery_preferences_set, push_subscription_add
from hearth.notifications.tests.push_service import PushService
from hearth.questions.tests.factories import answer_as, todays_prompt
from hearth.tests.tasks import run_ready_tasks, waiting_tasks

pytestmark = pytest.mark.django_db

SECRET_ANSWER = "the-lighthouse-at-dawn-7731"


@pytest.fixture
def push_service(settings):
    settings.PUSH_TO_LOOPBACK = True  # the test's push service runs on 127.0.0.1
    with PushService() as service:
        yield service


@pytest.fixture
def no_quiet_hours(bob):
    delivery_preferences_set(
        user=bob, push=True, email="off", quiet_start=dt.time(0), quiet_end=dt.time(0)
    )


def turn_on(service, user, device=None):
    device = device or service.device()
    subscription = push_subscription_add(
        user=user,
        endpoint=service.endpoint(device),
        p256dh=device.p256dh,
        auth=device.auth,
        user_agent="Mozilla/5.0 (Android 15; Mobile; rv:140.0) Gecko/140.0 Firefox/140.0",
    )
    return device, subscription


def alice_answers(ours, alice, capture):
    with capture(execute=True):
        answer_as(ours.memberships.get(user=alice), todays_prompt(ours), SECRET_ANSWER)


def test_a_notification_reaches_each_device_encrypted_and_signed_without_anyones_words(
    ours, alice, bob, push_service, no_quiet_hours, django_capture_on_commit_callbacks
):
    phone, _ = turn_on(push_service, bob)
    laptop, _ = turn_on(push_service, bob)
    alice_answers(ours, alice, django_capture_on_commit_callbacks)

    assert run_ready_tasks() == ["delivered"]

    assert sorted(r.path for r in push_service.received) == sorted([phone.path, laptop.path])
    notification = Notification.objects.get(recipient=bob)
    for received in push_service.received:
        assert received.message == {
            "title": "Alice & Bob",
            "body": "Alice answered. Your turn, whenever you're ready.",
            "url": todays_prompt(ours).get_absolute_url(),
            "tag": notification.key,
        }
        assert SECRET_ANSWER.encode() not in received.body
        assert received.headers["content-encoding"] == "aes128gcm"
        assert int(received.headers["ttl"]) == push.TIME_TO_LIVE
        authorization = received.headers["authorization"]
        assert authorization.startswith("vapid t=")
        assert f"k={vapid.application_server_key()}" in authorization
        assert Vapid02.verify(authorization), "signed with this Hearth's own key"
    assert all(s.last_used_at is not None for s in PushSubscription.objects.filter(user=bob))


@pytest.mark.parametrize("status", [404, 410])
def test_a_device_the_push_service_says_is_gone_is_forgotten(
    ours, alice, bob, push_service, no_quiet_hours, django_capture_on_commit_callbacks, status
):
    gone, _ = turn_on(push_service, bob)
    kept, _ = turn_on(push_service, bob)
    push_service.always[gone.path] = status
    alice_answers(ours, alice, django_capture_on_commit_callbacks)

    assert run_ready_tasks() == ["delivered"]
    assert [s.endpoint for s in PushSubscription.objects.filter(user=bob)] == [
        push_service.endpoint(kept)
    ]
    assert waiting_tasks() == [], "a device that is gone is not tried again"


def test_a_busy_push_service_is_tried_again_later_and_then_gets_it(
    ours, alice, bob, push_service, no_quiet_hours, django_capture_on_commit_callbacks
):
    turn_on(push_service, bob)
    push_service.answers = [500]
    alice_answers(ours, alice, django_capture_on_commit_callbacks)

    assert run_ready_tasks() == ["will try again"]
    (again,) = waiting_tasks()
    assert again.run_after > timezone.now()
    assert run_ready_tasks() == [], "not before its time"

    DBTaskResult.objects.filter(pk=again.pk).update(run_after=timezone.now())
    assert run_ready_tasks() == ["delivered"]
    first, second = push_service.received
    assert first.message == second.message
    assert second.message is not None
    assert second.message["body"] == "Alice answered. Your turn, whenever you're ready."
    assert PushSubscription.objects.filter(user=bob).count() == 1


def test_a_push_service_that_cannot_be_reached_is_tried_again(
    settings, ours, alice, bob, no_quiet_hours, django_capture_on_commit_callbacks
):
    settings.PUSH_TO_LOOPBACK = True
    with socket.socket() as closed:  # a port nothing listens on
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    with PushService() as service:
        device = service.device()
    push_subscription_add(
        user=bob,
        endpoint=f"http://127.0.0.1:{port}{device.path}",
        p256dh=device.p256dh,
        auth=device.auth,
    )
    alice_answers(ours, alice, django_capture_on_commit_callbacks)
    assert run_ready_tasks() == ["will try again"]
    assert PushSubscription.objects.filter(user=bob).exists()


def test_a_refusal_that_trying_again_would_not_change_is_logged_and_not_retried(
    ours, alice, bob, push_service, no_quiet_hours, django_capture_on_commit_callbacks, caplog
):
    turn_on(push_service, bob)
    push_service.answers = [403]
    alice_answers(ours, alice, django_capture_on_commit_callbacks)
    with caplog.at_level(logging.WARNING):
        assert run_ready_tasks() == ["delivered"]
    assert "A push service refused notification" in caplog.text
    assert waiting_tasks() == []
    assert PushSubscription.objects.filter(user=bob).exists()


@pytest.mark.parametrize("status", [302, 307, 308])
def test_a_redirect_from_a_push_service_is_not_followed(
    ours, alice, bob, push_service, no_quiet_hours, django_capture_on_commit_callbacks, status
):
    device, _ = turn_on(push_service, bob)
    push_service.always[device.path] = status
    alice_answers(ours, alice, django_capture_on_commit_callbacks)
    assert run_ready_tasks() == ["delivered"]
    assert [r.path for r in push_service.received] == [device.path], "nothing went elsewhere"
    assert waiting_tasks() == []


def test_nothing_is_queued_for_devices_when_the_person_turned_them_off(
    ours, alice, bob, push_service, django_capture_on_commit_callbacks
):
    turn_on(push_service, bob)
    delivery_preferences_set(
        user=bob, push=False, email="off", quiet_start=dt.time(0), quiet_end=dt.time(0)
    )
    alice_answers(ours, alice, django_capture_on_commit_callbacks)
    assert waiting_tasks() == []


def test_nothing_is_queued_for_someone_with_no_devices(
    ours, alice, bob, no_quiet_hours, django_capture_on_commit_callbacks
):
    alice_answers(ours, alice, django_capture_on_commit_callbacks)
    assert waiting_tasks() == []


def test_turning_devices_off_after_it_was_queued_sends_nothing(
    ours, alice, bob, push_service, no_quiet_hours, django_capture_on_commit_callbacks
):
    turn_on(push_service, bob)
    alice_answers(ours, alice, django_capture_on_commit_callbacks)
    delivery_preferences_set(
        user=bob, push=False, email="off", quiet_start=dt.time(0), quiet_end=dt.time(0)
    )
    run_ready_tasks()
    assert push_service.received == []


# --- Hearth's own key ------------------------------------------------------------------------


@pytest.fixture
def fresh_key(settings, tmp_path, monkeypatch):
    monkeypatch.delenv(vapid.ENVIRONMENT, raising=False)
    settings.DATA_DIR = tmp_path
    vapid.forget_key()
    yield tmp_path
    vapid.forget_key()


def test_the_key_is_made_on_first_use_owner_readable_and_kept(fresh_key):
    public = vapid.application_server_key()
    path = fresh_key / "vapid_private.pem"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    raw = base64.urlsafe_b64decode(public + "==")
    assert len(raw) == 65 and raw[0] == 4, "an uncompressed P-256 point"
    vapid.forget_key()
    assert vapid.application_server_key() == public, "read again, not made again"
    assert [p.name for p in fresh_key.iterdir()] == ["vapid_private.pem"]


def test_a_key_from_the_environment_is_used_instead_of_the_file(fresh_key, monkeypatch):
    shared = Vapid02()
    shared.generate_keys()
    monkeypatch.setenv(vapid.ENVIRONMENT, shared.private_pem().decode())
    vapid.forget_key()
    assert vapid.vapid().public_pem() == shared.public_pem()
    assert not (fresh_key / "vapid_private.pem").exists()


def test_the_subject_is_the_sites_https_address_or_else_the_senders(settings):
    settings.SITE_URL = "https://hearth.example.org"
    assert vapid.subject() == "https://hearth.example.org"
    settings.SITE_URL = "http://127.0.0.1:8000"
    settings.DEFAULT_FROM_EMAIL = "Hearth <hello@example.org>"
    assert vapid.subject() == "mailto:hello@example.org"


# --- the service worker ----------------------------------------------------------------------


def test_the_service_worker_shows_a_push_and_opens_only_hearths_own_pages(client):
    script = client.get("/sw.js").content.decode()
    assert 'addEventListener("push"' in script
    assert "showNotification(" in script
    assert "/static/hearth/icons/icon-192.png" in script
    assert 'addEventListener("notificationclick"' in script
    assert "target.origin === self.location.origin" in script
    assert "openWindow(url)" in script

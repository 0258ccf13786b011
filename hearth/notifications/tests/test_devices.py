"""Turning notifications on and off for a device: the rules for what a browser hands over hold
the same through the settings page and the API, and nobody touches another person's devices."""

import json

import pytest
from django.urls import reverse

from hearth.notifications import devices, services, vapid
from hearth.notifications.models import PushSubscription
from hearth.notifications.services import NotificationError, push_subscription_add
from hearth.notifications.tests.push_service import Device, base64url
from hearth.questions.tests.test_api import Caller

pytestmark = pytest.mark.django_db

FIREFOX_ON_ANDROID = "Mozilla/5.0 (Android 15; Mobile; rv:140.0) Gecko/140.0 Firefox/140.0"


def subscription_json(endpoint="https://push.example.net/wpush/v2/abc123", device=None):
    """What a browser's PushSubscription.toJSON() gives."""
    device = device or Device(path="/")
    return {
        "endpoint": endpoint,
        "expirationTime": None,
        "keys": {"p256dh": device.p256dh, "auth": device.auth},
    }


def add(user, **changes):
    given = subscription_json()
    arguments = {
        "endpoint": given["endpoint"],
        "p256dh": given["keys"]["p256dh"],
        "auth": given["keys"]["auth"],
        **changes,
    }
    return push_subscription_add(user=user, **arguments)


# --- the rules -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "endpoint",
    [
        "http://push.example.net/send/1",
        "ftp://push.example.net/send/1",
        "https://localhost/send/1",
        "https://127.0.0.1/send/1",
        "https://10.0.0.8/send/1",
        "https://[::1]/send/1",
        "https://169.254.169.254/latest",
        "https://user:secret@push.example.net/send/1",
        "https://push.example.net/send 1",
        "push.example.net/send/1",
        "",
    ],
)
def test_a_device_must_name_a_push_service_on_the_internet_over_https(alice, endpoint):
    with pytest.raises(NotificationError) as refused:
        add(alice, endpoint=endpoint)
    assert refused.value.fields.keys() == {"endpoint"}
    assert not PushSubscription.objects.exists()


def test_plain_http_to_this_machine_is_only_for_tests(alice, settings):
    with pytest.raises(NotificationError):
        add(alice, endpoint="http://127.0.0.1:8123/push/1")
    settings.PUSH_TO_LOOPBACK = True
    assert add(alice, endpoint="http://127.0.0.1:8123/push/1").pk


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("p256dh", base64url(b"\x04" + b"\x01" * 64)),  # the right length, not on the curve
        ("p256dh", base64url(b"\x04" + b"\x01" * 30)),
        ("p256dh", "not base64 at all!"),
        ("auth", base64url(b"\x01" * 15)),
        ("auth", base64url(b"\x01" * 32)),
        ("auth", ""),
    ],
)
def test_a_devices_keys_must_be_what_browsers_make(alice, field, value):
    with pytest.raises(NotificationError) as refused:
        add(alice, **{field: value})
    assert field in refused.value.fields


def test_padded_keys_are_taken_and_kept_without_padding(alice):
    device = Device(path="/")
    saved = add(alice, p256dh=device.p256dh + "=", auth=device.auth + "==")
    assert (saved.p256dh, saved.auth) == (device.p256dh, device.auth)


def test_the_same_device_again_is_still_one_device_with_its_new_keys(alice):
    first = add(alice)
    renewed = Device(path="/")
    again = add(alice, p256dh=renewed.p256dh, auth=renewed.auth)
    assert again.pk == first.pk
    assert PushSubscription.objects.get().auth == renewed.auth


def test_a_shared_browser_reaches_whoever_turned_it_on_last(alice, bob):
    add(alice)
    add(bob)
    assert list(PushSubscription.objects.values_list("user", flat=True)) == [bob.pk]


def test_a_person_has_at_most_ten_devices(alice):
    for n in range(services.MAX_DEVICES):
        add(alice, endpoint=f"https://push.example.net/send/{n}")
    with pytest.raises(NotificationError, match="Remove one you no longer use"):
        add(alice, endpoint="https://push.example.net/send/one-more")
    add(alice, endpoint="https://push.example.net/send/3")  # one of them again is fine
    assert PushSubscription.objects.filter(user=alice).count() == services.MAX_DEVICES


@pytest.mark.parametrize(
    ("user_agent", "label"),
    [
        (FIREFOX_ON_ANDROID, "Firefox on Android"),
        (
            "Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 "
            "(KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1",
            "Safari on iPhone",
        ),
        (
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            "Chrome/138.0.0.0 Safari/537.36 Edg/138.0.0.0",
            "Edge on Windows",
        ),
        (
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like "
            "Gecko) Chrome/138.0.0.0 Safari/537.36",
            "Chrome on Mac",
        ),
        ("", "A browser"),
        ("curl/8.0", "A browser"),
    ],
)
def test_a_device_is_named_from_its_browser(user_agent, label):
    assert devices.label_for(user_agent) == label


# --- the settings page -----------------------------------------------------------------------


def post_json(client, name, body):
    return client.post(reverse(name), json.dumps(body), content_type="application/json")


def test_the_page_offers_this_device_and_lists_the_persons_own(client, alice, bob):
    add(alice, user_agent=FIREFOX_ON_ANDROID)
    add(bob, endpoint="https://push.example.net/send/bobs", user_agent="Safari/605 (iPad)")
    client.force_login(alice)
    page = client.get(reverse("notifications:preferences")).content.decode()
    assert f'data-key="{vapid.application_server_key()}"' in page
    assert "/static/hearth/push.js" in page
    assert "Turn on for this device" in page and "Turn off for this device" in page
    assert "Firefox on Android" in page
    assert "Safari on iPad" not in page, "someone else's device is not listed"
    assert "push.example.net" not in page, "a device's push address is never shown"


def test_the_pages_script_turns_a_device_on_and_the_rules_refuse_plain_http(client, alice):
    client.force_login(alice)
    refused = post_json(
        client,
        "notifications:device_add",
        subscription_json(endpoint="http://push.example.net/send/1"),
    )
    assert refused.status_code == 400
    assert refused.json() == {"detail": "A push service's address starts with https://."}
    assert not PushSubscription.objects.exists()

    added = client.post(
        reverse("notifications:device_add"),
        json.dumps(subscription_json()),
        content_type="application/json",
        HTTP_USER_AGENT=FIREFOX_ON_ANDROID,
    )
    assert added.status_code == 201
    assert PushSubscription.objects.get(user=alice).label == "Firefox on Android"
    page = client.get(reverse("notifications:preferences")).content.decode()
    assert "Notifications are on for this device." in page
    assert "Firefox on Android" in page


def test_the_page_refuses_what_is_not_a_subscription(client, alice):
    client.force_login(alice)
    for body in ("[1, 2]", "not json", json.dumps({"endpoint": 5})):
        response = client.post(
            reverse("notifications:device_add"), body, content_type="application/json"
        )
        assert response.status_code == 400, body
        assert response.json()["detail"]


def test_the_pages_script_turns_this_device_off(client, alice):
    add(alice)
    client.force_login(alice)
    response = post_json(client, "notifications:device_forget", {"endpoint": add(alice).endpoint})
    assert response.status_code == 200
    assert not PushSubscription.objects.exists()


def test_a_device_is_removed_from_the_list_by_its_owner_only(client, alice, bob):
    alices, bobs = add(alice), add(bob, endpoint="https://push.example.net/send/bobs")
    client.force_login(alice)
    response = client.post(reverse("notifications:device_remove", args=[bobs.pk]))
    assert response.status_code == 404
    assert PushSubscription.objects.filter(pk=bobs.pk).exists()
    response = client.post(reverse("notifications:device_remove", args=[alices.pk]), follow=True)
    assert "Removed. That device" in response.content.decode()
    assert not PushSubscription.objects.filter(pk=alices.pk).exists()


def test_the_page_needs_a_csrf_token_to_turn_a_device_on(alice):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(alice)
    response = strict.post(
        reverse("notifications:device_add"),
        json.dumps(subscription_json()),
        content_type="application/json",
    )
    assert response.status_code == 403
    assert not PushSubscription.objects.exists()


# --- the API ---------------------------------------------------------------------------------


def test_the_api_gives_the_key_and_turns_devices_on_lists_and_off(client, alice):
    as_alice = Caller(client, alice)
    key = as_alice.call("GET", "/api/push/key").json()["public_key"]
    assert key == vapid.application_server_key()

    added = client.generic(
        "POST",
        "/api/push/subscriptions",
        json.dumps(subscription_json()),
        content_type="application/json",
        HTTP_USER_AGENT=FIREFOX_ON_ANDROID,
        **as_alice.auth,
    )
    assert added.status_code == 201
    device = added.json()
    assert device["label"] == "Firefox on Android"
    assert set(device) == {"id", "label", "created_at", "last_used_at"}, "no address or keys"

    assert as_alice.call("GET", "/api/push/subscriptions").json() == [device]
    deleted = as_alice.call("DELETE", f"/api/push/subscriptions/{device['id']}")
    assert deleted.status_code == 204
    assert as_alice.call("GET", "/api/push/subscriptions").json() == []


def test_the_api_refuses_keys_of_the_wrong_length_with_the_rules_words(client, alice):
    body = subscription_json()
    body["keys"]["auth"] = base64url(b"\x01" * 8)
    response = Caller(client, alice).call("POST", "/api/push/subscriptions", body)
    assert response.status_code == 400
    assert response.json() == {
        "detail": "The device's secret (auth) must be 16 bytes in base64url."
    }
    assert not PushSubscription.objects.exists()


def test_nobody_turns_off_another_persons_device_through_the_api(client, alice, bob):
    bobs = add(bob)
    response = Caller(client, alice).call("DELETE", f"/api/push/subscriptions/{bobs.pk}")
    assert response.status_code == 404
    assert PushSubscription.objects.filter(pk=bobs.pk).exists()
    assert Caller(client, alice).call("GET", "/api/push/subscriptions").json() == []


def test_devices_go_with_the_account(alice):
    from hearth.privacy.deletion import account_delete

    add(alice)
    account_delete(user=alice)
    assert not PushSubscription.objects.exists()


def test_signing_out_on_a_shared_device_stops_its_notifications(client, alice):
    client.force_login(alice)
    client.post(
        reverse("notifications:device_add"),
        json.dumps(subscription_json()),
        content_type="application/json",
        HTTP_USER_AGENT=FIREFOX_ON_ANDROID,
    )
    assert PushSubscription.objects.filter(user=alice).count() == 1
    client.post(reverse("account_logout"))
    assert not PushSubscription.objects.filter(user=alice).exists()

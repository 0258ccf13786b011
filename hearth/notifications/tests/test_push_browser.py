"""Turning notifications on and off for a device in a real Chromium. The browser's push service
is stood in for inside the page (a real subscription would reach out to the browser maker's
servers); everything else is real: permission, the service worker, the page's script, the CSRF
token and Hearth's rules."""

import pytest
from playwright.sync_api import Browser, Page, expect

from hearth.notifications.models import PushSubscription
from hearth.questions.tests.test_browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# A subscription as a browser's push service would make it, kept across reloads.
STAND_IN_PUSH_SERVICE = """(() => {
  const KEPT = "stand-in-subscription";
  const made = (data) => ({
    endpoint: data.endpoint,
    options: { applicationServerKey: Uint8Array.from(data.key).buffer },
    toJSON: () => ({ endpoint: data.endpoint, expirationTime: null, keys: data.keys }),
    unsubscribe: async () => { localStorage.removeItem(KEPT); return true; },
  });
  PushManager.prototype.getSubscription = async function () {
    const kept = localStorage.getItem(KEPT);
    return kept ? made(JSON.parse(kept)) : null;
  };
  PushManager.prototype.subscribe = async function (options) {
    const data = {
      endpoint: "https://push.example.net/wpush/v2/stand-in-7731",
      key: [...new Uint8Array(options.applicationServerKey)],
      keys: {
        p256dh: "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1X" +
          "bjhazAkj7I99e8QcYP7DkM",
        auth: "tBHItJI5svbpez7KI4CCXg",
      },
    };
    localStorage.setItem(KEPT, JSON.stringify(data));
    return made(data);
  };
})();"""

BLOCKED = """Object.defineProperty(Notification, "permission", { get: () => "denied" });"""


def watch(page: Page, base: str) -> list[str]:
    """Console errors (a CSP violation shows up here) and requests to any other origin."""
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("request", lambda r: None if r.url.startswith(base) else problems.append(r.url))
    return problems


def test_a_person_turns_notifications_on_for_this_device_and_off_again(
    browser: Browser, live_server, alice
):
    base = live_server.url
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.grant_permissions(["notifications"], origin=base)
    context.add_init_script(STAND_IN_PUSH_SERVICE)
    page = context.new_page()
    problems = watch(page, base)
    log_in(page, base, "alice@example.com")

    page.goto(f"{base}/settings/reaching-out/")
    devices = page.get_by_role("region", name="Notifications on this device")
    expect(devices.get_by_role("status")).to_have_text("Notifications are off for this device.")
    expect(devices.get_by_text("No device gets notifications from Hearth yet.")).to_be_visible()
    expect(devices.get_by_role("button", name="Turn off for this device")).to_be_hidden()

    devices.get_by_role("button", name="Turn on for this device").click()
    expect(page.locator(".messages")).to_contain_text("Notifications are on for this device.")
    expect(devices.get_by_role("status")).to_have_text("Notifications are on for this device.")
    expect(devices.get_by_text("(this device)")).to_be_visible()
    expect(devices.get_by_role("button", name="Turn on for this device")).to_be_hidden()
    (device,) = PushSubscription.objects.filter(user=alice)
    assert device.endpoint == "https://push.example.net/wpush/v2/stand-in-7731"
    assert device.label.startswith("Chrom")

    devices.get_by_role("button", name="Turn off for this device").click()
    expect(page.locator(".messages")).to_contain_text("Notifications are off for this device.")
    expect(devices.get_by_role("button", name="Turn on for this device")).to_be_visible()
    assert not PushSubscription.objects.filter(user=alice).exists()
    assert problems == []
    context.close()


def test_a_browser_that_blocked_notifications_is_told_how_to_allow_them(
    browser: Browser, live_server, alice
):
    base = live_server.url
    context = browser.new_context(viewport={"width": 360, "height": 780})
    context.add_init_script(BLOCKED)
    page = context.new_page()
    log_in(page, base, "alice@example.com")
    page.goto(f"{base}/settings/reaching-out/")
    devices = page.get_by_role("region", name="Notifications on this device")
    expect(devices.get_by_role("status")).to_contain_text("Notifications are blocked for Hearth")
    expect(devices.get_by_role("button", name="Turn on for this device")).to_be_hidden()
    context.close()

"""The installable app in a real Chromium: the worker takes over, the icons load, a lost
connection shows a kind page (but never on the quick exit's page), and after signing out the
worker holds nothing at all."""

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Error, Page, expect

from hearth.accounts.tests.factories import PASSWORD
from hearth.pwa import worker

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

KEPT_BY_THE_WORKER = """async () => {
  const urls = [];
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) urls.push(new URL(request.url).pathname);
  }
  return urls.sort();
}"""

ICONS_AS_LOADED = """async () => {
  const manifest = await (await fetch(document.querySelector("link[rel=manifest]").href)).json();
  const apple = document.querySelector("link[rel=apple-touch-icon]").href;
  const icons = [...manifest.icons, { src: apple, sizes: "180x180" }];
  return Promise.all(icons.map(async (icon) => {
    const response = await fetch(icon.src);
    const image = new Image();
    image.src = icon.src;
    await image.decode();
    return {
      declared: icon.sizes,
      type: response.headers.get("Content-Type"),
      loaded: `${image.naturalWidth}x${image.naturalHeight}`,
    };
  }));
}"""


SIGNED_IN_AND_SETTLED = """() => navigator.serviceWorker.ready.then((registration) =>
  new Promise((done) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done(true);
    registration.active.postMessage("signed-in", [channel.port2]);
  }))"""


def watch(page: Page, base: str) -> list[str]:
    """Console errors (a CSP violation shows up here) and requests to any other origin."""
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("request", lambda r: None if r.url.startswith(base) else problems.append(r.url))
    return problems


def sign_in(page: Page, base: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Email").fill("alice@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in", exact=True).click()


# Waits run inside page.evaluate: Playwright's polling would need eval, which the CSP forbids.
CONTROLLED = """async () => {
  await navigator.serviceWorker.ready;
  if (!navigator.serviceWorker.controller) {
    await new Promise((taken) =>
      navigator.serviceWorker.addEventListener("controllerchange", taken, { once: true }));
  }
  const worker = navigator.serviceWorker.controller;
  while (!["activated", "redundant"].includes(worker.state)) {
    await new Promise((changed) => worker.addEventListener("statechange", changed, { once: true }));
  }
  return worker.state;
}"""

NOTHING_KEPT_SOON = """async () => {
  for (let tries = 0; tries < 100; tries++) {
    if ((await caches.keys()).length === 0) return true;
    await new Promise((later) => setTimeout(later, 50));
  }
  return false;
}"""


def the_worker_looks_after(page: Page) -> None:
    """Wait until the worker controls the page and has done what earlier pages asked of it."""
    assert page.evaluate(CONTROLLED) == "activated"
    assert page.evaluate(SIGNED_IN_AND_SETTLED)


@pytest.fixture
def phone(browser: Browser) -> Iterator[BrowserContext]:
    """A phone-sized browser whose service worker goes away with it after the test."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    yield context
    context.close()


def test_the_worker_takes_over_keeps_only_the_offline_page_and_forgets_it_on_sign_out(
    phone: BrowserContext, live_server, ours, alice
):
    base = live_server.url
    page = phone.new_page()
    problems = watch(page, base)
    sign_in(page, base)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    the_worker_looks_after(page)

    for icon in page.evaluate(ICONS_AS_LOADED):
        assert icon["type"] == "image/png", icon
        assert icon["loaded"] == icon["declared"], icon

    page.goto(f"{base}/r/{ours.pk}/")
    expect(page.get_by_role("heading", name=ours.name)).to_be_visible()
    page.goto(f"{base}/settings/")
    assert page.evaluate("fetch('/api/me').then((r) => r.status)") == 200
    assert page.evaluate(KEPT_BY_THE_WORKER) == sorted(worker.kept_urls())

    page.goto(f"{base}/accounts/logout/")
    page.get_by_role("button", name="Yes, log out").click()
    expect(page).to_have_url(f"{base}/")
    assert page.evaluate(NOTHING_KEPT_SOON)
    assert page.evaluate(KEPT_BY_THE_WORKER) == []
    assert problems == []


def test_without_a_connection_a_page_shows_the_offline_page_then_itself_once_back(
    phone: BrowserContext, live_server, ours, alice
):
    base = live_server.url
    page = phone.new_page()
    problems = watch(page, base)
    sign_in(page, base)
    the_worker_looks_after(page)

    phone.set_offline(True)
    page.goto(f"{base}/r/{ours.pk}/")
    expect(page.get_by_role("heading", name="You're offline for a moment")).to_be_visible()
    expect(page).to_have_url(f"{base}/r/{ours.pk}/")
    expect(page.locator("link[rel=stylesheet]")).to_have_count(1)
    assert page.evaluate("getComputedStyle(document.body).display") == "flex", "styled"
    assert ours.name not in page.content()

    phone.set_offline(False)
    # The page reloads itself on the browser's "online" event; a busy machine may take a while.
    expect(page.get_by_role("heading", name=ours.name)).to_be_visible(timeout=20_000)
    assert problems == []


def test_offline_the_quick_exit_never_lands_on_a_hearth_page(phone: BrowserContext, live_server):
    base = live_server.url
    page = phone.new_page()
    page.goto(f"{base}/accounts/login/")
    the_worker_looks_after(page)
    phone.set_offline(True)
    page.goto(f"{base}/help/")
    expect(page.get_by_role("heading", name="You're offline for a moment")).to_be_visible()
    # Left to the browser's own error, not answered with the page that says "Hearth".
    with pytest.raises(Error, match="ERR_INTERNET_DISCONNECTED"):
        page.goto(f"{base}/quiet/")

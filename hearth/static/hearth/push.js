// "How Hearth reaches you": turning notifications on or off for the device this page is open on.
// The browser subscribes with Hearth's own key through the service worker hearth.js registered;
// Hearth keeps the subscription's address and keys, and the page shows where things stand.
"use strict";

(() => {
  const panel = document.querySelector("[data-push]");
  if (!panel) return;
  const state = panel.querySelector("[data-push-state]");
  // Each button sits in a box that is hidden while the button makes no sense.
  const onBox = panel.querySelector("[data-push-on]");
  const offBox = panel.querySelector("[data-push-off]");
  const on = onBox.querySelector("button");
  const off = offBox.querySelector("button");
  const token = document.querySelector("input[name='csrfmiddlewaretoken']")?.value || "";
  const key = panel.dataset.key;

  // What the page says, in the reader's language: the template gives each as data-words-*
  // (notifications/preferences.html); the English here is only a fallback.
  const words = panel.dataset;
  const WORDS = {
    insecure:
      words.wordsInsecure ||
      "Browsers allow notifications only on a secure (https) address, and this page isn't " +
        "on one. Whoever runs this Hearth can give it one.",
    unsupported:
      words.wordsUnsupported ||
      "This browser can't get notifications from Hearth. On an iPhone or iPad, add Hearth to " +
        "your Home Screen first (Share, then Add to Home Screen), open it from there, and turn " +
        "them on on this page.",
    blocked:
      words.wordsBlocked ||
      "Notifications are blocked for Hearth in this browser. To get them, allow notifications " +
        "for this site in the browser's settings, then reload this page.",
    notNow:
      words.wordsNotNow || "No notifications for now. You can turn them on here whenever you like.",
    on: words.wordsOn || "Notifications are on for this device.",
    off: words.wordsOff || "Notifications are off for this device.",
    stuck:
      words.wordsStuck ||
      "This browser couldn't get notifications ready just now. Reload the page to try again.",
    failed: words.wordsFailed || "That didn't work just now. Please try again in a moment.",
    asking: words.wordsAsking || "Asking this browser…",
    turningOff: words.wordsTurningOff || "Turning notifications off…",
  };

  document.querySelector("[data-push-fallback]")?.remove();
  panel.hidden = false;

  function show(words, { turnOn = false, turnOff = false } = {}) {
    state.textContent = words;
    onBox.hidden = !turnOn;
    offBox.hidden = !turnOff;
    on.disabled = off.disabled = false;
  }

  function busy(words) {
    state.textContent = words;
    on.disabled = off.disabled = true;
  }

  // The reason this browser can't have notifications, or "".
  function unavailable() {
    if (!window.isSecureContext) return WORDS.insecure;
    if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) {
      return WORDS.unsupported;
    }
    if (Notification.permission === "denied") return WORDS.blocked;
    return "";
  }

  function keyBytes(text) {
    const base64 = (text + "===".slice((text.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
    return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  }

  function sameKey(subscription) {
    const theirs = subscription.options?.applicationServerKey;
    if (!theirs) return true; // the browser doesn't say; assume it is ours
    const a = new Uint8Array(theirs);
    const b = keyBytes(key);
    return a.length === b.length && a.every((byte, i) => byte === b[i]);
  }

  async function digest(text) {
    const hash = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
    return [...new Uint8Array(hash)].map((b) => b.toString(16).padStart(2, "0")).join("").slice(0, 16);
  }

  // The service worker, or null if it isn't ready within a few seconds.
  function worker() {
    const late = new Promise((resolve) => setTimeout(() => resolve(null), 10000));
    return Promise.race([navigator.serviceWorker.ready, late]);
  }

  async function post(url, body) {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRFToken": token },
      body: JSON.stringify(body),
      credentials: "same-origin",
    });
    const answer = await response.json().catch(() => ({}));
    return { ok: response.ok, detail: typeof answer.detail === "string" ? answer.detail : "" };
  }

  // The list item for this device, if Hearth has it.
  async function listed(subscription) {
    if (!subscription) return null;
    const mark = await digest(subscription.endpoint);
    return document.querySelector(`[data-device="${mark}"]`);
  }

  async function refresh() {
    const reason = unavailable();
    if (reason) return show(reason);
    const registration = await worker();
    if (!registration) return show(WORDS.stuck);
    const subscription = await registration.pushManager.getSubscription();
    const item = await listed(subscription);
    if (item && sameKey(subscription) && Notification.permission === "granted") {
      item.querySelector("[data-this-device]").hidden = false;
      return show(WORDS.on, { turnOff: true });
    }
    return show(WORDS.off, { turnOn: true });
  }

  on.addEventListener("click", async () => {
    busy(WORDS.asking);
    const permission = await Notification.requestPermission();
    if (permission !== "granted") {
      return show(permission === "denied" ? WORDS.blocked : WORDS.notNow, {
        turnOn: permission !== "denied",
      });
    }
    const registration = await worker();
    if (!registration) return show(WORDS.stuck);
    let subscription = await registration.pushManager.getSubscription();
    if (subscription && !sameKey(subscription)) {
      await subscription.unsubscribe(); // made for an earlier key of this Hearth's
      subscription = null;
    }
    const fresh = !subscription;
    try {
      subscription ||= await registration.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: keyBytes(key),
      });
    } catch (error) {
      return show(WORDS.failed, { turnOn: true });
    }
    const saved = await post(panel.dataset.addUrl, subscription.toJSON()).catch(() => null);
    if (!saved?.ok) {
      if (fresh) await subscription.unsubscribe().catch(() => {});
      return show(saved?.detail || WORDS.failed, { turnOn: true });
    }
    window.location.reload(); // the list shows the device, and the page says it is on
  });

  off.addEventListener("click", async () => {
    busy(WORDS.turningOff);
    const registration = await worker();
    const subscription = registration && (await registration.pushManager.getSubscription());
    if (subscription) {
      const forgotten = await post(panel.dataset.forgetUrl, { endpoint: subscription.endpoint }).catch(
        () => null,
      );
      if (!forgotten?.ok) return show(WORDS.failed, { turnOff: true });
      await subscription.unsubscribe().catch(() => {});
    }
    window.location.reload();
  });

  refresh().catch(() => show(WORDS.stuck));
})();

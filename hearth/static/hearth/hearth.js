// Small progressive enhancements; every page works without them.
document.addEventListener("DOMContentLoaded", () => {
  // Select the whole link or code when a copy field gets focus.
  for (const field of document.querySelectorAll("input.copy")) {
    field.addEventListener("focus", () => field.select());
  }
  // Share a link with the phone's own share sheet, where the phone has one.
  for (const button of document.querySelectorAll("[data-share-url]")) {
    if (!navigator.share) continue;
    button.hidden = false;
    button.addEventListener("click", () => {
      navigator
        .share({ title: button.dataset.shareTitle, url: button.dataset.shareUrl })
        .catch(() => {}); // closing the share sheet is not an error
    });
  }
  // Copy a field's text, and say so.
  for (const button of document.querySelectorAll("[data-copy]")) {
    const field = document.getElementById(button.dataset.copy);
    if (!field || !navigator.clipboard) continue;
    button.hidden = false;
    const label = button.textContent;
    // The word for "copied" in the page's language (base.html puts it on <body>).
    const copied = button.dataset.copied || document.body.dataset.copied || "Copied";
    button.addEventListener("click", () => {
      navigator.clipboard.writeText(field.value).then(
        () => { button.textContent = copied; setTimeout(() => { button.textContent = label; }, 2000); },
        () => field.select(),
      );
    });
  }
  // A form that came back with errors: move focus to what needs fixing.
  const summary = document.querySelector("[data-error-summary]");
  if (summary) summary.focus();
  // Preselect the browser's own time zone on forms still showing the default.
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  for (const select of document.querySelectorAll("select[name='time_zone'][data-guess]")) {
    if (select.value === "UTC" && [...select.options].some((o) => o.value === zone)) {
      select.value = zone;
    }
  }
});

// The installable app: register the service worker, and tell it whether someone is signed in
// on this page, so that it keeps nothing once nobody is (after signing out, or deleting an account).
(() => {
  const worker = document.querySelector("meta[name='hearth-worker']");
  const session = document.querySelector("meta[name='hearth-session']");
  if (!worker || !("serviceWorker" in navigator)) return;
  navigator.serviceWorker
    .register(worker.content, { scope: "/" })
    .catch((error) => console.warn("Hearth could not set up offline support:", error));
  if (session) {
    navigator.serviceWorker.ready.then((registration) => {
      registration.active.postMessage(session.content);
    });
  }
})();

// The offline page tries again by itself: at once when the browser says the connection is
// back, and every few seconds (a little longer each time, up to half a minute) in case that
// signal never comes or the server was the one away. It reloads only once the server answers.
const retryWhenOnline = document.querySelector("[data-retry-when-online]");
if (retryWhenOnline) {
  const first = 2000;
  let wait = first;
  let timer;
  const address = retryWhenOnline.dataset.retryWhenOnline;
  const answers = () =>
    fetch(address, { cache: "no-store", credentials: "omit" }).then((r) => r.ok, () => false);
  const tryAgain = async () => {
    clearTimeout(timer);
    if (navigator.onLine !== false && (await answers())) {
      window.location.reload();
      return;
    }
    timer = setTimeout(tryAgain, wait);
    wait = Math.min(wait * 2, 30000);
  };
  timer = setTimeout(tryAgain, wait);
  window.addEventListener("online", () => {
    wait = first;
    tryAgain();
  });
}

// A part htmx refreshes in place (who has answered, the notifications count) keeps at least the
// height it had, so what sits below it, an answer being written say, never moves under a thumb.
const swappedHeights = new Map();
document.addEventListener("htmx:beforeSwap", (event) => {
  const old = event.detail.target;
  if (old instanceof HTMLElement && old.id) swappedHeights.set(old.id, old.getBoundingClientRect().height);
});
// After htmx's settling, which puts the new part's own attributes (style included) in place.
document.addEventListener("htmx:afterSettle", (event) => {
  const id = event.detail.target instanceof HTMLElement ? event.detail.target.id : "";
  const fresh = id && document.getElementById(id);
  const before = swappedHeights.get(id) || 0;
  if (fresh && fresh.getBoundingClientRect().height < before) fresh.style.minHeight = `${before}px`;
});

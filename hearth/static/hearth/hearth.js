// Small progressive enhancements; every page works without them.
document.addEventListener("DOMContentLoaded", () => {
  // Select the whole link or code when a copy field gets focus.
  for (const field of document.querySelectorAll("input.copy")) {
    field.addEventListener("focus", () => field.select());
  }
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

// The offline page tries again by itself once the connection is back.
if (document.querySelector("[data-retry-when-online]")) {
  window.addEventListener("online", () => window.location.reload());
}

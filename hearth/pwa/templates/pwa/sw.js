{% load static i18n %}// Hearth's service worker: it lets the installed app show a kind page when the network is gone.
// Pages and API answers are private, so they always come from the network and are never kept.
// All it keeps is the offline page and the static files that page needs, and only while
// someone is signed in on this device.
"use strict";

const CACHE = "hearth-offline-{{ version }}";
const OFFLINE_PAGE = "{% url 'pwa:offline' %}";
const KEPT = [
  OFFLINE_PAGE,{% for asset in offline_assets %}
  "{% static asset %}",{% endfor %}
];
// The quick exit's page is left to the browser: offline, it must never turn into a Hearth page.
const LEFT_ALONE = ["{% url 'safety:quiet' %}"];

async function keep() {
  const cache = await caches.open(CACHE);
  if (await cache.match(OFFLINE_PAGE, { ignoreVary: true })) return;
  // Without cookies, so what is kept is the page anyone would get.
  await cache.addAll(KEPT.map((url) => new Request(url, { credentials: "omit", cache: "no-cache" })));
}

async function forget({ except } = {}) {
  for (const name of await caches.keys()) {
    if (name !== except) await caches.delete(name);
  }
}

// One change to what is kept at a time, in the order pages asked for them.
let queue = Promise.resolve();
function inTurn(task) {
  const turn = queue.then(() => task());
  queue = turn.catch(() => {});
  return turn;
}

async function offline() {
  const page = await caches.match(OFFLINE_PAGE, { ignoreVary: true });
  return page || new Response("{% filter escapejs %}{% translate "Hearth can't reach its server right now. Please try again soon." %}{% endfilter %}", {
    status: 503,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

self.addEventListener("install", (event) => {
  event.waitUntil(inTurn(keep).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(inTurn(() => forget({ except: CACHE })).then(() => self.clients.claim()));
});

// Every page says whether someone is signed in (hearth.js); with nobody signed in, keep nothing.
// A page may pass a port to hear when the worker is done.
self.addEventListener("message", (event) => {
  const task = event.data === "signed-in" ? keep : event.data === "signed-out" ? forget : null;
  if (!task) return;
  const done = () => event.ports[0]?.postMessage("done");
  event.waitUntil(inTurn(task).catch(() => {}).then(done)); // offline, the next page tries again
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (LEFT_ALONE.includes(url.pathname)) return;
  if (request.mode === "navigate") {
    event.respondWith(fetch(request).catch(offline));
  } else if (KEPT.includes(url.pathname)) {
    const kept = () => caches.match(request, { ignoreVary: true }).then((hit) => hit || Response.error());
    event.respondWith(fetch(request).catch(kept));
  }
});

// ---- Push and notification clicks -------------------------------------------------------
// A "push" message from Hearth becomes a notification; a "notificationclick" opens where it leads.
// Messages say what waits (title, words, where it leads), never what anyone wrote.
const ICON = "{% static 'hearth/icons/icon-192.png' %}";

// Only ever a page of this Hearth: anything else leads home.
function inHearth(url) {
  try {
    const target = new URL(url || "/", self.location.origin);
    return target.origin === self.location.origin ? target.href : self.location.origin + "/";
  } catch (error) {
    return self.location.origin + "/";
  }
}

self.addEventListener("push", (event) => {
  let message = {};
  try {
    message = event.data ? event.data.json() : {};
  } catch (error) {
    message = {};
  }
  const options = {
    body: typeof message.body === "string" ? message.body : "{% filter escapejs %}{% translate "Something is waiting for you." %}{% endfilter %}",
    icon: ICON,
    data: { url: inHearth(message.url) },
  };
  if (typeof message.tag === "string" && message.tag) options.tag = message.tag; // a repeat replaces it
  const title = typeof message.title === "string" && message.title ? message.title : "Hearth";
  event.waitUntil(self.registration.showNotification(title, options));
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = inHearth(event.notification.data?.url);
  event.waitUntil((async () => {
    const open = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
    const ours = open.filter((client) => new URL(client.url).origin === self.location.origin);
    const there = ours.find((client) => client.url === url);
    if (there) return there.focus();
    for (const client of ours) {
      if (!("navigate" in client)) continue;
      try {
        const focused = await client.focus();
        return await focused.navigate(url);
      } catch (error) {
        // not this worker's page yet, or it can't be focused: open a new one
      }
    }
    return self.clients.openWindow(url);
  })());
});

{% load static %}// Hearth's service worker: it lets the installed app show a kind page when the network is gone.
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
  return page || new Response("Hearth can't reach its server right now. Please try again soon.", {
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
// The web push part of Hearth fills this section with its "push" and "notificationclick" handlers.

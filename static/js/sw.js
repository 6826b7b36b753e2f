/* Homes on the Net's service worker: small, written by us, and careful.
 *
 * self.OFFLINE_CONFIG is written in by the server (courses/offline/selectors.py sw_config).
 * Rules:
 * - It stores only what a person asked for ("Save this course for offline": the course's
 *   offline manifest) plus the offline page, and always fetches those without cookies, so it
 *   stores the page everyone sees, never a signed-in person's own.
 * - It never stores an address in never_cache_prefixes (personal pages, the sync endpoint) nor
 *   any response whose Cache-Control has no-store or private.
 * - Pages come from the network first; offline, a saved copy, else the offline page.
 * - Background Sync sends the queue of lessons finished offline (static/js/offline-queue.js). */
/* global self, caches, importScripts */
"use strict";

var CONFIG = self.OFFLINE_CONFIG;
var SHELL = "hon-shell-" + CONFIG.version;
var COURSE_PREFIX = "hon-course-";

importScripts(CONFIG.queue_script);

function isPersonal(url) {
  var path = new URL(url, self.location.origin).pathname;
  return CONFIG.never_cache_prefixes.some(function (prefix) { return path.indexOf(prefix) === 0; });
}

function isStorable(response) {
  if (!response || !response.ok || response.redirected || response.type !== "basic") {
    return false;
  }
  var control = (response.headers.get("Cache-Control") || "").toLowerCase();
  return !CONFIG.never_cache_directives.some(function (directive) {
    return new RegExp("(^|[,\\s])" + directive + "($|[,\\s=])").test(control);
  });
}

function fetchPublic(url) {
  return fetch(url, { credentials: "omit", cache: "no-cache" });
}

function store(cache, url) {
  if (isPersonal(url)) {
    return Promise.resolve(0);
  }
  return fetchPublic(url).then(function (response) {
    if (!isStorable(response)) {
      return 0;
    }
    return cache.put(url, response).then(function () { return 1; });
  });
}

function saveCourse(manifest) {
  var name = COURSE_PREFIX + manifest.course.id;
  return caches.delete(name).then(function () {
    return caches.open(name);
  }).then(function (cache) {
    return Promise.all(manifest.urls.map(function (url) { return store(cache, url); }))
      .then(function () {
        var record = new Response(JSON.stringify(manifest), { headers: { "Content-Type": "application/json" } });
        return cache.put(CONFIG.manifest_key + manifest.course.id, record);
      });
  });
}

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(SHELL).then(function (cache) {
    return Promise.all(CONFIG.shell.map(function (url) { return store(cache, url); }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf("hon-shell-") === 0 && name !== SHELL;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  if (isPersonal(request.url)) {
    // The network only: never stored, never answered from storage (offline: the offline page).
    if (request.mode === "navigate") {
      event.respondWith(fetch(request).catch(function () { return caches.match(CONFIG.offline_url); }));
    }
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(fetch(request).catch(function () {
      return caches.match(request.url, { ignoreSearch: true }).then(function (saved) {
        return saved || caches.match(CONFIG.offline_url);
      });
    }));
    return;
  }
  event.respondWith(fetch(request).catch(function () {
    return caches.match(request.url).then(function (saved) {
      return saved || Response.error();
    });
  }));
});

self.addEventListener("message", function (event) {
  var data = event.data || {};
  var port = event.ports && event.ports[0];
  if (data.type === "save-course" && data.manifest) {
    event.waitUntil(saveCourse(data.manifest).then(function () {
      if (port) { port.postMessage({ saved: true }); }
    }, function (error) {
      if (port) { port.postMessage({ saved: false, error: String(error) }); }
    }));
  }
});

self.addEventListener("sync", function (event) {
  if (event.tag === self.offlineQueue.SYNC_TAG) {
    event.waitUntil(self.offlineQueue.flush());
  }
});

/* The queue of lessons finished offline, kept in IndexedDB, shared by the pages
 * (static/js/offline.js) and the service worker (Background Sync). Each item has an id the
 * browser made (a UUID) and the time it happened; the server records each id once
 * (courses/offline/services.py), so sending the queue twice records nothing more. */
(function (root) {
  "use strict";

  var DB_NAME = "hon-offline";
  var QUEUE = "queue";
  var NOTICES = "notices";
  var SYNC_URL = "/offline/sync/";

  function open() {
    return new Promise(function (resolve, reject) {
      var request = root.indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = function () {
        var db = request.result;
        if (!db.objectStoreNames.contains(QUEUE)) {
          db.createObjectStore(QUEUE, { keyPath: "id" });
        }
        if (!db.objectStoreNames.contains(NOTICES)) {
          db.createObjectStore(NOTICES, { autoIncrement: true });
        }
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function run(store, mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(store, mode);
        var result = work(tx.objectStore(store));
        tx.oncomplete = function () {
          db.close();
          resolve(result && "result" in result ? result.result : result);
        };
        tx.onerror = function () { db.close(); reject(tx.error); };
      });
    });
  }

  function uuid() {
    if (root.crypto && root.crypto.randomUUID) {
      return root.crypto.randomUUID();
    }
    var bytes = new Uint8Array(16);
    root.crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" + hex.slice(20);
  }

  function add(item) {
    item.id = item.id || uuid();
    item.happened_at = item.happened_at || new Date().toISOString();
    return run(QUEUE, "readwrite", function (store) { store.put(item); }).then(function () { return item; });
  }

  function all() {
    return run(QUEUE, "readonly", function (store) { return store.getAll(); });
  }

  function remove(ids) {
    return run(QUEUE, "readwrite", function (store) {
      ids.forEach(function (id) { store.delete(id); });
    });
  }

  function clearPersonal() {
    // Signing out: drop what was queued under an account, so nobody else's sign-in gets it.
    return all().then(function (items) {
      return remove(items.filter(function (item) { return item.learner; }).map(function (item) { return item.id; }));
    });
  }

  function notice(text) {
    return run(NOTICES, "readwrite", function (store) { store.add(text); });
  }

  function takeNotices() {
    return run(NOTICES, "readwrite", function (store) {
      var request = store.getAll();
      store.clear();
      return request;
    });
  }

  function token() {
    return root.fetch(SYNC_URL, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error("sync " + response.status); }
        return response.json();
      });
  }

  /* Send the queue. Items the server accepted, had already, or refused leave the queue
   * (refusals leave a notice); on a network or server error everything stays for next time. */
  function flush() {
    // One sender at a time (this page, another tab, the service worker's Background Sync):
    // the next one finds the queue already sent.
    var locks = root.navigator && root.navigator.locks;
    if (locks && locks.request) {
      return locks.request("hon-offline-flush", send);
    }
    return send();
  }

  function send() {
    return all().then(function (items) {
      if (!items.length) { return { accepted: 0 }; }
      return token().then(function (info) {
        items.sort(function (a, b) { return a.happened_at < b.happened_at ? -1 : 1; });
        return root.fetch(SYNC_URL, {
          method: "POST",
          credentials: "same-origin",
          headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": info.csrf },
          body: JSON.stringify({ items: items })
        }).then(function (response) {
          if (!response.ok) { throw new Error("sync " + response.status); }
          return response.json();
        }).then(function (data) {
          var done = [];
          var waits = [];
          (data.results || []).forEach(function (result) {
            done.push(result.id);
            if (result.status === "refused" && result.message) {
              waits.push(notice(result.message));
            }
          });
          if (data.message) {
            waits.push(notice(data.message));
          }
          // An item the server did not mention (unreadable) must not be sent for ever.
          items.forEach(function (item) {
            if (done.indexOf(item.id) === -1) { done.push(item.id); }
          });
          waits.push(remove(done));
          return Promise.all(waits).then(function () { return data; });
        });
      });
    });
  }

  root.offlineQueue = {
    add: add, all: all, remove: remove, clearPersonal: clearPersonal, flush: flush,
    takeNotices: takeNotices, token: token, uuid: uuid, SYNC_TAG: "hon-offline-queue"
  };
})(typeof self !== "undefined" ? self : this);

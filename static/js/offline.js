/* Offline learning in the page: registers the service worker (/sw.js), offers "Save this
 * course for offline" (after saying how big it is), lists saved courses with "Remove", lets
 * "I've done this" and quizzes work offline (queued with static/js/offline-queue.js and scored
 * with static/js/offline-score.js) and sends the queue when back online.
 * Progressive enhancement only: without it every page and form works as usual online.
 * Words come from data-text-* attributes on this script's tag (translated by Django). */
(function () {
  "use strict";

  var script = document.currentScript;
  var COURSE_PREFIX = "hon-course-";
  var MANIFEST_KEY = "/offline/saved-course/";
  var SIGNED_IN_KEY = "hon-offline-learner";
  var supported = "serviceWorker" in navigator && "caches" in window && "indexedDB" in window &&
    window.fetch && window.Promise && window.offlineQueue;

  function text(name, values) {
    var template = (script && script.getAttribute("data-text-" + name)) || "";
    Object.keys(values || {}).forEach(function (key) {
      template = template.split("%(" + key + ")s").join(values[key]);
    });
    return template;
  }

  function say(region, message) {
    if (!region) { return; }
    region.textContent = "";
    window.setTimeout(function () { region.textContent = message; }, 50);
  }

  function banner(messages) {
    if (!messages.length) { return; }
    var main = document.getElementById("main");
    if (!main) { return; }
    var box = document.createElement("div");
    box.className = "messages";
    box.setAttribute("role", "status");
    box.setAttribute("data-offline-notices", "");
    var list = document.createElement("ul");
    messages.forEach(function (message) {
      var item = document.createElement("li");
      item.className = "message message--info";
      item.textContent = message;
      list.appendChild(item);
    });
    box.appendChild(list);
    main.insertBefore(box, main.firstChild);
  }

  function megabytes(bytes) {
    if (bytes >= 1000000) { return text("mb", { size: (bytes / 1000000).toFixed(1) }); }
    return text("kb", { size: Math.max(1, Math.round(bytes / 1000)) });
  }

  /* Saved courses: one cache per course, holding its manifest under MANIFEST_KEY + id. */
  function savedCourses() {
    return caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf(COURSE_PREFIX) === 0;
      }).map(function (name) {
        var id = name.slice(COURSE_PREFIX.length);
        return caches.open(name).then(function (cache) {
          return cache.match(MANIFEST_KEY + id);
        }).then(function (response) {
          return response ? response.json().then(function (manifest) {
            manifest.cacheName = name;
            return manifest;
          }) : null;
        });
      }));
    }).then(function (list) { return list.filter(Boolean); });
  }

  function lessonQuiz(lessonId) {
    return savedCourses().then(function (courses) {
      var found = null;
      courses.forEach(function (course) {
        course.lessons.forEach(function (lesson) {
          if (String(lesson.id) === String(lessonId)) { found = lesson; }
        });
      });
      return found;
    });
  }

  function askWorker(message) {
    return navigator.serviceWorker.ready.then(function (registration) {
      return new Promise(function (resolve, reject) {
        var channel = new MessageChannel();
        channel.port1.onmessage = function (event) {
          if (event.data && event.data.saved) { resolve(); } else { reject(new Error("not saved")); }
        };
        (registration.active || navigator.serviceWorker.controller).postMessage(message, [channel.port2]);
      });
    });
  }

  /* Who is signed in (an opaque key from the server), kept with each queued item so it is only
   * ever recorded for that account. */
  function rememberLearner() {
    return window.offlineQueue.token().then(function (info) {
      if (info.learner) {
        window.localStorage.setItem(SIGNED_IN_KEY, info.learner);
      } else {
        window.localStorage.removeItem(SIGNED_IN_KEY);
      }
      return info;
    }).catch(function () { return null; });
  }

  /* "Save this course for offline" on a course page. */
  function courseSaver(box) {
    var url = box.getAttribute("data-manifest-url");
    var courseId = box.getAttribute("data-course-id");
    var ask = box.querySelector("[data-offline-ask]");
    var confirm = box.querySelector("[data-offline-confirm]");
    var size = box.querySelector("[data-offline-size]");
    var status = box.querySelector("[data-offline-status]");
    var update = box.querySelector("[data-offline-update]");
    var live = box.querySelector("[data-offline-live]");
    var manifest = null;

    function fresh() {
      return window.fetch(url, { credentials: "same-origin", cache: "no-cache" }).then(function (response) {
        if (!response.ok) { throw new Error("manifest " + response.status); }
        return response.json();
      });
    }

    function save() {
      confirm.hidden = true;
      update.hidden = true;
      say(live, text("saving"));
      askWorker({ type: "save-course", manifest: manifest }).then(function () {
        rememberLearner();
        status.textContent = text("saved-state", { size: manifest.size_text });
        ask.hidden = true;
        say(live, text("saved"));
      }, function () {
        ask.hidden = false;
        say(live, text("save-failed"));
      });
    }

    savedCourses().then(function (courses) {
      var saved = courses.filter(function (course) { return String(course.course.id) === courseId; })[0];
      box.hidden = false;
      if (saved) {
        ask.hidden = true;
        status.textContent = text("saved-state", { size: saved.size_text });
        if (navigator.onLine) {
          fresh().then(function (data) {
            if (data.version !== saved.version) {
              manifest = data;
              update.hidden = false;
            }
          }).catch(function () {});
        }
      }
    });

    ask.addEventListener("click", function () {
      fresh().then(function (data) {
        manifest = data;
        size.textContent = text("ask-size", { size: data.size_text });
        confirm.hidden = false;
        ask.hidden = true;
        var yes = confirm.querySelector("[data-offline-save]");
        if (yes) { yes.focus(); }
      }).catch(function () { say(live, text("save-failed")); });
    });
    box.querySelector("[data-offline-save]").addEventListener("click", save);
    box.querySelector("[data-offline-cancel]").addEventListener("click", function () {
      confirm.hidden = true;
      ask.hidden = false;
      ask.focus();
    });
    box.querySelector("[data-offline-update-button]").addEventListener("click", save);
  }

  /* "Saved courses" and the offline page: the list, with Remove and the space used. */
  function savedList(box) {
    var readonly = box.hasAttribute("data-offline-readonly");
    var live = document.querySelector("[data-offline-live]");
    savedCourses().then(function (courses) {
      box.textContent = "";
      if (!courses.length) {
        var none = document.createElement("p");
        none.textContent = text("none-saved");
        box.appendChild(none);
        return;
      }
      var total = 0;
      var list = document.createElement("ul");
      list.className = "card-list saved-courses";
      courses.forEach(function (course) {
        total += course.size || 0;
        var item = document.createElement("li");
        item.className = "card saved-course";
        var heading = document.createElement("h2");
        heading.className = "saved-course__title";
        var link = document.createElement("a");
        link.href = course.course.url;
        link.textContent = course.course.title;
        heading.appendChild(link);
        item.appendChild(heading);
        var facts = document.createElement("p");
        facts.className = "hint";
        facts.textContent = text("course-facts", { count: course.lessons.length, size: course.size_text });
        item.appendChild(facts);
        var lessons = document.createElement("ol");
        course.lessons.forEach(function (lesson) {
          var li = document.createElement("li");
          var a = document.createElement("a");
          a.href = lesson.url;
          a.textContent = lesson.title;
          li.appendChild(a);
          lessons.appendChild(li);
        });
        item.appendChild(lessons);
        if (!readonly) {
          var remove = document.createElement("button");
          remove.type = "button";
          remove.className = "button button--secondary";
          remove.textContent = text("remove");
          remove.setAttribute("aria-label", text("remove-course", { title: course.course.title }));
          remove.addEventListener("click", function () {
            caches.delete(course.cacheName).then(function () {
              say(live, text("removed", { title: course.course.title }));
              savedList(box);
            });
          });
          item.appendChild(remove);
        }
        list.appendChild(item);
      });
      box.appendChild(list);
      var space = document.createElement("p");
      space.setAttribute("data-offline-space", "");
      space.textContent = text("space", { size: megabytes(total) });
      box.appendChild(space);
    });
  }

  /* Lessons offline: "I've done this" and quizzes are kept in the queue. */
  function lessonId() {
    var article = document.querySelector("[data-lesson-id]");
    return article ? article.getAttribute("data-lesson-id") : null;
  }

  function queue(item) {
    item.learner = window.localStorage.getItem(SIGNED_IN_KEY) || "";
    return window.offlineQueue.add(item).then(function () {
      return navigator.serviceWorker.ready.then(function (registration) {
        if (registration.sync) {
          return registration.sync.register(window.offlineQueue.SYNC_TAG).catch(function () {});
        }
      }).catch(function () {});
    });
  }

  function doneOffline(form) {
    var section = form.closest("[data-lesson-progress]");
    var id = lessonId();
    if (!id) { return; }
    queue({ lesson: parseInt(id, 10), kind: "done" }).then(function () {
      var state = section && section.querySelector("[data-progress-state]");
      if (state) {
        state.textContent = text("done-offline");
        state.classList.add("lesson-progress__state--done");
        state.focus();
      }
      form.parentNode.removeChild(form);
      say(section && section.querySelector("[data-progress-live]"), text("done-offline"));
    });
  }

  function quizOffline(form) {
    var id = lessonId();
    var quizId = (form.querySelector("input[name=quiz]") || {}).value;
    var section = form.closest(".quiz");
    lessonQuiz(id).then(function (lesson) {
      var summary = section.querySelector("[data-offline-quiz-result]");
      if (!summary) {
        summary = document.createElement("div");
        summary.className = "quiz__summary";
        summary.setAttribute("role", "status");
        summary.setAttribute("tabindex", "-1");
        summary.setAttribute("data-offline-quiz-result", "");
        form.parentNode.insertBefore(summary, form);
      }
      if (!lesson || !lesson.quiz || lesson.quiz.id !== quizId) {
        summary.textContent = text("quiz-unsaved");
        summary.focus();
        return;
      }
      var answers = {};
      lesson.quiz.questions.forEach(function (question, index) {
        answers[index] = Array.prototype.map.call(
          form.querySelectorAll("input[name=q" + index + "]:checked"),
          function (input) { return parseInt(input.value, 10); }
        );
      });
      var result = window.offlineQuizScore(lesson.quiz, answers);
      var message = text("quiz-result", { score: result.score, total: result.total }) + " " +
        (result.passed ? text("quiz-passed") : text("quiz-failed", { mark: lesson.quiz.pass_mark_percent }));
      var finish = result.passed ? queue({ lesson: parseInt(id, 10), kind: "quiz", quiz: quizId, answers: answers }) : Promise.resolve();
      finish.then(function () {
        summary.textContent = message;
        if (result.passed) { summary.classList.add("quiz__summary--passed"); }
        summary.focus();
      });
    });
  }

  function offlineSubmit(event) {
    var form = event.target;
    if (!form || !form.matches) { return; }
    if (form.matches("form[action$='/account/logout/']")) {
      // Signing out: the account's queued items go first, then the form is sent.
      event.preventDefault();
      window.localStorage.removeItem(SIGNED_IN_KEY);
      var sent = false;
      var send = function () {
        if (!sent) { sent = true; form.submit(); }
      };
      window.offlineQueue.clearPersonal().then(send, send);
      window.setTimeout(send, 2000);
      return;
    }
    if (navigator.onLine) { return; }
    if (form.matches("[data-lesson-progress] form")) {
      event.preventDefault();
      event.stopImmediatePropagation();
      doneOffline(form);
    } else if (form.matches(".quiz__form")) {
      event.preventDefault();
      event.stopImmediatePropagation();
      quizOffline(form);
    }
  }

  /* Back online: learn who is signed in (a signed-out learner's personal queue is cleared),
   * then send the queue. Shows what the server said. */
  function syncNow() {
    return window.offlineQueue.all().then(function (items) {
      return savedCourses().then(function (courses) {
        if (!items.length && !courses.length) { return null; }
        return window.offlineQueue.token().then(function (info) {
          var before = window.localStorage.getItem(SIGNED_IN_KEY) || "";
          if (info.learner) {
            window.localStorage.setItem(SIGNED_IN_KEY, info.learner);
          } else {
            window.localStorage.removeItem(SIGNED_IN_KEY);
          }
          var cleared = before && !info.learner ? window.offlineQueue.clearPersonal() : Promise.resolve();
          return cleared.then(function () { return window.offlineQueue.flush(); });
        });
      });
    }).catch(function () { return null; }).then(function () {
      return window.offlineQueue.takeNotices();
    }).then(function (notices) {
      banner(notices || []);
      document.documentElement.setAttribute("data-offline-synced", "");
    });
  }

  if (!supported) {
    return;
  }
  // The worker is registered where learning happens (course, lesson and offline pages) or
  // where it already looks after the site; other pages do not need it.
  if (navigator.serviceWorker.controller ||
      document.querySelector("[data-offline-course], [data-lesson-id], [data-offline-saved-list]")) {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {});
  }
  window.addEventListener("submit", offlineSubmit, true);
  window.addEventListener("online", syncNow);

  function start() {
    document.querySelectorAll("[data-offline-course]").forEach(courseSaver);
    document.querySelectorAll("[data-offline-saved-list]").forEach(savedList);
    if (navigator.onLine) {
      syncNow();
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

/* "I've done this" without a page reload. Progressive enhancement only: without JavaScript the
 * button is a normal form post and the page comes back with a message. Here the same form is
 * sent in the background, the page updates (the lesson's state and the progress bar) and the
 * change is read out by screen readers. If anything goes wrong, the form is sent the normal way.
 * No inline scripts: the site's Content Security Policy forbids them. */
(function () {
  "use strict";

  if (!window.fetch || !window.FormData || !document.querySelector) {
    return;
  }

  function announce(section, message) {
    var live = section.querySelector("[data-progress-live]");
    if (!live || !message) {
      return;
    }
    // Empty first, so the same words are read out again if they come twice.
    live.textContent = "";
    window.setTimeout(function () { live.textContent = message; }, 50);
  }

  function showProgress(section, progress) {
    var box = section.querySelector("[data-progress]");
    if (!box || !progress) {
      return;
    }
    var bar = box.querySelector("[data-progress-bar]");
    var text = box.querySelector("[data-progress-text]");
    if (bar) {
      bar.max = Math.max(progress.total, 1);
      bar.value = progress.done;
      bar.textContent = progress.text;
    }
    if (text) {
      text.textContent = progress.text;
    }
    box.hidden = false;
  }

  function showDone(form, section, data) {
    var state = section.querySelector("[data-progress-state]");
    if (state) {
      state.textContent = data.state;
      state.classList.remove("lesson-progress__state--new");
      state.classList.add("lesson-progress__state--done");
      if (data.helped) {
        var helped = document.createElement("p");
        helped.className = "lesson-progress__helped";
        helped.textContent = data.helped;
        state.parentNode.insertBefore(helped, state.nextSibling);
      }
    }
    showProgress(section, data.progress);
    form.parentNode.removeChild(form);
    // The button has gone: keep keyboard and screen reader users in the same place.
    if (state) {
      state.focus();
    }
    announce(section, data.message);
  }

  function send(form) {
    var section = form.closest("[data-lesson-progress]");
    var button = form.querySelector("button[type=submit]");
    if (button) {
      button.disabled = true;
    }
    window.fetch(form.action, {
      method: "POST",
      body: new window.FormData(form),
      headers: { "Accept": "application/json" },
      credentials: "same-origin"
    }).then(function (response) {
      if (!response.ok) {
        throw new Error("Not recorded: " + response.status);
      }
      return response.json();
    }).then(function (data) {
      if (!data || !data.done || !section) {
        throw new Error("Unexpected answer");
      }
      showDone(form, section, data);
    }).catch(function () {
      // Let the server answer with a whole page instead (it shows any message there).
      form.submit();
    });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form || !form.matches || !form.matches("[data-lesson-done-form]") || !form.closest) {
      return;
    }
    event.preventDefault();
    send(form);
  });
})();

/* Reading aids: a text-size control and a "Listen" button. Progressive enhancement only:
 * without JavaScript (or without speech in the browser) the controls stay hidden and the
 * page works as it is. No inline scripts: the site's Content Security Policy forbids them. */
(function () {
  "use strict";

  var STORAGE_KEY = "homes-text-scale";
  var SCALES = [0.875, 1, 1.125, 1.25, 1.5, 1.75, 2];
  var root = document.documentElement;

  function storedScale() {
    try {
      var value = parseFloat(window.localStorage.getItem(STORAGE_KEY));
      return SCALES.indexOf(value) === -1 ? 1 : value;
    } catch (error) {
      return 1; // Storage can be blocked (private windows, strict settings).
    }
  }

  function applyScale(scale) {
    root.style.setProperty("--text-scale", String(scale));
  }

  function saveScale(scale) {
    try {
      if (scale === 1) {
        window.localStorage.removeItem(STORAGE_KEY);
      } else {
        window.localStorage.setItem(STORAGE_KEY, String(scale));
      }
    } catch (error) {
      /* Not remembered: still applied on this page. */
    }
  }

  // Already applied before the first paint by text-scale.js (inlined in the <head>); this
  // script is deferred, so a slow phone does not wait for it.
  var currentScale = storedScale();

  function announce(container, message) {
    var status = container.querySelector("[data-reading-status]");
    if (status) {
      status.textContent = "";
      window.setTimeout(function () { status.textContent = message; }, 50);
    }
  }

  function setUpTextSize(container) {
    var buttons = container.querySelectorAll("[data-text-size]");
    var status = container.querySelector("[data-reading-status]");
    var template = (status && status.getAttribute("data-size-message")) || "{percent}%";

    function update(scale) {
      currentScale = scale;
      applyScale(scale);
      saveScale(scale);
      Array.prototype.forEach.call(buttons, function (button) {
        var action = button.getAttribute("data-text-size");
        var index = SCALES.indexOf(scale);
        // aria-disabled rather than disabled, so keyboard focus is not lost at the limits.
        var atLimit =
          (action === "smaller" && index === 0) ||
          (action === "bigger" && index === SCALES.length - 1) ||
          (action === "reset" && scale === 1);
        button.setAttribute("aria-disabled", atLimit ? "true" : "false");
      });
    }

    Array.prototype.forEach.call(buttons, function (button) {
      button.addEventListener("click", function () {
        var index = SCALES.indexOf(currentScale);
        var action = button.getAttribute("data-text-size");
        var next = currentScale;
        if (action === "smaller" && index > 0) { next = SCALES[index - 1]; }
        if (action === "bigger" && index < SCALES.length - 1) { next = SCALES[index + 1]; }
        if (action === "reset") { next = 1; }
        update(next);
        announce(container, template.replace("{percent}", String(Math.round(next * 100))));
      });
    });
    update(currentScale);
  }

  /* Listen: read the lesson aloud, one paragraph at a time (long utterances get cut off in
   * some browsers). Text inside closed details, the reading aids and anything marked
   * data-listen-skip is left out. */
  var READABLE = "h1, h2, h3, p, li, legend, label, figcaption, dt, dd, summary";

  function readableTexts(article) {
    var texts = [];
    Array.prototype.forEach.call(article.querySelectorAll(READABLE), function (element) {
      if (element.closest("[data-listen-skip]") || element.closest("[hidden]")) { return; }
      var details = element.closest("details");
      if (details && !details.open && element.tagName !== "SUMMARY") { return; }
      // Leave out a list item's nested paragraphs twice over: read the innermost text only.
      if (element.querySelector(READABLE)) { return; }
      var text = (element.textContent || "").replace(/\s+/g, " ").trim();
      if (text) { texts.push(text); }
    });
    return texts;
  }

  function setUpListen(container) {
    var button = container.querySelector("[data-listen]");
    var article = document.querySelector("[data-listen-root]");
    if (!button || !article) { return; }
    if (!("speechSynthesis" in window) || typeof window.SpeechSynthesisUtterance !== "function") {
      return; // Stays hidden: this browser cannot speak.
    }
    var synth = window.speechSynthesis;
    var speaking = false;
    var listenLabel = button.getAttribute("data-listen-label") || button.textContent;
    var stopLabel = button.getAttribute("data-stop-label") || "Stop";
    // The language of the text itself (a lesson not yet translated keeps its own lang), else
    // the page's: the interface language the person chose.
    var language = (article.closest("[lang]") || root).getAttribute("lang") || "en-GB";

    // A voice for that language if the device has one; otherwise the browser picks by lang.
    function voiceFor(lang) {
      var voices = typeof synth.getVoices === "function" ? synth.getVoices() : [];
      var wanted = lang.toLowerCase();
      var primary = wanted.split("-")[0];
      var exact = null;
      var close = null;
      voices.forEach(function (voice) {
        var code = (voice.lang || "").toLowerCase().replace("_", "-");
        if (!exact && code === wanted) { exact = voice; }
        if (!close && code.split("-")[0] === primary) { close = voice; }
      });
      return exact || close;
    }

    function stop() {
      speaking = false;
      synth.cancel();
      button.textContent = listenLabel;
      button.setAttribute("aria-pressed", "false");
    }

    function start() {
      var texts = readableTexts(article);
      if (!texts.length) { return; }
      speaking = true;
      button.textContent = stopLabel;
      button.setAttribute("aria-pressed", "true");
      synth.cancel();
      texts.forEach(function (text, index) {
        var utterance = new window.SpeechSynthesisUtterance(text);
        utterance.lang = language;
        var voice = voiceFor(language);
        if (voice) { utterance.voice = voice; }
        utterance.rate = 0.95;
        if (index === texts.length - 1) {
          utterance.onend = function () { if (speaking) { stop(); } };
        }
        utterance.onerror = function () { if (speaking) { stop(); } };
        synth.speak(utterance);
      });
    }

    button.addEventListener("click", function () {
      if (speaking) { stop(); } else { start(); }
    });
    window.addEventListener("pagehide", stop);
    button.hidden = false;
  }

  function setUp() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-reading-aids]"), function (container) {
      setUpTextSize(container);
      setUpListen(container);
      container.hidden = false;
    });
    // Printing shows transcripts and other folded text in full.
    window.addEventListener("beforeprint", function () {
      Array.prototype.forEach.call(document.querySelectorAll("details:not([open])"), function (details) {
        details.setAttribute("open", "");
        details.setAttribute("data-opened-for-print", "");
      });
    });
    window.addEventListener("afterprint", function () {
      Array.prototype.forEach.call(document.querySelectorAll("[data-opened-for-print]"), function (details) {
        details.removeAttribute("open");
        details.removeAttribute("data-opened-for-print");
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();

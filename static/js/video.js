/* Videos load only when someone asks: the link to the video's own page becomes a button that
 * puts the privacy-friendly player in its place. Without JavaScript the link still works.
 * The player is never told to start by itself. */
(function () {
  "use strict";

  function load(frame, link) {
    var url = frame.getAttribute("data-embed-url");
    if (!url) { return; }
    var iframe = document.createElement("iframe");
    iframe.src = url;
    iframe.title = frame.getAttribute("data-video-title") || "Video";
    iframe.setAttribute("allow", "encrypted-media; fullscreen; picture-in-picture");
    iframe.setAttribute("allowfullscreen", "");
    iframe.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    iframe.className = "video__iframe";
    frame.classList.add("video__frame--loaded");
    frame.replaceChild(iframe, link);
    iframe.focus();
  }

  function setUp() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-video]"), function (frame) {
      var link = frame.querySelector("[data-video-play]");
      if (!link) { return; }
      link.setAttribute("role", "button");
      link.textContent = link.getAttribute("data-play-label") || link.textContent;
      link.addEventListener("click", function (event) {
        event.preventDefault();
        load(frame, link);
      });
      link.addEventListener("keydown", function (event) {
        if (event.key === " ") {
          event.preventDefault();
          load(frame, link);
        }
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();

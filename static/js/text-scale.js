/* The reader's text size (chosen with the reading aids, static/js/reading-aids.js), set before
 * the first paint so the page does not jump. Written into the <head> of course pages
 * ({% inline_static %}), allowed by its hash in the Content-Security-Policy: a file of its own
 * would cost a slow phone another round trip before anything shows. */
(function () {
  "use strict";
  try {
    var scale = parseFloat(window.localStorage.getItem("homes-text-scale"));
    if ([0.875, 1.125, 1.25, 1.5, 1.75, 2].indexOf(scale) !== -1) {
      document.documentElement.style.setProperty("--text-scale", String(scale));
    }
  } catch (error) {
    /* Storage can be blocked (private windows, strict settings): the usual size. */
  }
})();

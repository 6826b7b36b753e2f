/* The place picker (templates/voice/components/place_picker.html), enhanced.
 * Without JavaScript the outline is an image button: a tap sends the form and the server
 * shows it again with the place chosen. Here a tap sets the place in the page instead, and
 * "Use where I am" asks the browser for the location. The server checks every place is inside
 * the neighbourhood's boundary when the form is saved. No inline scripts (the site's CSP). */
(function () {
  "use strict";

  function number(element, name) {
    return parseFloat(element.getAttribute("data-" + name));
  }

  function setUp(picker) {
    var map = picker.querySelector(".place-picker__map");
    var status = picker.querySelector("[data-place-status]");
    var here = picker.querySelector("[data-place-here]");
    var latitude = picker.querySelector("input[name='latitude']");
    var longitude = picker.querySelector("input[name='longitude']");
    var clear = picker.querySelector("input[name='place_clear']");
    if (!map || !latitude || !longitude) {
      return;
    }
    var frame = {
      west: number(picker, "west"),
      north: number(picker, "north"),
      scaleX: number(picker, "scale-x"),
      span: number(picker, "span"),
      inner: number(picker, "inner"),
      margin: number(picker, "margin"),
      width: number(picker, "width"),
      height: number(picker, "height")
    };

    function show(lat, lng, message) {
      latitude.value = lat.toFixed(6);
      longitude.value = lng.toFixed(6);
      if (clear) {
        clear.checked = false;
      }
      map.src = map.getAttribute("data-src") + "?lat=" + latitude.value + "&lng=" + longitude.value;
      status.textContent = message;
    }

    map.addEventListener("click", function (event) {
      event.preventDefault();
      if (event.detail === 0) {
        // Enter or space on the picture: there is no spot to take.
        status.textContent = picker.getAttribute("data-keyboard-message") || status.textContent;
        return;
      }
      var box = map.getBoundingClientRect();
      var x = (event.clientX - box.left) * (frame.width / box.width);
      var y = (event.clientY - box.top) * (frame.height / box.height);
      var lng = frame.west + ((x - frame.margin) / frame.inner) * frame.span / frame.scaleX;
      var lat = frame.north - ((y - frame.margin) / frame.inner) * frame.span;
      show(lat, lng, picker.getAttribute("data-chosen-message"));
    });

    var hereWrap = picker.querySelector("[data-place-here-wrap]");
    if (here && hereWrap && "geolocation" in navigator) {
      hereWrap.hidden = false;
      here.addEventListener("click", function () {
        status.textContent = picker.getAttribute("data-finding-message");
        navigator.geolocation.getCurrentPosition(
          function (position) {
            show(
              position.coords.latitude,
              position.coords.longitude,
              picker.getAttribute("data-here-message")
            );
          },
          function () {
            status.textContent = picker.getAttribute("data-not-found-message");
          },
          { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 }
        );
      });
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var pickers = document.querySelectorAll("[data-place-picker]");
    for (var i = 0; i < pickers.length; i += 1) {
      setUp(pickers[i]);
    }
  });
})();

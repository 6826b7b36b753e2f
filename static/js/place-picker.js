/* The place picker (templates/voice/components/place_picker.html), enhanced.
 * Without JavaScript the outline is an image button: a tap sends the form and the server
 * shows it again with the place chosen. Here a tap sets the place in the page instead, and
 * "Use where I am" asks the browser for the location. With the keyboard, the arrow keys move
 * the red dot while the outline has focus (Shift: further), and a live text says where it is
 * and whether it is inside the outline. The server checks every place is inside the
 * neighbourhood's boundary when the form is saved. No inline scripts (the site's CSP). */
(function () {
  "use strict";

  // Pixels of the drawing one arrow key moves the dot, and with Shift.
  var STEP = 4;
  var STEP_FAR = 20;
  var ARROWS = {
    ArrowLeft: [-1, 0],
    ArrowRight: [1, 0],
    ArrowUp: [0, -1],
    ArrowDown: [0, 1]
  };

  function number(element, name) {
    return parseFloat(element.getAttribute("data-" + name));
  }

  // The boundary's polygons (GeoJSON Polygon or MultiPolygon), from the page, or null.
  function polygonsOf(picker) {
    var holder = document.getElementById(picker.getAttribute("data-boundary-id") || "");
    if (!holder) {
      return null;
    }
    try {
      var geometry = JSON.parse(holder.textContent);
      if (geometry.type === "Polygon") {
        return [geometry.coordinates];
      }
      if (geometry.type === "MultiPolygon") {
        return geometry.coordinates;
      }
    } catch (error) {
      return null;
    }
    return null;
  }

  function inRing(lng, lat, ring) {
    var inside = false;
    var previous = ring[ring.length - 1];
    for (var i = 0; i < ring.length; i += 1) {
      var current = ring[i];
      if ((previous[1] > lat) !== (current[1] > lat)) {
        var crossing =
          previous[0] + ((lat - previous[1]) * (current[0] - previous[0])) / (current[1] - previous[1]);
        if (lng < crossing) {
          inside = !inside;
        }
      }
      previous = current;
    }
    return inside;
  }

  // The same rule as voice/geo.py point_in_boundary: inside an outline, outside its holes.
  function inside(polygons, lat, lng) {
    for (var i = 0; i < polygons.length; i += 1) {
      if (inRing(lng, lat, polygons[i][0])) {
        var inHole = false;
        for (var h = 1; h < polygons[i].length; h += 1) {
          inHole = inHole || inRing(lng, lat, polygons[i][h]);
        }
        if (!inHole) {
          return true;
        }
      }
    }
    return false;
  }

  function clamp(value, low, high) {
    return Math.min(Math.max(value, low), high);
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

    var polygons = polygonsOf(picker);
    var spot = null; // where the dot is, in pixels of the drawing

    function toPlace(x, y) {
      return {
        lng: frame.west + ((x - frame.margin) / frame.inner) * frame.span / frame.scaleX,
        lat: frame.north - ((y - frame.margin) / frame.inner) * frame.span
      };
    }

    function toPixels(lat, lng) {
      return {
        x: frame.margin + ((lng - frame.west) * frame.scaleX / frame.span) * frame.inner,
        y: frame.margin + ((frame.north - lat) / frame.span) * frame.inner
      };
    }

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
      if (event.detail === 0) {
        if (document.activeElement !== map) {
          // Enter in a text box "presses" the first submit button, the picture: that is a
          // save (the server reads a press at 0, 0 so), not a tap.
          return;
        }
        // Enter or space on the picture: put the dot down where the arrow keys left it.
        event.preventDefault();
        spotStart();
        spotShow();
        return;
      }
      event.preventDefault();
      var box = map.getBoundingClientRect();
      spot = {
        x: (event.clientX - box.left) * (frame.width / box.width),
        y: (event.clientY - box.top) * (frame.height / box.height)
      };
      var place = toPlace(spot.x, spot.y);
      show(place.lat, place.lng, picker.getAttribute("data-chosen-message"));
    });

    // The keyboard: the arrow keys move the dot (from the place already chosen, or the
    // middle), Enter or space puts it down where it is.
    function describe() {
      var across = Math.round(((spot.x - frame.margin) / (frame.width - 2 * frame.margin)) * 100);
      var down = Math.round(((spot.y - frame.margin) / (frame.height - 2 * frame.margin)) * 100);
      var place = toPlace(spot.x, spot.y);
      var where = picker.getAttribute("data-keys-message")
        .replace("{across}", String(clamp(across, 0, 100)))
        .replace("{down}", String(clamp(down, 0, 100)));
      if (polygons) {
        where += " " + picker.getAttribute(
          inside(polygons, place.lat, place.lng) ? "data-inside-message" : "data-outside-message"
        );
      }
      return where;
    }

    function spotStart() {
      if (spot) {
        return;
      }
      var lat = parseFloat(latitude.value);
      var lng = parseFloat(longitude.value);
      spot = isNaN(lat) || isNaN(lng)
        ? { x: frame.width / 2, y: frame.height / 2 }
        : toPixels(lat, lng);
    }

    function spotShow() {
      var place = toPlace(spot.x, spot.y);
      show(place.lat, place.lng, "");
      status.textContent = describe();
    }

    map.addEventListener("keydown", function (event) {
      var arrow = ARROWS[event.key];
      if (!arrow || event.altKey || event.ctrlKey || event.metaKey) {
        return;
      }
      event.preventDefault();
      spotStart();
      var step = event.shiftKey ? STEP_FAR : STEP;
      spot = {
        x: clamp(spot.x + arrow[0] * step, frame.margin, frame.width - frame.margin),
        y: clamp(spot.y + arrow[1] * step, frame.margin, frame.height - frame.margin)
      };
      spotShow();
    });

    var keys = picker.querySelector("[data-place-keys]");
    if (keys) {
      keys.hidden = false;
      map.setAttribute("aria-describedby", keys.id);
    }

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

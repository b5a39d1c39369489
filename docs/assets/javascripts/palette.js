/*
 * Colour palette (light/dark), in place of Material's palette component.
 *
 * Material applies the palette from its bundle at the end of the page, and
 * each application invalidates the style of every element on the page three
 * times; on a long law page that is about half a second of work on a phone.
 * This script runs inside the header, right after the palette form
 * (overrides/partials/javascripts/palette.html), when there is almost nothing
 * to restyle, and does what Material's component did:
 *   - picks the palette whose media query matches the system setting
 *     ("(prefers-color-scheme)" alone means: follow the system),
 *   - sets data-md-color-scheme/-primary/-accent on <body>,
 *   - shows the toggle for the next palette (each input's next sibling label),
 *   - keeps <meta name="color-scheme"> and <meta name="theme-color"> in step,
 *   - switches on the toggle, and follows the system setting when it changes
 *     until the reader picks a palette on this page.
 * Nothing is stored: the site keeps no state between pages (storage.js).
 */
(function () {
  "use strict";
  var form = document.querySelector("[data-kb-palette]");
  if (!form) return;
  var inputs = Array.prototype.slice.call(form.querySelectorAll("input.md-option"));
  if (!inputs.length) return;
  var light = window.matchMedia("(prefers-color-scheme: light)");
  var chosen = false;

  function meta(name) {
    var element = document.head.querySelector('meta[name="' + name + '"]');
    if (!element) {
      element = document.createElement("meta");
      element.name = name;
      document.head.appendChild(element);
    }
    return element;
  }

  function matching() {
    for (var i = 0; i < inputs.length; i++) {
      var media = inputs[i].getAttribute("data-md-color-media");
      if (media && window.matchMedia(media).matches) return i;
    }
    return 0;
  }

  function colors(input) {
    var source = input;
    if (input.getAttribute("data-md-color-media") === "(prefers-color-scheme)") {
      var wanted = light.matches ? "(prefers-color-scheme: light)" : "(prefers-color-scheme: dark)";
      source = form.querySelector("[data-md-color-media='" + wanted + "']") || input;
    }
    return ["scheme", "primary", "accent"].map(function (key) {
      return [key, source.getAttribute("data-md-color-" + key)];
    });
  }

  function apply(index, switching) {
    var body = document.body;
    if (switching) body.setAttribute("data-md-color-switching", "");
    colors(inputs[index]).forEach(function (pair) {
      if (pair[1] && body.getAttribute("data-md-color-" + pair[0]) !== pair[1]) {
        body.setAttribute("data-md-color-" + pair[0], pair[1]);
      }
    });
    inputs.forEach(function (input, i) {
      input.checked = i === index;
      var label = input.nextElementSibling;
      if (label && label.tagName === "LABEL") label.hidden = i !== index;
    });
    var header = document.querySelector("[data-md-component=header]");
    if (header) {
      var style = window.getComputedStyle(header);
      var scheme = style.colorScheme;
      var rgb = (style.backgroundColor.match(/\d+/g) || []).slice(0, 3);
      var colorScheme = meta("color-scheme");
      if (colorScheme.content !== scheme) colorScheme.content = scheme;
      if (rgb.length === 3) {
        meta("theme-color").content = "#" + rgb.map(function (c) { return (+c).toString(16).padStart(2, "0"); }).join("");
      }
    }
    if (switching) {
      window.requestAnimationFrame(function () { body.removeAttribute("data-md-color-switching"); });
    }
  }

  apply(matching(), false);

  inputs.forEach(function (input, index) {
    input.addEventListener("change", function () {
      chosen = true;
      apply(index, true);
    });
  });
  // Material's keyboard behaviour: Enter on the focused option moves to the next palette.
  form.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") return;
    var current = inputs.findIndex(function (input) { return input.checked; });
    var next = inputs[(current + 1) % inputs.length];
    event.preventDefault();
    next.click();
    next.focus();
  });
  function follow() { if (!chosen) apply(matching(), true); }
  if (light.addEventListener) light.addEventListener("change", follow);
  else if (light.addListener) light.addListener(follow);
})();

/*
 * Citation previews: show the cited article's text when a citation link is
 * hovered, focused with the keyboard, or tapped on a touch screen.
 *
 * The texts are embedded in the page at build time (kb/hooks/citations.py,
 * <div class="kb-cite-previews" hidden>), so no request is made and the
 * previews work offline. On touch screens the first tap shows the preview
 * (with a link to the article), the second follows the link.
 */
(function () {
  "use strict";

  // The preview texts come after the scripts in the page: wait for them.
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }

  function init() {
  var store = document.querySelector(".kb-cite-previews");
  if (!store) return;
  var lang = document.documentElement.lang === "en" ? "en" : "zh";
  var readLabel = lang === "en" ? "Read the article" : "阅读条文全文";
  var closeLabel = lang === "en" ? "Close" : "关闭";

  var popover = document.createElement("div");
  popover.className = "kb-cite-popover";
  popover.id = "kb-cite-popover";
  popover.setAttribute("role", "tooltip");
  popover.hidden = true;
  document.body.appendChild(popover);

  var current = null;
  var hideTimer = null;
  var lastPointer = "mouse";

  function source(link) {
    var key = link.getAttribute("data-kb-cite");
    var items = store.querySelectorAll("[data-kb-cite]");
    for (var i = 0; i < items.length; i++) {
      if (items[i].getAttribute("data-kb-cite") === key) return items[i];
    }
    return null;
  }

  function place(link) {
    var rect = link.getBoundingClientRect();
    var width = Math.min(420, document.documentElement.clientWidth - 16);
    popover.style.width = width + "px";
    var left = Math.max(8, Math.min(rect.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - width - 8));
    popover.style.left = left + "px";
    var below = rect.bottom + window.scrollY + 6;
    popover.style.top = below + "px";
    var height = popover.offsetHeight;
    if (rect.bottom + height + 12 > window.innerHeight && rect.top > height + 12) {
      popover.style.top = (rect.top + window.scrollY - height - 6) + "px";
    }
  }

  function show(link, withActions) {
    var item = source(link);
    if (!item) return;
    clearTimeout(hideTimer);
    popover.innerHTML = "";
    var body = item.cloneNode(true);
    body.removeAttribute("data-kb-cite");
    body.className = "kb-cite-popover__body";
    popover.appendChild(body);
    if (withActions) {
      var actions = document.createElement("p");
      actions.className = "kb-cite-popover__actions";
      var open = document.createElement("a");
      open.href = link.href;
      open.textContent = readLabel;
      var close = document.createElement("button");
      close.type = "button";
      close.textContent = closeLabel;
      close.addEventListener("click", function () { hide(true); });
      actions.appendChild(open);
      actions.appendChild(close);
      popover.appendChild(actions);
    }
    popover.hidden = false;
    if (current && current !== link) current.removeAttribute("aria-describedby");
    current = link;
    link.setAttribute("aria-describedby", popover.id);
    place(link);
  }

  function hide(now) {
    clearTimeout(hideTimer);
    var done = function () {
      popover.hidden = true;
      if (current) current.removeAttribute("aria-describedby");
      current = null;
    };
    if (now) done(); else hideTimer = setTimeout(done, 200);
  }

  var links = document.querySelectorAll("a.kb-cite[data-kb-cite]");
  for (var i = 0; i < links.length; i++) {
    (function (link) {
      link.addEventListener("pointerdown", function (event) { lastPointer = event.pointerType || "mouse"; });
      link.addEventListener("mouseenter", function () { if (lastPointer !== "touch") show(link, false); });
      link.addEventListener("mouseleave", function () { if (lastPointer !== "touch") hide(false); });
      link.addEventListener("focus", function () { if (lastPointer !== "touch") show(link, false); });
      link.addEventListener("blur", function () { if (lastPointer !== "touch") hide(false); });
      link.addEventListener("click", function (event) {
        if (lastPointer === "touch" && current !== link) {
          event.preventDefault();
          show(link, true);
        }
      });
    })(links[i]);
  }

  popover.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
  popover.addEventListener("mouseleave", function () { if (lastPointer !== "touch") hide(false); });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !popover.hidden) {
      var link = current;
      hide(true);
      if (link) link.focus();
    }
  });
  document.addEventListener("pointerdown", function (event) {
    lastPointer = event.pointerType || "mouse";
    if (!popover.hidden && !popover.contains(event.target) && event.target !== current &&
        !(current && current.contains(event.target))) {
      hide(true);
    }
  });
  }
})();

/*
 * Before printing, open every collapsible block (notes, checklists) so the
 * printout holds everything; close again afterwards the ones that were closed.
 */
(function () {
  "use strict";
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = [];
    Array.prototype.forEach.call(document.querySelectorAll("article details:not([open])"), function (details) {
      if (details.classList.contains("kb-share")) return;
      details.setAttribute("open", "");
      opened.push(details);
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (details) { details.removeAttribute("open"); });
    opened = [];
  });
})();

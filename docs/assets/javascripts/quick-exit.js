/*
 * Quick exit (modelled on GOV.UK's "Exit this page"): the control at the top
 * of every page, or pressing Shift three times within a second, blanks the
 * page at once and replaces it with a neutral site using location.replace(),
 * so this site's page is not added to the back-button history. Without
 * JavaScript the control is an ordinary link to the same neutral site.
 */
(function () {
  "use strict";
  var control = document.querySelector(".kb-quick-exit__link");
  if (!control) return;
  var target = control.getAttribute("href");

  function leave(event) {
    if (event) event.preventDefault();
    document.documentElement.classList.add("kb-exiting");
    document.title = "";
    // Announce the exit synchronously (tests check that the page is blank by now).
    document.dispatchEvent(new CustomEvent("kb:exiting"));
    window.location.replace(target);
  }

  control.addEventListener("click", leave);

  var presses = [];
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift" || event.repeat) return;
    var now = Date.now();
    presses = presses.filter(function (time) { return now - time < 1000; });
    presses.push(now);
    if (presses.length >= 3) {
      presses = [];
      leave();
    }
  });
})();

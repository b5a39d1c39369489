/*
 * Fetch the search index when the reader opens search, not on every page.
 *
 * Material requests search/search_index.json as soon as a page loads and
 * parses it on the main thread: a few hundred KB that a reader who never
 * searches downloads anyway, and the longest task on a phone while the page
 * is still settling. Material has no setting for this, so this script, loaded
 * before Material's bundle, holds that one request back until search is
 * opened (the search icon, the search field, or the keyboard shortcuts,
 * which all toggle Material's #__search switch or focus its field).
 * Pointing or touching the search control starts it a moment early.
 * Every other request passes untouched. The offline bundle loads its index
 * as a script, so this never applies there.
 *
 * Our search worker (workers/kb-search.js) answers with at most a page's worth
 * of result groups and the total found; each answer is passed on to the page
 * as a "kb-search-result" event, for search-help.js to say how many there are.
 */
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json$/;
  var opened = false;
  var waiting = [];

  function open() {
    if (opened) return;
    opened = true;
    waiting.splice(0).forEach(function (send) { send(); });
  }

  var realOpen = XMLHttpRequest.prototype.open;
  var realSend = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    var request = this;
    request.kbSearchIndex = INDEX.test(String(url).split("?")[0]);
    return realOpen.apply(request, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments;
    if (!request.kbSearchIndex || opened) return realSend.apply(request, args);
    waiting.push(function () { realSend.apply(request, args); });
  };

  var RealWorker = window.Worker;
  if (RealWorker) {
    var Tapped = function (url, options) {
      var worker = new RealWorker(url, options);
      worker.addEventListener("message", function (event) {
        var message = event.data;
        if (message && message.type === 3 && message.data && typeof message.data.total === "number") {
          document.dispatchEvent(new CustomEvent("kb-search-result", { detail: message.data }));
        }
      });
      return worker;
    };
    Tapped.prototype = RealWorker.prototype;
    window.Worker = Tapped;
  }

  function isSearch(target) {
    return target && target.closest && target.closest(".md-search, label[for='__search'], #__search");
  }
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) open();
  }, true);
  document.addEventListener("focusin", function (event) { if (isSearch(event.target)) open(); }, true);
  ["pointerover", "touchstart", "keydown"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      if (type === "keydown" ? /^[fs/]$/.test(event.key) : isSearch(event.target)) open();
    }, { capture: true, passive: true });
  });
})();

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
 * as a script, so this never applies there. The index text is kept as
 * window.kbSearchIndexText for search-help.js, which searches it again only
 * when Material's search finds nothing.
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

  // Keep the index text for search-help.js. Registered at open(), before Material's own "load"
  // listener: Material aborts the request once it has read it, which empties the response.
  // (Material asks for a Blob; reading it as text leaves what Material receives untouched.)
  function keepText(request) {
    request.addEventListener("load", function () {
      var body = request.response;
      if (body && typeof body.text === "function") {
        body.text().then(function (text) { window.kbSearchIndexText = text; });
      } else if (typeof body === "string") {
        window.kbSearchIndexText = body;
      }
    });
  }

  var realOpen = XMLHttpRequest.prototype.open;
  var realSend = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    var request = this;
    request.kbSearchIndex = INDEX.test(String(url).split("?")[0]);
    if (request.kbSearchIndex) keepText(request);
    return realOpen.apply(request, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments;
    if (!request.kbSearchIndex || opened) return realSend.apply(request, args);
    waiting.push(function () { realSend.apply(request, args); });
  };

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

/*
 * Material for MkDocs keeps UI state (colour palette, selected tabs,
 * dismissed banners) with __md_get/__md_set in localStorage. This site must
 * leave nothing behind in a browser that someone else may check, so the same
 * functions keep the state in memory for the current page only.
 * See docs/help/safer-browsing.md, "what this site stores".
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var memory = {};
  window.__md_scope = new URL((script && script.getAttribute("data-scope")) || ".", location);
  window.__md_hash = function (value) {
    return Array.prototype.reduce.call(value, function (hash, ch) { return ((hash << 5) - hash + ch.charCodeAt(0)) | 0; }, 0);
  };
  window.__md_get = function (key, storage, scope) {
    var name = (scope || window.__md_scope).pathname + "." + key;
    return Object.prototype.hasOwnProperty.call(memory, name) ? JSON.parse(memory[name]) : null;
  };
  window.__md_set = function (key, value, storage, scope) {
    memory[(scope || window.__md_scope).pathname + "." + key] = JSON.stringify(value);
  };
})();

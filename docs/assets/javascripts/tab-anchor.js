/* Open the content tab named by the URL's #anchor (Material does this inline; CSP forbids inline scripts). */
(function () {
  "use strict";
  var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (target && target.name) target.checked = target.name.indexOf("__tabbed_") === 0;
})();

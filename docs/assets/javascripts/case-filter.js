/*
 * Case index filter: narrows the table of cases by source (official or
 * teaching), release, year, issuer, proceedings, category and text, and by a
 * cited article when the address says ?cite=<law-page>:<art-id> (the "more"
 * link under an article on a law page). Each select can also be preset from
 * the address (?source=official&release=spc-2020-11), so trainers can link
 * to a filtered list. Rows carry what they are filtered on as data-*
 * attributes (kb/hooks/cases.py).
 * The filter is hidden in the HTML and shown only here, so without
 * JavaScript the page is the full table plus the category, tag and release pages.
 */
(function () {
  "use strict";
  var box = document.querySelector(".kb-case-filter");
  if (!box) return;
  var table = box.parentElement.querySelector("table");
  var rows = table ? table.querySelectorAll("tbody tr") : [];
  if (!rows.length) return;
  var params = new URLSearchParams(window.location.search);
  var selects = box.querySelectorAll("select[data-kb-filter]");
  var text = box.querySelector('[data-kb-filter="text"]');
  var count = box.querySelector("[data-kb-filter-count]");
  var citeNote = box.querySelector("[data-kb-filter-cite]");
  var cite = params.get("cite");
  var citeKey = cite && /^[a-z0-9-]+:art-[0-9-]+$/.test(cite) ? cite.replace(":", "#") : null;
  if (citeKey && citeNote) {
    var example = table.querySelector('[data-kb-cite="' + citeKey + '"]');
    citeNote.querySelector("[data-kb-filter-cite-name]").textContent = example ? example.textContent : cite;
    citeNote.hidden = false;
  }
  // A row's value for a filter; issuers are several, separated by "|".
  var field = { source: "source", release: "release", year: "year", issuer: "issuers",
                procedure: "procedure", category: "category" };

  function matchesSelect(row, select) {
    var wanted = select.value;
    if (!wanted) return true;
    var name = select.getAttribute("data-kb-filter");
    var value = row.getAttribute("data-" + field[name]) || "";
    return name === "issuer" ? value.split("|").indexOf(wanted) !== -1 : value === wanted;
  }

  function apply() {
    var query = text.value.trim().toLowerCase();
    var shown = 0;
    Array.prototype.forEach.call(rows, function (row) {
      var matches = Array.prototype.every.call(selects, function (select) { return matchesSelect(row, select); }) &&
        (!citeKey || row.querySelector('[data-kb-cite="' + citeKey + '"]') !== null) &&
        (!query || row.textContent.toLowerCase().indexOf(query) !== -1);
      row.hidden = !matches;
      if (matches) shown++;
    });
    count.textContent = count.getAttribute("data-template")
      .replace("{shown}", shown).replace("{total}", rows.length);
  }

  Array.prototype.forEach.call(selects, function (select) {
    var preset = params.get(select.getAttribute("data-kb-filter"));
    if (preset && select.querySelector('option[value="' + CSS.escape(preset) + '"]')) select.value = preset;
    select.addEventListener("change", apply);
  });
  text.addEventListener("input", apply);
  box.hidden = false;
  apply();
})();

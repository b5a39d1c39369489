/*
 * Case index filter: narrows the table of cases by category and by text,
 * and by a cited article when the address says ?cite=<law-page>:<art-id>
 * (the "more" link under an article on a law page).
 * The filter is hidden in the HTML and shown only here, so without
 * JavaScript the page is the full table plus the category and tag pages.
 */
(function () {
  "use strict";
  var box = document.querySelector(".kb-case-filter");
  if (!box) return;
  var table = box.parentElement.querySelector("table");
  var rows = table ? table.querySelectorAll("tbody tr") : [];
  if (!rows.length) return;
  var category = box.querySelector('[data-kb-filter="category"]');
  var text = box.querySelector('[data-kb-filter="text"]');
  var count = box.querySelector("[data-kb-filter-count]");
  var citeNote = box.querySelector("[data-kb-filter-cite]");
  var cite = new URLSearchParams(window.location.search).get("cite");
  var citeKey = cite && /^[a-z0-9-]+:art-[0-9-]+$/.test(cite) ? cite.replace(":", "#") : null;
  if (citeKey && citeNote) {
    var example = table.querySelector('[data-kb-cite="' + citeKey + '"]');
    citeNote.querySelector("[data-kb-filter-cite-name]").textContent = example ? example.textContent : cite;
    citeNote.hidden = false;
  }
  var labels = {};
  Array.prototype.forEach.call(category.options, function (option) { labels[option.value] = option.textContent; });

  function apply() {
    var wanted = category.value;
    var query = text.value.trim().toLowerCase();
    var shown = 0;
    Array.prototype.forEach.call(rows, function (row) {
      var cells = row.querySelectorAll("td");
      var rowCategory = cells[1] ? cells[1].textContent.trim() : "";
      var matches = (!wanted || rowCategory === labels[wanted]) &&
        (!citeKey || row.querySelector('[data-kb-cite="' + citeKey + '"]') !== null) &&
        (!query || row.textContent.toLowerCase().indexOf(query) !== -1);
      row.hidden = !matches;
      if (matches) shown++;
    });
    count.textContent = count.getAttribute("data-template")
      .replace("{shown}", shown).replace("{total}", rows.length);
  }

  category.addEventListener("change", apply);
  text.addEventListener("input", apply);
  box.hidden = false;
  apply();
})();

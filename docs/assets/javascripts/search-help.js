/*
 * No dead ends in search.
 *
 * When Material's search finds nothing for what the reader typed, its panel
 * would show only "no matching documents". A reader who is frightened, on a
 * phone, typing her own words, gets this instead, under Material's list:
 *
 *  1. for a query with Chinese characters, the pages that contain those
 *     characters in that order (验伤 in 鉴定伤情 …), a fallback that appears
 *     only when the real search found nothing, so it never ranks above a real
 *     match; pages whose title has them come first, then the pages where they
 *     stand closest together;
 *  2. always: the emergency numbers, the help page and the question index.
 *
 * The characters are looked up in every entry of the index: in the offline
 * bundle opened from disk, the __index script Material's offline plugin
 * loads; on the web, search/search_index.full.json, fetched the first time a
 * query finds nothing (the search itself fetches only pieces of the index).
 *
 * When our search worker found more pages than it lists (kb-search.js shows
 * the best MAX_GROUPS), a line under the list says how many, and how to narrow.
 */
(function () {
  "use strict";
  var result = document.querySelector(".md-search-result");
  var input = document.querySelector(".md-search__input");
  if (!result || !input) return;
  var list = result.querySelector(".md-search-result__list");
  var config = JSON.parse((document.getElementById("__config") || {}).textContent || "{}");
  var base = new URL(config.base || ".", window.location.href);
  var english = (document.documentElement.lang || "zh").slice(0, 2) === "en";
  var TEXT = english ? {
    none: "Nothing matches \u201c{q}\u201d exactly.",
    similar: "These pages contain the same characters in the same order and may help:",
    help: "Need help now?",
    helpPage: "Get help: what you can do now",
    questions: "Questions people ask",
    hint: "Try fewer or everyday words, for example \u201cprotection order\u201d, \u201cdivorce\u201d, \u201cpolice\u201d.",
    more: "Showing the best {shown} of {total} pages found. Add a word to narrow the search."
  } : {
    none: "没有找到与\u201c{q}\u201d完全匹配的内容。",
    similar: "下面的页面按顺序包含这几个字，可能有关：",
    help: "需要帮助？",
    helpPage: "我需要帮助：现在可以做什么",
    questions: "常见问题",
    hint: "可以换一种说法，或者少用几个字，例如\u201c保护令\u201d\u201c离婚\u201d\u201c报警\u201d。",
    more: "共找到 {total} 个页面，这里列出最相关的 {shown} 个。多输入一个词可以缩小范围。"
  };
  var HAN = /[\u3400-\u9fff]/;
  var LIMIT = 8;
  var docs = null;

  var panel = document.createElement("div");
  panel.className = "kb-search-help";
  panel.hidden = true;
  panel.setAttribute("role", "status");
  list.parentNode.insertBefore(panel, list.nextSibling);

  var loading = null;

  // Every entry of the index, plain text, or null while it is being fetched (onLoad runs then).
  function indexDocs(onLoad) {
    if (docs) return docs;
    if (window.__index) return (docs = plainDocs(window.__index));
    if (!loading) {
      loading = fetch(new URL("search/search_index.full.json", base).href)
        .then(function (response) { return response.ok ? response.json() : { docs: [] }; })
        .catch(function () { return { docs: [] }; })
        .then(function (index) { docs = plainDocs(index); });
    }
    loading.then(onLoad);
    return null;
  }

  function plainDocs(source) {
    var plain = function (text) {
      return String(text || "").replace(/<[^>]*>/g, "").replace(/[\u200b\s]+/g, "");
    };
    return (source.docs || []).map(function (doc) {
      return { location: doc.location, title: plain(doc.title), text: plain(doc.text) };
    });
  }

  // Length of the shortest stretch of `text` holding every character of `chars` in order, or -1.
  function span(text, chars) {
    var best = -1;
    for (var start = text.indexOf(chars[0]); start !== -1; start = text.indexOf(chars[0], start + 1)) {
      var at = start;
      for (var i = 1; i < chars.length && at !== -1; i++) at = text.indexOf(chars[i], at + 1);
      if (at === -1) break;
      var length = at - start + 1;
      if (best === -1 || length < best) best = length;
      if (best === chars.length) break;
    }
    return best;
  }

  // Pages with the query's characters in order, or null until the index is there (onLoad runs then).
  function fallback(query, onLoad) {
    var chars = query.replace(/[^\u3400-\u9fff]/g, "").split("");
    if (chars.length < 2) return [];
    var all = indexDocs(onLoad);
    if (!all) return null;
    var pages = {};
    var titles = {};
    all.forEach(function (doc) {
      if (doc.location.indexOf("#") === -1) titles[doc.location] = doc.title;
    });
    all.forEach(function (doc) {
      var inTitle = span(doc.title, chars) !== -1;
      var length = inTitle ? chars.length : span(doc.text, chars);
      if (length === -1 || length > chars.length * 12) return;
      var page = doc.location.split("#")[0];
      var score = [inTitle ? 0 : 1, length];
      var known = pages[page];
      if (!known || score[0] < known.score[0] || (score[0] === known.score[0] && score[1] < known.score[1])) {
        var title = titles[page] || doc.title;
        pages[page] = { location: doc.location, score: score,
                        title: title === doc.title || !titles[page] ? title : title + " \u203a " + doc.title };
      }
    });
    return Object.keys(pages).map(function (key) { return pages[key]; }).sort(function (a, b) {
      return a.score[0] - b.score[0] || a.score[1] - b.score[1];
    }).slice(0, LIMIT);
  }

  function element(tag, text, attributes) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    return node;
  }

  function link(path, text) {
    return element("a", text, { href: new URL(path, base).href });
  }

  function render(query) {
    panel.textContent = "";
    panel.appendChild(element("p", TEXT.none.replace("{q}", query), { "class": "kb-search-help__none" }));
    var similar = HAN.test(query) ? fallback(query, function () { if (shown === query) render(query); }) : [];
    if (similar && similar.length) {
      panel.appendChild(element("p", TEXT.similar));
      var found = element("ul", "", { "class": "kb-search-help__similar" });
      similar.forEach(function (page) {
        var item = element("li");
        item.appendChild(link(page.location, page.title));
        found.appendChild(item);
      });
      panel.appendChild(found);
    } else if (similar) {
      panel.appendChild(element("p", TEXT.hint));
    }
    panel.appendChild(element("p", TEXT.help, { "class": "kb-search-help__title" }));
    var numbers = element("ul", "", { "class": "kb-search-help__numbers" });
    // The numbers, their names and the hours caveat as the emergency strip of every page gives them
    // (overrides/partials/kb/emergency.html, kb/ui_strings.yml): written down once.
    Array.prototype.forEach.call(document.querySelectorAll(".kb-emergency__tel"), function (tel) {
      var item = element("li");
      item.appendChild(element("a", tel.textContent.replace(/\s+/g, " ").trim(), { href: tel.getAttribute("href") }));
      var note = tel.nextElementSibling;
      if (note && note.classList.contains("kb-emergency__note")) {
        var repeated = note.querySelector(".kb-emergency__note-number");
        item.appendChild(document.createTextNode(note.textContent.slice(repeated ? repeated.textContent.length : 0)));
      }
      numbers.appendChild(item);
    });
    panel.appendChild(numbers);
    var pages = element("ul", "", { "class": "kb-search-help__pages" });
    [["help/", TEXT.helpPage], ["questions/", TEXT.questions]].forEach(function (pair) {
      var item = element("li");
      item.appendChild(link(pair[0], pair[1]));
      pages.appendChild(item);
    });
    panel.appendChild(pages);
  }

  // Material's own "no matching documents" text: shown once its search ran and found nothing.
  var NONE = (config.translations || {})["search.result.none"];
  var meta = result.querySelector(".md-search-result__meta");
  var shown = "";
  var settling = null;
  function empty(query) {
    return query && NONE && meta && list.children.length === 0 && meta.textContent.trim() === NONE;
  }
  // The panel waits a moment: while the reader types, the answer to an earlier query (an empty box
  // finds nothing) can arrive after the next character; only a result that stays empty counts.
  function update() {
    var query = input.value.trim();
    if (!query) more.hidden = true;
    clearTimeout(settling);
    if (!empty(query)) {
      panel.hidden = true;
      shown = "";
      return;
    }
    settling = setTimeout(function () {
      if (!empty(input.value.trim()) || input.value.trim() !== query) return;
      if (shown !== query) {
        render(query);
        shown = query;
      }
      panel.hidden = false;
    }, 250);
  }

  // "Showing the best 10 of 130": under the list, when the worker listed fewer pages than it found.
  var more = element("p", "", { "class": "kb-search-help__more" });
  more.hidden = true;
  list.parentNode.insertBefore(more, panel);
  document.addEventListener("kb-search-result", function (event) {
    var found = event.detail, listed = found.items.length;
    more.hidden = found.total <= listed || !input.value.trim();
    more.textContent = TEXT.more.replace("{total}", found.total).replace("{shown}", listed);
  });

  new MutationObserver(update).observe(result, { childList: true, subtree: true, characterData: true });
  input.addEventListener("input", update);
})();

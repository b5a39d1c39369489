/*
 * Search worker for the index in pieces (kb/search_shards.py).
 *
 * Material's search UI talks to a web worker through four messages (SETUP,
 * READY, QUERY, RESULT) and lets a site bring its own worker; this is ours.
 * Material's worker receives every entry of the index and builds a lunr index
 * from them before the first query; this one receives a small manifest, and
 * for each query fetches only the term lists of the query's characters, the
 * postings of the terms the query expands to, and the entries of the pages it
 * shows, then answers as Material's worker would: the same lunr (loaded from
 * Material's own worker script), the same Chinese segmentation, query syntax,
 * scores, boosts, grouping by page and highlighting. Files fetched once are
 * kept for later queries.
 *
 * The search logic below is Material for MkDocs 9.x's
 * (src/templates/assets/javascripts/integrations/search/, MIT licence,
 * copyright Martin Donath), ported from TypeScript; the only changes are
 * where the data comes from, and that a result lists at most MAX_GROUPS pages
 * (with the total in `total`), since showing a page needs its text fetched.
 */
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
var MAX_GROUPS = 10; // Material shows ten pages at first, more as the reader scrolls
var HAN_RUN = /\p{sc=Han}+/gu;

var state = null;      // set up by SETUP
var latest = 0;        // number of the newest query; older ones are not answered
var queue = Promise.resolve();

/* ---------------------------------------------------------------- data */

function fetchJSON(url) {
  return fetch(url).then(function (response) {
    if (!response.ok) throw new Error("kb-search: " + response.status + " for " + url);
    return response.json();
  });
}

// Files by path, fetched once; a failed fetch is forgotten so a later query tries again.
function load(path) {
  var files = state.files;
  if (!files[path]) {
    files[path] = fetchJSON(new URL(path, state.folder)).catch(function (error) {
      delete files[path];
      throw error;
    });
  }
  return files[path];
}

function bucketOf(term) {
  return (term ? term.codePointAt(0) : 0) % state.kb.buckets;
}

// The term lists of these buckets: term -> number of its postings file.
function loadBuckets(buckets) {
  return Promise.all(buckets.map(function (bucket) {
    return load("terms/" + bucket + ".json").then(function (terms) {
      if (!state.bucketsLoaded[bucket]) {
        state.bucketsLoaded[bucket] = true;
        Object.keys(terms).forEach(function (term) { state.terms[term] = terms[term]; });
        state.dictionary = null;
      }
    });
  }));
}

// Postings: term -> [term index, per field: [entry difference, weight, ...]].
function loadPostings(files) {
  return Promise.all(files.map(function (file) {
    return load("postings/" + file + ".json").then(function (postings) {
      if (state.postingsLoaded[file]) return;
      state.postingsLoaded[file] = true;
      Object.keys(postings).forEach(function (term) {
        var data = postings[term], posting = { _index: data[0] };
        state.kb.fields.forEach(function (field, f) {
          var entries = Object.create(null), pairs = data[f + 1], entry = 0;
          for (var i = 0; i < pairs.length; i += 2) {
            entry += pairs[i];
            entries[entry] = {};
            var ref = field + "/" + entry;
            (state.vectors[ref] || (state.vectors[ref] = [])).push(data[0], pairs[i + 1]);
          }
          posting[field] = entries;
        });
        state.postings[term] = posting;
      });
      state.index = null;
    });
  }));
}

// A lunr index over the postings fetched so far. Scores are Material's: a field vector holds the
// weights of the terms fetched, and a query only multiplies the weights of its own terms.
function index() {
  if (state.index) return state.index;
  var terms = Object.keys(state.postings).sort();
  var fieldVectors = Object.create(null);
  Object.keys(state.vectors).forEach(function (ref) {
    var flat = state.vectors[ref], pairs = [];
    for (var i = 0; i < flat.length; i += 2) pairs.push([flat[i], flat[i + 1]]);
    pairs.sort(function (a, b) { return a[0] - b[0]; });
    fieldVectors[ref] = new lunr.Vector([].concat.apply([], pairs));
  });
  state.index = new lunr.Index({
    invertedIndex: state.postings,
    fieldVectors: fieldVectors,
    tokenSet: lunr.TokenSet.fromArray(terms),
    fields: state.kb.fields,
    pipeline: state.builder.searchPipeline
  });
  return state.index;
}

// Which page an entry belongs to: the last page start at or before it.
function pageOf(entry) {
  var starts = state.starts, low = 0, high = starts.length - 1;
  while (low < high) {
    var middle = (low + high + 1) >> 1;
    if (starts[middle] <= entry) low = middle; else high = middle - 1;
  }
  return low;
}

/* ------------------------------------------------- Material's search logic */

// lunr's query parser, as lunr.Index.search runs it, to learn which terms a query needs.
function lunrClauses(query) {
  var parsed = new lunr.Query(state.kb.fields);
  new lunr.QueryParser(query, parsed).parse();
  return parsed.clauses;
}

// Fetch the term lists and postings a query needs, then return its expansions' postings files.
function prepare(query) {
  // The terms a query searches for: lunr's clauses, each term through the search pipeline.
  var wanted = [];
  lunrClauses(query).forEach(function (clause) {
    state.builder.searchPipeline.runString(clause.term, { fields: clause.fields }).forEach(function (term) {
      wanted.push({ clause: clause, term: term });
    });
  });
  var all = false, buckets = {};
  wanted.forEach(function (item) {
    if (item.term.charAt(0) === "*" || item.clause.editDistance > 0) all = true;
    else buckets[bucketOf(item.term)] = true;
  });
  var needed = all ? range(state.kb.buckets) : Object.keys(buckets).map(Number);
  return loadBuckets(needed).then(function () {
    var files = {};
    wanted.forEach(function (item) {
      item.clause.term = item.term;
      dictionary().intersect(lunr.TokenSet.fromClause(item.clause)).toArray().forEach(function (expanded) {
        if (!(expanded in state.postings)) files[state.terms[expanded]] = true;
      });
    });
    return loadPostings(Object.keys(files).map(Number));
  });
}

// Every term of the term lists fetched so far, as lunr expands wildcards against them; built again
// only after more lists arrive.
function dictionary() {
  if (!state.dictionary) state.dictionary = lunr.TokenSet.fromArray(Object.keys(state.terms).sort());
  return state.dictionary;
}

function range(count) {
  var out = [];
  for (var i = 0; i < count; i++) out.push(i);
  return out;
}

// Material: query/segment. Greedy segmentation of a Chinese run against the index's terms.
function segment(query, terms) {
  var segments = new Set();
  var wordcuts = new Uint16Array(query.length);
  for (var i = 0; i < query.length; i++)
    for (var j = i + 1; j < query.length; j++) {
      if (query.slice(i, j) in terms) wordcuts[i] = j - i;
    }
  var stack = [0];
  for (var s = stack.length; s > 0;) {
    var p = stack[--s];
    for (var q = 1; q < wordcuts[p]; q++)
      if (wordcuts[p + q] > wordcuts[p] - q) {
        segments.add(query.slice(p, p + q));
        stack[s++] = p + q;
      }
    var end = p + wordcuts[p];
    if (wordcuts[end] && end < query.length - 1) stack[s++] = end;
    segments.add(query.slice(p, end));
  }
  if (segments.has("")) return new Set([query]);
  return segments;
}

// Material: internal/split. Calls fn(start, end) for each stretch between separators.
function split(input, separator, fn) {
  separator = new RegExp(separator, "g");
  var match, index = 0;
  do {
    match = separator.exec(input);
    var until = match ? match.index : input.length;
    if (index < until) fn(index, until);
    if (match) {
      index = match.index + match[0].length;
      if (match[0].length === 0) separator.lastIndex = match.index + 1;
    }
  } while (match);
}

// Material: query/transform + transformSearchQuery.
function transform(query, fn) {
  return query
    .trim()
    .split(/"([^"]+)"/g)
    .map(function (parts, index) {
      return index & 1 ? parts.replace(/^\b|^(?![^\x00-\x7F]|$)|\s+/g, " +") : parts;
    })
    .join("")
    .replace(/"|(?:^|\s+)[*+\-:^~]+(?=\s+|$)/g, "")
    .split(/\s+/g)
    .reduce(function (prev, term) {
      var next = fn(term);
      return prev.concat(Array.isArray(next) ? next : [next]);
    }, [])
    .map(function (term) { return /([~^]$)/.test(term) ? term + "1" : term; })
    .map(function (term) { return /(^[+-]|[~^]\d+$)/.test(term) ? term : term + "*"; })
    .join(" ");
}

function transformSearchQuery(query) {
  return transform(query, function (part) {
    var terms = [];
    var lexer = new lunr.QueryLexer(part);
    lexer.run();
    lexer.lexemes.forEach(function (lexeme) {
      var term = lexeme.str, start = lexeme.start, end = lexeme.end;
      switch (lexeme.type) {
        case "FIELD":
          if (["title", "text", "tags"].indexOf(term) === -1)
            part = [part.slice(0, end), " ", part.slice(end + 1)].join("");
          break;
        case "TERM":
          split(term, lunr.tokenizer.separator, function (from, to) {
            terms.push([part.slice(0, start), term.slice(from, to), part.slice(end)].join(""));
          });
      }
    });
    return terms;
  });
}

// Material: parseSearchQuery (clauses for analysis, wildcards removed).
function parseSearchQuery(value) {
  var query = new lunr.Query(["title", "text", "tags"]);
  new lunr.QueryParser(value, query).parse();
  query.clauses.forEach(function (clause) {
    clause.usePipeline = true;
    if (clause.term.startsWith("*")) {
      clause.wildcard = lunr.Query.wildcard.LEADING;
      clause.term = clause.term.slice(1);
    }
    if (clause.term.endsWith("*")) {
      clause.wildcard = lunr.Query.wildcard.TRAILING;
      clause.term = clause.term.slice(0, -1);
    }
  });
  return query.clauses;
}

// Material: getSearchQueryTerms.
function getSearchQueryTerms(query, terms) {
  var clauses = new Set(query), result = {};
  for (var t = 0; t < terms.length; t++)
    clauses.forEach(function (clause) {
      if (terms[t].startsWith(clause.term)) {
        result[clause.term] = true;
        clauses.delete(clause);
      }
    });
  clauses.forEach(function (clause) {
    if (lunr.stopWordFilter && lunr.stopWordFilter(clause.term)) result[clause.term] = false;
  });
  return result;
}

// Material: internal/extract. Visits tags and text of an HTML string (0 open, 1 text, 2 close).
function extract(input, fn) {
  var block = 0, start = 0, end = 0;
  for (var stack = 0; end < input.length; end++) {
    if (input.charAt(end) === "<" && end > start) {
      fn(block, 1, start, start = end);
    } else if (input.charAt(end) === ">") {
      if (input.charAt(start + 1) === "/") {
        if (--stack === 0) fn(block++, 2, start, end + 1);
      } else if (input.charAt(end - 1) !== "/") {
        if (stack++ === 0) fn(block, 0, start, end + 1);
      }
      start = end + 1;
    }
  }
  if (end > start) fn(block, 1, start, end);
}

// Material: internal/tokenize, writing the position table into `table`.
function tokenize(input, table) {
  var tokens = [];
  if (typeof input === "undefined") return tokens;
  var inputs = Array.isArray(input) ? input : [input];
  for (var i = 0; i < inputs.length; i++) {
    var total = table.length;
    extract(inputs[i], function (block, type, start, end) {
      block += total;
      table[block] = table[block] || [];
      if (type !== 1) {
        table[block].push(start << 12 | end - start << 2 | type);
        return;
      }
      var section = inputs[i].slice(start, end);
      split(section, lunr.tokenizer.separator, function (index, until) {
        table[block].push(start + index << 12 | until - index << 2 | type);
        tokens.push(new lunr.Token(section.slice(index, until).toLowerCase(), {
          position: block << 20 | table[block].length - 1
        }));
      });
    });
  }
  return tokens;
}

// Material: internal/highlight.
function highlightAll(inputs, table, positions, full) {
  var mapping = [0];
  for (var t = 1; t < table.length; t++) {
    var prev = table[t - 1], next = table[t];
    var p = prev[prev.length - 1] >>> 2 & 0x3FF;
    var q = next[0] >>> 12;
    mapping.push(+(p > q) + mapping[mapping.length - 1]);
  }
  return inputs.map(function (input, i) {
    var cursor = 0, blocks = new Map();
    positions.sort(function (a, b) { return a - b; }).forEach(function (position) {
      var index = position & 0xFFFFF, block = position >>> 20;
      if (mapping[block] !== i) return;
      var group = blocks.get(block);
      if (typeof group === "undefined") blocks.set(block, group = []);
      group.push(index);
    });
    if (blocks.size === 0) return input;
    var slices = [];
    for (var entry of blocks) {
      var block = entry[0], indexes = entry[1], t = table[block];
      var start = t[0] >>> 12, end = t[t.length - 1] >>> 12, length = t[t.length - 1] >>> 2 & 0x3FF;
      if (full && start > cursor) slices.push(input.slice(cursor, start));
      var slice = input.slice(start, end + length);
      indexes.sort(function (a, b) { return b - a; }).forEach(function (j) {
        var from = (t[j] >>> 12) - start, to = (t[j] >>> 2 & 0x3FF) + from;
        slice = [slice.slice(0, from), "<mark>", slice.slice(from, to), "</mark>", slice.slice(to)].join("");
      });
      cursor = end + length;
      if (slices.push(slice) === 2) break;
    }
    if (full && cursor < input.length) slices.push(input.slice(cursor));
    return slices.join("");
  });
}

// The positions of the matched terms in one field of an entry: Material keeps them from indexing;
// here the field is tokenized again, through the same index pipeline.
function highlightField(doc, field, terms) {
  var table = [];
  var tokens = state.builder.pipeline.run(tokenize(doc[field], table));
  var positions = [];
  tokens.forEach(function (token) {
    if (terms.has(token.toString())) positions.push(token.metadata.position);
  });
  if (!positions.length) return doc[field];
  var full = field !== "text";
  return Array.isArray(doc[field])
    ? highlightAll(doc[field], table, positions, full)
    : highlightAll([doc[field]], table, positions, full).pop();
}

function search(query) {
  var terms = state.terms;
  query = query.replace(HAN_RUN, function (value) {
    return Array.from(segment(value, terms)).join("* ");
  });
  query = transformSearchQuery(query);
  if (!query) return Promise.resolve({ items: [] });
  return prepare(query).then(function () {
    var clauses = parseSearchQuery(query).filter(function (clause) {
      return clause.presence !== lunr.Query.presence.PROHIBITED;
    });
    if (!clauses.length) return { items: [] }; // only exclusions: every page but some, which helps nobody
    var scored = index().search(query).map(function (result) {
      var entry = Number(result.ref);
      var page = pageOf(entry);
      var found = getSearchQueryTerms(clauses, Object.keys(result.matchData.metadata));
      var boost = +(state.starts[page] === entry) +
        Object.values(found).filter(function (t) { return t; }).length / Object.keys(found).length;
      return { entry: entry, page: page, score: result.score * (1 + Math.pow(boost, 2)),
               terms: found, metadata: result.matchData.metadata };
    }).sort(function (a, b) { return b.score - a.score; });
    var groups = new Map();
    scored.forEach(function (item) {
      var group = groups.get(item.page);
      if (!group) groups.set(item.page, group = []);
      group.push(item);
    });
    groups.forEach(function (items, page) {
      var start = state.starts[page];
      if (!items.some(function (item) { return item.entry === start; }))
        items.push({ entry: start, page: page, score: 0, terms: {}, metadata: {} });
    });
    var shown = Array.from(groups.values()).slice(0, MAX_GROUPS);
    return Promise.all(shown.map(function (items) {
      return load("pages/" + items[0].page + ".json");
    })).then(function (pages) {
      return {
        items: shown.map(function (items, g) {
          return items.map(function (item) { return present(item, pages[g]); });
        }),
        total: groups.size
      };
    });
  });
}

// One result as Material's worker gives it: the entry, highlighted, with its score and terms.
function present(item, page) {
  var doc = Object.assign({}, page[item.entry - state.starts[item.page]]);
  if (doc.tags) doc.tags = doc.tags.slice();
  ["title", "text", "tags"].forEach(function (field) {
    if (typeof doc[field] === "undefined") return;
    var terms = new Set(Object.keys(item.metadata).filter(function (term) {
      return typeof item.metadata[term][field] !== "undefined";
    }));
    if (terms.size) doc[field] = highlightField(doc, field, terms);
  });
  return Object.assign(doc, { score: item.score, terms: item.terms });
}

/* ------------------------------------------------------------------ setup */

// Material: setupSearchLanguages, for the languages kb/search_shards.py knows; Japanese, Hindi and
// Thai need segmenters whose token positions this worker does not reproduce.
function setupLanguages(config) {
  var base = "../lunr";
  var scripts = [];
  config.lang.forEach(function (lang) {
    if (["ja", "hi", "th"].indexOf(lang) !== -1) throw new Error("kb-search: no support for search language " + lang);
    if (lang !== "en") scripts.push(base + "/min/lunr." + lang + ".min.js");
  });
  if (config.lang.length > 1) scripts.push(base + "/min/lunr.multi.min.js");
  if (scripts.length) importScripts.apply(self, [base + "/min/lunr.stemmer.support.min.js"].concat(scripts));
}

function loadLunr(worker) {
  var listen = self.addEventListener;
  self.addEventListener = function () {};
  try {
    importScripts(worker);
  } finally {
    self.addEventListener = listen;
  }
  if (typeof lunr === "undefined") throw new Error("kb-search: no lunr in " + worker);
}

// A lunr builder set up as Material's Search constructor sets it up, without entries: its
// pipelines tokenize and process what the index holds and what is typed.
function builder(config) {
  var made = new lunr.Builder();
  made.pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer);
  made.searchPipeline.add(lunr.stemmer);
  if (config.lang.length === 1 && config.lang[0] !== "en") made.use(lunr[config.lang[0]]);
  else if (config.lang.length > 1) made.use(lunr.multiLanguage.apply(lunr, config.lang));
  lunr.tokenizer.separator = new RegExp(config.separator);
  var removed = ["trimmer", "stopWordFilter", "stemmer"].filter(function (fn) {
    return config.pipeline.indexOf(fn) === -1;
  });
  config.lang.map(function (language) { return language === "en" ? lunr : lunr[language]; })
    .forEach(function (lang) {
      removed.forEach(function (fn) {
        made.pipeline.remove(lang[fn]);
        made.searchPipeline.remove(lang[fn]);
      });
    });
  return made;
}

function setup(data) {
  var kb = data.config.kb;
  if (!kb || kb.format !== 1) throw new Error("kb-search: the search index is not in the format this worker reads");
  if (data.options && data.options.suggest) throw new Error("kb-search: search suggestions are not supported");
  loadLunr(kb.material);
  setupLanguages(data.config);
  var starts = [], at = 0;
  kb.starts.forEach(function (step) { starts.push(at += step); });
  state = {
    kb: kb,
    folder: new URL(kb.folder, self.location.href),
    builder: builder(data.config),
    starts: starts,
    files: {}, terms: Object.create(null), bucketsLoaded: {}, dictionary: null,
    postings: Object.create(null), postingsLoaded: {}, vectors: Object.create(null), index: null
  };
}

addEventListener("message", function (event) {
  var message = event.data;
  switch (message.type) {
    case SETUP:
      setup(message.data);
      postMessage({ type: READY });
      break;
    case QUERY:
      var number = ++latest;
      queue = queue.then(function () {
        if (number !== latest) return; // a newer query is waiting; Material shows only the newest
        var query = message.data;
        // The term lists of every Chinese character typed: segmentation looks words up among them.
        var buckets = {};
        Array.from((query.match(HAN_RUN) || []).join("")).forEach(function (char) {
          buckets[bucketOf(char)] = true;
        });
        return loadBuckets(Object.keys(buckets).map(Number))
          .then(function () { return search(query); })
          .catch(function (error) {
            console.warn("Invalid query: " + query + " \u2013 see https://bit.ly/2s3ChXG");
            console.warn(error);
            return { items: [] };
          })
          .then(function (result) {
            if (number === latest) postMessage({ type: RESULT, data: result });
          });
      });
      break;
    default:
      throw new TypeError("Invalid message type");
  }
});

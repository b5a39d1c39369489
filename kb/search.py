"""Search that finds what people type: keywords, numbers, article titles, ranking.

Material builds its search index from page sections and segments Chinese
with jieba; in the browser the query is split only at spaces, and each term
matches index words that *start* with it. So the index itself must contain
the words readers type:

* sub-words of long terms (人身安全保护令 → 保护令), from jieba's search mode;
* colloquial synonyms of terms a section contains (家庭暴力 → 家暴),
  from data/search/synonyms.yml;
* digits for Chinese numerals (七十二小时 → 72小时, 第二十三条 → 23条);
* traditional-character forms of those words (OpenCC), for 保護令;
* each question's own wordings (its title and ``variants``, cut at
  punctuation so that typing the start of any clause finds it), as keywords
  of the question page;
* "best bets" (data/search/best-bets.yml) and law-article names such as
  反家庭暴力法第二十三条 in a field ranked like a title, so the page that
  answers a common query comes first. (Question wordings stay out of it:
  the browser expands what is typed to every index word starting with it,
  and hundreds of long wordings there outranked the best bets.)

They go into a hidden ``keywords`` field (declared in mkdocs.yml), so result
texts stay readable. Law articles get titles such as "第二十三条 · 反家庭暴力法",
and sections are boosted by page kind so help pages outrank incidental mentions.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from functools import lru_cache

import jieba
import opencc
import yaml

from kb.laws import english_label, entry_for_page, label_from_article_id
from kb.numerals import chinese_to_int
from kb.paths import DATA

SEARCH_DATA = DATA / "search"
USER_DICT = SEARCH_DATA / "legal-terms.txt"
HAN = re.compile(r"[\u4e00-\u9fff]+")
NUMERAL_UNIT = re.compile(r"([零一二三四五六七八九十百千]+)(小时|日|天|个月|年|元|周岁|岁|条|款|次)")
DIGIT_UNIT = re.compile(r"(\d+)[ \u200b]*(小时|日|天|个月|年|元|周岁|岁|条|款|次)")
TITLE_WEIGHT = 3  # keywords from a section's title count this many times
ARTICLE_LOCATION = re.compile(r"^law/([a-z0-9-]+)/#(art-[0-9-]+)$")
CLAUSE_BREAK = re.compile(r"[\s，。？！、；：,.?!;:“”\"'（）()]+")
# Questions rank with cases: 150 questions share the words of every help page and guide, and a
# higher boost buried those under them; a question is found first by its own title, wordings
# and best bets (data/search/queries.yml measures it).
BOOSTS = (("help/", 8.0), ("questions/", 2.0), ("guides/", 3.0), ("cases/", 2.0), ("training/", 1.5), ("law/", 1.0), ("about/", 0.5))
MAX_SUBWORDS = 60
MIN_SPLIT_LENGTH = 3  # jieba's search mode is asked to split words of this many characters or more


@lru_cache(maxsize=1)
def _tokenizer() -> jieba.Tokenizer:
    """jieba with the legal-terms dictionary, splitting the same way whatever the build's history.

    Material's search plugin loads its user dictionary (the same legal terms)
    into jieba's shared tokenizer at every build: each language, each rebuild
    of ``make serve``. Loading sets the same word frequencies again but adds
    them to jieba's total every time, and the total weighs every split, so
    sub-words came out differently depending on how many builds the process
    had run (building English in a second process, kb/hooks/parallel_languages.py,
    showed it). This tokenizer reads the shared frequencies, which every load
    leaves the same, and its own total: their sum.
    """
    shared = jieba.dt
    shared.load_userdict(str(USER_DICT))  # the frequencies are the same however often this runs
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ = shared.FREQ
    tokenizer.total = sum(shared.FREQ.values())
    tokenizer.initialized = True
    return tokenizer


@lru_cache(maxsize=1)
def synonyms() -> dict[str, dict[str, list[str]]]:
    data = yaml.safe_load((SEARCH_DATA / "synonyms.yml").read_text(encoding="utf-8"))
    for language in ("zh", "en"):
        for key, words in data[language].items():
            if not isinstance(words, list) or not all(isinstance(w, (str, int)) for w in words):
                raise ValueError(f"data/search/synonyms.yml: {language}.{key} must be a list of words")
    return {lang: {k: [str(w) for w in v] for k, v in data[lang].items()} for lang in ("zh", "en")}


@lru_cache(maxsize=1)
def best_bets() -> dict[str, dict[str, list[str]]]:
    data = yaml.safe_load((SEARCH_DATA / "best-bets.yml").read_text(encoding="utf-8"))
    return {lang: {page: [str(w) for w in words] for page, words in data[lang].items()} for lang in ("zh", "en")}


@lru_cache(maxsize=1)
def _to_traditional() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def plain(text: str) -> str:
    """Index text without the zero-width spaces Material inserts between words."""
    return text.replace("\u200b", "")


def subwords(words: AbstractSet[str]) -> list[str]:
    """Words inside the entry's longer words (保护令 in 人身安全保护令), not already index words.

    The first ``MAX_SUBWORDS`` in the order of the sorted words; the loop
    stops there, as most words (short or not Chinese) have no parts at all.
    """
    found: dict[str, None] = {}
    for word in sorted(word for word in words if len(word) >= MIN_SPLIT_LENGTH):  # shorter words have no parts
        for part in _parts(word):
            if part not in words and part not in found:
                found[part] = None
                if len(found) == MAX_SUBWORDS:
                    return list(found)
    return list(found)


@lru_cache(maxsize=None)
def _parts(word: str) -> tuple[str, ...]:
    """jieba's search-engine mode on a Chinese word of three characters or more, cached:
    the same words recur on every page."""
    if len(word) < MIN_SPLIT_LENGTH or not HAN.fullmatch(word):
        return ()
    return tuple(part for part in _tokenizer().cut_for_search(word) if len(part) > 1 and part != word)


@lru_cache(maxsize=None)
def traditional(word: str) -> str:
    """The traditional-character form of a word (OpenCC), cached: the same words recur on every page."""
    return _to_traditional().convert(word)


def number_words(text: str) -> list[str]:
    """七十二小时 → 72小时 and 72; 第二十三条 → 第23条 and 23条."""
    words: list[str] = [f"{digits}{unit}" for digits, unit in DIGIT_UNIT.findall(text)]
    for numeral, unit in NUMERAL_UNIT.findall(text):
        try:
            value = chinese_to_int(numeral)
        except ValueError:
            continue
        words += [f"{value}{unit}", str(value)]
        if unit == "条":
            words.append(f"第{value}条")
    return list(dict.fromkeys(words))


def synonym_words(text: str, language: str) -> list[str]:
    haystack = text.lower()
    words: list[str] = []
    for term, typed in _lowered_synonyms(language):
        if term in haystack:
            words += typed
    return list(dict.fromkeys(words))


@lru_cache(maxsize=2)
def _lowered_synonyms(language: str) -> tuple[tuple[str, list[str]], ...]:
    """synonyms() with each term in lower case, as ``synonym_words`` compares them: once, not per entry."""
    return tuple((term.lower(), typed) for term, typed in synonyms()[language].items())


@lru_cache(maxsize=1)
def legal_terms() -> frozenset[str]:
    """The words of the legal-terms dictionary (its first column)."""
    return frozenset(line.split()[0] for line in USER_DICT.read_text(encoding="utf-8").splitlines() if line.strip())


def keywords(title: str, text: str, language: str, extra: list[str] | None = None) -> str:
    """The hidden keywords of one index entry, space separated.

    Words that come from the section's title are repeated, so a section about
    a term outranks sections that merely mention it.
    """
    body = plain(f"{title} {text}")
    # In text order (dict keys), so the index is the same from one build to the next.
    existing = dict.fromkeys(re.split(r"[\s\u200b\-]+", f"{title} {text}"))
    words = (extra or []) + synonym_words(body, language) + number_words(body) + subwords(existing.keys())
    dictionary = legal_terms()
    terms = [w for w in existing if w in dictionary]
    converted = [traditional(w) for w in words + terms if HAN.search(w)]
    words = list(dict.fromkeys(words + [w for w in converted if w not in existing]))
    from_title = set(synonym_words(plain(title), language) + (extra or []))
    weighted = [w for w in words for _ in range(TITLE_WEIGHT if w in from_title else 1)]
    return " ".join(w for w in weighted if w)


def article_names(location: str) -> list[str]:
    """反家庭暴力法第二十三条, 反家暴法第23条 … for a law-article entry."""
    match = ARTICLE_LOCATION.match(location)
    entry = entry_for_page(match.group(1)) if match else None
    if entry is None:
        return []
    label = label_from_article_id(match.group(2))
    number = match.group(2)[4:]
    names = [name for name in entry.cite if HAN.search(name)]
    return [f"{name}{label}" for name in names] + [f"{name}第{number}条" for name in names]


def article_title(location: str, language: str) -> str | None:
    """"第二十三条 · 反家庭暴力法" for a law-article entry, else None."""
    match = ARTICLE_LOCATION.match(location)
    if not match:
        return None
    entry = entry_for_page(match.group(1))
    if entry is None:
        return None
    article = match.group(2)
    if language == "zh":
        return f"{label_from_article_id(article)} · {entry.cite[0]}"
    return f"{english_label(article)} · {entry.cite_en}"


# language -> question page location (questions/x/) -> its title and variants; set by the questions
# hook (kb/hooks/questions.py) for each build from the pages it reads anyway.
_question_texts: dict[str, dict[str, list[str]]] = {}


def set_question_texts(language: str, texts: dict[str, list[str]]) -> None:
    _question_texts[language] = texts


def question_wordings(location: str, language: str) -> list[str]:
    """A question page's title and variants as search words: each whole (without punctuation) and,
    in Chinese, each clause, since the browser matches words that start with what was typed."""
    texts = _question_texts.get(language, {}).get(location, [])
    if language == "en":
        return list(texts)
    words: list[str] = []
    for text in texts:
        clauses = [c for c in CLAUSE_BREAK.split(text) if c]
        words += ["".join(clauses), *clauses]
    return list(dict.fromkeys(w for w in words if len(w) > 1))


def title_words(title: str) -> list[str]:
    """The words of a title as best-bet words: Material's jieba words (split at the zero-width
    spaces it inserts), without one-character words. The browser matches what is typed against
    the start of every word, so a whole Chinese title as one word (离婚冷静期是什么……) caught
    every query beginning with its first word (离婚…), and 被, 吗 or 我 caught everything."""
    words = [w for w in re.split(r"[\s\u200b]+", title) if w]
    return [w for w in words if not (HAN.fullmatch(w) and len(w) < 2) and not CLAUSE_BREAK.fullmatch(w)]


def boost(location: str) -> float:
    return next((value for prefix, value in BOOSTS if location.startswith(prefix)), 1.0)


def improve(entry: dict, language: str) -> dict:
    """One index entry with keywords, an article title and a boost (location without en/)."""
    location = entry["location"]
    # Material indexes front-matter tags with a boost of a million; ours are
    # taxonomy keys (protection-order), which made every case outrank the
    # page a reader wants. Their labels are in the page text already.
    entry.pop("tags", None)
    title = article_title(location, language)
    if title is not None:
        entry["title"] = title
    names = article_names(location)
    wordings = question_wordings(location, language)
    entry["keywords"] = keywords(entry["title"], entry["text"], language, names) + "".join(f" {w}" for w in wordings)
    bets = names + best_bets()[language].get(location, [])
    bets += [traditional(w) for w in bets if HAN.search(w)]
    # Every entry carries its own title words here too: lunr normalises a
    # field by its average length, and a field that only a few entries have
    # would crush their scores instead of raising them.
    entry["bestbets"] = " ".join(dict.fromkeys(bets + title_words(entry["title"])))
    entry["boost"] = entry.get("boost", 1.0) * boost(location)
    return entry

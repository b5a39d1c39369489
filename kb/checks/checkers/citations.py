"""Citations: every ``[[law article]]`` and every ``cites:`` entry names a law
and an article that exist on the site; ``cites:`` entries are cited in the text;
an article a later rule has replaced (``superseded`` in data/laws.yml) is a
warning wherever it is cited outside its own law page."""

from __future__ import annotations

import re

from kb.checks.checkers import Context
from kb.citations import Citation, CitationError, Target, find_citations, find_malformed, parse_reference, resolve
from kb.frontmatter import key_line
from kb.twins import is_english

CITING_KINDS = ("case", "question")  # pages that state the law for a reader's situation


def _resolved(ctx: Context, citation: Citation) -> tuple[list[tuple[Target, bool]], CitationError | None]:
    """Each target of a citation and whether its law page has the article, once per run.

    A large site cites the same few hundred articles tens of thousands of
    times; the answer depends only on the law name and numbers.
    """
    memo = ctx.workspace.memo.setdefault("citations", {})
    key = (citation.name, citation.numbers)
    if key not in memo:
        try:
            targets = resolve(citation)
        except CitationError as error:
            memo[key] = ([], error)
        else:
            found = []
            for target in targets:
                law_page = ctx.workspace.page(target.law.path)
                found.append((target, law_page is None or target.article_id in law_page.anchors))
            memo[key] = (found, None)
    return memo[key]


def _targets(ctx: Context, citation: Citation, report: "callable") -> list[Target]:
    targets, error = _resolved(ctx, citation)
    if error is not None:
        if error.code == "CITE002":
            report("CITE002", name=citation.name)
        elif error.code == "CITE003":
            report("CITE003", name=citation.name, number=", ".join(citation.numbers), page="—")
        else:
            report("CITE001", detail=citation.raw)
        return []
    existing = []
    for target, exists in targets:
        if not exists:
            report("CITE003", name=citation.name, number=target.article_id[4:], page=f"docs/law/{target.law.page}.md")
        else:
            existing.append(target)
    return existing


# [[…]] typed with a Chinese keyboard: 【【…】】 or ［［…］］ (either side may be half-width).
KEYBOARD_CITATION = re.compile(r"(?:[【［]{2}|\[[【［]|[【［]\[)([^\[\]【】［］\n]{2,60}?)(?:[】］]{2}|\][】］]|[】］]\])")


def check(ctx: Context) -> None:
    page = ctx.page
    masked = page.masked
    for match in KEYBOARD_CITATION.finditer(masked, page.body_offset):
        ctx.at("CITE006", match.start(), found=match.group(0), fixed=f"[[{match.group(1).strip()}]]")
    cited: set[str] = set()
    on_law_page = page.kind == "law"
    for citation in find_citations(masked):
        def report(rule: str, _offset: int = citation.start, **params: object) -> None:
            ctx.at(rule, _offset, **params)
        targets = _targets(ctx, citation, report)
        cited.update(t.key for t in targets)
        if not on_law_page:
            for target in targets:
                replaced = target.law.superseded.get(target.article_id)
                if replaced is not None:
                    report("CITE005", citation=citation.raw, by=replaced.by, since=replaced.since)
    for offset, raw in find_malformed(masked):
        ctx.at("CITE001", offset, detail=raw)
    meta = page.meta if isinstance(page.meta, dict) else {}
    source = meta.get("source") if isinstance(meta.get("source"), dict) else {}
    # The page's own list, and an official case's list of the articles its release cites.
    for key_path, references in ((["cites"], meta.get("cites")), (["source", "cites"], source.get("cites"))):
        if isinstance(references, list):
            _check_front_matter(ctx, key_path, references, cited)
    # cites: is derived from the text (kb.citations.page_references), so a case or a question must cite in it;
    # an English page takes its twin's citations, and an official case may rest on its release's.
    if page.kind in CITING_KINDS and not is_english(page.path) and not cited and not meta.get("cites") \
            and not source.get("cites"):
        ctx.at_line("CITE007", 1)


def _check_front_matter(ctx: Context, key_path: list[str], references: list, cited: set[str]) -> None:
    """Each entry of a front-matter citation list resolves and is cited in the text (CITE004)."""
    page = ctx.page
    for index, reference in enumerate(references):

        def report_fm(rule: str, _index: int = index, **params: object) -> None:
            line, col = key_line(page.text, [*key_path, _index])  # only when there is something to report
            ctx.at_line(rule, line, col, **params)
        try:
            citation = parse_reference(str(reference))
        except CitationError:
            report_fm("CITE001", detail=str(reference))
            continue
        for target in _targets(ctx, citation, report_fm):
            if target.key not in cited:
                report_fm("CITE004", citation=str(reference))

"""Unsafe or leaking HTML in Markdown: scripts, frames, forms, event handlers,
``javascript:`` URLs, and anything that would load from another host."""

from __future__ import annotations

import re

from kb.checks.checkers import Context

FORBIDDEN_TAG = re.compile(r"<\s*(script|iframe|frame|frameset|object|embed|applet|form|base|meta|link|style)\b", re.I)
TAG = re.compile(r"<[a-zA-Z][^<>]*>", re.S)
EVENT_ATTR = re.compile(r"\s(on[a-zA-Z]+)\s*=", re.I)
JAVASCRIPT_URL = re.compile(r"""(?:href|src|action|formaction|data)\s*=\s*["']?\s*javascript:|\]\(\s*javascript:""", re.I)
EXTERNAL_LOAD = re.compile(
    r"""<(?:img|source|video|audio|track|input)\b[^>]*?\s(?:src|srcset|poster)\s*=\s*["']?\s*((?:https?:)?//[^"'\s>]+)"""
    r"""|!\[[^\]\n]*\]\(\s*<?((?:https?:)?//[^)\s>]+)"""
    r"""|url\(\s*["']?((?:https?:)?//[^)"'\s]+)"""
    r"""|@import\s+["']?((?:https?:)?//[^"'\s;]+)""",
    re.I,
)
JAVASCRIPT = re.compile("javascript:", re.I)
IMG_TAG = re.compile(r"<img\b[^>]*>", re.I)
ALT = re.compile(r"""\salt\s*=\s*["'][^"']*\S[^"']*["']""", re.I)


def check(ctx: Context) -> None:
    text = ctx.page.masked
    # Each pattern needs a character most pages lack ("<", "//", "javascript:");
    # a plain substring test skips patterns the regex engine cannot scan fast.
    if "<" in text:
        for match in FORBIDDEN_TAG.finditer(text):
            ctx.at("HTML001", match.start(), tag=match.group(1).lower())
        for tag in TAG.finditer(text):
            for attr in EVENT_ATTR.finditer(tag.group(0)):
                ctx.at("HTML002", tag.start() + attr.start(1), attribute=attr.group(1))
        for match in IMG_TAG.finditer(text):
            if not ALT.search(match.group(0)):
                ctx.at("LINK004", match.start())
    if JAVASCRIPT.search(text):
        for match in JAVASCRIPT_URL.finditer(text):
            ctx.at("HTML003", match.start())
    if "//" in text:
        for match in EXTERNAL_LOAD.finditer(text):
            group = next(i for i in range(1, 5) if match.group(i))
            ctx.at("HTML004", match.start(group), target=match.group(group))

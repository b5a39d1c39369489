"""The compiled-template cache (kb/hooks/templates.py) serves a template
compiled by an earlier environment, and never one whose source has changed."""

from __future__ import annotations

import importlib.util

import jinja2

from kb.paths import ROOT


def _hook():  # MkDocs loads hooks by file path; so does this test
    spec = importlib.util.spec_from_file_location("kb_templates_hook", ROOT / "kb" / "hooks" / "templates.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _environment(cache: jinja2.BytecodeCache, source: str) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.DictLoader({"page.html": source}), bytecode_cache=cache)


def test_a_second_environment_reuses_the_compiled_template(monkeypatch) -> None:
    cache = _hook().MemoryBytecodeCache()
    assert _environment(cache, "第{{ n }}条").get_template("page.html").render(n=23) == "第23条"
    compiled = []
    monkeypatch.setattr(jinja2.Environment, "compile", lambda *args, **kwargs: compiled.append(args) or 1 / 0)
    assert _environment(cache, "第{{ n }}条").get_template("page.html").render(n=24) == "第24条"
    assert compiled == []


def test_an_edited_template_is_compiled_again() -> None:
    cache = _hook().MemoryBytecodeCache()
    assert _environment(cache, "旧{{ n }}").get_template("page.html").render(n=1) == "旧1"
    assert _environment(cache, "新{{ n }}").get_template("page.html").render(n=1) == "新1"

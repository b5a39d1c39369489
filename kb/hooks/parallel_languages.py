"""Build the English site in a second process while this one builds the Chinese.

MkDocs renders pages on one core, and the i18n plugin builds the languages one
after the other: from the Chinese build's ``on_post_build`` it runs
``build()`` again for English, into the same site folder. On a machine with
two cores, ``mkdocs build`` therefore left one idle for the whole build. This
hook forks the process once the Chinese build has cleaned the site folder
(``on_files``, before anything is written): the child builds the other
languages exactly as the i18n plugin would (a nested ``build()`` with the site
folder kept), while the parent builds Chinese. The child then sends back what
the site-wide last steps need, and the parent merges it where the i18n plugin
would have had it: the other languages' search entries, and whatever a hook
exports with ``language_state(config)`` / ``merge_language_state(state)`` (the 404
pages of ``language_roots.py``). The parent makes its own language's state the
same way before it waits for the child, so that work (the Chinese search
keywords) is done while the child is still building, not after.
tests/test_parallel_build.py builds the site both ways and finds every file
identical.

Only full builds fork: ``mkdocs serve`` and ``--dirty`` builds keep one
process. ``KB_BUILD_PROCESSES=1`` turns this off; ``2`` forces it on one core.
"""

from __future__ import annotations

import gzip
import logging
import os
import pickle
import signal
import sys
import tempfile
import threading
import traceback
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal

from mkdocs import utils
from mkdocs.commands.build import build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs_static_i18n.utils import I18nLoggingFilter

from kb.i18n_builds import is_outermost, may_fork

_enabled = False


class _Child:
    """The forked process building the other languages, and the file its results come back in.

    A file, not a pipe: any process the child starts inherits its file
    descriptors, so a pipe could stay open after the child is gone.
    """

    def __init__(self, pid: int, results: Path) -> None:
        self.pid, self.results = pid, results

    def result(self) -> dict[str, Any]:
        """Wait for the child; its payload, or Abort with the child's error."""
        _, status = os.waitpid(self.pid, 0)
        try:
            outcome, payload = pickle.loads(self.results.read_bytes())
        except Exception:  # noqa: BLE001 - no or a cut file: the child died without a word
            outcome, payload = "error", f"the process exited (wait status {status}) without a result"
        finally:
            self.results.unlink(missing_ok=True)
        if outcome != "ok":
            raise Abort(f"parallel_languages: building the other languages failed:\n{payload}")
        return payload

    def stop(self) -> None:
        try:
            os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        self.results.unlink(missing_ok=True)


_child: _Child | None = None
_in_child = False
_sitemap: str | None = None  # this process's sitemap.xml, as rendered


def on_startup(*, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    global _enabled
    _enabled = may_fork(command, dirty)


def _i18n(config: MkDocsConfig) -> Any:
    plugin = config.plugins.get("i18n")
    if plugin is None or not hasattr(plugin, "search_entries") or not hasattr(plugin, "reconfigure_search_index"):
        raise RuntimeError("parallel_languages: expected mkdocs-static-i18n 1.x (search_entries, "
                           "reconfigure_search_index); check this hook after upgrading it")
    return plugin


def _hooks_with_state(config: MkDocsConfig) -> dict[str, Any]:
    return {name: hook for name, hook in config.plugins.items()
            if callable(getattr(hook, "language_state", None)) and callable(getattr(hook, "merge_language_state", None))}


@event_priority(100)  # first: the site folder has just been cleaned and nothing is written yet
def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _child
    if not _enabled or not is_outermost(config) or _child is not None or threading.active_count() > 1:
        return files  # (a process with other threads, such as mkdocs serve --clean, is not forked)
    i18n = _i18n(config)
    others = [language for language in i18n.build_languages if language != i18n.current_language]
    if not others:
        return files
    handle, name = tempfile.mkstemp(prefix="kb-languages-", suffix=".pickle")
    os.close(handle)
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        _run_child(config, i18n, others, Path(name))  # never returns
    _child = _Child(pid, Path(name))
    return files


def _run_child(config: MkDocsConfig, i18n: Any, others: list[str], results: Path) -> None:
    """In the forked process: build the other languages as the i18n plugin does, write the results, exit."""
    global _in_child
    _in_child = True
    code = 0
    try:
        i18n.building = True
        utils.clean_directory = lambda path: path  # the i18n plugin keeps the site folder the same way
        quiet = I18nLoggingFilter()  # and keeps the inner builds' "Documentation built in" out of the log
        quiet.filtered_prefixes.update(("Documentation built in", "Building documentation to directory"))
        logging.getLogger("mkdocs.commands.build").addFilter(quiet)
        for language in others:
            i18n.current_language = language
            build(config, dirty=False)
        payload: tuple[str, Any] = ("ok", {
            "search_entries": list(i18n.search_entries),
            "sitemap": _sitemap,
            "hooks": {name: hook.language_state(config) for name, hook in _hooks_with_state(config).items()},
        })
    except Abort as error:  # a BuildError (e.g. kb.build_errors.ContentError): MkDocs has logged its message
        code = 1
        payload = ("error", str(error))
    except BaseException:  # noqa: BLE001 - whatever happens, the parent must hear of it
        code = 1
        payload = ("error", traceback.format_exc())
    try:
        config.plugins.on_shutdown()  # as when MkDocs ends a process
        results.write_bytes(pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL))
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


@event_priority(-50)  # before the i18n plugin's on_post_build (-100): it must not build the languages again
def _hold_i18n(config: MkDocsConfig) -> None:
    if _child is not None and is_outermost(config):
        _i18n(config).building = True


@event_priority(-150)  # after the i18n plugin, before the site-wide steps of the other hooks (-200)
def _merge(config: MkDocsConfig) -> None:
    global _child
    if _child is None:
        return
    child, _child = _child, None
    i18n = _i18n(config)
    if not i18n.building:
        raise RuntimeError("parallel_languages: the i18n plugin was not held back; check the hook priorities")
    hooks = _hooks_with_state(config)
    # This language's state is made now, while the child may still be building:
    # the time would otherwise be spent waiting, and after the merge it is not.
    own = {name: hook.language_state(config) for name, hook in hooks.items()}
    payload = child.result()
    i18n.search_entries.extend(payload["search_entries"])
    for state in (own, payload["hooks"]):
        for name, value in state.items():
            hooks[name].merge_language_state(value)
    i18n.building = False
    i18n.reconfigure_search_index(config)
    if _sitemap is None or payload["sitemap"] is None:
        raise RuntimeError("parallel_languages: a sitemap.xml was not rendered; is the sitemap template enabled?")
    _write_sitemap(config, merged_sitemap(_sitemap, payload["sitemap"]))


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    """Keep each process's sitemap: the two are merged once both languages are built."""
    global _sitemap
    if template_name == "sitemap.xml" and (_child is not None or _in_child):
        _sitemap = output
    return output


def merged_sitemap(first: str, second: str) -> str:
    """One sitemap of both: the first's <url> entries, then the second's.

    The i18n plugin's sitemap template lists the pages of every language
    built so far in the process, so the last language built lists them all;
    here each process has built one, and its sitemap lists that language.
    """
    close = "\n</urlset>"
    opening = second.find("<urlset")
    if not first.endswith(close) or not second.endswith(close) or opening < 0:
        raise RuntimeError("parallel_languages: sitemap.xml is not the i18n plugin's <urlset> as expected")
    return first[: -len(close)] + second[second.index(">", opening) + 1:]


def _write_sitemap(config: MkDocsConfig, text: str) -> None:
    """Write sitemap.xml and sitemap.xml.gz as MkDocs does (its gzip time stamp: the pages' update date)."""
    path = Path(config.site_dir) / "sitemap.xml"
    utils.write_file(text.encode("utf-8"), str(path))
    stamp = int(datetime.fromisoformat(utils.get_build_date()).replace(tzinfo=timezone.utc).timestamp())
    with open(f"{path}.gz", "wb") as raw, gzip.GzipFile(fileobj=raw, filename=f"{path}.gz", mode="wb",
                                                        mtime=stamp) as compressed:
        compressed.write(text.encode("utf-8"))


# Two steps of on_post_build, each at its own priority.
on_post_build = CombinedEvent(_hold_i18n, _merge)


def on_build_error(error: Exception) -> None:
    """The Chinese build failed: stop the child rather than leave it writing."""
    global _child
    if _child is not None:
        _child.stop()
        _child = None

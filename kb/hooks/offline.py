"""The offline bundle (``make offline``): the same site, opened from disk.

Material's offline plugin switches to ``page.html`` URLs and inlines the
search index as a script; for search in a page opened with file:// it also
adds the iframe-worker shim, which it loads from a CDN. This site makes no
request to another host, so the shim is vendored under
docs/assets/vendor/iframe-worker/ (MIT) and used from there. The
per-language search indexes get their inlined copies in
kb/hooks/search_index.py, and the head's language alternates (which make
Material fetch sitemaps, impossible from file://) are left out in
kb/hooks/alternate_links.py.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

VENDORED_SHIM = "assets/vendor/iframe-worker/shim.js"
# The shim starts the search worker in an iframe through an inline script that
# names the worker's relative path, so its hash differs from page to page.
# In the offline bundle only (static files opened from disk, no input from
# anyone) the policy therefore allows inline scripts; everything else stays.
OFFLINE_SCRIPT_SRC = "script-src 'self' 'unsafe-inline'"


def offline_enabled(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)


@event_priority(-100)  # after Material's offline plugin has added its CDN shim
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not offline_enabled(config):
        return config
    polyfills = config.extra.get("polyfills", [])
    shims = [url for url in polyfills if "iframe-worker" in url]
    if not shims:
        raise ValueError("offline hook: Material's offline plugin no longer adds the iframe-worker shim; check it")
    config.extra["polyfills"] = [url for url in polyfills if "iframe-worker" not in url] + [VENDORED_SHIM]
    policy = config.extra["content_security_policy"]
    if OFFLINE_SCRIPT_SRC in policy:
        return config  # the i18n plugin runs on_config again for each language
    if "script-src 'self';" not in policy:
        raise ValueError("offline hook: extra.content_security_policy must contain script-src 'self';")
    config.extra["content_security_policy"] = policy.replace("script-src 'self';", OFFLINE_SCRIPT_SRC + ";")
    return config

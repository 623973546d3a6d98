"""Every module that imports MkDocs, and nothing else: a port to another engine replaces this wing.

The engine is MkDocs 1.x, or ProperDocs, its maintained continuation, which runs the same plugins
and themes: `properdocs build` loads Frontdesk as it loads any MkDocs plugin. The `frontdesk`
commands run on ProperDocs when FRONTDESK_ENGINE=properdocs, or when MkDocs is not installed;
ProperDocs then answers every `mkdocs.*` import (its `properdocs.replacement` module), ours and
Material's alike.
"""

from __future__ import annotations

import importlib.util
import os

ENGINE_VARIABLE = "FRONTDESK_ENGINE"


def _engine() -> str:
    chosen = os.environ.get(ENGINE_VARIABLE, "").strip().lower()
    if chosen in ("mkdocs", "properdocs"):
        return chosen
    if chosen:
        raise ImportError(f"{ENGINE_VARIABLE}: expected mkdocs or properdocs; got {chosen!r}")
    if importlib.util.find_spec("mkdocs") is None and importlib.util.find_spec("properdocs"):
        return "properdocs"
    return "mkdocs"


ENGINE = _engine()
if ENGINE == "properdocs":
    import properdocs.replacement  # noqa: F401  (mkdocs.* imports become properdocs.*)

"""The embeddable banner: a script any product page can include, and a page for an iframe.

Both are static files; the script finds `api/v2/summary.json` from its own URL at run time.
"""

from __future__ import annotations

from importlib.resources import files

ASSETS = files(__package__) / "assets"
EMBED_FILES = {"embed/banner.js": "banner.js", "embed/banner.html": "banner.html"}


def embed_files() -> dict[str, bytes]:
    """`embed/banner.js` and `embed/banner.html`, exactly as stored in the package."""
    return {path: (ASSETS / name).read_bytes() for path, name in EMBED_FILES.items()}

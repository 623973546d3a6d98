"""What a full build learned that a status publish can reuse.

The articles' front matter stays valid while the build's input fingerprint holds and the
components are unchanged; Markdown already converted from YAML fields stays valid while the
Markdown settings (part of the fingerprint) do. Kept in the site's `.frontdesk/` folder next to
the build record; a missing or unreadable cache only means the work is done again.
"""

from __future__ import annotations

import os
import pickle
from dataclasses import dataclass
from pathlib import Path

from frontdesk.content.loading.site import SiteContent

CACHE_FILE = ".frontdesk/cache.pickle"


@dataclass(frozen=True)
class BuildCache:
    site: SiteContent
    markup: dict[str, str]


def read_cache(site_dir: Path) -> BuildCache | None:
    """The cache a build of this site left, or None (absent, damaged or from other code)."""
    try:
        with (site_dir / CACHE_FILE).open("rb") as stream:
            cache = pickle.load(stream)  # noqa: S301 (written by this program into its own output)
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError):
        return None
    return cache if isinstance(cache, BuildCache) else None


def write_cache(site_dir: Path, cache: BuildCache) -> None:
    """Markup in sorted order, so that the same content gives the same file however the build
    shared its work between processes."""
    cache = BuildCache(cache.site, dict(sorted(cache.markup.items())))
    write_atomically(site_dir / CACHE_FILE, pickle.dumps(cache, protocol=pickle.HIGHEST_PROTOCOL))


def write_atomically(path: Path, data: bytes) -> None:
    """Write a file of the build record: a reader sees the old file or the new one, never part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)

"""The chunked static search index: Pagefind run over the built site.

Pages opt in with `data-pagefind-body`; filters and metadata come from attributes the templates
write (see templates/frontdesk/search_meta.html). A query downloads only the chunks it needs.
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

BUNDLE_DIR = "pagefind"


class SearchIndexError(RuntimeError):
    pass


@dataclass(frozen=True)
class IndexStats:
    pages: int
    words: int


def index_site(site_dir: Path) -> IndexStats:
    """Index the built site in place, writing site_dir/pagefind/; raises SearchIndexError."""
    command = [
        sys.executable, "-m", "pagefind", "--site", str(site_dir),
        "--exclude-selectors", ".headerlink", "--exclude-selectors", ".fd-build-stamp",
    ]  # fmt: skip
    try:
        run = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SearchIndexError(f"search index: could not run Pagefind: {exc}") from exc
    if run.returncode != 0:
        raise SearchIndexError(
            f"search index: Pagefind failed:\n{run.stdout}\n{run.stderr}".strip()
        )
    return IndexStats(
        _count(r"Indexed (\d+) pages?", run.stdout), _count(r"Indexed (\d+) words?", run.stdout)
    )


def _count(pattern: str, output: str) -> int:
    match = re.search(pattern, output)
    return int(match.group(1)) if match else 0

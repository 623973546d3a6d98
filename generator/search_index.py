"""The chunked static search index: Pagefind run over the built site.

Two bundles that the search page merges at query time: one for the articles, one for the status
pages. A status update then re-indexes only the few status pages (see publish.py). Pages opt in
with `data-pagefind-body`; filters and metadata come from templates/frontdesk/search_meta.html.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ARTICLES_BUNDLE = "pagefind"
STATUS_BUNDLE = "pagefind-status"
ARTICLES_GLOB = "articles/**/*.html"
STATUS_GLOB = "status/**/*.html"


class SearchIndexError(RuntimeError):
    pass


@dataclass(frozen=True)
class IndexStats:
    pages: int
    words: int


def index_site(site_dir: Path) -> IndexStats:
    """Write both bundles (the article bundle only when there are articles); raises SearchIndexError."""
    status = index_status(site_dir)
    if not any(site_dir.glob(ARTICLES_GLOB)):
        shutil.rmtree(site_dir / ARTICLES_BUNDLE, ignore_errors=True)
        return status
    articles = index_bundle(site_dir, ARTICLES_GLOB, ARTICLES_BUNDLE)
    return IndexStats(articles.pages + status.pages, articles.words + status.words)


def index_status(site_dir: Path) -> IndexStats:
    return index_bundle(site_dir, STATUS_GLOB, STATUS_BUNDLE)


def index_bundle(site_dir: Path, glob: str, bundle: str) -> IndexStats:
    """Index the pages matching `glob` into site_dir/bundle, swapped in whole when complete."""
    staging = site_dir / f".{bundle}.new"
    shutil.rmtree(staging, ignore_errors=True)
    command = [
        sys.executable, "-m", "pagefind", "--site", str(site_dir), "--glob", glob,
        "--output-path", str(staging),
        "--exclude-selectors", ".headerlink", "--exclude-selectors", ".fd-build-stamp",
    ]  # fmt: skip
    try:
        run = subprocess.run(command, capture_output=True, text=True, timeout=900, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SearchIndexError(f"search index: could not run Pagefind: {exc}") from exc
    if run.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        raise SearchIndexError(
            f"search index: Pagefind failed:\n{run.stdout}\n{run.stderr}".strip()
        )
    _swap_in(staging, site_dir / bundle)
    return IndexStats(
        _count(r"Indexed (\d+) pages?", run.stdout), _count(r"Indexed (\d+) words?", run.stdout)
    )


def _swap_in(staging: Path, target: Path) -> None:
    """Replace a bundle directory with two renames, so readers never see a half-written one."""
    retired = target.with_name(f".{target.name}.old")
    shutil.rmtree(retired, ignore_errors=True)
    if target.exists():
        target.rename(retired)
    staging.rename(target)
    shutil.rmtree(retired, ignore_errors=True)


def _count(pattern: str, output: str) -> int:
    match = re.search(pattern, output)
    return int(match.group(1)) if match else 0

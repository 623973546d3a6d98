"""The chunked static search index: Pagefind, fed each page as the build writes it.

Two bundles that the search page merges at query time: one for the articles, one for the status
pages, so that a status update re-indexes only the status pages (see publish.py). Each bundle has
its own Pagefind process, which indexes on another core while the build renders the next pages
and builds the bundle's files as soon as its last page arrives; they are written into a staging
folder swapped in whole. Pages
opt in with `data-pagefind-body`; filters and metadata come from
templates/frontdesk/search_meta.html.
"""

from __future__ import annotations

import base64
import re
import shutil
from collections import Counter
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path

from frontdesk.search.pagefind import PagefindError, PagefindService
from frontdesk.site.html_regions import div_region

ARTICLES_BUNDLE = "pagefind"
STATUS_BUNDLE = "pagefind-status"
BUNDLE_FOLDERS = {ARTICLES_BUNDLE: "articles/", STATUS_BUNDLE: "status/"}
EXCLUDE_SELECTORS = [".headerlink", ".fd-build-stamp"]
SEARCH_BODY = "<div data-pagefind-body>"
_HTML_TAG = re.compile(r"<html\b[^>]*>", re.I)
_TITLE = re.compile(r"<title>.*?</title>", re.S)


class SearchIndexError(RuntimeError):
    pass


@dataclass(frozen=True)
class IndexStats:
    pages: int
    words: int


def bundle_for(dest_uri: str, prefixes: Collection[str] = ()) -> str | None:
    """Which bundle an output file belongs to, if any. `prefixes`: the folders of the site's
    other languages (`de/`); their pages share the bundles, where Pagefind keeps an index per
    language (from each page's `<html lang>`)."""
    if not dest_uri.endswith(".html"):
        return None
    for prefix in prefixes:
        if dest_uri.startswith(prefix):
            dest_uri = dest_uri[len(prefix) :]
            break
    for bundle, folder in BUNDLE_FOLDERS.items():
        if dest_uri.startswith(folder):
            return bundle
    return None


def searchable_document(html: str) -> str | None:
    """What Pagefind needs of a page: the `<html>` tag (its language), the title and the
    `data-pagefind-body` element, which holds the content, filters and metadata. Sending only
    these keeps Material's navigation and icons out of the parser. None if the page opts out."""
    body = div_region(html, SEARCH_BODY)
    if body is None:
        return None
    html_tag = _HTML_TAG.search(html, 0, 500)
    title = _TITLE.search(html)
    return (
        f"<!doctype html>{html_tag.group(0) if html_tag else '<html>'}<head>"
        f"{title.group(0) if title else ''}</head><body>{body}</body></html>"
    )


def page_url(dest_uri: str) -> str:
    """The URL Pagefind records for a page, as its command line would for the same file."""
    url = "/" + dest_uri
    return url.removesuffix("index.html") if url.endswith("/index.html") else url


class SearchIndexer:
    """Index pages as they are written; `finish` swaps the new bundles into the site."""

    def __init__(
        self,
        site_dir: Path,
        bundles: Collection[str] = tuple(BUNDLE_FOLDERS),
        expected: Mapping[str, int] | None = None,
        prefixes: Collection[str] = (),
    ) -> None:
        self._site_dir, self._prefixes = site_dir, tuple(prefixes)
        self._names = tuple(bundles)
        self._expected = dict(expected or {})
        self._bundles: dict[str, _Bundle] = {}
        self._seen: Counter[str] = Counter()

    def add(self, dest_uri: str, html: str) -> None:
        """Index one written page (pages outside the bundles, or opting out, are skipped)."""
        name = bundle_for(dest_uri, self._prefixes)
        if name not in self._names:
            return
        self._seen[name] += 1
        document = searchable_document(html)
        try:
            if document is not None:
                if name not in self._bundles:
                    self._bundles[name] = _Bundle(self._site_dir, name)
                self._bundles[name].add(page_url(dest_uri), document)
            if self._seen[name] == self._expected.get(name) and name in self._bundles:
                # Its last page: Pagefind builds the bundle while the build goes on.
                self._bundles[name].write()
        except PagefindError as exc:
            self.abandon()
            raise SearchIndexError(f"search index: {exc}") from exc

    def ready(self, name: str) -> bool:
        """Whether Pagefind has built a bundle's files (`finish` then only writes them out)."""
        bundle = self._bundles.get(name)
        return bundle is not None and bundle.ready()

    def finish(self) -> IndexStats:
        """Wait for every bundle, then swap each in whole (or remove one that has no pages)."""
        pages = words = 0
        try:
            for name in self._names:
                bundle = self._bundles.get(name)
                if bundle is None:
                    shutil.rmtree(self._site_dir / name, ignore_errors=True)
                    continue
                words += bundle.finish()
                pages += bundle.pages
        except PagefindError as exc:
            raise SearchIndexError(f"search index: {exc}") from exc
        finally:
            self.abandon()
        return IndexStats(pages, words)

    def abandon(self) -> None:
        """Stop every Pagefind process; bundles not yet swapped in leave the site as it was."""
        for bundle in self._bundles.values():
            bundle.close()
        self._bundles.clear()


class _Bundle:
    """One bundle's Pagefind index. Its files come back in Pagefind's reply and are written
    here: Pagefind's own writing answers before its last writes reach the disk (they finish on
    a background thread), and stopping the process then would leave a file cut short."""

    def __init__(self, site_dir: Path, name: str) -> None:
        self._site_dir, self._name = site_dir, name
        self._service = PagefindService()
        self._index = self._service.call(
            {"type": "NewIndex", "config": {"exclude_selectors": EXCLUDE_SELECTORS}}
        )["index_id"]
        self._added: list[int] = []
        self._requests: list[int] = []
        self._requested_pages = -1

    @property
    def pages(self) -> int:
        return len(self._added)

    def add(self, url: str, html: str) -> None:
        message = {"type": "AddFile", "index_id": self._index, "url": url, "file_path": None,
                   "file_contents": html}  # fmt: skip
        self._added.append(self._service.request(message))

    def write(self) -> None:
        """Ask Pagefind for the bundle's files, which it builds while the build goes on; a page
        added later means asking again."""
        if self._requested_pages == self.pages:
            return
        message = {"type": "GetFiles", "index_id": self._index}
        self._requests.append(self._service.request(message, send_now=True))
        self._requested_pages = self.pages

    def ready(self) -> bool:
        """Whether Pagefind has built the files last asked for."""
        return bool(self._requests) and self._service.answered(self._requests[-1])

    def finish(self) -> int:
        """Wait for the pages and the files, write them and swap the bundle in; returns the
        words indexed."""
        words = sum(self._service.reply(i).get("page_word_count", 0) for i in self._added)
        self.write()
        for earlier in self._requests[:-1]:  # superseded by the last request, answered first
            self._service.reply(earlier)
        files = self._service.reply(self._requests[-1])["files"]
        staging = self._site_dir / f".{self._name}.new"
        shutil.rmtree(staging, ignore_errors=True)
        try:
            _write_files(staging, files)
            _swap_in(staging, self._site_dir / self._name)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        return words

    def close(self) -> None:
        self._service.close()


def _write_files(folder: Path, files: list[dict[str, str]]) -> None:
    """Pagefind's files (paths relative to the bundle, contents in base64) into `folder`."""
    made: set[Path] = set()
    for file in files:
        path = folder / file["path"]
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        path.write_bytes(base64.b64decode(file["content"]))


def _swap_in(staging: Path, target: Path) -> None:
    """Replace a bundle directory with two renames, so readers never see a half-written one."""
    retired = target.with_name(f".{target.name}.old")
    shutil.rmtree(retired, ignore_errors=True)
    if target.exists():
        target.rename(retired)
    staging.rename(target)
    shutil.rmtree(retired, ignore_errors=True)

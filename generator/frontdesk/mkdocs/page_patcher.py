"""Patch the status parts of every built page that a status publish does not render again.

The status pages come first, in the order a full build indexes them (Pagefind's output depends
on it). With enough pages, a forked process takes a share of the articles as soon as the banner
is known, while the publish renders the remaining status pages; each page is renamed into place
whole (frontdesk/site/page_patch.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from mkdocs.structure.files import File, Files

from frontdesk.mkdocs.helper_process import HelperProcess, picklable
from frontdesk.search.index import STATUS_BUNDLE, SearchIndexer, bundle_for
from frontdesk.site.page_patch import SharedRegions, patch_in_place
from frontdesk.site.pages import SitePages

PARALLEL_FROM = 400  # pages to patch before a second process pays for its start
STATIC_PAGES = ("404.html",)  # Material's page for a dead link carries the banner too

# A page's status parts as they are now (of its language) and the page of the default language
# it is: (pages, shared regions, src_uri).
PartsOf = Callable[[str], tuple[SitePages, SharedRegions, str]]


class PagePatcher:
    def __init__(
        self,
        files: Files,
        rendered: set[str],
        parts: PartsOf,
        site_dir: Path,
        parallel: bool,
        prefixes: tuple[str, ...] = (),
    ) -> None:
        self._prefixes = prefixes
        self._rendered, self._parts, self._site_dir = rendered, parts, site_dir
        self._status: list[File] = []
        others: list[File] = []
        for file in files.documentation_pages():
            if bundle_for(file.dest_uri, prefixes) == STATUS_BUNDLE:
                self._status.append(file)
            elif file.src_uri not in rendered:
                others.append(file)
        self._mine, self._helper = others, None
        if parallel and len(self._status) + len(others) >= PARALLEL_FROM:
            # This process also renders and indexes the status pages meanwhile: the helper
            # takes the larger share.
            split = max(0, (len(others) - 2 * len(self._status)) // 2)
            theirs = others[split:]
            self._helper = HelperProcess.fork(
                lambda send, _: send(self._patch_or_error(theirs)), "mkdocs"
            )
            if self._helper is not None:
                self._mine = others[:split]

    def status_index(self) -> SearchIndexer:
        """A new status bundle for the site, fed by `finish` in the order a full build feeds it
        (Pagefind's output depends on the order), and written once its last page is in."""
        expected = {STATUS_BUNDLE: len(self._status)}
        return SearchIndexer(
            self._site_dir, bundles=[STATUS_BUNDLE], expected=expected, prefixes=self._prefixes
        )

    def finish(self, staging: Path, indexer: SearchIndexer | None) -> int:
        """Patch this process's share, wait for the helper's; how many pages changed."""
        patched = 0
        for file in self._status:
            if file.src_uri in self._rendered:
                html = (staging / file.dest_uri).read_text("utf-8") if indexer else ""
            else:
                html, changed = self._patch(file.dest_uri, file.src_uri, file.url)
                patched += changed
            if indexer is not None:
                indexer.add(file.dest_uri, html)
        patched += self._patch_all(self._mine)
        for name in STATIC_PAGES:
            if (self._site_dir / name).is_file():
                patched += self._patch(name, name, "")[1]
        if self._helper is not None:
            (theirs,) = self._helper.wait()
            if isinstance(theirs, Exception):
                raise theirs
            patched += theirs
        return patched

    def stop(self) -> None:
        if self._helper is not None:
            self._helper.stop()

    def _patch_all(self, docs: list[File]) -> int:
        return sum(self._patch(f.dest_uri, f.src_uri, f.url)[1] for f in docs)

    def _patch_or_error(self, docs: list[File]) -> int | Exception:
        """In the helper: how many pages it patched, or the error that stopped it (the publish
        raises it as its own)."""
        try:
            return self._patch_all(docs)
        except Exception as exc:  # noqa: BLE001 (any error is handed over whole)
            return picklable(exc)

    def _patch(self, dest_uri: str, src_uri: str, url: str) -> tuple[str, bool]:
        pages, shared, own = self._parts(src_uri)
        return patch_in_place(self._site_dir / dest_uri, own, url, pages, shared)

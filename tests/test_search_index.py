"""The search index: pages streamed to Pagefind's service as they are written, in two bundles."""

from __future__ import annotations

import base64
import json
import time
import zlib
from pathlib import Path

import pytest

from frontdesk.search.index import (
    EXCLUDE_SELECTORS,
    SearchIndexer,
    bundle_for,
    page_url,
    searchable_document,
)
from frontdesk.search.pagefind import PagefindError, PagefindService


def page(title: str, body: str, *, searchable: bool = True) -> str:
    content = f"<div data-pagefind-body><h1>{title}</h1><p>{body}</p></div>" if searchable else ""
    return (
        '<!doctype html><html lang="en" class="no-js"><head><title>'
        f"{title} - Help</title></head><body><nav><div>menu words</div></nav>{content}"
        "<footer>footer words</footer></body></html>"
    )


def indexed_pages(bundle: Path) -> int:
    """Pages recorded in a bundle, read from its entry file and counted by fragments."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] == len(list(bundle.glob("fragment/*")))
    return entry["languages"]["en"]["page_count"]


def fragment_texts(bundle: Path) -> list[dict]:
    """Pagefind's fragments are gzip-compressed JSON after a signature line."""
    texts = []
    for path in sorted(bundle.glob("fragment/*.pf_fragment")):
        raw = zlib.decompress(path.read_bytes(), 16 + zlib.MAX_WBITS)
        texts.append(json.loads(raw[raw.index(b"{") :]))
    return texts


def test_pages_are_routed_to_their_bundle() -> None:
    assert bundle_for("articles/billing/refunds/index.html") == "pagefind"
    assert bundle_for("status/incidents/x/index.html") == "pagefind-status"
    assert bundle_for("levels/novice/index.html") is None
    assert bundle_for("articles/feed.xml") is None
    assert page_url("articles/billing/refunds/index.html") == "/articles/billing/refunds/"
    assert page_url("status/history.html") == "/status/history.html"


def test_only_the_searchable_part_of_a_page_is_sent() -> None:
    document = searchable_document(page("Refunds", "Money back"))
    assert document is not None
    assert '<html lang="en" class="no-js">' in document
    assert "<title>Refunds - Help</title>" in document
    assert "<h1>Refunds</h1><p>Money back</p>" in document
    assert "menu words" not in document and "footer words" not in document
    assert searchable_document(page("History", "", searchable=False)) is None


def test_streamed_bundles_hold_every_searchable_page_and_nothing_else(tmp_path: Path) -> None:
    indexer = SearchIndexer(tmp_path)
    indexer.add("articles/a/one/index.html", page("Refund a card payment", "refund steps"))
    indexer.add("articles/a/two/index.html", page("Invite a colleague", "invitation steps"))
    indexer.add("levels/novice/index.html", page("Novice", "level page"))
    indexer.add("status/history/index.html", page("History", "old", searchable=False))
    indexer.add("status/index.html", page("Status", "login error for some customers"))
    stats = indexer.finish()

    assert stats.pages == 3
    assert indexed_pages(tmp_path / "pagefind") == 2
    assert indexed_pages(tmp_path / "pagefind-status") == 1
    urls = {fragment["url"] for fragment in fragment_texts(tmp_path / "pagefind")}
    assert urls == {"/articles/a/one/", "/articles/a/two/"}
    status = fragment_texts(tmp_path / "pagefind-status")[0]
    assert "login error" in status["content"] and "menu words" not in status["content"]
    assert not list(tmp_path.glob(".pagefind*"))  # staging folders are gone


def test_a_page_after_the_early_write_is_not_lost(tmp_path: Path) -> None:
    """The bundle is written when its expected last page arrives; a page beyond that count
    means another write, and the bundle swapped in is the later one."""
    indexer = SearchIndexer(tmp_path, bundles=["pagefind"], expected={"pagefind": 1})
    indexer.add("articles/a/one/index.html", page("First", "first words"))
    indexer.add("articles/a/two/index.html", page("Second", "second words"))
    indexer.finish()
    assert indexed_pages(tmp_path / "pagefind") == 2
    assert not list(tmp_path.glob(".pagefind*"))


def test_the_bundle_is_built_while_the_build_goes_on(tmp_path: Path) -> None:
    """Once the last expected page is in, Pagefind builds the bundle without waiting for
    `finish` (a request held back in the pipe's buffer would only start there)."""
    indexer = SearchIndexer(tmp_path, bundles=["pagefind"], expected={"pagefind": 2})
    indexer.add("articles/a/one/index.html", page("First", "first words"))
    indexer.add("articles/a/two/index.html", page("Second", "second words"))
    deadline = time.monotonic() + 30
    while not indexer.ready("pagefind") and time.monotonic() < deadline:
        time.sleep(0.05)
    built = indexer.ready("pagefind")
    indexer.finish()
    assert built
    assert indexed_pages(tmp_path / "pagefind") == 2


def test_every_file_of_the_bundle_is_written_whole(tmp_path: Path) -> None:
    """The files on disk are the files Pagefind built, to the last byte: Pagefind's own writing
    answers before its last writes finish, and its process is stopped right after."""
    indexer = SearchIndexer(tmp_path, bundles=["pagefind"])
    indexer.add("articles/a/one/index.html", page("First", "first words"))
    indexer.finish()
    service = PagefindService()
    try:
        index = service.call(
            {"type": "NewIndex", "config": {"exclude_selectors": EXCLUDE_SELECTORS}}
        )
        service.call({"type": "AddFile", "index_id": index["index_id"], "file_path": None,
                      "url": "/articles/a/one/",
                      "file_contents": searchable_document(page("First", "first words"))})  # fmt: skip
        files = service.call({"type": "GetFiles", "index_id": index["index_id"]})["files"]
    finally:
        service.close()
    expected = {file["path"]: base64.b64decode(file["content"]) for file in files}
    bundle = tmp_path / "pagefind"
    written = {
        p.relative_to(bundle).as_posix(): p.read_bytes() for p in bundle.rglob("*") if p.is_file()
    }
    assert "pagefind-component-ui.js" in written
    assert written == expected


def test_a_bundle_without_pages_is_removed(tmp_path: Path) -> None:
    (tmp_path / "pagefind").mkdir()
    (tmp_path / "pagefind" / "pagefind.js").write_text("old")
    indexer = SearchIndexer(tmp_path)
    indexer.add("status/index.html", page("Status", "all good"))
    indexer.finish()
    assert not (tmp_path / "pagefind").exists()
    assert indexed_pages(tmp_path / "pagefind-status") == 1


def test_an_abandoned_index_leaves_the_site_as_it_was(tmp_path: Path) -> None:
    (tmp_path / "pagefind").mkdir()
    (tmp_path / "pagefind" / "pagefind.js").write_text("old")
    indexer = SearchIndexer(tmp_path, expected={"pagefind": 1})
    indexer.add("articles/a/one/index.html", page("First", "first words"))
    indexer.abandon()
    assert (tmp_path / "pagefind" / "pagefind.js").read_text() == "old"
    assert not list(tmp_path.glob(".pagefind*"))


def test_the_service_reports_errors_by_request() -> None:
    service = PagefindService()
    try:
        with pytest.raises(PagefindError, match="Pagefind"):
            service.call({"type": "AddFile", "index_id": 99, "url": "/x/", "file_path": None,
                          "file_contents": "<html></html>"})  # fmt: skip
        index = service.call({"type": "NewIndex", "config": {}})
        assert isinstance(index["index_id"], int)
    finally:
        service.close()

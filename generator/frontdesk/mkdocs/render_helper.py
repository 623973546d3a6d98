"""A second process that reads and converts pages while the build reads and converts the others.

MkDocs reads and converts every page in one process before it writes any, so during that
stretch the machine's other cores sit idle. Here the build forks a helper once the navigation
is ready. The build takes pages from the front of the list and the helper from the back, each
claiming one page at a time under a shared lock, until they meet. For a page the helper did,
the build still reads the source and runs the events before `Page.render` itself, then takes the
helper's result in place of `Page.render` and `on_page_content`: the same content, table of
contents, title, anchors and log messages, logged in the same order as if it had done the page
itself. A page the helper could not do raises the helper's error when the build reaches it, as
it would have raised there.

Only used where it cannot change the result: a `build` (not `serve` or a dirty build) on a
system with `fork`, and when no other plugin handles the events around `Page.render`, which
would run in both processes.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from logging import LogRecord
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from frontdesk.mkdocs.helper_process import HelperProcess, LogCapture, log_again, picklable

# Events MkDocs runs while it reads and converts a page: another plugin on any of them might
# depend on the order pages are converted in, or keep state the helper would not share.
READING_EVENTS = ("pre_page", "page_read_source", "page_markdown", "page_content")
MINIMUM_PAGES = 40  # below this, starting a process costs more than it saves


@dataclass
class _Done:
    """What Page.render and on_page_content leave on a page, in a form that pickles without
    the page's files."""

    content: str | None = None
    rendered: str | None = None
    toc: TableOfContents | None = None
    title: str | None = None
    anchors: set[str] | None = None
    links: dict[str, dict[str, str]] | None = None
    records: list[LogRecord] = field(default_factory=list)
    error: Exception | None = None


def only_plugin_on(events: Sequence[str], config: MkDocsConfig, plugin: object) -> bool:
    """Whether `plugin` is the only enabled plugin handling these events."""
    return all(
        getattr(method, "__self__", None) is plugin or not _enabled(method)
        for event in events
        for method in config.plugins.events[event]
    )


def _enabled(method: Callable) -> bool:
    options = getattr(getattr(method, "__self__", None), "config", None)
    return getattr(options, "enabled", True) is not False


class RenderHelper:
    """The helper process and what it has handed over."""

    def __init__(self, pages: Sequence[File], process: HelperProcess, claims: Any, lock: Any):
        self._index = {file.src_uri: number for number, file in enumerate(pages)}
        self._process = process
        self._claims = claims  # [the build's next page, the helper's last claimed page]
        self._lock = lock
        self._done: dict[int, _Done] | None = None
        self._closing: Any = None

    @classmethod
    def start(
        cls,
        pages: Sequence[File],
        config: MkDocsConfig,
        files: Files,
        closing: Callable[[], Any] = lambda: None,
    ) -> RenderHelper | None:
        """Fork the helper for these pages, in the order the build reads them. In the helper,
        the plugins are copies: the page events run there, and then `closing`, whose result
        `finish` hands back (what the copies learned that the build should keep)."""
        if len(pages) < MINIMUM_PAGES:
            return None
        context = multiprocessing.get_context("fork")
        claims = context.RawArray("q", [0, len(pages)])
        lock = context.Lock()

        def work(send: Callable[[Any], None], capture: LogCapture) -> None:
            for folder in sorted({os.path.dirname(file.abs_dest_path) for file in pages}):
                os.makedirs(folder, exist_ok=True)  # so that writing a page only writes a file
            while True:
                with lock:
                    number = claims[1] - 1
                    if number < claims[0]:
                        break
                    claims[1] = number
                send((number, _do_page(pages[number], config, files, capture)))
            send(closing())

        process = HelperProcess.fork(work, "mkdocs")
        return None if process is None else cls(pages, process, claims, lock)

    def claim(self, page: Page) -> bool:
        """For the build, as it reaches a page: True if it does the page itself, False if the
        helper has it (the build then calls `take` and `content`)."""
        number = self._index.get(page.file.src_uri)
        if number is None:
            return True
        with self._lock:
            if number < self._claims[1]:
                self._claims[0] = number + 1
                return True
        return False

    def take(self, page: Page, files: Files) -> None:
        """Page.render for a page the helper did: its result and messages, or its error."""
        done = self._wait()[self._index[page.file.src_uri]]
        log_again(done.records)
        if done.error is not None:
            raise done.error
        page.content = done.rendered
        page.toc = done.toc
        page._title_from_render = done.title
        page.present_anchor_ids = done.anchors
        if done.links is not None:
            targets = files.src_uris
            page.links_to_anchors = {targets[uri]: links for uri, links in done.links.items()}

    def content(self, page: Page) -> str | None:
        """The page's final content if the helper did the page, else None."""
        number = self._index.get(page.file.src_uri)
        if number is None or self._done is None or number not in self._done:
            return None
        return self._done[number].content

    def finish(self) -> Any:
        """Wait for the helper (it stops once the build has reached its pages); what `closing`
        returned. HelperError if the helper failed."""
        self._wait()
        return self._closing

    def stop(self) -> None:
        self._process.stop()

    def _wait(self) -> dict[int, _Done]:
        if self._done is None:
            *pages, self._closing = self._process.wait()
            self._done = dict(pages)
        return self._done


def _do_page(file: File, config: MkDocsConfig, files: Files, capture: LogCapture) -> _Done:
    """What mkdocs.commands.build reads and converts for a page, keeping what the build needs."""
    done = _Done()
    page = file.page if file.page is not None else Page(None, file, config)
    config._current_page = page
    try:
        page = config.plugins.on_pre_page(page, config=config, files=files)
        page.read_source(config)
        page.markdown = config.plugins.on_page_markdown(
            page.markdown, page=page, config=config, files=files
        )
        capture.records = done.records  # the build logs what happened up to here itself
        page.render(config, files)
        done.rendered = page.content
        done.content = config.plugins.on_page_content(
            page.content, page=page, config=config, files=files
        )
    except Exception as exc:  # noqa: BLE001 (handed to the build, which raises it at this page)
        done.error = picklable(exc)
        return done
    finally:
        capture.records = []
        config._current_page = None
    done.toc = page.toc
    done.title = page._title_from_render
    done.anchors = page.present_anchor_ids
    if page.links_to_anchors is not None:
        done.links = {target.src_uri: links for target, links in page.links_to_anchors.items()}
    return done

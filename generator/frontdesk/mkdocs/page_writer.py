"""A second process that writes some pages (templates, files, search index) while the build
writes the others.

Frontdesk forks it once every page is read and converted, for the status pages: they make up a
search bundle of their own (its own Pagefind process), so the helper can index them without the
build. The build marks those pages as excluded so that MkDocs' loop skips them, and gives the
sitemap the full list back (see the plugin). At the end the build waits for the helper and logs
its messages, so that warnings still count under `--strict`; an error the helper met is raised
again in the build, after the helper's own "Error building page" message.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from logging import LogRecord
from typing import Any

from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from frontdesk.mkdocs.helper_process import HelperProcess, LogCapture, log_again, picklable

# Events whose handlers see each page as it is written, or the environment it is written with:
# another plugin on these would miss the helper's pages or see them in another order.
WRITING_EVENTS = ("env", "page_context", "post_page", "pre_template", "template_context")


class PageWriter:
    def __init__(self, process: HelperProcess) -> None:
        self._process = process

    @classmethod
    def start(
        cls,
        pages: Sequence[File],
        build_page: Callable[[Page], None],
        *,
        opening: Callable[[], None] = lambda: None,
        closing: Callable[[], Any] = lambda: None,
        failing: Callable[[], None] = lambda: None,
    ) -> PageWriter | None:
        """Fork the helper to run `opening`, build these pages in turn, then run `closing`
        (or `failing` after an error); None if this system cannot fork."""

        def work(send: Callable[[Any], None], capture: LogCapture) -> None:
            records: list[LogRecord] = []
            capture.records = records
            try:
                opening()
                for file in pages:
                    assert file.page is not None
                    build_page(file.page)
                outcome: Any = closing()
                error = None
            except Exception as exc:  # noqa: BLE001 (raised again in the build)
                failing()
                outcome, error = None, picklable(exc)
            send((records, error, outcome))

        process = HelperProcess.fork(work, "mkdocs")
        return None if process is None else cls(process)

    def finish(self) -> Any:
        """Wait for the helper and log its messages here; raise its error, or return what
        `closing` returned."""
        ((records, error, outcome),) = self._process.wait()
        log_again(records)
        if error is not None:
            raise error
        return outcome

    def stop(self) -> None:
        self._process.stop()

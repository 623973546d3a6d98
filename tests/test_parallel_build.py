"""A `build` shares its work with two helper processes (frontdesk/mkdocs/render_helper.py reads and
converts pages, frontdesk/mkdocs/page_writer.py writes the status pages). Whatever the helpers do must
come out exactly as if the build had done it alone: the same files, the same messages in the same
order, the same errors, and warnings that still fail `--strict`."""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from sitecompare import differences

from frontdesk.mkdocs import render_helper, sharing
from frontdesk.mkdocs.page_writer import PageWriter
from frontdesk.mkdocs.plugin import FrontdeskPlugin
from frontdesk.mkdocs.render_helper import READING_EVENTS, RenderHelper
from frontdesk.site.pages import SitePages

LATE_ARTICLE = "articles/payments/connect-bank-feed.md"


def shares_reading(plugin: FrontdeskPlugin, config) -> bool:  # noqa: ANN001
    """Whether this build would hand pages to a reading helper."""
    return sharing.may_share(
        config=config, plugin=plugin, events=READING_EVENTS, **plugin.sharing_conditions()
    )


def build_with(root: Path, out: Path, *, helpers: bool, strict: bool = True) -> Path:
    """Build as `mkdocs build` and `frontdesk build` do (helpers) or as a bare call does."""
    config = load_config(str(root / "mkdocs.yml"), strict=strict, site_dir=str(out))
    if helpers:
        config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return out


HELD_BACK = 2  # pages left to the build before it starts claiming


@pytest.fixture
def helpers_busy(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """Helpers on even for a small site, and the build's first claim held until the reading
    helper has claimed every page but the first two (only the build claims that way): the helper
    does nearly all the pages for certain, whatever the machine's speed. Returns what each
    helper did, as the build saw it."""
    seen: dict[str, list[str]] = {"taken": [], "written": []}
    monkeypatch.setattr(render_helper, "MINIMUM_PAGES", 0)
    claim, take, start = RenderHelper.claim, RenderHelper.take, PageWriter.start.__func__

    def held_claim(self: RenderHelper, page) -> bool:  # noqa: ANN001
        if not getattr(self, "held", False):  # the build's first claim only
            self.held = True
            deadline = time.monotonic() + 60
            while self._claims[1] > HELD_BACK and time.monotonic() < deadline:
                time.sleep(0.001)  # the helper's progress, in the claims both processes share
        return claim(self, page)

    def noted_take(self: RenderHelper, page, files) -> None:  # noqa: ANN001
        seen["taken"].append(page.file.src_uri)
        take(self, page, files)

    def noted_start(cls, pages, *args, **kwargs):  # noqa: ANN001, ANN202
        seen["written"] += [file.src_uri for file in pages]
        return start(cls, pages, *args, **kwargs)

    monkeypatch.setattr(RenderHelper, "claim", held_claim)
    monkeypatch.setattr(RenderHelper, "take", noted_take)
    monkeypatch.setattr(PageWriter, "start", classmethod(noted_start))
    return seen


def test_the_example_site_built_with_helpers_is_the_same_as_built_alone(
    example_site: Path, tmp_path: Path, helpers_busy: dict[str, list[str]]
) -> None:
    shared = build_with(Path(__file__).resolve().parent.parent, tmp_path / "site", helpers=True)
    taken, written = helpers_busy["taken"], helpers_busy["written"]
    assert any(uri.startswith("articles/") for uri in taken)  # Markdown converted there
    assert any(uri.startswith("status/incidents/") for uri in taken)  # status pages' content
    assert "status/index.md" in written and "index.md" not in written
    assert differences(example_site, shared) == []
    sitemap = (shared / "sitemap.xml").read_text(encoding="utf-8")
    assert "/status/incidents/" in sitemap  # pages the writer wrote are still listed


def test_messages_from_pages_the_helper_converted_come_in_page_order_and_fail_strict(
    copy_example: Path, tmp_path: Path, helpers_busy: dict, caplog: pytest.LogCaptureFixture
) -> None:
    for name in (LATE_ARTICLE, "articles/account/reset-password.md"):
        path = copy_example / "content" / name
        path.write_text(path.read_text() + "\nSee [the old guide](no-such-page.md).\n")

    def warnings() -> list[str]:
        found = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
        caplog.clear()
        return [message for message in found if "no-such-page.md" in message]

    build_with(copy_example, tmp_path / "alone", helpers=False, strict=False)
    alone = warnings()
    build_with(copy_example, tmp_path / "shared", helpers=True, strict=False)
    assert LATE_ARTICLE in helpers_busy["taken"]
    # Each page with the link says so: the late article also on its German copy (it has no
    # translation, so German readers get its English text); reset-password once, as its German
    # translation has no such link.
    pages = sorted(message.split("'")[1] for message in alone)
    assert pages == sorted(
        [LATE_ARTICLE, f"de/{LATE_ARTICLE}", "articles/account/reset-password.md"]
    )
    assert warnings() == alone
    with pytest.raises(Abort, match="in strict mode"):
        build_with(copy_example, tmp_path / "strict", helpers=True)
    assert warnings() == alone


def test_an_error_in_a_page_the_helper_did_is_raised_at_that_page(
    copy_example: Path, tmp_path: Path, helpers_busy: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = SitePages.content

    def failing(self: SitePages, src_uri: str, *args: object) -> str:
        if src_uri == LATE_ARTICLE:
            raise ValueError("the related-articles list could not be made")
        return content(self, src_uri, *args)

    monkeypatch.setattr(SitePages, "content", failing)
    with pytest.raises(ValueError, match="related-articles"):
        build_with(copy_example, tmp_path / "site", helpers=True)
    assert helpers_busy["taken"][-1] == LATE_ARTICLE


def test_a_helper_that_dies_fails_the_build_with_a_clear_message(
    copy_example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:  # fmt: skip
    monkeypatch.setattr(render_helper, "MINIMUM_PAGES", 0)
    monkeypatch.setattr(render_helper, "_do_page", lambda *args: os._exit(3))
    with pytest.raises(Abort):
        build_with(copy_example, tmp_path / "site", helpers=True)
    assert "stopped unexpectedly" in caplog.text and "parallel: false" in caplog.text


def test_warnings_and_errors_while_writing_status_pages_reach_the_build(
    copy_example: Path, tmp_path: Path, helpers_busy: dict, monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:  # fmt: skip
    context = FrontdeskPlugin.on_page_context
    problem = {"kind": "warning"}

    def on_page_context(self: FrontdeskPlugin, ctx, page, config, nav):  # noqa: ANN001, ANN202
        if page.file.src_uri == "status/history/index.md":
            if problem["kind"] == "error":
                raise RuntimeError("history page template failed")
            logging.getLogger("mkdocs.plugins.test").warning("history page looks odd")
        return context(self, ctx, page, config, nav)

    monkeypatch.setattr(FrontdeskPlugin, "on_page_context", on_page_context)
    with pytest.raises(Abort, match="1 warnings in strict mode"):
        build_with(copy_example, tmp_path / "warned", helpers=True)
    assert "status/history/index.md" in helpers_busy["written"]
    assert "history page looks odd" in caplog.text
    problem["kind"] = "error"
    with pytest.raises(RuntimeError, match="history page template failed"):
        build_with(copy_example, tmp_path / "failed", helpers=True)
    staging = [p.name for p in (tmp_path / "failed").iterdir() if p.name.startswith(".pagefind")]
    assert staging == []  # the writer's search bundle was abandoned, not left half-written


@pytest.mark.parametrize(
    ("command", "dirty", "parallel", "shares"),
    [("build", False, True, True), ("gh-deploy", False, True, True), ("serve", False, True, False),
     ("build", True, True, False), ("build", False, False, False), (None, False, True, False)],
)  # fmt: skip
def test_helpers_are_used_only_for_a_full_build(
    make_site, command: str | None, dirty: bool, parallel: bool, shares: bool  # noqa: ANN001
) -> None:  # fmt: skip
    root = make_site(plugin_options={"parallel": parallel})
    config = load_config(str(root / "mkdocs.yml"))
    if command is not None:
        config.plugins.on_startup(command=command, dirty=dirty)
    config = config.plugins.on_config(config)
    plugin = config.plugins["frontdesk"]
    assert shares_reading(plugin, config) is shares
    config.plugins.on_shutdown()
    assert not shares_reading(plugin, config)  # the instance may be used again


def test_helpers_are_not_used_when_another_plugin_reads_pages(make_site) -> None:  # noqa: ANN001
    root = make_site(hooks=["hooks.py"])
    (root / "hooks.py").write_text(
        "def on_page_markdown(markdown, **kwargs):\n    return markdown\n"
    )
    config = load_config(str(root / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    assert not shares_reading(config.plugins["frontdesk"], config)
    config.plugins.on_shutdown()

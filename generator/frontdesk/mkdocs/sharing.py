"""A build's work shared with forked helpers: one reads and converts pages from the other end of
the list, one writes and indexes the status pages while the build writes the rest."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import partial
from pathlib import Path

from jinja2 import Environment
from mkdocs.commands.build import _build_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from frontdesk.mkdocs.helper_process import HelperError, can_fork
from frontdesk.mkdocs.page_writer import WRITING_EVENTS, PageWriter
from frontdesk.mkdocs.render_helper import READING_EVENTS, RenderHelper, only_plugin_on
from frontdesk.search.index import ARTICLES_BUNDLE, STATUS_BUNDLE, SearchIndexer, bundle_for


def may_share(
    parallel: bool, command: str | None, dirty: bool, config: MkDocsConfig, plugin: object,
    events: tuple[str, ...],
) -> bool:  # fmt: skip
    """Whether helper processes may do part of this build without changing its output: only
    full builds, where fork exists, and where no other plugin handles the events involved."""
    return (
        parallel
        and command in ("build", "gh-deploy")
        and not dirty
        and can_fork()
        and only_plugin_on(events, config, plugin)
    )


def start_reader(
    config: MkDocsConfig, files: Files, plugin: object, closing: Callable[[], object],
    **when: object,
) -> RenderHelper | None:  # fmt: skip
    if not may_share(config=config, plugin=plugin, events=READING_EVENTS, **when):
        return None
    return RenderHelper.start(files.documentation_pages(), config, files, closing=closing)


def finish_reader(helper: RenderHelper | None) -> dict:
    """The Markdown the helper converted from YAML fields, to keep in the build cache."""
    if helper is None:
        return {}
    try:
        return helper.finish()
    except HelperError as exc:
        raise PluginError(str(exc)) from exc


def start_writer(
    env: Environment, config: MkDocsConfig, files: Files, nav: Navigation,
    expected: Counter, opening: Callable[[SearchIndexer], None], plugin: object,
    prefixes: tuple[str, ...] = (), **when: object,
) -> tuple[PageWriter | None, list[File]]:  # fmt: skip
    """Fork a helper that writes and indexes the status pages while this process writes the
    rest, where sharing is allowed. MkDocs skips pages marked excluded; the sitemap must still
    list them (all documents are returned for it)."""
    documents = files.documentation_pages()
    if not may_share(config=config, plugin=plugin, events=WRITING_EVENTS, **when):
        return None, documents
    status = [f for f in documents if bundle_for(f.dest_uri, prefixes) == STATUS_BUNDLE]
    status_index = SearchIndexer(
        Path(config.site_dir), bundles=(STATUS_BUNDLE,), expected=expected, prefixes=prefixes
    )
    writer = PageWriter.start(
        status,
        lambda page: _build_page(page, config, documents, nav, env),
        opening=lambda: opening(status_index),
        closing=status_index.finish,
        failing=status_index.abandon,
    )
    if writer is not None:
        for file in status:
            file.inclusion = InclusionLevel.EXCLUDED
    return writer, documents


def claim_render(page: Page, helper: RenderHelper | None, generated: bool) -> None:
    """Page.render for a page the helper did, or for a generated page's stub."""
    if helper is not None and not helper.claim(page):
        page.render = partial(_take_rendered, helper, page)  # type: ignore[method-assign]
    elif generated:
        page.render = partial(_render_generated, page)  # type: ignore[method-assign]


def _render_generated(page: Page, config: MkDocsConfig, files: Files) -> None:
    """What Page.render gives for a generated page's source (front matter only), without building
    a Markdown converter for it; on_page_content then supplies the content."""
    page.content = ""
    page.toc = get_toc([])
    page._title_from_render = None
    page.present_anchor_ids = set()
    page.links_to_anchors = {}


def _take_rendered(helper: RenderHelper, page: Page, config: MkDocsConfig, files: Files) -> None:
    try:
        helper.take(page, files)
    except HelperError as exc:
        raise PluginError(str(exc)) from exc


def bundles_here(writer: PageWriter | None) -> tuple[str, ...]:
    """The search bundles this process indexes: the status bundle is the writer's, if any."""
    return (ARTICLES_BUNDLE,) if writer is not None else (ARTICLES_BUNDLE, STATUS_BUNDLE)

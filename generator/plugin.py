"""The MkDocs glue: small event handlers that call the loading, status and rendering modules."""

from __future__ import annotations

from collections import Counter
from functools import partial
from html import escape
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.commands.build import _build_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from generator import site_pages
from generator.build_cache import BuildCache, write_cache
from generator.clock import ClockError, build_time
from generator.config import FrontdeskConfig, audiences, contact, feedback_widget, status_settings
from generator.errors import ContentError
from generator.helper_process import HelperError, can_fork
from generator.levels_markdown import GlossaryExtension, LevelBlockExtension
from generator.loading import load_site
from generator.loading.glossary import load_glossary
from generator.machine import SiteInfo, machine_readable_files
from generator.markup import markdown_renderer
from generator.notices import report_notices
from generator.page_writer import WRITING_EVENTS, PageWriter
from generator.publish import generated_outputs, write_manifest
from generator.render_helper import READING_EVENTS, RenderHelper, only_plugin_on
from generator.rendering import Renderer, StatusView
from generator.search_index import (
    ARTICLES_BUNDLE,
    STATUS_BUNDLE,
    IndexStats,
    SearchIndexer,
    SearchIndexError,
    bundle_for,
)
from generator.template_cache import (
    FragmentCache,
    add_material_prefix,
    record_links,
)

log = get_plugin_logger(__name__)
ASSETS = Path(__file__).parent / "assets"
ASSET_URI = "assets/frontdesk/"


class FrontdeskPlugin(BasePlugin[FrontdeskConfig]):
    command: str | None = None  # set by on_startup when MkDocs' command line or ours runs
    dirty = False
    helper: RenderHelper | None = None  # reads and converts pages alongside the build
    writer: PageWriter | None = None  # writes the status pages alongside the build

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command, self.dirty = command, dirty

    def on_shutdown(self) -> None:
        # MkDocs may keep this instance for the next configuration loaded in the same process.
        self.command, self.dirty = None, False

    def on_serve(self, server, config: MkDocsConfig, builder):  # noqa: ANN001, ANN201
        # MkDocs watches the theme only with --watch-theme, and then all of Material's files too;
        # the site's own templates (custom_dir) are what a writer edits while previewing.
        if config.theme.custom_dir:
            server.watch(config.theme.custom_dir)
        return server

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not config.site_url:
            raise PluginError(
                "site_url: required, for the links in feeds, calendars and the status API"
            )
        try:
            self.now = build_time()
            glossary = load_glossary(
                Path(config.docs_dir) / self.config.glossary, _repo_root(config)
            )
        except (ClockError, ContentError) as exc:
            raise PluginError(str(exc)) from exc
        site_url = config.site_url.rstrip("/") + "/"
        self.site_info = SiteInfo(config.site_name, site_url)
        self.markdown = markdown_renderer(config.markdown_extensions, config.mdx_configs)
        self.reuse: BuildCache | None = None  # set by publish-status when the last build's holds
        custom_dir = config.theme.custom_dir
        self.renderer = Renderer(
            self.markdown,
            override_dirs=[Path(custom_dir)] if custom_dir else [],
            directory_urls=config.use_directory_urls,
            base_path=urlsplit(site_url).path,
        )
        self.settings = site_pages.SiteSettings(
            site_name=config.site_name, site_url=site_url, levels=tuple(audiences(self.config)),
            contact=contact(self.config), search=self.config.search == "pagefind",
            review_age_months=self.config.review_age_months, directory_urls=config.use_directory_urls,
        )  # fmt: skip
        _use_search(config, self.settings.search)
        config.markdown_extensions.append(LevelBlockExtension(self.settings.levels))
        if glossary:
            config.markdown_extensions.append(
                GlossaryExtension(glossary, self.settings.levels[0].name)
            )
        config.extra.setdefault("analytics", feedback_widget(self.settings.contact, site_url))
        _add_assets(config)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        levels = [level.name for level in self.settings.levels]
        try:
            site = load_site(
                Path(config.docs_dir), _repo_root(config), levels,
                articles_from=self.reuse.site if self.reuse else None,
            )  # fmt: skip
        except ContentError as exc:
            raise PluginError(str(exc)) from exc
        if self.reuse:
            self.markdown.rendered.update(self.reuse.markup)
        self.site = site
        self.view = StatusView(site.status, self.now, status_settings(self.config))
        report_notices(self.view, site.notices)
        self.pages = site_pages.plan(site, self.view, self.renderer, self.settings)
        for file in [f for f in files if self._unpublished(f.src_uri)]:
            files.remove(file)
        for src_uri in self.pages.generated:
            # Staff pages are reached by address: a navigation MkDocs makes must not list them.
            staff = src_uri == site_pages.REVIEWS_PAGE
            inclusion = InclusionLevel.NOT_IN_NAV if staff else InclusionLevel.UNDEFINED
            stub = self.pages.stub(src_uri)
            files.append(File.generated(config, src_uri, content=stub, inclusion=inclusion))
        for asset in sorted(ASSETS.iterdir()):
            files.append(File.generated(config, ASSET_URI + asset.name, abs_src_path=str(asset)))
        for path, data in machine_readable_files(self.view, self.site_info, self.markdown).items():
            files.append(File.generated(config, path, content=data))
        self.files = files
        return files

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav = nav
        self.fragments = FragmentCache(page.url for page in nav.pages)
        self.helper = None
        if self._shares_work(config, READING_EVENTS):
            self.helper = RenderHelper.start(
                files.documentation_pages(), config, files, closing=lambda: self.markdown.rendered
            )
        return nav

    def _shares_work(self, config: MkDocsConfig, events: tuple[str, ...]) -> bool:
        """Whether helper processes may do part of this build without changing its output."""
        return (
            self.config.parallel
            and self.command in ("build", "gh-deploy")
            and not self.dirty
            and can_fork()
            and only_plugin_on(events, config, self)
        )

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        if self.helper is not None:
            try:
                self.markdown.rendered.update(self.helper.finish())
            except HelperError as exc:
                raise PluginError(str(exc)) from exc
        add_material_prefix(env)
        record_links(env, self.fragments)
        self.indexer, self.writer = None, None
        if self.settings.search:
            pages = Counter(bundle_for(f.dest_uri) for f in files.documentation_pages())
            bundles: tuple[str, ...] = (ARTICLES_BUNDLE, STATUS_BUNDLE)
            if self._shares_work(config, WRITING_EVENTS):
                self.writer = self._start_writer(env, config, files, pages)
            if self.writer is not None:
                bundles = (ARTICLES_BUNDLE,)  # the helper indexes the status pages
            self.indexer = SearchIndexer(Path(config.site_dir), bundles=bundles, expected=pages)
        return env

    def _start_writer(
        self, env: Environment, config: MkDocsConfig, files: Files, expected: Counter
    ) -> PageWriter | None:
        """Fork a helper that writes and indexes the status pages while this process writes
        the rest. MkDocs skips pages marked excluded; the sitemap still lists them (below)."""
        documents = files.documentation_pages()
        status = [f for f in documents if bundle_for(f.dest_uri) == STATUS_BUNDLE]
        status_index = SearchIndexer(
            Path(config.site_dir), bundles=(STATUS_BUNDLE,), expected=expected
        )

        def opening() -> None:
            self.indexer = status_index

        writer = PageWriter.start(
            status,
            lambda page: _build_page(page, config, documents, self.nav, env),
            opening=opening,
            closing=status_index.finish,
            failing=status_index.abandon,
        )
        if writer is not None:
            self.all_documents = documents
            for file in status:
                file.inclusion = InclusionLevel.EXCLUDED
        return writer

    def on_template_context(self, context, template_name: str, config: MkDocsConfig):  # noqa: ANN001
        if template_name == "sitemap.xml" and self.writer is not None:
            context["pages"] = self.all_documents  # with the pages the helper writes
        return context

    def _unpublished(self, src_uri: str) -> bool:
        return site_pages.is_status_source(src_uri) or src_uri == self.config.glossary

    def on_pre_page(self, page: Page, config: MkDocsConfig, files: Files) -> Page:
        if self.helper is not None and not self.helper.claim(page):
            page.render = partial(_take_rendered, self.helper, page)  # type: ignore[method-assign]
        elif page.file.src_uri in self.pages.renderers:
            page.render = partial(_render_generated, page)  # type: ignore[method-assign]
        return page

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if isinstance(page.meta.get("title"), str):  # MkDocs and Material print titles as HTML
            page.meta["title"] = escape(page.meta["title"], quote=False)
        if page.file.src_uri not in self.pages.articles:  # "Was this helpful?" is for articles
            page.meta["hide"] = [*page.meta.get("hide", []), "feedback"]
        return markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.helper is not None and (done := self.helper.content(page)) is not None:
            return done
        return self.pages.content(page.file.src_uri, page.url, html, page.is_homepage)

    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav):  # noqa: ANN001
        context["frontdesk_banner"] = "" if page.is_homepage else self.pages.banner
        context["frontdesk_stamp"] = self.pages.stamp
        context["frontdesk_head"] = self.pages.head
        context["frontdesk_levels"] = self.settings.levels
        context["frontdesk_search"] = self.settings.search
        context["frontdesk_search_meta"] = self.pages.search_meta.get(page.file.src_uri, "")
        context["frontdesk_fragments"] = self.fragments.for_page(page, context["base_url"])
        context["frontdesk_feedback_endpoint"] = self.config.feedback_endpoint or ""
        return context

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        if self.indexer is not None:
            try:
                self.indexer.add(page.file.dest_uri, output)
            except SearchIndexError as exc:
                raise PluginError(str(exc)) from exc
        return output

    def on_post_build(self, config: MkDocsConfig) -> None:
        try:
            written = self.writer.finish() if self.writer is not None else IndexStats(0, 0)
        except (HelperError, SearchIndexError) as exc:
            raise PluginError(str(exc)) from exc
        write_manifest(config, self.nav, generated_outputs(self.files))
        write_cache(Path(config.site_dir), BuildCache(self.site, self.markdown.rendered))
        if self.indexer is None:
            return
        try:
            stats = self.indexer.finish()
        except SearchIndexError as exc:
            raise PluginError(str(exc)) from exc
        pages, words = stats.pages + written.pages, stats.words + written.words
        log.info("Search index: %d pages, %d words", pages, words)

    def on_build_error(self, error: Exception) -> None:
        for helper in (self.helper, self.writer):
            if helper is not None:
                helper.stop()
        if getattr(self, "indexer", None) is not None:
            self.indexer.abandon()


def _render_generated(page: Page, config: MkDocsConfig, files: Files) -> None:
    """What Page.render gives for a generated page's source (front matter only), without building
    a Markdown converter for it; on_page_content then supplies the content."""
    page.content = ""
    page.toc = get_toc([])
    page._title_from_render = None
    page.present_anchor_ids = set()
    page.links_to_anchors = {}


def _take_rendered(helper: RenderHelper, page: Page, config: MkDocsConfig, files: Files) -> None:
    """Page.render for a page the helper process did."""
    try:
        helper.take(page, files)
    except HelperError as exc:
        raise PluginError(str(exc)) from exc


def _repo_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path or ".").resolve().parent


def _use_search(config: MkDocsConfig, pagefind: bool) -> None:
    builtin = config.plugins.get("material/search") or config.plugins.get("search")
    if pagefind and builtin is not None:
        builtin.config.enabled = False  # the Pagefind index replaces it


def _add_assets(config: MkDocsConfig) -> None:
    for asset in sorted(ASSETS.iterdir()):
        target = config.extra_css if asset.suffix == ".css" else config.extra_javascript
        if ASSET_URI + asset.name not in target:
            target.append(ASSET_URI + asset.name)

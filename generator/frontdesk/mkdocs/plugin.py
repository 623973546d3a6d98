"""The MkDocs glue: small event handlers that call the loading, status and rendering modules."""

from __future__ import annotations

from collections import Counter
from html import escape
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from frontdesk.mkdocs import sharing
from frontdesk.mkdocs.build_cache import BuildCache, write_cache
from frontdesk.mkdocs.config import FrontdeskConfig, status_settings
from frontdesk.mkdocs.helper_process import HelperError
from frontdesk.mkdocs.page_writer import PageWriter
from frontdesk.mkdocs.publish import generated_outputs, write_manifest
from frontdesk.mkdocs.render_helper import RenderHelper
from frontdesk.mkdocs.setup import BuildSetup, set_up
from frontdesk.mkdocs.site_files import plan_site, publish_files
from frontdesk.mkdocs.template_cache import FragmentCache, add_material_prefix, record_links
from frontdesk.mkdocs.theme import ThemeError, check_main_template, patch_material
from frontdesk.mkdocs.theme import keep_compiled_templates as keep_compiled
from frontdesk.search.index import (
    IndexStats,
    SearchIndexer,
    SearchIndexError,
    bundle_for,
)
from frontdesk.site import pages as site_pages

log = get_plugin_logger(__name__)


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
        # A build leaves its compiled templates for the next status publish (which sets its own).
        self.compiled = config.site_dir if self.command in ("build", "gh-deploy") else None
        setup: BuildSetup = set_up(config, self.config, self.compiled)
        self.now, self.site_info, self.settings = setup.now, setup.site_info, setup.settings
        self.markdown, self.renderer = setup.markdown, setup.renderer
        self.setup, self.languages = setup, self.config.languages
        self.reuse: BuildCache | None = None  # set by publish-status when the last build's holds
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        reused = self.reuse.site if self.reuse else None
        self.site, self.editions = plan_site(
            config, self.setup, status_settings(self.config), self.languages, reused
        )
        if self.reuse:
            self.markdown.rendered.update(self.reuse.markup)
        self.view, self.pages = self.editions.default.view, self.editions.default.pages
        self.files = publish_files(
            files, config, self.editions, self._unpublished, self.site_info, self.markdown
        )
        return self.files

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav = nav
        self.editions.set_navigation(nav, files)
        self.fragments = {
            edition.prefix: FragmentCache(page.url for page in edition.nav.pages)
            for edition in self.editions.editions
        }
        if self.reuse is None:  # a build renders the articles: relate them once, before forking
            _ = self.pages.related
        self.helper = None  # what the helper itself sees: it is forked before the assignment
        self.helper = sharing.start_reader(
            config, files, self, lambda: self.markdown.rendered, **self.sharing_conditions()
        )
        return nav

    def sharing_conditions(self) -> dict:
        """What decides, besides other plugins, whether helpers may share this build."""
        return {"parallel": self.config.parallel, "command": self.command, "dirty": self.dirty}

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        self.markdown.rendered.update(sharing.finish_reader(self.helper))
        patch_material(env)
        # The words of Frontdesk's header parts, and where the page's language lives; each page
        # sets its own (these serve the theme's own pages, in the default language).
        env.globals["frontdesk_text"] = self.pages.renderer.interface.gettext
        env.globals["frontdesk_root"] = ""
        add_material_prefix(env)
        if self.compiled:
            keep_compiled(env, Path(self.compiled))
        for fragments in self.fragments.values():
            record_links(env, fragments)
        try:
            check_main_template(env)
        except ThemeError as exc:
            raise PluginError(str(exc)) from exc
        self.indexer, self.writer = None, None
        if self.settings.search:
            pages = Counter(
                bundle_for(f.dest_uri, self.editions.prefixes) for f in files.documentation_pages()
            )
            self.writer, self.all_documents = sharing.start_writer(
                env, config, files, self.nav, pages, self._open_status_index, self,
                prefixes=self.editions.prefixes, **self.sharing_conditions(),
            )  # fmt: skip
            bundles = sharing.bundles_here(self.writer)
            self.indexer = SearchIndexer(
                Path(config.site_dir),
                bundles=bundles,
                expected=pages,
                prefixes=self.editions.prefixes,
            )
        return env

    def _open_status_index(self, indexer: SearchIndexer) -> None:
        self.indexer = indexer  # in the helper that writes the status pages

    def on_template_context(self, context, template_name: str, config: MkDocsConfig):  # noqa: ANN001
        self.editions.at_theme_page(config)
        if template_name == "sitemap.xml":
            # With the pages the helper writes; without the staff page, which is for the team.
            pages = self.all_documents if self.writer is not None else context["pages"]
            context["pages"] = [f for f in pages if f.src_uri != site_pages.REVIEWS_PAGE]
        elif template_name == "404.html":  # a dead link during an outage still says so
            context.update(frontdesk_banner=self.pages.banner, frontdesk_head=self.pages.head)
        return context

    def _unpublished(self, src_uri: str) -> bool:
        return site_pages.is_status_source(src_uri) or src_uri == self.config.glossary

    def on_pre_page(self, page: Page, config: MkDocsConfig, files: Files) -> Page:
        edition, src_uri = self.editions.edition_of(page.file.src_uri)
        sharing.claim_render(page, self.helper, src_uri in edition.pages.renderers)
        return page

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if isinstance(page.meta.get("title"), str):  # MkDocs and Material print titles as HTML
            page.meta["title"] = escape(page.meta["title"], quote=False)
        edition, src_uri = self.editions.edition_of(page.file.src_uri)
        if src_uri not in edition.pages.articles:  # "Was this helpful?" is for articles
            page.meta["hide"] = [*page.meta.get("hide", []), "feedback"]
        return markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.helper is not None and (done := self.helper.content(page)) is not None:
            return done
        edition, src_uri = self.editions.edition_of(page.file.src_uri)
        home = src_uri == site_pages.HOME_PAGE
        return edition.pages.content(src_uri, page.url, html, home, page.title or "")

    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav):  # noqa: ANN001
        edition, src_uri = self.editions.edition_of(page.file.src_uri)
        fragments = self.fragments[edition.prefix].for_page(page, context["base_url"])
        context.update(edition.page_context(src_uri, fragments, self.config.feedback_endpoint))
        self.editions.at_page(config, context, edition, src_uri, self.files)
        return context

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        edition, src_uri = self.editions.edition_of(page.file.src_uri)
        banner = edition.pages.banner
        if banner and src_uri != site_pages.HOME_PAGE and banner not in output:
            raise PluginError(
                f"{page.file.src_uri}: the status banner is missing from the built page: the "
                "theme's templates drop Material's announce block, where Frontdesk puts it"
            )
        if self.indexer is not None:
            try:
                self.indexer.add(page.file.dest_uri, output)
            except SearchIndexError as exc:
                raise PluginError(str(exc)) from exc
        return output

    def on_post_build(self, config: MkDocsConfig) -> None:
        self.editions.finish(config)
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

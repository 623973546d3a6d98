"""Which pages the status content adds to a site, and what each page's content becomes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import yaml

from generator.audience import articles_by_level
from generator.loading import SiteContent
from generator.loading.status_files import STATUS_DIR
from generator.models import ArticleMeta, Audience
from generator.rendering import (
    Renderer,
    StatusView,
    history_src,
    incident_src,
    maintenance_src,
)

STATUS_PAGE = f"{STATUS_DIR}/index.md"
LEVELS_PAGE = "levels/index.md"
SEARCH_PAGE = "search.md"
STATUS_CATEGORY = "Service status"
START_HERE_MARKER = "<!-- frontdesk:start-here -->"


def is_status_source(src_uri: str) -> bool:
    """Status YAML is input for the build, not a file to publish."""
    return src_uri.startswith(f"{STATUS_DIR}/") and src_uri.endswith((".yml", ".yaml"))


def stub(title: str) -> str:
    """The Markdown source of a generated page: only its title; the content is rendered later."""
    return f"---\n{yaml.safe_dump({'title': title}, allow_unicode=True)}---\n"


@dataclass
class SitePages:
    renderer: Renderer
    view: StatusView
    generated: dict[str, str] = field(default_factory=dict)  # src_uri -> title
    renderers: dict[str, Callable[[str], str]] = field(default_factory=dict)
    articles: dict[str, ArticleMeta] = field(default_factory=dict)
    categories: dict[str, list[ArticleMeta]] = field(default_factory=dict)
    levels: dict[str, Audience] = field(default_factory=dict)
    start_here: Callable[[str], str] = lambda url: ""
    banner: str = ""
    stamp: str = ""
    head: str = ""
    home_search: Callable[[str], str] = lambda url: ""
    search_meta: dict[str, str] = field(default_factory=dict)  # src_uri -> hidden index facts

    def add(self, src_uri: str, title: str, render: Callable[[str], str]) -> None:
        self.generated[src_uri] = title
        self.renderers[src_uri] = render

    def content(self, src_uri: str, page_url: str, html: str, is_homepage: bool) -> str:
        """The final HTML of a page's content area."""
        if src_uri in self.renderers:
            return self.renderers[src_uri](page_url)
        if is_homepage:
            start_here = self.start_here(page_url)
            if START_HERE_MARKER in html:
                html = html.replace(START_HERE_MARKER, start_here, 1)
            else:
                html += "\n" + start_here
            html = self.home_search(page_url) + "\n" + html
            html = self.renderer.panel(self.view, page_url) + "\n" + html
        article = self.articles.get(src_uri)
        if article:
            alternatives = [self.articles[a] for a in article.alternatives if a in self.articles]
            html = (
                self.renderer.article_level(article, self.levels, alternatives, page_url)
                + "\n"
                + html
            )
        if article and article.component_ids:
            html = self.renderer.article_notice(self.view, article, page_url) + "\n" + html
        if src_uri in self.categories:
            html += "\n" + self.renderer.category_listing(self.categories[src_uri], page_url)
        return html


def plan(
    site: SiteContent,
    view: StatusView,
    renderer: Renderer,
    levels: list[Audience],
    search: bool,
    site_name: str,
) -> SitePages:
    """Every generated page with its renderer, plus the fragments shared by all pages."""
    pages = SitePages(renderer, view)
    _plan_levels(pages, site, levels)
    pages.add(STATUS_PAGE, "Service status", lambda url: renderer.status_page(view, url))
    for incident in site.status.incidents:
        pages.add(
            incident_src(incident.id),
            incident.title,
            lambda url, i=incident: renderer.incident_page(view, i, url),
        )
    for window in site.status.maintenance:
        pages.add(
            maintenance_src(window.id),
            window.title,
            lambda url, m=window: renderer.maintenance_page(view, m, url),
        )
    for number in range(1, view.history_pages + 1):
        title = "Status history" if number == 1 else f"Status history, page {number}"
        pages.add(
            history_src(number), title, lambda url, n=number: renderer.history_page(view, n, url)
        )
    pages.articles = {a.src_uri: a for a in site.articles}
    for category in site.categories:
        members = [a for a in site.articles if a.category == category.slug]
        pages.categories[category.src_uri] = members
    pages.banner = renderer.banner(view)
    pages.stamp = renderer.build_stamp(view)
    pages.head = renderer.head(levels, site_name)
    if search:
        _plan_search(pages, site, levels)
    return pages


def _plan_levels(pages: SitePages, site: SiteContent, levels: list[Audience]) -> None:
    renderer = pages.renderer
    pages.levels = {level.name: level for level in levels}
    categories = {c.slug: c for c in site.categories}
    by_level = articles_by_level(site.articles, levels, list(categories))
    overview = lambda url: renderer.levels_overview(pages.levels, by_level, url)  # noqa: E731
    pages.start_here = overview
    pages.add(LEVELS_PAGE, "Help by level", overview)
    for level in levels:
        pages.add(
            f"levels/{level.name}.md",
            f"Help for {level.label.lower()} readers",
            lambda url, lv=level: renderer.level_index(
                lv, by_level[lv.name], pages.levels, categories, url
            ),
        )


def _plan_search(pages: SitePages, site: SiteContent, levels: list[Audience]) -> None:
    """The search page, the front page's box, and what each searchable page tells the index."""
    renderer = pages.renderer
    pages.add(SEARCH_PAGE, "Search", lambda url: renderer.search_page(site.categories, levels, url))
    pages.home_search = renderer.home_search
    by_name = {level.name: level for level in levels}
    titles = {c.slug: c.title for c in site.categories}
    for article in site.articles:
        category = titles.get(article.category, article.category)
        meta = renderer.search_meta([by_name[article.audience]], category, article.summary)
        pages.search_meta[article.src_uri] = meta
    for category in site.categories:
        pages.search_meta[category.src_uri] = renderer.search_meta(
            levels, category.title, category.summary
        )
    status_meta = renderer.search_meta(levels, STATUS_CATEGORY, "")
    for src_uri in pages.generated:
        if src_uri == STATUS_PAGE or src_uri.startswith(
            ("status/incidents/", "status/maintenance/")
        ):
            pages.search_meta[src_uri] = status_meta

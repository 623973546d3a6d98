"""Which pages the status content adds to a site, and what each page's content becomes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import yaml

from generator.loading import SiteContent
from generator.loading.status_files import STATUS_DIR
from generator.models import ArticleMeta
from generator.rendering import (
    Renderer,
    StatusView,
    history_src,
    incident_src,
    maintenance_src,
)

STATUS_PAGE = f"{STATUS_DIR}/index.md"


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
    banner: str = ""
    stamp: str = ""

    def add(self, src_uri: str, title: str, render: Callable[[str], str]) -> None:
        self.generated[src_uri] = title
        self.renderers[src_uri] = render

    def content(self, src_uri: str, page_url: str, html: str, is_homepage: bool) -> str:
        """The final HTML of a page's content area."""
        if src_uri in self.renderers:
            return self.renderers[src_uri](page_url)
        if is_homepage:
            html = self.renderer.panel(self.view, page_url) + "\n" + html
        article = self.articles.get(src_uri)
        if article and article.component_ids:
            html = self.renderer.article_notice(self.view, article, page_url) + "\n" + html
        if src_uri in self.categories:
            html += "\n" + self.renderer.category_listing(self.categories[src_uri], page_url)
        return html


def plan(site: SiteContent, view: StatusView, renderer: Renderer) -> SitePages:
    """Every generated page with its renderer, plus the fragments shared by all pages."""
    pages = SitePages(renderer, view)
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
    return pages

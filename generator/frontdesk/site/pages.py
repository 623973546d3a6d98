"""Which pages Frontdesk adds to a site, and what each page's content becomes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, partial
from urllib.parse import quote, urlencode

import yaml

from frontdesk.audience.levels import articles_by_level
from frontdesk.audience.related import related_articles
from frontdesk.audience.review import reviews_due
from frontdesk.content.loading import SiteContent
from frontdesk.content.loading.status_files import STATUS_DIR
from frontdesk.content.models import ArticleMeta, Audience, Contact
from frontdesk.site.rendering import Renderer, history_src, incident_src, maintenance_src, page_url
from frontdesk.status.view import StatusView

STATUS_PAGE = f"{STATUS_DIR}/index.md"
LEVELS_PAGE = "levels/index.md"
SEARCH_PAGE = "search.md"
REVIEWS_PAGE = "staff/reviews.md"
STATUS_CATEGORY = "Service status"
START_HERE_MARKER = "<!-- frontdesk:start-here -->"
HOME_PAGE = "index.md"
NOTICE_REGION = "notice"
HELP_REGION = "help"


@dataclass(frozen=True)
class SiteSettings:
    site_name: str
    site_url: str  # absolute, ending in /
    levels: tuple[Audience, ...]
    contact: Contact = field(default_factory=Contact)
    search: bool = True
    review_age_months: int = 12
    directory_urls: bool = True


def is_status_source(src_uri: str) -> bool:
    """Status YAML is input for the build, not a file to publish."""
    return src_uri.startswith(f"{STATUS_DIR}/") and src_uri.endswith((".yml", ".yaml"))


def stub(title: str, unsearchable: bool = False) -> str:
    """The Markdown source of a generated page: its title; the content is rendered later."""
    meta: dict[str, object] = {"title": title}
    if unsearchable:
        meta["search"] = {"exclude": True}
    return f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n"


def feedback_link(contact: Contact, title: str, url: str) -> str:
    """A prefilled way to say what a page was missing: the feedback form, else an email."""
    if contact.feedback_form:
        joiner = "&" if "?" in contact.feedback_form else "?"
        return contact.feedback_form + joiner + urlencode({"title": title, "url": url})
    if not contact.feedback_email:
        return ""
    subject = quote(f"Feedback on: {title}")
    body = quote(f"Page: {url}\n\nWhat was missing or unclear:\n")
    return f"mailto:{contact.feedback_email}?subject={subject}&body={body}"


@dataclass
class SitePages:
    renderer: Renderer
    view: StatusView
    settings: SiteSettings
    generated: dict[str, str] = field(default_factory=dict)  # src_uri -> title
    renderers: dict[str, Callable[[str], str]] = field(default_factory=dict)
    unsearchable: set[str] = field(default_factory=set)
    articles: dict[str, ArticleMeta] = field(default_factory=dict)
    categories: dict[str, list[ArticleMeta]] = field(default_factory=dict)
    levels: dict[str, Audience] = field(default_factory=dict)
    start_here: Callable[[str], str] = lambda url: ""
    home_search: Callable[[str], str] = lambda url: ""
    search_meta: dict[str, str] = field(default_factory=dict)  # src_uri -> hidden index facts
    banner: str = ""
    stamp: str = ""
    head: str = ""

    def add(
        self, src_uri: str, title: str, render: Callable[[str], str], searchable: bool = True
    ) -> None:
        self.generated[src_uri] = title
        self.renderers[src_uri] = render
        if not searchable:
            self.unsearchable.add(src_uri)

    @cached_property
    def related(self) -> dict[str, list[ArticleMeta]]:
        """Each article's related articles: worked out when first asked for, since a status
        publish, which renders no article, never needs them."""
        return related_articles(list(self.articles.values()))

    def stub(self, src_uri: str) -> str:
        return stub(self.generated[src_uri], src_uri in self.unsearchable)

    def outside_navigation(self, src_uri: str, site_nav: bool) -> bool:
        """Pages left out of a navigation MkDocs makes: articles (their category and level
        pages list them), incident, maintenance and history pages (the status page leads to
        them), search and staff pages; this keeps the sidebar short. Where the site writes its
        own `nav:`, every page Frontdesk adds as well, so that MkDocs does not list at every
        build the pages the site rightly leaves out (those it lists stay in)."""
        return (
            src_uri in self.articles
            or (src_uri.startswith(f"{STATUS_DIR}/") and src_uri != STATUS_PAGE)
            or src_uri in (SEARCH_PAGE, REVIEWS_PAGE)
            or (site_nav and src_uri in self.generated)
        )

    def content(self, src_uri: str, url: str, html: str, is_homepage: bool, title: str = "") -> str:
        """The final HTML of a page's content area. `title`: the page's, as HTML (the theme
        heads the page with it where the content has no heading of its own)."""
        if src_uri in self.renderers:
            html = self.renderers[src_uri](url)
            if src_uri == STATUS_PAGE:
                html += "\n" + self._help_panel(src_uri, url, [])
            return html
        heading = ""
        if src_uri in self.renderer.untranslated_pages:  # its title is in that language too
            heading, html = self.renderer.untranslated(html, title)
        return heading + self._composed(src_uri, url, html, is_homepage)

    def _composed(self, src_uri: str, url: str, html: str, is_homepage: bool) -> str:
        if is_homepage:
            html = self._home(html, url)
        if src_uri in self.articles:
            html = self._article(self.articles[src_uri], html, url)
        if src_uri in self.categories:
            html += "\n" + self.renderer.category_listing(self.categories[src_uri], url)
        return html

    def _home(self, html: str, url: str) -> str:
        start_here = self.start_here(url)
        if START_HERE_MARKER in html:
            html = html.replace(START_HERE_MARKER, start_here, 1)
        else:
            html += "\n" + start_here
        return "\n".join((self.renderer.panel(self.view, url), self.home_search(url), html))

    def _article(self, article: ArticleMeta, html: str, url: str) -> str:
        renderer = self.renderer
        alternatives = [self.articles[a] for a in article.alternatives if a in self.articles]
        top = [
            self.status_region(NOTICE_REGION, article.src_uri, url),
            renderer.article_level(article, self.levels, alternatives, url),
        ]
        bottom = [
            renderer.related(self.related.get(article.src_uri, []), self.levels, url),
            self.status_region(HELP_REGION, article.src_uri, url),
        ]
        return "\n".join([*top, html, *bottom])

    def status_region(self, name: str, src_uri: str, url: str) -> str:
        """A part of an article that depends on the status, between markers, so that a status
        update can replace it in the built page without rebuilding the article."""
        article = self.articles[src_uri]
        incidents = self.view.incidents_affecting(article.component_ids)
        if name == NOTICE_REGION:
            inner = self.renderer.article_notice(self.view, article, url) if incidents else ""
        else:
            inner = self._help_panel(src_uri, url, incidents)
        return f"<!--fd:{name}-->{inner}<!--/fd:{name}-->"

    @property
    def status_dependent(self) -> set[str]:
        """Pages rendered in full by a status update; the others get their regions replaced."""
        pages = {src for src in self.generated if not src.startswith(("levels/", SEARCH_PAGE))}
        return pages | {HOME_PAGE}

    @property
    def settled(self) -> dict[str, str]:
        """Pages of resolved incidents by their source file: they change only when it does."""
        return {incident_src(i.id): i.source for i in self.view.content.incidents if i.resolved}

    def _help_panel(self, src_uri: str, url: str, incidents: list) -> str:
        """The open door; on articles it also carries the no-JavaScript feedback link."""
        settings, article = self.settings, self.articles.get(src_uri)
        link = ""
        if article:
            absolute = settings.site_url + page_url(src_uri, settings.directory_urls)
            link = feedback_link(settings.contact, article.title, absolute)
        return self.renderer.help_panel(settings.contact, incidents, link, url)


def plan(
    site: SiteContent,
    view: StatusView,
    renderer: Renderer,
    settings: SiteSettings,
    staff_pages: bool = True,
    script_text: bool = False,
) -> SitePages:
    """Every generated page with its renderer, plus the fragments shared by all pages.
    `staff_pages`: the team's own pages too (once per site, in its default language);
    `script_text`: the scripts' words in the page head (a site in several languages)."""
    pages = SitePages(renderer, view, settings)
    _plan_status(pages, site)
    _plan_articles(pages, site)
    _plan_levels(pages, site)
    if staff_pages:
        _plan_reviews(pages, site)
    pages.banner = renderer.banner(view)
    pages.stamp = renderer.build_stamp(view)
    pages.head = renderer.head(settings.levels, settings.site_name, script_text)
    if settings.search:
        _plan_search(pages, site)
    return pages


def _plan_status(pages: SitePages, site: SiteContent) -> None:
    renderer, view = pages.renderer, pages.view
    _ = renderer.interface.gettext
    pages.add(STATUS_PAGE, _("Service status"), partial(renderer.status_page, view))
    for incident in site.status.incidents:
        pages.add(
            incident_src(incident.id),
            incident.title,
            partial(renderer.incident_page, view, incident),
        )
    for window in site.status.maintenance:
        pages.add(
            maintenance_src(window.id),
            window.title,
            partial(renderer.maintenance_page, view, window),
        )
    for number in range(1, view.history_pages + 1):
        title = (
            _("Status history") if number == 1
            else _("Status history, page %(number)d") % {"number": number}
        )  # fmt: skip
        pages.add(
            history_src(number),
            title,
            partial(renderer.history_page, view, number),
            searchable=False,
        )


def _plan_articles(pages: SitePages, site: SiteContent) -> None:
    pages.articles = {a.src_uri: a for a in site.articles}
    for category in site.categories:
        members = [a for a in site.articles if a.category == category.slug]
        pages.categories[category.src_uri] = members


def _plan_levels(pages: SitePages, site: SiteContent) -> None:
    renderer, levels = pages.renderer, pages.settings.levels
    _ = renderer.interface.gettext
    pages.levels = {level.name: level for level in levels}
    categories = {c.slug: c for c in site.categories}
    by_level = articles_by_level(site.articles, levels, list(categories))
    pages.start_here = partial(renderer.levels_overview, pages.levels, by_level)
    pages.add(LEVELS_PAGE, _("Help by level"), pages.start_here, searchable=False)
    for level in levels:
        render = partial(
            renderer.level_index, level, by_level[level.name], pages.levels, categories
        )
        pages.add(
            f"levels/{level.name}.md",
            _("Help for %(level)s readers") % {"level": level.label.lower(), "label": level.label},
            render,
            searchable=False,
        )


def _plan_reviews(pages: SitePages, site: SiteContent) -> None:
    """The staff page of articles due for review: not in the navigation, not in search."""
    months = pages.settings.review_age_months
    today = pages.view.now.date()
    due = reviews_due(site.articles, today, months)
    render = partial(pages.renderer.reviews_page, due, months, today)
    pages.add(REVIEWS_PAGE, "Articles due for review", render, searchable=False)


def _plan_search(pages: SitePages, site: SiteContent) -> None:
    """The search page, the front page's box, and what each searchable page tells the index."""
    renderer, levels = pages.renderer, pages.settings.levels
    _ = renderer.interface.gettext
    search_page = partial(renderer.search_page, site.categories, levels)
    pages.add(SEARCH_PAGE, _("Search"), search_page, searchable=False)
    pages.home_search = renderer.home_search
    by_name = {level.name: level for level in levels}
    titles = {c.slug: c.title for c in site.categories}
    for article in site.articles:
        category = titles.get(article.category, article.category)
        pages.search_meta[article.src_uri] = renderer.search_meta(
            [by_name[article.audience]], category, article.summary
        )
    for category in site.categories:
        pages.search_meta[category.src_uri] = renderer.search_meta(
            levels, category.title, category.summary
        )
    status_meta = renderer.search_meta(levels, _(STATUS_CATEGORY), "")
    for src_uri in pages.generated:
        if src_uri == STATUS_PAGE or src_uri.startswith(
            ("status/incidents/", "status/maintenance/")
        ):
            pages.search_meta[src_uri] = status_meta

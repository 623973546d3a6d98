"""Turn status content into HTML fragments and pages with Jinja templates (no MkDocs here)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from functools import cache
from itertools import groupby
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from frontdesk.audience.levels import LevelGroup, level_css
from frontdesk.audience.review import DueReview
from frontdesk.content.languages import Language, fallback_language
from frontdesk.content.loading import Category
from frontdesk.content.models import (
    ArticleMeta,
    Audience,
    Contact,
    Incident,
    Maintenance,
)
from frontdesk.site.interface import SOURCE_LANGUAGE, InterfaceText
from frontdesk.status import state as st
from frontdesk.status.view import StatusView, entry_start

TEMPLATES = Path(__file__).parent / "templates"
STATUS_URL = "status/"


def page_url(src_uri: str, directory_urls: bool = True) -> str:
    """The URL MkDocs gives a Markdown source path (index.md -> its folder)."""
    stem = src_uri[: -len(".md")] if src_uri.endswith(".md") else src_uri
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return f"{stem}/" if directory_urls else f"{stem}.html"


@cache  # a few thousand distinct pairs per build, each asked for many times
def relative_url(target: str, current: str) -> str:
    """`target` (site-relative) as seen from the page at site-relative URL `current`."""
    here = [part for part in current.rsplit("/", 1)[0].split("/") if part] if "/" in current else []
    there = [part for part in target.split("/") if part and part != "."]
    common = 0
    for mine, theirs in zip(here, there):
        if mine != theirs:
            break
        common += 1
    path = "/".join([".."] * (len(here) - common) + there[common:]) or "."
    return f"{path}/" if (target.endswith("/") or not target) and not path.endswith("/") else path


def incident_src(incident_id: str) -> str:
    return f"status/incidents/{incident_id}.md"


def maintenance_src(maintenance_id: str) -> str:
    return f"status/maintenance/{maintenance_id}.md"


def history_src(page: int) -> str:
    return "status/history/index.md" if page == 1 else f"status/history/page/{page}.md"


class Renderer:
    """Renders status fragments and pages for one site; templates may be overridden by the site."""

    def __init__(
        self,
        markdown: Callable[[str], str],
        override_dirs: Sequence[Path] = (),
        directory_urls: bool = True,
        base_path: str = "/",
        interface: InterfaceText | None = None,
        prefix: str = "",
        default_language: Language | None = None,
    ) -> None:
        """`prefix`: where this renderer's language lives in the site (`de/`; none for the
        default language): links to pages go there, links to assets do not.
        `default_language`: the site's, whose text shows where this language has none."""
        loader = jinja2.FileSystemLoader([*map(str, override_dirs), str(TEMPLATES)])
        self.env = jinja2.Environment(
            loader=loader, autoescape=True, trim_blocks=True, lstrip_blocks=True, auto_reload=False,
            undefined=jinja2.StrictUndefined, extensions=["jinja2.ext.i18n"],
        )  # fmt: skip
        self.interface = interface or InterfaceText(SOURCE_LANGUAGE)
        self.env.install_gettext_callables(  # type: ignore[attr-defined]
            self.interface.gettext, self.interface.ngettext, newstyle=True
        )
        self.markdown = markdown
        self.env.filters["md"] = self._markdown_html
        self.env.globals["said"] = self._said
        self.env.globals["written_in"] = self._written_in
        self.untranslated_pages: frozenset[str] = frozenset()  # shown in the default language
        self.default_language = default_language
        self._default_code = default_language.code if default_language else ""
        self.env.filters["utc"] = self.interface.utc_time
        self.env.filters["iso"] = lambda moment: moment.strftime("%Y-%m-%dT%H:%M:%SZ")
        self.env.globals["st"] = st
        self.directory_urls = directory_urls
        self.prefix = prefix
        self.base_path = base_path if base_path.endswith("/") else f"{base_path}/"

    def _markdown_html(self, text: str) -> Markup | str:
        return Markup(self.markdown(text)) if text else ""

    def _said(self, entry: object, name: str, md: bool = False) -> Markup | str:
        """A status text as written (Markdown rendered with `md`); marked with the default
        language's `lang` where it stands in for a text this language does not have yet."""
        value = getattr(entry, name)
        html = self._markdown_html(value) if md else escape(value)
        code = fallback_language(entry, name, self.interface.language, self._default_code)
        if not code or not value:
            return html
        tag = "div" if md else "span"
        return Markup(f'<{tag} lang="{code}">') + html + Markup(f"</{tag}>")

    def original_language(self, src_uri: str) -> str:
        """The default language's code for a page shown in it, untranslated; empty otherwise."""
        return self._default_code if src_uri in self.untranslated_pages else ""

    def _written_in(self, src_uri: str, text: str | None = None) -> Markup:
        """For a page still in the default language: ` lang="en"` for its link, or with `text`
        (its summary) that text marked so; nothing, or the text as it is, otherwise."""
        code = self.original_language(src_uri)
        if text is None:
            return Markup(f' lang="{code}"') if code else Markup("")
        return Markup(f'<span lang="{code}">{escape(text)}</span>') if code else escape(text)

    def _render(self, name: str, current: str | None, **context: object) -> str:
        """Render a template; links are relative to `current`, or site-absolute when it is None."""

        def url(src_uri: str) -> str:
            target = self.prefix + page_url(src_uri, self.directory_urls)
            return self.base_path + target if current is None else relative_url(target, current)

        def asset(path: str) -> str:
            return self.base_path + path if current is None else relative_url(path, current)

        html = self.env.get_template(name).render(
            url=url, asset=asset, incident_src=incident_src, maintenance_src=maintenance_src,
            history_src=history_src, prefix=self.prefix, **context,
        )  # fmt: skip
        return html.strip()

    def banner(self, view: StatusView) -> str:
        """The compact banner for every page but the front page; identical on all of them."""
        if not (view.active or view.in_progress or view.upcoming_soon):
            return ""
        return self._render("frontdesk/banner.html", None, view=view)

    def panel(self, view: StatusView, current: str) -> str:
        return self._render("frontdesk/panel.html", current, view=view)

    def status_page(self, view: StatusView, current: str) -> str:
        return self._render("frontdesk/status.html", current, view=view)

    def incident_page(self, view: StatusView, incident: Incident, current: str) -> str:
        return self._render("frontdesk/incident.html", current, view=view, incident=incident)

    def maintenance_page(self, view: StatusView, window: Maintenance, current: str) -> str:
        return self._render("frontdesk/maintenance.html", current, view=view, window=window)

    def history_page(self, view: StatusView, number: int, current: str) -> str:
        size = view.settings.history_page_size
        entries = view.history[(number - 1) * size : number * size]
        month = lambda entry: self.interface.month(entry_start(entry))  # noqa: E731
        months = [(name, list(group)) for name, group in groupby(entries, key=month)]
        return self._render(
            "frontdesk/history.html", current, view=view, months=months, number=number,
            pages=view.history_pages,
        )  # fmt: skip

    def article_notice(self, view: StatusView, article: ArticleMeta, current: str) -> str:
        incidents = view.incidents_affecting(article.component_ids)
        if not incidents:
            return ""
        return self._render(
            "frontdesk/article_notice.html",
            current,
            view=view,
            incidents=incidents,
            article=article,
        )

    def category_listing(self, articles: Sequence[ArticleMeta], current: str) -> str:
        return self._render("frontdesk/category.html", current, articles=articles)

    def article_level(
        self,
        article: ArticleMeta,
        levels: Mapping[str, Audience],
        alternatives: Sequence[ArticleMeta],
        current: str,
    ) -> str:
        level = levels[article.audience]
        return self._render(
            "frontdesk/article_level.html",
            current,
            level=level,
            levels=levels,
            alternatives=alternatives,
        )

    def level_index(
        self,
        level: Audience,
        groups: Sequence[LevelGroup],
        levels: Mapping[str, Audience],
        categories: Mapping[str, Category],
        current: str,
    ) -> str:
        return self._render(
            "frontdesk/level_index.html", current, level=level, groups=groups, levels=levels,
            categories=categories,
        )  # fmt: skip

    def levels_overview(
        self,
        levels: Mapping[str, Audience],
        by_level: Mapping[str, Sequence[LevelGroup]],
        current: str,
    ) -> str:
        return self._render(
            "frontdesk/levels_overview.html", current, levels=levels, by_level=by_level
        )

    def head(self, levels: Sequence[Audience], site_name: str, script_text: bool = False) -> str:
        """The same on every page: links are site-absolute, levels applied before first paint.
        `script_text`: the words Frontdesk's scripts show, in this renderer's language (for a
        site in several languages; the scripts know the English)."""
        return self._render(
            "frontdesk/head.html",
            None,
            level_css=Markup(level_css(levels)),
            level_names=[lv.name for lv in levels],
            site_name=site_name,
            script_text=self._script_text() if script_text else None,
        )

    def _script_text(self) -> dict[str, object]:
        _ = self.interface.gettext
        return {
            "local_time": _("(%(time)s your time)"),
            "level": _("Showing help for %(level)s readers"),
            "all_levels": _("Showing help for all levels"),
            "filters": _("Narrow results"),
            "no_results": _(
                "Nothing found for [SEARCH_TERM]. Try other words, or browse by topic."
            ),
            "keys": {key: _(key) for key in ("level", "category", "summary")},  # search_meta
        }

    def search_meta(self, levels: Sequence[Audience], category: str, summary: str) -> str:
        return self._render(
            "frontdesk/search_meta.html", "", levels=levels, category=category, summary=summary
        )

    def search_page(
        self, categories: Sequence[Category], levels: Sequence[Audience], current: str
    ) -> str:
        return self._render(
            "frontdesk/search_page.html", current, categories=categories, levels=levels
        )

    def home_search(self, current: str) -> str:
        return self._render("frontdesk/home_search.html", current)

    def help_panel(
        self, contact: Contact, incidents: Sequence[Incident], feedback_href: str, current: str
    ) -> str:
        return self._render(
            "frontdesk/help_panel.html", current, contact=contact, incidents=incidents,
            feedback_href=feedback_href,
        )  # fmt: skip

    def related(
        self, related: Sequence[ArticleMeta], levels: Mapping[str, Audience], current: str
    ) -> str:
        return self._render("frontdesk/related.html", current, related=related, levels=levels)

    def reviews_page(self, due: Sequence[DueReview], months: int, today: date, current: str) -> str:
        return self._render("frontdesk/reviews.html", current, due=due, months=months, today=today)

    def untranslated(self, html: str, title: str = "") -> tuple[str, str]:
        """A page shown in the default language where no translation exists yet: its heading
        (its `title`, HTML, where the content has no heading of its own) and its text, both
        marked as written in that language, the text after a note in the reader's."""
        original = self.default_language
        assert original is not None, "only a site in several languages has untranslated pages"
        heading = (
            f'<h1 lang="{original.code}">{title}</h1>\n' if title and "<h1" not in html else ""
        )
        name = self.interface.language_name(original.code, original.name)
        note = self._render("frontdesk/untranslated.html", "", language=name)
        return heading, f'{note}\n<div lang="{original.code}">\n{html}\n</div>'

    def build_stamp(self, view: StatusView) -> str:
        return self._render("frontdesk/build_stamp.html", "", view=view)

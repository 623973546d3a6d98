"""The site once per language: the default language at the site root, each other under
/<code>/, every page in every language (a page without a translation shows the default
language's text, marked as such). A site without languages has one edition and is built exactly
as before."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from frontdesk.content.languages import Language
from frontdesk.content.loading import SiteContent
from frontdesk.content.loading.site import site_in
from frontdesk.site import pages as site_pages
from frontdesk.site.rendering import Renderer
from frontdesk.status.machine.calendar import calendar_files
from frontdesk.status.machine.common import SiteInfo
from frontdesk.status.machine.entry_html import Markdown
from frontdesk.status.machine.feeds import feed_files
from frontdesk.status.view import StatusSettings, StatusView

RendererFor = Callable[[Language | None, str], Renderer]  # (language, prefix) -> its renderer


@dataclass
class Edition:
    language: Language | None  # None: a site that names no languages
    prefix: str  # where it lives: "" for the default language, "de/" for German
    view: StatusView
    pages: site_pages.SitePages
    site_info: SiteInfo  # its name and root URL, for the links in its feeds and calendars
    nav: object = None  # its navigation (MkDocs'), once the build has one

    @property
    def code(self) -> str:
        return self.language.code if self.language else ""

    def own(self, src_uri: str) -> str:
        """The page of this edition for a page of the default language."""
        return self.prefix + src_uri

    def page_context(self, src_uri: str, fragments: object, feedback_endpoint: str | None) -> dict:
        """What Frontdesk's parts of the theme read on one of its pages (`src_uri`: the page
        of the default language it is)."""
        pages = self.pages
        return {
            "frontdesk_banner": "" if src_uri == site_pages.HOME_PAGE else pages.banner,
            "frontdesk_stamp": pages.stamp,
            "frontdesk_head": pages.head,
            "frontdesk_levels": pages.settings.levels,
            "frontdesk_search": pages.settings.search,
            "frontdesk_search_meta": pages.search_meta.get(src_uri, ""),
            "frontdesk_fragments": fragments,
            "frontdesk_feedback_endpoint": feedback_endpoint or "",
            "frontdesk_text": pages.renderer.interface.gettext,
            "frontdesk_root": self.prefix,
            # The header's page title of a page still in the default language is marked so.
            "frontdesk_title_lang": pages.renderer.original_language(src_uri),
        }


def plan_editions(
    site: SiteContent,
    now: datetime,
    status: StatusSettings,
    settings: site_pages.SiteSettings,
    languages: Sequence[Language],
    renderer_for: RendererFor,
    site_info: SiteInfo,
) -> list[Edition]:
    """One edition per language, the default first; one edition when there are no languages."""
    editions = []
    for index, language in enumerate(languages or [None]):
        prefix = f"{language.code}/" if index and language else ""
        content = site_in(site, language.code) if prefix and language else site
        view = StatusView(content.status, now, status)
        renderer = renderer_for(language, prefix)
        gettext = renderer.interface.gettext
        levels = tuple(
            replace(level, label=gettext(level.label), description=gettext(level.description))
            for level in settings.levels
        )
        pages = site_pages.plan(
            content, view, renderer, replace(settings, levels=levels), staff_pages=not prefix,
            script_text=len(languages) > 1,
        )  # fmt: skip
        info = SiteInfo(site_info.name, site_info.url + prefix)
        editions.append(Edition(language, prefix, view, pages, info))
    return editions


def edition_files(edition: Edition, markdown: Markdown) -> dict[str, bytes]:
    """The feeds and calendars of another language's edition, under its folder (the status
    API and the badges are one set of documents, in the default language)."""
    view, site, interface = edition.view, edition.site_info, edition.pages.renderer.interface
    words = interface.wording()
    files = {**feed_files(view, site, markdown, words), **calendar_files(view, site, words)}
    return {edition.own(path): data for path, data in sorted(files.items())}

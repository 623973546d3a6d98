"""Atom and RSS 2.0 feeds of incidents and maintenance, for the whole site and per component.

An entry's `updated` time is its newest update, so readers notice each new update; feedgen would
stamp the wall clock wherever a time is left unset, so every time is set from the content.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from feedgen.feed import FeedGenerator

from frontdesk.status.machine.common import (
    ENGLISH,
    Entry,
    SiteInfo,
    Wording,
    entry_url,
    first_posted,
    is_incident,
    last_changed,
)
from frontdesk.status.machine.entry_html import Markdown, entry_html
from frontdesk.status.view import StatusView

FORMATS = ("atom", "rss")
STATUSPAGE_FEED = "history"


@dataclass(frozen=True)
class FeedEntry:
    entry: Entry
    url: str
    html: str

    @property
    def updated(self) -> datetime:
        return last_changed(self.entry)


@dataclass(frozen=True)
class Feed:
    path: str  # site-relative, without the format's extension
    title: str
    subtitle: str
    entries: tuple[FeedEntry, ...]


def feed_files(
    view: StatusView, site: SiteInfo, markdown: Markdown, words: Wording = ENGLISH
) -> dict[str, bytes]:
    """`status/feed.{atom,rss}` and `status/components/<id>/feed.{atom,rss}`; the site's feed
    also at `history.{atom,rss}`, where Statuspage publishes its feeds and readers (Slack's RSS
    app among them) look for them."""
    files = {}
    feeds = plan_feeds(view, site, markdown, words)
    for feed in feeds:
        for fmt in FORMATS:
            files[f"{feed.path}.{fmt}"] = render_feed(feed, fmt, view, site, None, words.language)
    for fmt in FORMATS:
        files[f"{STATUSPAGE_FEED}.{fmt}"] = render_feed(
            feeds[0], fmt, view, site, STATUSPAGE_FEED, words.language
        )
    return files


def plan_feeds(
    view: StatusView, site: SiteInfo, markdown: Markdown, words: Wording = ENGLISH
) -> list[Feed]:
    entries = [
        FeedEntry(e, entry_url(site, e), entry_html(view, e, markdown, words)) for e in view.history
    ]
    entries.sort(key=lambda f: (f.updated, f.entry.id), reverse=True)
    feeds = [
        Feed(
            "status/feed",
            words("%(site)s: service status", site=site.name),
            words("Every incident and maintenance window, updated with each new update."),
            tuple(entries),
        )
    ]
    for component in view.content.catalog.components:
        feeds.append(
            Feed(
                f"status/components/{component.id}/feed",
                words("%(site)s: %(component)s status", site=site.name, component=component.name),
                words(
                    "Incidents and maintenance affecting %(component)s.", component=component.name
                ),
                tuple(f for f in entries if component.id in f.entry.component_ids),
            )
        )
    return feeds


def render_feed(
    feed: Feed,
    fmt: str,
    view: StatusView,
    site: SiteInfo,
    also_at: str | None = None,
    language: str = "en",
) -> bytes:
    """The feed; `also_at`, another path it is published at (the same feed, the same id)."""
    own_url = site.absolute(f"{also_at or feed.path}.{fmt}")
    generator = FeedGenerator()
    generator.id(site.absolute(f"{feed.path}.{fmt}"))
    generator.title(feed.title)
    generator.subtitle(feed.subtitle)
    generator.author(name=site.name)
    generator.link(href=own_url, rel="self")
    generator.link(href=site.status_url, rel="alternate")  # last, so RSS takes it as <link>
    generator.language(language)
    generator.generator("Frontdesk")
    generator.updated(_newest(feed.entries, view.now))
    for item in feed.entries:
        _add_entry(generator, item, fmt)
    render = generator.atom_str if fmt == "atom" else generator.rss_str
    return render(pretty=True)


def _newest(entries: Sequence[FeedEntry], fallback: datetime) -> datetime:
    """The newest entry time; a feed with no entries yet is as new as the build's now."""
    return max((e.updated for e in entries), default=fallback)


def _add_entry(generator: FeedGenerator, item: FeedEntry, fmt: str) -> None:
    entry = generator.add_entry(order="append")
    entry.guid(item.url, permalink=True)
    entry.title(item.entry.title)
    entry.link(href=item.url, rel="alternate")
    entry.content(item.html, type="html")
    entry.updated(item.updated)
    # RSS has no `updated`; readers sort by pubDate, so it carries the newest update there.
    entry.published(item.updated if fmt == "rss" else first_posted(item.entry))
    entry.category(term="incident" if is_incident(item.entry) else "maintenance")

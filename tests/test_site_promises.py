"""Promises about the built site: overridden templates, the history by month, the staff page."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import REPO
from pagefind_files import fragments
from pages import content, read, region, text

from frontdesk.site.rendering import TEMPLATES

ARTICLE = "---\ntitle: {title}\naudience: novice\nsummary: {summary}\n{extra}---\n{body}\n"
CATEGORY = "---\ntitle: Billing\nsummary: Invoices and payments.\n---\nAll about bills.\n"


def test_a_template_copied_into_the_overrides_wins(make_site, build_site, tmp_path: Path) -> None:
    custom = tmp_path / "overrides"
    shutil.copytree(REPO / "overrides", custom)
    original = (TEMPLATES / "frontdesk/panel.html").read_text(encoding="utf-8")
    heading = '{{ _("All systems operational") }}</h2>'
    assert heading in original
    (custom / "frontdesk").mkdir()
    (custom / "frontdesk/panel.html").write_text(
        original.replace(heading, "Nothing to report today</h2>"), encoding="utf-8"
    )
    theme = {"name": "material", "custom_dir": str(custom), "features": ["announce.dismiss"]}
    site = build_site(make_site(theme=theme))
    panel = text(region(read(site, "/"), "fd-panel"))
    assert panel.startswith("Nothing to report today Checked 2026-11-23 10:00 UTC.")
    assert "All systems operational" not in panel
    # The rest of the copied overrides still apply alongside the edited fragment.
    assert "Service status as of 2026-11-23 10:00 UTC." in text(read(site, "status/"))


RESOLVED = """\
title: {title}
impact: minor
components: [{component}]
started: {started}
updates:
  - at: {started}
    status: investigating
    message: Looking.
  - at: {resolved}
    status: resolved
    message: Fixed.
"""
WINDOW = "title: {title}\ncomponents: [api]\nstart: {start}\nend: {end}\ndescription: Work.\n"


class _History(HTMLParser):
    """The month headings of a history page, each with the titles listed under it, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.months: list[tuple[str, list[str]]] = []
        self._in: str | None = None  # "h2", "li" or "a" while inside one

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "h2":
            self.months.append(("", []))
            self._in = "h2"
        elif tag == "li" and any(c.startswith("fd-history__") for c in classes):
            assert self.months, "an entry before any month heading"
            self._in = "li"
        elif tag == "a" and self._in == "li":
            self.months[-1][1].append("")
            self._in = "a"

    def handle_endtag(self, tag: str) -> None:
        if tag == "h2" or (tag == "a" and self._in == "a"):
            self._in = "li" if tag == "a" else None
        elif tag == "li":
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "h2":
            month, entries = self.months[-1]
            self.months[-1] = (month + data.strip(), entries)
        elif self._in == "a":
            self.months[-1][1][-1] += data.strip()


def test_history_lists_entries_under_their_month_newest_first(make_site, build_site) -> None:
    files = {
        "status/incidents/sign-in.yml": RESOLVED.format(
            title="Sign-in outage", component="sign-in",
            started="2026-11-10T08:00:00Z", resolved="2026-11-10T10:00:00Z",
        ),
        "status/incidents/api.yml": RESOLVED.format(
            title="API slowness", component="api",
            started="2026-10-20T12:00:00Z", resolved="2026-10-20T13:00:00Z",
        ),
        # 00:30 on 1 October in +02:00 is still 30 September in UTC, the zone pages show.
        "status/incidents/payments.yml": RESOLVED.format(
            title="Payments failing", component="payments",
            started="2026-10-01T00:30:00+02:00", resolved="2026-10-01T01:30:00+02:00",
        ),
        "status/incidents/old.yml": RESOLVED.format(
            title="Last year's outage", component="api",
            started="2025-12-15T09:00:00Z", resolved="2025-12-15T11:00:00Z",
        ),
        "status/maintenance/db.yml": WINDOW.format(
            title="Database upgrade", start="2026-10-05T02:00:00Z", end="2026-10-05T04:00:00Z"
        ),
    }  # fmt: skip
    site = build_site(make_site(files))
    history = _History()
    history.feed(content(read(site, "status/history/")))
    assert history.months == [
        ("November 2026", ["Sign-in outage"]),
        ("October 2026", ["API slowness", "Database upgrade"]),
        ("September 2026", ["Payments failing"]),
        ("December 2025", ["Last year's outage"]),
    ]


def pagefind_urls(bundle: Path) -> set[str]:
    """The page URLs a Pagefind bundle can return."""
    return {record["url"] for record in fragments(bundle)}


REVIEW_SITE = {
    "articles/billing/index.md": CATEGORY,
    "articles/billing/refunds.md": ARTICLE.format(
        title="Refund a payment", summary="Give money back.", extra="reviewed: 2020-01-02\n",
        body="Choose the payment to refund.",
    ),
}  # fmt: skip
REVIEWS_TITLE = "Articles due for review"


@pytest.mark.parametrize("search", ["pagefind", "builtin"])
def test_the_review_page_is_outside_the_navigation_and_search(
    make_site, build_site, search: str
) -> None:
    site = build_site(make_site(REVIEW_SITE, {"search": search}))
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/staff/" not in sitemap and "/status/" in sitemap  # for the team, not for crawlers
    reviews = read(site, "staff/reviews/")
    assert "Refund a payment" in text(content(reviews)), "the page lists the stale article"
    for path in [*sorted(site.rglob("index.html")), site / "404.html"]:
        page = path.read_text(encoding="utf-8")
        where = path.relative_to(site).as_posix()
        if where != "staff/reviews/index.html":  # its own canonical link names it
            assert not re.search(r'href="[^"]*staff/reviews/"', page), where
        nav = text(region(page, "md-nav md-nav--primary"))
        assert "Service status" in nav and REVIEWS_TITLE not in nav, where
    assert "data-pagefind-body" not in reviews
    if search == "pagefind":
        found = pagefind_urls(site / "pagefind") | pagefind_urls(site / "pagefind-status")
        assert "/articles/billing/refunds/" in found and "/status/" in found
        assert not [url for url in found if url.startswith("/staff/")]
    else:
        index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
        locations = {doc["location"] for doc in index["docs"]}
        assert "articles/billing/refunds/" in locations
        assert not [loc for loc in locations if loc.startswith("staff/")]
        assert REVIEWS_TITLE not in {doc["title"] for doc in index["docs"]}

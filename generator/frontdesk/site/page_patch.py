"""Bring a built page up to date for new status content without rendering it again.

Every page carries the banner and the status time; an article also carries its notice and help
panel between `<!--fd:name-->` markers. A status publish replaces exactly those parts, and puts
the page back with a rename, so that a reader never sees half of it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from frontdesk.site import pages as site_pages
from frontdesk.site.html_regions import div_region

ANNOUNCE_OPEN = '<div data-md-component="announce">'
_STAMP = re.compile(r'<p class="fd-build-stamp">.*?</p>', re.S)
_ARTICLE_REGIONS = {
    name: re.compile(f"<!--fd:{name}-->.*?<!--/fd:{name}-->", re.S)
    for name in (site_pages.NOTICE_REGION, site_pages.HELP_REGION)
}


@dataclass(frozen=True)
class SharedRegions:
    """The banner and the status time: the same on every page but the front page."""

    announce: str
    stamp: str

    @classmethod
    def of(cls, status_page: str) -> SharedRegions | None:
        """Taken from the freshly rendered status page; None if it lacks either."""
        announce, stamp = div_region(status_page, ANNOUNCE_OPEN), _STAMP.search(status_page)
        if announce is None or stamp is None:
            return None
        return cls(announce, stamp.group(0))


def patched(
    html: str, src_uri: str, url: str, pages: site_pages.SitePages, shared: SharedRegions
) -> str:
    """The page with its status parts as they are now."""
    current = div_region(html, ANNOUNCE_OPEN)
    if current is not None:
        html = html.replace(current, shared.announce, 1)
    html = _STAMP.sub(lambda _: shared.stamp, html, count=1)
    if src_uri in pages.articles:
        for name, region in _ARTICLE_REGIONS.items():
            fresh = pages.status_region(name, src_uri, url)
            html = region.sub(lambda _, f=fresh: f, html, count=1)
    return html


def patch_in_place(
    path: Path, src_uri: str, url: str, pages: site_pages.SitePages, shared: SharedRegions
) -> tuple[str, bool]:
    """Patch a built page where it is: written beside it, then renamed over it. Returns the
    page as it is now, and whether it changed (if not, the file is left alone)."""
    with open(path, encoding="utf-8", newline="") as stream:
        original = stream.read()
    html = patched(original, src_uri, url, pages, shared)
    if html == original:
        return html, False
    temporary = path.with_name(f".{path.name}.new")
    try:
        with open(temporary, "w", encoding="utf-8", newline="") as stream:
            stream.write(html)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return html, True

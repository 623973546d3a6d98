"""Reading built pages the way a customer's browser would, without running JavaScript."""

from __future__ import annotations

import html
import re
from pathlib import Path

_INLINE_TAG = re.compile(r"</?(?:a|abbr|b|code|em|i|span|strong|time)\b[^>]*>")
_ANNOUNCE = re.compile(
    r'<div data-md-component="announce">(.*?)</div>\s*(?:<div data-md-color|<header)', re.S
)


def read(site: Path, url: str) -> str:
    return (
        (site / url.strip("/") / "index.html").read_text(encoding="utf-8")
        if url.strip("/")
        else (site / "index.html").read_text(encoding="utf-8")
    )


def text(fragment: str) -> str:
    """Visible text with tags dropped and whitespace collapsed."""
    without_scripts = re.sub(r"<(script|style)\b.*?</\1>", " ", fragment, flags=re.S)
    inline_dropped = re.sub(_INLINE_TAG, "", without_scripts)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", inline_dropped)).split())


def announce(page: str) -> str:
    """The HTML of Material's announce bar (empty when the page has none)."""
    match = _ANNOUNCE.search(page)
    return match.group(1).strip() if match else ""


def region(page: str, css_class: str) -> str:
    """The HTML of the first <section>/<div> with the given class, up to its matching close tag."""
    start = page.find(f'class="{css_class}')
    if start < 0:
        return ""
    start = page.rfind("<", 0, start)
    tag = re.match(r"<(\w+)", page[start:]).group(1)
    depth = 0
    for match in re.finditer(rf"<(/?){tag}\b[^>]*>", page[start:]):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return page[start : start + match.end()]
    return page[start:]


def content(page: str) -> str:
    """The HTML of the page's main content area (no navigation, header or footer)."""
    return region(page, "md-content__inner")

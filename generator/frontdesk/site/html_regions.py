"""Find a `<div>` element in a page Frontdesk rendered itself, by its exact opening tag."""

from __future__ import annotations

import re

_DIV = re.compile(r"<(/?)div\b[^>]*>")


def div_region(html: str, opening: str) -> str | None:
    """The element that starts with `opening`, up to its matching `</div>`; None if absent.

    Raises ValueError if it never closes.
    """
    start = html.find(opening)
    if start < 0:
        return None
    depth = 0
    for match in _DIV.finditer(html, start):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return html[start : match.end()]
    raise ValueError(f"unclosed {opening}")

"""Safe HTML from the site's Markdown, as plain text for channels that show text as it is."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCKS = {"p", "div", "ul", "ol", "pre", "blockquote", "table", "h1", "h2", "h3", "h4", "h5", "h6"}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._links: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n\n")
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "a":
            self._links.append(dict(attrs).get("href"))
            self._start = len(self.parts)

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n\n")
        elif tag == "a" and self._links:
            href = self._links.pop()
            shown = "".join(self.parts[self._start :]).strip()
            if href and href != shown and not href.startswith("#"):
                self.parts.append(f" ({href})")

    def handle_data(self, data: str) -> None:
        if data.strip() or "\n" not in data:  # not the line breaks between tags
            self.parts.append(data)


def plain_text(html: str) -> str:
    """Paragraphs apart, list items as "- ", links followed by their address."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t]*\n[ \t]*", "\n", text)
    text = re.sub(r"(?<!\n)\n(?![\n-])", " ", text)  # lines wrapped inside a paragraph
    return re.sub(r"\n{3,}", "\n\n", text).strip()

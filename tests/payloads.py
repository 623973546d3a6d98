"""Injection payloads for the hostile-content tests, and a scanner that reads HTML as a browser.

Every payload that could run script calls alert(), so a scan only has to look for "alert" in the
places a browser would execute it: script elements, event-handler attributes and URL attributes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

# A product of two numbers that appears nowhere else: if a template engine ever evaluated a
# payload, this number would appear in the output.
JINJA_PRODUCT = str(7 * 7), str(1234 * 5)

PAYLOADS: tuple[str, ...] = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "'><svg/onload=alert(1)>",
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x]( \tjavascript:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](&#106;avascript:alert(1))",
    "[x](javascript&#58;alert(1))",
    "[x](javascript&colon;alert(1))",
    "![x](javascript:alert(1))",
    "[x][ref]\n\n[ref]: javascript:alert(1)",
    'Click me{: onclick="alert(1)"}',
    'A paragraph\n{: onclick="alert(1)" }',
    '[x](https://ok.example/){: onmouseover="alert(1)" href="javascript:alert(1)"}',
    '<a href="javascript:alert(1)">x</a>',
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "{{ 7*7 }} and {{ 1234*5 }}",
    "{% raw %}{{ 1234*5 }}{% endraw %}",
    "{% raw %}",
    "]]></content><script>alert(1)</script>",
    "<![CDATA[<script>alert(1)</script>]]>",
    "--><script>alert(1)</script><!--",
)

EXECUTING_TAGS = {"script", "iframe", "object", "embed", "frame", "frameset", "base"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcdoc"}
_BAD_SCHEME = re.compile(r"^(?:javascript|vbscript|data):", re.I)
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
         "source", "track", "wbr"}  # fmt: skip
# Where Material prints a page's title (page.title, nav_item.title) as MkDocs hands it over.
_TITLE_CHROME = {"md-header__topic", "md-nav", "md-path", "md-footer__link", "md-tabs"}
_RAW_TEXT = ("title", "textarea")  # browsers read their content as text until the closing tag


@dataclass
class Finding:
    where: str
    what: str
    in_title: bool = False  # inside one of the places Material prints a page title

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


class _Scanner(HTMLParser):
    def __init__(self, where: str) -> None:
        super().__init__(convert_charrefs=True)
        self.where = where
        self.findings: list[Finding] = []
        self.script_depth = 0
        self.script_text: list[str] = []
        self.open: list[tuple[str, bool]] = []  # (tag, is a title place) of each open element

    def flag(self, what: str) -> None:
        in_title = any(chrome for _, chrome in self.open)
        self.findings.append(Finding(self.where, what, in_title))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.check(tag, attrs)
        if tag not in _VOID:
            classes = set((dict(attrs).get("class") or "").split())
            # Material prints page.title in the <head>'s <title> (a title can close it and go
            # on in the head) and as an <h1> without an id at the top of the content.
            chrome = (
                bool(classes & _TITLE_CHROME)
                or tag == "head"
                or (tag == "h1" and "id" not in dict(attrs))
            )
            self.open.append((tag, chrome))
        if tag == "script":
            self.script_depth += 1
            self.script_text = []
        if tag in _RAW_TEXT:
            self.set_cdata_mode(tag)

    def check(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        shown = f"<{tag} {' '.join(f'{k}={v!r}' for k, v in attrs)}>"
        if tag in EXECUTING_TAGS and tag != "script":
            self.flag(f"element that can run code: {shown}")
        if tag in ("svg", "math") and any(k.startswith("on") for k, _ in attrs):
            self.flag(f"element created from a payload: {shown}")
        if tag == "img" and dict(attrs).get("src") == "x":
            self.flag(f"element created from a payload: {shown}")
        if tag == "textarea":
            self.flag(f"a textarea (from a payload?): {shown}")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") and "alert" in value:
                self.flag(f"event handler from a payload: {shown}")
            if name in URL_ATTRIBUTES and _BAD_SCHEME.match(_squeeze(value)):
                self.flag(f"{name} with a script or data URL: {shown}")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", *_RAW_TEXT):  # browsers ignore the slash: <script/> opens a script
            self.handle_starttag(tag, attrs)
        else:
            self.check(tag, attrs)

    def handle_data(self, data: str) -> None:
        if self.script_depth:
            self.script_text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag in (t for t, _ in self.open):
            while self.open and self.open.pop()[0] != tag:
                pass
        if tag == "script" and self.script_depth:
            self.script_depth -= 1
            body = "".join(self.script_text)
            if "alert" in body:
                self.flag(f"script element from a payload: <script>{body[:80]}</script>")


def _squeeze(url: str) -> str:
    """A URL as a browser reads its scheme: control characters and whitespace ignored."""
    return re.sub(r"[\x00-\x20\x7f]+", "", url)


def scan_html(markup: str, where: str) -> list[Finding]:
    """Everything in `markup` that a browser would run, or that only a payload could create."""
    scanner = _Scanner(where=where)
    scanner.feed(markup)
    scanner.close()
    if scanner.script_depth:  # an unclosed script swallows the rest of the page
        scanner.flag("a script element is never closed")
    return scanner.findings

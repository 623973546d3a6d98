"""Markdown for text written in YAML fields: the site's extensions, but no raw HTML or script."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from typing import Any
from xml.etree.ElementTree import Element

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

_SAFE_SCHEME = re.compile(r"^(?:https?:|mailto:|tel:|#|/|\.|[^:/?#]*(?:[/?#]|$))", re.I)
_URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href")


class _DefuseTree(Treeprocessor):
    """Drop event-handler attributes and links with schemes such as javascript: or data:."""

    def run(self, root: Element) -> None:
        for element in root.iter():
            for name in list(element.attrib):
                value = element.attrib[name]
                if (
                    name.lower().startswith("on")
                    or name.lower() == "style"
                    or name.lower() in _URL_ATTRIBUTES
                    and not _is_safe_url(value)
                ):
                    del element.attrib[name]


def _is_safe_url(url: str) -> bool:
    # Markdown's serializer keeps character references in attributes, and browsers decode them:
    # judge the URL as the browser will read it (`&#106;avascript:` is `javascript:`).
    cleaned = re.sub(r"[\x00-\x20\x7f]+", "", html.unescape(url))
    return bool(_SAFE_SCHEME.match(cleaned))


class DefuseExtension(Extension):
    """Escape raw HTML and remove script vectors; Markdown formatting still works."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API name)
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_DefuseTree(md), "frontdesk_defuse", 0)


class MarkupRenderer:
    """YAML-field Markdown to safe HTML. Each distinct text is converted once and kept in
    `rendered`, which a later run with the same settings may add to (publish-status does)."""

    def __init__(self, md: markdown.Markdown) -> None:
        self._md = md
        self.rendered: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        html = self.rendered.get(text)
        if html is None:
            html = self.rendered[text] = self._md.reset().convert(text)
        return html


def markdown_renderer(
    extensions: Sequence[Any] = (), extension_configs: Mapping[str, Any] | None = None
) -> MarkupRenderer:
    """A function turning YAML-field Markdown into safe HTML with the site's Markdown settings."""
    md = markdown.Markdown(
        extensions=[*extensions, DefuseExtension()],
        extension_configs=dict(extension_configs or {}),
    )
    return MarkupRenderer(md)

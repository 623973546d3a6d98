"""Render Material's navigation once per folder instead of once per page.

Material renders the whole navigation into every page. For a page that is not itself in the
navigation nothing in it is active, so the HTML depends on the page only through the relative
links it contains: pages whose links come out the same share one rendering. Articles live outside
the navigation (it lists categories), so a 5,000-article help centre renders it a few dozen
times instead of 5,000. The output is byte-identical to rendering every time (tested).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import jinja2
import material
from mkdocs.utils import get_relative_url

MATERIAL_PREFIX = "material"


class NavigationCache:
    def __init__(self, nav_urls: Iterable[str], asset_urls: Iterable[str] = ("assets/",)) -> None:
        self._nav_urls = frozenset(nav_urls)
        self._targets = sorted({"", *self._nav_urls, *asset_urls})
        self._html: dict[tuple[str, ...], str] = {}

    def key(self, page_url: str) -> tuple[str, ...] | None:
        """The links the navigation would hold on this page, or None when it must be rendered."""
        if page_url in self._nav_urls:
            return None
        return tuple(get_relative_url(target, page_url) for target in self._targets)

    def get(self, key: tuple[str, ...] | None) -> str | None:
        return None if key is None else self._html.get(key)

    def remember(self, key: tuple[str, ...] | None, html: str) -> str:
        if key is not None:
            self._html[key] = html
        return html


def add_material_prefix(env: jinja2.Environment) -> None:
    """Let a template that overrides one of Material's include the original as material/<name>."""
    templates = Path(material.__file__).parent / "templates"
    prefixed = jinja2.PrefixLoader({MATERIAL_PREFIX: jinja2.FileSystemLoader(str(templates))})
    env.loader = jinja2.ChoiceLoader([env.loader, prefixed])

"""Render what every page repeats once, instead of once per page.

Material renders the whole navigation, the header, the site configuration, the scripts and the
styles into every page. A fragment that depends on the page only through its links (the
navigation and footer of a page outside the navigation, where nothing is active; the header
around the page title; Material's configuration, scripts, styles and analytics blocks) is
rendered once per set of links. The links are not guessed: the first rendering records every URL
passed to the `url` and `script_tag` filters, and a page reuses the rendering when those URLs
come out the same for it. Articles live outside the navigation (it lists categories), so a
5,000-article help centre renders it a few dozen times instead of 5,000. The output is the same
bytes as rendering every time (tests/test_template_cache.py builds with and without the cache
and compares every page).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import jinja2
import material
from mkdocs.structure.pages import Page
from mkdocs.utils import normalize_url

MATERIAL_PREFIX = "material"


class FragmentCache:
    """Fragments by name, each stored under the links it held on the page that rendered it."""

    def __init__(self, nav_urls: Iterable[str]) -> None:
        self._nav_urls = frozenset(nav_urls)
        self._links: dict[str, tuple[str, ...]] = {}
        self._html: dict[tuple[str, str, tuple[str, ...]], str] = {}
        self._recording: list[list[str]] = []

    def for_page(self, page: Page, base_url: str) -> PageFragments:
        return PageFragments(self, page, base_url, outside_nav=page.url not in self._nav_urls)

    def note_link(self, url: str) -> None:
        """Called by the `url` and `script_tag` filters: a link in what is being rendered."""
        for links in self._recording:
            links.append(url)

    def _lookup(self, name: str, page: Page, base_url: str) -> str | None:
        links = self._links.get(name)
        if links is not None:
            html = self._html.get((name, base_url, _resolved(links, page, base_url)))
            if html is not None:
                return html
        self._recording.append([])
        return None

    def _keep(self, name: str, page: Page, base_url: str, html: str) -> str:
        links = tuple(dict.fromkeys(self._recording.pop()))
        if self._links.setdefault(name, links) == links:
            self._html[(name, base_url, _resolved(links, page, base_url))] = html
        return html


class PageFragments:
    """The fragment cache as one page's template sees it (`frontdesk_fragments`)."""

    def __init__(self, cache: FragmentCache, page: Page, base_url: str, outside_nav: bool) -> None:
        self._cache, self._page, self._base_url = cache, page, base_url
        self.outside_nav = outside_nav

    def get(self, name: str) -> str | None:
        """The fragment if already rendered for the same links; None means render it, then
        pass the result to `keep`."""
        return self._cache._lookup(name, self._page, self._base_url)

    def keep(self, name: str, html: str) -> str:
        return self._cache._keep(name, self._page, self._base_url, html)


def _resolved(links: tuple[str, ...], page: Page, base_url: str) -> tuple[str, ...]:
    return tuple(normalize_url(link, page=page, base=base_url) for link in links)


def record_links(env: jinja2.Environment, cache: FragmentCache) -> None:
    """Wrap the `url` and `script_tag` filters so that fragments being cached learn their links."""
    for name in ("url", "script_tag"):
        env.filters[name] = _recording_filter(env.filters[name], cache)


def _recording_filter(original: Callable[..., Any], cache: FragmentCache) -> Callable[..., Any]:
    @jinja2.pass_context
    def recording(context: jinja2.runtime.Context, value: Any) -> Any:
        cache.note_link(str(value))
        return original(context, value)

    return recording


def add_material_prefix(env: jinja2.Environment) -> None:
    """Let a template that overrides one of Material's include the original as material/<name>."""
    templates = Path(material.__file__).parent / "templates"
    prefixed = jinja2.PrefixLoader({MATERIAL_PREFIX: jinja2.FileSystemLoader(str(templates))})
    env.loader = jinja2.ChoiceLoader([env.loader, prefixed])

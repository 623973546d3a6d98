"""What every page repeats, rendered once, gives the same bytes as rendering it on every page."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator.template_cache import FragmentCache, NavigationCache, PageFragments


def pages_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*.html"))}


PAGE_DEPENDENT_FEATURES = (
    "    - navigation.tabs\n    - navigation.tabs.sticky\n    - navigation.footer\n"
)


@pytest.mark.parametrize("features", ["as configured", "tabs and footer"])
def test_cached_rendering_is_byte_identical_to_rendering_every_page(
    copy_example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, features: str
) -> None:
    if features == "tabs and footer":  # the header's tabs and the footer's links are per page
        config = copy_example / "mkdocs.yml"
        text = config.read_text()
        config.write_text(
            text.replace("  features:\n", "  features:\n" + PAGE_DEPENDENT_FEATURES, 1)
        )
    cached = tmp_path / "cached"
    build(load_config(str(copy_example / "mkdocs.yml"), strict=True, site_dir=str(cached)))

    nav_hits: list[tuple[str, ...]] = []
    fragment_hits: list[str] = []
    monkeypatch.setattr(NavigationCache, "get", lambda self, key: nav_hits.append(key) or None)
    monkeypatch.setattr(PageFragments, "get", lambda self, name: fragment_hits.append(name))
    monkeypatch.setattr(PageFragments, "keep", lambda self, name, html: html)
    uncached = tmp_path / "uncached"
    build(load_config(str(copy_example / "mkdocs.yml"), strict=True, site_dir=str(uncached)))

    assert pages_of(cached) == pages_of(uncached)
    folders = {key for key in nav_hits if key is not None}
    assert len(folders) < len([key for key in nav_hits if key is not None]) / 2  # it is reused
    pages = len(pages_of(cached))
    for name in ("header-start", "header-end", "config", "scripts", "styles", "footer"):
        assert fragment_hits.count(name) > pages / 2, name  # asked for on most pages


def test_pages_in_the_navigation_or_above_it_are_not_cached() -> None:
    cache = NavigationCache(["", "articles/billing/", "status/"])
    assert cache.key("status/") is None
    article = cache.key("articles/billing/refund-a-payment/")
    assert article == cache.key("articles/billing/change-plan/")
    assert article != cache.key("articles/account/change-email/")
    assert cache.key("status/incidents/a/") == cache.key("status/incidents/b/")
    cache.remember(article, "<nav>billing</nav>")
    assert cache.get(cache.key("articles/billing/change-plan/")) == "<nav>billing</nav>"
    assert cache.get(None) is None


def page(url: str) -> SimpleNamespace:
    return SimpleNamespace(url=url)


def render(cache: FragmentCache, url: str, base_url: str, links: list[str]) -> tuple[str, bool]:
    """Render fragment "f" for a page the way the template does: its HTML and whether it was new."""
    fragments = cache.for_page(page(url), base_url)  # type: ignore[arg-type]
    html = fragments.get("f")
    if html is not None:
        return html, False
    for link in links:
        cache.note_link(link)
    return fragments.keep("f", f"{base_url}|{','.join(links)}"), True


def test_a_fragment_is_reused_only_where_its_links_come_out_the_same() -> None:
    cache = FragmentCache(nav_urls=[""])
    assert render(cache, "articles/a/", "../..", ["assets/x.css"]) == ("../..|assets/x.css", True)
    assert render(cache, "articles/b/", "../..", ["assets/x.css"]) == ("../..|assets/x.css", False)
    assert render(cache, "status/", "..", ["assets/x.css"])[1] is True  # another depth
    # Same depth, but the link is relative to a folder it shares with the page: not reused.
    assert render(cache, "assets/c/", "../..", ["assets/x.css"])[1] is True


def test_outside_nav_tells_pages_in_the_navigation_apart() -> None:
    cache = FragmentCache(nav_urls=["", "status/"])
    assert cache.for_page(page("status/"), "..").outside_nav is False  # type: ignore[arg-type]
    assert cache.for_page(page("status/x/"), "../..").outside_nav is True  # type: ignore[arg-type]

"""What every page repeats, rendered once, gives the same bytes as rendering it on every page."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from frontdesk.mkdocs.template_cache import FragmentCache, PageFragments


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
    reused: list[str] = []
    lookup = FragmentCache._lookup

    def counting_lookup(self, name, page, base_url):  # noqa: ANN001, ANN202
        html = lookup(self, name, page, base_url)
        if html is not None:
            reused.append(name)
        return html

    with monkeypatch.context() as patch:
        patch.setattr(FragmentCache, "_lookup", counting_lookup)
        cached = tmp_path / "cached"
        build(load_config(str(copy_example / "mkdocs.yml"), strict=True, site_dir=str(cached)))

    asked: list[str] = []
    monkeypatch.setattr(PageFragments, "get", lambda self, name: asked.append(name))
    monkeypatch.setattr(PageFragments, "keep", lambda self, name, html: html)
    uncached = tmp_path / "uncached"
    build(load_config(str(copy_example / "mkdocs.yml"), strict=True, site_dir=str(uncached)))

    assert pages_of(cached) == pages_of(uncached)
    assert reused.count("nav") > asked.count("nav") / 2  # it is reused
    pages = len(pages_of(cached))
    for name in ("header-start", "header-end", "config", "scripts", "styles", "footer"):
        assert asked.count(name) > pages / 2, name  # asked for on most pages


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


def test_the_navigation_is_shared_by_pages_whose_links_to_it_come_out_the_same() -> None:
    nav = ["", "articles/billing/", "articles/account/", "status/"]
    cache = FragmentCache(nav_urls=nav)
    assert cache.for_page(page("status/"), "..").outside_nav is False  # type: ignore[arg-type]
    first = render(cache, "articles/billing/refund-a-payment/", "../../..", nav)
    assert first[1] is True
    assert render(cache, "articles/billing/change-plan/", "../../..", nav) == (first[0], False)
    assert render(cache, "articles/account/change-email/", "../../..", nav)[1] is True
    assert render(cache, "status/incidents/a/", "../../..", nav)[1] is True
    assert render(cache, "status/incidents/b/", "../../..", nav)[1] is False

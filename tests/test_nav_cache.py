"""Material's navigation rendered once per folder gives the same bytes as rendering it per page."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator.nav_cache import NavigationCache


def pages_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*.html"))}


def test_cached_navigation_is_byte_identical_to_rendering_every_page(
    copy_example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cached = tmp_path / "cached"
    build(load_config(str(copy_example / "mkdocs.yml"), strict=True, site_dir=str(cached)))

    hits: list[tuple[str, ...]] = []
    monkeypatch.setattr(NavigationCache, "get", lambda self, key: hits.append(key) or None)
    uncached = tmp_path / "uncached"
    build(load_config(str(copy_example / "mkdocs.yml"), strict=True, site_dir=str(uncached)))

    assert pages_of(cached) == pages_of(uncached)
    folders = {key for key in hits if key is not None}
    assert len(folders) < len([key for key in hits if key is not None]) / 2  # it is reused


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

"""axe-core in chromium against the built example: no serious or critical violations.

Every page is checked in the light and dark palettes, at desktop width and at 375 px, whoever
drew the element: a reader sees the site, not which template, theme or script made each part.
axe-core is the copy bundled with axe-playwright-python, injected from disk, so no network is
needed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from browser import SiteServer, browser

AXE = Path(__import__("axe_playwright_python").__file__).with_name("axe.min.js")
PAGES = {
    "front page": "",  # at the example's build moment an incident is open: its status panel shows it
    "status": "status/",
    "incident": "status/incidents/2026-11-23-mobile-app-sign-in/",
    "article": "articles/payments/connect-bank-feed/",
    "level index": "levels/novice/",
    "search": "search/?q=invoice",
    # The German edition: its front page, a page still in English, its status and its search.
    "German front page": "de/",
    "German page not yet translated": "de/articles/account/two-factor-authentication/",
    "German incident": "de/status/incidents/2026-11-23-mobile-app-sign-in/",
    "German search": "de/search/?q=rechnung",
}
WIDTHS = {"1280 px": 1280, "375 px": 375}  # the narrow layout hides labels and folds the search
SCHEMES = {"light": "default", "dark": "slate"}  # the reader's colour scheme: Material's palette
BLOCKING = ("serious", "critical")
SEARCH_SETTLED = """() => {
  const message = document.querySelector('.pagefind-ui__message');
  return message && /[0-9]/.test(message.textContent)
    && !document.querySelector('.pagefind-ui__loading');
}"""
AUDIT = """async options => {
  const results = await axe.run(document, options);
  return results.violations.flatMap(r => r.nodes.map(n => ({
    rule: r.id,
    impact: n.impact || r.impact,
    target: n.target.map(String).join(' >> '),
    summary: (n.failureSummary || '').split('\\n').slice(1, 2).join(' ').trim(),
  })));
}"""


@dataclass(frozen=True)
class Violation:
    rule: str
    impact: str
    target: str
    summary: str

    def __str__(self) -> str:
        return f"{self.rule} [{self.impact}] {self.target}: {self.summary}"


@pytest.fixture(scope="module")
def served(example_site: Path):
    with browser() as chromium, SiteServer(example_site) as server:
        yield chromium, server.url


def open_page(served, url: str, width: int, scheme: str):
    chromium, base = served
    page = chromium.new_page(viewport={"width": width, "height": 900})
    page.emulate_media(color_scheme=scheme)
    page.goto(base + url)
    if "search/" in url:
        page.wait_for_function(SEARCH_SETTLED, timeout=15000)
    assert page.locator("body").get_attribute("data-md-color-scheme") == SCHEMES[scheme]
    return page


def inject_axe(page) -> None:
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))


def audit(page) -> list[Violation]:
    inject_axe(page)
    return [Violation(**v) for v in page.evaluate(AUDIT, {"resultTypes": ["violations"]})]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("name", PAGES)
def test_no_serious_or_critical_violations(served, name: str, scheme: str, width: str) -> None:
    page = open_page(served, PAGES[name], WIDTHS[width], scheme)
    found = audit(page)
    page.close()
    blocking = [v for v in found if v.impact in BLOCKING]
    # Moderate and minor findings do not fail the run, but stay in sight (pytest -s or -rA).
    for v in found:
        if v.impact not in BLOCKING:
            print(f"{name}, {scheme}, {width}: {v}")
    assert not blocking, f"{len(blocking)} violations:\n" + "\n".join(map(str, blocking))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_banner_at_375_px_is_legible(served, scheme: str, tmp_path: Path) -> None:
    page = open_page(served, "status/", 375, scheme)
    banner = page.locator("[data-md-component=announce]")
    assert banner.is_visible() and "Some customers cannot sign in" in banner.inner_text()
    shot = tmp_path / f"banner-{scheme}.png"
    banner.screenshot(path=str(shot))
    assert shot.stat().st_size > 1000 and shot.read_bytes().startswith(b"\x89PNG")
    box = banner.bounding_box()
    assert box and box["width"] <= 375 and box["height"] > 20
    inject_axe(page)
    results = page.evaluate(
        "options => axe.run({include: [['[data-md-component=announce]']]}, options)",
        {"runOnly": ["color-contrast"], "resultTypes": ["violations", "passes", "incomplete"]},
    )
    page.close()
    contrast = {kind: [n["target"] for r in results[kind] for n in r["nodes"]]
                for kind in ("violations", "passes", "incomplete")}  # fmt: skip
    assert not contrast["violations"] and not contrast["incomplete"], contrast
    assert len(contrast["passes"]) >= 3, contrast  # the text, the link and the time

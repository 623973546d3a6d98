"""Plugin options set to something other than their defaults, in real builds and in `check`."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from mkdocs.exceptions import Abort
from pages import announce, content, read, region, text

from frontdesk.audience.levels import reading_grade
from frontdesk.cli.main import main

ARTICLE = "---\ntitle: {title}\naudience: novice\nsummary: {summary}\n---\n{body}\n"
CATEGORY = "---\ntitle: Billing\nsummary: Invoices and payments.\n---\nAll about bills.\n"
SEARCHABLE = {
    "articles/billing/index.md": CATEGORY,
    "articles/billing/refunds.md": ARTICLE.format(
        title="Refund a payment", summary="Give money back.", body="Choose the payment to refund."
    ),
}
SITE_URL_REQUIRED = "site_url: required, for the links in feeds, calendars and the status API"


def check(root: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """Everything `frontdesk check` printed, notices included; it must pass."""
    result = CliRunner().invoke(main, ["check", "-f", str(root / "mkdocs.yml")])
    assert result.exit_code == 0, result.output
    return capsys.readouterr().err + result.output


class TestSearchChoice:
    def test_builtin_keeps_materials_search_and_builds_no_pagefind(
        self, make_site, build_site
    ) -> None:
        site = build_site(make_site(SEARCHABLE, {"search": "builtin"}))
        index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
        locations = {doc["location"].split("#")[0] for doc in index["docs"]}
        assert "articles/billing/refunds/" in locations
        assert not (site / "pagefind").exists() and not (site / "pagefind-status").exists()
        assert not (site / "search/index.html").exists()  # Frontdesk's Pagefind results page
        for url in ("/", "articles/billing/refunds/", "status/"):
            page = read(site, url)
            assert 'class="md-search"' in page, url  # Material's search dialog
            for pagefind_ui in ("data-pagefind-body", "fd-search-box", "data-fd-bundle",
                                "fd-home-search", "pagefind-ui", "pagefind-status/"):  # fmt: skip
                assert pagefind_ui not in page, (url, pagefind_ui)

    def test_pagefind_by_default_replaces_materials_search(self, make_site, build_site) -> None:
        site = build_site(make_site(SEARCHABLE))
        assert (site / "pagefind/pagefind-entry.json").is_file()
        assert (site / "pagefind-status/pagefind-entry.json").is_file()
        assert not (site / "search/search_index.json").exists()
        assert 'data-fd-search data-fd-bundle="../pagefind-status/"' in read(site, "search/")
        article = read(site, "articles/billing/refunds/")
        assert "<div data-pagefind-body>" in article and "fd-search-box" in article
        assert 'class="md-search"' not in article
        assert "fd-home-search" in read(site, "/")


class TestSiteUrl:
    def test_a_site_without_site_url_does_not_build_and_says_why(
        self, make_site, build_site, caplog: pytest.LogCaptureFixture
    ) -> None:
        root = make_site(SEARCHABLE)
        settings = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
        del settings["site_url"]
        (root / "mkdocs.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")
        with caplog.at_level(logging.ERROR), pytest.raises(Abort):
            build_site(root)
        errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
        assert errors == [SITE_URL_REQUIRED]
        assert not (root / "site/index.html").exists()

        result = CliRunner().invoke(main, ["build", "-f", str(root / "mkdocs.yml")])
        assert result.exit_code == 1
        assert f"ERROR   -  {SITE_URL_REQUIRED}\n" in result.output

        checked = CliRunner().invoke(main, ["check", "-f", str(root / "mkdocs.yml")])
        assert checked.exit_code == 1  # check never passes what the build refuses
        assert checked.output == f"{SITE_URL_REQUIRED}\n"


MAINTENANCE = "title: {title}\ncomponents: [api]\nstart: {start}\nend: {end}\ndescription: Work.\n"
# The build's moment is 2026-11-23T10:00:00Z; each window starts this long after it.
WINDOWS = {
    "Database upgrade": "2026-11-26T10:00:00Z",  # three days exactly
    "Network change": "2026-11-26T10:01:00Z",  # three days and a minute
    "Storage move": "2026-11-28T10:00:00Z",  # five days
    "Cache rebuild": "2026-11-30T10:00:00Z",  # seven days exactly
    "Router swap": "2026-11-30T10:01:00Z",  # seven days and a minute
}


@pytest.mark.parametrize(
    ("lookahead", "announced"),
    [
        (None, {"Database upgrade"}),
        (7, {"Database upgrade", "Network change", "Storage move", "Cache rebuild"}),
    ],
    ids=["default-3-days", "7-days"],
)
def test_banner_lookahead_days_decides_which_maintenance_is_announced(
    make_site, build_site, lookahead: int | None, announced: set[str]
) -> None:
    files = {
        f"status/maintenance/m{n}.yml": MAINTENANCE.format(
            title=title, start=start, end=start.replace("T10:", "T12:")
        )
        for n, (title, start) in enumerate(WINDOWS.items())
    }
    options = {} if lookahead is None else {"banner_lookahead_days": lookahead}
    site = build_site(make_site(files, options))
    banner = text(announce(read(site, "status/")))
    assert {title for title in WINDOWS if title in banner} == announced
    front = text(region(read(site, "/"), "fd-panel"))
    assert {title for title in WINDOWS if title in front} == announced
    status_page = text(content(read(site, "status/")))
    assert all(title in status_page for title in WINDOWS)  # listed there whatever the banner says


QUIET_INCIDENT = """\
title: Slow invoice exports
impact: minor
components: [api]
started: 2026-11-23T09:00:00Z
cause: A queue is backed up.
eta: 2026-11-23T14:00:00Z
prevention: More workers at busy times.
updates:
  - at: 2026-11-23T09:15:00Z
    status: identified
    message: Exports are delayed; we are adding capacity.
"""
GONE_QUIET = (
    "content/status/incidents/slow-exports.yml: updates: last update was 45 minutes ago; "
    "customers are owed a new update"
)


@pytest.mark.parametrize(
    ("interval", "noticed"),
    [(None, False), (60, False), (45, False), (44, True), (30, True)],
    ids=["default", "60", "45-not-yet-overdue", "44", "30"],
)
def test_update_interval_minutes_decides_when_an_incident_has_gone_quiet(
    make_site, capsys, interval: int | None, noticed: bool
) -> None:
    options = {} if interval is None else {"update_interval_minutes": interval}
    root = make_site({"status/incidents/slow-exports.yml": QUIET_INCIDENT}, options)
    printed = check(root, capsys)
    if noticed:
        assert f"NOTICE  -  {GONE_QUIET}\n" in printed
    else:
        assert "NOTICE" not in printed  # the ETA and everything else are still in time


def test_every_build_applies_update_interval_minutes(make_site, build_site, capsys) -> None:
    files = {"status/incidents/slow-exports.yml": QUIET_INCIDENT}
    build_site(make_site(files, {"update_interval_minutes": 30}))
    assert f"NOTICE  -  {GONE_QUIET}\n" in capsys.readouterr().err
    build_site(make_site(files))
    assert "NOTICE" not in capsys.readouterr().err


PLAIN = ARTICLE.format(
    title="Print an invoice",
    summary="Print a copy of an invoice.",
    body=(
        "Open the invoice you want to print. Choose Print from the menu at the top of the page.\n"
        "Your computer shows a preview of the invoice before it prints anything.\n"
        "Check that the customer details and the amounts are correct, then confirm."
    ),
)
GRADE = reading_grade(PLAIN)


def levels(novice_ceiling: float) -> list[dict]:
    return [
        {"name": "novice", "label": "Novice", "max_grade": novice_ceiling},
        {"name": "intermediate", "label": "Intermediate", "max_grade": 9},
        {"name": "expert", "label": "Expert"},
    ]


@pytest.mark.parametrize(
    ("ceiling", "notice"),
    [
        (None, None),
        (GRADE, None),  # at the ceiling is within it
        (3, f"reading grade {GRADE} is above the novice ceiling of 3"),
        (GRADE - 0.1, f"reading grade {GRADE} is above the novice ceiling of {GRADE - 0.1:g}"),
    ],
    ids=["default-6", "at-the-ceiling", "3", "just-below"],
)
def test_a_levels_max_grade_sets_its_readability_ceiling(
    make_site, capsys, ceiling: float | None, notice: str | None
) -> None:
    assert 3 < GRADE <= 6, "the article must read between the lowered and the default ceiling"
    options = {} if ceiling is None else {"levels": levels(ceiling)}
    root = make_site({"articles/billing/print.md": PLAIN}, options)
    printed = check(root, capsys)
    if notice is None:
        assert "readability" not in printed
    else:
        assert f"NOTICE  -  content/articles/billing/print.md: readability: {notice}\n" in printed

"""A page cached between builds re-checks promises against the reader's clock."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from browser import SiteServer


def panel_promise(chromium, url: str, moment: datetime) -> str:
    context = chromium.new_context(at=moment, timezone_id="UTC")
    page = context.new_page()
    page.goto(url)
    text = page.locator(".fd-panel .fd-promise").first.inner_text()
    context.close()
    return text


def test_wording_changes_when_the_readers_clock_passes_the_eta(
    chromium, example_site: Path
) -> None:
    # Built at 10:00 UTC; the example promises service back by 12:00 and an update by 10:30.
    with SiteServer(example_site) as server:
        before = panel_promise(chromium, server.url, datetime(2026, 11, 23, 11, 0, tzinfo=UTC))
        after = panel_promise(chromium, server.url, datetime(2026, 11, 23, 12, 5, tzinfo=UTC))
    assert before == "Expected back by 2026-11-23 12:00 UTC."
    assert after == ("We expected service back by 2026-11-23 12:00 UTC. "
                     "It is taking longer than we said; update overdue.")  # fmt: skip

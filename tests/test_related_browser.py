"""Related articles in a real browser: with a level chosen, those at the reader's level come first."""

from __future__ import annotations

import pytest
from browser import SiteServer

ARTICLE = "articles/billing/a-overview/"
# Every other article shares the overview's tag and category, so all score alike and the build
# lists them in path order, which mixes the levels.
OTHERS = [
    ("b-api-batches", "Send invoices in batches with the API", "expert"),
    ("c-first-invoice", "Send your first invoice", "novice"),
    ("d-reminders", "Set up payment reminders", "intermediate"),
    ("e-webhooks", "Follow invoices with webhooks", "expert"),
    ("f-read-invoice", "Read an invoice", "novice"),
]


def article(title: str, audience: str) -> str:
    return (
        f"---\ntitle: {title}\naudience: {audience}\nsummary: About {title.lower()}.\n"
        f"tags: [invoices]\n---\n{title} explained.\n"
    )


def site_files() -> dict[str, str]:
    files = {
        "articles/billing/index.md": "---\ntitle: Billing\nsummary: Invoices.\n---\nBills.\n",
        "articles/billing/a-overview.md": article("Invoices at a glance", "intermediate"),
    }
    for name, title, audience in OTHERS:
        files[f"articles/billing/{name}.md"] = article(title, audience)
    return files


@pytest.fixture
def served(make_site, build_site):
    with SiteServer(build_site(make_site(site_files()))) as server:
        yield server


def shown_order(page) -> list[str]:  # noqa: ANN001
    """The related articles' titles top to bottom as laid out, which CSS may reorder."""
    return page.evaluate(
        """() => Array.from(document.querySelectorAll(".fd-related li"))
            .map(li => [li.getBoundingClientRect().top, li.querySelector("a").textContent.trim()])
            .sort((a, b) => a[0] - b[0])
            .map(entry => entry[1])"""
    )


def test_without_a_level_related_articles_keep_the_builds_order(chromium, served) -> None:
    page = chromium.new_page()
    page.goto(served.url + ARTICLE)
    assert shown_order(page) == [title for _, title, _ in OTHERS]
    page.close()


def test_a_level_from_the_address_puts_novice_articles_first(chromium, served) -> None:
    page = chromium.new_page()
    page.goto(served.url + ARTICLE + "?level=novice")
    assert shown_order(page) == [
        "Send your first invoice",
        "Read an invoice",
        "Send invoices in batches with the API",
        "Set up payment reminders",
        "Follow invoices with webhooks",
    ]
    page.close()


def test_choosing_a_level_in_the_header_puts_its_articles_first(chromium, served) -> None:
    page = chromium.new_page()
    page.goto(served.url + ARTICLE)
    page.select_option("[data-fd-level-select]", "expert")
    assert shown_order(page) == [
        "Send invoices in batches with the API",
        "Follow invoices with webhooks",
        "Send your first invoice",
        "Set up payment reminders",
        "Read an invoice",
    ]
    page.select_option("[data-fd-level-select]", "intermediate")
    assert shown_order(page) == [
        "Set up payment reminders",
        "Send invoices in batches with the API",
        "Send your first invoice",
        "Follow invoices with webhooks",
        "Read an invoice",
    ]
    page.close()

"""Keeping promises and keeping the door open: slipped ETAs said plainly, help and feedback on
every article, related articles, and articles due for review."""

from __future__ import annotations

import json
from datetime import date
from urllib.parse import unquote

import pytest
from click.testing import CliRunner
from pages import announce, content, read, region, text

from frontdesk.audience.related import related_articles
from frontdesk.audience.review import reviews_due
from frontdesk.cli.main import main
from frontdesk.content.models import ArticleMeta

INCIDENT = """\
title: Invoices are not sending
impact: major
components: [payments]
started: 2026-11-23T09:00:00Z
cause: A queue stopped.
eta: {eta}
{next_update}prevention: Queue alarms.
updates:
  - at: 2026-11-23T09:10:00Z
    status: identified
    message: Restarting the queue.
"""
ARTICLE = "---\ntitle: {title}\naudience: {level}\nsummary: S.\ntags: [{tags}]\n{extra}---\nText.\n"
CONTACT = {
    "contact": {
        "channels": [
            {
                "kind": "email",
                "label": "Email",
                "address": "help@example.test",
                "response_time": "within a day",
            },
            {"kind": "phone", "label": "Phone", "address": "+44 20 0000 0000"},
        ],
        "hours": "Monday to Friday, 09:00 to 17:00",
        "timezone": "UK",
    }
}


def build(make_site, build_site, monkeypatch, epoch: str, eta: str, next_update: str = ""):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    line = f"next_update: {next_update}\n" if next_update else ""
    files = {"status/incidents/queue.yml": INCIDENT.format(eta=eta, next_update=line)}
    return build_site(make_site(files))


class TestSlippedPromises:
    # 1795428000 is 2026-11-23T10:00:00Z.
    def test_on_time_eta_is_shown_as_the_plan(self, make_site, build_site, monkeypatch) -> None:
        site = build(make_site, build_site, monkeypatch, "1795428000", "2026-11-23T11:30:00Z")
        assert "Expected back by 2026-11-23 11:30 UTC." in text(region(read(site, "/"), "fd-panel"))
        extra = json.loads((site / "api/v2/incidents/unresolved.json").read_text())["incidents"][0][
            "frontdesk"
        ]
        assert extra["eta_passed"] is False

    def test_passed_eta_with_a_next_update_says_so(
        self, make_site, build_site, monkeypatch
    ) -> None:
        site = build(
            make_site,
            build_site,
            monkeypatch,
            "1795428000",
            "2026-11-23T09:30:00Z",
            "2026-11-23T10:45:00Z",
        )
        wording = ("We expected service back by 2026-11-23 09:30 UTC. It is taking longer than we said; "
                   "next update by 2026-11-23 10:45 UTC.")  # fmt: skip
        assert wording in text(region(read(site, "/"), "fd-panel"))
        assert wording in text(announce(read(site, "status/")))
        assert wording in text(content(read(site, "status/")))
        assert "Expected back by" not in text(content(read(site, "status/")))
        extra = json.loads((site / "api/v2/incidents/unresolved.json").read_text())["incidents"][0][
            "frontdesk"
        ]
        assert extra["eta_passed"] is True and extra["next_update_overdue"] is False

    def test_passed_eta_and_no_next_update_is_overdue(
        self, make_site, build_site, monkeypatch
    ) -> None:
        site = build(
            make_site,
            build_site,
            monkeypatch,
            "1795428000",
            "2026-11-23T09:30:00Z",
            "2026-11-23T09:45:00Z",
        )
        panel = text(region(read(site, "/"), "fd-panel"))
        assert "It is taking longer than we said; update overdue." in panel
        extra = json.loads((site / "api/v2/incidents/unresolved.json").read_text())["incidents"][0][
            "frontdesk"
        ]
        assert extra["eta_passed"] is True and extra["next_update_overdue"] is True

    def test_unknown_eta_with_missed_update(self, make_site, build_site, monkeypatch) -> None:
        site = build(
            make_site, build_site, monkeypatch, "1795428000", "unknown", "2026-11-23T09:45:00Z"
        )
        assert ("No restoration time yet, and the update we promised by 2026-11-23 09:45 UTC is overdue."
                in text(region(read(site, "/"), "fd-panel")))  # fmt: skip

    def test_the_page_carries_what_to_say_once_the_time_passes(
        self, make_site, build_site, monkeypatch
    ) -> None:
        site = build(
            make_site,
            build_site,
            monkeypatch,
            "1795428000",
            "2026-11-23T11:30:00Z",
            "2026-11-23T10:45:00Z",
        )
        promise = region(read(site, "/"), "fd-promise")
        later = json.loads(promise.split("data-fd-later='")[1].split("'")[0])
        assert [moment for moment, _ in later] == ["2026-11-23T10:45:00Z", "2026-11-23T11:30:00Z"]
        assert "It is taking longer than we said; update overdue." in text(later[-1][1])

    def test_build_and_check_warn_about_slipped_promises(
        self, make_site, monkeypatch, capsys
    ) -> None:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795428000")
        line = "next_update: 2026-11-23T09:45:00Z\n"
        root = make_site(
            {
                "status/incidents/queue.yml": INCIDENT.format(
                    eta="2026-11-23T09:30:00Z", next_update=line
                )
            }
        )
        result = CliRunner().invoke(main, ["check", "-f", str(root / "mkdocs.yml")])
        assert result.exit_code == 0
        err = capsys.readouterr().err + result.output
        assert (
            "queue.yml: eta: the expected restoration time 2026-11-23 09:30 UTC has passed" in err
        )
        assert (
            "queue.yml: next_update: the promised update at 2026-11-23 09:45 UTC is overdue" in err
        )


class TestOpenDoor:
    @pytest.fixture
    def site(self, make_site, build_site):
        files = {
            "articles/pay/refunds.md": ARTICLE.format(title="Refund a payment", level="novice", tags="refunds", extra="components: [payments]\n"),
            "articles/pay/cards.md": ARTICLE.format(title="Take card payments", level="expert", tags="refunds, cards", extra=""),
            "status/incidents/queue.yml": INCIDENT.format(eta="2026-11-23T11:30:00Z", next_update=""),
        }  # fmt: skip
        return build_site(make_site(files, plugin_options=CONTACT))

    def test_help_panel_lists_channels_hours_and_promises(self, site) -> None:
        panel = text(region(content(read(site, "articles/pay/cards/")), "fd-help-panel"))
        assert panel.startswith("Still need help?")
        assert "Email: help@example.test · we reply within a day" in panel
        assert "Phone: +44 20 0000 0000" in panel
        assert "Support hours: Monday to Friday, 09:00 to 17:00 (UK time)." in panel
        assert 'href="tel:+442000000000"' in region(
            read(site, "articles/pay/cards/"), "fd-help-panel"
        )
        assert "We know about a problem" not in panel

    def test_during_an_incident_the_panel_points_to_it_first(self, site) -> None:
        panel = text(region(content(read(site, "articles/pay/refunds/")), "fd-help-panel"))
        assert panel.index(
            "We know about a problem that may be causing this: Invoices are not sending"
        ) < panel.index("Email:")

    def test_status_page_has_the_panel_without_feedback(self, site) -> None:
        page = read(site, "status/")
        assert "Still need help?" in text(region(page, "fd-help-panel"))
        assert '<form class="md-feedback"' not in page and "fd-feedback-fallback" not in page

    def test_feedback_works_without_an_analytics_account_and_without_javascript(self, site) -> None:
        page = read(site, "articles/pay/cards/")
        assert '<form class="md-feedback" name="feedback" hidden>' in page
        fallback = region(page, "fd-feedback-fallback")
        href = fallback.split('href="')[1].split('"')[0].replace("&amp;", "&")
        assert href.startswith("mailto:help@example.test?subject=")
        assert "Feedback on: Take card payments" in unquote(href)
        assert "https://help.example.test/articles/pay/cards/" in unquote(href)
        note = page.split('<div data-md-value="0" hidden>')[1].split("</div>")[0]
        assert "mailto:help@example.test?subject=Feedback%20on%3A%20Take%20card%20payments" in note
        assert "body=https://help.example.test/articles/pay/cards/" in note

    def test_related_articles_share_tags(self, site) -> None:
        related = region(content(read(site, "articles/pay/refunds/")), "fd-related")
        assert "Take card payments" in text(related) and 'data-fd-article-level="expert"' in related


def test_related_prefers_shared_tags_then_category() -> None:
    def article(name: str, category: str, tags: tuple[str, ...]) -> ArticleMeta:
        return ArticleMeta(f"{name}.md", f"{name}.md", category, name, "novice", "S", tags)

    articles = [
        article("a", "pay", ("refunds", "cards")),
        article("b", "pay", ("refunds", "cards")),
        article("c", "other", ("refunds",)),
        article("d", "pay", ()),
        article("e", "other", ()),
    ]
    assert [r.title for r in related_articles(articles)["a.md"]] == ["b", "c", "d"]


def test_review_report_lists_stale_articles_oldest_first(
    make_site, build_site, monkeypatch, capsys
) -> None:
    files = {
        "articles/x/stale.md": ARTICLE.format(title="Stale", level="novice", tags="t", extra="reviewed: 2025-01-10\nowner: Priya\n"),
        "articles/x/fresh.md": ARTICLE.format(title="Fresh", level="novice", tags="t", extra="reviewed: 2026-10-01\n"),
        "articles/x/never.md": ARTICLE.format(title="Never", level="novice", tags="t", extra=""),
        "articles/x/older.md": ARTICLE.format(title="Older", level="novice", tags="t", extra="reviewed: 2024-06-01\n"),
    }  # fmt: skip
    root = make_site(files)
    result = CliRunner().invoke(main, ["check", "--reviews", "-f", str(root / "mkdocs.yml")])
    err = capsys.readouterr().err + result.output
    assert result.exit_code == 0
    assert (
        "content/articles/x/stale.md: reviewed: last reviewed 2025-01-10, 682 days ago; due every 12 months; owner Priya"
        in err
    )
    assert "never.md: reviewed: never reviewed" in err and "fresh.md" not in err
    page = content(read(build_site(root), "staff/reviews/"))
    rows = [line for line in text(page).split(" content/articles/x/") if line]
    order = [row.split(".md")[0].split()[-1] for row in rows[1:]]
    assert order == ["never", "older", "stale"]
    assert "Priya" in text(page) and "Fresh" not in text(page)
    assert "data-pagefind-body" not in read(build_site(root), "staff/reviews/")


def test_review_age_is_measured_in_calendar_months() -> None:
    article = ArticleMeta("a.md", "a.md", "c", "A", "novice", "S", reviewed=date(2025, 11, 24))
    assert reviews_due([article], date(2026, 11, 23), 12) == []
    assert len(reviews_due([article], date(2026, 11, 25), 12)) == 1

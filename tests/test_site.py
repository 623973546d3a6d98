"""The built site: front-page panel, banner, status pages, history, built with the real theme."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import EXAMPLE_LANGUAGES, REPO
from pages import announce, content, read, region, text

from frontdesk.content.clock import build_time
from frontdesk.content.loading import load_site
from frontdesk.status.state import active_incidents, uptime

LEVELS = ["novice", "intermediate", "expert"]


def example():
    return load_site(REPO / "content", REPO, LEVELS, languages=EXAMPLE_LANGUAGES).status


def plain(markdown_text: str) -> str:
    """Markdown source reduced to the characters a reader sees, whitespace removed."""
    return squash(re.sub(r"[*_`#>]|\[([^\]]*)\]\([^)]*\)", r"\1", markdown_text))


def squash(value: str) -> str:
    return "".join(value.split())


class TestExampleSite:
    def test_front_page_tells_cause_restoration_and_prevention_without_javascript(
        self, example_site: Path
    ) -> None:
        page = text(region(read(example_site, "/"), "fd-panel"))
        active = active_incidents(example())
        assert active, "the example must have an unresolved incident"
        for incident in active:
            assert incident.title in page
            assert plain(incident.cause) in squash(page)
            assert plain(incident.prevention) in squash(page)
            assert f"Expected back by {incident.eta:%Y-%m-%d %H:%M} UTC" in page
        raw = read(example_site, "/")
        assert '<time datetime="2026-11-23T12:00:00Z" class="fd-local">' in raw

    def test_resolved_incidents_are_absent_from_banner_and_present_in_history(
        self, example_site: Path
    ) -> None:
        status = example()
        front = region(read(example_site, "/"), "fd-panel")
        banner = announce(read(example_site, "articles/account/invite-team-members/"))
        history = content(read(example_site, "status/history/"))
        assert banner, "an article page shows the compact banner during an incident"
        for incident in status.incidents:
            if incident.resolved:
                assert incident.title not in text(front) and incident.title not in text(banner)
            else:
                assert incident.title in text(banner)
            assert text(history).count(incident.title) == 1, incident.id
        for window in status.maintenance:
            assert window.title in text(history)

    def test_front_page_has_no_compact_banner_but_others_do(self, example_site: Path) -> None:
        assert announce(read(example_site, "/")) == ""
        assert "fd-banner" in announce(read(example_site, "status/"))

    def test_compact_banner_is_identical_on_every_page(self, example_site: Path) -> None:
        banners = {announce(read(example_site, url)) for url in (
            "status/", "articles/account/", "articles/account/reset-password/",
            "status/incidents/2026-09-16-card-payments-failing/",
        )} | {announce((example_site / "404.html").read_text(encoding="utf-8"))}  # fmt: skip
        assert len(banners) == 1
        assert 'href="/status/incidents/2026-11-23-mobile-app-sign-in/"' in banners.pop()

    def test_status_yaml_is_not_published(self, example_site: Path) -> None:
        assert not [p for p in example_site.rglob("*") if p.suffix in (".yml", ".yaml")]

    def test_status_page_shows_every_component_with_its_uptime(self, example_site: Path) -> None:
        status = example()
        page = read(example_site, "status/")
        now = build_time({"SOURCE_DATE_EPOCH": "1795428000"})
        for component in status.catalog.components:
            item = text(region(page, 'fd-component" id="component-' + component.id))
            expected = uptime(status, component.id, now).percent
            assert component.name in item
            assert f"{expected:.2f}% uptime" in item
        assert "Current status: partial outage" in text(page)
        assert text(page).count("2026-11-25-payments") == 0  # ids are not shown as text
        assert "Upgrade to card payment and bank feed systems" in text(page)

    def test_day_details_are_readable_without_hover(self, example_site: Path) -> None:
        """Each day with incidents is listed below the bar, newest first, linking each incident."""
        status = example()
        page = read(example_site, "status/")
        now = build_time({"SOURCE_DATE_EPOCH": "1795428000"})
        listed_days = 0
        for component in status.catalog.components:
            item = region(page, f'fd-component" id="component-{component.id}')
            troubled = [d for d in uptime(status, component.id, now).days if d.incidents]
            rows = re.findall(r"<li>(.*?)</li>", region(item, "fd-uptime__days"), re.S)
            assert len(rows) == len(troubled), component.id
            for row, day in zip(rows, reversed(troubled)):
                assert text(row).startswith(f"{day.day} ({day.percent:.2f}%): ")
                links = re.findall(r'<a href="incidents/([^/"]+)/">([^<]+)</a>', row)
                assert links == [(i.id, i.title) for i in day.incidents], (component.id, day.day)
            listed_days += len(rows)
        assert listed_days >= 3  # the example's history touches several components
        payments = region(page, 'fd-component" id="component-payments')
        assert re.search(
            r'title="2026-09-16: \d+\.\d\d%; Card payments on invoices failing"', payments
        )

    def test_incident_page_has_timeline_newest_first_and_postmortem(
        self, example_site: Path
    ) -> None:
        status = example()
        with_postmortem = next(i for i in status.incidents if i.postmortem)
        page = read(example_site, f"status/incidents/{with_postmortem.id}/")
        times = re.findall(
            r'fd-timeline__head"><strong>[^<]+</strong> · <time datetime="([^"]+)"', page
        )
        assert times == sorted(times, reverse=True) and len(times) == len(with_postmortem.updates)
        assert 'id="postmortem"' in page
        assert plain(with_postmortem.compensation.splitlines()[0]) in squash(text(page))

    def test_article_about_an_affected_component_carries_a_notice(self, example_site: Path) -> None:
        notice = region(
            read(example_site, "articles/account/reset-password/"),
            "admonition warning fd-article-notice",
        )
        assert "Sign-in is currently having problems; this may affect these steps." in text(notice)
        unaffected = read(example_site, "articles/integrations/api-quickstart/")
        assert "fd-article-notice" not in unaffected

    def test_every_page_says_when_status_was_built(self, example_site: Path) -> None:
        for url in ("/", "status/", "articles/payments/accept-card-payments/"):
            assert "Service status as of 2026-11-23 10:00 UTC." in text(read(example_site, url))


INCIDENT = """\
title: {title}
impact: {impact}
components: [sign-in]
started: 2026-11-23T09:30:00Z
cause: "{cause}"
eta: 2026-11-23T12:00:00Z
prevention: Expiry alerts.
updates:
  - at: 2026-11-23T09:40:00Z
    status: investigating
    message: Looking.
"""


def test_quiet_site_says_all_operational_and_shows_no_banner(make_site, build_site) -> None:
    site = build_site(
        make_site({"articles/a/b.md": "---\ntitle: B\naudience: novice\nsummary: S.\n---\nText.\n"})
    )
    front = text(region(read(site, "/"), "fd-panel"))
    assert front.startswith("All systems operational Checked 2026-11-23 10:00 UTC.")
    assert announce(read(site, "articles/a/b/")) == ""


def test_critical_incident_banner_cannot_be_dismissed(make_site, build_site) -> None:
    files = {
        "status/incidents/down.yml": INCIDENT.format(
            title="Down", impact="critical", cause="Power."
        )
    }
    banner = announce(read(build_site(make_site(files)), "status/"))
    assert 'data-fd-dismissable="false"' in banner and "Critical incident:" in text(banner)


def test_yaml_markdown_is_rendered_and_html_is_inert(make_site, build_site) -> None:
    cause = (
        "**Bold** <script>alert(1)</script> [x](javascript:alert(2)) <img src=x onerror=alert(3)>"
    )
    files = {
        "status/incidents/x.yml": INCIDENT.format(title="<b>T</b>", impact="major", cause=cause)
    }
    page = read(build_site(make_site(files)), "/")
    assert "<strong>Bold</strong>" in page
    assert (
        "<script>alert(1)" not in page
        and "javascript:alert" not in page
        and "onerror=alert" not in page.replace("&lt;img src=x onerror=alert(3)&gt;", "")
    )
    assert "&lt;b&gt;T&lt;/b&gt;" in page


def test_time_notices_never_fail_a_strict_build(make_site, build_site, monkeypatch, capsys) -> None:
    files = {"status/incidents/x.yml": INCIDENT.format(title="Old", impact="major", cause="C.")}
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795500000")  # 20 hours later: update and ETA overdue
    site = build_site(make_site(files), strict=True)
    assert (site / "index.html").exists()
    err = capsys.readouterr().err
    assert "NOTICE  -  content/status/incidents/x.yml: updates: last update was" in err
    assert "eta: the expected restoration time 2026-11-23 12:00 UTC has passed" in err


def test_maintenance_lookahead_decides_the_banner(make_site, build_site) -> None:
    maintenance = "title: {t}\ncomponents: [api]\nstart: {s}\nend: {e}\ndescription: Work.\n"
    files = {
        "status/maintenance/soon.yml": maintenance.format(
            t="Soon work", s="2026-11-25T02:00:00Z", e="2026-11-25T03:00:00Z"
        ),
        "status/maintenance/later.yml": maintenance.format(
            t="Later work", s="2026-11-30T02:00:00Z", e="2026-11-30T03:00:00Z"
        ),
    }
    site = build_site(make_site(files))
    banner = text(announce(read(site, "status/")))
    assert "Planned maintenance: Soon work, 2026-11-25 02:00 UTC to 2026-11-25 03:00 UTC." in banner
    assert "Later work" not in banner
    assert "Later work" in text(read(site, "status/"))


def test_history_is_paginated_and_loses_nothing(make_site, build_site) -> None:
    resolved = INCIDENT.replace(
        "    message: Looking.\n",
        "    message: Looking.\n  - at: 2026-{m}-23T10:00:00Z\n    status: resolved\n    message: Done.\n",
    )
    files = {
        f"status/incidents/i{n}.yml": resolved.format(title=f"Incident number {n}", impact="minor", cause="C.", m=f"{n:02d}")
        .replace("2026-11-23T09:30", f"2026-{n:02d}-23T09:30").replace("2026-11-23T09:40", f"2026-{n:02d}-23T09:40")
        for n in range(1, 6)
    }  # fmt: skip
    site = build_site(make_site(files, plugin_options={"history_page_size": 2}))
    pages = [
        read(site, "status/history/"),
        read(site, "status/history/page/2/"),
        read(site, "status/history/page/3/"),
    ]
    found = [t for p in pages for t in re.findall(r"Incident number \d", text(content(p)))]
    assert found == [f"Incident number {n}" for n in (5, 4, 3, 2, 1)]
    links = [region(p, "fd-pages") for p in pages]
    assert 'rel="next"' in links[0] and 'rel="prev"' in links[2] and 'rel="next"' not in links[2]

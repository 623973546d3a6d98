"""Hostile text in every content field: a real build must show it as text and never run it.

Each payload goes into every YAML text field of an incident, a maintenance window, a component
and its group, into article and category front matter and into a glossary definition. One site
holds them all; every file the build writes is then read the way its client reads it: HTML with
an HTML parser, feeds with a feed parser (and as XML), JSON with json.loads, the calendar with
icalendar, badges as XML.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest
import yaml
from conftest import EXAMPLE_EPOCH, REPO
from icalendar import Calendar
from mkdocs.commands.build import build
from mkdocs.config import load_config
from pagefind_files import fragments
from pages import read, text
from payloads import JINJA_PRODUCT, PAYLOADS, Finding, scan_html

N = len(PAYLOADS)
PLAIN = "Plain {k}"  # harmless text next to each payload


def cid(k: int) -> str:
    return f"part-{k}"


def dump(document: object) -> str:
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=1000)


def front(meta: dict, body: str) -> str:
    return f"---\n{dump(meta)}---\n{body}\n"


def hostile_files() -> dict[str, str]:
    """content/ of a site with every payload in every text field."""
    files = {"index.md": "---\ntitle: Home\n---\nWelcome.\n"}
    groups = [
        {"name": payload, "components": [{"id": cid(k), "name": payload, "description": payload}]}
        for k, payload in enumerate(PAYLOADS)
    ]
    files["status/components.yml"] = dump({"groups": groups})
    glossary = {}
    for k, payload in enumerate(PAYLOADS):
        texts = {key: payload for key in ("cause", "prevention", "apology", "compensation")}
        files[f"status/incidents/open-{k}.yml"] = dump({
            "title": payload, "impact": "major", "components": [cid(k)],
            "started": "2026-11-23T09:00:00Z", **texts,
            **({"eta": "2026-11-23T12:00:00Z"} if k % 2 else
               {"eta": "unknown", "next_update": "2026-11-23T11:00:00Z"}),
            "updates": [
                {"at": "2026-11-23T09:10:00Z", "status": "investigating", "message": payload},
                {"at": "2026-11-23T09:40:00Z", "status": "identified", "message": payload},
            ],
        })  # fmt: skip
        files[f"status/incidents/closed-{k}.yml"] = dump({
            "title": payload, "impact": "critical", "components": {cid(k): "major_outage"},
            "started": "2026-11-10T09:00:00Z", **texts,
            "updates": [
                {"at": "2026-11-10T09:10:00Z", "status": "investigating", "message": payload},
                {"at": "2026-11-10T11:00:00Z", "status": "resolved", "message": payload},
            ],
            "postmortem": payload,
        })  # fmt: skip
        for name, start, end in (
            ("now", "2026-11-23T09:00:00Z", "2026-11-23T13:00:00Z"),
            ("soon", "2026-11-24T02:00:00Z", "2026-11-24T04:00:00Z"),
        ):
            files[f"status/maintenance/{name}-{k}.yml"] = dump({
                "title": payload, "components": [cid(k)], "start": start, "end": end,
                "description": payload,
                "updates": [{"at": "2026-11-20T09:00:00Z", "status": "scheduled",
                             "message": payload}],
            })  # fmt: skip
        files[f"articles/topic-{k}/index.md"] = front({"title": payload, "summary": payload}, "")
        files[f"articles/topic-{k}/article-{k}.md"] = front(
            {"title": payload, "audience": "novice", "summary": payload,
             "tags": [payload, PLAIN.format(k=k)], "components": [cid(k)]},
            f"Your gizmo{k} is ready. {PLAIN.format(k=k)}.",
        )  # fmt: skip
        glossary[f"gizmo{k}"] = payload
    files["glossary.yml"] = dump(glossary)
    return files


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    settings = {
        "site_name": "Hostile help centre",
        "site_url": "https://help.example.test/",
        "docs_dir": "content",
        "theme": {"name": "material", "custom_dir": str(REPO / "overrides"), "font": False,
                  "features": ["announce.dismiss", "navigation.footer", "navigation.path",
                               "navigation.tabs", "content.tooltips"]},
        "plugins": ["search", "frontdesk"],
        "markdown_extensions": ["abbr", "admonition", "attr_list", "def_list", "md_in_html",
                                "tables", {"toc": {"permalink": True}}, "pymdownx.details",
                                "pymdownx.superfences"],
    }  # fmt: skip
    (root / "mkdocs.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")
    for relative, body in hostile_files().items():
        path = root / "content" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EXAMPLE_EPOCH)
        build(load_config(str(root / "mkdocs.yml"), strict=True, site_dir=str(root / "site")))
    return root / "site"


def output(site: Path, suffix: str) -> list[Path]:
    found = sorted(p for p in site.rglob(f"*{suffix}") if "pagefind" not in p.parts)
    assert found, f"the build wrote no {suffix} files"
    return found


def report(findings: list[Finding]) -> str:
    return f"{len(findings)} findings:\n" + "\n".join(map(str, findings[:40]))


def test_every_payload_reached_the_site(hostile_site: Path) -> None:
    """The scans below mean something only if the payloads are in the pages, shown as text."""
    front_page = text(read(hostile_site, ""))
    for k, payload in enumerate(PAYLOADS):
        shown = " ".join(payload.split())
        assert shown in front_page, payload  # the panel lists every incident under way
        for url in (f"status/incidents/open-{k}/", f"status/maintenance/now-{k}/",
                    f"articles/topic-{k}/article-{k}/"):  # fmt: skip
            assert shown in text(read(hostile_site, url)), (url, payload)


@pytest.fixture(scope="module")
def html_findings(hostile_site: Path) -> list[Finding]:
    findings = []
    for path in output(hostile_site, ".html"):
        findings += scan_html(path.read_text(encoding="utf-8"), str(path.relative_to(hostile_site)))
    return findings


def test_frontdesk_html_never_runs_or_creates_anything_from_a_payload(
    html_findings: list[Finding],
) -> None:
    """Everything Frontdesk renders: panel, banner, status pages, listings, notices, glossary."""
    findings = [f for f in html_findings if not f.in_title]
    assert not findings, report(findings)


# MkDocs hands page titles to the theme as HTML, and Material prints them unescaped in <title>,
# the header, the navigation, the breadcrumbs, the footer and the <h1>. Frontdesk's titles are
# plain text, so the plugin escapes them once (on_page_markdown); these tests hold it to that.
def test_page_titles_printed_by_material_are_text(html_findings: list[Finding]) -> None:
    findings = [f for f in html_findings if f.in_title]
    assert not findings, report(findings)


def test_templates_never_evaluate_payloads(hostile_site: Path) -> None:
    seven, distinctive = JINJA_PRODUCT
    for path in [*output(hostile_site, ".html"), *output(hostile_site, ".json"),
                 *output(hostile_site, ".atom"), *output(hostile_site, ".rss"),
                 *output(hostile_site, ".ics")]:  # fmt: skip
        assert distinctive not in path.read_text(encoding="utf-8"), path
    k = PAYLOADS.index("{{ 7*7 }} and {{ 1234*5 }}")
    page = text(read(hostile_site, f"status/incidents/open-{k}/"))
    assert "{{ 7*7 }} and {{ 1234*5 }}" in page and f" {seven} " not in page
    raw = PAYLOADS.index("{% raw %}{{ 1234*5 }}{% endraw %}")
    assert "{% raw %}{{ 1234*5 }}{% endraw %}" in text(
        read(hostile_site, f"status/maintenance/now-{raw}/")
    )


def _xml_text_findings(root: ET.Element, where: str) -> list[Finding]:
    """Elements a payload could have injected into the XML itself."""
    return [
        Finding(where, f"XML element <{el.tag}> in the feed")
        for el in root.iter()
        if el.tag.rsplit("}", 1)[-1].lower() in ("script", "svg", "img", "a")
    ]


@pytest.mark.parametrize("suffix", [".atom", ".rss"])
def test_feeds_carry_payloads_escaped_once(hostile_site: Path, suffix: str) -> None:
    findings = []
    for path in output(hostile_site, suffix):
        where = str(path.relative_to(hostile_site))
        data = path.read_bytes()
        root = ET.fromstring(data)  # well-formed: no payload broke out of its element
        findings += _xml_text_findings(root, where)
        feed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
        assert not feed.bozo, (where, feed.get("bozo_exception"))
        for entry in feed.entries:
            assert entry.title in PAYLOADS, (where, entry.title)
            body = entry.content[0].value if suffix == ".atom" else entry.description
            findings += scan_html(body, f"{where}: {entry.title!r}")
    assert not findings, report(findings)
    # Titles are plain text (Atom type="text"; RSS titles may not hold HTML, rssboard.org), so a
    # parser that does not sanitise must give back exactly what was written.
    full = feedparser.parse(
        (hostile_site / f"status/feed{suffix}").read_bytes(), sanitize_html=False
    )
    assert sorted(e.title for e in full.entries) == sorted(PAYLOADS * 4)


def test_json_documents_keep_payloads_as_exact_strings(hostile_site: Path) -> None:
    incidents = json.loads((hostile_site / "api/v2/incidents.json").read_text(encoding="utf-8"))
    by_id = {i["id"]: i for i in incidents["incidents"]}
    for k, payload in enumerate(PAYLOADS):
        for state in ("open", "closed"):
            incident = by_id[f"{state}-{k}"]
            assert incident["name"] == payload
            assert {u["body"] for u in incident["incident_updates"]} == {payload.strip()}
            extras = incident["frontdesk"]
            for key in ("cause", "prevention", "apology", "compensation"):
                assert extras[key] == payload.strip(), key
            assert incident["components"][0]["name"] == payload
        assert by_id[f"closed-{k}"]["frontdesk"]["postmortem"] == payload.strip()
    maintenance = json.loads(
        (hostile_site / "api/v2/scheduled-maintenances.json").read_text(encoding="utf-8")
    )
    names = sorted(m["name"] for m in maintenance["scheduled_maintenances"])
    assert names == sorted(PAYLOADS * 2)
    components = json.loads((hostile_site / "api/v2/components.json").read_text("utf-8"))
    found = {c["id"]: c for c in components["components"]}
    for k, payload in enumerate(PAYLOADS):
        assert found[cid(k)]["name"] == payload and found[cid(k)]["description"] == payload
    for path in output(hostile_site, ".json"):
        json.loads(path.read_text(encoding="utf-8"))  # every JSON file parses
    badge = json.loads((hostile_site / f"badges/components/{cid(0)}.json").read_text("utf-8"))
    assert badge["label"] == PAYLOADS[0]


def _pagefind_records(site: Path) -> list[dict]:
    """Pagefind's page records: gzip, a signature, then the JSON the search UI reads."""
    records = [record for bundle in sorted(site.glob("pagefind*/")) for record in fragments(bundle)]
    assert records, "Pagefind wrote no page records"
    return records


def test_search_filters_hold_no_markup(hostile_site: Path) -> None:
    """Pagefind's UI shows filter values as HTML after decoding their entities, so a category
    title must reach the index without characters that could make an element."""
    categories = set()
    for record in _pagefind_records(hostile_site):
        for name, values in record["filters"].items():
            for value in values:
                assert "<" not in value and ">" not in value and "&" not in value, (name, value)
        categories.update(record["filters"].get("category", []))
    assert len(categories) >= N, categories  # one per topic (and the status pages')


def test_calendar_keeps_payloads_as_text(hostile_site: Path) -> None:
    calendar = Calendar.from_ical((hostile_site / "status/maintenance.ics").read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert sorted(str(e["summary"]) for e in events) == sorted(PAYLOADS * 2)
    for event in events:
        assert str(event["summary"]).strip() in str(event["description"])
        assert str(event["url"]).startswith("https://help.example.test/status/maintenance/")


def test_badges_are_well_formed_svg_with_the_name_as_text(hostile_site: Path) -> None:
    svg = "{http://www.w3.org/2000/svg}"
    for k, payload in enumerate(PAYLOADS):
        path = hostile_site / f"badges/components/{cid(k)}.svg"
        root = ET.fromstring(path.read_bytes())
        tags = {el.tag.removeprefix(svg) for el in root.iter()}
        assert tags <= {"svg", "title", "path", "g", "text"}, (payload, tags)
        assert not [a for el in root.iter() for a in el.attrib if a.lower().startswith("on")]
        assert root.find(f"{svg}title").text.startswith(f"{payload}: ")
        assert root.get("aria-label").startswith(f"{payload}: ")


SEARCH_SETTLED = """() => {
  const message = document.querySelector('.pagefind-ui__message');
  return message && /result/.test(message.textContent)
    && !document.querySelector('.pagefind-ui__loading');
}"""


# The browser rewords promises by the reader's clock (frontdesk.js puts HTML the build prepared
# into the page), so pages are read both before any promise time and after all of them: the
# incidents' next update (11:00) and eta (12:00), and the end of every maintenance window.
READER_MOMENTS = {"before the promises": "2026-11-23T10:00:00Z",
                  "after the promises": "2026-11-24T06:00:00Z"}  # fmt: skip
PROMISES = "() => [...document.querySelectorAll('.fd-promise')].map(e => e.outerHTML).join('')"
REWORDED = "() => document.querySelectorAll('.fd-promise[data-fd-since]').length"


@pytest.mark.parametrize("moment", READER_MOMENTS)
def test_no_payload_runs_in_a_browser(hostile_site: Path, moment: str) -> None:
    """The final word: pages and search results in chromium, with any dialog caught."""
    from browser import SiteServer, browser
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    urls = ["", "status/", "status/history/", "status/incidents/open-0/",
            "status/incidents/closed-1/", "status/maintenance/now-2/",
            "articles/topic-3/article-3/", "articles/topic-4/", "levels/novice/",
            "search/?q=alert"]  # fmt: skip
    dialogs: list[str] = []
    reworded = 0
    with browser() as chromium, SiteServer(hostile_site) as server:
        page = chromium.new_page(at=READER_MOMENTS[moment])
        page.on("dialog", lambda d: (dialogs.append(f"{page.url}: {d.message}"), d.dismiss()))
        for url in urls:
            page.goto(server.url + url)
            if url.startswith("search/"):  # results, and a filter for every category
                try:
                    page.wait_for_function(SEARCH_SETTLED, timeout=10000)
                except PlaywrightTimeoutError:
                    dialogs.append(f"{url}: the search never showed its results")
                page.locator(".pagefind-ui__filter-panel details").evaluate_all(
                    "all => all.forEach(d => d.open = true)"
                )
            page.wait_for_timeout(150)
            for link in page.locator("a[href^='javascript' i]").all():
                dialogs.append(f"{url}: javascript link {link.get_attribute('href')}")
            findings = scan_html(page.evaluate(PROMISES), f"{url} as the reader sees it")
            assert not findings, report(findings)
            reworded += page.evaluate(REWORDED)
            assert not dialogs, dialogs
        page.close()
    # The scan covered the reworded HTML only if the page really reworded its promises.
    assert (reworded > 0) == (moment == "after the promises"), reworded

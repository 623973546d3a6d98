"""`frontdesk publish-status` builds the whole site, and says why, when a template or a setting
changed since the last full build or when the navigation would change: the result is then the
same as a full build, changed template or setting included."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLE_EPOCH, REPO
from publishing import ACTIVE, LATER, NEW_INCIDENT, NEW_UPDATE, full_build, run
from site_config import read_config, write_config
from sitecompare import differences

NEW_INCIDENT_ID = "2026-11-23-bank-feeds-delayed"
CHANGED_INPUTS = (
    "Full build needed: articles, templates or settings changed since the last full build."
)
ARTICLE_PAGE = "articles/account/reset-password/index.html"


def publish(root: Path, site: Path, epoch: str, monkeypatch) -> str:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    result = run("publish-status", "-f", str(root / "mkdocs.yml"), str(site))
    assert result.exit_code == 0, result.output
    return result.output


def add_status_update(root: Path) -> None:
    """The status change being published, so that the fallback must carry it as well."""
    active = root / ACTIVE
    active.write_text(active.read_text() + NEW_UPDATE)


def edit_config(root: Path, change) -> None:  # noqa: ANN001
    config_file = root / "mkdocs.yml"
    config = read_config(config_file)  # !ENV tags kept
    change(config)
    write_config(config_file, config)


def frontdesk_options(config: dict) -> dict:
    return next(
        p["frontdesk"] for p in config["plugins"] if isinstance(p, dict) and "frontdesk" in p
    )


def test_a_changed_template_falls_back_to_a_full_build(copy_example, tmp_path, monkeypatch) -> None:
    site = full_build(copy_example, tmp_path / "published", EXAMPLE_EPOCH, monkeypatch)
    # A fragment inside the article's own content, which the fast path would leave as it was.
    fragment = copy_example / "overrides/frontdesk/related.html"
    fragment.parent.mkdir(parents=True, exist_ok=True)
    original = (REPO / "generator/frontdesk/site/templates/frontdesk/related.html").read_text()
    fragment.write_text(original.replace('>{{ _("Related articles") }}<', ">Read next<"))
    add_status_update(copy_example)

    output = publish(copy_example, site, LATER, monkeypatch)

    assert CHANGED_INPUTS in output.splitlines()
    full = full_build(copy_example, tmp_path / "full", LATER, monkeypatch)
    assert differences(site, full) == []
    article = (site / ARTICLE_PAGE).read_text()
    assert ">Read next</h2>" in article and "Related articles" not in article
    assert "sign-ins are recovering" in (site / "status/index.html").read_text()


def _rename_site(config: dict) -> None:
    config["site_name"] = "Tallybook Support"


def _describe_novices(config: dict) -> None:
    frontdesk_options(config)["levels"] = [
        {"name": "novice", "label": "Novice", "description": "First week with Tallybook."},
        {"name": "intermediate", "label": "Intermediate", "description": "Knows the basics."},
        {"name": "expert", "label": "Expert", "description": "Wants the short path."},
    ]


@pytest.mark.parametrize(
    ("change", "visible"),
    [
        # An MkDocs setting, in every page's header and title.
        (_rename_site, "<title>Reset your password - Tallybook Support</title>"),
        # A Frontdesk option, in each article's level badge, which the fast path never touches.
        (_describe_novices, "Written for novice readers: First week with Tallybook."),
    ],
    ids=["site_name", "frontdesk-levels"],
)
def test_a_changed_setting_falls_back_to_a_full_build(
    change, visible, copy_example, tmp_path, monkeypatch
) -> None:
    site = full_build(copy_example, tmp_path / "published", EXAMPLE_EPOCH, monkeypatch)
    edit_config(copy_example, change)
    add_status_update(copy_example)

    output = publish(copy_example, site, LATER, monkeypatch)

    assert CHANGED_INPUTS in output.splitlines()
    full = full_build(copy_example, tmp_path / "full", LATER, monkeypatch)
    assert differences(site, full) == []
    assert visible in " ".join((site / ARTICLE_PAGE).read_text().split())


def test_a_navigation_change_falls_back_to_a_full_build(
    copy_example, tmp_path, monkeypatch
) -> None:
    """A site may list an incident page in its own `nav:` without a title: the navigation then
    shows the incident's title, so renaming the incident changes every page's navigation even
    though no template or setting changed."""
    listed = "status/incidents/2026-11-15-receipt-uploads-stuck"
    edit_config(
        copy_example, lambda config: config["nav"].append({"Last outage": [f"{listed}.md"]})
    )
    site = full_build(copy_example, tmp_path / "published", EXAMPLE_EPOCH, monkeypatch)
    assert "Receipt uploads stuck" not in (site / ARTICLE_PAGE).read_text()
    incident = copy_example / f"content/{listed}.yml"
    old_title = incident.read_text().splitlines()[0]
    assert old_title.startswith("title: ")
    incident.write_text(incident.read_text().replace(old_title, "title: Receipt uploads stuck", 1))

    output = publish(copy_example, site, LATER, monkeypatch)

    assert "Full build needed: the navigation would change." in output.splitlines()
    assert CHANGED_INPUTS not in output.splitlines()
    full = full_build(copy_example, tmp_path / "full", LATER, monkeypatch)
    assert differences(site, full) == []
    nav = (site / ARTICLE_PAGE).read_text().split('class="md-nav md-nav--primary"')[1]
    assert "Receipt uploads stuck" in nav
    assert not (site / ".frontdesk/staging").exists()


def test_nothing_changed_publishes_without_a_full_build(
    copy_example, tmp_path, monkeypatch
) -> None:
    """The same steps with nothing but status changed: the fast path, so the fallbacks above are
    caused by the changes they make; a site without `nav:` keeps status pages out of the
    navigation MkDocs makes, so a new incident is a status change like any other."""
    edit_config(copy_example, lambda config: config.pop("nav"))
    (copy_example / f"content/status/incidents/{NEW_INCIDENT_ID}.yml").write_text(NEW_INCIDENT)
    site = full_build(copy_example, tmp_path / "published", EXAMPLE_EPOCH, monkeypatch)
    add_status_update(copy_example)
    output = publish(copy_example, site, LATER, monkeypatch)
    assert "Full build needed" not in output and "Published:" in output
    full = full_build(copy_example, tmp_path / "full", LATER, monkeypatch)
    assert differences(site, full) == []


def test_fast_only_says_why_and_leaves_the_site_for_the_full_path(
    copy_example, tmp_path, monkeypatch
) -> None:
    site = full_build(copy_example, tmp_path / "published", EXAMPLE_EPOCH, monkeypatch)
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    fragment = copy_example / "overrides/frontdesk/related.html"
    fragment.parent.mkdir(parents=True, exist_ok=True)
    fragment.write_text("<h2>Read next</h2>\n")
    add_status_update(copy_example)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", LATER)
    result = run("publish-status", "--fast-only", "-f", str(copy_example / "mkdocs.yml"), str(site))
    assert result.exit_code == 3
    assert result.output.splitlines()[-1] == CHANGED_INPUTS
    after = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before  # nothing written: the full path builds it

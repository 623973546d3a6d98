"""`frontdesk publish-status` gives the same site as a full build, in place and atomically."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLE_EPOCH
from publishing import ACTIVE, LATER, NEW_INCIDENT, NEW_UPDATE, full_build, run
from sitecompare import differences

from frontdesk.mkdocs.build_cache import CACHE_FILE


def edit_status(root: Path) -> None:
    active = root / ACTIVE
    active.write_text(active.read_text() + NEW_UPDATE)
    resolved = root / "content/status/incidents/2026-10-21-slow-pages-and-api-errors.yml"
    resolved.write_text(
        resolved.read_text() + "postmortem: A database index was missing after an upgrade.\n"
    )
    (root / "content/status/incidents/2026-11-23-bank-feeds-delayed.yml").write_text(NEW_INCIDENT)
    (root / "content/status/maintenance/2026-12-06-email-sending-service-move.yml").unlink()


@pytest.fixture
def before(copy_example: Path, tmp_path: Path, monkeypatch) -> Path:
    return full_build(copy_example, tmp_path / "published", EXAMPLE_EPOCH, monkeypatch)


def test_unchanged_content_publishes_the_same_site(
    copy_example, before, tmp_path, monkeypatch
) -> None:
    reference = shutil.copytree(before, tmp_path / "reference")
    result = run("publish-status", "-f", str(copy_example / "mkdocs.yml"), str(before))
    assert result.exit_code == 0, result.output
    assert "Published:" in result.output
    assert differences(before, reference) == []


def test_status_edits_match_a_full_build_byte_for_byte(
    copy_example, before, tmp_path, monkeypatch
) -> None:
    edit_status(copy_example)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", LATER)
    result = run("publish-status", "-f", str(copy_example / "mkdocs.yml"), str(before))
    assert result.exit_code == 0, result.output
    assert "Full build needed" not in result.output
    assert "pages rendered" in result.output
    full = full_build(copy_example, tmp_path / "full", LATER, monkeypatch)
    assert differences(before, full) == []
    assert (before / "status/incidents/2026-11-23-bank-feeds-delayed/index.html").exists()
    assert not (
        before / "status/maintenance/2026-12-06-email-sending-service-move/index.html"
    ).exists()
    assert (
        "A database index was missing"
        in (before / "status/incidents/2026-10-21-slow-pages-and-api-errors/index.html").read_text()
    )
    banner = (before / "articles/payments/connect-bank-feed/index.html").read_text()
    assert "Bank feeds are delayed" in banner and "sign-ins are recovering" not in banner


def test_files_are_replaced_by_rename_from_staging(copy_example, before, monkeypatch) -> None:
    edit_status(copy_example)
    moves: list[tuple[str, str]] = []
    real_replace = os.replace

    def recording_replace(src, dst):  # noqa: ANN001
        moves.append((str(src), str(dst)))
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", recording_replace)
    result = run("publish-status", "-f", str(copy_example / "mkdocs.yml"), str(before))
    assert result.exit_code == 0, result.output
    targets = {Path(dst).relative_to(before).as_posix() for _, dst in moves}
    assert "index.html" in targets and "status/index.html" in targets
    assert "articles/account/reset-password/index.html" in targets  # banner changed in place
    assert all(".frontdesk" in src for src, dst in moves if not dst.endswith("build.json"))
    assert not (before / ".frontdesk/staging").exists()


def test_a_publish_that_stops_part_way_is_completed_by_the_next(
    copy_example, before, tmp_path, monkeypatch
) -> None:
    """Pages already moved into place, then a failure: no staging is left behind, the build
    record still describes the last complete publish, and the next publish repairs the rest."""
    edit_status(copy_example)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", LATER)
    record = (before / ".frontdesk/build.json").read_bytes()

    def disk_full(*args):  # noqa: ANN002
        raise OSError("No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr("frontdesk.mkdocs.publish._remove_stale", disk_full)
        result = run("publish-status", "-f", str(copy_example / "mkdocs.yml"), str(before))
    assert result.exit_code != 0
    assert not (before / ".frontdesk/staging").exists()
    assert not list(before.glob(".pagefind*"))
    assert (before / ".frontdesk/build.json").read_bytes() == record

    result = run("publish-status", "-f", str(copy_example / "mkdocs.yml"), str(before))
    assert result.exit_code == 0, result.output
    full = full_build(copy_example, tmp_path / "full", LATER, monkeypatch)
    assert differences(before, full) == []


def test_an_article_edit_falls_back_to_a_full_build(
    copy_example, before, tmp_path, monkeypatch
) -> None:
    article = copy_example / "content/articles/account/reset-password.md"
    article.write_text(
        article.read_text().replace("Reset your password", "Reset a forgotten password", 1)
    )
    result = run("publish-status", "-f", str(copy_example / "mkdocs.yml"), str(before))
    assert result.exit_code == 0, result.output
    assert (
        "Full build needed: articles, templates or settings changed since the last full build."
        in result.output
    )
    assert (
        "Reset a forgotten password"
        in (before / "articles/account/reset-password/index.html").read_text()
    )
    full = full_build(copy_example, tmp_path / "full", EXAMPLE_EPOCH, monkeypatch)
    assert differences(before, full) == []


def test_a_site_never_fully_built_is_built_in_full(copy_example, tmp_path) -> None:
    result = run("publish-status", "-f", str(copy_example / "mkdocs.yml"), str(tmp_path / "empty"))
    assert result.exit_code == 0, result.output
    assert "has no record of a full Frontdesk build" in result.output
    assert (tmp_path / "empty/status/index.html").exists()


def test_publish_reuses_the_articles_read_by_the_last_build(
    copy_example, before, monkeypatch
) -> None:
    def unexpected(*args, **kwargs):
        raise AssertionError("articles read again although the build's record holds")

    edit_status(copy_example)
    monkeypatch.setattr("frontdesk.content.loading.site.load_articles", unexpected)
    result = run("publish-status", "-f", str(copy_example / "mkdocs.yml"), str(before))
    assert result.exit_code == 0, result.output


def test_changed_components_make_publish_check_the_articles_again(
    copy_example, before, monkeypatch
) -> None:
    """An article naming a component that no longer exists must fail, not pass from a cache."""
    components = copy_example / "content/status/components.yml"
    components.write_text(components.read_text().replace("id: bank-feeds", "id: bank-links"))
    for path in (copy_example / "content/status").rglob("*.yml"):
        path.write_text(path.read_text().replace("bank-feeds", "bank-links"))
    published = sorted(p.relative_to(before) for p in before.rglob("*"))
    banner_page = (before / "articles/payments/connect-bank-feed/index.html").read_bytes()
    result = run("publish-status", "-f", str(copy_example / "mkdocs.yml"), str(before))
    assert result.exit_code == 1
    defined = "api, bank-links, email-delivery, invoicing, mobile-apps, payments, sign-in, web-app"
    assert result.output.splitlines() == [
        "Error: 2 problems in the content:",
        "  content/articles/payments/connect-bank-feed.md:6: components[0]: unknown component "
        f"id 'bank-feeds'; components.yml defines {defined}",
        "  content/articles/payments/payouts-explained.md:6: components[1]: unknown component "
        f"id 'bank-feeds'; components.yml defines {defined}",
    ]
    # Nothing was published: the site is as the last build left it.
    assert sorted(p.relative_to(before) for p in before.rglob("*")) == published
    assert (before / "articles/payments/connect-bank-feed/index.html").read_bytes() == banner_page


def test_a_damaged_cache_only_costs_time(copy_example, before, tmp_path, monkeypatch) -> None:
    (before / CACHE_FILE).write_bytes(b"not a pickle")
    edit_status(copy_example)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", LATER)
    result = run("publish-status", "-f", str(copy_example / "mkdocs.yml"), str(before))
    assert result.exit_code == 0, result.output
    full = full_build(copy_example, tmp_path / "full", LATER, monkeypatch)
    assert differences(before, full) == []

"""`frontdesk publish-status` gives the same site as a full build, in place and atomically."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLE_EPOCH
from publishing import ACTIVE, LATER, NEW_INCIDENT, NEW_UPDATE, full_build, run
from sitecompare import differences

from frontdesk.mkdocs import page_patcher
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


def test_every_page_is_replaced_by_a_rename(copy_example, before, monkeypatch) -> None:
    """Rendered pages come from staging; patched pages are written beside themselves first.
    Either way a reader gets the old page or the new one, never part of one."""
    edit_status(copy_example)
    moves: list[tuple[str, str]] = []
    real_replace = os.replace

    def recording_replace(src, dst):  # noqa: ANN001
        moves.append((str(src), str(dst)))
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", recording_replace)
    result = run("publish-status", "-f", str(copy_example / "mkdocs.yml"), str(before))
    assert result.exit_code == 0, result.output
    sources = {Path(dst).relative_to(before).as_posix(): src for src, dst in moves}
    staging = str(before / ".frontdesk/staging") + "/"
    assert sources["index.html"].startswith(staging)
    assert sources["status/index.html"].startswith(staging)
    article = "articles/account/reset-password/index.html"  # its banner changed in place
    assert sources[article] == str(before / "articles/account/reset-password/.index.html.new")
    moved = {dst for dst in sources if dst.endswith(".html")}
    assert moved == {p.relative_to(before).as_posix() for p in before.rglob("*.html")}
    assert not (before / ".frontdesk/staging").exists()
    assert not list(before.rglob("*.new"))


def test_two_processes_patch_the_pages_a_full_build_writes(
    copy_example, before, tmp_path, monkeypatch
) -> None:
    forked = []
    real_fork = page_patcher.HelperProcess.fork

    def recording_fork(*args, **kwargs):  # noqa: ANN002, ANN003
        forked.append(real_fork(*args, **kwargs))
        return forked[-1]

    monkeypatch.setattr(page_patcher, "PARALLEL_FROM", 1)
    monkeypatch.setattr(page_patcher.HelperProcess, "fork", recording_fork)
    edit_status(copy_example)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", LATER)
    result = run("publish-status", "-f", str(copy_example / "mkdocs.yml"), str(before))
    assert result.exit_code == 0, result.output
    assert len(forked) == 1 and forked[0] is not None
    full = full_build(copy_example, tmp_path / "full", LATER, monkeypatch)
    assert differences(before, full) == []


def test_a_failure_in_the_second_process_fails_the_publish(
    copy_example, before, tmp_path, monkeypatch
) -> None:
    """Its error is reported as its own, every page is whole, and the next publish completes."""
    edit_status(copy_example)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", LATER)
    record = (before / ".frontdesk/build.json").read_bytes()
    real_patch = page_patcher.patch_in_place

    def failing_patch(*args):  # noqa: ANN002
        if os.getpid() != parent:
            raise OSError(28, "No space left on device")
        return real_patch(*args)

    parent = os.getpid()
    with monkeypatch.context() as patch:
        patch.setattr(page_patcher, "PARALLEL_FROM", 1)
        patch.setattr(page_patcher, "patch_in_place", failing_patch)
        result = run("publish-status", "-f", str(copy_example / "mkdocs.yml"), str(before))
    assert result.exit_code != 0
    assert "stopped: [Errno 28] No space left on device" in result.output
    assert "run publish-status again to complete the change" in result.output
    assert (before / ".frontdesk/build.json").read_bytes() == record
    assert not list(before.rglob("*.new"))
    for page in before.rglob("*.html"):
        assert page.read_text().rstrip().endswith("</html>"), page

    result = run("publish-status", "-f", str(copy_example / "mkdocs.yml"), str(before))
    assert result.exit_code == 0, result.output
    full = full_build(copy_example, tmp_path / "full", LATER, monkeypatch)
    assert differences(before, full) == []


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
        f"id 'bank-feeds' (did you mean 'bank-links'?); components.yml defines {defined}",
        "  content/articles/payments/payouts-explained.md:6: components[1]: unknown component "
        f"id 'bank-feeds' (did you mean 'bank-links'?); components.yml defines {defined}",
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

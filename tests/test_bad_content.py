"""Every bad input in tests/bad_content fails with exactly the messages its expected.txt lists.

Each case folder holds files laid over a small valid site (content/...), the messages it must
produce (expected.txt) and, optionally, files to delete from the valid site (remove.txt).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from mkdocs.exceptions import Abort

from frontdesk.cli.main import main
from frontdesk.content.errors import ContentError
from frontdesk.content.loading import load_site

CASES = Path(__file__).parent / "bad_content"
LEVELS = ["novice", "intermediate", "expert"]


def _lay_out(case: Path, root: Path) -> None:
    shutil.copytree(case / "content", root / "content", dirs_exist_ok=True)
    removals = case / "remove.txt"
    for relative in removals.read_text().split() if removals.exists() else []:
        (root / "content" / relative).unlink()


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir()))
def test_bad_content_reports_its_message(case: str, make_site, tmp_path: Path) -> None:
    root = make_site()
    _lay_out(CASES / case, root)
    expected = (CASES / case / "expected.txt").read_text().splitlines()
    with pytest.raises(ContentError) as caught:
        load_site(root / "content", root, LEVELS)
    assert [str(p) for p in caught.value.problems] == expected


def test_check_lists_every_problem_and_exits_1(make_site) -> None:
    root = make_site()
    for case in ("bad-impact", "unknown-audience", "maintenance-end-before-start"):
        _lay_out(CASES / case, root)
    result = CliRunner().invoke(main, ["check", "-f", str(root / "mkdocs.yml")])
    assert result.exit_code == 1
    for case in ("bad-impact", "unknown-audience", "maintenance-end-before-start"):
        assert (CASES / case / "expected.txt").read_text().strip() in result.output


def test_build_fails_on_bad_content_and_writes_no_site(make_site, build_site, caplog) -> None:
    root = make_site()
    _lay_out(CASES / "update-after-resolved", root)
    with pytest.raises(Abort):
        build_site(root)
    assert "after.yml:15: updates[2]: no update may follow" in caplog.text
    assert not (root / "site" / "index.html").exists()


def test_frontdesk_build_exits_nonzero_with_the_message(make_site) -> None:
    root = make_site()
    _lay_out(CASES / "bad-impact", root)
    result = CliRunner().invoke(main, ["build", "-f", str(root / "mkdocs.yml")])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    expected = (CASES / "bad-impact" / "expected.txt").read_text().strip()
    at = lines.index("ERROR   -  1 problem in the content:")
    assert lines[at + 1] == f"  {expected}"
    assert expected == (
        "content/status/incidents/huge.yml:2: impact: expected one of none, minor, major, "
        "critical; got 'huge'"
    )
    assert not (root / "site" / "index.html").exists()

"""Two builds of the repository's site at the same SOURCE_DATE_EPOCH are byte for byte the same.

The builds run as separate `frontdesk build` processes, from copies of the sources in different
folders, with different hash seeds and time zones, so that set order, absolute paths or the local
time cannot leak into the output unnoticed.

Pagefind is the one exception, and only in three kinds of small index file: it writes each
filter's values in hash-map order, which changes from run to run (Pagefind issue #638: fragment
files are stable since 1.3.0, "filter/metadata indexes" still are not). Those files are decoded
and compared as data (tests/sitecompare.py): the same pages carry the same filter values.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from conftest import EXAMPLE_EPOCH
from sitecompare import differences

from frontdesk.mkdocs.build_cache import CACHE_FILE


def build(root: Path, out: Path, hash_seed: str, zone: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ, "SOURCE_DATE_EPOCH": EXAMPLE_EPOCH, "PYTHONHASHSEED": hash_seed,
        "TZ": zone, "NO_MKDOCS_2_WARNING": "1",
    }  # fmt: skip
    return subprocess.run(
        [sys.executable, "-m", "frontdesk", "build", "-f", str(root / "mkdocs.yml"),
         "--site-dir", str(out)],
        cwd=root, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip


def test_two_builds_are_byte_identical(copy_example: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere" / "example"
    shutil.copytree(copy_example, elsewhere)
    jobs = [
        (copy_example, tmp_path / "one", "1", "UTC"),
        (elsewhere, tmp_path / "two", "2", "Pacific/Kiritimati"),
    ]
    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = list(pool.map(lambda job: build(*job), jobs))
    for run in runs:
        assert run.returncode == 0, run.stderr[-3000:]
    one = tmp_path / "one"
    files = {p.relative_to(one).as_posix() for p in one.rglob("*") if p.is_file()}
    assert len(files) > 100 and "sitemap.xml.gz" in files and "status/feed.atom" in files
    assert differences(one, tmp_path / "two") == []
    # Left out of the site comparison as working state, but it must not vary either.
    assert (one / CACHE_FILE).read_bytes() == (tmp_path / "two" / CACHE_FILE).read_bytes()

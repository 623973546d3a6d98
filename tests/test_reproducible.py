"""Two builds of the repository's site at the same SOURCE_DATE_EPOCH are byte for byte the same.

The builds run as separate `frontdesk build` processes, from copies of the sources in different
folders, with different hash seeds and time zones, so that set order, absolute paths or the local
time cannot leak into the output unnoticed.

Pagefind is the one exception, and only in three kinds of small index file: it writes each
filter's values in hash-map order, which changes from run to run (Pagefind issue #638: fragment
files are stable since 1.3.0, "filter/metadata indexes" still are not). Those files are checked
for the same content in another order instead.
"""

from __future__ import annotations

import fnmatch
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from conftest import EXAMPLE_EPOCH

FILTER = "pagefind*/filter/*.pf_filter"  # one filter's values, in hash-map order
META = "pagefind*/pagefind.*.pf_meta"  # names the filter files by content hash, in any order
ENTRY = "pagefind*/pagefind-entry.json"  # names the meta file by its content hash
EXCEPTIONS = (FILTER, META, ENTRY)


def build(root: Path, out: Path, hash_seed: str, zone: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ, "SOURCE_DATE_EPOCH": EXAMPLE_EPOCH, "PYTHONHASHSEED": hash_seed,
        "TZ": zone, "NO_MKDOCS_2_WARNING": "1",
    }  # fmt: skip
    return subprocess.run(
        [sys.executable, "-m", "generator", "build", "-f", str(root / "mkdocs.yml"),
         "--site-dir", str(out)],
        cwd=root, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def excepted(path: str) -> bool:
    return any(fnmatch.fnmatch(path, pattern) for pattern in EXCEPTIONS)


def unzipped(data: bytes) -> bytes:
    return gzip.decompress(data)


def same_content_reordered(one: dict[str, bytes], two: dict[str, bytes]) -> list[str]:
    """Problems with the excepted Pagefind files: each must hold the same bytes as its twin."""
    problems = []
    for bundle in sorted({path.split("/", 1)[0] for path in one if excepted(path)}):
        filters = {}  # the second build's filter hash -> the first build's, matched by content
        firsts = {
            bytes(sorted(unzipped(data))): path for path, data in one.items()
            if fnmatch.fnmatch(path, f"{bundle}/filter/*.pf_filter")
        }  # fmt: skip
        for path, data in two.items():
            if fnmatch.fnmatch(path, f"{bundle}/filter/*.pf_filter"):
                twin = firsts.pop(bytes(sorted(unzipped(data))), None)
                if twin is None:
                    problems.append(f"{path}: no filter file of the first build has its content")
                else:
                    filters[_hash(path)] = _hash(twin)
        problems += [f"{path}: no twin in the second build" for path in firsts.values()]
        metas = [
            [
                data
                for path, data in files.items()
                if fnmatch.fnmatch(path, f"{bundle}/pagefind.*.pf_meta")
            ]
            for files in (one, two)
        ]
        first_meta, second_meta = (unzipped(m[0]) if len(m) == 1 else b"" for m in metas)
        for theirs, ours in filters.items():
            second_meta = second_meta.replace(theirs.encode(), ours.encode())
        if sorted(first_meta) != sorted(second_meta) or not first_meta:
            problems.append(f"{bundle}: the metadata indexes differ in content, not only order")
        entries = [
            re.sub(r'"hash":"[^"]+"', '"hash":""', files[f"{bundle}/pagefind-entry.json"].decode())
            for files in (one, two)
        ]
        if json.loads(entries[0]) != json.loads(entries[1]):
            problems.append(f"{bundle}/pagefind-entry.json: differs beyond the meta file's hash")
    return problems


def _hash(path: str) -> str:
    return path.rsplit("/", 1)[-1].split(".")[0]


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
    one, two = tree(tmp_path / "one"), tree(tmp_path / "two")
    assert len(one) > 100 and "sitemap.xml.gz" in one and "status/feed.atom" in one

    only = sorted(set(one) ^ set(two))
    differing = sorted(path for path in set(one) & set(two) if one[path] != two[path])
    unexpected = [path for path in only + differing if not excepted(path)]
    assert not unexpected, "files that differ between the builds:\n" + "\n".join(unexpected)
    assert not same_content_reordered(one, two)


def test_only_pagefind_filter_indexes_are_excepted() -> None:
    """The exceptions must stay narrow: no page, feed, API document or asset may match them."""
    for path in ("index.html", "status/feed.atom", "api/v2/summary.json", "sitemap.xml.gz",
                 "pagefind/fragment/en_1234567.pf_fragment", "pagefind/index/en_1.pf_index",
                 "pagefind/pagefind.js", "pagefind-status/wasm.en.pagefind"):  # fmt: skip
        assert not excepted(path), path
    for path in ("pagefind/filter/en_33186c7.pf_filter", "pagefind/pagefind-entry.json",
                 "pagefind-status/pagefind.en_81e57e7d78.pf_meta"):  # fmt: skip
        assert excepted(path), path

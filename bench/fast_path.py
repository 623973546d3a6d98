"""The publishing workflow's two paths, simulated on this machine for a status-only push.

    python bench/fast_path.py            # the repository's own site
    python bench/fast_path.py --runs 3   # median of three

Both paths start from a fresh clone of the pushed commit and a warm pip cache, as a runner with
`actions/setup-python`'s pip cache does. The fast path installs Frontdesk, checks the content,
restores the last full build's site (here a copy from disk, standing in for `actions/cache`) and
runs `frontdesk publish-status --fast-only`. The full path installs with the test extras, runs
the test suite, checks and builds from scratch (on the commit before the push, whose content
the tests know). Network time to GitHub (checkout, cache download,
Pages deploy) is not included.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "FRONTDESK_REQUIRE_BROWSER": "1"}
UPDATE = """\
  - at: 2026-11-23T09:58:00Z
    status: identified
    message: A fixed version of the app is with the app stores for review.
"""
INCIDENT = "content/status/incidents/2026-11-23-mobile-app-sign-in.yml"


def sh(*command: str | Path, cwd: Path, env: dict | None = None) -> float:
    start = time.perf_counter()
    subprocess.run([str(c) for c in command], cwd=cwd, env=env or ENV, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    return time.perf_counter() - start


def venv(work: Path, name: str) -> tuple[Path, dict]:
    sh(sys.executable, "-m", "venv", work / name, cwd=work)
    bin_dir = work / name / "bin"
    return bin_dir, {**ENV, "PATH": f"{bin_dir}{os.pathsep}{ENV['PATH']}"}


def clone(source: Path, target: Path) -> float:
    return sh("git", "clone", "-q", source, target, cwd=source.parent)


def pushed_repository(work: Path) -> Path:
    """A copy of this repository with one status-only commit on top: what a support agent pushes."""
    origin = work / "origin"
    clone(REPO, origin)
    incident = origin / INCIDENT
    incident.write_text(incident.read_text() + UPDATE)
    sh("git", "-c", "user.name=Staff", "-c", "user.email=staff@example.test", "commit", "-qam",
       "Incident update", cwd=origin)  # fmt: skip
    return origin


def last_full_build(work: Path, origin: Path, epoch: str) -> Path:
    """The site the full path kept for the commit before the push (its cache entry)."""
    before = work / "before"
    sh("git", "clone", "-q", origin, before, cwd=work)
    sh("git", "checkout", "-q", "HEAD~1", cwd=before)
    bin_dir, env = venv(work, "venv-before")
    sh(bin_dir / "pip", "install", "-q", "-e", ".", cwd=before, env=env)
    sh(bin_dir / "frontdesk", "build", cwd=before, env={**env, "SOURCE_DATE_EPOCH": epoch})
    return before / "site"


def fast_path(work: Path, origin: Path, cached: Path, epoch: str) -> dict[str, float]:
    run = work / "fast"
    times = {"clone": clone(origin, run)}
    start = time.perf_counter()
    bin_dir, env = venv(work, "venv-fast")
    sh(bin_dir / "pip", "install", "-q", "-e", ".", cwd=run, env=env)
    times["install"] = time.perf_counter() - start
    times["check"] = sh(bin_dir / "frontdesk", "check", cwd=run, env=env)
    start = time.perf_counter()
    shutil.copytree(cached, run / "site")
    times["restore"] = time.perf_counter() - start
    times["publish-status"] = sh(bin_dir / "frontdesk", "publish-status", "--fast-only", "site",
                                 cwd=run, env={**env, "SOURCE_DATE_EPOCH": epoch})  # fmt: skip
    return times


def full_path(work: Path, origin: Path, epoch: str) -> dict[str, float]:
    """The full path as it runs for any other push. Its tests know the example's content as it
    was before the status update (they assert on it), so it runs on the commit before: the same
    code, the same amount of work."""
    run = work / "full"
    times = {"clone": clone(origin, run)}
    sh("git", "checkout", "-q", "HEAD~1", cwd=run)
    start = time.perf_counter()
    bin_dir, env = venv(work, "venv-full")
    sh(bin_dir / "pip", "install", "-q", "-e", ".[test]", cwd=run, env=env)
    times["install"] = time.perf_counter() - start
    times["tests"] = sh(bin_dir / "pytest", "-q", "-p", "no:cacheprovider", cwd=run, env=env)
    times["check"] = sh(bin_dir / "frontdesk", "check", cwd=run, env=env)
    times["build"] = sh(bin_dir / "frontdesk", "build", cwd=run,
                        env={**env, "SOURCE_DATE_EPOCH": epoch})  # fmt: skip
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--no-full", action="store_true", help="time the fast path only")
    args = parser.parse_args()
    epoch = "1795428600"  # 2026-11-23T10:10:00Z, after the pushed update
    fast_runs, full_runs = [], []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory(prefix="frontdesk-paths-") as folder:
            work = Path(folder)
            origin = pushed_repository(work)
            cached = last_full_build(work, origin, "1795428000")
            fast_runs.append(fast_path(work, origin, cached, epoch))
            if not args.no_full:
                full_runs.append(full_path(work, origin, epoch))
    for name, runs in (("fast path", fast_runs), ("full path", full_runs)):
        if not runs:
            continue
        steps = {step: statistics.median(run[step] for run in runs) for step in runs[0]}
        total = statistics.median(sum(run.values()) for run in runs)
        shown = ", ".join(f"{step} {seconds:.1f} s" for step, seconds in steps.items())
        print(f"{name}: {total:.1f} s ({shown}; median of {len(runs)})")


if __name__ == "__main__":
    main()

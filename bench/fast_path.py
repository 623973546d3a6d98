"""The publishing workflow's one command, `frontdesk publish`, simulated on this machine.

    python bench/fast_path.py                   # this repository's site
    python bench/fast_path.py --articles 5000   # a new site grown to 5,000 articles
    python bench/fast_path.py --runs 3          # median of three

Each run installs Frontdesk into a fresh virtual environment from a warm pip cache (as a runner
with a pip cache, or PyPI's wheels, gives it), restores the last published site (a copy standing
in for `actions/cache`), and times `frontdesk publish site` twice, each in a process of its own:
after a status-only change (the status alone is published into the site) and after an article
edit (a full build). `--articles N` times a site that `frontdesk new` started and that grew to N
articles (bench/synthetic.py: its configuration is the starter's, with a search bundle, levels
and ten categories). GitHub's own steps (starting runners, checkout, the cache download, the
Pages deploy) are not included.
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
from datetime import timedelta
from pathlib import Path

import yaml

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))

from synthetic import NOW, generate  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
PUBLISHED = str(int(NOW.timestamp()))
LATER = str(int((NOW + timedelta(minutes=10)).timestamp()))


def sh(*command: str | Path, cwd: Path, env: dict | None = None) -> float:
    start = time.perf_counter()
    subprocess.run([str(c) for c in command], cwd=cwd, env=env or ENV, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    return time.perf_counter() - start


def site_sources(work: Path, articles: int | None) -> tuple[Path, Path, Path]:
    """The sources, the incident a status change updates, and an article an edit changes."""
    root = work / "sources"
    if articles is None:
        shutil.copytree(REPO, root, ignore=shutil.ignore_patterns(".git", "site", "__pycache__"))
        incident = "content/status/incidents/2026-11-23-mobile-app-sign-in.yml"
        return root, root / incident, root / "content/articles/account/reset-password.md"
    generate(root, articles, 20)
    article = sorted((root / "content/articles").rglob("*.md"))[-1]
    return root, root / "content/status/incidents/incident-00000.yml", article


def add_update(incident: Path) -> None:
    data = yaml.safe_load(incident.read_text(encoding="utf-8"))
    data["updates"].append({"at": NOW + timedelta(minutes=5), "status": "identified",
                            "message": "We have found the cause and are fixing it."})  # fmt: skip
    incident.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def one_run(work: Path, articles: int | None) -> dict[str, float]:
    root, incident, article = site_sources(work, articles)
    start = time.perf_counter()
    sh(sys.executable, "-m", "venv", work / "venv", cwd=work)
    bin_dir = work / "venv/bin"
    env = {**ENV, "PATH": f"{bin_dir}{os.pathsep}{ENV['PATH']}"}
    sh(bin_dir / "pip", "install", "-q", "-e", REPO, cwd=work, env=env)
    times = {"install": time.perf_counter() - start}
    # The last run's site, with its build record: what actions/cache restores.
    sh(
        bin_dir / "frontdesk",
        "publish",
        "site",
        cwd=root,
        env={**env, "SOURCE_DATE_EPOCH": PUBLISHED},
    )
    kept = work / "kept-site"
    shutil.copytree(root / "site", kept)
    shutil.rmtree(root / "site")
    start = time.perf_counter()
    shutil.copytree(kept, root / "site")
    times["restore"] = time.perf_counter() - start
    add_update(incident)
    later = {**env, "SOURCE_DATE_EPOCH": LATER}
    times["publish, status only"] = sh(
        bin_dir / "frontdesk", "publish", "site", cwd=root, env=later
    )
    article.write_text(article.read_text(encoding="utf-8") + "\nOne more sentence.\n")
    times["publish, article edit"] = sh(
        bin_dir / "frontdesk", "publish", "site", cwd=root, env=later
    )
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--articles", type=int, help="a new site grown to this many articles")
    args = parser.parse_args()
    runs = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory(prefix="frontdesk-publish-") as folder:
            runs.append(one_run(Path(folder), args.articles))
    what = f"{args.articles} articles" if args.articles else "this repository's site"
    for step in runs[0]:
        seconds = statistics.median(run[step] for run in runs)
        print(f"{what}: {step} {seconds:.1f} s (median of {len(runs)})")


if __name__ == "__main__":
    main()

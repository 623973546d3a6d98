"""Frontdesk benchmarks: build overhead, status scaling, fast status publish, search payload.

    python bench/bench.py                 # 1,000 and 5,000 articles (takes several minutes)
    python bench/bench.py --sizes 1000    # a quicker run

Each build runs in its own process; times are wall-clock seconds on this machine, peak memory is
the largest resident set of the build and the processes it started. Figures go in bench/README.md.
"""

from __future__ import annotations

import argparse
import gzip
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

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import EPOCH, NOW, generate  # noqa: E402

ENV = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}


def measure(command: list[str], cwd: Path) -> tuple[float, float]:
    """(seconds, peak MB) of a command, run in a fresh measuring process."""
    probe = (
        "import resource, subprocess, sys, time\n"
        "start = time.perf_counter()\n"
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "print(time.perf_counter() - start, peak)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe, *command], cwd=cwd, env=ENV, check=True,
                         capture_output=True, text=True).stdout.split()  # fmt: skip
    return float(out[0]), float(out[1])


def frontdesk(*args: str) -> list[str]:
    return [sys.executable, "-m", "frontdesk", *args]


def mkdocs(*args: str) -> list[str]:
    return [sys.executable, "-m", "mkdocs", *args, "-q"]


def table(title: str, header: list[str], rows: list[list[object]]) -> None:
    print(f"\n{title}\n")
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---" for _ in header) + "|")
    for row in rows:
        print("| " + " | ".join(str(cell) for cell in row) + " |")


BUILDS = {
    "frontdesk": ("frontdesk", "mkdocs.yml", "site"),
    "frontdesk-builtin": ("frontdesk", "mkdocs-builtin.yml", "site-builtin"),
    "plain": ("mkdocs", "mkdocs-plain.yml", "site-plain"),
    "plain-nosearch": ("mkdocs", "mkdocs-nosearch.yml", "site-nosearch"),
}


def timed_builds(root: Path, repeat: int) -> dict[str, tuple[float, float]]:
    """Median seconds and largest peak MB of each build in BUILDS, run in turn `repeat` times:
    interleaved, so that a slow spell on a shared machine falls on all of them alike."""
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in BUILDS}
    for _ in range(repeat):
        for name, (tool, config, out) in BUILDS.items():
            shutil.rmtree(root / out, ignore_errors=True)
            command = frontdesk if tool == "frontdesk" else mkdocs
            runs[name].append(measure(command("build", "-f", config, "-d", str(root / out)), root))
    return {
        name: (statistics.median(t for t, _ in results), max(mb for _, mb in results))
        for name, results in runs.items()
    }


def build_overhead(workdir: Path, sizes: list[int], incidents: int, repeat: int) -> dict:
    rows, sites = [], {}
    for size in sizes:
        root = generate(workdir / f"hc-{size}", size, incidents)
        times = timed_builds(root, repeat)
        (full, full_mb), (plain, plain_mb) = times["frontdesk"], times["plain"]
        rows.append([size, incidents, f"{full:.1f}", f"{plain:.1f}", f"{full / plain:.2f}x",
                     f"{full_mb:.0f}", f"{plain_mb:.0f}"])  # fmt: skip
        sites[size] = (root, times)
    table(f"Build: Frontdesk against plain Material for MkDocs (same articles; median of {repeat})",
          ["articles", "incidents", "Frontdesk s", "plain s", "ratio", "Frontdesk peak MB", "plain peak MB"], rows)  # fmt: skip
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        growth = float(last[2]) / float(first[2])
        print(
            f"\nFrontdesk build time grows {growth:.2f}x for {last[0] / first[0]:.0f}x the articles."
        )
    return sites


def status_scaling(workdir: Path, counts: list[int]) -> None:
    """The status section alone (load, derive, render every status page and document)."""
    from frontdesk.content.loading import load_status
    from frontdesk.site.markup import markdown_renderer
    from frontdesk.site.rendering import Renderer, history_src
    from frontdesk.status.machine import SiteInfo, machine_readable_files
    from frontdesk.status.view import StatusView

    rows = []
    for count in counts:
        root = generate(workdir / f"status-{count}", 0, count)
        start = time.perf_counter()
        content = load_status(root / "content", root)
        view = StatusView(content, NOW)
        markdown = markdown_renderer()
        renderer = Renderer(markdown)
        renderer.status_page(view, "status/")
        for incident in content.incidents:
            renderer.incident_page(view, incident, f"status/incidents/{incident.id}/")
        for number in range(1, view.history_pages + 1):
            renderer.history_page(view, number, history_src(number))
        machine_readable_files(view, SiteInfo("T", "https://t.example/"), markdown)
        rows.append([count, f"{time.perf_counter() - start:.2f}"])
    for row, previous in zip(rows[1:], rows):
        row.append(
            f"{float(row[1]) / float(previous[1]):.1f}x for {row[0] / previous[0]:.0f}x incidents"
        )
    rows[0].append("")
    table("Status section alone (load, derive, render all status pages and documents)",
          ["incidents", "seconds", "growth"], rows)  # fmt: skip


def fast_publish(sites: dict) -> None:
    rows = []
    for size, (root, times) in sites.items():
        incident = root / "content/status/incidents/incident-00000.yml"
        data = yaml.safe_load(incident.read_text())
        data["updates"].append({"at": NOW + timedelta(minutes=20), "status": "identified",
                                "message": "We found the cause and are fixing it."})  # fmt: skip
        incident.write_text(yaml.safe_dump(data, sort_keys=False))
        publish, _ = measure(frontdesk("publish-status", str(root / "site")), root)
        full = times["frontdesk"][0]
        rows.append([size, f"{full:.1f}", f"{publish:.2f}", f"{100 * publish / full:.1f}%"])
    table(
        "Status update: full build against publish-status",
        ["articles", "full build s", "publish-status s", "share"],
        rows,
    )


def search_payload(sites: dict) -> None:
    rows = []
    for size, (root, times) in sites.items():
        builtin = root / "site-plain/search/search_index.json"
        builtin_gz = len(gzip.compress(builtin.read_bytes(), 6))
        builtin_share = times["plain"][0] - times["plain-nosearch"][0]
        pagefind, with_builtin = times["frontdesk"][0], times["frontdesk-builtin"][0]
        rows.append([size, f"{builtin.stat().st_size / 1e6:.1f} MB", f"{builtin_gz / 1e3:.0f} KB",
                     f"{first_query_bytes(root / 'site', 'invoice') / 1e3:.0f} KB",
                     f"{builtin_share:.1f}", f"{with_builtin:.1f}", f"{pagefind:.1f}",
                     f"{pagefind / with_builtin:.2f}x"])  # fmt: skip
    table("Search: what a browser downloads before the first result, and what the index costs",
          ["articles", "built-in index", "built-in gzipped", "Pagefind first query (compressed)",
           "built-in search share of plain build s", "Frontdesk with built-in search s",
           "Frontdesk with Pagefind s", "ratio"], rows)  # fmt: skip


def first_query_bytes(site: Path, query: str) -> int:
    """Bytes fetched by headless Chromium for /search/?q=…, each counted gzip-compressed as served."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    from browser import SiteServer, browser

    fetched: dict[str, bytes] = {}
    with SiteServer(site) as server, browser() as chromium:
        page = chromium.new_page()
        page.on("response", lambda r: fetched.setdefault(r.url, r.body() if r.ok else b""))
        page.goto(server.url + f"search/?q={query}")
        page.wait_for_selector(".pagefind-ui__result")
        page.close()
    search = {u: b for u, b in fetched.items() if "pagefind" in u}
    return sum(len(b) if u.endswith((".pf_fragment", ".pf_index", ".pf_meta", ".pf_filter", ".pagefind"))
               else len(gzip.compress(b, 6)) for u, b in search.items())  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="1000,5000", help="article counts, comma separated")
    parser.add_argument("--incidents", type=int, default=500, help="incidents in each help centre")
    parser.add_argument("--keep", type=Path, help="keep the generated sites here")
    parser.add_argument("--repeat", type=int, default=3, help="builds of each kind (median)")
    options = parser.parse_args()
    sizes = [int(size) for size in options.sizes.split(",")]
    workdir = options.keep or Path(tempfile.mkdtemp(prefix="frontdesk-bench-"))
    print(f"Machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; sites in {workdir}")
    try:
        sites = build_overhead(workdir, sizes, options.incidents, options.repeat)
        status_scaling(workdir, [500, 5000])
        search_payload(sites)
        fast_publish(sites)
    finally:
        if not options.keep:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()

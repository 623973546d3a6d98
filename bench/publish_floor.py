"""publish-status against its floor: reading, patching and renaming every built page once.

    python bench/publish_floor.py                    # 1,000 and 5,000 articles, 500 incidents
    python bench/publish_floor.py --sizes 1000 --repeat 5
    python bench/publish_floor.py --floor SITE_DIR   # the floor alone, on a built site

A status change puts a new banner into every page (it shows without JavaScript), so the least a
status publish can do is read each built page, replace its banner, write the result beside it and
rename it over the old one. `--floor` does exactly that, in one process, and nothing else. For
each size the benchmark builds a synthetic help centre once, then alternates the floor and
`frontdesk publish-status` (each after a new incident update, so that every banner changes), and
reports the median of each and their ratio. Both run in fresh processes, timed from outside.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import NOW, generate  # noqa: E402

from bench import frontdesk, measure, table  # noqa: E402

BANNER = '<div data-md-component="announce">'


def floor(site: Path) -> int:
    """Read, patch and atomically replace every built page; returns how many were patched."""
    patched = 0
    for folder, _, names in os.walk(site):
        for name in names:
            if not name.endswith(".html"):
                continue
            path = os.path.join(folder, name)
            with open(path, encoding="utf-8") as handle:
                html = handle.read()
            start = html.find(BANNER)
            if start < 0:
                continue
            end = html.find("</div>", start)
            html = html[:start] + BANNER + "<!-- new banner -->" + html[end:]
            temporary = os.path.join(folder, f".{name}.new")
            with open(temporary, "w", encoding="utf-8") as handle:
                handle.write(html)
            os.replace(temporary, path)
            patched += 1
    return patched


def add_update(root: Path, minutes: int) -> None:
    """A new update on the active incident: every page's banner changes."""
    incident = root / "content/status/incidents/incident-00000.yml"
    data = yaml.safe_load(incident.read_text())
    data["updates"].append({"at": NOW - timedelta(minutes=45 - minutes), "status": "identified",
                            "message": f"Update {minutes}: we are fixing it."})  # fmt: skip
    incident.write_text(yaml.safe_dump(data, sort_keys=False))


def compare(workdir: Path, size: int, incidents: int, repeat: int) -> list[object]:
    root = generate(workdir / f"hc-{size}", size, incidents)
    measure(frontdesk("build"), root)
    floors, publishes = [], []
    for run in range(repeat):
        floors.append(measure([sys.executable, __file__, "--floor", str(root / "site")], root)[0])
        add_update(root, run + 1)
        publishes.append(measure(frontdesk("publish-status", str(root / "site")), root)[0])
    low, publish = statistics.median(floors), statistics.median(publishes)
    pages = sum(1 for _ in (root / "site").rglob("*.html"))
    return [f"{size:,}", f"{pages:,}", f"{low:.2f}", f"{publish:.2f}", f"{publish / low:.1f}x"]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--floor", type=Path, help="run the floor alone on this built site")
    parser.add_argument("--sizes", default="1000,5000", help="article counts, comma separated")
    parser.add_argument("--incidents", type=int, default=500, help="incidents in each help centre")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each (median)")
    parser.add_argument("--keep", type=Path, help="keep the generated sites here")
    options = parser.parse_args()
    if options.floor:
        floor(options.floor)
        return
    workdir = options.keep or Path(tempfile.mkdtemp(prefix="frontdesk-floor-"))
    print(f"Machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; sites in {workdir}")
    try:
        rows = [
            compare(workdir, int(size), options.incidents, options.repeat)
            for size in options.sizes.split(",")
        ]
    finally:
        if not options.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    table(
        f"Status publish against its floor (median of {options.repeat}, same run)",
        ["articles", "pages", "floor s", "publish-status s", "ratio"],
        rows,
    )


if __name__ == "__main__":
    main()

"""`frontdesk new`: a complete help centre to start from, which builds strictly as it is.

The files are the package's starter_site/ folder, with the site's name, where to install
Frontdesk from and
dates around the moment of writing filled in: an incident resolved a few days ago, maintenance
planned a few days ahead, articles reviewed today. Hidden files are stored as dot-<name>, so
every packaging tool ships them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from importlib import metadata
from pathlib import Path

STARTER = Path(__file__).parent / "starter_site"
SITE_MARKERS = ("mkdocs.yml", "content")


class SiteExists(Exception):
    """The folder already holds a site."""


@dataclass(frozen=True)
class NewSite:
    root: Path
    written: tuple[Path, ...]
    samples: tuple[Path, ...]  # example status entries, to delete before the site goes live
    requirement: str  # how the site's workflow installs Frontdesk (requirements.txt)
    unreachable: str | None = None  # why that requirement may not install in CI, if it may not


def installed_requirement(dist: metadata.Distribution | None = None) -> tuple[str, str | None]:
    """A requirement that installs the Frontdesk running now on a CI runner, from where it came
    from (PEP 610's direct_url.json): a package index, a git repository, an archive URL. From a
    folder or file on this machine, the version, and why a runner may not find it."""
    dist = dist or metadata.distribution("frontdesk")
    direct = dist.read_text("direct_url.json")
    pinned = f"frontdesk=={dist.version}"
    if not direct:
        return pinned, None
    origin = json.loads(direct)
    url = origin.get("url", "")
    if vcs := origin.get("vcs_info"):
        return f"frontdesk @ {vcs['vcs']}+{url}@{vcs['commit_id']}", None
    if url.startswith(("https://", "http://")):
        return f"frontdesk @ {url}", None
    return pinned, (
        f"Frontdesk {dist.version} was installed from {url}, which a CI runner cannot reach, so "
        f"requirements.txt names {pinned}: a package index must have it. Otherwise replace it "
        "with where your CI installs Frontdesk from (or give `frontdesk new --requirement`)."
    )


def create_site(
    root: Path, name: str, now: datetime, force: bool = False, requirement: str | None = None
) -> NewSite:
    """Write the starter site into `root`; refuse a folder holding a site unless `force`.
    `requirement` says how its workflow installs Frontdesk; by default, from where this one was
    installed from."""
    present = [marker for marker in SITE_MARKERS if (root / marker).exists()]
    if present and not force:
        raise SiteExists(
            f"{root}: already holds a site ({', '.join(present)}); use --force to write the "
            "starter files over it"
        )
    unreachable = None
    if requirement is None:
        requirement, unreachable = installed_requirement()
    values = {**_values(name, now), "__REQUIREMENT__": requirement}
    written = []
    for source in sorted(p for p in STARTER.rglob("*") if p.is_file()):
        target = root / _fill(_unhidden(source.relative_to(STARTER)).as_posix(), values)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_fill(source.read_text(encoding="utf-8"), values), encoding="utf-8")
        written.append(target)
    samples = (
        root / f"content/status/incidents/{values['__RESOLVED_ID__']}.yml",
        root / f"content/status/maintenance/{values['__MAINTENANCE_ID__']}.yml",
    )
    return NewSite(root, tuple(written), samples, requirement, unreachable)


def _values(name: str, now: datetime) -> dict[str, str]:
    today = now.replace(hour=0, minute=0, second=0, microsecond=0)
    resolved = today - timedelta(days=12) + timedelta(hours=9, minutes=10)
    window = today + timedelta(days=10, hours=2)
    return {
        "__SITE_NAME__": json.dumps(name, ensure_ascii=False),  # a quoted YAML string
        "__TODAY__": f"{today:%Y-%m-%d}",
        "__NOW__": _moment(now),
        "__RESOLVED_ID__": f"{resolved:%Y-%m-%d}-slow-pages-in-the-web-app",
        "__RESOLVED_START__": _moment(resolved),
        "__RESOLVED_FIRST__": _moment(resolved + timedelta(minutes=15)),
        "__RESOLVED_ETA__": _moment(resolved + timedelta(hours=2)),
        "__RESOLVED_LAST__": _moment(resolved + timedelta(hours=1, minutes=30)),
        "__MAINTENANCE_ID__": f"{window:%Y-%m-%d}-faster-sign-in-servers",
        "__MAINTENANCE_START__": _moment(window),
        "__MAINTENANCE_END__": _moment(window + timedelta(hours=1)),
    }


def _moment(when: datetime) -> str:
    return f"{when:%Y-%m-%dT%H:%M:%S}Z"


def _fill(text: str, values: dict[str, str]) -> str:
    for placeholder, value in values.items():
        text = text.replace(placeholder, value)
    return text


def _unhidden(relative: Path) -> Path:
    return Path(*(f".{part[4:]}" if part.startswith("dot-") else part for part in relative.parts))

"""Virtual environments that hold Frontdesk's declared dependencies and nothing else, made
offline: each distribution the package needs (from its metadata, extras and markers included) is
linked in from the environment the tests run in. No pip, no setuptools, no index."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement


def declared_closure(name: str = "frontdesk") -> dict[str, metadata.Distribution]:
    """The distributions `name` needs when installed without extras, and what they need in turn."""
    found: dict[str, metadata.Distribution] = {}
    wanted: list[tuple[str, frozenset[str]]] = [(name, frozenset())]
    while wanted:
        project, extras = wanted.pop()
        dist = metadata.distribution(project)
        key = dist.metadata["Name"].lower().replace("_", "-")
        if key != name:
            found[key] = dist
        for line in dist.requires or []:
            requirement = Requirement(line)
            marker = requirement.marker
            if marker is None or any(marker.evaluate({"extra": e}) for e in extras or {""}):
                wanted.append((requirement.name, frozenset(requirement.extras)))
    return found


def make_venv(folder: Path, with_pip: bool = False) -> tuple[Path, Path]:
    """A new virtual environment holding the declared dependencies; its python and purelib."""
    options = [] if with_pip else ["--without-pip"]
    subprocess.run([sys.executable, "-m", "venv", *options, folder], check=True)
    python = folder / "bin" / "python"
    purelib = Path(subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip())  # fmt: skip
    link_distributions(declared_closure().values(), folder)
    return python, purelib


def link_distributions(dists: Iterable[metadata.Distribution], venv: Path) -> None:
    """Each distribution's files in `venv`'s site-packages, as links to the installed ones."""
    python = venv / "bin" / "python"
    purelib = Path(subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip())  # fmt: skip
    for dist in dists:
        for file in dist.files or []:
            if file.parts[0] == "..":  # scripts and data outside site-packages
                continue
            target = purelib / file
            target.parent.mkdir(parents=True, exist_ok=True)
            if not target.exists():
                target.symlink_to(Path(dist.locate_file(file)).resolve())

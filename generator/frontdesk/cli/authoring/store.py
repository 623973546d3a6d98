"""Reading status files as the build sees them, and replacing them only with validated text.

Validation is the loader's own (frontdesk.content.loading.status_files), run on the would-be file, so an
edit can never write what `frontdesk check` or the build would refuse.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

from frontdesk.cli.authoring.paths import StatusPaths
from frontdesk.content.errors import ContentError, Problem
from frontdesk.content.loading.status_files import _load_incident, _load_maintenance, load_catalog
from frontdesk.content.models import Component, Incident, Maintenance

T = TypeVar("T", Incident, Maintenance)
Loader = Callable[[Path, Path, set[str], list[Problem]], T | None]


@dataclass(frozen=True)
class Written:
    """What an edit wrote, and the commit that should publish it."""

    path: Path
    shown: str  # relative to the repository root
    commit_message: str


def known_components(paths: StatusPaths) -> list[Component]:
    problems: list[Problem] = []
    catalog = load_catalog(
        paths.components_file, paths.repo_root, problems, needed=True, languages=paths.languages
    )
    if problems:
        raise ContentError(problems)
    return list(catalog.components)


def read_incident(paths: StatusPaths, incident_id: str) -> Incident:
    """The incident as the build sees it; its file must be valid before it is edited."""
    return _check(paths, paths.existing(paths.incident(incident_id)), _load_incident)


def read_maintenance(paths: StatusPaths, window_id: str) -> Maintenance:
    return _check(paths, paths.existing(paths.maintenance(window_id)), _load_maintenance)


def write_incident(paths: StatusPaths, target: Path, text: str) -> Incident:
    return _replace_checked(paths, target, text, _load_incident)


def write_maintenance(paths: StatusPaths, target: Path, text: str) -> Maintenance:
    return _replace_checked(paths, target, text, _load_maintenance)


def _check(paths: StatusPaths, path: Path, loader: Loader, shown: str | None = None) -> T:
    """Load one file with the build's loader; problems are reported as belonging to `shown`."""
    problems: list[Problem] = []
    catalog = load_catalog(
        paths.components_file, paths.repo_root, problems, needed=True, languages=paths.languages
    )
    known = {c.id for c in catalog.components}
    entry = loader(path, paths.repo_root, known, problems, paths.languages)
    if shown is not None:
        draft = paths.show(path)
        problems = [replace(p, path=shown) if p.path == draft else p for p in problems]
    if problems or entry is None:
        raise ContentError(problems)
    return entry


def _replace_checked(paths: StatusPaths, target: Path, text: str, loader: Loader) -> T:
    """Write `text` to `target` only if the loader accepts it; all or nothing.

    The draft is written under its final name in a hidden folder beside the target, so the
    loader's checks (the file name included) apply unchanged, the loaders and MkDocs skip it as a
    dot folder, and os.replace moves it within one file system: readers see the old file or the
    new one, never a part of either.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix=".frontdesk-draft-", dir=target.parent))
    try:
        draft = workdir / target.name
        with draft.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        entry = _check(paths, draft, loader, shown=paths.show(target))
        if target.exists():
            shutil.copymode(target, draft)
        os.replace(draft, target)
        _sync_folder(target.parent)
        return entry
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows cannot open a folder for this."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)

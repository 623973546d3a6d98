"""Where a site's status files live, given its docs directory and repository root."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from frontdesk.cli.authoring.errors import AuthoringError
from frontdesk.content.loading.status_files import (
    COMPONENTS_FILE,
    INCIDENTS_DIR,
    MAINTENANCE_DIR,
    STATUS_DIR,
    relative,
)
from frontdesk.content.loading.yamlfile import ID_PATTERN

TEMPLATES_DIR = "templates"


@dataclass(frozen=True)
class StatusPaths:
    docs_dir: Path
    repo_root: Path
    languages: tuple[str, ...] = ()  # the site's language codes, the default first

    @property
    def status_dir(self) -> Path:
        return self.docs_dir / STATUS_DIR

    @property
    def components_file(self) -> Path:
        return self.status_dir / COMPONENTS_FILE

    @property
    def incidents_dir(self) -> Path:
        return self.status_dir / INCIDENTS_DIR

    @property
    def maintenance_dir(self) -> Path:
        return self.status_dir / MAINTENANCE_DIR

    @property
    def templates_dir(self) -> Path:
        return self.status_dir / TEMPLATES_DIR

    def incident(self, incident_id: str) -> Path:
        return self.incidents_dir / f"{checked_id(incident_id, 'incident')}.yml"

    def maintenance(self, window_id: str) -> Path:
        return self.maintenance_dir / f"{checked_id(window_id, 'maintenance')}.yml"

    def new_file(self, kind: str, given: str | None, derived: str) -> Path:
        """Where a new incident or maintenance window goes; a derived id never overwrites."""
        make = self.incident if kind == "incident" else self.maintenance
        if given is not None:
            target = make(given)
            if target.exists():
                raise AuthoringError(f"{self.show(target)}: already exists; choose another id")
            return target
        target, number = make(derived), 2
        while target.exists():  # the same title twice in a day: ...-sign-in-fails-2
            target, number = make(f"{derived}-{number}"), number + 1
        return target

    def show(self, path: Path) -> str:
        """The path as messages name it: relative to the repository root."""
        return relative(path, self.repo_root)

    def existing(self, path: Path) -> Path:
        """`path` if it exists; otherwise a refusal that suggests the nearest existing ids."""
        if path.is_file():
            return path
        others = sorted(p.stem for p in path.parent.glob("*.yml")) if path.parent.is_dir() else []
        near = difflib.get_close_matches(path.stem, others, n=3, cutoff=0.5)
        hint = f"; did you mean {', '.join(near)}?" if near else ""
        raise AuthoringError(f"{self.show(path)}: no such file{hint}")


def checked_id(value: str, what: str) -> str:
    """An id safe to use as a file name: it becomes one, so `../x` must never get through."""
    if not ID_PATTERN.match(value):
        raise AuthoringError(
            f"{what} id: expected lowercase letters, digits and dashes; got {value!r}"
        )
    return value

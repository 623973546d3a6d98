"""A published status: the Statuspage documents of a built site folder or of the live site."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

INCIDENTS = "api/v2/incidents.json"
MAINTENANCE = "api/v2/scheduled-maintenances.json"
STATUS = "api/v2/status.json"
SUMMARY = "api/v2/summary.json"
# Left by save-status in its folder when the site was accepted as not published before, so that
# notify can tell a first publish from a state that failed to be saved.
FIRST_PUBLISH = "first-publish.txt"
FETCH_TIMEOUT = 15  # seconds for each document of the live site
JSON = dict[str, Any]


class StateError(Exception):
    """A state that exists but cannot be read; the message names the document."""


@dataclass(frozen=True)
class StatusState:
    incidents: list[JSON]
    maintenance: list[JSON]
    page: JSON
    status: JSON

    @property
    def moment(self) -> datetime:
        """When the site described this state (its build time)."""
        return parse_time(self.page["updated_at"])


def parse_time(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def is_url(where: str) -> bool:
    return where.startswith(("http://", "https://"))


def read_state(where: str) -> StatusState | None:
    """The state published at a folder or URL; None when it has no status documents (a site
    not yet published, or a 404)."""
    texts = _published(where)
    return None if texts is None else _state(texts, where)


def save_state(where: str, folder: Path) -> bool:
    """Copy the documents published at `where` into `folder`; False if there are none. All of
    them are read, and each checked to be JSON, before anything is written."""
    texts = _published(where)
    if texts is None:
        return False
    (folder / FIRST_PUBLISH).unlink(missing_ok=True)
    _parsed(texts, where)
    for name, text in texts.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return True


def clear_state(folder: Path) -> None:
    """Forget what an earlier save left in `folder`, so that a failed save never passes for it."""
    for name in (INCIDENTS, MAINTENANCE, STATUS, FIRST_PUBLISH):
        (folder / name).unlink(missing_ok=True)


def mark_first_publish(folder: Path, where: str, why: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / FIRST_PUBLISH).write_text(f"Nothing published at {where} yet: {why}.\n")


def marked_first_publish(where: str) -> bool:
    return not is_url(where) and (Path(where) / FIRST_PUBLISH).is_file()


def live_difference(url: str, site_dir: Path) -> str | None:
    """Why the site at `url` is not the one built in `site_dir` (its summary.json differs or is
    missing); None when it is."""
    built = json.loads((site_dir / SUMMARY).read_text(encoding="utf-8"))
    address = f"{url.rstrip('/')}/{SUMMARY}"
    text = _fetch(url, SUMMARY)
    if text is None:
        return f"{address} answered 404"
    live = _parse(text, address)
    if live != built:
        described = live.get("page", {}).get("updated_at", "unknown")
        return (f"{address} is not the new one: it describes {described}, the new site "
                f"{built['page']['updated_at']}")  # fmt: skip
    return None


def _parsed(texts: dict[str, str], where: str) -> dict[str, JSON]:
    return {name: _parse(text, f"{where.rstrip('/')}/{name}") for name, text in texts.items()}


def _state(texts: dict[str, str], where: str) -> StatusState:
    documents = _parsed(texts, where)
    try:
        return StatusState(
            incidents=documents[INCIDENTS]["incidents"],
            maintenance=documents[MAINTENANCE]["scheduled_maintenances"],
            page=documents[INCIDENTS]["page"],
            status=documents[STATUS]["status"],
        )
    except (KeyError, TypeError) as exc:
        raise StateError(f"{where}: a status document lacks {exc}") from None


def _published(where: str) -> dict[str, str] | None:
    """The text of each status document at a folder or URL; None if one is missing."""
    texts = {}
    for name in (INCIDENTS, MAINTENANCE, STATUS):
        text = _fetch(where, name) if is_url(where) else _read(Path(where), name)
        if text is None:
            return None
        texts[name] = text
    return texts


def _read(folder: Path, name: str) -> str | None:
    path = folder / name
    return path.read_text(encoding="utf-8") if path.is_file() else None


def _fetch(url: str, name: str) -> str | None:
    import requests  # only for a live site: the commands that never fetch start faster

    address = f"{url.rstrip('/')}/{name}"
    try:
        response = requests.get(address, timeout=FETCH_TIMEOUT)
    except requests.RequestException as exc:
        raise StateError(f"{address}: could not be fetched ({type(exc).__name__})") from None
    if response.status_code == 404:
        return None
    if response.status_code != 200:
        raise StateError(f"{address}: HTTP {response.status_code}")
    response.encoding = "utf-8"
    return response.text


def _parse(text: str, where: str) -> JSON:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise StateError(f"{where}:{exc.lineno}: not JSON ({exc.msg})") from None
    if not isinstance(document, dict):
        raise StateError(f"{where}: expected a JSON object")
    return document

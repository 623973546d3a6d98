"""The build's notion of now: SOURCE_DATE_EPOCH when set, so builds are reproducible."""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import UTC, datetime


class ClockError(ValueError):
    pass


def build_time(environ: Mapping[str, str] = os.environ) -> datetime:
    """The moment a build describes, in UTC, truncated to the second."""
    raw = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return datetime.now(UTC).replace(microsecond=0)
    try:
        return datetime.fromtimestamp(int(raw), tz=UTC)
    except (ValueError, OverflowError, OSError) as exc:
        raise ClockError(
            f"SOURCE_DATE_EPOCH: expected whole seconds since 1970; got {raw!r}"
        ) from exc

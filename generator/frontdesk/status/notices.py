"""Loud, never fatal, reports of promises that time has overtaken.

They go to their own logger, outside MkDocs' `mkdocs.*` hierarchy, so that `--strict` (which fails
on MkDocs warnings) never blocks the deploy that would fix them.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable

from frontdesk.content.errors import Problem
from frontdesk.status.state import time_notices
from frontdesk.status.view import StatusView

logger = logging.getLogger("frontdesk.notices")


class _StderrHandler(logging.StreamHandler):
    """Writes to whatever sys.stderr is at the time of writing (test runners replace it)."""

    @property
    def stream(self):  # noqa: ANN201
        return sys.stderr

    @stream.setter
    def stream(self, _value: object) -> None:
        pass


if not logger.handlers:
    handler = _StderrHandler()
    handler.setFormatter(logging.Formatter("NOTICE  -  %(message)s"))
    logger.addHandler(handler)
    logger.propagate = False
    logger.setLevel(logging.INFO)


def report_notices(view: StatusView, content_notices: Iterable[Problem] = ()) -> list[Problem]:
    """Print every notice: promises overtaken by time, then advice about content."""
    notices = [
        *time_notices(view.content, view.now, view.settings.update_interval),
        *content_notices,
    ]
    for notice in notices:
        logger.warning("%s", notice)
    return notices

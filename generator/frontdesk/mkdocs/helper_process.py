"""A forked process that does part of a build and hands its results back.

The helper starts as a copy of the build (`fork`), so it shares everything the build has read
without sending it anywhere. What it hands back goes through a temporary file, in frames the
build reads once the helper has stopped; its log messages are kept, not printed, so that the
build can log them itself, in its own order, where they count towards `--strict`.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import pickle
import sys
import tempfile
import traceback
from collections.abc import Callable
from typing import IO, Any


class HelperError(RuntimeError):
    """The helper stopped without handing over its work."""


def can_fork() -> bool:
    """`fork` exists and is safe with what a build loads (not on macOS, whose system libraries
    may not survive it)."""
    return hasattr(os, "fork") and sys.platform not in ("darwin", "win32")


class LogCapture(logging.Handler):
    """Keeps log records, made picklable, in `records` (which the helper may swap per page)."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        copy = logging.makeLogRecord(record.__dict__)
        copy.msg, copy.args = record.getMessage(), None
        if record.exc_info:
            copy.exc_text = "".join(traceback.format_exception(*record.exc_info))
            copy.exc_info = None
        self.records.append(copy)


def log_again(records: list[logging.LogRecord]) -> None:
    """Log a helper's records in this process, through the loggers they came from."""
    for record in records:
        logging.getLogger(record.name).handle(record)


def picklable(error: Exception) -> Exception:
    """The error itself if it survives the trip between processes, else its description."""
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:  # noqa: BLE001 (any error class may refuse to pickle in its own way)
        return RuntimeError(f"{type(error).__name__}: {error}")
    return error


class HelperProcess:
    """One forked helper. `work(send, capture)` runs in it: `send` hands an object back,
    `capture` holds what the `logger` tree logs there."""

    def __init__(self, pid: int, results: IO[bytes]) -> None:
        self._pid = pid
        self._results = results
        self._frames: list[Any] | None = None
        self._failure: HelperError | None = None

    @classmethod
    def fork(
        cls, work: Callable[[Callable[[Any], None], LogCapture], None], logger: str
    ) -> HelperProcess | None:
        """Start the helper; None if this system cannot."""
        if not can_fork():
            return None
        results = tempfile.TemporaryFile()  # noqa: SIM115 (closed once read)
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        gc.freeze()  # objects the collector never visits are not copied page by page
        try:
            pid = os.fork()
        except OSError:
            gc.unfreeze()
            results.close()
            return None
        if pid == 0:  # the helper: never returns
            status = 1
            try:
                capture = LogCapture()
                log = logging.getLogger(logger)
                log.handlers, log.propagate = [capture], False
                work(lambda item: pickle.dump(item, results, pickle.HIGHEST_PROTOCOL), capture)
                results.flush()
                status = 0
            finally:
                os._exit(status)
        return cls(pid, results)

    def wait(self) -> list[Any]:
        """Everything the helper sent, once it has stopped; HelperError if it failed (again on
        every later call)."""
        if self._frames is None:
            _, status = os.waitpid(self._pid, 0)
            gc.unfreeze()
            self._frames = []
            try:
                if status != 0:
                    self._failure = HelperError(
                        "a process building alongside the build stopped unexpectedly (wait"
                        f" status {status}); build with the frontdesk option `parallel: false`"
                        " to see why"
                    )
                else:
                    self._results.seek(0)
                    with contextlib.suppress(EOFError):
                        while True:
                            self._frames.append(pickle.load(self._results))  # noqa: S301
            finally:
                self._results.close()
        if self._failure is not None:
            raise self._failure
        return self._frames

    def stop(self) -> None:
        """Stop the helper at once (the build failed)."""
        if self._frames is None:
            with contextlib.suppress(OSError):
                os.kill(self._pid, 9)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self._pid, 0)
            gc.unfreeze()
            self._frames = []
            self._results.close()

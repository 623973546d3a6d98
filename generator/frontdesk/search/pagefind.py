"""A client for the Pagefind binary's service mode (`pagefind --service`).

The protocol: each request is base64 of a JSON object `{"message_id", "payload"}` followed by a
comma on stdin; each reply comes back the same way on stdout. Requests are pipelined: `request`
returns at once and `reply` waits for the answer, so pages stream to Pagefind's own process while
the build goes on. Pagefind stops at the end of its input without finishing what is queued, so
the process is stopped only once every reply has been read. (The pagefind package's asyncio
client polls its pipe once every 0.1 s per reply: 1,010 pages took 102 s with it, 1.6 s through
this client.) The binary itself comes from the pagefind package.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import subprocess
import tempfile
import time
from typing import Any

from pagefind.service import get_executable


class PagefindError(RuntimeError):
    pass


class PagefindService:
    """One Pagefind process. Its replies go to a temporary file rather than a pipe, so that it
    never waits for this process to read them and no reader thread competes with the build."""

    def __init__(self) -> None:
        binary = get_executable()
        if binary is None:
            raise PagefindError("Pagefind's binary is not installed (pip install 'pagefind[bin]')")
        self._replies_file = tempfile.TemporaryFile()  # noqa: SIM115 (closed by close())
        try:
            self._process = subprocess.Popen(
                [str(binary), "--service"],
                stdin=subprocess.PIPE,
                stdout=self._replies_file,
                stderr=subprocess.DEVNULL,
            )
        except OSError as exc:
            self._replies_file.close()
            raise PagefindError(f"could not start Pagefind: {exc}") from exc
        self._next_id = 0
        self._read_to = 0
        self._pending: list[bytes] = []  # the start of a reply not yet complete
        self._replies: dict[int, dict[str, Any]] = {}

    def request(self, payload: dict[str, Any], *, send_now: bool = False) -> int:
        """Send one request without waiting; returns its id for `reply`. Requests are buffered
        until the buffer fills or a reply is awaited; `send_now` sends this one at once (a
        request for a bundle's files that Pagefind should start on while the build goes on)."""
        self._next_id += 1
        message = json.dumps({"message_id": self._next_id, "payload": payload})
        try:
            self._process.stdin.write(base64.b64encode(message.encode("utf-8")) + b",")
            if send_now:
                self._process.stdin.flush()
        except (BrokenPipeError, ValueError) as exc:
            raise PagefindError("Pagefind stopped unexpectedly") from exc
        return self._next_id

    def reply(self, message_id: int, timeout: float = 900) -> dict[str, Any]:
        """The answer to a request; raises PagefindError for an error reply or a dead process."""
        self._process.stdin.flush()
        deadline = time.monotonic() + timeout
        while message_id not in self._replies:
            stopped = self._process.poll() is not None
            if not self._read_replies() and (stopped or time.monotonic() > deadline):
                raise PagefindError("Pagefind stopped without answering")
            time.sleep(0.002)
        payload = self._replies.pop(message_id)
        if payload.get("type") == "Error":
            raise PagefindError(f"Pagefind: {payload.get('message', 'unknown error')}")
        return payload

    def answered(self, message_id: int) -> bool:
        """Whether the reply to a request has come, without waiting for it."""
        self._read_replies()
        return message_id in self._replies

    def call(self, payload: dict[str, Any]) -> dict[str, Any]:
        return self.reply(self.request(payload))

    def close(self) -> None:
        if self._process.poll() is None:
            self._process.kill()
        self._process.wait()
        with contextlib.suppress(OSError):  # unsent requests of a stopped process
            self._process.stdin.close()
        self._replies_file.close()

    def _read_replies(self) -> bool:
        """Take in the replies written since the last look; True if there were any. Everything
        written is read at once: a bundle's files come back as one reply of many megabytes."""
        fd = self._replies_file.fileno()
        data = os.pread(fd, max(os.fstat(fd).st_size - self._read_to, 0), self._read_to)
        if not data:
            return False
        self._read_to += len(data)
        if b"," not in data:
            self._pending.append(data)
            return True
        *messages, rest = b"".join([*self._pending, data]).split(b",")
        self._pending = [rest] if rest else []
        for message in messages:
            self._store(json.loads(base64.b64decode(message)))
        return True

    def _store(self, reply: dict[str, Any]) -> None:
        message_id = reply.get("message_id")
        if message_id is None:  # Pagefind could not parse a request: it echoes it back
            original = reply.get("payload", {}).get("original_message") or "{}"
            message_id = json.loads(original).get("message_id")
        self._replies[message_id] = reply.get("payload", {})

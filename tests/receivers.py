"""Real receivers on 127.0.0.1 for what notifications send: HTTP posts and email."""

from __future__ import annotations

import email
import email.policy
import json
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult
from browser import LocalServer


@dataclass
class Post:
    path: str
    headers: dict[str, str]
    body: dict


@dataclass
class HTTPReceiver:
    """Records every POST; answers each path's queued failure codes first, then 200."""

    posts: list[Post] = field(default_factory=list)
    failures: dict[str, list[int]] = field(default_factory=dict)
    url: str = ""

    def fail(self, path: str, *codes: int) -> None:
        self.failures[path] = list(codes)

    def to(self, path: str) -> list[Post]:
        return [post for post in self.posts if post.path == path]


@contextmanager
def http_receiver() -> Iterator[HTTPReceiver]:
    receiver = HTTPReceiver()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (the standard library's name)
            raw = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            receiver.posts.append(Post(self.path, dict(self.headers), json.loads(raw)))
            queued = receiver.failures.get(self.path)
            self.send_response(queued.pop(0) if queued else 200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    with LocalServer(Handler) as server:
        receiver.url = server.url
        yield receiver


class _Mailbox:
    def __init__(self) -> None:
        self.messages: list[email.message.EmailMessage] = []

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: ANN001, N802 (aiosmtpd's)
        self.messages.append(
            email.message_from_bytes(envelope.content, policy=email.policy.default)
        )
        return "250 Message accepted for delivery"


@contextmanager
def smtp_receiver() -> Iterator[tuple[int, list[email.message.EmailMessage]]]:
    """An SMTP server on 127.0.0.1 (a free port); yields the port and the messages received."""
    mailbox = _Mailbox()
    with socket.socket() as probe:  # aiosmtpd needs a port number before it starts
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(
        mailbox, hostname="127.0.0.1", port=port, auth_require_tls=False,
        authenticator=lambda *args: AuthResult(success=True),
    )  # fmt: skip
    controller.start()
    try:
        yield port, mailbox.messages
    finally:
        controller.stop()

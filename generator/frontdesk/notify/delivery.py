"""Send each change's message to every channel that wants it, retrying briefly; report what
failed by channel name and reason, never by URL."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlsplit

import frontdesk
from frontdesk.notify.changes import Change
from frontdesk.notify.channels import Channel, apprise_quiet
from frontdesk.notify.messages import Message
from frontdesk.notify.webhook import webhook_body

Outgoing = list[tuple[Change, Message]]  # each change with its message, in one language
PAUSES = (1.0, 3.0)  # seconds before the second and the third attempt
TIMEOUT = 10  # seconds for each webhook request


class DeliveryError(Exception):
    """One message that did not arrive; the message says why, without the channel's URL."""


@dataclass
class ChannelReport:
    channel: Channel
    sent: int = 0
    failures: list[str] = field(default_factory=list)


def deliver(
    channels: list[Channel],
    outgoing: Callable[[Channel], Outgoing],
    dry_run: bool,
    say: Callable[[str], None],
) -> list[ChannelReport]:
    """Send each channel what `outgoing` gives it (the changes, in its language)."""
    reports = []
    for channel in channels:
        report = ChannelReport(channel)
        reports.append(report)
        if channel.url is None:
            unset = f"{channel.variable} is not set" if channel.variable else (
                "is its environment variable set?")  # fmt: skip
            say(f"{channel.name}: skipped, its URL is empty ({unset})")
            continue
        send = _sender(channel)
        for change, message in outgoing(channel):
            if not channel.wants(change):
                continue
            if dry_run:
                say(f"{channel.name}: would send: {message.title}\n{_indent(message.text)}")
                continue
            try:
                _with_retries(lambda m=message, c=change, s=send: s(m, c))
            except DeliveryError as exc:
                report.failures.append(f"{channel.name}: {message.title!r} not sent: {exc}")
            else:
                report.sent += 1
    return reports


def _with_retries(attempt: Callable[[], None]) -> None:
    for pause in (*PAUSES, None):
        try:
            attempt()
            return
        except DeliveryError:
            if pause is None:
                raise
            time.sleep(pause)


def _sender(channel: Channel) -> Callable[[Message, Change], None]:
    return _apprise_sender(channel) if channel.kind == "apprise" else _webhook_sender(channel)


def _apprise_sender(channel: Channel) -> Callable[[Message, Change], None]:
    import apprise  # when sending only: loading Apprise's hundred services takes seconds

    url = channel.url or ""
    with apprise_quiet():
        service = apprise.Apprise.instantiate(url)
    formats = service.notify_format
    preferred = formats[0] if isinstance(formats, tuple) else formats
    html = preferred == apprise.NotifyFormat.HTML

    def send(message: Message, _: Change) -> None:
        records: list[logging.LogRecord] = []
        sender = apprise.Apprise()
        sender.add(service)
        with apprise_quiet(records):
            delivered = sender.notify(
                title=message.title,
                body=message.html if html else message.text,
                body_format=apprise.NotifyFormat.HTML if html else apprise.NotifyFormat.TEXT,
            )
        if not delivered:
            said = records[-1].getMessage() if records else "the service did not accept it"
            raise DeliveryError(_without_secrets(said, url))

    return send


def _webhook_sender(channel: Channel) -> Callable[[Message, Change], None]:
    import requests  # when sending only, as Apprise is

    url = channel.url or ""
    headers = {"User-Agent": f"Frontdesk/{frontdesk.__version__}"}

    def send(_: Message, change: Change) -> None:
        try:
            response = requests.post(
                url, json=webhook_body(change), headers=headers, timeout=TIMEOUT
            )
        except requests.Timeout:
            raise DeliveryError(f"no answer within {TIMEOUT} seconds") from None
        except requests.RequestException as exc:
            raise DeliveryError(f"could not connect ({type(exc).__name__})") from None
        if not 200 <= response.status_code < 300:
            raise DeliveryError(f"the receiver answered HTTP {response.status_code}")

    return send


def _without_secrets(text: str, url: str) -> str:
    """Every part of the URL that may be a secret, masked."""
    parts = urlsplit(url)
    pieces = [url, parts.netloc, parts.username, parts.password, parts.hostname]
    pieces += parts.path.split("/") + [value for _, value in parse_qsl(parts.query)]
    for piece in sorted({p for p in pieces if p and len(p) >= 3}, key=len, reverse=True):
        text = text.replace(piece, "***")
    return text


def _indent(text: str) -> str:
    return "\n".join(f"    {line}" if line else "" for line in text.splitlines())

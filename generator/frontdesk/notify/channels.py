"""Where notifications go: the `notify:` list of the site's options.

A channel URL is a secret (it carries tokens and passwords): nothing here puts one into a
message. A channel is named by its place and kind, `notify[1] (apprise: slack)`.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from frontdesk.content.languages import CODE
from frontdesk.notify.changes import Change

KINDS = ("apprise", "webhook")


class ChannelError(ValueError):
    """A channel the configuration cannot mean; the message never holds its URL."""


@dataclass(frozen=True)
class Channel:
    place: int
    kind: str
    url: str | None  # None when its environment variable is not set
    components: tuple[str, ...] = ()
    language: str | None = None  # its messages' language; None: the site's default
    variable: str | None = None  # the environment variable its URL comes from (`!ENV`), if known

    @property
    def name(self) -> str:
        scheme = urlsplit(self.url).scheme if self.url and self.kind == "apprise" else ""
        return f"notify[{self.place}] ({self.kind}{': ' + scheme if scheme else ''})"

    def wants(self, change: Change) -> bool:
        return not self.components or bool(change.component_ids & set(self.components))


def read_channels(raw: object) -> list[Channel]:
    """The channels of the `notify:` option; ChannelError naming the first that is wrong."""
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise ChannelError(
            "notify: expected a list of channels, each `apprise: URL` or `webhook: URL`"
        )
    return [_channel(place, item) for place, item in enumerate(raw)]


def channel_problems(
    channels: list[Channel], components: set[str], languages: Sequence[str]
) -> list[str]:
    """What the channels name that the site does not have: components, then languages."""
    return [*unknown_components(channels, components), *unknown_languages(channels, languages)]


def unknown_languages(channels: list[Channel], languages: Sequence[str]) -> list[str]:
    """A message for every channel language that the site's `languages:` does not list."""
    if not languages:
        where = "this site has one language (no `languages:` option); leave `language:` out"
    else:
        where = f"the site's languages are {', '.join(languages)}"
    return [
        f"{channel.name} language: unknown language {channel.language!r}; {where}"
        for channel in channels
        if channel.language is not None and channel.language not in languages
    ]


def unknown_components(channels: list[Channel], known: set[str]) -> list[str]:
    """A message for every channel component that components.yml does not define."""
    return [
        f"{channel.name} components[{index}]: unknown component id {cid!r}; "
        f"components.yml defines {', '.join(sorted(known))}"
        for channel in channels
        for index, cid in enumerate(channel.components)
        if cid not in known
    ]


@contextlib.contextmanager
def apprise_quiet(records: list[logging.LogRecord] | None = None) -> Iterator[None]:
    """Apprise logs URLs as given, secrets and all: its messages are kept here, never printed."""
    log = logging.getLogger("apprise")
    handler = _Keep(records if records is not None else [])
    saved = log.handlers, log.propagate, log.level
    log.handlers, log.propagate = [handler], False
    log.setLevel(logging.WARNING)
    try:
        yield
    finally:
        log.handlers, log.propagate = saved[0], saved[1]
        log.setLevel(saved[2])


class _Keep(logging.Handler):
    def __init__(self, records: list[logging.LogRecord]) -> None:
        super().__init__(logging.WARNING)
        self.records = records

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _channel(place: int, item: object) -> Channel:
    where = f"notify[{place}]"
    if not isinstance(item, dict):
        raise ChannelError(f"{where}: expected `apprise: URL` or `webhook: URL`")
    kinds = [kind for kind in KINDS if kind in item]
    unknown = sorted(set(item) - {*KINDS, "components", "language"})
    if unknown:
        raise ChannelError(
            f"{where}: unknown key {unknown[0]!r}; expected apprise, webhook, components, language"
        )
    if len(kinds) != 1:
        raise ChannelError(f"{where}: give exactly one of `apprise: URL` or `webhook: URL`")
    kind = kinds[0]
    url, components = item[kind], item.get("components") or []
    if url is not None and not isinstance(url, str):
        raise ChannelError(f"{where} ({kind}): expected a URL")
    if not isinstance(components, list) or not all(isinstance(c, str) for c in components):
        raise ChannelError(f"{where} ({kind}) components: expected a list of component ids")
    language = item.get("language")
    if language is not None and not (isinstance(language, str) and CODE.match(language)):
        raise ChannelError(f"{where} ({kind}) language: expected a language code like de")
    channel = Channel(
        place, kind, url.strip() or None if url else None, tuple(components), language
    )
    if channel.url:
        _check_url(channel)
    return channel


def _check_url(channel: Channel) -> None:
    parts = urlsplit(channel.url)
    if channel.kind == "webhook":
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ChannelError(f"{channel.name}: expected an http:// or https:// URL")
        return
    import apprise  # here, not above: loading Apprise's hundred services takes seconds

    with apprise_quiet():
        service = apprise.Apprise.instantiate(channel.url)
    if service is None:
        raise ChannelError(
            f"{channel.name}: Apprise cannot read this URL (see its list of services and their "
            "URL forms: https://github.com/caronc/apprise/wiki)"
        )

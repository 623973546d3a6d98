"""One notification run: read both states, work out the changes, send their messages."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from frontdesk.notify.changes import Change, status_changes
from frontdesk.notify.channels import Channel
from frontdesk.notify.delivery import ChannelReport, Outgoing, deliver
from frontdesk.notify.languages import in_language
from frontdesk.notify.messages import message_for
from frontdesk.notify.states import INCIDENTS, StateError, marked_first_publish, read_state
from frontdesk.site.markup import markdown_renderer
from frontdesk.status.machine.common import ENGLISH, Wording


@dataclass
class NotifyResult:
    changes: list[Change] = field(default_factory=list)
    reports: list[ChannelReport] = field(default_factory=list)

    @property
    def failures(self) -> list[str]:
        return [failure for report in self.reports for failure in report.failures]


def notify(
    previous: str,
    site_dir: str,
    channels: list[Channel],
    reminder_hours: int,
    dry_run: bool,
    say: Callable[[str], None],
    languages: Sequence[str] = (),
    words_for: Callable[[str], Wording] = lambda _: ENGLISH,
    first_publish: bool = False,
) -> NotifyResult:
    """Send a message for each change from `previous` (a folder or URL) to `site_dir`.
    `languages`: the site's, the default first; each channel gets its messages in its own
    language, or in the default one, in `words_for(code)`'s words and dates. A `previous`
    without status documents is a first publish only when `first_publish` says so (or
    save-status marked it); otherwise customers would silently hear nothing: StateError."""
    current = read_state(site_dir)
    if current is None:
        raise StateError(f"{site_dir}: no status documents ({INCIDENTS}); build the site first")
    before = read_state(previous)
    if before is None and (first_publish or marked_first_publish(previous)):
        say(f"No status documents at {previous}: a first publish, so nothing sent.")
        return NotifyResult()
    if before is None:
        raise StateError(
            f"{previous}: no status documents ({INCIDENTS} is missing), so what changed is not "
            "known and nothing was sent. If the site was never published before, give "
            "--first-publish; otherwise the state before the deploy was not saved (see "
            "save-status) or site_url is not where the site is served"
        )
    changes = status_changes(before, current, reminder_hours)
    if not changes:
        say(f"No status changes since {previous}: nothing sent.")
        return NotifyResult()
    markdown = markdown_renderer()
    default = languages[0] if languages else None

    def language_of(channel: Channel) -> str | None:
        return channel.language or default

    outgoing: dict[str | None, Outgoing] = {}
    for code in dict.fromkeys(map(language_of, channels)):
        words = words_for(code) if code else ENGLISH
        in_code = [in_language(change, code) for change in changes]
        outgoing[code] = [(change, message_for(change, markdown, words)) for change in in_code]
    reports = deliver(channels, lambda channel: outgoing[language_of(channel)], dry_run, say)
    return NotifyResult(changes, reports)

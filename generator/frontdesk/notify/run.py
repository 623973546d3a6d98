"""One notification run: read both states, work out the changes, send their messages."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from frontdesk.notify.changes import Change, status_changes
from frontdesk.notify.channels import Channel
from frontdesk.notify.delivery import ChannelReport, deliver
from frontdesk.notify.messages import message_for
from frontdesk.notify.states import INCIDENTS, StateError, read_state
from frontdesk.site.markup import markdown_renderer


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
) -> NotifyResult:
    """Send a message for each change from `previous` (a folder or URL) to `site_dir`."""
    current = read_state(site_dir)
    if current is None:
        raise StateError(f"{site_dir}: no status documents ({INCIDENTS}); build the site first")
    before = read_state(previous)
    if before is None:
        say(f"No status documents at {previous} (not published before?): nothing sent.")
        return NotifyResult()
    changes = status_changes(before, current, reminder_hours)
    if not changes:
        say(f"No status changes since {previous}: nothing sent.")
        return NotifyResult()
    markdown = markdown_renderer()
    messages = [message_for(change, markdown) for change in changes]
    return NotifyResult(changes, deliver(channels, changes, messages, dry_run, say))

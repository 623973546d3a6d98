"""Machine-readable status: Statuspage-compatible JSON, feeds, calendars, badges and a banner.

Pure functions of a StatusView: the same view (content and `view.now`) gives the same bytes,
and nothing here reads the clock or imports MkDocs.
"""

from __future__ import annotations

from generator.machine.badges import badge_files
from generator.machine.calendar import calendar_files
from generator.machine.common import SiteInfo
from generator.machine.embed import embed_files
from generator.machine.entry_html import Markdown
from generator.machine.feeds import feed_files
from generator.machine.statuspage import statuspage_files
from generator.rendering import StatusView

__all__ = ["SiteInfo", "machine_readable_files"]


def machine_readable_files(
    view: StatusView, site: SiteInfo, markdown: Markdown
) -> dict[str, bytes]:
    """Every machine-readable status file, site-relative path -> exact bytes."""
    files = {
        **statuspage_files(view, site),
        **feed_files(view, site, markdown),
        **calendar_files(view, site),
        **badge_files(view),
        **embed_files(),
    }
    return dict(sorted(files.items()))

"""Machine-readable status: Statuspage-compatible JSON, feeds, calendars, badges and a banner.

Pure functions of a StatusView: the same view (content and `view.now`) gives the same bytes,
and nothing here reads the clock or imports MkDocs.
"""

from __future__ import annotations

from collections.abc import Sequence

from frontdesk.status.machine.badges import badge_files
from frontdesk.status.machine.calendar import calendar_files
from frontdesk.status.machine.common import SiteInfo
from frontdesk.status.machine.embed import embed_files
from frontdesk.status.machine.entry_html import Markdown
from frontdesk.status.machine.feeds import feed_files
from frontdesk.status.machine.statuspage import Translation, statuspage_files
from frontdesk.status.view import StatusView

__all__ = ["SiteInfo", "Translation", "machine_readable_files"]


def machine_readable_files(
    view: StatusView,
    site: SiteInfo,
    markdown: Markdown,
    translations: Sequence[Translation] = (),
) -> dict[str, bytes]:
    """Every machine-readable status file, site-relative path -> exact bytes; `translations`:
    the site's other languages, whose texts the status API carries too."""
    files = {
        **statuspage_files(view, site, translations),
        **feed_files(view, site, markdown),
        **calendar_files(view, site),
        **badge_files(view),
        **embed_files(),
    }
    return dict(sorted(files.items()))

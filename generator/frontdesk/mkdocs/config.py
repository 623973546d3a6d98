"""The options a site sets under `plugins: - frontdesk:` in mkdocs.yml."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError

from frontdesk.content.languages import Language, LanguageError, read_languages
from frontdesk.content.models import Audience, Contact, ContactChannel
from frontdesk.notify.channels import Channel, ChannelError, read_channels
from frontdesk.status.view import StatusSettings


class LevelConfig(base.Config):
    name = c.Type(str)
    """The level's id, used in front matter `audience:` and in level blocks."""
    label = c.Type(str)
    """How readers see the level's name."""
    description = c.Type(str, default="")
    """One line telling readers who the level is for."""
    max_grade = c.Optional(c.Type((int, float)))
    """Readability ceiling: articles at this level reading above this US school grade get a notice."""


DEFAULT_LEVELS = [
    {"name": "novice", "label": "Novice", "max_grade": 6,
     "description": "New to this: every step explained, no jargon."},
    {"name": "intermediate", "label": "Intermediate", "max_grade": 9,
     "description": "Knows the basics: the usual path, briefly."},
    {"name": "expert", "label": "Expert",
     "description": "Wants the short path: settings, APIs and edge cases."},
]  # fmt: skip


class ChannelConfig(base.Config):
    kind = c.Choice(("email", "chat", "phone", "form"))
    """How customers reach you: email, chat, phone or form."""
    label = c.Type(str)
    """The channel's name as customers see it."""
    address = c.Type(str)
    """An email address, a URL (chat, form) or a phone number."""
    response_time = c.Type(str, default="")
    """What the channel promises, written to follow "we reply": e.g. "within one working day"."""


class ContactConfig(base.Config):
    channels = c.ListOfItems(c.SubConfig(ChannelConfig), default=[])
    """Contact channels shown in "Still need help?"."""
    hours = c.Type(str, default="")
    """Support hours, e.g. "Monday to Friday, 08:00 to 18:00"."""
    timezone = c.Type(str, default="")
    """The time zone of the support hours, e.g. "UK"."""
    feedback_form = c.Type(str, default="")
    """A form URL for "what was missing"; when empty, the first email channel is used."""


class NotifyChannels(c.BaseConfigOption[list[Channel]]):
    """Each item `apprise: URL` or `webhook: URL`, with optional `components:`; errors name the
    channel by its place, never by its URL (frontdesk/notify/channels.py)."""

    def __init__(self) -> None:
        super().__init__()
        self.default = []

    def run_validation(self, value: object) -> list[Channel]:
        try:
            return read_channels(value)
        except ChannelError as exc:
            raise ValidationError(str(exc)) from None


class Languages(c.BaseConfigOption[tuple[Language, ...]]):
    """A list of `{code, name}`, the default language first (frontdesk/content/languages.py)."""

    def __init__(self) -> None:
        super().__init__()
        self.default = None

    def run_validation(self, value: object) -> tuple[Language, ...]:
        try:
            return read_languages(value)
        except LanguageError as exc:
            raise ValidationError(str(exc).removeprefix("languages")) from None


class FrontdeskConfig(base.Config):
    levels = c.ListOfItems(c.SubConfig(LevelConfig), default=DEFAULT_LEVELS)
    """The audience levels articles are written for, from least to most experienced."""
    banner_lookahead_days = c.Type(int, default=3)
    """Planned maintenance starting within this many days is announced in the banner."""
    update_interval_minutes = c.Type(int, default=60)
    """An unresolved incident whose last update is older than this gets a build notice."""
    history_page_size = c.Type(int, default=30)
    """Incidents and maintenance windows per page of the status history."""
    search = c.Choice(("pagefind", "builtin"), default="pagefind")
    """`pagefind`: a chunked static index with level and category filters (replaces Material's
    search); `builtin`: Material's own search plugin, one index file downloaded in full."""
    contact = c.SubConfig(ContactConfig)
    """Contact channels, support hours and the feedback form."""
    feedback_endpoint = c.Optional(c.Type(str))
    """A URL that receives "Was this page helpful?" votes as JSON; without it, votes open a
    prefilled email or form so the reader can say what was missing."""
    review_age_months = c.Type(int, default=12)
    """Articles not reviewed for this long are listed for review."""
    glossary = c.Type(str, default="glossary.yml")
    """Glossary file in the docs directory: term -> plain-language definition."""
    notify = NotifyChannels()
    """Where `frontdesk notify` sends status changes: Apprise URLs (Slack, Teams, Discord, email,
    ...) and webhooks in Statuspage's shape, each URL from the environment with `!ENV`."""
    notify_maintenance_hours = c.Type(int, default=24)
    """Maintenance starting within this many hours gets a reminder, once."""
    languages = Languages()
    """The site's languages, each `{code: de, name: Deutsch}`: the first at the site root, each
    other under /<code>/. Without it the site has one language."""
    parallel = c.Type(bool, default=True)
    """Share `build` with helper processes: one converts pages while the build converts others,
    one writes the status pages while the build writes the rest (same output, less time)."""


def status_settings(options: FrontdeskConfig) -> StatusSettings:
    return StatusSettings(
        lookahead=timedelta(days=options.banner_lookahead_days),
        update_interval=timedelta(minutes=options.update_interval_minutes),
        history_page_size=options.history_page_size,
    )


def audiences(options: FrontdeskConfig) -> list[Audience]:
    return [Audience(lv.name, lv.label, lv.description, lv.max_grade) for lv in options.levels]


def contact(options: FrontdeskConfig) -> Contact:
    settings = options.contact
    channels = tuple(
        ContactChannel(ch.kind, ch.label, ch.address, ch.response_time) for ch in settings.channels
    )
    return Contact(channels, settings.hours, settings.timezone, settings.feedback_form)


def feedback_widget(settings: Contact, site_url: str, gettext: Callable[[str], str] = str) -> dict:
    """Material's "Was this page helpful?" widget, working without an analytics account, in
    the words `gettext` gives (a language's; English as written here).

    Votes go to `feedback_endpoint` when set (partials/integrations/analytics/custom.html);
    either way, a "no" offers a prefilled email or form with the page's title and URL.
    """
    _ = gettext
    base = site_url.rstrip("/")
    if settings.feedback_form:
        joiner = "&" if "?" in settings.feedback_form else "?"
        target = f"{settings.feedback_form}{joiner}title={{title}}&url={base}{{url}}"
    elif settings.feedback_email:
        email = settings.feedback_email
        target = f"mailto:{email}?subject=Feedback%20on%3A%20{{title}}&body={base}{{url}}"
    else:
        target = ""
    tell, improve = _("Tell us what was missing"), _("and we will improve it.")
    missing = f' <a href="{target}">{tell}</a> {improve}' if target else ""
    return {
        "provider": "custom",
        "feedback": {
            "title": _("Was this page helpful?"),
            "ratings": [
                {"icon": "material/thumb-up-outline", "name": _("This page was helpful"), "data": 1,
                 "note": _("Thanks for letting us know.")},
                {"icon": "material/thumb-down-outline", "name": _("This page could be improved"),
                 "data": 0, "note": _("Thanks for telling us.") + missing},
            ],
        },
    }  # fmt: skip

"""The options a site sets under `plugins: - frontdesk:` in mkdocs.yml."""

from __future__ import annotations

from datetime import timedelta

from mkdocs.config import base
from mkdocs.config import config_options as c

from generator.models import Audience
from generator.rendering import StatusSettings


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
    glossary = c.Type(str, default="glossary.yml")
    """Glossary file in the docs directory: term -> plain-language definition."""


def status_settings(options: FrontdeskConfig) -> StatusSettings:
    return StatusSettings(
        lookahead=timedelta(days=options.banner_lookahead_days),
        update_interval=timedelta(minutes=options.update_interval_minutes),
        history_page_size=options.history_page_size,
    )


def audiences(options: FrontdeskConfig) -> list[Audience]:
    return [Audience(lv.name, lv.label, lv.description, lv.max_grade) for lv in options.levels]

"""`frontdesk maintenance …` and `frontdesk status`: plan windows, and see what customers see."""

from __future__ import annotations

import sys
from datetime import datetime

import click

from frontdesk.cli import authoring as au
from frontdesk.cli.answers import Answers, ask, message_option, per_language, text_option
from frontdesk.cli.authoring.summary import status_lines
from frontdesk.cli.authoring.values import parse_components
from frontdesk.cli.common import (
    CONFIG,
    MOMENT,
    POSTED,
    WINDOW_STATUSES,
    ComponentsType,
    SiteHelp,
    SiteHelpGroup,
    components_prompt,
    example_time,
    refusals,
    report_written,
    site_config,
    status_paths,
    utc_now,
)
from frontdesk.content.clock import ClockError, build_time
from frontdesk.content.errors import ContentError
from frontdesk.content.loading import load_status
from frontdesk.content.loading.status_notices import dated_after
from frontdesk.status.state import time_notices
from frontdesk.status.view import StatusView

# ---- maintenance ------------------------------------------------------------------------------


@click.group(cls=SiteHelpGroup)
def maintenance() -> None:
    """Plan maintenance windows, post their progress, cancel them (content/status/maintenance/).

    \b
    Example:
      frontdesk maintenance new --title "Database upgrade" --components {components}
    """


@maintenance.command("new", cls=SiteHelp)
@CONFIG
@text_option("--title", "What the work is, for customers.")
@click.option("--components", help="Ids, comma-separated: {components}.")
@click.option(
    "--start", type=MOMENT, help="When the window opens (+2d, or an ISO time with offset)."
)
@click.option("--end", type=MOMENT, help="When it closes.")
@text_option("--description", "What customers will notice and what they need to do.")
@message_option("Optional first `scheduled` update.")
@click.option("--at", type=POSTED, help="When that update was posted; default: now (UTC).")
@click.option("--id", "window_id", help="File name without .yml; default: START-DATE-title-slug.")
def maintenance_new(config_file: str, title: tuple[str, ...], components: str | None,
                    start: datetime | None, end: datetime | None, description: tuple[str, ...],
                    message: tuple[str, ...], at: datetime | None, window_id: str | None) -> None:  # fmt: skip
    """Plan a maintenance window: write content/status/maintenance/<id>.yml, validated.

    \b
    Example:
      frontdesk maintenance new --title "Database upgrade" --components {component} --start 2026-11-29T02:00Z --end 2026-11-29T03:00Z
    """
    paths = status_paths(config_file)
    with refusals():
        known = [c.id for c in au.known_components(paths)]
        ids = parse_components(components) if components else None
    if isinstance(ids, dict):
        raise click.UsageError("--components: maintenance takes component ids only")
    now, languages = utc_now(), paths.languages
    answers = Answers({"title": per_language(title, languages, "--title"), "components": ids,
                       "start": start, "end": end,
                       "description": per_language(description, languages, "--description")})  # fmt: skip
    entry = au.NewMaintenance(
        title=answers.get("title", "Title"),
        components=answers.get("components", components_prompt(known, False),
                               type=ComponentsType(known, with_status=False)),
        start=answers.get("start", f"Start (like +2d or {example_time(now)})", type=MOMENT),
        end=answers.get("end", "End (like +3h from now, or an ISO time)", type=MOMENT),
        description=answers.get("description", "Description"),
        message=per_language(message, languages) or "", announced=at or now,
    )  # fmt: skip
    answers.done()
    with refusals():
        report_written(au.create_maintenance(paths, entry, window_id))


@maintenance.command("update", cls=SiteHelp)
@CONFIG
@click.argument("window_id")
@click.option("--status", "new_status", type=click.Choice(WINDOW_STATUSES), help="Progress.")
@message_option("What customers should know now.")
@click.option("--at", type=POSTED, help="When it was posted; default: now (UTC).")
def maintenance_update(config_file: str, window_id: str, new_status: str | None,
                       message: tuple[str, ...], at: datetime | None) -> None:  # fmt: skip
    """Post progress on a window: scheduled, in_progress, verifying or completed.

    \b
    Example:
      frontdesk maintenance update 2026-11-25-payments-upgrade --status in_progress --message "Started."
    """
    paths, now = status_paths(config_file), utc_now()
    at = at or now
    with refusals():
        au.updatable_maintenance(paths, window_id, at, now)
    answers = Answers({"status": new_status, "message": per_language(message, paths.languages)})
    new_status = answers.get("status", "Status", type=click.Choice(WINDOW_STATUSES))
    message = answers.get("message", "Message to customers")
    answers.done()
    with refusals():
        report_written(au.update_maintenance(paths, window_id, at, new_status, message))


@maintenance.command("cancel", cls=SiteHelp)
@CONFIG
@click.argument("window_id")
@message_option("Why, and whether customers need to do anything.")
@click.option("--at", type=POSTED, help="When it was cancelled; default: now (UTC).")
def maintenance_cancel(config_file: str, window_id: str, message: tuple[str, ...],
                       at: datetime | None) -> None:  # fmt: skip
    """Cancel a window: sets `cancelled: true` and adds a last update saying why.

    The update is `scheduled` if the work never began, `completed` if it was stopped part-way.

    \b
    Example:
      frontdesk maintenance cancel 2026-12-06-email-move --message "No longer needed."
    """
    paths, now = status_paths(config_file), utc_now()
    at = at or now
    with refusals():
        au.updatable_maintenance(paths, window_id, at, now)
    message = ask(per_language(message, paths.languages), "--message", "Message to customers")
    with refusals():
        report_written(au.cancel_maintenance(paths, window_id, at, message))


# ---- status -----------------------------------------------------------------------------------


@click.command()
@CONFIG
def status(config_file: str) -> None:
    """Print what the front-page status panel says now (SOURCE_DATE_EPOCH sets "now").

    \b
    Example:
      SOURCE_DATE_EPOCH=$(date -d '2026-11-24 09:00Z' +%s) frontdesk status
    """
    site = site_config(config_file)
    settings = site.status_settings
    try:
        content = load_status(site.docs_dir, site.root, site.languages)
        now = build_time()
    except (ContentError, ClockError) as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
    view = StatusView(content, now, settings)
    notices = [*time_notices(content, now, settings.update_interval),
               *dated_after(content, now, site.root)]  # fmt: skip
    for line in status_lines(view, notices):
        click.echo(line)

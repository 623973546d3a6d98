"""`frontdesk notify` and `frontdesk save-status`: tell customers what changed, where they are."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from frontdesk.cli.common import CONFIG, site_config
from frontdesk.content.errors import ContentError
from frontdesk.content.loading import load_status
from frontdesk.mkdocs.engine import EngineError
from frontdesk.notify.channels import channel_problems
from frontdesk.notify.run import notify
from frontdesk.notify.states import StateError, save_state
from frontdesk.site.interface import InterfaceText


def register(main: click.Group) -> None:
    main.add_command(notify_command)
    main.add_command(save_status)


@click.command("notify")
@CONFIG
@click.option(
    "--previous",
    required=True,
    metavar="PREVIOUS",
    help="The state before: a folder of an earlier build, or the live site's URL.",
)
@click.option("--dry-run", is_flag=True, help="Print every message it would send; send none.")
@click.argument("site_dir", type=click.Path(exists=True, file_okay=False))
def notify_command(config_file: str, previous: str, dry_run: bool, site_dir: str) -> None:
    """Send one message per status change between two published states to every channel.

    The states are the two sites' Statuspage documents (api/v2/): a new incident, each new
    update and resolution, a maintenance window planned, started, completed or cancelled, and a
    reminder once a window starts within notify_maintenance_hours. Channels are the `notify:`
    option of the frontdesk plugin; one whose URL is empty is skipped. The same two states always
    give the same messages. Exit 1 if any message could not be sent, after trying every channel.

    \b
    Example:
      frontdesk notify --previous https://help.example.com/ site --dry-run
    """
    site = site_config(config_file)
    try:
        options = site.options
        status = load_status(site.docs_dir, site.root, site.languages)
        known = {c.id for c in status.catalog.components}
    except (ContentError, EngineError) as exc:
        raise click.ClickException(str(exc)) from None
    problems = channel_problems(options.notify, known, site.languages)
    if problems:
        raise click.ClickException("\n".join(problems))
    if not options.notify:
        click.echo("No channels under the frontdesk option notify: nothing to send to.", err=True)
    try:
        result = notify(
            previous, site_dir, options.notify, options.notify_maintenance_hours, dry_run,
            lambda line: click.echo(line, err=True), site.languages,
            lambda code: InterfaceText(code, site.theme_dirs).wording(),
        )  # fmt: skip
    except StateError as exc:
        raise click.ClickException(str(exc)) from None
    for report in result.reports:
        if report.sent:
            click.echo(f"{report.channel.name}: sent {report.sent} of {len(result.changes)}.")
    for failure in result.failures:
        click.echo(f"Error: {failure}", err=True)
    if result.failures:
        sys.exit(1)


@click.command("save-status")
@CONFIG
@click.option(
    "--from",
    "source",
    metavar="URL_OR_DIR",
    help="Where the site is published; default: site_url of mkdocs.yml.",
)
@click.argument("folder", type=click.Path(file_okay=False))
def save_status(config_file: str, source: str | None, folder: str) -> None:
    """Save the published site's Statuspage documents into FOLDER, for
    `frontdesk notify --previous FOLDER` once the new site is live.

    A site not published yet (404) saves nothing, and notify then sends nothing.

    \b
    Example:
      frontdesk save-status previous && frontdesk build && frontdesk notify --previous previous site
    """
    site = site_config(config_file)
    where = source or site.site_url
    if not where:
        raise click.ClickException("mkdocs.yml has no site_url; give --from URL")
    try:
        saved = save_state(where, Path(folder))
    except StateError as exc:
        raise click.ClickException(str(exc)) from None
    if saved:
        click.echo(f"Saved the status documents published at {where} into {folder}.")
    else:
        click.echo(f"No status documents published at {where} yet: nothing saved.", err=True)

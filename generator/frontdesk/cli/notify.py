"""`frontdesk notify` and `frontdesk save-status`: tell customers what changed, where they are."""

from __future__ import annotations

import sys
import time
from dataclasses import replace
from pathlib import Path

import click
import yaml

from frontdesk.cli.common import CONFIG, TolerantLoader, site_config
from frontdesk.content.errors import ContentError
from frontdesk.content.loading import load_status
from frontdesk.mkdocs.engine import EngineError, Site
from frontdesk.mkdocs.publish import MANIFEST
from frontdesk.notify.channels import channel_problems
from frontdesk.notify.run import notify
from frontdesk.notify.states import (
    INCIDENTS,
    StateError,
    clear_state,
    live_difference,
    mark_first_publish,
    save_state,
)
from frontdesk.site.interface import InterfaceText

FIRST_PUBLISH = click.option(
    "--first-publish", is_flag=True,
    help="The site was never published before: nothing found there is not an error.",
)  # fmt: skip


LIVE_POLL_SECONDS = 10


def register(main: click.Group) -> None:
    main.add_command(notify_command)
    main.add_command(save_status)
    main.add_command(check_live)


@click.command("notify")
@CONFIG
@click.option(
    "--previous",
    required=True,
    metavar="PREVIOUS",
    help="The state before: a folder of an earlier build, or the live site's URL.",
)
@click.option("--dry-run", is_flag=True, help="Print every message it would send; send none.")
@FIRST_PUBLISH
@click.argument("site_dir", type=click.Path(exists=True, file_okay=False))
def notify_command(
    config_file: str, previous: str, dry_run: bool, first_publish: bool, site_dir: str
) -> None:
    """Send one message per status change between two published states to every channel.

    The states are the two sites' Statuspage documents (api/v2/): a new incident, each new
    update and resolution, a maintenance window planned, started, completed or cancelled, and a
    reminder once a window starts within notify_maintenance_hours. Channels are the `notify:`
    option of the frontdesk plugin; one whose URL is empty is skipped. The same two states always
    give the same messages. Exit 1 if any message could not be sent, after trying every channel,
    and if PREVIOUS holds no status documents, unless save-status found the site never published
    or --first-publish says so: customers never go unnotified by mistake.

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
    variables = channel_variables(site.config.config_file_path)
    channels = [
        replace(channel, variable=variables.get(channel.place)) for channel in options.notify
    ]
    try:
        result = notify(
            previous, site_dir, channels, options.notify_maintenance_hours, dry_run,
            lambda line: click.echo(line, err=True), site.languages,
            lambda code: InterfaceText(code, site.theme_dirs).wording(), first_publish,
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
@click.option(
    "--site",
    "last_site",
    type=click.Path(file_okay=False),
    help="The last published site, as the workflow restored it; default: site_dir of mkdocs.yml.",
)
@FIRST_PUBLISH
@click.argument("folder", type=click.Path(file_okay=False))
def save_status(config_file: str, source: str | None, last_site: str | None,
                first_publish: bool, folder: str) -> None:  # fmt: skip
    """Save the published site's Statuspage documents into FOLDER, for
    `frontdesk notify --previous FOLDER` once the new site is live.

    Nothing published there (a 404) is a first publish only when the last site has no build
    record of an earlier one, or --first-publish says so; otherwise it exits 1 naming the
    address it tried and site_url, since notify would have nothing to compare with.

    \b
    Example:
      frontdesk save-status previous && frontdesk build && frontdesk notify --previous previous site
    """
    save_live_status(site_config(config_file), Path(folder), source, last_site, first_publish)


def save_live_status(site: Site, folder: Path, source: str | None, last_site: str | None,
                     first_publish: bool) -> None:  # fmt: skip
    """save-status's work, for `frontdesk publish` too; ClickException when it cannot be done."""
    where = source or site.site_url
    if not where:
        raise click.ClickException("mkdocs.yml has no site_url; give --from URL")
    clear_state(folder)
    try:
        saved = save_state(where, folder)
    except StateError as exc:
        raise click.ClickException(str(exc)) from None
    if saved:
        click.echo(f"Saved the status documents published at {where} into {folder}.")
        return
    record = Path(last_site or site.config.site_dir) / MANIFEST
    tried = f"{where.rstrip('/')}/{INCIDENTS}"
    if not first_publish and record.is_file():
        raise click.ClickException(
            f"{tried}: no status documents there, but {record} records an earlier publish. Is "
            f"site_url ({site.site_url or 'not set'}) the address the site is served at? Nothing "
            "was saved, and notify would tell customers nothing. After moving the site to a new "
            "address, give --first-publish once."
        )
    why = "--first-publish says so" if first_publish else f"{record} records no earlier publish"
    mark_first_publish(folder, where, why)
    click.echo(f"No status documents at {tried}: a first publish ({why}); nothing saved.", err=True)


@click.command("check-live")
@CONFIG
@click.option("--wait", default=180, show_default=True, type=click.IntRange(min=0),
              help="Seconds to keep looking while the host makes the new site live.")  # fmt: skip
@click.argument("site_dir", type=click.Path(exists=True, file_okay=False))
def check_live(config_file: str, wait: int, site_dir: str) -> None:
    """Check that site_url serves the site just deployed (its api/v2/summary.json), and exit 1
    naming both addresses if it does not: a wrong site_url would otherwise go unseen.

    \b
    Example:
      frontdesk check-live site --wait 120
    """
    site = site_config(config_file)
    if not site.site_url:
        raise click.ClickException("mkdocs.yml has no site_url: there is nothing to check")
    deadline = time.monotonic() + wait
    while True:
        try:
            difference = live_difference(site.site_url, Path(site_dir))
        except StateError as exc:
            difference = str(exc)
        if difference is None:
            click.echo(f"{site.site_url} serves the new site.")
            return
        if time.monotonic() >= deadline:
            raise click.ClickException(
                f"{difference}. site_url is {site.site_url}: customers may be reading another "
                "site than the one just deployed"
            )
        time.sleep(min(LIVE_POLL_SECONDS, max(0.0, deadline - time.monotonic())))


def channel_variables(config_file: str) -> dict[int, str]:
    """The environment variable behind each `notify:` channel's `!ENV` URL, by place; names are
    not secret, and a skipped channel should say which one is unset."""
    try:
        config = yaml.load(Path(config_file).read_text(encoding="utf-8"), _EnvNames)
        plugins = config.get("plugins") or []
        entries = plugins.items() if isinstance(plugins, dict) else (
            next(iter(p.items())) for p in plugins if isinstance(p, dict))  # fmt: skip
        options = next(value for name, value in entries if name == "frontdesk") or {}
        channels = options.get("notify") or []
    except (OSError, yaml.YAMLError, AttributeError, StopIteration, TypeError):
        return {}
    return {
        place: str(value)
        for place, item in enumerate(channels)
        if isinstance(item, dict)
        for value in item.values()
        if isinstance(value, _Variable)
    }


class _Variable(str):
    """The name of an environment variable, told apart from a URL written in mkdocs.yml."""


class _EnvNames(TolerantLoader):
    """mkdocs.yml with each `!ENV NAME` (or `!ENV [NAME, ...]`) read as its variable's name."""


def _env_name(loader: yaml.SafeLoader, node: yaml.Node) -> _Variable | None:
    if isinstance(node, yaml.ScalarNode):
        return _Variable(node.value)
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else []
    return _Variable(names[0]) if names else None


_EnvNames.add_constructor("!ENV", _env_name)

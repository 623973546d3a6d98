"""`frontdesk publish`: the one command a publishing workflow runs, so that the route lives here,
tested, and a workflow only wires steps (checkout, set-up, restore the last site, this command,
keep the site, upload, deploy, notify)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from frontdesk.cli.checking import check_site, counted
from frontdesk.cli.common import CONFIG, setup_logging, site_config
from frontdesk.cli.notify import FIRST_PUBLISH, save_live_status
from frontdesk.mkdocs.engine import EngineError, publish_or_build
from frontdesk.status.notices import logger as notices_logger


@click.command("publish")
@CONFIG
@click.argument("site_dir", default="site", type=click.Path(file_okay=False))
@click.option("--previous", default="previous", show_default=True, type=click.Path(file_okay=False),
              help="Where to save what customers were last told, for `frontdesk notify`.")  # fmt: skip
@FIRST_PUBLISH
def publish(config_file: str, site_dir: str, previous: str, first_publish: bool) -> None:
    """Check the content, save the live status for notify, then publish into SITE_DIR: the
    status alone when only status content changed since the site there was built, otherwise a
    full build, with the reason printed. SITE_DIR is the last published site, restored, or
    nothing yet; the site describes the moment SOURCE_DATE_EPOCH gives, or else now.

    A live status that cannot be saved is reported, and the site is published all the same: the
    status update must reach customers, and notify then fails rather than stay quiet.

    \b
    Example:
      frontdesk publish site && frontdesk check-live site && frontdesk notify --previous previous site
    """
    setup_logging()
    if not check_site(config_file):
        sys.exit(1)
    try:
        save_live_status(site_config(config_file), Path(previous), None, site_dir, first_publish)
    except click.ClickException as exc:
        click.echo(f"Error: {exc.message}", err=True)
        click.echo(
            "The site is published all the same; notify will fail, not stay quiet.", err=True
        )

    def full_build(why: str) -> None:
        click.echo(f"Full build: {why}.", err=True)

    notices = notices_logger
    notices.disabled = True  # check printed them; the build would print the same again
    try:
        report = publish_or_build(config_file, site_dir, full_build)
    except EngineError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        notices.disabled = False
    if report is None:
        click.echo(f"Published by a full build into {site_dir}.")
        return
    click.echo(
        f"Published the status into {site_dir}: {counted(len(report.rendered), 'page')} "
        f"rendered, {counted(report.patched, 'page')} updated in place."
    )

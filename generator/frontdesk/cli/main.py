"""The `frontdesk` command: thin wrappers over the library, turning errors into clean messages."""

from __future__ import annotations

import sys
from pathlib import Path

import click

import frontdesk
from frontdesk.cli.checking import check_site, counted
from frontdesk.cli.common import setup_logging
from frontdesk.cli.incidents import register
from frontdesk.cli.new import SiteExists, create_site
from frontdesk.cli.notify import register as register_notify
from frontdesk.cli.publish import publish
from frontdesk.content.clock import ClockError, build_time
from frontdesk.mkdocs.engine import EngineError, build_site, publish_or_build, serve_site

FULL_BUILD_NEEDED = 3  # publish-status --fast-only: the site was left as it was
CONFIG_OPTION = click.option(
    "-f", "--config-file", type=click.Path(exists=True, dir_okay=False), default="mkdocs.yml",
    show_default=True, help="The site's MkDocs configuration.",
)  # fmt: skip


@click.group()
@click.version_option(frontdesk.__version__, prog_name="frontdesk")
def main() -> None:
    """Frontdesk: a help centre and status page from one git repository.

    \b
    Example:
      frontdesk check && frontdesk build
    """


@main.command()
@CONFIG_OPTION
@click.option("--strict/--no-strict", default=True, show_default=True,
              help="Fail on MkDocs warnings (time notices never fail a build).")  # fmt: skip
@click.option("-d", "--site-dir", type=click.Path(file_okay=False), help="Where to write the site.")
@click.option("-v", "--verbose", is_flag=True, help="Show debug messages.")
def build(config_file: str, strict: bool, site_dir: str | None, verbose: bool) -> None:
    """Build the whole site (articles, status pages, banner) into site/.

    The site describes the status at the moment SOURCE_DATE_EPOCH gives, or else at the clock's
    now. To publish, give the build time, never the commit time: a rebuild with no new commit
    must still open a maintenance window or admit a passed restoration time.

    \b
    Example:
      SOURCE_DATE_EPOCH=$(date +%s) frontdesk build --site-dir public
    """
    setup_logging(verbose)
    try:
        build_site(config_file, strict, site_dir)
    except EngineError as exc:
        raise click.ClickException(str(exc)) from None


@main.command()
@CONFIG_OPTION
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True,
              help="Address to serve on.")  # fmt: skip
def serve(config_file: str, dev_addr: str) -> None:
    """Preview the site, rebuilding when an article, template or status YAML file changes.

    \b
    Example:
      frontdesk serve --dev-addr 127.0.0.1:8001
    """
    setup_logging()
    try:
        serve_site(config_file, dev_addr)
    except EngineError as exc:
        raise click.ClickException(str(exc)) from None


@main.command()
@CONFIG_OPTION
@click.option("--reviews", is_flag=True, help="Also list articles due for review, oldest first.")
def check(config_file: str, reviews: bool) -> None:
    """Validate every article, status file and incident template without building; exit 1
    listing all problems.

    Notices never fail: promises overtaken by time (an overdue update, a passed restoration time),
    entries dated after now, texts not yet in every language, articles reading above their
    level's readability ceiling, headings inside level passages.

    \b
    Example:
      frontdesk check --reviews -f mkdocs.yml
    """
    if not check_site(config_file, reviews):
        sys.exit(1)


@main.command("publish-status")
@CONFIG_OPTION
@click.argument("site_dir", type=click.Path(file_okay=False))
@click.option("--fast-only", is_flag=True,
              help=f"Where a full build is needed, say why and exit {FULL_BUILD_NEEDED} instead.")  # fmt: skip
def publish_status_command(config_file: str, site_dir: str, fast_only: bool) -> None:
    """Update a built site for new status content in seconds, without rebuilding the articles.

    The result is byte-identical to a full build at the same SOURCE_DATE_EPOCH. When that cannot
    be promised (articles, templates or settings changed since the last full build, or the
    navigation would change), it says why and builds the whole site instead; with --fast-only it
    leaves the site as it was, so that a workflow can take its full path.

    \b
    Example:
      SOURCE_DATE_EPOCH=$(date +%s) frontdesk publish-status site
    """
    setup_logging()

    def full_build_needed(why: str) -> None:
        click.echo(f"Full build needed: {why}.", err=True)
        if fast_only:
            sys.exit(FULL_BUILD_NEEDED)

    try:
        report = publish_or_build(config_file, site_dir, full_build_needed)
    except EngineError as exc:
        raise click.ClickException(str(exc)) from None
    if report is None:
        return
    click.echo(
        f"Published: {counted(len(report.rendered), 'page')} rendered, "
        f"{counted(report.patched, 'page')} updated in place"
        + (f", {counted(len(report.removed), 'stale file')} removed." if report.removed else ".")
    )


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path), default=".")
@click.option("--name", default="Help Centre", show_default=True, help="The site's name.")
@click.option("--force", is_flag=True, help="Write the starter files over a site already there.")
@click.option("--requirement", metavar="SPEC",
              help="How the site's workflow installs Frontdesk (requirements.txt); default: from "
              "where this Frontdesk was installed, such as frontdesk==0.2.0.")  # fmt: skip
def new(directory: Path, name: str, force: bool, requirement: str | None) -> None:
    """Start a help centre: mkdocs.yml, articles, status files, a publishing workflow, STAFF.md.

    It builds as it is; replace site_url and the contact channels in mkdocs.yml with your own.

    \b
    Example:
      frontdesk new help-centre --name "Acme Help Centre" && cd help-centre && frontdesk serve
    """
    try:
        written = create_site(directory, name, build_time(), force, requirement)
    except (SiteExists, ClockError) as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Wrote a help centre to {directory} ({counted(len(written.written), 'file')}).")
    click.echo("Next:")
    click.echo("  - set site_url and the contact channels in mkdocs.yml;")
    click.echo("  - before you publish, delete the sample incident and maintenance window, or")
    click.echo("    customers will read them as real:")
    for sample in written.samples:
        click.echo(f"      {sample.relative_to(directory).as_posix()}")
    click.echo(f"  - preview while you write: cd {directory} && frontdesk serve")
    click.echo("  - to publish on GitHub Pages, push it to GitHub and choose Settings -> Pages ->")
    click.echo("    Build and deployment -> Source: GitHub Actions; the workflow does the rest.")
    click.echo(f"requirements.txt installs {written.requirement}.")
    if written.unreachable:
        click.echo(f"Warning: {written.unreachable}", err=True)
    click.echo("STAFF.md tells your support team how to post status updates.")


register(main)  # incident, maintenance and status commands for support staff
register_notify(main)  # notify and save-status: customers hear of changes where they are
main.add_command(publish)  # the one command a publishing workflow runs

"""The `frontdesk` command: thin wrappers over the library, turning errors into clean messages."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.commands.serve import serve as mkdocs_serve
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from generator.audience import readability_notices
from generator.clock import ClockError, build_time
from generator.config import FrontdeskConfig, audiences, status_settings
from generator.errors import ContentError
from generator.incident_cli import register
from generator.loading import load_site
from generator.notices import report_notices
from generator.publish import FullBuildNeeded, publish_status
from generator.rendering import StatusView
from generator.review import review_notices, reviews_due

CONFIG_OPTION = click.option(
    "-f", "--config-file", type=click.Path(exists=True, dir_okay=False), default="mkdocs.yml",
    show_default=True, help="The site's MkDocs configuration.",
)  # fmt: skip


def _setup_logging(verbose: bool = False) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    mkdocs_logger = logging.getLogger("mkdocs")
    mkdocs_logger.addHandler(handler)
    mkdocs_logger.setLevel(logging.DEBUG if verbose else logging.INFO)


@click.group()
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

    \b
    Example:
      SOURCE_DATE_EPOCH=$(git log -1 --format=%ct) frontdesk build --site-dir public
    """
    _setup_logging(verbose)
    overrides = {"site_dir": site_dir} if site_dir else {}
    try:
        config = load_config(config_file, strict=strict, **overrides)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
    except (ConfigurationError, PluginError, Abort) as exc:
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
    _setup_logging()
    try:
        mkdocs_serve(config_file=config_file, livereload=True, dev_addr=dev_addr)
    except (ConfigurationError, PluginError, Abort) as exc:
        raise click.ClickException(str(exc)) from None


@main.command()
@CONFIG_OPTION
@click.option("--reviews", is_flag=True, help="Also list articles due for review, oldest first.")
def check(config_file: str, reviews: bool) -> None:
    """Validate every article and status file without building; exit 1 listing all problems.

    Notices never fail: promises overtaken by time (an overdue update, a passed restoration time),
    articles reading above their level's readability ceiling, headings inside level passages.

    \b
    Example:
      frontdesk check --reviews -f mkdocs.yml
    """
    try:
        config = load_config(config_file)
        options = frontdesk_options(config)
        levels = [level.name for level in options.levels]
        site = load_site(Path(config.docs_dir), Path(config_file).resolve().parent, levels)
        now = build_time()
    except (ContentError, ClockError, ConfigurationError) as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
    texts = (
        (a, (Path(config.docs_dir) / a.src_uri).read_text(encoding="utf-8")) for a in site.articles
    )
    advice = [*site.notices, *readability_notices(texts, audiences(options))]
    if reviews:
        due = reviews_due(site.articles, now.date(), options.review_age_months)
        advice += review_notices(due, options.review_age_months)
    report_notices(StatusView(site.status, now, status_settings(options)), advice)
    click.echo(
        f"OK: {len(site.articles)} articles, {len(site.status.incidents)} incidents, "
        f"{len(site.status.maintenance)} maintenance windows."
    )


@main.command("publish-status")
@CONFIG_OPTION
@click.argument("site_dir", type=click.Path(file_okay=False))
def publish_status_command(config_file: str, site_dir: str) -> None:
    """Update a built site for new status content in seconds, without rebuilding the articles.

    The result is byte-identical to a full build at the same SOURCE_DATE_EPOCH. When that cannot
    be promised (articles, templates or settings changed since the last full build), it says why
    and builds the whole site instead.

    \b
    Example:
      SOURCE_DATE_EPOCH=$(date +%s) frontdesk publish-status site
    """
    _setup_logging()
    try:
        config = load_config(config_file, strict=True, site_dir=site_dir)
        report = publish_status(config)
    except FullBuildNeeded as exc:
        click.echo(f"Full build needed: {exc}.", err=True)
        try:
            mkdocs_build(load_config(config_file, strict=True, site_dir=site_dir))
        except (ConfigurationError, PluginError, Abort) as error:
            raise click.ClickException(str(error)) from None
        return
    except (ConfigurationError, PluginError, Abort) as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(
        f"Published: {len(report.rendered)} pages rendered, {report.patched} pages updated in place"
        + (f", {len(report.removed)} stale files removed." if report.removed else ".")
    )


def frontdesk_options(config: MkDocsConfig) -> FrontdeskConfig:
    plugin = config.plugins.get("frontdesk")
    if plugin is None:
        raise ConfigurationError(
            f"{config.config_file_path}: plugins: the frontdesk plugin is not enabled"
        )
    return plugin.config


register(main)  # incident, maintenance and status commands for support staff

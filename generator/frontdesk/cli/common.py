"""What the support-staff commands share: options, value types, prompts and refusals.

Each command finds the docs directory through mkdocs.yml, asks for what is missing when a person
is at a terminal (scripts pass flags, and get exit 2 for a missing one), calls one function of
frontdesk.cli.authoring and turns its refusals into messages.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import click
import yaml

from frontdesk.cli import authoring as au
from frontdesk.cli.authoring.values import (
    UNKNOWN,
    duration,
    format_moment,
    parse_components,
    parse_moment,
    utc,
)
from frontdesk.content.errors import ContentError
from frontdesk.content.loading.status_files import unknown_component
from frontdesk.content.models import Impact, IncidentStatus, MaintenanceStatus
from frontdesk.mkdocs.config import FrontdeskConfig
from frontdesk.mkdocs.engine import EngineError, Site, read_site

IMPACTS = [i.value for i in Impact]
OPEN_STATUSES = [s.value for s in IncidentStatus if s is not IncidentStatus.RESOLVED]
WINDOW_STATUSES = [s.value for s in MaintenanceStatus]
POSTMORTEM_HINT = (
    "\n(Write the postmortem above in Markdown: summary, timeline, causes, follow-up.)\n"
)
NOW_VARIABLE = "FRONTDESK_NOW"
CONFIG = click.option(
    "-f", "--config-file", type=click.Path(exists=True, dir_okay=False), default="mkdocs.yml",
    show_default=True, help="The site's MkDocs configuration (it says where content/ is).",
)  # fmt: skip


class MomentType(click.ParamType):
    """An ISO 8601 time with a UTC offset, or a time from now (`+30m`, `+2h`, `+1d`); with
    `unknown_ok`, also the word `unknown`. With `posted`, a time when something was written,
    which cannot be later than now (beyond a few minutes of clock difference)."""

    name = "time"

    def __init__(self, unknown_ok: bool = False, posted: bool = False) -> None:
        self.unknown_ok, self.posted = unknown_ok, posted

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> datetime | str:
        if self.unknown_ok and value == UNKNOWN:
            return value
        now = utc_now()
        try:
            moment = value if isinstance(value, datetime) else parse_moment(str(value), now)
        except ValueError as exc:
            self.fail(f"{exc}{' (or unknown)' if self.unknown_ok else ''}", param, ctx)
        if self.posted:
            try:
                refuse_ahead(moment, now)
            except au.AuthoringError as exc:
                self.fail(str(exc), param, ctx)
        return moment


def refuse_ahead(moment: datetime, now: datetime) -> None:
    """A time customers will read as already past must not lie in the future."""
    if moment - now > CLOCK_SLACK:
        raise au.AuthoringError(
            f"{utc(moment)} is {duration(moment - now)} ahead of now ({utc(now)}): a time "
            "something happened or was posted cannot be in the future. Leave it out to use now, "
            "or give the real time"
        )


class ComponentsType(click.ParamType):
    """Typed at a prompt: ids from components.yml, checked at once so the prompt can ask again."""

    name = "components"

    def __init__(self, known: list[str], with_status: bool = True) -> None:
        self.known, self.with_status = known, with_status

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> list[str] | dict[str, str]:
        if not isinstance(value, str):
            return value
        try:
            parsed = parse_components(value)
        except au.AuthoringError as exc:
            self.fail(str(exc), param, ctx)
        if isinstance(parsed, dict) and not self.with_status:
            self.fail("maintenance takes component ids only, without statuses", param, ctx)
        for cid in parsed:
            if cid not in self.known:
                self.fail(unknown_component(cid, self.known), param, ctx)
        return parsed


MOMENT, ETA, POSTED = MomentType(), MomentType(unknown_ok=True), MomentType(posted=True)
CLOCK_SLACK = timedelta(minutes=5)  # a laptop's clock may run this far ahead of the true time


class OpenStatus(click.Choice):
    """An open incident's status. `resolved` is not offered, but is let through, so that the
    command can point to `frontdesk incident resolve` with the incident's id."""

    def __init__(self) -> None:
        super().__init__(OPEN_STATUSES)

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None):  # noqa: ANN201
        if value == IncidentStatus.RESOLVED.value:
            return value
        return super().convert(value, param, ctx)


def promised_update(after: datetime, interval_minutes: int) -> datetime:
    """When customers hear next if nobody says: the site's own update interval after `after`,
    offered as the answer at a terminal, and said aloud in a script."""
    default = after + timedelta(minutes=interval_minutes)
    if interactive():
        return click.prompt(f"Restoration time unknown; next update by (like +30m or "
                            f"{format_moment(default)})", default=f"+{interval_minutes}m",
                            type=MOMENT)  # fmt: skip
    click.echo(f"Customers are promised the next update by {utc(default)} (the site's "
               f"update_interval_minutes); --next-update gives another time.")  # fmt: skip
    return default


def example_time(now: datetime) -> str:
    """An example time at a prompt: two hours from now, so it is never one in the past."""
    return format_moment(now + timedelta(hours=2))


def setup_logging(verbose: bool = False) -> None:
    """MkDocs' messages on stderr, as `mkdocs build` prints them."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    mkdocs_logger = logging.getLogger("mkdocs")
    mkdocs_logger.addHandler(handler)
    mkdocs_logger.setLevel(logging.DEBUG if verbose else logging.INFO)


def site_config(config_file: str) -> Site:
    try:
        return read_site(config_file)
    except EngineError as exc:
        raise click.ClickException(str(exc)) from None


def status_paths(config_file: str) -> au.StatusPaths:
    site = site_config(config_file)
    return au.StatusPaths(site.docs_dir, site.root, site.languages)


def status_site(config_file: str) -> tuple[au.StatusPaths, FrontdeskConfig]:
    """Where the status files are, and the frontdesk plugin's options (the update interval the
    commands promise by)."""
    site = site_config(config_file)
    try:
        return au.StatusPaths(site.docs_dir, site.root, site.languages), site.options
    except EngineError as exc:
        raise click.ClickException(str(exc)) from None


def utc_now() -> datetime:
    """The wall clock, never SOURCE_DATE_EPOCH: an update's time is when it was written.
    FRONTDESK_NOW (an ISO time with an offset) stands in for it in scripts and tests."""
    pinned = os.environ.get(NOW_VARIABLE, "").strip()
    if pinned:
        try:
            return parse_moment(pinned).astimezone(UTC)
        except ValueError as exc:
            raise click.UsageError(f"{NOW_VARIABLE}: {exc}") from None
    return datetime.now(UTC).replace(microsecond=0)


def interactive() -> bool:
    return sys.stdin.isatty()


def components_prompt(known: list[str], with_status: bool) -> str:
    pairs = ", or id=status pairs" if with_status else ""
    return f"Components ({', '.join(known)}; comma-separated{pairs})"


@contextmanager
def refusals() -> Iterator[None]:
    """Library refusals and content problems become a message and exit 1; nothing is written."""
    try:
        yield
    except au.AuthoringError as exc:
        raise click.ClickException(str(exc)) from None
    except OSError as exc:
        raise click.ClickException(f"nothing was written: {exc}") from None
    except ContentError as exc:
        listed = "\n".join(f"  {problem}" for problem in exc.problems)
        raise click.ClickException(
            f"nothing was written, because of these problems (frontdesk check lists the same):\n{listed}"
        ) from None


def report_written(written: au.Written) -> None:
    click.echo(f"Wrote {written.shown}")
    click.echo("Check it with `frontdesk status`, then publish (the site rebuilds on push):")
    click.echo(f"  git add {written.shown}")
    click.echo(f'  git commit -m "{written.commit_message}"')
    click.echo("  git push")


# ---- help that speaks of the site's own components ----------------------------------------------

EXAMPLE_COMPONENTS = ("api", "web-app")  # where no site is found (`--help` outside one)


class SiteHelp(click.Command):
    """Help whose examples name the site's own component ids, read from the components.yml of
    the mkdocs.yml in the current folder, instead of ids the site may not have."""

    def get_help(self, ctx: click.Context) -> str:
        first, second = site_component_ids() or EXAMPLE_COMPONENTS
        return (
            super()
            .get_help(ctx)
            .replace("{components}", f"{first},{second}")
            .replace("{component}", first)
        )


class SiteHelpGroup(SiteHelp, click.Group):
    pass


def site_component_ids(config_file: str = "mkdocs.yml") -> tuple[str, str] | None:
    """Two component ids of the site in the current folder (one twice if it has one), if any.
    Help must never fail, so anything unreadable means no site."""
    try:
        config = yaml.load(Path(config_file).read_text(encoding="utf-8"), TolerantLoader)
        docs_dir = Path(config_file).parent / str(config.get("docs_dir", "docs"))
        catalog = yaml.safe_load((docs_dir / "status/components.yml").read_text(encoding="utf-8"))
        ids = [c["id"] for group in catalog["groups"] for c in group["components"]]
    except (OSError, yaml.YAMLError, AttributeError, KeyError, TypeError):
        return None
    return (ids[0], ids[1] if len(ids) > 1 else ids[0]) if ids else None


class TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml as plain data: tags such as !ENV or !!python/name read as plain values."""


TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)

"""`frontdesk incident`, `frontdesk maintenance` and `frontdesk status`: thin commands.

Each command finds the docs directory through mkdocs.yml, asks for what is missing when a person
is at a terminal (scripts pass flags, and get exit 2 for a missing one), calls one function of
generator.authoring and turns its refusals into messages. `register(main)` adds them to the
`frontdesk` group.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import click
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError

from generator import authoring as au
from generator.authoring.summary import status_lines
from generator.authoring.templates import placeholders
from generator.authoring.values import UNKNOWN, parse_components, parse_moment
from generator.clock import ClockError, build_time
from generator.config import status_settings
from generator.errors import ContentError
from generator.loading import load_status
from generator.loading.status_files import unknown_component
from generator.models import Impact, IncidentStatus, MaintenanceStatus
from generator.rendering import StatusSettings, StatusView
from generator.status import time_notices

IMPACTS = [i.value for i in Impact]
OPEN_STATUSES = [s.value for s in IncidentStatus if s is not IncidentStatus.RESOLVED]
WINDOW_STATUSES = [s.value for s in MaintenanceStatus]
POSTMORTEM_HINT = (
    "\n(Write the postmortem above in Markdown: summary, timeline, causes, follow-up.)\n"
)
CONFIG = click.option(
    "-f", "--config-file", type=click.Path(exists=True, dir_okay=False), default="mkdocs.yml",
    show_default=True, help="The site's MkDocs configuration (it says where content/ is).",
)  # fmt: skip


class MomentType(click.ParamType):
    """An ISO 8601 time with a UTC offset; with `unknown_ok`, also the word `unknown`."""

    name = "time"

    def __init__(self, unknown_ok: bool = False) -> None:
        self.unknown_ok = unknown_ok

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> datetime | str:
        if isinstance(value, datetime) or (self.unknown_ok and value == UNKNOWN):
            return value
        try:
            return parse_moment(str(value))
        except ValueError as exc:
            self.fail(f"{exc}{' (or unknown)' if self.unknown_ok else ''}", param, ctx)


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


MOMENT, ETA = MomentType(), MomentType(unknown_ok=True)


def register(main: click.Group) -> None:
    """Add `incident`, `maintenance` and `status` to the `frontdesk` group (once)."""
    for command in (incident, maintenance, status):
        if command.name not in main.commands:
            main.add_command(command)


# ---- incidents --------------------------------------------------------------------------------


@click.group()
def incident() -> None:
    """Open, update, resolve and review incidents (content/status/incidents/).

    \b
    Example:
      frontdesk incident new --template sign-in-failures
    """


@incident.command("new")
@CONFIG
@click.option("--template", "template_name", help="Prefill from content/status/templates/NAME.yml.")
@click.option("--title", help="What customers notice, in their words.")
@click.option("--impact", type=click.Choice(IMPACTS), help="How bad it is.")
@click.option("--components", help="Ids, comma-separated (sign-in,api), or id=status pairs.")
@click.option("--cause", help="What is known about the cause; 'still investigating' is honest.")
@click.option("--eta", type=ETA, help="Expected restoration (ISO time with offset) or unknown.")
@click.option("--next-update", type=MOMENT, help="When customers hear next; needed if eta unknown.")
@click.option("--prevention", help="What will stop it happening again.")
@click.option("--message", help="The first update customers read.")
@click.option("--apology", help="Optional apology.")
@click.option("--status", "first_status", type=click.Choice(OPEN_STATUSES), default="investigating",
              show_default=True, help="Status of the first update.")  # fmt: skip
@click.option("--started", type=MOMENT, help="When it started; default: now (UTC).")
@click.option("--id", "incident_id", help="File name without .yml; default: DATE-title-slug.")
def incident_new(config_file: str, template_name: str | None, **given: object) -> None:
    """Open an incident: write content/status/incidents/<id>.yml, validated.

    Missing values are asked for at a terminal; without one they must be flags. Values given
    replace the template's; any <<placeholder>> left in a field is refused.

    \b
    Example:
      frontdesk incident new --template sign-in-failures --eta unknown --next-update 2026-11-23T11:00Z
    """
    paths = _paths(config_file)
    with _refusals():
        known = [c.id for c in au.known_components(paths)]
        template = au.load_template(paths, template_name) if template_name else None
    values = dict(template.values) if template else {}
    values.update({k: v for k, v in given.items() if v is not None})
    title = _fill(values, "title", "Title (what customers notice)")
    impact = _fill(values, "impact", "Impact", type=click.Choice(IMPACTS))
    components = _components(values, known)
    cause = _fill(values, "cause", "Cause (what is known so far)")
    eta = _fill(values, "eta", "Expected back (like 2026-11-23T12:00:00Z, or unknown)", type=ETA)
    next_update = values.get("next_update")
    if eta == UNKNOWN:
        next_update = _fill(values, "next_update", "Next update by (like 2026-11-23T11:00:00Z)",
                            type=MOMENT)  # fmt: skip
    prevention = _fill(values, "prevention", "Prevention (what stops it happening again)")
    message = _fill(values, "message", "First message to customers")
    apology = _fill(values, "apology", "Apology") if "apology" in values else ""
    entry = au.NewIncident(
        title=title, impact=impact, components=components, started=given["started"] or _now(),
        cause=cause, eta=eta, next_update=next_update, prevention=prevention, message=message,
        status=given["first_status"], apology=apology,
    )  # fmt: skip
    with _refusals():
        _report(au.create_incident(paths, entry, given["incident_id"]))


@incident.command("update")
@CONFIG
@click.argument("incident_id")
@click.option("--status", "new_status", type=click.Choice([*OPEN_STATUSES, "resolved"]),
              help="investigating, identified or monitoring.")  # fmt: skip
@click.option("--message", help="What customers should know now.")
@click.option("--at", type=MOMENT, help="When it was posted; default: now (UTC).")
@click.option("--eta", type=ETA, help="A new expected restoration time, or unknown.")
@click.option("--next-update", type=MOMENT, help="When customers hear next.")
@click.option("--cause", help="Replace the cause with what is known now.")
@click.option("--prevention", help="Replace the prevention text.")
@click.option("--impact", type=click.Choice(IMPACTS), help="A changed impact.")
@click.option("--components", help="A changed list of components (ids or id=status pairs).")
def incident_update(config_file: str, incident_id: str, new_status: str | None,
                    message: str | None, at: datetime | None, **changes: object) -> None:  # fmt: skip
    """Append an update to an open incident, and change its ETA, cause or prevention.

    \b
    Example:
      frontdesk incident update 2026-11-23-sign-in --status identified --message "Found it."
    """
    if new_status == "resolved":
        raise click.UsageError(
            "--status resolved: close an incident with `frontdesk incident resolve "
            f"{incident_id} --message ...` (it can also record compensation)"
        )
    paths, at = _paths(config_file), at or _now()
    with _refusals():
        current = au.updatable_incident(paths, incident_id, at)
        components = changes.pop("components")
        components = parse_components(components) if components else None
    new_status = _ask(new_status, "--status", "Status", type=click.Choice(OPEN_STATUSES))
    eta = changes["eta"] if changes["eta"] is not None else (current.eta or UNKNOWN)
    if changes["next_update"] is None and au.needs_next_update(current, at, eta):
        changes["next_update"] = _ask(None, "--next-update", "Restoration time unknown; next "
                                      "update by (like 2026-11-23T11:00:00Z)", type=MOMENT)  # fmt: skip
    message = _ask(message, "--message", "Message to customers")
    change = au.IncidentChange(at=at, status=new_status, message=message, components=components,
                               **changes)  # fmt: skip
    with _refusals():
        _report(au.update_incident(paths, incident_id, change))


@incident.command("resolve")
@CONFIG
@click.argument("incident_id")
@click.option("--message", help="What customers should know now that it is fixed.")
@click.option("--at", type=MOMENT, help="When it was resolved; default: now (UTC).")
@click.option("--compensation", help="What affected customers get, and how.")
@click.option("--apology", help="An apology (replaces an earlier one).")
def incident_resolve(config_file: str, incident_id: str, message: str | None,
                     at: datetime | None, compensation: str | None, apology: str | None) -> None:  # fmt: skip
    """Close an incident with a `resolved` update; a postmortem may follow.

    \b
    Example:
      frontdesk incident resolve 2026-11-23-sign-in --message "Sign-in works on every app version."
    """
    paths, at = _paths(config_file), at or _now()
    with _refusals():
        au.updatable_incident(paths, incident_id, at)
    message = _ask(message, "--message", "Message to customers")
    with _refusals():
        _report(au.resolve_incident(paths, incident_id, at, message, compensation, apology))


@incident.command("postmortem")
@CONFIG
@click.argument("incident_id")
@click.option("--file", "source", type=click.Path(exists=True, dir_okay=False),
              help="A Markdown file with the postmortem.")  # fmt: skip
@click.option("--text", help="The postmortem itself.")
def incident_postmortem(config_file: str, incident_id: str, source: str | None,
                        text: str | None) -> None:  # fmt: skip
    """Add the postmortem of a resolved incident (at a terminal, an editor opens without flags).

    \b
    Example:
      frontdesk incident postmortem 2026-11-23-sign-in --file review.md
    """
    if source and text:
        raise click.UsageError("give --file or --text, not both")
    paths = _paths(config_file)
    with _refusals():
        au.reviewable_incident(paths, incident_id)
    if source:
        text = Path(source).read_text(encoding="utf-8")
    elif text is None:
        if not _interactive():
            raise click.UsageError("Missing option '--file' or '--text' (no terminal to ask on)")
        text = (click.edit(POSTMORTEM_HINT) or "").replace(POSTMORTEM_HINT.strip(), "")
    with _refusals():
        _report(au.add_postmortem(paths, incident_id, text))


@incident.command("templates")
@CONFIG
def incident_templates(config_file: str) -> None:
    """List the incident templates and the fields each still needs filled in.

    \b
    Example:
      frontdesk incident templates
    """
    paths = _paths(config_file)
    with _refusals():
        templates = au.load_templates(paths)
    if not templates:
        click.echo(f"No templates in {paths.show(paths.templates_dir)}/.")
    for template in templates:
        click.echo(f"{template.name}: {template.title}")
        pending = ", ".join(template.pending)
        click.echo(f"  to fill in: {pending}" if pending else "  nothing to fill in")


# ---- maintenance ------------------------------------------------------------------------------


@click.group()
def maintenance() -> None:
    """Plan maintenance windows, post their progress, cancel them (content/status/maintenance/).

    \b
    Example:
      frontdesk maintenance new --title "Database upgrade" --components api,web-app
    """


@maintenance.command("new")
@CONFIG
@click.option("--title", help="What the work is, for customers.")
@click.option("--components", help="Ids, comma-separated: api,web-app.")
@click.option("--start", type=MOMENT, help="When the window opens (ISO time with offset).")
@click.option("--end", type=MOMENT, help="When it closes.")
@click.option("--description", help="What customers will notice and what they need to do.")
@click.option("--message", default="", help="Optional first `scheduled` update.")
@click.option("--id", "window_id", help="File name without .yml; default: START-DATE-title-slug.")
def maintenance_new(config_file: str, title: str | None, components: str | None,
                    start: datetime | None, end: datetime | None, description: str | None,
                    message: str, window_id: str | None) -> None:  # fmt: skip
    """Plan a maintenance window: write content/status/maintenance/<id>.yml, validated.

    \b
    Example:
      frontdesk maintenance new --title "Database upgrade" --components api --start 2026-11-29T02:00Z --end 2026-11-29T03:00Z
    """
    paths = _paths(config_file)
    with _refusals():
        known = [c.id for c in au.known_components(paths)]
        ids = parse_components(components) if components else None
    if isinstance(ids, dict):
        raise click.UsageError("--components: maintenance takes component ids only")
    entry = au.NewMaintenance(
        title=_ask(title, "--title", "Title"),
        components=ids or _ask(None, "--components", _components_prompt(known, False),
                               type=ComponentsType(known, with_status=False)),
        start=_ask(start, "--start", "Start (like 2026-11-29T02:00:00Z)", type=MOMENT),
        end=_ask(end, "--end", "End (like 2026-11-29T04:00:00Z)", type=MOMENT),
        description=_ask(description, "--description", "Description"),
        message=message, announced=_now(),
    )  # fmt: skip
    with _refusals():
        _report(au.create_maintenance(paths, entry, window_id))


@maintenance.command("update")
@CONFIG
@click.argument("window_id")
@click.option("--status", "new_status", type=click.Choice(WINDOW_STATUSES), help="Progress.")
@click.option("--message", help="What customers should know now.")
@click.option("--at", type=MOMENT, help="When it was posted; default: now (UTC).")
def maintenance_update(config_file: str, window_id: str, new_status: str | None,
                       message: str | None, at: datetime | None) -> None:  # fmt: skip
    """Post progress on a window: scheduled, in_progress, verifying or completed.

    \b
    Example:
      frontdesk maintenance update 2026-11-25-payments-upgrade --status in_progress --message "Started."
    """
    paths, at = _paths(config_file), at or _now()
    with _refusals():
        au.updatable_maintenance(paths, window_id, at)
    new_status = _ask(new_status, "--status", "Status", type=click.Choice(WINDOW_STATUSES))
    message = _ask(message, "--message", "Message to customers")
    with _refusals():
        _report(au.update_maintenance(paths, window_id, at, new_status, message))


@maintenance.command("cancel")
@CONFIG
@click.argument("window_id")
@click.option("--message", help="Why, and whether customers need to do anything.")
@click.option("--at", type=MOMENT, help="When it was cancelled; default: now (UTC).")
def maintenance_cancel(config_file: str, window_id: str, message: str | None,
                       at: datetime | None) -> None:  # fmt: skip
    """Cancel a window: sets `cancelled: true` and adds a last update saying why.

    The update is `scheduled` if the work never began, `completed` if it was stopped part-way.

    \b
    Example:
      frontdesk maintenance cancel 2026-12-06-email-move --message "No longer needed."
    """
    paths, at = _paths(config_file), at or _now()
    with _refusals():
        au.updatable_maintenance(paths, window_id, at)
    message = _ask(message, "--message", "Message to customers")
    with _refusals():
        _report(au.cancel_maintenance(paths, window_id, at, message))


# ---- status -----------------------------------------------------------------------------------


@click.command()
@CONFIG
def status(config_file: str) -> None:
    """Print what the front-page status panel says now (SOURCE_DATE_EPOCH sets "now").

    \b
    Example:
      SOURCE_DATE_EPOCH=$(date -d '2026-11-24 09:00Z' +%s) frontdesk status
    """
    config = _config(config_file)
    plugin = config.plugins.get("frontdesk")
    settings = status_settings(plugin.config) if plugin else StatusSettings()
    try:
        content = load_status(Path(config.docs_dir), Path(config_file).resolve().parent)
        now = build_time()
    except (ContentError, ClockError) as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
    view = StatusView(content, now, settings)
    for line in status_lines(view, time_notices(content, now, settings.update_interval)):
        click.echo(line)


# ---- shared -----------------------------------------------------------------------------------


def _config(config_file: str) -> MkDocsConfig:
    try:
        return load_config(config_file)
    except ConfigurationError as exc:
        raise click.ClickException(str(exc)) from None


def _paths(config_file: str) -> au.StatusPaths:
    config = _config(config_file)
    return au.StatusPaths(Path(config.docs_dir), Path(config_file).resolve().parent)


def _now() -> datetime:
    """The wall clock, never SOURCE_DATE_EPOCH: an update's time is when it was written."""
    return datetime.now(timezone.utc).replace(microsecond=0)


def _interactive() -> bool:
    return sys.stdin.isatty()


def _ask(value: object, flag: str, question: str, **prompt: object) -> Any:
    """`value` if given; else a prompt at a terminal; else a usage error (exit 2)."""
    if value is not None:
        return value
    if not _interactive():
        raise click.UsageError(
            f"Missing option '{flag}' (no terminal to ask on; give it as a flag)"
        )
    return click.prompt(question, **prompt)


def _fill(values: dict[str, object], key: str, question: str, **prompt: object) -> Any:
    """A field from flags or template; at a terminal, a template's <<placeholder>> is asked for."""
    value = values.get(key)
    if placeholders(value) and _interactive():
        click.echo(f"The template says: {str(value).strip()}")
        return click.prompt(f"{question}, in your own words", **prompt)
    return _ask(value, f"--{key.replace('_', '-')}", question, **prompt)


def _components(values: dict[str, object], known: list[str]) -> list[str] | dict[str, str]:
    given = values.get("components")
    if isinstance(given, str):
        with _refusals():
            return parse_components(given)
    return _ask(given, "--components", _components_prompt(known, True), type=ComponentsType(known))


def _components_prompt(known: list[str], with_status: bool) -> str:
    pairs = ", or id=status pairs" if with_status else ""
    return f"Components ({', '.join(known)}; comma-separated{pairs})"


@contextmanager
def _refusals() -> Iterator[None]:
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


def _report(written: au.Written) -> None:
    click.echo(f"Wrote {written.shown}")
    click.echo("Check it with `frontdesk status`, then publish (the site rebuilds on push):")
    click.echo(f"  git add {written.shown}")
    click.echo(f'  git commit -m "{written.commit_message}"')
    click.echo("  git push")

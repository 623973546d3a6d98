"""`frontdesk incident …`: open, update, resolve and review incidents (thin commands).

`register(main)` adds these, `frontdesk maintenance …` and `frontdesk status` to the group.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from frontdesk.cli import authoring as au
from frontdesk.cli.authoring.values import UNKNOWN, parse_components
from frontdesk.cli.common import (
    CONFIG,
    ETA,
    IMPACTS,
    MOMENT,
    OPEN_STATUSES,
    POSTMORTEM_HINT,
    SiteHelp,
    SiteHelpGroup,
    ask,
    component_choice,
    fill,
    interactive,
    message_option,
    per_language,
    refusals,
    report_written,
    status_paths,
    utc_now,
)
from frontdesk.cli.maintenance import maintenance, status
from frontdesk.cli.translations import incident_translate, maintenance_translate


def register(main: click.Group) -> None:
    """Add `incident`, `maintenance` and `status` to the `frontdesk` group (once)."""
    incident.add_command(incident_translate)
    maintenance.add_command(maintenance_translate)
    for command in (incident, maintenance, status):
        if command.name not in main.commands:
            main.add_command(command)


# ---- incidents --------------------------------------------------------------------------------


@click.group(cls=SiteHelpGroup)
def incident() -> None:
    """Open, update, resolve and review incidents (content/status/incidents/).

    \b
    Example:
      frontdesk incident new --template sign-in-failures
    """


@incident.command("new", cls=SiteHelp)
@CONFIG
@click.option("--template", "template_name", help="Prefill from content/status/templates/NAME.yml.")
@click.option("--title", help="What customers notice, in their words.")
@click.option("--impact", type=click.Choice(IMPACTS), help="How bad it is.")
@click.option("--components", help="Ids, comma-separated ({components}), or id=status pairs.")
@click.option("--cause", help="What is known about the cause; 'still investigating' is honest.")
@click.option("--eta", type=ETA, help="Expected restoration (ISO time with offset) or unknown.")
@click.option("--next-update", type=MOMENT, help="When customers hear next; needed if eta unknown.")
@click.option("--prevention", help="What will stop it happening again.")
@message_option("The first update customers read.")
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
    paths = status_paths(config_file)
    with refusals():
        known = [c.id for c in au.known_components(paths)]
        template = au.load_template(paths, template_name) if template_name else None
    values = dict(template.values) if template else {}
    given["message"] = per_language(given["message"], paths.languages)  # type: ignore[arg-type]
    values.update({k: v for k, v in given.items() if v is not None})
    title = fill(values, "title", "Title (what customers notice)")
    impact = fill(values, "impact", "Impact", type=click.Choice(IMPACTS))
    components = component_choice(values, known)
    cause = fill(values, "cause", "Cause (what is known so far)")
    eta = fill(values, "eta", "Expected back (like 2026-11-23T12:00:00Z, or unknown)", type=ETA)
    next_update = values.get("next_update")
    if eta == UNKNOWN:
        next_update = fill(values, "next_update", "Next update by (like 2026-11-23T11:00:00Z)",
                            type=MOMENT)  # fmt: skip
    prevention = fill(values, "prevention", "Prevention (what stops it happening again)")
    message = fill(values, "message", "First message to customers")
    apology = fill(values, "apology", "Apology") if "apology" in values else ""
    entry = au.NewIncident(
        title=title, impact=impact, components=components, started=given["started"] or utc_now(),
        cause=cause, eta=eta, next_update=next_update, prevention=prevention, message=message,
        status=given["first_status"], apology=apology,
    )  # fmt: skip
    with refusals():
        report_written(au.create_incident(paths, entry, given["incident_id"]))


@incident.command("update", cls=SiteHelp)
@CONFIG
@click.argument("incident_id")
@click.option("--status", "new_status", type=click.Choice([*OPEN_STATUSES, "resolved"]),
              help="investigating, identified or monitoring.")  # fmt: skip
@message_option("What customers should know now.")
@click.option("--at", type=MOMENT, help="When it was posted; default: now (UTC).")
@click.option("--eta", type=ETA, help="A new expected restoration time, or unknown.")
@click.option("--next-update", type=MOMENT, help="When customers hear next.")
@click.option("--cause", help="Replace the cause with what is known now.")
@click.option("--prevention", help="Replace the prevention text.")
@click.option("--impact", type=click.Choice(IMPACTS), help="A changed impact.")
@click.option("--components", help="A changed list of components (ids or id=status pairs).")
def incident_update(config_file: str, incident_id: str, new_status: str | None,
                    message: tuple[str, ...], at: datetime | None, **changes: object) -> None:  # fmt: skip
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
    paths, at = status_paths(config_file), at or utc_now()
    with refusals():
        current = au.updatable_incident(paths, incident_id, at)
        components = changes.pop("components")
        components = parse_components(components) if components else None
    new_status = ask(new_status, "--status", "Status", type=click.Choice(OPEN_STATUSES))
    eta = changes["eta"] if changes["eta"] is not None else (current.eta or UNKNOWN)
    if changes["next_update"] is None and au.needs_next_update(current, at, eta):
        changes["next_update"] = ask(None, "--next-update", "Restoration time unknown; next "
                                      "update by (like 2026-11-23T11:00:00Z)", type=MOMENT)  # fmt: skip
    message = ask(per_language(message, paths.languages), "--message", "Message to customers")
    change = au.IncidentChange(at=at, status=new_status, message=message, components=components,
                               **changes)  # fmt: skip
    with refusals():
        report_written(au.update_incident(paths, incident_id, change))


def amendable_texts(command):  # noqa: ANN001, ANN201
    """The texts that may change after the fact, as options (each replaces the earlier text)."""
    for option in reversed((
        click.option("--prevention", help="What is being done so that it does not happen again."),
        click.option("--compensation", help="What affected customers get, and how."),
        click.option("--apology", help="An apology."),
        click.option("--postmortem", help="The postmortem, in Markdown (resolved incidents)."),
    )):  # fmt: skip
        command = option(command)
    return command


@incident.command("resolve", cls=SiteHelp)
@CONFIG
@click.argument("incident_id")
@message_option("What customers should know now that it is fixed.")
@click.option("--at", type=MOMENT, help="When it was resolved; default: now (UTC).")
@amendable_texts
def incident_resolve(config_file: str, incident_id: str, message: tuple[str, ...],
                     at: datetime | None, **texts: str | None) -> None:  # fmt: skip
    """Close an incident with a `resolved` update; the prevention plan, compensation, apology
    and postmortem may come with it or later (`frontdesk incident amend`).

    \b
    Example:
      frontdesk incident resolve 2026-11-23-sign-in --message "Sign-in works on every app version."
    """
    paths, at = status_paths(config_file), at or utc_now()
    with refusals():
        au.updatable_incident(paths, incident_id, at)
    message = ask(per_language(message, paths.languages), "--message", "Message to customers")
    with refusals():
        report_written(au.resolve_incident(paths, incident_id, at, message, **texts))


@incident.command("amend", cls=SiteHelp)
@CONFIG
@click.argument("incident_id")
@amendable_texts
def incident_amend(config_file: str, incident_id: str, **texts: str | None) -> None:
    """Replace what became known later, also once resolved: what prevents a repeat, the
    compensation, the apology, the postmortem (only once resolved). Adds no update.

    \b
    Example:
      frontdesk incident amend 2026-11-23-sign-in --prevention "Certificates now renew 30 days ahead."
    """
    paths = status_paths(config_file)
    with refusals():
        report_written(au.amend_incident(paths, incident_id, **texts))


@incident.command("postmortem", cls=SiteHelp)
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
    paths = status_paths(config_file)
    with refusals():
        au.reviewable_incident(paths, incident_id)
    if source:
        text = Path(source).read_text(encoding="utf-8")
    elif text is None:
        if not interactive():
            raise click.UsageError("Missing option '--file' or '--text' (no terminal to ask on)")
        text = (click.edit(POSTMORTEM_HINT) or "").replace(POSTMORTEM_HINT.strip(), "")
    with refusals():
        report_written(au.add_postmortem(paths, incident_id, text))


@incident.command("templates", cls=SiteHelp)
@CONFIG
def incident_templates(config_file: str) -> None:
    """List the incident templates and the fields each still needs filled in.

    \b
    Example:
      frontdesk incident templates
    """
    paths = status_paths(config_file)
    with refusals():
        templates = au.load_templates(paths)
    if not templates:
        click.echo(f"No templates in {paths.show(paths.templates_dir)}/.")
    for template in templates:
        click.echo(f"{template.name}: {template.title}")
        pending = ", ".join(template.pending)
        click.echo(f"  to fill in: {pending}" if pending else "  nothing to fill in")

"""`frontdesk incident …`: open, update, resolve and review incidents (thin commands).

`register(main)` adds these, `frontdesk maintenance …` and `frontdesk status` to the group.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from frontdesk.cli import authoring as au
from frontdesk.cli.answers import (
    DROP_TRANSLATIONS,
    Answers,
    ask,
    component_choice,
    message_option,
    per_language,
    text_option,
    texts_per_language,
)
from frontdesk.cli.authoring.values import UNKNOWN, parse_components
from frontdesk.cli.common import (
    CONFIG,
    ETA,
    IMPACTS,
    MOMENT,
    OPEN_STATUSES,
    POSTED,
    POSTMORTEM_HINT,
    OpenStatus,
    SiteHelp,
    SiteHelpGroup,
    example_time,
    interactive,
    promised_update,
    refusals,
    report_written,
    status_paths,
    status_site,
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
@text_option("--title", "What customers notice, in their words.")
@click.option("--impact", type=click.Choice(IMPACTS), help="How bad it is.")
@click.option("--components", help="Ids, comma-separated ({components}), or id=status pairs.")
@text_option("--cause", "What is known about the cause; 'still investigating' is honest.")
@click.option(
    "--eta", type=ETA, help="Expected restoration (+2h, or an ISO time with offset) or unknown."
)
@click.option("--next-update", type=MOMENT,
              help="When customers hear next, if eta is unknown; default: now plus the site's "
              "update_interval_minutes.")  # fmt: skip
@text_option("--prevention", "What will stop it happening again.")
@message_option("The first update customers read.")
@text_option("--apology", "Optional apology.")
@click.option("--status", "first_status", type=click.Choice(OPEN_STATUSES), default="investigating",
              show_default=True, help="Status of the first update.")  # fmt: skip
@click.option("--started", type=POSTED, help="When it started; default: now (UTC).")
@click.option("--id", "incident_id", help="File name without .yml; default: DATE-title-slug.")
def incident_new(config_file: str, template_name: str | None, **given: object) -> None:
    """Open an incident: write content/status/incidents/<id>.yml, validated.

    Missing values are asked for at a terminal; without one, every missing flag is listed at
    once. Values given replace the template's; a template's <<placeholder>> left in any field is
    asked for, or refused, naming the field. Times may be relative to now: +30m, +2h.

    \b
    Example:
      frontdesk incident new --template sign-in-failures --eta unknown --next-update +1h
    """
    paths, settings = status_site(config_file)
    now = utc_now()
    with refusals():
        known = [c.id for c in au.known_components(paths)]
        template = au.load_template(paths, template_name) if template_name else None
    values = dict(template.values) if template else {}
    given = texts_per_language(given, paths.languages)
    values.update({k: v for k, v in given.items() if v is not None})
    answers = Answers(values, template_name)
    title = answers.get("title", "Title (what customers notice)")
    impact = answers.get("impact", "Impact", type=click.Choice(IMPACTS))
    components = component_choice(answers, known)
    cause = answers.get("cause", "Cause (what is known so far)")
    eta = answers.get(
        "eta", f"Expected back (like +2h or {example_time(now)}, or unknown)", type=ETA
    )
    next_update = values.get("next_update")
    if eta == UNKNOWN and next_update is None:
        next_update = promised_update(now, settings.update_interval_minutes)
    prevention = answers.get("prevention", "Prevention (what stops it happening again)")
    message = answers.get("message", "First message to customers")
    apology = answers.get("apology", "Apology") if "apology" in values else ""
    answers.done()
    entry = au.NewIncident(
        title=title, impact=impact, components=components, started=given["started"] or now,
        cause=cause, eta=eta, next_update=next_update, prevention=prevention, message=message,
        status=given["first_status"], apology=apology,
    )  # fmt: skip
    with refusals():
        report_written(au.create_incident(paths, entry, given["incident_id"]))


@incident.command("update", cls=SiteHelp)
@CONFIG
@click.argument("incident_id")
@click.option("--status", "new_status", type=OpenStatus(), help="What the update says.")
@message_option("What customers should know now.")
@click.option("--at", type=POSTED, help="When it was posted; default: now (UTC).")
@click.option(
    "--eta", type=ETA, help="A new expected restoration time (+2h, an ISO time), or unknown."
)
@click.option("--next-update", type=MOMENT,
              help="When customers hear next; needed while eta is unknown, default: now plus "
              "the site's update_interval_minutes.")  # fmt: skip
@text_option("--cause", "Replace the cause with what is known now.")
@text_option("--prevention", "Replace the prevention text.")
@click.option("--impact", type=click.Choice(IMPACTS), help="A changed impact.")
@click.option("--components", help="A changed list of components (ids or id=status pairs).")
@DROP_TRANSLATIONS
def incident_update(config_file: str, incident_id: str, new_status: str | None,
                    message: tuple[str, ...], at: datetime | None, **changes: object) -> None:  # fmt: skip
    """Append an update to an open incident, and change its ETA, cause or prevention.

    \b
    Example:
      frontdesk incident update 2026-11-23-sign-in --status identified --message "Found it."
    """
    if new_status == "resolved":
        raise click.UsageError(
            f"--status resolved: close an incident with `frontdesk incident resolve {incident_id} "
            "--message ...` (it can also record compensation)"
        )
    (paths, settings), now = status_site(config_file), utc_now()
    at = at or now
    with refusals():
        current = au.updatable_incident(paths, incident_id, at, now)
        components = changes.pop("components")
        components = parse_components(components) if components else None
    changes = texts_per_language(changes, paths.languages)
    answers = Answers({"status": new_status, "message": per_language(message, paths.languages)})
    new_status = answers.get("status", "Status", type=click.Choice(OPEN_STATUSES))
    message = answers.get("message", "Message to customers")
    answers.done()
    eta = changes["eta"] if changes["eta"] is not None else (current.eta or UNKNOWN)
    if changes["next_update"] is None and au.needs_next_update(current, at, eta):
        changes["next_update"] = promised_update(at, settings.update_interval_minutes)
    change = au.IncidentChange(at=at, status=new_status, message=message, components=components,
                               **changes)  # fmt: skip
    with refusals():
        report_written(au.update_incident(paths, incident_id, change))


def amendable_texts(command):  # noqa: ANN001, ANN201
    """The texts that may change after the fact, as options (each replaces the earlier text)."""
    for option in reversed((
        text_option("--prevention", "What is being done so that it does not happen again."),
        text_option("--compensation", "What affected customers get, and how."),
        text_option("--apology", "An apology."),
        text_option("--postmortem", "The postmortem, in Markdown (resolved incidents)."),
        DROP_TRANSLATIONS,
    )):  # fmt: skip
        command = option(command)
    return command


@incident.command("resolve", cls=SiteHelp)
@CONFIG
@click.argument("incident_id")
@message_option("What customers should know now that it is fixed.")
@click.option("--at", type=POSTED, help="When it was resolved; default: now (UTC).")
@amendable_texts
def incident_resolve(config_file: str, incident_id: str, message: tuple[str, ...],
                     at: datetime | None, **texts: object) -> None:  # fmt: skip
    """Close an incident with a `resolved` update; the prevention plan, compensation, apology
    and postmortem may come with it or later (`frontdesk incident amend`).

    \b
    Example:
      frontdesk incident resolve 2026-11-23-sign-in --message "Sign-in works on every app version."
    """
    paths, now = status_paths(config_file), utc_now()
    at = at or now
    with refusals():
        au.updatable_incident(paths, incident_id, at, now)
    message = ask(per_language(message, paths.languages), "--message", "Message to customers")
    texts = texts_per_language(texts, paths.languages)
    with refusals():
        report_written(au.resolve_incident(paths, incident_id, at, message, **texts))


@incident.command("amend", cls=SiteHelp)
@CONFIG
@click.argument("incident_id")
@amendable_texts
def incident_amend(config_file: str, incident_id: str, **texts: object) -> None:
    """Replace what became known later, also once resolved: what prevents a repeat, the
    compensation, the apology, the postmortem (only once resolved). Adds no update.

    \b
    Example:
      frontdesk incident amend 2026-11-23-sign-in --prevention "Certificates now renew 30 days ahead."
    """
    paths = status_paths(config_file)
    texts = texts_per_language(texts, paths.languages)
    with refusals():
        report_written(au.amend_incident(paths, incident_id, **texts))


@incident.command("postmortem", cls=SiteHelp)
@CONFIG
@click.argument("incident_id")
@click.option("--file", "source", multiple=True,
              help="A Markdown file with the postmortem; per language: --file de=review.de.md.")  # fmt: skip
@text_option("--text", "The postmortem itself.")
@DROP_TRANSLATIONS
def incident_postmortem(config_file: str, incident_id: str, source: tuple[str, ...],
                        text: tuple[str, ...], drop_translations: bool) -> None:  # fmt: skip
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
    written = per_language(text, paths.languages, "--text")
    if source:
        files = per_language(source, paths.languages, "--file")
        with refusals():
            written = read_texts(files)
    elif written is None:
        if not interactive():
            raise click.UsageError("Missing option '--file' or '--text' (no terminal to ask on)")
        written = (click.edit(POSTMORTEM_HINT) or "").replace(POSTMORTEM_HINT.strip(), "")
    with refusals():
        report_written(au.add_postmortem(paths, incident_id, written, drop_translations))


def read_texts(files: str | dict[str, str]) -> str | dict[str, str]:
    if isinstance(files, dict):
        return {code: Path(name).read_text(encoding="utf-8") for code, name in files.items()}
    return Path(files).read_text(encoding="utf-8")


@incident.command("templates", cls=SiteHelp)
@CONFIG
def incident_templates(config_file: str) -> None:
    """List the incident templates and the fields each still needs filled in; exit 1 listing
    the problems of any that cannot be used.

    \b
    Example:
      frontdesk incident templates
    """
    paths = status_paths(config_file)
    templates, problems = au.load_templates(paths)
    if not templates and not problems:
        click.echo(f"No templates in {paths.show(paths.templates_dir)}/.")
    for template in templates:
        click.echo(f"{template.name}: {template.title}")
        pending = ", ".join(template.pending)
        click.echo(f"  to fill in: {pending}" if pending else "  nothing to fill in")
    if problems:
        listed = "\n".join(f"  {problem}" for problem in problems)
        raise click.ClickException(f"these templates cannot be used until fixed:\n{listed}")

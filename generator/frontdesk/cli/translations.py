"""`frontdesk incident translate` and `frontdesk maintenance translate`: a language's text for
what was posted in another, added to the file (thin commands)."""

from __future__ import annotations

import click

from frontdesk.cli import authoring as au
from frontdesk.cli.authoring.translations import NEWEST
from frontdesk.cli.common import CONFIG, refusals, report_written, status_paths

LANGUAGE = click.option(
    "--language", required=True, help="The language of the texts given, one of the site's others."
)
TITLE = click.option("--title", help="The title in that language.")
MESSAGE = click.option("--message", help="An update's message in that language.")
UPDATE = click.option(
    "--update", "update", type=int, default=NEWEST, show_default="the newest",
    help="Which update --message translates: its index as `frontdesk check` names it, "
    "updates[N] (0 is the first).",
)  # fmt: skip


@click.command("translate")
@CONFIG
@click.argument("incident_id")
@LANGUAGE
@TITLE
@click.option("--cause", help="The cause in that language.")
@click.option("--prevention", help="What prevents a repeat, in that language.")
@click.option("--apology", help="The apology in that language.")
@click.option("--compensation", help="The compensation in that language.")
@click.option("--postmortem", help="The postmortem in that language.")
@MESSAGE
@UPDATE
def incident_translate(config_file: str, incident_id: str, language: str, message: str | None,
                       update: int, **texts: str | None) -> None:  # fmt: skip
    """Add the text in another language of an incident posted in the default one: its title,
    cause, prevention, apology, compensation, postmortem, and an update's message (the newest
    unless --update names another). Adds no update; resolved incidents too.

    \b
    Example:
      frontdesk incident translate 2026-11-23-sign-in --language de --message "Wir haben die Ursache gefunden."
    """
    paths = status_paths(config_file)
    with refusals():
        report_written(
            au.translate_entry(paths, "incident", incident_id, language, texts, message, update)
        )


@click.command("translate")
@CONFIG
@click.argument("window_id")
@LANGUAGE
@TITLE
@click.option("--description", help="What customers should expect, in that language.")
@MESSAGE
@UPDATE
def maintenance_translate(config_file: str, window_id: str, language: str, message: str | None,
                          update: int, **texts: str | None) -> None:  # fmt: skip
    """Add the text in another language of a maintenance window posted in the default one: its
    title, description, and an update's message (the newest unless --update names another).

    \b
    Example:
      frontdesk maintenance translate 2026-11-25-payments --language de --title "Umstellung der Kartenzahlungen"
    """
    paths = status_paths(config_file)
    with refusals():
        report_written(
            au.translate_entry(paths, "maintenance", window_id, language, texts, message, update)
        )

"""What the support-staff commands share: options, value types, prompts and refusals.

Each command finds the docs directory through mkdocs.yml, asks for what is missing when a person
is at a terminal (scripts pass flags, and get exit 2 for a missing one), calls one function of
frontdesk.cli.authoring and turns its refusals into messages.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import click
import yaml

from frontdesk.cli import authoring as au
from frontdesk.cli.authoring.templates import placeholders
from frontdesk.cli.authoring.values import (
    UNKNOWN,
    duration,
    format_moment,
    parse_components,
    parse_moment,
    utc,
)
from frontdesk.content.errors import ContentError
from frontdesk.content.languages import CODE
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
        try:
            moment = value if isinstance(value, datetime) else parse_moment(str(value), utc_now())
        except ValueError as exc:
            self.fail(f"{exc}{' (or unknown)' if self.unknown_ok else ''}", param, ctx)
        if self.posted:
            try:
                refuse_ahead(moment, utc_now())
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


def message_option(help_text: str):  # noqa: ANN201
    """`--message`, given once for every language or once per language (`de=Text`)."""
    return text_option("--message", help_text)


def text_option(flag: str, help_text: str):  # noqa: ANN201
    """A text customers read, given once for every language or once per language (`de=Text`),
    as `per_language` reads it."""
    return click.option(
        flag, multiple=True,
        help=f"{help_text} On a site in several languages, one per language: "
        f"{flag} 'Found it.' {flag} de='Gefunden.'",
    )  # fmt: skip


DROP_TRANSLATIONS = click.option(
    "--drop-translations", is_flag=True,
    help="Replace a text written per language with one for every language, on purpose.",
)  # fmt: skip


def texts_per_language(given: dict[str, object], languages: Sequence[str]) -> dict[str, object]:
    """Each repeatable text option (a tuple) read by `per_language`, named by its flag."""
    return {
        key: per_language(value, languages, f"--{key.replace('_', '-')}")
        if isinstance(value, tuple) else value
        for key, value in given.items()
    }  # fmt: skip


def per_language(given: tuple[str, ...], languages: Sequence[str], flag: str = "--message"):  # noqa: ANN201
    """The text of a repeatable option: one text for every language, or a mapping by language
    code (`de=Text`; plain or `en=` for the default language, which is needed). None if not
    given."""
    if not given:
        return None
    if len(given) == 1 and not _coded(given[0], languages):
        return given[0]
    if len(languages) < 2:
        raise click.UsageError(f"{flag}: give it once; this site has one language")
    texts: dict[str, str] = {}
    for value in given:
        coded = _coded(value, languages)
        code, text = coded if coded else (languages[0], value)
        if code not in languages:
            raise click.UsageError(
                f"{flag}: unknown language code {code!r}; the site's languages are "
                f"{', '.join(languages)}"
            )
        if code in texts:
            raise click.UsageError(f"{flag}: the text in {code} is given twice")
        texts[code] = text
    if languages[0] not in texts:
        raise click.UsageError(
            f"{flag}: give the text in {languages[0]}, the default language, too (plain or "
            f"{languages[0]}=...): readers of a language without its own text read it"
        )
    return {code: texts[code] for code in languages if code in texts}


def _coded(value: str, languages: Sequence[str]) -> tuple[str, str] | None:
    """('de', 'Text') for 'de=Text' where `de` looks like a language code."""
    code, sep, text = value.partition("=")
    if sep and languages and CODE.match(code):
        return code, text
    return None


class Answers:
    """Values from flags or a template. What is missing, or still a template's <<placeholder>>,
    is asked for at a terminal; without one, every missing value is listed in one usage error
    (exit 2) by `done()`, so a script learns all that it must give at once."""

    def __init__(self, values: dict[str, object], template: str | None = None) -> None:
        self.values, self.template, self.missing = values, template, []

    def get(self, key: str, question: str, flag: str | None = None, **prompt: object) -> Any:
        value, flag = self.values.get(key), flag or f"--{key.replace('_', '-')}"
        pending = placeholders(value)
        if value is not None and not pending:
            return value
        if interactive():
            if pending:
                click.echo(f"The template says: {_shown(value)}")
                question = f"{question}, in your own words"
            return click.prompt(question, **prompt)
        says = f' (the template {self.template!r} says "{_shown(value)}")' if pending else ""
        self.missing.append(f"{flag}{says}")
        return None

    def done(self) -> None:
        if self.missing:
            raise click.UsageError(
                "Missing values (no terminal to ask on; give them as flags):\n  "
                + "\n  ".join(self.missing)
            )


def _shown(value: object) -> str:
    if isinstance(value, dict):
        return "; ".join(f"{code}: {str(text).strip()}" for code, text in value.items())
    shown = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    return " ".join(shown.split())


def ask(value: object, flag: str, question: str, **prompt: object) -> Any:
    """`value` if given; else a prompt at a terminal; else a usage error (exit 2)."""
    answers = Answers({"value": value})
    answer = answers.get("value", question, flag, **prompt)
    answers.done()
    return answer


def component_choice(answers: Answers, known: list[str]) -> list[str] | dict[str, str] | None:
    given = answers.values.get("components")
    if isinstance(given, str) and not placeholders(given):
        with refusals():
            return parse_components(given)
    return answers.get("components", components_prompt(known, True), type=ComponentsType(known))


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
        config = yaml.load(Path(config_file).read_text(encoding="utf-8"), _TolerantLoader)
        docs_dir = Path(config_file).parent / str(config.get("docs_dir", "docs"))
        catalog = yaml.safe_load((docs_dir / "status/components.yml").read_text(encoding="utf-8"))
        ids = [c["id"] for group in catalog["groups"] for c in group["components"]]
    except (OSError, yaml.YAMLError, AttributeError, KeyError, TypeError):
        return None
    return (ids[0], ids[1] if len(ids) > 1 else ids[0]) if ids else None


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml as plain data: tags such as !ENV or !!python/name read as plain values."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)

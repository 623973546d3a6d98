"""What the support-staff commands share: options, value types, prompts and refusals.

Each command finds the docs directory through mkdocs.yml, asks for what is missing when a person
is at a terminal (scripts pass flags, and get exit 2 for a missing one), calls one function of
frontdesk.cli.authoring and turns its refusals into messages.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import click
import yaml

from frontdesk.cli import authoring as au
from frontdesk.cli.authoring.templates import placeholders
from frontdesk.cli.authoring.values import UNKNOWN, parse_components, parse_moment
from frontdesk.content.errors import ContentError
from frontdesk.content.languages import CODE
from frontdesk.content.loading.status_files import unknown_component
from frontdesk.content.models import Impact, IncidentStatus, MaintenanceStatus
from frontdesk.mkdocs.engine import EngineError, Site, read_site

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


def site_config(config_file: str) -> Site:
    try:
        return read_site(config_file)
    except EngineError as exc:
        raise click.ClickException(str(exc)) from None


def status_paths(config_file: str) -> au.StatusPaths:
    site = site_config(config_file)
    return au.StatusPaths(site.docs_dir, site.root, site.languages)


def utc_now() -> datetime:
    """The wall clock, never SOURCE_DATE_EPOCH: an update's time is when it was written."""
    return datetime.now(timezone.utc).replace(microsecond=0)


def interactive() -> bool:
    return sys.stdin.isatty()


def message_option(help_text: str):  # noqa: ANN201
    """`--message`, given once for every language or once per language (`de=Text`)."""
    return click.option(
        "--message", multiple=True,
        help=f"{help_text} On a site in several languages, one per language: "
        "--message 'Found it.' --message de='Gefunden.'",
    )  # fmt: skip


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


def ask(value: object, flag: str, question: str, **prompt: object) -> Any:
    """`value` if given; else a prompt at a terminal; else a usage error (exit 2)."""
    if value is not None:
        return value
    if not interactive():
        raise click.UsageError(
            f"Missing option '{flag}' (no terminal to ask on; give it as a flag)"
        )
    return click.prompt(question, **prompt)


def fill(values: dict[str, object], key: str, question: str, **prompt: object) -> Any:
    """A field from flags or template; at a terminal, a template's <<placeholder>> is asked for."""
    value = values.get(key)
    if placeholders(value) and interactive():
        click.echo(f"The template says: {str(value).strip()}")
        return click.prompt(f"{question}, in your own words", **prompt)
    return ask(value, f"--{key.replace('_', '-')}", question, **prompt)


def component_choice(values: dict[str, object], known: list[str]) -> list[str] | dict[str, str]:
    given = values.get("components")
    if isinstance(given, str):
        with refusals():
            return parse_components(given)
    return ask(given, "--components", components_prompt(known, True), type=ComponentsType(known))


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

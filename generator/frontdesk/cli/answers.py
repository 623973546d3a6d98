"""What staff give the commands: texts once or per language (`--message de=...`), and the
values still missing, asked for at a terminal or all listed at once in a script."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import click

from frontdesk.cli.authoring.templates import placeholders
from frontdesk.cli.authoring.values import parse_components
from frontdesk.cli.common import ComponentsType, components_prompt, interactive, refusals
from frontdesk.content.languages import CODE


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

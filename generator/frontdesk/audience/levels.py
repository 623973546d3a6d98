"""Audience levels: which articles suit which reader, readability, and the CSS that hides passages."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from frontdesk.audience.readability import flesch_kincaid_grade
from frontdesk.content.errors import Problem
from frontdesk.content.models import ArticleMeta, Audience

_FENCE = re.compile(r"^(?P<fence>`{3,}|~{3,}).*?^(?P=fence)[ \t]*$", re.M | re.S)
_FRONT_MATTER = re.compile(r"\A---\s*\n.*?\n---\s*\n", re.S)
_INLINE_CODE = re.compile(r"`[^`\n]+`")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKUP_LINE = re.compile(r"^\s*(?:/{3,}.*|[!?]{3}\+?.*|\|.*|<[^>]+>\s*)$", re.M)
_SYMBOLS = re.compile(r"[#>*_]+")


@dataclass(frozen=True)
class LevelGroup:
    """One category's articles at one level."""

    category: str
    articles: tuple[ArticleMeta, ...]


def articles_by_level(
    articles: Iterable[ArticleMeta], levels: Sequence[Audience], category_order: Sequence[str]
) -> dict[str, list[LevelGroup]]:
    """For each level, its articles grouped by category in the site's category order."""
    order = {slug: index for index, slug in enumerate(category_order)}
    result: dict[str, list[LevelGroup]] = {}
    for level in levels:
        mine = [a for a in articles if a.audience == level.name]
        categories = sorted({a.category for a in mine}, key=lambda c: (order.get(c, len(order)), c))
        result[level.name] = [
            LevelGroup(
                c, tuple(sorted((a for a in mine if a.category == c), key=lambda a: a.title))
            )
            for c in categories
        ]
    return result


def prose(markdown_text: str) -> str:
    """The words a reader reads: front matter, code, tables and block markers removed."""
    text = _FRONT_MATTER.sub("", markdown_text)
    text = _FENCE.sub("", text)
    text = _INLINE_CODE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _MARKUP_LINE.sub("", text)
    return _SYMBOLS.sub("", text)


def reading_grade(markdown_text: str) -> float:
    """The Flesch-Kincaid grade of an article's prose (code excluded)."""
    return flesch_kincaid_grade(prose(markdown_text))


def readability_notices(
    articles: Iterable[tuple[ArticleMeta, str]], levels: Sequence[Audience]
) -> list[Problem]:
    """Articles whose prose reads above their level's ceiling, with their grade."""
    ceilings = {level.name: level.max_grade for level in levels if level.max_grade is not None}
    notices = []
    for article, text in articles:
        ceiling = ceilings.get(article.audience)
        if ceiling is None:
            continue
        grade = reading_grade(text)
        if grade > ceiling:
            notices.append(
                Problem(article.source, 0, "readability",
                        f"reading grade {grade} is above the {article.audience} ceiling of {ceiling:g}")
            )  # fmt: skip
    return notices


def level_css(levels: Sequence[Audience]) -> str:
    """Rules that hide passages and notes meant for other levels once a reader has chosen one."""
    # Prefixed with .md-typeset to outrank Material's own rules for admonitions and blocks.
    rules = [
        ".md-typeset .fd-term-explained, .md-typeset .fd-level-note { display: none; }",
        ".no-js .fd-level-switch { display: none; }",
    ]
    for level in levels:
        chosen = f'html[data-fd-level="{level.name}"] .md-typeset'
        rules += [
            f'{chosen} .fd-related li[data-fd-article-level="{level.name}"] {{ order: -1; }}',
            f'{chosen} .fd-level-block:not([data-fd-levels~="{level.name}"]) {{ display: none; }}',
            f'{chosen} .fd-term-explained[data-fd-levels~="{level.name}"] {{ display: inline; }}',
            f'{chosen} .fd-level-note:not([data-fd-article-level="{level.name}"]) {{ display: flow-root; }}',
        ]
    return "\n".join(rules)

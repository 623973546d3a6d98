"""Article and category translations beside their originals: `reset.de.md` translates
`reset.md`, `index.de.md` a category's `index.md` (the convention of mkdocs-static-i18n).

A translation's front matter needs only what differs (title, summary, tags); the level,
components, review date, owner and alternatives come from the original, and a translation that
contradicts them is an error naming its file and line.
"""

from __future__ import annotations

import posixpath
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from yaml.nodes import Node

from frontdesk.content.errors import Problem
from frontdesk.content.languages import translation_parts
from frontdesk.content.loading.articles import (
    ARTICLE_FIELDS,
    ARTICLES_DIR,
    CATEGORY_FIELDS,
    CATEGORY_PAGE,
    Category,
    front_matter,
    is_translation,
)
from frontdesk.content.loading.status_files import relative
from frontdesk.content.loading.yamlfile import Reader
from frontdesk.content.models import ArticleMeta

INHERITED = ("audience", "components", "reviewed", "owner", "alternatives")


@dataclass(frozen=True)
class Translation:
    """An article's or a category's text in another language."""

    source: str  # path relative to the repository root
    src_uri: str  # the translation's own file, relative to the docs directory
    original: str  # the original's src_uri
    language: str
    title: str
    summary: str
    tags: tuple[str, ...] = ()


def load_translations(
    docs_dir: Path,
    repo_root: Path,
    articles: Collection[ArticleMeta],
    categories: Collection[Category],
    languages: Sequence[str],
    problems: list[Problem],
) -> list[Translation]:
    """Every translation into the site's other languages (`languages[1:]`), in path order."""
    folder = docs_dir / ARTICLES_DIR
    by_src = {article.src_uri: article for article in articles}
    category_pages = {category.src_uri: category for category in categories}
    found = []
    for path in sorted(folder.rglob("*.md")) if folder.is_dir() else []:
        if not is_translation(path, languages[1:]):
            continue
        original_name, language = translation_parts(path.name) or ("", "")
        src_uri = path.relative_to(docs_dir).as_posix()
        original_src = posixpath.join(posixpath.dirname(src_uri), original_name)
        reader = Reader(relative(path, repo_root), problems)
        if not (docs_dir / original_src).is_file():
            reader.report(1, "file name", f"a translation of {original_name}, which does not exist")
            continue
        category = category_pages.get(original_src)
        allowed = CATEGORY_FIELDS if original_name == CATEGORY_PAGE else ARTICLE_FIELDS
        fields = front_matter(reader, path, allowed, ["title"])
        if fields is None:
            continue
        article = by_src.get(original_src)
        before = len(reader.problems)
        if article is not None:
            _check_inherited(reader, fields, article, src_uri)
        title = reader.text(fields["title"], "title") if "title" in fields else None
        summary = reader.text(fields["summary"], "summary") if "summary" in fields else None
        tags = (
            [t for t, _ in reader.text_list(fields["tags"], "tags")] if "tags" in fields else None
        )
        if len(reader.problems) > before or title is None:
            continue
        fallback = article or category
        found.append(Translation(
            source=reader.path, src_uri=src_uri, original=original_src, language=language,
            title=title, summary=summary or (fallback.summary if fallback else ""),
            tags=tuple(tags) if tags is not None else (article.tags if article else ()),
        ))  # fmt: skip
    return found


def _check_inherited(
    reader: Reader, fields: dict[str, Node], article: ArticleMeta, src_uri: str
) -> None:
    """The level, components, review date, owner and alternatives are the original's."""
    original = {
        "audience": article.audience,
        "components": list(article.component_ids),
        "reviewed": article.reviewed,
        "owner": article.owner or None,
        "alternatives": list(article.alternatives),
    }
    for name in INHERITED:
        if name not in fields:
            continue
        node = fields[name]
        if name == "components":
            value: object = [cid for cid, _ in reader.text_list(node, name)]
        elif name == "alternatives":
            links = [link for link, _ in reader.text_list(node, name)]
            here = posixpath.dirname(src_uri)
            value = [posixpath.normpath(posixpath.join(here, link)) for link in links]
        elif name == "reviewed":
            value = reader.day(node, name)
        else:
            value = reader.text(node, name)
        if value is not None and value != original[name]:
            reader.report(
                node, name,
                f"a translation takes its {name} from {posixpath.basename(article.src_uri)} "
                f"({_shown(original[name])}); got {_shown(value)}",
            )  # fmt: skip


def _shown(value: object) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(map(str, value)) + "]"
    return "none" if value is None else repr(str(value))

"""Load help-article front matter from content/articles/ with line-accurate validation."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from yaml.nodes import Node

from frontdesk.content.errors import ContentError, Problem
from frontdesk.content.languages import translation_parts
from frontdesk.content.loading.status_files import relative, unknown_component
from frontdesk.content.loading.yamlfile import Reader
from frontdesk.content.models import ArticleMeta, split_levels

ARTICLES_DIR = "articles"
CATEGORY_PAGE = "index.md"
GENERAL_CATEGORY = "general"
ARTICLE_FIELDS = (
    "title", "audience", "summary", "tags", "components", "reviewed", "owner", "alternatives",
    "hide", "search",
)  # fmt: skip
_LEVEL_OPEN = re.compile(r"^\s*(?P<slashes>/{3,})\s*level\s*\|(?P<names>.*)$")
_BLOCK_CLOSE = re.compile(r"^\s*(?P<slashes>/{3,})\s*$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s")
CATEGORY_FIELDS = ("title", "summary", "hide", "search")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?P<yaml>.*?)^(?:---|\.\.\.)[ \t]*$", re.S | re.M)


@dataclass(frozen=True)
class Category:
    slug: str
    title: str
    summary: str
    src_uri: str  # the category's index page, relative to the docs directory


def load_articles(
    docs_dir: Path,
    repo_root: Path,
    levels: Collection[str],
    known_components: Collection[str],
    notices: list[Problem] | None = None,
    languages: Sequence[str] = (),
) -> tuple[list[ArticleMeta], list[Category]]:
    """All articles and categories, in path order; raises ContentError listing every problem.

    Advice that should not stop a build (a heading inside a level passage) goes to `notices`.
    With `languages` (the default first), translations beside the originals are left to
    frontdesk.content.loading.translations, and any other `name.xx.md` is an error.
    """
    problems: list[Problem] = []
    notices = [] if notices is None else notices
    folder = docs_dir / ARTICLES_DIR
    articles: list[ArticleMeta] = []
    categories: dict[str, Category] = {}
    for path in sorted(folder.rglob("*.md")) if folder.is_dir() else []:
        src_uri = path.relative_to(docs_dir).as_posix()
        parts = path.relative_to(folder).parts
        category = parts[0] if len(parts) > 1 else GENERAL_CATEGORY
        reader = Reader(relative(path, repo_root), problems, notices)
        if languages and is_translation(path, languages[1:]):
            continue
        if languages and not right_language_suffix(reader, path, languages[0], languages[1:]):
            continue
        if path.name == CATEGORY_PAGE:
            categories[category] = _load_category(reader, path, category, src_uri)
        else:
            article = _load_article(reader, path, src_uri, category, levels, known_components)
            if article:
                articles.append(article)
    if problems:
        raise ContentError(problems)
    for slug in sorted({a.category for a in articles} - set(categories)):
        title = slug.replace("-", " ").capitalize()
        categories[slug] = Category(slug, title, "", f"{ARTICLES_DIR}/{slug}/{CATEGORY_PAGE}")
    return articles, sorted(categories.values(), key=lambda c: c.slug)


def is_translation(path: Path, languages: Collection[str]) -> bool:
    parts = translation_parts(path.name)
    return parts is not None and parts[1] in languages


def right_language_suffix(
    reader: Reader, path: Path, default: str, others: Collection[str]
) -> bool:
    """With languages set, `name.xx.md` names a language: it must be one of the site's others.
    False after reporting a name that does not."""
    parts = translation_parts(path.name)
    if parts is None or parts[1] in others:
        return True
    original, code = parts
    if code == default:
        reader.report(1, "file name", f"{default} is the default language: its text is {original}")
    else:
        codes = ", ".join([default, *others])
        reader.report(
            1, "file name", f"unknown language code {code!r}; the site's languages are {codes}"
        )
    return False


def front_matter(
    reader: Reader, path: Path, allowed: Collection[str], required: Collection[str]
) -> dict[str, Node] | None:
    """The front matter's fields as nodes (lines counted in the whole file), or None."""
    try:
        # Read as MkDocs reads a page: without a byte-order mark, any line ending as "\n".
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        reader.report(0, "file", f"expected UTF-8 text; byte {exc.start} is not UTF-8")
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    match = _FRONT_MATTER.match(text)
    if not match:
        reader.report(
            1,
            "front matter",
            f"missing; expected {', '.join(required)} between --- lines at the top",
        )
        return None
    root = reader.parse(match.group("yaml").encode("utf-8"), line_offset=1)
    return reader.mapping(root, "", allowed, required) if root else None


def _load_category(reader: Reader, path: Path, slug: str, src_uri: str) -> Category:
    fields = front_matter(reader, path, CATEGORY_FIELDS, ["title"]) or {}
    title = reader.text(fields["title"], "title") if "title" in fields else None
    summary = reader.text(fields["summary"], "summary") if "summary" in fields else None
    return Category(slug, title or slug, summary or "", src_uri)


def _load_article(
    reader: Reader,
    path: Path,
    src_uri: str,
    category: str,
    levels: Collection[str],
    known_components: Collection[str],
) -> ArticleMeta | None:
    fields = front_matter(reader, path, ARTICLE_FIELDS, ["title", "audience", "summary"])
    if fields is None:
        return None
    before = len(reader.problems)
    title = reader.text(fields["title"], "title") if "title" in fields else None
    summary = reader.text(fields["summary"], "summary") if "summary" in fields else None
    audience = None
    if "audience" in fields:
        audience = reader.text(fields["audience"], "audience")
        if audience is not None and audience not in levels:
            reader.report(
                fields["audience"],
                "audience",
                f"expected one of {', '.join(levels)}; got {audience!r}",
            )
    tags = [tag for tag, _ in reader.text_list(fields["tags"], "tags")] if "tags" in fields else []
    components = []
    for index, (cid, node) in enumerate(
        reader.text_list(fields["components"], "components") if "components" in fields else []
    ):
        if cid not in known_components:
            reader.report(node, f"components[{index}]", unknown_component(cid, known_components))
        components.append(cid)
    reviewed = reader.day(fields["reviewed"], "reviewed") if "reviewed" in fields else None
    alternatives = _alternatives(reader, fields.get("alternatives"), path, src_uri)
    owner = reader.text(fields["owner"], "owner") if "owner" in fields else ""
    _check_level_blocks(reader, path.read_text(encoding="utf-8"), levels)
    if len(reader.problems) > before or None in (title, summary, audience):
        return None
    return ArticleMeta(
        source=reader.path,
        src_uri=src_uri,
        category=category,
        title=title,
        audience=audience,
        summary=summary,
        tags=tuple(tags),
        component_ids=tuple(components),
        reviewed=reviewed,
        alternatives=tuple(alternatives),
        owner=owner or "",
    )


def _alternatives(reader: Reader, node: Node | None, path: Path, src_uri: str) -> list[str]:
    """Other articles on the same task for other levels, as relative .md links, resolved."""
    found = []
    for index, (link, item) in enumerate(reader.text_list(node, "alternatives") if node else []):
        target = (path.parent / link).resolve()
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), link))
        if not link.endswith(".md") or not target.is_file():
            reader.report(
                item,
                f"alternatives[{index}]",
                f"expected a relative link to an article .md file; {link!r} does not exist",
            )
        else:
            found.append(resolved)
    return found


def _check_level_blocks(reader: Reader, text: str, levels: Collection[str]) -> None:
    """Unknown level names are errors; headings inside a level passage are notices."""
    open_blocks: list[str] = []  # the slashes of each open block, innermost last
    level_depth = 0
    for number, line in enumerate(text.splitlines(), start=1):
        opened = _LEVEL_OPEN.match(line)
        if opened:
            names = split_levels(opened.group("names"))
            unknown = [n for n in names if n not in levels]
            if unknown or not names:
                found = ", ".join(unknown) if unknown else opened.group("names").strip()
                reader.report(
                    number, "level", f"expected one of {', '.join(levels)}; got {found!r}"
                )
            open_blocks.append(opened.group("slashes"))
            level_depth += 1
            continue
        if line.lstrip().startswith("///") and not _BLOCK_CLOSE.match(line):
            open_blocks.append("")  # another kind of block; it closes like any other
            continue
        closed = _BLOCK_CLOSE.match(line)
        if closed and open_blocks:
            if open_blocks.pop():
                level_depth -= 1
            continue
        if level_depth and _HEADING.match(line):
            reader.notices.append(
                Problem(
                    reader.path,
                    number,
                    "level",
                    "a heading inside a level passage makes table-of-contents and search entries that may point at hidden text",
                )
            )

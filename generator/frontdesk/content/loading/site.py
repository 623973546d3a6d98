"""Load all of a site's content at once, so one run reports every problem in every file."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from frontdesk.content.errors import ContentError, Problem
from frontdesk.content.languages import status_in
from frontdesk.content.loading.articles import Category, load_articles
from frontdesk.content.loading.status_files import (
    COMPONENTS_FILE,
    STATUS_DIR,
    load_catalog,
    load_status,
)
from frontdesk.content.loading.translations import Translation, load_translations
from frontdesk.content.models import ArticleMeta, StatusContent


@dataclass(frozen=True)
class SiteContent:
    status: StatusContent
    articles: tuple[ArticleMeta, ...]
    categories: tuple[Category, ...]
    notices: tuple[Problem, ...] = ()  # advice about content that does not stop a build
    translations: tuple[Translation, ...] = ()  # articles and categories in other languages


def load_site(
    docs_dir: Path,
    repo_root: Path,
    levels: Collection[str],
    articles_from: SiteContent | None = None,
    languages: Sequence[str] = (),
) -> SiteContent:
    """Status files and article front matter; raises one ContentError with every problem.

    `articles_from`: a SiteContent whose articles are known to be current (the same article files
    and components as when it was loaded): its articles are reused instead of read again.
    `languages`: the site's language codes, the default first; none for a one-language site.
    """
    problems: list[Problem] = []
    status = StatusContent()
    try:
        status = load_status(docs_dir, repo_root, languages)
    except ContentError as exc:
        problems.extend(exc.problems)
    if articles_from is not None:
        if problems:
            raise ContentError(problems)
        return replace(articles_from, status=status)
    # Articles are checked against the components even when other status files are broken.
    catalog = load_catalog(
        docs_dir / STATUS_DIR / COMPONENTS_FILE, repo_root, [], needed=False, languages=languages
    )
    known = {c.id for c in catalog.components}
    articles, categories, notices, translations = [], [], [], []
    try:
        articles, categories = load_articles(docs_dir, repo_root, levels, known, notices, languages)
    except ContentError as exc:
        problems.extend(exc.problems)
    if len(languages) > 1:
        translations = load_translations(
            docs_dir, repo_root, articles, categories, languages, problems
        )
    if problems:
        raise ContentError(problems)
    return SiteContent(
        status, tuple(articles), tuple(categories), tuple(notices), tuple(translations)
    )


def site_in(site: SiteContent, language: str) -> SiteContent:
    """The site as readers of `language` read it: article and category titles, summaries and
    tags from their translations where there are some, every status text in that language where
    it has one; the rest in the default language. Paths, levels and components are the same."""
    texts = {t.original: t for t in site.translations if t.language == language}
    articles = tuple(
        replace(a, title=t.title, summary=t.summary, tags=t.tags)
        if (t := texts.get(a.src_uri))
        else a
        for a in site.articles
    )
    categories = tuple(
        replace(c, title=t.title, summary=t.summary) if (t := texts.get(c.src_uri)) else c
        for c in site.categories
    )
    return replace(
        site, status=status_in(site.status, language), articles=articles, categories=categories
    )

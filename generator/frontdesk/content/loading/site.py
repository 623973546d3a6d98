"""Load all of a site's content at once, so one run reports every problem in every file."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace
from pathlib import Path

from frontdesk.content.errors import ContentError, Problem
from frontdesk.content.loading.articles import Category, load_articles
from frontdesk.content.loading.status_files import (
    COMPONENTS_FILE,
    STATUS_DIR,
    load_catalog,
    load_status,
)
from frontdesk.content.models import ArticleMeta, StatusContent


@dataclass(frozen=True)
class SiteContent:
    status: StatusContent
    articles: tuple[ArticleMeta, ...]
    categories: tuple[Category, ...]
    notices: tuple[Problem, ...] = ()  # advice about content that does not stop a build


def load_site(
    docs_dir: Path,
    repo_root: Path,
    levels: Collection[str],
    articles_from: SiteContent | None = None,
) -> SiteContent:
    """Status files and article front matter; raises one ContentError with every problem.

    `articles_from`: a SiteContent whose articles are known to be current (the same article files
    and components as when it was loaded): its articles are reused instead of read again.
    """
    problems: list[Problem] = []
    status = StatusContent()
    try:
        status = load_status(docs_dir, repo_root)
    except ContentError as exc:
        problems.extend(exc.problems)
    if articles_from is not None:
        if problems:
            raise ContentError(problems)
        return replace(articles_from, status=status)
    # Articles are checked against the components even when other status files are broken.
    catalog = load_catalog(docs_dir / STATUS_DIR / COMPONENTS_FILE, repo_root, [], needed=False)
    known = {c.id for c in catalog.components}
    articles, categories, notices = [], [], []
    try:
        articles, categories = load_articles(docs_dir, repo_root, levels, known, notices)
    except ContentError as exc:
        problems.extend(exc.problems)
    if problems:
        raise ContentError(problems)
    return SiteContent(status, tuple(articles), tuple(categories), tuple(notices))

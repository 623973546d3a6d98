"""What `frontdesk check` (and `frontdesk publish`, first) reports: every problem in the
content, the templates and the channels at once, then the notices, which never fail."""

from __future__ import annotations

import click

from frontdesk.audience.levels import readability_notices
from frontdesk.audience.review import review_notices, reviews_due
from frontdesk.cli.authoring import StatusPaths
from frontdesk.cli.authoring.templates import template_problems
from frontdesk.content.clock import ClockError, build_time
from frontdesk.content.errors import ContentError
from frontdesk.content.loading import load_site
from frontdesk.content.loading.status_notices import dated_after, untranslated_news
from frontdesk.mkdocs.config import audiences, status_settings
from frontdesk.mkdocs.engine import EngineError, read_site
from frontdesk.notify.channels import channel_problems
from frontdesk.status.notices import report_notices
from frontdesk.status.view import StatusView


def check_site(config_file: str, reviews: bool = False) -> bool:
    """Print every problem (to stderr) and every notice; True when there is no problem."""
    try:
        config = read_site(config_file)
        config.require_site_url()
        options = config.options
        now = build_time()
    except (ClockError, EngineError) as exc:
        click.echo(str(exc), err=True)
        return False
    levels = [level.name for level in options.levels]
    paths = StatusPaths(config.docs_dir, config.root, config.languages)
    unusable = template_problems(paths)  # templates are checked even when content fails
    try:
        site = load_site(config.docs_dir, config.root, levels, languages=config.languages)
    except ContentError as exc:
        click.echo(str(ContentError([*exc.problems, *unusable])), err=True)
        return False
    known = {component.id for component in site.status.catalog.components}
    problems = channel_problems(options.notify, known, config.languages)
    if unusable:
        problems.insert(0, str(ContentError(unusable)))
    if problems:
        click.echo("\n".join(problems), err=True)
        return False
    texts = ((a, (config.docs_dir / a.src_uri).read_text(encoding="utf-8")) for a in site.articles)
    advice = [
        *site.notices,
        *untranslated_news(site.status, config.languages, config.root),
        *dated_after(site.status, now, config.root),
        *readability_notices(texts, audiences(options)),
    ]
    if reviews:
        due = reviews_due(site.articles, now.date(), options.review_age_months)
        advice += review_notices(due, options.review_age_months)
    report_notices(StatusView(site.status, now, status_settings(options)), advice)
    click.echo(
        f"OK: {counted(len(site.articles), 'article')}, "
        f"{counted(len(site.status.incidents), 'incident')}, "
        f"{counted(len(site.status.maintenance), 'maintenance window')}."
    )
    return True


def counted(number: int, thing: str) -> str:
    return f"{number} {thing}" + ("" if number == 1 else "s")

"""Articles due for review: never reviewed, or reviewed longer ago than the site allows."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from frontdesk.content.errors import Problem
from frontdesk.content.models import ArticleMeta


@dataclass(frozen=True)
class DueReview:
    article: ArticleMeta
    age_days: int | None  # None: never reviewed


def reviews_due(
    articles: Iterable[ArticleMeta], today: date, max_age_months: int
) -> list[DueReview]:
    """Articles due for review, oldest first (never reviewed counts as oldest)."""
    limit = _months_before(today, max_age_months)
    due = [
        DueReview(a, None if a.reviewed is None else (today - a.reviewed).days)
        for a in articles
        if a.reviewed is None or a.reviewed < limit
    ]
    return sorted(due, key=lambda d: (d.age_days is not None, -(d.age_days or 0), d.article.source))


def review_notices(due: Iterable[DueReview], max_age_months: int) -> list[Problem]:
    notices = []
    for item in due:
        owner = f"; owner {item.article.owner}" if item.article.owner else ""
        if item.age_days is None:
            message = f"never reviewed (no reviewed: date){owner}"
        else:
            message = f"last reviewed {item.article.reviewed}, {item.age_days} days ago; due every {max_age_months} months{owner}"
        notices.append(Problem(item.article.source, 0, "reviewed", message))
    return notices


def _months_before(day: date, months: int) -> date:
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    for candidate in (day.day, 30, 29, 28):  # clamp 31 March minus one month to the month's end
        try:
            return date(year, month + 1, candidate)
        except ValueError:
            continue
    raise ValueError(day)

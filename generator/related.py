"""Related articles: the ones sharing the most tags, then the same category, computed once per build."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from generator.models import ArticleMeta

TAG_WEIGHT = 2
CATEGORY_WEIGHT = 1


def related_articles(
    articles: Sequence[ArticleMeta], limit: int = 6
) -> dict[str, list[ArticleMeta]]:
    """For each article, up to `limit` others by shared tags and category, best first.

    An inverted index keeps this near linear for large help centres: only articles that share
    a tag or the category are ever compared.
    """
    by_tag: dict[str, list[int]] = defaultdict(list)
    by_category: dict[str, list[int]] = defaultdict(list)
    for index, article in enumerate(articles):
        for tag in set(article.tags):
            by_tag[tag].append(index)
        by_category[article.category].append(index)
    result = {}
    for index, article in enumerate(articles):
        scores: Counter[int] = Counter()
        for tag in set(article.tags):
            for other in by_tag[tag]:
                scores[other] += TAG_WEIGHT
        for other in by_category[article.category]:
            scores[other] += CATEGORY_WEIGHT
        scores.pop(index, None)
        best = sorted(scores.items(), key=lambda item: (-item[1], articles[item[0]].title))[:limit]
        result[article.src_uri] = [articles[other] for other, _ in best]
    return result

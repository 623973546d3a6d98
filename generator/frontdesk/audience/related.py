"""Related articles: the ones sharing the most tags, then the same category, computed once per build."""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Sequence
from operator import itemgetter

from frontdesk.content.models import ArticleMeta

TAG_WEIGHT = 2
CATEGORY_WEIGHT = 1
POOL_WINDOW = (
    40  # from each shared tag or category, the nearest articles in path order on each side
)


def related_articles(
    articles: Sequence[ArticleMeta], limit: int = 6
) -> dict[str, list[ArticleMeta]]:
    """For each article, up to `limit` others by shared tags and category, best first.

    Candidates come from an inverted index, and from each tag or category only a window of
    neighbours is scored, so the work stays linear however many articles share a common tag.
    Ties keep path order, so the result is the same on every build.
    """
    pools: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, article in enumerate(articles):
        for key in _keys(article):
            pools[key].append(index)
    position = {
        (key, index): at for key, members in pools.items() for at, index in enumerate(members)
    }
    result = {}
    for index, article in enumerate(articles):
        scores: Counter[int] = Counter()
        for key in _keys(article):
            members, at = pools[key], position[(key, index)]
            weight = TAG_WEIGHT if key[0] == "tag" else CATEGORY_WEIGHT
            for other in members[max(0, at - POOL_WINDOW) : at + POOL_WINDOW + 1]:
                scores[other] += weight
        scores.pop(index, None)
        best = heapq.nlargest(limit, sorted(scores.items()), key=itemgetter(1))
        result[article.src_uri] = [articles[other] for other, _ in best]
    return result


def _keys(article: ArticleMeta) -> list[tuple[str, str]]:
    return [("tag", tag) for tag in sorted(set(article.tags))] + [("category", article.category)]

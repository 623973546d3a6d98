"""The readability grade: the figures textstat 0.7.3 gave for every article of the example and the
starter site (tests/readability/textstat_grades.json, computed once with it and kept as data),
and the counting rules behind them."""

from __future__ import annotations

import json

import pytest
from conftest import REPO

from frontdesk.audience.levels import reading_grade
from frontdesk.audience.readability import (
    flesch_kincaid_grade,
    sentence_count,
    syllable_count,
    word_count,
)

GRADES = json.loads((REPO / "tests/readability/textstat_grades.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("article", sorted(GRADES))
def test_every_article_keeps_the_grade_textstat_gave_it(article: str) -> None:
    assert reading_grade((REPO / article).read_text(encoding="utf-8")) == GRADES[article]


def test_the_stored_figures_cover_every_article() -> None:
    articles = {p.relative_to(REPO).as_posix() for p in (REPO / "content/articles").rglob("*.md")}
    assert articles <= set(GRADES) and len(GRADES) > 25


def test_words_sentences_and_syllables_are_counted_as_textstat_counts_them() -> None:
    assert word_count("Don't stop-me now, please.") == 4  # punctuation is dropped, not split on
    assert sentence_count("Next: Open the app. Sign in with your email address! Done.") == 2
    assert sentence_count("") == 1
    assert (
        syllable_count("invoice payment") == 4
    )  # in-voice pay-ment: pyphen's hyphenation points, plus one a word
    assert flesch_kincaid_grade("The cat sat on the mat. It was a good cat.") == -1.7
    assert flesch_kincaid_grade("") == -15.7

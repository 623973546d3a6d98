"""The Flesch-Kincaid grade of a text, with syllables from pyphen's hyphenation dictionary.

Words, sentences and syllables are counted as textstat 0.7 counts them, so grades match the ones
sites have been given before; pyphen ships its dictionaries, so nothing is downloaded and nothing
is imported from setuptools.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

_PUNCTUATION = re.compile(r"[^\w\s]")
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")
SHORTEST_SENTENCE = 3  # words; shorter fragments (headings, "Next:") are not counted as sentences


def flesch_kincaid_grade(text: str) -> float:
    """0.39 × words per sentence + 11.8 × syllables per word − 15.59, to one decimal."""
    words = word_count(text)
    if not words:
        return _rounded(-15.59)
    per_sentence = _rounded(words / sentence_count(text))
    per_word = _rounded(syllable_count(text) / words)
    return _rounded(0.39 * per_sentence + 11.8 * per_word - 15.59)


def word_count(text: str) -> int:
    return len(_PUNCTUATION.sub("", text).split())


def sentence_count(text: str) -> int:
    """Runs of text ending in . ! or ?, leaving out those of fewer than three words; at least 1."""
    sentences = _SENTENCE.findall(text)
    short = sum(1 for sentence in sentences if word_count(sentence) < SHORTEST_SENTENCE)
    return max(1, len(sentences) - short)


def syllable_count(text: str) -> int:
    """One more than the hyphenation points pyphen finds, for every word."""
    hyphenation = _dictionary()
    words = _PUNCTUATION.sub("", text.lower()).split()
    return sum(len(hyphenation.positions(word)) + 1 for word in words)


@lru_cache(maxsize=1)
def _dictionary():  # noqa: ANN202 (pyphen ships no type hints)
    import pyphen  # loaded on the first grade: only `frontdesk check` grades prose

    return pyphen.Pyphen(lang="en_US")


def _rounded(number: float) -> float:
    """To one decimal as textstat 0.7 rounds: half up, and a negative number one step down."""
    return math.floor(number * 10 + math.copysign(0.5, number)) / 10

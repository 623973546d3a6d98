"""Markdown for audience levels: `/// level | novice` passages, and glossary terms explained.

A passage is always in the HTML, labelled with its level, so nothing is lost without JavaScript;
the reader's chosen level hides the others with CSS (see audience.level_css).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Mapping, Sequence

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

from frontdesk.content.models import Audience, split_levels

LEVEL_BLOCK = "level"
_SKIP_TAGS = {"code", "pre", "a", "abbr", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style"}


class LevelBlockExtension(BlocksExtension):
    """Registers the `level` block for the configured levels."""

    def __init__(self, levels: Sequence[Audience]) -> None:
        self.levels = {level.name: level for level in levels}
        super().__init__()

    def extendMarkdownBlocks(self, md: Markdown, block_mgr) -> None:  # noqa: N802, ANN001
        levels = self.levels

        class LevelBlock(Block):
            NAME = LEVEL_BLOCK
            ARGUMENT = True

            def on_validate(self, parent: etree.Element) -> bool:
                names = split_levels(self.argument)
                return bool(names) and all(name in levels for name in names)

            def on_create(self, parent: etree.Element) -> etree.Element:
                names = split_levels(self.argument)
                element = etree.SubElement(
                    parent, "div", {"class": "fd-level-block", "data-fd-levels": " ".join(names)}
                )
                label = etree.SubElement(element, "p", {"class": "fd-level-block__label"})
                label.text = (
                    "For " + " and ".join(levels[n].label.lower() for n in names) + " readers"
                )
                return element

        block_mgr.register(LevelBlock, {})


class _GlossaryTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, glossary: Mapping[str, str], novice: str) -> None:
        super().__init__(md)
        self.glossary = glossary
        self.novice = novice
        terms = sorted(glossary, key=len, reverse=True)
        self.pattern = (
            re.compile(r"\b(" + "|".join(map(re.escape, terms)) + r")\b", re.I) if terms else None
        )
        self.lookup = {term.lower(): term for term in glossary}

    def run(self, root: etree.Element) -> None:
        if self.pattern:
            self._walk(root, set())

    def _walk(self, element: etree.Element, seen: set[str]) -> None:
        for child in list(element):
            if child.tag in _SKIP_TAGS or self._hidden_from_novices(child):
                self._tail(element, child, seen)
                continue
            self._text(child, seen)
            self._walk(child, seen)
            self._tail(element, child, seen)

    def _hidden_from_novices(self, element: etree.Element) -> bool:
        """A passage for other levels: a first use there would be lost on novices."""
        levels = element.get("data-fd-levels")
        return levels is not None and self.novice not in levels.split()

    def _text(self, element: etree.Element, seen: set[str]) -> None:
        text = element.text or ""
        nodes = self._mark(text, seen)
        if nodes:
            element.text = nodes[0]
            for index, node in enumerate(nodes[1:]):
                element.insert(index, node)

    def _tail(self, parent: etree.Element, child: etree.Element, seen: set[str]) -> None:
        nodes = self._mark(child.tail or "", seen)
        if nodes:
            child.tail = nodes[0]
            position = list(parent).index(child) + 1
            for offset, node in enumerate(nodes[1:]):
                parent.insert(position + offset, node)

    def _mark(self, text: str, seen: set[str]) -> list:
        """[leading text, element, element, ...] with each element's tail holding what follows."""
        match = self.pattern.search(text) if text else None
        while match and self.lookup[match.group(1).lower()] in seen:
            match = self.pattern.search(text, match.end())
        if not match:
            return []
        term = self.lookup[match.group(1).lower()]
        seen.add(term)
        abbr = etree.Element("abbr", {"title": self.glossary[term], "class": "fd-term"})
        abbr.text = match.group(1)
        explain = etree.Element(
            "span", {"class": "fd-term-explained", "data-fd-levels": self.novice}
        )
        explain.text = f" ({self.glossary[term].rstrip('.')})"
        rest = self._mark(text[match.end() :], seen)
        explain.tail = rest[0] if rest else text[match.end() :]
        return [text[: match.start()], abbr, explain, *rest[1:]]


class GlossaryExtension(Extension):
    """The first use of each glossary term gets a tooltip and, for novices, an inline explanation."""

    def __init__(self, glossary: Mapping[str, str], novice: str) -> None:
        self.glossary = dict(glossary)
        self.novice = novice
        super().__init__()

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802
        md.treeprocessors.register(
            _GlossaryTreeprocessor(md, self.glossary, self.novice), "frontdesk_glossary", 5
        )

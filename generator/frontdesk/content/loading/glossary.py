"""Load the glossary: a mapping of terms to plain-language definitions."""

from __future__ import annotations

from pathlib import Path

from frontdesk.content.errors import ContentError, Problem
from frontdesk.content.loading.status_files import relative
from frontdesk.content.loading.yamlfile import Reader, describe


def load_glossary(path: Path, repo_root: Path) -> dict[str, str]:
    """Term -> definition, in file order; an absent file is an empty glossary."""
    if not path.is_file():
        return {}
    problems: list[Problem] = []
    reader = Reader(relative(path, repo_root), problems)
    root = reader.parse(path.read_bytes())
    glossary: dict[str, str] = {}
    if root is not None:
        nodes = root.value if root.tag.endswith(":map") else None
        if nodes is None:
            reader.report(
                root, "file", f"expected a mapping of term: definition; got {describe(root)}"
            )
        for key, value in nodes or []:
            term = reader.text(key, "term")
            definition = reader.text(value, term or "definition")
            if term in glossary:
                reader.report(key, term, "duplicate term; each term may appear once")
            elif term and definition:
                glossary[term] = " ".join(definition.split())
    if problems:
        raise ContentError(problems)
    return glossary

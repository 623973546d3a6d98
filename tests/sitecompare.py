"""Comparing two built sites file by file.

Pagefind 1.5 writes the values inside each filter file, and the list of filters in its metadata
file, in an order that changes from run to run (the same content; see bench/README.md), and names
those files by content hashes. Those are compared by decoded content, order-free, with the hashes
masked. `.frontdesk/cache.pickle` is working state for the next status publish (converted
Markdown accumulates across publishes), not part of the site, and is left out. Every other file
must be byte-identical.
"""

from __future__ import annotations

import gzip
import re
from collections import defaultdict
from pathlib import Path

from generator.build_cache import CACHE_FILE

_HASH = re.compile(r"en_[0-9a-f]{6,12}")


def differences(left: Path, right: Path) -> list[str]:
    """Paths that differ or exist on one side only, Pagefind's ordering aside."""
    sides = [_canonical_tree(left), _canonical_tree(right)]
    names = sorted(set(sides[0]) | set(sides[1]))
    return [name for name in names if sides[0].get(name) != sides[1].get(name)]


def _canonical_tree(root: Path) -> dict[str, object]:
    tree: dict[str, object] = {}
    filters: dict[str, list[bytes]] = defaultdict(list)
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        name = path.relative_to(root).as_posix()
        if name == CACHE_FILE:
            continue
        data = path.read_bytes()
        if not name.startswith("pagefind"):
            tree[name] = data
        elif "/filter/" in name:
            filters[name.split("/")[0] + "/filter/*"].append(bytes(sorted(gzip.decompress(data))))
        elif name.endswith(".pf_meta"):  # lists the filters, also in a changing order
            masked = _HASH.sub("en_#", gzip.decompress(data).decode("latin-1"))
            tree[_HASH.sub("en_#", name)] = sorted(masked)
        elif name.endswith("pagefind-entry.json"):
            tree[name] = _HASH.sub("en_#", data.decode("utf-8"))
        else:
            tree[name] = data
    tree.update({name: sorted(contents) for name, contents in filters.items()})
    return tree

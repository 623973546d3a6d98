"""Comparing two built sites file by file.

Pagefind 1.5 writes the values inside each filter file, the list of filters in its metadata
file and, with several languages, the languages of its entry file in an order that changes from
run to run (the same content; see bench/README.md), and names those files by content hashes. Those two kinds of file are decoded and compared as data: the
order Pagefind happens to write is dropped, what each value or page is linked to is kept, and
the hashes in their names are masked. `.frontdesk/cache.pickle` and the compiled templates in
`.frontdesk/templates/` are working state for the next status publish (converted Markdown
accumulates across publishes), not part of the site, and are left out. Every other file must be byte-identical.

Layout of Pagefind's data files (gzip, then the `pagefind_dcd` header, then CBOR):

- `<bundle>/pagefind.<lang>_<hash>.pf_meta`: `[version, pages, index_chunks, filters, sorts,
  ...]`, where `pages` is `[[page hash, word count], ...]` in page-number order, `index_chunks`
  is `[[first word, last word, index file hash], ...]`, `filters` is `[[filter name, filter file
  hash], ...]` and `sorts` is `[[sort key, [page number, ...]], ...]`.
- `<bundle>/filter/<lang>_<hash>.pf_filter`: `[filter name, [[value, [page number, ...]], ...]]`.

Page numbers are positions in the metadata's page list of the same language; the page hash found
there (which also names the page's fragment file) stands for the page here, so that a filter
value moving from one page to another is a difference even when every value keeps its count.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from pathlib import Path

from pagefind_files import decode

from frontdesk.mkdocs.build_cache import CACHE_FILE
from frontdesk.mkdocs.theme import COMPILED_TEMPLATES

_HASH = re.compile(r"\b[a-z]{2,3}(?:-[A-Za-z]{2,4})?_[0-9a-f]{6,12}")
_META = re.compile(r"pagefind\.(?P<stem>(?P<language>[^/]+)_[0-9a-f]+)\.pf_meta")
_FILTER = re.compile(r"filter/(?P<stem>(?P<language>[^/]+)_[0-9a-f]+)\.pf_filter")


def differences(left: Path, right: Path) -> list[str]:
    """Paths that differ or exist on one side only, Pagefind's ordering aside."""
    sides = [_canonical_tree(left), _canonical_tree(right)]
    names = sorted(set(sides[0]) | set(sides[1]))
    return [name for name in names if sides[0].get(name) != sides[1].get(name)]


def fingerprints(root: Path, leave_out: tuple[str, ...] = ()) -> dict[str, str]:
    """A SHA-256 for every file of a built site, Pagefind's ordering aside (as `differences`
    compares), so that a site can be kept as data: what differs, differs here too."""
    return {
        name: hashlib.sha256(
            data if isinstance(data, bytes) else repr(_sorted(data)).encode()
        ).hexdigest()
        for name, data in _canonical_tree(root).items()
        if name not in leave_out
    }


def _sorted(data: object) -> object:
    """Mappings in key order, so that the hash of decoded data never depends on dict order."""
    if isinstance(data, dict):
        return sorted((repr(k), _sorted(v)) for k, v in data.items())
    if isinstance(data, (list, tuple)):
        return [_sorted(item) for item in data]
    return data


def _canonical_tree(root: Path) -> dict[str, object]:
    tree: dict[str, object] = {}
    bundles: dict[str, dict[str, bytes]] = defaultdict(dict)
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        name = path.relative_to(root).as_posix()
        if name == CACHE_FILE or name.startswith(f"{COMPILED_TEMPLATES}/"):
            continue
        data = path.read_bytes()
        bundle, _, inner = name.partition("/")
        if not bundle.startswith("pagefind") or not inner:
            tree[name] = data
        elif _META.fullmatch(inner) or _FILTER.fullmatch(inner):
            bundles[bundle][inner] = data
        elif inner == "pagefind-entry.json":  # names each language's metadata by its hash
            tree[name] = _entry_layout(data)
        else:
            tree[name] = data
    for bundle, files in bundles.items():
        tree.update(_canonical_bundle(bundle, files))
    return tree


def _entry_layout(data: bytes) -> object:
    """The bundle's entry file as data: its languages in any order, their hashes masked."""
    entry = json.loads(data)
    for language in entry.get("languages", {}).values():
        language["hash"] = _HASH.sub("#", language.get("hash", ""))
    return entry


def _canonical_bundle(bundle: str, files: dict[str, bytes]) -> dict[str, object]:
    filters: dict[str, tuple[str, str, list]] = {}  # by the stem the metadata points at
    metas: dict[str, list[list]] = defaultdict(list)  # by language: one each, unless broken
    for inner, data in files.items():
        name = f"{bundle}/{inner}"
        if match := _FILTER.fullmatch(inner):
            filter_name, values = _filter_layout(decode(data, name), name)
            filters[match["stem"]] = (match["language"], filter_name, values)
        elif match := _META.fullmatch(inner):
            metas[match["language"]].append(_meta_layout(decode(data, name), name))

    # With no metadata file, or more than one, for a language, page numbers stay numbers.
    pages = {
        language: [page[0] for page in found[0][1]]
        for language, found in metas.items()
        if len(found) == 1
    }
    out: dict[str, object] = {}
    for language, found in metas.items():
        on = pages.get(language, [])
        canonical = []
        for version, page_list, chunks, filter_links, sorts, *rest in found:
            canonical.append(
                {
                    "version": version,
                    "pages": [tuple(page) for page in page_list],
                    "index_chunks": [tuple(chunk) for chunk in chunks],
                    # Which file each filter points at, told by the filter name inside that file.
                    "filters": sorted(
                        (filter_name, filters[stem][1] if stem in filters else "(no such file)")
                        for filter_name, stem in filter_links
                    ),
                    "sorts": sorted(
                        (key, tuple(_page(on, number) for number in numbers))
                        for key, numbers in sorts
                    ),
                    "rest": rest,
                }
            )
        out[f"{bundle}/pagefind.{language}_#.pf_meta"] = sorted(canonical, key=repr)
    grouped: dict[str, list] = defaultdict(list)
    for language, filter_name, values in filters.values():
        on = pages.get(language, [])
        pages_by_value = (
            (value, tuple(sorted(_page(on, number) for number in numbers)))
            for value, numbers in values
        )
        grouped[f"{bundle}/filter/{language}_#.pf_filter ({filter_name})"].append(
            tuple(sorted(pages_by_value))
        )
    out.update({name: sorted(contents) for name, contents in grouped.items()})
    return out


def _page(pages: list[str], number: object) -> str:
    """The page hash for a page number, or the number as it stands when there is no such page."""
    if isinstance(number, int) and 0 <= number < len(pages):
        return pages[number]
    return f"page #{number!r}"


class _Layout(ValueError):
    pass


def _require(condition: bool) -> None:
    if not condition:
        raise _Layout


def _filter_layout(payload: object, name: str) -> tuple[str, list]:
    # An unknown layout must stop the comparison: guessing at it could call two sites equal.
    try:
        filter_name, values = payload
        _require(isinstance(filter_name, str) and isinstance(values, list))
        for value, numbers in values:
            _require(isinstance(value, str) and isinstance(numbers, list))
    except (TypeError, ValueError) as error:
        raise ValueError(f"{name}: not a filter file as Pagefind 1.5 writes it") from error
    return filter_name, values


def _meta_layout(payload: object, name: str) -> list:
    try:
        _require(isinstance(payload, list) and len(payload) >= 5)
        version, pages, chunks, filter_links, sorts = payload[:5]
        _require(isinstance(version, str))
        for page in pages:
            _require(isinstance(page, list) and len(page) == 2 and isinstance(page[0], str))
        for chunk in chunks:
            _require(isinstance(chunk, list) and len(chunk) == 3)
        for filter_name, stem in filter_links:
            _require(isinstance(filter_name, str) and isinstance(stem, str))
        for key, numbers in sorts:
            _require(isinstance(key, str) and isinstance(numbers, list))
    except (TypeError, ValueError) as error:
        raise ValueError(f"{name}: not a metadata file as Pagefind 1.5 writes it") from error
    return payload

"""`sitecompare.differences` sees through Pagefind's changing order, and only through that.

Each test copies the example site and rewrites Pagefind files in the copy the way another
Pagefind run would: new content goes to a file named by its new hash, the metadata file points at
it (and is renamed by its own new hash), and `pagefind-entry.json` names the new metadata file.
The files are encoded here independently of `sitecompare`: gzip, the `pagefind_dcd` header, CBOR.
"""

from __future__ import annotations

import gzip
import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path

import cbor2
import pytest
from sitecompare import differences

HEADER = b"pagefind_dcd"


def read(path: Path) -> list:
    raw = gzip.decompress(path.read_bytes())
    assert raw.startswith(HEADER)
    return cbor2.loads(raw[len(HEADER) :])


def encode(payload: list) -> bytes:
    return HEADER + cbor2.dumps(payload)


def write(folder: Path, pattern: str, digits: int, payload: list) -> str:
    """Write `payload` to `pattern` filled with a name made of its hash; return that name."""
    stem = "en_" + hashlib.sha256(encode(payload)).hexdigest()[:digits]
    (folder / pattern.format(stem)).write_bytes(gzip.compress(encode(payload), mtime=0))
    return stem


def meta_path(bundle: Path) -> Path:
    (path,) = bundle.glob("pagefind.en_*.pf_meta")
    return path


def rewrite_meta(bundle: Path, change: Callable[[list], list]) -> None:
    old = meta_path(bundle)
    old_stem = old.name.split(".")[1]
    payload = change(read(old))
    old.unlink()
    new_stem = write(bundle, "pagefind.{}.pf_meta", 10, payload)
    entry = bundle / "pagefind-entry.json"
    entry.write_text(entry.read_text(encoding="utf-8").replace(old_stem, new_stem), "utf-8")


def rewrite_filter(bundle: Path, name: str, change: Callable[[list], list]) -> None:
    links = read(meta_path(bundle))[3]
    (old_stem,) = [stem for filter_name, stem in links if filter_name == name]
    old = bundle / "filter" / f"{old_stem}.pf_filter"
    payload = change(read(old))
    old.unlink()
    new_stem = write(bundle / "filter", "{}.pf_filter", 7, payload)
    assert new_stem != old_stem

    def relink(meta: list) -> list:
        meta[3] = [[n, new_stem if n == name else stem] for n, stem in meta[3]]
        return meta

    rewrite_meta(bundle, relink)


@pytest.fixture
def copy(example_site: Path, tmp_path: Path) -> Path:
    return shutil.copytree(example_site, tmp_path / "copy")


def test_the_copy_is_the_same_site(example_site: Path, copy: Path) -> None:
    assert differences(example_site, copy) == []


def test_values_and_filters_in_another_order_are_the_same_site(
    example_site: Path, copy: Path
) -> None:
    bundle = copy / "pagefind"
    before = sorted(path.name for path in bundle.rglob("*.pf_*"))
    for name in ("category", "level"):
        rewrite_filter(bundle, name, lambda payload: [payload[0], payload[1][::-1]])
    rewrite_meta(bundle, lambda meta: [*meta[:3], meta[3][::-1], *meta[4:]])

    assert sorted(path.name for path in bundle.rglob("*.pf_*")) != before
    assert differences(example_site, copy) == []


def swap_two_pages(payload: list) -> list:
    """Move one page from the first value to the second and one page back: counts stay."""
    (first, first_pages), (second, second_pages) = payload[1][:2]
    one = next(page for page in first_pages if page not in second_pages)
    other = next(page for page in second_pages if page not in first_pages)
    first_pages = sorted({*first_pages} - {one} | {other})
    second_pages = sorted({*second_pages} - {other} | {one})
    return [payload[0], [[first, first_pages], [second, second_pages], *payload[1][2:]]]


def test_two_pages_swapping_their_filter_values_is_a_difference(
    example_site: Path, copy: Path
) -> None:
    bundle = copy / "pagefind"
    original = read(bundle / "filter" / f"{dict(read(meta_path(bundle))[3])['category']}.pf_filter")
    # The swap keeps every byte, only in other places: order-free bytes could not see it.
    assert sorted(encode(swap_two_pages(original))) == sorted(encode(original))

    rewrite_filter(bundle, "category", swap_two_pages)

    assert differences(example_site, copy) == ["pagefind/filter/en_#.pf_filter (category)"]


def test_filters_name_pages_by_hash_not_by_number(example_site: Path, copy: Path) -> None:
    """Pages 0 and 1 trade places in the page list, and every filter follows them."""
    bundle = copy / "pagefind"
    renumber = {0: 1, 1: 0}

    def follow(payload: list) -> list:
        values = [
            [value, sorted(renumber.get(n, n) for n in numbers)] for value, numbers in payload[1]
        ]
        return [payload[0], values]

    def trade_places(meta: list) -> list:
        meta[1][0], meta[1][1] = meta[1][1], meta[1][0]
        return meta

    links = read(meta_path(bundle))[3]

    def carried_by(page: int) -> set[tuple[str, str]]:
        return {
            (name, value)
            for name, stem in links
            for value, numbers in read(bundle / "filter" / f"{stem}.pf_filter")[1]
            if page in numbers
        }

    # Two pages with the same values would leave every filter as it was: nothing proved.
    assert carried_by(0) != carried_by(1)
    for name, _ in links:
        rewrite_filter(bundle, name, follow)
    rewrite_meta(bundle, trade_places)

    assert differences(example_site, copy) == ["pagefind/pagefind.en_#.pf_meta"]


def more_words_on_the_first_page(meta: list) -> list:
    meta[1][0][1] += 1
    return meta


def filters_pointing_at_each_other(meta: list) -> list:
    (one, one_stem), (other, other_stem) = meta[3]
    meta[3] = [[one, other_stem], [other, one_stem]]
    return meta


@pytest.mark.parametrize("change", [more_words_on_the_first_page, filters_pointing_at_each_other])
def test_a_changed_metadata_entry_is_a_difference(
    example_site: Path, copy: Path, change: Callable[[list], list]
) -> None:
    rewrite_meta(copy / "pagefind", change)
    assert differences(example_site, copy) == ["pagefind/pagefind.en_#.pf_meta"]


def test_a_file_that_is_not_pagefind_data_stops_the_comparison(
    example_site: Path, copy: Path
) -> None:
    # Compared undecoded it could only be guessed at, so it is refused rather than passed.
    (path, *_) = (copy / "pagefind" / "filter").glob("*.pf_filter")
    path.write_bytes(gzip.compress(cbor2.dumps(read(path))))
    with pytest.raises(ValueError, match="pagefind_dcd"):
        differences(example_site, copy)

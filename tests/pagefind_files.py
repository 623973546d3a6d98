"""Reading Pagefind's files as its search client does: gzip, then the `pagefind_dcd` header, then
CBOR (metadata and filter files) or JSON (a page's fragment)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import cbor2

HEADER = b"pagefind_dcd"


def payload(data: bytes, name: str = "") -> bytes:
    raw = gzip.decompress(data)
    if not raw.startswith(HEADER):
        raise ValueError(f"{name}: no {HEADER.decode()} header; not a Pagefind data file")
    return raw[len(HEADER) :]


def decode(data: bytes, name: str = "") -> object:
    """The CBOR payload of a Pagefind `.pf_meta` or `.pf_filter` file."""
    return cbor2.loads(payload(data, name))


def fragments(bundle: Path) -> list[dict]:
    """Every page record of a bundle (url, content, meta, filters), as search results show them."""
    return [
        json.loads(payload(path.read_bytes(), str(path)))
        for path in sorted(bundle.glob("fragment/*.pf_fragment"))
    ]

"""Frontdesk: a help centre and status page from one git repository, built with MkDocs."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("frontdesk")
except PackageNotFoundError:  # imported from a source tree that was never installed
    __version__ = "0+unknown"

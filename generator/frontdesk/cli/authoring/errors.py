"""The one error an edit raises when it is refused (content problems stay ContentError)."""

from __future__ import annotations


class AuthoringError(Exception):
    """An edit that was refused; the message names the file and says what to do instead."""

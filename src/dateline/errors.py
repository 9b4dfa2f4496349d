"""Errors a user meets: each names the document and says what was wrong, in one line."""

from __future__ import annotations


class DatelineError(Exception):
    """Base class of every error dateline raises on purpose."""


class DocumentError(DatelineError):
    """A document could not be read into an article. ``str(error)`` is the one-line report."""

    def __init__(self, origin: str, reason: str) -> None:
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason

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

    def __reduce__(self) -> tuple[object, tuple[type[DocumentError], str, str]]:
        # errors cross process boundaries (ingest workers, Spark executors) intact, subclasses too
        return (_rebuild, (type(self), self.origin, self.reason))


def _rebuild(kind: type[DocumentError], origin: str, reason: str) -> DocumentError:
    error = Exception.__new__(kind)
    DocumentError.__init__(error, origin, reason)
    return error

"""Where raw documents come from. Every source yields RawDocument, or a DocumentError in its place."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from dateline.errors import DocumentError
from dateline.record import RawDocument
from dateline.sources.files import read_files


def is_url(item: str) -> bool:
    return item.startswith(("http://", "https://"))


def read_inputs(items: Iterable[str | Path]) -> Iterator[RawDocument | DocumentError]:
    """Paths (files or folders) in the order given."""
    for item in items:
        if isinstance(item, str) and is_url(item):
            yield DocumentError(item, "fetching URLs is not supported by this version; save the page as a file")
            continue
        yield from read_files([item])


__all__ = ["is_url", "read_files", "read_inputs"]

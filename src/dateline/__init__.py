"""dateline: clean articles and the facts inside them, from news in any form.

The small public API::

    import dateline
    article = dateline.read("page.html")            # extract only
    article = dateline.annotate(article)            # quotes, times, entities, places, quantities
    store = dateline.open_store("archive.db"); store.upsert(article)
"""

from __future__ import annotations

from pathlib import Path

from dateline.enrich import enrich as annotate
from dateline.errors import DatelineError, DocumentError
from dateline.extract import extract
from dateline.record import Article, RawDocument
from dateline.sources.files import read_file
from dateline.store import open_store

__version__ = "0.1.0"


def read(path: str | Path) -> Article:
    """Read one file (HTML, PDF or text dump; gzip too) into an Article, or raise DocumentError."""
    return extract(read_file(Path(path)))


__all__ = [
    "Article", "DatelineError", "DocumentError", "RawDocument", "annotate", "extract", "open_store", "read",
]  # fmt: skip

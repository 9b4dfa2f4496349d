"""The archive: one interface (:class:`Store`), backends chosen by database URL."""

from __future__ import annotations

import os

from dateline.errors import DatelineError
from dateline.store.base import QuoteHit, QuoteQuery, SearchHit, SearchQuery, Store
from dateline.store.query import QueryError

DEFAULT_DB = "dateline.db"


def default_db_url() -> str:
    return os.environ.get("DATELINE_DB") or DEFAULT_DB


def open_store(url: str | None = None) -> Store:
    """``path/to/file.db`` or ``sqlite:///path`` for SQLite (the default, ./dateline.db or $DATELINE_DB)."""
    url = url or default_db_url()
    if url.startswith(("postgresql://", "postgres://")):
        raise DatelineError(f"{url.split('@')[-1]}: PostgreSQL archives are not supported by this version yet")
    from dateline.store.sqlite import SQLiteStore

    return SQLiteStore(url.removeprefix("sqlite:///").removeprefix("sqlite://"))


__all__ = ["QueryError", "QuoteHit", "QuoteQuery", "SearchHit", "SearchQuery", "Store", "open_store"]

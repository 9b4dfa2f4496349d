"""The archive: one interface (:class:`Store`), backends chosen by database URL."""

from __future__ import annotations

import os

from dateline.store.base import QuoteHit, QuoteQuery, SearchHit, SearchQuery, Store
from dateline.store.query import QueryError

DEFAULT_DB = "dateline.db"


def default_db_url() -> str:
    return os.environ.get("DATELINE_DB") or DEFAULT_DB


def open_store(url: str | None = None) -> Store:
    """``path/to/file.db`` or ``sqlite:///path`` for SQLite (the default, ./dateline.db or $DATELINE_DB);
    ``postgresql://user:password@host/dbname`` (or ``postgres://``) for PostgreSQL."""
    url = url or default_db_url()
    if url.startswith(("postgresql://", "postgres://")):
        # imported here so SQLite users never load the PostgreSQL driver
        from dateline.store.postgres import PostgresStore

        return PostgresStore(url)
    from dateline.store.sqlite import SQLiteStore

    return SQLiteStore(url.removeprefix("sqlite:///").removeprefix("sqlite://"))


__all__ = ["QueryError", "QuoteHit", "QuoteQuery", "SearchHit", "SearchQuery", "Store", "open_store"]

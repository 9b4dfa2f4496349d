"""The archive: one interface (:class:`Store`), backends chosen by database URL."""

from __future__ import annotations

import os
from pathlib import Path

from dateline.store.base import ArchiveOpenError, QuoteHit, QuoteQuery, SearchHit, SearchQuery, Store, redacted_url
from dateline.store.query import QueryError

DEFAULT_DB = "dateline.db"


def default_db_url() -> str:
    return os.environ.get("DATELINE_DB") or DEFAULT_DB


def open_store(url: str | None = None, create: bool = True) -> Store:
    """``path/to/file.db`` or ``sqlite:///path`` for SQLite (the default, ./dateline.db or $DATELINE_DB);
    ``postgresql://user:password@host/dbname`` (or ``postgres://``) for PostgreSQL.

    ``create=False`` (commands that only read) refuses a SQLite archive that does not exist, so a
    mistyped path is an error rather than a new, empty archive. Raises DatelineError when the archive
    cannot be opened."""
    url = url or default_db_url()
    if url.startswith(("postgresql://", "postgres://")):
        # imported here so SQLite users never load the PostgreSQL driver
        from dateline.store.postgres import PostgresStore

        return PostgresStore(url)
    from dateline.store.sqlite import SQLiteStore

    path = url.removeprefix("sqlite:///").removeprefix("sqlite://")
    if not create and path != ":memory:" and not Path(path).exists():
        raise ArchiveOpenError(f"no archive at {path} (ingest something first)")
    return SQLiteStore(path)


__all__ = [
    "ArchiveOpenError", "QueryError", "QuoteHit", "QuoteQuery", "SearchHit", "SearchQuery", "Store",
    "default_db_url", "open_store", "redacted_url",
]  # fmt: skip

"""The pool of open stores the web app borrows from: reuse, exclusivity, failures, bounds, freshness."""

from __future__ import annotations

import sqlite3
from contextlib import ExitStack
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dateline.pipeline import ingest
from dateline.sources import read_inputs
from dateline.store import QueryError, SearchQuery, Store, open_store
from dateline.store.pool import StorePool
from dateline.web.app import create_app
from tests.conftest import EXAMPLES


def _pool(tmp_path: Path, keep: int = 8) -> StorePool:
    return StorePool(lambda: open_store(str(tmp_path / "pool.db")), keep=keep, harmless=(QueryError,))


def test_a_store_given_back_is_lent_again(tmp_path: Path) -> None:
    pool = _pool(tmp_path)
    with pool.borrowed() as first:
        pass
    with pool.borrowed() as second:
        assert second is first
    assert pool.idle == 1
    pool.close()


def test_two_borrowers_at_once_never_share_a_store(tmp_path: Path) -> None:
    pool = _pool(tmp_path)
    with pool.borrowed() as one, pool.borrowed() as other:
        assert one is not other
    assert pool.idle == 2
    pool.close()


def test_a_store_whose_request_failed_is_closed_not_reused(tmp_path: Path) -> None:
    pool = _pool(tmp_path)
    with pytest.raises(RuntimeError), pool.borrowed() as broken:
        raise RuntimeError("the request failed halfway")
    with pytest.raises(sqlite3.ProgrammingError):
        broken.count()
    assert pool.idle == 0
    with pool.borrowed() as fresh:
        assert fresh is not broken and fresh.count() == 0
    pool.close()


def test_a_harmless_error_keeps_the_store(tmp_path: Path) -> None:
    pool = _pool(tmp_path)
    with pytest.raises(QueryError), pool.borrowed() as store:
        store.search(SearchQuery("-everything"))
    assert pool.idle == 1
    with pool.borrowed() as again:
        assert again is store and again.count() == 0
    pool.close()


def test_only_keep_stores_stay_open(tmp_path: Path) -> None:
    pool = _pool(tmp_path, keep=2)
    with ExitStack() as stack:
        stores = [stack.enter_context(pool.borrowed()) for _ in range(3)]
    assert pool.idle == 2
    closed = [store for store in stores if _is_closed(store)]
    assert len(closed) == 1
    pool.close()
    assert all(_is_closed(store) for store in stores)


def test_a_store_coming_back_after_close_is_closed(tmp_path: Path) -> None:
    pool = _pool(tmp_path)
    with pool.borrowed() as store:
        pool.close()
    assert _is_closed(store) and pool.idle == 0


def test_the_app_reuses_stores_and_sees_what_others_write(tmp_path: Path) -> None:
    db = str(tmp_path / "web.db")
    open_store(db).close()
    with TestClient(create_app(db)) as client:
        assert client.get("/api/search", params={"q": "flood"}).json()["items"] == []
        assert client.get("/api/articles/nothing-here").status_code == 404
        assert client.app.state.pool.idle == 1  # type: ignore[attr-defined]
        # an ingest in another connection (the CLI, a watch loop) is seen by the kept connection
        writer = open_store(db)
        report = ingest(read_inputs([EXAMPLES]), writer)
        writer.close()
        assert not report.failures
        items = client.get("/api/search", params={"q": "flood"}).json()["items"]
        assert items and client.app.state.pool.idle == 1  # type: ignore[attr-defined]
    assert client.app.state.pool.idle == 0  # type: ignore[attr-defined]


def _is_closed(store: Store) -> bool:
    try:
        store.count()
    except sqlite3.ProgrammingError:
        return True
    return False

"""Archive behaviour every backend must share (parametrized by backend)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline.record import Article, Entity, Quote, Speaker, TimeExpression
from dateline.store import QueryError, QuoteQuery, SearchQuery, open_store
from dateline.store.base import HIGHLIGHT_END, HIGHLIGHT_START, Store
from dateline.store.sqlite import SQLiteStore

BODY = (
    "The harbour authority said on Tuesday that the new breakwater in Porto would be finished by spring.\n\n"
    '"We are on schedule," said Mayor Helena Saraiva.'
)


def make_article(url: str = "https://ledger.example/2025/03/11/breakwater", **fields: object) -> Article:
    text = str(fields.pop("text", BODY))
    article = Article(
        origin=str(fields.pop("origin", "breakwater.html")),
        url=url,
        title=str(fields.pop("title", "Porto breakwater on schedule")),
        published=str(fields.pop("published", "2025-03-11")),
        outlet=str(fields.pop("outlet", "The Northfield Ledger")),
        authors=["Marta Quelhas"],
        text=text,
    )
    quote_start = text.find("We are")
    if quote_start >= 0:
        article.entities = [Entity("E1", "Helena Saraiva", "PERSON", [(text.find("Helena"), len(text) - 1)])]
        article.quotes = [
            Quote(
                quote_start, quote_start + 15, [(quote_start, quote_start + 15)], "We are on schedule", "direct",
                text.find("said Mayor"), text.find("said Mayor") + 4,
                Speaker("Helena Saraiva", text.find("Helena"), len(text) - 1, "E1"),
            )
        ]  # fmt: skip
    tuesday = text.find("on Tuesday")
    if tuesday >= 0:
        article.times = [TimeExpression(tuesday, tuesday + 10, "on Tuesday", "DATE", "2025-03-10")]
    return article


@pytest.fixture(params=["sqlite"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    archive = open_store(str(tmp_path / "archive.db"))
    yield archive
    archive.close()


def test_upsert_is_idempotent(store: Store) -> None:
    article = make_article()
    assert store.upsert(article, "hash-1") == "new"
    assert store.upsert(article, "hash-1") == "unchanged"
    assert store.count() == 1
    assert store.seen(article.origin, "hash-1") == article.id
    assert store.seen(article.origin, "hash-2") is None


def test_same_url_again_updates_in_place(store: Store) -> None:
    store.upsert(make_article())
    changed = make_article(url="http://www.ledger.example/2025/03/11/breakwater/", title="Breakwater update")
    assert store.upsert(changed) == "updated"
    assert store.count() == 1
    stored = store.get(changed.id)
    assert stored is not None and stored.title == "Breakwater update"
    assert [hit.title for hit in store.search(SearchQuery("breakwater"))] == ["Breakwater update"]


def test_get_returns_the_record_unchanged(store: Store) -> None:
    article = make_article()
    store.upsert(article)
    assert store.get(article.id) == article
    assert store.get("no-such-id") is None


def test_search_ranks_title_hits_and_marks_snippets(store: Store) -> None:
    store.upsert(make_article())
    store.upsert(
        make_article(
            url="https://ledger.example/2025/03/12/ferries",
            title="Ferries cancelled",
            text="Ferries were cancelled. A breakwater in Bergen was damaged.",
            published="2025-03-12",
        )
    )
    hits = store.search(SearchQuery("breakwater"))
    assert [hit.title for hit in hits] == ["Porto breakwater on schedule", "Ferries cancelled"]
    assert f"{HIGHLIGHT_START}breakwater{HIGHLIGHT_END}" in hits[0].snippet
    assert hits[0].score > hits[1].score


def test_search_filters_by_date_and_outlet(store: Store) -> None:
    store.upsert(make_article())
    store.upsert(make_article(url="https://other.example/a", outlet="Coastline Wire", published="2024-12-01"))
    assert len(store.search(SearchQuery("breakwater", since="2025-01-01"))) == 1
    assert len(store.search(SearchQuery("breakwater", until="2024-12-31"))) == 1
    assert [h.outlet for h in store.search(SearchQuery("breakwater", outlet="coastline wire"))] == ["Coastline Wire"]
    newest_first = store.search(SearchQuery(""))
    assert [hit.published for hit in newest_first] == ["2025-03-11", "2024-12-01"]


def test_search_with_bad_syntax_is_a_query_error(store: Store) -> None:
    store.upsert(make_article())
    assert store.search(SearchQuery('NEAR( "unbalanced')) == []
    with pytest.raises(QueryError):
        store.search(SearchQuery("-breakwater"))


def test_quotes_by_speaker_topic_and_date(store: Store) -> None:
    store.upsert(make_article())
    hits = store.quotes(QuoteQuery(speaker="saraiva"))
    assert [(hit.speaker, hit.text, hit.said) for hit in hits] == [
        ("Helena Saraiva", "We are on schedule", "2025-03-11")
    ]
    assert store.quotes(QuoteQuery(about="schedule"))
    assert store.quotes(QuoteQuery(speaker="Peskov")) == []
    assert store.quotes(QuoteQuery(speaker="saraiva", since="2025-04-01")) == []


def test_failures_are_recorded_and_cleared_by_success(store: Store) -> None:
    store.record_failure("breakwater.html", "empty document")
    assert [f.reason for f in store.failures()] == ["empty document"]
    store.upsert(make_article(), "hash-1")
    assert store.failures() == []


def test_replacing_an_article_leaves_no_orphans(tmp_path: Path) -> None:
    path = tmp_path / "archive.db"
    archive = SQLiteStore(path)
    archive.upsert(make_article())
    archive.upsert(make_article(title="Again", text="No quotes and no times here, about a breakwater."))
    archive.close()
    db = sqlite3.connect(path)
    assert db.execute("SELECT count(*) FROM quotes").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM times").fetchone()[0] == 0
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
    assert db.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'breakwater'").fetchone()[0] == 1


def test_schema_is_versioned(tmp_path: Path) -> None:
    archive = SQLiteStore(tmp_path / "a.db")
    assert archive.schema_version >= 1
    archive.close()
    db = sqlite3.connect(tmp_path / "a.db")
    db.execute("PRAGMA user_version = 999")
    db.close()
    with pytest.raises(RuntimeError, match="newer than this dateline"):
        SQLiteStore(tmp_path / "a.db")

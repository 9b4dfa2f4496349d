from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.store.query import QueryError, to_fts


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kharkiv offensive", '"kharkiv" AND "offensive"'),
        ('"security zone"', '"security zone"'),
        ("peskov OR zakharova kremlin", '("peskov" OR "zakharova") AND "kremlin"'),
        ("offens*", '"offens"*'),
        ("title:kremlin", 'title : "kremlin"'),
        ("flood -football", '("flood") NOT "football"'),
        ("NEAR(a b)", '"NEAR a" AND "b"'),  # words joined by punctuation stay a phrase
    ],
)
def test_translation(query: str, expected: str) -> None:
    assert to_fts(query) == expected


@pytest.mark.parametrize("query", ["", "   ", "-football", "AND OR", "!!!"])
def test_queries_without_search_terms_are_refused(query: str) -> None:
    with pytest.raises(QueryError):
        to_fts(query)


@pytest.fixture(scope="module")
def fts() -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(title, text, authors, outlet)")
    db.execute("INSERT INTO t VALUES ('Kremlin', 'the offensive goes on', 'AFP', 'Moscow Times')")
    return db


@given(st.text(max_size=60))
def test_any_query_is_valid_fts5_or_a_query_error(fts: sqlite3.Connection, query: str) -> None:
    try:
        expression = to_fts(query)
    except QueryError:
        return
    fts.execute("SELECT count(*) FROM t WHERE t MATCH ?", (expression,)).fetchone()

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import psycopg
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.store.query import QueryError, to_fts, to_tsquery_text
from tests.conftest import PostgresServer


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
    with pytest.raises(QueryError):
        to_tsquery_text(query)


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


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kharkiv offensive", "'kharkiv' & 'offensive'"),
        ('"security zone"', "('security' <-> 'zone')"),
        ("peskov OR zakharova kremlin", "('peskov' | 'zakharova') & 'kremlin'"),
        ("offens*", "'offens':*"),
        ('"kharkiv offens"*', "('kharkiv' <-> 'offens')"),  # a * after a closing quote is not a prefix
        ("kharkiv-offens*", "('kharkiv' <-> 'offens':*)"),
        ("title:kremlin", "'kremlin':A"),
        ("author:afp* outlet:times", "'afp':*B & 'times':D"),
        ("flood -football", "('flood') & !'football'"),
        ("NEAR(a b)", "('near' <-> 'a') & 'b'"),
        ("Гладков OR ÉLYSÉE", "('гладков' | 'élysée')"),
        ("a&b | !c <-> d*", "('a' <-> 'b') & 'c' & 'd':*"),  # tsquery operators are text, not operators
        ("10:30", "('10' <-> '30')"),
    ],
)
def test_tsquery_translation(query: str, expected: str) -> None:
    assert to_tsquery_text(query) == expected


def test_fts_fields_without_a_column_search_everywhere() -> None:
    assert to_fts("text:kharkiv title:offensive", {"text": "text"}) == 'text : "kharkiv" AND "offensive"'


def test_tsquery_fields_without_a_weight_search_everywhere() -> None:
    assert to_tsquery_text("text:kharkiv title:offensive", {"text": "A"}) == "'kharkiv':A & 'offensive'"


@pytest.fixture(scope="module")
def tsquery(postgres_server: PostgresServer) -> Iterator[psycopg.Connection[tuple[object, ...]]]:
    with psycopg.connect(postgres_server.url(), autocommit=True) as db:
        yield db


@given(st.text(max_size=60))
def test_any_query_is_a_valid_tsquery_or_a_query_error(
    tsquery: psycopg.Connection[tuple[object, ...]], query: str
) -> None:
    try:
        expression = to_tsquery_text(query)
    except QueryError:
        return
    for config in ("simple", "english"):
        tsquery.execute(
            "SELECT to_tsvector(%s::regconfig, 'Kremlin: the offensive goes on') @@ to_tsquery(%s::regconfig, %s)",
            (config, config, expression),
        ).fetchone()

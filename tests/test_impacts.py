"""Impact lists change how fast a one-word search is, never what it finds (store/impacts.py)."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.record import Article
from dateline.store import SearchQuery, impacts
from dateline.store.base import article_conditions
from dateline.store.sqlite import _SCORE, SQLiteStore

#: our own small vocabulary, the first words far more frequent than the last (as in news)
WORDS = (
    "council harbour minister water budget strike vote bridge court school river police market hospital "
    "railway election farmers energy tunnel museum festival drought ferry mayor union tariff airport"
).split()
OUTLETS = ("The Northfield Ledger", "Harbour Evening Post", "Valley Courier")


def generated(number: int, title_words: tuple[int, int] = (2, 6), body_words: tuple[int, int] = (15, 90)) -> Article:
    """Article ``number`` of a generated archive: the same for the same arguments, in every run."""
    rng = random.Random(number)
    weights = [1.0 / rank for rank in range(1, len(WORDS) + 1)]

    def words(count: int) -> str:
        return " ".join(rng.choices(WORDS, weights=weights, k=count))

    return Article(
        origin=f"generated-{number}.html",
        url=f"https://ledger.example/{number}",
        title=words(rng.randint(*title_words)).capitalize(),
        published=f"{rng.randint(2020, 2024)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
        outlet=rng.choice(OUTLETS),
        authors=["Marta Quelhas"] if number % 3 else ["Rui Teles", "Ana Brito"],
        text=words(rng.randint(*body_words)) + ".",
    )


def exact(store: SQLiteStore, query: SearchQuery) -> list[tuple[int, float]]:
    """The page as FTS5 ranks it when it scores every match: the oracle."""
    filters = "".join(f" AND {sql.format('?')}" for sql, _ in article_conditions(query))
    rows = store.db.execute(
        f"SELECT a.seq, {_SCORE} AS score FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid "
        f"WHERE articles_fts MATCH ? {filters} ORDER BY score, a.seq LIMIT ? OFFSET ?",
        [f'"{query.text.lower()}"', *(value for _, value in article_conditions(query)), query.limit, query.offset],
    ).fetchall()
    return [(int(row[0]), float(row[1])) for row in rows]


def listed(store: SQLiteStore, query: SearchQuery) -> list[tuple[int, float]] | None:
    filters = "".join(f" AND {sql.format('?')}" for sql, _ in article_conditions(query))
    params = [value for _, value in article_conditions(query)]
    word = impacts.single_word(query.text)
    assert word is not None
    return impacts.rank(store.db, _SCORE, word, filters, params, query.limit, query.offset)


@pytest.fixture
def store(tmp_path: Path) -> SQLiteStore:
    store = SQLiteStore(tmp_path / "archive.db")
    store.upsert_many(generated(number) for number in range(600))
    return store


QUERIES = [
    SearchQuery("council"),
    SearchQuery("Harbour"),
    SearchQuery("minister", limit=10, offset=10),
    SearchQuery("water", outlet="valley courier"),
    SearchQuery("budget", since="2022-01-01", until="2022-12-31"),
    SearchQuery("strike", limit=5, offset=40),
    SearchQuery("council", outlet="Harbour Evening Post", since="2023-01-01"),
]


def check_queries(store: SQLiteStore) -> int:
    """Every query gives the oracle's page through ``store.search``; the number the lists answered."""
    answered = 0
    for query in QUERIES:
        page = listed(store, query)
        if page is not None:
            answered += 1
            assert page == exact(store, query), query
        hits = store.search(query)
        oracle = exact(store, query)
        assert [hit.id for hit in hits] == [
            store.db.execute("SELECT id FROM articles WHERE seq = ?", (seq,)).fetchone()[0] for seq, _ in oracle
        ], query
        assert [hit.score for hit in hits] == [-score for _, score in oracle], query
    return answered


def test_lists_reproduce_fts5_ranking_exactly(store: SQLiteStore) -> None:
    assert impacts.build(store.db, _SCORE, min_matches=50, keep=150) >= 20
    # a one-word search on a common word is answered from its list, and identically; filtered ones too
    # when enough listed articles pass the filter
    assert check_queries(store) >= 5


def test_lists_stay_exact_while_the_archive_changes(store: SQLiteStore) -> None:
    impacts.build(store.db, _SCORE, min_matches=50, keep=150)
    store.upsert_many(generated(number) for number in range(600, 700))  # new articles
    rewritten = generated(3)
    rewritten.title = "Council council council"
    rewritten.text = "council council council harbour " * 5  # now the best council article
    store.upsert(rewritten)
    store.db.execute("DELETE FROM articles WHERE seq IN (5, 9, 650)")  # two old articles, a new one
    assert store.db.execute("SELECT count(*) FROM search_changed").fetchone()[0] == 4
    assert check_queries(store) >= 3
    assert store.search(SearchQuery("council"))[0].id == rewritten.id
    changed, built = impacts.changes_since_build(store.db) or (0, 0)
    assert (changed, built) == (4 + 99, 600)
    impacts.build(store.db, _SCORE, min_matches=50, keep=150)  # a rebuild empties the change log
    assert impacts.changes_since_build(store.db) == (0, 697)
    assert check_queries(store) >= 4


def test_a_page_the_list_cannot_prove_falls_back(store: SQLiteStore) -> None:
    impacts.build(store.db, _SCORE, min_matches=50, keep=10)
    deep = SearchQuery("council", limit=20, offset=100)
    assert listed(store, deep) is None
    assert [hit.score for hit in store.search(deep)] == [-score for _, score in exact(store, deep)]


def test_optimize_builds_no_lists_for_a_small_archive(store: SQLiteStore) -> None:
    assert store.optimize() == 0  # no word is in MIN_MATCHES articles
    assert impacts.changes_since_build(store.db) == (0, 600)
    assert listed(store, SearchQuery("council")) is None


def test_changes_are_logged_only_once_lists_exist(store: SQLiteStore) -> None:
    store.upsert(generated(700))
    store.db.execute("DELETE FROM articles WHERE seq = 1")
    assert store.db.execute("SELECT count(*) FROM search_changed").fetchone()[0] == 0
    assert impacts.changes_since_build(store.db) is None


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("council", "council"),
        ("Council", "council"),
        ('"council"', "council"),
        ("council water", None),
        ("council*", None),
        ("title:council", None),
        ("-council", None),
        ("council -water", None),
        ("café", None),  # folded by FTS5's tokenizer, which Python's lower() does not imitate
        ("high_court", None),
    ],
)
def test_only_plain_one_word_searches_use_the_lists(text: str, word: str | None) -> None:
    assert impacts.single_word(text) == word


def test_averages_record_is_read_as_fts5_writes_it(store: SQLiteStore) -> None:
    totals = impacts.totals(store.db)
    assert totals.articles == 600
    assert totals.tokens == sum(
        sum(impacts.varints(bytes(row[0]))) for row in store.db.execute("SELECT sz FROM articles_fts_docsize")
    )


@given(st.lists(st.integers(min_value=0, max_value=2**63 - 1), max_size=20))
def test_varints_round_trip_sqlite_encoding(values: list[int]) -> None:
    def encode(value: int) -> bytes:
        if value > 0x00FFFFFFFFFFFFFF:  # nine bytes: eight 7-bit groups, then eight bits
            high = value >> 8
            groups = [(high >> (7 * i)) & 0x7F for i in reversed(range(8))]
            return bytes(group | 0x80 for group in groups) + bytes([value & 0xFF])
        groups = [value & 0x7F]
        value >>= 7
        while value:
            groups.append(value & 0x7F)
            value >>= 7
        groups.reverse()
        return bytes(group | 0x80 for group in groups[:-1]) + bytes(groups[-1:])

    assert impacts.varints(b"".join(encode(value) for value in values)) == values


def test_sqlite_reads_its_own_varints() -> None:
    # FTS5 writes an article's column lengths as varints: check the decoder against its own encoding
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(a, b)")
    db.execute("INSERT INTO t VALUES (?, ?)", ("one two three", " ".join(["word"] * 300)))
    (size,) = db.execute("SELECT sz FROM t_docsize").fetchone()
    assert impacts.varints(bytes(size)) == [3, 300]

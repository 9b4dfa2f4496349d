"""PostgreSQL impact lists change how fast a one-word search is, never what it finds (store/impacts_pg.py).

Every page is compared with the search's own full ranking (``ts_rank_cd`` over every match), while
articles are added, rewritten and deleted. Needs PostgreSQL (the ``postgres_url`` fixture).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from dateline.record import Article
from dateline.store import SearchQuery, impacts_pg
from dateline.store.base import SearchHit
from dateline.store.postgres import _HEADLINE_OPTIONS, _RANK_NORMALIZATION, _RANK_WEIGHTS, PostgresStore
from dateline.store.query import to_tsquery_text
from tests.test_impacts import generated as generated_article


def generated(number: int) -> Article:
    # short titles and bodies from few words: many articles tie on a word's score, so the order of
    # equal scores (by id) is tested too
    return generated_article(number, title_words=(1, 4), body_words=(3, 40))


@pytest.fixture
def store(postgres_url: str) -> Iterator[PostgresStore]:
    store = PostgresStore(postgres_url)
    store.impact_tiers = ((100, 25), (40, 6))
    store.upsert_many(generated(number) for number in range(300))
    yield store
    store.close()


QUERIES = [
    SearchQuery("council"),
    SearchQuery("Harbour"),
    SearchQuery("minister", limit=10, offset=10),
    SearchQuery("water", outlet="valley courier"),
    SearchQuery("budget", since="2022-01-01", until="2022-12-31"),
    SearchQuery("strike", limit=5, offset=20),
    SearchQuery("council", limit=5, offset=40),  # past the list: falls back
    SearchQuery("council", outlet="Harbour Evening Post", since="2023-01-01"),
    SearchQuery("quelhas"),  # an author's name: in two articles of three
    SearchQuery("tunnel"),
    SearchQuery("airport", limit=5),  # rarer: a short list
    SearchQuery("airport", limit=5, offset=5),  # past the short list
]


def full_ranking(store: PostgresStore, query: SearchQuery) -> list[SearchHit]:
    """The page as the search ranks it without lists: the oracle."""
    original = store._search_listed
    store._search_listed = lambda *args: None  # type: ignore[method-assign]
    try:
        return store.search(query)
    finally:
        store._search_listed = original  # type: ignore[method-assign]


def listed(store: PostgresStore, query: SearchQuery) -> list[SearchHit] | None:
    filters, params = store._article_filters(query)
    params |= {"q": to_tsquery_text(query.text), "weights": _RANK_WEIGHTS, "headline": _HEADLINE_OPTIONS}
    params |= {"limit": query.limit, "offset": query.offset}
    return store._search_listed(query.text.lower(), filters, params, query.limit + query.offset)


def check_queries(store: PostgresStore) -> int:
    """Every query gives the oracle's page through ``store.search``; the number the lists answered."""
    answered = 0
    for query in QUERIES:
        oracle = full_ranking(store, query)
        if listed(store, query) is not None:
            answered += 1
        assert store.search(query) == oracle, query
    return answered


def test_pass_scores_equal_ts_rank_cd_float_for_float(store: PostgresStore) -> None:
    compared, differing = impacts_pg.score_mismatches(store.db, _RANK_WEIGHTS, _RANK_NORMALIZATION, articles=300)
    assert compared > 3000
    assert differing == 0


def test_lists_reproduce_the_full_ranking_exactly(store: PostgresStore) -> None:
    assert store.optimize() >= 10
    sizes = dict(store.db.execute("SELECT term, cardinality(ids) FROM search_impacts").fetchall())
    # each word by its tier: 25 entries from 100 matches, 6 from 40
    assert sizes["council"] == 25 and 6 in sizes.values() and set(sizes.values()) <= {6, 25}
    # the common words' pages come from the lists, identical to the full ranking; filtered ones too
    # when enough listed articles pass the filter
    assert check_queries(store) >= 5


def test_lists_chosen_through_sampled_thresholds_are_exact(store: PostgresStore) -> None:
    # a sample of 60 articles of 300 gives each word a threshold: the pass keeps only the pairs above it
    words = impacts_pg.build(
        store.db, _RANK_WEIGHTS, _RANK_NORMALIZATION, tiers=((100, 25), (40, 6)), sample_articles=60
    )
    assert words >= 5
    incomplete = store.db.execute("SELECT count(*) FROM search_impacts WHERE NOT complete").fetchone()
    assert incomplete is not None and incomplete[0] >= 5
    assert check_queries(store) >= 4


def test_lists_stay_exact_while_the_archive_changes(store: PostgresStore) -> None:
    store.optimize()
    best = store.search(SearchQuery("council", limit=1))[0].id  # a listed article
    assert best != generated(3).id
    store.upsert_many(generated(number) for number in range(300, 340))  # new articles
    rewritten = generated(3)
    rewritten.title = "Council council council"
    rewritten.text = "council council council harbour " * 5  # now the best council article
    store.upsert(rewritten)
    gone = {generated(5).id, generated(9).id, generated(320).id, best}
    store.db.execute("DELETE FROM articles WHERE id = ANY(%s)", (list(gone),))
    assert check_queries(store) >= 3
    assert store.search(SearchQuery("council"))[0].id == rewritten.id
    assert best not in {hit.id for hit in store.search(SearchQuery("council", limit=50))}
    assert impacts_pg.changes_since_build(store.db) == (40 + 1 + len(gone), 300)
    store.optimize()  # a rebuild empties the change log
    assert impacts_pg.changes_since_build(store.db) == (0, 340 - len(gone))
    assert check_queries(store) >= 5


def test_an_unchanged_rewrite_and_other_columns_are_not_logged(store: PostgresStore) -> None:
    store.optimize()
    moved = generated(7)
    moved.published = "2019-01-01"  # not indexed: the article's scores stay as listed
    store.upsert(moved)
    assert impacts_pg.changes_since_build(store.db) == (0, 300)
    # ... but the filters read the article as it is now
    assert check_queries(store) >= 5


def test_a_page_the_list_cannot_prove_falls_back(store: PostgresStore) -> None:
    store.optimize()
    deep = SearchQuery("council", limit=20, offset=30)
    assert listed(store, deep) is None
    # a short list (6 entries) answers the first five hits, not the next five
    assert listed(store, SearchQuery("airport", limit=5)) is not None
    assert listed(store, SearchQuery("airport", limit=5, offset=5)) is None
    assert store.search(deep) == full_ranking(store, deep)
    # a filter that leaves fewer listed articles than the page needs falls back too
    narrow = SearchQuery("council", outlet="Valley Courier", since="2024-01-01", until="2024-01-31")
    assert listed(store, narrow) is None
    assert store.search(narrow) == full_ranking(store, narrow)


def test_lists_of_another_ranking_are_not_used(store: PostgresStore) -> None:
    store.optimize()
    assert listed(store, SearchQuery("council")) is not None
    store.db.execute("UPDATE search_impact_build SET ranking = 'other'")
    assert listed(store, SearchQuery("council")) is None


def test_changes_are_logged_only_once_lists_exist(store: PostgresStore) -> None:
    store.upsert(generated(700))
    store.db.execute("DELETE FROM articles WHERE id = %s", (generated(1).id,))
    assert store.db.execute("SELECT count(*) FROM search_changed").fetchone() == (0,)
    assert impacts_pg.changes_since_build(store.db) is None
    assert not store.needs_optimize()  # 300 articles: nothing is costly to rank


def test_needs_optimize_once_a_tenth_is_written_since(store: PostgresStore, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(impacts_pg, "MIN_MATCHES", 20)  # so that 300 articles count as a large archive
    assert store.needs_optimize()
    store.optimize()
    assert not store.needs_optimize()
    store.upsert_many(generated(number) for number in range(300, 331))
    assert store.needs_optimize()


def test_optimize_on_a_small_archive_lists_nothing(store: PostgresStore) -> None:
    store.impact_tiers = impacts_pg.TIERS
    assert store.optimize() == 0
    assert listed(store, SearchQuery("council")) is None
    # no lists, nothing to keep exact: writes are not logged
    assert impacts_pg.changes_since_build(store.db) is None
    store.upsert(generated(700))
    assert store.db.execute("SELECT count(*) FROM search_changed").fetchone() == (0,)


@pytest.mark.parametrize("rebuild", [False, True])
def test_writes_committed_during_a_build_stay_logged(store: PostgresStore, postgres_url: str, rebuild: bool) -> None:
    if rebuild:
        store.optimize()
    best = store.search(SearchQuery("council", limit=1))[0].id
    writer = PostgresStore(postgres_url)
    rewritten = generated(3)
    rewritten.title = "Council council council"
    rewritten.text = "council council council harbour " * 5
    written: list[str] = []

    def write_meanwhile(message: str) -> None:
        # the build reports progress from inside its snapshot: what is written now is not in the lists
        if not written:
            written.append(message)
            writer.upsert(rewritten)
            writer.upsert(generated(400))
            writer.db.execute("DELETE FROM articles WHERE id = %s", (best,))

    impacts_pg.build(store.db, _RANK_WEIGHTS, _RANK_NORMALIZATION, store.impact_tiers, progress=write_meanwhile)
    writer.close()
    assert written
    assert impacts_pg.changes_since_build(store.db) == (3, 300)  # the three writes, still logged
    assert store.search(SearchQuery("council"))[0].id == rewritten.id
    assert best not in {hit.id for hit in store.search(SearchQuery("council", limit=25))}
    assert check_queries(store) >= 5

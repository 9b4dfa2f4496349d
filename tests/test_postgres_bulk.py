"""PostgresStore.upsert_many: the rows upsert writes, many articles per transaction (needs PostgreSQL)."""

from __future__ import annotations

import threading

import psycopg
import pytest

from dateline.record import Article, Entity, Link, Place, Quantity, Quote, Speaker, TimeExpression
from dateline.store import SearchQuery
from dateline.store.base import UpsertOutcome
from dateline.store.postgres import PostgresStore

BODY = (
    "Work on the harbour breakwater in Porto is on schedule, the city said on Tuesday.\n\n"
    '"We are on schedule," said Mayor Helena Saraiva. About 40 workers are on the site.'
)


def _article(url: str = "https://ledger.example/2025/03/11/breakwater", **fields: str) -> Article:
    """A small article with a row in every annotation table, so a bulk write is compared on all of them."""
    text = fields.pop("text", BODY)
    article = Article(
        origin=fields.pop("origin", "breakwater.html"),
        url=url,
        title=fields.pop("title", "Porto breakwater on schedule"),
        published=fields.pop("published", "2025-03-11"),
        outlet=fields.pop("outlet", "The Northfield Ledger"),
        authors=["Marta Quelhas"],
        text=text,
    )
    quote = text.find("We are")
    if quote >= 0:
        helena = text.find("Helena")
        article.entities = [Entity("E1", "Helena Saraiva", "PERSON", [(helena, helena + 14)])]
        cue = text.find("said Mayor")
        speaker = Speaker("Helena Saraiva", helena, helena + 14, "E1")
        article.quotes = [
            Quote(quote, quote + 18, [(quote, quote + 18)], "We are on schedule", "direct", cue, cue + 4, speaker)
        ]
    tuesday = text.find("on Tuesday")
    if tuesday >= 0:
        article.times = [TimeExpression(tuesday, tuesday + 10, "on Tuesday", "DATE", "2025-03-10")]
    porto = text.find("Porto")
    if porto >= 0:
        article.places = [Place(porto, porto + 5, "Porto", 2735943, 41.15, -8.61, "PT", "Porto")]
    workers = text.find("40 workers")
    if workers >= 0:
        article.quantities = [Quantity(workers, workers + 10, 40.0, "workers", "about")]
    article.links = [Link("https://ledger.example/related", "More on the harbour", "related")]
    return article


def _batch() -> list[Article]:
    first = _article()
    second = _article(
        "https://other.example/ferries", title="Ferries cancelled", outlet="Coastline Wire",
        text="Ferries to Bergen were cancelled after the breakwater was damaged.\x00 Crews are out.",
    )  # fmt: skip
    second.places = [Place(18, 24, "Bergen", 3161732, 60.39, 5.32, "NO", "Vestland")]
    updated = _article(title="Porto breakwater finished early")  # the same article again, changed
    return [first, second, updated]


def _rows(url: str) -> dict[str, list[tuple[str | None, ...]]]:
    """Every row of every table except write times, as text, in a stable order (the tsvector columns and
    the quotes' identity numbers included: a bulk write must produce them alike)."""
    dump: dict[str, list[tuple[str | None, ...]]] = {}
    with psycopg.connect(url) as db:
        tables = [
            str(row[0])
            for row in db.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                "AND table_name <> 'schema_version' ORDER BY 1"
            )
        ]
        for table in tables:
            columns = [
                str(row[0])
                for row in db.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' "
                    "AND table_name = %s AND column_name NOT IN ('ingested_at', 'updated_at', 'at') "
                    "ORDER BY ordinal_position",
                    (table,),
                )
            ]
            select = ", ".join(f'"{column}"::text' for column in columns)
            rows = db.execute(f"SELECT {select} FROM {table}").fetchall()
            dump[table] = sorted((tuple(row) for row in rows), key=repr)
    return dump


def _empty(url: str) -> None:
    """Drop and recreate the archive's schema: the next store migrates a new archive in the same database."""
    with psycopg.connect(url, autocommit=True) as db:
        db.execute("DROP SCHEMA public CASCADE")
        db.execute("CREATE SCHEMA public")


def _found(store: PostgresStore, words: str) -> list[tuple[str, float]]:
    return [(hit.id, hit.score) for hit in store.search(SearchQuery(words))]


def test_upsert_many_writes_the_rows_upsert_writes(postgres_url: str) -> None:
    one_by_one = PostgresStore(postgres_url)
    outcomes = [one_by_one.upsert(article) for article in _batch()]
    found = _found(one_by_one, "breakwater")
    one_by_one.close()
    written = _rows(postgres_url)
    assert written["quotes"] and written["places"] and written["quantities"] and written["links"]

    _empty(postgres_url)
    bulk = PostgresStore(postgres_url)
    # batch=2: the article and its update fall in different transactions; the update still wins
    assert bulk.upsert_many(_batch(), batch=2) == outcomes == ["new", "new", "updated"]
    assert bulk.upsert_many(_batch()[1:2]) == ["unchanged"]
    assert bulk.upsert_many([]) == []
    bulk.optimize()
    assert _found(bulk, "breakwater") == found
    assert bulk.get(_batch()[1].id) == _batch()[1]  # the NUL comes back as it was given
    bulk.close()
    assert _rows(postgres_url) == written


def test_an_article_twice_in_one_batch_ends_as_its_last_version(postgres_url: str) -> None:
    store = PostgresStore(postgres_url)
    first, _, updated = _batch()
    assert store.upsert_many([first, updated, first]) == ["new", "updated", "updated"]
    assert store.count() == 1
    stored = store.get(first.id)
    assert stored is not None and stored.title == first.title
    store.close()


def test_a_failing_batch_stores_none_of_its_articles_and_keeps_earlier_batches(postgres_url: str) -> None:
    store = PostgresStore(postgres_url)
    broken = _article("https://other.example/broken", text="Plain words.")
    broken.places = [Place(0, 5, None, None, None, None, None, None)]  # type: ignore[arg-type]  # NOT NULL name
    with pytest.raises(psycopg.errors.NotNullViolation):
        store.upsert_many([_article(), broken])
    assert store.count() == 0
    # one article per transaction: the first batch was committed before the second failed
    with pytest.raises(psycopg.errors.NotNullViolation):
        store.upsert_many([_article(), broken], batch=1)
    assert store.count() == 1
    store.close()


def test_two_bulk_loads_of_the_same_articles_in_opposite_orders_do_not_deadlock(postgres_url: str) -> None:
    PostgresStore(postgres_url).close()  # migrate once, before the two writers start
    articles = [_article(f"https://ledger.example/{n}", text=f"Harbour works, part {n}.") for n in range(40)]
    results: dict[str, list[UpsertOutcome]] = {}
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def load(name: str, order: list[Article]) -> None:
        store = PostgresStore(postgres_url)
        try:
            start.wait()
            results[name] = store.upsert_many(order, batch=len(order))
        except BaseException as error:  # a deadlock PostgreSQL broke would surface here
            errors.append(error)
        finally:
            store.close()

    writers = [
        threading.Thread(target=load, args=("forward", articles)),
        threading.Thread(target=load, args=("backward", articles[::-1])),
    ]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(timeout=60)
    assert not errors
    # the batch that takes the locks first writes every article; the other waits, then finds them stored
    assert sorted([set(results["forward"]), set(results["backward"])], key=sorted) == [{"new"}, {"unchanged"}]
    check = PostgresStore(postgres_url)
    assert check.count() == 40
    check.close()


def _pending_pages(url: str) -> int:
    """Pages the GIN full-text index still holds in its pending list (emptying it: call it once)."""
    with psycopg.connect(url, autocommit=True) as db:
        row = db.execute("SELECT gin_clean_pending_list('articles_search'::regclass)").fetchone()
    return int(row[0]) if row else 0


def test_optimize_empties_the_full_text_pending_list_and_finds_the_same(postgres_url: str) -> None:
    store = PostgresStore(postgres_url)
    store.upsert_many(_batch())
    assert _pending_pages(postgres_url) > 0  # a small write goes to the pending list first
    store.upsert_many(_article(f"https://ledger.example/{n}", text=f"Harbour works, part {n}.") for n in range(30))
    found = _found(store, "harbour")
    store.optimize()
    assert _pending_pages(postgres_url) == 0
    assert _found(store, "harbour") == found and len(found) == 20
    store.close()

"""Archive behaviour every backend must share (parametrized by backend)."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import dateline.store.sqlite as sqlite_store
from dateline.errors import DatelineError
from dateline.record import Article, Entity, Place, Quote, Speaker, TimeExpression
from dateline.store import QueryError, QuoteQuery, SearchQuery, open_store
from dateline.store.base import HIGHLIGHT_END, HIGHLIGHT_START, Store
from dateline.store.migrations import POSTGRES_MIGRATIONS, SQLITE_MIGRATIONS
from dateline.store.postgres import PostgresStore
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
                quote_start, quote_start + 18, [(quote_start, quote_start + 18)], "We are on schedule", "direct",
                text.find("said Mayor"), text.find("said Mayor") + 4,
                Speaker("Helena Saraiva", text.find("Helena"), len(text) - 1, "E1"),
            )
        ]  # fmt: skip
    tuesday = text.find("on Tuesday")
    if tuesday >= 0:
        article.times = [TimeExpression(tuesday, tuesday + 10, "on Tuesday", "DATE", "2025-03-10")]
    return article


@pytest.fixture(params=["sqlite", "postgresql"])
def archive_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new, empty archive of each backend (PostgreSQL: a new database on the test server)."""
    if request.param == "postgresql":
        return str(request.getfixturevalue("postgres_url"))
    return str(tmp_path / "archive.db")


@pytest.fixture
def store(archive_url: str) -> Iterator[Store]:
    archive = open_store(archive_url)
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



def test_each_statement_once_with_the_articles_reporting_it(store: Store) -> None:
    store.upsert(make_article(published="2025-03-12"))  # a wire copy, a day later
    text = BODY + '\n\n"We are on schedule," she said again. "The crane arrives in May," Saraiva added.'
    first = make_article(url="https://other.example/first", text=text)
    speaker = first.quotes[0].speaker
    for words in ("We are on schedule", "The crane arrives in May"):
        start = text.rfind(words)
        first.quotes.append(Quote(start, start + len(words), [(start, start + len(words))], words, "direct",
                                  None, None, speaker))  # fmt: skip
    store.upsert(first)
    every = store.quotes(QuoteQuery(speaker="Saraiva"))
    assert [(hit.text, hit.position) for hit in every if hit.article_id == first.id] == [
        ("We are on schedule", 0), ("We are on schedule", 1), ("The crane arrives in May", 2)
    ]  # fmt: skip
    assert {hit.articles for hit in every} == {1}
    distinct = store.quotes(QuoteQuery(speaker="Saraiva", distinct=True))
    assert [(hit.text, hit.articles, hit.article_id, hit.said) for hit in distinct] == [
        ("We are on schedule", 2, first.id, "2025-03-11"),
        ("The crane arrives in May", 1, first.id, "2025-03-11"),
    ]
    assert [hit.text for hit in store.quotes(QuoteQuery(speaker="Saraiva", distinct=True, offset=1))] == [
        "The crane arrives in May"
    ]


def test_a_speaker_by_whole_name_or_by_part_of_it(store: Store) -> None:
    store.upsert(make_article())
    namesake = "Helena Saraiva-Lopes"
    other = make_article(url="https://other.example/namesake", text=BODY.replace("Helena Saraiva", namesake))
    other.entities[0].name = namesake
    other.quotes[0].speaker = Speaker(namesake, *other.entities[0].mentions[0], "E1")
    store.upsert(other)
    assert {hit.speaker for hit in store.quotes(QuoteQuery(speaker="helena saraiva"))} == {
        "Helena Saraiva", "Helena Saraiva-Lopes"
    }  # fmt: skip
    exact = store.quotes(QuoteQuery(speaker="helena SARAIVA", speaker_exact=True))
    assert [hit.speaker for hit in exact] == ["Helena Saraiva"]
    assert store.quotes(QuoteQuery(speaker="Saraiva", speaker_exact=True)) == []

def test_failures_are_recorded_and_cleared_by_success(store: Store) -> None:
    store.record_failure("breakwater.html", "empty document")
    assert [f.reason for f in store.failures()] == ["empty document"]
    store.upsert(make_article(), "hash-1")
    assert store.failures() == []


def test_failures_are_paged_oldest_first(store: Store) -> None:
    for origin in ("c.html", "a.html", "b.html"):
        store.record_failure(origin, f"{origin} is empty")
    every = store.failures()
    assert sorted(f.origin for f in every) == ["a.html", "b.html", "c.html"]
    assert store.failures(limit=2) == every[:2]
    assert store.failures(limit=2, offset=2) == every[2:]
    assert store.failures(offset=1) == every[1:]
    assert store.failures(limit=0) == [] and store.failures(limit=5, offset=3) == []


def test_archive_urls_are_shown_without_their_secrets() -> None:
    import subprocess
    import sys

    from dateline.store import redacted_url

    assert redacted_url("postgresql://reporter:s3cret@db.example:5432/news") == "postgresql://db.example:5432/news"
    assert redacted_url("postgres://me@db/news") == "postgres://db/news"
    assert redacted_url("postgresql://db/news?password=s3cret&sslmode=require") == (
        "postgresql://db/news?password=***&sslmode=require"
    )
    assert redacted_url("postgresql://db/news?application_name=a@b") == "postgresql://db/news?application_name=a@b"
    assert redacted_url("archives/dateline.db") == "archives/dateline.db"
    # the CLI prints URLs for SQLite users too, who need not have the PostgreSQL driver
    check = "import sys, dateline.store; dateline.store.redacted_url('x'); assert 'psycopg' not in sys.modules"
    assert subprocess.run([sys.executable, "-c", check], capture_output=True).returncode == 0


def test_read_only_opening_refuses_a_missing_archive(tmp_path: Path) -> None:
    missing = tmp_path / "typo" / "archve.db"
    with pytest.raises(DatelineError, match=r"^no archive at .*archve\.db \(ingest something first\)$"):
        open_store(str(missing), create=False)
    with pytest.raises(DatelineError, match="no archive at"):
        open_store(f"sqlite:///{missing}", create=False)
    assert not missing.parent.exists()
    open_store(":memory:", create=False).close()
    open_store(str(missing)).close()  # writers create it, folder and all
    open_store(str(missing), create=False).close()


@pytest.mark.parametrize("kind", ["text file", "folder", "newer schema", "inside a file"])
def test_an_archive_that_cannot_be_opened_is_a_dateline_error(kind: str, tmp_path: Path) -> None:
    path = tmp_path / "archive.db"
    if kind == "text file":
        path.write_text("not an archive\n" * 100, encoding="utf-8")
    elif kind == "folder":
        path.mkdir()
    elif kind == "inside a file":
        (tmp_path / "file").write_text("x", encoding="utf-8")
        path = tmp_path / "file" / "archive.db"
    else:
        SQLiteStore(path).close()
        with sqlite3.connect(path) as db:
            db.execute("PRAGMA user_version = 999")
    with pytest.raises(DatelineError, match=f"^{path}: cannot open the archive: .+"):
        open_store(str(path))


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


def test_facets_count_what_a_search_matches(store: Store) -> None:
    store.upsert(make_article())
    store.upsert(make_article(url="https://other.example/a", outlet="Coastline Wire", published="2024-12-01"))
    store.upsert(make_article(url="https://other.example/b", outlet="Coastline Wire", text="Nothing to see.",
                              title="Unrelated", published="2024-12-02"))  # fmt: skip
    facets = store.facets(SearchQuery("breakwater"))
    assert [(f.value, f.count) for f in facets.outlets] == [("Coastline Wire", 1), ("The Northfield Ledger", 1)]
    assert [(f.value, f.count) for f in facets.months] == [("2025-03", 1), ("2024-12", 1)]
    assert [(f.value, f.count) for f in facets.speakers] == [("Helena Saraiva", 2)]
    assert [f.count for f in store.facets(SearchQuery("")).outlets] == [2, 1]


def test_speakers_most_quoted_first(store: Store) -> None:
    store.upsert(make_article())
    store.upsert(make_article(url="https://other.example/a"))
    assert [(f.value, f.count) for f in store.speakers()] == [("Helena Saraiva", 2)]


def test_search_language_works_the_same_on_every_backend(store: Store) -> None:
    store.upsert(make_article())
    store.upsert(
        make_article(
            url="https://coast.example/ferries", title="Ferries cancelled in São Miguel", outlet="Coastline Wire",
            text="Ferries were cancelled. A new pier in Bergen was damaged.", published="2025-03-12",
        )
    )  # fmt: skip

    def titles(text: str) -> list[str | None]:
        return sorted(hit.title for hit in store.search(SearchQuery(text)))

    porto, ferries = "Porto breakwater on schedule", "Ferries cancelled in São Miguel"
    assert titles("breakw*") == [porto]
    assert titles('"new breakwater"') == [porto]
    assert titles('"breakwater new"') == []
    assert titles("breakwater OR pier") == [ferries, porto]
    assert titles("new -pier") == [porto]
    assert titles("title:schedule") == [porto]
    assert titles("title:spring") == []  # only in the body
    assert titles("author:quelhas outlet:coastline") == [ferries]
    assert titles("sao miguel") == [ferries]  # diacritics do not matter
    assert titles("SCHEDULE") == [porto]
    assert titles("10:30 OR ferries") == [ferries]


def test_articles_stream_while_the_store_is_used(store: Store) -> None:
    for day in ("2025-03-12", "2025-03-10", "2025-03-11"):
        store.upsert(make_article(url=f"https://ledger.example/{day}", published=day))
    seen = []
    for article in store.articles():
        assert store.get(article.id) == article  # the iteration does not tie up the store
        seen.append(article.published)
    assert seen == ["2025-03-10", "2025-03-11", "2025-03-12"]


def test_replacing_an_article_keeps_the_index_current(store: Store) -> None:
    store.upsert(make_article())
    store.upsert(make_article(title="Again", text="No quotes and no times here, about a jetty."))
    assert store.quotes(QuoteQuery()) == []
    assert store.search(SearchQuery("breakwater")) == []
    assert [hit.title for hit in store.search(SearchQuery("jetty"))] == ["Again"]


def test_concurrent_writers_store_one_article_once(archive_url: str) -> None:
    # four connections (as four ingest processes would have) write the same article at the same moment
    writers = [open_store(archive_url) for _ in range(4)]
    article = make_article()
    start = threading.Barrier(len(writers))

    def write(archive: Store) -> list[str]:
        start.wait()
        return [archive.upsert(article, "hash-1") for _ in range(5)]

    try:
        with ThreadPoolExecutor(len(writers)) as pool:
            outcomes = sorted(outcome for result in pool.map(write, writers) for outcome in result)
        assert outcomes == ["new"] + ["unchanged"] * 19
        assert writers[0].count() == 1
        assert len(writers[0].quotes(QuoteQuery())) == 1  # annotations written once, not once per writer
        assert writers[0].seen(article.origin, "hash-1") == article.id
    finally:
        for archive in writers:
            archive.close()


def test_postgres_archives_open_concurrently_and_migrate_once(postgres_url: str) -> None:
    start = threading.Barrier(4)

    def open_new_archive(_: int) -> int:
        start.wait()
        archive = PostgresStore(postgres_url)
        try:
            return archive.schema_version
        finally:
            archive.close()

    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(open_new_archive, range(4))) == [len(POSTGRES_MIGRATIONS)] * 4
    with psycopg.connect(postgres_url) as db:
        versions = db.execute("SELECT version FROM schema_version ORDER BY version").fetchall()
    assert versions == [(number,) for number in range(1, len(POSTGRES_MIGRATIONS) + 1)]


def test_a_new_migration_upgrades_an_existing_archive(archive_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    archive = open_store(archive_url)
    article = make_article()
    archive.upsert(article)
    archive.close()
    # the next release appends a migration: opening the old archive applies it, and only it, keeping the data
    if archive_url.startswith("postgresql://"):
        monkeypatch.setattr(
            "dateline.store.postgres.POSTGRES_MIGRATIONS",
            [
                *POSTGRES_MIGRATIONS,
                ["CREATE TABLE probe (article_id TEXT NOT NULL)", "INSERT INTO probe SELECT id FROM articles"],
            ],
        )
        versions = len(POSTGRES_MIGRATIONS) + 1
    else:
        monkeypatch.setattr(
            "dateline.store.sqlite.SQLITE_MIGRATIONS",
            [
                *SQLITE_MIGRATIONS,
                ["CREATE TABLE probe (article_id TEXT NOT NULL)", "INSERT INTO probe SELECT id FROM articles"],
            ],
        )
        versions = len(SQLITE_MIGRATIONS) + 1
    upgraded = open_store(archive_url)
    try:
        assert isinstance(upgraded, PostgresStore | SQLiteStore)
        assert upgraded.schema_version == versions
        assert upgraded.get(article.id) == article
        assert [tuple(row) for row in upgraded.db.execute("SELECT article_id FROM probe")] == [(article.id,)]
    finally:
        upgraded.close()
    again = open_store(archive_url)  # already current: nothing is applied twice
    assert isinstance(again, PostgresStore | SQLiteStore)
    assert again.schema_version == versions
    again.close()


def test_postgres_schema_is_versioned(postgres_url: str) -> None:
    archive = PostgresStore(postgres_url)
    assert archive.schema_version == len(POSTGRES_MIGRATIONS)
    archive.close()
    with psycopg.connect(postgres_url, autocommit=True) as db:
        db.execute("INSERT INTO schema_version (version) VALUES (999)")
    with pytest.raises(DatelineError, match=r"^postgresql://.*: cannot open the archive: schema version 999 is newer"):
        PostgresStore(postgres_url)


def test_postgres_url_selects_postgres_and_bad_ones_fail_clearly(postgres_url: str) -> None:
    archive = open_store(postgres_url.replace("postgresql://", "postgres://"))
    assert isinstance(archive, PostgresStore)
    archive.close()
    with pytest.raises(DatelineError, match=r"^postgresql://127\.0\.0\.1:1/nowhere: cannot open the archive"):
        open_store("postgresql://someone:secret@127.0.0.1:1/nowhere")


def test_control_characters_are_stored_and_given_back(store: Store) -> None:
    # PostgreSQL text cannot hold NUL; the archive must still keep such an article exactly
    article = make_article(title="Null\x00byte", text="A breakwater\x00 in Porto.\n\nNothing more.")
    store.upsert(article)
    assert store.get(article.id) == article
    assert [hit.id for hit in store.search(SearchQuery("breakwater"))] == [article.id]
    assert store.search(SearchQuery("breakwater", outlet="x\x00")) == []
    assert store.quotes(QuoteQuery(speaker="\x00")) == []


def test_search_filters_by_speaker_place_and_entity(store: Store) -> None:
    article = make_article()
    article.places = [Place(article.text.find("Porto"), article.text.find("Porto") + 5, "Porto", 2735943,
                            41.15, -8.61, "PT", "Porto")]  # fmt: skip
    store.upsert(article)
    store.upsert(make_article(url="https://other.example/a", text="A breakwater without quotes."))
    assert [h.id for h in store.search(SearchQuery("breakwater", speaker="helena saraiva"))] == [article.id]
    assert [h.id for h in store.search(SearchQuery("", place="Porto"))] == [article.id]
    assert [h.id for h in store.search(SearchQuery("", entity="Helena Saraiva"))] == [article.id]
    assert store.search(SearchQuery("", speaker="Saraiva")) == []  # a filter names one speaker exactly


def test_entities_and_places_across_the_archive(store: Store) -> None:
    first = make_article()
    first.places = [Place(0, 3, "Porto", 2735943, 41.15, -8.61, "PT", "Porto")]
    second = make_article(url="https://other.example/a")
    second.places = [Place(0, 3, "Porto", 2735943, 41.15, -8.61, "PT", "Porto"), Place(4, 8, "Bergen", 3161732)]
    store.upsert(first)
    store.upsert(second)
    assert [(e.name, e.type, e.articles) for e in store.entities()] == [("Helena Saraiva", "PERSON", 2)]
    assert store.entities(type="ORG") == []
    places = store.places()
    assert [(p.name, p.articles, p.country) for p in places] == [("Porto", 2, "PT"), ("Bergen", 1, None)]
    assert [(p.name, p.articles) for p in store.places(name="bergen")] == [("Bergen", 1)]
    assert store.places(name="Berg") == []


def test_places_by_name_keep_namesakes_apart(store: Store) -> None:
    maine = make_article()
    maine.places = [Place(0, 3, "Portland", 4975802, 43.66, -70.26, "US", "ME")]
    oregon = make_article(url="https://other.example/or")
    oregon.places = [Place(0, 3, "Portland", 5746545, 45.52, -122.68, "US", "OR")]
    store.upsert(maine)
    store.upsert(oregon)
    assert sorted(p.admin1 or "" for p in store.places(name="portland")) == ["ME", "OR"]


def test_timeline_buckets_mentions_statements_and_articles(store: Store) -> None:
    article = make_article()  # published 2025-03-11; "on Tuesday" = 2025-03-10; one quote said 2025-03-11
    article.times.append(TimeExpression(0, 3, "May", "DATE", "2025-05"))
    article.times.append(TimeExpression(0, 3, "now", "DATE", "PRESENT_REF"))
    store.upsert(article)
    by_month = [(b.period, b.mentions, b.statements, b.articles) for b in store.timeline(SearchQuery(""))]
    assert by_month == [("2025-03", 1, 1, 1), ("2025-05", 1, 0, 0)]
    by_day = [(b.period, b.mentions, b.statements, b.articles) for b in store.timeline(SearchQuery(""), "day")]
    assert by_day == [("2025-03-10", 1, 0, 0), ("2025-03-11", 0, 1, 1)]
    assert [b.period for b in store.timeline(SearchQuery("breakwater"), "week")] == ["2025-W11"]
    assert store.timeline(SearchQuery("nothing-matches-this")) == []


@pytest.mark.parametrize(
    ("value", "day", "week", "month"),
    [
        ("2024-07-17", "2024-07-17", "2024-W29", "2024-07"),
        ("2024-07-17T10:30+03:00", "2024-07-17", "2024-W29", "2024-07"),
        ("2024-07", None, None, "2024-07"),
        ("2024-W29", None, "2024-W29", None),
        ("2024", None, None, None),
        ("PRESENT_REF", None, None, None),
        ("P3D", None, None, None),
        ("2024-13-45", None, None, None),
    ],
)
def test_period_of(value: str, day: str | None, week: str | None, month: str | None) -> None:
    from dateline.store.base import period_of

    assert (period_of(value, "day"), period_of(value, "week"), period_of(value, "month")) == (day, week, month)


def test_known_origins_and_source_state(store: Store) -> None:
    article = make_article()
    store.upsert(article, "hash-1")
    assert store.known_origins([article.origin, "never-seen.html", article.origin]) == {article.origin}
    assert store.known_origins([]) == set()
    assert store.get_state("feed:https://ledger.example/rss") is None
    store.set_state("feed:https://ledger.example/rss", '{"etag": "v1"}')
    store.set_state("feed:https://ledger.example/rss", '{"etag": "v2"}')
    assert store.get_state("feed:https://ledger.example/rss") == '{"etag": "v2"}'


def test_words_split_and_fold_alike_on_every_backend(store: Store) -> None:
    # the PostgreSQL parser reads "-16" as a signed number and, under the C locale, ’ as a letter and
    # Cyrillic capitals as unchangeable: each backend must still find what the other finds
    article = make_article(
        title="ГЛАДКОВ: F-16 deliveries",
        text="Kharkiv’s governor said COVID-19 rules of 2024-07-17 ended; version 3.5 of the plan, e-mail “soon”.",
    )
    store.upsert(article)
    for query in ("гладков", "Гладков", "f-16", "F 16", "covid-19", "2024-07-17", "kharkiv", "3.5", "email OR mail",
                  '"plan e mail soon"', "kharkiv’s"):  # fmt: skip
        assert [hit.id for hit in store.search(SearchQuery(query))] == [article.id], query
    assert store.search(SearchQuery("covid-20")) == []


def test_both_backends_find_the_same_articles(postgres_url: str, tmp_path: Path) -> None:
    """Random search box queries over one small archive: SQLite (the reference) and PostgreSQL agree."""
    reference, postgres = SQLiteStore(tmp_path / "a.db"), PostgresStore(postgres_url)
    for article in (
        make_article(),
        make_article(
            url="https://c.example/1", title="Ferries cancelled in São Miguel", outlet="Coastline Wire",
            text="Ferries were cancelled. A new pier in Bergen was damaged by the storm.", published="2025-03-12",
        ),
        make_article(
            url="https://c.example/2", title="Storm hits Bergen", outlet="Bergen Tidende",
            text="The storm damaged the new breakwater and the pier. Covid-19 rules ended.", published="2025-03-13",
        ),
    ):  # fmt: skip
        reference.upsert(article)
        postgres.upsert(article)
    vocabulary = st.sampled_from(
        ["breakwater", "pier", "storm", "new", "bergen", "porto", "the", "schedule", "covid-19", "19", "São", "sao",
         "Saraiva", "quelhas", "ledger", "wire", "damaged"]
    )  # fmt: skip
    term = st.one_of(
        vocabulary,
        vocabulary.map(lambda word: word[:3] + "*"),
        vocabulary.map(lambda word: "-" + word),
        st.sampled_from(["OR", "AND"]),
        st.tuples(st.sampled_from(["title:", "author:", "outlet:", "body:"]), vocabulary).map("".join),
        st.lists(vocabulary, min_size=2, max_size=3).map(lambda words: '"' + " ".join(words) + '"'),
    )

    def found(store: Store, text: str) -> list[str] | str:
        try:
            return sorted(hit.id for hit in store.search(SearchQuery(text)))
        except QueryError:
            return "QueryError"

    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.lists(term, min_size=1, max_size=4).map(" ".join))
    def agree(text: str) -> None:
        assert found(postgres, text) == found(reference, text)

    try:
        agree()
    finally:
        reference.close()
        postgres.close()


def test_stories_are_stored_and_filter_search(store: Store) -> None:
    first, copy, other = (
        make_article(),
        make_article(url="https://wire.example/b", outlet="Coastline Wire", published="2025-03-12"),
        make_article(url="https://other.example/c", title="Unrelated", text="Something else entirely."),
    )
    for article in (first, copy, other):
        store.upsert(article)
    store.set_stories({first.id: first.id, copy.id: first.id, other.id: other.id, "not-stored": "x"})
    assert store.story_of(copy.id) == first.id and store.story_of("not-stored") is None
    [story] = store.stories()
    assert (story.id, story.articles, story.outlets) == (first.id, 2, ["Coastline Wire", "The Northfield Ledger"])
    assert (story.first_published, story.last_published) == ("2025-03-11", "2025-03-12")
    assert {hit.id for hit in store.search(SearchQuery(story=first.id))} == {first.id, copy.id}
    store.set_stories({})
    assert store.stories() == []


def test_a_new_sqlite_archive_opened_by_several_writers_at_once(tmp_path: Path) -> None:
    import threading

    path = tmp_path / "shared.db"
    errors: list[BaseException] = []

    def open_and_write(number: int) -> None:
        try:
            archive = SQLiteStore(path)
            archive.upsert(make_article(url=f"https://ledger.example/{number}"))
            archive.close()
        except BaseException as error:  # collected for the assertion below
            errors.append(error)

    threads = [threading.Thread(target=open_and_write, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    archive = SQLiteStore(path)
    assert archive.count() == 4
    archive.close()


def test_quotes_about_a_field_the_quote_index_lacks(store: Store) -> None:
    store.upsert(make_article())
    assert store.quotes(QuoteQuery(about="title:schedule"))


def test_a_quote_interrupted_by_its_cue_is_listed_without_the_cue(store: Store) -> None:
    text = '"We are ready," Mayor Helena Saraiva said, "and the barrier will be built."'
    first, second = (1, 14), (text.index("and the"), len(text) - 1)
    article = make_article(text=text)
    article.quotes = [Quote(1, second[1], [first, second], text[1 : second[1]], "direct", 37, 41,
                            Speaker("Helena Saraiva", 22, 36))]  # fmt: skip
    store.upsert(article)
    [hit] = store.quotes(QuoteQuery(speaker="Saraiva"))
    assert hit.text == "We are ready, … and the barrier will be built."
    assert (hit.start, hit.end) == (1, second[1])


# -- SQLite at scale: bulk loading and the search plans chosen by the number of matches ----------


def _rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table except the write times, in a stable order. The full-text indexes are left
    out: how their segments are laid out depends on the transactions that wrote them (their content is
    checked by searching and by FTS5's own integrity check), and so are the impact lists ``optimize`` builds
    from them (tests/test_impacts.py)."""
    db = sqlite3.connect(path)
    tables = [
        row[0]
        for row in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE '%fts%' AND name NOT LIKE 'search_%'"
        )
    ]
    dump = {}
    for table in tables:
        columns = [
            row[1] for row in db.execute(f"PRAGMA table_info({table})") if row[1] not in ("ingested_at", "updated_at")
        ]
        if columns:
            dump[table] = sorted(db.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall(), key=repr)
    db.close()
    return dump


def _batch() -> list[Article]:
    first = make_article()
    second = make_article(url="https://other.example/ferries", title="Ferries cancelled", outlet="Coastline Wire",
                          text="Ferries to Bergen were cancelled after the breakwater was damaged.")  # fmt: skip
    second.places = [Place(18, 24, "Bergen", 3161732, 60.39, 5.32, "NO", "Vestland")]
    updated = make_article(title="Porto breakwater finished early")  # the same article again, changed
    return [first, second, updated]


def test_upsert_many_writes_the_rows_upsert_writes(tmp_path: Path) -> None:
    one_by_one, bulk = SQLiteStore(tmp_path / "one.db"), SQLiteStore(tmp_path / "bulk.db")
    outcomes = [one_by_one.upsert(article) for article in _batch()]
    assert bulk.upsert_many(_batch(), batch=2) == outcomes == ["new", "new", "updated"]
    assert bulk.upsert_many(_batch()[1:2]) == ["unchanged"]
    bulk.optimize()  # merges the index: the same rows, the same answers
    bulk.db.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")
    assert [h.id for h in bulk.search(SearchQuery("breakwater"))] == [
        h.id for h in one_by_one.search(SearchQuery("breakwater"))
    ]
    one_by_one.close()
    bulk.close()
    assert _rows(tmp_path / "one.db") == _rows(tmp_path / "bulk.db")


def test_a_failing_batch_stores_none_of_its_articles(tmp_path: Path) -> None:
    archive = SQLiteStore(tmp_path / "archive.db")
    broken = make_article(url="https://other.example/broken", text="Plain words.")
    broken.places = [Place(0, 5, None, None, None, None, None, None)]  # type: ignore[arg-type]  # NOT NULL name
    with pytest.raises(sqlite3.IntegrityError):
        archive.upsert_many([make_article(), broken])
    assert archive.count() == 0
    archive.close()


def _ranked_archive(path: Path) -> SQLiteStore:
    """Articles that tie on score (the same words, lengths and fields) across outlets and years."""
    archive = SQLiteStore(path)
    archive.upsert_many(
        make_article(
            url=f"https://ledger.example/{n}",
            title="Harbour works",
            text=f"The breakwater works go on. {n}",
            outlet=("The Northfield Ledger", "Coastline Wire", "Ärztezeitung")[n % 3],
            published=f"{2020 + n % 5}-0{1 + n % 9}-1{n % 10}",
        )
        for n in range(60)
    )
    return archive


@pytest.mark.parametrize(
    "filters",
    [{}, {"since": "2022-01-01"}, {"until": "2021-06-30"}, {"since": "2021-01-01", "until": "2023-12-31"},
     {"outlet": "coastline WIRE"}, {"outlet": "ärztezeitung"}, {"outlet": "Ärztezeitung", "since": "2021-01-01"},
     {"outlet": "No Such Outlet"}, {"speaker": "helena saraiva", "since": "2021-01-01"}],
)  # fmt: skip
def test_filtered_search_finds_the_same_pages_by_either_plan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, filters: dict[str, str]
) -> None:
    archive = _ranked_archive(tmp_path / "archive.db")

    def pages(row_read_cost: int) -> list[list[tuple[str, str]]]:
        # 0: reading rows always looks cheaper; a billion: listing the allowed articles always does
        monkeypatch.setattr("dateline.store.sqlite._ROW_READ_COST", row_read_cost)
        return [
            [
                (hit.id, hit.snippet)
                for hit in archive.search(SearchQuery("breakwater", limit=7, offset=offset, **filters))
            ]
            for offset in range(0, 63, 7)
        ]

    by_article_rows, by_indexes = pages(0), pages(10**9)
    assert by_article_rows == by_indexes
    found = [hit for page in by_indexes for hit in page]
    assert len(found) == len(set(found))  # ties broken alike on every page: none twice, none skipped
    expected = archive.db.execute(
        "SELECT count(*) FROM articles a WHERE 1 = 1" + SQLiteStore._article_filters(SearchQuery(**filters))[0],  # type: ignore[arg-type]
        SQLiteStore._article_filters(SearchQuery(**filters))[1],  # type: ignore[arg-type]
    ).fetchone()[0]
    assert len(found) == expected
    archive.close()


def test_pages_of_a_search_hold_snippets_and_best_first_scores(tmp_path: Path) -> None:
    archive = _ranked_archive(tmp_path / "archive.db")
    archive.upsert(
        make_article(url="https://ledger.example/best", title="Breakwater breakwater", outlet="Coastline Wire")
    )
    first, second = (archive.search(SearchQuery("breakwater", limit=5, offset=o)) for o in (0, 5))
    assert first[0].title == "Breakwater breakwater"
    scores = [hit.score for hit in first + second]
    assert scores == sorted(scores, reverse=True)
    assert all(f"{HIGHLIGHT_START}breakwater{HIGHLIGHT_END}" in hit.snippet.lower() for hit in first + second)
    archive.close()


def test_opening_a_current_archive_does_not_wait_for_a_writer(tmp_path: Path) -> None:
    path = tmp_path / "archive.db"
    SQLiteStore(path).close()
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # an ingest's transaction holds the write lock
    opened: list[int] = []
    thread = threading.Thread(target=lambda: opened.append(SQLiteStore(path).count()), daemon=True)
    thread.start()
    thread.join(timeout=10)
    writer.execute("ROLLBACK")
    writer.close()
    assert opened == [0]


def test_facets_come_in_one_statement_ordered_as_before(tmp_path: Path) -> None:
    archive = _ranked_archive(tmp_path / "archive.db")
    statements: list[str] = []
    archive.db.set_trace_callback(statements.append)
    facets = archive.facets(SearchQuery("breakwater", since="2021-01-01"), size=3)
    archive.db.set_trace_callback(None)
    # "--": FTS5's own lookups; the first statement counts the word's matches (to choose exact facets)
    searches = [sql for sql in statements if not sql.startswith("--")]
    assert len(searches) == 2 and searches[0].startswith("SELECT count(*) FROM (SELECT 1 FROM articles_fts")
    # 48 articles from 2021 on, 16 per outlet: equal counts come in name order
    assert [(f.value, f.count) for f in facets.outlets] == [
        ("Coastline Wire", 16), ("The Northfield Ledger", 16), ("Ärztezeitung", 16)
    ]  # fmt: skip
    assert [f.value for f in facets.months] == ["2024-09", "2024-08", "2024-07"]
    assert facets.speakers == facets.places == []  # these articles quote no one and name no place
    archive.close()


def test_optimize_keeps_every_answer(store: Store) -> None:
    store.upsert(make_article())
    store.upsert(make_article(url="https://ledger.example/2", title="Breakwater delayed", text="Porto waits."))
    before = [(hit.id, hit.score) for hit in store.search(SearchQuery("porto"))]
    assert store.optimize() == 0  # nothing is common enough to rank in advance in two articles
    assert [(hit.id, hit.score) for hit in store.search(SearchQuery("porto"))] == before
    assert not store.needs_optimize()


def test_facets_of_a_very_common_word_are_estimated_from_a_sample(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = _ranked_archive(tmp_path / "archive.db")  # 60 articles, 20 per outlet, all match
    exact = archive.facets(SearchQuery("breakwater"))
    assert exact.sampled_every == 1 and [f.count for f in exact.outlets] == [20, 20, 20]
    monkeypatch.setattr(sqlite_store, "FACETS_EXACT_UP_TO", 20)
    estimated = archive.facets(SearchQuery("breakwater"))
    assert estimated.sampled_every == 3  # about one in three of the 60 matches counted
    assert all(f.count % 3 == 0 for f in estimated.outlets + estimated.months)
    # the outlets come round in turn: a sample of every third rowid would see only one of them
    assert len(estimated.outlets) == 3 and 30 <= sum(f.count for f in estimated.outlets) <= 90
    # a page listing a filter's articles (no words) is always counted exactly
    assert archive.facets(SearchQuery("", outlet="Coastline Wire")).sampled_every == 1


def test_articles_of_some_days_and_partial_story_updates(store: Store) -> None:
    for n, day in enumerate(("2025-03-09", "2025-03-10", "2025-03-11", "2025-03-12")):
        store.upsert(make_article(url=f"https://ledger.example/{n}", published=day, text=f"Day {n}."))
    ids = [article.id for article in store.articles()]
    assert [a.published for a in store.articles("2025-03-10", "2025-03-11")] == ["2025-03-10", "2025-03-11"]
    assert [a.published for a in store.articles(since="2025-03-12")] == ["2025-03-12"]
    store.set_stories({ids[0]: ids[0], ids[1]: ids[0], ids[2]: ids[2]})
    # ids[2]'s story is merged into ids[0]'s, and ids[3] (no story yet) joins it
    store.update_stories({ids[3]: ids[0], "no-such-article": ids[0]}, {ids[2]: ids[0]})
    assert [store.story_of(article_id) for article_id in ids] == [ids[0]] * 4
    store.update_stories({ids[1]: ids[1]}, {})  # only the articles named change
    assert [store.story_of(article_id) for article_id in ids] == [ids[0], ids[1], ids[0], ids[0]]

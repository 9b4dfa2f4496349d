"""The default archive: one SQLite file, full text search with FTS5 (BM25 ranking, snippets).

Articles keep their whole JSON record (what `show` and `export` give back, unchanged); the
annotation tables beside it exist to be queried. Each article is written in one transaction, so
a crash leaves it either fully stored or not at all.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from dateline.enrich.said import said_date, said_words
from dateline.record import Article
from dateline.store import impacts
from dateline.store.base import (
    GRANULARITIES,
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    ArchiveOpenError,
    EntitySummary,
    Facet,
    Facets,
    Failure,
    PlaceSummary,
    QuoteHit,
    QuoteQuery,
    SearchHit,
    SearchQuery,
    StorySummary,
    TimelineBucket,
    UpsertOutcome,
    article_conditions,
    batches,
    like_escape,
    paragraphs_around,
    period_of,
    statements_sql,
)
from dateline.store.migrations import SQLITE_MIGRATIONS
from dateline.store.query import to_fts

#: BM25 weights of the FTS columns title, text, authors, outlet: a title hit outranks a body hit
_BM25_WEIGHTS = (8.0, 1.0, 3.0, 2.0)
_SCORE = f"bm25(articles_fts, {', '.join(map(str, _BM25_WEIGHTS))})"
#: A filtered search either reads each match's article row to test the filters, or first lists the
#: articles the filters allow from their indexes and tests each match against those sets in memory.
#: Reading a row (kilobytes, somewhere in a large file) costs about as much as putting this many rowids
#: into a set (measured on a million-article archive: ~2 us against ~0.35 us).
_ROW_READ_COST = 6
#: ``needs_optimize`` once articles written or rewritten since the last ``optimize`` reach this share of
#: the archive: the lists still answer exactly, but each of those articles is scored on every search
STALE_SHARE = 0.1
#: facets are counted exactly up to this many matches, and estimated from a sample of about as many
#: above it (about 100 ms on a million-article archive)
FACETS_EXACT_UP_TO = 10_000
#: the articles a full-text query matches, from the FTS index alone
_MATCHES = "SELECT 1 FROM articles_fts WHERE articles_fts MATCH ?"
#: matches are counted up to this many: past it, listing the allowed articles wins anyway
_COUNT_MATCHES_UP_TO = 50_000


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class SQLiteStore:
    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._overview_cache: tuple[tuple[int, int, int], Facets] | None = None
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, timeout=30.0, isolation_level=None, check_same_thread=False)
        except (OSError, sqlite3.Error) as error:
            raise ArchiveOpenError(f"{self.path}: cannot open the archive: {error}") from None
        try:
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("PRAGMA busy_timeout = 30000")
            if self.path != ":memory:":
                # WAL lets the web UI read while an ingest writes
                self.db.execute("PRAGMA journal_mode = WAL")
                self.db.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except sqlite3.Error as error:
            # a text file, a folder, a damaged file: one line for the user, not a traceback
            self.db.close()
            raise ArchiveOpenError(f"{self.path}: cannot open the archive: {error}") from None
        except BaseException:
            self.db.close()
            raise

    # -- schema ---------------------------------------------------------------------------------

    def _migrate(self) -> None:
        # The web app opens the archive for every request: an archive already current is read
        # without taking the write lock, so opening it never waits for an ingest's transaction.
        if self.schema_version == len(SQLITE_MIGRATIONS):
            return
        # Each step re-reads the version inside its write lock: several processes may open a new
        # archive at once, and only the first may apply a migration.
        while True:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                version = self.db.execute("PRAGMA user_version").fetchone()[0]
                if version > len(SQLITE_MIGRATIONS):
                    raise ArchiveOpenError(
                        f"{self.path}: cannot open the archive: schema version {version} is newer than this dateline "
                        f"({len(SQLITE_MIGRATIONS)}); upgrade dateline"
                    )
                if version == len(SQLITE_MIGRATIONS):
                    self.db.execute("COMMIT")
                    return
                for statement in SQLITE_MIGRATIONS[version]:
                    self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {version + 1}")
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise

    @property
    def schema_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    # -- writing --------------------------------------------------------------------------------

    def upsert(self, article: Article, content_hash: str | None = None) -> UpsertOutcome:
        record = article.to_json()
        self.db.execute("BEGIN IMMEDIATE")
        try:
            outcome = self._write_article(article, record)
            if content_hash is not None:
                self.db.execute(
                    "INSERT INTO documents (origin, content_hash, article_id, ingested_at) "
                    "VALUES (?, ?, ?, ?) ON CONFLICT(origin) DO UPDATE SET "
                    "content_hash = excluded.content_hash, article_id = excluded.article_id, "
                    "ingested_at = excluded.ingested_at",
                    (article.origin, content_hash, article.id, _now()),
                )
                self.db.execute("DELETE FROM failures WHERE origin = ?", (article.origin,))
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return outcome

    def upsert_many(self, articles: Iterable[Article], batch: int = 500) -> list[UpsertOutcome]:
        """Store many articles, ``batch`` per transaction: the rows ``upsert`` writes, at bulk speed.

        A transaction per article costs a WAL commit each; loading an archive of millions pays that
        millions of times. Atomicity is per batch instead of per article: a crash loses the batch
        being written, never half an article."""
        outcomes: list[UpsertOutcome] = []
        for pending in batches(articles, batch):
            self.db.execute("BEGIN IMMEDIATE")
            try:
                done = [self._write_article(article, article.to_json()) for article in pending]
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            outcomes.extend(done)
        return outcomes

    def optimize(self) -> int:
        """Merge the full-text indexes into one segment each, rebuild the impact lists of the very common
        words (``impacts.py``) and refresh the planner's statistics; the number of words listed.

        Worth running after a bulk load: a query then reads one doclist per term instead of one per
        segment written during the load, and a search for a word in a large share of the archive reads
        its list instead of scoring every match. It rewrites the whole index (minutes on a million
        articles), so it is not run on every ingest."""
        for table in ("articles_fts", "quotes_fts"):
            self.db.execute(f"INSERT INTO {table} ({table}) VALUES ('optimize')")
        words = impacts.build(self.db, _SCORE)
        self.db.execute("PRAGMA optimize")
        return words

    def needs_optimize(self) -> bool:
        changes = impacts.changes_since_build(self.db)
        if changes is None:  # never optimized: worth it once the common words are costly to rank
            return self.count() >= impacts.MIN_MATCHES * 5
        changed, built = changes
        return changed > max(built, impacts.MIN_MATCHES * 5) * STALE_SHARE

    def _write_article(self, article: Article, record: str) -> UpsertOutcome:
        existing = self.db.execute("SELECT record FROM articles WHERE id = ?", (article.id,)).fetchone()
        if existing is not None and existing["record"] == record:
            return "unchanged"
        now = _now()
        self.db.execute(
            """INSERT INTO articles (id, origin, url, title, published, published_day, outlet, language,
                   authors, text, record, ingested_at, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT(id) DO UPDATE SET origin = excluded.origin, url = excluded.url,
                   title = excluded.title, published = excluded.published,
                   published_day = excluded.published_day, outlet = excluded.outlet,
                   language = excluded.language, authors = excluded.authors, text = excluded.text,
                   record = excluded.record, updated_at = excluded.updated_at""",
            (
                article.id, article.origin, article.url, article.title, article.published,
                article.published[:10] if article.published else None, article.outlet,
                article.language, ", ".join(article.authors), article.text, record, now, now,
            ),
        )  # fmt: skip
        for table in ("quotes", "times", "entities", "places", "quantities", "links"):
            self.db.execute(f"DELETE FROM {table} WHERE article_id = ?", (article.id,))
        self._write_annotations(article)
        return "new" if existing is None else "updated"

    def _write_annotations(self, article: Article) -> None:
        entity_names = {entity.id: entity.name for entity in article.entities}
        self.db.executemany(
            "INSERT INTO quotes (article_id, position, start, end, kind, text, context, speaker, "
            "speaker_entity, said) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    article.id, position, quote.start, quote.end, quote.kind, said_words(article, quote),
                    paragraphs_around(article.text, quote.start, quote.end),
                    (entity_names.get(quote.speaker.entity or "") or quote.speaker.name) if quote.speaker else None,
                    quote.speaker.entity if quote.speaker else None,
                    said_date(article, quote),
                )
                for position, quote in enumerate(article.quotes)
            ],
        )  # fmt: skip
        self.db.executemany(
            "INSERT INTO times (article_id, start, end, text, type, value, mod) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(article.id, t.start, t.end, t.text, t.type, t.value, t.mod) for t in article.times],
        )
        self.db.executemany(
            "INSERT INTO entities (article_id, entity_id, name, type, mentions) VALUES (?, ?, ?, ?, ?)",
            [(article.id, e.id, e.name, e.type, len(e.mentions)) for e in article.entities],
        )
        self.db.executemany(
            "INSERT INTO places (article_id, start, end, name, geonameid, lat, lon, country, admin1) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (article.id, p.start, p.end, p.name, p.geonameid, p.lat, p.lon, p.country, p.admin1)
                for p in article.places
            ],
        )
        self.db.executemany(
            "INSERT INTO quantities (article_id, start, end, value, counts, qualifier) VALUES (?, ?, ?, ?, ?, ?)",
            [(article.id, q.start, q.end, q.value, q.counts, q.qualifier) for q in article.quantities],
        )
        self.db.executemany(
            "INSERT INTO links (article_id, url, text, rel) VALUES (?, ?, ?, ?)",
            [(article.id, link.url, link.text, link.rel) for link in article.links],
        )

    def seen(self, origin: str, content_hash: str) -> str | None:
        row = self.db.execute(
            "SELECT d.article_id FROM documents d JOIN articles a ON a.id = d.article_id "
            "WHERE d.origin = ? AND d.content_hash = ?",
            (origin, content_hash),
        ).fetchone()
        return row["article_id"] if row else None

    def known_origins(self, origins: Iterable[str]) -> set[str]:
        wanted = list(dict.fromkeys(origins))
        known: set[str] = set()
        for start in range(0, len(wanted), 500):  # stay under SQLite's bound-parameter limit
            chunk = wanted[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            rows = self.db.execute(
                f"SELECT d.origin FROM documents d JOIN articles a ON a.id = d.article_id WHERE d.origin IN ({marks})",
                chunk,
            )
            known.update(row[0] for row in rows)
        return known

    def get_state(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM source_state WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else None

    def set_state(self, key: str, value: str) -> None:
        self.db.execute(
            "INSERT INTO source_state (key, value, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
            (key, value, _now()),
        )

    def record_failure(self, origin: str, reason: str) -> None:
        self.db.execute(
            "INSERT INTO failures (origin, reason, at) VALUES (?, ?, ?) "
            "ON CONFLICT(origin) DO UPDATE SET reason = excluded.reason, at = excluded.at",
            (origin, reason, _now()),
        )

    def failures(self, limit: int | None = None, offset: int = 0) -> list[Failure]:
        # LIMIT -1 is SQLite's "no limit", which an OFFSET needs
        rows = self.db.execute(
            "SELECT origin, reason, at FROM failures ORDER BY at, origin LIMIT ? OFFSET ?",
            (-1 if limit is None else limit, offset),
        ).fetchall()
        return [Failure(row["origin"], row["reason"], row["at"]) for row in rows]

    # -- reading --------------------------------------------------------------------------------

    def get(self, article_id: str) -> Article | None:
        row = self.db.execute("SELECT record FROM articles WHERE id = ?", (article_id,)).fetchone()
        return Article.from_dict(json.loads(row["record"])) if row else None

    def articles(self, since: str | None = None, until: str | None = None) -> Iterator[Article]:
        conditions = article_conditions(SearchQuery(since=since, until=until))
        where = " AND ".join(sql.format("?") for sql, _ in conditions) or "1 = 1"
        cursor = self.db.execute(
            f"SELECT record FROM articles a WHERE {where} ORDER BY published_day, published, id",
            [value for _, value in conditions],
        )
        for row in cursor:
            yield Article.from_dict(json.loads(row["record"]))

    def count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def search(self, query: SearchQuery) -> list[SearchHit]:
        if not query.text.strip():
            filters, params = self._article_filters(query)
            rows = self.db.execute(
                "SELECT a.id, a.title, a.url, a.outlet, a.published, substr(a.text, 1, 200) AS snippet, "
                f"0.0 AS score FROM articles a WHERE 1 = 1 {filters} "
                "ORDER BY a.published_day DESC, a.id LIMIT ? OFFSET ?",
                [*params, query.limit, query.offset],
            ).fetchall()
            return [
                SearchHit(row["id"], row["title"], row["url"], row["outlet"], row["published"],
                          row["snippet"] or "", -float(row["score"]))
                for row in rows
            ]  # fmt: skip
        match = to_fts(query.text)
        ranked = self._ranked(query, match)
        return self._page(match, ranked)

    def _ranked(self, query: SearchQuery, match: str) -> list[tuple[int, float]]:
        """The (rowid, bm25 score) of the page's articles, best first.

        Every match has to be scored to find the best, so scoring is kept to the FTS index alone: the
        article rows (kilobytes each) are read only for the page, and snippets are made only for it.
        Ties are broken by rowid so that pages never overlap or skip an article."""
        allowed = self._allowed_set(query)
        term = impacts.single_word(query.text)
        if term is not None and (allowed is None or self._allows_enough_for_lists(allowed, query)):
            filters, filter_params = self._article_filters(query)
            page = impacts.rank(self.db, _SCORE, term, filters, filter_params, query.limit, query.offset)
            if page is not None:
                return page
        order = "ORDER BY score, rowid LIMIT ? OFFSET ?"
        if not article_conditions(query):
            sql = f"SELECT rowid, {_SCORE} AS score FROM articles_fts WHERE articles_fts MATCH ? {order}"
            params: list[object] = [match]
        elif allowed is not None and self._cheaper_than_reading_rows(match, allowed):
            # the unary + keeps SQLite from looking each allowed article up in the FTS index one by one:
            # the set is built once and each match is tested against it
            sql = f"SELECT rowid, {_SCORE} AS score FROM articles_fts WHERE articles_fts MATCH ? AND +rowid IN "
            sql += f"({allowed[0]}) {order}"
            params = [match, *allowed[1]]
        else:
            filters, filter_params = self._article_filters(query)
            sql = (
                f"SELECT a.seq AS rowid, {_SCORE} AS score FROM articles_fts "
                f"JOIN articles a ON a.seq = articles_fts.rowid WHERE articles_fts MATCH ? {filters} {order}"
            )
            params = [match, *filter_params]
        rows = self.db.execute(sql, [*params, query.limit, query.offset]).fetchall()
        return [(int(row[0]), float(row[1])) for row in rows]

    def _allows_enough_for_lists(self, allowed: tuple[str, list[object]], query: SearchQuery) -> bool:
        """Whether a filter passes enough articles that a word's impact list likely holds a page of them
        (twice the share the page needs). A narrower filter is answered faster from its own index."""
        articles = impacts.totals(self.db).articles
        wanted = 2 * (query.offset + query.limit) * articles // impacts.KEEP
        return self._count_up_to(*allowed, wanted) >= wanted

    def _cheaper_than_reading_rows(self, match: str, allowed: tuple[str, list[object]]) -> bool:
        """Whether listing the allowed articles costs less than reading the article row of every match.
        Counting stops where the answer is known, so it costs little however common the words or wide
        the filters."""
        budget = _ROW_READ_COST * self._count_up_to(_MATCHES, [match], _COUNT_MATCHES_UP_TO)
        return self._count_up_to(*allowed, budget + 1) <= budget

    def _count_up_to(self, sql: str, params: list[object], limit: int) -> int:
        """How many rows ``sql`` gives, counting no further than ``limit``."""
        return int(self.db.execute(f"SELECT count(*) FROM ({sql} LIMIT ?)", [*params, limit]).fetchone()[0])

    @staticmethod
    def _allowed_set(query: SearchQuery) -> tuple[str, list[object]] | None:
        """SQL listing the rowids of the articles the filters allow, reading one index only; None when
        there are no filters or one has no such index (speaker, place, entity, story)."""
        if query.speaker or query.place or query.entity or query.story:
            return None
        # the same conditions as every other search (article_conditions), answered by one index: the
        # date range by published_day, or an outlet (and its date range) by (outlet, published_day)
        dates = article_conditions(SearchQuery(since=query.since, until=query.until))
        conditions = [sql.format("?") for sql, _ in dates]
        params: list[object] = [value for _, value in dates]
        outlet = article_conditions(SearchQuery(outlet=query.outlet))
        if outlet:
            sql, value = outlet[0]
            # SQLite's lower() and NOCASE both fold ASCII only, so this equality lets the NOCASE index
            # answer without changing which outlets match; the shared condition stays as the test
            conditions[:0] = ["a.outlet = ? COLLATE NOCASE", sql.format("?")]
            params[:0] = [value, value]
        if not conditions:
            return None
        return "SELECT a.seq FROM articles a WHERE " + " AND ".join(conditions), params

    def _page(self, match: str, ranked: list[tuple[int, float]]) -> list[SearchHit]:
        if not ranked:
            return []
        marks = ", ".join("?" * len(ranked))
        rows = self.db.execute(
            "SELECT a.seq, a.id, a.title, a.url, a.outlet, a.published, "
            f"snippet(articles_fts, 1, '{HIGHLIGHT_START}', '{HIGHLIGHT_END}', '…', 16) AS snippet "
            "FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid "
            f"WHERE articles_fts MATCH ? AND articles_fts.rowid IN ({marks})",
            [match, *(rowid for rowid, _ in ranked)],
        ).fetchall()
        by_rowid = {int(row["seq"]): row for row in rows}
        hits = []
        for rowid, score in ranked:
            row = by_rowid.get(rowid)
            if row is not None:  # None only if the article was deleted between the two statements
                hits.append(SearchHit(row["id"], row["title"], row["url"], row["outlet"], row["published"],
                                      row["snippet"] or "", -score))  # fmt: skip
        return hits

    def _matched(self, query: SearchQuery, every: int = 1) -> tuple[str, list[object]]:
        """SQL selecting id, outlet and published_day of every article the query matches (of about one in
        ``every`` of them, a pseudo-random sample, when ``every`` > 1)."""
        filters, params = self._article_filters(query)
        if every > 1:
            # a hash of the rowid, not the rowid itself: articles often arrive in cycles (feeds polled in
            # turn), which every n-th rowid would alias with; tested before the article row is read
            filters = f" AND (+articles_fts.rowid * 2654435761) % 4294967291 % {int(every)} = 0{filters}"
        if query.text.strip():
            sql = (
                "SELECT a.id, a.outlet, a.published_day FROM articles_fts "
                f"JOIN articles a ON a.seq = articles_fts.rowid WHERE articles_fts MATCH ? {filters}"
            )
            return sql, [to_fts(query.text), *params]
        return f"SELECT a.id, a.outlet, a.published_day FROM articles a WHERE 1 = 1 {filters}", params

    def _facet_sampling(self, query: SearchQuery) -> int:
        """1 when a search's facets can be counted exactly at little cost, else the n of "one match in n"
        that leaves about FACETS_EXACT_UP_TO of the words' matches. Counting a facet reads each
        match's row and annotations (about 9 us a match on a million-article archive), so a word in 40%
        of it would cost seconds; the words' matches are counted from the FTS index alone. Filters are
        applied to the sample, so a narrow filter on a very common word gets a small sample; a search by
        filters alone (a speaker's or a place's page) is always counted exactly."""
        if not query.text.strip():
            return 1
        match = to_fts(query.text)
        if self._count_up_to(_MATCHES, [match], FACETS_EXACT_UP_TO + 1) <= FACETS_EXACT_UP_TO:
            return 1
        matches = int(self.db.execute(f"SELECT count(*) FROM ({_MATCHES})", [match]).fetchone()[0])
        return -(-matches // FACETS_EXACT_UP_TO)

    def facets(self, query: SearchQuery, size: int = 10) -> Facets:
        if not query.text.strip() and not article_conditions(query):
            return self._overview(size)
        return self._counted_facets(query, size)

    def _counted_facets(self, query: SearchQuery, size: int) -> Facets:
        every = self._facet_sampling(query)
        matched, params = self._matched(query, every)
        groupings = {
            "outlets": "SELECT outlet, count(*) FROM matched WHERE outlet IS NOT NULL GROUP BY outlet",
            "months": "SELECT substr(published_day, 1, 7), count(*) FROM matched "
            "WHERE published_day IS NOT NULL GROUP BY 1",
            "speakers": "SELECT q.speaker, count(DISTINCT q.article_id) FROM quotes q JOIN matched m "
            "ON m.id = q.article_id WHERE q.speaker IS NOT NULL GROUP BY q.speaker",
            "places": "SELECT p.name, count(DISTINCT p.article_id) FROM places p JOIN matched m "
            "ON m.id = p.article_id GROUP BY p.name",
        }
        # One statement over one materialized set of matches: the search runs once, not once per facet
        # (on a common word in a large archive, running it is most of the cost)
        members = []
        for name, grouping in groupings.items():
            order = "1 DESC" if name == "months" else "2 DESC, 1"
            members.append(f"SELECT '{name}', * FROM ({grouping} ORDER BY {order} LIMIT ?)")
        rows = self.db.execute(
            f"WITH matched AS MATERIALIZED ({matched}) " + " UNION ALL ".join(members),
            [*params, *[size] * len(members)],
        ).fetchall()
        found: dict[str, list[Facet]] = {name: [] for name in groupings}
        for name, value, count in rows:
            found[name].append(Facet(str(value), int(count) * every))
        # each member's rows come in its own order; restore it rather than rely on how SQLite emits a UNION
        for name, facets in found.items():
            if name == "months":
                facets.sort(key=lambda f: f.value, reverse=True)
            else:
                facets.sort(key=lambda f: (-f.count, f.value))
        return Facets(found["outlets"], found["months"], found["speakers"], found["places"], sampled_every=every)

    def _overview(self, size: int) -> Facets:
        """The facets of the whole archive (the home page), kept until anyone writes to it.

        Counted from the tables and indexes alone (grouping every article's row through the general
        query reads the whole archive: 1.75 s warm and over a minute cold at a million articles), and
        cached on this connection: ``data_version`` moves when another connection commits,
        ``total_changes`` when this one writes."""
        version = (int(self.db.execute("PRAGMA data_version").fetchone()[0]), self.db.total_changes, size)
        if self._overview_cache is not None and self._overview_cache[0] == version:
            return self._overview_cache[1]
        statements = {
            "outlets": "SELECT outlet, count(*) FROM articles WHERE outlet IS NOT NULL "
            "GROUP BY outlet ORDER BY 2 DESC, 1 LIMIT ?",
            "months": "SELECT substr(published_day, 1, 7), count(*) FROM articles WHERE published_day IS NOT NULL "
            "GROUP BY 1 ORDER BY 1 DESC LIMIT ?",
            "speakers": "SELECT speaker, count(DISTINCT article_id) FROM quotes WHERE speaker IS NOT NULL "
            "GROUP BY speaker ORDER BY 2 DESC, 1 LIMIT ?",
            "places": "SELECT name, count(DISTINCT article_id) FROM places GROUP BY name ORDER BY 2 DESC, 1 LIMIT ?",
        }
        found = {
            name: [Facet(str(value), int(count)) for value, count in self.db.execute(sql, (size,)).fetchall()]
            for name, sql in statements.items()
        }
        facets = Facets(found["outlets"], found["months"], found["speakers"], found["places"])
        self._overview_cache = (version, facets)
        return facets

    def entities(self, type: str | None = None, limit: int = 100, offset: int = 0) -> list[EntitySummary]:
        rows = self.db.execute(
            "SELECT name, type, count(DISTINCT article_id), sum(mentions) FROM entities "
            "WHERE (? IS NULL OR type = ?) GROUP BY lower(name), type ORDER BY 3 DESC, 4 DESC, 1 LIMIT ? OFFSET ?",
            (type, type, limit, offset),
        ).fetchall()
        return [EntitySummary(row[0], row[1], int(row[2]), int(row[3])) for row in rows]

    def places(self, limit: int = 500, offset: int = 0, name: str | None = None) -> list[PlaceSummary]:
        rows = self.db.execute(
            "SELECT name, geonameid, country, admin1, avg(lat), avg(lon), count(DISTINCT article_id) FROM places "
            "WHERE ? IS NULL OR lower(name) = lower(?) "
            "GROUP BY coalesce(CAST(geonameid AS TEXT), lower(name)) ORDER BY 7 DESC, 1 LIMIT ? OFFSET ?",
            (name, name, limit, offset),
        ).fetchall()
        return [PlaceSummary(row[0], row[1], row[2], row[3], row[4], row[5], int(row[6])) for row in rows]

    def timeline(self, query: SearchQuery, granularity: str = "month") -> list[TimelineBucket]:
        if granularity not in GRANULARITIES:
            raise ValueError(f"granularity must be one of {', '.join(GRANULARITIES)}")
        matched, params = self._matched(query)
        sources = {
            "mentions": "SELECT t.value, count(*) FROM times t JOIN matched m ON m.id = t.article_id "
            "WHERE t.type IN ('DATE', 'TIME') GROUP BY t.value",
            "statements": "SELECT q.said, count(*) FROM quotes q JOIN matched m ON m.id = q.article_id "
            "WHERE q.said IS NOT NULL GROUP BY q.said",
            "articles": "SELECT published_day, count(*) FROM matched WHERE published_day IS NOT NULL "
            "GROUP BY published_day",
        }
        counts: dict[str, dict[str, int]] = {}
        for name, grouping in sources.items():
            for value, count in self.db.execute(f"WITH matched AS ({matched}) {grouping}", params):
                period = period_of(str(value), granularity)
                if period is not None:
                    bucket = counts.setdefault(period, {"mentions": 0, "statements": 0, "articles": 0})
                    bucket[name] += int(count)
        return [TimelineBucket(period, **counts[period]) for period in sorted(counts)]

    def set_stories(self, members: dict[str, str]) -> None:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            self.db.execute("DELETE FROM story_members")
            self.db.executemany(
                "INSERT INTO story_members (article_id, story_id) SELECT ?, ? WHERE EXISTS "
                "(SELECT 1 FROM articles WHERE id = ?)",
                [(article_id, story_id, article_id) for article_id, story_id in members.items()],
            )
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def update_stories(self, members: dict[str, str], merges: dict[str, str]) -> None:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            self.db.executemany("UPDATE story_members SET story_id = ? WHERE story_id = ?",
                                [(into, story) for story, into in merges.items()])  # fmt: skip
            self.db.executemany(
                "INSERT INTO story_members (article_id, story_id) SELECT ?, ? WHERE EXISTS "
                "(SELECT 1 FROM articles WHERE id = ?) "
                "ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id",
                [(article_id, story_id, article_id) for article_id, story_id in members.items()],
            )
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def story_of(self, article_id: str) -> str | None:
        row = self.db.execute("SELECT story_id FROM story_members WHERE article_id = ?", (article_id,)).fetchone()
        return str(row[0]) if row else None

    def stories(self, limit: int = 50, offset: int = 0) -> list[StorySummary]:
        rows = self.db.execute(
            "SELECT s.story_id, root.title, count(*), min(a.published_day), max(a.published_day) "
            "FROM story_members s JOIN articles a ON a.id = s.article_id "
            "LEFT JOIN articles root ON root.id = s.story_id GROUP BY s.story_id HAVING count(*) > 1 "
            "ORDER BY 3 DESC, 5 DESC LIMIT ? OFFSET ?",
            (limit, offset),
        ).fetchall()
        summaries = []
        for story_id, title, count, first, last in rows:
            outlets = self.db.execute(
                "SELECT DISTINCT a.outlet FROM story_members s JOIN articles a ON a.id = s.article_id "
                "WHERE s.story_id = ? AND a.outlet IS NOT NULL ORDER BY 1",
                (story_id,),
            ).fetchall()
            summaries.append(StorySummary(story_id, title, int(count), [o[0] for o in outlets], first, last))
        return summaries

    def speakers(self, limit: int = 100, offset: int = 0) -> list[Facet]:
        rows = self.db.execute(
            "SELECT speaker, count(*) FROM quotes WHERE speaker IS NOT NULL GROUP BY speaker "
            "ORDER BY 2 DESC, 1 LIMIT ? OFFSET ?",
            (limit, offset),
        ).fetchall()
        return [Facet(row[0], int(row[1])) for row in rows]

    @staticmethod
    def _article_filters(query: SearchQuery) -> tuple[str, list[object]]:
        conditions = article_conditions(query)
        return "".join(f" AND {sql.format('?')}" for sql, _ in conditions), [value for _, value in conditions]

    def quotes(self, query: QuoteQuery) -> list[QuoteHit]:
        clauses: list[str] = []
        params: list[object] = []
        source = "quotes q"
        if query.about:
            source = "quotes_fts JOIN quotes q ON q.rowid = quotes_fts.rowid"
            clauses.append("quotes_fts MATCH ?")
            params.append(to_fts(query.about, {"text": "text"}))  # the quote index has no title or outlet
        if query.speaker and query.speaker_exact:
            clauses.append("q.speaker = ? COLLATE NOCASE")  # the speaker index's collation
            params.append(query.speaker)
        elif query.speaker:
            clauses.append("lower(q.speaker) LIKE ? ESCAPE '\\'")
            params.append("%" + like_escape(query.speaker.lower()) + "%")
        if query.since:
            clauses.append("q.said >= ?")
            params.append(query.since[:10])
        if query.until:
            clauses.append("q.said <= ?")
            params.append(query.until[:10])
        if query.article_id:
            clauses.append("q.article_id = ?")
            params.append(query.article_id)
        where = " AND ".join(clauses) or "1 = 1"
        matched = (
            "SELECT q.article_id, a.title, a.url, a.outlet, q.speaker, q.kind, q.text, q.start AS start_at, "
            f"q.end AS end_at, q.said, q.position FROM {source} JOIN articles a ON a.id = q.article_id WHERE {where}"
        )
        if query.distinct:
            sql = statements_sql(matched)
        else:
            sql = f"SELECT *, 1 FROM ({matched}) ORDER BY said NULLS FIRST, article_id, position"
        rows = self.db.execute(f"{sql} LIMIT ? OFFSET ?", [*params, query.limit, query.offset]).fetchall()
        return [QuoteHit(*row) for row in rows]

    def close(self) -> None:
        self.db.close()

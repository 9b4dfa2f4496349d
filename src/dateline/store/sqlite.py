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
from dateline.store.base import (
    GRANULARITIES,
    HIGHLIGHT_END,
    HIGHLIGHT_START,
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
    like_escape,
    paragraphs_around,
    period_of,
)
from dateline.store.migrations import SQLITE_MIGRATIONS
from dateline.store.query import to_fts

#: BM25 weights of the FTS columns title, text, authors, outlet: a title hit outranks a body hit
_BM25_WEIGHTS = (8.0, 1.0, 3.0, 2.0)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class SQLiteStore:
    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path, timeout=30.0, isolation_level=None, check_same_thread=False)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA foreign_keys = ON")
        self.db.execute("PRAGMA busy_timeout = 30000")
        if self.path != ":memory:":
            # WAL lets the web UI read while an ingest writes
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
        self._migrate()

    # -- schema ---------------------------------------------------------------------------------

    def _migrate(self) -> None:
        # Each step re-reads the version inside its write lock: several processes may open a new
        # archive at once, and only the first may apply a migration.
        while True:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                version = self.db.execute("PRAGMA user_version").fetchone()[0]
                if version > len(SQLITE_MIGRATIONS):
                    raise RuntimeError(
                        f"{self.path}: archive schema version {version} is newer than this dateline "
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

    def failures(self) -> list[Failure]:
        rows = self.db.execute("SELECT origin, reason, at FROM failures ORDER BY at, origin").fetchall()
        return [Failure(row["origin"], row["reason"], row["at"]) for row in rows]

    # -- reading --------------------------------------------------------------------------------

    def get(self, article_id: str) -> Article | None:
        row = self.db.execute("SELECT record FROM articles WHERE id = ?", (article_id,)).fetchone()
        return Article.from_dict(json.loads(row["record"])) if row else None

    def articles(self) -> Iterator[Article]:
        cursor = self.db.execute("SELECT record FROM articles ORDER BY published_day, published, id")
        for row in cursor:
            yield Article.from_dict(json.loads(row["record"]))

    def count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def search(self, query: SearchQuery) -> list[SearchHit]:
        filters, params = self._article_filters(query)
        if query.text.strip():
            sql = (
                "SELECT a.id, a.title, a.url, a.outlet, a.published, "
                f"snippet(articles_fts, 1, '{HIGHLIGHT_START}', '{HIGHLIGHT_END}', '…', 16) AS snippet, "
                f"bm25(articles_fts, {', '.join(map(str, _BM25_WEIGHTS))}) AS score "
                "FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid "
                f"WHERE articles_fts MATCH ? {filters} ORDER BY score LIMIT ? OFFSET ?"
            )
            params = [to_fts(query.text), *params]
        else:
            sql = (
                "SELECT a.id, a.title, a.url, a.outlet, a.published, substr(a.text, 1, 200) AS snippet, "
                f"0.0 AS score FROM articles a WHERE 1 = 1 {filters} "
                "ORDER BY a.published_day DESC, a.id LIMIT ? OFFSET ?"
            )
        rows = self.db.execute(sql, [*params, query.limit, query.offset]).fetchall()
        return [
            SearchHit(row["id"], row["title"], row["url"], row["outlet"], row["published"],
                      row["snippet"] or "", -float(row["score"]))
            for row in rows
        ]  # fmt: skip

    def _matched(self, query: SearchQuery) -> tuple[str, list[object]]:
        """SQL selecting id, outlet and published_day of every article the query matches."""
        filters, params = self._article_filters(query)
        if query.text.strip():
            sql = (
                "SELECT a.id, a.outlet, a.published_day FROM articles_fts "
                f"JOIN articles a ON a.seq = articles_fts.rowid WHERE articles_fts MATCH ? {filters}"
            )
            return sql, [to_fts(query.text), *params]
        return f"SELECT a.id, a.outlet, a.published_day FROM articles a WHERE 1 = 1 {filters}", params

    def facets(self, query: SearchQuery, size: int = 10) -> Facets:
        matched, params = self._matched(query)
        groupings = {
            "outlets": "SELECT outlet, count(*) FROM matched WHERE outlet IS NOT NULL GROUP BY outlet",
            "months": "SELECT substr(published_day, 1, 7), count(*) FROM matched "
            "WHERE published_day IS NOT NULL GROUP BY 1",
            "speakers": "SELECT q.speaker, count(DISTINCT q.article_id) FROM quotes q JOIN matched m "
            "ON m.id = q.article_id WHERE q.speaker IS NOT NULL GROUP BY q.speaker",
            "places": "SELECT p.name, count(DISTINCT p.article_id) FROM places p JOIN matched m "
            "ON m.id = p.article_id GROUP BY p.name",
        }
        found: dict[str, list[Facet]] = {}
        for name, grouping in groupings.items():
            order = "1 DESC" if name == "months" else "2 DESC, 1"
            rows = self.db.execute(
                f"WITH matched AS ({matched}) {grouping} ORDER BY {order} LIMIT ?", [*params, size]
            ).fetchall()
            found[name] = [Facet(str(row[0]), int(row[1])) for row in rows]
        return Facets(**found)

    def entities(self, type: str | None = None, limit: int = 100, offset: int = 0) -> list[EntitySummary]:
        rows = self.db.execute(
            "SELECT name, type, count(DISTINCT article_id), sum(mentions) FROM entities "
            "WHERE (? IS NULL OR type = ?) GROUP BY lower(name), type ORDER BY 3 DESC, 4 DESC, 1 LIMIT ? OFFSET ?",
            (type, type, limit, offset),
        ).fetchall()
        return [EntitySummary(row[0], row[1], int(row[2]), int(row[3])) for row in rows]

    def places(self, limit: int = 500, offset: int = 0) -> list[PlaceSummary]:
        rows = self.db.execute(
            "SELECT name, geonameid, country, admin1, avg(lat), avg(lon), count(DISTINCT article_id) FROM places "
            "GROUP BY coalesce(CAST(geonameid AS TEXT), lower(name)) ORDER BY 7 DESC, 1 LIMIT ? OFFSET ?",
            (limit, offset),
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
        if query.speaker:
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
        rows = self.db.execute(
            "SELECT q.article_id, a.title, a.url, a.outlet, q.speaker, q.kind, q.text, q.start, q.end, q.said "
            f"FROM {source} JOIN articles a ON a.id = q.article_id WHERE {where} "
            "ORDER BY q.said, q.article_id, q.position LIMIT ? OFFSET ?",
            [*params, query.limit, query.offset],
        ).fetchall()
        return [QuoteHit(*row) for row in rows]

    def close(self) -> None:
        self.db.close()

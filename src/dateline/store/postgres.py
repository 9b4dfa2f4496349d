"""The archive on PostgreSQL: the same behaviour as the SQLite archive, for many writers and big archives.

Full text search uses generated tsvector columns (title weight A, authors B, body C, outlet D) with
GIN indexes, ranked with ``ts_rank_cd`` so a title hit outranks a body hit, and ``ts_headline``
snippets marked like SQLite's. Each article is written in one transaction under an advisory lock on
its id, so concurrent ingests of the same article (two workers, two machines) serialize instead of
racing: one ends "new", the other "unchanged" or "updated".
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

import psycopg

from dateline.enrich.said import said_date, said_words
from dateline.errors import DatelineError
from dateline.record import Article
from dateline.store import impacts_pg
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
    redacted_url,
    statements_sql,
)
from dateline.store.impacts import single_word
from dateline.store.migrations import POSTGRES_MIGRATIONS
from dateline.store.query import to_tsquery_text

#: ts_rank_cd weights for {D, C, B, A} = {outlet, body, authors, title}: the SQLite BM25 column
#: weights (title 8, text 1, authors 3, outlet 2) scaled so a title hit is 1
_RANK_WEIGHTS = [0.25, 0.125, 0.375, 1.0]
#: divide the rank by 1 + log(document length), as BM25 discounts long documents
_RANK_NORMALIZATION = 1
_HEADLINE_OPTIONS = (
    f'StartSel="{HIGHLIGHT_START}", StopSel="{HIGHLIGHT_END}", '
    'MaxWords=16, MinWords=6, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "'
)
#: quotes have one column a field can name: ``text:`` (the quote's own words) as in the SQLite quotes index
_QUOTE_WEIGHTS = {"text": "A"}
#: advisory lock class ids ("dl" + 0/1), so dateline's locks cannot collide with another application's
_LOCK_SCHEMA = 0x646C0000
_LOCK_ARTICLE = 0x646C0001
_ANNOTATION_TABLES = ("quotes", "times", "entities", "places", "quantities", "links")


def _text(value: object) -> object:
    """A value PostgreSQL text accepts: it cannot hold NUL, which SQLite stores. The searchable columns
    get a space instead (a word separator, as NUL is to FTS5, and the same length, so nothing shifts);
    the record column keeps NUL JSON-escaped, so ``get`` still returns the article exactly as given."""
    return value.replace("\x00", " ") if isinstance(value, str) else value


def _row(*values: object) -> tuple[object, ...]:
    return tuple(_text(value) for value in values)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


class PostgresStore:
    def __init__(self, url: str) -> None:
        self.url = url
        # the impact lists' sizes (impacts_pg.py); tests make them small to exercise every path
        self.impact_tiers = impacts_pg.TIERS
        try:
            self.db: psycopg.Connection[tuple[Any, ...]] = psycopg.connect(url, autocommit=True)
        except psycopg.Error as error:
            raise DatelineError(f"{redacted_url(url)}: cannot open the archive: {error}".strip()) from None
        # one connection per store: the lock keeps threads (the web UI) from interleaving transactions
        self._lock = threading.RLock()
        try:
            self._migrate()
        except BaseException:
            self.db.close()
            raise

    # -- schema ---------------------------------------------------------------------------------

    def _current_version(self) -> int:
        if self.db.execute("SELECT to_regclass('schema_version')").fetchone() == (None,):
            return 0
        row = self.db.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()
        return int(row[0]) if row else 0

    def _migrate(self) -> None:
        with self._lock:
            if self._current_version() == len(POSTGRES_MIGRATIONS):
                return  # the usual case needs no lock and no rights to change the schema
            # two processes opening a new archive at once: one migrates, the other then finds it done. The
            # lock is taken before the transactions, not inside them: a transaction only sees tables another
            # committed while it waited when it starts after the wait (catalog caches refresh at its start).
            self.db.execute(f"SELECT pg_advisory_lock({_LOCK_SCHEMA}, 0)")
            try:
                while self._migrate_one():
                    pass
            finally:
                self.db.execute(f"SELECT pg_advisory_unlock({_LOCK_SCHEMA}, 0)")

    def _migrate_one(self) -> bool:
        """Apply the next migration in its own transaction; False when there is none."""
        with self.db.transaction():
            version = self._current_version()
            if version > len(POSTGRES_MIGRATIONS):
                raise ArchiveOpenError(
                    f"{redacted_url(self.url)}: cannot open the archive: schema version {version} is newer than this "
                    f"dateline ({len(POSTGRES_MIGRATIONS)}); upgrade dateline"
                )
            if version == len(POSTGRES_MIGRATIONS):
                return False
            if version == 0:
                self.db.execute(
                    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                    "applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
                )
            for statement in POSTGRES_MIGRATIONS[version]:
                self.db.execute(statement)
            self.db.execute("INSERT INTO schema_version (version) VALUES (%s)", (version + 1,))
        return True

    @property
    def schema_version(self) -> int:
        with self._lock:
            return self._current_version()

    # -- writing --------------------------------------------------------------------------------

    def upsert(self, article: Article, content_hash: str | None = None) -> UpsertOutcome:
        record = article.to_json()
        with self._lock, self.db.transaction():
            self.db.execute(f"SELECT pg_advisory_xact_lock({_LOCK_ARTICLE}, hashtext(%s))", (article.id,))
            outcome = self._write_article(article, record)
            if content_hash is not None:
                self.db.execute(
                    "INSERT INTO documents (origin, content_hash, article_id, ingested_at) "
                    "VALUES (%s, %s, %s, now()) ON CONFLICT (origin) DO UPDATE SET "
                    "content_hash = excluded.content_hash, article_id = excluded.article_id, "
                    "ingested_at = excluded.ingested_at",
                    _row(article.origin, content_hash, article.id),
                )
                self.db.execute("DELETE FROM failures WHERE origin = %s", _row(article.origin))
        return outcome

    def upsert_many(self, articles: Iterable[Article], batch: int = 500) -> list[UpsertOutcome]:
        """Store many articles, ``batch`` per transaction: the rows ``upsert`` writes, at bulk speed.

        A commit per article costs a WAL flush and a round of locking each; loading millions pays that
        millions of times. Atomicity is per batch instead of per article: a failure loses the batch
        being written, never half an article."""
        outcomes: list[UpsertOutcome] = []
        for pending in batches(articles, batch):
            # pipelined: the statements of a batch go out without waiting for each answer (only reading
            # an article's stored record waits), which saves a round trip per statement
            with self._lock, self.db.pipeline(), self.db.transaction():
                # the per-article locks upsert takes, all up front and in one order: two bulk loads that
                # share articles then wait for each other instead of deadlocking
                for article_id in sorted({article.id for article in pending}):
                    self.db.execute(f"SELECT pg_advisory_xact_lock({_LOCK_ARTICLE}, hashtext(%s))", (article_id,))
                done = [self._write_article(article, article.to_json()) for article in pending]
            outcomes.extend(done)
        return outcomes

    def _write_article(self, article: Article, record: str) -> UpsertOutcome:
        existing = self.db.execute("SELECT record FROM articles WHERE id = %s", (article.id,)).fetchone()
        if existing is not None and existing[0] == record:
            return "unchanged"
        self.db.execute(
            """INSERT INTO articles (id, origin, url, title, published, published_day, outlet, language,
                   authors, text, record, ingested_at, updated_at)
               VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, now(), now())
               ON CONFLICT (id) DO UPDATE SET origin = excluded.origin, url = excluded.url,
                   title = excluded.title, published = excluded.published,
                   published_day = excluded.published_day, outlet = excluded.outlet,
                   language = excluded.language, authors = excluded.authors, text = excluded.text,
                   record = excluded.record, updated_at = excluded.updated_at""",
            _row(
                article.id, article.origin, article.url, article.title, article.published,
                article.published[:10] if article.published else None, article.outlet,
                article.language, ", ".join(article.authors), article.text, record,
            ),
        )  # fmt: skip
        for table in _ANNOTATION_TABLES:
            self.db.execute(f"DELETE FROM {table} WHERE article_id = %s", (article.id,))
        self._write_annotations(article)
        return "new" if existing is None else "updated"

    def _write_annotations(self, article: Article) -> None:
        entity_names = {entity.id: entity.name for entity in article.entities}
        with self.db.cursor() as cursor:
            cursor.executemany(
                'INSERT INTO quotes (article_id, position, start, "end", kind, text, context, speaker, '
                "speaker_entity, said) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                [
                    _row(
                        article.id, position, quote.start, quote.end, quote.kind, said_words(article, quote),
                        paragraphs_around(article.text, quote.start, quote.end),
                        (entity_names.get(quote.speaker.entity or "") or quote.speaker.name)
                        if quote.speaker else None,
                        quote.speaker.entity if quote.speaker else None,
                        said_date(article, quote),
                    )
                    for position, quote in enumerate(article.quotes)
                ],
            )  # fmt: skip
            cursor.executemany(
                'INSERT INTO times (article_id, start, "end", text, type, value, mod) '
                "VALUES (%s, %s, %s, %s, %s, %s, %s)",
                [_row(article.id, t.start, t.end, t.text, t.type, t.value, t.mod) for t in article.times],
            )
            cursor.executemany(
                "INSERT INTO entities (article_id, entity_id, name, type, mentions) VALUES (%s, %s, %s, %s, %s)",
                [_row(article.id, e.id, e.name, e.type, len(e.mentions)) for e in article.entities],
            )
            cursor.executemany(
                'INSERT INTO places (article_id, start, "end", name, geonameid, lat, lon, country, admin1) '
                "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)",
                [
                    _row(article.id, p.start, p.end, p.name, p.geonameid, p.lat, p.lon, p.country, p.admin1)
                    for p in article.places
                ],
            )
            cursor.executemany(
                'INSERT INTO quantities (article_id, start, "end", value, counts, qualifier) '
                "VALUES (%s, %s, %s, %s, %s, %s)",
                [_row(article.id, q.start, q.end, q.value, q.counts, q.qualifier) for q in article.quantities],
            )
            cursor.executemany(
                "INSERT INTO links (article_id, url, text, rel) VALUES (%s, %s, %s, %s)",
                [_row(article.id, link.url, link.text, link.rel) for link in article.links],
            )

    def seen(self, origin: str, content_hash: str) -> str | None:
        with self._lock:
            row = self.db.execute(
                "SELECT d.article_id FROM documents d JOIN articles a ON a.id = d.article_id "
                "WHERE d.origin = %s AND d.content_hash = %s",
                _row(origin, content_hash),
            ).fetchone()
        return str(row[0]) if row else None

    def known_origins(self, origins: Iterable[str]) -> set[str]:
        wanted = [str(_text(origin)) for origin in dict.fromkeys(origins)]
        known: set[str] = set()
        with self._lock:
            for start in range(0, len(wanted), 5000):  # bounded statements for a crawl of millions of URLs
                rows = self.db.execute(
                    "SELECT d.origin FROM documents d JOIN articles a ON a.id = d.article_id WHERE d.origin = ANY(%s)",
                    (wanted[start : start + 5000],),
                )
                known.update(str(row[0]) for row in rows)
        return known

    def get_state(self, key: str) -> str | None:
        with self._lock:
            row = self.db.execute("SELECT value FROM source_state WHERE key = %s", _row(key)).fetchone()
        return str(row[0]) if row else None

    def set_state(self, key: str, value: str) -> None:
        with self._lock:
            self.db.execute(
                "INSERT INTO source_state (key, value, updated_at) VALUES (%s, %s, now()) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
                _row(key, value),
            )

    def record_failure(self, origin: str, reason: str) -> None:
        with self._lock:
            self.db.execute(
                "INSERT INTO failures (origin, reason, at) VALUES (%s, %s, now()) "
                "ON CONFLICT (origin) DO UPDATE SET reason = excluded.reason, at = excluded.at",
                _row(origin, reason),
            )

    def failures(self, limit: int | None = None, offset: int = 0) -> list[Failure]:
        with self._lock:
            rows = self.db.execute(
                "SELECT origin, reason, at FROM failures ORDER BY at, origin LIMIT %s OFFSET %s", (limit, offset)
            ).fetchall()
        return [Failure(origin, reason, _iso(at)) for origin, reason, at in rows]

    # -- reading --------------------------------------------------------------------------------

    def get(self, article_id: str) -> Article | None:
        with self._lock:
            row = self.db.execute("SELECT record FROM articles WHERE id = %s", _row(article_id)).fetchone()
        return Article.from_dict(json.loads(row[0])) if row else None

    def articles(self, since: str | None = None, until: str | None = None) -> Iterator[Article]:
        conditions = article_conditions(SearchQuery(since=since, until=until))
        where = " AND ".join(sql.format("%s") for sql, _ in conditions) or "TRUE"
        # an export streams the whole archive: a server-side cursor on a connection of its own, so the
        # caller may use the store (get, search) while iterating, and memory stays flat
        with psycopg.connect(self.url) as connection, connection.cursor(name="dateline_articles") as cursor:
            cursor.itersize = 500
            cursor.execute(
                f"SELECT record FROM articles a WHERE {where} "
                'ORDER BY published_day NULLS FIRST, published COLLATE "C" NULLS FIRST, id',
                [value for _, value in conditions],
            )
            for (record,) in cursor:
                yield Article.from_dict(json.loads(record))

    def count(self) -> int:
        with self._lock:
            row = self.db.execute("SELECT count(*) FROM articles").fetchone()
        return int(row[0]) if row else 0

    def optimize(self, progress: Callable[[str], None] | None = None) -> int:
        """Rebuild the impact lists of the very common words (``impacts_pg.py``), fold the GIN pending
        lists into their trees and refresh the planner's statistics; the number of words listed.

        Worth running after a large load: a search for a word in a large share of the archive then ranks
        a list of its best articles instead of every match (same results). Writers wait only a moment."""
        # GIN pending lists: a load leaves up to gin_pending_list_limit (4 MB) of entries there, which
        # every search then reads from end to end (7 ms a query at a million articles) until autovacuum
        # happens to clean it. The entries are the same either way, so results do not change.
        with self._lock:
            self.db.execute("ANALYZE")
            for index in ("articles_search", "quotes_search"):
                self.db.execute("SELECT gin_clean_pending_list(%s::regclass)", (index,))
            words = impacts_pg.build(self.db, _RANK_WEIGHTS, _RANK_NORMALIZATION, self.impact_tiers, progress=progress)
            self.db.execute("ANALYZE search_impacts")
        return words

    def needs_optimize(self) -> bool:
        with self._lock:
            changes = impacts_pg.changes_since_build(self.db)
        if changes is None:  # never optimized: worth it once the common words are costly to rank
            return self.count() >= impacts_pg.MIN_MATCHES * 5
        changed, built = changes
        return changed > max(built, impacts_pg.MIN_MATCHES * 5) * impacts_pg.STALE_SHARE

    def search(self, query: SearchQuery) -> list[SearchHit]:
        filters, params = self._article_filters(query)
        params |= {"limit": query.limit, "offset": query.offset}
        if query.text.strip():
            params |= {"q": to_tsquery_text(query.text), "weights": _RANK_WEIGHTS, "headline": _HEADLINE_OPTIONS}
            term = single_word(query.text)
            if term is not None:
                listed = self._search_listed(term, filters, params, query.limit + query.offset)
                if listed is not None:
                    return listed
            # headlines are slow (they re-parse the text): make them for the page of hits only
            sql = f"""
                SELECT hit.id, hit.title, hit.url, hit.outlet, hit.published,
                       ts_headline('dateline', hit.text, to_tsquery('dateline', %(q)s), %(headline)s), hit.score
                FROM (SELECT a.id, a.title, a.url, a.outlet, a.published, a.text,
                             ts_rank_cd(%(weights)s::real[], a.search, to_tsquery('dateline', %(q)s),
                                        {_RANK_NORMALIZATION}) AS score
                      FROM articles a WHERE a.search @@ to_tsquery('dateline', %(q)s) {filters}
                      ORDER BY score DESC, a.id LIMIT %(limit)s OFFSET %(offset)s) hit
                ORDER BY hit.score DESC, hit.id"""
        else:
            sql = f"""
                SELECT a.id, a.title, a.url, a.outlet, a.published, left(a.text, 200), 0.0
                FROM articles a WHERE TRUE {filters}
                ORDER BY a.published_day DESC NULLS LAST, a.id LIMIT %(limit)s OFFSET %(offset)s"""
        with self._lock:
            rows = self.db.execute(sql, params).fetchall()
        return [
            SearchHit(id_, title, url, outlet, published, snippet or "", float(score))
            for id_, title, url, outlet, published, snippet, score in rows
        ]

    def _search_listed(self, term: str, filters: str, params: dict[str, object], end: int) -> list[SearchHit] | None:
        """A one-word search's page from the word's impact list, or None when the list cannot prove it."""
        params = params | {
            "term": term, "end": end, "depth": max(entries for _, entries in self.impact_tiers),
            "normalization": _RANK_NORMALIZATION,
            "ranking": impacts_pg.ranking_signature(_RANK_WEIGHTS, _RANK_NORMALIZATION),
        }  # fmt: skip
        with self._lock:
            rows = self.db.execute(impacts_pg.rank_sql(filters), params).fetchall()
        if not rows or not rows[0][0]:
            return None
        return [
            SearchHit(id_, title, url, outlet, published, snippet or "", float(score))
            for _, n, id_, title, url, outlet, published, snippet, score in rows
            if n is not None
        ]

    def _matched(self, query: SearchQuery) -> tuple[str, dict[str, object]]:
        """SQL selecting id, outlet and published_day of every article the query matches."""
        filters, params = self._article_filters(query)
        if query.text.strip():
            params["q"] = to_tsquery_text(query.text)
            sql = (
                "SELECT a.id, a.outlet, a.published_day FROM articles a "
                f"WHERE a.search @@ to_tsquery('dateline', %(q)s) {filters}"
            )
            return sql, params
        return f"SELECT a.id, a.outlet, a.published_day FROM articles a WHERE TRUE {filters}", params

    def facets(self, query: SearchQuery, size: int = 10) -> Facets:
        matched, params = self._matched(query)
        params["size"] = size
        # ties broken by byte order of the value, as SQLite's BINARY collation does
        groupings = {
            "outlets": "SELECT outlet, count(*) FROM matched WHERE outlet IS NOT NULL GROUP BY outlet "
            'ORDER BY 2 DESC, outlet COLLATE "C"',
            "months": "SELECT substr(published_day, 1, 7) AS month, count(*) FROM matched "
            "WHERE published_day IS NOT NULL GROUP BY 1 ORDER BY 1 DESC",
            "speakers": "SELECT q.speaker, count(DISTINCT q.article_id) FROM quotes q JOIN matched m "
            "ON m.id = q.article_id WHERE q.speaker IS NOT NULL GROUP BY q.speaker "
            'ORDER BY 2 DESC, q.speaker COLLATE "C"',
            "places": "SELECT p.name, count(DISTINCT p.article_id) FROM places p JOIN matched m "
            'ON m.id = p.article_id GROUP BY p.name ORDER BY 2 DESC, p.name COLLATE "C"',
        }
        found: dict[str, list[Facet]] = {}
        with self._lock:
            for name, grouping in groupings.items():
                sql = f"WITH matched AS ({matched}) {grouping} LIMIT %(size)s"
                rows = self.db.execute(sql, params).fetchall()
                found[name] = [Facet(str(value), int(count)) for value, count in rows]
        return Facets(found["outlets"], found["months"], found["speakers"], found["places"])

    def entities(self, type: str | None = None, limit: int = 100, offset: int = 0) -> list[EntitySummary]:
        params: dict[str, object] = {"type": _text(type), "limit": limit, "offset": offset}
        where = "WHERE type = %(type)s" if type is not None else ""
        # one name in any case is one entity; it is shown as its first spelling in byte order
        sql = (
            'SELECT min(name COLLATE "C") AS name, type, count(DISTINCT article_id), sum(mentions) '
            f"FROM entities {where} GROUP BY lower(name), type "
            "ORDER BY 3 DESC, 4 DESC, 1 LIMIT %(limit)s OFFSET %(offset)s"
        )
        with self._lock:
            rows = self.db.execute(sql, params).fetchall()
        return [EntitySummary(name, kind, int(articles), int(mentions)) for name, kind, articles, mentions in rows]

    def places(self, limit: int = 500, offset: int = 0, name: str | None = None) -> list[PlaceSummary]:
        # a resolved place is its gazetteer id; an unresolved one its name in any case
        sql = (
            'SELECT min(name COLLATE "C"), geonameid, min(country), min(admin1), avg(lat), avg(lon), '
            "count(DISTINCT article_id) FROM places "
            "WHERE %(name)s::text IS NULL OR lower(name) = lower(%(name)s::text) "
            "GROUP BY geonameid, CASE WHEN geonameid IS NULL THEN lower(name) END "
            "ORDER BY 7 DESC, 1 LIMIT %(limit)s OFFSET %(offset)s"
        )
        with self._lock:
            rows = self.db.execute(sql, {"name": _text(name), "limit": limit, "offset": offset}).fetchall()
        return [
            PlaceSummary(name, geonameid, country, admin1, lat, lon, int(articles))
            for name, geonameid, country, admin1, lat, lon, articles in rows
        ]

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
        with self._lock:
            for name, grouping in sources.items():
                # TIMEX3 values are bucketed in Python by the one rule both backends share (period_of)
                for value, count in self.db.execute(f"WITH matched AS ({matched}) {grouping}", params):
                    period = period_of(str(value), granularity)
                    if period is not None:
                        bucket = counts.setdefault(period, {"mentions": 0, "statements": 0, "articles": 0})
                        bucket[name] += int(count)
        return [TimelineBucket(period, **counts[period]) for period in sorted(counts)]

    def set_stories(self, members: dict[str, str]) -> None:
        with self._lock, self.db.transaction(), self.db.cursor() as cursor:
            # two regroupings at once would each delete what they see and insert the same keys: one waits
            cursor.execute("LOCK TABLE story_members IN SHARE ROW EXCLUSIVE MODE")
            cursor.execute("DELETE FROM story_members")
            # COPY, because regrouping a big archive writes a row per article
            cursor.execute("CREATE TEMPORARY TABLE new_story_members (article_id TEXT, story_id TEXT) ON COMMIT DROP")
            with cursor.copy("COPY new_story_members (article_id, story_id) FROM STDIN") as copy:
                for article_id, story_id in members.items():
                    copy.write_row(_row(article_id, story_id))
            cursor.execute(
                "INSERT INTO story_members (article_id, story_id) SELECT m.article_id, m.story_id "
                "FROM new_story_members m JOIN articles a ON a.id = m.article_id"
            )

    def update_stories(self, members: dict[str, str], merges: dict[str, str]) -> None:
        with self._lock, self.db.transaction(), self.db.cursor() as cursor:
            # a full regrouping (set_stories) at the same time waits, as two of those do
            cursor.execute("LOCK TABLE story_members IN SHARE ROW EXCLUSIVE MODE")
            for story, into in merges.items():
                cursor.execute("UPDATE story_members SET story_id = %s WHERE story_id = %s", _row(into, story))
            cursor.executemany(
                "INSERT INTO story_members (article_id, story_id) SELECT a.id, %s FROM articles a WHERE a.id = %s "
                "ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id",
                [_row(story_id, article_id) for article_id, story_id in members.items()],
            )

    def story_of(self, article_id: str) -> str | None:
        with self._lock:
            row = self.db.execute(
                "SELECT story_id FROM story_members WHERE article_id = %s", _row(article_id)
            ).fetchone()
        return str(row[0]) if row else None

    def stories(self, limit: int = 50, offset: int = 0) -> list[StorySummary]:
        sql = """
            SELECT s.story_id, root.title, count(*), min(a.published_day), max(a.published_day),
                   array_agg(DISTINCT a.outlet COLLATE "C" ORDER BY a.outlet COLLATE "C")
                       FILTER (WHERE a.outlet IS NOT NULL)
            FROM story_members s JOIN articles a ON a.id = s.article_id
            LEFT JOIN articles root ON root.id = s.story_id
            GROUP BY s.story_id, root.title HAVING count(*) > 1
            ORDER BY 3 DESC, 5 DESC NULLS LAST, s.story_id LIMIT %s OFFSET %s"""
        with self._lock:
            rows = self.db.execute(sql, (limit, offset)).fetchall()
        return [
            StorySummary(story_id, title, int(count), list(outlets or []), first, last)
            for story_id, title, count, first, last, outlets in rows
        ]

    def speakers(self, limit: int = 100, offset: int = 0) -> list[Facet]:
        with self._lock:
            rows = self.db.execute(
                "SELECT speaker, count(*) FROM quotes WHERE speaker IS NOT NULL GROUP BY speaker "
                'ORDER BY 2 DESC, speaker COLLATE "C" LIMIT %s OFFSET %s',
                (limit, offset),
            ).fetchall()
        return [Facet(str(speaker), int(count)) for speaker, count in rows]

    @staticmethod
    def _article_filters(query: SearchQuery) -> tuple[str, dict[str, object]]:
        conditions = article_conditions(query)
        sql = "".join(f" AND {condition.format(f'%(filter{n})s')}" for n, (condition, _) in enumerate(conditions))
        return sql, {f"filter{n}": _text(value) for n, (_, value) in enumerate(conditions)}

    def quotes(self, query: QuoteQuery) -> list[QuoteHit]:
        clauses: list[str] = []
        params: dict[str, object] = {"limit": query.limit, "offset": query.offset}
        if query.about:
            clauses.append("q.search @@ to_tsquery('dateline', %(about)s)")
            params["about"] = to_tsquery_text(query.about, _QUOTE_WEIGHTS)
        if query.speaker and query.speaker_exact:
            clauses.append("lower(q.speaker) = lower(%(speaker)s)")  # the speaker index's expression
            params["speaker"] = _text(query.speaker)
        elif query.speaker:
            clauses.append("lower(q.speaker) LIKE %(speaker)s ESCAPE '\\'")
            params["speaker"] = _text("%" + like_escape(query.speaker.lower()) + "%")
        if query.since:
            clauses.append("q.said >= %(since)s")
            params["since"] = _text(query.since[:10])
        if query.until:
            clauses.append("q.said <= %(until)s")
            params["until"] = _text(query.until[:10])
        if query.article_id:
            clauses.append("q.article_id = %(article_id)s")
            params["article_id"] = _text(query.article_id)
        where = " AND ".join(clauses) or "TRUE"
        matched = (
            "SELECT q.article_id, a.title, a.url, a.outlet, q.speaker, q.kind, q.text, q.start AS start_at, "
            'q."end" AS end_at, q.said, q.position '
            f"FROM quotes q JOIN articles a ON a.id = q.article_id WHERE {where}"
        )
        if query.distinct:
            sql = statements_sql(matched)
        else:
            sql = f"SELECT *, 1 FROM ({matched}) AS m ORDER BY said NULLS FIRST, article_id, position"
        sql += " LIMIT %(limit)s OFFSET %(offset)s"
        with self._lock:
            rows = self.db.execute(sql, params).fetchall()
        return [QuoteHit(*row) for row in rows]

    def close(self) -> None:
        with self._lock:
            self.db.close()

"""Schema migrations, in order: migration N brings an archive from version N-1 to N (PRAGMA user_version).

Never edit a released migration; append a new one.
"""

from __future__ import annotations

SQLITE_MIGRATIONS: list[list[str]] = [
    # 1: articles with full text search, their annotations, and the documents they came from
    [
        """CREATE TABLE articles (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            origin TEXT NOT NULL,
            url TEXT,
            title TEXT,
            published TEXT,
            published_day TEXT,
            outlet TEXT,
            language TEXT,
            authors TEXT NOT NULL,
            text TEXT NOT NULL,
            record TEXT NOT NULL,
            ingested_at TEXT NOT NULL,
            updated_at TEXT NOT NULL)""",
        "CREATE INDEX articles_published_day ON articles (published_day)",
        "CREATE INDEX articles_outlet ON articles (outlet COLLATE NOCASE)",
        """CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text, authors, outlet, content='articles', content_rowid='seq',
            tokenize='unicode61 remove_diacritics 2')""",
        """CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts (rowid, title, text, authors, outlet)
            VALUES (new.seq, new.title, new.text, new.authors, new.outlet);
        END""",
        """CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, text, authors, outlet)
            VALUES ('delete', old.seq, old.title, old.text, old.authors, old.outlet);
        END""",
        """CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, text, authors, outlet)
            VALUES ('delete', old.seq, old.title, old.text, old.authors, old.outlet);
            INSERT INTO articles_fts (rowid, title, text, authors, outlet)
            VALUES (new.seq, new.title, new.text, new.authors, new.outlet);
        END""",
        """CREATE TABLE quotes (
            rowid INTEGER PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            kind TEXT NOT NULL,
            text TEXT NOT NULL,
            context TEXT NOT NULL,
            speaker TEXT,
            speaker_entity TEXT,
            said TEXT)""",
        "CREATE INDEX quotes_article ON quotes (article_id)",
        "CREATE INDEX quotes_speaker ON quotes (speaker COLLATE NOCASE)",
        "CREATE INDEX quotes_said ON quotes (said)",
        """CREATE VIRTUAL TABLE quotes_fts USING fts5(
            text, context, speaker, content='quotes', content_rowid='rowid',
            tokenize='unicode61 remove_diacritics 2')""",
        """CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
            INSERT INTO quotes_fts (rowid, text, context, speaker)
            VALUES (new.rowid, new.text, new.context, new.speaker);
        END""",
        """CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
            INSERT INTO quotes_fts (quotes_fts, rowid, text, context, speaker)
            VALUES ('delete', old.rowid, old.text, old.context, old.speaker);
        END""",
        """CREATE TABLE times (
            article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,
            type TEXT NOT NULL, value TEXT NOT NULL, mod TEXT)""",
        "CREATE INDEX times_article ON times (article_id)",
        "CREATE INDEX times_value ON times (value)",
        """CREATE TABLE entities (
            article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            entity_id TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL, mentions INTEGER NOT NULL)""",
        "CREATE INDEX entities_article ON entities (article_id)",
        "CREATE INDEX entities_name ON entities (name COLLATE NOCASE)",
        """CREATE TABLE places (
            article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            start INTEGER NOT NULL, end INTEGER NOT NULL, name TEXT NOT NULL, geonameid INTEGER,
            lat REAL, lon REAL, country TEXT, admin1 TEXT)""",
        "CREATE INDEX places_article ON places (article_id)",
        "CREATE INDEX places_geonameid ON places (geonameid)",
        """CREATE TABLE quantities (
            article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            start INTEGER NOT NULL, end INTEGER NOT NULL, value REAL, counts TEXT, qualifier TEXT)""",
        "CREATE INDEX quantities_article ON quantities (article_id)",
        """CREATE TABLE links (
            article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            url TEXT NOT NULL, text TEXT NOT NULL, rel TEXT NOT NULL)""",
        "CREATE INDEX links_article ON links (article_id)",
        """CREATE TABLE documents (
            origin TEXT PRIMARY KEY, content_hash TEXT NOT NULL,
            article_id TEXT NOT NULL, ingested_at TEXT NOT NULL)""",
        "CREATE TABLE failures (origin TEXT PRIMARY KEY, reason TEXT NOT NULL, at TEXT NOT NULL)",
    ],
]

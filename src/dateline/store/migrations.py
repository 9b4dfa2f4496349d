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
    # 2: state kept by live sources (feed validators for conditional requests)
    ["CREATE TABLE source_state (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TEXT NOT NULL)"],
    # 3: the story each article belongs to (the same story across outlets: wire copies, rewrites, updates)
    [
        """CREATE TABLE story_members (
            article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
            story_id TEXT NOT NULL)""",
        "CREATE INDEX story_members_story ON story_members (story_id)",
    ],
    # 4: impact lists, so that a search for a very common word need not score every article (impacts.py)
    [
        """CREATE TABLE search_impacts (
            term TEXT NOT NULL, seq INTEGER NOT NULL, weight REAL NOT NULL, length INTEGER NOT NULL,
            PRIMARY KEY (term, seq)) WITHOUT ROWID""",
        "CREATE TABLE search_impact_words (term TEXT PRIMARY KEY, matches INTEGER NOT NULL, floor REAL)",
        """CREATE TABLE search_impact_build (
            max_seq INTEGER NOT NULL, articles INTEGER NOT NULL, tokens INTEGER NOT NULL)""",
        "CREATE TABLE search_changed (seq INTEGER PRIMARY KEY)",
        # rewritten and deleted articles may score differently than their list entries say: they are
        # logged (only once lists exist) and scored afresh until the next build
        """CREATE TRIGGER search_changed_update AFTER UPDATE OF title, text, authors, outlet ON articles
            WHEN EXISTS (SELECT 1 FROM search_impact_build)
            BEGIN INSERT OR IGNORE INTO search_changed (seq) VALUES (old.seq); END""",
        """CREATE TRIGGER search_changed_delete AFTER DELETE ON articles
            WHEN EXISTS (SELECT 1 FROM search_impact_build)
            BEGIN INSERT OR IGNORE INTO search_changed (seq) VALUES (old.seq); END""",
        # one index answers an outlet and a date range together (and an outlet alone, as the old one did)
        "CREATE INDEX articles_outlet_day ON articles (outlet COLLATE NOCASE, published_day)",
        "DROP INDEX articles_outlet",
    ],
]

#: Punctuation the PostgreSQL text parser would read as part of a token (``-19`` a signed number in
#: "COVID-19", ``3.5`` a float, ``a.b/c`` a file name) or, in a database with the C locale, as a letter
#: (’ “ ” …). The SQLite tokenizer splits words at all of them; so does ``dateline_words``.
#: Part of migration 1: never change them; a different rule needs a new migration replacing the function.
_PG_SEPARATORS = "-+./@:\u2018\u2019\u201c\u201d\u00ab\u00bb\u2013\u2014\u2026"
#: body of ``dateline_words(text)``: what the tsvector columns index, given a way to lowercase.
#: The columns of one tsvector are joined with a " -0" between them: a lexeme no query can contain
#: (query words are \w+, and the text's own "-" are gone), so a phrase never runs from one column into
#: the next, as in FTS5.
_PG_WORDS = "SELECT translate({lower}, '" + _PG_SEPARATORS + "', '" + " " * len(_PG_SEPARATORS) + "')"

#: The same archive on PostgreSQL; the version lives in the ``schema_version`` table (one row per
#: migration applied). Full text search uses generated tsvector columns (kept current on every write
#: by PostgreSQL itself) in the ``dateline`` text search configuration: like the SQLite tokenizer it
#: folds case (all scripts, whatever the database locale, when PostgreSQL has ICU), splits words at
#: punctuation, does not stem, and folds diacritics when the ``unaccent`` extension is available.
POSTGRES_MIGRATIONS: list[list[str]] = [
    # 1: articles with full text search, their annotations, and the documents they came from
    [
        "CREATE TEXT SEARCH CONFIGURATION dateline (COPY = pg_catalog.simple)",
        # unaccent ships with PostgreSQL (contrib) and is a trusted extension, but a server may lack it
        # or the role may not be allowed to create it; the archive then works without diacritic folding
        """DO $$
        BEGIN
            CREATE EXTENSION IF NOT EXISTS unaccent;
            ALTER TEXT SEARCH CONFIGURATION dateline
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
        EXCEPTION WHEN OTHERS THEN
            RAISE NOTICE 'dateline: searching without diacritic folding (%)', SQLERRM;
        END
        $$""",
        # lower() follows the database locale, which under "C" lowercases ASCII only; the ICU root
        # collation lowercases every script, and exists wherever PostgreSQL was built with ICU
        f"""DO $$
        BEGIN
            CREATE FUNCTION dateline_words(t TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
                AS $f${_PG_WORDS.format(lower='lower(t COLLATE "und-x-icu")')}$f$;
        EXCEPTION WHEN OTHERS THEN
            CREATE FUNCTION dateline_words(t TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
                AS $f${_PG_WORDS.format(lower="lower(t)")}$f$;
        END
        $$""",
        """CREATE TABLE articles (
            id TEXT COLLATE "C" PRIMARY KEY,
            origin TEXT NOT NULL,
            url TEXT,
            title TEXT,
            published TEXT,
            published_day TEXT COLLATE "C",
            outlet TEXT,
            language TEXT,
            authors TEXT NOT NULL,
            text TEXT NOT NULL,
            record TEXT NOT NULL,
            ingested_at TIMESTAMPTZ NOT NULL,
            updated_at TIMESTAMPTZ NOT NULL,
            search TSVECTOR GENERATED ALWAYS AS (
                setweight(to_tsvector('dateline', dateline_words(coalesce(title, '')) || ' -0'), 'A')
                || setweight(to_tsvector('dateline', dateline_words(authors) || ' -0'), 'B')
                || setweight(to_tsvector('dateline', dateline_words(text) || ' -0'), 'C')
                || setweight(to_tsvector('dateline', dateline_words(coalesce(outlet, ''))), 'D')) STORED)""",
        "CREATE INDEX articles_search ON articles USING GIN (search)",
        "CREATE INDEX articles_published_day ON articles (published_day)",
        "CREATE INDEX articles_outlet ON articles (lower(outlet))",
        """CREATE TABLE quotes (
            seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            article_id TEXT COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            kind TEXT NOT NULL,
            text TEXT NOT NULL,
            context TEXT NOT NULL,
            speaker TEXT,
            speaker_entity TEXT,
            said TEXT COLLATE "C",
            search TSVECTOR GENERATED ALWAYS AS (
                setweight(to_tsvector('dateline', dateline_words(text) || ' -0'), 'A')
                || setweight(to_tsvector('dateline', dateline_words(context) || ' -0'), 'B')
                || setweight(to_tsvector('dateline', dateline_words(coalesce(speaker, ''))), 'C')) STORED)""",
        "CREATE INDEX quotes_article ON quotes (article_id)",
        "CREATE INDEX quotes_speaker ON quotes (lower(speaker))",
        "CREATE INDEX quotes_said ON quotes (said)",
        "CREATE INDEX quotes_search ON quotes USING GIN (search)",
        """CREATE TABLE times (
            article_id TEXT COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
            type TEXT NOT NULL, value TEXT NOT NULL, mod TEXT)""",
        "CREATE INDEX times_article ON times (article_id)",
        "CREATE INDEX times_value ON times (value)",
        """CREATE TABLE entities (
            article_id TEXT COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            entity_id TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL, mentions INTEGER NOT NULL)""",
        "CREATE INDEX entities_article ON entities (article_id)",
        "CREATE INDEX entities_name ON entities (lower(name))",
        """CREATE TABLE places (
            article_id TEXT COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL, name TEXT NOT NULL, geonameid BIGINT,
            lat DOUBLE PRECISION, lon DOUBLE PRECISION, country TEXT, admin1 TEXT)""",
        "CREATE INDEX places_article ON places (article_id)",
        "CREATE INDEX places_geonameid ON places (geonameid)",
        """CREATE TABLE quantities (
            article_id TEXT COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL, value DOUBLE PRECISION, counts TEXT, qualifier TEXT)""",
        "CREATE INDEX quantities_article ON quantities (article_id)",
        """CREATE TABLE links (
            article_id TEXT COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            url TEXT NOT NULL, text TEXT NOT NULL, rel TEXT NOT NULL)""",
        "CREATE INDEX links_article ON links (article_id)",
        """CREATE TABLE documents (
            origin TEXT COLLATE "C" PRIMARY KEY, content_hash TEXT NOT NULL,
            article_id TEXT COLLATE "C" NOT NULL, ingested_at TIMESTAMPTZ NOT NULL)""",
        """CREATE TABLE failures (
            origin TEXT COLLATE "C" PRIMARY KEY, reason TEXT NOT NULL, at TIMESTAMPTZ NOT NULL)""",
    ],
    # 2: state kept by live sources (feed validators for conditional requests)
    ["CREATE TABLE source_state (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TIMESTAMPTZ NOT NULL)"],
    # 3: the story each article belongs to (the same story across outlets: wire copies, rewrites, updates)
    [
        """CREATE TABLE story_members (
            article_id TEXT COLLATE "C" PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
            story_id TEXT COLLATE "C" NOT NULL)""",
        "CREATE INDEX story_members_story ON story_members (story_id)",
    ],
    # 4: impact lists, so that a search for a very common word need not rank every article (impacts_pg.py).
    # Each word's best articles as two arrays in the search's order (score descending, then id), one row a
    # word: a search reads one row, and a rebuild replaces tens of thousands of rows, not millions.
    [
        """CREATE TABLE search_impacts (
            term TEXT COLLATE "C" PRIMARY KEY,
            ids TEXT[] COLLATE "C" NOT NULL,
            scores REAL[] NOT NULL,
            complete BOOLEAN NOT NULL)""",
        # one row once lists were ever built: from then on every write is logged
        """CREATE TABLE search_impact_build (
            ready BOOLEAN NOT NULL, ranking TEXT, built_at TIMESTAMPTZ, articles BIGINT, words INTEGER)""",
        # insert-only (one row a write), so a build can delete exactly the rows its snapshot saw
        """CREATE TABLE search_changed (
            seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, article_id TEXT COLLATE "C" NOT NULL)""",
        """CREATE FUNCTION dateline_search_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF EXISTS (SELECT 1 FROM search_impact_build) THEN
                INSERT INTO search_changed (article_id)
                VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END);
            END IF;
            RETURN NULL;
        END
        $$""",
        """CREATE TRIGGER search_changed_write AFTER INSERT OR DELETE ON articles
            FOR EACH ROW EXECUTE FUNCTION dateline_search_changed()""",
        # a rewrite changes an article's scores only if it changes what is indexed
        """CREATE TRIGGER search_changed_update AFTER UPDATE ON articles
            FOR EACH ROW WHEN (OLD.search IS DISTINCT FROM NEW.search) EXECUTE FUNCTION dateline_search_changed()""",
    ],
]

"""Impact lists: each very common word's best-scoring articles, kept so ranking it need not score every match.

FTS5 ranks a query by scoring every article it matches (about 1.5 us each), so a word found in a third
of a million-article archive costs half a second however few hits are shown. For the words matched by
at least ``min_matches`` articles, ``build`` stores the ``keep`` best by FTS5's own bm25 together with
what that score is made of (the word's weighted hit count in the article and the article's length),
and the best score any article left off the list could reach.

``rank`` answers a one-word search from the list and proves the answer is the one FTS5 would give:
articles written or changed since the build (logged by triggers) are scored by FTS5 itself, the listed
ones are re-scored with the archive's current statistics using FTS5's arithmetic, and the page is
returned only when its last hit scores strictly better than the bound on every article off the list.
When it cannot prove that (a selective filter, a page deep in the results) it returns None and the
caller ranks the usual way. So the lists change how fast a search is, never what it finds.
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
from dataclasses import dataclass

from dateline.store.query import QueryError, parse

#: FTS5's bm25 parameters (fixed in SQLite's fts5_aux.c)
K1 = 1.2
B = 0.75
#: words matched by at least this many articles get a list: below it, scoring every match is cheap
#: (about 15 ms; 30 ms with a filter that must be looked up for each match)
MIN_MATCHES = 10_000
#: articles listed per word: enough for the first pages, and for a filter passing one article in 50
KEEP = 2_000
#: the rowid of the FTS5 record holding the row count and the token count of each column
_AVERAGES_ROWID = 1
#: words FTS5's unicode61 tokenizer folds exactly as Python's lower() does (ASCII letters and digits)
_ASCII_WORD = re.compile(r"[A-Za-z0-9]+")


@dataclass(frozen=True)
class Totals:
    """What FTS5's bm25 reads of the whole index: how many articles, how many tokens in all."""

    articles: int
    tokens: int

    @property
    def average_length(self) -> float:
        return float(self.tokens) / float(self.articles)


def varints(blob: bytes) -> list[int]:
    """The SQLite varints FTS5 writes in its averages and docsize records."""
    values = []
    position = 0
    while position < len(blob):
        value = 0
        for i in range(9):
            byte = blob[position]
            position += 1
            if i == 8:  # the ninth byte carries eight bits
                value = (value << 8) | byte
                break
            value = (value << 7) | (byte & 0x7F)
            if not byte & 0x80:
                break
        values.append(value)
    return values


def idf(articles: int, matches: int) -> float:
    """FTS5's inverse document frequency, floored as FTS5 floors it."""
    value = math.log((articles - matches + 0.5) / (matches + 0.5))
    return value if value > 0.0 else 1e-6


def word_score(weight: float, length: int, average_length: float) -> float:
    """The part of an article's bm25 that depends on the article (FTS5's expression, operation for
    operation, so the result is the same double FTS5 computes)."""
    return (weight * (K1 + 1.0)) / (weight + K1 * (1 - B + B * float(length) / average_length))


def bm25(word_idf: float, score: float) -> float:
    """The value FTS5's bm25() returns for a one-phrase query: negative, smaller is better."""
    return -1.0 * (0.0 + word_idf * score)


def weight_from_bm25(value: float, word_idf: float, length: int, average_length: float) -> float:
    """The weighted hit count that gave ``value`` (``word_score`` solved for the weight)."""
    score = -value / word_idf
    norm = K1 * (1 - B + B * float(length) / average_length)
    return score * norm / (K1 + 1.0 - score)


def single_word(text: str) -> str | None:
    """The index term of a search for one plain word anywhere in the article, else None."""
    try:
        parsed = parse(text)
    except QueryError:
        return None
    if parsed.none_of or len(parsed.all_of) != 1 or len(parsed.all_of[0]) != 1:
        return None
    term = parsed.all_of[0][0]
    if term.prefix or term.column or len(term.words) != 1 or not _ASCII_WORD.fullmatch(term.words[0]):
        return None
    return term.words[0].lower()


def totals(db: sqlite3.Connection) -> Totals:
    row = db.execute("SELECT block FROM articles_fts_data WHERE id = ?", (_AVERAGES_ROWID,)).fetchone()
    values = varints(bytes(row[0])) if row else [0]
    return Totals(values[0], sum(values[1:]))


def build(db: sqlite3.Connection, score_sql: str, min_matches: int = MIN_MATCHES, keep: int = KEEP) -> int:
    """(Re)build the lists of every word matched by ``min_matches`` articles or more; the number of words.

    Holds the write lock throughout, so the lists describe one state of the archive exactly. Costs one
    full scoring of each such word: minutes on a million articles."""
    db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.articles_fts_terms USING fts5vocab(main, articles_fts, 'row')")
    db.execute("BEGIN IMMEDIATE")
    try:
        for table in ("search_impacts", "search_impact_words", "search_impact_build", "search_changed"):
            db.execute(f"DELETE FROM {table}")
        now = totals(db)
        words = 0
        if now.articles:
            terms = db.execute(
                "SELECT term, doc FROM temp.articles_fts_terms WHERE doc >= ?", (min_matches,)
            ).fetchall()
            for term, matches in terms:
                if _ASCII_WORD.fullmatch(term) and _build_word(db, score_sql, term, int(matches), now, keep):
                    words += 1
        max_seq = db.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchone()[0]
        db.execute(
            "INSERT INTO search_impact_build (max_seq, articles, tokens) VALUES (?, ?, ?)",
            (max_seq, now.articles, now.tokens),
        )
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return words


def _build_word(db: sqlite3.Connection, score_sql: str, term: str, matches: int, now: Totals, keep: int) -> bool:
    rows = db.execute(
        f"SELECT rowid, {score_sql} AS score FROM articles_fts WHERE articles_fts MATCH ? "
        "ORDER BY score, rowid LIMIT ?",
        (f'"{term}"', keep + 1),
    ).fetchall()
    rowids = [int(row[0]) for row in rows]
    sizes = dict(
        db.execute(
            "SELECT id, sz FROM articles_fts_docsize WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(rowids),),
        ).fetchall()
    )
    word_idf = idf(now.articles, matches)
    average = now.average_length
    entries = []
    for rowid, value in rows:
        length = sum(varints(bytes(sizes[rowid])))
        weight = float(round(weight_from_bm25(float(value), word_idf, length, average)))
        # the lists must reproduce FTS5 exactly; a word whose scores they do not reproduce gets no list
        if bm25(word_idf, word_score(weight, length, average)) != float(value):
            return False
        entries.append((int(rowid), weight, length))
    listed, rest = entries[:keep], entries[keep:]
    floor = word_score(rest[0][1], rest[0][2], average) if rest else None
    db.executemany(
        "INSERT INTO search_impacts (term, seq, weight, length) VALUES (?, ?, ?, ?)",
        [(term, rowid, weight, length) for rowid, weight, length in listed],
    )
    db.execute("INSERT INTO search_impact_words (term, matches, floor) VALUES (?, ?, ?)", (term, matches, floor))
    return True


def rank(
    db: sqlite3.Connection, score_sql: str, term: str, filters: str, params: list[object], limit: int, offset: int
) -> list[tuple[int, float]] | None:
    """The page (rowid, bm25) of a one-word search as FTS5 would rank it, or None when the list cannot
    prove it. ``filters`` is SQL over ``articles a`` (`` AND ...``) with its ``params``."""
    # one read transaction: the lists, the change log and the index are read as of one moment
    own = not db.in_transaction
    if own:
        db.execute("BEGIN")
    try:
        return _rank(db, score_sql, term, filters, params, limit, offset)
    finally:
        if own:
            db.execute("COMMIT")


def _rank(
    db: sqlite3.Connection, score_sql: str, term: str, filters: str, params: list[object], limit: int, offset: int
) -> list[tuple[int, float]] | None:
    word = db.execute("SELECT matches, floor FROM search_impact_words WHERE term = ?", (term,)).fetchone()
    built = db.execute("SELECT max_seq, articles, tokens FROM search_impact_build").fetchone()
    if word is None or built is None:
        return None
    then = Totals(int(built[1]), int(built[2]))
    now = totals(db)
    if not now.articles:
        return None
    changed = {int(row[0]) for row in db.execute("SELECT seq FROM search_changed")}
    match = f'"{term}"'
    scored: dict[int, float] = {}
    matches = int(word[0])
    if changed or now != then:
        # what was written or rewritten since the build is scored by FTS5 itself
        query = f"SELECT rowid, {score_sql} FROM articles_fts WHERE articles_fts MATCH ?"
        scored.update(db.execute(f"{query} AND rowid > ?", (match, int(built[0]))).fetchall())
        if changed:
            scored.update(db.execute(f"{query} AND +rowid IN (SELECT seq FROM search_changed)", (match,)).fetchall())
        matches = int(
            db.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", (match,)).fetchone()[0]
        )
    word_idf = idf(now.articles, matches)
    average = now.average_length
    for seq, weight, length in db.execute("SELECT seq, weight, length FROM search_impacts WHERE term = ?", (term,)):
        if seq not in changed:
            scored[int(seq)] = bm25(word_idf, word_score(float(weight), int(length), average))
    if filters:
        allowed = {
            int(row[0])
            for row in db.execute(
                f"SELECT a.seq FROM articles a WHERE a.seq IN (SELECT value FROM json_each(?)){filters}",
                [json.dumps(list(scored)), *params],
            )
        }
        scored = {seq: value for seq, value in scored.items() if seq in allowed}
    ranked = sorted(scored.items(), key=lambda entry: (entry[1], entry[0]))
    end = offset + limit
    if word[1] is not None:  # some matches are off the list: the page must beat the best of them
        if len(ranked) < end:
            return None
        # an article off the list keeps its weight and length; only the average length moved, and
        # a longer average raises its score by at most that ratio
        bound = float(word[1]) * max(1.0, average / then.average_length) * (1 + 1e-9)
        if not ranked[end - 1][1] < bm25(word_idf, bound):
            return None
    return ranked[offset:end]


def changes_since_build(db: sqlite3.Connection) -> tuple[int, int] | None:
    """(articles written or changed since the lists were built, articles at the build); None if never built."""
    built = db.execute("SELECT max_seq, articles FROM search_impact_build").fetchone()
    if built is None:
        return None
    changed = db.execute(
        "SELECT (SELECT count(*) FROM search_changed) + (SELECT count(*) FROM articles WHERE seq > ?)", (built[0],)
    ).fetchone()[0]
    return int(changed), int(built[1])

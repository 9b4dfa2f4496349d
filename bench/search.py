"""Search latency on a generated archive: the store directly and the JSON API over loopback HTTP.

    .venv/bin/python bench/search.py --articles 10000 [--db PATH] [--queries 200]

Articles are generated from our own word lists (seeded), stored without enrichment (search latency
does not depend on it), then a fixed mix of one-word, two-word, phrase, prefix and filtered queries
is timed. Prints p50/p95/p99 in milliseconds for each path.
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import tempfile
import threading
import time
from pathlib import Path

from dateline.record import Article
from dateline.store import SearchQuery, open_store

PLACES = "Porto Bergen Tallinn Gdansk Lyon Turin Ghent Malmo Tampere Split Kaunas Brno Graz Leeds Cork".split()
SUBJECTS = (
    "council ministry union port authority court parliament company police regulator hospital airport "
    "university museum railway utility"
).split()
VERBS = "approved rejected delayed announced suspended expanded reviewed criticised funded cancelled".split()
OBJECTS = (
    "flood barrier tram line wage deal harbour dredging wind farm housing plan bridge repair school budget "
    "ferry route water tariff metro extension grain terminal data centre"
).split(" ")
FILLER = (
    "officials said the decision followed months of talks with residents and businesses in the area, "
    "while critics warned that costs could rise and that the timetable looked optimistic"
).split()
OUTLETS = ["The Northfield Ledger", "Coastline Wire", "Harbour Post", "Valley Courier", "Morning Dispatch"]


def generate(count: int, seed: int = 7) -> list[Article]:
    rng = random.Random(seed)
    articles = []
    for number in range(count):
        place, subject, verb = rng.choice(PLACES), rng.choice(SUBJECTS), rng.choice(VERBS)
        thing = rng.choice(OBJECTS)
        title = f"{place} {subject} {verb} {thing}"
        paragraphs = []
        for _ in range(rng.randint(5, 10)):
            words = [*rng.sample(FILLER, 12), rng.choice(PLACES), rng.choice(OBJECTS), str(rng.randint(2, 900))]
            rng.shuffle(words)
            paragraphs.append(f"The {place} {subject} {verb} the {thing}. " + " ".join(words).capitalize() + ".")
        day = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        articles.append(
            Article(
                origin=f"generated-{number}",
                url=f"https://news{number % 5}.example/{day}/{number}",
                title=title,
                published=day,
                outlet=OUTLETS[number % 5],
                text="\n\n".join(paragraphs),
            )
        )
    return articles


def queries(count: int, seed: int = 11) -> list[SearchQuery]:
    rng = random.Random(seed)
    mix = []
    for number in range(count):
        kind = number % 5
        if kind == 0:
            mix.append(SearchQuery(rng.choice(PLACES)))
        elif kind == 1:
            mix.append(SearchQuery(f"{rng.choice(PLACES)} {rng.choice(SUBJECTS)}"))
        elif kind == 2:
            mix.append(SearchQuery(f'"{rng.choice(OBJECTS)}"'))
        elif kind == 3:
            mix.append(SearchQuery(rng.choice(VERBS)[:4] + "*"))
        else:
            mix.append(SearchQuery(rng.choice(SUBJECTS), since="2025-06-01", outlet=rng.choice(OUTLETS)))
    return mix


def percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    cuts = statistics.quantiles(ordered, n=100)
    return f"p50 {cuts[49]:7.2f} ms   p95 {cuts[94]:7.2f} ms   p99 {cuts[98]:7.2f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--db", help="archive path (default: a temporary file)")
    args = parser.parse_args()
    db = args.db or str(Path(tempfile.mkdtemp()) / "search-bench.db")

    store = open_store(db)
    if store.count() < args.articles:
        started = time.perf_counter()
        for article in generate(args.articles):
            store.upsert(article)
        print(f"stored {args.articles:,} articles in {time.perf_counter() - started:.1f} s")
    mix = queries(args.queries)
    timings = []
    for query in mix:
        started = time.perf_counter()
        store.search(query)
        timings.append((time.perf_counter() - started) * 1000)
    store.close()
    print(f"archive: {args.articles:,} articles, SQLite FTS5 ({db})")
    print(f"store.search        {percentiles(timings)}   ({len(mix)} queries)")

    import httpx
    import uvicorn

    from dateline.web.app import create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    api = []
    with httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
        for query in mix:
            params = {"q": query.text, "limit": 20}
            params.update({k: v for k, v in (("since", query.since), ("outlet", query.outlet)) if v})
            started = time.perf_counter()
            client.get("/api/search", params=params).raise_for_status()
            api.append((time.perf_counter() - started) * 1000)
    server.should_exit = True
    print(f"GET /api/search     {percentiles(api)}   (loopback HTTP, one client)")


if __name__ == "__main__":
    main()

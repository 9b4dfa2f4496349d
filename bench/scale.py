"""Scale: ingest throughput, memory of the whole process tree while ingesting a big WARC, story grouping
of a big archive, and `dateline batch` against `dateline ingest` on one WARC.

    .venv/bin/python bench/scale.py --articles 120 --warc-mb 200 [--workers 2] [--spark] [--no-enrich]
    .venv/bin/python bench/scale.py --articles 0 --warc-mb 0 --group-articles 1000000 --group-days 365
    .venv/bin/python bench/scale.py --articles 0 --warc-mb 0 --compare 10000 --workers 2

Pages are generated here (seeded) and written as HTML response records of a gzip-per-record WARC
(tests/warcwriter.py), the way CC-NEWS files are. Each page is built like a real news page: 100-300 KB
of HTML, most of it not the article: inline CSS, inline scripts (JSON-LD, an analytics configuration,
a minified-looking bundle), a navigation menu of a few hundred links, a "most read" sidebar, related
links, a cookie banner and a footer. The article itself (about 600 words) comes from bench/stories.py's
story generator, with wire copies, cuts and updates of the same story published by other outlets, so the
archive has stories to group. Gzip shrinks a page about 4-5 times, as it does real pages.

The big-WARC run (``--warc-mb``) ingests with full enrichment unless ``--no-enrich``, into SQLite,
sampling every 0.5 s the resident memory of the ingest process and all its children (worker
processes): it prints the peak of their summed RSS (which counts pages shared by the forked workers
once per process, an upper bound) and of their summed PSS (shared pages split between the processes
that share them: what the tree really costs), with the articles/s rate, articles and errors.
``--group-articles`` streams that many generated articles, in date order over ``--group-days`` days,
through the story index the way ``group_stories`` does, and prints the peak RSS.
``--compare`` ingests a generated WARC of that many records with ``dateline ingest`` and with ``dateline
batch --master local[WORKERS]`` and checks both give the same article ids and annotation counts.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import random
import resource
import signal
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.warcwriter import write_warc  # noqa: E402

from bench.stories import rewrite_corpus  # noqa: E402

SECTIONS = (
    "world europe africa americas asia middle-east uk politics business markets economy technology science "
    "health education environment climate sport football tennis cycling culture books film music travel "
    "food style opinion letters obituaries weather local transport property jobs puzzles podcasts video"
).split()
OUTLETS = ["northfield-ledger", "coastline-wire", "harbour-post", "valley-courier", "morning-dispatch"]
SYLLABLES = "ka lo mi ne ru sa ti vo xe zu qa di fo ge hu ja".split()
CSS_PROPS = "margin padding color background border font-size line-height width height top left gap".split()


def _ident(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 3))) + str(rng.randint(0, 99))


@dataclass(frozen=True)
class _Site:
    css: str
    nav: str
    bundle: str


@functools.cache
def _site(outlet: str) -> _Site:
    """What every page of one outlet carries: its style sheet, menu and script bundle, inlined as many
    sites do (so each gzip-per-record page compresses them again, as in a crawl)."""
    rng = random.Random(outlet)
    pool = [_ident(rng) for _ in range(150)]  # a bundle reuses its identifiers, which is what gzip finds
    nav = "".join(
        f'<li class="nav-item"><a href="/{section}/{rng.choice(pool)}">{section.title()} {rng.choice(pool)}</a></li>'
        for section in rng.choices(SECTIONS, k=rng.randint(150, 400))
    )
    return _Site(_css(rng, rng.randint(300, 900), pool), nav, _bundle(rng, 320_000, pool))


def _css(rng: random.Random, rules: int, pool: list[str]) -> str:
    out = []
    for _ in range(rules):
        props = ";".join(
            f"{rng.choice(CSS_PROPS)}:{rng.randint(0, 64)}px"
            if rng.random() < 0.7
            else f"color:#{rng.choice(pool[:12]).encode().hex()[:6]}"
            for _ in range(rng.randint(2, 6))
        )
        out.append(f".{rng.choice(pool)}-{rng.choice(SECTIONS)} .{rng.choice(pool)}{{{props}}}")
    return "".join(out)


def _bundle(rng: random.Random, size: int, pool: list[str]) -> str:
    """Minified-looking JavaScript: short identifiers, numbers, a few string constants and hex tokens."""
    parts: list[str] = []
    total = 0
    while total < size:
        name, a, b = rng.choice(pool), rng.choice(pool), rng.choice(pool)
        if rng.random() < 0.03:
            part = f'var {name}="{rng.getrandbits(128):032x}";'
        else:
            body = f"{a}.{rng.choice(pool)}({b},{rng.randint(0, 99)})"
            result = f"return {body}||{b}*{rng.randint(2, 97)}"
            part = f"function {name}({a},{b}){{if(!{a})return {rng.randint(0, 255)};{result}}}"
        parts.append(part)
        total += len(part)
    return "".join(parts)


def page(title: str, published: str, text: str, url: str, outlet: str, others: list[str], seed: int) -> bytes:
    """A news page of 100-300 KB: the article and everything around it (see the module docstring)."""
    rng = random.Random(seed)
    target = rng.randint(100_000, 300_000)
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n"))
    site = _site(outlet)
    most_read = "".join(f'<li><a href="/news/{zlib.crc32(t.encode())}">{escape(t)}</a></li>' for t in others)
    ld = json.dumps(
        {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title, "datePublished": published,
         "publisher": {"@type": "Organization", "name": outlet}, "mainEntityOfPage": url}
    )  # fmt: skip
    config = json.dumps({_ident(rng): f"{rng.getrandbits(64):016x}" for _ in range(rng.randint(20, 60))})
    head = (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)} | {outlet}</title>'
        f'<meta property="og:title" content="{escape(title)}">'
        f'<meta property="article:published_time" content="{published}"><link rel="canonical" href="{url}">'
        f"<style>{site.css}</style>"
        f'<script type="application/ld+json">{ld}</script><script>window.__cfg={config};</script></head>'
    )
    body = (
        f'<body><div class="cookie-banner"><p>We use cookies to improve your experience and to show you '
        f"personalised advertising.</p><button>Accept all</button><button>Manage</button></div>"
        f'<header><a class="logo" href="/">{outlet}</a><nav><ul>{site.nav}</ul></nav></header>'
        f'<main><article><h1>{escape(title)}</h1><time datetime="{published}">{published[:10]}</time>'
        f'<div class="byline">By staff reporters</div><div class="article-body">{paragraphs}</div></article>'
        f"<aside><h2>Most read</h2><ol>{most_read}</ol></aside></main>"
        f"<footer><ul>{''.join(f'<li><a href=/{s}>{s}</a></li>' for s in SECTIONS)}</ul>"
        f"<p>&copy; {outlet}. All rights reserved.</p></footer>"
    )
    filler = max(0, target - len(head) - len(body) - 40)
    return (head + body + f"<script>{site.bundle[:filler]}</script></body></html>").encode()


def news_records(count: int, seed: int, start: datetime, days: float) -> Iterator[tuple[str, bytes]]:
    """``count`` (url, page) records: stories and their copies by other outlets, published over ``days``."""
    made = 0
    chunk = 0
    while made < count:
        docs = rewrite_corpus(60, seed * 100_003 + chunk)  # about 240 articles: 60 stories and their copies
        titles = [doc.title for doc in docs]
        for doc in docs:
            if made == count:
                return
            # copies keep their hours after the original; the chunk is placed at its share of the span
            offset = days * made / count
            when = datetime.fromisoformat(doc.published) - datetime(2025, 3, 1) + start + timedelta(days=offset)
            published = when.replace(microsecond=0).isoformat() + "+00:00"
            outlet = OUTLETS[made % len(OUTLETS)]
            url = f"https://www.{outlet}.example/{published[:10].replace('-', '/')}/{doc.article_id}"
            others = random.Random(made).sample(titles, 10)
            yield url, page(doc.title, published, doc.text, url, outlet, others, seed=seed + made)
            made += 1
        chunk += 1


def make_warc(path: Path, count: int, seed: int = 7, days: float = 30.0) -> int:
    write_warc(path, news_records(count, seed, datetime(2025, 3, 1), days), compresslevel=6)
    return path.stat().st_size


def make_warc_of_size(path: Path, megabytes: int, seed: int = 11) -> int:
    """Records written until the file reaches ``megabytes``; returns how many."""
    count = 0
    limit = megabytes * 1_000_000
    records = news_records(10**9, seed, datetime(2025, 3, 1), days=max(30.0, megabytes / 20))

    def until_full() -> Iterator[tuple[str, bytes]]:
        nonlocal count
        for record in records:
            yield record
            count += 1
            if count % 500 == 0 and path.stat().st_size >= limit:
                return

    write_warc(path, until_full(), compresslevel=6)
    return count


# --- memory of a process tree, from /proc


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        tree.setdefault(int(fields[1]), []).append(int(entry))
    return tree


def _memory_kb(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process in KB; zeros when it is gone."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            fields = (line.split() for line in handle)
            values = {field[0]: int(field[1]) for field in fields if field[0] in ("Rss:", "Pss:")}
        return values.get("Rss:", 0), values.get("Pss:", 0)
    except (OSError, ValueError, IndexError):
        return 0, 0


@dataclass
class TreePeak:
    rss_mb: float = 0.0
    pss_mb: float = 0.0
    processes: int = 0


def _watch(pid: int, peak: TreePeak, done: threading.Event, every: float = 0.5) -> None:
    while not done.wait(every):
        tree = _children()
        pids, todo = [], [pid]
        while todo:
            current = todo.pop()
            pids.append(current)
            todo.extend(tree.get(current, []))
        rss = pss = 0
        for member in pids:
            member_rss, member_pss = _memory_kb(member)
            rss, pss = rss + member_rss, pss + member_pss
        peak.rss_mb = max(peak.rss_mb, rss / 1024)
        peak.pss_mb = max(peak.pss_mb, pss / 1024)
        peak.processes = max(peak.processes, len(pids))


def run(command: list[str], stop_after: float | None = None) -> tuple[float, TreePeak, str]:
    """Wall seconds, the peak memory of the command's process tree, and its stderr.

    With ``stop_after``, the command is interrupted (Ctrl-C) after that many seconds: an ingest stops
    after the record in hand, and what it stored so far stays in the archive."""
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as errors:
        # a session of its own, so that a stop reaches the worker processes too
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors, text=True, start_new_session=True)
        peak, done = TreePeak(), threading.Event()
        watcher = threading.Thread(target=_watch, args=(process.pid, peak, done), daemon=True)
        watcher.start()
        try:
            code = process.wait(timeout=stop_after)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGINT)
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
            code = 0  # stopped on purpose: what it stored is in the archive
        done.set()
        watcher.join()
        errors.seek(0)
        stderr = errors.read()
    seconds = time.perf_counter() - started
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({code}):\n{stderr[-2000:]}")
    return seconds, peak, stderr


def archive_counts(db: Path) -> tuple[int, int]:
    """(articles, failures) in a SQLite archive."""
    import sqlite3

    with sqlite3.connect(db) as connection:
        articles = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
        failures = connection.execute("SELECT count(*) FROM failures").fetchone()[0]
    return int(articles), int(failures)


# --- the runs


def throughput(args: argparse.Namespace, work: Path, dateline: list[str]) -> None:
    warc = work / "throughput.warc.gz"
    make_warc(warc, args.articles)
    # one warm-up so the gazetteer cache and the model files are read from disk once, as in steady use
    run([*dateline, "annotate", str(ROOT / "examples" / "storm-ingrid-ferries.txt")])
    print(f"throughput on {args.articles} generated pages (full enrichment), {work}")
    rows = []
    for workers in sorted({1, args.workers}):
        seconds, _, _ = run([*dateline, "ingest", str(warc), "--db", str(work / f"w{workers}.db"), "-q",
                             "--workers", str(workers)])  # fmt: skip
        rows.append((f"dateline ingest --workers {workers}", seconds))
    if args.spark:
        seconds, _, _ = run([*dateline, "batch", str(warc), "--master", f"local[{args.workers}]",
                             "--out", str(work / "spark-out")])  # fmt: skip
        rows.append((f"dateline batch --master local[{args.workers}]", seconds))
    for name, seconds in rows:
        print(f"  {name:36s} {seconds:7.1f} s   {args.articles / seconds:6.2f} articles/s")


def big_ingest(args: argparse.Namespace, work: Path, dateline: list[str]) -> None:
    big = Path(args.warc) if args.warc else work / "big.warc.gz"
    started = time.perf_counter()
    if not args.warc:
        make_warc_of_size(big, args.warc_mb)
    made = time.perf_counter() - started
    db = work / "big.db"
    command = [*dateline, "ingest", str(big), "--db", str(db), "-q", "--workers", str(args.workers)]
    if args.no_enrich:
        command.append("--no-enrich")
    seconds, peak, stderr = run(command, stop_after=args.stop_after)
    articles, failures = archive_counts(db)
    stopped = args.stop_after is not None and seconds >= args.stop_after
    regrouped = "not regrouped" not in stderr
    print(f"big WARC {big}: {big.stat().st_size / 1e6:,.0f} MB (written in {made:.0f} s)")
    print("| run | articles | errors | wall s | articles/s | peak RSS, tree | peak PSS, tree | processes |")
    print("|---|---|---|---|---|---|---|---|")
    name = f"ingest --workers {args.workers}" + (" --no-enrich" if args.no_enrich else " (full enrichment)")
    if stopped:
        name += f", stopped after {args.stop_after:,.0f} s"
    else:
        name += ", stories regrouped" if regrouped else ", stories NOT regrouped"
    print(f"| {name} | {articles:,} | {failures:,} | {seconds:,.0f} | {articles / seconds:.2f} | "
          f"{peak.rss_mb:,.0f} MB | {peak.pss_mb:,.0f} MB | {peak.processes} |")  # fmt: skip
    print(stderr.strip().splitlines()[-1] if stderr.strip() else "")


def group(args: argparse.Namespace) -> None:
    """group_stories' loop (evict, add; then every article's story) over generated articles in date order."""
    from dateline.stories import StoryIndex

    start = datetime(2025, 1, 1)
    index = StoryIndex()
    count, chunk = args.group_articles, 0
    started, cpu = time.perf_counter(), time.process_time()
    made = 0
    samples: list[str] = []
    while made < count:
        docs = rewrite_corpus(250, 1_000 + chunk)
        for doc in docs[: count - made]:
            # dates follow the walk, so the order is publication order as the archive gives it
            published = (start + timedelta(days=args.group_days * made / count)).isoformat() + "+00:00"
            index.evict(published)
            index.add(f"{chunk}-{doc.article_id}", doc.text, doc.title, published)
            made += 1
            if made % (count // 10 or 1) == 0:
                peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
                samples.append(f"{made:,}: {peak} MB ({index.held():,} held)")
                print(f"  ... {samples[-1]}, {time.perf_counter() - started:,.0f} s", flush=True)
        chunk += 1
    members = dict(index.assignments())
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"story grouping: {count:,} generated articles (stories with copies) over {args.group_days} days, "
          f"date order, eviction on")  # fmt: skip
    print(f"  peak RSS {peak} MB; {index.grouped():,} stories of 2+ articles, {len(members):,} assigned; "
          f"{seconds:,.0f} s wall, {cpu:,.0f} s CPU ({count / cpu:,.0f} articles per CPU-second, "
          "generation included)")  # fmt: skip
    print("  peak RSS as it went: " + "; ".join(samples))


def compare(args: argparse.Namespace, work: Path, dateline: list[str]) -> None:
    """ingest and batch on one WARC: the same article ids and the same annotation counts per article."""
    warc = work / "compare.warc.gz"
    make_warc(warc, args.compare, seed=13)
    db, out = work / "compare.db", work / "compare-out"
    ingest_seconds, ingest_peak, _ = run([*dateline, "ingest", str(warc), "--db", str(db), "-q",
                                          "--workers", str(args.workers)])  # fmt: skip
    batch_seconds, batch_peak, _ = run([*dateline, "batch", str(warc), "--master", f"local[{args.workers}]",
                                        "--out", str(out)])  # fmt: skip
    import sqlite3

    import pyarrow.parquet as pq

    kinds = ("quotes", "times", "entities", "places", "quantities", "links")
    with sqlite3.connect(db) as connection:
        stored = {
            json.loads(record)["id"]: tuple(len(json.loads(record).get(kind) or []) for kind in kinds)
            for (record,) in connection.execute("SELECT record FROM articles")
        }
    table = pq.read_table(out / "articles").to_pylist()
    batched = {row["id"]: tuple(len(row.get(kind) or []) for kind in kinds) for row in table}
    same_ids = stored.keys() == batched.keys()
    differing = sum(1 for key in stored.keys() & batched.keys() if stored[key] != batched[key])
    print(f"ingest vs batch on {args.compare:,} generated records ({warc.stat().st_size / 1e6:,.0f} MB):")
    print(f"  ingest --workers {args.workers}: {len(stored):,} articles in {ingest_seconds:,.0f} s, "
          f"peak RSS {ingest_peak.rss_mb:,.0f} MB (PSS {ingest_peak.pss_mb:,.0f} MB)")  # fmt: skip
    print(f"  batch --master local[{args.workers}]: {len(batched):,} articles in {batch_seconds:,.0f} s, "
          f"peak RSS {batch_peak.rss_mb:,.0f} MB (PSS {batch_peak.pss_mb:,.0f} MB)")  # fmt: skip
    print(f"  same article ids: {same_ids}; articles whose annotation counts differ: {differing}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=120, help="pages for the throughput runs (0: skip)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--spark", action="store_true", help="also run dateline batch --master local[WORKERS]")
    parser.add_argument("--warc-mb", type=int, default=200, help="size of the big WARC for the memory run (0: skip)")
    parser.add_argument("--warc", help="use this WARC for the memory run instead of generating one")
    parser.add_argument("--no-enrich", action="store_true", help="memory run without enrichment")
    parser.add_argument("--stop-after", type=float, help="interrupt the memory run after this many seconds")
    parser.add_argument("--group-articles", type=int, default=0, help="articles for the story-grouping run")
    parser.add_argument("--group-days", type=float, default=365.0, help="days the grouped articles span")
    parser.add_argument("--compare", type=int, default=0, help="records for the ingest-vs-batch check (0: skip)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="dateline-scale-"))
    dateline = [sys.executable, "-m", "dateline"]
    if args.articles:
        throughput(args, work, dateline)
    if args.warc_mb or args.warc:
        big_ingest(args, work, dateline)
    if args.group_articles:
        group(args)
    if args.compare:
        compare(args, work, dateline)


if __name__ == "__main__":
    main()

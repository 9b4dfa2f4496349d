"""Scale: throughput of ingest (1 and N worker processes) and of the Spark job on the same WARC, and
peak memory while ingesting a big WARC.

    .venv/bin/python bench/scale.py --articles 120 --warc-mb 200 [--workers 2] [--spark]

Articles are generated from our own word lists (bench/search.py's generator) and written as HTML
response records of a gzip-per-record WARC (tests/warcwriter.py), the way CC-NEWS files are.
Throughput runs enrich every article; the big-WARC run stores text only (--no-enrich) so that it
measures the reading, extraction and storage path, and reports the peak RSS of the ingest process.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.warcwriter import write_warc  # noqa: E402

from bench.search import generate  # noqa: E402


def page(title: str, published: str, text: str) -> bytes:
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n"))
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f'<meta property="article:published_time" content="{published}"></head>'
        f"<body><article><h1>{escape(title)}</h1>{paragraphs}</article></body></html>"
    ).encode()


def make_warc(path: Path, count: int, seed: int = 7) -> int:
    articles = generate(count, seed)
    write_warc(path, [(a.url or "", page(a.title or "", a.published or "", a.text)) for a in articles])
    return path.stat().st_size


# runs a command and prints the peak RSS (KB) of its largest process: each measurement in its own parent
_PEAK = (
    "import resource, subprocess, sys; code = subprocess.run(sys.argv[1:]).returncode; "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(code)"
)


def run(command: list[str]) -> tuple[float, int]:
    """Wall seconds and the peak RSS (MB) of the command's largest process."""
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", _PEAK, *command], capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr[-2000:]}")
    return seconds, int(result.stderr.strip().splitlines()[-1]) // 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=120, help="articles for the throughput runs")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--spark", action="store_true", help="also run dateline batch --master local[WORKERS]")
    parser.add_argument("--warc-mb", type=int, default=200, help="size of the big WARC for the memory run (0: skip)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="dateline-scale-"))
    dateline = [sys.executable, "-m", "dateline"]

    warc = work / "throughput.warc.gz"
    make_warc(warc, args.articles)
    # one warm-up so the gazetteer cache and the model files are read from disk once, as in steady use
    run([*dateline, "annotate", str(ROOT / "examples" / "storm-ingrid-ferries.txt")])
    print(f"throughput on {args.articles} generated articles (full enrichment), {work}")
    rows = []
    for workers in sorted({1, args.workers}):
        seconds, _ = run([*dateline, "ingest", str(warc), "--db", str(work / f"w{workers}.db"), "-q",
                          "--workers", str(workers)])  # fmt: skip
        rows.append((f"dateline ingest --workers {workers}", seconds))
    if args.spark:
        seconds, _ = run([*dateline, "batch", str(warc), "--master", f"local[{args.workers}]",
                          "--out", str(work / "spark-out")])  # fmt: skip
        rows.append((f"dateline batch --master local[{args.workers}]", seconds))
    for name, seconds in rows:
        print(f"  {name:36s} {seconds:7.1f} s   {args.articles / seconds:6.2f} articles/s")

    if args.warc_mb:
        big = work / "big.warc.gz"
        count = 0
        while True:  # about 1.3 KB of gzip per generated article
            count = count or max(1000, args.warc_mb * 700)
            size = make_warc(big, count, seed=11)
            if size >= args.warc_mb * 1_000_000 * 0.9:
                break
            count = int(count * args.warc_mb * 1_000_000 / size) + 1
        seconds, peak = run([*dateline, "ingest", str(big), "--db", str(work / "big.db"), "-q", "--no-enrich"])
        print(f"big WARC: {size / 1e6:.0f} MB, {count:,} records, ingest --no-enrich {seconds:.0f} s "
              f"({count / seconds:.0f} records/s), peak RSS {peak} MB")  # fmt: skip


if __name__ == "__main__":
    main()

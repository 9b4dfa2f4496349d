"""HTML extraction benchmark: dateline against trafilatura alone and newspaper4k, side by side.

    python bench/extraction.py [--naeb DIR] [--limit N] [--systems dateline,trafilatura,newspaper4k]
                               [--details FILE.jsonl] [--worst N] [--textdumps DIR]

Reads NAEB (``../shared/data/extraction/naeb`` by default; see its README) and scores every page that has
HTML (421 of 424 records):

- body: 4-gram shingle precision / recall / F1 averaged per page, and exact token-sequence accuracy
  (``bench.scoring.BodyScore``, the Zyte metric);
- title: exact after collapsing whitespace; date: exact calendar day (``YYYY-MM-DD``);
- authors: exact set and mean set F1, case-insensitive, over records with gold authors;
- pages/s: pages divided by the time spent inside each system's extraction call (decompression and
  scoring are outside the clock; each system is warmed up on one page first). Systems run one after the
  other on the same machine, so compare speeds within one run only.

Every system gets the page's raw bytes and its URL (the URL a crawler would know). trafilatura runs as
``bare_extraction`` with its default settings, plus ``with_metadata=True`` so that title, date and
authors exist to be scored (that switch does not change its body extraction). newspaper4k runs
``Article(url).download(input_html=...).parse()`` offline, without its optional NLP extra (nltk): the
NLP step only adds keywords and summaries, which are not scored here.

``--textdumps DIR`` also runs the text-dump benchmark from ``bench/textdumps.py`` when that module exists.
The benchmark skips with a message (exit status 0) when the data is absent.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import importlib
import inspect
import json
import re
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script: make ``bench`` importable as a package
    sys.path.insert(0, str(ROOT))

from bench.scoring import BodyScore, author_set, norm_space, set_f1  # noqa: E402

DEFAULT_NAEB = ROOT.parent / "shared" / "data" / "extraction" / "naeb"
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass
class Page:
    key: str
    url: str
    gz: bytes  # compressed: 29 MB in memory instead of 153 MB
    title: str
    date: str | None
    authors: str
    text: str


@dataclass
class Prediction:
    title: str | None = None
    date: str | None = None
    authors: list[str] = field(default_factory=list)
    text: str = ""


Extractor = Callable[[bytes, str], Prediction]


def _day(value: Any) -> str | None:
    """The calendar day of a date, datetime or ISO string, as written on the page (no time zone shift)."""
    if value is None:
        return None
    if hasattr(value, "strftime"):
        return str(value.strftime("%Y-%m-%d"))
    found = DAY.match(str(value).strip())
    return found.group(0) if found else None


def dateline_extractor() -> Extractor:
    from dateline.errors import DocumentError
    from dateline.extract.html import read_html

    def run(content: bytes, url: str) -> Prediction:
        try:
            article = read_html(content, url, url=url)
        except DocumentError:
            return Prediction()
        return Prediction(article.title, article.published, list(article.authors), article.text)

    return run


def trafilatura_extractor() -> Extractor:
    from trafilatura import bare_extraction

    def run(content: bytes, url: str) -> Prediction:
        doc: Any = bare_extraction(content, url=url, with_metadata=True)
        if doc is None:
            return Prediction()
        # trafilatura joins several authors with "; "
        authors = [name.strip() for name in (doc.author or "").split(";") if name.strip()]
        return Prediction(doc.title, doc.date, authors, doc.text or "")

    return run


def newspaper_extractor() -> Extractor:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "nltk is not installed": NLP features are not used here
        from newspaper import Article

    def run(content: bytes, url: str) -> Prediction:
        article = Article(url, fetch_images=False)
        article.download(input_html=content.decode("utf-8", "replace") if _is_utf8(content) else content)
        article.parse()
        return Prediction(article.title, article.publish_date, list(article.authors), article.text or "")

    return run


def _is_utf8(content: bytes) -> bool:
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


SYSTEMS: dict[str, Callable[[], Extractor]] = {
    "dateline": dateline_extractor,
    "trafilatura": trafilatura_extractor,
    "newspaper4k": newspaper_extractor,
}


@dataclass
class Result:
    system: str
    body: BodyScore = field(default_factory=BodyScore)
    titles: list[bool] = field(default_factory=list)
    dates: list[bool] = field(default_factory=list)
    authors_exact: list[bool] = field(default_factory=list)
    authors_f1: list[float] = field(default_factory=list)
    seconds: float = 0.0
    pages: int = 0
    failures: int = 0
    # (body F1, page key, URL, gold day, predicted day) per page, for --worst
    per_page: list[tuple[float, str, str, str | None, str | None]] = field(default_factory=list)
    # (page key, gold title, predicted title) for every title miss, for --worst
    title_misses: list[tuple[str, str, str]] = field(default_factory=list)

    def row(self) -> list[str]:
        def mean(values: list[bool] | list[float]) -> float:
            return sum(values) / len(values) if values else 0.0

        speed = self.pages / self.seconds if self.seconds else 0.0
        cells = [self.body.precision, self.body.recall, self.body.f1, self.body.accuracy]
        cells += [mean(self.titles), mean(self.dates), mean(self.authors_exact), mean(self.authors_f1)]
        return [self.system, *(f"{value:.4f}" for value in cells), f"{speed:.1f}"]


def load_pages(naeb: Path, limit: int | None) -> list[Page]:
    records = json.loads((naeb / "articles.json").read_text(encoding="utf-8"))
    pages = []
    for record in records:
        path = naeb / "html" / f"{record['html_file']}.html.gz"
        if not path.exists():  # three cnn.com records ship without HTML (see the README)
            continue
        pages.append(
            Page(
                key=record["html_file"],
                url=record["link"],
                gz=path.read_bytes(),
                title=record["title"] or "",
                date=record["date"],
                authors=record["authors"] or "",
                text=record["text"] or "",
            )
        )
        if limit and len(pages) >= limit:
            break
    return pages


def run_system(name: str, extractor: Extractor, pages: list[Page], details: Any) -> Result:
    result = Result(name)
    if pages:  # warm-up off the clock: lazy imports and first-use caches are not per-page costs
        with contextlib.suppress(Exception):  # the timed run reports it
            extractor(gzip.decompress(pages[0].gz), pages[0].url)
    for page in pages:
        content = gzip.decompress(page.gz)
        start = time.perf_counter()
        try:
            prediction = extractor(content, page.url)
        except Exception as error:  # a crashing baseline scores as an empty output, as the README says
            prediction = Prediction()
            result.failures += 1
            print(f"{name}: {page.key}: {type(error).__name__}: {error}", file=sys.stderr)
        result.seconds += time.perf_counter() - start
        result.pages += 1

        body_f1 = result.body.add(page.text, prediction.text)
        result.per_page.append((body_f1, page.key, page.url, page.date, _day(prediction.date)))
        if page.title:
            result.titles.append(norm_space(page.title) == norm_space(prediction.title))
            if not result.titles[-1]:
                result.title_misses.append((page.key, norm_space(page.title), norm_space(prediction.title)))
        if page.date:
            result.dates.append(page.date == _day(prediction.date))
        gold_authors = author_set(page.authors)
        predicted_authors = author_set(prediction.authors)
        if gold_authors:
            result.authors_exact.append(gold_authors == predicted_authors)
            result.authors_f1.append(set_f1(gold_authors, predicted_authors))
        if details is not None:
            row = {
                "system": name,
                "page": page.key,
                "url": page.url,
                "body_f1": round(body_f1, 4),
                "title": [page.title, prediction.title],
                "date": [page.date, _day(prediction.date)],
                "authors": [sorted(gold_authors), sorted(predicted_authors)],
            }
            details.write(json.dumps(row, ensure_ascii=False) + "\n")
    return result


def print_table(results: list[Result], pages: int) -> None:
    header = ["system", "body P", "body R", "body F1", "body acc", "title", "date", "auth exact", "auth F1"]
    header.append("pages/s")
    rows = [header, *(result.row() for result in results)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    print(f"NAEB: {pages} pages with HTML")
    for index, row in enumerate(rows):
        cells = [cell.ljust(widths[0]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(row)]
        print("| " + " | ".join(cells) + " |")
        if index == 0:
            print("|" + "|".join("-" * (width + 2) for width in widths) + "|")
    for result in results:
        if result.failures:
            print(f"{result.system}: {result.failures} pages raised an error (scored as empty output)")


def print_worst(results: list[Result], count: int) -> None:
    """Diagnostics: each system's lowest body F1 pages, its date misses (gold day, predicted day) and its
    title misses."""
    for result in results:
        print(f"\n{result.system}: {count} lowest body F1")
        for body_f1, key, url, _, _ in sorted(result.per_page)[:count]:
            print(f"  {body_f1:.3f}  {key}  {url}")
        misses = [row for row in result.per_page if row[3] and row[3] != row[4]]
        print(f"{result.system}: {len(misses)} date misses (gold -> predicted)")
        for _, key, url, gold, predicted in misses[:count]:
            print(f"  {gold} -> {predicted}  {key}  {url}")
        print(f"{result.system}: {len(result.title_misses)} title misses (gold / predicted)")
        for key, gold_title, predicted_title in result.title_misses[:count]:
            print(f"  {key}\n    {gold_title}\n    {predicted_title}")


def run_textdumps(path: Path, limit: int | None) -> int:
    """Delegate to bench/textdumps.py (another benchmark's module) when it exists."""
    try:
        module = importlib.import_module("bench.textdumps")
    except ModuleNotFoundError as error:
        if error.name != "bench.textdumps":
            raise  # the module is there but something it needs is not: that is a real failure
        print("textdumps: bench/textdumps.py is not there yet; skipped")
        return 0
    main = getattr(module, "main", None)
    if main is None:
        print("textdumps: bench/textdumps.py has no main(); skipped")
        return 0
    argv = [str(path)]
    if limit:
        argv += ["--limit", str(limit)]
    # main(argv) is the usual shape; a main() that parses sys.argv itself gets the same arguments there
    if inspect.signature(main).parameters:
        status = main(argv)
    else:
        saved, sys.argv = sys.argv, ["textdumps.py", *argv]
        try:
            status = main()
        finally:
            sys.argv = saved
    return int(status or 0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--naeb", type=Path, default=DEFAULT_NAEB, help="NAEB directory (default: %(default)s)")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N pages with HTML")
    parser.add_argument(
        "--systems",
        default=",".join(SYSTEMS),
        help="comma-separated subset of: " + ", ".join(SYSTEMS) + " (default: all)",
    )
    parser.add_argument("--details", type=Path, default=None, help="write per-page results to this JSONL file")
    parser.add_argument("--textdumps", type=Path, default=None, help="also run bench/textdumps.py on DIR")
    parser.add_argument(
        "--worst",
        type=int,
        default=0,
        metavar="N",
        help="also list each system's N worst bodies, date and title misses",
    )
    args = parser.parse_args(argv)

    names = [name.strip() for name in args.systems.split(",") if name.strip()]
    unknown = [name for name in names if name not in SYSTEMS]
    if unknown:
        parser.error(f"unknown system(s): {', '.join(unknown)}")

    status = 0
    if not (args.naeb / "articles.json").exists():
        print(f"NAEB not found at {args.naeb}; extraction benchmark skipped")
    else:
        pages = load_pages(args.naeb, args.limit)
        results = []
        details = args.details.open("w", encoding="utf-8") if args.details else None
        try:
            for name in names:
                try:
                    extractor = SYSTEMS[name]()
                except ImportError as error:
                    print(f"{name}: not installed ({error}); see requirements-bench.txt")
                    continue
                results.append(run_system(name, extractor, pages, details))
        finally:
            if details is not None:
                details.close()
        print_table(results, len(pages))
        if args.worst:
            print_worst(results, args.worst)

    if args.textdumps is not None:
        status = max(status, run_textdumps(args.textdumps, args.limit))
    return status


if __name__ == "__main__":
    sys.exit(main())

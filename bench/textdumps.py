"""Benchmark read_text_dump on a directory of text dumps with a truth.jsonl (the textdumps dev set).

    python -m bench.textdumps [DIR] [--limit N] [--worst K] [--misses] [--ceiling]

DIR defaults to ../shared/data/textdumps/dev; the benchmark skips with a message when it is absent.
Scores: body 4-gram shingle P/R/F1 (bench.scoring.BodyScore) beside the raw-dump baseline (the whole
dump taken as the body), title exact (case-folded, and with casing kept) and date exact where the truth
has them, authors set F1, docs/s. --ceiling adds what the dumps allow at most (titles and dates printed
nowhere; the body F1 of the truth's shingles that the dump prints, precision 1).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

from bench.scoring import BodyScore, author_set, norm_space, set_f1, shingles
from dateline.errors import DocumentError
from dateline.extract.textdump import read_text_dump

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "textdumps" / "dev"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--limit", type=int, default=0, help="score only the first N dumps")
    parser.add_argument("--worst", type=int, default=0, help="list the K dumps with the lowest body F1")
    parser.add_argument(
        "--misses", action="store_true", help="list the dumps whose title or date is wrong (found / truth)"
    )
    parser.add_argument(
        "--ceiling",
        action="store_true",
        help="count the truth titles and dates the dump never prints (no reader can find them), and the body F1 "
        "of the truth cut to what the dump prints",
    )
    args = parser.parse_args(argv)

    truth_path = args.directory / "truth.jsonl"
    if not truth_path.is_file():
        print(f"skipped: no {truth_path}", file=sys.stderr)
        return 0
    truths = [json.loads(line) for line in truth_path.read_text(encoding="utf-8").splitlines() if line]
    if args.limit:
        truths = truths[: args.limit]

    ours, baseline = BodyScore(), BodyScore()
    reachable: list[float] = []  # per dump: the share of the truth's shingles that the dump prints at all
    absent_titles = absent_dates = 0
    titles: list[bool] = []
    titles_cased: list[bool] = []
    dates: list[bool] = []
    authors: list[float] = []
    per_doc: list[tuple[float, str]] = []
    misses: list[str] = []
    failures = 0
    elapsed = 0.0
    for truth in truths:
        dump = (args.directory / f"{truth['id']}.txt").read_text(encoding="utf-8")
        started = time.perf_counter()
        try:
            article = read_text_dump(dump, truth["id"])
        except DocumentError as error:
            print(f"failed: {error}", file=sys.stderr)
            failures += 1
            continue
        finally:
            elapsed += time.perf_counter() - started
        per_doc.append((ours.add(truth["text"], article.text), truth["id"]))
        if args.ceiling:
            gold = shingles(truth["text"])
            reachable.append(sum((gold & shingles(dump)).values()) / max(1, sum(gold.values())))
            absent_titles += bool(truth.get("title")) and not title_printed(truth["title"], dump)
            absent_dates += bool(truth.get("date")) and not date_printed(truth["date"], dump)
        baseline.add(truth["text"], dump)
        if truth.get("title"):
            titles.append(norm_space(article.title).casefold() == norm_space(truth["title"]).casefold())
            titles_cased.append(norm_space(article.title) == norm_space(truth["title"]))
            if not titles[-1]:
                misses.append(f"  title {truth['id']}: {article.title!r} / {truth['title']!r}")
        if truth.get("date"):
            dates.append((article.published or "")[:10] == truth["date"])
            if not dates[-1]:
                misses.append(f"  date  {truth['id']}: {article.published} / {truth['date']}")
        authors.append(set_f1(author_set(truth.get("authors")), author_set(article.authors)))

    def mean(values: list[float] | list[bool]) -> float:
        return sum(values) / len(values) if values else 0.0

    print(f"{len(truths)} dumps from {args.directory} ({failures} failed)")
    print(f"{'':18}{'precision':>10}{'recall':>10}{'F1':>10}{'mean F1':>10}")
    print(f"{'raw dump':18}{baseline.precision:10.3f}{baseline.recall:10.3f}{baseline.f1:10.3f}{'':>10}")
    print(f"{'read_text_dump':18}{ours.precision:10.3f}{ours.recall:10.3f}{ours.f1:10.3f}"
          f"{mean([f for f, _ in per_doc]):10.3f}")  # fmt: skip
    print(f"title exact   {mean(titles):.3f}  (n={len(titles)}; case-folded as in the dataset README)")
    print(f"title cased   {mean(titles_cased):.3f}  (n={len(titles_cased)}; casing and punctuation kept)")
    print(f"date exact    {mean(dates):.3f}  (n={len(dates)})")
    print(f"authors F1    {mean(authors):.3f}  (n={len(authors)})")
    print(f"speed         {len(per_doc) / elapsed if elapsed else 0:.1f} docs/s")
    if args.ceiling:
        for name, absent, scored in (("title", absent_titles, titles), ("date", absent_dates, dates)):
            best = (len(scored) - absent) / len(scored) if scored else 0.0
            print(f"{name} ceiling {best:.3f}  ({absent} of {len(scored)} never printed in the dump)")
        # a reader that returned exactly the truth's shingles the dump prints: precision 1, recall below 1
        recall = mean(reachable)
        body_best = 2 * recall / (1 + recall)
        print(f"body ceiling  {body_best:.3f}  (precision 1.000, recall {recall:.3f}: the truth as the dump prints it)")
    for f1, doc_id in sorted(per_doc)[: args.worst]:
        print(f"  {f1:.3f}  {doc_id}")
    if args.misses:
        print("\n".join(sorted(misses)))
    return 0


MONTH_NAMES = "january february march april may june july august september october november december".split()


def title_printed(title: str, dump: str) -> bool:
    """Whether the dump prints the title (as the scoring compares it), over line breaks, with a
    line-end hyphen kept or taken out."""
    wanted = norm_space(title).casefold()
    flat = dump.replace("\f", "\n")
    return any(
        wanted in norm_space(text).casefold() for text in (flat, flat.replace("-\n", "-"), flat.replace("-\n", ""))
    )


def date_printed(day: str, dump: str) -> bool:
    """Whether the dump spells the date in any common form (month name or abbreviation, day first or
    month first, ISO, numeric with any separator, a URL path's /2023/12/21/ or 20231221). A month and
    day printed with the next year count too: a page that stamps the current year on its dates is read
    back to the year before by the print stamp."""
    year, month, date = (int(part) for part in day.split("-"))
    name = MONTH_NAMES[month - 1]
    suffix = r"(?:st|nd|rd|th)?"
    years = rf"(?:{year}|{year + 1})"
    patterns = [
        rf"{name[:3]}[a-z]*\.?\s*0?{date}{suffix},?\s+{years}",  # (glued to a byline: 'ESPNDec 22, 2023')
        rf"\b0?{date}{suffix}\s+(?:of\s+)?{name[:3]}[a-z]*\.?,?\s+{years}",
        rf"\b{year}[-/.]0?{month}[-/.]0?{date}(?!\d)",
        rf"\b0?{month}[-/.]0?{date}[-/.](?:{year}|{year % 100:02d})\b",
        rf"\b0?{date}[-/.]0?{month}[-/.](?:{year}|{year % 100:02d})\b",
        rf"{year}{month:02d}{date:02d}",
    ]
    text = dump.lower()
    return any(re.search(pattern, text) for pattern in patterns)


if __name__ == "__main__":
    raise SystemExit(main())

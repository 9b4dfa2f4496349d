"""Toponym benchmark on LGL (Local-Global Lexicon, 588 local US news articles): resolution and recognition.

    .venv/bin/python bench/places.py ../shared/data/geo/lgl [--limit N] [--no-e2e]

Scoring follows the corpus README:
- Resolution given the gold spans, on the gold toponyms that have a GeoNames entry (N printed):
  exact-match accuracy (same geonameid), Acc@161 km (great-circle), mean and median error and AUC
  (an unresolved toponym is charged the largest error, 20,039 km), correct country and admin1
  (admin1 compared by name against the gold ``admin1``).
- End to end: recognition precision/recall/F1 of the predicted place spans against all gold toponyms,
  exact and lenient (overlapping) boundaries, one-to-one; and the resolution scores counting only gold
  toponyms the system also found (lenient match).
The predicted spans are what the component outputs (mentions it resolved). The outlet country comes
from the article URL as in the component. Runs on one core (thread pools capped, process pinned to one
CPU) and prints documents per second, the gazetteer's load time and resident memory, and, end to end,
the spaCy parse time beside the time entities, places and quantities add to it. Skips (exit 0) when
the path is absent.
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from dateline.enrich import EnrichDoc
from dateline.enrich.gazetteer import distance_km, load
from dateline.enrich.places import find_mentions, mention_at, outlet_country, resolve
from dateline.record import Article, Place

MAX_ERROR_KM = 20039.0
NEAR_KM = 161.0


@dataclass
class Toponym:
    start: int
    end: int
    phrase: str
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None


@dataclass
class Doc:
    docid: str
    url: str
    text: str
    toponyms: list[Toponym]


@dataclass
class Resolution:
    exact: list[bool] = field(default_factory=list)
    errors: list[float] = field(default_factory=list)
    country: list[bool] = field(default_factory=list)
    admin1: list[bool] = field(default_factory=list)

    def add(self, gold: Toponym, place: Place | None, country_names: dict[str, str]) -> None:
        if place is None or place.lat is None or place.lon is None:
            self.exact.append(False)
            self.errors.append(MAX_ERROR_KM)
            self.country.append(False)
            self.admin1.append(False)
            return
        assert gold.lat is not None and gold.lon is not None
        self.exact.append(place.geonameid == gold.geonameid)
        self.errors.append(distance_km(gold.lat, gold.lon, place.lat, place.lon))
        self.country.append(country_names.get(place.country or "", "") == gold.country)
        self.admin1.append(bool(gold.admin1) and place.admin1 == gold.admin1)

    def rows(self) -> list[tuple[str, str]]:
        n = len(self.exact)
        if not n:
            return [("N", "0")]
        errors = sorted(self.errors)
        auc = sum(math.log1p(e) / math.log(MAX_ERROR_KM) for e in errors) / n
        return [
            ("N", str(n)),
            ("exact-match accuracy", f"{sum(self.exact) / n:.3f}"),
            ("Acc@161 km", f"{sum(e <= NEAR_KM for e in errors) / n:.3f}"),
            ("mean error km", f"{statistics.fmean(errors):.0f}"),
            ("median error km", f"{statistics.median(errors):.0f}"),
            ("AUC (lower is better)", f"{auc:.3f}"),
            ("correct country", f"{sum(self.country) / n:.3f}"),
            ("correct admin1", f"{sum(self.admin1) / n:.3f}"),
        ]


def read_lgl(path: Path, limit: int | None = None) -> list[Doc]:
    root = ET.parse(path / "lgl.xml").getroot()
    docs = []
    for article in root.iter("article"):
        toponyms = [_toponym(node) for node in article.iter("toponym")]
        docs.append(
            Doc(article.get("docid", ""), article.findtext("url") or "", article.findtext("text") or "", toponyms)
        )
        if limit and len(docs) >= limit:
            break
    return docs


def _toponym(node: ET.Element) -> Toponym:
    start, end = int(node.findtext("start") or 0), int(node.findtext("end") or 0)
    top = Toponym(start, end, node.findtext("phrase") or "")
    tag = node.find("gaztag")
    if tag is not None:
        top.geonameid = int(tag.get("geonameid") or 0)
        top.lat, top.lon = float(tag.findtext("lat") or 0), float(tag.findtext("lon") or 0)
        top.country, top.admin1 = tag.findtext("country"), tag.findtext("admin1")
    return top


def bench_gold_spans(docs: list[Doc], country_names: dict[str, str]) -> tuple[Resolution, float]:
    score = Resolution()
    started = time.perf_counter()
    for doc in docs:
        mentions = [mention_at(doc.text, t.start, t.end) for t in doc.toponyms]
        places = resolve(doc.text, mentions, outlet=outlet_country(doc.url))
        for gold, place in zip(doc.toponyms, places, strict=True):
            if gold.geonameid is not None:
                score.add(gold, place, country_names)
    return score, time.perf_counter() - started


@dataclass
class Recognition:
    gold: int = 0
    predicted: int = 0
    exact: int = 0
    lenient: int = 0

    def rows(self) -> list[tuple[str, str]]:
        rows = []
        for name, tp in (("exact", self.exact), ("lenient", self.lenient)):
            p = tp / self.predicted if self.predicted else 0.0
            r = tp / self.gold if self.gold else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            rows.append((f"recognition {name} P / R / F1", f"{p:.3f} / {r:.3f} / {f:.3f}"))
        return rows


@dataclass
class Timing:
    """Seconds spent in the spaCy parse and in the components that run on it, over all documents."""

    parse: float = 0.0
    entities: float = 0.0
    places: float = 0.0
    quantities: float = 0.0

    def rows(self) -> list[tuple[str, str]]:
        added = self.entities + self.places + self.quantities
        share = added / self.parse if self.parse else 0.0
        return [
            ("spaCy parse s", f"{self.parse:.1f}"),
            ("entities / places / quantities s", f"{self.entities:.1f} / {self.places:.1f} / {self.quantities:.1f}"),
            ("entities+places+quantities vs parse", f"+{share:.0%}"),
        ]


def bench_end_to_end(docs: list[Doc], country_names: dict[str, str]) -> tuple[Recognition, Resolution, Timing, float]:
    # The components run as the pipeline runs them (entities first: places reads its PERSON mentions).
    from dateline.enrich.entities import entities
    from dateline.enrich.quantities import quantities

    recognition, score, timing = Recognition(), Resolution(), Timing()
    started = time.perf_counter()
    for doc in docs:
        enrich_doc = EnrichDoc(Article(origin=doc.docid, text=doc.text, url=doc.url))
        clock = time.perf_counter()
        enrich_doc.spacy  # noqa: B018 -- the parse, timed on its own
        timing.parse += time.perf_counter() - clock
        clock = time.perf_counter()
        entities(enrich_doc)
        timing.entities += time.perf_counter() - clock
        clock = time.perf_counter()
        mentions = find_mentions(enrich_doc, load())
        resolved = resolve(doc.text, mentions, outlet=outlet_country(doc.url))
        timing.places += time.perf_counter() - clock
        clock = time.perf_counter()
        quantities(enrich_doc)
        timing.quantities += time.perf_counter() - clock
        places = [p for p in resolved if p is not None]  # what the component outputs
        predicted = [(p.start, p.end) for p in places]
        recognition.gold += len(doc.toponyms)
        recognition.predicted += len(predicted)
        recognition.exact += len({(t.start, t.end) for t in doc.toponyms} & set(predicted))
        for gold, index in _lenient_pairs(doc.toponyms, predicted):
            recognition.lenient += 1
            if gold.geonameid is not None:
                score.add(gold, places[index], country_names)
    return recognition, score, timing, time.perf_counter() - started


def _lenient_pairs(gold: list[Toponym], predicted: list[tuple[int, int]]) -> list[tuple[Toponym, int]]:
    """One-to-one overlap matching, greedily in text order: (gold toponym, index of the predicted span)."""
    pairs, used = [], set()
    for top in gold:
        for index, (start, end) in enumerate(predicted):
            if index not in used and start < top.end and top.start < end:
                used.add(index)
                pairs.append((top, index))
                break
    return pairs


def _pin_one_core() -> None:
    # spaCy (hence numpy) is imported lazily, on the first parse: thread pools are capped before that
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    if hasattr(os, "sched_setaffinity"):
        cpus = sorted(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpus[0]})


def _rss_mb() -> float:
    # the current resident set from /proc (Linux); the peak from resource where /proc is absent
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _table(title: str, rows: list[tuple[str, str]]) -> None:
    print(f"\n{title}")
    print("| metric | value |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="folder holding lgl.xml")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--no-e2e", action="store_true", help="only resolution on gold spans (no spaCy)")
    args = parser.parse_args(argv)
    if not (args.path / "lgl.xml").exists():
        print(f"skip: no LGL corpus at {args.path}", file=sys.stderr)
        return 0
    _pin_one_core()
    docs = read_lgl(args.path, args.limit)
    started, cpu = time.perf_counter(), time.process_time()
    gaz = load()
    print(
        f"gazetteer: {len(gaz.entries)} entries loaded in {time.perf_counter() - started:.1f}s "
        f"({time.process_time() - cpu:.1f}s CPU), resident memory {_rss_mb():.0f} MB"
    )
    country_names = {code: gaz.entries[i].name for code, i in gaz.countries.items()}
    score, seconds = bench_gold_spans(docs, country_names)
    _table(f"Resolution given gold spans ({len(docs)} docs, {len(docs) / seconds:.0f} docs/s)", score.rows())
    if not args.no_e2e:
        recognition, e2e, timing, seconds = bench_end_to_end(docs, country_names)
        _table(
            f"End to end: spaCy + places ({len(docs)} docs, {len(docs) / seconds:.1f} docs/s)",
            recognition.rows() + e2e.rows() + timing.rows(),
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

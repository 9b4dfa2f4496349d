"""Quote benchmark on PolNeAR (dev split): content, source and speaker scores, with textacy as baseline.

    .venv/bin/python bench/quotes.py ../shared/data/quotes/polnear [--split dev] [--skip N] [--limit N] [--errors]

Scoring follows the corpus README (all spans as sets of non-whitespace character positions, micro
averaged over articles): content P/R/F1 with exact and with overlap (IoU >= 0.5, greedy one-to-one)
matching, overall and on the quote-marked gold; speaker accuracy over overlap-matched pairs whose gold
has a Source (the predicted speaker *as written at the cue* must share a character with it: PolNeAR
does not resolve pronouns); content+speaker F1; and span-level exact source F1 (distinct spans per
article, as in CofeNet).

Conventions: dateline reports interrupted quotes as fragments (``spans``), which are scored as such;
dateline leaves the quotation marks out of a direct quote's offsets while PolNeAR includes them, so
the marks right around each piece are added back before scoring. textacy's ``direct_quotations``
runs on the same spaCy parse; a document on which it raises yields no quotes and is counted.
Skips (exit 0) when the corpus path is absent.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MARKS = "\"“”„‟«»‘’'"
DOUBLE_MARKS = '"“”„‟«»'


@dataclass
class Item:
    """One attribution, gold or predicted: content pieces and the source span (if any)."""

    content: list[tuple[int, int]]
    source: list[tuple[int, int]] = field(default_factory=list)
    cue: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Doc:
    stem: str
    text: str
    gold: list[Item]


# ---------------------------------------------------------------------------------------------------
# Reading PolNeAR (brat standoff)


def read_split(root: Path, split: str, limit: int | None = None, skip: int = 0) -> list[Doc]:
    texts = sorted((root / split / "text").glob("*.txt"))[skip:][:limit]
    docs = []
    for path in texts:
        anns = sorted((root / split / "attributions").glob(f"{path.stem}_*.ann"))
        if not anns:
            continue
        text = path.read_text(encoding="utf-8")
        docs.append(Doc(path.stem, text, read_ann(anns[0])))
    return docs


def _fragments(field_text: str) -> list[tuple[int, int]]:
    pieces = []
    for part in field_text.split(";"):
        start, end = part.split()[-2:]
        pieces.append((int(start), int(end)))
    return pieces


def read_ann(path: Path) -> list[Item]:
    spans: dict[str, list[tuple[int, int]]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            kind_and_offsets = parts[1]
            kind, _, offsets = kind_and_offsets.partition(" ")
            if kind in {"Source", "Cue", "Content"}:
                spans[parts[0]] = _fragments(offsets)
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg))
    items = []
    for event in events:
        content = [p for key in ("Content", "Content2") if key in event for p in spans.get(event[key], [])]
        if not content:
            continue
        items.append(Item(content, spans.get(event.get("Source", ""), []), spans.get(event.get("Cue", ""), [])))
    return items


# ---------------------------------------------------------------------------------------------------
# Scoring


def positions(text: str, pieces: Iterable[tuple[int, int]]) -> frozenset[int]:
    return frozenset(i for s, e in pieces for i in range(s, min(e, len(text))) if not text[i].isspace())


@dataclass
class Counts:
    tp_pred: int = 0
    tp_gold: int = 0
    pred: int = 0
    gold: int = 0

    def add(self, other: Counts) -> None:
        self.tp_pred += other.tp_pred
        self.tp_gold += other.tp_gold
        self.pred += other.pred
        self.gold += other.gold

    def prf(self) -> tuple[float, float, float]:
        p = self.tp_pred / self.pred if self.pred else 0.0
        r = self.tp_gold / self.gold if self.gold else 0.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0


def pair(gold: list[frozenset[int]], pred: list[frozenset[int]], exact: bool) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index): equal sets, or IoU >= 0.5 greedily by overlap."""
    scored = []
    for g, gs in enumerate(gold):
        for p, ps in enumerate(pred):
            if not gs or not ps:
                continue
            if exact:
                if gs == ps:
                    scored.append((1.0, g, p))
            else:
                iou = len(gs & ps) / len(gs | ps)
                if iou >= 0.5:
                    scored.append((iou, g, p))
    scored.sort(key=lambda item: -item[0])
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, g, p in scored:
        if g not in used_g and p not in used_p:
            used_g.add(g)
            used_p.add(p)
            pairs.append((g, p))
    return pairs


def has_double_mark(text: str, pieces: list[tuple[int, int]], widen: int = 0) -> bool:
    return any(ch in DOUBLE_MARKS for s, e in pieces for ch in text[max(0, s - widen) : e + widen])


@dataclass
class Score:
    exact: Counts = field(default_factory=Counts)
    overlap: Counts = field(default_factory=Counts)
    exact_q: Counts = field(default_factory=Counts)
    overlap_q: Counts = field(default_factory=Counts)
    with_speaker: Counts = field(default_factory=Counts)
    source_spans: Counts = field(default_factory=Counts)
    content_spans: Counts = field(default_factory=Counts)
    speaker_right: int = 0
    speaker_total: int = 0

    def add(self, doc: Doc, predicted: list[Item]) -> None:
        text = doc.text
        gold_sets = [positions(text, item.content) for item in doc.gold]
        pred_sets = [positions(text, item.content) for item in predicted]
        quoted = {g for g, item in enumerate(doc.gold) if has_double_mark(text, item.content)}
        for exact, total, subset in ((True, self.exact, self.exact_q), (False, self.overlap, self.overlap_q)):
            pairs = pair(gold_sets, pred_sets, exact)
            total.add(Counts(len(pairs), len(pairs), len(pred_sets), len(gold_sets)))
            paired_pred = {p for _, p in pairs}
            q_pairs = [(g, p) for g, p in pairs if g in quoted]
            q_pred = {p for _, p in q_pairs} | {
                p
                for p, item in enumerate(predicted)
                if p not in paired_pred and has_double_mark(text, item.content, widen=1)
            }
            subset.add(Counts(len(q_pairs), len(q_pairs), len(q_pred), len(quoted)))
            if not exact:
                self._speakers(doc, predicted, pairs)
        self._source_spans(doc, predicted)

    def _speakers(self, doc: Doc, predicted: list[Item], pairs: list[tuple[int, int]]) -> None:
        text = doc.text
        right_pairs = 0
        for g, p in pairs:
            gold_source = positions(text, doc.gold[g].source)
            pred_source = positions(text, predicted[p].source)
            if doc.gold[g].source:
                self.speaker_total += 1
                if gold_source & pred_source:
                    self.speaker_right += 1
                    right_pairs += 1
            elif not predicted[p].source:
                right_pairs += 1
        self.with_speaker.add(Counts(right_pairs, right_pairs, len(predicted), len(doc.gold)))

    def _source_spans(self, doc: Doc, predicted: list[Item]) -> None:
        for parts, counts in (
            (lambda item: item.source, self.source_spans),
            (lambda item: item.content, self.content_spans),
        ):
            gold = distinct_spans(doc.text, [parts(item) for item in doc.gold])
            pred = distinct_spans(doc.text, [parts(item) for item in predicted])
            tp = len(gold & pred)
            counts.add(Counts(tp, tp, len(pred), len(gold)))


def distinct_spans(text: str, pieces: list[list[tuple[int, int]]]) -> set[tuple[int, int]]:
    """The article's distinct spans with exact boundaries (outer whitespace left out), fragments that only
    whitespace separates merged: how CofeNet-style span-level F1 counts sources and contents."""
    spans = set()
    for item in pieces:
        for start, end in merge_whitespace(text, item):
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start < end:
                spans.add((start, end))
    return spans


def merge_whitespace(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(pieces):
        if merged and not text[merged[-1][1] : start].strip():
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


# ---------------------------------------------------------------------------------------------------
# Systems


def widen_to_marks(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Add back the quotation marks around each piece (PolNeAR's contents include them)."""
    widened = []
    for start, end in pieces:
        if text[max(0, start - 2) : start] == "''":  # some archives type a double quote as two apostrophes
            start -= 2
        elif start > 0 and text[start - 1] in MARKS:
            start -= 1
        if text[end : end + 2] == "''":
            end += 2
        elif end < len(text) and text[end] in MARKS:
            end += 1
        widened.append((start, end))
    return widened


def widen_quoted(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A mixed quote that is only a quoted fragment (``called it a "security zone"``) keeps dateline's
    direct-quote offsets, inside the marks: add them back as for a direct quote. Other pieces stay."""
    widened = []
    for start, end in pieces:
        if end + 1 < len(text) and text[end] in ".,;:!?" and text[end + 1] in MARKS:
            end += 1  # US style types the sentence's period inside the closing mark
        inside = start > 0 and text[start - 1] in MARKS and end < len(text) and text[end] in MARKS
        widened.extend(widen_to_marks(text, [(start, end)]) if inside else [(start, end)])
    return widened


def dateline_items(text: str, sdoc: Any) -> list[Item]:
    from dateline.enrich.entities import cluster_entities
    from dateline.enrich.quotes import find_quotes

    items = []
    # PolNeAR prints each article's headline as its first line
    for match in find_quotes(text, sdoc, cluster_entities(sdoc), headline=True):
        quote = match.quote
        pieces = widen_to_marks(text, quote.spans) if quote.kind == "direct" else widen_quoted(text, quote.spans)
        cue = [(quote.cue_start, quote.cue_end)] if quote.cue_start is not None and quote.cue_end is not None else []
        items.append(Item(pieces, [match.source] if match.source else [], cue))
    return items


def textacy_items(text: str, sdoc: Any) -> list[Item]:
    from textacy.extract.triples import direct_quotations

    items = []
    for triple in direct_quotations(sdoc):
        content = triple.content
        start = content[0].idx
        end = content[-1].idx + len(content[-1].text)
        speaker = [(t.idx, t.idx + len(t.text)) for t in triple.speaker]
        source = [(min(s for s, _ in speaker), max(e for _, e in speaker))] if speaker else []
        items.append(Item([(start, end)], source))
    return items


# ---------------------------------------------------------------------------------------------------
# Error analysis (--errors): what kinds of attribution are missed, and where the boundaries go wrong


@dataclass
class Errors:
    missed_cues: Counter[str] = field(default_factory=Counter)  # gold cue lemma of unmatched gold
    missed_quoted: int = 0
    missed_total: int = 0
    false_cues: Counter[str] = field(default_factory=Counter)  # cue lemma of unmatched predictions
    boundary: Counter[str] = field(default_factory=Counter)  # "start: gold has more" ...
    boundary_words: defaultdict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    quoted_boundary: Counter[str] = field(default_factory=Counter)  # quote-marked gold: which side differs

    def add(self, doc: Doc, sdoc: Any, predicted: list[Item]) -> None:
        text = doc.text
        gold_sets = [positions(text, item.content) for item in doc.gold]
        pred_sets = [positions(text, item.content) for item in predicted]
        overlap = pair(gold_sets, pred_sets, exact=False)
        matched_gold = {g: p for g, p in overlap}
        matched_pred = {p for _, p in overlap}
        for g, item in enumerate(doc.gold):
            if g in matched_gold:
                p = matched_gold[g]
                if gold_sets[g] != pred_sets[p]:
                    self._boundary(text, gold_sets[g], pred_sets[p])
                    if has_double_mark(text, item.content):
                        self.quoted_boundary[boundary_class(text, gold_sets[g], pred_sets[p])] += 1
                continue
            self.missed_total += 1
            self.missed_quoted += has_double_mark(text, item.content)
            self.missed_cues[cue_lemma(sdoc, item.cue)] += 1
        for p, item in enumerate(predicted):
            if p not in matched_pred:
                self.false_cues[cue_lemma(sdoc, item.cue)] += 1

    def _boundary(self, text: str, gold: frozenset[int], pred: frozenset[int]) -> None:
        g0, g1, p0, p1 = min(gold), max(gold), min(pred), max(pred)
        if (g0, g1) == (p0, p1):
            self.boundary["pieces differ inside (an interruption or a gap)"] += 1
            return
        if g0 != p0:
            extra = text[min(g0, p0) : max(g0, p0)]
            words = re.findall(r"[\w’']+|[^\w\s]", extra)
            who = "gold" if g0 < p0 else "prediction"
            self.boundary[f"start: {who} has more"] += 1
            self.boundary_words[f"start: {who} has more"][words[0].lower() if words else "?"] += 1
        if g1 != p1:
            extra = text[min(g1, p1) + 1 : max(g1, p1) + 1]
            words = re.findall(r"[\w’']+|[^\w\s]", extra)
            who = "gold" if g1 > p1 else "prediction"
            self.boundary[f"end: {who} has more"] += 1
            self.boundary_words[f"end: {who} has more"][words[-1].lower() if words else "?"] += 1

    def report(self, top: int = 25) -> list[str]:
        lines = [
            f"missed gold: {self.missed_total} ({self.missed_quoted} with quote marks); by the lemma of its cue:",
            "  " + ", ".join(f"{cue} {n}" for cue, n in self.missed_cues.most_common(top)),
            "false predictions by the lemma of their cue:",
            "  " + ", ".join(f"{cue} {n}" for cue, n in self.false_cues.most_common(top)),
            f"boundary errors among overlap matches ({sum(self.boundary.values())}), with the word where the"
            " extra text begins (start) or ends (end):",
        ]
        for kind, n in self.boundary.most_common():
            words = ", ".join(f"{w!r} {c}" for w, c in self.boundary_words[kind].most_common(8))
            lines.append(f"  {n:4d}  {kind}" + (f": {words}" if words else ""))
        lines.append(f"quote-marked boundary errors ({sum(self.quoted_boundary.values())}), by the side that has more:")
        lines.append("  " + ", ".join(f"{kind} {n}" for kind, n in self.quoted_boundary.most_common()))
        return lines


def boundary_class(text: str, gold: frozenset[int], pred: frozenset[int]) -> str:
    """Which side of a content has more, and whether the extra is words or only marks and punctuation:
    "gold start+words" is a lead-in the prediction left out ("that", "X, he said, …")."""
    g0, g1, p0, p1 = min(gold), max(gold), min(pred), max(pred)
    parts = []
    for side, (a, b) in (("start", (g0, p0)), ("end", (p1, g1))):
        if a == b:
            continue
        more = "gold" if a < b else "prediction"
        shift = 1 if side == "end" else 0  # positions are inclusive: the extra starts after the shorter end
        extra = text[min(a, b) + shift : max(a, b) + shift]
        kind = "words" if re.search(r"[^\W_]", extra) else "marks"
        parts.append(f"{more} {side}+{kind}")
    return " ".join(parts) or "pieces inside"


def cue_lemma(sdoc: Any, cue: list[tuple[int, int]]) -> str:
    """The lemma that names a cue: its verb if it has one ("has long argued" -> argue), else its words."""
    if not cue:
        return "(no cue)"
    span = sdoc.char_span(cue[0][0], cue[-1][1], alignment_mode="expand")
    if span is None or not len(span):
        return "(no cue)"
    verbs = [t for t in span if t.pos_ == "VERB"]
    if verbs:
        return str(verbs[-1].lemma_.lower())
    words = [t for t in span if not t.is_punct] or list(span)
    return " ".join(t.lower_ for t in words[:3])


# ---------------------------------------------------------------------------------------------------
# Main


System = Callable[[str, Any], list[Item]]


def parse_cached(texts: list[str], cache: Path | None) -> list[Any]:
    """The spaCy parses of the texts, read from ``cache`` when an earlier run kept the same texts parsed by
    the same model: rule work re-scores in seconds instead of re-parsing the corpus every time."""
    from dateline.enrich.nlp import load, parse_many

    if cache is None:
        return parse_many(texts)
    import hashlib

    from spacy.tokens import DocBin

    nlp = load()
    key = hashlib.sha256(f"{nlp.meta['name']} {nlp.meta['version']}".encode())
    for text in texts:
        key.update(hashlib.sha256(text.encode()).digest())
    path = cache / f"{key.hexdigest()[:24]}.spacy"
    if path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    parses = parse_many(texts)
    cache.mkdir(parents=True, exist_ok=True)
    DocBin(docs=parses).to_disk(path)
    return parses


def run(name: str, system: System, docs: list[Doc], parses: list[Any]) -> tuple[Score, float, int]:
    score = Score()
    failures = 0
    began = time.perf_counter()
    for doc, sdoc in zip(docs, parses, strict=True):
        try:
            predicted = system(doc.text, sdoc)
        except Exception as error:  # the baseline raises on odd quote counts; count it, score no quotes
            failures += 1
            predicted = []
            if name == "dateline":
                print(f"dateline failed on {doc.stem}: {type(error).__name__}: {error}", file=sys.stderr)
        score.add(doc, predicted)
    return score, time.perf_counter() - began, failures


def report(name: str, score: Score, seconds: float, parse_seconds: float, failures: int, n: int) -> list[str]:
    def prf(counts: Counts) -> str:
        p, r, f = counts.prf()
        return f"{p:.3f} {r:.3f} {f:.3f}"

    speaker = score.speaker_right / score.speaker_total if score.speaker_total else 0.0
    rate = f"{n / (seconds + parse_seconds):.1f} / {n / seconds:.0f}" if seconds else "-"
    return [
        f"| {name} | all | {prf(score.exact)} | {prf(score.overlap)} | {prf(score.source_spans)} "
        f"| {speaker:.3f} | {prf(score.with_speaker)} | {rate} | {failures} |",
        f"| {name} | quote-marked | {prf(score.exact_q)} | {prf(score.overlap_q)} | | | | | |",
        f"| {name} | distinct spans per article (CofeNet) | {prf(score.content_spans)} | | {prf(score.source_spans)} "
        "| | | | |",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="the polnear folder (with dev/text, dev/attributions)")
    parser.add_argument("--split", default="dev")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    # rules are written from one slice and checked on another: "--split train --skip 120" leaves out the
    # 120 articles the over-fitting check reads
    parser.add_argument("--skip", type=int, default=0, help="leave out the first N articles")
    parser.add_argument("--no-textacy", action="store_true")
    parser.add_argument("--errors", action="store_true", help="print dateline's errors by category")
    parser.add_argument(
        "--parse-cache",
        type=Path,
        default=None,
        help="keep the spaCy parses in this folder and reuse them while the texts and the model are unchanged",
    )
    args = parser.parse_args(argv)
    if not (args.path / args.split / "text").is_dir():
        print(f"skip: no PolNeAR split at {args.path / args.split}")
        return 0
    docs = read_split(args.path, args.split, args.limit, args.skip)
    began = time.perf_counter()
    parses = parse_cached([doc.text for doc in docs], args.parse_cache)
    parse_seconds = time.perf_counter() - began
    gold = sum(len(doc.gold) for doc in docs)
    parsed = "spaCy parse (or reading it from --parse-cache)"
    print(f"PolNeAR {args.split}: {len(docs)} articles, {gold} attributions; {parsed} {parse_seconds:.1f}s")
    print("P R F1 per cell; docs/s: with the shared spaCy parse / rules alone; failed: documents the system raised on")
    print()
    print(
        "| system | gold | content exact P R F1 | content overlap P R F1 | source spans exact P R F1 "
        "| speaker acc | content+speaker P R F1 | docs/s | failed |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    systems: list[tuple[str, System]] = [("dateline", dateline_items)]
    if not args.no_textacy:
        try:
            import textacy  # noqa: F401
        except ImportError as error:
            print(f"(textacy baseline not run: {error}; pip install -r requirements-bench-quotes.txt)")
        else:
            systems.append(("textacy direct_quotations", textacy_items))
    for name, system in systems:
        score, seconds, failures = run(name, system, docs, parses)
        for line in report(name, score, seconds, parse_seconds, failures, len(docs)):
            print(line)
    if args.errors:
        errors = Errors()
        for doc, sdoc in zip(docs, parses, strict=True):
            errors.add(doc, sdoc, dateline_items(doc.text, sdoc))
        print()
        print("\n".join(errors.report()))
    return 0


if __name__ == "__main__":
    sys.exit(main())

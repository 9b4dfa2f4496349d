"""Speaker resolution: LitBank's quotations (fiction; pronoun and role-noun speakers) and our news cases.

    .venv/bin/python bench/speakers.py ../shared/data/quotes/litbank [--limit N] [--misses]

LitBank (CC BY 4.0; see its README) attributes every quotation to a coreference entity, so a speaker
is right when it names any mention of that entity ("the Rabbit", "the White Rabbit"). dateline runs
as in ``annotate`` (spaCy parse, entity clusters, ``find_quotes``) on the untokenised excerpt, with the
excerpt's hard line wraps joined (same offsets) as an article's paragraphs are. Quotations are matched
one to one on overlap (IoU >= 0.5 of their non-space characters, quotation marks included); speaker
accuracy is over the matched ones, overall and by how the cue writes the speaker: a pronoun ("she
said" — the resolution this bench is for), a name or noun, or nothing (an uncued quote whose speaker is
inherited or guessed). For pronoun cues it also reports whether the pronoun itself is the speaker's
(the attribution) and how often the name it resolves to is right when it is (the resolution).

The news cases (``bench/speaker_cases.py``, written by us) give the canonical name a reader expects
for each statement (alternatives joined by "|"); the score is the share named exactly (case-insensitive).
Skips LitBank (exit 0) when its path is absent.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.speaker_cases import CASES  # noqa: E402

MARKS = "\"'“”‘’«»„"
PRONOUNS = frozenset("i me my we us our he him his she her they them their you it".split())
SINGLE_NEWLINE = re.compile(r"(?<!\n)\n(?!\n)")


@dataclass
class Book:
    name: str
    text: str
    quotes: list[tuple[int, int, str]]  # gold quotation span (marks included) and speaker entity
    mentions: dict[str, list[tuple[int, int, str, str]]]  # entity -> (start, end, text, form)


@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    by_cue: Counter[str] = field(default_factory=Counter)
    right_by_cue: Counter[str] = field(default_factory=Counter)
    pronoun_attributed: int = 0  # the pronoun at the cue is a mention of the gold speaker
    pronoun_resolved: int = 0  # ... and the name it resolved to is the gold speaker's too
    misses: list[str] = field(default_factory=list)


def read_books(root: Path, limit: int | None) -> list[Book]:
    books = []
    for ann in sorted((root / "quotations" / "tsv").glob("*_brat.ann"))[:limit]:
        name = ann.name.removesuffix("_brat.ann")
        original = root / "original" / f"{name}.txt"
        text = original.read_text(encoding="utf-8")
        at: dict[tuple[int, int], tuple[int, int]] = {}
        for line in (root / "original" / f"{name}.offsets.tsv").read_text(encoding="utf-8").splitlines()[1:]:
            sentence, token, start, end = (int(part) for part in line.split("\t"))
            at[(sentence, token)] = (start, end)
        spans: dict[str, tuple[int, int]] = {}
        speaker_of: dict[str, str] = {}
        for row in ann.read_text(encoding="utf-8").splitlines():
            parts = row.split("\t")
            if parts[0] == "QUOTE":
                first, last = (int(parts[2]), int(parts[3])), (int(parts[4]), int(parts[5]))
                spans[parts[1]] = (at[first][0], at[last][1])
            elif parts[0] == "ATTRIB":
                speaker_of[parts[1]] = parts[2]
        quotes = [(start, end, speaker_of[qid]) for qid, (start, end) in spans.items() if qid in speaker_of]
        mention_span: dict[str, tuple[int, int, str, str]] = {}
        entity_of: dict[str, str] = {}
        coref = root / "coref" / "tsv" / f"{name}_brat.ann"
        for row in coref.read_text(encoding="utf-8").splitlines():
            parts = row.split("\t")
            if parts[0] == "MENTION":
                first, last = (int(parts[2]), int(parts[3])), (int(parts[4]), int(parts[5]))
                start, end = at[first][0], at[last][1]
                mention_span[parts[1]] = (start, end, text[start:end], parts[8])
            elif parts[0] == "COREF":
                entity_of[parts[1]] = parts[2]
        mentions: dict[str, list[tuple[int, int, str, str]]] = {}
        for tid, entity in entity_of.items():
            if tid in mention_span:
                mentions.setdefault(entity, []).append(mention_span[tid])
        books.append(Book(name, text, sorted(quotes), mentions))
    return books


def as_paragraphs(text: str) -> str:
    """The excerpt's wrapped lines joined with spaces (offsets unchanged), as an article's paragraphs."""
    return SINGLE_NEWLINE.sub(" ", text)


def with_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """dateline leaves the quotation marks out of a direct quote; LitBank keeps them."""
    if start > 0 and text[start - 1] in MARKS:
        start -= 1
    while end < len(text) and text[end] in ".,;:!?" and end + 1 < len(text) and text[end + 1] in MARKS:
        end += 1
    if end < len(text) and text[end] in MARKS:
        end += 1
    return start, end


def characters(text: str, start: int, end: int) -> frozenset[int]:
    return frozenset(i for i in range(start, end) if not text[i].isspace())


def match(text: str, gold: list[tuple[int, int]], predicted: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs (gold index, predicted index) with IoU >= 0.5, best first."""
    gold_chars = [characters(text, *span) for span in gold]
    pred_chars = [characters(text, *span) for span in predicted]
    scored = []
    for g, gc in enumerate(gold_chars):
        for p, pc in enumerate(pred_chars):
            if gc and pc and gc & pc:
                iou = len(gc & pc) / len(gc | pc)
                if iou >= 0.5:
                    scored.append((iou, g, p))
    pairs, used_g, used_p = [], set(), set()
    for _, g, p in sorted(scored, reverse=True):
        if g not in used_g and p not in used_p:
            pairs.append((g, p))
            used_g.add(g)
            used_p.add(p)
    return pairs


def names_entity(book: Book, entity: str, span: tuple[int | None, int | None] | None, name: str | None) -> bool:
    """Whether a speaker (its mention span, else its name) is a mention of the gold entity."""
    mentions = book.mentions.get(entity, [])
    if (
        span is not None
        and span[0] is not None
        and span[1] is not None
        and any(start < span[1] and span[0] < end for start, end, _, _ in mentions)
    ):
        return True
    if name:
        return any(form != "PRON" and words.lower() == name.lower() for _, _, words, form in mentions)
    return False


def cue_kind(text: str, source: tuple[int, int] | None) -> str:
    if source is None:
        return "no cue"
    return "pronoun" if text[source[0] : source[1]].strip().lower() in PRONOUNS else "name or noun"


def score_book(book: Book, sdoc: Any, tally: Tally) -> None:
    from dateline.enrich.entities import cluster_entities
    from dateline.enrich.quotes import find_quotes

    text = as_paragraphs(book.text)
    predicted: list[tuple[int, int]] = []
    owners: list[Any] = []
    for found in find_quotes(text, sdoc, cluster_entities(sdoc)):
        if found.quote.kind != "direct":
            continue
        for start, end in found.quote.spans or [(found.quote.start, found.quote.end)]:
            predicted.append(with_marks(text, start, end))
            owners.append(found)
    gold = [(start, end) for start, end, _ in book.quotes]
    tally.gold += len(gold)
    tally.predicted += len(predicted)
    for g, p in match(text, gold, predicted):
        tally.matched += 1
        entity = book.quotes[g][2]
        found = owners[p]
        speaker = found.quote.speaker
        kind = cue_kind(text, found.source)
        tally.by_cue[kind] += 1
        # a pronoun left as its own "speaker" names nobody, even where its span is one of the gold mentions
        named = speaker is not None and speaker.name.strip().lower() not in PRONOUNS
        right = named and names_entity(book, entity, (speaker.start, speaker.end), speaker.name)
        tally.right_by_cue[kind] += right
        if kind == "pronoun" and found.source is not None and names_entity(book, entity, found.source, None):
            tally.pronoun_attributed += 1
            tally.pronoun_resolved += right
        if not right:
            said = text[gold[g][0] : gold[g][1]][:60].replace("\n", " ")
            tally.misses.append(
                f"{book.name}: {said!r} gold {entity}, got {speaker.name if speaker else None} ({kind})"
            )


def run_litbank(root: Path, limit: int | None, show_misses: bool) -> None:
    from dateline.enrich.nlp import parse_many

    books = read_books(root, limit)
    began = time.perf_counter()
    parses = parse_many([as_paragraphs(book.text) for book in books])
    parsed = time.perf_counter() - began
    tally = Tally()
    began = time.perf_counter()
    for book, sdoc in zip(books, parses, strict=True):
        score_book(book, sdoc, tally)
    rules = time.perf_counter() - began
    precision = tally.matched / tally.predicted if tally.predicted else 0.0
    recall = tally.matched / tally.gold if tally.gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"LitBank: {len(books)} excerpts, {tally.gold} quotations; spaCy parse {parsed:.1f}s, quotes {rules:.1f}s")
    print()
    print(f"quotation detection (overlap): P {precision:.3f} R {recall:.3f} F1 {f1:.3f}")
    print()
    print("| speaker written at the cue | matched quotations | speaker right |")
    print("|---|---|---|")
    for kind in ("pronoun", "name or noun", "no cue"):
        n = tally.by_cue[kind]
        print(f"| {kind} | {n} | {tally.right_by_cue[kind] / n if n else 0.0:.3f} |")
    right = sum(tally.right_by_cue.values())
    print(f"| **all** | {tally.matched} | **{right / tally.matched if tally.matched else 0.0:.3f}** |")
    pronouns = tally.by_cue["pronoun"]
    if pronouns:
        print()
        print(
            f"pronoun cues: the pronoun is the speaker's in {tally.pronoun_attributed}/{pronouns} "
            f"({tally.pronoun_attributed / pronouns:.3f}); of those, resolved to the right person "
            f"{tally.pronoun_resolved}/{tally.pronoun_attributed} "
            f"({tally.pronoun_resolved / tally.pronoun_attributed if tally.pronoun_attributed else 0.0:.3f})"
        )
    if show_misses:
        print()
        for line in tally.misses:
            print("  " + line)


def run_news_cases(show_misses: bool) -> None:
    from dateline.enrich.entities import cluster_entities
    from dateline.enrich.nlp import parse_many
    from dateline.enrich.quotes import find_quotes

    parses = parse_many([case.text for case in CASES])
    total = right = 0
    misses = []
    for case, sdoc in zip(CASES, parses, strict=True):
        found = find_quotes(case.text, sdoc, cluster_entities(sdoc))
        for words, expected in case.expected:
            total += 1
            quote = next((m.quote for m in found if any(words in case.text[s:e] for s, e in m.quote.spans or [])), None)
            got = quote.speaker.name if quote is not None and quote.speaker is not None else None
            if got is not None and got.lower() in expected.lower().split("|"):
                right += 1
            else:
                missing = "" if quote else " (no quote found)"
                misses.append(f"{case.name}: {words!r} expected {expected!r}, got {got!r}{missing}")
    print(f"News cases (bench/speaker_cases.py): {len(CASES)} passages, {total} statements; "
          f"speaker named right {right}/{total} ({right / total:.3f})")  # fmt: skip
    if show_misses or misses:
        for line in misses:
            print("  " + line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, nargs="?", default=ROOT.parent / "shared/data/quotes/litbank")
    parser.add_argument("--limit", type=int, default=None, help="only the first N excerpts")
    parser.add_argument("--misses", action="store_true", help="list every LitBank quotation given a wrong speaker")
    args = parser.parse_args(argv)
    run_news_cases(args.misses)
    print()
    if (args.path / "quotations" / "tsv").is_dir():
        run_litbank(args.path, args.limit, args.misses)
    else:
        print(f"skip: no LitBank at {args.path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

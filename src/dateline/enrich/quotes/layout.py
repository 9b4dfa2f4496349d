"""Quotes that the article's layout attributes: interview transcripts, quotes with no cue joining their
neighbours, runs of quote paragraphs that inherit a speaker."""

from __future__ import annotations

import re
from dataclasses import replace

from dateline.enrich.quotes.filters import in_title_case
from dateline.enrich.quotes.lexicon import DOUBLE_MARKS
from dateline.enrich.quotes.marks import paragraph_index, paragraphs
from dateline.enrich.quotes.records import _Candidate
from dateline.record import Entity


def _inherit(candidates: list[_Candidate], text: str) -> None:
    """A quote with no cue speaks with the voice of its paragraph, or of the paragraph before."""
    paras = paragraphs(text)

    for index, candidate in enumerate(candidates):
        if not candidate.inherit:
            continue
        here = paragraph_index(paras, candidate.start)
        same = [c for c in candidates if c.speaker and paragraph_index(paras, c.start) == here and c is not candidate]
        if same:
            candidate.speaker = replace(same[0].speaker) if same[0].speaker else None
            candidate.source = same[0].source  # one source span may serve several quotes
            continue
        opens_paragraph = paras[here][0] == candidate.start - 1 if here >= 0 else False
        previous = [c for c in candidates[:index] if c.speaker and paragraph_index(paras, c.start) == here - 1]
        if opens_paragraph and previous and previous[-1].speaker:
            candidate.speaker = replace(previous[-1].speaker)
            candidate.source = previous[-1].source


#: a transcript turn: a paragraph opening (after an optional quote mark) with a speaker's name in
#: capitals and a colon ("PENCE: Well, look, …")
TURN_LABEL = re.compile(r"""["“']?([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):[ \t\u00a0]+(?=\S)""")


def transcript_candidates(text: str, entities: list[Entity]) -> list[_Candidate]:
    """Interview transcripts: a turn runs from its label to the end of the paragraph, and on over the
    following paragraphs that open with a quote mark but no label. A label counts only when it is the
    surname of a person the article names, so "CORRECTION:" or "UPDATE:" never speaks."""
    surnames = {e.name.split()[-1].upper() for e in entities if e.type == "PERSON" and e.name.split()}
    turns: list[_Candidate] = []
    current: _Candidate | None = None
    for start, end in paragraphs(text):
        match = TURN_LABEL.match(text, start, end)
        if match is not None and match.group(1).split()[-1] in surnames:
            label = (match.start(1), match.end(1))
            current = _Candidate([], "direct", (match.end(1), match.end(1) + 1), subject_span=label)
            turns.append(current)
            piece = _turn_piece(text, match.end(), end)
        elif current is not None and text[start] in DOUBLE_MARKS and match is None:
            piece = _turn_piece(text, start + 1, end)
        else:
            current = None
            continue
        if piece is not None and current is not None:
            current.spans.append(piece)
    return [turn for turn in turns if turn.spans]


def _turn_piece(text: str, start: int, end: int) -> tuple[int, int] | None:
    while end > start and (text[end - 1].isspace() or text[end - 1] in DOUBLE_MARKS):
        end -= 1
    return (start, end) if end > start else None


def _absorb_uncued(direct: list[_Candidate], indirect: list[_Candidate]) -> list[_Candidate]:
    """``said Friday that if he won, "she would sign it."``: a quote with no cue of its own inside a
    reported clause is part of that clause, which becomes a mixed quote."""
    kept = []
    for candidate in direct:
        holder = None
        if candidate.inherit and len(candidate.spans) == 1:
            start, end = candidate.spans[0]
            holder = next((c for c in indirect if c.start < start - 1 and end <= c.end + 1), None)
        if holder is None:
            kept.append(candidate)
            continue
        holder.kind = "mixed"
        last_start, last_end = holder.spans[-1]
        holder.spans[-1] = (last_start, max(last_end, candidate.end))
    return kept


def _is_title_line(candidate: _Candidate, text: str) -> bool:
    """A quoted paragraph of a few capitalised words ("'Legend in the Coal Fields.'") is a subhead or
    a headline quoting someone, not a statement with a cue."""
    if not candidate.inherit or len(candidate.spans) != 1:
        return False
    start, end = candidate.spans[0]
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    outside = text[line_start:start] + text[end:line_end]
    words = re.findall(r"[A-Za-z][\w'’-]*", text[start:end])
    if re.search(r"\w", outside.replace("''", "")) or not words or len(words) > 8:
        return False
    if _single_marked(text, start, end):
        # a line of a few words in single marks ("'A really tough decision.'") is a subhead: speech in
        # news copy takes double marks, and single ones alone on a line set off a section's title
        return True
    return in_title_case(words)


def _single_marked(text: str, start: int, end: int) -> bool:
    """Whether the quote at ``start``-``end`` sits in single marks (not an archive's doubled ``''``)."""
    before = text[start - 2 : start]
    after = text[end : end + 2]
    return (
        len(before) == 2
        and before[1] in "'‘"
        and before[0] not in "'‘"
        and after[:1] in "'’"
        and after[1:2] not in ("'", "’")
    )


def _merge_uncued(candidates: list[_Candidate], text: str) -> list[_Candidate]:
    """A quote with no cue of its own goes on the statement of the quote beside it in its paragraph.

    ``"A," he said. "B."`` and ``"A." "B," he said.`` are one statement in two pieces; so is a quote
    after a reported clause that quotes (``X did "too little," he added. "B."``). A paragraph that is
    nothing but a quote with no cue goes on the cued direct quote of the paragraph before it (the news
    convention for a run of quote paragraphs, ``"A," Reed said.`` / ``"B."``); a paragraph that says
    more, or follows no cued quote, stays a quote of its own and inherits the speaker later.
    """
    paras = paragraphs(text)

    kept: list[_Candidate] = []
    for index, candidate in enumerate(candidates):
        if not (candidate.inherit and candidate.kind == "direct"):
            kept.append(candidate)
            continue
        if _repeats_earlier(candidate, kept, text):
            continue
        here = paragraph_index(paras, candidate.start)
        # the statement right before it: a reported clause inside the cue clause ("said Fowler, who
        # backed Clinton.") does not part them, but one that quotes ('"A," X said. Y "b," he added.
        # "C."') takes the quote instead, being nearer
        previous = next((k for k in reversed(kept) if k.kind == "direct" or _quotes_words(k, text)), None)
        following = candidates[index + 1] if index + 1 < len(candidates) else None
        run_on = (
            previous is not None
            and _speaks_in_quotes(previous, text)
            and not previous.inherit
            and paragraph_index(paras, previous.end) == here - 1
            and paras[here][0] == candidate.start - 1
            and not re.search(r"\w", text[candidate.end : paras[here][1]])
        )
        if run_on and previous is not None:
            previous.spans = sorted([*previous.spans, *candidate.spans])
            continue
        if (
            previous is not None
            and paragraph_index(paras, previous.end) == here
            and _may_take(previous, candidate, text)
        ):
            previous.spans = sorted([*previous.spans, *candidate.spans])
            continue
        if (
            following is not None
            and following.kind == "direct"
            and not following.inherit
            and paragraph_index(paras, following.start) == here
        ):
            following.spans = sorted([*candidate.spans, *following.spans])
            continue
        kept.append(candidate)
    return kept


def _letters(words: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", words.lower())


#: how many letters of a quote must repeat an earlier one for it to be a copy (a sentence's worth: a
#: short answer such as "No." may well be said twice)
REPEAT_LETTERS = 40


def _repeats_earlier(candidate: _Candidate, kept: list[_Candidate], text: str) -> bool:
    """A quote with no cue whose opening words were already quoted in the article is a copy of them (a
    pull quote, or a paragraph the page repeated): reporting it again would count one statement twice."""
    opening = _letters(text[candidate.start : candidate.end])[:REPEAT_LETTERS]
    if len(opening) < REPEAT_LETTERS:
        return False
    return any(opening in _letters(" ".join(text[s:e] for s, e in k.spans)) for k in kept)


def _speaks_in_quotes(statement: _Candidate, text: str) -> bool:
    """Whether a statement is a quotation that a following quote paragraph can continue: a direct quote,
    or a mixed one that is a quotation with the writer's words at its edge and its cue after it
    (``Choosing is a "false choice," she said.`` / ``"We did it" to the end, X said.``)."""
    if statement.kind == "direct":
        return True
    return (
        statement.kind == "mixed"
        and statement.cue is not None
        and statement.cue[0] >= statement.end
        and _quotes_words(statement, text)
    )


def _may_take(previous: _Candidate, candidate: _Candidate, text: str) -> bool:
    """Whether a quote with no cue continues the statement before it: a direct quote always; a
    reported clause when it carries quoted words of its own (``The summit did "too little," he
    added. "Europe risks a lot."``), not a plain paraphrase."""
    if previous.end > candidate.start:
        return False
    if previous.kind == "direct":
        return True
    return previous.cue is not None and previous.cue[0] < candidate.start


def _quotes_words(candidate: _Candidate, text: str) -> bool:
    """Whether a reported clause holds a whole quotation (an opening and a closing mark)."""
    words = " ".join(text[start:end] for start, end in candidate.spans)
    return ("“" in words and "”" in words) or words.count('"') >= 2

"""A pure-Python TIMEX3 tagger for English news: recognition and normalisation of time expressions.

``tag(text, anchor)`` returns :class:`~dateline.record.TimeExpression` objects whose ``start``/``end``
are offsets into ``text`` and whose ``value`` is written as TimeML writes it (``2024-07-17``,
``2024-05``, ``2024-W29``, ``2024-SU``, ``2024-Q3``, ``198X``, ``PRESENT_REF``, ``P3D``, ``PT2H``,
``XXXX-WXX-2``, ``2024-07-17T10:30+03:00``).

How it works, in two passes:

1. Recognition. A few families of regular expressions propose candidate spans; overlapping
   candidates are resolved leftmost-longest, so "early next year" beats "next year" and "Monday,
   Oct. 26" beats "Monday". A candidate that its normaliser rejects ("May" the verb, "a Wednesday"
   as a set) frees its span for the shorter candidates it hid.
2. Normalisation, left to right, against the anchor (the document creation time). Expressions that
   depend on the tense ("Tuesday", "May") read a tense hint: the caller's ``tense`` function when
   given (e.g. from a parser), else a light look at the verbs around the expression in its sentence.
   Expressions anchored to the story's own time line ("a day later", "the following year", "later
   that day", "that quarter", "the weeks before the shooting") use the last explicit date (or
   quarter) mentioned shortly before; without one they stay durations or are dropped.

Nothing here needs spaCy: everything is a pure function of the text, the anchor and the hint. This
module only runs the two passes; the parts live in modules named for what they do:

========================  ================================================================
``timex_recognition``     the families' patterns, candidates, leftmost-longest selection
``timex_tense``           the tense hint read from the words around an expression
``timex_timeline``        the story's time line (anchor, last date, quarter) normalisers share
``timex_values``          calendar arithmetic and TimeML value formats (no text reading)
``timex_dates``           normalisers of dates named outright: days, months, years, seasons
``timex_periods``         normalisers of business periods: quarters, halves, fiscal years
``timex_relative``        normalisers relative to the anchor or time line: "last week", "that day"
``timex_durations``       normalisers of lengths of time: "two weeks", "for years", "a day later"
``timex_clock``           normalisers of clock times: "10:30 a.m. Moscow time"
``timex_sets``            normalisers of recurring times: "daily", "every Tuesday"
``timex_lexicon``         the word tables
``timex_aspect``          rules that read the clause (a perfect, a period that "ended")
========================  ================================================================

To add a family: its pattern goes into ``RULES`` (and its cheap pre-check into ``NEEDS``) in
``timex_recognition``, its normaliser into the ``NORMALISERS`` table of the module for its kind.
"""

from __future__ import annotations

import re
from datetime import date

from dateline.enrich import (
    timex_clock,
    timex_dates,
    timex_durations,
    timex_periods,
    timex_relative,
    timex_sets,
)
from dateline.enrich.timex_recognition import Candidate, find_candidates, select, trim
from dateline.enrich.timex_tense import Tense, TenseHint, guess_tense
from dateline.enrich.timex_timeline import Normaliser, State
from dateline.record import TimeExpression

__all__ = ["Tense", "TenseHint", "guess_tense", "tag"]

#: each family's normaliser, by the name its pattern has in ``RULES``
NORMALISERS: dict[str, Normaliser] = {
    **timex_dates.NORMALISERS,
    **timex_periods.NORMALISERS,
    **timex_relative.NORMALISERS,
    **timex_durations.NORMALISERS,
    **timex_clock.NORMALISERS,
    **timex_sets.NORMALISERS,
}


def tag(
    text: str,
    anchor: date | None = None,
    *,
    tense: TenseHint | None = None,
) -> list[TimeExpression]:
    """Find and normalise the time expressions of ``text`` against ``anchor`` (the publication date).

    ``tense`` may supply the tense of the verb governing a span (from a parser); by default a light
    look at the words around the expression decides. Never raises on any input string.
    """
    if not text:
        return []
    candidates = find_candidates(text)
    # A rejected candidate ("a Wednesday" is no set) must not hide the shorter ones it overlapped:
    # select, normalise, and select again without the rejects until every chosen one stands.
    rejected: set[int] = set()
    for _ in range(6):
        chosen = select([c for c in candidates if id(c) not in rejected])
        out, fresh = _normalise(text, chosen, State(text, anchor, tense or guess_tense), rejected)
        if not fresh:
            break
    return out


def _normalise(
    text: str, chosen: list[Candidate], state: State, rejected: set[int]
) -> tuple[list[TimeExpression], bool]:
    """One left-to-right pass over the chosen candidates; adds the ones that fail to ``rejected``
    and says whether there were any."""
    out: list[TimeExpression] = []
    fresh = False
    for cand in chosen:
        try:
            result = NORMALISERS[cand.family](cand, state)
        except (ValueError, OverflowError, KeyError, IndexError):
            result = None  # a malformed date ("Feb. 31") is not a time expression
        start, end = trim(text, cand.start, cand.end)
        if result is None or end <= start:
            rejected.add(id(cand))
            fresh = True
            continue
        kind, value, mod = result
        if kind in ("DATE", "TIME") and mod is None:
            approx = _AROUND_BEFORE.search(text, max(0, start - 40), start)
            if approx:
                # "completed around Nov. 1": the approximation is part of the expression (TimeML's APPROX)
                start, mod = approx.start("w"), "APPROX"
        while out and out[-1].start >= start:
            out.pop()  # a normaliser that took in the words before it ("Sunday, March eighth") covers them
        out.append(TimeExpression(start, end, text[start:end], kind, value, mod))
    return out, fresh


# "around" just before a date or a clock time, unless a verb takes it as its particle ("get around")
_AROUND_BEFORE = re.compile(
    r"(?<!\bget\s)(?<!\bgot\s)(?<!\bgo\s)(?<!\bcome\s)(?<!\bturn\s)(?<!\bwork\s)(?<!\bway\s)\b(?P<w>[Aa]round)\s+$"
)

"""Anchoring: the story's own time line, which the normalisers read and extend left to right.

A news story puts dates on a line as it goes ("on March 3 ... the next day ... that week"). Each
normaliser gets the :class:`State` of that line so far: the publication date (the anchor), the last
explicit date and its granularity, and the fiscal quarter an earnings story reports on. Normalisers
that name a date call :func:`note_day` or :func:`note_quarter`; those that point back ("a day
later", "that quarter", "the year-ago period") call :func:`ref_for` or :func:`story_quarter`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from dateline.enrich.timex_recognition import Candidate
from dateline.enrich.timex_tense import Tense, TenseHint
from dateline.enrich.timex_values import latest_quarter
from dateline.record import TimeType


@dataclass(slots=True)
class State:
    """What the story has said so far: reset for each pass of :func:`dateline.enrich.timex.tag`."""

    text: str
    anchor: date | None
    tense: TenseHint
    ref: date | None = None  # the last explicit day or month the story put on its time line
    ref_end: int = -1
    ref_code: str = "D"  # the granularity of ``ref``: D, M or Y
    quarter: str | None = None  # the fiscal quarter the story reports on ("1989-Q3")
    quarter_end: int = -1
    named_quarter: str | None = None  # the quarter named last, what "that quarter" points back at


#: a normaliser's answer: (type, value, mod), or None when the candidate is no time expression after all
Result = tuple[TimeType, str, str | None] | None
#: reads one candidate against the time line (and may move its edges or extend the line)
Normaliser = Callable[[Candidate, State], Result]


def tense_of(c: Candidate, s: State) -> Tense | None:
    """The tense the caller's hint (or the tagger's own guess) gives the candidate's clause."""
    return s.tense(s.text, c.start, c.end)


def note_day(s: State, d: date, c: Candidate, code: str = "D") -> None:
    """Put ``d`` on the time line, at the granularity ``code`` (D, W, M or Y)."""
    s.ref, s.ref_end, s.ref_code = d, c.end, code


# granularities, fine to coarse: a month on the time line cannot date "the next day"
_RANK = {"D": 0, "W": 1, "WE": 1, "M": 2, "Q": 3, "Y": 4, "DE": 5, "CE": 6}


def ref_for(s: State, c: Candidate, code: str, reach: int = 600) -> date | None:
    """The story's last explicit date, if it is close and at least as fine as ``code``."""
    if s.ref is None or c.start - s.ref_end > reach:
        return None
    if _RANK.get(s.ref_code, 0) > _RANK.get(code, 0):
        return None
    return s.ref


# how far (characters) a quarter named in passing leaves the story's quarter in place
_QUARTER_HOLD = 600


def note_quarter(s: State, value: str, c: Candidate) -> None:
    """Put a quarter on the story's time line. An earnings story names its quarter first; a quarter
    named in passing soon after ("after a flat second quarter") does not replace it."""
    s.named_quarter = value
    if (
        s.quarter
        and c.start - s.quarter_end < _QUARTER_HOLD
        and _complete(s.quarter, s.anchor)
        and _recent(s.quarter, s.anchor)
    ):
        s.quarter_end = c.end
        return
    s.quarter, s.quarter_end = value, c.end


def _recent(quarter: str, anchor: date | None) -> bool:
    """Within a year of the last complete quarter: one a story can report on ("stopped paying in the
    third quarter of 1984" is history, not the quarter of a 1989 earnings report)."""
    if anchor is None or not quarter[-1].isdigit() or not quarter[:4].isdigit():
        return False
    year, q = latest_quarter(anchor)
    return (year * 4 + q) - (int(quarter[:4]) * 4 + int(quarter[-1])) <= 4


def _complete(quarter: str, anchor: date | None) -> bool:
    if anchor is None or not quarter[-1].isdigit():
        return False
    return (int(quarter[:4]), int(quarter[-1])) <= latest_quarter(anchor)


def story_quarter(s: State, c: Candidate) -> str | None:
    """The quarter the story talks about, when it is near and already over at the anchor."""
    if not s.quarter or c.start - s.quarter_end >= 1500 or not s.quarter[-1].isdigit():
        return None
    if s.anchor:
        year, q = int(s.quarter[:4]), int(s.quarter[-1])
        if (year, q) > latest_quarter(s.anchor):
            return None  # a quarter still running is not the one results are reported for
    return s.quarter

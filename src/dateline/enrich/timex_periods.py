"""Normalisers of business periods: quarters and halves ("the third quarter", "3Q23"), fiscal
periods ("the year-ago quarter", "the same period last year"), "year-end", "the full year".

Earnings stories name their quarter once and then point back at it; the quarter they report on is
kept on the time line (:func:`~dateline.enrich.timex_timeline.note_quarter`).
"""

from __future__ import annotations

import re

from dateline.enrich import timex_aspect
from dateline.enrich.timex_dates import CAPITAL_BEFORE
from dateline.enrich.timex_lexicon import ORDINALS
from dateline.enrich.timex_recognition import IGNORE, Candidate
from dateline.enrich.timex_timeline import Normaliser, Result, State, note_quarter, ref_for, story_quarter, tense_of
from dateline.enrich.timex_values import fmt_amount, latest_quarter, numeral_value

_MONTHS_SPAN = re.compile(r"(?:three|six|nine|twelve|\d+)[\s-]+months?")
_MONTHS_NUMBER = re.compile(r"(three|six|nine|twelve|\d+)")

_SINCE_BEFORE = re.compile(r"\bsince\s+$", IGNORE)


def _norm_year_ended(c: Candidate, s: State) -> Result:
    return "DURATION", "P1Y", None


def _norm_year_period(c: Candidate, s: State) -> Result:
    year = int(c.match.group("year"))
    story = story_quarter(s, c)
    span = c.match.group(0).lower()
    if story and ("period" in span or span.endswith("quarter")):
        # "the 1988 quarter" in a report on the third quarter is that quarter of 1988
        return "DATE", f"{year:04d}{story[4:]}", None
    return "DATE", f"{year:04d}", None


def _norm_quarter(c: Candidate, s: State) -> Result:
    g = c.match.groupdict()
    ordinal = ORDINALS.get(g["ord"].lower(), 4)
    unit = g["q"].lower()
    if unit == "quarter-century":
        return "DURATION", "P25Y", None
    if g["ord"].lower() == "last" and not g.get("year"):
        return None
    code = "H" if unit == "half" else "Q"
    year: int | None = None
    if g.get("year"):
        year = int(g["year"])
    elif g.get("pyear"):
        year = int(g["pyear"])
    elif (ended := timex_aspect.period_end_year(s.text, c.end, s.anchor)) is not None:
        year = ended  # "the second quarter ended Oct. 31": the year its end date falls in
    elif s.anchor:
        poss = (g.get("poss") or g.get("ydet") or "").lower()
        year = s.anchor.year
        if "last" in poss or "previous" in poss:
            year -= 1
        elif "next" in poss:
            year += 1
        elif not poss:
            # a quarter not yet begun is last year's, unless the sentence speaks of the future
            start_month = (ordinal - 1) * (6 if code == "H" else 3) + 1
            tense = tense_of(c, s)
            if start_month > s.anchor.month and tense == "PAST":
                year -= 1
        if g.get("ya"):
            year -= 1
    if code == "H":
        return "DATE", f"{year:04d}-H{min(ordinal, 2)}" if year else f"XXXX-H{min(ordinal, 2)}", None
    value = f"{year:04d}-Q{ordinal}" if year else f"XXXX-Q{ordinal}"
    note_quarter(s, value, c)
    return "DATE", value, None


def _norm_q_code(c: Candidate, s: State) -> Result:
    g = c.match.groupdict()
    # "Audi Q3", "Boeing 2H": after a name the code is a model, not a period
    if CAPITAL_BEFORE.search(s.text[max(0, c.start - 20) : c.start]):
        return None
    number = int(g.get("q") or g.get("q2") or g.get("h") or g.get("h2") or 0)
    half = bool(g.get("h") or g.get("h2"))
    if g.get("year"):
        year = int(g["year"])
    elif g.get("yy"):
        base = s.anchor.year if s.anchor else 2000
        year = (base // 100) * 100 + int(g["yy"])
        if year > base + 10:
            year -= 100
    elif s.anchor:
        year = s.anchor.year
        start_month = (number - 1) * (6 if half else 3) + 1
        if start_month > s.anchor.month and tense_of(c, s) == "PAST":
            year -= 1  # a quarter not yet begun, told in the past, is last year's
    else:
        return "DATE", f"XXXX-{'H' if half else 'Q'}{number}", None
    value = f"{year:04d}-{'H' if half else 'Q'}{number}"
    if not half:
        note_quarter(s, value, c)
    return "DATE", value, None


def _norm_fiscal_period(c: Candidate, s: State) -> Result:
    g = c.match.groupdict()
    det = (g.get("det") or "").lower()
    span_text = c.match.group(0).lower()
    if g.get("mtail"):
        # "sales fell in January, compared to the same month a year ago": that month a year before
        month = ref_for(s, c, "M", 300)
        return ("DATE", f"{month.year - 1:04d}-{month.month:02d}", None) if month else None
    if g.get("lyq"):
        # "last year's quarter": the story's quarter a year before
        det = "year-ago"
    elif g.get("bare"):
        # "the quarter": the quarter the story is about, else the last complete one
        if g["bare"].lower() == "period" and not s.quarter:
            return None
        if g.get("btail"):
            # "the quarter a year ago": the story's quarter, a year before
            base = story_quarter(s, c)
            if base is None and s.anchor is not None:
                y, q = latest_quarter(s.anchor)
                base = f"{y:04d}-Q{q}"
            return ("DATE", f"{int(base[:4]) - 1:04d}{base[4:]}", None) if base else None
        if story_quarter(s, c):
            return "DATE", story_quarter(s, c) or "", None
        if s.anchor is None:
            return None
        y, q = latest_quarter(s.anchor)
        return "DATE", f"{y:04d}-Q{q}", None
    if _MONTHS_SPAN.search(span_text):
        n = numeral_value(_MONTHS_NUMBER.search(span_text).group(1))  # type: ignore[union-attr]
        return "DURATION", fmt_amount(n, "M"), None
    unit = (g.get("unit") or "").lower()
    if det == "this":
        if unit != "quarter" or g.get("the") or g.get("tail") or s.anchor is None:
            return None
        # "this quarter" in a report on a quarter just closed is that quarter, else the running one
        story = story_quarter(s, c)
        return "DATE", story or f"{s.anchor.year:04d}-Q{(s.anchor.month - 1) // 3 + 1}", None
    if det in ("corresponding", "comparable"):
        det = "same"  # "the corresponding period last year" is "the same period last year"
    if g.get("lyq"):
        unit = g["lyq"].lower()
    elif det in ("first",) or unit == "half" or (not g.get("the") and det not in ("year-ago", "year-earlier")):
        return None
    if s.anchor is None:
        return None
    month_talk = s.ref and s.ref_code == "M" and s.ref_end > s.quarter_end and c.start - s.ref_end < 300
    if unit == "period" and month_talk and s.ref and det == "same" and g.get("tail"):
        # "sales rose in February compared to the same period last year": the month a year before
        return "DATE", f"{s.ref.year - 1:04d}-{s.ref.month:02d}", None
    story = story_quarter(s, c)
    if det in ("latest", "last", "most recent", "recent", "just-ended", "past") or not story:
        y, q = latest_quarter(s.anchor)
    else:
        y, q = int(story[:4]), int(story[-1])
    if det == "current":
        y, q = s.anchor.year, (s.anchor.month - 1) // 3 + 1
    if det in ("year-ago", "year-earlier", "same") or g.get("tail"):
        if det == "same" and not g.get("tail"):
            return ("DATE", s.quarter, None) if s.quarter else None
        y -= 1
    if det in ("previous", "prior"):
        y, q = (y, q - 1) if q > 1 else (y - 1, 4)
    if not q:
        return "DATE", f"{y:04d}-QX", None
    if unit == "quarter" and det not in ("year-ago", "year-earlier", "same", "previous", "prior") and not g.get("tail"):
        note_quarter(s, f"{y:04d}-Q{q}", c)  # the quarter the story now talks about
    return "DATE", f"{y:04d}-Q{q}", None


def _norm_compound(c: Candidate, s: State) -> Result:
    raw = c.match.group("w").lower()
    w = raw.replace("-", "")
    if s.anchor is None:
        return None
    if w in ("yearend",) or (raw.startswith("year") and raw.endswith(" end")):
        # "the change since year-end" looks back to the last one, as a past verb does
        since = _SINCE_BEFORE.search(s.text[max(0, c.start - 8) : c.start])
        tense = "PAST" if since else tense_of(c, s)
        year = s.anchor.year if tense != "PAST" or s.anchor.month == 12 else s.anchor.year - 1
        if " " in raw:
            # "by year end", "by year's end" name the end of the year, not its last day
            return "DATE", f"{year:04d}", "END"
        return "DATE", f"{year:04d}-12-31", None
    if w in ("yearago", "yearearlier"):
        if s.quarter and c.start - s.quarter_end < 1500:
            return "DATE", f"{int(s.quarter[:4]) - 1:04d}{s.quarter[4:]}", None
        return "DATE", f"{s.anchor.year - 1:04d}", None
    if w in ("midyear",):
        return "DATE", f"{s.anchor.year:04d}", "MID"
    if w in ("monthend",):
        return "DATE", s.anchor.isoformat()[:7], "END"
    return None


def _norm_whole_year(c: Candidate, s: State) -> Result:
    if s.anchor is None:
        return None
    ref = ref_for(s, c, "Y", 1500)
    if ref is not None and abs(ref.year - s.anchor.year) <= 1:
        return "DATE", f"{ref.year:04d}", None
    # full-year results come out in the first weeks of the next year
    year = s.anchor.year - 1 if s.anchor.month <= 2 and tense_of(c, s) != "FUTURE" else s.anchor.year
    return "DATE", f"{year:04d}", None


# the families this module normalises, by the name recognition gives them
NORMALISERS: dict[str, Normaliser] = {
    "year_period": _norm_year_period,
    "year_ended": _norm_year_ended,
    "quarter": _norm_quarter,
    "q_code": _norm_q_code,
    "fiscal_period": _norm_fiscal_period,
    "compound": _norm_compound,
    "whole_year": _norm_whole_year,
}

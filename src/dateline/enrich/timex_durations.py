"""Normalisers of lengths of time: "two weeks", "more than a decade", "for years", "week-long",
"between 60 and 90 days", "for some time"; and of the points they measure off ("three years ago",
"a year earlier"), which are dates.
"""

from __future__ import annotations

import re
from datetime import date

from dateline.enrich.timex_recognition import IGNORE, Candidate
from dateline.enrich.timex_timeline import Normaliser, Result, State, ref_for, story_quarter
from dateline.enrich.timex_values import at_unit, fmt_amount, latest_quarter, numeral_value, shift, unit_code

_QUANTIFIER_OVER_BEFORE = re.compile(
    r"\b(?:in|for|of|than|just|last|lasts|lasted|after|within|to|by|from|at|take|took|takes)\s+$", IGNORE
)

_OF_AFTER = re.compile(r"\s*,?\s*of\b")  # "a quarter of", "about a quarter, of its dealers": a fraction

_VERB_LAST_BEFORE = re.compile(r"\b(?:to|will|would|could|may|might|can|should|must|did|does|not)\s+$", IGNORE)
_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|may|might|can|should|must|hopes?|he|she|they|we|I)\s+$", IGNORE)


def _norm_the_years(c: Candidate, s: State) -> Result:
    return "DURATION", fmt_amount(None, unit_code(c.match.group("unit"))), None


def _norm_range_first(c: Candidate, s: State) -> Result:
    g = c.match.groupdict()
    amount = numeral_value(g.get("x") or g.get("x2") or "")
    code = unit_code(g["unit"])
    if code == "DE" and amount is not None:
        code, amount = "Y", amount * 10
    return "DURATION", fmt_amount(amount, code), None


def _norm_vague_span(c: Candidate, s: State) -> Result:
    return "DURATION", "PXX", None


def _norm_duration(c: Candidate, s: State) -> Result:
    g = c.match.groupdict()
    unit_word = g["unit"].lower()
    code = unit_code(unit_word)
    num_text = g["num"]
    amount = numeral_value(num_text)
    if g.get("half") and amount is not None:
        amount += 0.5  # "a minute and a half"
    tail = " ".join((g.get("tail") or "").lower().split())
    direction = " ".join((g.get("dir") or "").lower().split())
    text = s.text
    if direction == "last" and (g.get("mod") or _VERB_LAST_BEFORE.search(text[max(0, c.start - 12) : c.start])):
        # "likely to last over a week", "will last two days": the verb, not "the last two days"
        c.start = c.match.start("mod") if g.get("mod") else c.match.start("num")
        direction = ""
    if g.get("hy") == "-old" or tail == "old" or text[c.end : c.end + 4] == "-old":
        return None  # an age ("a 6-year-old", "52 years old")
    if g.get("hy") == "-long" and num_text.lower() in ("a", "an"):
        return None  # "a day-long strike": the article is not part of "day-long"
    if unit_word.startswith("quarter-centur"):
        return "DURATION", fmt_amount(None if amount is None else 25 * amount, "Y"), None
    if code == "Q" and ("-" in text[c.start : c.end] or (amount == 1 and _OF_AFTER.match(text, c.end))):
        return None  # "three-quarters", "a quarter of" are fractions
    # "second" alone is the ordinal; "a second" is not worth a timex
    if code == "S" and num_text.lower() in ("a", "an", "one", "single"):
        return None
    if num_text.lower() in ("some", "many") and not g.get("mod"):
        # "some years" is vague; "many years" too — a duration of unknown size
        amount = None
    if num_text.lower() in ("a", "an") and unit_word.endswith("s"):
        return None
    if (
        num_text.lower() == "one"
        and unit_word == "day"
        and not (direction or tail or g.get("mod"))
        and _MODAL_BEFORE.search(text[max(0, c.start - 12) : c.start])
    ):
        return "DATE", "FUTURE_REF", None  # "Islam will one day be...": some day ahead, not a length
    if num_text.lower() in ("a", "an") and (
        "fiscal" in (g.get("adj") or "").lower() or "calendar" in (g.get("adj") or "").lower()
    ):
        return None  # "changed from a fiscal year to a calendar year": a kind of year, not a length of time
    if num_text[0].isdigit() and text[max(0, c.start - 1) : c.start] in ("$", "€", "£"):
        return None
    if g["unit"][0].isupper() and text[max(0, c.start - 1) : c.start] in ("'", '"', "`", "“", "‘"):
        return None  # a quoted title ("''60 Minutes''", "“28 Days”"), not a length of time
    adj = (g.get("adj") or "").lower()
    if "trading" in adj or "business" in adj or "working" in adj:
        code = "D"
    mod_word = " ".join((g.get("mod") or "").lower().split())
    if (
        mod_word == "over"
        and not direction
        and not _QUANTIFIER_OVER_BEFORE.search(text[max(0, c.start - 12) : c.start])
    ):
        # after a verb or noun "over" is the preposition ("evolved over several years", "spread over three
        # years"), outside the expression; after a preposition it means "more than" ("in over a decade")
        c.start = c.match.start("num")
        mod_word = ""
    mod = {
        "more than": "MORE_THAN", "over": "MORE_THAN", "less than": "LESS_THAN", "fewer than": "LESS_THAN",
        "under": "LESS_THAN", "at least": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS",
        "no more than": "EQUAL_OR_LESS", "nearly": "APPROX", "almost": "APPROX", "about": "APPROX",
        "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX", "some": "APPROX", "close to": "APPROX",
    }.get(mod_word)  # fmt: skip
    if g.get("plus"):
        mod = "MORE_THAN" if "odd" not in g["plus"] else "APPROX"
    dur_code = {"WE": "D", "MIN": "MIN"}.get(code, code)
    if code == "WE":
        amount = (amount or 1) * 2 if amount is not None else None
    if code in ("DE", "CE") and amount is not None:
        # TimeML writes "a decade" as P10Y; "a decade ago" is a year
        dur_code, amount = "Y", amount * (10 if code == "DE" else 100)
        code = "Y"
    ref = ref_for(s, c, code)
    if tail in ("ago", "back", "previously"):
        if s.anchor is None or amount is None:
            return "DATE", "PAST_REF", None
        return _point(s.anchor, -amount, code, c, s)
    if tail in ("from now", "hence"):
        if s.anchor is None or amount is None:
            return "DATE", "FUTURE_REF", None
        return _point(s.anchor, amount, code, c, s)
    if tail == "later":
        # TimeBank spans "three days later" as the length alone ("later" is a signal, unlike "ago" and
        # "earlier"): the duration P3D, not the day it points at
        c.end = c.match.start("tail")
        tail = ""
    if tail == "earlier" and amount is not None and (ref or (code == "Y" and s.quarter)):
        return _point(ref or s.anchor or date(2000, 1, 1), -amount, code, c, s)
    if tail == "earlier" and code == "Y" and amount is not None and s.anchor:
        # "wages rose 3.8% from a year earlier" with no date before it compares with now, as "a year ago" does
        return _point(s.anchor, -amount, code, c, s)
    if direction in ("last", "past", "next") and amount == 1 and num_text.lower() in ("a", "an"):
        return None
    if direction in ("the", "another") and amount is None:
        return "DURATION", fmt_amount(None, dur_code), mod
    return "DURATION", fmt_amount(amount, dur_code), mod


def _point(base: date, amount: float, code: str, c: Candidate, s: State) -> Result:
    """``amount`` units away from ``base``, at the unit's granularity (three years ago -> 2021)."""
    if code in ("H", "MIN", "S"):
        return "DURATION", fmt_amount(abs(amount), code), None
    n = int(amount)
    if n != amount:
        return "DATE", "PAST_REF" if amount < 0 else "FUTURE_REF", None
    if code == "Y" and s.quarter and c.start - s.quarter_end < 1500 and abs(n) == 1:
        # "a year ago" in an earnings report compares the same quarter of the previous year
        story = story_quarter(s, c)
        if story is None and s.anchor:
            y, q = latest_quarter(s.anchor)
            story = f"{y:04d}-Q{q}"
        if story:
            return "DATE", f"{int(story[:4]) + n:04d}{story[4:]}", None
    d = shift(base, n * 1200, "M") if code == "CE" else shift(base, n, code if code != "WE" else "W")
    if d is None:
        return None
    if code == "W" and abs(n) <= 2:
        # "a week ago", "two weeks later" name a day, the same weekday one or two weeks off
        return "DATE", d.isoformat(), None
    return "DATE", at_unit(d, code), None


def _norm_bare_units(c: Candidate, s: State) -> Result:
    code = unit_code(c.match.group("unit"))
    return "DURATION", fmt_amount(None, code), None


def _norm_adj_units(c: Candidate, s: State) -> Result:
    code = unit_code(c.match.group("unit"))
    if c.match.group("pl"):
        # "decades-long": many of the unit, how many unsaid; TimeBank writes decades as years
        return "DURATION", fmt_amount(None, "Y" if code in ("DE", "CE") else code), None
    if code in ("DE", "CE"):
        return "DURATION", f"P{10 if code == 'DE' else 100}Y", None  # as "a decade" is written
    return "DURATION", fmt_amount(1, code), None


# the families this module normalises, by the name recognition gives them
NORMALISERS: dict[str, Normaliser] = {
    "vague_span": _norm_vague_span,
    "range_first": _norm_range_first,
    "the_years": _norm_the_years,
    "duration": _norm_duration,
    "bare_units": _norm_bare_units,
    "units_of": _norm_bare_units,
    "adj_units": _norm_adj_units,
}

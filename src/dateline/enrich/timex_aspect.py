"""Context rules for the TIMEX3 tagger that read the clause around an expression, not its words.

Kept apart from :mod:`dateline.enrich.timex` because they answer questions about the sentence (is
the verb a present perfect? did the period already end?) rather than about the expression, and
because they import nothing from the tagger (the tagger imports them).

- :func:`perfect_governs`: "have expressed concerns in recent months" measures a stretch reaching
  up to now (TimeML: a DURATION, ``PXM``), while "as the yen soared in recent years" or "the boom of
  recent years" only places something in the vague past (a DATE, ``PAST_REF``). The perfect is the
  cue that separates them.
- :func:`ended_before`: "the quarter ended Oct. 31" names a day already gone by, whatever the
  nearest-date guess says.
- :func:`shares_determiner`: "the 70s and 80s" — the second decade shares the first's "the".
"""

from __future__ import annotations

import re
from datetime import date

from dateline.record import TimeType

# The clause an aspect cue may come from: the sentence, cut at a full stop, a semicolon or a blank line.
_CLAUSE_END = re.compile(r"[.!?;]\s+|\n\s*\n")
_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|'ve")
_REACH_BEFORE = 12  # words: "have provided ... by sharing information and tightening security at our embassies in"
_REACH_AFTER = 12  # words: "In recent months a group of lenders, led by Bank of America, has extended"

_AUXILIARY = {"has", "have", "'ve", "had", "hasn't", "haven't", "hadn't"}
# Participles that do not end in "-ed"; "-ed" forms are recognised by their ending.
_PARTICIPLES = {
    "been", "done", "gone", "seen", "taken", "given", "made", "shown", "grown", "known", "risen",
    "fallen", "driven", "written", "become", "come", "run", "begun", "held", "kept", "lost", "paid",
    "sold", "spent", "built", "brought", "bought", "fought", "thought", "caught", "taught", "found",
    "led", "left", "met", "put", "set", "cut", "hit", "won", "stood", "told", "said", "sent", "struck",
    "drawn", "borne", "sunk", "shrunk", "slid", "swung", "spun", "split", "shed", "spread", "dealt",
}  # fmt: skip
# Words that may stand between the auxiliary and its participle ("has also been", "have not yet seen").
_BETWEEN = {"not", "also", "already", "long", "just", "yet", "since", "all", "both", "never", "ever", "only"}


def _participle(word: str) -> bool:
    w = word.lower()
    return w in _PARTICIPLES or (len(w) > 4 and w.endswith("ed"))


def _perfect_at(words: list[str], i: int) -> bool:
    """Is ``words[i]`` a perfect auxiliary followed (past adverbs) by a participle?"""
    if words[i].lower() not in _AUXILIARY:
        return False
    for follower in words[i + 1 : i + 4]:
        if _participle(follower):
            return True
        if follower.lower() not in _BETWEEN and not follower.lower().endswith("ly"):
            return False
    return False


def perfect_governs(text: str, start: int, end: int) -> bool:
    """A perfect ("have expressed", "has been", "had risen") in the clause of ``text[start:end]``.

    Looks up to twelve words back and ten ahead without crossing a sentence end; an auxiliary right
    before the expression whose participle comes after it counts too ("has in recent years been").
    """
    before = text[max(0, start - 240) : start]
    cuts = [m.end() for m in _CLAUSE_END.finditer(before)]
    if cuts:
        before = before[cuts[-1] :]
    after = text[end : end + 200]
    stop = _CLAUSE_END.search(after)
    if stop:
        after = after[: stop.start()]
    words_before = _WORD.findall(before)[-_REACH_BEFORE:]
    words_after = _WORD.findall(after)[:_REACH_AFTER]
    for i in range(len(words_before)):
        if _perfect_at(words_before, i):
            return True
    # "it has in recent years been struggling": the expression stands inside the verb group
    if any(w.lower() in _AUXILIARY for w in words_before[-2:]) and any(_participle(w) for w in words_after[:2]):
        return True
    return any(_perfect_at(words_after, i) for i in range(len(words_after)))


# "the boom of recent years": a noun's time, a point in the past rather than a measured stretch
_OF_BEFORE = re.compile(r"\bof\s+$", re.IGNORECASE)


def vague_past(text: str, start: int, end: int, unit_code: str) -> tuple[TimeType, str]:
    """Type and value of "recent years", "past years" (no article, no number).

    TimeBank writes the stretch up to now as a DURATION of unknown length when a perfect governs it
    ("have suffered from kidnappings in recent years"), else a point in the past ("as the yen soared
    in recent years", "the boom of recent years").
    """
    if not _OF_BEFORE.search(text[max(0, start - 6) : start]) and perfect_governs(text, start, end):
        return "DURATION", f"PX{unit_code}"
    return "DATE", "PAST_REF"


_ENDED_BEFORE = re.compile(r"\bended\s+(?:on\s+)?$", re.IGNORECASE)


def ended_before(text: str, start: int) -> bool:
    """Does "ended" stand right before ``start`` ("the quarter ended Oct. 31")?"""
    return bool(_ENDED_BEFORE.search(text[max(0, start - 12) : start]))


def not_after(d: date, anchor: date) -> date:
    """``d``, or the same day a year earlier when ``d`` lies after ``anchor`` (a period that ended)."""
    if d <= anchor:
        return d
    try:
        return d.replace(year=d.year - 1)
    except ValueError:  # 29 February
        return d.replace(year=d.year - 1, day=28)


_MONTH_ABBR = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?"
    r"|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_MONTH_NUMBER = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
    "nov": 11, "dec": 12,
}  # fmt: skip
_PERIOD_END_AFTER = re.compile(
    rf"\s+(?P<verb>ended|ending)\s+(?:on\s+)?(?P<mon>{_MONTH_ABBR})\s+(?P<day>[12][0-9]|3[01]|0?[1-9])\b"
    r"(?:\s*,\s*(?P<year>1[0-9]{3}|20[0-9]{2}))?"
)


def period_end_year(text: str, end: int, anchor: date | None) -> int | None:
    """The year of the end date that follows a period ("the second quarter ended Oct. 31").

    A written year wins; "ended" puts the day on or before the anchor; "ending" takes the nearest
    such day. None when no end date follows or nothing can place it.
    """
    found = _PERIOD_END_AFTER.match(text, end)
    if not found:
        return None
    if found["year"]:
        return int(found["year"])
    if anchor is None:
        return None
    month = _MONTH_NUMBER[found["mon"][:3].lower()]
    day = int(found["day"])
    try:
        this_year = date(anchor.year, month, day)
    except ValueError:
        return None
    if found["verb"].lower() == "ended":
        return not_after(this_year, anchor).year
    # "ending": the nearest such day, ahead or behind
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append((abs((date(year, month, day) - anchor).days), year))
        except ValueError:
            continue
    return min(candidates)[1] if candidates else None


_DECADE_PAIR_BEFORE = re.compile(
    r"\bthe\s+(?:(?:early|late|mid)[\s-]+)?(?:1[0-9]|20)?'?\d0s\s+(?:and|or|to|through)\s+(?:(?:early|late|mid)[\s-]+)?$",
    re.IGNORECASE,
)


def shares_determiner(text: str, start: int) -> bool:
    """Is the decade at ``start`` the second of a pair under one "the" ("the 70s and 80s")?"""
    return bool(_DECADE_PAIR_BEFORE.search(text[max(0, start - 40) : start]))

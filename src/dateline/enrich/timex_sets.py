"""Normalisers of recurring times (TimeML's SET): "daily", "every Tuesday", "twice a year",
"$33 million a year", "on Mondays".
"""

from __future__ import annotations

import re

from dateline.enrich.timex_lexicon import MONTHS, PARTS_OF_DAY, SEASONS, WEEKDAYS
from dateline.enrich.timex_recognition import IGNORE, Candidate
from dateline.enrich.timex_timeline import Normaliser, Result, State
from dateline.enrich.timex_values import fmt_amount, numeral_value, unit_code

_RATE_BEFORE = re.compile(r"(?:\d|\bcents?|dollars?|hours?|times|miles)\s*$")

# "$33 million a year", "50,000 CDs a year", "hundreds of interviews a day": a quantity, at most two words
# of what it counts, then "a <unit>" is a rate (a SET), not a length of time
_QUANTITY_RATE_BEFORE = re.compile(
    r"(?:\d|\b(?:million|billion|trillion|thousand|hundreds?|thousands|millions|dozens?))(?:\s+of)?"
    r"(?:\s+(?!(?:in|within|for|over|after|before|of|than|about|at|by|on|to|from|the|a|an|its|their)\b)[A-Za-z]+){0,2}\s+$",
    IGNORE,
)

_PAPER_NAME_AFTER = re.compile(r"\s+(?:[A-Z][a-z]|[A-Z]{2,}\b)")
_SET_UNIT = {"D": "P1D", "W": "P1W", "M": "P1M", "Y": "P1Y", "H": "PT1H", "MIN": "PT1M", "Q": "P1Q", "WE": "P1W"}


def _norm_weekday_set(c: Candidate, s: State) -> Result:
    g = c.match.groupdict()
    pod = (g.get("pod") or g.get("pod2") or "").lower()
    value = f"XXXX-WXX-{WEEKDAYS[g['wd'].lower()]}"
    return "SET", value + (f"T{PARTS_OF_DAY[pod]}" if pod else ""), None


def _norm_set(c: Candidate, s: State) -> Result:
    g = c.match.groupdict()
    if g.get("adv"):
        if _PAPER_NAME_AFTER.match(s.text, c.end):
            return None  # "the Communist Party daily Granma": the noun, a newspaper
        adv = g["adv"].lower().replace("-", "")
        value = {
            "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "monthly": "P1M", "bimonthly": "P2M",
            "annually": "P1Y", "yearly": "P1Y", "quarterly": "P3M", "hourly": "PT1H", "semiannually": "P6M",
        }[adv]  # fmt: skip
        return "SET", value, None
    q = g["q"].lower()
    unit = g["unit"]
    low = unit.lower()
    before = s.text[max(0, c.start - 40) : c.start]
    if q == "a" and not (g.get("freq") or _RATE_BEFORE.search(before[-12:]) or _QUANTITY_RATE_BEFORE.search(before)):
        return None
    if q == "per" and low.endswith("s"):
        return None
    if low in MONTHS and unit[0].isupper():
        return "SET", f"XXXX-{MONTHS[low]:02d}", None
    if low.endswith("day") and low[:-3] in ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun"):
        return "SET", f"XXXX-WXX-{WEEKDAYS[low]}", None
    if low in SEASONS:
        return "SET", f"XXXX-{SEASONS[low]}", None
    if low in PARTS_OF_DAY:
        return "SET", f"XXXX-XX-XXT{PARTS_OF_DAY[low]}", None
    code = unit_code(low)
    if g.get("n"):
        n = numeral_value(g["n"].strip())
        return "SET", fmt_amount(n, code), None
    if g.get("other"):
        return "SET", fmt_amount(2, code), None
    return "SET", _SET_UNIT.get(code, "P1D"), None


# the families this module normalises, by the name recognition gives them
NORMALISERS: dict[str, Normaliser] = {
    "weekday_set": _norm_weekday_set,
    "set": _norm_set,
}

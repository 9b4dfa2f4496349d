"""Normalisers of clock times: "10:30 a.m. Moscow time", "16:15 GMT", "noon Tuesday", "4 in the
afternoon"; the day comes from a weekday after the clock, else the time line, else the anchor.
"""

from __future__ import annotations

import re
from datetime import timedelta

from dateline.enrich.timex_lexicon import WEEKDAYS
from dateline.enrich.timex_recognition import IGNORE, Candidate
from dateline.enrich.timex_timeline import Normaliser, Result, State, ref_for, tense_of
from dateline.enrich.timex_values import clock_hm, clock_text, weekday_date, zone_offset

_UTC = re.compile(r"UTC|GMT")

_CLOCK_PREP_BEFORE = re.compile(r"\b(?:at|by|until|till|before|after|from|around|about|since|to)\s+$", IGNORE)


def _norm_clock(c: Candidate, s: State) -> Result:
    g = c.match.groupdict()
    if g.get("clock2") or g.get("hbare"):
        # "4 in the morning": the part of the day says which half of the clock
        if g.get("hbare") and not _CLOCK_PREP_BEFORE.search(s.text[max(0, c.start - 10) : c.start]):
            return None  # a bare number is a clock time only after "at", "by", "until" ("rose 4 in the afternoon")
        hm = clock_hm(c.match, "c") if g.get("clock2") else (int(g["hbare"]) % 12, int(g.get("mbare") or 0))
        if hm is None:
            return None
        pod = (g.get("pod") or "").lower()
        hour = hm[0] + 12 if pod in ("afternoon", "evening") and hm[0] < 12 else hm[0]
        hm = (hour, hm[1])
        zone = ""
        day = s.anchor
    else:
        hm = clock_hm(c.match)
        if hm is None:
            return None
        zone = zone_offset(g.get("zone") or g.get("pzone"), s.anchor)
        if not zone and _UTC.search(g["clock"]):
            zone = "Z"
        day = s.anchor
        wd = (g.get("wd") or "").lower().removesuffix("'s")
        if wd and s.anchor:
            if wd in ("today", "tonight", "yesterday", "tomorrow"):
                day = s.anchor + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(wd, 0))
            else:
                day = weekday_date(WEEKDAYS[wd], s.anchor, tense_of(c, s), None)
        elif ref_for(s, c, "D", 40):
            day = ref_for(s, c, "D", 40)
    if day is None:
        return "TIME", f"XXXX-XX-XXT{clock_text(*hm)}{zone}", None
    return "TIME", f"{day.isoformat()}T{clock_text(*hm)}{zone}", None


# the families this module normalises, by the name recognition gives them
NORMALISERS: dict[str, Normaliser] = {
    "clock": _norm_clock,
}

"""Normalisers of expressions relative to the publication date or to the story's time line:
"last week", "the following year", "that day", "yesterday morning", "Tuesday", "now", "recently",
"mid-afternoon", "the second day of the strike", "the weeks before the vote".
"""

from __future__ import annotations

import re
from datetime import timedelta

from dateline.enrich import timex_aspect
from dateline.enrich.timex_lexicon import PARTS_OF_DAY, REL_UNIT, WEEKDAYS
from dateline.enrich.timex_recognition import IGNORE, Candidate
from dateline.enrich.timex_timeline import Normaliser, Result, State, note_day, ref_for, story_quarter, tense_of
from dateline.enrich.timex_values import at_unit, fmt_amount, iso_week, premod, shift, unit_code, weekday_date

_DAY_PREP_BEFORE = re.compile(
    r"\b(?:for|on|during|in|of|end(?:ed|ing|s)?|finish(?:ed|ing|es)?|clos(?:e|ed|ing)|through)\s+$"
)
_YEAR_PREP_BEFORE = re.compile(r"\b(?:for|during|of|earlier\s+in|later\s+in)\s+$")
_NAME_AFTER_WEEKDAY = re.compile(
    r" (?!(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*|At|In|On|And|But)\b)[A-Z][a-z]"
)
_NOUN_AFTER = re.compile(r"\s+[a-z]")
_PAST_PREP_BEFORE = re.compile(r"\b(?:in|of|from|with|to)\s+$")

# "compared with a loss of $3 million last year": a comparison of amounts, within the sentence
_COMPARED_BEFORE = re.compile(r"\bcompared\s+(?:with|to)\b[^.;!?]*$", IGNORE)

# "today's youth", "tomorrow's world": the present or future age, not a day
_GENERIC_AFTER_DAY = re.compile(
    r"['’]s\s+(?:world|youth|society|generation|children|kids|young|families|standards|technology|personal|modern"
    r"|global|economy|people|culture|consumers?)\b",
    IGNORE,
)

_DET_BEFORE = re.compile(r"\b(?:[Aa]|[Tt]he)\s+$")

_IN_BEFORE = re.compile(r"\b(?:in|during)\s+$")
_STRETCH_UNITS = re.compile(r"\b(days|weeks|months|quarters|years|decades)\b")

_TIME_PREP_BEFORE = re.compile(r"\b(?:by|at|during|since|until|till|before|after|from|for|in|to)\s+$", IGNORE)


def _norm_rel(c: Candidate, s: State) -> Result:
    g = c.match.groupdict()
    det = " ".join((g.get("det") or "").lower().split())
    unit = g["unit"].lower()
    code = REL_UNIT[unit]
    pre = g.get("pre")
    mod = premod(pre) or ("APPROX" if g.get("orso") else None)
    tail = " ".join((g.get("tail") or "").lower().split())
    plural = bool(g.get("pl"))
    if g["unit"][0].isupper() and not c.match.group(0).isupper():
        return None  # a capitalised "This Week" inside a sentence is a title (a TV programme), not a week
    if g.get("the") and not det and not (tail and not plural):
        # "the week", "the day": only with a preposition that makes it a point in time
        before = s.text[max(0, c.start - 16) : c.start].lower()
        # "late in the day" carries its own preposition: the day of the story's time line, as "in the day"
        in_form = pre is not None and pre.lower().endswith("in")
        if unit in ("morning", "afternoon", "evening") and not (plural or pre) and _IN_BEFORE.search(before):
            # "orders placed in the morning": that part of the story's day
            base = ref_for(s, c, "D", 400) or s.anchor
            return ("TIME", f"{base.isoformat()}T{PARTS_OF_DAY[unit]}", None) if base else None
        if plural or unit in ("decade", "century", "night", "morning", "afternoon", "evening") or (pre and not in_form):
            if pre and unit in ("year", "month", "week", "day", "decade") and s.anchor:
                return "DATE", at_unit(s.anchor, code), mod
            return None
        if unit in ("day", "week") and not (in_form or _DAY_PREP_BEFORE.search(before)):
            return None
        if unit in ("year", "month") and not (in_form or _YEAR_PREP_BEFORE.search(before)):
            return None
        base = ref_for(s, c, code, 400) or s.anchor
        if base is None:
            return None
        if code == "WE" and base is s.anchor and base.isoweekday() <= 4 and tense_of(c, s) != "FUTURE":
            base = base - timedelta(days=7)  # "over the weekend", written early in the week: the one just past
        return "DATE", at_unit(base, code), mod
    if plural:
        if det in ("recent", "past") and code in ("D", "W", "M", "Q", "Y", "DE") and not pre:
            # "in past years", "in recent weeks": a stretch only under a perfect, else a past time
            kind, value = timex_aspect.vague_past(s.text, c.start, c.end, code)
            return kind, value, mod
        if det in ("the past", "the last", "past", "last", "the previous", "recent", "the recent"):
            return "DURATION", fmt_amount(None, code if code != "WE" else "W"), mod
        if "coming" in det or "next" in det or "upcoming" in det or tail in ("ahead", "to come"):
            # "in the coming weeks" is a stretch of unknown length ahead, as TimeBank mostly writes it
            return "DURATION", fmt_amount(None, code if code != "WE" else "W"), mod
        return None
    if unit in ("morning", "afternoon", "evening", "night"):
        if s.anchor is None:
            return None
        pod = PARTS_OF_DAY[unit]
        if det in ("this",):
            return "TIME", f"{s.anchor.isoformat()}T{pod}", mod
        if det in ("last",) and unit in ("night", "evening"):
            return "TIME", f"{(s.anchor - timedelta(days=1)).isoformat()}T{pod}", mod
        ref = ref_for(s, c, "D")
        if det in ("the next", "the following") and ref:
            return "TIME", f"{(ref + timedelta(days=1)).isoformat()}T{pod}", mod
        return None
    # anchored to the story's time line: the following year, the next day, the same day
    anchored_det = det in ("the following", "the next", "the previous", "the prior", "the same")
    if anchored_det or tail in ("earlier", "later", "before", "after", "previous"):
        base = ref_for(s, c, code)
        n = {"the following": 1, "the next": 1, "the previous": -1, "the prior": -1, "the same": 0}.get(det, 0)
        if not det:
            # "the day before", "the year previous", "the week after": one unit off the story's date
            n = -1 if tail in ("earlier", "before", "previous") else 1
        if base is None:
            if det == "the next" and code != "D":
                return ("DURATION", fmt_amount(1, code if code != "WE" else "W"), mod) if s.anchor else None
            if (det in ("the following", "the next") and s.anchor and code == "D") or (det == "the same" and s.anchor):
                base = s.anchor
            else:
                return None
        d = shift(base, n, code if code != "WE" else "W")
        return ("DATE", at_unit(d, code), mod) if d else None
    if s.anchor is None:
        return None
    if det in ("this", "the current", "current", "the present", "the new"):
        if code == "D":
            return "DATE", s.anchor.isoformat(), mod
        if code == "WE":
            return "DATE", iso_week(s.anchor) + "-WE", mod
        return "DATE", at_unit(s.anchor, code), mod
    if det in ("the past", "the last", "the latest", "the most recent", "the recent") and code not in ("WE",):
        # "the past year", "the last decade": annotated as the previous calendar unit
        shifted = shift(s.anchor, -1, code) if code != "CE" else shift(s.anchor, -1200, "M")
        return ("DATE", at_unit(shifted, code), mod) if shifted else None
    if code == "Y" and det == "last" and _COMPARED_BEFORE.search(s.text, max(0, c.start - 80), c.start):
        # "compared with $33 million last year" in an earnings report: the story's quarter a year before
        story = story_quarter(s, c)
        if story:
            return "DATE", f"{int(story[:4]) - 1:04d}{story[4:]}", mod
    n = 0
    if det in ("last", "past", "previous", "prior", "this past", "the past", "the last", "the previous"):
        n = -1
    elif det in ("next", "coming", "the coming", "this coming", "upcoming", "the upcoming", "the next"):
        n = 1
    if code == "WE":
        if n < 0:
            base_d = s.anchor - timedelta(days=s.anchor.isoweekday() % 7 + 1)  # the Saturday before
        elif n > 0:
            base_d = s.anchor + timedelta(days=(6 - s.anchor.isoweekday()) % 7 or 7)
        else:
            base_d = s.anchor
        return "DATE", iso_week(base_d) + "-WE", mod
    if code == "D":
        d = s.anchor + timedelta(days=n)
        return "DATE", d.isoformat(), mod
    d = shift(s.anchor, n, code)
    if d is None:
        return None
    if n and code in ("Y", "M") and not pre:
        # "last year" puts the story there: "the year previous" and "that year" count from it
        note_day(s, d, c, code)
    return "DATE", at_unit(d, code), mod


def _norm_anaphor(c: Candidate, s: State) -> Result:
    g = c.match.groupdict()
    unit = g["unit"].lower()
    mod = premod(g.get("pre"))
    if unit == "quarter":
        quarter = s.named_quarter or s.quarter
        return ("DATE", quarter, mod) if quarter and c.start - s.quarter_end < 1500 else None
    if unit == "time":
        # "by that time", "during that time": the point the story last put on its time line
        if not _TIME_PREP_BEFORE.search(s.text[max(0, c.start - 10) : c.start]):
            return None  # "that time is short" is no point in time
        base = ref_for(s, c, "Y", 600)
        return ("DATE", at_unit(base, s.ref_code), mod) if base else ("DATE", "PAST_REF", mod)
    code = REL_UNIT[unit]
    # "that day" points back at a date the story gave; with none to point at it is no time of ours
    base = ref_for(s, c, code, 1500)
    if base is None:
        return None
    if unit in PARTS_OF_DAY:
        return "TIME", f"{base.isoformat()}T{PARTS_OF_DAY[unit]}", mod
    return "DATE", at_unit(base, code), mod


def _norm_units_before(c: Candidate, s: State) -> Result:
    code = unit_code(c.match.group("unit"))
    base = ref_for(s, c, "M", 1500)
    if base is not None and code in ("D", "W"):
        # days or weeks before an event the story dated: the month they fall in
        return "DATE", at_unit(base, "M"), None
    return "DURATION", fmt_amount(None, code), None


def _norm_ordinal_unit(c: Candidate, s: State) -> Result:
    # "the second day of the offensive" is a day of the story: told in the present, the day it is written
    unit = c.match.group("unit").lower()
    if c.match.group("unit")[0].isupper() or s.anchor is None:
        return None
    det = _DET_BEFORE.search(s.text, max(0, c.start - 5), c.start)
    if det:
        c.start = det.start()  # "the second day", "a third straight week": the article is part of it
    base = ref_for(s, c, "D", 400) if tense_of(c, s) == "PAST" else None
    base = base or s.anchor
    return "DATE", at_unit(base, {"day": "D", "week": "W", "month": "M"}[unit]), None


def _norm_part_of_day(c: Candidate, s: State) -> Result:
    g = c.match.groupdict()
    pod = PARTS_OF_DAY[(g["pod"] or g["pod2"]).lower()]
    mod = premod(g.get("pre"))
    word = (g.get("w") or "").lower()
    if s.anchor is None:
        return "TIME", f"XXXX-XX-XXT{pod}", mod
    if word in ("yesterday", "today", "tomorrow"):
        d = s.anchor + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(word, 0))
    elif word:
        d = weekday_date(WEEKDAYS[word], s.anchor, tense_of(c, s), None)
    else:
        d = ref_for(s, c, "D", 600) or s.anchor
    return "TIME", f"{d.isoformat()}T{pod}", mod


def _norm_weekday(c: Candidate, s: State) -> Result:
    g = c.match.groupdict()
    name = g["wd"].lower().removesuffix("'s")
    weekday = WEEKDAYS[name]
    after = s.text[c.end : c.end + 20]
    det = " ".join((g.get("det") or "").lower().split())
    # "Tuesday Weld", "Sunday Times": a capitalised word right after is part of a name
    if _NAME_AFTER_WEEKDAY.match(after):
        return None
    mod = None
    if det in ("early", "late", "earlier", "later"):
        mod = {"early": "START", "late": "END"}.get(det)
        det = ""
    pod = (g.get("pod") or "").lower()
    if s.anchor is None:
        value = f"XXXX-WXX-{weekday}"
    elif det in ("the following", "the next", "the previous"):
        base = ref_for(s, c, "D") or s.anchor
        if det == "the previous":
            d = base - timedelta(days=(base.isoweekday() - weekday) % 7 or 7)
        else:
            d = base + timedelta(days=(weekday - base.isoweekday()) % 7 or 7)
        value = d.isoformat()
    else:
        # "Wednesday's ruling" names an event that has happened: no verb decides
        tense = None if s.text.startswith(("'s", "’s"), c.end) else tense_of(c, s)
        d = weekday_date(weekday, s.anchor, tense, det)
        value = d.isoformat()
        note_day(s, d, c)
    if pod:
        return "TIME", f"{value}T{PARTS_OF_DAY[pod]}", mod
    return "DATE", value, mod


def _norm_deictic(c: Candidate, s: State) -> Result:
    g = c.match.groupdict()
    word = (g.get("w") or g.get("this") or "").lower()
    if word in ("today", "tomorrow") and not g.get("pod") and _GENERIC_AFTER_DAY.match(s.text, c.end):
        return None
    if s.anchor is None:
        return ("DATE", "PRESENT_REF", None) if word == "today" else None
    d = s.anchor + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(word, 0))
    before = (g.get("before") or "").lower()
    if before:
        d += timedelta(days=-1 if "before" in before else 1)
    pod = (g.get("pod") or g.get("pod2") or "").lower()
    if word == "last" and pod:
        d = s.anchor - timedelta(days=1) if pod in ("night", "evening") else s.anchor
    if word in ("yesterday", "tomorrow"):
        note_day(s, d, c)
    if word == "tonight":
        return "TIME", f"{d.isoformat()}TNI", None
    mod = premod(g.get("pre")) if g.get("pre") and g["pre"].lower() in ("early", "late") else None
    if pod:
        return "TIME", f"{d.isoformat()}T{PARTS_OF_DAY[pod]}", mod
    return "DATE", d.isoformat(), mod


def _norm_ref(c: Candidate, s: State) -> Result:
    g = c.match.groupdict()
    word = " ".join(c.match.group(0).lower().split())
    if g.get("present"):
        after = s.text[c.end : c.end + 2]
        if word == "now" and after.startswith("-"):
            return None  # "now-defunct"
        if word in ("now", "currently") and after.startswith(",") and c.match.group(0)[0].isupper():
            # a sentence that opens "Now, ..." or "Currently, ..." turns to a new point (TimeBank leaves
            # these out), while "now" inside the clause dates it
            return None
        # "current" marks a time only before a noun of state ("current chairman", "current levels")
        if word == "current" and not _NOUN_AFTER.match(s.text[c.end : c.end + 3]):
            return None
        return "DATE", "PRESENT_REF", None
    if g.get("past"):
        if word in ("once", "earlier"):
            return None
        if word == "the past":
            before = s.text[max(0, c.start - 12) : c.start].lower()
            if not _PAST_PREP_BEFORE.search(before):
                return None
        stretch = _STRETCH_UNITS.search(word)
        if stretch and word.startswith("recent"):
            # "have risen in recent months" is a stretch up to now; "soared in recent years" a past time
            kind, value = timex_aspect.vague_past(s.text, c.start, c.end, unit_code(stretch.group(1)))
            return kind, value, None
        return "DATE", "PAST_REF", None
    if word in ("later", "eventually", "shortly"):
        return None
    if word == "future" and not _NOUN_AFTER.match(s.text[c.end : c.end + 3]):
        return None
    stretch = _STRETCH_UNITS.search(word)
    if stretch:
        return "DURATION", fmt_amount(None, unit_code(stretch.group(1))), None
    return "DATE", "FUTURE_REF", None


# the families this module normalises, by the name recognition gives them
NORMALISERS: dict[str, Normaliser] = {
    "rel": _norm_rel,
    "anaphor": _norm_anaphor,
    "part_of_day": _norm_part_of_day,
    "units_before": _norm_units_before,
    "weekday": _norm_weekday,
    "deictic": _norm_deictic,
    "ref": _norm_ref,
    "ordinal_unit": _norm_ordinal_unit,
}

"""Normalisers of dates named outright: full dates, months, years, decades, centuries, seasons,
holidays, and the week of a month.

They also decide when a match is no date at all ("May" the verb, "Russell 2000", "in his 30s"), and
put every date they name on the story's time line (:mod:`dateline.enrich.timex_timeline`).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dateline.enrich import timex_aspect
from dateline.enrich.timex_lexicon import BLACK_DAYS, DAY_ORDINALS, DECADE_WORDS, MONTHS, ORDINALS, SEASONS, SMALL
from dateline.enrich.timex_recognition import IGNORE, WEEKDAY_PATTERN, Candidate
from dateline.enrich.timex_timeline import Normaliser, Result, State, note_day, tense_of
from dateline.enrich.timex_values import (
    clock_hm,
    clock_text,
    holiday_date,
    iso_week,
    month_year,
    nearest_year,
    premod,
    zone_offset,
)

_VERB_AFTER_MONTH = re.compile(r"\s+(?:be|have|not|also|well|[A-Z])")
_COUNTED_AFTER_YEAR = re.compile(r"\s*(?:[a-z]+s\b(?<!was)(?<!has)(?<!is)|[-–]\s*\d|:\d|\s*(?:to|and)\s+\d{1,3}\b)")
_YEARISH_NOUN_AFTER_YEAR = re.compile(
    r"\s*(?:levels?|figures?|results?|sales|earnings|profits?|elections?|season|games|budgets?|accords?"
    r"|agreements?|talks|rates?|estimates?|prices|forecasts?)\b"
)
_CODE_BEFORE_YEAR = re.compile(
    r"(?:No\.|number|Nos\.|Flight|Route|Highway|Windows|Model|Boeing|Airbus|room|Room|Article|Resolution)\s*$"
)
_YEAR_CONTEXT_BEFORE = re.compile(r"year|in|of|since|until|by", IGNORE)
_NOT_A_YEAR_AFTER = re.compile(r"\s+(?:dollars|people|percent|troops|years|of|million|thousand|hundred)")
_DECADE_BEFORE = re.compile(r"\bthe\s+$|'")
_SEASON_BEFORE = re.compile(
    r"\b(?:in|this|last|next|during|by|until|through|since|over|the|its|their|his|her|our)\s+$", IGNORE
)
_CLAUSE_START_BEFORE = re.compile(r"(?:\b(?:but|and|while|when|until|as)|^|[.;:!?]\s*[\"“`']*)\s*$")
_SEASON_VERB_AFTER = re.compile(
    r"\s+(?:is|was|will|would|could|may|might|has|had|shows?|showed|brings?|brought|arrives?|arrived|comes?|came"
    r"|begins?|began|starts?|started|ends?|ended)\b"
)

_NON_DIGIT = re.compile(r"\D")

# "Russell 2000 Index", "Windows 2000 Server": between capitalised words a number is part of a name
CAPITAL_BEFORE = re.compile(r"\b(?!(?:In|By|Since|Of|From|Until|Before|After|During|And|The)\b)[A-Z][a-z]+\s+$")
_CAPITAL_AFTER = re.compile(
    r"\s+(?!(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)[A-Z][a-z]"
)

# a capitalised word that is not itself a month or weekday (headline "since November March 13")
_CAPITALISED = re.compile(
    r"\s+(?!(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b)"
    r"(?:[A-Z][a-z]+|[A-Z]\.)"
)
_NAME_BEFORE = re.compile(r"(?:[A-Z][a-z]+|Mrs?\.|Ms\.|Prime Minister|Theresa|Brian|Rep\.|Sen\.)\s+$")
_DATE_PREP = re.compile(
    r"(?:\b(?:in|on|since|until|till|by|from|through|to|between|before|after|during|of|last|next|this|early|late|mid"
    r"|end|beginning|and|or|until|throughout|as\s+of|starting|effective|each|every|around|about)[\s-]+)$",
    IGNORE,
)

_WEEKDAY_BEFORE = re.compile(rf"(?:\b(?:this\s+coming|this|next|last)\s+)?\b{WEEKDAY_PATTERN}\s*,?\s+$", IGNORE)

_AGE_BEFORE = re.compile(r"\b(?:his|her|their|its|my|your|our)\s+$", IGNORE)


def _norm_iso(c: Candidate, s: State) -> Result:
    g = c.match.groupdict()
    d = date(int(g["y"]), int(g["mo"]), int(g["d"]))
    note_day(s, d, c)
    if g.get("h"):
        return "TIME", f"{d.isoformat()}T{g['h']}:{g['mi']}", None
    return "DATE", d.isoformat(), None


def _norm_slash(c: Candidate, s: State) -> Result:
    g = c.match.groupdict()
    year = int(g["y"])
    if year < 100:
        year += 1900 if year > 30 else 2000
    d = date(year, int(g["mo"]), int(g["d"]))
    note_day(s, d, c)
    return "DATE", d.isoformat(), None


def _norm_mdy(c: Candidate, s: State) -> Result:
    g = c.match.groupdict()
    mon = (g.get("mon") or g.get("mon2") or "").rstrip(".").lower()
    day = int(_NON_DIGIT.sub("", g.get("day") or g.get("day2") or "0"))
    month = MONTHS[mon]
    if g.get("year"):
        year = int(g["year"])
    elif s.anchor:
        year = nearest_year(month, day, s.anchor, tense_of(c, s))
        if timex_aspect.ended_before(s.text, c.start):
            # "the quarter ended Oct. 31": the day is gone by, even a few days after the anchor
            year = timex_aspect.not_after(date(year, month, day), s.anchor).year
    else:
        year = 0
    value = f"{year:04d}-{month:02d}-{day:02d}" if year else f"XXXX-{month:02d}-{day:02d}"
    if year:
        d = date(year, month, day)
        note_day(s, d, c)
    clock_prefix = "a" if g.get("clock1") else "b" if g.get("clock2") else None
    if clock_prefix:
        hm = clock_hm(c.match, clock_prefix)
        if hm:
            # the zone stands after the clock it qualifies: "16:15 UTC, June 1" as much as "June 1 at 16:15 UTC"
            zone = g.get("zone1") if clock_prefix == "a" else g.get("zone2")
            return "TIME", f"{value}T{clock_text(*hm)}{zone_offset(zone, s.anchor)}", None
    return "DATE", value, None


def _norm_spelled_day(c: Candidate, s: State) -> Result:
    g = c.match.groupdict()
    weekday = _WEEKDAY_BEFORE.search(s.text, max(0, c.start - 30), c.start)
    if weekday:
        c.start = weekday.start()  # "this coming Sunday, March eighth" is one expression
    mon = (g.get("mon") or g.get("mon2") or "").rstrip(".").lower()
    day = DAY_ORDINALS[" ".join((g.get("ord") or g.get("ord2") or "").lower().split()).replace("twenty ", "twenty-")]
    month = MONTHS[mon]
    if g.get("year"):
        year = int(g["year"])
    elif s.anchor:
        year = nearest_year(month, day, s.anchor, tense_of(c, s))
    else:
        return "DATE", f"XXXX-{month:02d}-{day:02d}", None
    d = date(year, month, day)  # ValueError ("February thirtieth") rejects the candidate
    note_day(s, d, c)
    return "DATE", d.isoformat(), None


def _name_like(c: Candidate, s: State) -> bool:
    """'May' the name or verb, 'March' the noun: only a date when the words around say so."""
    text = s.text
    word = c.match.group("mon")
    after = text[c.end : c.end + 30]
    before = text[max(0, c.start - 30) : c.start]
    if not word[0].isupper():
        return True
    if c.match.groupdict().get("det") or c.match.groupdict().get("pre"):
        return False
    if word.lower() in ("may", "march", "mar", "jan", "jun", "sep", "dec", "sat", "sun", "wed"):
        if c.match.groupdict().get("year") or c.match.groupdict().get("pre") or c.match.groupdict().get("det"):
            return False
        return not _DATE_PREP.search(before) or bool(_VERB_AFTER_MONTH.match(after))
    if _NAME_BEFORE.search(before) and not _DATE_PREP.search(before):
        return True
    # "April Smith", "August Wilson": a capitalised word after a bare month is a surname
    return bool(_CAPITALISED.match(after)) and not c.match.groupdict().get("year")


def _spelled(words: str | None) -> int | None:
    """1994 from "nineteen ninety-four"; None when the words are no year."""
    if not words:
        return None
    parts = words.lower().replace("-", " ").split()
    if len(parts) < 2 or parts[0] != "nineteen" or parts[1] not in SMALL:
        return None
    tail = sum(int(SMALL.get(p, 0)) for p in parts[1:3])
    return 1900 + tail if 10 <= tail < 100 else None


def _norm_month(c: Candidate, s: State) -> Result:
    g = c.match.groupdict()
    if _name_like(c, s):
        return None
    mon = g["mon"].rstrip(".").lower()
    if len(mon) <= 4 and mon not in ("may", "june", "july") and not g.get("year") and not g["mon"].endswith("."):
        return None  # bare "Jan" or "Sep" without a dot or a year is rarely a month in prose
    month = MONTHS[mon]
    mod = premod(g.get("pre"))
    # "October of next year": two expressions, the month valued by the year after it
    ydet = (g.get("ydet") or g.get("ydet2") or "").lower()
    spelled = _spelled(g.get("syear"))
    if spelled:
        year = spelled
    elif g.get("year"):
        year = int(g["year"])
    elif ydet and s.anchor:
        year = s.anchor.year + {"last": -1, "next": 1}.get(ydet, 0)
    elif s.anchor:
        year = month_year(month, s.anchor, tense_of(c, s), g.get("det"))
    else:
        return "DATE", f"XXXX-{month:02d}", mod
    note_day(s, date(year, month, 1), c, "M")
    return "DATE", f"{year:04d}-{month:02d}", mod


def _norm_year(c: Candidate, s: State) -> Result:
    g = c.match.groupdict()
    year = int(g["year"])
    text = s.text
    if g.get("s"):
        return "DATE", _decade(f"{year // 10:03d}", c, s), premod(g.get("pre"))
    before = text[max(0, c.start - 20) : c.start]
    after = text[c.end : c.end + 20]
    if not g.get("fy") and not g.get("pre"):
        # a bare number: a year only when it looks like one in running text
        if year < 1800 and not _DATE_PREP.search(before):
            return None
        if _COUNTED_AFTER_YEAR.match(after) and not _YEARISH_NOUN_AFTER_YEAR.match(after):
            return None
        if _CODE_BEFORE_YEAR.search(before) or (CAPITAL_BEFORE.search(before) and _CAPITAL_AFTER.match(after)):
            return None
    mod = premod(g.get("pre"))
    note_day(s, date(year, 1, 1), c, "Y")
    return "DATE", f"{year:04d}", mod


def _norm_year_open(c: Candidate, s: State) -> Result:
    year = int(c.match.group("year"))
    if year < 1800:
        return None  # "1200 or more" is a count
    side = c.match.group("side").lower()
    note_day(s, date(year, 1, 1), c, "Y")
    return (
        "DATE",
        f"{year:04d}",
        "ON_OR_AFTER" if ("later" in side or "beyond" in side or "after" in side) else "ON_OR_BEFORE",
    )


def _norm_short_year(c: Candidate, s: State) -> Result:
    yy = int(c.match.group("yy"))
    # the century that puts the year at or before the anchor
    base = s.anchor.year if s.anchor else 2000
    year = (base // 100) * 100 + yy
    if year > base:
        year -= 100
    return "DATE", f"{year:04d}", None


def _norm_spelled_year(c: Candidate, s: State) -> Result:
    g = c.match.groupdict()
    if g.get("k"):
        year = 2000 + int(SMALL.get((g.get("kones") or "").lower(), 0))
        if not g.get("kones") and not _YEAR_CONTEXT_BEFORE.search(s.text[max(0, c.start - 12) : c.start]):
            return None  # "two thousand troops"
    else:
        year = (19 if g["c"].lower() == "nineteen" else 20) * 100 + int(SMALL[g["tens"].lower()])
        year += int(SMALL.get((g.get("ones") or "").lower(), 0))
        after = s.text[c.end : c.end + 12].lower()
        if _NOT_A_YEAR_AFTER.match(after):
            return None
    if g.get("season"):
        return "DATE", f"{year:04d}-{SEASONS[g['season'].lower()]}", None
    note_day(s, date(year, 1, 1), c, "Y")
    return "DATE", f"{year:04d}", None


def _decade(digits: str, c: Candidate, s: State) -> str:
    """A decade as TimeBank writes it: "198X" for a bare "1980s", "198" for "the (early) 1980s"."""
    span = c.match.group(0).lower()
    if span.startswith(("the", "early", "late", "mid")) or timex_aspect.shares_determiner(s.text, c.start):
        return digits  # "the 70s and 80s": the second decade is under the first one's "the"
    return digits + "X"


def _norm_decade_word(c: Candidate, s: State) -> Result:
    g = c.match.groupdict()
    if _AGE_BEFORE.search(s.text[max(0, c.start - 16) : c.start]):
        return None  # "in his early thirties": an age
    return "DATE", _decade(f"19{DECADE_WORDS[g['w'].lower()]}", c, s), premod(g.get("pre"))


def _norm_century(c: Candidate, s: State) -> Result:
    # TimeML writes a century by its first two digits: the 20th century is "19"
    return "DATE", f"{int(c.match.group('n')) - 1:02d}", None


def _norm_decade(c: Candidate, s: State) -> Result:
    g = c.match.groupdict()
    if (g.get("d2") or g.get("dd")) and _AGE_BEFORE.search(s.text[max(0, c.start - 16) : c.start]):
        return None  # "in his 30s", "in their early 20s": an age, not a decade
    if g.get("d4"):
        return "DATE", _decade(g["d4"], c, s), premod(g.get("pre3"))
    if g.get("dd"):
        century = "19"
        if s.anchor and int(g["dd"]) <= (s.anchor.year % 100) // 10 and s.anchor.year >= 2000:
            century = "20"
        return "DATE", _decade(f"{century}{g['dd']}", c, s), premod(g.get("pre"))
    decade = int(g["d2"])
    if decade < 20 and not _DECADE_BEFORE.search(s.text[max(0, c.start - 6) : c.start]):
        return None
    return "DATE", _decade(f"19{decade // 10}", c, s), premod(g.get("pre2"))


def _norm_season(c: Candidate, s: State) -> Result:
    g = c.match.groupdict()
    season = SEASONS[g["season"].lower()]
    det = (g.get("det") or "").lower()
    mod = premod(g.get("pre"))
    if g["season"].lower() == "fall" and not (g.get("year") or det not in ("", "the") or g.get("pre")):
        return None  # "fall" the verb
    if not det and not g.get("year") and not g.get("pre"):
        before = s.text[max(0, c.start - 12) : c.start].lower()
        # "but spring shows signs of hope": the season as the subject of its clause is a time too
        subject = _CLAUSE_START_BEFORE.search(before) and _SEASON_VERB_AFTER.match(s.text, c.end)
        if not (_SEASON_BEFORE.search(before) or subject):
            return None
    if g.get("year"):
        return "DATE", f"{int(g['year']):04d}-{season}", mod
    if s.anchor is None:
        return "DATE", f"XXXX-{season}", mod
    year = s.anchor.year
    order = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}[season]
    if "last" in det or "past" in det or "previous" in det:
        year = year - 1 if order >= s.anchor.month - 1 else year
    elif "next" in det or "coming" in det:
        year = year + 1 if order <= s.anchor.month else year
    elif "this" in det or det == "the" or not det:
        tense = tense_of(c, s)
        if tense == "PAST" and order > s.anchor.month:
            year -= 1
        elif tense == "FUTURE" and order + 2 < s.anchor.month and season != "WI":
            year += 1
    return "DATE", f"{year:04d}-{season}", mod


def _norm_week_of(c: Candidate, s: State) -> Result:
    g = c.match.groupdict()
    month = MONTHS[g["mon"].rstrip(".").lower()]
    if g.get("year"):
        year = int(g["year"])
    elif s.anchor:
        year = month_year(month, s.anchor, tense_of(c, s), None)
    else:
        return None
    if g.get("day"):
        d = date(year, month, int(_NON_DIGIT.sub("", g["day"])))
    else:
        # the n-th week of a month is the ISO week of its n-th Thursday; the last week, of its last one
        first = date(year, month, 1)
        thursday = first + timedelta(days=(3 - first.weekday()) % 7)
        ordinal = (g.get("ord") or "first").lower()
        if ordinal in ("last", "final"):
            while (thursday + timedelta(days=7)).month == month:
                thursday += timedelta(days=7)
        else:
            thursday += timedelta(days=7 * (ORDINALS[ordinal] - 1))
        d = thursday
    note_day(s, d, c, "W")
    return "DATE", iso_week(d), None


def _norm_holiday(c: Candidate, s: State) -> Result:
    g = c.match.groupdict()
    name = " ".join(g["h"].lower().split())
    if name.startswith("black ") and name != "black friday":
        return "DATE", BLACK_DAYS[name.split()[1]], None
    if g.get("year"):
        year = int(g["year"])
    elif s.anchor:
        year = s.anchor.year
        det = (g.get("det") or "").lower()
        if not det:
            # the nearest one: a holiday months ahead is usually last year's
            options = [
                (abs((date.fromisoformat(holiday_date(g["h"], y)) - s.anchor).days), y) for y in (year - 1, year)
            ]
            year = min(options)[1]
        if det == "last":
            year -= 1
        elif det == "next":
            year += 1
    else:
        return None
    return "DATE", holiday_date(g["h"], year), None


# the families this module normalises, by the name recognition gives them
NORMALISERS: dict[str, Normaliser] = {
    "iso": _norm_iso,
    "slash": _norm_slash,
    "mdy": _norm_mdy,
    "spelled_day": _norm_spelled_day,
    "month": _norm_month,
    "year": _norm_year,
    "decade": _norm_decade,
    "spelled_year": _norm_spelled_year,
    "short_year": _norm_short_year,
    "year_open": _norm_year_open,
    "decade_word": _norm_decade_word,
    "century": _norm_century,
    "season": _norm_season,
    "week_of": _norm_week_of,
    "holiday": _norm_holiday,
}

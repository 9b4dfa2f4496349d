"""Values: calendar arithmetic and the formats TimeML writes values in.

Pure functions of numbers, dates and words: they read no text around an expression and keep no
state. "three years ago" needs :func:`shift` and :func:`at_unit`; "2 1/2 hours" :func:`numeral_value`
and :func:`fmt_amount`; "May" without a year :func:`nearest_year`; "10 a.m. ET" :func:`clock_hm` and
:func:`zone_offset`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from dateline.enrich.timex_lexicon import SMALL, UNITS, US_STANDARD, ZONES
from dateline.enrich.timex_tense import Tense

# numerals written in digits ("2.5", "1/2"), for numeral_value
_INTEGER = re.compile(r"\d+(?:\.\d+)?")
_FRACTION = re.compile(r"\d/\d")


def numeral_value(text: str) -> float | None:
    """The number a numeral phrase says, or None for vague ones (several, a few)."""
    words = text.lower().replace("-", " ").split()
    if not words:
        return None
    if words[0] in ("several", "few", "many", "some", "couple", "a") and words[1:2] in (["few"], ["couple"]):
        return None if words[1] == "few" else 2.0
    if words[0] in ("several", "few", "many", "some"):
        return None
    total = 0.0
    for word in words:
        if word in ("and", "of", "an", "a") and total:
            continue  # "two and a half"
        if _INTEGER.fullmatch(word):
            total += float(word)
        elif _FRACTION.fullmatch(word):
            a, b = word.split("/")
            total += int(a) / int(b) if int(b) else 0
        elif word == "half":
            total = total + 0.5 if total else 0.5
        elif word == "hundred":
            total = (total or 1) * 100
        elif word in SMALL:
            total += SMALL[word]
        else:
            return None
    return total or None


def fmt_amount(amount: float | None, unit: str) -> str:
    """P3D, PT2H, P2Y6M, PXY ..."""
    time_unit = unit in ("H", "S") or unit == "MIN"
    code = "M" if unit == "MIN" else unit
    prefix = "PT" if time_unit else "P"
    if amount is None:
        return f"{prefix}X{code}"
    if amount != int(amount):
        smaller = {"Y": ("M", 12), "M": ("D", 30), "D": ("H", 24), "H": ("M", 60), "W": ("D", 7)}.get(code)
        if code == "Y":
            return f"P{int(amount)}Y{round((amount - int(amount)) * 12)}M" if int(amount) else f"P{round(amount * 12)}M"
        if smaller and not time_unit and code != "D":
            return f"P{round(amount * smaller[1])}{smaller[0]}"
        if code == "D":
            return f"PT{round(amount * 24)}H"
        if time_unit:
            # 5 1/2 hours is PT5H30M; a minute and a half PT1M30S
            big, small = ("H", "M") if unit == "H" else ("M", "S")
            whole, rest = int(amount), round((amount - int(amount)) * 60)
            return f"PT{whole}{big}{rest}{small}" if whole else f"PT{rest}{small}"
        return f"{prefix}{amount:g}{code}"
    return f"{prefix}{int(amount)}{code}"


def unit_code(word: str) -> str:
    """The code of a unit word ("weeks" -> W, "minute" -> MIN, "century" -> CE); days when unknown."""
    w = word.lower().rstrip("s")
    if w.startswith("centur"):
        return "CE"
    if w == "minute":
        return "MIN"
    return UNITS.get(w, "D")


def _add_months(d: date, months: int) -> date:
    total = d.year * 12 + d.month - 1 + months
    year, month = divmod(total, 12)
    if not 1 <= year <= 9999:
        return d
    day = min(d.day, [31, 29 if _leap(year) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month])
    return date(year, month + 1, day)


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def iso_week(d: date) -> str:
    """The ISO week ``d`` falls in, as TimeML writes it: 2024-W29."""
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def shift(d: date, n: int, code: str) -> date | None:
    """``n`` units of ``code`` after ``d`` (before, when negative); None off the calendar."""
    try:
        if code == "D":
            return d + timedelta(days=n)
        if code in ("W", "WE"):
            return d + timedelta(weeks=n)
        if code == "M":
            return _add_months(d, n)
        if code == "Q":
            return _add_months(d, 3 * n)
        if code == "Y":
            return _add_months(d, 12 * n)
        if code == "DE":
            return _add_months(d, 120 * n)
    except (OverflowError, ValueError):
        return None
    return None


def at_unit(d: date, code: str) -> str:
    """``d`` written at the granularity of a unit."""
    if code == "D":
        return d.isoformat()
    if code == "W":
        return iso_week(d)
    if code == "WE":
        return iso_week(d) + "-WE"
    if code == "M":
        return d.isoformat()[:7]
    if code == "Q":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if code == "Y":
        return f"{d.year:04d}"
    if code == "DE":
        return f"{d.year // 10:03d}"  # TimeML writes a decade with three digits, a century with two
    if code == "CE":
        return f"{d.year // 100:02d}"
    return d.isoformat()


def premod(text: str | None) -> str | None:
    """TimeML's mod for a premodifier: "early" START, "late" END, "mid" MID."""
    if not text:
        return None
    t = text.lower()
    if "early" in t or "beginning" in t or "start" in t or "first" in t:
        return "START"
    if ("late" in t and "later" not in t) or "end" in t or "close" in t or "second half" in t or "latter" in t:
        return "END"
    if "mid" in t:
        return "MID"
    return None


def month_year(month: int, anchor: date, tense: Tense | None, det: str | None) -> int:
    """The year of a month named without one: the tense decides whether it lies ahead or behind."""
    det = (det or "").lower()
    if "last" in det or "past" in det:
        return anchor.year - 1 if month >= anchor.month else anchor.year
    if "next" in det or "coming" in det:
        return anchor.year + 1 if month <= anchor.month else anchor.year
    return nearest_year(month, 0, anchor, tense if tense != "PRESENT" else None)


def weekday_date(weekday: int, anchor: date, tense: Tense | None, det: str | None) -> date:
    """The day a weekday (1 = Monday) names, seen from ``anchor``: its determiner first, else the tense."""
    det = (det or "").lower()
    delta = weekday - anchor.isoweekday()
    if "next" in det and "the" not in det:
        # "next Tuesday" is the Tuesday of next week
        monday_next = anchor + timedelta(days=7 - anchor.isoweekday() + 1)
        return monday_next + timedelta(days=weekday - 1)
    if "last" in det or "past" in det or "previous" in det:
        back = (anchor.isoweekday() - weekday) % 7 or 7
        return anchor - timedelta(days=back)
    if "coming" in det:
        return anchor + timedelta(days=(delta % 7) or 7)
    if delta == 0:
        return anchor
    if tense == "FUTURE":
        return anchor + timedelta(days=delta % 7)
    if tense in ("PAST", "PRESENT") or tense is None:
        # news reports mostly what already happened: an untensed weekday is the latest one
        if tense in (None, "PRESENT") and 0 < delta % 7 <= 1:
            return anchor + timedelta(days=delta % 7)
        return anchor - timedelta(days=(-delta) % 7)
    return anchor


def holiday_date(name: str, year: int) -> str:
    """The date of a named holiday in ``year`` (Easter and Thanksgiving move; Easter week is a week);
    the year alone for a name with no fixed day ("Black Monday")."""
    n = " ".join(name.lower().split())
    when = next((date_of for prefix, date_of in HOLIDAYS if n.startswith(prefix)), None)
    return when(year) if when is not None else f"{year:04d}"


def _on(month: int, day: int) -> Callable[[int], str]:
    return lambda year: f"{year:04d}-{month:02d}-{day:02d}"


def _thanksgiving(year: int) -> date:
    first = date(year, 11, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 21)  # the fourth Thursday of November


def _labor_day(year: int) -> str:
    first = date(year, 9, 1)
    return (first + timedelta(days=(0 - first.weekday()) % 7)).isoformat()  # the first Monday of September


def _memorial_day(year: int) -> str:
    last = date(year, 5, 31)
    return (last - timedelta(days=last.weekday())).isoformat()  # the last Monday of May


#: holiday names by how they begin, the longer first where one begins another ("christmas eve")
HOLIDAYS: tuple[tuple[str, Callable[[int], str]], ...] = (
    ("christmas eve", _on(12, 24)),
    ("christmas", _on(12, 25)),
    ("new year's eve", _on(12, 31)),
    ("new year", _on(1, 1)),
    ("thanksgiving", lambda year: _thanksgiving(year).isoformat()),
    ("black friday", lambda year: (_thanksgiving(year) + timedelta(days=1)).isoformat()),  # the shopping day after
    ("easter week", lambda year: iso_week(_easter(year))),  # Holy Week: the ISO week that Easter Sunday ends
    ("easter", lambda year: _easter(year).isoformat()),
    ("independence", _on(7, 4)),
    ("halloween", _on(10, 31)),
    ("valentine", _on(2, 14)),
    ("boxing", _on(12, 26)),
    ("victory", _on(5, 9)),
    ("labor", _labor_day),
    ("memorial", _memorial_day),
)


def _easter(year: int) -> date:
    # Anonymous Gregorian algorithm (Meeus/Jones/Butcher)
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return date(year, month, day + 1)


def clock_hm(m: re.Match[str], prefix: str = "") -> tuple[int, int] | None:
    """(hour, minute) of the clock a match holds in its groups named ``prefix`` + h/m/ap, h24, h4 or noon."""
    g = m.groupdict()

    def get(name: str) -> str | None:
        return g.get(prefix + name) if prefix else g.get(name)

    if get("noon"):
        word = (get("noon") or "").lower()
        return (24, 0) if word == "midnight" else (12, 0)
    if get("h"):
        hour, minute = int(get("h") or 0), int(get("m") or 0)
        ap = (get("ap") or "a").lower()
        if ap == "p" and hour != 12:
            hour += 12
        if ap == "a" and hour == 12:
            hour = 0
        return hour, minute
    if get("h24"):
        return int(get("h24") or 0), int(get("m24") or 0)
    if get("h4"):
        return int(get("h4") or 0), int(get("m4") or 0)
    return None


_ZONE_PARTS = re.compile(r"([A-Za-z]+)\s*(?:([+-])\s*(\d{1,2}))?")


def _us_summer_time(d: date) -> bool:
    """US daylight saving time: from the second Sunday of March to the first Sunday of November."""
    march = date(d.year, 3, 1)
    start = march + timedelta(days=(6 - march.weekday()) % 7 + 7)
    november = date(d.year, 11, 1)
    end = november + timedelta(days=(6 - november.weekday()) % 7)
    return start <= d < end


def zone_offset(text: str | None, anchor: date | None = None) -> str:
    """A zone as an offset ("+03:00", "Z"); the anchor says whether US zones are on summer time."""
    if not text:
        return ""
    parts = _ZONE_PARTS.match(text)
    if parts is None:
        return ""
    key = parts.group(1).lower()
    if key in ("utc", "gmt") and parts.group(3):
        return f"{parts.group(2)}{int(parts.group(3)):02d}:00"  # "UTC+3", "GMT -5"
    if key in US_STANDARD:
        # "ET" and a bare "Eastern Time" follow the clocks of the day; "Eastern Standard Time" does not
        lowered = text.lower()
        summer = "daylight" in lowered or ("standard" not in lowered and anchor is not None and _us_summer_time(anchor))
        return f"-{abs(US_STANDARD[key]) - summer:02d}:00"
    return ZONES.get(key, "")


def clock_text(hour: int, minute: int) -> str:
    """HH:MM; midnight at the end of a day stays 24:00, as TimeBank writes it."""
    return "24:00" if hour == 24 else f"{hour:02d}:{minute:02d}"


def nearest_year(month: int, day: int, anchor: date, tense: Tense | None) -> int:
    """The year of a month (and day) named without one: behind in past tense, ahead in future, else nearest."""
    best, best_key = anchor.year, None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            if day:
                delta = (date(year, month, min(day, 28)) - anchor).days
            else:
                delta = (year * 12 + month) - (anchor.year * 12 + anchor.month)
        except ValueError:
            continue
        # the tense is a weak hint: it moves a date only when the date is well off the anchor
        # a past verb often reports a plan ("said the deal closes in early March"): the coming month stays
        if tense == "PAST" and delta > (30 if day else 1):
            continue
        if tense == "FUTURE" and delta < (-30 if day else 0):
            continue
        # an untensed month is more often one gone by: the coming one wins only when it is a quarter nearer
        key = (abs(delta) + (3 if tense is None and not day and delta > 0 else 0), year != anchor.year)
        if best_key is None or key < best_key:
            best, best_key = year, key
    return best


def latest_quarter(anchor: date) -> tuple[int, int]:
    """The last complete quarter before ``anchor`` (what 'the quarter' means in earnings news)."""
    q = (anchor.month - 1) // 3  # 0-based current quarter
    return (anchor.year, q) if q else (anchor.year - 1, 4)

"""A pure-Python TIMEX3 tagger for English news: recognition and normalisation of time expressions.

``tag(text, anchor)`` returns :class:`~dateline.record.TimeExpression` objects whose ``start``/``end``
are offsets into ``text`` and whose ``value`` is written as TimeML writes it (``2024-07-17``,
``2024-05``, ``2024-W29``, ``2024-SU``, ``2024-Q3``, ``198X``, ``PRESENT_REF``, ``P3D``, ``PT2H``,
``XXXX-WXX-2``, ``2024-07-17T10:30+03:00``).

How it works, in two passes:

1. Recognition. A few families of regular expressions (compiled once, below) propose candidate
   spans; overlapping candidates are resolved leftmost-longest, so "early next year" beats "next
   year" and "Monday, Oct. 26" beats "Monday". A candidate that its normaliser rejects ("May" the
   verb, "a Wednesday" as a set) frees its span for the shorter candidates it hid.
2. Normalisation, left to right, against the anchor (the document creation time). Expressions that
   depend on the tense ("Tuesday", "May") read a tense hint: the caller's ``tense`` function when
   given (e.g. from a parser), else a light look at the verbs around the expression in its sentence.
   Expressions anchored to the story's own time line ("a day later", "the following year", "later
   that day", "that quarter", "the weeks before the shooting") use the last explicit date (or
   quarter) mentioned shortly before; without one they stay durations or are dropped.

Nothing here needs spaCy: everything is a pure function of the text, the anchor and the hint. The word
tables live in :mod:`dateline.enrich.timex_lexicon`; the rules that read the clause around an expression
(a perfect over "in recent years", a period that "ended" on a day) in :mod:`dateline.enrich.timex_aspect`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from dateline.enrich import timex_aspect
from dateline.enrich.timex_lexicon import BLACK_DAYS as _BLACK_DAYS
from dateline.enrich.timex_lexicon import (
    DAY_ORDINALS,
    MONTHS,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    SMALL,
    UNITS,
    WEEKDAYS,
    ZONES,
)
from dateline.enrich.timex_lexicon import DECADE_WORDS as _DECADE_WORDS
from dateline.enrich.timex_lexicon import FUTURE_BIGRAMS as _FUTURE_BIGRAMS
from dateline.enrich.timex_lexicon import FUTURE_MARKERS as _FUTURE_MARKERS
from dateline.enrich.timex_lexicon import NOT_BEFORE_PAST as _NOT_BEFORE_PAST
from dateline.enrich.timex_lexicon import NOT_PAST_ED as _NOT_PAST_ED
from dateline.enrich.timex_lexicon import PAST_IRREGULAR as _PAST_IRREGULAR
from dateline.enrich.timex_lexicon import PRESENT_CUES as _PRESENT_CUES
from dateline.enrich.timex_lexicon import REL_UNIT as _REL_UNIT
from dateline.enrich.timex_lexicon import US_STANDARD as _US_STANDARD
from dateline.record import TimeExpression, TimeType

Tense = Literal["PAST", "PRESENT", "FUTURE"]
#: (text, start, end) -> tense of the verb that governs the expression, or None when unknown
TenseHint = Callable[[str, int, int], Tense | None]

__all__ = ["Tense", "TenseHint", "guess_tense", "tag"]

# ------------------------------------------------------------------ vocabulary

_DAY_ORDINAL = "(?:" + "|".join(sorted((k.replace(" ", r"\s+") for k in DAY_ORDINALS), key=len, reverse=True)) + ")"

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\."
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?![a-z])"
)
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
_DAYNUM = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_NUMWORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six"
    r"|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:a |one )?hundred|a dozen|dozen|a couple of"
    r"|a couple|couple of|a few|few|several|many|some|a|an|single)"
)
_NUM = rf"(?:\d+(?:\.\d+)?(?:\s+\d/\d)?|\d/\d|{_NUMWORD}(?:\s+and\s+a\s+half)?|(?:a\s+)?half(?:\s+an?)?)"
_UNIT = (
    r"(?:centur(?:y|ies)|decades?|years?|quarter-centur(?:y|ies)|quarters?|months?|fortnights?|weeks?|days?|hours?"
    r"|minutes?|seconds?)"
)
_UNIT_ADJ = (
    r"(?:(?:consecutive|straight|trading|business|working|full|more|additional|successive|long|calendar"
    r"|fiscal|whole|entire|school|academic|bargaining|session|legislative|extra)\s+)?"
)
_MOD = (
    r"(?:more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|no\s+more\s+than|nearly|almost|about"
    r"|around|roughly|approximately|some|over|under|up\s+to|close\s+to)"
)
_DETREL = (
    r"(?:this\s+past|this\s+coming|this|last|next|the\s+past|the\s+last|the\s+previous|the\s+coming"
    r"|the\s+following|the\s+current|the\s+latest|the\s+most\s+recent|the\s+same|the\s+next|the\s+prior"
    r"|past|coming|previous|current|prior|the\s+present|the\s+upcoming|upcoming|the\s+new|the\s+recent)"
)
_PREMOD = (
    r"(?:(?:the\s+)?(?:very\s+)?(?:early|earlier|late|later|mid|middle)|the\s+(?:very\s+)?(?:end|beginning|start"
    r"|middle|close|turn|first\s+half|second\s+half|first\s+part|latter\s+part)\s+of"
    r"|(?:the\s+)?(?:end|start|beginning)\s+of)"
)
_ZONE = (
    r"(?:(?:UTC|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|CT|MT|PT|BST|CET|CEST|EET|EEST|MSK|JST|HKT|IST)(?:\s*[+-]\s*\d{1,2})?"
    r"|[A-Z][a-z]+\s+time|local\s+time|Eastern(?:\s+(?:Standard|Daylight))?\s+Time)"
)


def _clock_rx(p: str = "") -> str:
    """A clock time; ``p`` prefixes the group names so one pattern can hold two clocks."""
    # (?-i:...) keeps zone abbreviations upper-case even inside case-insensitive rules ("$2.35 billion")
    return (
        rf"(?:(?<![\d$£€#.,])(?P<{p}h>1[0-2]|0?[1-9])(?:[:.](?P<{p}m>[0-5][0-9]))?\s*(?P<{p}ap>[apAP])\.?\s?[mM]\b\.?"
        rf"|(?<![\d$£€#.,])(?P<{p}h24>[01]?[0-9]|2[0-3])[:.](?P<{p}m24>[0-5][0-9])"
        rf"(?=\s*(?-i:UTC|GMT|hrs|h\b|local|[A-Z]{{3}}\b))"
        rf"|(?<![\d$£€#.,])(?P<{p}h4>[0-2][0-9])(?P<{p}m4>[0-5][0-9])\s*(?-i:GMT|UTC|hrs)"
        rf"|(?<!high\s)(?P<{p}noon>noon|midday|midnight))"
    )


_CLOCK = _clock_rx()

IGNORE = re.IGNORECASE


def _rx(pattern: str, flags: int = 0, lead: str = "") -> re.Pattern[str]:
    # Every expression starts at a word start: the look-behind rejects the positions inside words
    # before the alternations are tried, which makes the scan several times faster. ``lead``, the
    # letters a match can start with, lets the scan skip the other positions faster still.
    first = f"(?=[{lead}{lead.upper()}])" if lead else ""
    return re.compile(rf"{first}(?<!\w)(?:{pattern})", flags)


# Each recognizer names its family; the normaliser of that family reads the named groups.
RULES: list[tuple[str, re.Pattern[str]]] = [
    # 2024-07-17, 2024-07-17T10:30
    ("iso", _rx(
        r"\b(?P<y>[12][0-9]{3})-(?P<mo>0[1-9]|1[0-2])-(?P<d>[0-3][0-9])(?:T(?P<h>[0-2][0-9]):(?P<mi>[0-5][0-9]))?\b"
    )),
    # 7/17/2024 (US order, as US wires write it)
    ("slash", _rx(
        r"(?<![\d/])(?P<mo>1[0-2]|0?[1-9])/(?P<d>[12][0-9]|3[01]|0?[1-9])/(?P<y>[12][0-9]{3}|[0-9]{2})(?![\d/])"
    )),
    # [Weekday,] Month Day[, Year] | Day Month [Year]  (with optional clock time before or after)
    ("mdy", _rx(
        rf"(?:(?P<clock1>{_clock_rx('a')})(?:\s+(?P<zone1>{_ZONE}))?(?:\s+on|\s*,)?\s+)?"
        rf"(?:(?P<wd>{_WEEKDAY})\s*,?\s+(?:the\s+)?)?"
        rf"(?:\b(?P<mon>{_MONTH})\s*(?P<day>{_DAYNUM})(?!\d|:\d)|(?<![\w.,])(?P<day2>{_DAYNUM})(?:\s+of)?\s+\b(?P<mon2>{_MONTH}))"
        rf"(?:\s*,?\s*(?P<year>{_YEAR})(?![\d%]))?"
        rf"(?:(?:\s*,)?\s+(?:at\s+)?(?P<clock2>{_clock_rx('b')})(?:\s+(?P<zone2>{_ZONE}))?)?",
    )),
    # March eighth | the twenty-first of June [1998]: the day spelled as an ordinal (a weekday before it is
    # taken in by the normaliser, which keeps this scan cheap)
    ("spelled_day", _rx(
        rf"(?:\b(?P<mon>January|February|March|April|June|July|August|September|October|November|December)\s+"
        rf"(?:the\s+)?(?i:(?P<ord>{_DAY_ORDINAL}))"
        rf"|\b(?i:the\s+(?P<ord2>{_DAY_ORDINAL})\s+of)\s+(?P<mon2>{_MONTH}))"
        rf"(?![\w-])(?:\s*,?\s*(?P<year>{_YEAR})(?![\d%]))?",
    )),
    # [early] [last] Month [Year] | Month of Year
    ("month", _rx(
        rf"(?:(?P<pre>{_PREMOD})[\s-]+)?(?:(?P<det>(?i:this\s+past|this\s+coming|this|last|next|past|coming))\s+)?"
        rf"\b(?P<mon>{_MONTH})(?:\s*(?:of\s+|,\s*)?(?P<year>{_YEAR})(?![\d%])|\s+(?P<syear>nineteen[\s-]+\w+(?:-\w+)?)"
        rf"|\s+(?P<ydet>last|this|next)\s+year|(?=\s+of\s+(?P<ydet2>last|this|next)\s+year))?"
        rf"(?!\s*(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?\b)",
    )),
    # [early] 1998 | fiscal 1998 | the year 1998 | the 1990s | mid-1990s | the '80s
    ("year", _rx(
        rf"(?:(?P<pre>{_PREMOD})[\s-]+)?(?P<fy>(?:the\s+)?(?:fiscal|calendar|(?:fiscal\s+)?year)(?:\s+year)?\s+)?"
        rf"(?<![$#€£\d.,/])(?<!\d-)(?P<year>{_YEAR})(?P<s>'?s\b)?(?![\d%]|[.,]\d|-\d|\s*(?:%|percent|per\s?cent))",
        IGNORE,
    )),
    # "1994 or later", "1990 and beyond": the year and the open side TimeML puts in the mod
    ("year_open", _rx(
        rf"(?<![$#€£\d.,/])(?P<year>{_YEAR})\s+(?P<side>or\s+later|and\s+beyond|or\s+after|or\s+earlier|or\s+before)\b",
        IGNORE,
    )),
    # "in the year ended March 31": a fiscal year, a duration that the end date anchors
    ("year_ended", _rx(r"the\s+(?:fiscal\s+)?year(?=\s+end(?:ed|ing)\b)", IGNORE)),
    # the 1988 period, the 1989 quarter: an earnings period named by its year
    ("year_period", _rx(rf"the\s+(?P<year>{_YEAR})\s+(?:period|quarter|fiscal\s+year|season)\b", IGNORE)),
    # since '82
    ("short_year", _rx(r"\b(?:since|in|of|from|until|by)\s+(?P<x>['’](?P<yy>[0-9]{2}))\b(?!['’]?s)", IGNORE)),
    # nineteen ninety-four, two thousand and one (broadcast transcripts spell years out)
    ("spelled_year", _rx(
        r"(?:(?P<the>the\s+)?(?P<season>winter|spring|summer|fall|autumn)\s+of\s+)?(?:the\s+year\s+)?"
        r"\b(?:(?P<c>nineteen|twenty)[\s-]+(?P<tens>ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen"
        r"|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?P<ones>one|two|three|four|five|six|seven"
        r"|eight|nine))?|(?P<k>two\s+thousand)(?:\s+(?:and\s+)?(?P<kones>one|two|three|four|five|six|seven|eight|nine|ten))?)\b",
        IGNORE,
    )),
    ("decade_word", _rx(
        r"(?:(?P<pre>(?:the\s+)?(?:early|late|mid))[\s-]+|\bthe\s+)(?P<w>twenties|thirties|forties|fifties|sixties|seventies"
        r"|eighties|nineties)\b",
        IGNORE,
    )),
    ("century", _rx(r"(?:\bthe\s+)?\b(?P<n>1[0-9]|2[01]|[1-9])(?:st|nd|rd|th)[\s-]century\b", IGNORE)),
    ("decade", _rx(
        rf"(?:(?P<pre3>{_PREMOD})[\s-]+)?(?:the\s+)?(?<![\d$])(?P<d4>1[0-9]{{2}}|20[0-9])0'?s\b|"
        rf"(?:(?P<pre>{_PREMOD})[\s-]+)?(?:the\s+)?'(?P<dd>[0-9])0'?s\b|(?:(?P<pre2>{_PREMOD})[\s-]+)?(?:the\s+)?(?<![\d'])(?P<d2>[1-9]0)s\b",
        IGNORE,
    )),
    # [early] spring [of] [1998] | last summer | this fall
    ("season", _rx(
        rf"(?:(?P<pre>{_PREMOD})[\s-]+)?(?:(?P<det>{_DETREL}|the)\s+)?(?P<season>spring|summer|fall|autumn|winter)"
        rf"(?:\s*(?:of\s+)?(?P<year>{_YEAR})(?![\d%]))?",
        IGNORE,
    )),
    # the third quarter [of 1998] | third-quarter | this year's first half | the year-ago quarter
    ("quarter", _rx(
        rf"(?:(?P<poss>(?:this|last|next)\s+year's|(?:the\s+)?(?P<pyear>{_YEAR})(?:'s)?)\s+|(?P<the>the\s+(?:(?P<ya>year-(?:ago|earlier))\s+)?(?:fiscal[\s-]+)?(?=\w+\s))|fiscal[\s-]+)?"
        rf"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last)[\s-]+(?:fiscal\s+|calendar\s+)?(?P<q>quarter-century|quarter|half)(?![\w-])"
        rf"(?:\s+of\s+(?:fiscal\s+)?(?:(?P<year>{_YEAR})|(?P<ydet>this|last|next|the\s+(?:previous|current|same|next)|the)\s+(?:fiscal\s+)?year))?",
        IGNORE,
    )),
    # Q3, Q3 2023, 3Q23, H1 2024, 1H24: the short forms of business news
    ("q_code", _rx(
        rf"\b(?:Q(?P<q>[1-4])|(?P<q2>[1-4])Q|H(?P<h>[12])|(?P<h2>[12])H)"
        # a two-digit year is written on ("3Q23") or after an apostrophe ("Q3 '23"), never after a bare space
        rf"(?:(?:\s+|\s*of\s+|-)(?P<year>{_YEAR})|(?:\s*['’])?(?P<yy>[0-9]{{2}}))?\b(?![-/.]\d)"
    )),
    ("fiscal_period", _rx(
        # "the comparable year-ago quarter", "the corresponding period last year": a year-ago period
        r"(?P<the>the\s+)?(?:(?:comparable|corresponding)\s+(?=year-))?"
        r"(?P<det>latest|last|most\s+recent|recent|current|same|corresponding|comparable|year-ago|year-earlier|previous|prior|just-ended|past|first|this)\s+"
        r"(?:(?:three|six|nine|twelve|3|6|9|12)[\s-]+months?|(?P<unit>quarter|period|half))"
        r"(?P<tail>\s+(?:a\s+year\s+(?:earlier|ago|before)|last\s+year|of\s+(?:the\s+)?(?:last|previous|this)\s+year))?"
        r"|the\s+same\s+month(?P<mtail>\s+(?:a\s+year\s+(?:earlier|ago|before)|last\s+year))"
        r"|the\s+(?P<bare>quarter|period)(?P<btail>\s+a\s+year\s+(?:earlier|ago|before))?\b(?!-)"
        r"|last\s+year['’]s\s+(?P<lyq>quarter|period)\b"
        r"|(?P<the2>the\s+)(?:three|six|nine|twelve|3|6|9|12)\s+months\b",
        IGNORE,
    )),
    # this week, last month, next year, the coming weeks, earlier this year, the end of the month
    ("rel", _rx(
        # "late in the day", "earlier in the year" are one expression (TimeML's START/END), "later in the day" is not
        rf"(?:(?P<pre>{_PREMOD}|(?:early|earlier|late)\s+in(?=\s+the\s))[\s-]+)?(?:(?P<det>{_DETREL})[\s-]+|(?P<the>the)\s+)(?:fiscal\s+|calendar\s+|financial\s+)?"
        rf"(?P<unit>week|month|year|weekend|decade|century|day|night|morning|afternoon|evening)(?P<pl>s)?(?![\w-])"
        rf"(?P<orso>\s+or\s+so\b)?(?P<tail>\s+(?:ago|earlier|later|ahead|to\s+come|previous|(?:before|after)(?=\s*[.,;:!?\n])))?",
        IGNORE,
        lead="tvelmsbnpcu",  # the first letters of the modifiers and determiners above
    )),
    # year-end, year-ago, year-earlier, mid-year, month-end
    ("compound", _rx(
        r"\b(?P<w>year-end|year-ago|year-earlier|mid-?year|month-end|week-end|yearend|year(?:['’]s)?\s+end)\b(?!-)",
        IGNORE,
    )),
    # that day, later that year, that quarter: a unit of the story's own time line
    ("anaphor", _rx(
        r"(?:(?P<pre>earlier|later|early|late)\s+)?that\s+(?:same\s+|very\s+)?(?P<unit>day|week|month|year|quarter|morning|afternoon|evening|night|time)\b"
        r"(?![-'’]|\s+(?:of|when|in|is|was|after)\b)",
        IGNORE,
    )),
    # the full year, the entire year: the (fiscal) year the story reports on
    ("whole_year", _rx(
        r"the\s+(?:full|entire|whole)\s+(?:fiscal\s+)?year\b(?!\s+(?:of|to|ago|earlier|before|after)\b)", IGNORE
    )),
    # "in the weeks before the shooting": the bare plural is the expression, a vague stretch of the time line
    ("units_before", _rx(
        r"\b(?:in|over|during|for|within)\s+the\s+(?P<x>(?P<unit>days|weeks|months|years))"
        r"(?=\s+(?:before|after|that\s+followed|following|leading\s+up|prior\s+to)\b)",
        IGNORE,
    )),
    # "over the years": an unspecified stretch
    ("the_years", _rx(
        r"\b(?:over|during|through|throughout)\s+(?P<x>the\s+(?P<unit>years|decades))\b(?!\s+(?:of|to|ahead|since)\b)",
        IGNORE,
    )),
    # [last] Tuesday [morning]
    ("weekday", _rx(
        # a capitalised "Last Friday" opens a sentence; "Earlier Friday" there is annotated as "Friday" alone
        rf"(?:(?P<det>(?i:this\s+past|this\s+coming|this|last|next|past|coming|the\s+following|the\s+previous|the\s+next)"
        rf"|early|late|earlier|later)\s+)?"
        rf"(?P<wd>{_WEEKDAY})(?:\s+(?P<pod>morning|afternoon|evening|night|overnight))?",
    )),
    # on Mondays, Tuesday nights: a weekday in the plural recurs
    ("weekday_set", _rx(
        r"(?P<wd>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)(?:s\b(?:\s+(?P<pod>morning|afternoon|evening|night)s\b)?"
        r"|\s+(?P<pod2>morning|afternoon|evening|night)s\b)"
    )),
    # today, yesterday morning, the day before yesterday, tonight, earlier today
    ("deictic", _rx(
        r"(?:(?P<pre>earlier|later|late|early)\s+)?(?:(?P<before>the\s+day\s+(?:before|after)\s+)?(?P<w>today|tonight|yesterday|tomorrow)"
        r"(?:\s+(?P<pod>morning|afternoon|evening|night))?|(?P<this>this|last|tomorrow|yesterday)\s+(?P<pod2>morning|afternoon|evening|night))",
        IGNORE,
    )),
    # now, currently, recently, the future, soon
    ("ref", _rx(
        r"\b(?P<present>now|currently|presently|at\s+present|nowadays|these\s+days|present-day|to\s+date|current(?!\s+(?:account|assets|liabilities|of)))\b"
        r"|\b(?P<past>then[\s-]+(?:current|present|prevailing)|(?:more\s+)?recently|lately|the\s+past|recent(?:\s+(?:years|months|weeks|days|quarters|times|decades|history))?|past\s+years|some\s+time\s+ago|long\s+ago|(?:years|months|weeks|days|decades)\s+ago|not\s+long\s+ago)\b"
        r"|\b(?P<future>the\s+(?:near\s+|distant\s+|foreseeable\s+)?future|the\s+(?:near|short|long|medium)\s+term"
        r"|(?:the\s+)?coming\s+(?:days|weeks|months|quarters|years|decades)|the\s+(?:days|weeks|months|years)\s+(?:ahead|to\s+come)"
        r"|(?:a|some)\s+later\s+(?:date|time|stage|point)|later|eventually)\b",
        IGNORE,
    )),
    # two weeks, the past three years, 10 days ago, more than four hours, a day later, two-year
    ("duration", _rx(
        rf"(?:(?P<dir>the\s+(?:past|last|next|previous|first|final|coming|following|initial|remaining|latest|same|prior|better\s+part\s+of\s+the)|past|last|next|another)\s+)?(?:(?P<mod>{_MOD})\s+)?"
        rf"(?P<num>{_NUM})(?:[- ]+|\s*(?P<plus>\+|or\s+more|-odd)\s*)"
        rf"(?P<adj>{_UNIT_ADJ})(?P<unit>{_UNIT})(?![\w])(?P<hy>-(?:old|long))?(?P<half>\s+and\s+a\s+half)?"
        rf"(?:\s+or\s+(?:so|two|three|more)\b)?"
        rf"(?P<tail>\s+(?:ago|earlier|later|from\s+now|hence|old|previously|back)(?![\w-]))?",
        IGNORE,
        lead="tplnamfrsoucdeh0-9",  # the first letters of the directions, modifiers and numbers above
    )),
    # years, months (bare plurals: "for years", "within weeks")
    ("bare_units", _rx(
        r"\b(?:for|within|in|over|took|than|after|lasted|spent|from)\s+(?:just\s+|only\s+|mere\s+)?"
        r"(?P<x>(?P<unit>centuries|decades|years|months|weeks|days|hours|minutes))\b(?!\s+(?:of|earlier|later|ago|before))",
        IGNORE,
    )),
    # "follows months of talks", "decades in the making": a bare plural that counts out a stretch of time
    # (the look-ahead on the first letter lets the scan skip most positions: these families are new costs)
    ("units_of", re.compile(
        r"(?=[dymwDYMW])(?<!\w)(?<!\bthe\s)(?<!\bthese\s)(?<!\bthose\s)\b(?P<unit>decades|years|months|weeks)"
        r"(?:\s+(?:or|and)\s+(?:decades|years|months|weeks|days))?(?=\s+(?:of\s+(?!age\b|the\s+year\b)[a-z]|in\s+the\s+making\b))",
        IGNORE,
    )),
    # "between 60 and 90 days", "two to six days": the first bound is an expression of its own, in the
    # unit the second one names
    ("range_first", _rx(
        r"(?:\bbetween\s+(?P<x>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+and"
        r"|(?P<x2>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:to|or))"
        r"\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)\s+"
        r"(?P<unit>hours|days|weeks|months|years|decades)\b(?!\s+old|-old)",
        IGNORE,
    )),
    # "for some time", "for a while": a stretch of unknown length
    ("vague_span", _rx(
        r"\bfor\s+(?P<x>some\s+time|a\s+while|quite\s+some\s+time)\b(?!\s+(?:now|ago))", IGNORE
    )),
    # the week of March 6, the last week of March
    ("week_of", _rx(
        rf"the\s+(?:(?P<ord>first|second|third|fourth|last|final)\s+)?week\s+of\s+(?P<mon>{_MONTH})"
        rf"(?:\s*(?P<day>{_DAYNUM})(?!\d|:\d))?(?:\s*,?\s*(?P<year>{_YEAR})(?![\d%]))?",
    )),
    # mid-afternoon, late morning [yesterday]
    ("part_of_day", _rx(
        r"(?P<pre>mid|late|early)[- ]?(?P<pod>morning|afternoon|evening)"
        r"(?:\s+(?P<w>yesterday|today|tomorrow|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day))?\b"
        # "in morning trading", "overnight losses": the part of the day as the market's adjective
        r"|\b(?P<pod2>morning|afternoon|evening|overnight)(?=\s+(?:trading|session|dealings|losses|gains)\b)",
        IGNORE,
    )),
    # the second day of the strike, a third straight week, its fourth week in a row
    ("ordinal_unit", re.compile(
        r"(?=[fstenFSTEN0-9])(?<!\w)(?P<ord>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
        r"|\d{1,2}(?:st|nd|rd|th)|first)\s+(?:(?:consecutive|straight|successive)\s+)?(?P<unit>day|week|month)\b"
        r"(?![-'’]|\s+of\s+(?:January|February|March|April|May|June|July|August|September|October|November|December"
        r"|the\s+(?:month|year)|\d))",
        IGNORE,
    )),
    ("adj_units", _rx(r"\b(?P<unit>(?:day|week|month|year|decade|hour|centur(?:y|ie))(?P<pl>s)?)-long\b", IGNORE)),
    # 10:30 a.m. [Moscow time] [Tuesday]
    ("clock", _rx(
        # the zone may follow in brackets ("6:40 p.m. (GMT+8)"): it belongs to the expression all the same
        rf"(?P<clock>{_CLOCK})(?:\s+(?P<zone>{_ZONE})|\s*\(\s*(?P<pzone>(?-i:UTC|GMT)\s*[+-]\s*\d{{1,2}}|{_ZONE})\s*\))?"
        rf"(?:\s+(?:on\s+)?(?P<wd>{_WEEKDAY}|today|tonight|tomorrow|yesterday))?"
        rf"|(?:(?P<clock2>{_clock_rx('c')})|(?<![\d$£€#.,:])(?P<hbare>1[0-2]|[1-9])(?::(?P<mbare>[0-5][0-9]))?)"
        rf"\s+in\s+the\s+(?P<pod>morning|afternoon|evening)",
        IGNORE,
    )),
    # daily, each week, every Tuesday, twice a year, per month
    ("set", _rx(
        r"\b(?P<adv>daily|weekly|monthly|yearly|hourly|nightly|biweekly|bimonthly)\b"
        r"|\b(?:(?P<freq>once|twice|three\s+times|four\s+times|\w+\s+times)\s+)?(?P<q>every|each|per|a)\s+(?P<other>other\s+)?(?P<n>(?:two|three|four|five|six|\d+)\s+)?"
        r"(?P<unit>years?|months?|weeks?|days?|hours?|minutes?|night|morning|evening|weekend|quarter|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
        r"|January|February|March|April|May|June|July|August|September|October|November|December|spring|summer|fall|autumn|winter)\b",
        IGNORE,
    )),
    # Christmas, New Year's Day, Thanksgiving
    ("holiday", _rx(
        r"(?:(?P<det>this|last|next)\s+)?(?P<h>Christmas(?:\s+(?:Eve|Day))?|New\s+Year's(?:\s+(?:Eve|Day))?|Thanksgiving(?:\s+Day)?|Easter\s+(?:Sunday|week|Monday)"
        r"|Independence\s+Day|Halloween|Valentine's\s+Day|Labor\s+Day|Memorial\s+Day|Boxing\s+Day|Victory\s+Day"
        r"|Black\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday))"
        r"(?:\s+(?P<year>" + _YEAR + r"))?"
    )),
]  # fmt: skip

# Words one of which every match of a family contains (lower-cased): a text without any of them
# skips that family's scan, which is most of the scanning time for the rarer families.
_NEEDS: dict[str, tuple[str, ...]] = {
    "decade": ("0s", "0's"),
    "decade_word": ("ties",),
    "century": ("century",),
    "season": ("spring", "summer", "fall", "autumn", "winter"),
    "quarter": ("quarter", "half"),
    "q_code": ("q", "h"),
    "fiscal_period": ("month", "quarter", "period", "half"),
    "spelled_year": ("nineteen", "twenty", "thousand"),
    "holiday": ("christmas", "year's", "thanksgiving", "easter", "independence", "halloween", "valentine", "labor",
                "memorial", "boxing", "victory", "black"),
    "week_of": ("week",),
    "whole_year": ("year",),
    "year_ended": ("year",),
    "spelled_day": ("first", "second", "third", "th"),
    "year_open": ("later", "beyond", "after", "earlier", "before"),
    "year_period": ("period", "quarter", "year", "season"),
    "anaphor": ("that",),
    "compound": ("year", "month", "week"),
    "part_of_day": ("morning", "afternoon", "evening", "overnight"),
    "ordinal_unit": ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                     "eleventh", "twelfth", "th day", "th week", "th month", "st day", "nd day", "rd day"),
    "units_of": ("decades", "years", "months", "weeks"),
    "adj_units": ("-long",),
    "short_year": ("'", "’"),
    "weekday": ("day",),
    "weekday_set": ("day",),
    "deictic": ("today", "tonight", "yesterday", "tomorrow", "morning", "afternoon", "evening", "night"),
}  # fmt: skip

# ------------------------------------------------------------------ tense hint

_PAST_PERFECT_BEFORE = re.compile(r"\bhad(?:\s+been)?$")
_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|'ll")
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"“])|\n\s*\n|\n(?=[A-Z])")


def _verb_tense(word: str) -> Tense | None:
    w = word.lower()
    if w in ("will", "'ll", "shall", "going", "scheduled", "upcoming", "due", "plans", "expected", "expects"):
        return "FUTURE"
    if w in _PAST_IRREGULAR:
        return "PAST"
    if w in _PRESENT_CUES:
        return "PRESENT"  # stops the search: "is calling for redemption on Dec. 7" is not the past
    if len(w) > 4 and w.endswith("ed") and w not in _NOT_PAST_ED and not w.startswith("un"):
        return "PAST"  # "unspecified", "unnamed" are adjectives
    return None


_REACH_BEFORE = 8  # words before the expression searched for a tense cue


def guess_tense(text: str, start: int, end: int) -> Tense | None:
    """The tense governing ``text[start:end]``, guessed from the words of its sentence (a cheap hint).

    The nearest cue among up to eight words before the expression decides ("said Tuesday", "will
    travel on Tuesday, officials said"), else the nearest of six words after it. Cues: future
    markers and modals, past forms (irregular list, "-ed" unless after "be"/"to"/a determiner),
    present forms ("is calling for redemption on Dec. 7" is not the past). "until/by" point ahead.
    """
    left = max(0, start - 200)
    before = text[left:start]
    ends = [m.end() for m in _SENTENCE_END.finditer(before)]
    if ends:
        before = before[ends[-1] :]
    after = text[end : end + 150]
    stop = _SENTENCE_END.search(after)
    if stop:
        after = after[: stop.start()]
    words_before = _WORD.findall(before)[-_REACH_BEFORE - 4 :]
    words_after = _WORD.findall(after)[:10]
    if words_before and words_before[-1].lower() in ("until", "till", "by"):
        # "completed by Dec. 15" lies ahead, unless the clause is in the past ("had filed reports by Wednesday")
        # ... or, opening the sentence, the clause follows it ("Until Thursday, they had not called him a suspect")
        following = words_after[:4] if len(words_before) == 1 else []
        for word in [*reversed(words_before[-6:-1]), *following]:
            if word.lower() in ("had", "was", "were", "did"):
                return "PAST"
        return "FUTURE"
    # the nearest tense cue before the expression wins, else the nearest after: "said Tuesday",
    # "will meet on Friday, officials said"; a participle after "be"/"to" is no past ("to be
    # published in May")
    order = [(words_before, len(words_before) - d) for d in range(1, _REACH_BEFORE + 1)] + [
        (words_after, d) for d in range(6)
    ]
    for words, index in order:
        if not 0 <= index < len(words):
            continue
        word = words[index].lower()
        future = (word in _FUTURE_MARKERS and words[index] != "May") or (
            index + 1 < len(words) and f"{word} {words[index + 1].lower()}" in _FUTURE_BIGRAMS
        )
        if future:
            # a plan in the past perfect ("had been due to expire Friday", "had planned to leave on
            # Monday") was overtaken before the story was written: its day lies behind
            if _PAST_PERFECT_BEFORE.search(" ".join(words[max(0, index - 2) : index]).lower()):
                return "PAST"
            return "FUTURE"
        tense = _verb_tense(word)
        if tense == "PAST" and index > 0 and words[index - 1].lower() in ("is", "are", "am"):
            return "PRESENT"  # a present passive ("when the case is heard in May")
        # a participle after "be"/"to" is no past ("to be published"), nor an adjective ("the reduced dividend")
        if tense == "PAST" and not (index > 0 and words[index - 1].lower() in _NOT_BEFORE_PAST):
            return "PAST"
        if tense == "FUTURE" and _PAST_PERFECT_BEFORE.search(" ".join(words[max(0, index - 2) : index]).lower()):
            return "PAST"
        if tense in ("FUTURE", "PRESENT"):
            return tense
    return None


# ------------------------------------------------------------------ helpers

# patterns the normalisers test around an expression (compiled once)
_INTEGER = re.compile(r"\d+(?:\.\d+)?")
_FRACTION = re.compile(r"\d/\d")
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
_MONTHS_SPAN = re.compile(r"(?:three|six|nine|twelve|\d+)[\s-]+months?")
_MONTHS_NUMBER = re.compile(r"(three|six|nine|twelve|\d+)")
_DAY_PREP_BEFORE = re.compile(
    r"\b(?:for|on|during|in|of|end(?:ed|ing|s)?|finish(?:ed|ing|es)?|clos(?:e|ed|ing)|through)\s+$"
)
_YEAR_PREP_BEFORE = re.compile(r"\b(?:for|during|of|earlier\s+in|later\s+in)\s+$")
_NAME_AFTER_WEEKDAY = re.compile(
    r" (?!(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*|At|In|On|And|But)\b)[A-Z][a-z]"
)
_NOUN_AFTER = re.compile(r"\s+[a-z]")
_PAST_PREP_BEFORE = re.compile(r"\b(?:in|of|from|with|to)\s+$")
_UTC = re.compile(r"UTC|GMT")
_NON_DIGIT = re.compile(r"\D")
# "Russell 2000 Index", "Windows 2000 Server": between capitalised words a number is part of a name
_CAPITAL_BEFORE = re.compile(r"\b(?!(?:In|By|Since|Of|From|Until|Before|After|During|And|The)\b)[A-Z][a-z]+\s+$")
_CAPITAL_AFTER = re.compile(
    r"\s+(?!(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)[A-Z][a-z]"
)
_QUANTIFIER_OVER_BEFORE = re.compile(
    r"\b(?:in|for|of|than|just|last|lasts|lasted|after|within|to|by|from|at|take|took|takes)\s+$", IGNORE
)
_RATE_BEFORE = re.compile(r"(?:\d|\bcents?|dollars?|hours?|times|miles)\s*$")
# "$33 million a year", "50,000 CDs a year", "hundreds of interviews a day": a quantity, at most two words
# of what it counts, then "a <unit>" is a rate (a SET), not a length of time
_QUANTITY_RATE_BEFORE = re.compile(
    r"(?:\d|\b(?:million|billion|trillion|thousand|hundreds?|thousands|millions|dozens?))(?:\s+of)?"
    r"(?:\s+(?!(?:in|within|for|over|after|before|of|than|about|at|by|on|to|from|the|a|an|its|their)\b)[A-Za-z]+){0,2}\s+$",
    IGNORE,
)


def _num(text: str) -> float | None:
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


def _fmt_amount(amount: float | None, unit: str) -> str:
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


def _unit_code(word: str) -> str:
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


def _week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def _shift(d: date, n: int, code: str) -> date | None:
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


def _at(d: date, code: str) -> str:
    """``d`` written at the granularity of a unit."""
    if code == "D":
        return d.isoformat()
    if code == "W":
        return _week(d)
    if code == "WE":
        return _week(d) + "-WE"
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


def _premod(text: str | None) -> str | None:
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


def _month_year(month: int, anchor: date, tense: Tense | None, det: str | None) -> int:
    """The year of a month named without one: the tense decides whether it lies ahead or behind."""
    det = (det or "").lower()
    if "last" in det or "past" in det:
        return anchor.year - 1 if month >= anchor.month else anchor.year
    if "next" in det or "coming" in det:
        return anchor.year + 1 if month <= anchor.month else anchor.year
    return _nearest_year(month, 0, anchor, tense if tense != "PRESENT" else None)


def _weekday_date(weekday: int, anchor: date, tense: Tense | None, det: str | None) -> date:
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


def _holiday(name: str, year: int) -> str:
    n = " ".join(name.lower().split())
    if n.startswith("christmas eve"):
        return f"{year:04d}-12-24"
    if n.startswith("christmas"):
        return f"{year:04d}-12-25"
    if n.startswith("new year's eve"):
        return f"{year:04d}-12-31"
    if n.startswith("new year"):
        return f"{year:04d}-01-01"
    if n.startswith("thanksgiving") or n == "black friday":
        first = date(year, 11, 1)
        thanksgiving = first + timedelta(days=(3 - first.weekday()) % 7 + 21)
        return (thanksgiving + timedelta(days=n == "black friday")).isoformat()  # the shopping day after it
    if n.startswith("easter week"):
        return _week(_easter(year))  # Holy Week, Monday to Easter Sunday: the ISO week that Easter ends
    if n.startswith("easter"):
        return _easter(year).isoformat()
    if n.startswith("independence"):
        return f"{year:04d}-07-04"
    if n.startswith("halloween"):
        return f"{year:04d}-10-31"
    if n.startswith("valentine"):
        return f"{year:04d}-02-14"
    if n.startswith("boxing"):
        return f"{year:04d}-12-26"
    if n.startswith("victory"):
        return f"{year:04d}-05-09"
    if n.startswith("labor"):
        first = date(year, 9, 1)
        return (first + timedelta(days=(0 - first.weekday()) % 7)).isoformat()
    if n.startswith("memorial"):
        last = date(year, 5, 31)
        return (last - timedelta(days=last.weekday())).isoformat()
    return f"{year:04d}"


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


def _clock(m: re.Match[str], prefix: str = "") -> tuple[int, int] | None:
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


def _zone(text: str | None, anchor: date | None = None) -> str:
    if not text:
        return ""
    parts = _ZONE_PARTS.match(text)
    if parts is None:
        return ""
    key = parts.group(1).lower()
    if key in ("utc", "gmt") and parts.group(3):
        return f"{parts.group(2)}{int(parts.group(3)):02d}:00"  # "UTC+3", "GMT -5"
    if key in _US_STANDARD:
        # "ET" and a bare "Eastern Time" follow the clocks of the day; "Eastern Standard Time" does not
        lowered = text.lower()
        summer = "daylight" in lowered or ("standard" not in lowered and anchor is not None and _us_summer_time(anchor))
        return f"-{abs(_US_STANDARD[key]) - summer:02d}:00"
    return ZONES.get(key, "")


def _hm(hour: int, minute: int) -> str:
    return "24:00" if hour == 24 else f"{hour:02d}:{minute:02d}"


# ------------------------------------------------------------------ the tagger


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    family: str
    match: re.Match[str]


@dataclass(slots=True)
class _State:
    text: str
    anchor: date | None
    tense: TenseHint
    ref: date | None = None  # the last explicit day or month the story put on its time line
    ref_end: int = -1
    ref_code: str = "D"  # the granularity of ``ref``: D, M or Y
    quarter: str | None = None  # the fiscal quarter the story reports on ("1989-Q3")
    quarter_end: int = -1
    named_quarter: str | None = None  # the quarter named last, what "that quarter" points back at


Result = tuple[TimeType, str, str | None] | None

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
    candidates: list[_Candidate] = []
    lower = text.lower()
    for family, pattern in RULES:
        needs = _NEEDS.get(family)
        if needs and not any(word in lower for word in needs):
            continue
        # a pattern may match context it does not cover: its group "x" (or "x2") is then the expression
        has_x = "x" in pattern.groupindex
        has_x2 = "x2" in pattern.groupindex
        for m in pattern.finditer(text):
            if has_x and m.group("x"):
                start, end = m.span("x")
            elif has_x2 and m.group("x2"):
                start, end = m.span("x2")
            else:
                start, end = m.span()
            if end > start and text[start:end].strip():
                candidates.append(_Candidate(start, end, family, m))
    # A rejected candidate ("a Wednesday" is no set) must not hide the shorter ones it overlapped:
    # select, normalise, and select again without the rejects until every chosen one stands.
    rejected: set[int] = set()
    for _ in range(6):
        chosen = _select([c for c in candidates if id(c) not in rejected])
        state = _State(text, anchor, tense or guess_tense)
        out: list[TimeExpression] = []
        fresh = False
        for cand in chosen:
            try:
                result = _NORMALISERS[cand.family](cand, state)
            except (ValueError, OverflowError, KeyError, IndexError):
                result = None  # a malformed date ("Feb. 31") is not a time expression
            start, end = _trim(text, cand.start, cand.end)
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
        if not fresh:
            break
    return out


# "around" just before a date or a clock time, unless a verb takes it as its particle ("get around")
_AROUND_BEFORE = re.compile(
    r"(?<!\bget\s)(?<!\bgot\s)(?<!\bgo\s)(?<!\bcome\s)(?<!\bturn\s)(?<!\bwork\s)(?<!\bway\s)\b(?P<w>[Aa]round)\s+$"
)

# which family wins a tie between candidates of the same length (the more specific reading)
_PRIORITY = {"mdy": 3, "iso": 3, "year_ended": 3, "clock": 2, "quarter": 2, "set": 2, "month": 1, "rel": 1,
             "duration": 1}  # fmt: skip


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """Leftmost-longest, non-overlapping."""
    candidates.sort(key=lambda c: (-(c.end - c.start), -_PRIORITY.get(c.family, 0), c.start))
    taken: list[_Candidate] = []
    # the spans taken so far never overlap, so sorted by start they are sorted by end too: only the
    # last one starting before a candidate's end can reach into it (a bisection, not a scan of all)
    starts: list[int] = []
    ends: list[int] = []
    for cand in candidates:
        i = bisect_left(starts, cand.end)
        if i and ends[i - 1] > cand.start:
            continue
        taken.append(cand)
        starts.insert(i, cand.start)
        ends.insert(i, cand.end)
    taken.sort(key=lambda c: c.start)
    return taken


_SENTENCE_AFTER = re.compile(r"\s*(?:$|\n|[A-Z\"“])")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",-"):
        end -= 1
    # keep the period of an abbreviation ("Aug.", "a.m.") but not a sentence's full stop after digits
    full_stop_after_digit = end > start and text[end - 1] == "." and end - 2 >= start and text[end - 2].isdigit()
    clock_at_sentence_end = text[max(start, end - 4) : end].lower() in ("a.m.", "p.m.") and _SENTENCE_AFTER.match(
        text, end
    )
    if full_stop_after_digit or clock_at_sentence_end:
        end -= 1
    return start, end


def _tense(c: _Candidate, s: _State) -> Tense | None:
    return s.tense(s.text, c.start, c.end)


def _note_day(s: _State, d: date, c: _Candidate, code: str = "D") -> None:
    s.ref, s.ref_end, s.ref_code = d, c.end, code


_RANK = {"D": 0, "W": 1, "WE": 1, "M": 2, "Q": 3, "Y": 4, "DE": 5, "CE": 6}


def _ref_for(s: _State, c: _Candidate, code: str, reach: int = 600) -> date | None:
    """The story's last explicit date, if it is close and at least as fine as ``code``."""
    if s.ref is None or c.start - s.ref_end > reach:
        return None
    if _RANK.get(s.ref_code, 0) > _RANK.get(code, 0):
        return None
    return s.ref


def _nearest_year(month: int, day: int, anchor: date, tense: Tense | None) -> int:
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


def _norm_iso(c: _Candidate, s: _State) -> Result:
    g = c.match.groupdict()
    d = date(int(g["y"]), int(g["mo"]), int(g["d"]))
    _note_day(s, d, c)
    if g.get("h"):
        return "TIME", f"{d.isoformat()}T{g['h']}:{g['mi']}", None
    return "DATE", d.isoformat(), None


def _norm_slash(c: _Candidate, s: _State) -> Result:
    g = c.match.groupdict()
    year = int(g["y"])
    if year < 100:
        year += 1900 if year > 30 else 2000
    d = date(year, int(g["mo"]), int(g["d"]))
    _note_day(s, d, c)
    return "DATE", d.isoformat(), None


def _norm_mdy(c: _Candidate, s: _State) -> Result:
    g = c.match.groupdict()
    mon = (g.get("mon") or g.get("mon2") or "").rstrip(".").lower()
    day = int(_NON_DIGIT.sub("", g.get("day") or g.get("day2") or "0"))
    month = MONTHS[mon]
    if g.get("year"):
        year = int(g["year"])
    elif s.anchor:
        year = _nearest_year(month, day, s.anchor, _tense(c, s))
        if timex_aspect.ended_before(s.text, c.start):
            # "the quarter ended Oct. 31": the day is gone by, even a few days after the anchor
            year = timex_aspect.not_after(date(year, month, day), s.anchor).year
    else:
        year = 0
    value = f"{year:04d}-{month:02d}-{day:02d}" if year else f"XXXX-{month:02d}-{day:02d}"
    if year:
        d = date(year, month, day)
        _note_day(s, d, c)
    clock_prefix = "a" if g.get("clock1") else "b" if g.get("clock2") else None
    if clock_prefix:
        hm = _clock(c.match, clock_prefix)
        if hm:
            # the zone stands after the clock it qualifies: "16:15 UTC, June 1" as much as "June 1 at 16:15 UTC"
            zone = g.get("zone1") if clock_prefix == "a" else g.get("zone2")
            return "TIME", f"{value}T{_hm(*hm)}{_zone(zone, s.anchor)}", None
    return "DATE", value, None


_WEEKDAY_BEFORE = re.compile(rf"(?:\b(?:this\s+coming|this|next|last)\s+)?\b{_WEEKDAY}\s*,?\s+$", IGNORE)


def _norm_spelled_day(c: _Candidate, s: _State) -> Result:
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
        year = _nearest_year(month, day, s.anchor, _tense(c, s))
    else:
        return "DATE", f"XXXX-{month:02d}-{day:02d}", None
    d = date(year, month, day)  # ValueError ("February thirtieth") rejects the candidate
    _note_day(s, d, c)
    return "DATE", d.isoformat(), None


def _name_like(c: _Candidate, s: _State) -> bool:
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


def _norm_month(c: _Candidate, s: _State) -> Result:
    g = c.match.groupdict()
    if _name_like(c, s):
        return None
    mon = g["mon"].rstrip(".").lower()
    if len(mon) <= 4 and mon not in ("may", "june", "july") and not g.get("year") and not g["mon"].endswith("."):
        return None  # bare "Jan" or "Sep" without a dot or a year is rarely a month in prose
    month = MONTHS[mon]
    mod = _premod(g.get("pre"))
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
        year = _month_year(month, s.anchor, _tense(c, s), g.get("det"))
    else:
        return "DATE", f"XXXX-{month:02d}", mod
    _note_day(s, date(year, month, 1), c, "M")
    return "DATE", f"{year:04d}-{month:02d}", mod


def _norm_year(c: _Candidate, s: _State) -> Result:
    g = c.match.groupdict()
    year = int(g["year"])
    text = s.text
    if g.get("s"):
        return "DATE", _decade(f"{year // 10:03d}", c, s), _premod(g.get("pre"))
    before = text[max(0, c.start - 20) : c.start]
    after = text[c.end : c.end + 20]
    if not g.get("fy") and not g.get("pre"):
        # a bare number: a year only when it looks like one in running text
        if year < 1800 and not _DATE_PREP.search(before):
            return None
        if _COUNTED_AFTER_YEAR.match(after) and not _YEARISH_NOUN_AFTER_YEAR.match(after):
            return None
        if _CODE_BEFORE_YEAR.search(before) or (_CAPITAL_BEFORE.search(before) and _CAPITAL_AFTER.match(after)):
            return None
    mod = _premod(g.get("pre"))
    _note_day(s, date(year, 1, 1), c, "Y")
    return "DATE", f"{year:04d}", mod


def _norm_year_open(c: _Candidate, s: _State) -> Result:
    year = int(c.match.group("year"))
    if year < 1800:
        return None  # "1200 or more" is a count
    side = c.match.group("side").lower()
    _note_day(s, date(year, 1, 1), c, "Y")
    return (
        "DATE",
        f"{year:04d}",
        "ON_OR_AFTER" if ("later" in side or "beyond" in side or "after" in side) else "ON_OR_BEFORE",
    )


def _norm_year_ended(c: _Candidate, s: _State) -> Result:
    return "DURATION", "P1Y", None


def _norm_year_period(c: _Candidate, s: _State) -> Result:
    year = int(c.match.group("year"))
    story = _story_quarter(s, c)
    span = c.match.group(0).lower()
    if story and ("period" in span or span.endswith("quarter")):
        # "the 1988 quarter" in a report on the third quarter is that quarter of 1988
        return "DATE", f"{year:04d}{story[4:]}", None
    return "DATE", f"{year:04d}", None


def _norm_short_year(c: _Candidate, s: _State) -> Result:
    yy = int(c.match.group("yy"))
    # the century that puts the year at or before the anchor
    base = s.anchor.year if s.anchor else 2000
    year = (base // 100) * 100 + yy
    if year > base:
        year -= 100
    return "DATE", f"{year:04d}", None


def _norm_spelled_year(c: _Candidate, s: _State) -> Result:
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
    _note_day(s, date(year, 1, 1), c, "Y")
    return "DATE", f"{year:04d}", None


_AGE_BEFORE = re.compile(r"\b(?:his|her|their|its|my|your|our)\s+$", IGNORE)


def _decade(digits: str, c: _Candidate, s: _State) -> str:
    """A decade as TimeBank writes it: "198X" for a bare "1980s", "198" for "the (early) 1980s"."""
    span = c.match.group(0).lower()
    if span.startswith(("the", "early", "late", "mid")) or timex_aspect.shares_determiner(s.text, c.start):
        return digits  # "the 70s and 80s": the second decade is under the first one's "the"
    return digits + "X"


def _norm_decade_word(c: _Candidate, s: _State) -> Result:
    g = c.match.groupdict()
    if _AGE_BEFORE.search(s.text[max(0, c.start - 16) : c.start]):
        return None  # "in his early thirties": an age
    return "DATE", _decade(f"19{_DECADE_WORDS[g['w'].lower()]}", c, s), _premod(g.get("pre"))


def _norm_century(c: _Candidate, s: _State) -> Result:
    # TimeML writes a century by its first two digits: the 20th century is "19"
    return "DATE", f"{int(c.match.group('n')) - 1:02d}", None


def _norm_decade(c: _Candidate, s: _State) -> Result:
    g = c.match.groupdict()
    if (g.get("d2") or g.get("dd")) and _AGE_BEFORE.search(s.text[max(0, c.start - 16) : c.start]):
        return None  # "in his 30s", "in their early 20s": an age, not a decade
    if g.get("d4"):
        return "DATE", _decade(g["d4"], c, s), _premod(g.get("pre3"))
    if g.get("dd"):
        century = "19"
        if s.anchor and int(g["dd"]) <= (s.anchor.year % 100) // 10 and s.anchor.year >= 2000:
            century = "20"
        return "DATE", _decade(f"{century}{g['dd']}", c, s), _premod(g.get("pre"))
    decade = int(g["d2"])
    if decade < 20 and not _DECADE_BEFORE.search(s.text[max(0, c.start - 6) : c.start]):
        return None
    return "DATE", _decade(f"19{decade // 10}", c, s), _premod(g.get("pre2"))


def _norm_season(c: _Candidate, s: _State) -> Result:
    g = c.match.groupdict()
    season = SEASONS[g["season"].lower()]
    det = (g.get("det") or "").lower()
    mod = _premod(g.get("pre"))
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
        tense = _tense(c, s)
        if tense == "PAST" and order > s.anchor.month:
            year -= 1
        elif tense == "FUTURE" and order + 2 < s.anchor.month and season != "WI":
            year += 1
    return "DATE", f"{year:04d}-{season}", mod


def _latest_quarter(anchor: date) -> tuple[int, int]:
    """The last complete quarter before ``anchor`` (what 'the quarter' means in earnings news)."""
    q = (anchor.month - 1) // 3  # 0-based current quarter
    return (anchor.year, q) if q else (anchor.year - 1, 4)


def _norm_quarter(c: _Candidate, s: _State) -> Result:
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
            tense = _tense(c, s)
            if start_month > s.anchor.month and tense == "PAST":
                year -= 1
        if g.get("ya"):
            year -= 1
    if code == "H":
        return "DATE", f"{year:04d}-H{min(ordinal, 2)}" if year else f"XXXX-H{min(ordinal, 2)}", None
    value = f"{year:04d}-Q{ordinal}" if year else f"XXXX-Q{ordinal}"
    _note_quarter(s, value, c)
    return "DATE", value, None


def _norm_q_code(c: _Candidate, s: _State) -> Result:
    g = c.match.groupdict()
    # "Audi Q3", "Boeing 2H": after a name the code is a model, not a period
    if _CAPITAL_BEFORE.search(s.text[max(0, c.start - 20) : c.start]):
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
        if start_month > s.anchor.month and _tense(c, s) == "PAST":
            year -= 1  # a quarter not yet begun, told in the past, is last year's
    else:
        return "DATE", f"XXXX-{'H' if half else 'Q'}{number}", None
    value = f"{year:04d}-{'H' if half else 'Q'}{number}"
    if not half:
        _note_quarter(s, value, c)
    return "DATE", value, None


def _note_quarter(s: _State, value: str, c: _Candidate) -> None:
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
    year, q = _latest_quarter(anchor)
    return (year * 4 + q) - (int(quarter[:4]) * 4 + int(quarter[-1])) <= 4


def _complete(quarter: str, anchor: date | None) -> bool:
    if anchor is None or not quarter[-1].isdigit():
        return False
    return (int(quarter[:4]), int(quarter[-1])) <= _latest_quarter(anchor)


_QUARTER_HOLD = 600


def _story_quarter(s: _State, c: _Candidate) -> str | None:
    """The quarter the story talks about, when it is near and already over at the anchor."""
    if not s.quarter or c.start - s.quarter_end >= 1500 or not s.quarter[-1].isdigit():
        return None
    if s.anchor:
        year, q = int(s.quarter[:4]), int(s.quarter[-1])
        if (year, q) > _latest_quarter(s.anchor):
            return None  # a quarter still running is not the one results are reported for
    return s.quarter


def _norm_fiscal_period(c: _Candidate, s: _State) -> Result:
    g = c.match.groupdict()
    det = (g.get("det") or "").lower()
    span_text = c.match.group(0).lower()
    if g.get("mtail"):
        # "sales fell in January, compared to the same month a year ago": that month a year before
        month = _ref_for(s, c, "M", 300)
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
            base = _story_quarter(s, c)
            if base is None and s.anchor is not None:
                y, q = _latest_quarter(s.anchor)
                base = f"{y:04d}-Q{q}"
            return ("DATE", f"{int(base[:4]) - 1:04d}{base[4:]}", None) if base else None
        if _story_quarter(s, c):
            return "DATE", _story_quarter(s, c) or "", None
        if s.anchor is None:
            return None
        y, q = _latest_quarter(s.anchor)
        return "DATE", f"{y:04d}-Q{q}", None
    if _MONTHS_SPAN.search(span_text):
        n = _num(_MONTHS_NUMBER.search(span_text).group(1))  # type: ignore[union-attr]
        return "DURATION", _fmt_amount(n, "M"), None
    unit = (g.get("unit") or "").lower()
    if det == "this":
        if unit != "quarter" or g.get("the") or g.get("tail") or s.anchor is None:
            return None
        # "this quarter" in a report on a quarter just closed is that quarter, else the running one
        story = _story_quarter(s, c)
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
    story = _story_quarter(s, c)
    if det in ("latest", "last", "most recent", "recent", "just-ended", "past") or not story:
        y, q = _latest_quarter(s.anchor)
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
        _note_quarter(s, f"{y:04d}-Q{q}", c)  # the quarter the story now talks about
    return "DATE", f"{y:04d}-Q{q}", None


# "compared with a loss of $3 million last year": a comparison of amounts, within the sentence
_COMPARED_BEFORE = re.compile(r"\bcompared\s+(?:with|to)\b[^.;!?]*$", IGNORE)


def _norm_rel(c: _Candidate, s: _State) -> Result:
    g = c.match.groupdict()
    det = " ".join((g.get("det") or "").lower().split())
    unit = g["unit"].lower()
    code = _REL_UNIT[unit]
    pre = g.get("pre")
    mod = _premod(pre) or ("APPROX" if g.get("orso") else None)
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
            base = _ref_for(s, c, "D", 400) or s.anchor
            return ("TIME", f"{base.isoformat()}T{PARTS_OF_DAY[unit]}", None) if base else None
        if plural or unit in ("decade", "century", "night", "morning", "afternoon", "evening") or (pre and not in_form):
            if pre and unit in ("year", "month", "week", "day", "decade") and s.anchor:
                return "DATE", _at(s.anchor, code), mod
            return None
        if unit in ("day", "week") and not (in_form or _DAY_PREP_BEFORE.search(before)):
            return None
        if unit in ("year", "month") and not (in_form or _YEAR_PREP_BEFORE.search(before)):
            return None
        base = _ref_for(s, c, code, 400) or s.anchor
        if base is None:
            return None
        if code == "WE" and base is s.anchor and base.isoweekday() <= 4 and _tense(c, s) != "FUTURE":
            base = base - timedelta(days=7)  # "over the weekend", written early in the week: the one just past
        return "DATE", _at(base, code), mod
    if plural:
        if det in ("recent", "past") and code in ("D", "W", "M", "Q", "Y", "DE") and not pre:
            # "in past years", "in recent weeks": a stretch only under a perfect, else a past time
            kind, value = timex_aspect.vague_past(s.text, c.start, c.end, code)
            return kind, value, mod
        if det in ("the past", "the last", "past", "last", "the previous", "recent", "the recent"):
            return "DURATION", _fmt_amount(None, code if code != "WE" else "W"), mod
        if "coming" in det or "next" in det or "upcoming" in det or tail in ("ahead", "to come"):
            # "in the coming weeks" is a stretch of unknown length ahead, as TimeBank mostly writes it
            return "DURATION", _fmt_amount(None, code if code != "WE" else "W"), mod
        return None
    if unit in ("morning", "afternoon", "evening", "night"):
        if s.anchor is None:
            return None
        pod = PARTS_OF_DAY[unit]
        if det in ("this",):
            return "TIME", f"{s.anchor.isoformat()}T{pod}", mod
        if det in ("last",) and unit in ("night", "evening"):
            return "TIME", f"{(s.anchor - timedelta(days=1)).isoformat()}T{pod}", mod
        ref = _ref_for(s, c, "D")
        if det in ("the next", "the following") and ref:
            return "TIME", f"{(ref + timedelta(days=1)).isoformat()}T{pod}", mod
        return None
    # anchored to the story's time line: the following year, the next day, the same day
    anchored_det = det in ("the following", "the next", "the previous", "the prior", "the same")
    if anchored_det or tail in ("earlier", "later", "before", "after", "previous"):
        base = _ref_for(s, c, code)
        n = {"the following": 1, "the next": 1, "the previous": -1, "the prior": -1, "the same": 0}.get(det, 0)
        if not det:
            # "the day before", "the year previous", "the week after": one unit off the story's date
            n = -1 if tail in ("earlier", "before", "previous") else 1
        if base is None:
            if det == "the next" and code != "D":
                return ("DURATION", _fmt_amount(1, code if code != "WE" else "W"), mod) if s.anchor else None
            if (det in ("the following", "the next") and s.anchor and code == "D") or (det == "the same" and s.anchor):
                base = s.anchor
            else:
                return None
        d = _shift(base, n, code if code != "WE" else "W")
        return ("DATE", _at(d, code), mod) if d else None
    if s.anchor is None:
        return None
    if det in ("this", "the current", "current", "the present", "the new"):
        if code == "D":
            return "DATE", s.anchor.isoformat(), mod
        if code == "WE":
            return "DATE", _week(s.anchor) + "-WE", mod
        return "DATE", _at(s.anchor, code), mod
    if det in ("the past", "the last", "the latest", "the most recent", "the recent") and code not in ("WE",):
        # "the past year", "the last decade": annotated as the previous calendar unit
        shifted = _shift(s.anchor, -1, code) if code != "CE" else _shift(s.anchor, -1200, "M")
        return ("DATE", _at(shifted, code), mod) if shifted else None
    if code == "Y" and det == "last" and _COMPARED_BEFORE.search(s.text, max(0, c.start - 80), c.start):
        # "compared with $33 million last year" in an earnings report: the story's quarter a year before
        story = _story_quarter(s, c)
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
        return "DATE", _week(base_d) + "-WE", mod
    if code == "D":
        d = s.anchor + timedelta(days=n)
        return "DATE", d.isoformat(), mod
    d = _shift(s.anchor, n, code)
    if d is None:
        return None
    if n and code in ("Y", "M") and not pre:
        # "last year" puts the story there: "the year previous" and "that year" count from it
        _note_day(s, d, c, code)
    return "DATE", _at(d, code), mod


def _norm_compound(c: _Candidate, s: _State) -> Result:
    raw = c.match.group("w").lower()
    w = raw.replace("-", "")
    if s.anchor is None:
        return None
    if w in ("yearend",) or (raw.startswith("year") and raw.endswith(" end")):
        # "the change since year-end" looks back to the last one, as a past verb does
        since = _SINCE_BEFORE.search(s.text[max(0, c.start - 8) : c.start])
        tense = "PAST" if since else _tense(c, s)
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


def _norm_anaphor(c: _Candidate, s: _State) -> Result:
    g = c.match.groupdict()
    unit = g["unit"].lower()
    mod = _premod(g.get("pre"))
    if unit == "quarter":
        quarter = s.named_quarter or s.quarter
        return ("DATE", quarter, mod) if quarter and c.start - s.quarter_end < 1500 else None
    if unit == "time":
        # "by that time", "during that time": the point the story last put on its time line
        if not _TIME_PREP_BEFORE.search(s.text[max(0, c.start - 10) : c.start]):
            return None  # "that time is short" is no point in time
        base = _ref_for(s, c, "Y", 600)
        return ("DATE", _at(base, s.ref_code), mod) if base else ("DATE", "PAST_REF", mod)
    code = _REL_UNIT[unit]
    # "that day" points back at a date the story gave; with none to point at it is no time of ours
    base = _ref_for(s, c, code, 1500)
    if base is None:
        return None
    if unit in PARTS_OF_DAY:
        return "TIME", f"{base.isoformat()}T{PARTS_OF_DAY[unit]}", mod
    return "DATE", _at(base, code), mod


def _norm_whole_year(c: _Candidate, s: _State) -> Result:
    if s.anchor is None:
        return None
    ref = _ref_for(s, c, "Y", 1500)
    if ref is not None and abs(ref.year - s.anchor.year) <= 1:
        return "DATE", f"{ref.year:04d}", None
    # full-year results come out in the first weeks of the next year
    year = s.anchor.year - 1 if s.anchor.month <= 2 and _tense(c, s) != "FUTURE" else s.anchor.year
    return "DATE", f"{year:04d}", None


def _norm_units_before(c: _Candidate, s: _State) -> Result:
    code = _unit_code(c.match.group("unit"))
    base = _ref_for(s, c, "M", 1500)
    if base is not None and code in ("D", "W"):
        # days or weeks before an event the story dated: the month they fall in
        return "DATE", _at(base, "M"), None
    return "DURATION", _fmt_amount(None, code), None


def _norm_the_years(c: _Candidate, s: _State) -> Result:
    return "DURATION", _fmt_amount(None, _unit_code(c.match.group("unit"))), None


def _norm_range_first(c: _Candidate, s: _State) -> Result:
    g = c.match.groupdict()
    amount = _num(g.get("x") or g.get("x2") or "")
    code = _unit_code(g["unit"])
    if code == "DE" and amount is not None:
        code, amount = "Y", amount * 10
    return "DURATION", _fmt_amount(amount, code), None


def _norm_vague_span(c: _Candidate, s: _State) -> Result:
    return "DURATION", "PXX", None


def _norm_week_of(c: _Candidate, s: _State) -> Result:
    g = c.match.groupdict()
    month = MONTHS[g["mon"].rstrip(".").lower()]
    if g.get("year"):
        year = int(g["year"])
    elif s.anchor:
        year = _month_year(month, s.anchor, _tense(c, s), None)
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
    _note_day(s, d, c, "W")
    return "DATE", _week(d), None


def _norm_ordinal_unit(c: _Candidate, s: _State) -> Result:
    # "the second day of the offensive" is a day of the story: told in the present, the day it is written
    unit = c.match.group("unit").lower()
    if c.match.group("unit")[0].isupper() or s.anchor is None:
        return None
    det = _DET_BEFORE.search(s.text, max(0, c.start - 5), c.start)
    if det:
        c.start = det.start()  # "the second day", "a third straight week": the article is part of it
    base = _ref_for(s, c, "D", 400) if _tense(c, s) == "PAST" else None
    base = base or s.anchor
    return "DATE", _at(base, {"day": "D", "week": "W", "month": "M"}[unit]), None


def _norm_part_of_day(c: _Candidate, s: _State) -> Result:
    g = c.match.groupdict()
    pod = PARTS_OF_DAY[(g["pod"] or g["pod2"]).lower()]
    mod = _premod(g.get("pre"))
    word = (g.get("w") or "").lower()
    if s.anchor is None:
        return "TIME", f"XXXX-XX-XXT{pod}", mod
    if word in ("yesterday", "today", "tomorrow"):
        d = s.anchor + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(word, 0))
    elif word:
        d = _weekday_date(WEEKDAYS[word], s.anchor, _tense(c, s), None)
    else:
        d = _ref_for(s, c, "D", 600) or s.anchor
    return "TIME", f"{d.isoformat()}T{pod}", mod


def _norm_weekday(c: _Candidate, s: _State) -> Result:
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
        base = _ref_for(s, c, "D") or s.anchor
        if det == "the previous":
            d = base - timedelta(days=(base.isoweekday() - weekday) % 7 or 7)
        else:
            d = base + timedelta(days=(weekday - base.isoweekday()) % 7 or 7)
        value = d.isoformat()
    else:
        # "Wednesday's ruling" names an event that has happened: no verb decides
        tense = None if s.text.startswith(("'s", "’s"), c.end) else _tense(c, s)
        d = _weekday_date(weekday, s.anchor, tense, det)
        value = d.isoformat()
        _note_day(s, d, c)
    if pod:
        return "TIME", f"{value}T{PARTS_OF_DAY[pod]}", mod
    return "DATE", value, mod


def _norm_weekday_set(c: _Candidate, s: _State) -> Result:
    g = c.match.groupdict()
    pod = (g.get("pod") or g.get("pod2") or "").lower()
    value = f"XXXX-WXX-{WEEKDAYS[g['wd'].lower()]}"
    return "SET", value + (f"T{PARTS_OF_DAY[pod]}" if pod else ""), None


# "today's youth", "tomorrow's world": the present or future age, not a day
_GENERIC_AFTER_DAY = re.compile(
    r"['’]s\s+(?:world|youth|society|generation|children|kids|young|families|standards|technology|personal|modern"
    r"|global|economy|people|culture|consumers?)\b",
    IGNORE,
)


def _norm_deictic(c: _Candidate, s: _State) -> Result:
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
        _note_day(s, d, c)
    if word == "tonight":
        return "TIME", f"{d.isoformat()}TNI", None
    mod = _premod(g.get("pre")) if g.get("pre") and g["pre"].lower() in ("early", "late") else None
    if pod:
        return "TIME", f"{d.isoformat()}T{PARTS_OF_DAY[pod]}", mod
    return "DATE", d.isoformat(), mod


def _norm_ref(c: _Candidate, s: _State) -> Result:
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
            kind, value = timex_aspect.vague_past(s.text, c.start, c.end, _unit_code(stretch.group(1)))
            return kind, value, None
        return "DATE", "PAST_REF", None
    if word in ("later", "eventually", "shortly"):
        return None
    if word == "future" and not _NOUN_AFTER.match(s.text[c.end : c.end + 3]):
        return None
    stretch = _STRETCH_UNITS.search(word)
    if stretch:
        return "DURATION", _fmt_amount(None, _unit_code(stretch.group(1))), None
    return "DATE", "FUTURE_REF", None


_SINCE_BEFORE = re.compile(r"\bsince\s+$", IGNORE)
_DET_BEFORE = re.compile(r"\b(?:[Aa]|[Tt]he)\s+$")
_CLOCK_PREP_BEFORE = re.compile(r"\b(?:at|by|until|till|before|after|from|around|about|since|to)\s+$", IGNORE)
_IN_BEFORE = re.compile(r"\b(?:in|during)\s+$")
_STRETCH_UNITS = re.compile(r"\b(days|weeks|months|quarters|years|decades)\b")


_OF_AFTER = re.compile(r"\s*,?\s*of\b")  # "a quarter of", "about a quarter, of its dealers": a fraction
_TIME_PREP_BEFORE = re.compile(r"\b(?:by|at|during|since|until|till|before|after|from|for|in|to)\s+$", IGNORE)
_VERB_LAST_BEFORE = re.compile(r"\b(?:to|will|would|could|may|might|can|should|must|did|does|not)\s+$", IGNORE)
_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|may|might|can|should|must|hopes?|he|she|they|we|I)\s+$", IGNORE)


def _norm_duration(c: _Candidate, s: _State) -> Result:
    g = c.match.groupdict()
    unit_word = g["unit"].lower()
    code = _unit_code(unit_word)
    num_text = g["num"]
    amount = _num(num_text)
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
        return "DURATION", _fmt_amount(None if amount is None else 25 * amount, "Y"), None
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
    ref = _ref_for(s, c, code)
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
        return "DURATION", _fmt_amount(None, dur_code), mod
    return "DURATION", _fmt_amount(amount, dur_code), mod


def _point(base: date, amount: float, code: str, c: _Candidate, s: _State) -> Result:
    """``amount`` units away from ``base``, at the unit's granularity (three years ago -> 2021)."""
    if code in ("H", "MIN", "S"):
        return "DURATION", _fmt_amount(abs(amount), code), None
    n = int(amount)
    if n != amount:
        return "DATE", "PAST_REF" if amount < 0 else "FUTURE_REF", None
    if code == "Y" and s.quarter and c.start - s.quarter_end < 1500 and abs(n) == 1:
        # "a year ago" in an earnings report compares the same quarter of the previous year
        story = _story_quarter(s, c)
        if story is None and s.anchor:
            y, q = _latest_quarter(s.anchor)
            story = f"{y:04d}-Q{q}"
        if story:
            return "DATE", f"{int(story[:4]) + n:04d}{story[4:]}", None
    d = _shift(base, n * 1200, "M") if code == "CE" else _shift(base, n, code if code != "WE" else "W")
    if d is None:
        return None
    if code == "W" and abs(n) <= 2:
        # "a week ago", "two weeks later" name a day, the same weekday one or two weeks off
        return "DATE", d.isoformat(), None
    return "DATE", _at(d, code), None


def _norm_bare_units(c: _Candidate, s: _State) -> Result:
    code = _unit_code(c.match.group("unit"))
    return "DURATION", _fmt_amount(None, code), None


def _norm_adj_units(c: _Candidate, s: _State) -> Result:
    code = _unit_code(c.match.group("unit"))
    if c.match.group("pl"):
        # "decades-long": many of the unit, how many unsaid; TimeBank writes decades as years
        return "DURATION", _fmt_amount(None, "Y" if code in ("DE", "CE") else code), None
    if code in ("DE", "CE"):
        return "DURATION", f"P{10 if code == 'DE' else 100}Y", None  # as "a decade" is written
    return "DURATION", _fmt_amount(1, code), None


def _norm_clock(c: _Candidate, s: _State) -> Result:
    g = c.match.groupdict()
    if g.get("clock2") or g.get("hbare"):
        # "4 in the morning": the part of the day says which half of the clock
        if g.get("hbare") and not _CLOCK_PREP_BEFORE.search(s.text[max(0, c.start - 10) : c.start]):
            return None  # a bare number is a clock time only after "at", "by", "until" ("rose 4 in the afternoon")
        hm = _clock(c.match, "c") if g.get("clock2") else (int(g["hbare"]) % 12, int(g.get("mbare") or 0))
        if hm is None:
            return None
        pod = (g.get("pod") or "").lower()
        hour = hm[0] + 12 if pod in ("afternoon", "evening") and hm[0] < 12 else hm[0]
        hm = (hour, hm[1])
        zone = ""
        day = s.anchor
    else:
        hm = _clock(c.match)
        if hm is None:
            return None
        zone = _zone(g.get("zone") or g.get("pzone"), s.anchor)
        if not zone and _UTC.search(g["clock"]):
            zone = "Z"
        day = s.anchor
        wd = (g.get("wd") or "").lower().removesuffix("'s")
        if wd and s.anchor:
            if wd in ("today", "tonight", "yesterday", "tomorrow"):
                day = s.anchor + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(wd, 0))
            else:
                day = _weekday_date(WEEKDAYS[wd], s.anchor, _tense(c, s), None)
        elif _ref_for(s, c, "D", 40):
            day = _ref_for(s, c, "D", 40)
    if day is None:
        return "TIME", f"XXXX-XX-XXT{_hm(*hm)}{zone}", None
    return "TIME", f"{day.isoformat()}T{_hm(*hm)}{zone}", None


_PAPER_NAME_AFTER = re.compile(r"\s+(?:[A-Z][a-z]|[A-Z]{2,}\b)")
_SET_UNIT = {"D": "P1D", "W": "P1W", "M": "P1M", "Y": "P1Y", "H": "PT1H", "MIN": "PT1M", "Q": "P1Q", "WE": "P1W"}


def _norm_set(c: _Candidate, s: _State) -> Result:
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
    code = _unit_code(low)
    if g.get("n"):
        n = _num(g["n"].strip())
        return "SET", _fmt_amount(n, code), None
    if g.get("other"):
        return "SET", _fmt_amount(2, code), None
    return "SET", _SET_UNIT.get(code, "P1D"), None


def _norm_holiday(c: _Candidate, s: _State) -> Result:
    g = c.match.groupdict()
    name = " ".join(g["h"].lower().split())
    if name.startswith("black ") and name != "black friday":
        return "DATE", _BLACK_DAYS[name.split()[1]], None
    if g.get("year"):
        year = int(g["year"])
    elif s.anchor:
        year = s.anchor.year
        det = (g.get("det") or "").lower()
        if not det:
            # the nearest one: a holiday months ahead is usually last year's
            options = [(abs((date.fromisoformat(_holiday(g["h"], y)) - s.anchor).days), y) for y in (year - 1, year)]
            year = min(options)[1]
        if det == "last":
            year -= 1
        elif det == "next":
            year += 1
    else:
        return None
    return "DATE", _holiday(g["h"], year), None


_NORMALISERS: dict[str, Callable[[_Candidate, _State], Result]] = {
    "iso": _norm_iso,
    "slash": _norm_slash,
    "mdy": _norm_mdy,
    "spelled_day": _norm_spelled_day,
    "month": _norm_month,
    "year": _norm_year,
    "decade": _norm_decade,
    "spelled_year": _norm_spelled_year,
    "short_year": _norm_short_year,
    "year_period": _norm_year_period,
    "year_ended": _norm_year_ended,
    "year_open": _norm_year_open,
    "decade_word": _norm_decade_word,
    "century": _norm_century,
    "season": _norm_season,
    "quarter": _norm_quarter,
    "q_code": _norm_q_code,
    "fiscal_period": _norm_fiscal_period,
    "rel": _norm_rel,
    "compound": _norm_compound,
    "anaphor": _norm_anaphor,
    "vague_span": _norm_vague_span,
    "range_first": _norm_range_first,
    "week_of": _norm_week_of,
    "part_of_day": _norm_part_of_day,
    "whole_year": _norm_whole_year,
    "units_before": _norm_units_before,
    "the_years": _norm_the_years,
    "weekday": _norm_weekday,
    "weekday_set": _norm_weekday_set,
    "deictic": _norm_deictic,
    "ref": _norm_ref,
    "duration": _norm_duration,
    "bare_units": _norm_bare_units,
    "units_of": _norm_bare_units,
    "adj_units": _norm_adj_units,
    "clock": _norm_clock,
    "set": _norm_set,
    "holiday": _norm_holiday,
    "ordinal_unit": _norm_ordinal_unit,
}

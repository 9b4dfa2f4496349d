"""Recognition: the patterns that propose time expressions, and the choice among overlapping ones.

Each family in :data:`RULES` is one regular expression with named groups; the normaliser of that
family (see the ``NORMALISERS`` tables of the ``timex_*`` normaliser modules) reads the groups.
:data:`NEEDS` lets a text skip the scan of a family none of whose words it contains.
:func:`find_candidates` runs every family; :func:`select` keeps the leftmost-longest of overlapping
candidates; :func:`trim` tidies a span's edges.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from dateline.enrich.timex_lexicon import DAY_ORDINALS

_DAY_ORDINAL = "(?:" + "|".join(sorted((k.replace(" ", r"\s+") for k in DAY_ORDINALS), key=len, reverse=True)) + ")"

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\."
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?![a-z])"
)
WEEKDAY_PATTERN = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
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
        rf"(?:(?P<wd>{WEEKDAY_PATTERN})\s*,?\s+(?:the\s+)?)?"
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
        rf"(?P<wd>{WEEKDAY_PATTERN})(?:\s+(?P<pod>morning|afternoon|evening|night|overnight))?",
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
        rf"(?:\s+(?:on\s+)?(?P<wd>{WEEKDAY_PATTERN}|today|tonight|tomorrow|yesterday))?"
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
NEEDS: dict[str, tuple[str, ...]] = {
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


@dataclass(slots=True)
class Candidate:
    """A span one family's pattern proposes; its normaliser may widen or narrow it, or reject it."""

    start: int
    end: int
    family: str
    match: re.Match[str]


def find_candidates(text: str) -> list[Candidate]:
    """Every span any family's pattern matches in ``text``, overlapping ones included."""
    candidates: list[Candidate] = []
    lower = text.lower()
    for family, pattern in RULES:
        needs = NEEDS.get(family)
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
                candidates.append(Candidate(start, end, family, m))
    return candidates


# which family wins a tie between candidates of the same length (the more specific reading)
_PRIORITY = {"mdy": 3, "iso": 3, "year_ended": 3, "clock": 2, "quarter": 2, "set": 2, "month": 1, "rel": 1,
             "duration": 1}  # fmt: skip


def select(candidates: list[Candidate]) -> list[Candidate]:
    """Leftmost-longest, non-overlapping."""
    candidates.sort(key=lambda c: (-(c.end - c.start), -_PRIORITY.get(c.family, 0), c.start))
    taken: list[Candidate] = []
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


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the spaces, commas and hyphens at its edges, nor a full stop that ends a sentence."""
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

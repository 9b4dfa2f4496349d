"""The word tables (lexicons) of the TIMEX3 tagger in :mod:`dateline.enrich.timex`.

Calendar words and their TimeML codes, number words, ordinals, zone offsets, the verb forms that hint
at a tense, and a few named days. Pure data: the patterns and rules that use them stay in ``timex``.
"""

from __future__ import annotations

# ------------------------------------------------------------------ calendar words

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
    "mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5, "sat": 6, "sun": 7,
}  # fmt: skip
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}
UNITS = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W", "fortnight": "W",
    "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE", "weekend": "WE",
}  # fmt: skip
SMALL = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "dozen": 12, "half": 0.5, "single": 1, "couple": 2,
}  # fmt: skip
ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "last": 4, "final": 4,
}  # fmt: skip
# Days of the month spelled as ordinals ("March eighth", "the twenty-first of June"), as transcripts write them.
_DAY_ORDINAL_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_DAY_ORDINAL_TEENS = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
                      "seventeenth", "eighteenth", "nineteenth"]  # fmt: skip
DAY_ORDINALS: dict[str, int] = {w: i + 1 for i, w in enumerate(_DAY_ORDINAL_UNITS)}
DAY_ORDINALS.update({w: i + 10 for i, w in enumerate(_DAY_ORDINAL_TEENS)})
DAY_ORDINALS.update({"twentieth": 20, "thirtieth": 30, "thirty-first": 31, "thirty first": 31})
DAY_ORDINALS.update({f"twenty{sep}{w}": 21 + i for i, w in enumerate(_DAY_ORDINAL_UNITS) for sep in ("-", " ")})
# Offsets of zones news writes after a clock time; "Moscow time" is UTC+3 all year.
ZONES = {
    "utc": "Z", "gmt": "Z", "est": "-05:00", "edt": "-04:00", "cst": "-06:00", "cdt": "-05:00",
    "mst": "-07:00", "mdt": "-06:00", "pst": "-08:00", "pdt": "-07:00", "bst": "+01:00", "cet": "+01:00",
    "cest": "+02:00", "eet": "+02:00", "eest": "+03:00", "msk": "+03:00", "moscow": "+03:00",
    "kyiv": "+03:00", "kiev": "+03:00", "tokyo": "+09:00", "beijing": "+08:00", "jst": "+09:00",
    "ist": "+05:30", "hkt": "+08:00",
}  # fmt: skip

# ------------------------------------------------------------------ tense cues

PAST_IRREGULAR = {
    "said", "was", "were", "had", "did", "told", "met", "came", "went", "took", "gave", "made", "saw",
    "began", "fell", "rose", "won", "lost", "held", "left", "sold", "bought", "paid", "found", "got", "hit",
    "led", "ran", "sent", "spent", "struck", "thought", "wrote", "knew", "brought", "became", "broke",
    "chose", "drove", "flew", "fought", "grew", "heard", "kept", "laid", "meant", "put", "quit", "read",
    "set", "shot", "shut", "spoke", "stood", "stole", "swore", "taught", "threw", "understood", "woke",
    "ago", "last", "earlier", "since", "killed", "hurt", "cut", "let", "slid", "sank", "sought", "dealt",
}  # fmt: skip
FUTURE_MARKERS = {
    "will", "'ll", "shall", "scheduled", "upcoming", "next", "tomorrow", "expected", "plans", "wo", "would",
    "should", "could", "might", "must", "can", "may", "until", "till", "payable",
}  # fmt: skip
FUTURE_BIGRAMS = (
    "going to", "set to", "due to", "is to", "are to", "plans to", "expected to", "intends to", "set for",
    "scheduled for", "planned for", "due in", "due on", "planned to", "planning to", "plan to", "as soon",
    "payable on",
)  # fmt: skip
NOT_BEFORE_PAST = {
    "be", "been", "being", "to", "the", "a", "an", "its", "his", "her", "their", "our", "still", "very", "more",
    "most", "so", "well", "less", "newly", "highly", "widely",
}  # fmt: skip
PRESENT_CUES = {"is", "are", "says", "say", "am", "'s", "remains", "continues", "has", "have"}
NOT_PAST_ED = {"need", "speed", "feed", "seed", "bleed", "indeed", "proceed", "exceed", "succeed", "red",
               "bed", "shed", "wed", "weed", "greed", "breed", "steed", "hundred", "led", "based"}  # fmt: skip

# ------------------------------------------------------------------ other tables

US_STANDARD = {"et": -5, "eastern": -5, "ct": -6, "mt": -7, "pt": -8}
DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                "eighties": 8, "nineties": 9}  # fmt: skip
REL_UNIT = {"week": "W", "month": "M", "year": "Y", "weekend": "WE", "decade": "DE", "century": "CE",
            "day": "D", "night": "D", "morning": "D", "afternoon": "D", "evening": "D"}  # fmt: skip
# the market crashes that kept a weekday's name: one day in history, whatever the story's date
BLACK_DAYS = {"monday": "1987-10-19", "tuesday": "1929-10-29", "wednesday": "1992-09-16", "thursday": "1929-10-24"}

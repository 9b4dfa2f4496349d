"""Quantities: numbers and what they count, with their qualifiers (component "quantities").

"over 200 people had been killed" -> value 200, qualifier "over", counts "people killed";
"14 Russian border villages" -> 14, counts "Russian border villages"; "180 million euros" ->
180000000, counts "euros"; "12%" -> 12, counts "percent"; "a dozen" -> 12.

Conventions (the record has one ``value``):
- vague amounts ("hundreds more wounded", "tens of thousands of people") have ``value`` None and the
  vague word as ``qualifier`` ("hundreds", "tens of thousands");
- ranges ("between 30 and 40", "30-40 trucks") have the lower bound as ``value`` and the whole range
  as ``qualifier`` ("between 30 and 40");
- money counts the currency ("euros", "dollars"), percentages count "percent".

Dates, times and durations are the times component's (its spans are skipped, and 4-digit years
too); ordinals, ages ("John Smith, 45,", "45-year-old"), numbers inside names ("Route 66",
"F-16", "COVID-19"), clock times and phone numbers are not quantities.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dateline.enrich import EnrichDoc, component
from dateline.record import Quantity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "mln": 1e6}
FIXED_AMOUNTS = {"a dozen": 12, "dozen": 12, "half a dozen": 6, "a hundred": 100, "a thousand": 1000,
                 "a million": 1e6, "a billion": 1e9, "a couple of": 2, "a pair of": 2}  # fmt: skip
# Vague amounts: no value, the word is the qualifier.
VAGUE = ("tens of thousands", "hundreds of thousands", "tens of millions", "hundreds of millions",
         "hundreds", "thousands", "millions", "billions", "dozens", "scores")  # fmt: skip
QUALIFIERS = ("more than", "over", "at least", "about", "around", "nearly", "almost", "up to", "some",
              "approximately", "fewer than", "less than", "roughly", "as many as", "an estimated", "at most",
              "just over", "just under", "under", "above", "close to", "upwards of", "no fewer than",
              "no more than", "only", "a further", "another", "more", "fewer")  # fmt: skip
CURRENCY_SYMBOLS = {"US$": "dollars", "$": "dollars", "€": "euros", "£": "pounds", "¥": "yen", "₽": "rubles",
                    "₴": "hryvnias"}  # fmt: skip
CURRENCY_WORDS = ("euros", "euro", "dollars", "dollar", "pounds", "pound", "rubles", "roubles", "hryvnias",
                  "hryvnia", "yuan", "yen", "rupees", "francs", "shekels", "pesos")  # fmt: skip
# Words before a number that make it part of a name or a reference, not an amount.
NAME_WORDS = frozenset(
    "route highway interstate no. no number flight room article section chapter page resolution paragraph "
    "apollo vol. volume episode season phase level grade act stage line channel".split()
)
# Words after a number that make it an age or an identifier.
AGE_AFTER = re.compile(r"\s*-?\s*(?:years?|yrs?)[\s-]*old\b|-year-old|-month-old", re.IGNORECASE)
# Participles and adjectives that say what happened to the counted ("200 people killed").
SKIP_BEFORE_COUNTED = frozenset({"more", "additional", "other", "further", "extra"})


def _alternation(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_UNIT_OR_TEN = _alternation([*UNITS, *TENS])
_WORDS = rf"(?:{_alternation(list(TENS))})[- ](?:{_alternation(list(UNITS))})|{_UNIT_OR_TEN}"
_NUMBER = rf"(?:{_DIGITS}|{_alternation(list(FIXED_AMOUNTS))}|{_WORDS})"
_SCALE = rf"(?:\s*(?:{_alternation(list(SCALES))})\b)*"
_PERCENT = r"(?:\s*%|\s+per\s?cent\b|\s+percentage points?\b)"
_SYMBOL = _alternation(list(CURRENCY_SYMBOLS))

QUANTITY_PATTERN = re.compile(
    rf"""
    (?<![\w/:.\-$€£¥])
    (?:(?P<range>between|from)\s+)?
    (?:(?P<qual>{_alternation(QUALIFIERS)})\s+)?
    (?:(?P<sym>{_SYMBOL})\s?)?
    (?P<num>{_NUMBER}{_SCALE})
    (?:\s*(?P<sep>-|–|to|and)\s*(?P<sym2>{_SYMBOL})?(?P<num2>{_NUMBER}{_SCALE}))?
    (?P<pct>{_PERCENT})?
    (?:\s+(?P<cur>{_alternation(CURRENCY_WORDS)})\b)?
    (?![\w/:]|[.,\-]\d)
    """,
    re.IGNORECASE | re.VERBOSE,
)
VAGUE_PATTERN = re.compile(rf"\b(?P<vague>{_alternation(VAGUE)})\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    value: float | None
    qualifier: str | None
    counts: str | None  # known from the match itself (money, percent)
    numeric_word: bool  # spelled out: only an amount when something counted follows


@component("quantities")
def quantities(doc: EnrichDoc) -> None:
    text = doc.text
    busy = [(t.start, t.end) for t in doc.times]
    found = [f for f in (*_numbers(text), *_vague(text)) if not _overlaps(f, busy) and not _is_excluded(text, f)]
    if not found:
        return
    spacy_doc = doc.spacy
    taken: list[tuple[int, int]] = []
    for item in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
        if _overlaps(item, taken):
            continue
        counts = item.counts or counted(spacy_doc, item.start, item.end)
        if item.numeric_word and counts is None:
            continue  # "one of them", "two said": not an amount of anything
        taken.append((item.start, item.end))
        doc.quantities.append(Quantity(item.start, item.end, item.value, counts, item.qualifier))


def _numbers(text: str) -> Iterator[_Found]:
    for match in QUANTITY_PATTERN.finditer(text):
        if match.group("sep") and not _valid_range(match):
            yield from _numbers_without_range(text, match)
            continue
        value = parse_number(match.group("num"))
        if value is None:
            continue
        qualifier = match.group("qual")
        if match.group("num2"):
            qualifier = match.group(0).strip()
        counts = _money_or_percent(match)
        numeric_word = not any(ch.isdigit() for ch in match.group("num")) and counts is None
        start = match.start()
        if match.group("range") and not match.group("num2"):  # "from 47 percent": not a range
            start = min(match.start(g) for g in ("qual", "sym", "num") if match.group(g))
        yield _Found(start, match.end(), value, qualifier and qualifier.lower(), counts, numeric_word)


def _valid_range(match: re.Match[str]) -> bool:
    # "between 30 and 40", "from 30 to 40", "30-40", "30 to 40"; a bare "and" joins two amounts.
    sep = match.group("sep").lower()
    start = (match.group("range") or "").lower()
    return (sep == "and" and start == "between") or (sep != "and" and start != "between")


def _numbers_without_range(text: str, match: re.Match[str]) -> Iterator[_Found]:
    # "200 and 300 people" style misreads: keep the first number on its own.
    end = match.end("num")
    single = QUANTITY_PATTERN.match(text[: end + 1] if end < len(text) else text, match.start())
    if single is not None and not single.group("sep"):
        value = parse_number(single.group("num"))
        if value is not None:
            numeric_word = not any(ch.isdigit() for ch in single.group("num"))
            qual = single.group("qual")
            yield _Found(single.start(), single.end(), value, qual and qual.lower(), None, numeric_word)


def _money_or_percent(match: re.Match[str]) -> str | None:
    if match.group("pct"):
        return "percent"
    if match.group("cur"):
        word = match.group("cur").lower()
        return word if word.endswith("s") or word in ("yuan", "yen") else word + "s"
    if match.group("sym"):
        return CURRENCY_SYMBOLS.get(match.group("sym").upper(), "dollars")
    return None


def _vague(text: str) -> Iterator[_Found]:
    for match in VAGUE_PATTERN.finditer(text):
        yield _Found(match.start(), match.end(), None, match.group("vague").lower(), None, False)


def parse_number(text: str) -> float | None:
    """ "1,200" -> 1200; "180 million" -> 1.8e8; "twenty-five" -> 25; "a dozen" -> 12."""
    words = re.sub(r"(\d)([a-z])", r"\1 \2", text.lower().replace(",", "")).split()  # "1.2bn"
    if not words:
        return None
    head = " ".join(w for w in words if w not in SCALES) or words[0]
    scale = 1.0
    for word in words:
        if word in SCALES and not (word == "hundred" and head == word):
            scale *= SCALES[word]
    value = _base_value(head)
    if value is None and head in SCALES:  # "hundred" alone
        value = 1.0
    return None if value is None else value * scale


def _base_value(head: str) -> float | None:
    if head in FIXED_AMOUNTS:
        return float(FIXED_AMOUNTS[head])
    try:
        return float(head)
    except ValueError:
        pass
    parts = re.split(r"[- ]", head)
    if all(p in UNITS or p in TENS for p in parts) and parts:
        return float(sum(UNITS.get(p, 0) + TENS.get(p, 0) for p in parts))
    return None


def _overlaps(item: _Found, spans: Sequence[tuple[int, int]]) -> bool:
    return any(item.start < end and start < item.end for start, end in spans)


def _is_excluded(text: str, item: _Found) -> bool:
    span = text[item.start : item.end]
    before, after = text[max(0, item.start - 40) : item.start], text[item.end : item.end + 20]
    if re.fullmatch(r"(?:1[0-9]|20)\d\d", span.strip()):
        return True  # a year (the times component reads dates; a bare 4-digit number is one)
    if AGE_AFTER.match(after):
        return True
    if re.search(r"[A-Z][\w.'’-]*,\s*$", before) and re.match(r"\s*[,)]", after) and span.isdigit():
        return True  # "Chiquita Henry, 19, of ...": an age in a name
    previous = before.split()[-1] if before.split() else ""
    if span[:1].isdigit() and re.fullmatch(r"[A-Z][a-z]+", previous) and not re.search(r"[.!?]\s+\S+\s*$", before):
        return True  # "County Road 42", "Drain 27": a number after a capitalised word inside a sentence
    return previous.lower() in NAME_WORDS or bool(re.search(r"[A-Za-z]-$|#$", before))


# --- what is counted --------------------------------------------------------------------------------


def counted(doc: Doc, start: int, end: int) -> str | None:
    """The words after a number that say what it counts: "Russian border villages", "people killed",
    "prisoners of war", "wounded"."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return None
    index = span.end
    while index < len(doc) and doc[index].lower_ in SKIP_BEFORE_COUNTED:
        index += 1
    if index < len(doc) and doc[index].lower_ == "of" and span[-1].lower_ in {v.split()[-1] for v in VAGUE}:
        index += 1  # "hundreds of people"
    phrase = _noun_phrase(doc, index)
    if phrase:
        return _with_outcome(doc, phrase)
    if index < len(doc) and doc[index].tag_ in ("VBN", "JJ") and doc[index].is_alpha:
        return doc[index].text  # "hundreds more wounded"
    verb = span.root.head if span.root.dep_ in ("nsubjpass",) else None
    return verb.text if verb is not None and verb.tag_ == "VBN" else None


def _noun_phrase(doc: Doc, index: int) -> list[Token]:
    tokens: list[Token] = []
    while index < len(doc) and _in_noun_phrase(doc, index):
        tokens.append(doc[index])
        index += 1
    while tokens and (tokens[-1].pos_ == "ADJ" or tokens[-1].text == "-"):
        tokens.pop()
    if not tokens or any(ch.isdigit() for ch in tokens[0].text):
        return []  # "2301 8th Ave.": an address, not an amount of avenues
    # "prisoners of war": an undetermined "of" complement belongs to the name of what is counted
    of_noun = index + 1 < len(doc) and doc[index].lower_ == "of" and doc[index + 1].pos_ == "NOUN"
    if of_noun and (index + 2 >= len(doc) or doc[index + 2].pos_ not in ("NOUN", "PROPN", "ADJ")):
        tokens += [doc[index], doc[index + 1]]
    return tokens


def _in_noun_phrase(doc: Doc, index: int) -> bool:
    token = doc[index]
    if token.pos_ in ("ADJ", "NOUN", "PROPN") and token.tag_ != "VBN":
        return True
    # "shovel-wielding volunteers": hyphenated modifiers stay whole
    after_hyphen = index > 0 and doc[index - 1].text == "-" and not doc[index - 1].whitespace_
    return (token.text == "-" and not token.whitespace_) or (after_hyphen and token.pos_ == "VERB")


def _with_outcome(doc: Doc, phrase: list[Token]) -> str:
    """Add the participle that says what happened to them: "people (had been) killed", "people killed"."""
    words = doc.text[phrase[0].idx : phrase[-1].idx + len(phrase[-1].text)]
    head = next((t for t in phrase if t.lower_ == "of"), None)
    noun = doc[head.i - 1] if head is not None else phrase[-1]
    following = doc[phrase[-1].i + 1] if phrase[-1].i + 1 < len(doc) else None
    if following is not None and following.tag_ == "VBN" and following.dep_ in ("acl", "amod"):
        return f"{words} {following.text}"
    if noun.dep_ == "nsubjpass" and noun.head.tag_ == "VBN":
        return f"{words} {noun.head.text}"
    return words

"""The publication day a page shows its readers, read from the header under the headline.

Structured dates (JSON-LD, ``article:published_time``) are exact instants, but news pages state their date
as a day in the outlet's own time zone, and a page updated after publication usually shows the update's
day in place of the first one. A timestamp of 01:00 UTC on the 20th is the 19th in New York; the shown
date says which. This module finds that shown date: the first date written between the headline and the
article's text, preferring one labelled "Published" when the header shows both a publication and an update.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from typing import Any

_MONTHS = {
    name: number
    for number, names in enumerate(
        (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
         ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"),
         ("nov", "november"), ("dec", "december")),
        start=1,
    )
    for name in names
}  # fmt: skip
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_SHOWN_DATE = re.compile(
    rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"  # December 19, 2023 / Dec. 19 2023
    rf"|\b{_DAY.replace('?P<day>', '?P<day2>')}\s+(?:of\s+)?{_MONTH.replace('?P<month>', '?P<month2>')},?\s+"
    rf"{_YEAR.replace('?P<year>', '?P<year2>')}\b"  # 19 December 2023
    r"|\b(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)\b"  # 2023-12-19
    r"|\b(?P<na>[01]?\d)/(?P<nb>[0-3]?\d)/(?P<ny>(?:19|20)\d\d)\b",  # 12/19/2023 (US order unless impossible)
    re.I,
)
_UPDATED = re.compile(r"\b(?:updated?|modified|edited|revised)\b[^0-9]{0,20}$", re.I)
_PUBLISHED = re.compile(r"\b(?:published|posted|first published|created|released|issued)\b[^0-9]{0,20}$", re.I)

# what lies between the headline and the article but is not the article's own date
_SKIPPED = {
    "script", "style", "noscript", "nav", "footer", "aside", "svg", "button", "select", "template", "form", "figure",
    "blockquote", "iframe",
}  # fmt: skip
# matched at the start of a class word ("credit" but not "ContentHeaderHedAccreditation")
_SKIPPED_CLASS = re.compile(
    r"(?:^|[\s_-])(?:caption|credit|related|promo|newsletter|weather|trending|popular|breadcrumb)", re.I
)
_WINDOW = 1500  # characters of header text after the headline: byline, dateline, standfirst
_LOOK_BACK = 200  # characters above the headline inside its header block: a kicker or dateline
_SENTENCE = 200  # a longer text run is prose, and a date inside prose is an event's, not the page's


def shown_date(tree: Any, headline: Any) -> str | None:
    """The day (``YYYY-MM-DD``) written near the headline element, or None.

    When the header labels one date "Published" and another "Updated", the published one is the day;
    a single date is the day whatever its label, as readers see nothing else.
    """
    dates = _dates_in(_text_before(headline), _LOOK_BACK)
    dates += _dates_in(_text_after(headline), _WINDOW)
    if not dates:
        return None
    published = [day for day, label in dates if label == "published"]
    return published[0] if published else dates[0][0]


def _dates_in(runs: Iterable[tuple[str, Any]], window: int) -> list[tuple[str, str]]:
    """(day, label) for every date in the text runs, up to ``window`` characters of them."""
    dates: list[tuple[str, str]] = []
    seen = 0
    preceding = ""
    for text, element in runs:
        if element is not None and element.tag == "time" and element.get("datetime"):
            match = _SHOWN_DATE.search(text)
            day = _match_day(match) if match else _iso_day(element.get("datetime") or "")
            if day:
                dates.append((day, _label(preceding + " " + text[: match.start() if match else 0])))
        elif len(text) <= _SENTENCE:
            for match in _SHOWN_DATE.finditer(text):
                day = _match_day(match)
                if day:
                    dates.append((day, _label(preceding + " " + text[: match.start()])))
        seen += len(text)
        preceding = (preceding + " " + text)[-60:]
        if seen > window or len(dates) >= 4:
            break
    return dates


_TIME_OF_DAY = re.compile(r"\b\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?)?(?=\W|$)", re.I)
_DATELINE_WORDS = re.compile(
    r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\b|\b(?:updated?|published|posted"
    r"|report|on|at|last|utc|gmt|[ecmp][sd]?t|bst|cet|ist|aest|uk)\b",
    re.I,
)


def is_dateline(line: str) -> bool:
    """A short line that is a date and little else ("Saturday 23 December 2023 05:39, UK", "Jane Roe -
    January 24, 2020"): the page's date or byline strip, which extractors keep as a paragraph."""
    if len(line) > 80:
        return False
    rest, found = _SHOWN_DATE.subn(" ", line)
    if not found:
        return False
    rest = _DATELINE_WORDS.sub(" ", _TIME_OF_DAY.sub(" ", rest))
    words = re.findall(r"\w+", rest)
    # what is left may be a name (a byline), never a clause: "On May 2, 2023, the council voted."
    return len(words) <= 3 and all(word[0].isupper() or word.isdigit() for word in words)


def near_any(day: str, known: list[str]) -> bool:
    """Whether a shown day is one of the page's machine-readable dates, or a day either side of one (the
    same instant told in another time zone)."""
    try:
        shown = date.fromisoformat(day)
    except ValueError:
        return False
    for value in known:
        if re.fullmatch(r"(?:19|20)\d\d-\d\d", value):  # a URL's /2023/12/: the month is all it says
            if day.startswith(value):
                return True
            continue
        found = re.match(r"\s*((?:19|20)\d\d)-(\d\d)-(\d\d)", value)
        if not found:
            continue
        try:
            other = date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
        except ValueError:
            continue
        if abs(shown - other) <= timedelta(days=1):
            return True
    return False


def _label(before: str) -> str:
    before = " ".join(before.split())
    if _PUBLISHED.search(before):
        return "published"
    if _UPDATED.search(before):
        return "updated"
    return ""


def _match_day(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    if groups["month"] or groups["month2"]:
        month = _MONTHS[(groups["month"] or groups["month2"]).lower()]
        return _day(groups["year"] or groups["year2"], month, groups["day"] or groups["day2"])
    if groups["iy"]:
        return _day(groups["iy"], int(groups["im"]), groups["id"])
    first, second = int(groups["na"]), int(groups["nb"])
    if first > 12:  # 19/12/2023 can only be day first
        first, second = second, first
    return _day(groups["ny"], first, str(second))


def _day(year: str, month: int, day: str) -> str | None:
    try:
        return date(int(year), month, int(day)).isoformat()
    except ValueError:
        return None


def _iso_day(value: str) -> str | None:
    """The day of a ``<time datetime>`` as written: its wall-clock day, whatever offset follows."""
    found = re.match(r"\s*((?:19|20)\d\d)-(\d\d)-(\d\d)", value)
    return _day(found.group(1), int(found.group(2)), found.group(3)) if found else None


def _text_before(headline: Any) -> list[tuple[str, Any]]:
    """The text runs just above the headline inside its own header block (a kicker line with the date),
    never the site's masthead, which often prints today's date."""
    scope = next((element for element in headline.iterancestors() if element.tag == "header"), None)
    if scope is None:
        parent = headline.getparent()
        scope = parent.getparent() if parent is not None else None
    if scope is None or scope.tag in ("body", "html"):
        return []
    runs: list[tuple[str, Any]] = []
    for text, element in _runs(scope):
        if element is headline or (element is not None and headline in element.iterancestors()):
            break
        runs.append((text, element))
    # the nearest runs only, closest last as on the page
    kept: list[tuple[str, Any]] = []
    length = 0
    for text, element in reversed(runs):
        length += len(text)
        if length > _LOOK_BACK:
            break
        kept.insert(0, (text, element))
    return kept


def _text_after(headline: Any) -> Iterator[tuple[str, Any]]:
    """Text runs after the headline element in document order, with the element each belongs to.

    Walks on from the headline (its tail, its later siblings, then its ancestors' later siblings) rather
    than from the top of the page: what precedes the headline is most of a page and none of the header.
    Nothing comes when the headline sits inside skipped furniture.
    """
    if any(_is_skipped(ancestor) for ancestor in headline.iterancestors()):
        return
    node = headline
    while node is not None:
        if node.tail and node.tail.strip():
            yield " ".join(node.tail.split()), node.getparent()
        for sibling in node.itersiblings():
            yield from _runs(sibling)
        node = node.getparent()


def _runs(element: Any) -> Iterator[tuple[str, Any]]:
    """Text runs of one subtree and its tail, in document order.

    ``<time>`` elements come as one run (their whole text) so that a date split over spans stays whole.
    Navigation, asides, captions and the like are skipped with everything inside them.
    """
    if isinstance(element.tag, str) and not _is_skipped(element):
        if element.tag == "time":
            yield " ".join(element.text_content().split()), element
        else:
            if element.text and element.text.strip():
                yield " ".join(element.text.split()), element
            for child in element:
                yield from _runs(child)
    if element.tail and element.tail.strip():
        yield " ".join(element.tail.split()), element.getparent()


def _is_skipped(element: Any) -> bool:
    return element.tag in _SKIPPED or bool(_SKIPPED_CLASS.search(element.get("class") or ""))


def byline_date(tree: Any) -> str | None:
    """The day written in the article's byline block ("By Jane Roe · December 21, 2023"), for pages that
    state no date for machines and set the byline apart from the headline (a side column, say).

    The first such block outside navigation, asides, footers and comments counts: teaser cards below
    the article repeat the same markup with other days.
    """
    for element in tree.xpath(_BYLINE_BLOCKS):
        if element.xpath(_OUTSIDE_ARTICLE):
            continue
        text = " ".join(element.text_content().split())
        if len(text) > _SENTENCE:
            continue
        match = _SHOWN_DATE.search(text)
        if match:
            return _match_day(match)
    return None


_BYLINE_BLOCKS = (
    "//*[contains(@class, 'byline') or contains(@class, 'Byline') or contains(@class, 'author')"
    " or contains(@class, 'Author')][starts-with(normalize-space(.), 'By ') or .//a[@rel='author'"
    " or contains(@href, '/author') or contains(@href, '/staff/') or contains(@href, '/writer')"
    " or contains(@href, '/contributor') or contains(@href, '/people/') or contains(@href, '/profile')]]"
)
_OUTSIDE_ARTICLE = (
    "ancestor::nav|ancestor::footer|ancestor::aside|ancestor::*[contains(@class, 'comment')]"
    "|ancestor::*[contains(@class, 'related') or contains(@class, 'Related')]"
)

"""When a statement was made: a date expression governing the cue ("said Tuesday"), else the article date."""

from __future__ import annotations

import re

from dateline.record import Article, Quote

_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
#: how far from the cue a date expression may sit and still govern it ("said on Tuesday that")
_BEFORE, _AFTER = 40, 25


def said_date(article: Article, quote: Quote) -> str | None:
    published = article.published[:10] if article.published else None
    if quote.cue_start is None or quote.cue_end is None:
        return published
    paragraph_start = article.text.rfind("\n\n", 0, quote.cue_start) + 1
    paragraph_end = article.text.find("\n\n", quote.cue_end)
    paragraph_end = len(article.text) if paragraph_end < 0 else paragraph_end
    best: tuple[int, str] | None = None
    for time in article.times:
        if time.type != "DATE" or not _FULL_DATE.match(time.value):
            continue
        if not (paragraph_start <= time.start and time.end <= paragraph_end):
            continue
        if quote.cue_start - _BEFORE <= time.start and time.end <= quote.cue_end + _AFTER:
            distance = min(abs(time.start - quote.cue_end), abs(quote.cue_start - time.end))
            if best is None or distance < best[0]:
                best = (distance, time.value[:10])
    return best[1] if best else published


def said_words(article: Article, quote: Quote) -> str:
    """What was said, without an interrupting cue: the quote's pieces joined by an ellipsis."""
    pieces = [article.text[start:end].strip() for start, end in quote.spans if 0 <= start < end <= len(article.text)]
    return " … ".join(piece for piece in pieces if piece) or quote.text

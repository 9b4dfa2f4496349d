"""What the quote tests ask of a text: its quotes, the one at a cue, its pieces and its source, as written."""

from __future__ import annotations

from dateline.enrich.entities import cluster_entities
from dateline.enrich.nlp import parse
from dateline.enrich.quotes import QuoteMatch, find_quotes


def quotes_in(text: str, headline: bool = False) -> list[QuoteMatch]:
    """The quotes of ``text``; with ``headline`` its first paragraph is read as the article's headline."""
    sdoc = parse(text)
    return find_quotes(text, sdoc, cluster_entities(sdoc), headline=headline)


def cued(text: str, cue: str, after: int = 0, headline: bool = False) -> list[QuoteMatch]:
    """The quotes whose cue is written ``cue``, at ``after`` or later."""
    return [
        m
        for m in quotes_in(text, headline)
        if m.quote.cue_start is not None
        and m.quote.cue_start >= after
        and text[m.quote.cue_start : m.quote.cue_end] == cue
    ]


def by_cue(text: str, cue: str, after: int = 0) -> QuoteMatch:
    found = cued(text, cue, after)
    assert found, f"no quote with the cue {cue!r}"
    return found[0]


def pieces(text: str, match: QuoteMatch) -> list[str]:
    return [text[s:e] for s, e in match.quote.spans]


def source_of(text: str, match: QuoteMatch) -> str | None:
    return text[match.source[0] : match.source[1]] if match.source else None

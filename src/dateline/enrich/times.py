"""The ``times`` component: TIMEX3 expressions of the article body, anchored to its publication date.

The tagger itself (:mod:`dateline.enrich.timex`) is pure Python and needs no parse. When another
component has already parsed the article with spaCy, the governing verb's tense is read from the
parse (free at that point); otherwise the tagger's own look at the surrounding words decides.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from dateline.enrich import EnrichDoc, component
from dateline.enrich.timex import Tense, TenseHint, guess_tense, tag

if TYPE_CHECKING:
    from spacy.tokens import Doc

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def publication_date(published: str | None) -> date | None:
    """The date part of an ISO 8601 date or datetime ("2024-07-17", "2024-07-17T09:30:00+03:00")."""
    if not published:
        return None
    found = _ISO_DATE.match(published.strip())
    if not found:
        return None
    try:
        return date(int(found[1]), int(found[2]), int(found[3]))
    except ValueError:
        return None


def spacy_tense(parsed: Doc) -> TenseHint:
    """A tense hint read from a dependency parse: the tense of the verb the expression hangs from."""

    def hint(text: str, start: int, end: int) -> Tense | None:
        span = parsed.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return guess_tense(text, start, end)
        verb = span.root
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:  # spaCy makes a new Token each time
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX"):
            return guess_tense(text, start, end)
        aux = {child.lower_ for child in verb.children if child.dep_ in ("aux", "auxpass")}
        if aux & {"will", "'ll", "shall", "wo"} or "going" in aux:
            return "FUTURE"
        tense = verb.morph.get("Tense", [])
        if "Past" in tense or aux & {"did", "was", "were", "had"}:
            return "PAST"
        if "Pres" in tense:
            return "PRESENT"
        return guess_tense(text, start, end)

    return hint


@component("times")
def times(doc: EnrichDoc) -> None:
    anchor = publication_date(doc.article.published)
    # use a parse only when one exists already: the tagger must stay fast without spaCy
    hint = spacy_tense(doc._spacy) if doc._spacy is not None else None
    doc.times.extend(tag(doc.text, anchor, tense=hint))

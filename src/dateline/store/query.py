"""The search box language -> an FTS5 MATCH expression that can never be a syntax error.

Users type ``kharkiv offensive``, ``"security zone"``, ``peskov OR zakharova``, ``-football``,
``offens*`` and ``title:kremlin``; every term is re-quoted for FTS5, so characters that mean something
to FTS5 (``:``, ``^``, ``(``, ``NEAR``) are searched for as text instead of failing the query.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dateline.errors import DatelineError

#: search box field names -> FTS5 column names
FIELDS = {"title": "title", "text": "text", "body": "text", "author": "authors", "outlet": "outlet"}

_TOKEN = re.compile(r'(-?)(?:(\w+):)?(?:"([^"]*)"?|(\S+))')
_WORD = re.compile(r"\w+")


class QueryError(DatelineError):
    """A search query that asks for nothing searchable (empty, or only exclusions)."""


@dataclass(frozen=True)
class _Term:
    fts: str
    negated: bool


def to_fts(query: str) -> str:
    """Translate a user query; terms are ANDed, ``OR`` joins neighbours, ``-term`` excludes."""
    parts: list[str | _Term] = []
    for match in _TOKEN.finditer(query):
        negated, field, phrase, word = match.groups()
        if word is not None and not field and not negated and word in ("OR", "AND"):
            parts.append(word)
            continue
        raw = phrase if phrase is not None else word or ""
        prefix = phrase is None and raw.endswith("*")
        words = _WORD.findall(raw)
        if not words:
            continue
        term = '"' + " ".join(words) + '"' + ("*" if prefix else "")
        if field and field.lower() in FIELDS:
            term = f"{FIELDS[field.lower()]} : {term}"
        elif field:  # not a field we know: the user meant the words, e.g. "10:30"
            term = '"' + " ".join(_WORD.findall(match.group(0))) + '"'
        parts.append(_Term(term, bool(negated)))
    return _assemble(parts, query)


def _assemble(parts: list[str | _Term], query: str) -> str:
    positive: list[str] = []
    negative: list[str] = []
    join_next_with_or = False
    for part in parts:
        if isinstance(part, str):
            join_next_with_or = part == "OR" and bool(positive)
            continue
        if part.negated:
            negative.append(part.fts)
        elif join_next_with_or:
            positive[-1] = f"{positive[-1]} OR {part.fts}"
        else:
            positive.append(part.fts)
        join_next_with_or = False
    if not positive:
        if negative:
            raise QueryError(f"query {query!r} only excludes terms; add a term to search for")
        raise QueryError(f"query {query!r} has no words to search for")
    expression = " AND ".join(f"({p})" if " OR " in p else p for p in positive)
    for term in negative:
        expression = f"({expression}) NOT {term}"
    return expression

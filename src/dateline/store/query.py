"""The search box language -> an FTS5 MATCH expression or a PostgreSQL tsquery, never a syntax error.

Users type ``kharkiv offensive``, ``"security zone"``, ``peskov OR zakharova``, ``-football``,
``offens*`` and ``title:kremlin``. One parser turns that into terms (words, prefix flag, field) grouped
as an AND of ORs minus exclusions; each backend only renders the terms. Every word is re-quoted, so
characters that mean something to FTS5 or to ``to_tsquery`` (``:``, ``^``, ``(``, ``NEAR``, ``&``,
``!``, ``<->``) are searched for as text instead of failing the query.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from dateline.errors import DatelineError

#: search box field names -> FTS5 column names
FIELDS = {"title": "title", "text": "text", "body": "text", "author": "authors", "outlet": "outlet"}

#: FTS5 column -> the tsvector weight its words carry in the PostgreSQL archive. The four columns get
#: four weights so that ``author:`` and ``outlet:`` restrict exactly as FTS5 columns do.
ARTICLE_WEIGHTS = {"title": "A", "authors": "B", "text": "C", "outlet": "D"}

_TOKEN = re.compile(r'(-?)(?:(\w+):)?(?:"([^"]*)"?|(\S+))')
_WORD = re.compile(r"\w+")


class QueryError(DatelineError):
    """A search query that asks for nothing searchable (empty, or only exclusions)."""


@dataclass(frozen=True)
class Term:
    """One searchable unit: a word or a phrase (words in a row), maybe a prefix, maybe in one column."""

    words: tuple[str, ...]
    prefix: bool = False  # the last word is a prefix (``offens*``)
    column: str | None = None  # an FTS5 column name of FIELDS, or None for anywhere


@dataclass(frozen=True)
class ParsedQuery:
    """``all_of`` is ANDed; each of its groups is an OR of terms; ``none_of`` terms are excluded."""

    all_of: tuple[tuple[Term, ...], ...]
    none_of: tuple[Term, ...]


@dataclass(frozen=True)
class _Parsed:
    term: Term
    negated: bool


def parse(query: str) -> ParsedQuery:
    """Terms are ANDed, ``OR`` joins neighbours, ``-term`` excludes; QueryError when nothing is searched."""
    parts: list[str | _Parsed] = []
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
        if field and field.lower() in FIELDS:
            term = Term(tuple(words), prefix, FIELDS[field.lower()])
        elif field:  # not a field we know: the user meant the words, e.g. "10:30"
            term = Term(tuple(_WORD.findall(match.group(0))))
        else:
            term = Term(tuple(words), prefix)
        parts.append(_Parsed(term, bool(negated)))
    return _assemble(parts, query)


def _assemble(parts: list[str | _Parsed], query: str) -> ParsedQuery:
    positive: list[list[Term]] = []
    negative: list[Term] = []
    join_next_with_or = False
    for part in parts:
        if isinstance(part, str):
            join_next_with_or = part == "OR" and bool(positive)
            continue
        if part.negated:
            negative.append(part.term)
        elif join_next_with_or:
            positive[-1].append(part.term)
        else:
            positive.append([part.term])
        join_next_with_or = False
    if not positive:
        if negative:
            raise QueryError(f"query {query!r} only excludes terms; add a term to search for")
        raise QueryError(f"query {query!r} has no words to search for")
    return ParsedQuery(tuple(tuple(group) for group in positive), tuple(negative))


def _render(
    parsed: ParsedQuery, term: Callable[[Term], str], and_: str, or_: str, not_: Callable[[str, str], str]
) -> str:
    groups = [or_.join(term(t) for t in group) for group in parsed.all_of]
    # an OR inside an AND needs brackets (a phrase holding the word OR gets them too: harmless, and what
    # to_fts has always returned)
    expression = and_.join(f"({g})" if or_ in g else g for g in groups)
    for excluded in parsed.none_of:
        expression = not_(expression, term(excluded))
    return expression


def to_fts(query: str, columns: Mapping[str, str] | None = None) -> str:
    """Translate a user query into an FTS5 MATCH expression (for the SQLite archive).

    ``columns`` maps the FIELDS columns to those of another FTS5 table (the quotes index has ``text``
    but no ``title``); a field whose column it lacks is searched everywhere instead of failing.
    """

    def term(t: Term) -> str:
        rendered = '"' + " ".join(t.words) + '"' + ("*" if t.prefix else "")
        column = t.column if columns is None or t.column is None else columns.get(t.column)
        return f"{column} : {rendered}" if column else rendered

    return _render(parse(query), term, " AND ", " OR ", lambda e, t: f"({e}) NOT {t}")


def to_tsquery_text(query: str, weights: Mapping[str, str] = ARTICLE_WEIGHTS) -> str:
    """Translate a user query into the text of ``to_tsquery(config, text)`` (for the PostgreSQL archive).

    A phrase is its words joined by ``<->``; a prefix is ``:*``; a field becomes the weight its column
    carries in ``weights`` (``title:kremlin`` -> ``'kremlin':A``); a field whose column has no weight
    there is searched everywhere. Each word is a lowercased, quoted tsquery literal, so nothing the user
    types is read as an operator.
    """

    def term(t: Term) -> str:
        weight = weights.get(t.column, "") if t.column else ""
        words = []
        for i, word in enumerate(t.words):
            flags = ("*" if t.prefix and i == len(t.words) - 1 else "") + weight
            words.append(_ts_literal(word) + (":" + flags if flags else ""))
        return words[0] if len(words) == 1 else "(" + " <-> ".join(words) + ")"

    return _render(parse(query), term, " & ", " | ", lambda e, t: f"({e}) & !{t}")


def _ts_literal(word: str) -> str:
    # lowercased here as the archive lowercases what it indexes: the database's own lowercasing follows
    # its locale, which under "C" leaves every non-ASCII capital as it is ("Гладков" would never match)
    word = word.lower()
    # words are \w+ so they hold no quote or backslash; escape anyway so the literal stays a literal
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"

"""The archive interface every backend implements, and the records it returns."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal, Protocol

from dateline.record import Article

UpsertOutcome = Literal["new", "updated", "unchanged"]

#: snippets mark matched words with these private-use characters; a front end escapes the snippet
#: first and then turns them into its own highlight markup, so article text can never inject markup
HIGHLIGHT_START = "\ue000"
HIGHLIGHT_END = "\ue001"


@dataclass(frozen=True)
class SearchQuery:
    text: str = ""  # the search box language of dateline.store.query; empty lists newest first
    since: str | None = None  # ISO date, inclusive
    until: str | None = None  # ISO date, inclusive
    outlet: str | None = None
    limit: int = 20
    offset: int = 0


@dataclass(frozen=True)
class SearchHit:
    id: str
    title: str | None
    url: str | None
    outlet: str | None
    published: str | None
    snippet: str
    score: float


@dataclass(frozen=True)
class QuoteQuery:
    speaker: str | None = None  # a name or part of one ("Peskov" finds "Dmitry Peskov")
    about: str | None = None  # words in the quote or its paragraph (search box language)
    since: str | None = None  # on the date said, inclusive
    until: str | None = None
    article_id: str | None = None
    limit: int = 50
    offset: int = 0


@dataclass(frozen=True)
class QuoteHit:
    article_id: str
    article_title: str | None
    article_url: str | None
    outlet: str | None
    speaker: str | None
    kind: str
    text: str
    start: int
    end: int
    said: str | None  # the date the statement was made (ISO), when known


@dataclass(frozen=True)
class Facet:
    value: str
    count: int


@dataclass(frozen=True)
class Facets:
    """What the articles matching a search are made of: the counts a user narrows a search by."""

    outlets: list[Facet]
    months: list[Facet]  # YYYY-MM of publication
    speakers: list[Facet]
    places: list[Facet]


@dataclass(frozen=True)
class Failure:
    origin: str
    reason: str
    at: str


class Store(Protocol):
    """An archive of articles and their annotations. Writes are atomic per article."""

    def upsert(self, article: Article, content_hash: str | None = None) -> UpsertOutcome: ...

    def seen(self, origin: str, content_hash: str) -> str | None:
        """The article id last stored from this exact document, or None."""
        ...

    def record_failure(self, origin: str, reason: str) -> None: ...

    def failures(self) -> list[Failure]: ...

    def get(self, article_id: str) -> Article | None: ...

    def search(self, query: SearchQuery) -> list[SearchHit]: ...

    def facets(self, query: SearchQuery, size: int = 10) -> Facets:
        """The top ``size`` values of each facet over every article the query matches (limit/offset ignored)."""
        ...

    def quotes(self, query: QuoteQuery) -> list[QuoteHit]: ...

    def speakers(self, limit: int = 100, offset: int = 0) -> list[Facet]:
        """Speakers by number of quotes in the archive, most quoted first."""
        ...

    def articles(self) -> Iterator[Article]: ...

    def count(self) -> int: ...

    def close(self) -> None: ...

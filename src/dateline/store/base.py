"""The archive interface every backend implements, and the records it returns."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import KW_ONLY, dataclass
from itertools import islice
from typing import Literal, Protocol, TypeVar

from dateline.errors import DatelineError
from dateline.record import Article

UpsertOutcome = Literal["new", "updated", "unchanged"]

#: snippets mark matched words with these private-use characters; a front end escapes the snippet
#: first and then turns them into its own highlight markup, so article text can never inject markup
HIGHLIGHT_START = "\ue000"
HIGHLIGHT_END = "\ue001"


class ArchiveOpenError(DatelineError, RuntimeError):
    """An archive that cannot be opened (not a database, a folder, a schema newer than this dateline).

    A DatelineError so the CLI prints it as one line; still a RuntimeError for callers that caught the
    too-new schema as one before."""


T = TypeVar("T")


def batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (the last one shorter), read lazily: bulk writes and exports."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch

def redacted_url(url: str) -> str:
    """The archive URL without user and password, for messages: ``postgresql://user:secret@host/db``
    would otherwise print the password. A SQLite path (no ``://``) is returned as it is."""
    import re

    scheme, separator, rest = url.partition("://")
    if not separator:
        return url
    # the user part ends at the last "@" of the host part; an "@" after the path is not a login
    netloc, slash, tail = rest.partition("/")
    tail = re.sub(r"(?i)(\bpassword=)[^&]*", r"\1***", tail)  # libpq also takes it as a parameter
    return f"{scheme}://{netloc.rpartition('@')[2]}{slash}{tail}"


@dataclass(frozen=True)
class SearchQuery:
    text: str = ""  # the search box language of dateline.store.query; empty lists newest first
    _: KW_ONLY  # the filters are named at every call: positions would silently shift as filters are added
    since: str | None = None  # ISO date, inclusive
    until: str | None = None  # ISO date, inclusive
    outlet: str | None = None
    speaker: str | None = None  # articles quoting this speaker (exact canonical name, any case)
    place: str | None = None  # articles mentioning this resolved place (its name)
    entity: str | None = None  # articles naming this entity (its canonical name)
    story: str | None = None  # articles of this story (its id)
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
    # each statement once (the same speaker and words, as wire copies repeat them): its earliest
    # report, with the number of articles that report it
    distinct: bool = False
    speaker_exact: bool = False  # ``speaker`` is the whole name (any case), not a part of one


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
    position: int = 0  # the quote's place in its article's list of quotes (the article page's #quote-N)
    articles: int = 1  # articles reporting the statement (counted when the query asks for distinct ones)


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
    #: 1 when the counts are exact; n when they were counted on about one match in n (a pseudo-random
    #: sample) and multiplied by n: a search matching a large share of a big archive gets estimates
    sampled_every: int = 1


@dataclass(frozen=True)
class EntitySummary:
    """One name across the archive: every article entity with this canonical name and type."""

    name: str
    type: str
    articles: int
    mentions: int


@dataclass(frozen=True)
class PlaceSummary:
    name: str
    geonameid: int | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    articles: int


@dataclass(frozen=True)
class TimelineBucket:
    period: str  # YYYY-MM-DD, YYYY-Www or YYYY-MM by granularity
    mentions: int  # time expressions in articles that fall in the period
    statements: int  # quotes said in the period
    articles: int  # articles published in the period


@dataclass(frozen=True)
class StorySummary:
    """A story told by more than one article: its id is its earliest article's id."""

    id: str
    title: str | None
    articles: int
    outlets: list[str]
    first_published: str | None
    last_published: str | None


@dataclass(frozen=True)
class Failure:
    origin: str
    reason: str
    at: str


def statements_sql(matched: str) -> str:
    """The distinct statements among quote rows: ``matched`` selects article_id, title, url, outlet, speaker,
    kind, text, start_at, end_at, said and position; each (speaker, text) comes once, as its earliest report,
    with the number of articles reporting it. Standard SQL both backends run as written."""
    return f"""
        WITH matched AS ({matched}),
        once_per_article AS (
            SELECT *, row_number() OVER (PARTITION BY speaker, text, article_id ORDER BY position) AS nth
            FROM matched),
        reports AS (
            SELECT *, count(*) OVER (PARTITION BY speaker, text) AS articles,
                   row_number() OVER (PARTITION BY speaker, text
                                      ORDER BY said NULLS FIRST, article_id, position) AS nth_report
            FROM once_per_article WHERE nth = 1)
        SELECT article_id, title, url, outlet, speaker, kind, text, start_at, end_at, said, position, articles
        FROM reports WHERE nth_report = 1
        ORDER BY said NULLS FIRST, article_id, position"""


class Store(Protocol):
    """An archive of articles and their annotations. Writes are atomic per article."""

    def upsert(self, article: Article, content_hash: str | None = None) -> UpsertOutcome: ...

    def seen(self, origin: str, content_hash: str) -> str | None:
        """The article id last stored from this exact document, or None."""
        ...

    def known_origins(self, origins: Iterable[str]) -> set[str]:
        """Which of these origins (paths, URLs) an article was already stored from."""
        ...

    def get_state(self, key: str) -> str | None:
        """A source's saved state (a feed's ETag and Last-Modified, say), so restarts do not refetch."""
        ...

    def set_state(self, key: str, value: str) -> None: ...

    def record_failure(self, origin: str, reason: str) -> None: ...

    def failures(self, limit: int | None = None, offset: int = 0) -> list[Failure]:
        """The recorded failures, oldest first; ``limit`` None gives all of them from ``offset`` on."""
        ...

    def get(self, article_id: str) -> Article | None: ...

    def search(self, query: SearchQuery) -> list[SearchHit]: ...

    def facets(self, query: SearchQuery, size: int = 10) -> Facets:
        """The top ``size`` values of each facet over every article the query matches (limit/offset ignored);
        a backend may estimate them from a sample of the matches when there are very many, and says so
        in ``sampled_every``."""
        ...

    def quotes(self, query: QuoteQuery) -> list[QuoteHit]:
        """Statements, by date said (undated first), then article and order in the article."""
        ...

    def speakers(self, limit: int = 100, offset: int = 0) -> list[Facet]:
        """Speakers by number of quotes in the archive, most quoted first."""
        ...

    def entities(self, type: str | None = None, limit: int = 100, offset: int = 0) -> list[EntitySummary]:
        """Names across the archive, most widely reported first."""
        ...

    def places(self, limit: int = 500, offset: int = 0, name: str | None = None) -> list[PlaceSummary]:
        """Resolved places across the archive, most widely reported first; with ``name``, only the places
        (namesakes apart) called that, in any case."""
        ...

    def timeline(self, query: SearchQuery, granularity: str = "month") -> list[TimelineBucket]:
        """Dated mentions, statements and publications of the articles a query matches, by period, in order.

        ``granularity`` is "day", "week" or "month"; a time expression counts only when its value is at
        least that precise."""
        ...

    def set_stories(self, members: dict[str, str]) -> None:
        """Replace every article's story (article id -> story id) in one transaction."""
        ...

    def update_stories(self, members: dict[str, str], merges: dict[str, str]) -> None:
        """In one transaction: move every article of each story in ``merges`` (story id -> story id) into
        the other story, then put ``members`` (article id -> story id) in theirs; other articles keep theirs."""
        ...

    def story_of(self, article_id: str) -> str | None: ...

    def stories(self, limit: int = 50, offset: int = 0) -> list[StorySummary]:
        """Stories with more than one article, the most widely told first."""
        ...

    def articles(self, since: str | None = None, until: str | None = None) -> Iterator[Article]:
        """Every article, oldest publication first; with ``since``/``until`` (YYYY-MM-DD, inclusive) only
        those published on those days."""
        ...

    def count(self) -> int: ...

    def optimize(self) -> int:
        """Reorganize the archive's indexes for searching after a large load (minutes on a million articles);
        the number of very common words given a precomputed ranking (0 where the backend needs none)."""
        ...

    def needs_optimize(self) -> bool:
        """Whether enough was written since the last ``optimize`` that searches have become slower for it."""
        ...

    def close(self) -> None: ...


GRANULARITIES = ("day", "week", "month")


def period_of(value: str, granularity: str) -> str | None:
    """The timeline period a TIMEX3 value or ISO date falls in, or None when it is not that precise.

    ``2024-07-17`` -> ``2024-07-17`` / ``2024-W29`` / ``2024-07``; ``2024-07`` only counts by month;
    ``2024-W29`` only by week; ``PRESENT_REF``, ``P3D`` or ``2024`` never count."""
    from datetime import date

    head = value[:10]
    if len(head) == 10 and head[4] == "-" and head[7] == "-" and head[:4].isdigit():
        try:
            day = date.fromisoformat(head)
        except ValueError:
            return None
        if granularity == "day":
            return day.isoformat()
        if granularity == "week":
            year, week, _ = day.isocalendar()
            return f"{year:04d}-W{week:02d}"
        return day.isoformat()[:7]
    if granularity == "month" and len(value) >= 7 and value[4] == "-" and value[5:7].isdigit():
        return value[:7] if value[:4].isdigit() and 1 <= int(value[5:7]) <= 12 else None
    if granularity == "week" and len(value) >= 8 and value[4:6] == "-W" and value[6:8].isdigit():
        return value[:8]
    return None


def like_escape(text: str) -> str:
    """``text`` as a literal inside a LIKE pattern with ``ESCAPE '\\'``."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def paragraphs_around(text: str, start: int, end: int) -> str:
    """The paragraph(s) holding a span: what a quote is "about" when its own words do not say."""
    begin = text.rfind("\n\n", 0, start)
    finish = text.find("\n\n", end)
    return text[0 if begin < 0 else begin + 2 : len(text) if finish < 0 else finish]


def article_conditions(query: SearchQuery) -> list[tuple[str, object]]:
    """The filters of a search as SQL conditions on ``articles a``, each with ``{}`` where its one
    parameter goes: one definition, so every backend filters alike (each writes its own placeholder)."""
    conditions: list[tuple[str, object]] = []
    if query.since:
        conditions.append(("a.published_day >= {}", query.since[:10]))
    if query.until:
        conditions.append(("a.published_day <= {}", query.until[:10]))
    if query.outlet:
        conditions.append(("lower(a.outlet) = lower({})", query.outlet))
    for value, table, column in (
        (query.speaker, "quotes", "speaker"), (query.place, "places", "name"), (query.entity, "entities", "name"),
        (query.story, "story_members", "story_id"),
    ):  # fmt: skip
        if value:
            exists = f"EXISTS (SELECT 1 FROM {table} x WHERE x.article_id = a.id AND lower(x.{column}) = lower({{}}))"
            conditions.append((exists, value))
    return conditions

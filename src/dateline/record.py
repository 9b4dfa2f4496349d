"""The records passed between stages: RawDocument (sources -> extract) and Article (extract -> store).

An Article's ``text`` never changes once extracted; every annotation points into it with
``start``/``end`` Python string offsets. ``Article.to_dict`` is the JSON form of DESIGN.md: every
field present, in a fixed order, empty or null when unknown.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from typing import Any, Literal

LinkRel = Literal["related", "author", "inline", "other"]
QuoteKind = Literal["direct", "indirect", "mixed"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One document as a source delivered it, before any parsing."""

    origin: str  # the path or URL it was read from
    content: bytes
    content_type: str | None = None  # as declared by the source (HTTP header, file suffix guess)
    url: str | None = None  # the document's own URL when the source knows it
    fetched_at: datetime = field(default_factory=lambda: datetime.now(UTC))


@dataclass(slots=True)
class Link:
    url: str
    text: str = ""
    rel: LinkRel = "other"


@dataclass(slots=True)
class Speaker:
    name: str
    start: int | None = None
    end: int | None = None
    entity: str | None = None  # id of the entity in Article.entities


@dataclass(slots=True)
class Quote:
    start: int
    end: int
    spans: list[tuple[int, int]]
    text: str
    kind: QuoteKind
    cue_start: int | None = None
    cue_end: int | None = None
    speaker: Speaker | None = None


@dataclass(slots=True)
class TimeExpression:
    """A TIMEX3 expression: ``value`` as TimeML writes it (2024-07-17, 2024-05, P3D, PRESENT_REF)."""

    start: int
    end: int
    text: str
    type: TimeType
    value: str
    mod: str | None = None


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    type: str  # PERSON, ORG, GPE, LOC, GROUP, ...
    mentions: list[tuple[int, int]] = field(default_factory=list)


@dataclass(slots=True)
class Place:
    start: int
    end: int
    name: str
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None


@dataclass(slots=True)
class Quantity:
    start: int
    end: int
    value: float | None
    counts: str | None = None
    qualifier: str | None = None


@dataclass(slots=True)
class Article:
    """A clean news article and the facts found in it."""

    origin: str
    text: str  # paragraphs joined by "\n\n"
    url: str | None = None
    title: str | None = None
    published: str | None = None  # ISO 8601 date, or datetime with offset
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    language: str | None = None
    caption: str | None = None
    credit: str | None = None
    links: list[Link] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = article_id(self.url, self.text)

    @property
    def paragraphs(self) -> list[str]:
        return self.text.split("\n\n") if self.text else []

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        ordered = {key: data[key] for key in JSON_FIELDS}
        for quote in ordered["quotes"]:
            quote["spans"] = [list(span) for span in quote["spans"]]
        for entity in ordered["entities"]:
            entity["mentions"] = [list(span) for span in entity["mentions"]]
        return ordered

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return cls(
            id=data.get("id") or "",
            origin=data.get("origin") or "",
            url=data.get("url"),
            title=data.get("title"),
            published=data.get("published"),
            authors=list(data.get("authors") or []),
            outlet=data.get("outlet"),
            language=data.get("language"),
            caption=data.get("caption"),
            credit=data.get("credit"),
            text=data.get("text") or "",
            links=[Link(**link) for link in data.get("links") or []],
            quotes=[_quote_from_dict(q) for q in data.get("quotes") or []],
            times=[TimeExpression(**t) for t in data.get("times") or []],
            entities=[
                Entity(e["id"], e["name"], e["type"], [(s, t) for s, t in e.get("mentions") or []])
                for e in data.get("entities") or []
            ],
            places=[Place(**p) for p in data.get("places") or []],
            quantities=[Quantity(**q) for q in data.get("quantities") or []],
            warnings=list(data.get("warnings") or []),
        )

    def with_annotations(self, **annotations: Any) -> Article:
        return replace(self, **annotations)


JSON_FIELDS = (
    "id", "origin", "url", "title", "published", "authors", "outlet", "language",
    "caption", "credit", "text", "links", "quotes", "times", "entities", "places",
    "quantities", "warnings",
)  # fmt: skip


def _quote_from_dict(data: dict[str, Any]) -> Quote:
    speaker = data.get("speaker")
    return Quote(
        start=data["start"],
        end=data["end"],
        spans=[(s, e) for s, e in data.get("spans") or []],
        text=data["text"],
        kind=data["kind"],
        cue_start=data.get("cue_start"),
        cue_end=data.get("cue_end"),
        speaker=Speaker(**speaker) if speaker else None,
    )


def canonical_url(url: str) -> str:
    """The form of a URL used for identity: courlan-normalized, no tracking parameters, scheme or fragment."""
    from urllib.parse import urlsplit

    from courlan import normalize_url

    try:
        normalized = normalize_url(url.strip())
    except (ValueError, AttributeError):
        normalized = url.strip()
    try:
        parts = urlsplit(normalized)
    except ValueError:  # e.g. an unclosed IPv6 bracket: nothing to take apart, the string is the identity
        return normalized
    # http/https, a www. prefix and a trailing slash do not make a different article
    host = parts.netloc.lower().removeprefix("www.")
    path = parts.path.rstrip("/") or "/"
    return host + path + ("?" + parts.query if parts.query else "")


def article_id(url: str | None, text: str) -> str:
    """Identity: the canonical URL when known, else the body text (whitespace-insensitive)."""
    key = "url:" + canonical_url(url) if url else "text:" + " ".join(text.split())
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

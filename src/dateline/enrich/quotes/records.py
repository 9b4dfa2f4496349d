"""What the quote passes hand each other: a candidate quote, what speaker resolution knows of the
article's people, and the match returned to callers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dateline.record import Entity, Quote, QuoteKind, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Token


@dataclass
class QuoteMatch:
    """A found quote plus what the bench needs besides the record: the local speaker mention ("he")."""

    quote: Quote
    source: tuple[int, int] | None = None  # the speaker as written at the cue (may be a pronoun)


@dataclass
class _Candidate:
    spans: list[tuple[int, int]]
    kind: QuoteKind
    cue: tuple[int, int] | None = None
    subject: Token | None = None  # head token of the speaker phrase at the cue
    subject_span: tuple[int, int] | None = None  # for speakers found without a parse head (colon, dash)
    inherit: bool = False  # no cue: take the speaker of a neighbouring quote
    speaker: Speaker | None = None
    source: tuple[int, int] | None = None
    unsourced: bool = False  # "is expected to", "was said to": attributed to nobody named, kept without a speaker

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]


@dataclass
class _Mentions:
    """What speaker resolution knows about the article's people: positions, genders, roles."""

    entities: list[Entity]
    gender: dict[str, str] = field(default_factory=dict)  # entity id -> "m" | "f"
    roles: list[tuple[int, str, str]] = field(default_factory=list)  # (position, role noun, entity id)
    speakers: list[tuple[int, str, str]] = field(default_factory=list)  # (position, entity id, type)

    def by_id(self, entity_id: str) -> Entity:
        return next(entity for entity in self.entities if entity.id == entity_id)

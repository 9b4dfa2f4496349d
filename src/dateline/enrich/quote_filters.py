"""Grammar tests that keep one statement from being reported twice.

A reported clause often holds another attribution: "The poll showed that 72 percent said the economy
was worse", "She said Trump had called the plan "a disaster"", "Kasich said he would have fired him,
according to press reports". A reader (and PolNeAR-style annotation) takes each of these as one
statement, by the poll, by her, by the press reports; the attribution inside is part of what is
reported, not a second statement beside it. Whether one cue sits inside another's statement is a
question of the parse, not of character positions alone: "called on Congress to act and said funding
is needed" has two statements side by side even when a too-long reported clause takes both in. This
module answers the parse question; which verbs can hold a statement is the lexicons' business
(``quotes._nested_statement``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

#: lemma of the "according to" cue as the parser gives it
ACCORDING = "accord"


def governs(outer: Token, inner: Token) -> bool:
    """Whether ``inner`` is grammatically part of what ``outer`` reports: ``outer`` is one of its
    ancestors. A conjunct of ``outer`` ("said A and added B") stands beside it, not under it."""
    if inner.dep_ == "conj" and inner.head == outer:
        return False
    return any(ancestor == outer for ancestor in inner.ancestors)


def vouched_for(inner: Token, outer: Token) -> bool:
    """Whether an "according to" cue (``outer``) hangs on ``inner``'s clause: "X said Y, according to
    Z" is Z's account of what X said, one statement whose content is "X said Y"."""
    return outer.lemma_.lower() == ACCORDING and any(ancestor == inner for ancestor in outer.ancestors)

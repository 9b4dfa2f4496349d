"""Mixed quotes made only of a quoted fragment: what a naming verb or a verb of stance attributes in
marks (``what Putin has called a "security zone"``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.enrich.quotes.clauses import ADDRESSEE_VERBS, _split_pieces
from dateline.enrich.quotes.lexicon import CUE_WORDS, NAMING_VERBS
from dateline.enrich.quotes.records import _Candidate
from dateline.enrich.quotes.syntax import _names_someone, _subject, _tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def _mostly_quoted(text: str, pieces: list[tuple[int, int]], quoted: bytearray) -> bool:
    """True when a clause is a direct quote already found: little but marks and 'that' outside it."""
    outside = sum(1 for s, e in pieces for i in range(s, e) if not quoted[i] and text[i].isalnum())
    return outside <= len("that")


def _mask(length: int, ranges: list[tuple[int, int]]) -> bytearray:
    """Which character positions the ranges cover, for constant-time lookups over a whole article."""
    mask = bytearray(length + 1)
    for start, end in ranges:
        mask[max(0, start) : max(0, min(end, length))] = b"\x01" * max(0, min(end, length) - max(0, start))
    return mask


def mixed_candidates(
    sdoc: Doc, text: str, fragments: list[list[tuple[int, int]]], indirect: list[_Candidate]
) -> list[_Candidate]:
    """Quoted fragments: inside a reported clause they make it mixed; after a naming verb they are quotes."""
    found: list[_Candidate] = []
    for group in fragments:
        start, end = group[0]
        holder = next((c for c in indirect if c.start <= start and end <= c.end), None)
        if holder is not None:
            holder.kind = "mixed"
            continue
        tokens = _tokens(sdoc, start, end)
        if not tokens:
            continue
        verb = _governing_verb(tokens[0])
        if verb is not None:
            content = _trim_fragment(text, start, end)
            cue = (verb.idx, verb.idx + len(verb.text))
            found.append(_Candidate([content], "mixed", cue, _subject(verb)))
            continue
        evaluation = _evaluating_verb(tokens[0], text)
        if evaluation is not None:
            found.append(evaluation)
    return found


#: the parts of a verb phrase that may carry someone's quoted words ("blasted the media as "dishonest"")
FRAGMENT_COMPLEMENT_DEPS = frozenset({"dobj", "prep", "oprd", "advcl", "xcomp"})


def _evaluating_verb(token: Token, text: str) -> _Candidate | None:
    """``Trump blasted the media as "dishonest"``: a quoted fragment in the complement of a verb whose
    subject names someone is that someone's words; the complement up to the fragment is the content."""
    node = token
    for _ in range(4):
        if node.head == node:
            return None
        child, node = node, node.head
        if node.pos_ != "VERB":
            continue
        if node.lemma_.lower() in ADDRESSEE_VERBS or node.lemma_.lower() == "say":
            # "told MSNBC's "Morning Joe"": the quoted words name whom he told; "said on "Fox and
            # Friends"": where he said it (a quote in what was said is found with the clause)
            return None
        if node.lemma_.lower() not in CUE_WORDS:
            return None  # "bought a "philanthropub"", "sent its "national reporter"": no one's words
        subject = _subject(node)
        if subject is None or not _names_someone(subject) or child.i < node.i:
            return None
        complements = [c for c in node.rights if c.i <= child.i and c.dep_ in FRAGMENT_COMPLEMENT_DEPS]
        tokens = [t for c in complements for t in c.subtree]
        pieces = _split_pieces(tokens, text)
        if not pieces:
            return None
        whole = (pieces[0][0], pieces[-1][1])
        return _Candidate([whole], "mixed", (node.idx, node.idx + len(node.text)), subject)
    return None


def _governing_verb(token: Token) -> Token | None:
    """The naming or speech verb above a quoted fragment, if its subject names someone."""
    node = token
    for _ in range(6):
        # a speech verb's quoted fragment lies inside its reported clause (handled there); only a naming
        # verb makes a quote of the bare fragment
        if node.pos_ in {"VERB", "AUX"} and node.lemma_.lower() in NAMING_VERBS:
            return node if _subject(node) is not None else None
        if node.head == node:
            return None
        node = node.head
    return None


def _trim_fragment(text: str, start: int, end: int) -> tuple[int, int]:
    # US style puts the sentence's period inside the marks: "a "security zone."" quotes two words
    while end > start and text[end - 1] in ".,;:":
        end -= 1
    return start, end

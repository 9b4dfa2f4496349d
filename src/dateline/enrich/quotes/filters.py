"""What is kept: a clause reported once, beliefs inside someone else's statement dropped, slogans and
titles in marks left out, unresolved pronouns never given as speakers' names.

Below, the grammar tests that keep one statement from being reported twice.

A reported clause often holds another attribution: "The poll showed that 72 percent said the economy
was worse", "She said Trump had called the plan "a disaster"", "Kasich said he would have fired him,
according to press reports". A reader (and PolNeAR-style annotation) takes each of these as one
statement, by the poll, by her, by the press reports; the attribution inside is part of what is
reported, not a second statement beside it. Whether one cue sits inside another's statement is a
question of the parse, not of character positions alone: "called on Congress to act and said funding
is needed" has two statements side by side even when a too-long reported clause takes both in. This
module answers the parse question; which verbs can hold a statement is the lexicons' business
(``_holds_statements``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dateline.enrich.quotes.lexicon import (
    BELIEF_VERBS,
    EVIDENCE_VERBS,
    NAMING_VERBS,
    SPEECH_VERBS,
    STANCE_VERBS,
    SUBJECT_PRONOUNS,
)
from dateline.enrich.quotes.records import _Candidate
from dateline.enrich.quotes.syntax import _inside, _is_belief_verb, _is_cue_verb, _is_stance_verb, _lemma, _tokens
from dateline.record import Speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


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


def _drop_nested(candidates: list[_Candidate], sdoc: Doc) -> list[_Candidate]:
    """Report a clause once: drop repeats of one cue, and beliefs inside what someone said.

    "He said he expects Clinton to recover" is one statement by him; the belief is part of what he said.
    """
    kept: list[_Candidate] = []
    for candidate in candidates:
        inside = [k for k in kept if k.start <= candidate.start and candidate.end <= k.end and k.cue == candidate.cue]
        if inside or _nested_belief(candidate, candidates, sdoc) or _nested_statement(candidate, candidates, sdoc):
            continue
        kept.append(candidate)
    return kept


def _nested_statement(candidate: _Candidate, candidates: list[_Candidate], sdoc: Doc) -> bool:
    """A reported clause that the parse puts under another's cue is part of that statement: "The poll
    showed that 72 percent said …" is the poll's finding, "He said Trump called it a disaster" his
    claim, and "X said Y, according to Z" Z's account of what X said (PolNeAR annotates one attribution
    in each; on train articles 120+ the inner one was exact in 8 cases of 100). A quotation stands on its
    marks; a stance verb's object may run on past its own statement ("criticized him for saying …"
    keeps "saying"), so only verbs of speech, belief and evidence hold a nested statement."""
    if candidate.kind == "direct" or candidate.cue is None:
        return False
    cue = _tokens(sdoc, *candidate.cue)
    if not cue or _lemma(cue[0]) == ACCORDING:
        return False
    inner = cue[0]
    for other in candidates:
        if other is candidate or other.kind == "direct" or other.cue is None:
            continue
        outer_cue = _tokens(sdoc, *other.cue)
        if not outer_cue:
            continue
        outer = outer_cue[0]
        if vouched_for(inner, outer):
            return True
        if not _inside(candidate.cue[0], other.spans):
            continue
        if governs(outer, inner) and _holds_statements(outer, inner):
            return True
    return False


def _holds_statements(outer: Token, inner: Token) -> bool:
    """Whether a cue's reported clause can hold another's statement as part of its own."""
    lemma = _lemma(outer)
    if lemma in NAMING_VERBS or (lemma in STANCE_VERBS and _lemma(inner) in SPEECH_VERBS):
        return False
    return lemma in SPEECH_VERBS or lemma in BELIEF_VERBS or lemma in EVIDENCE_VERBS


def _nested_belief(candidate: _Candidate, candidates: list[_Candidate], sdoc: Doc) -> bool:
    """A belief, a stance or a paraphrased statement inside what someone else said is part of that
    statement ("He said she had called the plan a fraud" is his claim): reported once. A quotation
    stands on its marks and is kept."""
    if candidate.cue is None or candidate.kind == "direct":
        return False
    if candidate.unsourced:
        # "He said the bank is expected to act": the expectation is part of his statement
        return any(o is not candidate and _inside(candidate.cue[0], o.spans) for o in candidates)
    cue = _tokens(sdoc, *candidate.cue)
    if not cue:
        return False
    if _is_belief_verb(cue[0]) or _is_stance_verb(cue[0]):
        return any(o is not candidate and _inside(candidate.cue[0], o.spans) for o in candidates)
    if not _is_cue_verb(cue[0]):
        return False
    # a statement inside a statement; not inside what a stance verb takes, which may run on too far
    # ("dismissed suggestions that …, coming a day after officials said …")
    return any(
        o is not candidate and o.kind != "direct" and _inside(candidate.cue[0], o.spans) and _said_by(o, sdoc)
        for o in candidates
    )


def _said_by(candidate: _Candidate, sdoc: Doc) -> bool:
    cue = _tokens(sdoc, *candidate.cue) if candidate.cue else []
    return bool(cue) and _is_cue_verb(cue[0])


def _worth_keeping(candidate: _Candidate, text: str) -> bool:
    # an indirect "quote" with nobody saying it is just a clause, unless its grammar attributes it to
    # people left unnamed ("is expected to"); a direct quote stands on its marks,
    # unless nobody says it and it is a title or a slogan ("Make America Great Again.")
    if candidate.kind != "direct":
        return candidate.speaker is not None or candidate.unsourced
    return candidate.speaker is not None or candidate.cue is not None or not _title_cased(candidate, text)


def _title_cased(candidate: _Candidate, text: str) -> bool:
    """A short quote whose words are all capitalised but the small ones: a title, a show or a slogan."""
    words = re.findall(r"[A-Za-z][\w'’-]*", " ".join(text[s:e] for s, e in candidate.spans))
    if not 2 <= len(words) <= 8:
        return False  # one word ("Scam.") is as often a verdict quoted as a name
    return in_title_case(words)


def in_title_case(words: list[str]) -> bool:
    """Whether every word is capitalised but the small ones a title leaves in lower case."""
    return all(w[0].isupper() or w.lower() in TITLE_SMALL_WORDS for w in words)


#: words a title leaves in lower case
TITLE_SMALL_WORDS = frozenset(
    {"a", "an", "the", "of", "in", "on", "to", "and", "or", "for", "at", "by", "is", "isn't", "with"}
)


def _named(speaker: Speaker | None) -> Speaker | None:
    """A pronoun the article never ties to anyone is not a speaker's name: the record leaves the speaker
    unknown rather than list "She" among the archive's speakers (the cue still shows where it is said)."""
    if speaker is not None and speaker.entity is None and speaker.name.strip().lower() in SUBJECT_PRONOUNS:
        return None
    return speaker


def _within_cue_paragraph(candidate: _Candidate, text: str) -> bool:
    """A reported clause stays in its cue's paragraph: pieces a parse runs on into the next paragraph
    ("…, the statement added,\n\nThe authority governs …") are cut; a clause left with none is dropped.
    Quotations may run over paragraphs (the multi-paragraph convention) and are left alone."""
    if candidate.kind != "indirect" or candidate.cue is None:
        return True
    start = text.rfind("\n\n", 0, candidate.cue[0]) + 1
    end = text.find("\n\n", candidate.cue[1])
    end = len(text) if end < 0 else end
    candidate.spans = [(s, e) for s, e in candidate.spans if start <= s and e <= end]
    return bool(candidate.spans)

"""How far a reported clause runs, when the parse hangs part of it on the cue.

PolNeAR-style annotation (and a reader) takes the words that follow a cue's content in the same sentence
as part of what was said, unless they say when or where it was said or are the speaker's own next act.
A small parser often hangs that tail on the cue verb instead of on the reported clause, so the content
stopped short; and it hangs the speaker's next speech verb inside the reported clause, so the content ran
on. Rules written from PolNeAR train articles 120 onwards, each kept because it helps (or does not hurt)
dev and the check slice (train articles 0-119):

- **a tail hung on the cue** ("accused the mayor of lying in his annual report", "pledged to name her
  if he wins", "said the talks had failed, but a deal was still possible"): a prepositional phrase that
  is not the time or occasion of the statement, an adverbial clause that is not a time clause nor a
  comma-led participle (", adding …"), a coordinated clause with a subject of its own that is not a
  speech verb;
- **an interrupted sentence** ("The vote would be close, she said, and turnout would decide it"): the
  words after the cue clause that the parse hangs on the cue are the second piece of the content;
- **a coordinated speech verb** ('said he welcomed the ruling and added, "…"'): a cue verb of the same
  form as the cue and no subject, coordinated inside the reported clause, ends it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

#: what may hang on the cue after its content and still belong to what was said
TAIL_DEPS = frozenset({"prep", "advcl", "conj"})

#: subordinators of a clause that says when the statement was made ("… the bill when it came to a vote")
TIME_MARKERS = frozenset({"after", "before", "when", "while", "as", "until", "since", "once", "whenever"})

#: how the rest of an interrupted sentence hangs on the cue ("A, he said, that …", "…, by the calendar")
REST_DEPS = frozenset({"prep", "ccomp", "advcl", "xcomp", "conj", "dobj", "attr", "acomp", "oprd"})

Predicate = Callable[["Token"], bool]


def run_on_tail(content: list[Token], verb: Token, is_when: Predicate, is_cue_verb: Predicate) -> list[Token]:
    """The content with the words of its sentence that the parse hung on the cue instead of on it."""
    if not content:
        return content
    own = {t.i for t in content}
    first, last = min(own), max(own)
    if last < verb.i:
        return _after_interruption(content, verb, is_when, is_cue_verb)
    if first <= verb.i:
        return content  # a content around the cue: the parse put the whole sentence in it already
    doc = verb.doc
    added: list[Token] = []
    for child in verb.rights:
        if child.i <= last or child.dep_ == "cc":
            continue  # a conjunction is taken with the clause it joins, or not at all
        between = doc[last + 1 : child.left_edge.i]
        joiners = {","} | ({t.text for t in between if t.dep_ == "cc"} if child.dep_ == "conj" else set())
        # a dash, colon or semicolon between them is the writer's break
        if any(not (t.text in joiners or t.is_space) for t in between if t.i not in own):
            break
        if child.dep_ not in TAIL_DEPS or child.right_edge.i >= verb.sent.end:
            break
        if any("\n" in t.text_with_ws for t in doc[last : child.right_edge.i]):
            break  # a paragraph break the parse ran over
        if not _belongs_to_statement(child, is_when, is_cue_verb):
            break
        added += [t for t in doc[last + 1 : child.right_edge.i + 1] if not t.is_space and t.i not in own]
        last = child.right_edge.i
    return sorted([*content, *added], key=lambda t: t.i) if added else content


def _belongs_to_statement(child: Token, is_when: Predicate, is_cue_verb: Predicate) -> bool:
    if child.dep_ == "prep":
        # "said … on Tuesday", "… in a statement": when and where it was said; "found support for the quota
        # among skippers": whom a finding was made among, kept out of a noun object (no change on PolNeAR)
        return not is_when(child) and child.lower_ != "among"
    if child.dep_ == "advcl":
        if child.tag_ == "VBG" and (is_cue_verb(child) or _after_comma(child.left_edge)):
            return False  # ", saying …", ", adding …": the speaker's own act, not what was said
        return not _opens_with_time(child)
    return _joins_statement(child, is_cue_verb)


def _after_interruption(content: list[Token], verb: Token, is_when: Predicate, is_cue_verb: Predicate) -> list[Token]:
    """``The argument would be aided, he said, by the calendar``: a cue set inside a sentence between
    commas interrupts one statement; the parse hangs the words after it on the cue, and they are what
    was said too (PolNeAR marks the two pieces as one content)."""
    doc = verb.doc
    last = max(t.i for t in content)
    if not any(t.text == "," for t in doc[last + 1 : verb.i]):
        return content
    subject = [c for c in verb.rights if c.dep_ in {"nsubj", "nsubjpass"}]
    skip = {t.i for c in subject for t in c.subtree} | {verb.i}
    # the comma that closes the cue clause comes right after the verb (and a subject after it: "said Ms. Ray,")
    i = verb.i + 1
    while i < len(doc) and i in skip:
        i += 1
    if i >= len(doc) or doc[i].text != ",":
        return content
    start = i + 1
    rest = next((c for c in verb.rights if c.left_edge.i == start), None)
    if rest is None or rest.dep_ not in REST_DEPS or rest.right_edge.i >= verb.sent.end:
        return content
    if is_cue_verb(rest) or (rest.dep_ == "prep" and is_when(rest)):
        return content
    if rest.dep_ == "advcl" and rest.tag_ == "VBG":
        return content  # ", she said, referring to …": the speaker's act
    if rest.dep_ == "conj" and not any(c.dep_ == "cc" for c in verb.children if c.i < rest.i):
        return content
    if any("\n" in t.text_with_ws for t in doc[verb.i : rest.right_edge.i]):
        return content
    tail = [t for t in doc[start : rest.right_edge.i + 1] if not t.is_space]
    if any(t.text in {".", "!", "?"} for t in tail[:-1]):
        return content  # the parse ran the sentence on into the next
    return sorted([*content, *tail], key=lambda t: t.i)


def coordinated_cue_cut(verb: Token, spans: list[tuple[int, int]], is_cue_verb: Predicate) -> int | None:
    """``said he welcomed extradition and added, "…"``: a second speech verb with no subject of its own,
    coordinated inside the reported clause by the parse, is the speaker's next act; the content ends
    before its "and" (the character offset returned). Only a verb of the cue's own form: "said they would
    resign and explain why" coordinates two reported verbs."""
    if not spans or spans[0][0] <= verb.idx:
        return None
    start, end = spans[0][0], spans[-1][1]
    for token in verb.doc[verb.i + 1 :]:
        if token.idx >= end:
            break
        if token.idx <= start or token.dep_ != "conj" or token.tag_ != verb.tag_ or not is_cue_verb(token):
            continue
        if token.head.idx < start or any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children):
            continue
        cc = [c for c in token.head.children if c.dep_ == "cc" and c.i < token.i]
        cut = cc[-1].idx if cc else token.left_edge.idx
        return cut if cut > start else None
    return None


def _after_comma(token: Token) -> bool:
    """A comma right before the token, or before the closing mark before it ('only "partial," meaning …')."""
    doc = token.doc
    previous = doc[token.i - 1] if token.i > 0 else None
    if previous is not None and previous.is_quote and token.i > 1:
        previous = doc[token.i - 2]
    return previous is not None and previous.text == ","


def _opens_with_time(clause: Token) -> bool:
    return any(c.dep_ in {"mark", "advmod"} and c.i < clause.i and c.lower_ in TIME_MARKERS for c in clause.children)


def _joins_statement(conj: Token, is_cue_verb: Predicate) -> bool:
    """A clause coordinated with the cue that goes on with what was said: one with a subject of its own
    and no speech verb ("said X, but she wanted …"); a verb with none ("said X and left") is the speaker's."""
    if conj.pos_ not in {"VERB", "AUX"} or is_cue_verb(conj):
        return False
    return any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in conj.children)

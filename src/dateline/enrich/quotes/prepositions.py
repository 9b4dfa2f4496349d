"""Attributions made by a preposition: "in the latest Fox poll", "in Forbes' words".

Campaign news states most poll results as the writer's own sentence with the poll in a prepositional
phrase ("Kasich was at 25 percent in the most recent Fox poll", "In a Register poll last month, Cruz had a
10-point lead"). The claim is the poll's, not the writer's: PolNeAR-style annotation makes the phrase the
cue, the poll the source and the clause it hangs on, without the phrase, the content. A possessed noun of
viewpoint does the same for a person ("in Forbes' words, …", "in their eyes").

Only the clause the phrase modifies is the content: a subordinate clause after it ("although Rubio moved
up in another survey") is a claim of its own, and the connective that opens a subordinate clause ("where
he has been leading in the polls") is the writer's; a coordinated verb stays (annotation keeps "… and has a
double-digit edge" more often than not). Polls in the plural are left out: "rose in the polls", "is ahead
in national polls" are mostly the writer's summary, not a finding reported (on PolNeAR train two of three
were not annotated).

Tried and left out: a sentence opened by "to"/"for" someone and a comma ("To Trump, the system is
rigged"): annotated often enough on PolNeAR train, but as often the writer's framing ("For China, the
region offers …"), and it lost on the development split."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from dateline.enrich.quotes.lexicon import FINITE_TAGS

if TYPE_CHECKING:
    from spacy.tokens import Token


#: lemmas of the documents whose findings "in X" reports
POLL_NOUNS = frozenset({"poll", "survey"})


#: nouns that are a poll only through what they aggregate ("the RealClearPolitics average of polls")
AGGREGATE_NOUNS = frozenset({"average"})


#: possessed nouns that hand the clause to the possessor: "in Forbes' words", "in their eyes"; "in his
#: view", "in Trump's mind" are as often the writer's reading of someone (left out: more wrong than right)
VIEW_NOUNS = frozenset({"words", "eyes"})


#: the cues of this module, checked before any parse attribute is read
PREPOSITION_CUES = frozenset({"in"})


#: words opening a subordinate clause that are the writer's link, not part of the claim
CLAUSE_OPENERS = frozenset(
    {"where", "when", "as", "while", "although", "though", "because", "since", "if", "whereas", "after", "that"}
)


#: clause-level dependents that carry a second claim of their own
SECOND_CLAUSE_DEPS = frozenset({"parataxis"})


#: the noun slots of a clause whose "in X" phrase reports the whole clause
NOUN_SLOTS = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})


#: dependents that open a sentence before its subject as the writer's frame ("In March,", "However,")
LEADING_DEPS = frozenset({"prep", "advmod", "npadvmod", "advcl"})


#: a finite verb, or a modal before one
FINITE_OR_MODAL_TAGS = FINITE_TAGS | {"MD"}


SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})


def _is_poll(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    if lemma in POLL_NOUNS or noun.lower_ in {"polls", "surveys"}:
        return True
    if lemma not in AGGREGATE_NOUNS:
        return False
    # "the polling average", "the average of New Hampshire polls"
    for child in noun.children:
        if child.dep_ in {"compound", "amod"} and child.lemma_.lower() in {"polling", "poll"}:
            return True
        if child.lower_ == "of" and any(g.dep_ == "pobj" and _is_poll(g) for g in child.children):
            return True
    return False


def source_of(prep: Token) -> Token | None:
    """The poll or the viewpoint an "in" phrase attributes its clause to, or None."""
    if prep.lower_ != "in" or prep.dep_ != "prep":
        return None
    noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if noun is None:
        return None
    if _is_poll(noun):
        # "rose in the polls", "is ahead in national polls": standing in polls at large is mostly the
        # writer's own summary; one poll named or singled out ("the latest CNN poll") is a source
        return None if noun.tag_ in {"NNS", "NNPS"} else noun
    if noun.lower_ in VIEW_NOUNS and any(c.dep_ == "poss" for c in noun.children):
        return noun
    return None


def _clause_head(prep: Token) -> Token | None:
    head = prep.head
    # "Clinton's lead in a CBS poll last month has evaporated": a phrase on the subject or object still
    # reports its clause; one deeper in a noun ("because of his rise in the polls") is the writer's story
    if head.pos_ not in {"VERB", "AUX"} and head.dep_ in NOUN_SLOTS:
        head = head.head
    # "continues to lead in polls": the claim is the whole verb chain
    while head.dep_ == "xcomp" and head.head.pos_ in {"VERB", "AUX"}:
        head = head.head
    if head.pos_ not in {"VERB", "AUX"}:
        return None
    # a finite clause states something; "surveyed in the poll", "87 percent viewing him favorably in
    # a poll" (a participle hung on a noun) do not
    finite = head.tag_ in FINITE_OR_MODAL_TAGS or any(c.dep_ in {"aux", "auxpass"} for c in head.children)
    return head if finite and any(c.dep_ in SUBJECT_DEPS for c in head.children) else None


def _opens_clause(token: Token) -> bool:
    return token.lower_ in CLAUSE_OPENERS and token.dep_ in {"mark", "advmod"}


def preposition_attribution(prep: Token, speaks: Callable[[Token], bool]) -> tuple[list[Token], Token] | None:
    """The content tokens and the source head of an attribution made by "in X", or None.

    `speaks` tells a cue verb: "voters said in exit polls that …" is the verb's attribution, found there.
    """
    source = source_of(prep)
    if source is None:
        return None
    head = _clause_head(prep)
    if head is None or speaks(head):
        return None
    if head.dep_ == "advcl" and any(c.dep_ == "mark" for c in head.children):
        return None  # "Though he trails in New Hampshire polls, …": the writer's concession, not a finding
    if head.dep_ == "relcl" and not any(c.lower_ in {"where", "when"} for c in head.children):
        return None  # "Trump, who leads in the polls", "the lead he has enjoyed in polls": half the claim is outside
    drop = {t.i for t in prep.subtree}
    for child in head.children:
        second = child.dep_ in SECOND_CLAUSE_DEPS and child.pos_ in {"VERB", "AUX"}
        subordinate = child.dep_ == "advcl" and any(g.dep_ == "mark" for g in child.children) and child.i > prep.i
        # "in a CBS poll last month": the date right after the phrase dates the poll, not the claim
        dating = child.dep_ in {"npadvmod", "tmod"} and child.left_edge.i == prep.right_edge.i + 1
        if second or subordinate or dating:
            drop |= {t.i for t in child.subtree}
    tokens = [t for t in head.subtree if t.i not in drop]
    # "… by 28 points in the same poll, a 52-point swing": past the phrase a comma opens the writer's gloss
    end = prep.right_edge.i + 1
    if end < len(prep.doc) and prep.doc[end].text == "," and prep.i > head.i:
        tokens = [t for t in tokens if t.i < end]
    # "In March, Cruz had …", "However, 73 percent …": a phrase set off before the subject is the writer's
    subject = next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None)
    for child in head.children:
        if subject is None or child.i >= subject.left_edge.i or child.dep_ not in LEADING_DEPS:
            continue
        after = child.right_edge.i + 1
        if after < len(prep.doc) and prep.doc[after].text == ",":
            cut = set(range(child.left_edge.i, after + 1))
            tokens = [t for t in tokens if t.i not in cut]
    # a sentence opened by the phrase ("In a Fox poll, Cruz had …"): the comma after it is no content
    while tokens and (tokens[0].is_punct or _opens_clause(tokens[0])):
        tokens = tokens[1:]
    return (tokens, source) if tokens else None


#: words opening a concession or circumstance the writer sets before a clause ("Despite the attacks, …")
CONCESSIVE_OPENERS = frozenset({"despite", "though", "although", "while", "whereas"})


def without_leading_concession(tokens: list[Token], cue: Token) -> list[Token]:
    """``Though he has no shot at the nomination, Kasich has the best odds, according to three polls``:
    the concession before the comma is the writer's frame around what the sources say."""
    if not tokens or tokens[0].lower_ not in CONCESSIVE_OPENERS:
        return tokens
    first = tokens[0]
    doc = first.doc
    # the smallest constituent opened by the word that a comma closes before the cue
    phrase = first
    while phrase.right_edge.i + 1 < cue.i and doc[phrase.right_edge.i + 1].text != ",":
        if phrase.head.i == phrase.i or phrase.head.left_edge.i != first.i:
            break
        phrase = phrase.head
    ends = phrase.right_edge.i + 1
    if phrase.dep_ == "ROOT" or ends >= cue.i or doc[ends].text != ",":
        return tokens
    rest = [t for t in tokens if t.i > ends]
    return rest if rest else tokens

"""Attributions whose cue is no speech verb: what someone realizes, agrees with, makes clear or points to.

PolNeAR-style annotation (and a fact-checker) counts every statement *or internal state* ascribed to a
source: "Local leaders now recognize that they have to do more" is the leaders' position as much as
"they said" would be. The ordinary cue path covers speech, belief, evidence and stance verbs; this
module adds families of verbs it leaves out, each only in the syntactic frame in which the verb
ascribes a content to its subject. The same verbs in other frames ("were recognized for their work",
"made permanent", "took a long time") ascribe nothing, so the frame is the rule, not the word:

* cognition + that-clause: ``X realizes/recognizes/understands/learned/determined that S`` → the clause
  (a wh-clause, "understood why people did", is a question grasped, not a position held);
* agreement + object: ``X agrees with Y``, ``agreed on Y`` → Y;
* making a view plain: ``X made (it) clear that S``, ``made the case that S`` → the that-clause;
* pointing: ``X pointed to Y (as Z)``, ``pointed out Y`` → Y (with "as Z");
* voicing an attitude: ``X expressed concern about Y`` → Y (the bare attitude noun belongs to the cue),
  ``X voiced his support for Y`` → "his support for Y" (a determined attitude is what was voiced);
* light-verb jabs and claims: ``X took aim at Y``, ``took issue with Y``, ``took credit for Y`` → Y.

In every frame the subject must name someone (a person, group, organisation or pronoun) and the
verb be active: the caller passes its own subject finder and its test of a speaker, so the cue path's
rules (relative pronouns, coordinated verbs, participles borrowing a subject) hold here too. A verb
with a clausal complement of its own outside the cognition family ("agreed with her that S",
"pointed out that S") is left to the cue path, which reports the clause.

Each family was kept only where it raised content exact F1 on PolNeAR dev or on a train slice no rule
was written from and lowered neither (docs/benchmarks.md lists the figures and the families dropped)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token


#: verbs of knowing, coming to know and supposing: their that-clause is what the subject holds true
#: ("accept", "consider", "hear" and "signal" were tried too: each lowered exact F1 on dev or on train)
COGNITION_VERBS = frozenset(
    """
    realize realise recognize recognise understand learn remember assume forget notice discover figure
    imagine guess sense determine
    """.split()
)


#: verbs of agreement whose "with"/"on" object is the position agreed to
AGREEMENT_VERBS = frozenset({"agree"})


AGREEMENT_PREPOSITIONS = frozenset({"with", "on"})


#: "made (it) clear that …": predicates and nouns by which "make" states a view
MAKING_PREDICATES = frozenset({"clear", "plain", "known"})


MAKING_NOUNS = frozenset({"case", "argument", "point"})


#: "pointed to the rate as proof", "points out the flaw"
POINTING_VERBS = frozenset({"point"})


#: verbs that voice an attitude named by their object ("expressed concern about X", "voiced support for X")
VOICING_VERBS = frozenset({"express", "voice"})


#: prepositions that name what an attitude or a jab is about
ATTITUDE_PREPOSITIONS = frozenset({"about", "at", "for", "over", "with", "toward", "towards", "in", "on", "against"})


#: "took aim at X", "took issue with X", "took credit for X": light-verb idioms of attack and claim
TAKING_NOUNS = frozenset(
    {"aim", "shot", "shots", "swing", "swipe", "swipes", "whack", "issue", "credit", "slam", "slams"}
)


#: every lemma this module looks at, checked before any parse attribute is read
STANCE_CUES = COGNITION_VERBS | AGREEMENT_VERBS | POINTING_VERBS | VOICING_VERBS | {"make", "take"}


#: tags of the words that open an indirect question ("who", "why", "how", "which")
WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})


SubjectOf = Callable[["Token"], "Token | None"]


NamesSomeone = Callable[["Token"], bool]


def stance_attribution(
    verb: Token, subject_of: SubjectOf, names_someone: NamesSomeone
) -> tuple[list[Token], Token] | None:
    """The content tokens and the subject token of an attribution at ``verb`` in one of the frames above."""
    lemma = verb.lemma_.lower()
    if lemma not in STANCE_CUES or verb.pos_ != "VERB" or verb.dep_ in {"amod", "acl"} or _passive(verb):
        return None
    # "agreed with her that S", "pointed out that S": the clause is the cue path's content
    # ("made it clear that S" is parsed with "clear" as the clause: that is this module's frame)
    if lemma not in COGNITION_VERBS and any(
        c.dep_ == "ccomp" and c.lower_ not in MAKING_PREDICATES for c in verb.children
    ):
        return None
    subject = subject_of(verb)
    if subject is None or not names_someone(subject):
        return None
    content: list[Token] | None = None
    if lemma in COGNITION_VERBS:
        content = _that_clause(verb)
    elif lemma in AGREEMENT_VERBS:
        content = _prepositional_object(verb, AGREEMENT_PREPOSITIONS)
    elif lemma == "make":
        content = _made_plain(verb)
    elif lemma in POINTING_VERBS:
        content = _pointed_to(verb)
    elif lemma in VOICING_VERBS:
        content = _voiced(verb)
    elif lemma == "take":
        content = _taken_at(verb)
    if not content or subject in content:
        return None
    return content, subject


def _passive(verb: Token) -> bool:
    """ "were recognized for their work": the subject is the one acted upon, and holds no view."""
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)


def _objects_of(preposition: Token) -> list[Token]:
    return [t for c in preposition.children if c.dep_ in {"pobj", "pcomp"} for t in c.subtree]


def _that_clause(verb: Token) -> list[Token] | None:
    """A finite clausal complement ("recognize that they …", "realized long ago the contest …")."""
    for child in verb.rights:
        if child.dep_ != "ccomp":
            continue
        # a clause with a subject of its own: "learned to live with it" is a skill, not a belief
        if not any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in child.children):
            continue
        tokens = list(child.subtree)
        if tokens[0].tag_ in WH_TAGS or tokens[0].lower_ in {"if", "whether"}:
            return None  # "understood why people did": a question the subject grasps, no position held
        marker = [c for c in child.lefts if c.dep_ == "mark"]
        return tokens if not marker or marker[0] in tokens else [*marker, *tokens]
    return None


def _prepositional_object(verb: Token, prepositions: frozenset[str]) -> list[Token] | None:
    for child in verb.rights:
        if child.dep_ == "prep" and child.lower_ in prepositions:
            objects = _objects_of(child)
            if objects:
                return objects
    return None


def _object(verb: Token) -> list[Token] | None:
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    if obj is None or (obj.pos_ == "PRON" and obj.lower_ not in {"this", "that"}):
        return None  # "pointed it out": what "it" is lies in an earlier sentence
    return list(obj.subtree)


def _made_plain(verb: Token) -> list[Token] | None:
    """ "made it clear that S" (the clause may hang on "clear" or on "make"), "made the case that S"."""
    for child in verb.rights:
        if child.lower_ in MAKING_PREDICATES and child.dep_ in {"ccomp", "oprd", "acomp", "xcomp", "dobj"}:
            clause = _that_clause_under(child) or _that_clause_under(verb, after=child.i)
            if clause is not None:
                return clause
        if child.dep_ == "dobj" and child.lemma_.lower() in MAKING_NOUNS:
            clause = _that_clause_under(child)
            if clause is not None:
                return clause
    return None


def _that_clause_under(head: Token, after: int = -1) -> list[Token] | None:
    """A that-clause hanging on ``head`` after position ``after`` (as a complement, adverbial or noun clause)."""
    for child in head.rights:
        if child.i <= after or child.dep_ not in {"ccomp", "advcl", "acl"}:
            continue
        marker = [c for c in child.lefts if c.dep_ == "mark"]
        if not marker or marker[0].lower_ != "that":
            continue
        return [t for t in child.subtree if t.i >= marker[0].i]
    return None


def _pointed_to(verb: Token) -> list[Token] | None:
    """ "pointed to the rate as proof of success": the thing pointed to and how it is taken; "pointed
    out the flaw": the object."""
    rights = list(verb.rights)
    if any(c.dep_ == "prt" and c.lower_ == "out" for c in rights):
        return _object(verb)
    to = next((c for c in rights if c.dep_ == "prep" and c.lower_ == "to"), None)
    if to is None:
        return None
    tokens = _objects_of(to)
    if not tokens:
        return None
    as_phrase = [c for c in rights if c.i > to.i and c.lower_ == "as" and c.dep_ == "prep"]
    return tokens + [t for c in as_phrase for t in c.subtree]


def _voiced(verb: Token) -> list[Token] | None:
    """ "expressed concern about the cost" → the cost (a bare attitude noun is part of the cue);
    "expressed his support for his boss" → the whole object (a determined attitude is what was voiced).
    An attitude with a that-clause ("expressed doubt that …") is the cue path's."""
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    if obj is None or obj.pos_ != "NOUN":
        return None
    if any(c.dep_ in {"acl", "ccomp", "relcl"} for c in obj.children):
        return None
    determined = any(c.dep_ in {"det", "poss", "amod", "compound", "nummod"} for c in obj.children)
    about = next((c for c in obj.rights if c.dep_ == "prep" and c.lower_ in ATTITUDE_PREPOSITIONS), None)
    # the parser often hangs the attitude's preposition on the verb ("expressed dismay at …")
    on_verb = next(
        (c for c in verb.rights if c.dep_ == "prep" and c.i > obj.i and c.lower_ in ATTITUDE_PREPOSITIONS), None
    )
    if determined:
        return list(obj.subtree) + (list(on_verb.subtree) if on_verb is not None and about is None else [])
    about = about or on_verb
    return (_objects_of(about) or None) if about is not None else None


def _taken_at(verb: Token) -> list[Token] | None:
    """ "took aim at the law", "took issue with the claim", "took credit for the deal": the target."""
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    if obj is None or obj.lower_ not in TAKING_NOUNS:
        return None
    for head in (obj, verb):
        for child in head.rights:
            if child.dep_ == "prep" and child.i > obj.i and child.lower_ in ATTITUDE_PREPOSITIONS:
                objects = _objects_of(child)
                if objects:
                    return objects
    return None

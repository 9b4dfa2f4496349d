"""Unsourced attributions: expectations and hearsay that news states without a speaker.

"The central bank is expected to act in December", "Some advisers are said to be urging a deal". Nobody
is named, yet the sentence is not the writer's own claim: it is attributed to an unnamed consensus or a
rumour, the claims a fact-checker looks for a source of. PolNeAR-style annotation counts these as
attributions without a source; the content is the sentence's subject and the complement, with the cue
("is expected") cut out of the middle. One construction, plain news grammar: a passive verb of saying,
believing or forecasting with a to-infinitive or a predicate ("is expected to", "was said to", "are
considered the …", "was projected the winner") and no "by" agent (with an agent the agent is a speaker,
and that is the ordinary cue path's business).

"Seem"/"appear" ("the plan seems unlikely") state the writer's impression, not anyone's statement: they
are not reported (as attributions they added 0.001 F1 on PolNeAR at a quarter of their predictions
exact), but like the passives they lend their subject to a speech verb under them ("voters seemed
likely to say that …" is the voters' statement)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from dateline.enrich.quotes.lexicon import HEARSAY_PASSIVES

if TYPE_CHECKING:
    from spacy.tokens import Token


#: dependents that carry what is expected
EXPECTED_DEPS = frozenset({"xcomp", "acomp", "oprd", "attr", "ccomp"})


#: words that open a sentence but belong to the writer, not to the attributed clause
LEADING_WORDS = frozenset({"and", "but", "so", "yet", "or", "however", "still", "also", "even", ","})


def unsourced_attribution(
    verb: Token, speaks: Callable[[Token], bool] | None = None
) -> tuple[list[Token], tuple[int, int]] | None:
    """The content tokens and the cue's character span of an unsourced attribution at ``verb``.

    ``speaks`` tells a cue verb of the caller's: "she is expected to argue that …" is her statement,
    which the ordinary cue path reports, not an expectation of her."""
    lemma = verb.lemma_.lower()
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    if lemma not in HEARSAY_PASSIVES:
        return None
    aux = [c for c in verb.children if c.dep_ == "auxpass"]
    if verb.tag_ != "VBN" or not aux or any(c.dep_ == "agent" for c in verb.children):
        return None
    first = min(aux, key=lambda t: t.i)
    complement = _complement(verb)
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    # "It is expected that …" has no subject of its own; "what is known" states nothing
    if complement is None or subject is None or subject.lower_ in {"it", "there", "what"}:
        return None
    # "is expected to be able to say that …" is their statement, however deep the infinitive sits
    chain = [complement]
    while len(chain) < 4 and (step := next((c for c in chain[-1].children if c.dep_ == "xcomp"), None)):
        chain.append(step)
    if speaks is not None and any(speaks(link) for link in chain):
        return None
    # the subject's phrase alone: a negation or an opening clause between it and the cue ("Even as he
    # won, Trump was expected") is the writer's frame; never a paragraph before it
    left = [t for t in subject.subtree if "\n" not in verb.doc[t.i : first.i].text]
    while left and (left[0].lower_ in LEADING_WORDS or left[0].is_punct):
        left = left[1:]
    right = [t for t in complement.subtree if t.i > verb.i]
    while right and right[-1].is_punct:
        right = right[:-1]
    if not left or not right:
        return None
    cue = (first.idx, verb.idx + len(verb.text))
    return left + right, cue


def _complement(verb: Token) -> Token | None:
    for child in verb.rights:
        if child.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            return child
        if child.dep_ in EXPECTED_DEPS - {"ccomp", "xcomp"}:
            return child
    return None

"""How far a reported clause runs (``enrich/quote_extent.py``): on parses written by hand, so that each
rule meets the misattachment it is for whatever the model does, and on whole sentences through the
quote finder."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Token

from dateline.enrich.quotes.clauses import _cut_dash_asides, _is_when, coordinated_cue_cut, run_on_tail
from tests.quote_helpers import by_cue, pieces, source_of

_VOCAB = spacy.blank("en").vocab

#: a word of a hand-written parse: text, head (index), dependency, fine tag, lemma
Word = tuple[str, int, str, str, str]

_POS = {
    "VBD": "VERB",
    "VBZ": "VERB",
    "VBG": "VERB",
    "VB": "VERB",
    "VBN": "VERB",
    "MD": "AUX",
    "NN": "NOUN",
    "NNS": "NOUN",
    "NNP": "PROPN",
    "PRP": "PRON",
    "DT": "DET",
    "IN": "ADP",
    "CC": "CCONJ",
    "CD": "NUM",
    ",": "PUNCT",
    ".": "PUNCT",
    "TO": "PART",
    "RB": "ADV",
    "WRB": "ADV",
    "JJ": "ADJ",
}


def _doc(words: list[Word]) -> Doc:
    return Doc(
        _VOCAB,
        words=[w[0] for w in words],
        heads=[w[1] for w in words],
        deps=[w[2] for w in words],
        tags=[w[3] for w in words],
        pos=[_POS[w[3]] for w in words],
        lemmas=[w[4] for w in words],
    )


def _speech(token: Token) -> bool:
    return token.lemma_ in {"say", "add", "refer", "argue"}


def _texts(tokens: list[Token]) -> str:
    return " ".join(t.text for t in tokens)


def _subtree(doc: Doc, i: int) -> list[Token]:
    return list(doc[i].subtree)


# "She pledged to reopen the line if she wins ." with the condition hung on the cue
PLEDGE_IF: list[Word] = [
    ("She", 1, "nsubj", "PRP", "she"),
    ("pledged", 1, "ROOT", "VBD", "pledge"),
    ("to", 3, "aux", "TO", "to"),
    ("reopen", 1, "xcomp", "VB", "reopen"),
    ("the", 5, "det", "DT", "the"),
    ("line", 3, "dobj", "NN", "line"),
    ("if", 8, "mark", "IN", "if"),
    ("she", 8, "nsubj", "PRP", "she"),
    ("wins", 1, "advcl", "VBZ", "win"),
    (".", 1, "punct", ".", "."),
]


def test_a_condition_the_parse_hangs_on_the_cue_is_part_of_the_pledge() -> None:
    doc = _doc(PLEDGE_IF)
    verb = doc[1]
    assert _texts(run_on_tail(_subtree(doc, 3), verb, _is_when, _speech)) == "to reopen the line if she wins"


def test_a_time_clause_on_the_cue_says_when_not_what() -> None:
    words = list(PLEDGE_IF)
    words[6] = ("when", 8, "advmod", "WRB", "when")
    doc = _doc(words)
    assert _texts(run_on_tail(_subtree(doc, 3), doc[1], _is_when, _speech)) == "to reopen the line"


def test_a_comma_led_participle_is_the_speakers_own_act() -> None:
    doc = _doc(
        [
            ("She", 1, "nsubj", "PRP", "she"),
            ("criticized", 1, "ROOT", "VBD", "criticize"),
            ("the", 3, "det", "DT", "the"),
            ("budget", 1, "dobj", "NN", "budget"),
            (",", 1, "punct", ",", ","),
            ("citing", 1, "advcl", "VBG", "cite"),
            ("the", 7, "det", "DT", "the"),
            ("schools", 5, "dobj", "NNS", "school"),
            (".", 1, "punct", ".", "."),
        ]
    )
    assert _texts(run_on_tail(_subtree(doc, 3), doc[1], _is_when, _speech)) == "the budget"


def test_a_prepositional_phrase_on_the_cue_goes_with_the_object_unless_it_is_the_occasion() -> None:
    words: list[Word] = [
        ("Olsen", 1, "nsubj", "NNP", "Olsen"),
        ("charged", 1, "ROOT", "VBD", "charge"),
        ("the", 3, "det", "DT", "the"),
        ("contractor", 1, "dobj", "NN", "contractor"),
        ("with", 1, "prep", "IN", "with"),
        ("fraud", 4, "pobj", "NN", "fraud"),
        ("at", 1, "prep", "IN", "at"),
        ("a", 8, "det", "DT", "a"),
        ("hearing", 6, "pobj", "NN", "hearing"),
        (".", 1, "punct", ".", "."),
    ]
    doc = _doc(words)
    # "at a hearing" is where it was said: the tail stops before it
    assert _texts(run_on_tail(_subtree(doc, 3), doc[1], _is_when, _speech)) == "the contractor with fraud"


def test_a_clause_with_its_own_subject_goes_on_with_what_was_said_a_bare_verb_does_not() -> None:
    said_but: list[Word] = [
        ("He", 1, "nsubj", "PRP", "he"),
        ("said", 1, "ROOT", "VBD", "say"),
        ("talks", 3, "nsubj", "NNS", "talk"),
        ("failed", 1, "ccomp", "VBD", "fail"),
        (",", 3, "punct", ",", ","),
        ("but", 1, "cc", "CC", "but"),
        ("he", 7, "nsubj", "PRP", "he"),
        ("expected", 1, "conj", "VBD", "expect"),
        ("a", 9, "det", "DT", "a"),
        ("deal", 7, "dobj", "NN", "deal"),
        (".", 1, "punct", ".", "."),
    ]
    doc = _doc(said_but)
    assert _texts(run_on_tail(_subtree(doc, 3), doc[1], _is_when, _speech)) == "talks failed , but he expected a deal"
    said_and_left: list[Word] = [
        ("He", 1, "nsubj", "PRP", "he"),
        ("said", 1, "ROOT", "VBD", "say"),
        ("talks", 3, "nsubj", "NNS", "talk"),
        ("failed", 1, "ccomp", "VBD", "fail"),
        ("and", 1, "cc", "CC", "and"),
        ("left", 1, "conj", "VBD", "leave"),
        (".", 1, "punct", ".", "."),
    ]
    doc = _doc(said_and_left)
    assert _texts(run_on_tail(_subtree(doc, 3), doc[1], _is_when, _speech)) == "talks failed"


# "The bridge would be delayed , the engineer said , by the storms ." with "by" hung on the cue
INTERRUPTED: list[Word] = [
    ("The", 1, "det", "DT", "the"),
    ("bridge", 4, "nsubjpass", "NN", "bridge"),
    ("would", 4, "aux", "MD", "would"),
    ("be", 4, "auxpass", "VB", "be"),
    ("delayed", 8, "ccomp", "VBN", "delay"),
    (",", 8, "punct", ",", ","),
    ("the", 7, "det", "DT", "the"),
    ("engineer", 8, "nsubj", "NN", "engineer"),
    ("said", 8, "ROOT", "VBD", "say"),
    (",", 8, "punct", ",", ","),
    ("by", 8, "prep", "IN", "by"),
    ("the", 12, "det", "DT", "the"),
    ("storms", 10, "pobj", "NNS", "storm"),
    (".", 8, "punct", ".", "."),
]


def test_the_rest_of_an_interrupted_sentence_is_the_second_piece() -> None:
    doc = _doc(INTERRUPTED)
    content = _subtree(doc, 4)
    assert _texts(run_on_tail(content, doc[8], _is_when, _speech)) == "The bridge would be delayed by the storms"


def test_an_interrupting_cue_followed_by_a_participle_keeps_the_first_piece() -> None:
    words = [
        *INTERRUPTED[:10],
        ("referring", 8, "advcl", "VBG", "refer"),
        ("to", 10, "prep", "IN", "to"),
        ("storms", 11, "pobj", "NNS", "storm"),
        (".", 8, "punct", ".", "."),
    ]
    doc = _doc(words)
    assert _texts(run_on_tail(_subtree(doc, 4), doc[8], _is_when, _speech)) == "The bridge would be delayed"


def test_a_speech_verb_coordinated_inside_the_reported_clause_ends_it() -> None:
    words: list[Word] = [
        ("Berg", 1, "nsubj", "NNP", "Berg"),
        ("said", 1, "ROOT", "VBD", "say"),
        ("she", 3, "nsubj", "PRP", "she"),
        ("welcomed", 1, "ccomp", "VBD", "welcome"),
        ("it", 3, "dobj", "PRP", "it"),
        ("and", 3, "cc", "CC", "and"),
        ("added", 3, "conj", "VBD", "add"),
        ("more", 6, "dobj", "JJ", "more"),
        (".", 1, "punct", ".", "."),
    ]
    doc = _doc(words)
    start, end = doc[2].idx, doc[7].idx + len("more")
    assert coordinated_cue_cut(doc[1], [(start, end)], _speech) == doc[5].idx
    # the same verb in another form is the reported clause's own ("says she will go and add …")
    other = [*words[:6], ("add", 3, "conj", "VB", "add"), *words[7:]]
    doc = _doc(other)
    assert coordinated_cue_cut(doc[1], [(start, end)], _speech) is None


# "The survey found 40 percent backed the plan and 35 percent opposed it ." with the second verb hung on
# the cue and its subject parsed into the first clause
SURVEY: list[Word] = [
    ("The", 1, "det", "DT", "the"),
    ("survey", 2, "nsubj", "NN", "survey"),
    ("found", 2, "ROOT", "VBD", "find"),
    ("40", 4, "nummod", "CD", "40"),
    ("percent", 5, "nsubj", "NN", "percent"),
    ("backed", 2, "ccomp", "VBD", "back"),
    ("the", 7, "det", "DT", "the"),
    ("plan", 5, "dobj", "NN", "plan"),
    ("and", 7, "cc", "CC", "and"),
    ("35", 10, "nummod", "CD", "35"),
    ("percent", 7, "conj", "NN", "percent"),
    ("opposed", 2, "conj", "VBD", "oppose"),
    ("it", 11, "dobj", "PRP", "it"),
    (".", 2, "punct", ".", "."),
]


def test_a_verb_hung_on_the_cue_right_after_the_content_finishes_it() -> None:
    doc = _doc(SURVEY)
    content = _subtree(doc, 5)
    first = "40 percent backed the plan and 35 percent"
    assert _texts(content) == first
    assert _texts(run_on_tail(content, doc[2], _is_when, _speech)) == f"{first} opposed it"
    # after a comma the verb with no subject of its own is the speaker's next act ("found X, and left")
    words = [
        *SURVEY[:11],
        (",", 2, "punct", ",", ","),
        ("opposed", 2, "conj", "VBD", "oppose"),
        ("it", 12, "dobj", "PRP", "it"),
        (".", 2, "punct", ".", "."),
    ]
    doc = _doc(words)
    assert _texts(run_on_tail(_subtree(doc, 5), doc[2], _is_when, _speech)) == first
    # a speech verb straight after the content is a statement of its own
    said = [*SURVEY[:11], ("said", 2, "conj", "VBD", "say"), *SURVEY[12:]]
    doc = _doc(said)
    assert _texts(run_on_tail(_subtree(doc, 5), doc[2], _is_when, _speech)) == first


def test_a_gloss_between_dashes_is_cut_an_aside_that_goes_on_with_the_statement_is_not() -> None:
    def cut(text: str) -> list[str]:
        return [text[s:e] for s, e in _cut_dash_asides(text, [(0, len(text))])]

    gloss = "the port -- a hub for grain -- would close"
    assert cut(gloss) == ["the port", "would close"]
    named = "the levy -- Mr. Ode's idea -- had failed"
    assert cut(named) == ["the levy", "had failed"]
    for kept in (
        "every town -- large and small -- would pay",
        "the farmers -- including her cousins -- had left",
        "costs -- mainly for fuel -- rose",
        "the deficit -- $4 million -- was too high",
    ):
        assert cut(kept) == [kept]
    # inside someone's quoted words the dashes are theirs, whatever they set off
    quoted = 'she said "the port -- a hub -- will close'
    assert cut(quoted) == [quoted]


def test_whole_sentences_through_the_quote_finder() -> None:
    text = "Critics denounced the city's sale of the harbour land through a private auction."
    assert pieces(text, by_cue(text, "denounced")) == ["the city's sale of the harbour land through a private auction"]
    text = 'Ms. Berg said she welcomed the verdict and added, "Justice was done."'
    assert pieces(text, by_cue(text, "said")) == ["she welcomed the verdict"]
    # the second cue still takes its speaker from the statement it sat in
    text = "Mr. Dahl said he backed the levy and urged voters to approve it."
    assert pieces(text, by_cue(text, "said")) == ["he backed the levy"]
    assert source_of(text, by_cue(text, "urged")) == "Mr. Dahl"
    text = "The council announced new limits on cruise ships on Tuesday."
    assert pieces(text, by_cue(text, "announced")) == ["new limits on cruise ships"]

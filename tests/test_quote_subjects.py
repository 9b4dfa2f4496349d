"""Speakers of cue verbs with no subject of their own (``enrich/quote_subjects.py``), checked on short
texts written for these tests."""

from __future__ import annotations

from spacy.tokens import Token

from dateline.enrich.nlp import parse
from dateline.enrich.quotes.subjects import climbed_subject
from dateline.enrich.quotes.syntax import _subject
from tests.quote_helpers import by_cue, cued, pieces, source_of


def _verb(text: str, word: str) -> Token:
    return next(t for t in parse(text) if t.text == word)


def test_a_purpose_clause_takes_the_subject_of_the_verb_it_serves() -> None:
    text = "Councillor Dahl went before reporters on Monday to denounce the new parking fees."
    match = by_cue(text, "denounce")
    assert pieces(text, match) == ["the new parking fees"]
    assert source_of(text, match) == "Councillor Dahl"


def test_a_purpose_clause_with_a_that_clause() -> None:
    text = "The chief took the floor to insist that the station would stay open."
    match = by_cue(text, "insist")
    assert pieces(text, match) == ["that the station would stay open"]
    assert source_of(text, match) == "The chief"


def test_an_infinitive_after_an_object_is_said_by_the_object() -> None:
    text = "The protests prompted the minister to defend the tax in parliament."
    match = by_cue(text, "defend")
    assert source_of(text, match) == "the minister"
    text = "The vote led several councillors to question whether the budget was sound."
    match = by_cue(text, "question")
    assert pieces(text, match) == ["whether the budget was sound"]
    assert source_of(text, match) == "several councillors"


def test_the_object_of_a_verb_of_means_does_not_speak() -> None:
    text = "The board used the meeting to complain that the ferry was late."
    match = by_cue(text, "complain")
    assert pieces(text, match) == ["that the ferry was late"]
    assert source_of(text, match) == "The board"
    text = "The mayor used her weekly radio slot to criticize the harbour board for the delays."
    assert source_of(text, by_cue(text, "criticize")) == "The mayor"


def test_a_plain_infinitive_complement_is_left_without_a_speaker() -> None:
    # "tried to explain" reports an effort: the annotation keeps it apart from a statement
    text = "The teacher tried to explain the new rules to the parents."
    assert climbed_subject(_verb(text, "explain")) is None
    assert not cued(text, "explain")


def test_a_passive_participle_borrows_no_speaker() -> None:
    # the mayor is the one questioned, not the one who asks
    text = "When questioned about the fees, the mayor left the room."
    assert climbed_subject(_verb(text, "questioned")) is None
    assert _subject(_verb(text, "questioned")) is None
    text = "If asked to comment, the agency will refuse."
    assert climbed_subject(_verb(text, "asked")) is None


def test_a_speech_participle_on_people_is_said_by_them() -> None:
    text = "Two officials saying that the border would reopen were quoted by the radio."
    match = by_cue(text, "saying")
    # the participle and what it says are no part of the speaker
    assert source_of(text, match) == "Two officials"
    assert pieces(text, match)[0].startswith("that the border would reopen")


def test_a_speech_participle_on_a_thing_names_no_speaker() -> None:
    text = "A sign saying that the road was closed stood by the bridge."
    assert not cued(text, "saying")


def test_a_gerund_on_an_adverb_or_an_object_takes_the_verbs_subject() -> None:
    text = "Ms. Ortega stopped short of calling for a recount of the votes."
    match = by_cue(text, "calling for")
    assert pieces(text, match) == ["a recount of the votes"]
    assert source_of(text, match) == "Ms. Ortega"
    text = "The senator has a long history of blaming the press for his defeats."
    assert source_of(text, by_cue(text, "blaming")) == "The senator"

"""Quote-marked statements whose sentence runs on in the writer's words (mixed quotes), each rule
checked on a short text written for these tests."""

from __future__ import annotations

from tests.quote_helpers import by_cue, pieces, source_of


def test_an_interrupted_quote_takes_the_run_on_before_its_cue() -> None:
    text = (
        "Ida Holm watched from a balcony on the square.\n\n"
        '"People were dancing" before the show, Holm said. "Then the truck came and everyone ran."'
    )
    match = by_cue(text, "said")
    assert match.quote.kind == "mixed"
    assert pieces(text, match) == ['"People were dancing" before the show', "Then the truck came and everyone ran."]
    assert source_of(text, match) == "Holm"


def test_a_punctuated_first_piece_has_no_run_on() -> None:
    text = (
        "The mayor spoke after the vote.\n\n"
        '"We lost the harbour vote," Mayor Ada Quill said. "We will try again in May."'
    )
    match = by_cue(text, "said")
    assert match.quote.kind == "direct"
    assert pieces(text, match) == ["We lost the harbour vote,", "We will try again in May."]


def test_the_cue_itself_is_no_run_on() -> None:
    text = 'The council met late.\n\n"We lost the vote" said Ada Quill, the mayor. "We will try again in May."'
    match = by_cue(text, "said")
    assert pieces(text, match)[0] == "We lost the vote"


def test_a_clause_after_the_cue_is_what_it_reports() -> None:
    text = 'Ida Holm is not worried about the losses she has faced this spring — in fact, she said it "humanizes" her.'
    match = by_cue(text, "said")
    assert pieces(text, match) == ['it "humanizes" her']
    assert match.quote.kind == "mixed"
    text = "The ferry will run until May; the harbour master said it would then stop for the winter."
    assert pieces(text, by_cue(text, "said")) == ["it would then stop for the winter"]


def test_a_statement_before_its_cue_is_still_read() -> None:
    text = "The ferry will run until May, the harbour master said."
    assert pieces(text, by_cue(text, "said")) == ["The ferry will run until May"]

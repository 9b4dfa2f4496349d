"""Reported clauses the parse hangs away from their cue or their speaker (``enrich/quote_clauses.py``),
each checked on a short text written for these tests."""

from __future__ import annotations

from tests.quote_helpers import by_cue, cued, pieces, source_of


def test_a_statement_saying_is_its_issuers() -> None:
    text = "The harbour board issued a statement saying that the ferry would resume service on Monday."
    found = by_cue(text, "saying")
    assert pieces(text, found) == ["that the ferry would resume service on Monday"]
    assert source_of(text, found) == "The harbour board"


def test_a_statement_put_out_by_an_office() -> None:
    text = "His office put out a statement saying the port would reopen in May."
    found = by_cue(text, "saying")
    assert pieces(text, found) == ["the port would reopen in May"]
    assert source_of(text, found) == "His office"


def test_a_name_the_parse_runs_into_an_opening_participle() -> None:
    text = (
        "Alarmed by the flooding in Bergen, Mayor Ida Holm, the council leader, said that she had spoken "
        "with the minister."
    )
    found = by_cue(text, "said")
    assert pieces(text, found) == ["that she had spoken with the minister"]
    assert "Ida Holm" in (source_of(text, found) or "")


def test_a_relative_pronoun_is_the_reported_subject() -> None:
    text = "The new toll, which Holm has often said was unfair, was dropped on Monday."
    found = by_cue(text, "said")
    assert pieces(text, found) == ["which", "was unfair"]
    assert source_of(text, found) == "Holm"


def test_a_that_clause_after_the_medium_of_the_statement() -> None:
    text = "Ida Holm said in a statement that the harbour would stay closed until Friday."
    found = by_cue(text, "said")
    assert pieces(text, found) == ["that the harbour would stay closed until Friday"]
    assert source_of(text, found) == "Ida Holm"


def test_a_that_clause_after_the_audience() -> None:
    text = "Berg yelled to the officers that his boat was empty."
    assert pieces(text, by_cue(text, "yelled")) == ["that his boat was empty"]


def test_a_that_clause_of_what_is_answered_is_not_the_answer() -> None:
    # the reports say the ferry sank, not the council
    text = "The council responded to reports that the ferry had sunk."
    assert not any("ferry had sunk" in " ".join(pieces(text, m)) for m in cued(text, "responded"))


def test_the_clause_before_a_dash_is_the_writers() -> None:
    text = "Holm seems to understand the anger in the villages — she told the paper that the toll was a mistake."
    found = by_cue(text, "told")
    assert pieces(text, found) == ["that the toll was a mistake"]


def test_the_clause_before_a_colon_is_the_writers() -> None:
    text = "Holm cites the fishermen as an example: She says the harbour fees are too high."
    assert pieces(text, by_cue(text, "says")) == ["the harbour fees are too high"]


def test_the_clause_before_a_semicolon_is_the_writers() -> None:
    text = "Only 40 percent of the residents liked the plan; most said they wanted a bridge instead."
    found = by_cue(text, "said")
    assert pieces(text, found) == ["they wanted a bridge instead"]
    assert source_of(text, found) == "most"


def test_went_on_to_say_is_the_subjects_statement() -> None:
    text = "She went on to say that the levy was unfair to fishermen."
    found = by_cue(text, "say")
    assert pieces(text, found) == ["that the levy was unfair to fishermen"]
    assert source_of(text, found) == "She"


def test_a_purpose_clause_that_says_is_the_subjects() -> None:
    text = "Mayor Holm took the stage to insist that the tunnel would be finished."
    found = by_cue(text, "insist")
    assert pieces(text, found) == ["that the tunnel would be finished"]
    assert source_of(text, found) == "Mayor Holm"


def test_declining_to_say_whether_is_no_statement_of_the_question() -> None:
    text = "Lars Berg declined to say whether the ferry would sail on Sunday."
    assert not cued(text, "say")


def test_a_one_word_answer_is_what_was_said() -> None:
    text = "Mayor Holm said no."
    found = by_cue(text, "said")
    assert pieces(text, found) == ["no"]
    assert source_of(text, found) == "Mayor Holm"


def test_said_so_far_is_no_answer() -> None:
    text = "The harbour master has said so far that the pier is safe."
    assert all(pieces(text, m) != ["so"] for m in cued(text, "said"))

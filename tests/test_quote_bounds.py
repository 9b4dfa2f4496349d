"""Source spans as PolNeAR writes them: who is written as the source of a statement (the source-phrase
helpers of ``enrich/quotes.py``), each rule checked on a short text written for these tests."""

from __future__ import annotations

import pytest

from tests.quote_helpers import by_cue, source_of


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("She and her aides said the plan would work.", "She and her aides"),
        ("Some of the senator's allies said the bill was flawed.", "Some of the senator's allies"),
        ("Those surveyed said the economy was improving.", "Those surveyed"),
        ("He said the plan would work.", "He"),
    ],
)
def test_a_pronoun_source_keeps_whom_it_means(text: str, source: str) -> None:
    assert source_of(text, by_cue(text, "said")) == source


def test_a_pronoun_that_names_no_one_stays_bare() -> None:
    text = "Nothing the mayor said will calm the voters."
    assert source_of(text, by_cue(text, "said")) == "the mayor"


def test_a_source_keeps_a_clause_saying_who_it_is() -> None:
    text = "“The vote is lost,” said a council official who has served for a decade."
    assert source_of(text, by_cue(text, "said")) == "a council official who has served for a decade"


def test_a_source_drops_a_relative_clause_set_off_by_dashes() -> None:
    text = "Mayor Holt — who has led the city since 2019 — said the bridge would reopen."
    assert source_of(text, by_cue(text, "said")) == "Mayor Holt"


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        ("The union went on to say, “We will strike on Monday.”", "say", "The union"),
        ("The council issued a statement Tuesday saying, “The bridge is safe.”", "saying", "The council"),
    ],
)
def test_a_quote_cue_without_subject_takes_the_governing_verbs(text: str, cue: str, source: str) -> None:
    assert source_of(text, by_cue(text, cue)) == source


def test_a_source_keeps_the_dash_that_closes_its_aside() -> None:
    text = "Local farmers — and some fishermen — say the dam will flood the valley."
    assert source_of(text, by_cue(text, "say")) == "Local farmers — and some fishermen —"

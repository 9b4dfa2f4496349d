"""Rules of the third quote pass, one sentence (written for these tests) per rule.

Intentions stated with an infinitive, two reported clauses joined by "and", a second statement in a
closing "which" clause, a cue-less quote after a reported clause that quotes, and speaker phrases
that leave out a participle or a statement of their own.
"""

from __future__ import annotations

import pytest

from tests.quote_helpers import by_cue, pieces, quotes_in, source_of


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "Governor Ellen Marsh wants to double the size of the ferry fleet.",
            "wants",
            "to double the size of the ferry fleet",
        ),
        ("The union plans to strike at the port next month.", "plans", "to strike at the port next month"),
        ("Reed refused to release the inspection report.", "refused", "to release the inspection report"),
    ],
)
def test_intention_with_an_infinitive_is_attributed(text: str, cue: str, content: str) -> None:
    match = by_cue(text, cue)
    assert pieces(text, match) == [content]


def test_second_reported_clause_joined_by_and_is_part_of_what_was_said() -> None:
    text = "Reed said the bridge has “serious cracks” in two places and the repair budget was far too small."
    match = by_cue(text, "said")
    assert pieces(text, match) == [
        "the bridge has “serious cracks” in two places and the repair budget was far too small"
    ]


def test_clause_after_a_comma_and_is_the_writers() -> None:
    text = "Reed said the bridge was safe, and the council voted to reopen it."
    assert pieces(text, by_cue(text, "said")) == ["the bridge was safe"]


def test_closing_which_clause_with_a_cue_of_its_own_is_left_out() -> None:
    text = "Mayor Anna Hall said the council would keep the old harbor tax, which she called “a lifeline” for the port."
    assert pieces(text, by_cue(text, "said")) == ["the council would keep the old harbor tax"]


def test_plain_closing_which_clause_stays() -> None:
    text = "Reed said the council would keep the old harbor tax, which brings in two million a year."
    assert pieces(text, by_cue(text, "said")) == [
        "the council would keep the old harbor tax, which brings in two million a year"
    ]


def test_cueless_quote_goes_with_the_nearer_statement_that_quotes() -> None:
    text = (
        '"We are not going to sell the port," Mayor Anna Hall said. The talks achieved "very little," she added'
        ' later. "Without new money, the harbor will close."'
    )
    said = by_cue(text, "said")
    added = by_cue(text, "added")
    assert pieces(text, said) == ["We are not going to sell the port,"]
    assert pieces(text, added) == ['The talks achieved "very little,"', "Without new money, the harbor will close."]
    assert source_of(text, added) == "she"


def test_cueless_quote_still_joins_the_direct_quote_before_it() -> None:
    text = '"We are not going to sell the port," Mayor Anna Hall said. "Without new money, the harbor will close."'
    [match] = quotes_in(text)
    assert pieces(text, match) == ["We are not going to sell the port,", "Without new money, the harbor will close."]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a participle set off by commas says what the speaker was doing
        ("Marco Diaz, speaking at a rally in the port town, said the ferries would run again.", "Marco Diaz"),
        # a relative clause that is a statement of its own
        ("Tom Reed, who said he usually votes for the mayor, told reporters the bridge was a mistake.", "Tom Reed"),
        # a relative clause saying who the speaker is stays, with its closing comma
        (
            "Tom Reed, who runs the harbor cafe, told reporters the bridge was a mistake.",
            "Tom Reed, who runs the harbor cafe,",
        ),
        # "including" describes like an apposition: its closing comma stays
        (
            "Other unions, including the dockworkers, have said the port must stay open.",
            "Other unions, including the dockworkers,",
        ),
    ],
)
def test_speaker_phrase_as_written(text: str, source: str) -> None:
    match = by_cue(text, "told" if "told" in text else "said")
    assert source_of(text, match) == source


def test_signature_dash_after_a_no_break_space() -> None:
    text = "“We will rebuild the pier.”\u00a0― Jane Whitfield"
    [match] = quotes_in(text)
    assert source_of(text, match) == "Jane Whitfield"


def test_shouted_words_have_a_cue() -> None:
    text = '"Go home!" the guard yells at the crowd.'
    match = by_cue(text, "yells")
    assert source_of(text, match) == "the guard"


def test_quote_right_after_its_cue_runs_on_with_the_sentence() -> None:
    text = "Mayor Anna Hall says “the worst is behind us” despite the flooding in the harbor."
    match = by_cue(text, "says")
    assert match.quote.kind == "mixed"
    assert pieces(text, match) == ["“the worst is behind us” despite the flooding in the harbor"]


def test_that_before_a_quote_reaches_a_distant_cue() -> None:
    text = (
        "Mayor Anna Hall is telling residents at a packed meeting in the old town hall that “the worst is behind us.”"
    )
    match = by_cue(text, "telling")
    assert pieces(text, match) == ["that “the worst is behind us.”"]
    assert source_of(text, match) == "Mayor Anna Hall"


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        (
            "Asked whether the bridge would reopen, Mayor Anna Hall said it would.",
            "whether the bridge would reopen",
            "Mayor Anna Hall",
        ),
        ("Asked about the ferry delays, Reed said the crews were doing their best.", "the ferry delays", "Reed"),
    ],
)
def test_question_put_to_someone_is_what_was_asked(text: str, content: str, source: str) -> None:
    found = [m for m in quotes_in(text) if m.quote.cue_start == 0]
    assert found, [m.quote.text for m in quotes_in(text)]
    assert pieces(text, found[0]) == [content]
    assert source_of(text, found[0]) == source


def test_asked_with_a_subject_of_its_own_is_no_opening_question() -> None:
    text = "Reed was asked about the ferry delays on Monday."
    assert [m for m in quotes_in(text) if "ferry" in m.quote.text] == []


def test_calling_for_someone_to_act_is_a_call() -> None:
    text = "Senator Vance is calling for some of his rivals to drop out."
    match = by_cue(text, "calling for")
    assert pieces(text, match) == ["some of his rivals to drop out"]
    assert source_of(text, match) == "Senator Vance"


def test_lone_dash_opens_the_writers_aside() -> None:
    text = (
        "Senator Vance urged the president to retaliate against the hackers for the attack"
        " -- meddling that he said was meant to sow discord."
    )
    match = by_cue(text, "urged")
    assert pieces(text, match) == ["the president to retaliate against the hackers for the attack"]


def test_dash_that_goes_on_with_a_list_stays() -> None:
    text = "Reed said two candidates would drop out over the next week — including the mayor."
    match = by_cue(text, "said")
    assert pieces(text, match) == ["two candidates would drop out over the next week — including the mayor"]


def test_uncued_title_in_quote_marks_is_no_quote() -> None:
    text = "The rally ended with the band playing “Make The Harbor Great Again.”"
    assert [m for m in quotes_in(text) if "Harbor" in m.quote.text] == []


def test_uncued_sentence_in_quote_marks_stays_a_quote() -> None:
    text = "The rally ended with a banner: “We will not give up the harbor.”"
    assert [m.quote.text for m in quotes_in(text)] == ["We will not give up the harbor."]


def test_clause_ending_on_a_quote_takes_a_second_quote_joined_by_but() -> None:
    text = "Reed said the delay was “a big, big problem for the town” but “nobody wants to talk about it.”"
    match = by_cue(text, "said")
    assert pieces(text, match) == [
        "the delay was “a big, big problem for the town” but “nobody wants to talk about it.”"
    ]


def test_according_to_vouches_only_for_its_own_paragraph() -> None:
    text = (
        "The council met on Monday.\n12:30 p.m.\nThe ferry will run twice a day from May, according to the port"
        " authority."
    )
    match = by_cue(text, "according to")
    assert pieces(text, match) == ["The ferry will run twice a day from May"]


def test_wire_dateline_is_no_part_of_what_was_said() -> None:
    text = "OSLO (AP) — The ferry will run twice a day from May, the port authority said."
    match = by_cue(text, "said")
    assert pieces(text, match) == ["The ferry will run twice a day from May"]


def test_noun_object_of_say_is_what_was_said() -> None:
    text = "Six in ten voters said the harbor plan was fair, and three-quarters said the same of the bridge plan."
    said = [m for m in quotes_in(text) if "same" in m.quote.text]
    assert [pieces(text, m) for m in said] == [["the same of the bridge plan"]]
    assert source_of(text, said[0]) == "three-quarters"


def test_quoted_show_name_after_said_is_no_quote() -> None:
    text = "Reed said on Friday's “Morning Show” that the port would open."
    assert [m.quote.text for m in quotes_in(text)] == ["that the port would open"]


@pytest.mark.parametrize(
    "text",
    ["Continued Hall: “We will rebuild the pier before the summer.”", "Stated Hall:\n\n“We will rebuild the pier.”"],
)
def test_cue_opening_the_sentence_before_a_colon_names_its_speaker_after_it(text: str) -> None:
    [match] = quotes_in(text)
    assert match.quote.cue_start == 0
    assert source_of(text, match) == "Hall"


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The report revealed a few painful numbers: “Of the 900 ferries, 300 were late.”",
            "revealed",
            "a few painful numbers: “Of the 900 ferries, 300 were late.”",
        ),
        # the cue is far from the mark, but its clause runs up to the colon
        (
            "Hall stressed her support for the new pier during a long town meeting on Monday and said she has the"
            " quality the job needs: “Patience, and more patience.”",
            "said",
            "she has the quality the job needs: “Patience, and more patience.”",
        ),
    ],
)
def test_what_the_cue_says_before_a_colon_goes_with_the_quote(text: str, cue: str, content: str) -> None:
    match = by_cue(text, cue)
    assert match.quote.kind == "mixed"
    assert pieces(text, match) == [content]


def test_addressee_before_a_colon_keeps_the_quote_direct() -> None:
    text = "Hall told reporters: “We will rebuild the pier.”"
    match = by_cue(text, "told")
    assert match.quote.kind == "direct"
    assert pieces(text, match) == ["We will rebuild the pier."]


def test_clause_going_on_without_a_subject_of_its_own_is_still_what_was_said() -> None:
    text = "Many voters said they had misgivings about the mayor, but could not bear to vote against her."
    match = by_cue(text, "said")
    assert pieces(text, match) == ["they had misgivings about the mayor, but could not bear to vote against her"]


def test_what_the_speaker_did_next_is_not_what_was_said() -> None:
    text = "Many voters said they liked the mayor, but left the meeting early."
    assert pieces(text, by_cue(text, "said")) == ["they liked the mayor"]

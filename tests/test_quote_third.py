"""Rules of the third quote pass, one sentence (written for these tests) per rule.

Intentions stated with an infinitive, two reported clauses joined by "and", a second statement in a
closing "which" clause, a cue-less quote after a reported clause that quotes, and speaker phrases
that leave out a participle or a statement of their own.
"""

from __future__ import annotations

import pytest

from dateline.enrich.entities import cluster_entities
from dateline.enrich.nlp import parse
from dateline.enrich.quotes import QuoteMatch, find_quotes


def _quotes(text: str) -> list[QuoteMatch]:
    sdoc = parse(text)
    return find_quotes(text, sdoc, cluster_entities(sdoc))


def _by_cue(text: str, cue: str) -> QuoteMatch:
    found = [
        m for m in _quotes(text) if m.quote.cue_start is not None and text[m.quote.cue_start : m.quote.cue_end] == cue
    ]
    assert found, f"no quote with the cue {cue!r}"
    return found[0]


def _pieces(text: str, match: QuoteMatch) -> list[str]:
    return [text[s:e] for s, e in match.quote.spans]


def _source(text: str, match: QuoteMatch) -> str | None:
    return text[match.source[0] : match.source[1]] if match.source else None


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
    match = _by_cue(text, cue)
    assert _pieces(text, match) == [content]


def test_second_reported_clause_joined_by_and_is_part_of_what_was_said() -> None:
    text = "Reed said the bridge has “serious cracks” in two places and the repair budget was far too small."
    match = _by_cue(text, "said")
    assert _pieces(text, match) == [
        "the bridge has “serious cracks” in two places and the repair budget was far too small"
    ]


def test_clause_after_a_comma_and_is_the_writers() -> None:
    text = "Reed said the bridge was safe, and the council voted to reopen it."
    assert _pieces(text, _by_cue(text, "said")) == ["the bridge was safe"]


def test_closing_which_clause_with_a_cue_of_its_own_is_left_out() -> None:
    text = "Mayor Anna Hall said the council would keep the old harbor tax, which she called “a lifeline” for the port."
    assert _pieces(text, _by_cue(text, "said")) == ["the council would keep the old harbor tax"]


def test_plain_closing_which_clause_stays() -> None:
    text = "Reed said the council would keep the old harbor tax, which brings in two million a year."
    assert _pieces(text, _by_cue(text, "said")) == [
        "the council would keep the old harbor tax, which brings in two million a year"
    ]


def test_cueless_quote_goes_with_the_nearer_statement_that_quotes() -> None:
    text = (
        '"We are not going to sell the port," Mayor Anna Hall said. The talks achieved "very little," she added'
        ' later. "Without new money, the harbor will close."'
    )
    said = _by_cue(text, "said")
    added = _by_cue(text, "added")
    assert _pieces(text, said) == ["We are not going to sell the port,"]
    assert _pieces(text, added) == ['The talks achieved "very little,"', "Without new money, the harbor will close."]
    assert _source(text, added) == "she"


def test_cueless_quote_still_joins_the_direct_quote_before_it() -> None:
    text = '"We are not going to sell the port," Mayor Anna Hall said. "Without new money, the harbor will close."'
    [match] = _quotes(text)
    assert _pieces(text, match) == ["We are not going to sell the port,", "Without new money, the harbor will close."]


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
    match = _by_cue(text, "told" if "told" in text else "said")
    assert _source(text, match) == source


def test_signature_dash_after_a_no_break_space() -> None:
    text = "“We will rebuild the pier.”\u00a0― Jane Whitfield"
    [match] = _quotes(text)
    assert _source(text, match) == "Jane Whitfield"


def test_shouted_words_have_a_cue() -> None:
    text = '"Go home!" the guard yells at the crowd.'
    match = _by_cue(text, "yells")
    assert _source(text, match) == "the guard"


def test_quote_right_after_its_cue_runs_on_with_the_sentence() -> None:
    text = "Mayor Anna Hall says “the worst is behind us” despite the flooding in the harbor."
    match = _by_cue(text, "says")
    assert match.quote.kind == "mixed"
    assert _pieces(text, match) == ["“the worst is behind us” despite the flooding in the harbor"]


def test_that_before_a_quote_reaches_a_distant_cue() -> None:
    text = (
        "Mayor Anna Hall is telling residents at a packed meeting in the old town hall that “the worst is behind us.”"
    )
    match = _by_cue(text, "telling")
    assert _pieces(text, match) == ["that “the worst is behind us.”"]
    assert _source(text, match) == "Mayor Anna Hall"


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
    found = [m for m in _quotes(text) if m.quote.cue_start == 0]
    assert found, [m.quote.text for m in _quotes(text)]
    assert _pieces(text, found[0]) == [content]
    assert _source(text, found[0]) == source


def test_asked_with_a_subject_of_its_own_is_no_opening_question() -> None:
    text = "Reed was asked about the ferry delays on Monday."
    assert [m for m in _quotes(text) if "ferry" in m.quote.text] == []


def test_calling_for_someone_to_act_is_a_call() -> None:
    text = "Senator Vance is calling for some of his rivals to drop out."
    match = _by_cue(text, "calling for")
    assert _pieces(text, match) == ["some of his rivals to drop out"]
    assert _source(text, match) == "Senator Vance"


def test_lone_dash_opens_the_writers_aside() -> None:
    text = (
        "Senator Vance urged the president to retaliate against the hackers for the attack"
        " -- meddling that he said was meant to sow discord."
    )
    match = _by_cue(text, "urged")
    assert _pieces(text, match) == ["the president to retaliate against the hackers for the attack"]


def test_dash_that_goes_on_with_a_list_stays() -> None:
    text = "Reed said two candidates would drop out over the next week — including the mayor."
    match = _by_cue(text, "said")
    assert _pieces(text, match) == ["two candidates would drop out over the next week — including the mayor"]


def test_uncued_title_in_quote_marks_is_no_quote() -> None:
    text = "The rally ended with the band playing “Make The Harbor Great Again.”"
    assert [m for m in _quotes(text) if "Harbor" in m.quote.text] == []


def test_uncued_sentence_in_quote_marks_stays_a_quote() -> None:
    text = "The rally ended with a banner: “We will not give up the harbor.”"
    assert [m.quote.text for m in _quotes(text)] == ["We will not give up the harbor."]


def test_clause_ending_on_a_quote_takes_a_second_quote_joined_by_but() -> None:
    text = "Reed said the delay was “a big, big problem for the town” but “nobody wants to talk about it.”"
    match = _by_cue(text, "said")
    assert _pieces(text, match) == [
        "the delay was “a big, big problem for the town” but “nobody wants to talk about it.”"
    ]


def test_according_to_vouches_only_for_its_own_paragraph() -> None:
    text = (
        "The council met on Monday.\n12:30 p.m.\nThe ferry will run twice a day from May, according to the port"
        " authority."
    )
    match = _by_cue(text, "according to")
    assert _pieces(text, match) == ["The ferry will run twice a day from May"]


def test_wire_dateline_is_no_part_of_what_was_said() -> None:
    text = "OSLO (AP) — The ferry will run twice a day from May, the port authority said."
    match = _by_cue(text, "said")
    assert _pieces(text, match) == ["The ferry will run twice a day from May"]


def test_noun_object_of_say_is_what_was_said() -> None:
    text = "Six in ten voters said the harbor plan was fair, and three-quarters said the same of the bridge plan."
    said = [m for m in _quotes(text) if "same" in m.quote.text]
    assert [_pieces(text, m) for m in said] == [["the same of the bridge plan"]]
    assert _source(text, said[0]) == "three-quarters"


def test_quoted_show_name_after_said_is_no_quote() -> None:
    text = "Reed said on Friday's “Morning Show” that the port would open."
    assert [m.quote.text for m in _quotes(text)] == ["that the port would open"]


@pytest.mark.parametrize(
    "text",
    ["Continued Hall: “We will rebuild the pier before the summer.”", "Stated Hall:\n\n“We will rebuild the pier.”"],
)
def test_cue_opening_the_sentence_before_a_colon_names_its_speaker_after_it(text: str) -> None:
    [match] = _quotes(text)
    assert match.quote.cue_start == 0
    assert _source(text, match) == "Hall"


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
    match = _by_cue(text, cue)
    assert match.quote.kind == "mixed"
    assert _pieces(text, match) == [content]


def test_addressee_before_a_colon_keeps_the_quote_direct() -> None:
    text = "Hall told reporters: “We will rebuild the pier.”"
    match = _by_cue(text, "told")
    assert match.quote.kind == "direct"
    assert _pieces(text, match) == ["We will rebuild the pier."]


def test_clause_going_on_without_a_subject_of_its_own_is_still_what_was_said() -> None:
    text = "Many voters said they had misgivings about the mayor, but could not bear to vote against her."
    match = _by_cue(text, "said")
    assert _pieces(text, match) == ["they had misgivings about the mayor, but could not bear to vote against her"]


def test_what_the_speaker_did_next_is_not_what_was_said() -> None:
    text = "Many voters said they liked the mayor, but left the meeting early."
    assert _pieces(text, _by_cue(text, "said")) == ["they liked the mayor"]

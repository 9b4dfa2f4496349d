"""Rules of the fourth quote pass, one short text (written for these tests) per rule.

Speaker phrases: a wire dateline before a spaced hyphen, a possessive apostrophe, coordinated names,
a weekday hung on the speaker. Reported clauses: a cue's complement never taken from the paragraph
before, a conjoined action (not a second statement) kept in what was said, intentions with "seek",
"aim" and "hope" (which the small model lemmatizes as "hop" in "hoping").
"""

from __future__ import annotations

import pytest

from dateline.enrich.nlp import parse
from dateline.enrich.quotes.indirect import _interrupted_subject
from dateline.enrich.quotes.records import _Candidate
from tests.quote_helpers import by_cue, pieces, quotes_in, source_of


def test_wire_dateline_with_a_spaced_hyphen_is_no_part_of_the_speaker() -> None:
    text = "ORLANDO, Fla. (Reuters) - President Barack Obama said on Sunday that the harbor would reopen."
    assert source_of(text, by_cue(text, "said")) == "President Barack Obama"


def test_possessive_apostrophe_does_not_end_the_speaker_phrase() -> None:
    text = "Jeff Weaver, Sanders’ campaign manager, said the campaign would stay in the race until June."
    assert source_of(text, by_cue(text, "said")) == "Jeff Weaver, Sanders’ campaign manager,"


def test_coordinated_names_are_all_the_speaker() -> None:
    # a digest's item: the parse makes the last of the names the head, the hyphen ends the headline
    text = "Harbor plans stall - Anna Berg and Tom Lund: “The council has no money left for the second phase.”"
    (match,) = quotes_in(text)
    assert source_of(text, match) == "Anna Berg and Tom Lund"


def test_a_weekday_hung_on_the_speaker_is_left_out() -> None:
    text = "A congressional report on Wednesday said the agency had ignored repeated warnings about the dam."
    match = by_cue(text, "said")
    assert source_of(text, match) == "A congressional report"
    assert pieces(text, match) == ["the agency had ignored repeated warnings about the dam"]


def test_complement_is_never_taken_from_the_paragraph_before() -> None:
    text = (
        "“Then let the towns decide,” he said. “That’s what the founders intended, that most decisions be made"
        " at the town level, not at the state level.”\n\n"
        "Jolly said he would be cautious in restructuring the school budget."
    )
    match = by_cue(text, "said", after=text.index("Jolly"))
    assert pieces(text, match) == ["he would be cautious in restructuring the school budget"]
    assert source_of(text, match) == "Jolly"


def test_a_conjoined_action_stays_in_what_was_said() -> None:
    text = "Police say the driver posed a deadly threat and refused to leave the car."
    match = by_cue(text, "say")
    assert pieces(text, match) == ["the driver posed a deadly threat and refused to leave the car"]
    # the intention inside what the police said is no statement of its own
    assert not [
        m for m in quotes_in(text) if m.quote.cue_start is not None and text[m.quote.cue_start :].startswith("refused")
    ]


def test_a_second_speech_verb_is_still_a_statement_of_its_own() -> None:
    text = "Marsh said the port would reopen on Monday and urged residents to stay away from the docks."
    assert pieces(text, by_cue(text, "said")) == ["the port would reopen on Monday"]
    urged = by_cue(text, "urged")
    assert pieces(text, urged) == ["residents to stay away from the docks"]
    assert source_of(text, urged) == "Marsh"


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "Rubio is seeking to stop the bleeding in the southern states.",
            "seeking",
            "to stop the bleeding in the southern states",
        ),
        ("The campaign aims to register ten thousand new voters.", "aims", "to register ten thousand new voters"),
        ("Cruz is hoping to win the caucus in Iowa.", "hoping", "to win the caucus in Iowa"),
    ],
)
def test_intentions_with_seek_aim_and_hope(text: str, cue: str, content: str) -> None:
    assert pieces(text, by_cue(text, cue)) == [content]


def test_complement_across_a_paragraph_break_even_when_the_opening_word_is_hung_on_it() -> None:
    text = (
        '"The harbor board lost fair and square and it is too late to rewrite the rules."\n\n'
        "Similarly, Tom Lund, a former harbor master, said he could not back the effort to stop the toll."
    )
    match = by_cue(text, "said")
    assert pieces(text, match) == ["he could not back the effort to stop the toll"]


def test_a_stance_inside_a_statement_is_reported_once() -> None:
    text = "Walter Crane, a former harbor master, said he could not support the new toll plan."
    (match,) = quotes_in(text)
    assert pieces(text, match) == ["he could not support the new toll plan"]


def test_a_statement_inside_a_statement_is_reported_once() -> None:
    text = "Reed said the mayor had told the council that the ferry would stop running in May."
    (match,) = quotes_in(text)
    assert text[match.quote.cue_start or 0 : match.quote.cue_end] == "said"


def test_a_quotation_inside_a_statement_is_kept() -> None:
    text = "Reed said that Marsh told him, “The ferry will stop in May.”"
    kinds = sorted(m.quote.kind for m in quotes_in(text))
    assert kinds == ["direct", "mixed"] or kinds == ["direct", "indirect"]


def test_a_statement_after_what_a_stance_verb_takes_is_kept() -> None:
    # the stance's object may run on over the writer's "coming a day after …": the officials still speak
    text = (
        "The ministry on Friday dismissed claims that the dam had cracked, coming a day after local officials"
        " said they would evacuate two villages."
    )
    assert pieces(text, by_cue(text, "said")) == ["they would evacuate two villages"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The ferry program, she said, “can go on serving the islands for another decade.”",
            ["The ferry program", "“can go on serving the islands for another decade.”"],
        ),
        (
            "If the bridge closes, Reed said, “the whole coast road will be cut off.”",
            ["If the bridge closes", "“the whole coast road will be cut off.”"],
        ),
    ],
)
def test_a_sentence_the_cue_interrupts_goes_on_in_quotes(text: str, expected: list[str]) -> None:
    (match,) = quotes_in(text)
    assert match.quote.kind == "mixed"
    assert pieces(text, match) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the quotation opens a sentence of its own: the words before the cue are the writer's
        "Asked about the flood barrier, Reed said, “It will hold.”",
        "On the subject of tolls, Reed said, “Nobody will pay more.”",
        # a connective links to the sentence before
        "But, Reed said, “the barrier will hold.”",
    ],
)
def test_no_lead_in_before_a_quotation_that_opens_its_own_sentence(text: str) -> None:
    match = by_cue(text, "said")
    assert match.quote.kind == "direct"
    assert len(match.quote.spans) == 1


def test_a_quote_opened_by_that_belongs_to_the_cue_before_it() -> None:
    text = (
        "But even as Reed claimed on Tuesday that “the old barrier failed for far less,” one of the engineers"
        " who built it said the two cases were quite different."
    )
    match = by_cue(text, "claimed")
    assert match.quote.kind == "mixed"
    assert pieces(text, match) == ["that “the old barrier failed for far less,”"]
    assert source_of(text, match) == "Reed"


def test_a_mixed_quote_stops_before_a_participial_cue_of_its_own() -> None:
    text = "Reed argued that “there is precedent for closing the road,” citing a case from 1998 in the same county."
    match = by_cue(text, "argued")
    assert pieces(text, match) == ["that “there is precedent for closing the road,”"]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            'When asked about the toll, Reed said, "We have three weeks to go" until the council votes.',
            "said",
            '"We have three weeks to go" until the council votes',
        ),
        (
            '"This will be a challenge" for the ferry company, said Marsh.',
            "said",
            '"This will be a challenge" for the ferry company',
        ),
    ],
)
def test_a_sentence_goes_on_after_a_quotation_that_did_not_end_it(text: str, cue: str, content: str) -> None:
    match = by_cue(text, cue)
    assert match.quote.kind == "mixed"
    assert pieces(text, match) == [content]


def test_a_quotation_that_ends_its_sentence_does_not_run_on() -> None:
    text = 'Reed said, "We have three weeks to go," and the council agreed with him.'
    match = by_cue(text, "said")
    assert match.quote.kind == "direct"
    assert pieces(text, match) == ["We have three weeks to go,"]


def test_a_lower_case_quotation_goes_on_with_the_writers_sentence() -> None:
    text = 'In past years, "we could reach every island by running one good ferry line," Marsh said.'
    match = by_cue(text, "said")
    assert match.quote.kind == "mixed"
    assert pieces(text, match) == ['In past years, "we could reach every island by running one good ferry line,"']


def test_a_named_phrase_takes_no_lead_in() -> None:
    text = 'He has coined a new phrase, "harbor pirates," to describe the toll operators.'
    assert all(m.quote.start > text.index("phrase") for m in quotes_in(text))


def test_a_focus_word_before_that_is_left_out() -> None:
    text = "The mayor said only that the barrier would be inspected again in the spring."
    assert pieces(text, by_cue(text, "said")) == ["that the barrier would be inspected again in the spring"]


def test_a_pronoun_before_the_colon_only_points_at_the_quote() -> None:
    text = 'Reed put it this way: "Nobody wants to be the first one to pay the toll."'
    match = by_cue(text, "put")
    assert match.quote.kind == "direct"
    assert pieces(text, match) == ["Nobody wants to be the first one to pay the toll."]


def test_a_view_voiced_with_a_that_clause_is_attributed() -> None:
    text = "The ministry expressed doubt that the northern dam could hold another winter."
    match = by_cue(text, "doubt")
    assert pieces(text, match) == ["that the northern dam could hold another winter"]
    assert source_of(text, match) == "The ministry"


def _interrupted(text: str, rest: str, cue: str, speaker: str) -> list[str]:
    """The rule alone, on a candidate as a parse that gives only the words after the cue makes it."""
    sdoc = parse(text)
    head = next(t for t in sdoc if t.text == speaker)
    start = text.index(rest)
    cue_at = text.index(cue)
    candidate = _Candidate([(start, start + len(rest))], "indirect", (cue_at, cue_at + len(cue)), head)
    _interrupted_subject(sdoc, text, candidate)
    return [text[s:e] for s, e in candidate.spans]


def test_a_cue_set_in_commas_leaves_the_start_of_what_was_said_before_it() -> None:
    text = "The permit, his campaign said, had been hard to get."
    assert _interrupted(text, "had been hard to get", "said", "campaign") == ["The permit", "had been hard to get"]


def test_a_time_before_a_cue_set_in_commas_is_not_what_was_said() -> None:
    text = "Even then, Reed said, the toll would stay in place for years."
    rest = "the toll would stay in place for years"
    assert _interrupted(text, rest, "said", "Reed") == [rest]


def test_a_quotation_whose_sentence_runs_on_to_a_later_cue() -> None:
    text = '"Many would call that a defeat for the mayor" if she won by less, said Dana Olsen, a harbor analyst.'
    matches = quotes_in(text)
    assert len(matches) == 1
    assert matches[0].quote.kind == "mixed"
    assert pieces(text, matches[0]) == ['"Many would call that a defeat for the mayor" if she won by less']
    assert source_of(text, matches[0]) == "Dana Olsen, a harbor analyst"


def test_according_to_inside_brackets_vouches_for_what_the_brackets_hold() -> None:
    text = "Coastal towns like Vik (93 percent of voters there were fishermen, according to the census) vote first."
    match = by_cue(text, "according to")
    assert pieces(text, match) == ["93 percent of voters there were fishermen"]

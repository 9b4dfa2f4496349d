"""Second-pass attribution rules: views held "as" something, questions put with "if"/"whether", and
the views of a poll's share of people. The sentences are written for these tests."""

from __future__ import annotations

import pytest

from dateline.enrich.entities import cluster_entities
from dateline.enrich.nlp import parse
from dateline.enrich.quotes import QuoteMatch, find_quotes
from dateline.enrich.quotes.syntax import WIRE_DATELINE


def _quotes(text: str) -> list[QuoteMatch]:
    sdoc = parse(text)
    return find_quotes(text, sdoc, cluster_entities(sdoc))


def _content(text: str, match: QuoteMatch) -> str:
    return " | ".join(text[s:e] for s, e in match.quote.spans)


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        (
            "Critics of the levy see the new tax as a gift to landlords.",
            "the new tax as a gift to landlords",
            "Critics of the levy",
        ),
        (
            "Senator Mills cast herself as a friend of the harbor workers.",
            "herself as a friend of the harbor workers",
            "Senator Mills",
        ),
        (
            "Most farmers in the valley view the dam as a threat to their crops.",
            "the dam as a threat to their crops",
            "Most farmers in the valley",
        ),
    ],
)
def test_view_held_as_something(text: str, content: str, source: str) -> None:
    matches = _quotes(text)
    assert [_content(text, m) for m in matches] == [content]
    found = matches[0].source
    assert found is not None and text[found[0] : found[1]] == source


@pytest.mark.parametrize(
    "text",
    [
        "The children saw the parade from the bridge.",  # seeing, no view held
        "Mills views the harbor from her office every morning.",
        "The company cast the bronze statue in May.",
    ],
)
def test_seeing_and_casting_are_no_views(text: str) -> None:
    matches = _quotes(text)
    assert matches == []


def test_question_with_if_is_what_was_asked() -> None:
    text = "Governor Ruth Alvarez shook hands and asked workers if they planned to vote in the primary."
    matches = _quotes(text)
    assert any(_content(text, m).startswith("if they planned to vote") for m in matches)


def test_condition_after_a_statement_is_not_a_question() -> None:
    text = "Governor Ruth Alvarez said she would veto the bill if it reached her desk."
    matches = _quotes(text)
    assert [_content(text, m) for m in matches] == ["she would veto the bill if it reached her desk"]


def test_share_of_voters_holds_a_view() -> None:
    text = "The survey was taken last week. A majority of Republicans supported the border wall."
    matches = _quotes(text)
    assert [_content(text, m) for m in matches] == ["the border wall"]
    found = matches[0].source
    assert found is not None and text[found[0] : found[1]] == "A majority of Republicans"


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        ("Polls show a close contest in the county.", "a close contest in the county", "Polls"),
        ("A new poll shows the mayor with a narrow lead.", "the mayor with a narrow lead", "A new poll"),
    ],
)
def test_document_shows_its_object(text: str, content: str, source: str) -> None:
    matches = _quotes(text)
    assert [_content(text, m) for m in matches] == [content]
    found = matches[0].source
    assert found is not None and text[found[0] : found[1]] == source


def test_shelf_shows_no_statement() -> None:
    # only a document's object is what it shows; a thing that shows wear says nothing
    text = "The old bridge shows signs of rust."
    assert _quotes(text) == []


def test_time_after_the_cue_is_not_what_was_said() -> None:
    text = "Mayor Lena Ortiz told residents this weekend she would not seek another term."
    matches = _quotes(text)
    assert [_content(text, m) for m in matches] == ["she would not seek another term"]


def test_closing_mark_of_the_previous_paragraph_opens_no_quote() -> None:
    # the parse may start this sentence with the last paragraph's closing mark; the naming verb's
    # object must not count as quoted words because of it
    text = (
        'The council met on Monday, and the chair said, "We are done."\n\n'
        "At the hearing, Senator Ruth Alvarez called her vote for the bridge a mistake, but she defended the budget."
    )
    matches = _quotes(text)
    assert any(_content(text, m).startswith("her vote for the bridge a mistake") for m in matches)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Senator Ruth Alvarez spoke about her long ties to the harbor unions.", "her long ties to the harbor unions"),
        ("Mayor Lena Ortiz talked of a city that works for everyone.", "a city that works for everyone"),
    ],
)
def test_topic_of_talk_is_what_was_said(text: str, content: str) -> None:
    assert [_content(text, m) for m in _quotes(text)] == [content]


def test_talking_to_someone_says_nothing_yet() -> None:
    text = "Mayor Lena Ortiz spoke to reporters outside the hall."
    assert _quotes(text) == []


def test_participial_cue_after_a_closing_mark_is_a_second_statement() -> None:
    text = 'Governor Ruth Alvarez said she had "saved the port," claiming that trade doubled in a year.'
    contents = [_content(text, m) for m in _quotes(text)]
    assert 'she had "saved the port,"' in contents


def test_title_after_the_cue_is_no_second_piece() -> None:
    text = '"We will rebuild the pier by spring," Mayor Lena Ortiz said on WKBL\'s "Morning Harbor."'
    matches = _quotes(text)
    said = [m for m in matches if "rebuild" in _content(text, m)]
    assert [_content(text, m) for m in said] == ["We will rebuild the pier by spring,"]


def test_second_piece_after_the_cue_still_joins() -> None:
    text = '"We will rebuild the pier," Mayor Lena Ortiz said. "It will take a year."'
    matches = _quotes(text)
    assert [_content(text, m) for m in matches] == ["We will rebuild the pier, | It will take a year."]


@pytest.mark.parametrize(
    ("phrase", "speaker"),
    [
        ("WILLOW BAY, Ore. (AP) — Harbor commissioner Lena Ortiz", "Harbor commissioner Lena Ortiz"),
        ("MACAU (Reuters) – Top harbor donor Sheldon Ortiz", "Top harbor donor Sheldon Ortiz"),
        ("HARBOR CITY, May 4 (UPI) -- Mayor Lena Ortiz", "Mayor Lena Ortiz"),
    ],
)
def test_wire_dateline_is_not_the_speaker(phrase: str, speaker: str) -> None:
    # a parse may hang the wire dateline on the speaker's phrase; the source starts after its dash
    wire = WIRE_DATELINE.match(phrase)
    assert wire is not None and phrase[wire.end() :] == speaker


def test_a_name_with_a_dash_aside_is_no_dateline() -> None:
    assert WIRE_DATELINE.match("Lena Ortiz -- the harbor's longest-serving pilot --") is None


def test_relative_who_holds_the_view_of_its_noun() -> None:
    text = "Several lawmakers who criticized the harbor plan met on Monday."
    matches = _quotes(text)
    assert [_content(text, m) for m in matches] == ["the harbor plan"]


def test_relative_who_of_a_thing_holds_no_view() -> None:
    text = "The old ferry, which supported the pier for decades, sank on Monday."
    assert _quotes(text) == []

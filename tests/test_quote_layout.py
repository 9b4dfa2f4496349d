"""How the layout of paragraphs attributes quotes: where a quote running over paragraphs stops, and which
quoted lines are no statement; each rule checked on short texts written for these tests."""

from __future__ import annotations

from dateline.enrich.nlp import parse
from dateline.enrich.quotes.direct import _adjacent_speaker, direct_candidates
from dateline.enrich.quotes.marks import quote_pieces
from tests.quote_helpers import by_cue, pieces, quotes_in


def test_open_quote_without_a_new_cue_still_runs_on() -> None:
    # the multi-paragraph convention: no closing mark, the next paragraph opens with a mark, no cue
    text = (
        '"The ferry is late," Anna Lund said. "The crew waited for the wind to drop.\n\n'
        '"Nobody will be left behind on the island tonight."'
    )
    found, _ = direct_candidates(parse(text), text)
    assert [[text[s:e] for s, e in c.spans] for c in found] == [
        [
            "The ferry is late,",
            "The crew waited for the wind to drop.",
            "Nobody will be left behind on the island tonight.",
        ]
    ]


def test_run_opening_its_paragraph_keeps_its_cue_at_the_end() -> None:
    text = 'The port closed.\n\n"The crew waited for the wind to drop.\n\n"We will sail at noon," Anna Lund said.'
    match = by_cue(text, "said")
    assert pieces(text, match) == ["The crew waited for the wind to drop.", "We will sail at noon,"]


def test_single_quoted_line_is_a_subhead_not_a_statement() -> None:
    text = (
        '"We checked every cable twice," Paul Reed said.\n\n'
        "'A very long week.'\n\n"
        "The bridge reopened on Friday after the inspection."
    )
    found = quotes_in(text)
    assert len(found) == 1
    assert "long week" not in found[0].quote.text


def test_doubled_apostrophes_are_a_quote_not_a_subhead() -> None:
    # some archives type ''…'' for a double mark: a paragraph in them is speech, not a subhead
    text = "''We checked every cable twice,'' Paul Reed said.\n\n''The bridge is safe.''\n\nIt reopened on Friday."
    assert any("The bridge is safe." in m.quote.text for m in quotes_in(text))


def test_quote_paragraph_goes_on_a_quotation_with_the_writers_words_at_its_edge() -> None:
    # the statement before is mixed (the writer's start, then the quotation, then the cue)
    text = (
        'Moving the harbour is a "dream, because nobody has the money for it," Lena Dahl said.\n\n'
        '"I will vote for whoever promises a new breakwater instead."\n\n'
        "The vote is in May."
    )
    match = by_cue(text, "said")
    assert match.quote.kind == "mixed"
    assert pieces(text, match)[-1] == "I will vote for whoever promises a new breakwater instead."
    assert len(quotes_in(text)) == 1


def test_quote_paragraph_after_a_paraphrase_stays_apart() -> None:
    # a reported clause with no quotation of its own is not a quote that a paragraph continues
    text = (
        "Lena Dahl said the harbour would have to move within ten years.\n\n"
        '"We cannot wait for the next storm to decide for us."\n\n'
        "The vote is in May."
    )
    match = by_cue(text, "said")
    assert all("next storm" not in piece for piece in pieces(text, match))


def test_a_repeated_quote_is_not_reported_twice() -> None:
    text = (
        '"We checked every cable twice and the bridge is safe to cross again," Paul Reed said.\n\n'
        "The bridge reopened on Friday.\n\n"
        '"We checked every cable twice and the bridge is safe to cross again.'
    )
    found = quotes_in(text)
    assert len(found) == 1
    assert found[0].quote.end < text.rindex("We checked")


def test_a_short_answer_may_be_said_twice() -> None:
    text = (
        '"We will not reopen it," Paul Reed said on Monday.\n\n'
        "The question came again on Tuesday.\n\n"
        '"We will not reopen it."\n\n'
        "The bridge stays shut."
    )
    assert sum(1 for m in quotes_in(text) if "reopen it" in m.quote.text) == 2


def _adjacent(text: str, cue: str) -> str | None:
    """The speaker ``_adjacent_speaker`` reads around the cue ``cue`` after the closing mark."""
    sdoc = parse(text)
    verb = next(t for t in sdoc if t.text == cue)
    close = text.index('," ') + 1
    between = [t for t in sdoc if t.idx > close]
    found = _adjacent_speaker(between, verb)
    return found.text if found is not None else None


def test_name_between_the_mark_and_the_cue_is_the_speaker() -> None:
    # the parse may take the cue's subject from inside the quote; the name by the verb is the speaker
    text = '"Just saw the timetable. I am amazed they made it worse," writer Jo Hale wrote on Twitter.'
    assert _adjacent(text, "wrote") == "Hale"
    assert _adjacent('"We will sail," she said.', "said") == "she"


def test_name_after_an_inverted_cue_is_the_speaker() -> None:
    assert _adjacent('"I am voting for anyone but the mayor," declared Ana Ruiz, 29, of Bergen.', "declared") == "Ruiz"


def test_no_speaker_read_from_words_that_are_no_name() -> None:
    assert _adjacent('"We will sail," the tired crew then said.', "said") is None
    assert _adjacent('"We will sail," said the crew.', "said") is None


def test_a_day_after_the_cue_is_no_speaker() -> None:
    assert _adjacent('"We will sail," said Tuesday the harbour office.', "said") is None


def test_marks_inside_a_markup_tag_open_no_quote() -> None:
    text = (
        'The mayor answered online.\n\n<tweet author="@harbourmayor" date="May 4,\n2024">The ferry sails at noon.'
        "</tweet>\n\nThe ferry sailed."
    )
    assert quote_pieces(text) == []
    # a quotation after a tag is still one
    tagged = '<a href="x">link</a> He said "we sail" at noon.'
    assert [[tagged[s:e] for s, e in group] for group in quote_pieces(tagged)] == [["we sail"]]


def test_any_verb_closing_a_comma_quote_is_its_cue() -> None:
    text = "“If they meant it, they would have backed the harbour bill,” Berg fumed on Tuesday."
    match = by_cue(text, "fumed")
    assert match.quote.speaker is not None and match.quote.speaker.name == "Berg"


def test_a_verb_with_an_object_after_a_quote_is_no_cue() -> None:
    text = '"We will win this," Berg won the vote.'
    assert not [m for m in quotes_in(text) if m.quote.cue_start is not None]


def test_a_full_stop_quote_leaves_the_next_verb_alone() -> None:
    text = "“They would have backed the harbour bill.” Berg left on Tuesday."
    assert not [m for m in quotes_in(text) if m.quote.cue_start is not None]


def test_a_clause_of_the_writer_after_the_quote_is_no_cue() -> None:
    text = "She spoke of the “harbour of hope,” in which Berg sits with his crew."
    assert not [
        m for m in quotes_in(text) if m.quote.cue_start is not None and text[m.quote.cue_start :].startswith("sits")
    ]

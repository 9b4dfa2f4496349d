"""Predictions that are not statements of their own: a statement the grammar puts inside another's
reported clause (reported once, with the outer one) and a person finding a thing; each rule checked on
short sentences written for these tests."""

from __future__ import annotations

from dateline.enrich.nlp import parse
from dateline.enrich.quotes.clauses import _without_dateline
from dateline.enrich.quotes.filters import governs, vouched_for
from tests.quote_helpers import by_cue, cued, pieces, quotes_in


def test_a_finding_holds_what_respondents_said() -> None:
    text = "The survey showed that 72 percent of fishermen said the quota was too low."
    assert not cued(text, "said")
    assert pieces(text, by_cue(text, "showed")) == ["that 72 percent of fishermen said the quota was too low"]


def test_a_study_holds_what_skippers_say() -> None:
    text = "A study found that most skippers say the new rules are fair."
    assert not cued(text, "say")
    assert cued(text, "found")


def test_a_naming_inside_a_statement_is_part_of_it() -> None:
    text = "The mayor said the governor had called the plan a disaster."
    assert not cued(text, "called")
    assert pieces(text, by_cue(text, "said")) == ["the governor had called the plan a disaster"]


def test_according_to_vouches_for_the_whole_report() -> None:
    text = "Ida Holm said she would have closed the harbour, according to local reports."
    assert not cued(text, "said")
    assert pieces(text, by_cue(text, "according to")) == ["Ida Holm said she would have closed the harbour"]


def test_according_to_on_a_second_clause_still_vouches_for_it() -> None:
    # "according to" hangs on "said" although its own clause is the first conjunct: one account
    text = "He returned on Wednesday for the end of the council lunch and said little, according to an attendee."
    assert not cued(text, "said")
    assert cued(text, "according to")


def test_a_coordinated_statement_stands_beside_the_first() -> None:
    # the reported clause of "called on" runs on over "and said", but the grammar puts them side by side
    text = "The minister called on the council to act and said funding was needed."
    assert pieces(text, by_cue(text, "said")) == ["funding was needed"]


def test_a_stance_object_does_not_swallow_a_statement() -> None:
    text = "Critics attacked the mayor for saying the ferry was safe."
    assert pieces(text, by_cue(text, "saying")) == ["the ferry was safe"]


def test_governs_follows_the_parse_not_the_conjunction() -> None:
    sdoc = parse("The minister called on the council to act and said funding was needed.")
    called, said = (next(t for t in sdoc if t.lower_ == word) for word in ("called", "said"))
    assert not governs(called, said)
    sdoc = parse("The minister said the inspector had warned that the pier was unsafe.")
    said, warned = (next(t for t in sdoc if t.lower_ == word) for word in ("said", "warned"))
    assert governs(said, warned)
    assert not governs(warned, said)


def test_vouched_for_needs_according_to_on_the_clause() -> None:
    sdoc = parse("Ida Holm said she would have closed the harbour, according to local reports.")
    said, according = (next(t for t in sdoc if t.lower_ == word) for word in ("said", "according"))
    assert vouched_for(said, according)
    assert not vouched_for(according, said)


def test_a_person_finding_a_thing_is_no_finding() -> None:
    assert not quotes_in("In the harbour towns, Ida Holm found a receptive audience for her message.")
    assert not quotes_in("The mayor has found ways to press his agenda through small amendments.")


def test_a_document_or_an_organisation_finds_with_a_noun_object() -> None:
    text = "The poll shows Holm with a narrow lead over Lund."
    assert pieces(text, by_cue(text, "shows")) == ["Holm with a narrow lead over Lund"]
    text = "The Harbour Institute found strong support for the quota among skippers."
    assert pieces(text, by_cue(text, "found")) == ["strong support for the quota"]


def test_a_reported_clause_stays_in_its_cues_paragraph() -> None:
    from dateline.enrich.quotes.filters import _within_cue_paragraph
    from dateline.enrich.quotes.records import _Candidate

    text = "The ferries will sail again on Friday, the operator added,\n\nThe harbour board meets in May."
    cue = text.index("added")
    next_paragraph = text.index("The harbour")
    clause = _Candidate([(0, text.index(",")), (next_paragraph, len(text) - 1)], "indirect", (cue, cue + 5))
    assert _within_cue_paragraph(clause, text) and clause.spans == [(0, text.index(","))]
    alone = _Candidate([(next_paragraph, len(text) - 1)], "indirect", (cue, cue + 5))
    assert not _within_cue_paragraph(alone, text)
    # a quotation may run on over paragraphs: left alone
    quoted = _Candidate([(0, 10), (next_paragraph, len(text) - 1)], "direct", (cue, cue + 5))
    assert _within_cue_paragraph(quoted, text) and len(quoted.spans) == 2


def test_a_city_dateline_is_no_part_of_the_content() -> None:
    text = "Talks resume\n\nBERGEN - The fishing minister will meet the board next month, officials said."
    assert pieces(text, by_cue(text, "said")) == ["The fishing minister will meet the board next month"]


def test_a_dateline_alone_is_never_a_piece() -> None:
    text = "Settlers gain ground in the valley, experts say\n\nJERUSALEM — The cabinet met on Sunday."
    place = text.index("JERUSALEM")
    assert _without_dateline(text, 1, place, place + len("JERUSALEM")) is None
    assert _without_dateline(text, 1, place, len(text)) == (text.index("The cabinet"), len(text))
    wire = "Title\n\nST. PAUL, Minn. (AP) — The cabinet met on Sunday."
    assert _without_dateline(wire, 1, wire.index("ST."), len(wire)) == (wire.index("The cabinet"), len(wire))


def test_capitals_inside_a_paragraph_or_a_short_word_are_no_dateline() -> None:
    text = "He shouted:\nNO — not again. Then BERGEN — the town — went quiet."
    start = text.index("NO")
    assert _without_dateline(text, 0, start, len(text)) == (start, len(text))
    mid = text.index("BERGEN")
    assert _without_dateline(text, 1, mid, len(text)) == (mid, len(text))

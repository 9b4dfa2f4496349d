"""Span conventions of quotes and speakers (what a content or a source covers), one rule per paragraph.

The sentences are written for these tests. The conventions follow attribution annotation in news
(PolNeAR): a reported clause keeps its "that", a cue-less quote next to a cued one in its paragraph is
the same statement, the source is the whole noun phrase with its apposition, and so on.
"""

from __future__ import annotations

import pytest

from dateline.enrich.entities import cluster_entities
from dateline.enrich.nlp import parse
from dateline.enrich.quotes import QuoteMatch, find_quotes
from dateline.enrich.quotes.indirect import _extend_over_quote
from dateline.enrich.quotes.layout import transcript_candidates
from dateline.enrich.quotes.marks import _close_open_quote, quote_pieces
from dateline.enrich.quotes.records import _Candidate
from dateline.record import Entity

RULES = "\n\n".join(
    [
        "The plan was debated for hours. ''It adds a lot of new paperwork,'' said Mr. Dunmore.",
        '"It\'s finished," Ellen Marsh said. "In my head, anyway."',
        'Mayor Anna Hall said that "the bridge will open in May."',
        'Paul Reed blamed the press for focusing on "he said this, he tweeted that."',
        "Officials said the road was closed; traffic was diverted to the coast.",
        "A busy day at the port: officials said the terminal would close early.",
        "But the bridge, Reed said, is safe.",
        "Reed said the budget was too small, arguing that the city needed more money.",
        "Critics say the money should go to the Harbor Board, the agency that runs the port.",
        '"The question is the timing." Mayor Anna Hall said it would be wrong to vote now.',
        "Senator Vance criticized the plan as a giveaway to developers.",
        "The mayor cited a new survey of residents.",
        "Brian Fallon, the campaign's press secretary, said the debate would go ahead.",
        "Sen. Jane Doe (D-Ore.) said the vote would be close.",
        "Anna Hall said Friday that if the vote passed, “she would sign the bill right away.”",
        "“I would rather live in what he calls “hell” than live here,” said Maria Lopez.",
        "Reed declared “the port is open to every ship.”",
        "“Nobody expected this.” — Commissioner Frank Olsen",
        '"Legend of the Harbor."',
    ]
)


@pytest.fixture(scope="module")
def rules() -> list[QuoteMatch]:
    sdoc = parse(RULES)
    return find_quotes(RULES, sdoc, cluster_entities(sdoc))


def _find(matches: list[QuoteMatch], fragment: str) -> QuoteMatch:
    found = [m for m in matches if fragment in RULES[m.quote.start : m.quote.end]]
    assert found, f"no quote containing {fragment!r}: {[m.quote.text for m in matches]}"
    return found[0]


def _pieces(match: QuoteMatch) -> list[str]:
    return [RULES[s:e] for s, e in match.quote.spans]


def _cue(match: QuoteMatch) -> str | None:
    quote = match.quote
    return RULES[quote.cue_start : quote.cue_end] if quote.cue_start is not None else None


def _source(match: QuoteMatch) -> str | None:
    return RULES[match.source[0] : match.source[1]] if match.source else None


# ------------------------------------------------------------------------------------------------
# Direct quotes


def test_double_apostrophe_quote_after_a_sentence_is_speech(rules: list[QuoteMatch]) -> None:
    match = _find(rules, "new paperwork")
    assert match.quote.kind == "direct"
    assert (_cue(match), _source(match)) == ("said", "Mr. Dunmore")


def test_cueless_quote_after_a_cued_one_in_its_paragraph_is_the_same_statement(rules: list[QuoteMatch]) -> None:
    match = _find(rules, "It's finished")
    assert _pieces(match) == ["It's finished,", "In my head, anyway."]
    assert len([m for m in rules if "In my head" in m.quote.text]) == 1


def test_quote_after_said_that_is_a_mixed_quote_with_that(rules: list[QuoteMatch]) -> None:
    match = _find(rules, "the bridge will open")
    assert match.quote.kind == "mixed"
    assert match.quote.text == 'that "the bridge will open in May."'


def test_cue_inside_quoted_words_is_not_a_cue(rules: list[QuoteMatch]) -> None:
    assert not [m for m in rules if _cue(m) in {"said", "tweeted"} and "he said this" in m.quote.text[:14]]
    match = _find(rules, "focusing on")
    assert match.quote.text.endswith('"he said this, he tweeted that."')


def test_closed_sentence_does_not_take_the_next_sentence_cue(rules: list[QuoteMatch]) -> None:
    first = _find(rules, "The question is the timing.")
    assert first.quote.cue_start is None
    second = _find(rules, "wrong to vote now")
    assert (second.quote.text, _cue(second)) == ("it would be wrong to vote now", "said")


def test_nested_quote_of_the_same_kind_stays_inside(rules: list[QuoteMatch]) -> None:
    match = _find(rules, "rather live")
    assert _pieces(match) == ["I would rather live in what he calls “hell” than live here,"]
    assert _source(match) == "Maria Lopez"


def test_quote_after_any_speech_verb_is_direct(rules: list[QuoteMatch]) -> None:
    match = _find(rules, "open to every ship")
    assert (match.quote.kind, _cue(match)) == ("direct", "declared")


def test_long_speaker_phrase_before_the_cue_after_a_quote() -> None:
    # the brackets and the apposition are all the subject of "said": the cue is still this quote's
    text = '"The harbor is closed," Sen. Mark Lane (R-S.C.), the chairman of the port committee, said.'
    sdoc = parse(text)
    [match] = find_quotes(text, sdoc, cluster_entities(sdoc))
    assert match.quote.cue_start is not None and text[match.quote.cue_start : match.quote.cue_end] == "said"
    assert match.source is not None
    assert text[match.source[0] : match.source[1]] == "Sen. Mark Lane (R-S.C.), the chairman of the port committee,"
    assert match.quote.speaker is not None and match.quote.speaker.name == "Mark Lane"


def test_dash_signature_source_is_the_name(rules: list[QuoteMatch]) -> None:
    assert _source(_find(rules, "Nobody expected this.")) == "Commissioner Frank Olsen"


def test_quoted_title_line_is_not_a_quote(rules: list[QuoteMatch]) -> None:
    assert not [m for m in rules if "Legend of the Harbor" in m.quote.text]


def test_double_mark_pairs_nest_only_when_both_closers_follow() -> None:
    assert quote_pieces("“A “b” c,” he said.") == [[(1, 9)]]
    # a stray second opener with one closer: the quote ends at that closer
    assert quote_pieces("“A “b c,” he said.") == [[(1, 8)]]


# ------------------------------------------------------------------------------------------------
# Reported clauses


@pytest.mark.parametrize(
    ("fragment", "pieces", "cue"),
    [
        ("road was closed", ["the road was closed"], "said"),  # a semicolon ends the claim
        ("terminal would close", ["the terminal would close early"], "said"),  # a colon before the cue
        ("is safe", ["the bridge", "is safe"], "said"),  # the sentence's "But" is not said
        ("budget was too small", ["the budget was too small"], "said"),  # ", arguing …" is a second cue
        ("should go to", ["the money should go to the Harbor Board"], "say"),  # a closing apposition
    ],
)
def test_reported_clause_boundaries(rules: list[QuoteMatch], fragment: str, pieces: list[str], cue: str) -> None:
    match = _find(rules, fragment)
    assert (_pieces(match), _cue(match)) == (pieces, cue)


def test_participial_cue_is_a_statement_of_its_own(rules: list[QuoteMatch]) -> None:
    match = _find(rules, "city needed more money")
    assert (match.quote.text, _cue(match)) == ("that the city needed more money", "arguing")
    assert match.quote.speaker is not None and match.quote.speaker.name == "Paul Reed"


def test_uncued_quote_inside_a_reported_clause_makes_it_mixed(rules: list[QuoteMatch]) -> None:
    match = _find(rules, "sign the bill")
    assert match.quote.kind == "mixed"
    assert match.quote.text == "that if the vote passed, “she would sign the bill right away.”"
    assert len([m for m in rules if "sign the bill" in m.quote.text]) == 1


def test_stance_verb_takes_its_object_and_how_it_is_taken(rules: list[QuoteMatch]) -> None:
    match = _find(rules, "giveaway")
    assert (match.quote.text, _cue(match)) == ("the plan as a giveaway to developers", "criticized")


def test_speech_verb_with_a_noun_object(rules: list[QuoteMatch]) -> None:
    match = _find(rules, "survey of residents")
    assert (match.quote.text, _cue(match), _source(match)) == ("a new survey of residents", "cited", "The mayor")


def test_clause_running_into_a_quote_takes_the_quote() -> None:
    text = 'He blamed them for "the mess." Then he left.'
    candidate = _Candidate([(3, 18)], "indirect")  # "blamed them for", as a parse may cut it
    _extend_over_quote(candidate, [(20, 29)], text)
    assert text[slice(*candidate.spans[-1])] == 'blamed them for "the mess."'


@pytest.mark.parametrize(
    ("clause", "rest", "closed"),
    [
        ('He said it was "unfit to serve', '." Then', 'He said it was "unfit to serve."'),
        ("Hall Speaks ‘Directly To Voters", "’ After", "Hall Speaks ‘Directly To Voters’"),
        ("Hall calls it an 'intentional act", ".' Police", "Hall calls it an 'intentional act.'"),
        ("Hall doesn't say it isn't so", ". Then", "Hall doesn't say it isn't so"),  # apostrophes only
    ],
)
def test_clause_ending_inside_a_quote_takes_its_closing_mark(clause: str, rest: str, closed: str) -> None:
    text = clause + rest
    start, end = _close_open_quote(text, 0, len(clause))
    assert text[start:end] == closed


# ------------------------------------------------------------------------------------------------
# Sources as written at the cue


def test_source_keeps_apposition_and_its_closing_comma(rules: list[QuoteMatch]) -> None:
    match = _find(rules, "debate would go ahead")
    assert _source(match) == "Brian Fallon, the campaign's press secretary,"
    assert match.quote.speaker is not None and match.quote.speaker.name == "Brian Fallon"


def test_source_keeps_party_and_state(rules: list[QuoteMatch]) -> None:
    assert _source(_find(rules, "vote would be close")) == "Sen. Jane Doe (D-Ore.)"


# ------------------------------------------------------------------------------------------------
# Transcripts


def test_transcript_turns_name_their_speakers() -> None:
    text = "\n\n".join(
        [
            "Reporter Tom Hale spoke to Governor Ruth Carver on Sunday.",
            "CORRECTION: An earlier version misspelled a name.",
            '"HALE: Will the bridge open in May?',
            '"CARVER: It will. We checked every cable.',
            '"And the ferries keep running until then."',
        ]
    )
    entities = [
        Entity("E1", "Tom Hale", "PERSON", [(9, 17)]),
        Entity("E2", "Ruth Carver", "PERSON", [(37, 48)]),
    ]
    turns = transcript_candidates(text, entities)
    assert [[text[s:e] for s, e in turn.spans] for turn in turns] == [
        ["Will the bridge open in May?"],
        ["It will. We checked every cable.", "And the ferries keep running until then."],
    ]
    matches = find_quotes(text, parse(text), entities)
    speakers = {m.quote.speaker.name for m in matches if m.quote.speaker and m.quote.cue_start}
    assert {"Tom Hale", "Ruth Carver"} <= speakers
    assert not [m for m in matches if "misspelled" in m.quote.text]


# ------------------------------------------------------------------------------------------------
# Cues the parse hides

HIDDEN = "\n\n".join(
    [
        "Dean then appeared on television and began by saying he would never diagnose anyone.",
        "Senator Vance praised the harbor plan, which includes a new pier, during a visit to the port.",
        "Mayor Anna Hall asked the crowd to welcome the new governor.",
        "In a meeting with editors Trump said that involvement in the alliance may need to be reduced.",
        "Officials said the plan -- a new toll on the bridge -- would start in May.",
        "Reed said he would also consider Rep. Don Beyer (D-Va.).",
        "The union called for higher wages in a statement on Thursday.",
        "Johnson tells MSNBC’s “Morning Joe” on Friday that he will run again.",
        'Paul Reed bought a restaurant in the old town, a "philanthropub" that closed in March.',
        "Regional officials find themselves in a difficult position after the vote.",
        "Mayor Anna Hall encouraged residents to check the new flood maps.",
        "Mayor Anna Hall called Paul Reed on Friday to thank him for his work.",
    ]
)


@pytest.fixture(scope="module")
def hidden() -> list[QuoteMatch]:
    sdoc = parse(HIDDEN)
    return find_quotes(HIDDEN, sdoc, cluster_entities(sdoc))


def test_call_for_leaves_out_the_occasion_and_a_phone_call_is_no_quote(hidden: list[QuoteMatch]) -> None:
    match = next(m for m in hidden if "higher wages" in m.quote.text)
    assert match.quote.text == "higher wages"
    assert not [m for m in hidden if "Paul Reed on Friday" in m.quote.text or "thank him" in m.quote.text]


def test_quoted_word_after_a_verb_that_says_nothing_is_no_quote(hidden: list[QuoteMatch]) -> None:
    assert not [m for m in hidden if "philanthropub" in m.quote.text]
    assert not [m for m in hidden if "themselves" in m.quote.text]  # a reflexive object is no content


def test_quoted_name_of_whom_someone_told_is_no_quote(hidden: list[QuoteMatch]) -> None:
    assert not [m for m in hidden if "Morning Joe" in m.quote.text]
    match = next(m for m in hidden if "run again" in m.quote.text)
    assert match.quote.text == "that he will run again"


def test_dash_aside_is_left_out_of_the_clause(hidden: list[QuoteMatch]) -> None:
    match = next(m for m in hidden if "would start in May" in m.quote.text)
    assert [HIDDEN[s:e] for s, e in match.quote.spans] == ["the plan", "would start in May"]


def test_closing_bracket_stays_with_the_clause(hidden: list[QuoteMatch]) -> None:
    match = next(m for m in hidden if "Don Beyer" in m.quote.text)
    assert match.quote.text == "he would also consider Rep. Don Beyer (D-Va.)"


@pytest.mark.parametrize(
    ("cue", "content", "source"),
    [
        # "by saying": the subject is the governing verb's, through the preposition
        ("saying", "he would never diagnose anyone", "Dean"),
        # an object's content stops before a comma-led relative clause and the occasion
        ("praised", "the harbor plan", "Senator Vance"),
        # who is asked to do something is part of the request
        ("asked", "the crowd to welcome the new governor", "Mayor Anna Hall"),
        ("encouraged", "residents to check the new flood maps", "Mayor Anna Hall"),
        ("said", "that involvement in the alliance may need to be reduced", "Trump"),
    ],
)
def test_cues_the_parse_hides(hidden: list[QuoteMatch], cue: str, content: str, source: str) -> None:
    found = [m for m in hidden if m.quote.cue_start is not None and HIDDEN[m.quote.cue_start : m.quote.cue_end] == cue]
    assert found, [m.quote.text for m in hidden]
    match = found[0]
    assert match.quote.text == content
    assert match.source is not None and HIDDEN[match.source[0] : match.source[1]] == source


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        # the parse also hangs a subject from inside the quote on "said": the one outside it speaks
        (
            '"If it cannot threaten its neighbors yet, it will at some point, probably sooner rather than later,"'
            " said James Acton, a physicist at the institute.",
            "said",
            "James Acton, a physicist at the institute",
        ),
        # "as X put it" introduces a quote
        (
            'As Steven Rosenthal, a tax lawyer, recently put it, "Did he lower his taxes through avoidance?"',
            "put",
            "Steven Rosenthal, a tax lawyer,",
        ),
    ],
)
def test_direct_quote_speaker_as_written(text: str, cue: str, source: str) -> None:
    sdoc = parse(text)
    [match] = [m for m in find_quotes(text, sdoc, cluster_entities(sdoc)) if m.quote.kind == "direct"]
    assert match.quote.cue_start is not None and text[match.quote.cue_start : match.quote.cue_end] == cue
    assert match.source is not None and text[match.source[0] : match.source[1]] == source


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        ("Poll: Clinton leads in Ohio.\n\nThe poll came out Monday.", "Clinton leads in Ohio", "Poll"),
        (
            "Rush Limbaugh: The Debate Was Rigged.\n\nThe host spoke on Monday.",
            "The Debate Was Rigged",
            "Rush Limbaugh",
        ),
        ("CORRECTION: An earlier version misspelled a name.\n\nThe story.", None, None),
    ],
)
def test_headline_with_a_speaker_label(text: str, content: str | None, source: str | None) -> None:
    sdoc = parse(text)
    matches = find_quotes(text, sdoc, cluster_entities(sdoc), headline=True)
    found = [m for m in matches if m.quote.start < text.find("\n")]
    if content is None:
        assert found == []
        return
    [match] = found
    assert match.quote.text == content
    assert match.source is not None and text[match.source[0] : match.source[1]] == source

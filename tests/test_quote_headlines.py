"""Attributions in headlines and subheads (``enrich/quote_headlines.py``), each checked on a short
article written for these tests: a headline line, a blank line, a body."""

from __future__ import annotations

from dateline.enrich.quotes.headlines import case_for_parsing, headline_clauses, headline_statements, is_speaker_label
from tests import quote_helpers
from tests.quote_helpers import QuoteMatch, pieces, source_of


# every text here is a headline above a body, as corpora print articles
def quotes_in(text: str) -> list[QuoteMatch]:
    return quote_helpers.quotes_in(text, headline=True)


def cued(text: str, cue: str, after: int = 0) -> list[QuoteMatch]:
    return quote_helpers.cued(text, cue, after, headline=True)


BODY = (
    "\n\nIngrid Lund, the mayor of Tromsø, spoke to reporters at the harbour on Tuesday. "
    "Lund has led the city since 2019."
)


def test_title_case_is_undone_for_words_the_body_writes_in_lower_case() -> None:
    line = "Haugen Slams Ferry Plan"
    body = "Sigrid Haugen said the ferry plan would fail. Haugen spoke on Monday."
    cased = case_for_parsing(line, body)
    assert cased == "Haugen slams ferry plan"
    assert len(cased) == len(line)


def test_sentence_case_headline_is_left_alone() -> None:
    line = "Haugen slams Ferry plan"
    assert case_for_parsing(line, "the ferry plan") == line


def test_clauses_split_at_sentences_and_dashes_but_not_abbreviations() -> None:
    line = "Lund Backs U.S. Deal – Critics Are Not So Sure. More Soon."
    assert [line[s:e] for s, e in headline_clauses(line)] == [
        "Lund Backs U.S. Deal",
        "Critics Are Not So Sure",
        "More Soon",
    ]


def test_title_case_headline_verb_takes_the_rest_of_the_headline() -> None:
    text = "Ingrid Lund Slams City Council Over Ferry Fares" + BODY
    found = cued(text, "Slams")
    assert len(found) == 1
    assert pieces(text, found[0]) == ["City Council Over Ferry Fares"]
    assert source_of(text, found[0]) == "Ingrid Lund"


def test_headline_says_keeps_the_quote_marks_inside_its_clause() -> None:
    text = "Ingrid Lund Says Ferry Fares Are ‘Simply Too High’" + BODY
    found = cued(text, "Says")
    assert len(found) == 1
    assert pieces(text, found[0]) == ["Ferry Fares Are ‘Simply Too High’"]


def test_a_verb_of_deeds_is_no_attribution() -> None:
    text = "Ingrid Lund Opens New Ferry Terminal In Tromsø" + BODY
    assert not any(m.quote.start < 50 for m in quotes_in(text))


def test_setting_after_the_object_is_cut() -> None:
    text = "Lund endorses Berg with a warm speech" + BODY
    found = cued(text, "endorses")
    assert [pieces(text, m) for m in found] == [["Berg"]]


def test_adjunct_clause_is_cut() -> None:
    text = "Lund blasts city council after ferry crash" + BODY
    assert [pieces(text, m) for m in cued(text, "blasts")] == [["city council"]]


def test_two_joined_verbs_are_two_statements() -> None:
    text = "Lund praises Berg, slams harbour board" + BODY
    assert [pieces(text, m) for m in cued(text, "praises")] == [["Berg"]]
    assert [pieces(text, m) for m in cued(text, "slams")] == [["harbour board"]]


def test_listener_of_telling_is_not_what_was_said() -> None:
    text = "Lund tells voters the ferry will sail again in May" + BODY
    found = cued(text, "tells")
    assert len(found) == 1
    assert pieces(text, found[0])[0].startswith("the ferry will sail")


def test_fronted_phrase_before_the_subject() -> None:
    text = "Standing by the pier, Lund vows to rebuild the ferry terminal" + BODY
    assert [pieces(text, m) for m in cued(text, "vows")] == [["to rebuild the ferry terminal"]]


def test_a_headline_is_no_part_of_a_body_statement() -> None:
    text = "Lund vows to rebuild the terminal" + BODY
    for match in quotes_in(text):
        if match.quote.cue_start is not None and match.quote.cue_start > 40:
            assert match.quote.start > 40


def test_speaker_label_before_a_colon() -> None:
    assert is_speaker_label("Lund")
    assert is_speaker_label("Insiders")
    assert not is_speaker_label("BREAKING")
    assert not is_speaker_label("The Latest")
    assert not is_speaker_label("a long phrase that is no label")


def test_colon_headline_with_a_scare_quote_inside() -> None:
    text = "Lund: Harbour Board ‘Asleep’ On Ferry Safety" + BODY
    found = cued(text, ":")
    assert len(found) == 1
    assert pieces(text, found[0]) == ["Harbour Board ‘Asleep’ On Ferry Safety"]
    assert source_of(text, found[0]) == "Lund"


def test_colon_headline_quote_is_reported_once() -> None:
    text = "Lund: 'We will sail again.'" + BODY
    headline = [m for m in quotes_in(text) if m.quote.start < 30]
    assert len(headline) == 1


def test_subhead_under_the_headline() -> None:
    text = "Ferry service to resume in May;\nHarbour workers criticize plan that would cut night crossings." + BODY
    found = cued(text, "criticize")
    assert [pieces(text, m) for m in found] == [["plan that would cut night crossings"]]


def test_statement_before_its_speaker() -> None:
    text = "The ferry will sail again in May, eventually, harbour master says" + BODY
    found = cued(text, "says")
    assert [pieces(text, m) for m in found] == [["The ferry will sail again in May, eventually"]]
    assert source_of(text, found[0]) == "harbour master"


def test_finding_before_its_source_keeps_a_comma_inside_the_quote() -> None:
    text = "Lund Is A ‘Fine Mayor,’ Council Panel Finds" + BODY
    assert [pieces(text, m) for m in cued(text, "Finds")] == [["Lund Is A ‘Fine Mayor,’"]]


def test_finding_verb_before_its_object_is_a_deed() -> None:
    line = "Ferry workers find a new home in Tromsø"
    assert not headline_statements(line + BODY, 0, len(line))


def test_what_a_headline_says_stops_at_the_headline() -> None:
    text = "Ferry workers find a new home in Tromsø" + BODY
    assert all(m.quote.end <= 40 for m in quotes_in(text) if (m.quote.cue_start or 99) < 40)


def test_body_lead_is_no_headline() -> None:
    text = (
        "Ingrid Lund slams the harbour board over ferry fares that rose by a third this winter, "
        "leaving island families with few ways to reach the mainland hospital.\n\nShe spoke on Tuesday."
    )
    assert all(pieces(text, m) != ["the harbour board over ferry fares"] for m in quotes_in(text))


def test_relative_clause_after_a_comma_is_no_speaker_after_the_words() -> None:
    text = "Lund endorses Berg, who says he is honored" + BODY
    assert [pieces(text, m) for m in cued(text, "endorses")] == [["Berg"]]
    assert all(pieces(text, m) != ["Lund endorses Berg"] for m in cued(text, "says"))


def test_second_verb_after_and_in_title_case() -> None:
    text = "Ingrid Lund Backs Berg And Denounces City Council" + BODY
    assert [pieces(text, m) for m in cued(text, "Backs")] == [["Berg"]]
    assert [pieces(text, m) for m in cued(text, "Denounces")] == [["City Council"]]


def test_colon_quote_after_a_headline_verb_stays_the_colon_statement() -> None:
    text = "Ingrid Lund Slams City Council: ‘You Should Resign Today.’" + BODY
    assert not cued(text, "Slams")
    assert len(cued(text, ":")) == 1


def test_pressure_with_an_infinitive_keeps_the_one_pressed() -> None:
    text = "Fishermen pressure the mayor to reopen the ferry terminal" + BODY
    assert [pieces(text, m) for m in cued(text, "pressure")] == [["the mayor to reopen the ferry terminal"]]


def test_an_article_reads_its_first_paragraph_as_a_headline_only_when_it_is_its_title() -> None:
    from dateline.enrich import enrich
    from dateline.record import Article

    lead = "“We will not reopen the quay before spring,” Berg said.\n\nThe harbour board met on Monday."
    # the text of an article does not hold its title: a short first paragraph is its lead, a direct quote
    article = enrich(Article(origin="t", title="Quay stays shut", text=lead), ["entities", "quotes"])
    assert [(q.kind, article.text[q.start : q.end]) for q in article.quotes] == [
        ("direct", "We will not reopen the quay before spring,")
    ]
    # a dump that kept its headline above the body: the first paragraph is read as a headline
    titled = "Harbour Board Says Quay Stays Shut Until Spring\n\nThe harbour board met on Monday."
    article = enrich(
        Article(origin="t", title="Harbour Board Says Quay Stays Shut Until Spring", text=titled),
        ["entities", "quotes"],
    )
    assert [article.text[q.start : q.end] for q in article.quotes] == ["Quay Stays Shut Until Spring"]

"""Pronoun speakers: gender from first names of many languages, untagged people, unresolved pronouns.

Every text here is written for these tests; the people are invented.
"""

from __future__ import annotations

from dateline.enrich.entities import cluster_entities
from dateline.enrich.nlp import parse
from dateline.enrich.quotes import QuoteMatch, find_quotes


def _speaker_of(text: str, words: str) -> str | None:
    sdoc = parse(text)
    found: list[QuoteMatch] = find_quotes(text, sdoc, cluster_entities(sdoc))
    match = next(m for m in found if any(words in text[s:e] for s, e in m.quote.spans))
    return match.quote.speaker.name if match.quote.speaker else None


def test_she_goes_to_the_woman_whatever_language_her_first_name_is() -> None:
    text = (
        "Finance Minister Petra Kolar and her deputy, Ivan Marek, presented the budget in parliament.\n\n"
        "Opposition leader Dusan Hruby called the plan reckless.\n\n"
        '"Nobody will pay more tax on wages next year," she said.'
    )
    assert _speaker_of(text, "Nobody will pay") == "Petra Kolar"


def test_he_passes_over_a_woman_mentioned_in_between() -> None:
    text = (
        "Chief executive Oskar Berg announced the closure of the plant in Tampere.\n\n"
        "The plant employs 400 people, among them engineer Sofia Laine, who has worked there for twenty years.\n\n"
        "He said the company would offer every employee a job at its other sites."
    )
    assert _speaker_of(text, "offer every employee") == "Oskar Berg"


def test_a_person_the_tagger_missed_can_still_be_she() -> None:
    text = (
        "Harbour director Tomas Lindqvist met Mayor Agnes Brandt on Monday to discuss the new ferry pier.\n\n"
        '"The pier will be ready before the summer season," he said after the meeting.\n\n'
        "She told reporters that the city would pay for the access road."
    )
    assert _speaker_of(text, "pier will be ready") == "Tomas Lindqvist"
    assert _speaker_of(text, "city would pay") == "Agnes Brandt"


def test_a_pronoun_tied_to_nobody_leaves_the_speaker_unknown() -> None:
    text = "They said the port's offer did not cover the rise in rents."
    sdoc = parse(text)
    found = find_quotes(text, sdoc, cluster_entities(sdoc))
    assert len(found) == 1
    quote = found[0].quote
    assert quote.speaker is None and quote.cue_start is not None
    assert found[0].source is not None and text[found[0].source[0] : found[0].source[1]] == "They"

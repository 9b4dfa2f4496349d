"""Quote finding and speaker resolution, one test per rule, on sentences written for these tests."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.enrich import enrich
from dateline.enrich.entities import cluster_entities
from dateline.enrich.nlp import parse, parse_many
from dateline.enrich.quotes import QuoteMatch, find_quotes
from dateline.enrich.quotes.marks import quote_pieces
from dateline.record import Article, Entity

# An article in the shape of a wire story: indirect speech, a naming verb, a colon quote, a pronoun cue,
# a surname cue, an apposition with a title and a pronoun in the last paragraph.
STORY = "\n\n".join(
    [
        "The ministry on Monday rejected reports that its new port project had stalled, a day after regional "
        "officials said they would close two coastal roads.",
        'The port is part of what Prime Minister Anna Berglund has called a "green corridor."',
        "On Sunday, authorities in northern Norland's Vesta province announced that access to 12 fishing "
        "villages would be restricted because of storm damage.",
        "Asked whether the delay meant the project had failed, ministry spokesman Martin Lindqvist said: "
        '"No, it doesn\'t."',
        '"The work is ongoing, and it will continue until it is finished," he told reporters.',
        '"But while the roads are closed, supplies will come by sea," Lindqvist added.',
        "Vesta Governor Maria Holm said Sunday that more than 300 homes had been damaged in the province.",
        "She said repairs would start next week.",
    ]
)

# One rule per paragraph (the paragraphs are independent unless a test says otherwise).
RULES = "\n\n".join(
    [
        "Engineer Paul Reed inspected the bridge on Friday.",
        '"The bridge is safe," he said, "and it will reopen on Friday."',
        '"We checked every cable twice."',
        "Jane Porter, the city's mayor, said: \"The first part of my answer is this.",
        '"And the second part comes here."',
        "From Governor Ellen Marsh: “We are ready for the storm.”",
        "“Nobody expected this.” — Commissioner Frank Olsen",
        'Reed said the plan was "a total disaster" for the town.',
        "The company warned that prices would rise.",
        "According to the agency, the storm killed five people.",
        "Paul Reed said in a statement that the factory would close.",
        "It was announced by the city council that the bridge would reopen.",
        "Porter told reporters the bridge was safe.",
        "The bridge, Reed said, is safe.",
        "Martin Lindqvist, the ministry spokesman, said the port would open in May.",
        "The spokesman said the ships were ready.",
        "The Kremlin said on Friday that talks would continue.",
        "‘We’re ready,’ said Reed. «We will see», said Olsen. 'It's over,' Porter said.",
        'Paul Reed blasted the council for its "reckless spending."',
        "The port authority said the cranes would not cost jobs and urged the workers to return.",
    ]
)

# Pronoun agreement: Robin is no known first name, so "She" teaches the article Robin Vale's gender and
# the later "He" skips her although she was named last.
PRONOUNS = "\n\n".join(
    [
        "Peter Hall opened the hearing, and Robin Vale spoke after him.",
        "She said the budget was too small.",
        "Regional officials said the roads would close.",
        "They said the closure would last a week.",
        "Vale said the vote would come in June.",
        "He said he would vote against it.",
        "Officials dismissed Martin Lindqvist's claim that the offensive was on schedule.",
    ]
)

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_7cf8419b6963604b.txt"


def _analyse(text: str) -> tuple[list[QuoteMatch], list[Entity]]:
    sdoc = parse(text)
    entities = cluster_entities(sdoc)
    return find_quotes(text, sdoc, entities), entities


@pytest.fixture(scope="module")
def story() -> tuple[list[QuoteMatch], list[Entity]]:
    return _analyse(STORY)


@pytest.fixture(scope="module")
def rules() -> tuple[list[QuoteMatch], list[Entity]]:
    return _analyse(RULES)


@pytest.fixture(scope="module")
def pronouns() -> tuple[list[QuoteMatch], list[Entity]]:
    return _analyse(PRONOUNS)


def _find(matches: list[QuoteMatch], text: str, fragment: str) -> QuoteMatch:
    found = [m for m in matches if fragment in text[m.quote.start : m.quote.end]]
    assert found, f"no quote containing {fragment!r}: {[m.quote.text for m in matches]}"
    return found[0]


def _speaker(match: QuoteMatch) -> str | None:
    return match.quote.speaker.name if match.quote.speaker else None


def _cue(match: QuoteMatch, text: str) -> str | None:
    quote = match.quote
    return text[quote.cue_start : quote.cue_end] if quote.cue_start is not None else None


# ------------------------------------------------------------------------------------------------
# Quote marks


def _pieces(text: str) -> list[str]:
    return [" | ".join(text[s:e] for s, e in group) for group in quote_pieces(text)]


def test_apostrophes_and_possessives_are_not_marks() -> None:
    text = "The voters' mood was grim and the mayor doesn't care, said Paul Reed. It’s the farmers’ turn."
    assert _pieces(text) == []


def test_typed_mark_pairs() -> None:
    assert _pieces('He said "yes" twice.') == ["yes"]
    assert _pieces("He said “yes” twice.") == ["yes"]
    assert _pieces("‘We’re ready,’ she said.") == ["We’re ready,"]
    assert _pieces("«Nous verrons», a-t-il dit.") == ["Nous verrons"]
    assert _pieces("'It's over,' he said.") == ["It's over,"]


def test_nested_quote_stays_inside_the_outer_one() -> None:
    assert _pieces("“He told me ‘never again’ and left,” she said.") == ["He told me ‘never again’ and left,"]


def test_quote_continued_in_the_next_paragraph_is_one_quote() -> None:
    text = '"First part.\n\n"Second part."'
    assert _pieces(text) == ["First part. | Second part."]


def test_closing_mark_typed_as_opener() -> None:
    assert _pieces("”Nobody saw it coming,” she said.") == ["Nobody saw it coming,"]


# ------------------------------------------------------------------------------------------------
# Direct quotes


def test_cue_before_with_colon_and_stop_word_quote(story: tuple[list[QuoteMatch], list[Entity]]) -> None:
    match = _find(story[0], STORY, "No, it doesn't.")
    assert match.quote.text == "No, it doesn't."
    assert match.quote.kind == "direct"
    assert _cue(match, STORY) == "said"
    assert _speaker(match) == "Martin Lindqvist"


def test_cue_after_with_pronoun(story: tuple[list[QuoteMatch], list[Entity]]) -> None:
    match = _find(story[0], STORY, "The work is ongoing")
    assert _cue(match, STORY) == "told"
    speaker = match.quote.speaker
    assert speaker is not None and speaker.name == "Martin Lindqvist"
    # the speaker mention is the earlier full name, the local source is the pronoun
    assert speaker.start is not None and STORY[speaker.start : speaker.end] == "Martin Lindqvist"
    assert match.source is not None and STORY[match.source[0] : match.source[1]] == "he"


def test_cue_after_with_surname(story: tuple[list[QuoteMatch], list[Entity]]) -> None:
    match = _find(story[0], STORY, "supplies will come by sea")
    assert (_cue(match, STORY), _speaker(match)) == ("added", "Martin Lindqvist")


def test_cue_in_the_middle_gives_one_quote_with_two_spans(rules: tuple[list[QuoteMatch], list[Entity]]) -> None:
    match = _find(rules[0], RULES, "The bridge is safe")
    # the third piece is the next paragraph, a quote with no cue (see below)
    assert [RULES[s:e] for s, e in match.quote.spans][:2] == ["The bridge is safe,", "and it will reopen on Friday."]
    assert _speaker(match) == "Paul Reed"


def test_quote_paragraph_without_cue_goes_on_the_previous_statement(
    rules: tuple[list[QuoteMatch], list[Entity]],
) -> None:
    match = _find(rules[0], RULES, "We checked every cable twice.")
    assert RULES[slice(*match.quote.spans[-1])] == "We checked every cable twice."
    assert RULES[slice(*match.quote.spans[0])] == "The bridge is safe,"
    assert _speaker(match) == "Paul Reed"


def test_quote_paragraph_that_says_more_inherits_the_previous_speaker() -> None:
    text = '"The bridge is safe," Paul Reed said.\n\n"We checked every cable twice." The inspection took a week.'
    sdoc = parse(text)
    match = next(m for m in find_quotes(text, sdoc, cluster_entities(sdoc)) if "cable" in m.quote.text)
    assert match.quote.cue_start is None
    assert match.quote.speaker is not None and match.quote.speaker.name == "Paul Reed"


def test_multi_paragraph_quote(rules: tuple[list[QuoteMatch], list[Entity]]) -> None:
    match = _find(rules[0], RULES, "The first part of my answer")
    assert len(match.quote.spans) == 2
    assert RULES[slice(*match.quote.spans[1])] == "And the second part comes here."
    assert _speaker(match) == "Jane Porter"


def test_colon_without_verb(rules: tuple[list[QuoteMatch], list[Entity]]) -> None:
    match = _find(rules[0], RULES, "We are ready for the storm.")
    assert (_cue(match, RULES), _speaker(match)) == (":", "Ellen Marsh")


def test_dash_attribution(rules: tuple[list[QuoteMatch], list[Entity]]) -> None:
    match = _find(rules[0], RULES, "Nobody expected this.")
    assert (_cue(match, RULES), _speaker(match)) == ("—", "Frank Olsen")


def test_single_straight_and_guillemet_quotes(rules: tuple[list[QuoteMatch], list[Entity]]) -> None:
    assert _speaker(_find(rules[0], RULES, "We’re ready,")) == "Paul Reed"
    assert _speaker(_find(rules[0], RULES, "We will see")) == "Frank Olsen"
    assert _speaker(_find(rules[0], RULES, "It's over,")) == "Jane Porter"


# ------------------------------------------------------------------------------------------------
# Mixed and indirect quotes


def test_naming_verb_makes_a_mixed_quote(story: tuple[list[QuoteMatch], list[Entity]]) -> None:
    match = _find(story[0], STORY, "green corridor")
    assert match.quote.kind == "mixed"
    assert match.quote.text == "green corridor"
    assert (_cue(match, STORY), _speaker(match)) == ("called", "Anna Berglund")


def test_quoted_fragment_in_reported_speech_is_mixed(rules: tuple[list[QuoteMatch], list[Entity]]) -> None:
    match = _find(rules[0], RULES, "a total disaster")
    assert match.quote.kind == "mixed"
    assert match.quote.text == 'the plan was "a total disaster" for the town'
    assert _speaker(match) == "Paul Reed"


def test_quoted_fragment_after_an_evaluating_verb_is_mixed(rules: tuple[list[QuoteMatch], list[Entity]]) -> None:
    match = _find(rules[0], RULES, "reckless spending")
    assert match.quote.kind == "mixed"
    assert match.quote.text == 'the council for its "reckless spending."'
    assert (_cue(match, RULES), _speaker(match)) == ("blasted", "Paul Reed")


@pytest.mark.parametrize(
    ("fragment", "content", "cue", "speaker"),
    [
        ("prices would rise", "that prices would rise", "warned", "The company"),
        ("killed five people", "the storm killed five people", "According to", "the agency"),
        ("factory would close", "that the factory would close", "said", "Paul Reed"),
        ("bridge would reopen", "that the bridge would reopen", "announced", "city council"),
        ("the bridge was safe", "the bridge was safe", "told", "Jane Porter"),
    ],
)
def test_indirect_speech(
    rules: tuple[list[QuoteMatch], list[Entity]], fragment: str, content: str, cue: str, speaker: str
) -> None:
    match = _find(rules[0], RULES, fragment)
    assert match.quote.kind == "indirect"
    assert (match.quote.text, _cue(match, RULES), _speaker(match)) == (content, cue, speaker)


def test_interrupting_cue_splits_indirect_content(rules: tuple[list[QuoteMatch], list[Entity]]) -> None:
    match = _find(rules[0], RULES, "The bridge, Reed said, is safe")
    assert [RULES[s:e] for s, e in match.quote.spans] == ["The bridge", "is safe"]
    assert _speaker(match) == "Paul Reed"


def test_said_tuesday_that(story: tuple[list[QuoteMatch], list[Entity]]) -> None:
    match = _find(story[0], STORY, "300 homes")
    assert match.quote.text.startswith("that more than 300 homes")
    assert _speaker(match) == "Maria Holm"


# ------------------------------------------------------------------------------------------------
# Speakers


def test_groups_are_group_speakers(story: tuple[list[QuoteMatch], list[Entity]]) -> None:
    matches, entities = story
    officials = _find(matches, STORY, "close two coastal roads").quote.speaker
    authorities = _find(matches, STORY, "fishing villages").quote.speaker
    assert officials is not None and officials.name == "regional officials"
    assert authorities is not None and authorities.name == "authorities in northern Norland's Vesta province"
    by_id = {entity.id: entity for entity in entities}
    assert officials.entity is not None and by_id[officials.entity].type == "GROUP"
    assert authorities.entity is not None and by_id[authorities.entity].type == "GROUP"


def test_institution_is_an_org_speaker(rules: tuple[list[QuoteMatch], list[Entity]]) -> None:
    speaker = _find(rules[0], RULES, "talks would continue").quote.speaker
    by_id = {entity.id: entity for entity in rules[1]}
    assert speaker is not None and speaker.entity is not None
    assert (speaker.name, by_id[speaker.entity].type) == ("Kremlin", "ORG")


def test_unnamed_institution_is_an_org_speaker(rules: tuple[list[QuoteMatch], list[Entity]]) -> None:
    speaker = _find(rules[0], RULES, "cranes would not cost jobs").quote.speaker
    by_id = {entity.id: entity for entity in rules[1]}
    assert speaker is not None and speaker.entity is not None
    assert (speaker.name, by_id[speaker.entity].type) == ("The port authority", "ORG")


def test_second_coordinated_cue_keeps_the_first_cue_speaker(rules: tuple[list[QuoteMatch], list[Entity]]) -> None:
    said = _find(rules[0], RULES, "cranes would not cost jobs")
    urged = _find(rules[0], RULES, "to return")
    assert said.quote.text == "the cranes would not cost jobs"
    assert (_cue(urged, RULES), _speaker(urged)) == ("urged", "The port authority")


def test_title_before_the_name_is_not_the_name(story: tuple[list[QuoteMatch], list[Entity]]) -> None:
    match = _find(story[0], STORY, "300 homes")
    assert match.source is not None and STORY[slice(*match.source)] == "Vesta Governor Maria Holm"
    assert _speaker(match) == "Maria Holm"


def test_pronoun_agrees_in_gender(story: tuple[list[QuoteMatch], list[Entity]]) -> None:
    # "She" skips the nearer-by-name men and goes to Maria Holm
    match = _find(story[0], STORY, "repairs would start")
    assert _speaker(match) == "Maria Holm"


def test_pronoun_of_unknown_gender_person_and_learned_gender(
    pronouns: tuple[list[QuoteMatch], list[Entity]],
) -> None:
    matches, entities = pronouns
    assert _speaker(_find(matches, PRONOUNS, "budget was too small")) == "Robin Vale"
    assert _speaker(_find(matches, PRONOUNS, "he would vote against it")) == "Peter Hall"
    vale = next(e for e in entities if e.name == "Robin Vale")
    assert "She" in [PRONOUNS[s:e] for s, e in vale.mentions]


def test_they_goes_to_the_last_group_speaker(pronouns: tuple[list[QuoteMatch], list[Entity]]) -> None:
    first = _find(pronouns[0], PRONOUNS, "roads would close").quote.speaker
    second = _find(pronouns[0], PRONOUNS, "closure would last").quote.speaker
    assert first is not None and second is not None
    assert (second.name, second.entity) == ("Regional officials", first.entity)


def test_cue_noun_with_possessor(pronouns: tuple[list[QuoteMatch], list[Entity]]) -> None:
    found = [m for m in pronouns[0] if _cue(m, PRONOUNS) == "claim"]
    assert found, [m.quote.text for m in pronouns[0]]
    assert found[0].quote.text == "that the offensive was on schedule"
    assert _speaker(found[0]) == "Martin Lindqvist"


def test_stance_verb_with_object_content(pronouns: tuple[list[QuoteMatch], list[Entity]]) -> None:
    # "Officials dismissed X's claim": the dismissal is the officials' position, its object the content
    match = next(m for m in pronouns[0] if _cue(m, PRONOUNS) == "dismissed")
    assert match.quote.text == "Martin Lindqvist's claim that the offensive was on schedule"
    assert _speaker(match) == "Officials"


def test_role_noun_goes_to_the_person_holding_the_role(rules: tuple[list[QuoteMatch], list[Entity]]) -> None:
    assert _speaker(_find(rules[0], RULES, "ships were ready")) == "Martin Lindqvist"


def test_speaker_links_to_one_entity_with_the_canonical_name(story: tuple[list[QuoteMatch], list[Entity]]) -> None:
    matches, entities = story
    peskov_like = {
        m.quote.speaker.entity for m in matches if m.quote.speaker and m.quote.speaker.name == "Martin Lindqvist"
    }
    assert len(peskov_like) == 1
    entity = next(e for e in entities if e.id in peskov_like)
    assert entity.name == "Martin Lindqvist"
    # the resolved pronoun became one of the entity's mentions
    assert "he" in [STORY[s:e] for s, e in entity.mentions]


def test_component_fills_the_article() -> None:
    article = enrich(Article(origin="test", text=STORY), ["entities", "quotes"])
    assert len(article.quotes) >= 8
    ids = {entity.id for entity in article.entities}
    assert all(q.speaker is None or q.speaker.entity is None or q.speaker.entity in ids for q in article.quotes)


# ------------------------------------------------------------------------------------------------
# The seed, when it is there


def _seed_body(raw: str) -> str:
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", raw) if p.strip()]
    skip = ("http", "Related article:", "Original url:")
    return "\n\n".join(p for p in paragraphs[1:] if not p.startswith(skip) and " " in p)


@pytest.mark.skipif(not SEED.exists(), reason="seed article not present")
def test_seed_quotes() -> None:
    text = _seed_body(SEED.read_text(encoding="utf-8"))
    matches, _ = _analyse(text)
    by_speaker: dict[str | None, list[QuoteMatch]] = {}
    for match in matches:
        by_speaker.setdefault(_speaker(match), []).append(match)
    peskov = [m for m in by_speaker.get("Dmitry Peskov", []) if m.quote.kind == "direct"]
    assert [m.quote.text[:20] for m in peskov] == ["No, it doesn't.", "This operation is on", "But while it has not"]
    assert peskov[1].source is not None and text[slice(*peskov[1].source)] == "he"
    assert len(by_speaker.get("Vyacheslav Gladkov", [])) == 2
    assert "Russian officials" in by_speaker
    assert any(name and "Belgorod" in name and "authorities" in name for name in by_speaker)
    putin = by_speaker.get("Vladimir Putin", [])
    assert [(m.quote.kind, m.quote.text) for m in putin] == [("mixed", "security zone")]


# ------------------------------------------------------------------------------------------------
# Robustness


TEXT_PIECES = st.sampled_from(
    ['"', "“", "”", "‘", "’", "'", "«", "»", "—", ":", ",", ".", " ", "\n\n", "he said", "said", "Reed",
     "Anna Berglund", "that", "it", "doesn't", "voters'", "according to", "the officials", "told reporters"]
)  # fmt: skip


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TEXT_PIECES, max_size=30).map(" ".join))
def test_never_raises_and_offsets_are_inside(text: str) -> None:
    matches, _ = _analyse(text)
    for match in matches:
        quote = match.quote
        assert 0 <= quote.start <= quote.end <= len(text)
        assert quote.text == text[quote.start : quote.end]
        assert quote.spans and all(quote.start <= s <= e <= quote.end for s, e in quote.spans)
        if quote.cue_start is not None:
            assert quote.cue_end is not None and 0 <= quote.cue_start <= quote.cue_end <= len(text)
        speaker = quote.speaker
        if speaker is not None and speaker.start is not None:
            assert speaker.end is not None and 0 <= speaker.start <= speaker.end <= len(text)


def test_batch_parse_matches_single_parse() -> None:
    # the bench parses in batches; the finder must not depend on how the doc was made
    [sdoc] = parse_many([STORY])
    batch = find_quotes(STORY, sdoc, cluster_entities(sdoc))
    assert [m.quote.text for m in batch] == [m.quote.text for m in _analyse(STORY)[0]]

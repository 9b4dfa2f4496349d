"""Rules of the fifth quote pass: unsourced attributions ("is expected to", "was said to"),
each checked on a short text written for these tests."""

from __future__ import annotations

from tests.quote_helpers import cued, pieces, quotes_in


def test_expected_to_is_an_unsourced_attribution() -> None:
    text = "The harbour board is expected to approve the new ferry timetable on Friday."
    found = cued(text, "is expected")
    assert len(found) == 1
    assert pieces(text, found[0]) == ["The harbour board", "to approve the new ferry timetable on Friday"]
    assert found[0].quote.speaker is None and found[0].source is None


def test_said_to_with_a_predicate() -> None:
    text = "Several councillors were said to be furious with the mayor over the budget."
    found = cued(text, "were said")
    assert len(found) == 1
    assert pieces(text, found[0])[0] == "Several councillors"
    assert pieces(text, found[0])[1].startswith("to be furious with the mayor")


def test_an_impression_is_the_writers_not_an_attribution() -> None:
    assert not quotes_in("The plan did not seem popular with the fishermen of Tromsø.")
    assert not quotes_in("The new pier appears to have cost twice the estimate.")
    assert not quotes_in("The minister appeared on television on Sunday evening.")


def test_passive_with_an_agent_is_not_unsourced() -> None:
    text = "The storm was expected by forecasters to reach the coast overnight."
    assert all(m.quote.speaker is not None or m.source is not None for m in cued(text, "was expected"))


def test_expected_to_argue_is_her_own_statement() -> None:
    text = "Ms. Lund is expected to argue that the port needs a second berth."
    assert not cued(text, "is expected")


def test_expectation_inside_a_statement_is_reported_once() -> None:
    text = "Mr. Berg said the central bank is expected to raise rates in March."
    assert not cued(text, "is expected")
    assert cued(text, "said")


def test_they_goes_to_the_nearest_group_subject() -> None:
    text = (
        "Nurses at the county hospital walked out on Monday morning.\n\n"
        "They said the new rota left wards without cover at night."
    )
    found = cued(text, "said")
    assert len(found) == 1
    speaker = found[0].quote.speaker
    assert speaker is not None and "Nurses" in speaker.name


def test_they_without_a_group_stays_unresolved() -> None:
    text = "The river rose two metres overnight.\n\nThey said the bridge would stay closed until Friday."
    found = cued(text, "said")
    assert len(found) == 1
    assert found[0].quote.speaker is None


def test_possessive_pronoun_names_the_speaker_of_a_cue_noun() -> None:
    text = "Ida Holm stood by her claim that the tunnel was too costly."
    found = cued(text, "claim")
    assert len(found) == 1
    assert pieces(text, found[0]) == ["that the tunnel was too costly"]
    assert found[0].source is not None and text[found[0].source[0] : found[0].source[1]] == "her"
    assert found[0].quote.speaker is not None and found[0].quote.speaker.name == "Ida Holm"


def test_a_statement_deep_in_the_complement_is_no_appearance() -> None:
    text = "Older voters seemed more likely to say that the harbour tunnel was worth the money."
    assert not cued(text, "seemed")


def test_a_raising_verb_lends_its_subject_to_the_statement() -> None:
    text = "Ida Holm is expected to announce that the ferry will run through the winter."
    found = cued(text, "announce")
    assert len(found) == 1
    assert pieces(text, found[0]) == ["that the ferry will run through the winter"]
    assert found[0].source is not None and text[found[0].source[0] : found[0].source[1]] == "Ida Holm"
    deeper = "Older voters seemed more likely to say that the harbour tunnel was worth the money."
    said = cued(deeper, "say")
    assert len(said) == 1 and said[0].source is not None
    assert deeper[said[0].source[0] : said[0].source[1]] == "Older voters"


def test_an_object_control_verb_does_not_lend_its_subject() -> None:
    text = "The mayor urged residents to say whether the tunnel was worth the money."
    assert not cued(text, "say")

"""Attributions whose cue is no speech verb (``enrich/quote_stance.py``): each family in its frame, and
the same verbs outside it, checked on short texts written for these tests."""

from __future__ import annotations

from dateline.enrich.nlp import parse
from dateline.enrich.quotes.stance import stance_attribution
from dateline.enrich.quotes.syntax import _names_someone, _subject
from tests.quote_helpers import by_cue, cued, pieces, source_of


def test_cognition_with_a_that_clause_is_the_subjects_position() -> None:
    text = "Local leaders now recognize that the harbour tax has to rise."
    match = by_cue(text, "recognize")
    assert pieces(text, match) == ["that the harbour tax has to rise"]
    assert source_of(text, match) == "Local leaders"


def test_cognition_without_that_and_with_a_coordinated_subject() -> None:
    text = "Mr. Lund and his advisers realized long ago that the ferry vote would be close."
    match = by_cue(text, "realized")
    assert pieces(text, match) == ["that the ferry vote would be close"]
    assert source_of(text, match) == "Mr. Lund and his advisers"


def test_a_finding_is_a_cognition_too() -> None:
    text = "Investigators determined that the fire started in the kitchen."
    match = by_cue(text, "determined")
    assert pieces(text, match) == ["that the fire started in the kitchen"]
    assert source_of(text, match) == "Investigators"


def test_a_question_grasped_or_a_skill_learned_is_no_position() -> None:
    text = "She said she understood why people were angry."
    assert not cued(text, "understood")
    assert not cued("Ms. Ortega learned to live with the noise of the port.", "learned")


def test_a_passive_cognition_verb_ascribes_nothing_to_its_subject() -> None:
    assert not cued("Several nurses were recognized for their work at the hospital.", "recognized")


def test_agreement_with_an_object() -> None:
    text = "Ms. Ortega agreed with the governor on the budget."
    match = by_cue(text, "agreed")
    assert pieces(text, match) == ["the governor on the budget"]
    assert source_of(text, match) == "Ms. Ortega"


def test_agreement_with_a_clause_keeps_the_clause() -> None:
    text = "Smith agreed with her that the plan was flawed."
    assert pieces(text, by_cue(text, "agreed")) == ["that the plan was flawed"]


def test_made_it_clear_and_made_the_case() -> None:
    text = "The governor made it clear that she would veto the bill."
    match = by_cue(text, "made")
    assert pieces(text, match) == ["that she would veto the bill"]
    assert source_of(text, match) == "The governor"
    text = "They have made the case that the bridge is too costly."
    assert pieces(text, by_cue(text, "made")) == ["that the bridge is too costly"]


def test_make_outside_its_frame_or_without_a_person_says_nothing() -> None:
    assert not cued("The tax break was made permanent by the law.", "made")
    assert not cued("The storm made it clear that the levees were weak.", "made")


def test_pointing_to_something_as_something() -> None:
    text = "The mayor pointed to the falling crime rate as proof of success."
    match = by_cue(text, "pointed")
    assert pieces(text, match) == ["the falling crime rate as proof of success"]
    assert source_of(text, match) == "The mayor"


def test_pointing_out_an_object_but_not_a_pronoun() -> None:
    text = "Ms. Ortega pointed out the flaw in the budget."
    assert pieces(text, by_cue(text, "pointed")) == ["the flaw in the budget"]
    assert not cued("The mayor pointed it out twice.", "pointed")


def test_voicing_a_bare_attitude_names_what_it_is_about() -> None:
    text = "The minister expressed concern about the cost of the new rule."
    match = by_cue(text, "expressed")
    assert pieces(text, match) == ["the cost of the new rule"]
    assert source_of(text, match) == "The minister"


def test_voicing_a_determined_attitude_keeps_the_attitude() -> None:
    text = "Sembler expressed his dismay at the thought of a second term."
    assert pieces(text, by_cue(text, "expressed")) == ["his dismay at the thought of a second term"]


def test_light_verb_jabs_name_their_target() -> None:
    text = "The governor took aim at the billionaire class."
    assert pieces(text, by_cue(text, "took")) == ["the billionaire class"]
    text = "Sanders took issue with the prediction of falling wages."
    assert pieces(text, by_cue(text, "took")) == ["the prediction of falling wages"]
    assert not cued("The team took a long time to finish the game.", "took")


def test_the_frame_function_needs_someone_as_subject() -> None:
    doc = parse("The storm made it clear that the levees were weak. The senator made it clear that he would run.")
    storm, senator = (t for t in doc if t.lower_ == "made")
    assert stance_attribution(storm, _subject, _names_someone) is None
    found = stance_attribution(senator, _subject, _names_someone)
    assert found is not None and found[1].lower_ == "senator"

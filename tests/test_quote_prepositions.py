"""Attributions made by a preposition ("in the latest Harbour Gazette poll", "in Ms Lund's words") and
the "according to" boundaries of the same pass, each checked on a short text written for these tests."""

from __future__ import annotations

from tests.quote_helpers import cued, pieces, source_of


def test_a_poll_phrase_after_the_clause_attributes_it_to_the_poll() -> None:
    text = "The mayor was at 31 percent support in the latest Harbour Gazette poll."
    found = cued(text, "in")
    assert len(found) == 1
    assert pieces(text, found[0]) == ["The mayor was at 31 percent support"]
    assert source_of(text, found[0]) == "the latest Harbour Gazette poll"


def test_a_poll_phrase_opening_the_sentence_leaves_its_comma_out() -> None:
    text = "In a Coastal Herald poll last month, Ms Berg had a 12-point lead over the mayor."
    found = cued(text, "In")
    assert len(found) == 1
    assert pieces(text, found[0]) == ["Ms Berg had a 12-point lead over the mayor"]


def test_a_date_after_the_poll_dates_the_poll_not_the_claim() -> None:
    text = "Ms Berg led the mayor by nine points in a Coastal Herald poll last week."
    found = cued(text, "in")
    assert len(found) == 1
    assert pieces(text, found[0]) == ["Ms Berg led the mayor by nine points"]


def test_a_gloss_after_the_poll_is_left_out() -> None:
    text = "The mayor fell to 18 percent in the latest Harbour Gazette poll, a drop of eleven points."
    found = cued(text, "in")
    assert len(found) == 1
    assert pieces(text, found[0]) == ["The mayor fell to 18 percent"]


def test_standing_in_the_polls_at_large_is_the_writers_story() -> None:
    assert not cued("The mayor rose in the polls after the ferry strike ended.", "in")
    assert not cued("Ms Berg is ahead in national polls this spring.", "in")


def test_a_participle_or_a_concession_is_no_poll_finding() -> None:
    assert not cued("Fewer than half of the voters surveyed in a new poll back the harbour plan.", "in")
    assert not cued("Though she trails in the Harbour Gazette poll, Ms Berg is confident.", "in")


def test_words_of_someone_attribute_the_clause_to_them() -> None:
    text = "In Ms Lund's words, the ferry plan was the worst deal the town had ever signed."
    found = cued(text, "In")
    assert len(found) == 1
    assert source_of(text, found[0]) == "Ms Lund's words"
    assert pieces(text, found[0]) == ["the ferry plan was the worst deal the town had ever signed"]


def test_in_a_view_of_someone_is_not_reported() -> None:
    assert not cued("In his view, the harbour should never have been dredged.", "In")


def test_a_percent_sign_stays_with_its_number() -> None:
    text = "The mayor leads the field with just 22%, according to the Harbour Gazette."
    found = cued(text, "according to")
    assert len(found) == 1
    assert pieces(text, found[0]) == ["The mayor leads the field with just 22%"]


def test_a_concession_before_according_to_is_the_writers_frame() -> None:
    text = (
        "Though he has little chance of winning, Mr Aas has the best odds against the mayor, "
        "according to two recent polls."
    )
    found = cued(text, "according to")
    assert len(found) == 1
    assert pieces(text, found[0]) == ["Mr Aas has the best odds against the mayor"]


def test_a_speech_verb_keeps_its_own_attribution() -> None:
    text = "Most voters said in the Harbour Gazette poll that the ferry fares were too high."
    assert not cued(text, "in")
    assert cued(text, "said")

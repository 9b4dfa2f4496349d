"""The speaker bench's own parts: its news cases are well formed, and its quote matching is right."""

from __future__ import annotations

from bench.speaker_cases import CASES
from bench.speakers import Book, as_paragraphs, match, names_entity, with_marks


def test_every_expected_statement_is_in_its_passage_once() -> None:
    for case in CASES:
        for words, speaker in case.expected:
            assert case.text.count(words) == 1, (case.name, words)
            assert speaker.strip() and all(form.strip() for form in speaker.split("|")), case.name


def test_wrapped_lines_join_without_moving_offsets() -> None:
    text = "He said\nit was late.\n\n\u2018Come in,\u2019 she\nsaid."
    joined = as_paragraphs(text)
    assert len(joined) == len(text)
    assert joined == "He said it was late.\n\n\u2018Come in,\u2019 she said."


def test_quotation_marks_are_added_back_as_litbank_keeps_them() -> None:
    text = 'He said, "Come in." Then "no," she said.'
    inner = text.index("Come in")
    assert text[slice(*with_marks(text, inner, inner + len("Come in")))] == '"Come in."'
    no = text.index("no,")
    assert text[slice(*with_marks(text, no, no + 2))] == '"no,"'


def test_matching_is_one_to_one_on_half_overlap() -> None:
    text = "a" * 100
    gold = [(0, 10), (20, 30)]
    predicted = [(2, 10), (0, 9), (22, 30), (50, 60)]
    assert sorted(match(text, gold, predicted)) == [(0, 1), (1, 2)]
    assert match(text, [(0, 10)], [(0, 4)]) == []


def test_a_speaker_is_right_when_it_names_any_mention_of_the_entity() -> None:
    book = Book("b", "The parson said hello.", [], {"Parson-1": [(0, 10, "The parson", "NOM"), (40, 42, "he", "PRON")]})
    assert names_entity(book, "Parson-1", (4, 10), None)
    assert names_entity(book, "Parson-1", (None, None), "the parson")
    assert not names_entity(book, "Parson-1", (12, 16), "he")

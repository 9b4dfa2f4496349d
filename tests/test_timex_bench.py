"""The time benchmark's scorer: TempEval-3 pairing and the error classes it prints (spans made up here)."""

from __future__ import annotations

from bench.time import Score, Span


def test_error_classes_of_the_scorer() -> None:
    text = "On Monday the board met for two weeks in early May, said a clerk now."
    gold = [
        Span(3, 9, "DATE", "2024-07-15"),  # Monday: found exactly
        Span(27, 36, "DURATION", "P2W"),  # two weeks: found with a wider span and a wrong value
        Span(40, 49, "DATE", "2024-05"),  # early May: missed
    ]
    system = [
        Span(3, 9, "DATE", "2024-07-15"),
        Span(23, 36, "DURATION", "P3W"),  # "for two weeks"
        Span(65, 68, "DATE", "PRESENT_REF"),  # "now": spurious
    ]
    score = Score()
    score.add(gold, system, text)
    assert (score.strict, score.relaxed, score.value_ok) == (1, 2, 1)
    assert score.errors == {"missed": 1, "spurious": 1, "boundary": 1, "type": 0, "value": 1}
    assert round(score.relaxed_f1, 4) == round(2 / 3, 4)

"""Rules of the fourth pass on issue #4 that read the clause around an expression (timex_aspect).
Texts are our own."""

from __future__ import annotations

from datetime import date

from dateline.enrich import timex_aspect
from dateline.enrich.timex import tag

THU = date(2019, 10, 24)  # a Thursday


def found(text: str, anchor: date | None = THU) -> dict[str, tuple[str, str, str | None]]:
    return {t.text: (t.type, t.value, t.mod) for t in tag(text, anchor)}


# ------------------------------------------------------------------ "recent years": stretch or past time


def test_recent_units_under_a_perfect_are_stretches_up_to_now() -> None:
    assert found("Ferry operators have cut fares in recent years.")["recent years"] == ("DURATION", "PXY", None)
    assert found("The harbour has in recent years been dredged twice.")["recent years"] == ("DURATION", "PXY", None)
    # the auxiliary may come after, past a long subject
    text = "In recent months a group of small lenders, led by a county bank, has extended credit."
    assert found(text)["recent months"] == ("DURATION", "PXM", None)


def test_recent_units_without_a_perfect_are_a_past_time() -> None:
    assert found("As the currency soared in recent years, exports fell.")["recent years"] == ("DATE", "PAST_REF", None)
    assert found("The mill owes its growth in recent years to tourism.")["recent years"] == ("DATE", "PAST_REF", None)
    assert found("There were strikes in past years, too.")["past years"] == ("DATE", "PAST_REF", None)


def test_a_nouns_recent_years_are_a_past_time_even_under_a_perfect() -> None:
    # "the boom of recent years": the perfect governs "helped", not the boom's time
    text = "The fund has helped to finance the building boom of recent years."
    assert found(text)["recent years"] == ("DATE", "PAST_REF", None)


def test_perfect_governs_stays_inside_the_sentence() -> None:
    text = "Prices have risen. In recent weeks the council met."
    start = text.index("recent weeks")
    assert not timex_aspect.perfect_governs(text, start, start + len("recent weeks"))
    text = "The port had already closed in recent days."
    start = text.index("recent days")
    assert timex_aspect.perfect_governs(text, start, start + len("recent days"))
    # "had" as a main verb is no perfect
    text = "The firm had losses in recent years."
    start = text.index("recent years")
    assert not timex_aspect.perfect_governs(text, start, start + len("recent years"))


# ------------------------------------------------------------------ periods that ended


def test_a_day_after_ended_is_not_after_the_anchor() -> None:
    # Oct. 31 is a week ahead of the anchor, but a quarter that "ended" then ended a year before
    text = "In the year-ago quarter, the second quarter ended Oct. 31, the chain lost money."
    got = found(text)
    assert got["Oct. 31"] == ("DATE", "2018-10-31", None)
    assert got["the second quarter"] == ("DATE", "2018-Q2", None)
    # a day already gone by keeps its year, and "ending" may lie ahead
    assert found("For the quarter ended Sept. 30, the chain lost money.")["Sept. 30"] == ("DATE", "2019-09-30", None)
    ahead = found("Sales in the fourth quarter ending Dec. 31 will rise.")
    assert ahead["the fourth quarter"] == ("DATE", "2019-Q4", None)


def test_that_quarter_follows_a_quarter_placed_by_its_end_date() -> None:
    text = "In the second quarter ended Oct. 31, the chain lost money. Results for that quarter included a charge."
    assert found(text)["that quarter"] == ("DATE", "2018-Q2", None)


def test_period_end_year() -> None:
    text = "the third quarter ended Sept. 30, 1987, when"
    end = text.index(" ended")
    assert timex_aspect.period_end_year(text, end, THU) == 1987
    assert timex_aspect.period_end_year("the quarter ended Nov. 2", 11, THU) == 2018
    assert timex_aspect.period_end_year("the quarter ending Nov. 2", 11, THU) == 2019
    assert timex_aspect.period_end_year("the quarter was fine", 11, THU) is None
    assert timex_aspect.period_end_year("the quarter ended Nov. 2", 11, None) is None


def test_not_after_handles_a_leap_day() -> None:
    assert timex_aspect.not_after(date(2020, 2, 29), date(2020, 2, 1)) == date(2019, 2, 28)
    assert timex_aspect.not_after(date(2020, 1, 5), date(2020, 2, 1)) == date(2020, 1, 5)


# ------------------------------------------------------------------ decades in a pair


def test_second_decade_of_a_pair_shares_the_article() -> None:
    got = found("The boxy cars of the 70s and 80s are gone; they sold well in 1960s style.")
    assert got["the 70s"] == ("DATE", "197", None)
    assert got["80s"] == ("DATE", "198", None)
    assert got["1960s"] == ("DATE", "196X", None)  # alone and bare, TimeBank's "196X"

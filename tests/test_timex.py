"""The pure-Python TIMEX3 tagger: one group of tests per rule family, plus a property test."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.enrich import enrich
from dateline.enrich.times import publication_date
from dateline.enrich.timex import guess_tense, tag
from dateline.record import Article, TimeExpression

WED = date(2024, 7, 17)  # a Wednesday


def found(text: str, anchor: date | None = WED) -> dict[str, tuple[str, str, str | None]]:
    return {t.text: (t.type, t.value, t.mod) for t in tag(text, anchor)}


def value(text: str, phrase: str, anchor: date | None = WED) -> str | None:
    for t in tag(text, anchor):
        if t.text == phrase:
            return t.value
    return None


# ------------------------------------------------------------------ acceptance (seed-like sentences)


def test_seed_like_article() -> None:
    text = (
        "The Ministry on Wednesday rejected reports that its northern push had stalled. "
        "A spokesman said Tuesday that the delegation would arrive next Tuesday. "
        "On Tuesday, the governor said the shelling began in early May. "
        "The border has been closed since February 2022."
    )
    got = found(text)
    assert got["Wednesday"] == ("DATE", "2024-07-17", None)
    assert got["next Tuesday"] == ("DATE", "2024-07-23", None)
    assert got["early May"] == ("DATE", "2024-05", "START")
    assert got["February 2022"] == ("DATE", "2022-02", None)
    tuesdays = [t for t in tag(text, WED) if t.text == "Tuesday"]
    assert [t.value for t in tuesdays] == ["2024-07-16", "2024-07-16"]


# ------------------------------------------------------------------ weekdays and tense


def test_weekday_follows_tense() -> None:
    assert value("The minister said Tuesday that talks had failed.", "Tuesday") == "2024-07-16"
    assert value("The two leaders will meet on Friday in Geneva.", "Friday") == "2024-07-19"
    assert value("Protesters gathered on Monday outside the court.", "Monday") == "2024-07-15"
    # the publication weekday itself is that day
    assert value("The committee voted on Wednesday.", "Wednesday") == "2024-07-17"
    assert value("The committee will vote on Wednesday.", "Wednesday") == "2024-07-17"


def test_weekday_modifiers() -> None:
    assert value("The vote was held last Friday.", "last Friday") == "2024-07-12"
    assert value("He returns this coming Sunday.", "this coming Sunday") == "2024-07-21"
    assert found("Fighting resumed on Saturday night.")["Saturday night"] == ("TIME", "2024-07-13TNI", None)


def test_weekday_without_anchor_is_unanchored() -> None:
    assert value("They met on Tuesday.", "Tuesday", anchor=None) == "XXXX-WXX-2"


def test_guess_tense() -> None:
    text = "Officials will travel to the capital on Monday, the agency said."
    start = text.index("Monday")
    assert guess_tense(text, start, start + 6) == "FUTURE"
    text = "The agency said Monday that it had no comment."
    start = text.index("Monday")
    assert guess_tense(text, start, start + 6) == "PAST"


# ------------------------------------------------------------------ calendar dates, months, years


def test_full_dates() -> None:
    got = found("The treaty was signed on March 3, 1998, and ratified on 12 June 1999. Filed 2021-11-30.")
    assert got["March 3, 1998"] == ("DATE", "1998-03-03", None)
    assert got["12 June 1999"] == ("DATE", "1999-06-12", None)
    assert got["2021-11-30"] == ("DATE", "2021-11-30", None)


def test_month_day_without_year_is_the_near_one() -> None:
    assert value("The hearing is set for Aug. 2.", "Aug. 2") == "2024-08-02"
    anchor = date(2024, 1, 10)
    assert value("The company reported the loss on Dec. 28.", "Dec. 28", anchor) == "2023-12-28"


def test_months_and_modifiers() -> None:
    got = found("Prices fell in late June and will rise in mid-September. Sales in May 2023 were flat.")
    assert got["late June"] == ("DATE", "2024-06", "END")
    assert got["mid-September"] == ("DATE", "2024-09", "MID")
    assert got["May 2023"] == ("DATE", "2023-05", None)
    assert value("The bill passed last November.", "last November") == "2023-11"


def test_month_words_that_are_not_months() -> None:
    got = found("You may leave now. The March ended at the square. April Ross spoke. It will march on.")
    assert not any(key.lower() in ("may", "march", "april") for key in got)
    assert "In May" not in found("Voters in May and June turned out.")  # span excludes the preposition
    assert value("Voters in May turned out.", "May") == "2024-05"


def test_years_and_decades() -> None:
    got = found("Built in 1998, the plant closed in the 1980s and reopened in the mid-1990s. It boomed in 1960s style.")
    assert got["1998"] == ("DATE", "1998", None)
    # TimeBank's convention: "the 1980s" is "198", a bare "1960s" is "196X"
    assert got["the 1980s"] == ("DATE", "198", None)
    assert got["the mid-1990s"] == ("DATE", "199", "MID")
    assert got["1960s"] == ("DATE", "196X", None)
    assert value("Results for fiscal 2023 were strong.", "fiscal 2023") == "2023"


def test_other_year_forms() -> None:
    got = found("Filed 7/4/2019, the index peaked in the nineteen ninety-eight rally and has slid since '08.")
    assert got["7/4/2019"] == ("DATE", "2019-07-04", None)
    assert got["nineteen ninety-eight"] == ("DATE", "1998", None)
    assert got["'08"] == ("DATE", "2008", None)
    got = found("A relic of the 19th century, popular in the nineties; profit fell from the 2022 period.")
    assert got["the 19th century"] == ("DATE", "18", None)
    assert got["the nineties"] == ("DATE", "199", None)
    assert got["the 2022 period"] == ("DATE", "2022", None)


def test_plain_numbers_are_not_years() -> None:
    got = found("The company cut 1500 jobs and paid $2000 to each of 1,998 workers at 2024 Main Street.")
    assert "1500" not in got
    assert "2000" not in got


def test_seasons_and_quarters() -> None:
    got = found("Growth slowed in the second quarter and will pick up this fall. Sales in the summer of 2019 fell.")
    assert got["the second quarter"] == ("DATE", "2024-Q2", None)
    assert got["this fall"] == ("DATE", "2024-FA", None)
    assert got["the summer of 2019"] == ("DATE", "2019-SU", None)
    assert "fall" not in found("Prices will fall sharply.")


# ------------------------------------------------------------------ relative to the anchor


def test_fiscal_periods() -> None:
    anchor = date(2024, 10, 30)
    text = "Profit rose in the latest quarter, up from a year ago. For the nine months, sales grew; year-end debt fell."
    got = found(text, anchor)
    assert got["the latest quarter"] == ("DATE", "2024-Q3", None)
    assert got["a year ago"] == ("DATE", "2023-Q3", None)
    assert got["the nine months"] == ("DURATION", "P9M", None)
    assert got["year-end"][1] in ("2024-12-31", "2023-12-31")
    assert found("Net income for the fiscal year ended March 31 rose.")["the fiscal year"] == ("DURATION", "P1Y", None)


def test_deictic_words() -> None:
    got = found("Today the court ruled; yesterday it met, and tomorrow it adjourns. The talks resume tonight.")
    assert got["Today"] == ("DATE", "2024-07-17", None)
    assert got["yesterday"] == ("DATE", "2024-07-16", None)
    assert got["tomorrow"] == ("DATE", "2024-07-18", None)
    assert got["tonight"] == ("TIME", "2024-07-17TNI", None)


def test_relative_units() -> None:
    got = found("Inflation rose last month and this week, and is forecast to fall next year.")
    assert got["last month"] == ("DATE", "2024-06", None)
    assert got["this week"] == ("DATE", "2024-W29", None)
    assert got["next year"] == ("DATE", "2025", None)
    assert value("The plant was built earlier this year.", "earlier this year") == "2024"


def test_present_past_future_refs() -> None:
    got = found("Prices are now stable but recently rose; the future is unclear.")
    assert got["now"] == ("DATE", "PRESENT_REF", None)
    assert got["recently"] == ("DATE", "PAST_REF", None)
    assert got["the future"] == ("DATE", "FUTURE_REF", None)


# ------------------------------------------------------------------ durations and anchored expressions


def test_durations() -> None:
    got = found(
        "The siege lasted two weeks. Over the past three years, 10 hours of talks failed for more than a decade."
    )
    assert got["two weeks"] == ("DURATION", "P2W", None)
    assert got["the past three years"] == ("DURATION", "P3Y", None)
    assert got["10 hours"] == ("DURATION", "PT10H", None)
    assert got["more than a decade"] == ("DURATION", "P10Y", "MORE_THAN")
    assert found("a five-year plan")["five-year"] == ("DURATION", "P5Y", None)
    got = found("It took 5 1/2 hours, then a minute and a half, then two and a half years.")
    assert got["5 1/2 hours"] == ("DURATION", "PT5H30M", None)
    assert got["a minute and a half"] == ("DURATION", "PT1M30S", None)
    assert got["two and a half years"] == ("DURATION", "P2Y6M", None)


def test_bare_and_adjectival_units() -> None:
    got = found("The dispute dragged on for years, then came a day-long strike.")
    assert got["years"] == ("DURATION", "PXY", None)
    assert got["day-long"] == ("DURATION", "P1D", None)


def test_ago_is_a_point() -> None:
    assert value("The mine opened three years ago.", "three years ago") == "2021"
    assert value("The firm was sold two days ago.", "two days ago") == "2024-07-15"


def test_anchored_to_a_date_just_mentioned() -> None:
    text = "The ceasefire began on March 3, 2020. A day earlier the talks had failed."
    assert value(text, "A day earlier") == "2020-03-02"
    # "later" is a signal outside the expression (TimeBank spans "a day later" as the length "a day")
    got = found("The ceasefire began on March 3, 2020. A day later it collapsed.")
    assert got["A day"] == ("DURATION", "P1D", None)
    assert "A day later" not in got


def test_ages_and_ordinals_are_not_times() -> None:
    got = found("The 6-year-old boy finished second, 52 years old and a second later.")
    assert not got


# ------------------------------------------------------------------ clock times and sets


def test_clock_times_with_zones() -> None:
    got = found("The strike hit at 10:30 a.m. Moscow time, and the market closed at 4 p.m.")
    assert got["10:30 a.m. Moscow time"] == ("TIME", "2024-07-17T10:30+03:00", None)
    assert got["4 p.m"] == ("TIME", "2024-07-17T16:00", None)
    assert value("The launch is at 14:48 UTC.", "14:48 UTC") == "2024-07-17T14:48Z"
    assert value("He will arrive at noon Thursday.", "noon Thursday") == "2024-07-18T12:00"


def test_sets() -> None:
    got = found("The paper is published daily; the board meets every Tuesday and twice a year.")
    assert got["daily"] == ("SET", "P1D", None)
    assert got["every Tuesday"] == ("SET", "XXXX-WXX-2", None)
    assert got["twice a year"] == ("SET", "P1Y", None)


def test_weekday_sets() -> None:
    got = found("Flights leave on Mondays and Tuesday nights.")
    assert got["Mondays"] == ("SET", "XXXX-WXX-1", None)
    assert got["Tuesday nights"] == ("SET", "XXXX-WXX-2TNI", None)


def test_holidays() -> None:
    assert value("Shops closed on Christmas Day.", "Christmas Day", date(2024, 12, 28)) == "2024-12-25"
    assert value("The parade is on Thanksgiving Day.", "Thanksgiving Day", date(2024, 11, 20)) == "2024-11-28"


# ------------------------------------------------------------------ contract


def test_offsets_point_into_text() -> None:
    text = "On Friday, 3 May 2024, at 9 a.m., the board met for three hours."
    for t in tag(text, WED):
        assert text[t.start : t.end] == t.text


def test_component_uses_publication_date() -> None:
    article = Article(origin="test", text="The council met on Monday.", published="2024-07-17T09:00:00+03:00")
    times = enrich(article, ["times"]).times
    assert times == [TimeExpression(19, 25, "Monday", "DATE", "2024-07-15", None)]
    assert publication_date("not a date") is None
    assert publication_date("2024-02-30") is None


@pytest.mark.parametrize("text", ["", " ", "\n\n", "May", "2024", "a.m.", "the the the"])
def test_degenerate_inputs(text: str) -> None:
    for t in tag(text, WED):
        assert 0 <= t.start < t.end <= len(text)


_WORDS = st.sampled_from(
    "on last next this early late mid the a two 3 10:30 a.m. p.m. May March Tuesday weeks years ago later "
    "since 1998 2024 1990s fall quarter third said will today , . - ' $ 12 31 Dec. of in every daily "
    "that day week full entire year's end between and to recent coming ahead mid-afternoon centuries for a while "
    "some time over the years before followed is heard".split()
)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.text(max_size=200), st.lists(_WORDS, max_size=30).map(" ".join)),
    st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))),
)
def test_never_raises_and_offsets_inside(text: str, anchor: date | None) -> None:
    for t in tag(text, anchor):
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert t.value


def test_the_component_reads_the_tense_from_an_existing_parse() -> None:
    from dateline.enrich import EnrichDoc
    from dateline.enrich.times import times
    from dateline.record import Article

    article = Article(origin="x", text="The minister will visit the port on Tuesday. Prices rose on Monday.",
                      published="2025-03-12")  # fmt: skip
    doc = EnrichDoc(article)
    doc.spacy  # noqa: B018 - parse first, so the component takes the tense from the parse
    times(doc)
    values = {t.text: t.value for t in doc.times}
    assert values["Tuesday"] == "2025-03-18" and values["Monday"] == "2025-03-10"

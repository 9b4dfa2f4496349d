"""Quantities: one test per rule, on sentences written for these tests, and a property test."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.enrich import EnrichDoc
from dateline.enrich.quantities import parse_number, quantities
from dateline.record import Article, Quantity, TimeExpression


def found(text: str, times: list[TimeExpression] | None = None) -> dict[str, Quantity]:
    doc = EnrichDoc(Article(origin="test", text=text))
    doc.times.extend(times or [])
    quantities(doc)
    return {text[q.start : q.end]: q for q in doc.quantities}


# --- the seed, read right --------------------------------------------------------------------------


def test_seed_style_quantities() -> None:
    text = (
        "Officials said over 200 people had been killed and hundreds more wounded since troops "
        "entered 14 Russian border villages."
    )
    got = found(text)
    assert (got["over 200"].value, got["over 200"].qualifier, got["over 200"].counts) == (200, "over", "people killed")
    assert (got["hundreds"].value, got["hundreds"].qualifier, got["hundreds"].counts) == (None, "hundreds", "wounded")
    assert (got["14"].value, got["14"].counts) == (14, "Russian border villages")


def test_of_complement_is_part_of_what_is_counted() -> None:
    got = found("The two sides exchanged 190 prisoners of war at the border.")
    assert got["190"].counts == "prisoners of war"


# --- values ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [("1,200", 1200), ("3.5", 3.5), ("180 million", 180e6), ("1.2bn", 1.2e9), ("twenty-five", 25),
     ("a dozen", 12), ("two", 2), ("two hundred", 200), ("nonsense", None)],
)  # fmt: skip
def test_parse_number(text: str, value: float | None) -> None:
    assert parse_number(text) == value


def test_money() -> None:
    got = found("The bank lent 180 million euros and the fund added $2.5 billion.")
    assert (got["180 million euros"].value, got["180 million euros"].counts) == (180e6, "euros")
    assert (got["$2.5 billion"].value, got["$2.5 billion"].counts) == (2.5e9, "dollars")


def test_percentages() -> None:
    got = found("Turnout fell to about 42% from 47 percent.")
    assert (got["about 42%"].value, got["about 42%"].qualifier, got["about 42%"].counts) == (42, "about", "percent")
    assert got["47 percent"].counts == "percent"


def test_ranges_keep_the_lower_bound_and_the_whole_range() -> None:
    got = found("Between 30 and 40 trucks crossed, and 5-7 buses followed.")
    assert (got["Between 30 and 40"].value, got["Between 30 and 40"].qualifier) == (30, "between 30 and 40")
    assert got["Between 30 and 40"].counts == "trucks"
    assert got["5-7"].value == 5 and got["5-7"].counts == "buses"


def test_number_words_need_something_counted() -> None:
    got = found("Two people were hurt and a dozen houses burned. One of them said so.")
    assert (got["Two"].value, got["Two"].counts) == (2, "people hurt")
    assert (got["a dozen"].value, got["a dozen"].counts) == (12, "houses")
    assert "One" not in got


def test_vague_amounts_with_of() -> None:
    got = found("Tens of thousands of demonstrators marched.")
    quantity = got["Tens of thousands"]
    assert (quantity.value, quantity.qualifier, quantity.counts) == (None, "tens of thousands", "demonstrators")


@pytest.mark.parametrize("qualifier", ["more than", "at least", "nearly", "up to", "fewer than"])
def test_qualifiers(qualifier: str) -> None:
    got = found(f"Officials counted {qualifier} 50 boats.")
    assert got[f"{qualifier} 50"].qualifier == qualifier and got[f"{qualifier} 50"].counts == "boats"


# --- what is not a quantity ------------------------------------------------------------------------


def test_years_dates_and_time_spans_are_skipped() -> None:
    text = "In 2019 the plant closed; on 12 March staff left."
    times = [TimeExpression(28, 36, "12 March", "DATE", "2019-03-12")]
    assert found(text, times) == {}


def test_ages_ordinals_and_names_are_skipped() -> None:
    text = "Dana Reyes, 34, a 45-year-old driver and the 3rd runner took Route 66 in an F-16 at 10:30."
    assert found(text) == {}


# --- never raises ----------------------------------------------------------------------------------

ALPHABET = st.sampled_from([*"0123456789 ,.-%$€abcdefghijklmnopqrstuvwxyz", " million", " two", " hundreds"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ALPHABET, max_size=40).map("".join))
def test_quantities_never_raise_and_offsets_are_inside(text: str) -> None:
    doc = EnrichDoc(Article(origin="test", text=text))
    quantities(doc)
    for quantity in doc.quantities:
        assert 0 <= quantity.start < quantity.end <= len(text)


def test_road_and_phone_numbers_are_skipped() -> None:
    assert found("Crews closed County Road 42 and asked callers to dial 1-800-555-0199.") == {}


def test_hyphenated_modifiers_stay_in_what_is_counted() -> None:
    got = found("Hundreds of sign-waving students lined the road.")
    assert got["Hundreds"].counts == "sign-waving students"

"""Rules added for issue #4 (anaphoric units, whole years, vague stretches, weeks of a month, parts of
the day, ranges, quarter codes, US zones) and the words that look like times but are not. Texts are our own."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

import pytest

from dateline.enrich.timex import guess_tense, tag

WED = date(2024, 7, 17)  # a Wednesday


def found(text: str, anchor: date | None = WED) -> dict[str, tuple[str, str, str | None]]:
    return {t.text: (t.type, t.value, t.mod) for t in tag(text, anchor)}


# ------------------------------------------------------------------ "that day", "later that year"


def test_that_unit_points_back_at_the_last_date() -> None:
    text = "The dam failed on March 3, 2019. Later that day, crews reached the valley."
    assert found(text)["Later that day"] == ("DATE", "2019-03-03", None)
    text = "The mill closed in June 2011 and reopened later that year."
    assert found(text)["later that year"] == ("DATE", "2011", None)
    text = "Ferry traffic fell in 2016. Fares rose that year too."
    assert found(text)["that year"] == ("DATE", "2016", None)


def test_that_quarter_is_the_quarter_just_discussed() -> None:
    text = "The chain lost money in the second quarter of 2023. Results for that quarter included a charge."
    assert found(text)["that quarter"] == ("DATE", "2023-Q2", None)


def test_that_unit_without_a_date_before_is_nothing() -> None:
    assert "that day" not in found("Nobody who was there forgets that day.")
    # "that year's" and "that day of" are not the anaphoric unit
    assert "that year" not in found("In 2016 the fleet grew. That year's budget was larger.")


# ------------------------------------------------------------------ whole years, year end


def test_the_full_year() -> None:
    assert found("The bakery expects a profit for the full year.")["the full year"] == ("DATE", "2024", None)
    # results for the whole of last year are published early in the next one
    got = found("The carrier lost $2 million for the entire year.", date(2024, 1, 30))
    assert got["the entire year"] == ("DATE", "2023", None)


def test_year_end_spelled_apart() -> None:
    anchor = date(2024, 10, 2)
    assert found("The sale should close by year end.", anchor)["year end"] == ("DATE", "2024", "END")
    assert found("Rules take effect by year's end.", anchor)["year's end"] == ("DATE", "2024", "END")
    assert found("Debt fell at year-end.", anchor)["year-end"][1] in ("2024-12-31", "2023-12-31")


# ------------------------------------------------------------------ vague stretches


def test_units_before_an_event() -> None:
    text = "The fire started on Oct. 12, 2021. A van was seen near the depot in the weeks before the blaze."
    assert found(text)["weeks"] == ("DATE", "2021-10", None)
    text = "In the years that followed, the town shrank."
    assert found(text)["years"] == ("DURATION", "PXY", None)


def test_over_the_years_and_vague_spans() -> None:
    assert found("The choir has grown over the years.")["the years"] == ("DURATION", "PXY", None)
    assert found("The valley was farmed for centuries.")["centuries"] == ("DURATION", "PXCE", None)
    assert found("The bridge will stay shut for some time.")["some time"] == ("DURATION", "PXX", None)
    assert found("Stay for a while.")["a while"] == ("DURATION", "PXX", None)
    # "for some time now" is the present stretch up to now: not claimed by this rule
    assert "some time" not in found("It has rained for some time now.")


# ------------------------------------------------------------------ weeks of a month, parts of the day


def test_week_of_a_month_or_a_date() -> None:
    got = found("Sales rebounded in the last week of March 2009.")
    assert got["the last week of March 2009"] == ("DATE", "2009-W13", None)
    got = found("The hearing is set for the week of Aug. 5.")
    assert got["the week of Aug. 5"] == ("DATE", "2024-W32", None)
    assert found("Talks open the first week of September.")["the first week of September"] == (
        "DATE",
        "2024-W36",
        None,
    )


def test_mid_afternoon() -> None:
    got = found("By mid-afternoon, the river had crested.")
    assert got["mid-afternoon"] == ("TIME", "2024-07-17TAF", "MID")
    got = found("Shares slid at mid-afternoon yesterday.")
    assert got["mid-afternoon yesterday"] == ("TIME", "2024-07-16TAF", "MID")
    got = found("The crew will leave late morning Friday.")
    assert got["late morning Friday"] == ("TIME", "2024-07-19TMO", "END")


# ------------------------------------------------------------------ not times


def test_now_as_a_discourse_marker() -> None:
    assert "Now" not in found("The plan failed. Now, the mayor said, the city must borrow.")
    assert found("Now the city must borrow.")["Now"] == ("DATE", "PRESENT_REF", None)
    assert found("The city now owns the port.")["now"] == ("DATE", "PRESENT_REF", None)


def test_generic_today() -> None:
    assert "today" not in found("Few of today's youth read a paper.")
    assert "today" not in found("The phone is essential in today's world.")
    assert found("The offer appears in today's edition.")["today"] == ("DATE", "2024-07-17", None)


# ------------------------------------------------------------------ tense cues


def test_future_in_the_past_and_payable_dates() -> None:
    text = "The envoys planned to leave for the coast on Friday."
    start = text.index("Friday")
    assert guess_tense(text, start, start + 6) == "FUTURE"
    assert found(text)["Friday"] == ("DATE", "2024-07-19", None)
    anchor = date(2024, 10, 25)
    assert found("The dividend is payable Dec. 7 to holders of record.", anchor)["Dec. 7"][1] == "2024-12-07"
    assert found("The talks could resume as soon as Monday.")["Monday"][1] == "2024-07-22"


# ------------------------------------------------------------------ ranges and vague stretches


def test_the_first_bound_of_a_range_takes_the_unit_of_the_second() -> None:
    got = found("The review will take between 60 and 90 days.")
    assert got["60"] == ("DURATION", "P60D", None)
    assert got["90 days"] == ("DURATION", "P90D", None)
    got = found("Repairs need two to six weeks.")
    assert got["two"] == ("DURATION", "P2W", None)
    assert got["six weeks"] == ("DURATION", "P6W", None)
    # ages are not ranges of time
    assert "3" not in found("Children 3 to 5 years old pay half.")


def test_recent_and_coming_stretches_are_durations() -> None:
    # a stretch up to now under a perfect; in the simple past a past time (see test_timex_aspect.py)
    assert found("Prices have climbed in recent months.")["recent months"] == ("DURATION", "PXM", None)
    assert found("Prices climbed in recent months.")["recent months"] == ("DATE", "PAST_REF", None)
    assert found("Rates may fall in the coming weeks.")["the coming weeks"] == ("DURATION", "PXW", None)
    assert found("Trouble lies in the months ahead.")["the months ahead"] == ("DURATION", "PXM", None)
    assert found("Demand will rise in the future.")["the future"] == ("DATE", "FUTURE_REF", None)


def test_a_year_period_in_a_quarterly_report() -> None:
    text = "Net income rose in the third quarter of 2023. Sales were flat in the 2022 quarter."
    assert found(text, date(2023, 11, 2))["the 2022 quarter"] == ("DATE", "2022-Q3", None)


def test_present_passive_is_not_the_past() -> None:
    text = "The appeal fails if the case is heard in May."
    start = text.index("May")
    assert guess_tense(text, start, start + 3) == "PRESENT"
    assert found(text, date(2024, 3, 29))["May"] == ("DATE", "2024-05", None)


# ------------------------------------------------------------------ the scan's shortcuts change nothing


_SAMPLES = [
    "In the 1990s and the '80s, in the nineties and the 20th century, sales rose each spring and fall.",
    "Profit for the third quarter of 2023 and the first half rose; the year-ago period and the same month a year "
    "ago were weaker. For the nine months, the 2022 period, the year ended March 31, fiscal 2021.",
    "Nineteen ninety-eight, two thousand and one; on Christmas Day and New Year's Eve, and on Thanksgiving.",
    "The week of Aug. 5 and the last week of March; later that day; the full year; by year end; mid-afternoon "
    "yesterday; a day-long strike; since '08; on Mondays and Tuesday nights; this morning, tonight, yesterday.",
    "LAST FRIDAY, EARLY SPRING, THE 1980S, YEAR-END, THAT DAY, MID-MORNING TODAY.",
]


def test_skipping_families_without_their_words_changes_no_result(monkeypatch: pytest.MonkeyPatch) -> None:
    from dateline.enrich import timex_recognition

    with_shortcut = [tag(text, WED) for text in _SAMPLES]
    monkeypatch.setattr(timex_recognition, "NEEDS", {})
    assert [tag(text, WED) for text in _SAMPLES] == with_shortcut
    assert any(t.value == "199" for t in with_shortcut[0])  # the samples do reach the guarded families


def test_a_week_or_two_ago_is_a_day() -> None:
    assert found("The storm hit the coast a week ago.")["a week ago"] == ("DATE", "2024-07-10", None)
    assert found("Talks began two weeks ago.")["two weeks ago"] == ("DATE", "2024-07-03", None)
    assert found("The plant shut six weeks ago.")["six weeks ago"] == ("DATE", "2024-W23", None)


def test_month_of_next_year() -> None:
    got = found("Contracts that expire after October of next year will be renewed.")
    assert got["October"] == ("DATE", "2025-10", None)
    assert got["next year"] == ("DATE", "2025", None)


# ------------------------------------------------------------------ business short forms, zones, sets


def test_quarter_and_half_codes() -> None:
    assert found("Revenue rose in Q3 2023.")["Q3 2023"] == ("DATE", "2023-Q3", None)
    assert found("Profit in 3Q23 fell.")["3Q23"] == ("DATE", "2023-Q3", None)
    assert found("H1 2024 results beat forecasts.")["H1 2024"] == ("DATE", "2024-H1", None)
    assert found("Revenue will rise in Q4.")["Q4"] == ("DATE", "2024-Q4", None)
    assert found("Revenue rose in Q4.")["Q4"] == ("DATE", "2023-Q4", None)  # not begun yet, told in the past
    assert not found("The Audi Q3 sold well.")
    # the code sets the story's quarter: "a year earlier" is that quarter a year before
    assert found("Sales rose in Q2, up 4% from a year earlier.")["a year earlier"] == ("DATE", "2023-Q2", None)


def test_us_zones_follow_daylight_saving() -> None:
    assert found("Trading halts at 3:30 p.m. ET.")["3:30 p.m. ET"][1] == "2024-07-17T15:30-04:00"
    assert found("Trading halts at 3:30 p.m. ET.", date(2024, 1, 17))["3:30 p.m. ET"][1] == "2024-01-17T15:30-05:00"
    assert found("Polls close at 8 p.m. Eastern Standard Time.")["8 p.m. Eastern Standard Time"][1].endswith("-05:00")
    assert found("The launch is at 15:30 UTC+3.")["15:30 UTC+3"][1] == "2024-07-17T15:30+03:00"


def test_every_n_units_is_a_set() -> None:
    assert found("The panel meets every two weeks.")["every two weeks"] == ("SET", "P2W", None)
    assert found("Rates will rise by the end of the decade.")["the end of the decade"] == ("DATE", "202", "END")


def test_this_quarter_that_same_day_and_possessive_seasons() -> None:
    text = "The loss in the third quarter of 2023 widened. This quarter's loss includes a charge."
    assert found(text, date(2023, 11, 1))["This quarter"] == ("DATE", "2023-Q3", None)
    assert found("Sales in this quarter are slow.")["this quarter"] == ("DATE", "2024-Q3", None)
    text = "The ferry sank on May 2, 2021. Divers reached it that same day."
    assert found(text)["that same day"] == ("DATE", "2021-05-02", None)
    assert found("The lenders held their Autumn meetings.", date(2024, 10, 13))["Autumn"] == ("DATE", "2024-FA", None)
    assert "fall" not in found("The regime met its fall swiftly.")


def test_selection_keeps_longest_and_never_overlaps() -> None:
    text = "Q1 2023, " * 2000 + "On Monday, Oct. 26 and early next year."
    got = tag(text, WED)
    assert sum(t.text == "Q1 2023" for t in got) == 2000
    assert [t.text for t in got[-2:]] == ["Monday, Oct. 26", "early next year"]
    assert all(a.end <= b.start for a, b in pairwise(got))


def test_plural_unit_long_adjectives() -> None:
    assert found("They settled a decades-long dispute.")["decades-long"] == ("DURATION", "PXY", None)
    assert found("It ended a years-long probe.")["years-long"] == ("DURATION", "PXY", None)
    assert found("It ended a decade-long war.")["decade-long"] == ("DURATION", "P10Y", None)
    assert found("A day-long strike began.")["day-long"] == ("DURATION", "P1D", None)


def test_two_digit_years_of_quarter_codes() -> None:
    assert found("Margins widened in Q3 '23.")["Q3 '23"] == ("DATE", "2023-Q3", None)
    got = found("In Q1 20 firms failed.")
    assert got["Q1"] == ("DATE", "2024-Q1", None) and "Q1 20" not in got


def test_that_as_a_conjunction_before_a_unit_word() -> None:
    text = "The court met on March 3, 2019. The judge said that day-to-day rules apply."
    assert "that day" not in found(text)


def test_bare_units_after_just() -> None:
    assert found("The index lost 300 points in just minutes.")["minutes"] == ("DURATION", "PTXM", None)


def test_a_kind_of_year_is_no_duration() -> None:
    got = found("The firm changed from a fiscal year to a calendar year.")
    assert "a fiscal year" not in got and "a calendar year" not in got
    assert found("The review took a full year.")["a full year"] == ("DURATION", "P1Y", None)


def test_one_day_after_a_modal_is_some_day_ahead() -> None:
    assert found("The town will one day rebuild the pier.")["one day"] == ("DATE", "FUTURE_REF", None)
    assert found("The strike lasted one day.")["one day"] == ("DURATION", "P1D", None)


def test_words_that_only_look_like_periods() -> None:
    assert not found("The firm is back in profit after its first quarterly loss.")
    assert "The quarter" not in found("The quarter-to-quarter comparison was weak.")
    assert "This Week" not in found('The minister said on ABC\'s "This Week" that talks would resume.')
    assert found("It rose this week.")["this week"] == ("DATE", "2024-W29", None)
    assert found("STOCKS FALL THIS WEEK")["THIS WEEK"] == ("DATE", "2024-W29", None)
    assert found("It ended a quarter-century of rule.")["a quarter-century"] == ("DURATION", "P25Y", None)


def test_formerly_and_near_term_are_not_times() -> None:
    assert not found("Mark Reyes, formerly an executive at the bank, resigned.")
    assert not found("The plan hurts near-term earnings.")
    assert found("Rates will stay low in the near term.")["the near term"] == ("DATE", "FUTURE_REF", None)


def test_the_story_quarter_survives_a_passing_mention() -> None:
    text = (
        "The paper maker posted a 20% gain in third-quarter profit. After a flat second quarter, sales rose. "
        "Charges taken in the year-earlier period helped."
    )
    got = found(text, date(2023, 11, 1))
    assert got["second quarter"] == ("DATE", "2023-Q2", None)
    assert got["the year-earlier period"] == ("DATE", "2022-Q3", None)
    text = "Profit rose in the third quarter of 2023. The second quarter of 2023 was flat; that quarter had a strike."
    assert found(text, date(2023, 11, 1))["that quarter"] == ("DATE", "2023-Q2", None)


def test_unit_with_a_direction_after_it() -> None:
    text = "The ferry sank on May 2, 2021. The day before, a storm hit; the week after, divers came."
    got = found(text)
    assert got["The day before"] == ("DATE", "2021-05-01", None)
    assert got["the week after"] == ("DATE", "2021-W18", None)
    assert "the day before" not in found("He had left the day before.")  # no date to count from
    assert not found("The chain cut 789 stores, or about a quarter, of its network.")


def test_currently_opening_a_sentence() -> None:
    assert "Currently" not in found("Currently, organs are shared by region.")
    assert found("The group currently holds 5% of the shares.")["currently"] == ("DATE", "PRESENT_REF", None)


# ------------------------------------------------------------------ second pass: zones, "then current", coming months


def test_a_utc_clock_before_the_date_keeps_its_zone() -> None:
    got = found("The board met at 16:15 UTC, June 3, in Geneva.")
    assert got["16:15 UTC, June 3"] == ("TIME", "2024-06-03T16:15Z", None)
    # the zone written after the date still counts
    assert found("The board met on June 3 at 16:15 UTC.")["June 3 at 16:15 UTC"][1] == "2024-06-03T16:15Z"


def test_then_current_is_a_past_reference() -> None:
    got = found("Holders could buy stock at half the then current market price.")
    assert got["then current"] == ("DATE", "PAST_REF", None)
    assert found("The then-current chairman resigned.")["then-current"] == ("DATE", "PAST_REF", None)
    assert found("The current chairman resigned.")["current"] == ("DATE", "PRESENT_REF", None)


def test_a_past_verb_reporting_next_month_keeps_it_ahead() -> None:
    # "said ... in early August", told in July: the coming August, not last year's
    got = found("An official said the treaty was planned for early August.")
    assert got["early August"] == ("DATE", "2024-08", "START")
    # two months ahead in the past tense is still last year's month
    assert found("Sales fell in September.")["September"] == ("DATE", "2023-09", None)


def test_a_year_earlier_without_a_date_before_it_compares_with_now() -> None:
    assert found("Wages rose 3.8% from a year earlier.")["a year earlier"] == ("DATE", "2023", None)
    # "later" stays out of the expression, which is a length of time
    assert found("A year later the mill closed.")["A year"] == ("DURATION", "P1Y", None)


def test_a_historical_quarter_is_not_the_story_quarter() -> None:
    text = (
        "The utility stopped paying a dividend in the third quarter of 1984. It reported third-quarter net "
        "of $68 million, up from $66 million a year ago."
    )
    got = found(text, date(1989, 10, 27))
    assert got["the third quarter of 1984"] == ("DATE", "1984-Q3", None)
    assert got["a year ago"] == ("DATE", "1988-Q3", None)


def test_open_ended_years_and_or_so() -> None:
    assert found("It will not turn a profit until 1994 or later.")["1994 or later"] == ("DATE", "1994", "ON_OR_AFTER")
    assert found("The outlook for 2025 and beyond is weak.")["2025 and beyond"] == ("DATE", "2025", "ON_OR_AFTER")
    assert found("Prices were lower in 2019 or earlier.")["2019 or earlier"] == ("DATE", "2019", "ON_OR_BEFORE")
    assert "1200 or later" not in found("Tickets numbered 1200 or later are void.")  # no year before 1800
    assert found("Sales fell last year or so.")["last year or so"] == ("DATE", "2023", "APPROX")


def test_over_is_a_preposition_after_a_verb() -> None:
    assert found("The system has evolved over several years.")["several years"] == ("DURATION", "PXY", None)
    assert found("The money can be used over three years.")["three years"] == ("DURATION", "P3Y", None)
    assert found("Shares closed at their lowest level in over six years.")["over six years"] == (
        "DURATION",
        "P6Y",
        "MORE_THAN",
    )


def test_fiscal_before_a_quarter_is_part_of_it() -> None:
    assert found("It posted net income for the fiscal second-quarter of $8 million.")["fiscal second-quarter"] == (
        "DATE",
        "2024-Q2",
        None,
    )


def test_around_before_a_date_or_clock_time() -> None:
    assert found("The sale will be completed around Nov. 1.")["around Nov. 1"] == ("DATE", "2024-11-01", "APPROX")
    assert found("He was shot around 7:15 p.m.")["around 7:15 p.m"][2] == "APPROX"
    got = found("They will look for ways to get around Monday's ruling.")
    assert "around Monday" not in got and "Monday" in got


def test_days_spelled_as_ordinals() -> None:
    got = found("Women's Day is this coming Sunday, March tenth. A march follows.", date(2024, 3, 5))
    assert got["this coming Sunday, March tenth"] == ("DATE", "2024-03-10", None)
    assert len(got) == 1  # the weekday is part of the date, not an expression of its own
    assert found("The vote is on the twenty-first of June.")["the twenty-first of June"] == ("DATE", "2024-06-21", None)
    assert found("They arrive June twenty third, 1998.")["June twenty third, 1998"] == ("DATE", "1998-06-23", None)
    assert not found("Troops march first to the river.")
    assert found("He left on February thirtieth.") == {"February": ("DATE", "2024-02", None)}


def test_that_time_points_back() -> None:
    text = "The option runs to June 10, 2025. If no price is agreed by that time, the buyer pays the average."
    assert found(text)["that time"] == ("DATE", "2025-06-10", None)
    assert found("At that time he was willing to leave.")["that time"] == ("DATE", "PAST_REF", None)
    assert not found("That time is short.")


# ------------------------------------------------------------------ third pass: spans as TimeBank draws them
MON = date(1989, 10, 30)  # a Monday


def test_later_is_a_signal_outside_the_duration() -> None:
    got = found("The gap closes slowly. Three days later, the index was flat.", MON)
    assert got["Three days"] == ("DURATION", "P3D", None)
    assert "Three days later" not in got
    assert found("Just over an hour later he died.", MON)["over an hour"] == ("DURATION", "PT1H", "MORE_THAN")
    # "earlier" and "ago" stay inside: they make the expression a point
    assert found("Profit was $5 million a year earlier.", MON)["a year earlier"][0] == "DATE"


def test_a_later_date() -> None:
    assert found("The rest will be sold at a later date.")["a later date"] == ("DATE", "FUTURE_REF", None)
    assert found("Callers were told to ring back at a later time.")["a later time"] == ("DATE", "FUTURE_REF", None)
    assert not found("He later said so.")


def test_late_in_the_day_is_one_expression() -> None:
    got = found("The Dow rebounded late in the day. Shipments were delayed earlier in the year.", MON)
    assert got["late in the day"] == ("DATE", "1989-10-30", "END")
    assert got["earlier in the year"] == ("DATE", "1989", None)
    # "later" is the adverb of its own: only "the day" is the expression
    got = found("Shares fell later in the day.", MON)
    assert "the day" in got and "later in the day" not in got


def test_a_zone_in_brackets_belongs_to_the_clock_time() -> None:
    got = found("The jet landed at 6:40 p.m. (GMT+8) after a long flight.", date(2007, 10, 17))
    assert got["6:40 p.m. (GMT+8)"] == ("TIME", "2007-10-17T18:40+08:00", None)


def test_a_plan_in_the_past_perfect_lies_behind() -> None:
    assert found("The bid had been due to expire Friday evening.", MON)["Friday evening"][1] == "1989-10-27TEV"
    assert found("The bid is due to expire Friday.", MON)["Friday"][1] == "1989-11-03"
    assert guess_tense("The offer had been scheduled to expire at midnight Friday.", 50, 58) == "PAST"


def test_until_opening_a_past_sentence() -> None:
    anchor = date(1999, 5, 7)  # a Friday
    assert found("Until Thursday, they had not called him a suspect.", anchor)["Thursday"][1] == "1999-05-06"
    assert found("Until Thursday, the office will stay shut.", anchor)["Thursday"][1] == "1999-05-13"


def test_an_untensed_month_leans_to_the_past() -> None:
    # seven months back beats five ahead: a price "in March" told in October is this year's
    assert found("A share cost $29.75 in March.", MON)["March"][1] == "1989-03"
    # ... unless the coming one is much nearer
    assert found("A share cost $29.75 in December.", MON)["December"][1] == "1989-12"


def test_easter_week_and_named_crash_days() -> None:
    assert found("Pilgrims came as Easter week began.", date(2000, 4, 17))["Easter week"][1] == "2000-W16"
    got = found("Markets tumbled on the anniversary of Black Monday.", date(2007, 10, 20))
    assert got == {"Black Monday": ("DATE", "1987-10-19", None)}
    assert found("Shoppers queued on Black Friday.", date(2007, 10, 20))["Black Friday"][1] == "2007-11-23"


def test_since_year_end_looks_back() -> None:
    assert found("The percentage change is since year-end.", MON)["year-end"][1] == "1988-12-31"
    assert found("It will close by year-end.", MON)["year-end"][1] == "1989-12-31"


def test_parts_of_the_day() -> None:
    got = found("He will leave at 4 in the morning. Dealers bought in the morning.", date(2000, 4, 5))
    assert got["4 in the morning"] == ("TIME", "2000-04-05T04:00", None)
    assert got["the morning"] == ("TIME", "2000-04-05TMO", None)
    assert "4 in the afternoon" not in found("Shares rose 4 in the afternoon session.")
    got = found("Ford rose in morning trading. London fell on overnight losses.")
    assert got["morning"] == ("TIME", "2024-07-17TMO", None)
    assert got["overnight"] == ("TIME", "2024-07-17TNI", None)


def test_ordinal_days_and_weeks() -> None:
    got = found("It is the second day of the offensive. Stocks gained for a fourth straight week.")
    assert got["the second day"] == ("DATE", "2024-07-17", None)
    assert got["a fourth straight week"] == ("DATE", "2024-W29", None)
    assert "the first day" not in found("On the first day of March it snowed.")


def test_the_very_beginning_of_the_financial_year() -> None:
    got = found("The very beginning of the financial year was strong.", date(2007, 1, 18))
    assert got["The very beginning of the financial year"] == ("DATE", "2007", "START")


def test_a_season_as_the_subject_of_its_clause() -> None:
    assert found("It is early, but spring shows signs of hope.", date(2009, 5, 1))["spring"][1] == "2009-SP"
    assert not found("He will spring into action.")


def test_names_and_ages_that_look_like_times() -> None:
    assert not found("The Communist Party daily Granma printed it.")
    assert found("Qantas plans daily flights.")["daily"] == ("SET", "P1D", None)
    assert not found("He was in his 30s; she is in her early twenties.")
    assert found("Prices rose in the 1930s.")["the 1930s"][1] == "193"
    assert not found("He said so on CBS's ''60 Minutes.''")
    assert found("It took 60 minutes.")["60 minutes"] == ("DURATION", "PT60M", None)


def test_a_quarter_recurs_as_a_quarter() -> None:
    assert found("It pays $100 million in interest every quarter.")["every quarter"] == ("SET", "P1Q", None)


def test_a_rate_after_a_quantity_is_a_set() -> None:
    got = found("It expects profit of about $33 million a year. He gives hundreds of interviews a day.")
    assert got["a year"] == ("SET", "P1Y", None)
    assert got["a day"] == ("SET", "P1D", None)
    # no quantity before it: "a year" is a length of time
    assert found("It was the smallest gain in a year.")["a year"] == ("DURATION", "P1Y", None)


def test_bare_plural_units_that_count_out_a_stretch() -> None:
    got = found("The merger follows months of twists and turns. The plan was decades in the making.")
    assert got["months"] == ("DURATION", "PXM", None)
    assert got["decades"][0] == "DURATION"
    assert found("He probably died within weeks or months of his capture.")["weeks or months"][1] == "PXW"
    assert "years" not in found("It marks the years of the war.")


def test_the_year_after_of_and_bare_units_ago() -> None:
    got = found("Profit rose 5% in the first nine months of the year. Just months ago it was losing money.")
    assert got["the year"] == ("DATE", "2024", None)
    assert got["months ago"] == ("DATE", "PAST_REF", None)
    assert not found("He was named Man of the Year.")


# ------------------------------------------------------------------ earnings reports: the year-ago period


def test_year_ago_forms_of_the_story_quarter() -> None:
    nov = date(2023, 11, 2)
    text = (
        "The chain earned $4 million in the third quarter. For the quarter a year ago, it earned $3 million. "
        "Sales in the corresponding period last year were flat. In the comparable year-ago quarter, costs rose. "
        "U.K. sales for last year's quarter were about $1 million."
    )
    got = found(text, nov)
    assert got["the quarter a year ago"] == ("DATE", "2022-Q3", None)
    assert got["the corresponding period last year"] == ("DATE", "2022-Q3", None)
    assert got["the comparable year-ago quarter"] == ("DATE", "2022-Q3", None)
    assert got["last year's quarter"] == ("DATE", "2022-Q3", None)
    assert "a year ago" not in got  # inside "the quarter a year ago"


def test_last_year_compared_in_an_earnings_report() -> None:
    nov = date(2023, 11, 2)
    text = "The chain earned $4 million in the third quarter, compared with a loss of $3 million last year."
    assert found(text, nov)["last year"] == ("DATE", "2022-Q3", None)
    # without a comparison, or without a quarter, last year is the year
    got = found("The chain earned $4 million in the third quarter. Last year, it opened a store.", nov)
    assert got["Last year"] == ("DATE", "2022", None)
    got = found("Ferries carried more cars, compared with 2,000 last year.", nov)
    assert got["last year"] == ("DATE", "2022", None)


def test_last_year_puts_the_story_in_that_year() -> None:
    text = "The ferry line cut its costs last year, $2 million more than the year previous."
    got = found(text, date(2010, 1, 28))
    assert got["last year"] == ("DATE", "2009", None)
    assert got["the year previous"] == ("DATE", "2008", None)
    text = "Fares rose last month. Later that month, the union struck."
    assert found(text, date(2010, 1, 28))["Later that month"] == ("DATE", "2009-12", None)

"""read_text_dump, second pass: cut and trailed headlines, staff bylines, headline tails confirmed by a
repeat, the print stamp as an upper bound on the date, and a labelled date next to the URL's.

Every dump here is a short fictional page written for these tests in the dumps' format.
"""

from __future__ import annotations

from datetime import date

from dateline.extract.textdump import BREADCRUMB, _is_headline_junk, _stamp_date, read_text_dump
from tests.test_textdump_rules import BODY, page


def footer(path: str) -> str:
    return f"Original url:\nhttps://willowgazette.example/{path}"


def stamped(stamp: str, *paragraphs: str) -> str:
    """A header_footer dump of one printed page: stamp and title line on top, URL and counter below."""
    title_line = "Footbridge work to begin - Willow Gazette"
    return page(stamp, title_line, *paragraphs, "https://willowgazette.example/x", "1/1")


# --- titles -------------------------------------------------------------------------------------------


def test_breadcrumb_trail_with_a_cut_headline_loses_to_the_full_headline() -> None:
    assert BREADCRUMB.search("News / Town News / Council approves the plan")
    assert BREADCRUMB.search("Home » Food & Drink » The best rye whiskeys")
    assert not BREADCRUMB.search("Council approves 24/7 ferry and a night bus / tram link")
    dump = page(
        "News / Town News / Council approves the footbridge plan before the summer …",
        "Council approves the footbridge plan before the\nsummer floods",
        BODY,
        footer("town-news/council-approves-the-footbridge-plan-before-the-summer"),
    )
    assert read_text_dump(dump, "t").title == "Council approves the footbridge plan before the summer floods"


def test_staff_byline_under_the_headline_is_not_its_tail() -> None:
    for line in ("Gazette staff", "Willow Gazette Staff", "Special correspondent"):
        assert _is_headline_junk(line), line
    assert not _is_headline_junk("Staff shortages close the ferry")
    dump = page(
        "Footbridge vote approved by the river council\nGazette staff",
        BODY,
        footer("news/footbridge-vote-approved-by-the-river-council"),
    )
    assert read_text_dump(dump, "t").title == "Footbridge vote approved by the river council"


def test_title_case_tail_joins_when_the_page_prints_the_whole_headline_elsewhere() -> None:
    menu = page("Home\nNews\nSport", "Six Ways To Cross The Old Stone Bridge\nAbout us")
    dump = menu + page("Six Ways To Cross The Old Stone\nBridge", "By Ann Reed", BODY)
    assert read_text_dump(dump, "t").title == "Six Ways To Cross The Old Stone Bridge"


def test_title_case_tail_printed_nowhere_else_stays_apart() -> None:
    dump = page("Home\nNews\nSport", "Six Ways To Cross The Old Stone\nBridge", "By Ann Reed", BODY)
    assert read_text_dump(dump, "t").title == "Six Ways To Cross The Old Stone"


# --- dates --------------------------------------------------------------------------------------------


def test_print_stamp_reads_month_first() -> None:
    assert _stamp_date("1/27/23, 3:13 AM") == date(2023, 1, 27)
    assert _stamp_date("12/5/2024, 10:01 PM") == date(2024, 12, 5)
    assert _stamp_date("27/1/23, 03:13") is None


def test_date_after_the_print_stamp_is_read_as_the_year_before() -> None:
    dump = stamped("2/3/23, 9:15 AM", "Footbridge work to begin", "Jan 23rd 2024 at 11:15AM", BODY)
    assert read_text_dump(dump, "t").published == "2023-01-23"


def test_date_before_the_print_stamp_is_kept() -> None:
    dump = stamped("2/3/24, 9:15 AM", "Footbridge work to begin", "Jan 23rd 2024 at 11:15AM", BODY)
    assert read_text_dump(dump, "t").published == "2024-01-23"


def test_date_too_far_after_the_print_stamp_is_dropped() -> None:
    dump = stamped("2/3/22, 9:15 AM", "Footbridge work to begin", "Jan 23rd 2024 at 11:15AM", BODY)
    assert read_text_dump(dump, "t").published is None


def test_labelled_date_a_day_after_the_url_date_wins() -> None:
    dump = page(
        "Footbridge work to begin",
        "Published 22 December 2023",
        BODY,
        footer("news/2023/12/21/footbridge-work-to-begin"),
    )
    assert read_text_dump(dump, "t").published == "2023-12-22"


def test_labelled_date_far_from_the_url_date_is_an_update() -> None:
    dump = page(
        "Footbridge work to begin",
        "Published 22 February 2024",
        BODY,
        footer("news/2023/12/21/footbridge-work-to-begin"),
    )
    assert read_text_dump(dump, "t").published == "2023-12-21"


def test_numeric_date_reads_day_first_on_a_day_first_country_host() -> None:
    dump = page(
        "Footbridge work to begin", "03/12/2023", BODY, "Original url:\nhttps://willowgazette.co.uk/news/footbridge"
    )
    assert read_text_dump(dump, "t").published == "2023-12-03"
    dump = page(
        "Footbridge work to begin", "03/12/2023", BODY, "Original url:\nhttps://willowgazette.com/news/footbridge"
    )
    assert read_text_dump(dump, "t").published == "2023-03-12"


def test_numeric_date_with_a_first_number_over_twelve_is_day_first_anywhere() -> None:
    dump = page(
        "Footbridge work to begin", "23/12/2023", BODY, "Original url:\nhttps://willowgazette.com/news/footbridge"
    )
    assert read_text_dump(dump, "t").published == "2023-12-23"


# --- headline with its byline, notes under the story ---------------------------------------------------


def test_headline_run_together_with_its_byline_and_date_is_cut_before_the_byline() -> None:
    dump = page(
        "Home\nNews\nSport",
        "Council Approves The Footbridge Plan Before Summer By Ann Reed on December 15, 2023",
        BODY,
    )
    article = read_text_dump(dump, "t")
    assert article.title == "Council Approves The Footbridge Plan Before Summer"
    assert article.published == "2023-12-15"


def test_bio_block_under_the_story_is_cut_with_the_lines_that_follow_it() -> None:
    dump = page(
        "Footbridge work to begin",
        BODY,
        "Ann Reed is a senior reporter for the Willow Gazette covering the river towns.",
        "With a decade on the beat, she knows every ferry captain by name.",
        footer("news/footbridge-work-to-begin"),
    )
    text = read_text_dump(dump, "t").text
    assert "senior reporter" not in text and "ferry captain" not in text
    assert text.endswith("the vote on the final budget.")


def test_a_sentence_about_someone_else_is_no_bio_when_prose_follows() -> None:
    dump = page(
        "Footbridge work to begin",
        BODY,
        "Tom Hale is a former reporter who wrote about the old crossing in the lower town decades ago.",
        "He said the new deck would need to be much wider than the old one had ever been, because of the "
        "bicycles that now cross it every morning, and that the council had waited far too long to act on "
        "its own engineers' warnings about the state of the old piers and the rusting rails on both sides.",
        footer("news/footbridge-work-to-begin"),
    )
    assert "former reporter" in read_text_dump(dump, "t").text


def test_a_date_the_story_narrates_is_not_its_publication_date() -> None:
    dump = page(
        "Footbridge work to begin",
        "On May 6, 1999, the old crossing was closed for a month after the spring flood.",
        BODY,
        footer("news/footbridge-work-to-begin"),
    )
    assert read_text_dump(dump, "t").published is None
    dump = page("Footbridge work to begin", "Friday, May 6, 2023", BODY, footer("news/footbridge-work-to-begin"))
    assert read_text_dump(dump, "t").published == "2023-05-06"


def test_affiliate_and_opinion_notices_at_the_body_edges_are_dropped() -> None:
    affiliate = (
        "In our guides we sometimes include affiliate links. Should you buy through one of them, we may earn a "
        "commission, though it never changes what we recommend or how we test the things we write about here."
    )
    opinion = (
        "The opinions expressed by contributors are their own and do not necessarily represent the views of the "
        "Willow Gazette or of its owners, its editors or anyone else who works for the paper in the river towns."
    )
    dump = page("Footbridge work to begin", affiliate, BODY, opinion, footer("news/footbridge-work-to-begin"))
    text = read_text_dump(dump, "t").text
    assert "affiliate links" not in text and "opinions expressed" not in text
    assert text.startswith("The river council met") and text.endswith("the vote on the final budget.")


def test_a_story_about_affiliate_links_keeps_its_paragraphs_inside_the_body() -> None:
    inside = (
        "Several shops in the lower town said they now earn most of their money from affiliate links on their "
        "websites, which the council hopes to tax once the footbridge brings more visitors across the river, "
        "and two of the owners told the meeting that they would rather see the old ferry return for good."
    )
    paragraphs = BODY.strip().split("\n\n")
    dump = page("Footbridge work to begin", paragraphs[0], inside, *paragraphs[1:], footer("news/footbridge"))
    assert "affiliate links on their" in read_text_dump(dump, "t").text

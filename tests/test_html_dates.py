"""The publication day a page shows under its headline, and the body rules that came with it.

Pages written for these tests (the fictional Northfield Ledger), not copied from the web.
"""

from __future__ import annotations

import pytest

from dateline.extract.html import read_html
from dateline.extract.html_dates import is_dateline, near_any

URL = "https://www.northfieldledger.example/news/river-rises"
PARAGRAPH = "<p>" + "The river rose another half metre overnight in the lower town of Northfield. " * 3 + "</p>"


def _page(head: str, header: str, body: str = "", before: str = "", url_meta: str = "") -> str:
    """A page whose headline is "River rises to record height"; ``header`` follows the <h1> inside the
    article's <header>, ``before`` is the site masthead above the article."""
    return (
        f"<html><head><title>River rises to record height</title>{head}{url_meta}</head><body>"
        f"<div class='masthead'>{before}</div><article><header><h1>River rises to record height</h1>{header}"
        f"</header>{body}{PARAGRAPH * 3}</article></body></html>"
    )


def _ld(published: str, modified: str | None = None) -> str:
    modified_part = f', "dateModified": "{modified}"' if modified else ""
    return (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "River rises to record height",'
        f' "datePublished": "{published}"{modified_part}}}</script>'
    )


def test_shown_local_day_wins_over_the_utc_day() -> None:
    # 01:00 UTC on the 20th is the evening of the 19th where the paper is; its header says so
    html = _page(_ld("2023-12-20T01:00:00Z"), "<p class='date'>Published 8:00 PM EST, Tue December 19, 2023</p>")
    assert read_html(html, "page", url=URL).published == "2023-12-19"


def test_shown_update_day_when_it_is_the_only_date_shown() -> None:
    html = _page(
        _ld("2022-10-24T19:16:43-04:00", "2023-12-14T13:36:44-05:00"),
        '<div class="byline">By Ines Calloway <span>Updated December 14, 2023</span></div>',
    )
    assert read_html(html, "page", url=URL).published == "2023-12-14"


def test_published_label_wins_when_both_are_shown() -> None:
    html = _page(
        _ld("2023-12-18T21:12:00Z", "2023-12-23T11:33:00Z"),
        "<time class='upd'>Last Updated: Dec. 23, 2023 at 6:33 a.m. ET</time>"
        "<time class='pub'>First Published: Dec. 18, 2023 at 4:12 p.m. ET</time>",
    )
    assert read_html(html, "page", url=URL).published == "2023-12-18T21:12:00+00:00"


def test_shown_date_unrelated_to_the_page_dates_is_ignored() -> None:
    # a date far from every machine-readable date is an event's or a teaser's, not the page's
    html = _page(_ld("2023-12-17T19:06:22Z"), "<p class='dateline'>December 25, 2023</p>")
    assert read_html(html, "page", url=URL).published == "2023-12-17T19:06:22+00:00"


def test_masthead_date_and_captions_are_not_the_shown_date() -> None:
    html = _page(
        _ld("2023-12-22T21:00:00Z"),
        "<figure><img src='a.jpg'><figcaption>Sandbags on Mill Street, Dec. 23, 2023.</figcaption></figure>",
        before="<span class='today'>Saturday, December 23, 2023</span>",
    )
    assert read_html(html, "page", url=URL).published == "2023-12-22T21:00:00+00:00"


def test_kicker_date_just_above_the_headline_counts() -> None:
    html = (
        "<html><head><title>River rises to record height</title>"
        f"{_ld('2019-03-30T12:00:00Z', '2023-12-19T14:00:00Z')}</head><body><article><header>"
        "<div><a href='/weather'>Weather</a><time datetime='2023-12-19T09:00:00-05:00'>Dec 19, 2023 9:00 AM</time>"
        f"</div><h1>River rises to record height</h1></header>{PARAGRAPH * 3}</article></body></html>"
    )
    assert read_html(html, "page", url=URL).published == "2023-12-19"


def test_url_month_vouches_for_a_shown_date_when_nothing_else_dates_the_page() -> None:
    html = _page("", "<dl><dt>Date:</dt><dd>December 18, 2023</dd></dl>")
    url = "https://www.northfieldledger.example/releases/2023/12/231218-river.htm"
    assert read_html(html, "page", url=url).published == "2023-12-18"


def test_a_date_inside_prose_is_not_the_shown_date() -> None:
    prose = "<p>" + "The council first met about the levee on December 2, 2023, and again in spring. " * 4 + "</p>"
    html = _page(_ld("2023-12-03T02:00:00Z"), prose)
    assert read_html(html, "page", url=URL).published == "2023-12-03T02:00:00+00:00"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Saturday 23 December 2023 05:39, UK", True),
        ("Ines Calloway - January 24, 2020", True),
        ("December 21, 2023 report", True),
        ("12/22/2023 05:00 AM EST", True),
        ("On December 8, 2023, the council voted.", False),
        ("The vote was held on Dec. 8, 2023 in Northfield by the whole council.", False),
        ("No date in this line at all", False),
    ],
)
def test_is_dateline(line: str, expected: bool) -> None:
    assert is_dateline(line) is expected


def test_near_any_allows_a_day_either_side_and_a_url_month() -> None:
    assert near_any("2023-12-19", ["2023-12-20T01:00:00Z"])
    assert not near_any("2023-12-25", ["2023-12-20T01:00:00Z"])
    assert near_any("2023-12-18", ["2023-12"])
    assert not near_any("2024-01-18", ["2023-12"])


# ---------------------------------------------------------------- body rules


def _body(paragraphs: list[str], header: str = "") -> str:
    html = _page(_ld("2023-12-20T12:00:00Z"), header, "".join(f"<p>{text}</p>" for text in paragraphs))
    return read_html(html, "page", url=URL).text


def test_date_lines_and_copyright_lines_leave_the_body() -> None:
    text = _body(
        [
            "December 20, 2023",
            "Sandbags went up along Mill Street as the water kept rising on Tuesday."
            " Volunteers worked through the night.",
            "© 2023 The Northfield Ledger. All rights reserved.",
        ]
    )
    assert "December 20, 2023" not in text
    assert "All rights reserved" not in text
    assert "Sandbags went up along Mill Street" in text


def test_numbered_list_keeps_its_numbers() -> None:
    text = _body(["1. Move valuables upstairs before the water arrives.", "2. Turn off the power at the mains."])
    assert "1. Move valuables upstairs" in text
    assert "2. Turn off the power" in text


def test_pros_and_cons_box_leaves_the_body() -> None:
    text = _body(
        [
            "Pros",
            "Light and quick to deploy",
            "Cheap",
            "Cons",
            "Leaks at the seams",
            "The barrier held for three days before the seams gave way, the engineers said.",
        ]
    )
    assert "Light and quick to deploy" not in text
    assert "Leaks at the seams" not in text
    assert "The barrier held for three days" in text


def test_more_stories_heading_ends_the_article() -> None:
    story = [f"Paragraph {n} of the story tells what the river did on day {n} of the flood." for n in range(1, 5)]
    text = _body([*story, "More Must-Reads From The Ledger", "Harbor bridge reopens after two-year repair"])
    assert "Paragraph 4 of the story" in text
    assert "Harbor bridge reopens" not in text
    assert "Must-Reads" not in text


def test_promo_lines_leave_the_body() -> None:
    text = _body(
        [
            "Install the Ledger app for free",
            "Read the original article on Northfield Weekly.",
            "The water is expected to fall below the flood line by Friday, forecasters said.",
        ]
    )
    assert "Install the Ledger app" not in text
    assert "Read the original article" not in text
    assert "expected to fall below the flood line" in text


def test_standfirst_marked_by_class_under_the_headline_leads_the_body() -> None:
    standfirst = "Forecasters say the crest will pass the lower town before dawn on Friday."
    # the headline block sits apart from the article's container, where extractors do not look
    html = (
        f"<html><head><title>River rises to record height</title>{_ld('2023-12-20T12:00:00Z')}</head><body>"
        "<div class='top'><div class='title'><h1>River rises to record height</h1></div>"
        f'<h2 class="sub-headline">{standfirst}</h2></div>'
        f"<nav><a href='/'>Home</a></nav><article>{PARAGRAPH * 3}</article></body></html>"
    )
    text = read_html(html, "page", url=URL).text
    assert text.startswith(standfirst + "\n\nThe river rose")


def _split_header_page(header: str, body: str = PARAGRAPH * 3, head: str = "") -> str:
    return (
        f"<html><head><title>River rises to record height</title>{_ld('2023-12-20T12:00:00Z')}{head}</head><body>"
        f"<div class='top'><h1>River rises to record height</h1>{header}</div>"
        f"<nav><a href='/'>Home</a></nav><article>{body}</article></body></html>"
    )


def test_sentence_case_sub_heading_under_the_headline_is_the_standfirst() -> None:
    html = _split_header_page("<h2>Forecasters expect the crest to pass the lower town before dawn</h2>")
    assert read_html(html, "page", url=URL).text.startswith("Forecasters expect the crest")


def test_title_case_second_headline_is_not_the_standfirst() -> None:
    html = _split_header_page("<h2>Mill Street Shops Close As River Keeps Rising</h2>")
    assert "Mill Street Shops Close" not in read_html(html, "page", url=URL).text


def test_strapline_after_the_byline_is_the_standfirst() -> None:
    header = (
        "<div class='byline'>By <a href='/people/ines-calloway'>Ines Calloway</a>"
        "<time datetime='2023-12-20T12:00:00Z'>20 December 2023</time></div><p class='strapline'>Still rising.</p>"
    )
    html = _split_header_page(header.replace("Still rising.", "Still rising, slowly."))
    assert read_html(html, "page", url=URL).text.startswith("Still rising, slowly.")


def test_declared_body_wins_when_the_extraction_swept_in_much_more() -> None:
    sentence = "The river rose another half metre overnight in the lower town of Northfield, the council said. "
    declared = sentence * 12
    others = "".join(
        f"<p>Team {n} had another week of mixed results on the road, and the coach said so after the game.</p>"
        for n in range(60)
    )
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "River rises to record height",'
        f' "articleBody": "{declared.strip()}"}}</script>'
    )
    html = (
        f"<html><head><title>River rises to record height</title>{ld}</head><body><article>"
        f"<h1>River rises to record height</h1><p>{declared}</p>{others}</article></body></html>"
    )
    text = read_html(html, "page", url=URL).text
    assert "Team 7 had another week" not in text
    assert text.startswith("The river rose another half metre")


@pytest.mark.parametrize(
    "promo",
    [
        "Don't want to miss a single column? Sign up to get the Ledger Weekly in your inbox.",
        "[Image via Northfield Police Department]",
        "Contact Ines Calloway at ines.calloway@northfieldledger.example.",
        "This article has been reviewed according to the Ledger's editorial process and policies.",
        "Please enter your date of birth to view this video",
    ],
)
def test_more_promo_lines_leave_the_body(promo: str) -> None:
    text = _body([promo, "The water is expected to fall below the flood line by Friday, forecasters said."])
    assert promo[:20] not in text
    assert "expected to fall below the flood line" in text


def test_kicker_label_and_wire_credit_lines_leave_the_ends_of_the_body() -> None:
    story = [f"Paragraph {n} of the story tells what the river did on day {n} of the flood." for n in range(1, 4)]
    paragraphs = "".join(
        f"<p>{text}</p>" for text in ["Guest Essay", *story, "Ines Calloway reported from Northfield."]
    )
    text = read_html(_split_header_page("", body=paragraphs), "page", url=URL).text
    assert text.startswith("Paragraph 1 of the story")
    assert text.endswith("day 3 of the flood.")


def test_a_short_sentence_opening_the_body_stays() -> None:
    text = _body(["It rained.", "The river rose another metre by the evening, the council said."])
    assert text.startswith("It rained.")

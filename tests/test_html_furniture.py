"""Page furniture kept out of the body, the byline's date, and display headlines.

Pages and lines written for these tests (the fictional Northfield Ledger), not copied from the web.
"""

from __future__ import annotations

import pytest

from dateline.extract.html import read_html
from dateline.extract.html_dates import byline_date
from dateline.extract.html_furniture import is_about_line, is_embed_residue, is_list_heading, trim_references

URL = "https://www.northfieldledger.example/news/river-rises"
SENTENCE = "The river rose another half metre overnight in the lower town of Northfield. "
PARAGRAPH = f"<p>{SENTENCE * 3}</p>"


def _page(body: str, head: str = "", header: str = "") -> str:
    return (
        f"<html><head><title>River rises to record height</title>{head}</head><body><article><header>"
        f"<h1>River rises to record height</h1>{header}</header>{PARAGRAPH * 3}{body}</article></body></html>"
    )


def _text(body: str) -> str:
    return read_html(_page(body), "page", url=URL).text


# ---------------------------------------------------------------- pruned containers


def test_dialog_and_disclosure_boxes_leave_the_body() -> None:
    text = _text(
        '<div role="dialog"><p>Why the Ledger recommends products: our reviewers test every item for weeks'
        " before they write a word about it.</p></div>"
        '<div class="c-affiliateDisclosure"><p>We may be paid when you buy through the links on this page,'
        " which helps fund our newsroom and its reporting.</p></div>"
        "<p>Sandbags went up along Mill Street as the water kept rising on Tuesday night.</p>"
    )
    assert "reviewers test every item" not in text
    assert "paid when you buy" not in text
    assert "Sandbags went up along Mill Street" in text


def test_reader_comments_under_an_unusual_class_leave_the_body() -> None:
    comments = "".join(
        f'<li class="forum-comment"><div class="forum-comment-content"><p>reader{n} I lived on Mill Street for'
        f" years and the water never came this high, not even in the spring of the big melt. Reply</p></div></li>"
        for n in range(4)
    )
    text = _text(f'<div class="forum-comment-widget"><ul class="forum-comments-list">{comments}</ul></div>')
    assert "reader1" not in text
    assert "overnight in the lower town" in text


def test_commentary_is_not_taken_for_comments() -> None:
    text = _text(
        '<div class="commentary-body"><p>The council should have raised the barrier years ago, and the cost of'
        " waiting is now plain to everyone in the lower town.</p></div>"
    )
    assert "The council should have raised the barrier" in text


# ---------------------------------------------------------------- lines


def test_reference_list_at_the_end_is_trimmed() -> None:
    paragraphs = [
        "The sediment cores show three earlier floods of this size.",
        "The team will drill again in the spring.",
        "References",
        "[1] Roe, J. Flood deposits of the Mill valley. Northfield Papers 12, 2021.",
        "[2] Doe, A. et al. River levels since 1850. Hydrology Letters, 2019.",
        "Jane Roe et al, Silt in the lower town, River Letters (2022).",
    ]
    assert trim_references(paragraphs) == paragraphs[:2]


def test_science_service_credits_and_separator_are_trimmed() -> None:
    paragraphs = [
        "The sediment cores show three earlier floods of this size.",
        "_____",
        "J. Roe et al. 2023. Flood deposits of the Mill valley. Northfield Papers 12: 1-9",
        "More information: J. Roe et al, Flood deposits, Northfield Papers (2023). DOI: 10.1234/np.5678",
        "Provided by Northfield University",
    ]
    assert trim_references(paragraphs) == paragraphs[:1]


def test_a_citation_inside_the_text_stays() -> None:
    paragraphs = [
        "The case, Roe et al. v. Northfield Water Board, was filed in 2021.",
        "The board says it will appeal whatever the ruling.",
    ]
    assert trim_references(paragraphs) == paragraphs
    closing = ["The cores were dated last spring.", "The study by Roe et al. was published in River Letters in 2023."]
    assert trim_references(closing) == closing


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('<a href="https://social.example/hashtag/Flood">#Flood</a> water at the bridge', True),
        ("Jane Roe @janeroe", True),
        ("Jane Roe (@janeroe)", True),
        ("The mayor wrote to Jane Roe about the flood on Tuesday.", False),
        ("Prices rose 5% <br> in the year", True),
        ("Temperatures fell below 0 < 3 days later", False),
    ],
)
def test_embed_residue(line: str, expected: bool) -> None:
    assert is_embed_residue(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Editor’s note: This story was first published in the Ledger's spring magazine.", True),
        ("Marta Kowalczyk contributed to this report.", True),
        ("For more local news, visit northfieldledger.example/local", True),
        ("From the December 23rd 2023 edition", True),
        ("Instagram content", True),
        ("This content can also be viewed on the site it originates from.", True),
        ("Get The Riverwatch delivered every Thursday.", True),
        ("Our journalism needs your support. Please subscribe today.", True),
        ("Listen to The Ledger Daily on Spotify, Apple Podcasts and Google Podcasts.", True),
        ("The Ledger's primary mission is to report the news of the valley.", True),
        ("Northfield Power's mission is to keep the lights on through every flood, its chief said.", False),
        ("A previous version of this story gave the wrong height for the barrier.", True),
        ("Materials provided by Northfield University. Note: Content may be edited for style and length.", True),
        ("Join our reader forums to talk about the flood.", True),
        ("Your subscription has been confirmed. Keep an eye on your inbox!", True),
        ("Comments on this piece are premoderated to keep the discussion on the flood.", True),
        ("Marta KowalczykDec 05, 20232 Shares1530 Views", True),
        ("5 min read", True),
        ("This story was originally published December 22, 2023, 11:09 AM.", True),
        ("This post originally appeared on Northfield Weekly.", True),
        ("*Names have been changed", True),
        ("Source images by Jane Roe and Ledger Archive.", True),
        ("Images of the flood show how high the water rose in the lower town.", False),
        ("The flood video had 2 million views.", False),
        ("The editor's notes were found in the archive after the flood.", False),
        ("The council will visit the barrier on Friday.", False),
        ("For more than 20 years, residents would visit the lake each summer.", False),
        ("Her mission is to rebuild the lower town before winter.", False),
    ],
)
def test_about_lines(line: str, expected: bool) -> None:
    assert is_about_line(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("The Ledger’s Most Read Stories of 2023", True),
        ("Most popular", True),
        ("Trending this week", True),
        ("Trending on Ledger Sports", True),
        ("Our Coverage of the Northfield Flood", True),
        ("More coverage", True),
        ("Our coverage of the flood has been read by thousands.", False),
        ("Most residents stayed home on Tuesday.", False),
    ],
)
def test_list_heading(line: str, expected: bool) -> None:
    assert is_list_heading(line) is expected


def test_most_read_list_ends_a_short_article_before_half_way() -> None:
    story = "<p>The barrier held through the night, the engineers said on Wednesday morning.</p>"
    headlines = "".join(f"<p>Harbor bridge reopens after repair number {n}</p>" for n in range(6))
    text = _text(f"{story}<p>The Ledger’s Most Read Stories of 2023</p>{headlines}")
    assert "The barrier held through the night" in text
    assert "Harbor bridge reopens" not in text
    assert "Most Read" not in text


def test_a_list_heading_followed_by_prose_early_on_stays() -> None:
    text = _text(
        "<p>Trending now</p><p>Flood insurance claims doubled this year, the regulator said on Monday.</p>"
        + PARAGRAPH * 3
    )
    assert "Flood insurance claims doubled" in text


# ---------------------------------------------------------------- byline date and display headline


def test_byline_date_when_the_page_states_no_machine_date() -> None:
    html = (
        "<html><head><title>River rises</title></head><body><div class='side'><div class='m-author'>By "
        "<a href='/staff/marta-kowalczyk/'>Marta Kowalczyk</a> <span>December 21, 2023</span></div></div>"
        f"<main><h2>River rises to record height</h2>{PARAGRAPH * 3}</main>"
        "<aside><div class='m-author'>By <a href='/staff/desmond-achebe/'>Desmond Achebe</a> "
        "<span>December 2, 2023</span></div></aside></body></html>"
    )
    assert read_html(html, "page", url="https://example.org/river").published == "2023-12-21"


def test_a_quoted_source_block_is_not_the_byline() -> None:
    import lxml.html

    tree = lxml.html.fromstring(
        "<div><div class='statement-author'><a href='/personalities/posts/'>Posts</a> stated on December 13,"
        " 2023</div><div class='m-author'>By <a href='/staff/jane-roe/'>Jane Roe</a> December 21, 2023</div></div>"
    )
    assert byline_date(tree) == "2023-12-21"


def test_display_headline_wins_when_the_structured_title_is_the_standfirst() -> None:
    dek = "A rare flood barrier built in the 1920s could save the lower town, if only it can be repaired"
    html = (
        f'<html><head><meta property="og:title" content="{dek}"><title>{dek} | Ledger</title></head><body>'
        f"<article><header><h1>The old wall</h1><h2>{dek} in time</h2></header>{PARAGRAPH * 3}</article>"
        "</body></html>"
    )
    assert read_html(html, "page").title == "The old wall"


def test_a_short_h1_without_a_matching_standfirst_is_not_the_headline() -> None:
    title = "A rare flood barrier built in the 1920s could save the lower town"
    html = (
        f'<html><head><meta property="og:title" content="{title}"></head><body>'
        f"<article><h1>Ledger</h1><h2>Sections</h2>{PARAGRAPH * 3}</article></body></html>"
    )
    assert read_html(html, "page").title == title


@pytest.mark.parametrize(
    "dek",
    [
        '<section class="deck">Engineers say the old barrier can hold one more winter if the seams are'
        " sealed.</section>",
        '<p>By <a href="/staff/marta-kowalczyk/">Marta Kowalczyk</a></p><div class="article-excerpt">Engineers'
        " say the old barrier can hold one more winter if the seams are sealed.</div>",
    ],
)
def test_standfirst_in_a_deck_section_or_an_excerpt_leads_the_body(dek: str) -> None:
    article = read_html(_page("", header=dek), "page", url=URL)
    assert article.paragraphs[0] == "Engineers say the old barrier can hold one more winter if the seams are sealed."


def test_a_section_label_over_the_headline_is_not_the_title() -> None:
    title = "A rare flood barrier built in the 1920s could save the lower town"
    html = (
        f'<html><head><meta property="og:title" content="{title}"></head><body><article>'
        f"<h1>Local News</h1><h2>{title}</h2>{PARAGRAPH * 3}</article></body></html>"
    )
    assert read_html(html, "page").title == title


def _authored(paragraphs: list[str]) -> str:
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    html = (
        '<html><head><title>River rises</title><meta name="author" content="Marta Kowalczyk"></head><body>'
        f"<article><h1>River rises to record height</h1><p>By Marta Kowalczyk</p>{body}{PARAGRAPH * 3}</article>"
        "</body></html>"
    )
    return read_html(html, "page", url=URL).text


def test_short_author_bio_under_the_byline_leaves_the_body() -> None:
    text = _authored(
        [
            "Marta Kowalczyk writes about floods and rivers from Northfield.",
            "Ms. Kowalczyk is the Ledger's deputy science editor.",
            "The water reached Mill Street at dawn on Tuesday.",
        ]
    )
    assert "writes about floods" not in text
    assert "deputy science editor" not in text
    assert "The water reached Mill Street" in text


def test_a_lead_about_someone_sharing_the_authors_first_name_stays() -> None:
    text = _authored(["Marta Lindqvist, 81, is a retired ferry pilot who has seen every flood since 1962."])
    assert "Marta Lindqvist, 81, is a retired ferry pilot" in text

"""read_text_dump: plain-text dumps of printed news pages -> Article.

The fixtures under fixtures/dumps are fictional articles written for these tests in the dumps' format.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.errors import DocumentError
from dateline.extract.textdump import read_text_dump
from dateline.record import Article

FIXTURES = Path(__file__).parent / "fixtures" / "dumps"
SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_7cf8419b6963604b.txt"
BARE_URL_LINE = re.compile(r"^\s*(?:https?://|mailto:)\S*\s*$", re.IGNORECASE | re.MULTILINE)


def read_fixture(name: str) -> Article:
    path = FIXTURES / name
    return read_text_dump(path.read_text(encoding="utf-8"), str(path))


def page(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs) + "\n"


PROSE = (
    "The river council met on Tuesday evening to discuss the plan for the new footbridge, and its members\n"
    "agreed that the work should begin before the summer floods arrive in the lower town this year."
)


# --- the footer URL -----------------------------------------------------------------------------------


def test_footer_url_is_rejoined_exactly_at_a_hyphen() -> None:
    article = read_fixture("seed_style.txt")
    assert article.url == (
        "https://www.harborledger.com/2024/11/14/lakeside-council-rejects-claims-ferry-timetable-failed-b2231"
    )


def test_footer_url_is_rejoined_exactly_at_a_slash() -> None:
    dump = page(PROSE, "Original url:\nhttps://news.example.org/world/2023/05/\nfloods-reach-the-lower-town")
    assert read_text_dump(dump, "t").url == "https://news.example.org/world/2023/05/floods-reach-the-lower-town"


def test_footer_and_link_lines_never_reach_the_body() -> None:
    for name in ("seed_style.txt", "header_footer.txt", "formfeed_soft_hyphen.txt"):
        article = read_fixture(name)
        assert not BARE_URL_LINE.search(article.text), name
        assert "Original url" not in article.text
        assert "http" not in article.text


# --- line-end hyphens ---------------------------------------------------------------------------------


def test_soft_hyphen_is_joined_into_one_word() -> None:
    text = read_fixture("formfeed_soft_hyphen.txt").text
    assert "centimetres" in text
    assert "important enough" in text
    assert "impor-" not in text


def test_real_compound_keeps_its_hyphen() -> None:
    assert "her ex-girlfriend, who delivers bread" in read_fixture("formfeed_soft_hyphen.txt").text


def test_capitalised_continuation_keeps_the_hyphen() -> None:
    dump = page(
        "The mayor told the Lakeside Journal-\nConstitution that the council would vote again next week on the "
        "bridge plan and on the budget."
    )
    assert "Journal-Constitution" in read_text_dump(dump, "t").text


# --- browser header/footer and page breaks ------------------------------------------------------------


def test_browser_header_and_footer_lines_are_removed() -> None:
    article = read_fixture("header_footer.txt")
    assert "3/5/25" not in article.text
    assert "The Valley Courier" not in article.text.split("\n\n")[0]
    assert not re.search(r"^\d+/\d+$", article.text, re.MULTILINE)
    assert "- The Valley Courier" not in article.text


def test_paragraph_cut_by_a_page_break_is_rejoined() -> None:
    article = read_fixture("header_footer.txt")
    assert "when the damage to the young fruit is usually done. Frost in April" in article.text


def test_form_feeds_split_pages_but_never_reach_the_text() -> None:
    article = read_fixture("formfeed_soft_hyphen.txt")
    assert "\f" not in article.text
    assert article.text.endswith("reuse most of them in the new arch.")
    assert len(article.paragraphs) == 4


def test_boilerplate_is_dropped() -> None:
    text = read_fixture("header_footer.txt").text + read_fixture("formfeed_soft_hyphen.txt").text
    for furniture in ("Subscribe", "Comments", "Privacy Policy", "cookies", "Share on", "Most Popular",
                      "Winter market", "©"):  # fmt: skip
        assert furniture not in text


# --- promos, captions, authors, titles, dates ---------------------------------------------------------


def test_related_promo_becomes_a_related_link() -> None:
    article = read_fixture("seed_style.txt")
    assert "Related article" not in article.text
    related = [link for link in article.links if link.rel == "related"]
    assert [(link.url, link.text) for link in related] == [
        ("https://www.harborledger.com/2026/02/03/lakeside-ferry-fares-rise-for-winter",
         "Lakeside Ferry Fares Rise for Winter"),
    ]  # fmt: skip


def test_related_link_never_moves_the_publication_date() -> None:
    assert read_fixture("seed_style.txt").published == "2024-11-14"


def test_caption_and_credit_are_split_off_the_body() -> None:
    article = read_fixture("seed_style.txt")
    assert article.caption == "A ferry leaving the northern landing at dawn."
    assert article.credit == "Lakeside Port Authority / Orla Finch"
    assert "ferry leaving" not in article.text
    assert article.text.startswith("The Lakeside council on Thursday")


def test_author_from_author_page_slug() -> None:
    article = read_fixture("seed_style.txt")
    assert article.authors == ["Jane Doe"]
    assert [(link.url, link.rel) for link in article.links if link.rel == "author"] == [
        ("https://www.harborledger.com/author/jane-doe-3", "author")
    ]


def test_author_slug_is_cased_as_the_text_writes_it() -> None:
    dump = page(PROSE + " The AFP news agency said so.", "https://www.example.com/author/afp-2", "")
    assert read_text_dump(dump, "t").authors == ["AFP"]


def test_byline_authors() -> None:
    assert read_fixture("header_footer.txt").authors == ["Marta Kowalczyk", "Deshawn Reyes"]


def test_title_from_slug_is_cased_as_the_body_writes_it() -> None:
    assert read_fixture("seed_style.txt").title == "Lakeside council rejects claims ferry timetable failed"


def test_title_from_the_printed_headline() -> None:
    assert read_fixture("header_footer.txt").title == "Orchard growers turn to night frost alarms"
    assert read_fixture("formfeed_soft_hyphen.txt").title == "Bridge repairs close the old quarry road"


def test_date_from_url_path() -> None:
    assert read_fixture("formfeed_soft_hyphen.txt").published == "2024-01-09"


def test_date_printed_near_the_headline() -> None:
    assert read_fixture("header_footer.txt").published == "2025-03-04"
    dump = page("Footbridge plan approved", "Published 1/4/24", PROSE)
    assert read_text_dump(dump, "t").published == "2024-01-04"


def test_outlet_from_host() -> None:
    assert read_fixture("header_footer.txt").outlet == "The Valley Courier" or (
        read_fixture("header_footer.txt").outlet == "Valley Courier"
    )
    assert read_fixture("formfeed_soft_hyphen.txt").outlet == "Example County News"


def test_missing_footer_is_a_warning_not_an_error() -> None:
    article = read_text_dump(page("Footbridge plan approved", PROSE), "t")
    assert article.url is None
    assert any("url" in warning.lower() for warning in article.warnings)
    assert article.text == " ".join(PROSE.split("\n"))


# --- errors and robustness ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   \n\n \f \n", "\x00\x01\x02\x03binary\x00\x00" * 20, "... --- !!!"])
def test_no_article_is_a_document_error(text: str) -> None:
    with pytest.raises(DocumentError) as raised:
        read_text_dump(text, "some/dump.txt")
    assert raised.value.origin == "some/dump.txt"


dump_lines = st.one_of(
    st.text(max_size=120),
    st.sampled_from(["", "Original url:", "https://example.com/a-", "b/c", "1/4/24, 1:48 AM", "2/7", "\f",
                     "Related article: Something New", "By Jane Doe", "word-", "continued here.",
                     "x\u2028https://example.com/y", "line\rhttp://example.com/z", "\x0bmailto:a@b.c"]),
)  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(dump_lines, max_size=60))
def test_arbitrary_text_only_ever_raises_document_error(lines: list[str]) -> None:
    try:
        article = read_text_dump("\n".join(lines), "fuzz")
    except DocumentError:
        return
    # every kind of line break counts: str.splitlines also breaks at \x0b, \x1c, \u2028 and the like
    assert not any(BARE_URL_LINE.match(line) for line in article.text.splitlines())
    assert all(paragraph.strip() for paragraph in article.paragraphs)


# --- the seed -----------------------------------------------------------------------------------------


@pytest.mark.skipif(not SEED.is_file(), reason="the shared seed is not present")
def test_seed_read_right() -> None:
    article = read_text_dump(SEED.read_text(encoding="utf-8"), str(SEED))
    assert article.url == (
        "https://www.themoscowtimes.com/2024/07/17/kremlin-dismisses-claims-that-kharkiv-offensive-failed-a85742"
    )
    assert article.outlet == "The Moscow Times"
    assert article.published == "2024-07-17"
    assert article.title == "Kremlin dismisses claims that Kharkiv offensive failed"
    assert article.authors == ["AFP"]
    assert article.caption == "A Russian army serviceman in Ukraine's Kharkiv region."
    assert article.credit == "Russian Defense Ministry / TASS"
    paragraphs = article.paragraphs
    assert len(paragraphs) == 8
    assert paragraphs[0].startswith("The Kremlin on Wednesday dismissed suggestions")
    assert paragraphs[0].endswith("to protect civilians from Ukrainian shelling.")
    assert paragraphs[4] == (
        '"This operation is ongoing, it will continue until it has been successfully completed," he told reporters.'
    )
    assert paragraphs[-1].startswith("He said entry to the border area would be limited starting next Tuesday")
    assert paragraphs[-1].endswith("permitted to pass through checkpoints.")
    assert all("\n" not in paragraph for paragraph in paragraphs)
    assert not BARE_URL_LINE.search(article.text) and "http" not in article.text
    assert "Related article" not in article.text and "TASS" not in article.text
    related = [link for link in article.links if link.rel == "related"]
    assert [(link.url, link.text) for link in related] == [
        ("https://www.themoscowtimes.com/2026/06/12/russia-ukraine-swap-190-prisoners-of-war",
         "Russia, Ukraine Swap 190 Prisoners of War"),
    ]  # fmt: skip


# --- headlines: share texts, browser title line, wrapped headlines ------------------------------------

BODY = page(
    "The river council met on Tuesday evening to discuss the plan for the new footbridge, and its members\n"
    "agreed that the work should begin before the summer floods arrive in the lower town this year.",
    "Engineers from the county office said the old piers could carry the new deck, although two of them\n"
    "will need fresh concrete footings before the first spans are lifted into place by the crane crews.",
    "Residents who spoke at the meeting asked for a temporary ferry while the crossing is closed, and the\n"
    "council promised to publish a timetable for it within a fortnight of the vote on the final budget.",
)


def test_title_from_share_text_printed_over_wrapped_lines() -> None:
    dump = page(
        "Menu",
        "LOWER TOWN COUNCIL BACKS THE NEW\nFOOTBRIDGE OVER THE WILLOW\nRIVER",
        BODY,
        "https://twitter.com/intent/tweet?text=Lower%20Town%20Council%20Backs%20the%20New%20Footbridge%20over"
        "%20the%20Willow%20River&url=https%3A%2F%2Fwillowgazette.example%2Fnews%2Ffootbridge-vote-approved",
        "",
        "Original url:\nhttps://willowgazette.example/news/footbridge-vote-approved",
    )
    # matched whatever the case and line breaks; the share text has the real casing
    assert read_text_dump(dump, "t").title == "Lower Town Council Backs the New Footbridge over the Willow River"


def test_share_text_of_another_article_is_not_the_title() -> None:
    dump = page(
        "Footbridge vote approved at last",
        BODY,
        "Ferry fares to rise in spring",
        "https://twitter.com/intent/tweet?text=Ferry%20fares%20to%20rise%20in%20spring"
        "&url=https%3A%2F%2Fwillowgazette.example%2Fnews%2Fferry-fares-rise",
        "",
        "Original url:\nhttps://willowgazette.example/news/footbridge-vote-approved",
    )
    assert read_text_dump(dump, "t").title == "Footbridge vote approved at last"


def test_browser_title_line_without_the_site_part_matches_the_printed_headline() -> None:
    dump = (
        "3/5/25, 9:12 AM\n\nFootbridge vote splits the Willow council | The Willow Gazette\n\n"
        "The Willow Gazette\n\nFootbridge vote splits the\nWillow council\n\n" + BODY + "\n"
        "https://willowgazette.example/news/bridge-vote\n1/1\n\n"
    )
    assert read_text_dump(dump, "t").title == "Footbridge vote splits the Willow council"


def test_site_part_of_the_title_line_is_not_taken_for_the_headline() -> None:
    dump = (
        "3/5/25, 9:12 AM\n\nCouncil picks a design | Willow Weekly\n\nWillow Weekly\n\n"
        "Council picks a design for the crossing\n\n" + BODY + "\n"
        "https://willowweekly.example/news/council-picks-design-crossing\n1/1\n\n"
    )
    assert read_text_dump(dump, "t").title == "Council picks a design for the crossing"


def test_wrapped_headline_ending_in_a_short_word_takes_its_last_line() -> None:
    dump = page(
        "Sections",
        "Ferry timetable for the lower town goes up\nSunday",
        BODY,
        "Original url:\nhttps://willowgazette.example/news/ferry-timetable-lower-town",
    )
    assert read_text_dump(dump, "t").title == "Ferry timetable for the lower town goes up Sunday"


def test_section_label_under_the_headline_is_not_glued_to_it() -> None:
    dump = page(
        "Local Politics",
        "Footbridge vote approved after a long night of debate in the lower town\nLocal Politics",
        BODY,
        "Original url:\nhttps://willowgazette.example/news/footbridge-vote-approved-long-night-debate",
    )
    assert read_text_dump(dump, "t").title == "Footbridge vote approved after a long night of debate in the lower town"


def test_headline_split_by_line_width_is_joined_without_a_slug() -> None:
    dump = page("Sections", "Why the Willow council finally said yes to the\nNew Footbridge", BODY)
    assert read_text_dump(dump, "t").title == "Why the Willow council finally said yes to the New Footbridge"


def test_breadcrumb_is_not_part_of_the_headline() -> None:
    dump = page(
        "News > Local > Bridges",
        "Footbridge vote approved",
        BODY,
        "Original url:\nhttps://willowgazette.example/news/footbridge-vote-approved",
    )
    assert read_text_dump(dump, "t").title == "Footbridge vote approved"


def test_url_from_share_links_without_a_footer() -> None:
    share = "https://www.facebook.com/sharer.php?u=https%3A%2F%2Fwillowgazette.example%2F2025%2F03%2F04%2Fbridge-vote"
    dump = page("Footbridge vote approved", BODY, share, share.replace("facebook.com/sharer.php", "linkedin.com/share"))
    article = read_text_dump(dump, "t")
    assert article.url == "https://willowgazette.example/2025/03/04/bridge-vote"
    assert article.published == "2025-03-04"


# --- publication dates --------------------------------------------------------------------------------


def test_published_label_far_from_the_headline() -> None:
    furniture = [f"Menu item {n}" for n in range(14)]
    label = "Published: 09:10 GMT, 4 March 2025 | Updated: 5 March 2025"
    dump = page("Footbridge vote approved", BODY, *furniture, label)
    assert read_text_dump(dump, "t").published == "2025-03-04"


def test_byline_date_glued_to_the_headline() -> None:
    dump = page("Footbridge vote approved\nBy Orla Finch on March 4, 2025", BODY)
    assert read_text_dump(dump, "t").published == "2025-03-04"


def test_machine_time_stamp() -> None:
    dump = page("Footbridge vote approved", "Orla Finch 2025-03-04T09:15:00Z", BODY)
    assert read_text_dump(dump, "t").published == "2025-03-04"


def test_a_date_the_body_mentions_is_not_a_published_label() -> None:
    dump = page(
        "Footbridge vote approved",
        "Mar 4, 2025 10:54am",
        "A study by the county published Sept. 26, 2019, in the Willow Review found the piers sound.",
        BODY,
    )
    assert read_text_dump(dump, "t").published == "2025-03-04"


def test_citation_retrieval_date_is_not_the_publication_date() -> None:
    dump = page(
        "Footbridge vote approved",
        BODY,
        "Citation: Footbridge vote approved (2025, March 4) retrieved 9 March 2025 from the Willow Gazette",
    )
    assert read_text_dump(dump, "t").published is None


def test_date_at_the_end_of_the_url_slug() -> None:
    dump = page(BODY, "Original url:\nhttps://willowgazette.example/world/talks-resume-on-bridge-2025-03-04/")
    assert read_text_dump(dump, "t").published == "2025-03-04"


def test_year_and_month_in_the_url_rule_out_other_months() -> None:
    dump = page(
        "Footbridge vote approved",
        "February 27, 2025",
        BODY,
        "Original url:\nhttps://willowgazette.example/news/2025-03-footbridge-vote.html",
    )
    assert read_text_dump(dump, "t").published is None


def test_caption_mentioning_a_date_loses_to_the_published_label() -> None:
    furniture = [f"Menu item {n}" for n in range(14)]
    dump = page(
        "Footbridge vote approved",
        "The old crossing seen from the quay on Thursday,\nJune 1, 2024. (Orla Finch / Willow Gazette)",
        BODY,
        *furniture,
        "Published March 4, 2025 9:02am",
    )
    assert read_text_dump(dump, "t").published == "2025-03-04"


def test_section_name_printed_above_the_headline_is_dropped() -> None:
    dump = page(
        "Bridges",
        "Roads",
        "Bridges",
        "Footbridge vote approved after a long night in the\nlower town",
        BODY,
        "Original url:\nhttps://willowgazette.example/news/footbridge-vote-approved-long-night-lower-town",
    )
    assert read_text_dump(dump, "t").title == "Footbridge vote approved after a long night in the lower town"


# --- body ---------------------------------------------------------------------------------------------


def test_teasers_cut_off_mid_sentence_are_not_the_body() -> None:
    teasers = [
        f"Willow ferry captain {n} tells of the night the river froze over and the whole lower town came out to..."
        for n in range(12)
    ]
    dump = page("Footbridge vote approved", BODY, *teasers)
    article = read_text_dump(dump, "t")
    assert article.text.startswith("The river council met on Tuesday evening")
    assert "ferry captain" not in article.text


def test_headline_printed_twice_in_a_row_is_taken_once() -> None:
    dump = page(
        "Home News Local\nFootbridge vote approved after a long night\nFootbridge vote approved after a long night",
        BODY,
        "Original url:\nhttps://willowgazette.example/news/footbridge-vote-approved-after-long-night",
    )
    assert read_text_dump(dump, "t").title == "Footbridge vote approved after a long night"


def test_line_after_a_headline_that_spells_the_whole_slug_is_not_part_of_it() -> None:
    dump = page(
        "Footbridge vote approved after a long night in the\nlower town\nStaff reporter",
        BODY,
        "Original url:\nhttps://willowgazette.example/news/footbridge-vote-approved-long-night-lower-town",
    )
    assert read_text_dump(dump, "t").title == "Footbridge vote approved after a long night in the lower town"


def test_rubric_in_capitals_above_the_headline_is_dropped() -> None:
    dump = page(
        "THE RIVER BRIEF\nFootbridge vote: why the council finally said yes",
        BODY,
        "Original url:\nhttps://willowgazette.example/news/river-brief-footbridge-vote-council-said-yes",
    )
    assert read_text_dump(dump, "t").title == "Footbridge vote: why the council finally said yes"


def test_reference_lines_and_notices_under_the_story_are_not_the_body() -> None:
    dump = page(
        "Footbridge vote approved",
        BODY,
        "More information: Orla Finch et al, Load tests of the Willow piers, Willow Engineering Review (2025).",
        "Citation: Footbridge vote approved (2025, March 4) retrieved 9 March 2025 from the Willow Gazette",
        "This document is subject to copyright. No part may be reproduced without the written permission.",
        "reader comments",
        "Comments are closed.",
    )
    text = read_text_dump(dump, "t").text
    assert text.endswith("within a fortnight of the vote on the final budget.")


def test_notes_under_the_story_are_not_the_body() -> None:
    dump = page(
        "Footbridge vote approved",
        BODY,
        "Orla Finch is a senior reporter for the Willow Gazette, covering the river towns and their councils.",
        "Orla Finch can be reached at orla.finch@willowgazette.example.",
    )
    text = read_text_dump(dump, "t").text
    assert text.endswith("within a fortnight of the vote on the final budget.")


def test_a_person_introduced_mid_story_stays_in_the_body() -> None:
    middle = "Orla Finch is a senior engineer at the county office, and she has inspected the piers twice."
    paragraphs = BODY.strip().split("\n\n")
    dump = page("Footbridge vote approved", paragraphs[0], middle, *paragraphs[1:])
    assert middle in read_text_dump(dump, "t").text


def _other_article_paragraphs(count: int) -> list[str]:
    """Long prose of a different story (an orchard fair), as an infinite-scroll page appends it."""
    return [
        f"Stall holder number {n} at the orchard fair in Brackenford sold out of pressed apple juice before noon,\n"
        "and the organisers said the queue at the cider tent had stretched past the old mill gate by lunchtime."
        for n in range(count)
    ]


def test_the_next_article_of_an_infinite_scroll_page_does_not_replace_the_story() -> None:
    dump = page(
        "Footbridge vote approved after a long night",
        BODY,
        "Orchard fair draws record crowds to Brackenford",
        "March 5, 2025",
        *_other_article_paragraphs(40),
        "Original url:\nhttps://willowgazette.example/news/footbridge-vote-approved-after-long-night",
    )
    article = read_text_dump(dump, "t")
    assert article.text.startswith("The river council met on Tuesday evening")
    assert article.text.endswith("within a fortnight of the vote on the final budget.")
    assert "orchard fair" not in article.text


def test_the_opening_paragraphs_above_an_in_article_box_are_kept() -> None:
    paragraphs = BODY.strip().split("\n\n")
    dump = page(
        "Footbridge vote approved after a long night",
        paragraphs[0],
        paragraphs[1],
        "Recommended",
        "Ferry timetable for the lower town",
        "Advertisement",
        "Brackenford mill reopens its doors",
        "Advertisement",
        paragraphs[2],
        *(
            f"Pier {n} of the old crossing will be surveyed again in April, the county engineers said, and\n"
            "the results will decide whether its footing is replaced or only repaired before the deck is lifted."
            for n in range(6)
        ),
        "Original url:\nhttps://willowgazette.example/news/footbridge-vote-approved-after-long-night",
    )
    assert read_text_dump(dump, "t").text.startswith("The river council met on Tuesday evening")


def test_headline_line_ending_in_the_printed_right_above_runs_on_into_it() -> None:
    # the headline's first line is split off by its width; the slug only spells the second line's words
    dump = page(
        "Menu",
        "2025 Was the Year of the\nAttainable Rowing Boat",
        "Cheap boats took over the lower town marina this spring.",
        BODY,
        "Original url:\nhttps://willowgazette.example/news/attainable-rowing-boats-marina",
    )
    assert read_text_dump(dump, "t").title == "2025 Was the Year of the Attainable Rowing Boat"


def test_headline_line_ending_in_a_preposition_takes_the_next_line_even_with_a_full_stop() -> None:
    dump = page(
        "Menu",
        "Orla Finch Learned to Swim in the\nWillow. Now, She Coaches the County Team",
        "The county's new coach talks about the river that raised her and the pool that never closed.",
        BODY,
        "Original url:\nhttps://willowgazette.example/news/orla-finch-learned-swim-cover",
    )
    title = read_text_dump(dump, "t").title
    assert title == "Orla Finch Learned to Swim in the Willow. Now, She Coaches the County Team"


def test_date_in_us_order_with_dashes() -> None:
    dump = page("Footbridge vote approved", "Orla Finch", "03-04-2025", BODY)
    assert read_text_dump(dump, "t").published == "2025-03-04"
    # a part number or a score is not a date
    dump = page("Footbridge vote approved", "Pier part 12-19-20255 was ordered.", BODY)
    assert read_text_dump(dump, "t").published is None


def test_affiliate_disclosure_is_not_the_body() -> None:
    disclosure = "When you buy through links on the Willow Gazette, we may earn an affiliate commission."
    dump = page("Footbridge vote approved", disclosure, BODY)
    text = read_text_dump(dump, "t").text
    assert text.startswith("The river council met on Tuesday evening")
    assert "affiliate" not in text


def test_embedded_social_post_is_not_the_body() -> None:
    paragraphs = BODY.strip().split("\n\n")
    post = (
        "The new footbridge will finally link both halves of our town, and I could not be prouder of the\n"
        "council today pic.twitter.com/Xy12Ab — Orla Finch (@orlafinch) March 4, 2025"
    )
    dump = page("Footbridge vote approved", paragraphs[0], paragraphs[1], post, paragraphs[2])
    text = read_text_dump(dump, "t").text
    assert "could not be prouder" not in text
    assert text.endswith("within a fortnight of the vote on the final budget.")


def test_captions_with_a_credit_inside_the_story_are_not_the_body() -> None:
    paragraphs = BODY.strip().split("\n\n")
    captions = [
        "Crane crews lift the first steel span of the new footbridge over the Willow river at dawn on Monday.\n"
        "Orla Finch / Willow Gazette",
        "Residents of the lower town watch the old ferry leave the landing stage for the last time this week\n"
        "(Photo: Ben Marsh)",
    ]
    dump = page("Footbridge vote approved", paragraphs[0], captions[0], paragraphs[1], captions[1], paragraphs[2])
    text = read_text_dump(dump, "t").text
    assert "Crane crews" not in text and "old ferry" not in text
    assert text.endswith("within a fortnight of the vote on the final budget.")


def test_a_wider_block_of_the_story_is_kept() -> None:
    # the story runs full width once the sidebar beside it ends: its last paragraph prints wider lines
    narrow = [
        f"Section {n} of the footbridge plan was read out by the clerk on Tuesday, and the council\n"
        "members asked the county engineers how long the crossing would stay closed to walkers\n"
        "and cyclists while the new deck and its steel railings are lifted into place by crane."
        for n in range(4)
    ]
    wide = "\n".join(
        [
            "Residents who spoke at the meeting asked for a temporary ferry while the crossing is closed, "
            "and the council promised",
            "to publish a timetable for it within a fortnight of the vote on the final budget, which is due "
            "in the first week of May",
            "after the county has approved the cost of the new piers and the footings that the engineers asked for.",
        ]
    )
    text = read_text_dump(page("Footbridge vote approved", *narrow, wide), "t").text
    assert text.endswith("the footings that the engineers asked for.")


def test_headline_line_opening_with_that_continues_the_line_above() -> None:
    dump = page(
        "Menu",
        "Meet the Willow Boatyard, the Workshop\nThat Brought Rowing Back to the Lower Town",
        "On the latest episode of our river series, we visit the lower town's oldest boatyard.",
        BODY,
        "Original url:\nhttps://willowgazette.example/news/willow-boatyard-workshop",
    )
    title = read_text_dump(dump, "t").title
    assert title == "Meet the Willow Boatyard, the Workshop That Brought Rowing Back to the Lower Town"

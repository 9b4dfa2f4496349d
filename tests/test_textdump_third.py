"""read_text_dump, third pass. Titles: author cards printed in pieces, headlines written as sentences or
in a bigger font than the standfirst (the layout measures behind that), headlines wrapped past the slug or
over a page, bylines run on, breadcrumbs, doubled headlines. Body: repeats, numbered lists, short
sentences, announced lists, the far run of prose, and what a page prints over and under a story (reading
times, bios, promos, references, disclaimers). Dates: a byline date near the URL's. The benchmark's
ceiling count.

Every dump here is a short fictional page written for these tests in the dumps' format.
"""

from __future__ import annotations

import textwrap

from bench.textdumps import date_printed, title_printed

from dateline.extract.textdump import (
    Paragraph,
    _is_credited_caption,
    _join_far_region,
    _names_picture_source,
    _slug_words,
    _split_caption,
    _story_end,
    _trim_head_meta,
    _trim_tail_promos,
    read_text_dump,
)
from dateline.extract.textdump_headline import big_font, body_column, smaller_font, wrap_bound
from dateline.extract.textdump_tidy import drop_repeats
from tests.test_textdump_rules import BODY, footer, page

SENTENCES = [
    "The ferry crews worked through the night to move the stranded cars off the lower deck",
    "while the harbour master kept the channel closed to every other boat until the morning",
    "tide had turned and the wind had dropped enough for the tugs to hold the hull in place.",
]


DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


def long_body(paragraphs: int = 12) -> str:
    """Prose wrapped at about 90 characters, three lines a paragraph: enough to measure the column.
    (Each paragraph names another day: a paragraph printed twice reads as page furniture.)"""
    return page(*(f"On {DAYS[n % 7]} {n + 1}, " + "\n".join(SENTENCES) for n in range(paragraphs)))


# --- layout measures ----------------------------------------------------------------------------------


def test_wrap_bound_is_where_the_next_word_no_longer_fitted() -> None:
    assert wrap_bound(["Short line"]) is None
    assert wrap_bound(["Ferry crews work", "through the night"]) == len("Ferry crews work") + 1 + len("through")


def test_body_column_comes_from_prose_not_from_menus() -> None:
    prose = [SENTENCES] * 12
    menus = [["Home", "News", "Sport"]] * 40  # many narrow blocks, none ending a sentence
    column = body_column(prose + menus)
    assert column is not None and len(SENTENCES[0]) <= column <= len(SENTENCES[1])
    assert body_column(menus) is None
    assert body_column([SENTENCES] * 3) is None  # too little prose to measure


def test_big_font_is_a_block_wrapped_well_short_of_the_column() -> None:
    assert big_font(["Ferry crews work through", "the stormy night."], 88)
    assert not big_font(SENTENCES, 88)
    assert not big_font(["One line only"], 88)
    assert not big_font(["Ferry crews work through", "the stormy night."], None)


# --- body ---------------------------------------------------------------------------------------------


def test_a_paragraph_printed_twice_is_kept_once() -> None:
    caption = "The old stone bridge seen from the east bank at dawn."
    assert drop_repeats([caption, "First.", caption, "Share", "Share"]) == [caption, "First.", "Share", "Share"]
    fields = ["1. Ann Lee", "Next fight: TBA", "2. Tom Hale", "Next fight: TBA"]
    assert drop_repeats(fields) == fields  # a list's field lines repeat by right
    dump = page(
        "Footbridge plan approved",
        BODY,
        caption,
        "The council will meet again in March to agree on the timetable for the temporary ferry service\n"
        "and to hear from the engineers about the state of the piers under the old stone crossing.",
        caption,
    )
    text = read_text_dump(dump, "t").text
    assert text.count("from the east bank at dawn") <= 1


# --- titles -------------------------------------------------------------------------------------------


def test_author_card_printed_in_pieces_is_not_the_headline() -> None:
    dump = page(
        "Home\nNews",
        "Ferry service to run all night during\nthe footbridge works",
        "JANE\nJANE\nJANE MARLOW\nMARLOW",
        "MARLOW Willow Creek Courier-Post",
        BODY,
    )
    assert read_text_dump(dump, "t").title == "Ferry service to run all night during the footbridge works"


def test_headline_written_as_sentences_in_a_headline_font() -> None:
    dump = page(
        "Home\nNews",
        "The bridge is closing. Here is how\nto cross the river until May.",
        long_body(),
    )
    assert read_text_dump(dump, "t").title == "The bridge is closing. Here is how to cross the river until May."


def test_sentences_in_the_body_font_are_not_a_headline() -> None:
    opening = (
        "The bridge is closing for good. Crews will take the deck apart over the winter and the new one\n"
        "arrives in May."
    )
    dump = page("Home\nNews", opening, long_body())
    assert read_text_dump(dump, "t").title != " ".join(opening.split())


def test_title_case_headline_wraps_on_past_the_slugs_last_word() -> None:
    dump = page(
        "HEALTH",
        "Night Ferry Service Returns\nTo The Old Harbour Crossing",
        BODY,
        footer("night-ferry-service-returns"),
    )
    assert read_text_dump(dump, "t").title == "Night Ferry Service Returns To The Old Harbour Crossing"


def test_headline_finished_atop_the_next_page() -> None:
    slug = "half-of-high-school-seniors-will-not-apply-to-the-colleges-costing-more-than-40"
    dump = (
        page("EDITORS' PICK", "Half Of High School\nSeniors Will Not Apply\nTo The Colleges\nCosting More")
        + "\f"
        + page("Than $40", BODY, footer(slug))
    )
    assert (
        read_text_dump(dump, "t").title
        == "Half Of High School Seniors Will Not Apply To The Colleges Costing More Than $40"
    )


def test_a_page_top_line_without_slug_words_does_not_join_the_headline() -> None:
    dump = page("Seniors Skip Colleges\nCosting More") + "\f" + page("Skip to content", BODY, footer("seniors-skip"))
    assert read_text_dump(dump, "t").title == "Seniors Skip Colleges Costing More"


def test_byline_run_on_under_the_headline_is_not_the_headline() -> None:
    dump = page(
        "Home\nNews",
        "Harbour ferry returns for the winter",
        "Crews said the night crossings would restart on Monday by Ann Reed",
        "December 6, 2023",
        BODY,
    )
    assert read_text_dump(dump, "t").title == "Harbour ferry returns for the winter"


def test_breadcrumb_ending_in_the_headline_gives_the_headline() -> None:
    dump = page("Home News Harbour ferry returns?", "Harbour ferry returns?", "December 6, 2023", BODY)
    assert read_text_dump(dump, "t").title == "Harbour ferry returns?"


# --- dates --------------------------------------------------------------------------------------------


def test_byline_date_a_day_off_the_url_wins_over_another_storys_byline() -> None:
    dump = page(
        "Footbridge plan approved by the river council",
        "By Ann Reed",
        "12/22/2023 05:00 AM EST",
        BODY,
        "More from the desk",
        "By Tom Hale | October 15, 2023 12:00 PM",
        footer("2023/12/21/footbridge-plan-approved-by-the-river-council"),
    )
    assert read_text_dump(dump, "t").published == "2023-12-22"


def test_url_date_stands_when_no_printed_date_is_near_it() -> None:
    dump = page(
        "Footbridge plan approved by the river council",
        "By Ann Reed",
        BODY,
        "By Tom Hale | October 15, 2023 12:00 PM",
        footer("2023/12/21/footbridge-plan-approved-by-the-river-council"),
    )
    assert read_text_dump(dump, "t").published == "2023-12-21"


# --- body: what the page prints under the story -------------------------------------------------------

STORY = [
    "The river council met on Tuesday evening to discuss the plan for the new footbridge, and its members "
    "agreed that the work should begin before the summer floods arrive in the lower town this year.",
    "Engineers from the county office said the old piers could carry the new deck, although two of them "
    "will need fresh concrete footings before the first spans are lifted into place by the crane crews.",
    "Residents who spoke at the meeting asked for a temporary ferry while the crossing is closed, and the "
    "council promised to publish a timetable for it within a fortnight of the vote on the final budget.",
    "The ferry's operator, a family firm that has run boats on the river since the 1950s, said it could "
    "add two crossings an hour at the busiest times if the council paid for a second crew.",
    "Work on the footings is due to start in April, and the council expects the new deck to open to "
    "walkers and cyclists by the end of the summer if the weather holds.",
]


def test_story_end_cuts_at_a_contributor_note_and_what_follows_it() -> None:
    body = [*STORY, "Ann Reed contributed to this report.", "Holiday lights return to the harbour front"]
    assert _story_end(body) == len(STORY)
    assert _story_end(STORY) == len(STORY)


def test_story_end_ignores_a_role_inside_a_sentence_and_an_address_in_a_long_paragraph() -> None:
    role = "Its designer, who is an author and professor of engineering, said the deck would last a century."
    address = (
        "The council is still taking comments on the plan from residents and businesses along the river, and "
        "says it will answer every one of them before the vote. Interested residents should write to "
        "footbridge@willowgazette.example with their views on the design and the timetable."
    )
    assert _story_end([*STORY, role, STORY[0]]) == len(STORY) + 2
    assert _story_end([*STORY, address, STORY[0]]) == len(STORY) + 2
    assert _story_end([*STORY, "You can email Ann at ann@willowgazette.example.", STORY[0]]) == len(STORY)


def test_newsletter_and_event_prompts_under_the_story_are_dropped() -> None:
    body = [*STORY, "Join our forums to keep talking about the river!", "A daily email update of the stories you need."]
    assert _trim_tail_promos(body) == STORY
    long_mention = STORY[0] + " The council will also send a newsletter to every household before the vote."
    assert _trim_tail_promos([*STORY, long_mention]) == [*STORY, long_mention]
    closing = "The ferry subscription will cost residents five pounds a month."
    assert _trim_tail_promos([*STORY, closing]) == [*STORY, closing]  # the story's own last line


def test_reference_list_under_a_science_story_is_dropped() -> None:
    references = [
        "References",
        "1. Reed A, Hale T, et al. Footbridge loads in flood conditions. J Bridge Eng. 2023;12:1-9.",
        "[2] County engineering report, p. 14.",
        "T. Hale et al. 2023. Scour around old river piers. Hydrology 5: 77-90. doi: 10.1234/hyd.2023.5",
    ]
    assert _trim_tail_promos([*STORY, *references]) == STORY
    assert _trim_tail_promos([*STORY, "Reed said the 2023 survey found the piers sound."]) == [
        *STORY,
        "Reed said the 2023 survey found the piers sound.",
    ]


def test_author_bio_with_any_post_ends_the_story_but_a_quoted_source_does_not() -> None:
    bio = "Ann Reed is senior political analyst for the Willow Gazette."
    assert _story_end([*STORY, bio, "Council approves the ferry timetable"]) == len(STORY)
    source = "Maria Lopez is the director of the ferry company, which she said could add crossings."
    assert _story_end([*STORY, source, STORY[0]]) == len(STORY) + 2
    assert _story_end([*STORY, "It is the director who decides.", STORY[0]]) == len(STORY) + 2


# --- body: what the page prints inside the story -------------------------------------------------------


def wide(*texts: str) -> list[str]:
    """Story paragraphs wrapped at 70 characters, as the article's column prints them."""
    return [textwrap.fill(text, 70) for text in texts]


def test_a_numbered_list_in_a_narrower_column_is_the_articles_own() -> None:
    items = [
        f"{n}. The {name} crossing, which the crews rate\nhighly for its calm water and short wait."
        for n, name in enumerate(("north", "east", "mill", "weir"), start=1)
    ]
    dump = page("Ferry crews pick the best crossings of the winter", *wide(*STORY[:3]), *items, *wide(*STORY[3:]))
    text = read_text_dump(dump, "t").text
    assert all(item.split("\n")[0] in text for item in items)


def test_one_narrow_block_in_the_story_is_still_a_sidebar() -> None:
    sidebar = "Sign in to read the\nfull ferry timetable\nfor the winter."
    dump = page("Ferry crews pick the best crossings of the winter", *wide(*STORY[:3]), sidebar, *wide(*STORY[3:]))
    assert "full ferry timetable" not in read_text_dump(dump, "t").text


def test_a_one_line_sentence_between_paragraphs_of_prose_is_kept() -> None:
    for line, kept in (("Then the wind dropped.", True), ("Photo by Ann Reed.", False)):
        dump = page("Ferry crews pick the best crossings", *wide(*STORY[:3]), line, *wide(*STORY[3:]))
        assert (line in read_text_dump(dump, "t").text) is kept


def test_smaller_font_compares_wrap_widths() -> None:
    headline = ["What happens to the ferry", "when the river floods?"]
    assert smaller_font(headline, ["Crews explain how the boats are moved to the upper harbour before", "the water"])
    assert smaller_font(headline, ["Crews explain how the boats are moved upriver"])  # one line, longer
    assert not smaller_font(headline, ["What the crews do", "when it rains"])
    assert not smaller_font(["One line"], ["Crews explain how the boats are moved upriver"])


def test_headline_in_a_bigger_font_wins_over_the_standfirst_under_it() -> None:
    dump = page(
        "Home\nNews",
        "What happens to the ferry\nwhen the river floods?",
        "Crews explain how the boats are moved to the upper harbour before\nthe water rises",
        long_body(),
    )
    assert read_text_dump(dump, "t").title == "What happens to the ferry when the river floods?"


def test_two_words_in_a_folder_are_a_section_not_the_slug() -> None:
    assert _slug_words("https://herald.example/sports/mls/inter-miami/article283420908.html") == ()
    assert _slug_words("https://herald.example/sports/ferry-crews-rescue-cars/article283420908.html") == (
        "ferry",
        "crews",
        "rescue",
        "cars",
    )
    assert _slug_words("https://herald.example/news/ferry-returns") == ("ferry", "returns")


FURNITURE = ["Follow", "Share", "Save", "Listen", "Print"]  # short lines: the headline block keeps its width


def test_headline_with_its_byline_on_the_next_line() -> None:
    dump = page(
        "Opinion",
        "Today's Opinions newsletter",
        "What I hope for the river this winter\nBy Ann R. Reed",
        *FURNITURE,
        BODY,
    )
    assert read_text_dump(dump, "t").title == "What I hope for the river this winter"


def test_standfirst_over_a_byline_line_does_not_hide_the_headline_above() -> None:
    dump = page(
        "Home News News Harbour ferry returns?",
        "Harbour ferry returns?",
        "Crews restart the night crossings after the floods\nby Ann Reed",
        *FURNITURE,
        BODY,
    )
    assert read_text_dump(dump, "t").title == "Harbour ferry returns?"


def test_headline_printed_twice_over_in_one_block() -> None:
    dump = page(
        "Living",
        "Why the Old Night Ferry Still Matters—And How the Town Can Keep It Running\n"
        "Why the Old Night Ferry Still Matters—And How the Town Can Keep It\nRunning",
        *FURNITURE,
        "By Ann Reed",
        BODY,
    )
    expected = "Why the Old Night Ferry Still Matters—And How the Town Can Keep It Running"
    assert read_text_dump(dump, "t").title == expected


def test_an_ellipsis_inside_a_headline_is_no_caption_credit() -> None:
    assert _split_caption("Ferry Chief Won't Sail Again ... Unless It's Calm") is None
    assert _split_caption("The old pier at dawn. Ann Reed") == ("The old pier at dawn.", "Ann Reed")
    dump = page("EXCLUSIVE", "Ferry Chief Won't Sail Again ... Unless It's Calm", "9/8/2015 12:15 PM PT", BODY)
    assert read_text_dump(dump, "t").title == "Ferry Chief Won't Sail Again ... Unless It's Calm"


def test_standards_notes_and_advice_disclaimers_under_the_story_are_dropped() -> None:
    notes = [
        "The information in this article is for educational and informational purposes only.",
        "The Gazette uses only high-quality sources, including peer-reviewed studies, to support the facts.",
        "Read our editorial policy to learn more about our process.",
    ]
    for note in notes:
        assert read_text_dump(page("Footbridge plan approved", BODY, note), "t").text.count(note[:30]) == 0, note


def test_author_card_ends_the_story() -> None:
    body = [*STORY, "Author: Ann Reed, Editor", "Ann has covered the river towns since 2008."]
    assert _story_end(body) == len(STORY)
    assert _story_end([*STORY, "Recent stories by Ann Reed:", "Ferry returns"]) == len(STORY)


def test_a_short_opening_joins_the_far_run_of_prose_but_a_whole_story_does_not() -> None:
    near, best = (2, 12), (30, 60)
    scores = [0.0] * 2 + [40.0] * 10 + [-20.0] * 18 + [40.0] * 30
    assert _join_far_region(near, best, scores, []) == near  # ten paragraphs: a story of its own
    short = [0.0] * 2 + [40.0] * 2 + [0.0] * 8 + [-20.0] * 18 + [40.0] * 30
    paragraphs = [Paragraph(lines=["x"], page=1, text="x") for _ in short]
    assert _join_far_region((2, 4), best, short, paragraphs) == (2, 60)


def test_screenshot_credits_and_from_left_captions_are_captions() -> None:
    assert _names_picture_source("Screenshot: Willow Gazette / Harbour Board")
    assert _is_credited_caption(
        Paragraph(lines=["x"], page=1, text="From left: Ann Reed and Tom Hale on the new deck in March.")
    )
    assert not _is_credited_caption(Paragraph(lines=["x"], page=1, text="From the left bank the view is wide."))


def test_two_words_in_a_folder_after_the_date_are_the_slug() -> None:
    assert _slug_words("https://gazette.example/story/news/2023/12/20/ferry-returns/71234567007/") == (
        "ferry",
        "returns",
    )


def test_items_of_a_list_the_prose_announces_are_kept() -> None:
    intro = textwrap.fill(STORY[1] + " The council listed what the works will close:", 70)
    items = ["The north footpath", "The mill car park", "The ferry steps by the weir"]
    dump = page("Footbridge plan approved", *wide(STORY[0]), intro, *items, *wide(*STORY[2:]))
    text = read_text_dump(dump, "t").text
    assert all(item in text for item in items)
    menu = page("Footbridge plan approved", *wide(*STORY[:2]), "Home", "News", "Sport", *wide(*STORY[2:]))
    assert "Sport" not in read_text_dump(menu, "t").text.split("\n\n")


def test_reading_time_bylines_and_rating_prompts_over_the_story_are_dropped() -> None:
    for meta in ("Ann Reed and others • 6 min read", "Ann Reed 2 months", "Be the first to rate & review!",
                 "PUBLISHED: December 22, 2023 at 8:48 p.m. | UPDATED: December 23, 2023"):  # fmt: skip
        assert _trim_head_meta([meta, *STORY]) == STORY, meta
    assert _trim_head_meta(STORY) == STORY
    assert _trim_head_meta(["The ferry ran for 2 months.", *STORY])[0] == "The ferry ran for 2 months."


# --- the benchmark's ceiling count ----------------------------------------------------------------------


def test_ceiling_finds_titles_and_dates_the_way_dumps_print_them() -> None:
    dump = "Ferry crews rescue cars from the flooded lower\ndeck\n\nBy Ann ReedDec 22, 2023, 06:21 AM ET\n"
    assert title_printed("Ferry crews rescue cars from the flooded lower deck", dump)
    assert not title_printed("Ferry crews rescue vans", dump)
    assert date_printed("2023-12-22", dump)
    assert date_printed("2023-12-22", "stamp 2023-12-22T15:23:34Z")
    assert date_printed("2023-01-23", "Jan 23rd 2024 at 11:15AM")  # the current year stamped on it
    assert not date_printed("2023-12-21", dump)

"""read_text_dump, fourth pass. Body: notices printed on page after page, captions carrying an 'Image
credit:' label, a live blog read as its summary, the reference block under a science story and the
outlet's standards note, the run of paragraphs reaching on past a shopping article's product tiles,
captions printed twice, alt text, teasers cut short, cookie notices, lists printed without their
bullets, a sentence telling a day. Dates: an evergreen story republished years after its URL was made.

Every dump here is a short fictional page written for these tests in the dumps' format.
"""

from __future__ import annotations

from dateline.extract.textdump import _story_end, read_text_dump
from dateline.extract.textdump_furniture import (
    alt_text,
    bullet_runs,
    consent_notice,
    cut_teaser,
    labelled_credit,
    live_entry_stamps,
    printed_often,
    printed_twice_close,
)
from dateline.extract.textdump_region import FURNITURE_MOST, reach_on
from tests.test_textdump_rules import BODY, footer, page

NOTICE = (
    "When you visit the site, the publisher and its partners may store or retrieve information\n"
    "on your browser, mostly in the form of cookies, to make the site work as you expect it to."
)
PROSE = [
    "The river council met on Tuesday evening to discuss the plan for the new footbridge, and its members\n"
    "agreed that the work should begin before the summer floods arrive in the lower town this year.",
    "Engineers from the county office said the old piers could carry the new deck, although two of them\n"
    "will need fresh concrete footings before the first spans are lifted into place by the crane crews.",
    "Residents who spoke at the meeting asked for a temporary ferry while the crossing is closed, and the\n"
    "council promised to publish a timetable for it within a fortnight of the vote on the final budget.",
    "The ferry operator said two boats could run every half hour from the quay, weather permitting, and\n"
    "that the fares would match the bus fares so that nobody would pay more to cross the river than now.",
]


# --- notices printed again and again --------------------------------------------------------------


def test_a_text_printed_on_three_pages_is_a_notice() -> None:
    notice = " ".join(NOTICE.split())
    assert printed_often([(notice, 0), ("A story paragraph", 0), (notice, 3), (notice, 7)]) == {notice}


def test_a_text_printed_three_times_on_one_page_is_not_a_notice() -> None:
    # a page that prints a quote again in a pull quote and a box: the story's text all the same
    quote = "'The ferry will run every half hour from the quay,' the operator said on Friday."
    assert printed_often([(quote, 2), (quote, 2), (quote, 2)]) == set()


def test_short_lines_printed_on_every_page_are_not_notices_here() -> None:
    # a list's field lines repeat by right ('Next fight: TBA'); short furniture is scored elsewhere
    assert printed_often([("Next fight: TBA", page) for page in range(5)]) == set()


def test_a_consent_notice_printed_inside_the_article_on_every_page_is_not_the_body() -> None:
    dump = page(
        "Footbridge plan approved by the river council",
        PROSE[0],
        NOTICE,
        PROSE[1],
        f"\f{NOTICE}",
        PROSE[2],
        f"\f{NOTICE}",
        PROSE[3],
        footer("footbridge-plan-approved-by-the-river-council"),
    )
    article = read_text_dump(dump, "t")
    assert "cookies" not in article.text
    assert "fortnight" in article.text and "bus fares" in article.text


# --- captions with a labelled credit --------------------------------------------------------------


def test_a_caption_with_an_image_credit_label_inside_is_a_caption() -> None:
    assert labelled_credit("A reconstruction of the old bridge. Image credit: Ann Lee et al., doi: 10.1/x.2023.")
    assert labelled_credit("Photo courtesy: the county archive. The ferry in 1950.")


def test_a_lightbox_caption_with_a_wire_photo_credit_is_a_caption() -> None:
    caption = "Crews lift the old deck off the piers, July 24, 2023, in Willow. " * 6
    assert labelled_credit(caption + "(AP Photo/Ann Lee, File) " + caption[:80] + "… more >")
    assert not labelled_credit("The AP photo desk sent Ann Lee to the river, where she took the picture.")


def test_prose_naming_a_picture_without_the_label_is_not_a_caption() -> None:
    assert not labelled_credit("The council showed a photo of the old bridge, and the credit went to Ann Lee.")
    long_paragraph = "The council met. " * 30 + "Image credit: none."
    assert not labelled_credit(long_paragraph)


def test_related_story_cards_with_labelled_credits_are_not_the_body() -> None:
    card = (
        "Fossil footprints of a small dinosaur found in a quarry near the lower town. Image credit:\n"
        "Ann Lee et al., doi: 10.1234/abc.2023.5."
    )
    dump = page("Footbridge plan approved by the river council", *PROSE[:2], card, *PROSE[2:], footer("footbridge"))
    assert "Fossil footprints" not in read_text_dump(dump, "t").text


# --- live blogs -----------------------------------------------------------------------------------


ENTRY = " ".join(PROSE[0].split())  # an entry's opening paragraph


def test_entry_stamps_are_found_when_three_open_an_entry() -> None:
    texts = ["Summary", "2d ago / 7:58 AM UTC", ENTRY, "3h ago", "Headline", ENTRY, "7:15 PM ET", ENTRY]
    assert live_entry_stamps(texts) == [1, 3, 6]


def test_a_box_of_latest_headlines_with_their_ages_is_no_live_blog() -> None:
    texts = ["Latest", "Ferry fares fall", "1h ago", "Footbridge opens", "2h ago", "Quay closes", "3h ago"]
    assert live_entry_stamps(texts) == []
    blurbs = ["1h ago", "See the full timetable of the winter ferries, with fares.", "2h ago", "Short blurb.", "3h ago"]
    assert live_entry_stamps(blurbs) == []  # a teaser's one-line blurb is no entry


def test_video_lengths_and_a_lone_age_are_no_live_blog() -> None:
    assert live_entry_stamps(["0:00", "5:48", "4:53", "6:31"]) == []  # a video player's clocks
    assert live_entry_stamps(["Summary", "2d ago", ENTRY, "3d ago", ENTRY]) == []  # two: a byline's age, a card's


def test_a_live_blog_is_read_as_its_summary() -> None:
    entry = (
        "Crews on the quay said the first boat left at dawn with forty passengers aboard, and the second\n"
        "followed half an hour later once the tide had turned and the wind had dropped in the channel."
    )
    dump = page(
        "Ferry service resumes on the river",
        "What to know",
        *PROSE,
        "2d ago / 7:58 AM UTC",
        "First boat leaves the quay",
        entry,
        "2d ago / 6:30 AM UTC",
        entry.replace("forty", "fifty"),
        "3d ago / 9:10 PM UTC",
        entry.replace("forty", "sixty"),
        footer("ferry-service-resumes-live-updates"),
    )
    article = read_text_dump(dump, "t")
    assert "bus fares" in article.text and "footbridge" in article.text
    assert "passengers" not in article.text


def test_stamps_above_too_little_prose_do_not_cut_the_page() -> None:
    entry = PROSE[0]
    dump = page(
        "Ferry service resumes on the river",
        "1h ago",
        entry,
        "2h ago",
        PROSE[1],
        "3h ago",
        PROSE[2],
        footer("ferry-service-resumes"),
    )
    assert "fortnight" in read_text_dump(dump, "t").text


# --- the reference block under a science story -------------------------------------------------------


def test_a_more_information_block_ends_the_story() -> None:
    body = [" ".join(text.split()) for text in PROSE] + [
        "More information: Ann Lee et al, Footbridge loads over a century of floods, Journal of River "
        "Works (2023). DOI: 10.1234/jrw.2023.1",
        "The county archive has more about the history of the river crossings.",
    ]
    assert _story_end(body) == len(PROSE)


def test_the_outlets_standards_note_ends_the_story() -> None:
    story = [" ".join(text.split()) for text in PROSE] + ["The ferry runs again from Monday."]
    notes = [
        "The opinions expressed here are the author's. The paper publishes a broad range of viewpoints.",
        "Maintaining independence is essential to our mission. Read our editorial policy to learn more.",
    ]
    assert _story_end(story + notes) == len(story)


def test_a_story_about_an_editorial_policy_goes_on() -> None:
    story = [" ".join(text.split()) for text in PROSE] + [
        "The newspaper changed its editorial policy on anonymous sources in 2020, the board said.",
        "Readers who wrote to the editor were split on the change, and the letters page ran them all.",
    ]
    assert _story_end(story) == len(story)


# --- dates ------------------------------------------------------------------------------------------


def test_a_story_republished_years_after_its_url_takes_the_printed_date() -> None:
    dump = page(
        "Five ways to recycle the Christmas tree",
        "December 11, 2023",
        BODY,
        footer("safety/news/2018-12-03-five-ways-to-recycle-the-christmas-tree"),
    )
    assert read_text_dump(dump, "t").published == "2023-12-11"


def test_a_printed_date_a_few_months_after_the_url_does_not_replace_it() -> None:
    # an 'updated' day months later: the URL's date of filing stands
    dump = page(
        "Five ways to recycle the Christmas tree",
        "Updated March 2, 2024",
        BODY,
        footer("2023/12/03/five-ways-to-recycle-the-christmas-tree"),
    )
    assert read_text_dump(dump, "t").published == "2023-12-03"


# --- the run reaching on past product tiles -----------------------------------------------------------


def test_reach_on_crosses_furniture_to_the_next_full_paragraph() -> None:
    full = {5, 7}
    assert reach_on(2, 10, lambda i: False, lambda i: i in full) == 8
    assert reach_on(2, 10, lambda i: i == 6, lambda i: i in full) == 6  # a section heading before the second


def test_reach_on_gives_up_after_too_much_furniture() -> None:
    far = 2 + FURNITURE_MOST + 2
    assert reach_on(2, far + 5, lambda i: False, lambda i: i == far) == 2


# three full lines a paragraph: enough of the story to know its column
COLUMN_PROSE = [
    f"{text}\nThe mayor said on {day} that the crossing would reopen in the spring once the works are done."
    for text, day in zip(PROSE[:3], ("Monday", "Tuesday", "Wednesday"), strict=True)
]
TILES = [line for n in range(7) for line in (f"Harbour Knit Scarf No. {n + 1} ${20 + n}", "RIVER STORES")]
LONG_PARAGRAPH = (
    "Scarves were the quiet winners of the winter markets along the river, and the stall holders on the quay\n"
    "said they had sold out of the thick knitted ones twice before the middle of the month, which had never\n"
    "happened to them in the ten years since the market first opened its doors on the old ferry landing."
)


def test_a_shopping_article_reads_on_past_its_product_tiles() -> None:
    dump = page(
        "The warmest scarves to buy this winter",
        *COLUMN_PROSE,
        *TILES,
        LONG_PARAGRAPH,
        "Related stories",
        "Footbridge opens to walkers after two years of works on the river",
        footer("the-warmest-scarves-to-buy-this-winter"),
    )
    article = read_text_dump(dump, "t")
    assert "stall holders" in article.text
    assert "RIVER STORES" not in article.text and "Footbridge opens" not in article.text


def test_a_date_line_under_the_tiles_ends_the_story() -> None:
    # the next story of an infinite-scroll page: its headline and date line come before its prose
    dump = page(
        "The warmest scarves to buy this winter",
        *COLUMN_PROSE,
        *TILES,
        "Footbridge opens to walkers",
        "December 12, 2023",
        LONG_PARAGRAPH,
        footer("the-warmest-scarves-to-buy-this-winter"),
    )
    assert "stall holders" not in read_text_dump(dump, "t").text


# --- captions printed twice, alt text ---------------------------------------------------------------


def test_a_caption_printed_again_a_few_blocks_on_is_no_part_of_the_story() -> None:
    caption = "Ann Lee, 16, who works at the ferry office, spoke to the council at a hearing on Tuesday."
    texts = [caption, "Photo: county archive", caption, *PROSE]
    assert printed_twice_close(texts) == {caption}
    assert printed_twice_close([caption, *PROSE, *COLUMN_PROSE, caption]) == set()  # far apart: drop_repeats' case


def test_a_caption_and_its_lightbox_copy_are_both_left_out() -> None:
    caption = "Ann Lee, 16, who works at the ferry office, spoke to the council at a hearing on Tuesday."
    dump = page("Footbridge plan approved", PROSE[0], caption, "Photo", caption, *PROSE[1:], footer("x"))
    assert "ferry office" not in read_text_dump(dump, "t").text


def test_alt_text_is_a_lower_case_description_that_ends_no_sentence() -> None:
    assert alt_text("a cat chases a red dot on a couch in a video played on a computer screen")
    assert not alt_text("a cat chases a red dot on a couch, the video shows.")  # a sentence
    assert not alt_text("A cat chases a red dot on a couch in a video played on a computer screen")


# --- lists printed without their bullets -------------------------------------------------------------


def test_bullet_runs_need_prose_on_both_sides_and_three_items() -> None:
    scores = [40.0, -7.0, -7.0, -7.0, 40.0, -7.0, -7.0, 40.0]
    items = [False, True, True, True, False, True, True, False]
    labels = [False] * 8
    assert bullet_runs(scores, items, labels, 0, 8) == {1, 2, 3}  # the two-line run is a caption and credit
    assert bullet_runs(scores[:4], items[:4], labels[:4], 0, 4) == set()  # no prose under it: the page's edge


def test_a_label_inside_a_list_is_kept_but_labels_alone_are_no_list() -> None:
    scores = [40.0, -5.0, -7.0, -7.0, -7.0, 40.0]
    items = [False, False, True, True, True, False]
    labels = [False, True, False, False, False, False]
    assert bullet_runs(scores, items, labels, 0, 6) == {1, 2, 3, 4}
    assert bullet_runs(scores, [False] * 6, [True] * 6, 0, 6) == set()


def test_an_ingredient_list_between_paragraphs_is_kept() -> None:
    dump = page(
        "Kimchi dip for the holidays",
        *PROSE[:2],
        "Just the dip",
        "1 brick cream cheese, softened",
        "2 cups kimchi, chopped small",
        "3 tablespoons kimchi brine",
        "2 teaspoons toasted sesame oil",
        *PROSE[2:],
        footer("kimchi-dip-for-the-holidays"),
    )
    text = read_text_dump(dump, "t").text
    assert "kimchi brine" in text and "sesame oil" in text


def test_a_menu_between_paragraphs_is_no_list() -> None:
    dump = page(
        "Kimchi dip for the holidays",
        *PROSE[:2],
        "Home News",
        "Sport Weather",
        "Local Events",
        "Food And Drink",
        *PROSE[2:],
        footer("kimchi-dip-for-the-holidays"),
    )
    assert "Weather" not in read_text_dump(dump, "t").text


def test_a_sentence_that_tells_the_day_is_no_date_line_of_another_story() -> None:
    dump = page(
        "The night the ferry went missing",
        *PROSE[:3],
        "How The Ferry Went Missing",
        "It's November 24, 1971.",
        PROSE[3],
        footer("the-night-the-ferry-went-missing"),
    )
    assert "bus fares" in read_text_dump(dump, "t").text


def test_a_teaser_cut_short_with_its_link_is_not_the_body() -> None:
    assert cut_teaser("The council has laid out its plans for the crossing and the new piers w… Read more")
    assert cut_teaser("Ferries return to the quay this winter, with fares cut for … more >")
    assert not cut_teaser("Read more about the crossing in our guide to the river.")
    teaser = (
        "The ferry operator has laid out its plans to run two boats every half hour from the quay, and\n"
        "the council said the fares would match the bus fares so that nobody would pay more to cross the\n"
        "river than they do now, while the footbridge is cl… Read more"
    )
    dump = page("Ferry fares fall", *PROSE[:2], teaser, *PROSE[2:], footer("ferry-fares-fall"))
    assert "laid out its plans" not in read_text_dump(dump, "t").text


def test_a_cookie_notice_is_not_the_body_but_a_story_about_cookies_is() -> None:
    notice = (
        "When you visit the site, the publisher and its partners may store information on your browser, "
        "mostly in the form of cookies. You can withdraw your consent at any time."
    )
    assert consent_notice(notice)
    assert not consent_notice("Bake the cookies for ten minutes, then let them cool on the tray before you ice them.")
    dump = page("Ferry fares fall", *PROSE[:2], notice, *PROSE[2:], footer("ferry-fares-fall"))
    text = read_text_dump(dump, "t").text
    assert "withdraw your consent" not in text and "bus fares" in text


def test_a_compact_date_closing_the_url_slug_dates_the_article() -> None:
    from dateline.extract.textdump import _date_evidence

    found, _ = _date_evidence("https://wire.example/europe/dock-strike-automation-20250302", [], 0, 0)
    assert str(found) == "2025-03-02"
    found, _ = _date_evidence("https://wire.example/europe/item-20251399", [], 0, 0)
    assert found is None  # no 99th of a 13th month
    found, _ = _date_evidence("https://wire.example/video/20250302-clip-7", [], 0, 0)
    assert str(found) == "2025-03-02"

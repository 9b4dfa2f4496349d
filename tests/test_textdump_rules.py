"""read_text_dump: the rules for ad labels, promos, headline tails and labels, and fuller headline forms.

Every dump here is a short fictional page written for these tests in the dumps' format.
"""

from __future__ import annotations

from dateline.extract.textdump import AD_LABEL_LINE, read_text_dump


def page(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs) + "\n"


BODY = page(
    "The river council met on Tuesday evening to discuss the plan for the new footbridge, and its members\n"
    "agreed that the work should begin before the summer floods arrive in the lower town this year.",
    "Engineers from the county office said the old piers could carry the new deck, although two of them\n"
    "will need fresh concrete footings before the first spans are lifted into place by the crane crews.",
    "Residents who spoke at the meeting asked for a temporary ferry while the crossing is closed, and the\n"
    "council promised to publish a timetable for it within a fortnight of the vote on the final budget.",
)


def footer(slug: str) -> str:
    return f"Original url:\nhttps://willowgazette.example/news/{slug}"


# --- body -------------------------------------------------------------------------------------------


def test_ad_label_inside_a_paragraph_is_dropped_and_the_paragraph_rejoined() -> None:
    dump = page(
        "Footbridge vote approved",
        "The river council met on Tuesday evening to discuss the plan for the new footbridge, and its\n"
        "members agreed that the work should begin before the summer floods arrive in the lower",
        "ADVERTISEMENT",
        "town this year.",
        BODY,
    )
    text = read_text_dump(dump, "t").text
    assert "ADVERTISEMENT" not in text
    assert "arrive in the lower town this year." in text


def test_only_a_line_that_is_the_ad_label_alone_is_one() -> None:
    for label in ("ADVERTISEMENT", "Advertisement", "Story continues below advertisement", "- Sponsored -"):
        assert AD_LABEL_LINE.match(label), label
    for line in ("An advertisement for the ferry ran all week.", "Ad hoc committee", "Sponsored by the council"):
        assert not AD_LABEL_LINE.match(line), line


def test_related_promo_on_a_double_spaced_page_does_not_swallow_the_next_paragraph() -> None:
    dump = page(
        "Footbridge vote approved",
        "The river council met on Tuesday evening to discuss the plan for the new footbridge, and its",
        "members agreed that the work should begin before the summer floods arrive in the lower town.",
        "Related: These are the bridges to watch in the county this year",
        "The engineers from the county office said the old piers could carry the new deck, although",
        "two of them will need fresh concrete footings before the first spans are lifted into place.",
        "Residents who spoke at the meeting asked for a temporary ferry while the crossing is closed,",
        "and the council promised to publish a timetable for it within a fortnight of the final vote.",
    )
    text = read_text_dump(dump, "t").text
    assert "bridges to watch" not in text
    assert "The engineers from the county office said the old piers" in text


def test_related_promo_wrapped_after_a_short_word_stays_one_promo() -> None:
    dump = page(
        "Footbridge vote approved",
        "The river council met on Tuesday evening to discuss the plan for the new footbridge, and its",
        "members agreed that the work should begin before the summer floods arrive in the lower town.",
        "Related: Council caps an eventful week with",
        "Ferry Timetable Vote",
        BODY,
    )
    text = read_text_dump(dump, "t").text
    assert "eventful week" not in text and "Ferry Timetable Vote" not in text


# --- title ------------------------------------------------------------------------------------------


def test_caption_with_its_credit_under_the_headline_is_not_part_of_it() -> None:
    dump = page(
        "Menu",
        "Footbridge vote: the council finally says yes",
        "Orla Finch, Ben Marsh and the lower town ferry crew at the landing stage on Monday.\n"
        "Illustration by Willow Gazette",
        BODY,
        footer("footbridge-vote-council-says-yes-orla-finch-ben-marsh-ferry-crew"),
    )
    assert read_text_dump(dump, "t").title == "Footbridge vote: the council finally says yes"


def test_media_and_section_tags_after_the_headline_are_cut() -> None:
    for tail in (" [Watch]", " (video)", " | Opinion", " Date:", " Listen · 13:47 13:47", " Author Photo"):
        dump = page("Menu", "Footbridge vote approved after a long night" + tail, BODY,
                    footer("footbridge-vote-approved-after-long-night"))  # fmt: skip
        assert read_text_dump(dump, "t").title == "Footbridge vote approved after a long night", tail


def test_a_headline_that_names_a_video_keeps_the_word() -> None:
    dump = page("Menu", "Council posts footbridge video", BODY, footer("council-posts-footbridge-video"))
    assert read_text_dump(dump, "t").title == "Council posts footbridge video"


def test_short_label_printed_apart_above_a_wrapped_headline_is_dropped() -> None:
    dump = page(
        "Menu",
        "Willow Council",
        "Willow Council’s Footbridge Vote Ends a Decade of Rows Over\nthe Lower Town Crossing",
        BODY,
        footer("willow-council-footbridge-vote-decade-lower-town-crossing"),
    )
    title = read_text_dump(dump, "t").title
    assert title == "Willow Council’s Footbridge Vote Ends a Decade of Rows Over the Lower Town Crossing"


def test_headline_printed_with_a_blank_line_after_each_line_keeps_its_first_line() -> None:
    dump = page(
        "Menu",
        "Footbridge vote approved after",
        "Willow council’s long night of debate",
        BODY,
        footer("footbridge-vote-approved-willow-council-long-night-debate"),
    )
    assert read_text_dump(dump, "t").title == "Footbridge vote approved after Willow council’s long night of debate"


def test_the_fuller_of_two_printed_forms_of_the_headline_is_taken() -> None:
    dump = page(
        "Menu",
        "Footbridge vote means a longer wait for the\nlower town ferry, says the council\n"
        "by Orla Finch, Willow Gazette\nFootbridge vote means a longer wait for the lower town ferry",
        BODY,
        footer("footbridge-vote-longer-wait-lower-town-ferry"),
    )
    assert (
        read_text_dump(dump, "t").title
        == "Footbridge vote means a longer wait for the lower town ferry, says the council"
    )


def test_headline_line_ending_in_the_takes_a_long_next_line() -> None:
    dump = page(
        "Menu",
        "Willow Rowers Grew Up on the",
        "River. Now, the Whole Town Wants a Boat of Its Own",
        "A standfirst about the rowers of the lower town and their boats.",
        BODY,
        footer("willow-rowers-river-town"),
    )
    assert (
        read_text_dump(dump, "t").title
        == "Willow Rowers Grew Up on the River. Now, the Whole Town Wants a Boat of Its Own"
    )


def test_image_alt_text_in_lower_case_above_the_body_is_not_the_headline() -> None:
    dump = page(
        "Menu",
        "Why the Willow Council Said Yes to the Footbridge",
        "willow council footbridge",
        BODY,
        footer("willow-council-footbridge"),
    )
    assert read_text_dump(dump, "t").title == "Why the Willow Council Said Yes to the Footbridge"


def test_image_file_name_is_not_the_headline() -> None:
    dump = page(
        "council-footbridge-vote.jpg",
        "Why the council said yes to the footbridge",
        BODY,
        footer("council-footbridge-vote"),
    )
    assert read_text_dump(dump, "t").title == "Why the council said yes to the footbridge"


def test_image_alt_text_above_its_credit_is_not_the_headline() -> None:
    dump = page(
        "Menu",
        "The footbridge vote: why the council said yes at last",
        "By Orla Finch",
        "Footbridge vote",
        "(Image credit: Willow Gazette)",
        BODY,
        footer("footbridge-vote"),
    )
    assert read_text_dump(dump, "t").title == "The footbridge vote: why the council said yes at last"


def test_subheading_under_the_first_paragraphs_is_not_the_headline() -> None:
    dump = page(
        "Menu",
        "Footbridge vote: what the Willow council decided on Tuesday night",
        BODY,
        "How the footbridge vote went",
        BODY,
        footer("footbridge-vote"),
    )
    assert read_text_dump(dump, "t").title == "Footbridge vote: what the Willow council decided on Tuesday night"


def test_the_pages_first_headline_byline_and_date_open_the_article() -> None:
    dump = page(
        "Menu",
        "Footbridge vote approved after a long night",
        "Photo of the council chamber by Ben Marsh",
        "PUBLISHED: MAR 4, 2025",
        BODY,
        footer("footbridge-vote-approved-after-long-night"),
    )
    article = read_text_dump(dump, "t")
    assert article.text.startswith("The river council met on Tuesday evening")
    assert article.published == "2025-03-04"


def test_headline_wrapped_after_a_spaced_dash_keeps_the_space() -> None:
    dump = page(
        "Menu",
        "Footbridge vote approved after a long night -\n'the lower town can breathe again'",
        BODY,
        footer("footbridge-vote-approved-long-night-lower-town"),
    )
    title = read_text_dump(dump, "t").title
    assert title == "Footbridge vote approved after a long night - 'the lower town can breathe again'"


# --- date -------------------------------------------------------------------------------------------


def test_date_line_in_us_order_with_a_two_digit_year() -> None:
    dump = page("Menu", "Footbridge vote approved after a long night", "Orla Finch\n3-04-25", BODY)
    assert read_text_dump(dump, "t").published == "2025-03-04"


def test_two_digit_year_with_dashes_inside_a_sentence_is_no_date() -> None:
    dump = page("Menu", "Footbridge vote approved after a long night", "The rowers won 3-04-25 on points", BODY)
    assert read_text_dump(dump, "t").published is None


def test_captions_naming_their_picture_source_are_not_the_body() -> None:
    paragraphs = BODY.strip().split("\n\n")
    captions = [
        "Crews lift the first steel span of the new footbridge over the river on Monday. (Orla Finch/Willow Gazette)",
        "A map of the crossing and the two new piers drawn up by the county office. Credit: County Engineers.",
        "The old ferry at the landing stage. Photograph by Ben Marsh.",
        "PHOTO BY BEN MARSH The ferry crew wave from the landing stage as the last crossing leaves.",
        "Ben Marsh/Willow Gazette",
        "Willow Gazette footbridge print in a wooden frame on a white background",
    ]
    for caption in captions:
        dump = page("Footbridge vote approved", paragraphs[0], caption, paragraphs[1], paragraphs[2])
        text = read_text_dump(dump, "t").text
        assert caption[:20] not in text, caption
        assert text.endswith("within a fortnight of the vote on the final budget."), caption


def test_a_web_address_ending_a_sentence_is_no_picture_credit() -> None:
    dump = page(
        "Footbridge vote approved",
        BODY,
        "The county engineers will publish the plans for the new piers and the temporary ferry timetable on\n"
        "their website next week. For more about the crossing and the vote, visit willow.example/bridge",
    )
    assert read_text_dump(dump, "t").text.endswith("visit willow.example/bridge")


LIST_ENTRY = (
    "The council named him its rower of the year after a season of wins on the lower river, and the\n"
    "county club says he will race for the regional title in the spring if the footbridge work allows."
)


def test_numbered_entries_and_questions_over_prose_are_kept_as_headings() -> None:
    dump = page(
        "Footbridge vote approved",
        BODY,
        "1. Ben Marsh, 26, lower town rowing club",
        LIST_ENTRY,
        "What happens to the ferry now?",
        LIST_ENTRY.replace("rower", "captain"),
    )
    text = read_text_dump(dump, "t").text
    assert "\n\n1. Ben Marsh, 26, lower town rowing club\n\n" in text
    assert "\n\nWhat happens to the ferry now?\n\n" in text


def test_a_label_printed_again_and_again_is_no_heading() -> None:
    dump = page(
        "Footbridge vote approved",
        BODY,
        "Content continues below",
        LIST_ENTRY,
        "Footbridge figures?",
        LIST_ENTRY.replace("rower", "captain"),
        "Footbridge figures?",
        LIST_ENTRY.replace("rower", "cox"),
    )
    text = read_text_dump(dump, "t").text
    assert "Content continues" not in text and "Footbridge figures" not in text


def test_letter_spaced_ad_label_is_dropped() -> None:
    dump = page("Footbridge vote approved", BODY, "A D V E RT I S E M E N T", LIST_ENTRY)
    text = read_text_dump(dump, "t").text
    assert "D V E" not in text and "rower of the year" in text


def test_agency_credit_between_paragraphs_is_not_the_body() -> None:
    for credit in (
        "Ann Lee/Getty Images for The Willow Festival",
        "REUTERS/Ann Lee/File Photo Purchase Licensing Rights",
    ):
        dump = page("Footbridge vote approved", BODY, credit, LIST_ENTRY)
        assert "Ann Lee" not in read_text_dump(dump, "t").text, credit


def test_captions_opening_like_captions_are_not_the_body() -> None:
    for caption in (
        "FILE - This photo taken March 4, 2025, shows the old ferry at the landing stage of the lower town, where\n"
        "the crew has run the crossing for forty years, before the council voted for a footbridge to replace it.",
        "Ben Marsh, centre, meets the ferry crew at the landing stage earlier this year during a reception for the\n"
        "volunteers who kept the crossing running through the winter floods in the lower town of Willow.",
    ):
        dump = page("Footbridge vote approved", BODY, caption, LIST_ENTRY)
        assert caption[:30] not in read_text_dump(dump, "t").text, caption


def test_a_sentence_opening_with_all_right_is_no_caption() -> None:
    prose = (
        "All right, river fans: the council has voted, and the footbridge will be built over the summer, so the\n"
        "ferry crew will hand over the crossing to the engineers once the new piers have been lifted into place."
    )
    assert prose[:30] in read_text_dump(page("Footbridge vote approved", BODY, prose), "t").text


def test_promos_with_a_dash_or_a_tag_are_not_the_body() -> None:
    for promo in ("Also Read- Willow council picks a ferry operator", "EXCLUSIVE READ MORE: Ferry crew to retire"):
        dump = page("Footbridge vote approved", BODY, promo, LIST_ENTRY)
        assert promo[-12:] not in read_text_dump(dump, "t").text, promo


def test_prose_after_a_long_run_of_product_tiles_is_kept() -> None:
    # a shopping story: its prose goes on under a block of product tiles that is longer than any of it
    tiles = [item for n in range(16) for item in (f"Willow Ferry Mug No. {n}", f"${n + 10}", "WILLOW SHOP")]
    before = [LIST_ENTRY.replace("rower", word) for word in ("oarsman", "boatman")]
    later = [LIST_ENTRY.replace("rower", word) for word in ("captain", "cox", "coach", "sculler")]
    text = read_text_dump(page("Footbridge vote approved", BODY, *before, *tiles, *later), "t").text
    assert text.startswith("The river council met") and "its sculler of the year" in text
    assert "Willow Ferry Mug" not in text


# --- title without a URL: the headline by its shape ----------------------------------------------------


def test_author_name_under_a_by_line_is_not_the_headline() -> None:
    dump = page(
        "Why the Willow council said yes to the footbridge",
        "By",
        "Orla Finch MS, RDN, LD",
        BODY,
        "Orla Finch MS, RDN, LD",
        "Orla Finch writes about rivers.",
    )
    assert read_text_dump(dump, "t").title == "Why the Willow council said yes to the footbridge"


def test_a_quoted_sentence_is_not_the_headline() -> None:
    dump = page(
        "Why the Willow council said yes to the footbridge",
        "The mayor took to the radio to say that the ferry crew “should be thanked by all of us.”",
        BODY,
    )
    assert read_text_dump(dump, "t").title == "Why the Willow council said yes to the footbridge"


def test_a_two_word_label_printed_right_above_is_not_part_of_the_headline() -> None:
    dump = page("Menu", "Full Bio\nWhy the Willow council said yes to the footbridge", BODY)
    assert read_text_dump(dump, "t").title == "Why the Willow council said yes to the footbridge"


def test_a_picture_credit_is_not_the_headline() -> None:
    dump = page("Why the Willow council said yes to the footbridge", "Image: Ben Marsh / Willow Gazette / County", BODY)
    assert read_text_dump(dump, "t").title == "Why the Willow council said yes to the footbridge"


def test_markup_in_a_headline_is_dropped() -> None:
    dump = page(
        "Menu", "Footbridge vote: <i>Willow</i>'s council says yes", BODY, footer("footbridge-vote-willow-council")
    )
    assert read_text_dump(dump, "t").title == "Footbridge vote: Willow's council says yes"


def test_notes_about_the_story_under_it_are_not_the_body() -> None:
    for note in (
        "Contributing: Willow Press; Ann Lee and Ben Marsh",
        "Reporting by Ann Lee; editing by Ben Marsh",
        "A previous version of this story misstated the length of the new footbridge.",
        "This story will appear in the March 4, 2025, issue of the Willow Monthly.",
        "Orla Finch is a film critic for the Willow Gazette.",
        "Styling: Ann Lee. Grooming: Ben Marsh.",
        "Orla Finch @orlafinch",
    ):
        text = read_text_dump(page("Footbridge vote approved", BODY, note), "t").text
        assert text.endswith("within a fortnight of the vote on the final budget."), note


def test_an_update_note_under_the_story_stays() -> None:
    note = "Update, March 5: This story has been updated with the date of the second vote on the footbridge."
    assert read_text_dump(page("Footbridge vote approved", BODY, note), "t").text.endswith(note)


def test_slug_codes_are_not_title_words() -> None:
    dump = page("Menu", BODY, footer("wg-things-to-do-willow-mar25-kr4ikvar7ncnbn2e"))
    title = read_text_dump(dump, "t").title or ""
    assert "mar25" not in title.lower() and "kr4ikvar7ncnbn2e" not in title.lower()


def test_a_caption_ending_with_its_agency_is_not_the_headline() -> None:
    dump = page(
        "Ferry crew retires after forty years on the lower river",
        "Willow Mayor Ann Lee at the landing stage Ben Marsh AP",
        BODY,
    )
    assert read_text_dump(dump, "t").title == "Ferry crew retires after forty years on the lower river"


def test_alt_text_over_a_credited_caption_is_not_part_of_the_headline() -> None:
    dump = page(
        "Menu",
        "What You Need to Know About the Willow\nFootbridge Vote",
        "Ferry crew at the landing stage\nThe crew will run the ferry until the footbridge opens.Getty Images",
        BODY,
        footer("willow-footbridge-vote-date-history"),
    )
    assert read_text_dump(dump, "t").title == "What You Need to Know About the Willow Footbridge Vote"


def test_image_descriptions_are_not_the_body() -> None:
    for alt in (
        "A screenshot of the council's vote, depicting the members raising their hands in the chamber.",
        "Close-up of a welder working on the railings of the new footbridge over the lower river.",
        "Animation showing the footbridge deck being lifted into place",
    ):
        dump = page("Footbridge vote approved", BODY, alt, LIST_ENTRY)
        assert alt[:20] not in read_text_dump(dump, "t").text, alt


def test_a_sentence_about_a_photo_is_not_an_image_description() -> None:
    prose = (
        "Photographers from the county archive came to the landing stage on Monday to take the last pictures of\n"
        "the ferry crew, and the council said the photos would hang in the town hall once the bridge is open."
    )
    assert prose[:30] in read_text_dump(page("Footbridge vote approved", BODY, prose), "t").text


def test_a_numbered_entry_with_its_fact_lines_is_kept() -> None:
    dump = page(
        "Footbridge vote approved",
        BODY,
        "1. Ben Marsh, 26, lower town rowing club",
        "Record: 40 wins, 2 losses",
        "Last race: March 4 - won by two lengths",
        "Photo: Ann Lee",
        LIST_ENTRY,
    )
    text = read_text_dump(dump, "t").text
    assert "1. Ben Marsh, 26" in text and "Record: 40 wins, 2 losses" in text and "Last race: March 4" in text
    assert "Photo: Ann Lee" not in text


def test_fact_lines_without_a_numbered_entry_above_them_are_not_kept() -> None:
    dump = page("Footbridge vote approved", BODY, "Price: $49", "Colour: ferry blue", LIST_ENTRY)
    assert "Price: $49" not in read_text_dump(dump, "t").text


def test_affiliate_notice_is_not_the_headline() -> None:
    dump = page(
        "A rower's guide to choosing the right boat",
        "We may earn revenue from the products on this page and participate in affiliate programs. Learn more",
        BODY,
    )
    assert read_text_dump(dump, "t").title == "A rower's guide to choosing the right boat"


def test_standfirst_under_the_headline_opens_the_body() -> None:
    dump = page(
        "Menu",
        "Footbridge vote approved after a long night",
        "The lower town gets its crossing; the ferry crew gets a pension.",
        "By Orla Finch",
        BODY,
        footer("footbridge-vote-approved-after-long-night"),
    )
    text = read_text_dump(dump, "t").text
    assert text.startswith("The lower town gets its crossing; the ferry crew gets a pension.\n\nThe river council met")


def test_what_follows_the_headline_is_no_standfirst_when_it_is_a_byline_date_or_headline() -> None:
    for line in (
        "By Orla Finch and Ben Marsh of the Willow Gazette",
        "March 4, 20255:00 AM ET",
        "Ferry Crew Retires After Forty Years on the River",
        "Footbridge vote approved after a long night, again",
        "Crews lift the span. Image: Ben Marsh / Getty Images",
    ):
        dump = page("Menu", "Footbridge vote approved after a long night", line, BODY,
                    footer("footbridge-vote-approved-after-long-night"))  # fmt: skip
        assert read_text_dump(dump, "t").text.startswith("The river council met"), line


def test_a_sentence_opening_with_by_default_does_not_start_another_article() -> None:
    dump = page(
        "Footbridge vote approved",
        BODY,
        "How to book the ferry",
        "By default, the ferry app books the next crossing",
        LIST_ENTRY,
        LIST_ENTRY.replace("rower", "captain"),
    )
    text = read_text_dump(dump, "t").text
    assert "its captain of the year" in text


def test_a_dated_fact_line_does_not_start_another_article() -> None:
    dump = page(
        "Footbridge vote approved",
        BODY,
        "2. Ben Marsh, 26, lower town rowing club",
        "Last race: Nov. 1, 2024 - won by two lengths",
        LIST_ENTRY,
        LIST_ENTRY.replace("rower", "captain"),
    )
    text = read_text_dump(dump, "t").text
    assert "its captain of the year" in text and "Last race: Nov. 1, 2024" in text

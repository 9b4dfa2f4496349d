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

"""Author names tidied: roles, credentials and wires glued to names, and desks listed beside people.

Names and pages written for these tests (the fictional Northfield Ledger), not copied from the web.
"""

from __future__ import annotations

import pytest

from dateline.extract.html import read_html
from dateline.extract.html_authors import tidy_names

PARAGRAPH = "<p>" + "The river rose another half metre overnight in the lower town of Northfield. " * 3 + "</p>"


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["Marta Kowalczyk Senior Writer"], ["Marta Kowalczyk"]),
        (["Marta Kowalczyk Editor"], ["Marta Kowalczyk"]),
        (["Marta Kowalczyk MS"], ["Marta Kowalczyk"]),
        (["Desmond Achebe The Associated Press"], ["Desmond Achebe"]),
        (["Desmond Achebe", "Chief Technology Officer", "Head of Flood Defences"], ["Desmond Achebe"]),
        (["Desmond Achebe", "The Northfield Journal"], ["Desmond Achebe"]),
        (["Desmond Achebe", "Ledger Advance Media For Ledger.example"], ["Desmond Achebe"]),
        (["Desmond Achebe", "WNFL"], ["Desmond Achebe"]),
        (["Desmond Achebe", "Sponsored"], ["Desmond Achebe"]),
        # nothing but a desk or an agency: kept, it is all the page credits
        (["The Associated Press"], ["The Associated Press"]),
        (["Northfield Ledger Staff"], ["Northfield Ledger Staff"]),
        # a post through and through, and a one-word name, are not cut
        (["Executive Content Editor"], ["Executive Content Editor"]),
        (["Editor"], ["Editor"]),
        (["Marta Kowalczyk", "Desmond Achebe"], ["Marta Kowalczyk", "Desmond Achebe"]),
    ],
)
def test_tidy_names(names: list[str], expected: list[str]) -> None:
    assert tidy_names(names) == expected


def test_byline_card_role_and_desk_leave_the_authors() -> None:
    html = (
        "<html><head><title>River rises</title>"
        '<meta name="author" content="Marta Kowalczyk Staff Writer, The Northfield Journal"></head>'
        f"<body><article><h1>River rises to record height</h1>{PARAGRAPH * 3}</article></body></html>"
    )
    assert read_html(html, "page").authors == ["Marta Kowalczyk"]


def _ld_page(ld_authors: str, meta: str) -> str:
    return (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "River rises",'
        f' "author": [{ld_authors}]}}</script>{meta}</head><body><article><h1>River rises</h1>'
        f"{PARAGRAPH * 3}</article></body></html>"
    )


def test_json_ld_contributors_give_way_to_the_author_meta_tag() -> None:
    ld = '{"@type": "Person", "name": "Marta Kowalczyk"}, {"@type": "Person", "name": "Desmond Achebe"}'
    html = _ld_page(ld, '<meta name="author" content="Marta Kowalczyk">')
    assert read_html(html, "page").authors == ["Marta Kowalczyk"]


@pytest.mark.parametrize(
    "meta",
    [
        "",  # no meta tag: every JSON-LD person counts
        '<meta name="author" content="Marta Kowalczyk, Desmond Achebe">',
        '<meta name="author" content="Marta Kowalczyk, Lena Brandt">',  # they disagree: JSON-LD stays
    ],
)
def test_json_ld_people_kept_unless_the_meta_tag_names_a_subset(meta: str) -> None:
    ld = '{"@type": "Person", "name": "Marta Kowalczyk"}, {"@type": "Person", "name": "Desmond Achebe"}'
    assert read_html(_ld_page(ld, meta), "page").authors == ["Marta Kowalczyk", "Desmond Achebe"]


@pytest.mark.parametrize(
    "byline",
    [
        '<div class="author"><span class="title">By Marta Kowalczyk</span></div>',
        '<h4>By <span class="Header--authName"><a href="/bios/2020-marta">Marta Kowalczyk</a></span></h4>',
        '<div class="AuthorLink"><a href="/news/marta-kowalczyk" data-testid="AuthorNameLink">'
        "Marta Kowalczyk</a></div>",
    ],
)
def test_visible_byline_wins_over_the_outlet_named_as_author(byline: str) -> None:
    html = (
        '<html><head><meta property="og:site_name" content="Northfield Ledger">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "River rises",'
        ' "author": {"@type": "Organization", "name": "Northfield Ledger"}}</script></head><body><article>'
        f"<h1>River rises</h1>{byline}{PARAGRAPH * 3}</article>"
        '<aside><div class="author">By Desmond Achebe</div></aside></body></html>'
    )
    assert read_html(html, "page").authors == ["Marta Kowalczyk"]


def test_byline_co_author_missing_from_the_json_ld_is_kept() -> None:
    ld = '{"@type": "Person", "name": "Marta Kowalczyk"}'
    byline = (
        '<p>By <a rel="author" href="/profile/marta">Marta Kowalczyk</a> and'
        ' <a rel="author" href="/profile/desmond">Desmond Achebe</a></p>'
    )
    html = _ld_page(ld, "").replace("<h1>River rises</h1>", f"<h1>River rises</h1>{byline}")
    assert read_html(html, "page").authors == ["Marta Kowalczyk", "Desmond Achebe"]


def test_itemprop_listing_several_properties_still_marks_the_author() -> None:
    byline = (
        '<div class="meta" itemprop="author creator"><a rel="author" href="/author/wire/">'
        '<span itemprop="name">Marta Kowalczyk and Desmond Achebe, Northfield Wire</span></a></div>'
    )
    html = f"<html><head><title>River rises</title></head><body><article><h1>River rises</h1>{byline}{PARAGRAPH * 3}"
    assert read_html(html + "</article></body></html>", "page").authors == ["Marta Kowalczyk", "Desmond Achebe"]

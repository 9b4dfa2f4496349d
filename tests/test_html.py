"""read_html on pages written for these tests (the fictional Northfield Ledger), not copied from the web."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.errors import DocumentError
from dateline.extract.html import decode_html, iso_date, read_html

FIXTURES = Path(__file__).parent / "fixtures" / "html"


def read(name: str, url: str | None = None):
    return read_html((FIXTURES / name).read_bytes(), str(FIXTURES / name), url=url)


@pytest.fixture(scope="module")
def ledger():
    return read("ledger_jsonld.html")


def test_json_ld_metadata(ledger) -> None:
    assert ledger.title == "Harbor bridge reopens after two-year repair"
    # the time and its offset are kept when the page gives them
    assert ledger.published == "2025-03-14T09:30:00-05:00"
    assert ledger.authors == ["Marta Kowalczyk", "Desmond Achebe"]
    assert ledger.outlet == "The Northfield Ledger"
    assert ledger.language == "en"
    assert ledger.url == "https://www.northfieldledger.example/2025/03/14/harbor-bridge-reopens"


def test_given_url_wins_over_canonical() -> None:
    article = read("ledger_jsonld.html", url="https://mirror.example/bridge")
    assert article.url == "https://mirror.example/bridge"


def test_body_paragraphs(ledger) -> None:
    paragraphs = ledger.paragraphs
    assert ledger.text == "\n\n".join(paragraphs)
    assert all(paragraph == paragraph.strip() and "\n" not in paragraph for paragraph in paragraphs)
    assert paragraphs[1].startswith("The Millrace Street bridge reopened to traffic on Friday")
    assert paragraphs[-1] == (
        "Mayor Lucinda Ortiz said the city would publish a full account of the overrun before the budget "
        "hearings in May."
    )
    assert any(p.startswith('"It feels like getting a piece of the town back,"') for p in paragraphs)


def test_standfirst_kept_headline_byline_and_furniture_dropped(ledger) -> None:
    assert ledger.paragraphs[0].startswith("Commuters crossed the Millrace Street span")
    assert "Harbor bridge reopens" not in ledger.text
    assert "Marta Kowalczyk" not in ledger.text
    assert "Sign up for the Ledger" not in ledger.text
    assert "Copyright 2025" not in ledger.text


def test_caption_and_credit(ledger) -> None:
    assert ledger.caption == "The first cars cross the rebuilt Millrace Street bridge on Friday morning."
    assert ledger.credit == "Priya Raman / The Northfield Ledger"
    assert "first cars cross" not in ledger.text
    assert "Priya Raman" not in ledger.text


def test_related_links_kept_out_of_body(ledger) -> None:
    related = [link for link in ledger.links if link.rel == "related"]
    assert [(link.url, link.text) for link in related] == [
        (
            "https://www.northfieldledger.example/2024/11/02/bridge-beams-delayed",
            "Bridge beams stuck at port as repairs slip into spring",
        ),
        (
            "https://www.northfieldledger.example/2023/04/20/millrace-bridge-closes",
            "Millrace bridge closes for two years of repairs",
        ),
    ]
    assert "Bridge beams stuck at port" not in ledger.text
    assert "Related coverage" not in ledger.text


def test_author_links(ledger) -> None:
    authors = {link.text: link.url for link in ledger.links if link.rel == "author"}
    assert authors == {
        "Marta Kowalczyk": "https://www.northfieldledger.example/staff/marta-kowalczyk",
        "Desmond Achebe": "https://www.northfieldledger.example/staff/desmond-achebe",
    }


def test_opengraph_and_meta_without_json_ld() -> None:
    article = read("ledger_opengraph.html")
    assert article.title == "Orchard growers count frost losses"
    assert article.published == "2025-04-02T06:15:00+00:00"
    assert article.authors == ["Rosalind Pike"]
    assert article.outlet == "Northfield Ledger"
    assert article.url == "https://www.northfieldledger.example/farming/orchard-frost-losses"
    # declared windows-1252: the é and the curly apostrophe decode right
    assert "the café pears had fared worst" in article.text
    assert "it still wasn’t enough" in article.text
    assert not article.text.startswith("By Rosalind Pike")
    assert len(article.paragraphs) == 4


def test_cp1251_without_charset_declaration() -> None:
    content = (FIXTURES / "cp1251_no_charset.html").read_bytes()
    assert b"charset" not in content
    article = read_html(content, "cp1251_no_charset.html")
    assert article.title == "Городской совет утвердил новый бюджет"
    assert article.paragraphs[0].startswith("Депутаты городского совета Северограда во вторник")
    assert article.paragraphs[-1] == "Следующее заседание совета назначено на первую среду февраля."


def test_str_input_is_taken_as_decoded() -> None:
    html = (FIXTURES / "cp1251_no_charset.html").read_bytes().decode("cp1251")
    assert read_html(html, "page").title == "Городской совет утвердил новый бюджет"


def test_decode_prefers_bom_and_declaration() -> None:
    assert decode_html("\ufeff<p>naïve</p>".encode()) == "<p>naïve</p>"
    declared = '<meta charset="koi8-r"><p>привет</p>'.encode("koi8-r")
    assert decode_html(declared).endswith("<p>привет</p>")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-03-14T09:30:00-05:00", "2025-03-14T09:30:00-05:00"),
        ("2025-03-14T14:30:00Z", "2025-03-14T14:30:00+00:00"),
        ("2025-03-14T09:30:00.641-05:00", "2025-03-14T09:30:00-05:00"),
        ("2025-03-14", "2025-03-14"),
        ("2025-03-14T09:30:00", "2025-03-14"),  # no offset: only the day is certain
        ("March 14, 2025", "2025-03-14"),
        ("not a date", None),
    ],
)
def test_iso_date(value: str, expected: str | None) -> None:
    assert iso_date(value) == expected


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"Just a line of plain text, with no markup at all.\n", "not an HTML page"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "not an HTML page"),
        (b"", "not an HTML page"),
        (
            b"<html><head><title>Empty</title></head><body><nav><a href='/'>Home</a></nav></body></html>",
            "no article text",
        ),
    ],
)
def test_document_errors(content: bytes, reason: str) -> None:
    with pytest.raises(DocumentError) as caught:
        read_html(content, "bad-page.html")
    assert caught.value.origin == "bad-page.html"
    assert reason in caught.value.reason
    assert "\n" not in str(caught.value)


def _page(head: str, body: str = "") -> str:
    paragraph = "<p>" + "The river rose another half metre overnight in the lower town of Northfield. " * 3 + "</p>"
    return f"<html><head>{head}</head><body><article>{body}{paragraph * 3}</article></body></html>"


def test_utc_time_told_in_local_time_when_the_page_writes_it() -> None:
    html = _page(
        '<meta property="article:published_time" content="2025-01-11T02:40:00Z">',
        '<time datetime="2025-01-10 21:40:00">January 10, 2025 at 9:40 p.m.</time>',
    )
    assert read_html(html, "page").published == "2025-01-10T21:40:00-05:00"


def test_utc_time_kept_without_local_reading() -> None:
    html = _page('<meta property="article:published_time" content="2025-01-11T02:40:00Z">', "")
    assert read_html(html, "page").published == "2025-01-11T02:40:00+00:00"


def test_teaser_dates_do_not_move_the_publication_date() -> None:
    html = _page(
        '<meta property="article:published_time" content="2024-07-17">',
        '<aside class="related"><time itemprop="datePublished" datetime="2026-02-01">Feb 1</time>'
        '<a href="/2026/02/01/later-story">A much later story about the river</a></aside>',
    )
    article = read_html(html, "page", url="https://www.northfieldledger.example/2024/07/17/river")
    assert article.published == "2024-07-17"
    assert [link.url for link in article.links if link.rel == "related"] == [
        "https://www.northfieldledger.example/2026/02/01/later-story"
    ]


def test_organization_author_gives_way_to_the_byline() -> None:
    html = _page(
        '<meta property="og:site_name" content="The Northfield Ledger">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "River rises",'
        ' "author": {"@type": "Organization", "name": "The Northfield Ledger"}}</script>',
        '<h1>River rises</h1><p class="meta">By <a href="/people/ines-calloway">Ines Calloway</a>, Staff Writer</p>',
    )
    article = read_html(html, "page", url="https://www.northfieldledger.example/river")
    assert article.authors == ["Ines Calloway"]
    assert [(link.text, link.rel) for link in article.links] == [("Ines Calloway", "author")]


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        # the visible headline wins over a social-card title
        (
            '<meta property="og:title" content="Flood: what we know">',
            "<h1>River rises to record height in Northfield</h1>",
            "River rises to record height in Northfield",
        ),
        # a kicker inside the <h1> is not part of the headline
        (
            '<meta property="og:title" content="River rises to record height">',
            "<h1><span>Opinion</span> River rises to record height</h1>",
            "River rises to record height",
        ),
        # no <h1>: the document title without the site's name
        (
            "<title>River rises to record height | The Northfield Ledger</title>"
            '<meta property="og:site_name" content="The Northfield Ledger">',
            "",
            "River rises to record height",
        ),
        # a headline's own dash is not a site separator
        ('<meta property="og:title" content="River rises — and keeps rising">', "", "River rises — and keeps rising"),
    ],
)
def test_title_sources(head: str, body: str, expected: str) -> None:
    assert read_html(_page(head, body), "page").title == expected

"""One fuzzing target per parser: ``target(data)`` returns quietly or raises because the contract broke.

The contracts, each the promise the rest of dateline relies on:

- the readers (text dump, HTML, PDF, WARC) turn any bytes into an Article or raise DocumentError;
  anything else escaping them would be a bug the dispatcher's catch-all merely hides;
- the feed and sitemap parsers never raise, and the fetcher raises only DocumentError whatever URL a
  feed lists or Location a server answers: ``watch`` and ``ingest`` call them without a guard;
- the time tagger never raises and every expression it returns is a span of its input;
- the search box language becomes valid FTS5 (checked by running it on a real FTS5 table) and a
  valid tsquery (checked against a grammar, and by PostgreSQL when ``DATELINE_FUZZ_PG_URL`` is set),
  or a QueryError;
- the canonical URL and the article id are total functions with a stable shape.

No atheris here: the same functions run under atheris (``python -m fuzz.run``) and under the plain
mutator of ``tests/test_fuzz.py`` in ``make test``. Seeds are short inputs written for this file.
"""

from __future__ import annotations

import gzip
import itertools
import os
import re
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from dateline.errors import DocumentError
from dateline.record import Article, RawDocument, TimeExpression

Target = Callable[[bytes], None]


class ContractBroken(AssertionError):
    """A parser returned something its callers cannot use (an exception would be reported as it is)."""


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise ContractBroken(message)


def _text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def _check_article(article: Any) -> None:
    _check(isinstance(article, Article), f"a reader returned {type(article).__name__}, not an Article")
    _check(isinstance(article.text, str), "article text is not a string")
    for link in article.links:
        _check(isinstance(link.url, str), "a link without a URL string")


# ------------------------------------------------------------------ readers


def text_dump(data: bytes) -> None:
    """The text-dump reader, on decoded bytes (charset detection included) as the dispatcher calls it."""
    from dateline.extract import _read_text_dump

    try:
        article = _read_text_dump(RawDocument(origin="fuzz.txt", content=data))
    except DocumentError:
        return
    _check_article(article)


def html(data: bytes) -> None:
    from dateline.extract.html import read_html

    try:
        article = read_html(data, "fuzz.html", "https://news.example/2025/03/12/story" if data[:1] == b"<" else None)
    except DocumentError:
        return
    _check_article(article)


def pdf(data: bytes) -> None:
    from dateline.extract.pdf import read_pdf

    try:
        article = read_pdf(data, "fuzz.pdf")
    except DocumentError:
        return
    _check_article(article)


@cache
def _scratch() -> Path:
    # one file rewritten per input: the WARC reader takes a path, and a tmpfs path keeps that cheap
    folder = Path("/dev/shm") if Path("/dev/shm").is_dir() and os.access("/dev/shm", os.W_OK) else None
    handle, name = tempfile.mkstemp(prefix="dateline-fuzz-", suffix=".warc", dir=folder)
    os.close(handle)
    return Path(name)


def warc(data: bytes) -> None:
    from dateline.sources.warc import read_warc

    path = _scratch()
    path.write_bytes(data)
    for item in read_warc(path):
        _check(isinstance(item, RawDocument | DocumentError), f"the WARC reader yielded {type(item).__name__}")
        if isinstance(item, RawDocument):
            _check(isinstance(item.content, bytes), "a WARC document whose content is not bytes")
            _check(item.origin.startswith(f"{path}#"), f"a WARC document's origin is {item.origin!r}")


# ------------------------------------------------------------------ feeds and sitemaps


def feeds(data: bytes) -> None:
    """As ``watch`` and ``read_url`` call them: sniff, then the parser for that kind, then discovery."""
    from dateline.sources.feeds import discover_feeds, feed_entry_urls, is_feed, is_sitemap, sitemap_urls

    urls: list[str] = []
    if is_feed(data):
        urls += feed_entry_urls(data)
    if is_sitemap(data):
        pages, nested = sitemap_urls(data)
        urls += pages + nested
    urls += discover_feeds(data, "https://news.example/section/")
    for url in urls:
        _check(isinstance(url, str) and url.startswith("http"), f"a feed parser returned {url!r}")


@cache
def _fetcher() -> tuple[Any, list[bytes]]:
    """A Fetcher whose requests are answered in memory: every path 200, except /redirect, which
    redirects to the Location the input chose (the list holds it)."""
    import httpx

    from dateline.sources.http import Fetcher, FetchPolicy

    location = [b"/"]

    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/redirect":
            return httpx.Response(302, headers=[(b"Location", location[0])])
        return httpx.Response(200, content=b"<html><body>ok</body></html>", headers={"Content-Type": "text/html"})

    fetcher = Fetcher(FetchPolicy(respect_robots=False, retries=0, host_delay=0, max_redirects=3))
    fetcher._client = httpx.Client(transport=httpx.MockTransport(answer))
    return fetcher, location


def fetch(data: bytes) -> None:
    """The fetcher on any URL a feed lists and any Location a server answers: a document or a
    DocumentError, never another exception (``watch`` and ``ingest`` fetch feed entries unguarded)."""
    fetcher, location = _fetcher()
    url, _, redirect = data.partition(b"\n")
    # what an HTTP/1.1 header can carry at all (h11 refuses the rest before it reaches dateline)
    location[0] = bytes(b for b in redirect if b >= 0x20 and b != 0x7F)[:2000] or b"/"
    try:
        document = fetcher.fetch(_text(url) or "http://news.example/redirect")
    except DocumentError:
        return
    _check(isinstance(document, RawDocument) and isinstance(document.url, str), f"fetch returned {document!r}")


# ------------------------------------------------------------------ time expressions

_TYPES = {"DATE", "TIME", "DURATION", "SET"}


def _anchor(head: bytes) -> date | None:
    if len(head) < 3 or head[0] % 8 == 0:
        return None
    # mostly news-like anchors, sometimes the edges of the calendar (a bad published date gets here)
    year = 1 + (head[1] * 256 + head[2]) % 9999 if head[0] % 8 == 1 else 1990 + head[1] % 60
    month = 1 + head[2] % 12
    day = 1 + head[1] % 28
    return date(year, month, day)


def timex(data: bytes) -> None:
    from dateline.enrich.timex import tag

    anchor, text = _anchor(data[:3]), _text(data[3:])
    expressions = tag(text, anchor)
    for expression in expressions:
        _check(isinstance(expression, TimeExpression), f"tag returned {type(expression).__name__}")
        _check(0 <= expression.start < expression.end <= len(text), f"span {expression} outside the text")
        _check(text[expression.start : expression.end] == expression.text, f"{expression} is not its span")
        _check(expression.type in _TYPES, f"{expression} has an unknown type")
        _check(isinstance(expression.value, str) and bool(expression.value), f"{expression} has no value")
    spans = sorted((e.start, e.end) for e in expressions)
    for (_, end), (start, _) in itertools.pairwise(spans):
        _check(start >= end, f"overlapping time expressions {spans}")


# ------------------------------------------------------------------ the search box language


@cache
def _fts() -> sqlite3.Connection:
    db = sqlite3.connect(":memory:", check_same_thread=False)
    # the archive's two indexes, with the archive's tokenizer
    db.execute(
        "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, authors, outlet, "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    db.execute("CREATE VIRTUAL TABLE quotes_fts USING fts5(text, context, speaker)")
    db.execute(
        "INSERT INTO articles_fts VALUES ('Kremlin dismisses claims', 'The offensive near Kharkiv goes on, "
        "officials said on Tuesday.', 'AFP', 'The Moscow Times')"
    )
    db.execute("INSERT INTO quotes_fts VALUES ('a security zone', 'Putin spoke of a security zone', 'Putin')")
    return db


_TS_LITERAL = r"'(?:[^'\\]|''|\\.)+'(?::[*A-D]+)?"
_TS_TOKEN = re.compile(rf"\s*(?:(?P<lit>{_TS_LITERAL})|(?P<op><->|[&|!()]))")


@dataclass
class _TsParser:
    """A recursive-descent reader of the tsquery grammar: precedence ``|`` < ``&`` < ``<->`` < ``!``."""

    tokens: list[tuple[str, str]]
    at: int = 0

    def peek(self) -> str | None:
        return self.tokens[self.at][1] if self.at < len(self.tokens) else None

    def take(self, expected: str | None = None) -> tuple[str, str]:
        _check(self.at < len(self.tokens), "tsquery ends early")
        token = self.tokens[self.at]
        _check(expected is None or token[1] == expected, f"tsquery: expected {expected!r}, found {token[1]!r}")
        self.at += 1
        return token

    def expression(self) -> None:
        self.conjunction()
        while self.peek() == "|":
            self.take()
            self.conjunction()

    def conjunction(self) -> None:
        self.phrase()
        while self.peek() == "&":
            self.take()
            self.phrase()

    def phrase(self) -> None:
        self.unary()
        while self.peek() == "<->":
            self.take()
            self.unary()

    def unary(self) -> None:
        if self.peek() == "!":
            self.take()
            self.unary()
        elif self.peek() == "(":
            self.take()
            self.expression()
            self.take(")")
        else:
            kind, _ = self.take()
            _check(kind == "lit", "tsquery: an operator where a word belongs")


def check_tsquery(text: str) -> None:
    """Raise ContractBroken unless ``text`` is a well-formed to_tsquery expression of quoted literals."""
    tokens: list[tuple[str, str]] = []
    position = 0
    while position < len(text.rstrip()):
        match = _TS_TOKEN.match(text, position)
        _check(match is not None and match.end() > position, f"tsquery {text!r}: bad token at {position}")
        assert match is not None
        tokens.append(("lit", match["lit"]) if match["lit"] else ("op", match["op"]))
        position = match.end()
    parser = _TsParser(tokens)
    parser.expression()
    _check(parser.at == len(tokens), f"tsquery {text!r}: trailing tokens")


@cache
def _postgres() -> Any:
    url = os.environ.get("DATELINE_FUZZ_PG_URL")
    if not url:
        return None
    import psycopg

    return psycopg.connect(url, autocommit=True)


def query(data: bytes) -> None:
    from dateline.store.query import QueryError, to_fts, to_tsquery_text

    text = _text(data)
    db = _fts()
    try:
        expression = to_fts(text)
    except QueryError:
        return
    for table, fts in (("articles_fts", expression), ("quotes_fts", to_fts(text, {"text": "text"}))):
        try:
            db.execute(f"SELECT rowid, bm25({table}) FROM {table} WHERE {table} MATCH ?", (fts,)).fetchall()
        except sqlite3.Error as error:
            raise ContractBroken(f"query {text!r} -> FTS5 {fts!r} fails: {error}") from None
    from dateline.store.impacts import single_word

    # a search the impact lists answer must be one word that FTS5 folds exactly as the lists' key
    word = single_word(text)
    if word is not None:
        _check(re.fullmatch(r"[a-z0-9]+", word) is not None, f"impact key {word!r} of {text!r} is not folded ASCII")
        _check(expression.lower() == f'"{word}"', f"impact key {word!r} for {text!r}, but FTS5 searches {expression!r}")
    tsquery = to_tsquery_text(text)
    check_tsquery(tsquery)
    postgres = _postgres()
    if postgres is not None:
        import psycopg

        try:
            postgres.execute("SELECT to_tsquery('simple', %s)", (tsquery,)).fetchone()
        except psycopg.Error as error:
            raise ContractBroken(f"query {text!r} -> tsquery {tsquery!r} fails: {error}") from None


# ------------------------------------------------------------------ identity

_ID = re.compile(r"[0-9a-f]{16}")


def url(data: bytes) -> None:
    from dateline.record import article_id, canonical_url

    text = _text(data)
    canonical = canonical_url(text)
    _check(isinstance(canonical, str), "canonical_url returned no string")
    _check(canonical == canonical_url(text), "canonical_url is not deterministic")
    for key in (text, None, ""):
        identity = article_id(key, text)
        _check(bool(_ID.fullmatch(identity)), f"article id {identity!r}")
    # the scheme, www. and a trailing slash never make another article
    if _plain_url(text):
        rest = text[8:]
        other_host = rest[4:] if rest.startswith("www.") else "www." + rest
        for variant in ("http://" + rest, "https://" + other_host, text + "/"):
            _check(article_id(variant, "") == article_id(text, ""), f"{variant!r} is another article than {text!r}")


def _plain_url(text: str) -> bool:
    # the identity promise is for URLs as sites publish them: a host, a path, no query or fragment
    return bool(re.fullmatch(r"https://[a-z0-9.-]+\.[a-z]{2,}(/[A-Za-z0-9._~-]+)*", text))


# ------------------------------------------------------------------ seeds: short inputs written for this file

_ARTICLE = (
    "The harbour authority of Northfield said on Tuesday that the ferry to Skarvik would run again from "
    "March 3, 2025, after the storm damaged the pier last week.\n\n"
    '"We expect the first crossing at 7:30 a.m.," said harbour master Ines Dahl, adding that repairs would '
    "take another two weeks."
)

_DUMP = (
    "12/03/2025, 09:14                     Ferry returns to Skarvik | The Northfield Ledger\n"
    "https://ledger.example/2025/03/12/ferry-returns-to-skarvik\n\n"
    "Ferry returns to Skarvik\n\nBy Ines Dahl\nMarch 12, 2025\n\n"
    "The harbour authority of Northfield said on Tuesday that the ferry to Skarvik would run\n"
    "again from March 3, after the storm damaged the pier last week. The crossing takes forty\n"
    "minutes and runs every hour in the summer season.\n\n"
    '"We expect the first crossing at 7:30 a.m.," said harbour master Ines Dahl, adding that re-\n'
    "pairs would take another two weeks.\n\n"
    "Related article: Storm closes the coast road\n\n"
    "https://ledger.example/2025/03/12/ferry-returns-to-skarvik                       1/1\n"
    "\f"
)

_HTML = (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Ferry returns | The Ledger</title>'
    '<meta property="og:url" content="https://ledger.example/2025/03/12/ferry">'
    '<meta property="article:published_time" content="2025-03-12T09:00:00+01:00">'
    '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferry returns",'
    '"author":{"@type":"Person","name":"Ines Dahl"}}</script></head><body><article><h1>Ferry returns</h1>'
    '<p class="byline">By <a rel="author" href="/authors/ines-dahl">Ines Dahl</a></p>'
    "<figure><img src=/p.jpg><figcaption>The pier after the storm. Photo: Ola Berg</figcaption></figure>"
    f"<p>{_ARTICLE.split(chr(10))[0]}</p><p>Repairs would take another two weeks, the authority said.</p>"
    '<aside class="related"><a href="/2025/03/10/storm">Storm closes the coast road</a></aside>'
    "</article></body></html>"
)

_RSS = (
    '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Ledger</title>'
    "<item><title>Ferry returns</title><link>https://ledger.example/2025/03/12/ferry</link>"
    "<pubDate>Wed, 12 Mar 2025 09:00:00 GMT</pubDate></item>"
    "<item><title>Storm</title><link>https://ledger.example/2025/03/10/storm</link></item></channel></rss>"
)
_ATOM = (
    '<feed xmlns="http://www.w3.org/2005/Atom"><title>Ledger</title><entry><title>Ferry</title>'
    '<link href="https://ledger.example/ferry"/><updated>2025-03-12T09:00:00Z</updated></entry></feed>'
)
_SITEMAP = (
    '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    "<url><loc>https://ledger.example/2025/03/12/ferry</loc><lastmod>2025-03-12</lastmod></url>"
    "<url><loc> https://ledger.example/2025/03/10/storm </loc></url></urlset>"
)
_SITEMAP_INDEX = (
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    "<sitemap><loc>https://ledger.example/sitemap-2025-03.xml</loc></sitemap></sitemapindex>"
)
_HOME = (
    '<html><head><link rel="alternate" type="application/rss+xml" href="/rss.xml">'
    '<link rel="alternate" type="application/atom+xml; charset=utf-8" href="https://other.example/atom">'
    "</head><body>Front page</body></html>"
)


def _warc_record(url: str, body: bytes, content_type: str = "text/html; charset=utf-8", status: int = 200) -> bytes:
    http = (
        f"HTTP/1.1 {status} OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body
    )
    head = (
        "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000001>\r\n"
        f"WARC-Date: 2025-03-12T08:00:00Z\r\nWARC-Target-URI: {url}\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


def _warc_seeds() -> list[bytes]:
    page = _HTML.encode()
    one = _warc_record("https://ledger.example/ferry", page)
    two = one + _warc_record("https://ledger.example/p.jpg", b"\x89PNG", "image/png")
    warcinfo = b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 12\r\n\r\nsoftware: x\n\r\n\r\n"
    return [one, two, warcinfo + one, gzip.compress(one), gzip.compress(one) + gzip.compress(two), one[:300]]


def _pdf_seeds() -> list[bytes]:
    # made with our own test writer (pypdfium2) on the fly: no binary files in the repository
    try:
        from tests.pdfwriter import write_pdf
    except ImportError:  # run from elsewhere than the repository root
        return [b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"]
    documents: list[tuple[list[list[str]], list[list[str]]]] = [
        ([_DUMP.splitlines()[:12]], [["https://ledger.example/2025/03/12/ferry-returns-to-skarvik"]]),
        ([["Ferry returns", "", "The ferry runs again."], ["Page two", "2/2"]], [[], []]),
    ]
    seeds = []
    with tempfile.TemporaryDirectory() as folder:
        for pages, links in documents:
            path = Path(folder) / "seed.pdf"
            write_pdf(pages, links, path)
            seeds.append(path.read_bytes())
    return seeds


_QUERIES = [
    "kharkiv offensive", '"security zone"', "peskov OR zakharova", "-football ferry", "offens*",
    "title:kremlin", "author:dahl outlet:\"moscow times\"", "10:30 NEAR(a b)", "a&b | !c <-> d*",
    "(ferry) AND ^storm", "\"unclosed phrase", "OR OR -", "гладков ОR Київ", "text:* -title:x*",
]  # fmt: skip
_URLS = [
    "https://www.ledger.example/2025/03/12/ferry/", "http://ledger.example/2025/03/12/ferry?utm_source=x#top",
    "https://ledger.example/a?id=3&b=%20", "https://[::1]:8080/x", "https://xn--bcher-kva.example/",
    "ledger.example/ferry", "https://user:pw@ledger.example:443/p;param", "mailto:desk@ledger.example", "",
]  # fmt: skip
_FETCHES = [
    "\nhttps://ledger.example/2025/03/12/ferry", "\n/2025/03/12/ferry?page=2", "http://news.example/redirect\n//cdn.example/x",
    "https://ledger.example/a\n", "\nhttp://[::1]:8080/", "\nftp://ledger.example/", "http://news.example/a b\n",
    "\nhttps://xn--bcher-kva.example/", "https://ledger.example:8443/\n", "\nhttps://ledger.example/%E2%80%9C",
]  # fmt: skip
_TIMEX = [
    "\x02\x22\x05" + _ARTICLE, "\x03\x10\x0b" + "Next Tuesday, early May, February 2022 and the 1990s.",
    "\x01\xff\xff" + "On Dec. 31 and 2 days later, every Monday at 10:30 p.m. EST, in Q3 2024.",
    "\x00\x00\x00" + "last year, this spring, the following week, a decade ago, mid-2023, 2024-07-17T10:30+03:00",
]  # fmt: skip


@dataclass(frozen=True)
class Spec:
    check: Target
    seeds: Callable[[], list[bytes]]
    max_len: int = 4096


TARGETS: dict[str, Spec] = {
    "textdump": Spec(text_dump, lambda: [_DUMP.encode(), _DUMP.encode("utf-16"), _ARTICLE.encode("cp1252", "replace")]),
    "html": Spec(html, lambda: [_HTML.encode(), _HTML.encode("utf-16"), _HOME.encode(), b"<html><body><p>x</p>"]),
    "feeds": Spec(feeds, lambda: [s.encode() for s in (_RSS, _ATOM, _SITEMAP, _SITEMAP_INDEX, _HOME)]),
    "warc": Spec(warc, _warc_seeds, 8192),
    "pdf": Spec(pdf, _pdf_seeds, 16384),
    "fetch": Spec(fetch, lambda: [u.encode() for u in _FETCHES], 512),
    "timex": Spec(timex, lambda: [t.encode() for t in _TIMEX]),
    "query": Spec(query, lambda: [q.encode() for q in _QUERIES], 256),
    "url": Spec(url, lambda: [u.encode() for u in _URLS], 512),
}

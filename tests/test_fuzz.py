"""The short fuzzing run of `make test`: every target of fuzz/targets.py on its seeds and 2,000 mutants.

The long, coverage-guided runs (100,000 inputs per target under atheris) are `make fuzz`; this one needs
no atheris: a seeded mutator (bit flips, cuts, repeats, splices of two seeds, tokens the parsers care
about) makes the same inputs on every run, so a failure here reproduces. DATELINE_FUZZ_INPUTS changes
the count.
"""

from __future__ import annotations

import importlib.util
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from fuzz.targets import _DUMP, _HTML, TARGETS, ContractBroken, check_tsquery

from dateline.errors import DocumentError
from dateline.extract.html import read_html
from dateline.extract.pdf import read_pdf
from dateline.extract.textdump import read_text_dump
from dateline.record import article_id, canonical_url
from tests.conftest import ROOT

INPUTS = int(os.environ.get("DATELINE_FUZZ_INPUTS", "2000"))

#: fragments that steer a mutant into the parsers' interesting branches
TOKENS = [
    b"<", b">", b"</", b"<html>", b"<p>", b"<item><link>", b"</link></item>", b"<loc>", b"<urlset>", b"\"", b"'",
    b"http://", b"https://", b"www.", b"[", b"]", b"%PDF-", b"obj", b"endobj", b"/Count 9", b"WARC/1.1\r\n",
    b"Content-Length: 99999\r\n", b"\r\n\r\n", b"\x1f\x8b", b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"\f",
    b"\n\n", b"-\n", b"2025", b"31", b"Feb.", b"next Tuesday", b" OR ", b"-", b"*", b":", b"NEAR(", b"^",
    b"\xe2\x80\x9c",
]  # fmt: skip


def mutate(rng: random.Random, seeds: list[bytes], max_len: int) -> bytes:
    data = bytearray(rng.choice(seeds))
    for _ in range(rng.randint(1, 6)):
        operation = rng.randrange(6)
        at = rng.randint(0, len(data))
        if operation == 0 and data:  # flip a bit
            index = rng.randrange(len(data))
            data[index] ^= 1 << rng.randrange(8)
        elif operation == 1:  # cut a run out
            del data[at : at + rng.randint(1, 64)]
        elif operation == 2:  # a token where the parser looks for structure
            data[at:at] = rng.choice(TOKENS)
        elif operation == 3 and data:  # repeat a run (deep nesting, long lines)
            start = rng.randrange(len(data))
            data[at:at] = data[start : start + rng.randint(1, 32)] * rng.randint(2, 40)
        elif operation == 4:  # splice in a piece of another seed
            other = rng.choice(seeds)
            start = rng.randint(0, len(other))
            data[at:at] = other[start : start + rng.randint(1, 200)]
        else:  # random bytes
            data[at:at] = rng.randbytes(rng.randint(1, 16))
    return bytes(data[:max_len])


@pytest.mark.parametrize("name", list(TARGETS))
def test_target_survives_mutants(name: str) -> None:
    spec = TARGETS[name]
    seeds = spec.seeds()
    rng = random.Random(f"dateline-fuzz-{name}")
    for data in seeds:
        spec.check(data)
    for number in range(INPUTS):
        data = mutate(rng, seeds, spec.max_len)
        try:
            spec.check(data)
        except Exception as error:
            raise AssertionError(f"{name}: mutant {number} ({data[:200]!r}) broke the contract: {error!r}") from error


def test_tsquery_grammar_check_accepts_what_postgres_accepts_and_refuses_the_rest() -> None:
    check_tsquery("('kremlin':A <-> 'offensive') & ('peskov' | 'zakharova':*) & !'football'")
    check_tsquery("'it''s' & 'back\\\\slash'")
    for broken in ("'a' &", "& 'a'", "('a'", "'a')", "'a' 'b'", "a", "'a' <> 'b'", "!", "'a':x", "''"):
        with pytest.raises(ContractBroken):
            check_tsquery(broken)


def test_targets_catch_what_they_are_meant_to_catch(monkeypatch: pytest.MonkeyPatch) -> None:
    # a target whose check can never fail would make a zero-crash figure worthless
    import sqlite3

    from fuzz import targets

    from dateline.enrich import timex
    from dateline.record import TimeExpression

    class BrokenFts:
        def execute(self, *args: object) -> object:
            raise sqlite3.OperationalError("fts5: syntax error near")

    monkeypatch.setattr(targets, "_fts", BrokenFts)
    with pytest.raises(ContractBroken, match="FTS5"):
        targets.query(b"kharkiv")
    monkeypatch.setattr(timex, "tag", lambda text, anchor: [TimeExpression(0, 99, "x", "DATE", "2025")])
    with pytest.raises(ContractBroken, match="outside the text"):
        targets.timex(b"\x02\x00\x00on Tuesday")
    from dateline.sources.http import Fetcher

    monkeypatch.setattr(Fetcher, "fetch_with_headers", Fetcher._fetch_with_headers)  # as before the fix
    with pytest.raises(ValueError, match="IPv6"):
        targets.fetch(b"\nhttp://[broken/x")
    monkeypatch.setattr("dateline.sources.feeds.sitemap_urls", lambda content: (["javascript:x"], []))
    with pytest.raises(ContractBroken, match="javascript"):
        targets.feeds(b"<urlset><url><loc>x</loc></url></urlset>")


# -- what fuzzing found, kept fixed


def test_a_url_urlsplit_refuses_still_has_an_identity() -> None:
    # an unclosed IPv6 bracket made urlsplit raise ValueError out of canonical_url
    assert canonical_url("http://[::1") == "http://[::1"
    assert len(article_id("https://[broken/path", "")) == 16


@pytest.mark.parametrize("host", ["https://[ledger.example", "https://ledger.ex\u2100ample"])
def test_readers_survive_urls_urlsplit_refuses(host: str) -> None:
    # printed in a dump, as a page's og:url, or as the URL a page was fetched from, an unclosed "[" or a
    # character that NFKC splits made read_text_dump and read_html raise ValueError
    assert read_text_dump(_DUMP.replace("https://ledger.example", host), "bad-url.txt").url is None
    page = read_html(_HTML.replace("https://ledger.example", host).encode(), "bad-url.html")
    assert page.url == f"{host}/2025/03/12/ferry" and page.title == "Ferry returns"
    assert read_html(_HTML.encode(), "bad-url.html", f"{host}/x").text


@pytest.mark.parametrize(
    "url",
    ["http://[broken/x", "http://ex..com/", "http://xn--zz.example/", "http://a.example:x/", "https://a.example\t/"],
)
def test_a_malformed_feed_link_is_a_document_error_not_a_dead_watcher(url: str) -> None:
    # urlsplit, the IDNA codec and httpx raised ValueError, UnicodeError or InvalidURL out of Fetcher.fetch,
    # which `watch` and `ingest` call unguarded on every entry a feed lists; and urljoin out of discover_feeds
    from dateline.sources.feeds import discover_feeds
    from dateline.sources.http import Fetcher, FetchPolicy

    fetcher = Fetcher(FetchPolicy(respect_robots=False, retries=0))
    try:
        with pytest.raises(DocumentError, match="not a valid URL"):
            fetcher.fetch(url)
    finally:
        fetcher.close()
    page = f'<html><head><link rel="alternate" type="application/rss+xml" href="{url}"></head></html>'
    assert all(found.startswith("http") for found in discover_feeds(page.encode(), "https://news.example/"))


def test_a_pdf_page_that_cannot_be_loaded_is_a_document_error() -> None:
    # a page tree that announces a page it does not hold made pypdfium2 raise PdfiumError out of read_pdf
    damaged = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 1/Kids[]>>endobj\n"
    with pytest.raises(DocumentError, match="unreadable PDF page 1"):
        read_pdf(damaged + b"trailer<</Root 1 0 R>>\n%%EOF\n", "damaged.pdf")


@pytest.mark.skipif(importlib.util.find_spec("atheris") is None, reason="atheris not installed (pip install '.[fuzz]')")
def test_atheris_runner_reports_per_target(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "fuzz.run", "--runs", "300", "--work", str(tmp_path), "url"],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "| url | 300 | 0 | - | 0 |" in result.stdout, result.stdout

"""Feed watching against a local server: conditional requests, only new entries, state across restarts."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from dateline.pipeline import ingest
from dateline.sources.http import Fetcher, FetchPolicy
from dateline.sources.watch import parse_interval, poll
from dateline.store import open_store
from tests.conftest import EXAMPLES

ARTICLE = (EXAMPLES / "porto-flood-barrier.html").read_bytes()


class Feed(BaseHTTPRequestHandler):
    entries: ClassVar[list[str]] = []
    broken: ClassVar[set[str]] = set()  # entries that answer 503 for now
    version = "v1"
    requests: ClassVar[list[str]] = []

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        Feed.requests.append(self.path)
        if self.path == "/feed.xml":
            if self.headers.get("If-None-Match") == Feed.version:
                self.send_response(304)
                self.end_headers()
                return
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            items = "".join(f"<item><title>{e}</title><link>{base}/{e}</link></item>" for e in Feed.entries)
            body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'
            self.reply(200, "application/rss+xml", body.encode(), {"ETag": Feed.version})
        elif self.path in ("/", "/plain.html"):
            head = '<link rel="alternate" type="application/rss+xml" title="News" href="/feed.xml">'
            body = f"<html><head>{head if self.path == '/' else ''}</head><body>Home</body></html>"
            self.reply(200, "text/html", body.encode(), {})
        elif self.path.lstrip("/") in Feed.broken:
            self.reply(503, "text/plain", b"try later", {})
        elif self.path.lstrip("/") in Feed.entries:
            # each entry a different article: the canonical URL decides identity
            page = ARTICLE.replace(b"porto-council-approves", self.path.strip("/").encode())
            self.reply(200, "text/html", page, {})
        else:
            self.reply(404, "text/plain", b"no", {})

    def reply(self, status: int, kind: str, body: bytes, headers: dict[str, str]) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def feed() -> Iterator[str]:
    Feed.entries, Feed.version, Feed.requests, Feed.broken = ["one.html", "two.html"], "v1", [], set()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Feed)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def fetcher_for(host: str) -> Fetcher:
    return Fetcher(FetchPolicy(allowed_hosts=frozenset({host}), host_delay=0, respect_robots=False))


def test_polls_fetch_only_what_is_new_and_survive_restarts(feed: str, tmp_path: Path) -> None:
    url = f"http://{feed}/feed.xml"
    db = str(tmp_path / "watch.db")
    store, fetcher = open_store(db), fetcher_for(feed)
    assert ingest(poll(url, fetcher, store), store, components=[]).new == 2
    assert list(poll(url, fetcher, store)) == []  # 304: the feed is unchanged
    store.close()

    store, fetcher = open_store(db), fetcher_for(feed)  # a restarted watcher
    Feed.requests.clear()
    assert list(poll(url, fetcher, store)) == []
    assert Feed.requests == ["/feed.xml"]

    Feed.entries.append("three.html")
    Feed.version = "v2"
    Feed.requests.clear()
    report = ingest(poll(url, fetcher, store), store, components=[])
    assert report.new == 1 and Feed.requests == ["/feed.xml", "/three.html"]
    assert store.count() == 3
    store.close()


def test_an_entry_that_failed_is_fetched_again_though_the_feed_is_unchanged(feed: str, tmp_path: Path) -> None:
    url = f"http://{feed}/feed.xml"
    store, fetcher = open_store(str(tmp_path / "watch.db")), fetcher_for(feed)
    Feed.broken = {"two.html"}
    first = list(poll(url, fetcher, store))
    assert [type(item).__name__ for item in first] == ["RawDocument", "DocumentError"]
    ingest(iter(first), store, components=[])
    Feed.broken = set()
    Feed.requests.clear()
    report = ingest(poll(url, fetcher, store), store, components=[])
    assert report.new == 1 and Feed.requests == ["/feed.xml", "/two.html"]
    assert list(poll(url, fetcher, store)) == []  # every entry stored: the validators are kept again
    store.close()


def test_watch_command_runs_rounds(feed: str, tmp_path: Path) -> None:
    from tests.test_cli import dateline

    url = f"http://{feed}/feed.xml"
    db = str(tmp_path / "w.db")
    result = dateline(
        "watch", url, "--every", "1s", "--rounds", "2", "--db", db, "--allow-private", "--delay", "0",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "poll 1: 2 new" in result.stderr and "poll 2: 0 new" in result.stderr
    store = open_store(db)
    assert all(article.quotes and article.places for article in store.articles())  # enriched by default
    store.close()


def test_watch_can_archive_text_only(feed: str, tmp_path: Path) -> None:
    from tests.test_cli import dateline

    db = str(tmp_path / "w.db")
    url = f"http://{feed}/feed.xml"
    result = dateline("watch", url, "--rounds", "1", "--db", db, "--allow-private", "--delay", "0", "--no-enrich")
    assert result.returncode == 0, result.stderr
    store = open_store(db)
    articles = list(store.articles())
    assert len(articles) == 2 and all(not a.quotes and not a.places and not a.times for a in articles)
    store.close()


@pytest.mark.parametrize(("text", "seconds"), [("30s", 30), ("15m", 900), ("2h", 7200), ("1d", 86400), ("5", 300)])
def test_parse_interval(text: str, seconds: float) -> None:
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "soon", "-5m", "0s", "5 weeks"])
def test_parse_interval_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        parse_interval(text)


def test_a_home_page_is_watched_through_the_feed_it_announces(feed: str, tmp_path: Path) -> None:
    store, fetcher = open_store(str(tmp_path / "home.db")), fetcher_for(feed)
    assert ingest(poll(f"http://{feed}/", fetcher, store), store, components=[]).new == 2
    [error] = list(poll(f"http://{feed}/plain.html", fetcher, store))
    assert "announces no feed" in str(error)
    store.close()


def test_discover_feeds() -> None:
    from dateline.sources.feeds import discover_feeds

    page = b"""<html><head><link rel="alternate" type="application/rss+xml" href="/rss">
    <link rel="alternate" type="application/atom+xml; charset=utf-8" href="https://other.example/atom.xml">
    <link rel="alternate" hreflang="fr" href="/fr/"><link rel="stylesheet" href="/s.css">
    <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)"></head></html>"""
    assert discover_feeds(page, "https://news.example/section/") == [
        "https://news.example/rss", "https://other.example/atom.xml",
    ]  # fmt: skip
    assert discover_feeds(b"", "https://news.example/") == []

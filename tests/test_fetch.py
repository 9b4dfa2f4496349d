"""URL sources against a local HTTP server the test starts: SSRF refusals, redirects, feeds, limits."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from dateline.errors import DocumentError
from dateline.sources import read_inputs
from dateline.sources.http import Fetcher, FetchPolicy, address_allowed
from tests.conftest import EXAMPLES

ARTICLE = (EXAMPLES / "porto-flood-barrier.html").read_bytes()


class Site(BaseHTTPRequestHandler):
    hits: ClassVar[dict[str, int]] = {}
    other_port = 0

    def log_message(self, *args: object) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        Site.hits[self.path] = Site.hits.get(self.path, 0) + 1
        routes: dict[str, tuple[int, str, bytes, dict[str, str]]] = {
            "/robots.txt": (200, "text/plain", b"User-agent: *\nDisallow: /private/\n", {}),
            "/article.html": (200, "text/html; charset=utf-8", ARTICLE, {}),
            "/private/secret.html": (200, "text/html", ARTICLE, {}),
            "/moved": (301, "text/html", b"", {"Location": "/article.html"}),
            "/to-internal": (302, "text/html", b"", {"Location": f"http://localhost:{Site.other_port}/"}),
            "/to-metadata": (302, "text/html", b"", {"Location": "http://169.254.169.254/latest/meta-data/"}),
            "/big": (200, "text/html", b"<html>" + b"x" * 300_000, {}),
            "/feed.xml": (200, "application/rss+xml", (
                f'<?xml version="1.0"?><rss version="2.0"><channel><title>Ledger</title>'
                f"<item><title>Barrier</title><link>{base}/article.html</link></item>"
                f"<item><title>Gone</title><link>{base}/gone.html</link></item>"
                f"</channel></rss>").encode(), {}),
            "/sitemap.xml": (200, "application/xml", (
                f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                f"<sitemap><loc>{base}/sitemap-2025.xml</loc></sitemap></sitemapindex>").encode(), {}),
            "/sitemap-2025.xml": (200, "application/xml", (
                f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                f"<url><loc>{base}/article.html</loc></url></urlset>").encode(), {}),
        }  # fmt: skip
        if self.path == "/flaky" and Site.hits[self.path] == 1:
            status, kind, body, headers = 503, "text/plain", b"busy", {}
        elif self.path == "/flaky":
            status, kind, body, headers = 200, "text/html", ARTICLE, {}
        else:
            status, kind, body, headers = routes.get(self.path, (404, "text/plain", b"not found", {}))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    servers = [ThreadingHTTPServer(("127.0.0.1", 0), Site) for _ in range(2)]
    Site.other_port = servers[1].server_address[1]
    for server in servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"127.0.0.1:{servers[0].server_address[1]}"
    for server in servers:
        server.shutdown()


def allowed(site: str, **settings: object) -> Fetcher:
    return Fetcher(FetchPolicy(allowed_hosts=frozenset({site}), host_delay=0, backoff=0.01, **settings))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("address", "ok"),
    [("127.0.0.1", False), ("10.1.2.3", False), ("192.168.0.5", False), ("169.254.169.254", False),
     ("::1", False), ("fe80::1", False), ("::ffff:127.0.0.1", False), ("0.0.0.0", False), ("224.0.0.1", False),
     ("93.184.216.34", True), ("2606:4700::1111", True)],
)  # fmt: skip
def test_address_policy(address: str, ok: bool) -> None:
    assert address_allowed(address) is ok


def test_loopback_is_refused_by_default(site: str) -> None:
    fetcher = Fetcher(FetchPolicy(host_delay=0))
    for url in (f"http://{site}/article.html", f"http://localhost:{site.split(':')[1]}/article.html"):
        # the web API returns this message too, and `serve` has no --allow-private: name both ways
        with pytest.raises(DocumentError, match=r"private or local.*--allow-private or DATELINE_ALLOW_PRIVATE=1"):
            fetcher.fetch(url)


def test_redirects_to_private_addresses_are_refused(site: str) -> None:
    fetcher = allowed(site)
    with pytest.raises(DocumentError, match="private or local address"):
        fetcher.fetch(f"http://{site}/to-internal")
    with pytest.raises(DocumentError, match=r"169\.254\.169\.254"):
        fetcher.fetch(f"http://{site}/to-metadata")


def test_fetch_follows_redirects_and_keeps_the_final_url(site: str) -> None:
    document = allowed(site).fetch(f"http://{site}/moved")
    assert document.content == ARTICLE and document.url == f"http://{site}/article.html"
    assert document.origin == f"http://{site}/moved" and document.content_type == "text/html"


def test_robots_txt_is_respected(site: str) -> None:
    with pytest.raises(DocumentError, match=r"robots\.txt"):
        allowed(site).fetch(f"http://{site}/private/secret.html")
    assert allowed(site, respect_robots=False).fetch(f"http://{site}/private/secret.html").content == ARTICLE


def test_errors_limits_and_retries(site: str) -> None:
    with pytest.raises(DocumentError, match="HTTP 404"):
        allowed(site).fetch(f"http://{site}/gone.html")
    with pytest.raises(DocumentError, match=r"size limit|byte limit"):
        allowed(site, max_bytes=100_000).fetch(f"http://{site}/big")
    assert allowed(site, retries=2).fetch(f"http://{site}/flaky").content == ARTICLE
    with pytest.raises(DocumentError, match="only http and https"):
        allowed(site).fetch("file:///etc/passwd")


def test_feeds_and_sitemaps_expand_to_their_articles(site: str) -> None:
    policy = FetchPolicy(allowed_hosts=frozenset({site}), host_delay=0)
    from_feed = list(read_inputs([f"http://{site}/feed.xml"], policy))
    assert [getattr(d, "url", None) for d in from_feed[:1]] == [f"http://{site}/article.html"]
    assert isinstance(from_feed[1], DocumentError) and "gone.html" in str(from_feed[1])
    from_sitemap = list(read_inputs([f"http://{site}/sitemap.xml"], policy))
    assert [getattr(d, "url", None) for d in from_sitemap] == [f"http://{site}/article.html"]


def test_cli_refuses_loopback_urls(site: str, tmp_path: Path) -> None:
    from tests.test_cli import dateline

    result = dateline("ingest", f"http://{site}/article.html", "--db", str(tmp_path / "a.db"), "-q")
    assert result.returncode == 1
    assert f"http://{site}/article.html" in result.stderr and "private or local address" in result.stderr
    allowed_run = dateline(
        "ingest", f"http://{site}/feed.xml", "--db", str(tmp_path / "a.db"), "-q", "--allow-private", "--delay", "0"
    )
    assert allowed_run.returncode == 1 and "1 new" in allowed_run.stderr and "gone.html" in allowed_run.stderr

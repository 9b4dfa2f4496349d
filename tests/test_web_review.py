"""The web UI and API after the code review: unsafe hrefs, security headers, the ingest gate, paging,
filters kept across links, error formats and names with "/" in them.

The archive here is written with hand-made records (no extraction or enrichment), so it is fast.
"""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient

import dateline.web.app as web_app
from dateline.record import Article, Link, Quote, Speaker
from dateline.store import SearchQuery, open_store
from dateline.web.app import create_app
from dateline.web.render import month_bounds, page_url, safe_href, url_segment

TOKEN = "review-token-0123456789"
STORY = "gazette-ferry"


def quoted_article(article_id: str, url: str, outlet: str, published: str, links: list[Link]) -> Article:
    said = '"The ferry runs again on Monday," said the press office of AC/DC Harbour Lines.'
    also = '"We checked every mooring twice," Ann Lee said after the inspection of the pier.'
    text = f"The ferry to the island was cancelled after the storm.\n\n{said}\n\n{also}"
    first = text.index('"The ferry')
    second = text.index('"We checked')
    return Article(
        origin=f"test:{article_id}", text=text, url=url, title=f"Ferry back on Monday ({outlet})",
        published=published, outlet=outlet, links=links, id=article_id,
        quotes=[
            Quote(first, first + 41, [(first, first + 41)], text[first:first + 41], "direct",
                  speaker=Speaker("AC/DC Harbour Lines")),
            Quote(second, second + 33, [(second, second + 33)], text[second:second + 33], "direct",
                  speaker=Speaker("Ann Lee")),
        ],
    )  # fmt: skip


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("review") / "review.db")
    store = open_store(path)
    hostile_links = [
        Link("JaVaScRiPt:alert(document.domain)", "click me", "related"),
        Link(" java\tscript:alert(2)", "tabbed scheme", "related"),
        Link("data:text/html,<script>alert(3)</script>", "data scheme", "related"),
        Link("https://example.org/ferry-timetable", "timetable", "related"),
    ]
    store.upsert(quoted_article(STORY, "javascript:alert('source')", "Gazette", "2025-02-10", hostile_links))
    store.upsert(quoted_article("courier-ferry", "vbscript:msgbox(1)", "Courier", "2025-03-01", []))
    members = {STORY: STORY, "courier-ferry": STORY}
    for number in range(21):  # one page of results and then some, in the same story
        filler = Article(origin=f"test:filler{number}", text=f"Ferry notice number {number}.", id=f"filler{number:02d}",
                         title=f"Ferry notice {number}", outlet="Filler Post", published="2025-03-05")  # fmt: skip
        store.upsert(filler)
        members[filler.id] = STORY
    store.set_stories(members)
    for number in range(3):
        store.record_failure(f"test:broken{number}", "empty document")
    store.close()
    return path


@pytest.fixture(scope="module")
def client(db: str) -> TestClient:
    return TestClient(create_app(db, TOKEN))


# -- 1. hrefs from article data and the security headers -----------------------------------------


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "JAVASCRIPT:alert(1)", " \x01javascript:alert(1)", "java\tscript:alert(1)",
     "jav\nascript:x", "data:text/html,hi", "vbscript:x", "//evil.example/x", "/local/path", "http:alert(1)",
     "", None, "http://[::1"],
)  # fmt: skip
def test_safe_href_refuses_what_is_not_an_http_page(url: str | None) -> None:
    assert safe_href(url) is None


def test_safe_href_keeps_http_and_https() -> None:
    assert safe_href("https://example.org/a?b=c&d=e") == "https://example.org/a?b=c&d=e"
    assert safe_href("  HTTP://example.org/  ") == "HTTP://example.org/"


def hrefs(html: str) -> list[str]:
    return re.findall(r'href="([^"]*)"', html)


def test_article_and_story_pages_link_only_http_urls(client: TestClient) -> None:
    page = client.get(f"/articles/{STORY}").text
    assert not [h for h in hrefs(page) if not h.startswith(("/", "https://", "http://"))], hrefs(page)
    assert "click me" in page and "tabbed scheme" in page  # shown, as plain text
    assert 'href="https://example.org/ferry-timetable"' in page
    assert "javascript:alert(&#39;source&#39;)" in page  # the source URL is shown, not linked
    story = client.get(f"/stories/{STORY}").text
    assert "vbscript" in story and not [h for h in hrefs(story) if h.startswith(("javascript", "vbscript"))]


def test_pages_send_a_content_security_policy_and_everything_nosniff(client: TestClient) -> None:
    for path in ("/", f"/articles/{STORY}", "/speakers", "/nope-at-all"):
        response = client.get(path)
        assert "script-src 'none'" in response.headers["content-security-policy"], path
        assert response.headers["x-content-type-options"] == "nosniff"
    for path in ("/docs", "/redoc"):  # they run FastAPI's own scripts
        response = client.get(path)
        assert response.status_code == 200 and "content-security-policy" not in response.headers
    for path in ("/api/search", "/static/style.css", "/openapi.json"):
        response = client.get(path)
        assert response.headers["x-content-type-options"] == "nosniff", path
        assert "content-security-policy" not in response.headers


# -- 2. the write API refuses before it reads the body ---------------------------------------------


def call_ingest(app: Any, headers: dict[str, str], chunks: list[bytes]) -> tuple[int, int]:
    """POST /api/ingest straight to the ASGI app: its status and how many body chunks it asked for."""
    asked = 0
    status = 0

    async def receive() -> dict[str, Any]:
        nonlocal asked
        asked += 1
        if asked <= len(chunks):
            return {"type": "http.request", "body": chunks[asked - 1], "more_body": asked < len(chunks)}
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
        "path": "/api/ingest", "raw_path": b"/api/ingest", "query_string": b"", "root_path": "",
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
        "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80),
    }  # fmt: skip
    asyncio.run(app(scope, receive, send))
    return status, asked


def test_ingest_checks_token_and_size_before_reading_the_body(db: str) -> None:
    body = [b"--x\r\nContent-Disposition: form-data; name=\"url\"\r\n\r\nhttp://example.org/\r\n--x--\r\n"]
    multipart = {"content-type": "multipart/form-data; boundary=x"}
    disabled = create_app(db, None)
    assert call_ingest(disabled, {**multipart, "authorization": f"Bearer {TOKEN}"}, body) == (403, 0)
    app = create_app(db, TOKEN)
    assert call_ingest(app, multipart, body) == (401, 0)
    assert call_ingest(app, {**multipart, "authorization": "Bearer wrong"}, body) == (401, 0)
    huge = {**multipart, "authorization": f"Bearer {TOKEN}", "content-length": str(10**10)}
    assert call_ingest(app, huge, body) == (413, 0)


def test_ingest_counts_an_undeclared_body_as_it_streams(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(web_app, "MAX_INGEST_BODY", 1000)
    app = create_app(db, TOKEN)
    start = b'--x\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\n'
    chunks = [start] + [b"a" * 400] * 10 + [b"\r\n--x--\r\n"]
    headers = {"content-type": "multipart/form-data; boundary=x", "authorization": f"Bearer {TOKEN}"}
    status, asked = call_ingest(app, headers, chunks)
    assert status == 413 and asked < len(chunks)


# -- 3. failures are paged ---------------------------------------------------------------------------


def test_failures_are_paged_with_a_next_offset_that_ends(client: TestClient) -> None:
    first = client.get("/api/failures", params={"limit": 2}).json()
    assert len(first["items"]) == 2 and first["next_offset"] == 2
    rest = client.get("/api/failures", params={"limit": 2, "offset": first["next_offset"]}).json()
    assert len(rest["items"]) == 1 and rest["next_offset"] is None
    exact = client.get("/api/failures", params={"limit": 3}).json()
    assert len(exact["items"]) == 3 and exact["next_offset"] is None
    assert client.get("/api/failures").json()["next_offset"] is None


# -- 4. the search page keeps its filters ------------------------------------------------------------


def params_of(url: str) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


def test_page_url_keeps_every_filter_and_applies_changes() -> None:
    query = SearchQuery("ferry", since="2025-01-01", speaker="Ann Lee", place="Bergen/Vest", entity="X & Y",
                        story="s1", offset=20)  # fmt: skip
    more = params_of(page_url(query, offset=40))
    assert more == {"q": "ferry", "since": "2025-01-01", "speaker": "Ann Lee", "place": "Bergen/Vest",
                    "entity": "X & Y", "story": "s1", "offset": "40"}  # fmt: skip
    narrowed = params_of(page_url(query, outlet="Gazette"))
    assert narrowed["outlet"] == "Gazette" and narrowed["story"] == "s1" and "offset" not in narrowed
    assert "speaker" not in params_of(page_url(query, speaker=None))
    assert page_url(SearchQuery()) == "/"
    with pytest.raises(TypeError):
        page_url(query, colour="red")
    assert month_bounds("2024-02") == ("2024-02-01", "2024-02-29") and month_bounds("2025-04")[1] == "2025-04-30"


def test_search_page_links_keep_the_other_filters(client: TestClient) -> None:
    page = client.get("/", params={"since": "2025-01-01", "story": STORY, "outlet": "Filler Post"}).text
    links = [h.replace("&amp;", "&") for h in hrefs(page) if h.startswith("/?")]
    [more] = [h for h in links if "offset=" in h]
    assert params_of(more) == {"since": "2025-01-01", "story": STORY, "outlet": "Filler Post", "offset": "20"}
    removals = [params_of(h) for h in links if "offset" not in h and len(params_of(h)) == 2]
    assert {"since": "2025-01-01", "story": STORY} in removals  # "remove filter" on the outlet
    assert {"since": "2025-01-01", "outlet": "Filler Post"} in removals  # ... and on the story
    facets = client.get("/", params={"story": STORY, "q": "ferry"}).text
    outlet_links = [params_of(h.replace("&amp;", "&")) for h in hrefs(facets) if "outlet=" in h]
    assert outlet_links and all(p.get("story") == STORY and p.get("q") == "ferry" for p in outlet_links)
    month_links = [params_of(h.replace("&amp;", "&")) for h in hrefs(facets) if "until=" in h]
    assert {"q": "ferry", "story": STORY, "since": "2025-02-01", "until": "2025-02-28"} in month_links


# -- 5. story, outlet and entity reach the store -------------------------------------------------------


def test_search_and_timeline_take_every_filter(client: TestClient) -> None:
    assert client.get("/api/search", params={"story": "no-such-story"}).json()["items"] == []
    in_story = client.get("/api/search", params={"story": STORY, "limit": 100}).json()["items"]
    assert len(in_story) == 23
    everything = client.get("/api/timeline").json()["items"]
    assert everything
    for name in ("outlet", "entity", "story"):
        assert client.get("/api/timeline", params={name: "nothing-like-it"}).json()["items"] == [], name
    assert client.get("/api/timeline", params={"outlet": "Gazette"}).json()["items"]


# -- 6. errors come back in the format of the page that asked -------------------------------------------


def test_errors_are_json_for_the_api_and_a_page_for_people(client: TestClient) -> None:
    page = client.get("/speakers/Ann Lee", params={"about": "-flood"})
    assert page.status_code == 400 and page.headers["content-type"].startswith("text/html")
    api = client.get("/api/search", params={"q": "-flood"})
    assert api.status_code == 400 and set(api.json()) == {"error"}
    invalid = client.get("/api/search", params={"since": "yesterday", "limit": 0})
    assert invalid.status_code == 422
    message = invalid.json()["error"]
    assert isinstance(message, str) and "since" in message and "limit" in message and "\n" not in message
    html = client.get("/", params={"since": "yesterday"})
    assert html.status_code == 422 and html.headers["content-type"].startswith("text/html")
    assert "since" in html.text and 'role="alert"' in html.text


# -- 7. names with "/" --------------------------------------------------------------------------------


def test_names_with_a_slash_link_to_their_page(client: TestClient) -> None:
    assert url_segment("AC/DC Harbour Lines") == "AC%2FDC%20Harbour%20Lines"
    article = client.get(f"/articles/{STORY}").text
    assert 'href="/speakers/AC%2FDC%20Harbour%20Lines"' in article
    speaker = client.get("/speakers/AC%2FDC%20Harbour%20Lines")
    assert speaker.status_code == 200 and "<h1>AC/DC Harbour Lines</h1>" in speaker.text
    assert 'href="/speakers/AC%2FDC%20Harbour%20Lines"' in client.get("/speakers").text


# -- 8. a short exact name keeps all its statements -----------------------------------------------------


def _statements_article(number: int, speaker: str, sentences: list[str]) -> Article:
    text = "\n\n".join(f'"{sentence}" said {speaker}.' for sentence in sentences)
    quotes = []
    for sentence in sentences:
        start = text.index(sentence)
        quotes.append(Quote(start, start + len(sentence), [(start, start + len(sentence))], sentence, "direct",
                            None, None, Speaker(speaker)))  # fmt: skip
    return Article(origin=f"s{number}.html", url=f"https://gazette.example/{number}", title=f"Statements {number}",
                   published="2025-03-01", outlet="Gazette", text=text, quotes=quotes)  # fmt: skip


def test_the_exact_speaker_keeps_every_statement_however_many_others_match(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    db = str(tmp_path / "speakers.db")
    store = open_store(db)
    store.upsert(_statements_article(1, "Ann Leeward", [f"Statement number {n}." for n in range(15)]))
    store.upsert(_statements_article(2, "Ann Lee", ["The pier is safe.", "Boats may dock."]))
    store.close()
    monkeypatch.setattr(web_app, "SPEAKER_PARTIAL", 10)
    client = TestClient(create_app(db, None))
    page = client.get("/speakers/Ann Lee").text
    assert "<h1>Ann Lee</h1>" in page and "2 statements" in page and "Boats may dock." in page
    assert "Ann Leeward" not in page
    broader = client.get("/speakers/Leeward").text  # no exact name: the first of the partial matches
    assert "10 statements" in broader


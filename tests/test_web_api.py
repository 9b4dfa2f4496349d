"""The JSON API and the pages, in-process (FastAPI's test client over a real SQLite archive)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dateline.pipeline import ingest
from dateline.sources import read_inputs
from dateline.store import open_store
from dateline.story_archive import group_stories
from dateline.web.app import create_app
from tests.conftest import EXAMPLES

TOKEN = "test-token-0123456789"
HOSTILE = b"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Harbour &lt;script&gt;window.pwned=1&lt;/script&gt; report</title>
<meta property="og:url" content="https://hostile.example/2025/03/01/harbour">
<meta property="article:published_time" content="2025-03-01">
</head><body><article><h1>Harbour &lt;script&gt;window.pwned=1&lt;/script&gt; report</h1>
<p>The harbour master said the pier &lt;img src=x onerror="window.pwned=2"&gt; would reopen on Friday after
repairs to the storm wall were finished by the city engineers this week.</p>
<p>"Ships can dock again &lt;b onmouseover=alert(3)&gt;soon&lt;/b&gt;," the harbour master said on Monday,
adding that the harbour had been closed for most of the month after the storm.</p>
</article></body></html>"""


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("web") / "web.db"
    (path.parent / "hostile.html").write_bytes(HOSTILE)
    store = open_store(str(path))
    report = ingest(read_inputs([EXAMPLES, path.parent / "hostile.html"]), store)
    group_stories(store)
    store.close()
    assert not report.failures
    return str(path)


@pytest.fixture(scope="module")
def client(db: str) -> TestClient:
    return TestClient(create_app(db, TOKEN))


def test_search_with_facets_and_pagination(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "flood barrier", "facets": "true", "limit": 1}).json()
    assert len(body["items"]) == 1 and body["next_offset"] == 1
    assert {f["value"] for f in body["facets"]["outlets"]} == {"The Northfield Ledger", "Coastline Wire"}
    second = client.get("/api/search", params={"q": "flood barrier", "limit": 1, "offset": 1}).json()
    assert second["items"][0]["id"] != body["items"][0]["id"]


def test_bad_search_is_a_clean_400(client: TestClient) -> None:
    response = client.get("/api/search", params={"q": "-everything"})
    assert response.status_code == 400 and "error" in response.json()
    assert client.get("/api/search", params={"q": 'NEAR("x'}).status_code == 200
    assert client.get("/api/search", params={"since": "yesterday"}).status_code == 422
    assert client.get("/", params={"q": "-everything"}).status_code == 400


def test_articles_list_and_get(client: TestClient) -> None:
    listed = client.get("/api/articles", params={"since": "2025-03-01"}).json()["items"]
    assert listed and all(item["published"] >= "2025-03-01" for item in listed)
    record = client.get(f"/api/articles/{listed[0]['id']}").json()
    assert record["id"] == listed[0]["id"] and "quotes" in record
    missing = client.get("/api/articles/nope")
    assert missing.status_code == 404 and missing.json() == {"error": "no article with id nope"}


def test_quotes_and_speakers(client: TestClient) -> None:
    speakers = client.get("/api/speakers").json()["items"]
    assert any(s["value"] == "Helena Saraiva" for s in speakers)
    quotes = client.get("/api/quotes", params={"speaker": "Helena Saraiva"}).json()["items"]
    assert quotes and all("Saraiva" in q["speaker"] for q in quotes)
    assert client.get("/api/failures").json()["items"] == []


def test_ingest_needs_the_token(client: TestClient, db: str, tmp_path: Path) -> None:
    page = (EXAMPLES / "porto-flood-barrier.html").read_bytes().replace(b"porto-council", b"porto-city-council")
    files = {"file": ("barrier.html", page, "text/html")}
    assert client.post("/api/ingest", files=files).status_code == 401
    assert client.post("/api/ingest", files=files, headers={"Authorization": "Bearer wrong"}).status_code == 401
    accepted = client.post("/api/ingest", files=files, headers={"Authorization": f"Bearer {TOKEN}"})
    assert accepted.status_code == 201, accepted.text
    assert accepted.json()["new"] == 1 and client.get(f"/api/articles/{accepted.json()['id']}").status_code == 200
    empty = {"file": ("empty.txt", b"", "text/plain")}
    refused = client.post("/api/ingest", files=empty, headers={"Authorization": f"Bearer {TOKEN}"})
    assert refused.status_code == 422 and "empty document" in refused.json()["error"]
    without_token = TestClient(create_app(db, None))
    assert without_token.post("/api/ingest", files=files).status_code == 403


def test_pages_render_and_escape(client: TestClient) -> None:
    search = client.get("/", params={"q": "said"})
    assert search.status_code == 200
    assert "<script>window.pwned" not in search.text and "&lt;script&gt;" in search.text
    hit = client.get("/api/search", params={"q": "harbour master"}).json()["items"][0]
    article = client.get(f"/articles/{hit['id']}").text
    assert "<img" not in article and "<b onmouseover" not in article and 'onerror="' not in article
    assert "&lt;img src=x" in article and "&lt;b onmouseover=alert(3)&gt;" in article
    assert 'class="fact time"' in article or "times" not in client.get(f"/api/articles/{hit['id']}").json()
    assert client.get("/articles/nope").status_code == 404
    assert client.get("/speakers").status_code == 200
    speaker = client.get("/speakers/Helena Saraiva")
    assert speaker.status_code == 200 and "<svg" in speaker.text
    assert client.get("/docs").status_code == 200 and client.get("/openapi.json").status_code == 200


def test_facts_endpoints(client: TestClient) -> None:
    entities = client.get("/api/entities", params={"type": "PERSON"}).json()["items"]
    assert any(e["name"] == "Helena Saraiva" and e["articles"] >= 2 for e in entities)
    assert "items" in client.get("/api/places").json()
    timeline = client.get("/api/timeline", params={"granularity": "day"}).json()
    assert timeline["granularity"] == "day" and any(b["period"] == "2025-03-11" for b in timeline["items"])
    assert client.get("/api/timeline", params={"granularity": "year"}).status_code == 422
    speaker_hits = client.get("/api/search", params={"speaker": "Helena Saraiva"}).json()["items"]
    assert len(speaker_hits) >= 2



def test_statements_once_each_and_linked_to_their_place_in_the_article(client: TestClient) -> None:
    every = client.get("/api/quotes", params={"speaker": "Saraiva"}).json()["items"]
    distinct = client.get("/api/quotes", params={"speaker": "Saraiva", "distinct": "true"}).json()["items"]
    assert len(distinct) < len(every) and sum(item["articles"] for item in distinct) == len(every)
    repeated = next(item for item in distinct if item["articles"] > 1)  # the wire copy repeats a statement
    page = client.get("/speakers/Helena Saraiva").text
    assert "reported in 2 articles" in page
    anchor = f'/articles/{repeated["article_id"]}#quote-{repeated["position"]}'
    assert anchor in page
    record = client.get(f"/api/articles/{repeated['article_id']}").json()
    quote = record["quotes"][repeated["position"]]
    assert record["text"][quote["start"]:quote["end"]] == repeated["text"]

def test_fact_pages(client: TestClient) -> None:
    for path in ("/timeline", "/timeline?granularity=week&q=ferry", "/places", "/entities", "/entities?type=ORG"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert "<script>window.pwned" not in response.text
    assert "<svg" in client.get("/timeline").text
    assert client.get("/timeline?q=-x").status_code == 400
    assert client.get("/?speaker=Helena Saraiva").status_code == 200


def test_stories_across_outlets(client: TestClient) -> None:
    stories = client.get("/api/stories").json()["items"]
    porto = [s for s in stories if set(s["outlets"]) == {"Coastline Wire", "The Northfield Ledger"}]
    assert len(porto) == 1 and porto[0]["articles"] >= 2  # other tests upload more copies
    versions = client.get(f"/api/stories/{porto[0]['id']}").json()["articles"]
    assert versions[0]["outlet"] == "The Northfield Ledger"  # the oldest version comes first
    [wire] = [v for v in versions if v["outlet"] == "Coastline Wire"]
    assert wire["removed"] and wire["same"] + len(wire["changed"]) >= 2
    page = client.get(f"/stories/{porto[0]['id']}")
    assert page.status_code == 200 and "Coastline Wire" in page.text
    article = client.get(f"/articles/{versions[0]['id']}").text
    assert "The same story elsewhere" in article and "Porto approves Douro flood barrier" in article
    assert client.get("/stories").status_code == 200 and client.get("/stories/nope").status_code == 404
    assert client.get("/api/stories/nope").status_code == 404


def test_ingest_by_url_refuses_private_addresses_and_fetches_allowed_ones(db: str) -> None:
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from dateline.sources.http import FetchPolicy

    page = (EXAMPLES / "porto-flood-barrier.html").read_bytes().replace(b"porto-council", b"porto-url-council")

    class Page(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            body = page if self.path == "/barrier.html" else b""
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    site = f"127.0.0.1:{server.server_address[1]}"
    auth = {"Authorization": f"Bearer {TOKEN}"}
    try:
        refused = TestClient(create_app(db, TOKEN)).post("/api/ingest", data={"url": f"http://{site}/barrier.html"},
                                                          headers=auth)  # fmt: skip
        assert refused.status_code == 422 and "private or local address" in refused.json()["error"]
        policy = FetchPolicy(allowed_hosts=frozenset({site}), host_delay=0)
        allowed = TestClient(create_app(db, TOKEN, policy))
        fetched = allowed.post("/api/ingest", data={"url": f"http://{site}/barrier.html"}, headers=auth)
        assert fetched.status_code == 201 and fetched.json()["new"] == 1, fetched.text
        both = allowed.post("/api/ingest", data={"url": "http://x"}, files={"file": ("a.html", b"x")}, headers=auth)
        assert both.status_code == 400
        assert allowed.post("/api/ingest", headers=auth).status_code == 400
    finally:
        server.shutdown()


def test_place_page(client: TestClient) -> None:
    places = client.get("/api/places").json()["items"]
    assert places, "the examples name real places"
    page = client.get(f"/places/{places[0]['name']}")
    assert page.status_code == 200 and places[0]["name"] in page.text and "<svg" in page.text
    assert client.get("/places/Atlantis-on-Sea").status_code == 404


def test_estimated_facets_are_marked_as_estimates(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    import dateline.store.sqlite as sqlite_store

    assert "≈" not in client.get("/", params={"q": "said"}).text
    monkeypatch.setattr(sqlite_store, "FACETS_EXACT_UP_TO", 1)  # as a word in most of a huge archive would
    page = client.get("/", params={"q": "said"}).text
    assert "Counts estimated from about one matching article in" in page
    body = client.get("/api/search", params={"q": "said", "facets": "true"}).json()
    assert body["facets"]["sampled_every"] > 1

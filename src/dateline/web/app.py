"""FastAPI: the JSON API (OpenAPI at /docs) and the server-rendered pages over one archive.

Each request borrows an open store from a small pool (connections are reused, never shared by two
requests at once; SQLite reads alongside an ingest's writes thanks to WAL). The write API needs the
operator's token (DATELINE_TOKEN); without one it is disabled.
"""


import hmac
import os
from collections.abc import AsyncIterator, Iterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, File, Form, Header, HTTPException, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from dateline.errors import DocumentError
from dateline.pipeline import content_hash, ingest
from dateline.record import RawDocument
from dateline.sources.http import Fetcher, FetchPolicy
from dateline.store import QueryError, QuoteQuery, SearchQuery, Store, open_store
from dateline.store.pool import StorePool
from dateline.story_archive import group_written_stories, story_versions
from dateline.web.render import (
    article_html,
    month_bounds,
    page_url,
    places_map,
    safe_href,
    snippet_html,
    timeline_bars,
    timeline_svg,
    url_segment,
)

HERE = Path(__file__).resolve().parent
MAX_UPLOAD_BYTES = 32 * 1024 * 1024
# a multipart body carries boundaries, part headers and the url field around the file itself
MAX_INGEST_BODY = MAX_UPLOAD_BYTES + 64 * 1024
INGEST_PATH = "/api/ingest"
# a speaker's page lists at most this many statements; a name matching no speaker exactly, the first
# SPEAKER_PARTIAL of those whose speaker's name contains it
SPEAKER_MOST = 50_000
SPEAKER_PARTIAL = 1000
# No page runs script: every string from an article is escaped, and this stops one that slipped
# through anyway. Styles come from /static only (no inline style attributes); inline SVG needs nothing.
HTML_CSP = (
    "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)
# FastAPI's own API pages load their scripts and styles from a CDN and inline: they keep working without CSP
OWN_SCRIPT_PAGES = ("/docs", "/redoc")

Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0)]
# empty is allowed because an HTML form sends an unset date field as "since="
DateParam = Annotated[str | None, Query(pattern=r"^(\d{4}-\d{2}-\d{2})?$", description="YYYY-MM-DD")]


def create_app(db_url: str, token: str | None = None, fetch_policy: FetchPolicy | None = None) -> FastAPI:
    """The app over the archive at ``db_url``; ``token`` enables the write API; ``fetch_policy`` governs
    URL ingest (by default private addresses are refused, unless DATELINE_ALLOW_PRIVATE=1)."""
    if fetch_policy is None:
        fetch_policy = FetchPolicy(allow_private=os.environ.get("DATELINE_ALLOW_PRIVATE") == "1")
    pool = StorePool(lambda: open_store(db_url), harmless=(HTTPException, QueryError, RequestValidationError))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close()

    app = FastAPI(
        title="dateline",
        description="Search an archive of news articles and the facts inside them.",
        version="0.1.0",
        lifespan=lifespan,
    )
    app.state.pool = pool
    app.add_middleware(IngestGate, token=token)
    app.add_middleware(SecurityHeaders)
    templates = Jinja2Templates(directory=str(HERE / "templates"))  # autoescapes every {{ value }}
    templates.env.filters["safe_href"] = safe_href
    templates.env.filters["url_segment"] = url_segment
    templates.env.globals["page_url"] = page_url
    templates.env.globals["month_bounds"] = month_bounds
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    def get_store() -> Iterator[Store]:
        with pool.borrowed() as store:
            yield store

    StoreDep = Annotated[Store, Depends(get_store)]

    def error_response(request: Request, status: int, message: str, headers: Mapping[str, str] | None = None) -> Any:
        """The README's ``{"error": ...}`` for the API, the error page for a person at a browser."""
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": message}, status_code=status, headers=headers)
        return templates.TemplateResponse(
            request, "error.html", {"status": status, "message": message}, status_code=status, headers=headers
        )

    @app.exception_handler(QueryError)
    async def bad_query(request: Request, error: QueryError) -> Any:
        return error_response(request, 400, str(error))

    # Starlette's class, not FastAPI's subclass: the router's own 404 and 405 get our formats too
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Any:
        return error_response(request, error.status_code, str(error.detail), error.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> Any:
        return error_response(request, 422, validation_message(error))

    # -- JSON API -------------------------------------------------------------------------------

    def page(items: list[Any], limit: int, offset: int) -> dict[str, Any]:
        return {
            "items": items, "limit": limit, "offset": offset,
            "next_offset": offset + limit if len(items) == limit else None,
        }  # fmt: skip

    @app.get("/api/search", tags=["articles"], summary="Full-text search with filters, best first")
    def api_search(
        store: StoreDep, q: str = "", since: DateParam = None, until: DateParam = None,
        outlet: str | None = None, speaker: str | None = None, place: str | None = None,
        entity: str | None = None, story: str | None = None, limit: Limit = 20, offset: Offset = 0,
        facets: bool = False,
    ) -> dict[str, Any]:  # fmt: skip
        query = SearchQuery(
            q, since=since or None, until=until or None, outlet=outlet or None, speaker=speaker or None,
            place=place or None, entity=entity or None, story=story or None, limit=limit, offset=offset,
        )  # fmt: skip
        result = page([asdict(hit) for hit in store.search(query)], limit, offset)
        if facets:
            result["facets"] = asdict(store.facets(query))
        return result

    @app.get("/api/articles", tags=["articles"], summary="Articles, newest first, with filters")
    def api_articles(
        store: StoreDep, since: DateParam = None, until: DateParam = None, outlet: str | None = None,
        limit: Limit = 20, offset: Offset = 0,
    ) -> dict[str, Any]:  # fmt: skip
        query = SearchQuery(since=since or None, until=until or None, outlet=outlet or None, limit=limit, offset=offset)
        hits = store.search(query)
        return page([asdict(hit) for hit in hits], limit, offset)

    @app.get("/api/articles/{article_id}", tags=["articles"], summary="One article: the full JSON record")
    def api_article(article_id: str, store: StoreDep) -> dict[str, Any]:
        article = store.get(article_id)
        if article is None:
            raise HTTPException(404, f"no article with id {article_id}")
        return article.to_dict()

    @app.get("/api/quotes", tags=["quotes"], summary="Statements by speaker, topic and date said")
    def api_quotes(
        store: StoreDep, speaker: str | None = None, about: str | None = None, since: DateParam = None,
        until: DateParam = None, article: str | None = None, limit: Limit = 50, offset: Offset = 0,
        distinct: Annotated[bool, Query(description="each statement once, with the number of articles reporting it")]
        = False,
    ) -> dict[str, Any]:  # fmt: skip
        hits = store.quotes(
            QuoteQuery(
                speaker or None, about or None, since or None, until or None, article or None, limit, offset, distinct
            )
        )
        return page([asdict(hit) for hit in hits], limit, offset)

    @app.get("/api/speakers", tags=["quotes"], summary="Speakers, most quoted first")
    def api_speakers(store: StoreDep, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
        return page([asdict(facet) for facet in store.speakers(limit, offset)], limit, offset)

    @app.get("/api/entities", tags=["facts"], summary="People, organizations and places by name, across articles")
    def api_entities(
        store: StoreDep, type: str | None = None, limit: Limit = 100, offset: Offset = 0
    ) -> dict[str, Any]:
        return page([asdict(entity) for entity in store.entities(type or None, limit, offset)], limit, offset)

    @app.get("/api/places", tags=["facts"], summary="Resolved places with coordinates, across articles")
    def api_places(store: StoreDep, limit: Limit = 500, offset: Offset = 0) -> dict[str, Any]:
        return page([asdict(place) for place in store.places(limit, offset)], limit, offset)

    @app.get("/api/timeline", tags=["facts"], summary="Dated mentions, statements and articles by period")
    def api_timeline(
        store: StoreDep, q: str = "", since: DateParam = None, until: DateParam = None,
        outlet: str | None = None, speaker: str | None = None, place: str | None = None,
        entity: str | None = None, story: str | None = None,
        granularity: Annotated[str, Query(pattern="^(day|week|month)$")] = "month",
    ) -> dict[str, Any]:  # fmt: skip
        query = SearchQuery(
            q, since=since or None, until=until or None, outlet=outlet or None, speaker=speaker or None,
            place=place or None, entity=entity or None, story=story or None,
        )  # fmt: skip
        return {"granularity": granularity, "items": [asdict(b) for b in store.timeline(query, granularity)]}

    @app.get("/api/stories", tags=["stories"], summary="Stories told by more than one article")
    def api_stories(store: StoreDep, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        return page([asdict(story) for story in store.stories(limit, offset)], limit, offset)

    @app.get("/api/stories/{story_id}", tags=["stories"], summary="A story's articles and what each changed")
    def api_story(story_id: str, store: StoreDep) -> dict[str, Any]:
        versions = story_versions(store, story_id)
        if not versions:
            raise HTTPException(404, f"no story with id {story_id}")
        return {"id": story_id, "articles": [asdict(version) for version in versions]}

    @app.get("/api/failures", tags=["archive"], summary="Documents that could not be read, and why")
    def api_failures(store: StoreDep, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
        # one more than the page tells whether another page follows
        failures = store.failures(limit + 1, offset)
        result = page([asdict(failure) for failure in failures[:limit]], limit, offset)
        result["next_offset"] = offset + limit if len(failures) > limit else None
        return result

    @app.post("/api/ingest", tags=["archive"], summary="Add a document or a URL (needs the token)", status_code=201)
    def api_ingest(
        store: StoreDep,
        file: Annotated[UploadFile | None, File(description="HTML, PDF, text dump or WARC member")] = None,
        url: Annotated[str | None, Form(description="or: a page to fetch (private addresses refused)")] = None,
        authorization: Annotated[str | None, Header()] = None,
    ) -> dict[str, Any]:  # fmt: skip
        check_token(token, authorization)  # IngestGate checked it before the body was read; this guards a reroute
        if (file is None) == (not url):
            raise HTTPException(400, "send either a file or a url")
        if file is not None:
            content = file.file.read(MAX_UPLOAD_BYTES + 1)
            if len(content) > MAX_UPLOAD_BYTES:
                raise HTTPException(413, f"upload over the {MAX_UPLOAD_BYTES:,}-byte limit")
            raw = RawDocument(f"upload:{file.filename or 'document'}", content, content_type=file.content_type)
        else:
            fetcher = Fetcher(fetch_policy)
            try:
                raw = fetcher.fetch(str(url))
            except DocumentError as error:
                raise HTTPException(422, str(error)) from None
            finally:
                fetcher.close()
        report = ingest([raw], store)
        if report.failures:
            raise HTTPException(422, str(report.failures[0]))
        if report.new or report.updated:
            group_written_stories(store, report)
        return {
            "id": store.seen(raw.origin, content_hash(raw)), "new": report.new, "updated": report.updated,
            "unchanged": report.unchanged + report.skipped,
        }  # fmt: skip

    # -- pages ----------------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def search_page(
        request: Request, store: StoreDep, q: str = "", since: DateParam = None, until: DateParam = None,
        outlet: str | None = None, speaker: str | None = None, place: str | None = None,
        entity: str | None = None, story: str | None = None, offset: Offset = 0,
    ) -> Any:  # fmt: skip
        query = SearchQuery(
            q, since=since or None, until=until or None, outlet=outlet or None, speaker=speaker or None,
            place=place or None, entity=entity or None, story=story or None, limit=20, offset=offset,
        )  # fmt: skip
        error = None
        try:
            hits, facets = store.search(query), store.facets(query)
        except QueryError as problem:
            hits, facets, error = [], None, str(problem)
        return templates.TemplateResponse(
            request, "search.html",
            {"query": query, "hits": hits, "facets": facets, "error": error, "snippet_html": snippet_html,
             "total": store.count()},
            status_code=400 if error else 200,
        )  # fmt: skip

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(article_id: str, request: Request, store: StoreDep) -> Any:
        article = store.get(article_id)
        if article is None:
            raise HTTPException(404, f"No article with id {article_id}.")
        story = store.story_of(article.id)
        others = store.search(SearchQuery(story=story, limit=50)) if story else []
        return templates.TemplateResponse(
            request, "article.html",
            {"article": article, "body": article_html(article), "story": story,
             "same_story": [hit for hit in others if hit.id != article.id]},
        )  # fmt: skip

    @app.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
    def timeline_page(
        request: Request, store: StoreDep, q: str = "", since: DateParam = None, until: DateParam = None,
        granularity: Annotated[str, Query(pattern="^(day|week|month)$")] = "month",
    ) -> Any:  # fmt: skip
        query = SearchQuery(q, since=since or None, until=until or None)
        error, buckets = None, []
        try:
            buckets = store.timeline(query, granularity)
        except QueryError as problem:
            error = str(problem)
        return templates.TemplateResponse(
            request, "timeline.html",
            {"query": query, "granularity": granularity, "buckets": buckets, "chart": timeline_bars(buckets),
             "error": error},
            status_code=400 if error else 200,
        )  # fmt: skip

    @app.get("/places", response_class=HTMLResponse, include_in_schema=False)
    def places_page(request: Request, store: StoreDep) -> Any:
        places = store.places(500)
        return templates.TemplateResponse(request, "places.html", {"places": places, "map": places_map(places)})

    @app.get("/places/{name:path}", response_class=HTMLResponse, include_in_schema=False)
    def place_page(name: str, request: Request, store: StoreDep) -> Any:
        matches = store.places(100, name=name)  # namesakes apart: two Portlands are two places
        if not matches:
            raise HTTPException(404, f"No place named {name} in the archive.")
        articles = store.search(SearchQuery(place=matches[0].name, limit=100))
        speakers = store.facets(SearchQuery(place=matches[0].name), size=20).speakers
        return templates.TemplateResponse(
            request, "place.html",
            {"place": matches[0], "articles": articles, "speakers": speakers, "map": places_map(matches),
             "timeline": timeline_bars(store.timeline(SearchQuery(place=matches[0].name)))},
        )  # fmt: skip

    @app.get("/entities", response_class=HTMLResponse, include_in_schema=False)
    def entities_page(request: Request, store: StoreDep, type: str | None = None) -> Any:
        return templates.TemplateResponse(
            request, "entities.html", {"entities": store.entities(type or None, 500), "type": type or ""}
        )

    @app.get("/stories", response_class=HTMLResponse, include_in_schema=False)
    def stories_page(request: Request, store: StoreDep) -> Any:
        return templates.TemplateResponse(request, "stories.html", {"stories": store.stories(200)})

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(story_id: str, request: Request, store: StoreDep) -> Any:
        versions = story_versions(store, story_id)
        if not versions:
            raise HTTPException(404, f"No story with id {story_id}.")
        return templates.TemplateResponse(request, "story.html", {"story_id": story_id, "versions": versions})

    @app.get("/speakers", response_class=HTMLResponse, include_in_schema=False)
    def speakers_page(request: Request, store: StoreDep) -> Any:
        return templates.TemplateResponse(request, "speakers.html", {"speakers": store.speakers(500)})

    # {name:path}: the server decodes %2F before routing, so a name with "/" spans two segments
    @app.get("/speakers/{name:path}", response_class=HTMLResponse, include_in_schema=False)
    def speaker_page(name: str, request: Request, store: StoreDep, about: str | None = None) -> Any:
        quotes = exact_speaker_quotes(store, name, about or None)
        if not quotes and not about:
            raise HTTPException(404, f"No statements by {name} in the archive.")
        canonical = quotes[0].speaker if quotes else name
        places = store.facets(SearchQuery(speaker=canonical), size=20).places
        return templates.TemplateResponse(
            request, "speaker.html",
            {"name": canonical, "quotes": quotes, "about": about or "", "places": places,
             "chart": timeline_svg([q.said for q in quotes if q.said], label="statements")},
        )  # fmt: skip

    return app


def exact_speaker_quotes(store: Store, name: str, about: str | None) -> list[Any]:
    """Every distinct statement by the speaker called exactly ``name`` (any case); failing that, the first
    batch of those whose speaker's name contains it ("Saraiva" finds "Helena Saraiva")."""
    exact = QuoteQuery(speaker=name, about=about, limit=SPEAKER_MOST, distinct=True, speaker_exact=True)
    partial = QuoteQuery(speaker=name, about=about, limit=SPEAKER_PARTIAL, distinct=True)
    return store.quotes(exact) or store.quotes(partial)


def validation_message(error: RequestValidationError) -> str:
    """FastAPI's list of validation problems as one line a person can read: "since: String should match..."."""
    problems = []
    for problem in error.errors():
        where = ".".join(str(part) for part in problem.get("loc", ())[1:]) or "request"
        problems.append(f"{where}: {problem.get('msg', 'invalid')}")
    return "; ".join(problems) or "invalid request"


def bearer_ok(expected: str, authorization: str | None) -> bool:
    given = (authorization or "").removeprefix("Bearer ").strip()
    return bool(given) and hmac.compare_digest(given.encode(), expected.encode())


class IngestGate:
    """The write API's checks that need no body: the token, then the declared size, before a byte is read.

    FastAPI parses (and spools) a multipart body before any dependency runs, so an endpoint or a
    dependency would check the token only after an anonymous client's upload was taken in whole. The
    body is still counted as it streams, for clients that declare no Content-Length.
    """

    def __init__(self, app: ASGIApp, token: str | None) -> None:
        self.app = app
        self.token = token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != INGEST_PATH or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        headers = {key.decode("latin-1").lower(): value.decode("latin-1") for key, value in scope["headers"]}
        refusal = self.refusal(headers)
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        taken = 0

        async def counted() -> Message:
            nonlocal taken
            message = await receive()
            taken += len(message.get("body", b""))
            if taken > MAX_INGEST_BODY:
                raise HTTPException(413, f"upload over the {MAX_UPLOAD_BYTES:,}-byte limit")
            return message

        await self.app(scope, counted, send)

    def refusal(self, headers: dict[str, str]) -> JSONResponse | None:
        if not self.token:
            return JSONResponse(
                {"error": "the write API is disabled: start the server with DATELINE_TOKEN set"}, status_code=403
            )
        if not bearer_ok(self.token, headers.get("authorization")):
            return JSONResponse(
                {"error": "missing or wrong token (send Authorization: Bearer TOKEN)"}, status_code=401,
                headers={"WWW-Authenticate": "Bearer"},
            )  # fmt: skip
        declared = headers.get("content-length")
        if declared is not None:
            if not declared.strip().isdigit():
                return JSONResponse({"error": "Content-Length is not a number"}, status_code=400)
            if int(declared) > MAX_INGEST_BODY:
                return JSONResponse({"error": f"upload over the {MAX_UPLOAD_BYTES:,}-byte limit"}, status_code=413)
        return None


class SecurityHeaders:
    """nosniff on every response; the Content-Security-Policy on our HTML pages (not on /docs and /redoc)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        own_scripts = str(scope["path"]).startswith(OWN_SCRIPT_PAGES)

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"x-content-type-options"]
                headers.append((b"x-content-type-options", b"nosniff"))
                content_type = dict((k.lower(), v) for k, v in headers).get(b"content-type", b"")
                if content_type.startswith(b"text/html") and not own_scripts:
                    headers.append((b"content-security-policy", HTML_CSP.encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)


def check_token(expected: str | None, authorization: str | None) -> None:
    if not expected:
        raise HTTPException(403, "the write API is disabled: start the server with DATELINE_TOKEN set")
    if not bearer_ok(expected, authorization):
        raise HTTPException(401, "missing or wrong token (send Authorization: Bearer TOKEN)",
                            headers={"WWW-Authenticate": "Bearer"})  # fmt: skip


__all__ = ["create_app"]

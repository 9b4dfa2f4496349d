"""The `dateline` command: thin Typer commands over the library API.

Exit status: 0 when every document was read, 1 when some failed (one line each on stderr),
2 for usage errors.
"""

from __future__ import annotations

import json
import sys
from contextlib import closing
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console
from rich.markup import escape

from dateline.enrich import enrich
from dateline.errors import DatelineError, DocumentError
from dateline.extract import read_plain
from dateline.pipeline import IngestReport, read_articles
from dateline.pipeline import ingest as run_ingest
from dateline.record import Article
from dateline.sources import read_inputs
from dateline.store import QueryError, QuoteQuery, SearchQuery, Store, default_db_url, open_store, redacted_url
from dateline.store.base import HIGHLIGHT_END, HIGHLIGHT_START
from dateline.story_archive import group_stories, group_written_stories, story_versions

if TYPE_CHECKING:
    from dateline.sources import FetchPolicy

app = typer.Typer(
    name="dateline",
    help="Read news in any form into clean articles and the facts inside them; archive and search them.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

Paths = Annotated[list[str], typer.Argument(help="Files or folders (HTML, PDF, text dumps; .gz too).")]
JsonFlag = Annotated[bool, typer.Option("--json", help="One JSON object per line, as DESIGN.md gives it.")]
DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Archive: a SQLite path or a postgresql://user@host/dbname URL (default ./dateline.db or $DATELINE_DB).",
    ),
]
EnrichOption = Annotated[
    bool, typer.Option("--enrich/--no-enrich", help="Find quotes, times, places... (off: archive text only).")
]
Since = Annotated[str | None, typer.Option(help="Only from this date on (YYYY-MM-DD).")]
Until = Annotated[str | None, typer.Option(help="Only up to this date (YYYY-MM-DD).")]


def report_failure(error: DocumentError) -> None:
    err.print(f"error: {escape(str(error))}", markup=True)


def print_json_row(row: object) -> None:
    """One result record (a dataclass) as a line of JSON."""
    sys.stdout.write(json.dumps(asdict(row), ensure_ascii=False) + "\n")  # type: ignore[call-overload]


def print_article(article: Article, as_json: bool) -> None:
    if as_json:
        sys.stdout.write(article.to_json() + "\n")
        return
    out.rule(escape(article.title or article.origin))
    for label, value in (
        ("id", article.id),
        ("url", article.url),
        ("published", article.published),
        ("outlet", article.outlet),
        ("authors", ", ".join(article.authors)),
        ("caption", " / ".join(filter(None, [article.caption, article.credit]))),
    ):
        if value:
            out.print(f"[bold]{label}:[/bold] {escape(value)}")
    out.print()
    out.print(escape(article.text))
    for link in article.links:
        out.print(f"[dim]{link.rel} link:[/dim] {escape(link.text or '')} {escape(link.url)}")
    for label, items in (("quotes", article.quotes), ("times", article.times), ("places", article.places)):
        if items:
            out.print(f"[dim]{label}: {len(items)}[/dim]")
    for warning in article.warnings:
        out.print(f"[yellow]warning:[/yellow] {escape(warning)}")


def _print_all(results: object, as_json: bool) -> int:
    failed = 0
    for result in results:  # type: ignore[attr-defined]
        if isinstance(result, DocumentError):
            report_failure(result)
            failed += 1
        else:
            print_article(result, as_json)
    return 1 if failed else 0


@app.command()
def extract(paths: Paths, as_json: JsonFlag = False) -> None:
    """Read documents and print the articles; store nothing."""
    raise typer.Exit(_print_all(read_articles(read_inputs(paths), components=()), as_json))


@app.command()
def annotate(
    paths: Paths,
    plain: Annotated[
        bool, typer.Option("--plain", help="Take each file as the body text exactly as it is (offsets = file offsets).")
    ] = False,
    published: Annotated[
        str | None, typer.Option(help="Publication date for --plain input (anchors relative dates).")
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Extract and enrich documents (quotes, times, entities, places, quantities); store nothing."""
    if published is not None and not plain:
        # an extracted document takes its date from the page: silently ignoring this one would mislead
        _usage_error("--published needs --plain (other documents take their date from their own text)")
    if not plain:
        raise typer.Exit(_print_all(read_articles(read_inputs(paths), components=None), as_json))
    failed = 0
    for document in read_inputs(paths):
        try:
            if isinstance(document, DocumentError):
                raise document
            print_article(enrich(read_plain(document, published)), as_json)
        except DocumentError as error:
            report_failure(error)
            failed += 1
    raise typer.Exit(1 if failed else 0)


@app.command()
def ingest(
    inputs: Paths,
    db: DbOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="Let URLs reach private and loopback addresses (intranets).")
    ] = False,
    delay: Annotated[float, typer.Option(min=0, help="Seconds between two requests to one host.")] = 1.0,
    enrich_articles: EnrichOption = True,
    workers: Annotated[
        int, typer.Option(min=0, help="Processes for extraction and enrichment (0: one per core).")
    ] = 1,
) -> None:
    """Read, enrich and store documents (files, folders, URLs, RSS/Atom feeds, sitemaps) in the archive.

    Re-running is safe: nothing is stored twice."""
    import os

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    store = _open(db, create=True)
    policy = _fetch_policy(allow_private, delay)
    items, total = _ingest_items(inputs)
    progress = Progress(
        TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        TextColumn("{task.description}"), console=err, disable=quiet or not err.is_terminal,
    )  # fmt: skip
    with progress:
        task = progress.add_task("", total=total)

        def on_document(origin: str, error: DocumentError | None) -> None:
            if error is not None:
                progress.console.print(f"error: {escape(str(error))}")
            progress.update(task, advance=1, description=escape(Path(origin).name[-40:]))

        components: list[str] | None = None if enrich_articles else []
        report = run_ingest(
            read_inputs(items, policy), store, components=components, on_document=on_document,
            workers=workers or os.cpu_count() or 1,
        )  # fmt: skip
    if report.new or report.updated:
        _regroup_stories(store, report)
        if store.needs_optimize():
            err.print("searches would be faster after `dateline optimize` (minutes on a large archive)")
    store.close()
    err.print(
        f"{report.documents} documents: {report.new} new, {report.updated} updated, "
        f"{report.unchanged} unchanged, {report.skipped} already stored, {len(report.failures)} failed "
        f"-> {escape(redacted_url(db or default_db_url()))}"
    )
    raise typer.Exit(1 if report.failures else 0)


@app.command()
def watch(
    feeds: Annotated[list[str], typer.Argument(help="RSS/Atom feed or sitemap URLs.")],
    every: Annotated[str, typer.Option(help="Polling interval: 30s, 15m, 2h, 1d.")] = "15m",
    rounds: Annotated[
        int | None, typer.Option(min=1, help="Stop after this many polls (default: run until Ctrl-C).")
    ] = None,
    db: DbOption = None,
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="Let URLs reach private and loopback addresses (intranets).")
    ] = False,
    delay: Annotated[float, typer.Option(min=0, help="Seconds between two requests to one host.")] = 1.0,
    enrich_articles: EnrichOption = True,
) -> None:
    """Poll feeds and ingest their new articles, with conditional requests; restarts do not refetch."""
    import itertools
    import time
    from datetime import datetime

    from dateline.sources.http import Fetcher
    from dateline.sources.watch import parse_interval, poll

    try:
        interval = parse_interval(every)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--every") from None
    store = _open(db, create=True)
    fetcher = Fetcher(_fetch_policy(allow_private, delay))
    failed = False

    def on_document(origin: str, error: DocumentError | None) -> None:
        if error is not None:
            report_failure(error)

    try:
        for number in itertools.count(1):
            documents = itertools.chain.from_iterable(poll(feed, fetcher, store) for feed in feeds)
            components: list[str] | None = None if enrich_articles else []
            report = run_ingest(documents, store, components=components, on_document=on_document)
            if report.new or report.updated:
                _regroup_stories(store, report)
            failed = bool(report.failures)
            err.print(
                f"{datetime.now().isoformat(timespec='seconds')} poll {number}: {report.new} new, "
                f"{report.updated} updated, {len(report.failures)} failed"
            )
            if rounds is not None and number >= rounds:
                break
            time.sleep(interval)
    except KeyboardInterrupt:
        failed = False
    finally:
        fetcher.close()
        store.close()
    raise typer.Exit(1 if failed else 0)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help='Words, "phrases", OR, -exclude, prefix*, title:word.')] = "",
    since: Since = None,
    until: Until = None,
    outlet: Annotated[str | None, typer.Option(help="Only this outlet.")] = None,
    speaker: Annotated[str | None, typer.Option(help="Only articles quoting this speaker (full name).")] = None,
    place: Annotated[str | None, typer.Option(help="Only articles mentioning this place.")] = None,
    entity: Annotated[str | None, typer.Option(help="Only articles naming this person or organization.")] = None,
    story: Annotated[str | None, typer.Option(help="Only articles of this story (its id).")] = None,
    limit: Annotated[int, typer.Option(min=1, max=1000)] = 20,
    offset: Annotated[int, typer.Option(min=0)] = 0,
    db: DbOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Full-text search of the archive, best matches first, with a snippet, outlet and date."""
    search_query = SearchQuery(
        query, since=_date(since), until=_date(until), outlet=outlet, speaker=speaker, place=place,
        entity=entity, story=story, limit=limit, offset=offset,
    )  # fmt: skip
    with closing(_open(db, create=False)) as store:
        try:
            hits = store.search(search_query)
        except QueryError as error:
            _usage_error(str(error))
    for hit in hits:
        if as_json:
            print_json_row(hit)
            continue
        snippet = escape(" ".join(hit.snippet.split()))
        snippet = snippet.replace(HIGHLIGHT_START, "[bold yellow]").replace(HIGHLIGHT_END, "[/bold yellow]")
        meta = " · ".join(filter(None, [hit.outlet, (hit.published or "")[:10], hit.id]))
        out.print(f"[bold]{escape(hit.title or '(untitled)')}[/bold]  [dim]{escape(meta)}[/dim]")
        out.print(f"  {snippet}")
        if hit.url:
            out.print(f"  [dim]{escape(hit.url)}[/dim]")
    if not hits and not as_json:
        err.print("no matches")


@app.command()
def show(
    article_id: Annotated[str, typer.Argument(help="Article id.")], db: DbOption = None, as_json: JsonFlag = False
) -> None:
    """Print one archived article."""
    with closing(_open(db, create=False)) as store:
        article = store.get(article_id)
    if article is None:
        err.print(f"error: no article with id {escape(article_id)}")
        raise typer.Exit(1)
    print_article(article, as_json)


@app.command()
def quotes(
    speaker: Annotated[str | None, typer.Option(help="A speaker's name or part of it.")] = None,
    about: Annotated[str | None, typer.Option(help="Words in the quote or its paragraph.")] = None,
    since: Since = None,
    until: Until = None,
    limit: Annotated[int, typer.Option(min=1, max=10000)] = 50,
    distinct: Annotated[
        bool, typer.Option("--distinct", help="Each statement once (earliest report) and how many articles report it.")
    ] = False,
    db: DbOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Statements in the archive: who said what, when, and where it was published."""
    query = QuoteQuery(speaker, about, _date(since), _date(until), limit=limit, distinct=distinct)
    with closing(_open(db, create=False)) as store:
        try:
            hits = store.quotes(query)
        except QueryError as error:
            _usage_error(str(error))
    for hit in hits:
        if as_json:
            print_json_row(hit)
            continue
        reports = f" · in {hit.articles} articles" if hit.articles > 1 else ""
        speaker = escape(hit.speaker or "unknown speaker")
        out.print(f"[bold]{speaker}[/bold] [dim]{hit.said or ''} {hit.kind}{reports}[/dim]")
        out.print(f"  {escape(hit.text)}")
        out.print(f"  [dim]{escape(hit.article_title or '')} {escape(hit.article_url or hit.article_id)}[/dim]")


@app.command()
def stories(
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Regroup the whole archive first.")] = False,
    limit: Annotated[int, typer.Option(min=1, max=10000)] = 50,
    db: DbOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Stories told by more than one article (wire copies, rewrites, updates), the most widely told first."""
    store = _open(db, create=rebuild)
    if rebuild:
        err.print(f"{group_stories(store)} stories with more than one article")
    for story in store.stories(limit):
        if as_json:
            print_json_row(story)
            continue
        span = " to ".join(dict.fromkeys(filter(None, [story.first_published, story.last_published])))
        title = escape(story.title or story.id)
        out.print(f"[bold]{title}[/bold]  [dim]{story.articles} articles · {escape(span)}[/dim]")
        out.print(f"  [dim]{escape(', '.join(story.outlets))} · dateline story {story.id}[/dim]")
    store.close()


@app.command()
def story(
    story_id: Annotated[str, typer.Argument(help="The story's id (its first article's id).")],
    db: DbOption = None,
    as_json: JsonFlag = False,
) -> None:
    """One story's articles, oldest first, and what each added, cut and reworded against the first."""
    store = _open(db, create=False)
    versions = story_versions(store, story_id)
    store.close()
    if not versions:
        err.print(f"no story with id {story_id}")
        raise typer.Exit(1)
    for version in versions:
        if as_json:
            print_json_row(version)
            continue
        where = " · ".join(filter(None, [version.outlet, version.published, version.url or version.id]))
        out.print(f"[bold]{escape(version.title or version.id)}[/bold]  [dim]{escape(where)}[/dim]")
        if version.id == versions[0].id:
            out.print(f"  [dim]first report, {version.same} paragraphs[/dim]")
            continue
        out.print(
            f"  [dim]{version.same} paragraphs the same · {len(version.changed)} reworded · "
            f"{len(version.added)} added · {len(version.removed)} cut[/dim]"
        )
        for before, after in version.changed:
            out.print(f"  [yellow]~ {escape(before)}[/yellow]\n    [green]{escape(after)}[/green]")
        for paragraph in version.added:
            out.print(f"  [green]+ {escape(paragraph)}[/green]")
        for paragraph in version.removed:
            out.print(f"  [red]- {escape(paragraph)}[/red]")


@app.command()
def optimize(db: DbOption = None) -> None:
    """Reorganize the archive's search indexes after a large load, so searches for common words stay fast.

    Ranks in advance the best articles of each word found in 10,000 articles or more (on PostgreSQL also
    1,000 or more); search results stay exactly the same. SQLite also merges its full-text index and holds
    the archive's write lock while it works; PostgreSQL refreshes its statistics and lets writers go on.
    Safe to re-run at any time."""
    import time

    store = _open(db, create=False)
    started = time.perf_counter()
    words = store.optimize()
    store.close()
    err.print(f"optimized in {time.perf_counter() - started:.0f} s ({words:,} common words ranked in advance)")


@app.command()
def export(
    format: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv or parquet.")] = "jsonl",
    output: Annotated[
        Path | None, typer.Option("--out", "-o", help="Output file (default: stdout; parquet needs a file).")
    ] = None,
    db: DbOption = None,
) -> None:
    """Write every archived article out as JSON Lines, CSV or Parquet."""
    from dateline.export import FORMATS

    if format not in FORMATS:
        _usage_error(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
    if format == "parquet" and output is None:
        _usage_error("--format parquet needs --out FILE")
    with closing(_open(db, create=False)) as store:
        if format == "parquet":
            assert output is not None  # refused above
            count = FORMATS[format](store.articles(), output)
        elif output is None:
            count = FORMATS[format](store.articles(), sys.stdout)
        else:
            with output.open("w", encoding="utf-8", newline="") as handle:
                count = FORMATS[format](store.articles(), handle)
    err.print(f"exported {count} articles")


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
) -> None:
    """Serve the web UI and the JSON API (OpenAPI at /docs). POST /api/ingest needs $DATELINE_TOKEN."""
    import os

    import uvicorn

    from dateline.web.app import create_app

    url = db or default_db_url()
    _open(url, create=False).close()  # fail now, with a clear message, rather than on the first request
    token = os.environ.get("DATELINE_TOKEN") or None
    err.print(f"dateline: serving {escape(redacted_url(url))} at http://{host}:{port}/ (API docs at /docs)")
    if token is None:
        err.print("dateline: write API disabled (set DATELINE_TOKEN to allow POST /api/ingest)")
    uvicorn.run(create_app(url, token), host=host, port=port, log_level="warning")


@app.command()
def batch(
    inputs: Annotated[
        list[str], typer.Argument(help="Files or folders: WARC (.warc, .warc.gz), HTML, PDF, text dumps.")
    ],
    master: Annotated[
        str, typer.Option(help="Spark master: local[N], local[*], spark://HOST:7077, yarn, k8s://...")
    ] = "local[2]",
    out: Annotated[
        str | None, typer.Option("--out", help="Output folder: articles/ and errors/ as Parquet datasets.")
    ] = None,
    db: Annotated[
        str | None, typer.Option("--db", help="Also store the articles in this archive (SQLite path or postgresql://).")
    ] = None,
    partitions: Annotated[
        int | None, typer.Option(min=1, help="Spark partitions (default: one per task, at most four per core).")
    ] = None,
) -> None:
    """Run the pipeline as a Spark job: one Parquet row per article, every failure in an errors table.

    Gives the same articles as `ingest` on the same files. See docs/scale.md for clusters."""
    from dateline.spark import run_batch

    if out is None and db is None:
        _usage_error("nowhere to write: give --out DIR, --db URL, or both")
    try:
        report = run_batch(inputs, master=master, out=out, db=db, partitions=partitions)
    except DatelineError as error:
        _usage_error(str(error))
    for failure in report.failures:
        report_failure(failure)
    if report.ungrouped:
        err.print(f"{report.ungrouped} articles without a publication date: `dateline stories --rebuild` groups them")
    destinations = [x for x in (out, db and redacted_url(db)) if x]
    err.print(
        f"{report.documents} documents: {report.articles} articles, {len(report.failures)} failed, "
        f"{report.seconds:.1f} s -> {escape(', '.join(destinations))}"
    )
    raise typer.Exit(1 if report.failures else 0)


def _ingest_items(inputs: list[str]) -> tuple[list[str], int | None]:
    """What to read, and how many documents that is for the progress bar (None: unknown, the bar just
    counts). Folders are walked once, here, and the files found are what is read."""
    from dateline.sources import is_url
    from dateline.sources.files import expand_paths
    from dateline.sources.warc import is_warc

    if any(is_url(item) for item in inputs):
        return inputs, None  # a feed or sitemap lists an unknown number of articles
    files = list(expand_paths(inputs))
    # a WARC yields one document per HTML response: thousands from one file
    return [str(path) for path in files], None if any(is_warc(path) for path in files) else len(files)


def _regroup_stories(store: Store, report: IngestReport) -> None:
    ungrouped = group_written_stories(store, report)
    if ungrouped:
        err.print(f"{ungrouped} articles without a publication date: `dateline stories --rebuild` groups them")


def _usage_error(message: str) -> NoReturn:
    """One line on stderr and exit status 2 (a usage error: the command was not run)."""
    err.print(f"error: {escape(message)}")
    raise typer.Exit(2)


def _open(db: str | None, *, create: bool) -> Store:
    """The archive; ``create=False`` for commands that only read, so a mistyped --db is refused
    rather than answered from a new, empty archive."""
    try:
        return open_store(db, create=create)
    except DatelineError as error:
        _usage_error(str(error))


def _fetch_policy(allow_private: bool, delay: float) -> FetchPolicy:
    """How URLs are fetched; the environment can allow private addresses as --allow-private does."""
    import os

    from dateline.sources import FetchPolicy

    return FetchPolicy(allow_private=allow_private or os.environ.get("DATELINE_ALLOW_PRIVATE") == "1", host_delay=delay)


def _date(value: str | None) -> str | None:
    from datetime import date

    if value is None:
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


def main() -> None:
    app()

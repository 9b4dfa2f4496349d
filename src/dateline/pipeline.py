"""sources -> extract -> enrich -> store, one document at a time, a bad document never stopping the batch.

Re-running is cheap and safe: a document whose exact bytes were already stored from the same origin
is skipped, and an article seen again under another origin (same canonical URL) is updated in place.
"""

from __future__ import annotations

import gc
import hashlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

from dateline.enrich import enrich
from dateline.errors import DocumentError
from dateline.extract import extract
from dateline.record import Article, RawDocument
from dateline.store.base import Store


@dataclass
class IngestReport:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0  # the same bytes from the same origin were stored before
    failures: list[DocumentError] = field(default_factory=list)
    #: the first and last publication day (YYYY-MM-DD) of the articles written (new or updated), and how
    #: many written articles have no publication date
    days: tuple[str, str] | None = None
    undated: int = 0

    def wrote(self, article: Article) -> None:
        day = article.published[:10] if article.published else None
        if day:
            self.days = (min(day, self.days[0]), max(day, self.days[1])) if self.days else (day, day)
        else:
            self.undated += 1

    @property
    def documents(self) -> int:
        return self.new + self.updated + self.unchanged + self.skipped + len(self.failures)

    def add(self, other: IngestReport) -> None:
        """Count another report's documents in this one (the parts of a job written apart, as on Spark)."""
        for name in ("new", "updated", "unchanged", "skipped", "undated"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.failures.extend(other.failures)
        for day in other.days or ():
            self.days = (min(day, self.days[0]), max(day, self.days[1])) if self.days else (day, day)


def content_hash(raw: RawDocument) -> str:
    return hashlib.sha256(raw.content).hexdigest()


def read_articles(
    documents: Iterable[RawDocument | DocumentError], components: Sequence[str] | None = ()
) -> Iterator[Article | DocumentError]:
    """Extract (and enrich with ``components``; None = all) each document, yielding errors in its place."""
    for document in documents:
        yield process_document(document, components)


def ingest(
    documents: Iterable[RawDocument | DocumentError],
    store: Store,
    components: Sequence[str] | None = None,
    on_document: Callable[[str, DocumentError | None], None] | None = None,
    workers: int = 1,
) -> IngestReport:
    """Store every readable document; report (and record in the archive) every one that is not.

    With ``workers`` > 1, extraction and enrichment run in that many processes (each loads the
    models once) while this process alone writes to the archive, in input order."""
    report = IngestReport()
    with _Processor(components, workers) as processor:
        for document, digest, result in processor.map(_unseen(documents, store, report, on_document)):
            error: DocumentError | None = None
            if isinstance(result, DocumentError):
                error = result
            else:
                try:
                    outcome = store.upsert(result, digest)
                    setattr(report, outcome, getattr(report, outcome) + 1)
                    if outcome != "unchanged":
                        report.wrote(result)
                except DocumentError as failure:
                    error = failure
            if error is not None:
                report.failures.append(error)
                store.record_failure(error.origin, error.reason)
            if on_document is not None:
                on_document(document.origin, error)
    return report


def _unseen(
    documents: Iterable[RawDocument | DocumentError],
    store: Store,
    report: IngestReport,
    on_document: Callable[[str, DocumentError | None], None] | None,
) -> Iterator[tuple[RawDocument | DocumentError, str | None]]:
    """The documents still to process, with their content hash; the skipped ones are counted here."""
    for document in documents:
        if isinstance(document, DocumentError):
            yield document, None
            continue
        digest = content_hash(document)
        if store.seen(document.origin, digest):
            report.skipped += 1
            if on_document is not None:
                on_document(document.origin, None)
            continue
        yield document, digest


def process_document(
    document: RawDocument | DocumentError, components: Sequence[str] | None
) -> Article | DocumentError:
    """Extract and enrich one document (what a worker process does); errors are returned, not raised."""
    if isinstance(document, DocumentError):
        return document
    try:
        article = extract(document)
        return article if components is not None and len(components) == 0 else enrich(article, components)
    except DocumentError as error:
        return error


def _preload(components: Sequence[str] | None) -> None:
    """Load the enrichment models (spaCy, the gazetteer: ~450 MB) here, before the workers are forked.

    Forked workers then share those pages with this process instead of each loading a private copy;
    freezing the garbage collector keeps collections from writing to (and so copying) the shared objects.
    Under a start method that does not fork, this only costs the parent one load."""
    if components is not None and len(components) == 0:
        return
    enrich(Article(origin="preload", text="Officials in Porto said on Tuesday that 40 people had left."), components)
    gc.freeze()


class _Processor:
    """Runs process_document here, or in a pool of processes with a bounded window of work in flight."""

    def __init__(self, components: Sequence[str] | None, workers: int) -> None:
        self.components = None if components is None else list(components)
        self.workers = workers
        self.pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> _Processor:
        if self.workers > 1:
            _preload(self.components)
            self.pool = ProcessPoolExecutor(self.workers)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)

    def map(
        self, items: Iterable[tuple[RawDocument | DocumentError, str | None]]
    ) -> Iterator[tuple[RawDocument | DocumentError, str | None, Article | DocumentError]]:
        if self.pool is None:
            for document, digest in items:
                yield document, digest, process_document(document, self.components)
            return
        # a few documents per worker in flight: enough to keep every core busy, memory stays flat
        window: deque[tuple[RawDocument | DocumentError, str | None, Future[Article | DocumentError]]] = deque()
        for document, digest in items:
            window.append((document, digest, self.pool.submit(process_document, document, self.components)))
            if len(window) >= 4 * self.workers:
                yield self._result(*window.popleft())
        while window:
            yield self._result(*window.popleft())

    @staticmethod
    def _result(
        document: RawDocument | DocumentError, digest: str | None, future: Future[Article | DocumentError]
    ) -> tuple[RawDocument | DocumentError, str | None, Article | DocumentError]:
        try:
            return document, digest, future.result()
        except BrokenProcessPool:
            raise
        except Exception as error:  # a worker that could not return its result costs one document
            return document, digest, DocumentError(document.origin, f"worker failed: {type(error).__name__}: {error}")

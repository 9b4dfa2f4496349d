"""sources -> extract -> enrich -> store, one document at a time, a bad document never stopping the batch.

Re-running is cheap and safe: a document whose exact bytes were already stored from the same origin
is skipped, and an article seen again under another origin (same canonical URL) is updated in place.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
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

    @property
    def documents(self) -> int:
        return self.new + self.updated + self.unchanged + self.skipped + len(self.failures)


def group_stories(store: Store) -> int:
    """Regroup every archived article into stories (oldest first, so a story's id is its first article's).

    Returns the number of stories told by more than one article."""
    from dateline.stories import StoryIndex

    index = StoryIndex()
    for article in store.articles():
        index.add(article.id, article.text, article.title, article.published)
    members = {article_id: story_id for story_id, ids in index.stories().items() for article_id in ids}
    store.set_stories(members)
    return sum(1 for ids in index.stories().values() if len(ids) > 1)


def content_hash(raw: RawDocument) -> str:
    return hashlib.sha256(raw.content).hexdigest()


def read_articles(
    documents: Iterable[RawDocument | DocumentError], components: Sequence[str] | None = ()
) -> Iterator[Article | DocumentError]:
    """Extract (and enrich with ``components``; None = all) each document, yielding errors in its place."""
    for document in documents:
        if isinstance(document, DocumentError):
            yield document
            continue
        try:
            article = extract(document)
            yield article if components == () else enrich(article, components)
        except DocumentError as error:
            yield error


def ingest(
    documents: Iterable[RawDocument | DocumentError],
    store: Store,
    components: Sequence[str] | None = None,
    on_document: Callable[[str, DocumentError | None], None] | None = None,
) -> IngestReport:
    """Store every readable document; report (and record in the archive) every one that is not."""
    report = IngestReport()
    for document in documents:
        origin = document.origin
        error: DocumentError | None = None
        if isinstance(document, DocumentError):
            error = document
        else:
            digest = content_hash(document)
            if store.seen(document.origin, digest):
                report.skipped += 1
            else:
                try:
                    article = enrich(extract(document), components)
                    outcome = store.upsert(article, digest)
                    setattr(report, outcome, getattr(report, outcome) + 1)
                except DocumentError as failure:
                    error = failure
        if error is not None:
            report.failures.append(error)
            store.record_failure(error.origin, error.reason)
        if on_document is not None:
            on_document(origin, error)
    return report

"""Where raw documents come from. Every source yields RawDocument, or a DocumentError in its place."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from dateline.errors import DocumentError
from dateline.record import RawDocument
from dateline.sources.feeds import feed_entry_urls, is_feed, is_sitemap, sitemap_urls
from dateline.sources.files import read_files
from dateline.sources.http import Fetcher, FetchPolicy

#: a sitemap index may point at sitemaps that point at sitemaps; this deep and no deeper
MAX_SITEMAP_DEPTH = 3


def is_url(item: str | Path) -> bool:
    return isinstance(item, str) and item.startswith(("http://", "https://"))


def read_inputs(
    items: Iterable[str | Path], policy: FetchPolicy | None = None
) -> Iterator[RawDocument | DocumentError]:
    """Paths (files or folders) and URLs (pages, RSS/Atom feeds, sitemaps) in the order given."""
    fetcher: Fetcher | None = None
    try:
        for item in items:
            if is_url(item):
                fetcher = fetcher or Fetcher(policy or FetchPolicy())
                yield from read_url(str(item), fetcher)
            else:
                yield from read_files([item])
    finally:
        if fetcher is not None:
            fetcher.close()


def read_url(url: str, fetcher: Fetcher, depth: int = 0) -> Iterator[RawDocument | DocumentError]:
    """A page as one document; a feed or sitemap as the documents it lists."""
    try:
        document = fetcher.fetch(url)
    except DocumentError as error:
        yield error
        return
    if is_feed(document.content):
        for entry in feed_entry_urls(document.content):
            yield from _fetch_one(entry, fetcher)
    elif is_sitemap(document.content):
        pages, nested = sitemap_urls(document.content)
        for page in pages:
            yield from _fetch_one(page, fetcher)
        if depth < MAX_SITEMAP_DEPTH:
            for sitemap in nested:
                yield from read_url(sitemap, fetcher, depth + 1)
    else:
        yield document


def _fetch_one(url: str, fetcher: Fetcher) -> Iterator[RawDocument | DocumentError]:
    try:
        yield fetcher.fetch(url)
    except DocumentError as error:
        yield error


__all__ = ["FetchPolicy", "is_url", "read_files", "read_inputs"]

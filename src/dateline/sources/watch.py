"""Watching feeds: poll RSS/Atom feeds and sitemaps with conditional requests, fetch only new entries.

State lives in the archive (``source_state``: each feed's ETag and Last-Modified; ``documents``: the
entries already stored), so a restarted watcher neither refetches an unchanged feed nor the articles
it already has.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from dateline.errors import DocumentError
from dateline.record import RawDocument
from dateline.sources.feeds import discover_feeds, feed_entry_urls, is_feed, is_sitemap, sitemap_urls
from dateline.sources.http import Fetcher, NotModified
from dateline.store.base import Store

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|hr|d)?\s*$", re.IGNORECASE)
_SECONDS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "hr": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """'15m' -> 900.0; '30s', '1.5h', '1d'; a bare number is minutes."""
    match = _DURATION.match(text)
    if not match:
        raise ValueError(f"{text!r} is not an interval such as 30s, 15m, 2h or 1d")
    value, unit = float(match.group(1)), (match.group(2) or "m").lower()
    if value <= 0:
        raise ValueError("the interval must be positive")
    return value * _SECONDS[unit]


def poll(
    feed_url: str, fetcher: Fetcher, store: Store, discover: bool = True
) -> Iterator[RawDocument | DocumentError]:
    """The entries of one feed not yet in the archive; nothing when the feed is unchanged (HTTP 304).

    A web page instead of a feed is polled through the feeds it announces (feed discovery)."""
    key = f"feed:{feed_url}"
    saved = json.loads(store.get_state(key) or "{}")
    conditional = {}
    if saved.get("etag"):
        conditional["If-None-Match"] = saved["etag"]
    if saved.get("last_modified"):
        conditional["If-Modified-Since"] = saved["last_modified"]
    try:
        feed, headers = fetcher.fetch_with_headers(feed_url, conditional)
    except NotModified:
        return
    except DocumentError as error:
        yield error
        return
    if is_feed(feed.content):
        entries = feed_entry_urls(feed.content)
    elif is_sitemap(feed.content):
        entries = sitemap_urls(feed.content)[0]
    else:
        announced = discover_feeds(feed.content, feed.url or feed_url) if discover else []
        if not announced:
            yield DocumentError(feed_url, "not an RSS/Atom feed or a sitemap, and announces no feed")
            return
        for announced_feed in announced:
            yield from poll(announced_feed, fetcher, store, discover=False)
        return
    known = store.known_origins(entries)
    fetch_failed = False
    for entry in entries:
        if entry not in known:
            try:
                yield fetcher.fetch(entry)
            except DocumentError as error:
                fetch_failed = True
                yield error
    if fetch_failed:
        # without validators the next round fetches the feed in full and retries the entries that failed;
        # with them an unchanged feed would answer 304 and those entries would never be fetched again
        store.set_state(key, "{}")
        return
    # saved only once every entry was handed on: a watcher killed mid-feed polls it again in full
    validators = {"etag": headers.get("etag"), "last_modified": headers.get("last-modified")}
    store.set_state(key, json.dumps({k: v for k, v in validators.items() if v}))

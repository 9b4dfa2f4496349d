"""RSS/Atom feeds and XML sitemaps -> the article URLs they list."""

from __future__ import annotations

import re

from lxml import etree

_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_SITEMAP_ROOT = re.compile(rb"<(?:urlset|sitemapindex)[\s>]", re.IGNORECASE)


def _head(content: bytes) -> bytes:
    return content[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")


def is_feed(content: bytes) -> bool:
    head = _head(content)
    return head.startswith(b"<") and bool(_FEED_ROOT.search(head))


def is_sitemap(content: bytes) -> bool:
    head = _head(content)
    return head.startswith(b"<") and bool(_SITEMAP_ROOT.search(head))


def feed_entry_urls(content: bytes) -> list[str]:
    """The article link of every feed entry, in feed order, each once."""
    import feedparser

    parsed = feedparser.parse(content)
    urls = [entry.get("link") for entry in parsed.entries]
    return list(dict.fromkeys(url for url in urls if isinstance(url, str) and url.startswith("http")))


def sitemap_urls(content: bytes) -> tuple[list[str], list[str]]:
    """(page URLs, nested sitemap URLs) of a sitemap or sitemap index."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=True)
    root = etree.fromstring(content, parser=parser)
    if root is None:
        return [], []
    locations = [
        (element.getparent().tag if element.getparent() is not None else "", (element.text or "").strip())
        for element in root.iter("{*}loc")
    ]
    pages = [url for parent, url in locations if str(parent).endswith("url") and url.startswith("http")]
    nested = [url for parent, url in locations if str(parent).endswith("sitemap") and url.startswith("http")]
    return pages, nested


_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json", "application/rdf+xml")


def discover_feeds(content: bytes, base_url: str) -> list[str]:
    """The feeds a web page announces (``<link rel="alternate" type="application/rss+xml" href=...>``)."""
    from urllib.parse import urljoin

    from lxml import html as lxml_html

    try:
        root = lxml_html.fromstring(content)
    except (etree.ParserError, ValueError):
        return []
    found = []
    for link in root.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").lower().split(";")[0].strip()
        href = (link.get("href") or "").strip()
        if "alternate" in rel and kind in _FEED_TYPES and href:
            try:
                url = urljoin(base_url, href)
            except ValueError:  # a malformed href ("http://[x"): found by fuzzing; `watch` must go on
                continue
            if url.startswith(("http://", "https://")):
                found.append(url)
    return list(dict.fromkeys(found))

"""RawDocument -> Article. One dispatcher sniffs what a document is and hands it to that kind's reader.

Readers are registered by kind in :data:`READERS`; :func:`sniff` decides the kind from the bytes
(the declared content type only breaks ties), so a mislabelled file is still read right.
"""

from __future__ import annotations

from collections.abc import Callable

from dateline.errors import DocumentError
from dateline.extract.decode import decode_text, looks_binary
from dateline.record import Article, RawDocument

Reader = Callable[[RawDocument], Article]


def _read_html(raw: RawDocument) -> Article:
    from dateline.extract.html import read_html

    return read_html(raw.content, raw.origin, raw.url)


def _read_pdf(raw: RawDocument) -> Article:
    from dateline.extract.pdf import read_pdf

    return read_pdf(raw.content, raw.origin)


#: a printed news page dumps to well under 200 KB of text; far bigger "dumps" are logs or data files
MAX_TEXT_DUMP_CHARS = 4_000_000


def _read_text_dump(raw: RawDocument) -> Article:
    from dateline.extract.textdump import read_text_dump

    text = decode_text(raw.content, raw.origin)
    if len(text) > MAX_TEXT_DUMP_CHARS:
        raise DocumentError(
            raw.origin, f"{len(text):,} characters of plain text, over the {MAX_TEXT_DUMP_CHARS:,} limit per article"
        )
    return read_text_dump(text, raw.origin)


READERS: dict[str, Reader] = {"html": _read_html, "pdf": _read_pdf, "textdump": _read_text_dump}

_HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<article", b"<meta ", b"<title")


def sniff(raw: RawDocument) -> str:
    """The kind of document: a key of READERS. Raises DocumentError for empty or binary content."""
    content = raw.content
    if not content.strip():
        raise DocumentError(raw.origin, "empty document")
    if content.startswith(b"%PDF-"):
        return "pdf"
    if looks_binary(content):
        raise DocumentError(raw.origin, "binary data, not a news document")
    head = content[:4096].lower().replace(b"\x00", b"")  # UTF-16 HTML still shows its tags this way
    stripped = head.lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n")
    if stripped.startswith(b"<") and any(marker in head for marker in _HTML_MARKERS):
        return "html"
    if raw.content_type == "text/html" and stripped.startswith(b"<"):
        return "html"
    return "textdump"


def extract(raw: RawDocument) -> Article:
    """Read one document into an Article, or raise DocumentError naming it and the reason."""
    kind = sniff(raw)
    try:
        return READERS[kind](raw)
    except DocumentError:
        raise
    except RecursionError:
        raise DocumentError(raw.origin, f"{kind} document nested too deeply to parse") from None
    except Exception as error:  # a reader bug must cost one document, never the batch
        raise DocumentError(raw.origin, f"{kind} reader failed: {type(error).__name__}: {error}") from error


def read_plain(raw: RawDocument, published: str | None = None) -> Article:
    """The file taken as the body exactly as it is, so annotation offsets are offsets into the file
    (Windows line ends included: their carriage returns read as spaces)."""
    if looks_binary(raw.content):
        raise DocumentError(raw.origin, "binary data, not a news document")
    text = decode_text(raw.content, raw.origin, keep_offsets=True)
    return Article(origin=raw.origin, text=text, published=published)


__all__ = ["READERS", "extract", "read_plain", "sniff"]

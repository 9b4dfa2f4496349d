"""Write small WARC files (our own minimal writer, WARC/1.1 response records) for tests and benchmarks."""

from __future__ import annotations

import gzip
import uuid
from collections.abc import Iterable
from pathlib import Path


def response_record(url: str, body: bytes, content_type: str = "text/html; charset=utf-8", status: int = 200) -> bytes:
    http = (
        f"HTTP/1.1 {status} {'OK' if status == 200 else 'Error'}\r\n"
        f"Content-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode() + body
    headers = (
        "WARC/1.1\r\n"
        "WARC-Type: response\r\n"
        f"WARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\n"
        "WARC-Date: 2025-03-12T08:00:00Z\r\n"
        f"WARC-Target-URI: {url}\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    ).encode()
    return headers + http + b"\r\n\r\n"


Record = tuple[str, bytes] | tuple[str, bytes, str] | tuple[str, bytes, str, int]


def write_warc(path: Path, records: Iterable[Record], compresslevel: int = 9) -> None:
    """One response record per (url, body[, content type[, status]]); .gz paths get one gzip member per record.

    ``compresslevel`` 6 (what crawlers commonly use) writes big benchmark files several times faster."""
    compress = path.name.endswith(".gz")
    with path.open("wb") as out:
        for record in records:
            data = response_record(*record)  # type: ignore[arg-type]
            out.write(gzip.compress(data, compresslevel) if compress else data)

"""WARC archives -> RawDocument, one per HTML response record, streamed (memory stays flat).

Each document's origin is ``path#offset`` (the record's byte offset), so the archive's documents
table remembers which records were stored and a re-run skips them: an interrupted ingest resumes.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from dateline.errors import DocumentError
from dateline.record import RawDocument

#: the largest response payload read; bigger records are reported and skipped
MAX_RECORD_BYTES = 16 * 1024 * 1024
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_warc(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith((".warc", ".warc.gz", ".warc.zst", ".warc.lz4"))


def read_warc(path: Path | str, start: int = 0, end: int | None = None) -> Iterator[RawDocument | DocumentError]:
    """The HTML responses of a WARC, or of the records starting in [start, end) (a Spark task's share)."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    origin = str(path)
    try:
        stream = Path(path).open("rb")  # noqa: SIM115 - closed by the with block below
    except OSError as error:
        yield DocumentError(origin, f"cannot read: {error.strerror or error}")
        return
    with stream:
        stream.seek(start)
        seen = 0
        try:
            # fastwarc's stream_pos counts from the start of the file even after a seek, so origins
            # (path#offset) are the same whichever share of the file is read
            for record in ArchiveIterator(stream, parse_http=False):
                if end is not None and record.stream_pos >= end:
                    break
                seen += 1
                if record.record_type != WarcRecordType.response:
                    continue
                record.parse_http()
                document = record_document(origin, record)
                if document is not None:
                    yield document
        except OSError as error:
            yield DocumentError(origin, f"unreadable WARC data ({error}); records before it were read")
            return
        if seen == 0 and start == 0:
            yield DocumentError(origin, "no WARC records in it (not a WARC file, or corrupt)")


def record_document(path: str, record: object) -> RawDocument | DocumentError | None:
    origin = f"{path}#{record.stream_pos}"  # type: ignore[attr-defined]
    http = record.http_headers  # type: ignore[attr-defined]
    if http is None:
        return DocumentError(origin, "truncated or malformed WARC record (no HTTP response in it)")
    content_type = (record.http_content_type or "").lower()  # type: ignore[attr-defined]
    if http.status_code != 200 or not content_type.startswith(_HTML_TYPES):
        return None  # redirects, errors, images, scripts: not articles
    body = record.reader.read(MAX_RECORD_BYTES + 1)  # type: ignore[attr-defined]
    if len(body) > MAX_RECORD_BYTES:
        return DocumentError(origin, f"record payload over the {MAX_RECORD_BYTES:,}-byte limit")
    declared = http.get("Content-Length", "")
    # isdigit() alone would take "763¹" (a superscript is a digit to Unicode, not to int()): found by fuzzing
    if declared.isascii() and declared.isdigit() and len(body) < int(declared) and not http.get("Content-Encoding"):
        return DocumentError(origin, f"truncated WARC record ({len(body)} of {declared} bytes)")
    return RawDocument(
        origin=origin,
        content=body,
        content_type="text/html",
        url=record.headers.get("WARC-Target-URI"),  # type: ignore[attr-defined]
        fetched_at=record.record_date,  # type: ignore[attr-defined]
    )

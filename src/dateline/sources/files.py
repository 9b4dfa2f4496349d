"""Local files and folders -> RawDocument, one per file (gzip-compressed files are opened transparently)."""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from dateline.errors import DocumentError
from dateline.record import RawDocument

#: bigger files are refused unread: no news article is this large, and reading it would exhaust memory
MAX_FILE_BYTES = 64 * 1024 * 1024

SUFFIX_TYPES = {
    ".html": "text/html",
    ".htm": "text/html",
    ".xhtml": "text/html",
    ".pdf": "application/pdf",
    ".txt": "text/plain",
}


def content_type_for(path: Path) -> str | None:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return SUFFIX_TYPES.get(suffixes[-1]) if suffixes else None


#: what a folder walk picks up; a file named on its own is always read, whatever its name
DOCUMENT_SUFFIXES = frozenset(SUFFIX_TYPES) | {".gz", ".warc", ".zst", ".lz4"}


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named, and the documents inside folders named (sorted, hidden files skipped), each once."""
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        candidates = sorted(_documents_in(path)) if path.is_dir() else [path]
        for candidate in candidates:
            key = candidate.resolve()
            if key not in seen:
                seen.add(key)
                yield candidate


def _documents_in(folder: Path) -> Iterator[Path]:
    for path in folder.rglob("*"):
        if path.is_file() and path.suffix.lower() in DOCUMENT_SUFFIXES and not _hidden(path.relative_to(folder)):
            yield path


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def read_file(path: Path, max_bytes: int = MAX_FILE_BYTES) -> RawDocument:
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise DocumentError(origin, f"file is {size:,} bytes, over the {max_bytes:,}-byte limit")
        content = path.read_bytes()
    except FileNotFoundError:
        raise DocumentError(origin, "no such file") from None
    except IsADirectoryError:
        raise DocumentError(origin, "is a directory") from None
    except PermissionError:
        raise DocumentError(origin, "permission denied") from None
    except OSError as error:
        raise DocumentError(origin, f"cannot read: {error.strerror or error}") from None
    if content[:2] == b"\x1f\x8b":
        content = _gunzip(origin, content, max_bytes)
    return RawDocument(origin=origin, content=content, content_type=content_type_for(path))


def _gunzip(origin: str, content: bytes, max_bytes: int) -> bytes:
    # Decompress in bounded steps so a gzip bomb cannot take the machine's memory.
    decompressor = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        data = decompressor.decompress(content, max_bytes + 1)
    except zlib.error as error:
        raise DocumentError(origin, f"corrupt gzip data ({error})") from None
    if len(data) > max_bytes:
        raise DocumentError(origin, f"decompresses to over the {max_bytes:,}-byte limit")
    if not decompressor.eof:
        raise DocumentError(origin, "truncated gzip file (compressed stream ends early)")
    return data


def read_files(paths: Iterable[str | Path]) -> Iterator[RawDocument | DocumentError]:
    """Every file under ``paths`` as a RawDocument (a WARC as one per HTML response), or the DocumentError
    that says why it is unreadable."""
    from dateline.sources.warc import is_warc, read_warc

    for path in expand_paths(paths):
        if is_warc(path):
            yield from read_warc(path)
            continue
        try:
            yield read_file(path)
        except DocumentError as error:
            yield error


__all__ = ["expand_paths", "read_file", "read_files"]

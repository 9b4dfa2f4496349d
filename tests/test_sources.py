from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from dateline.errors import DocumentError
from dateline.extract import sniff
from dateline.extract.decode import decode_text
from dateline.record import RawDocument
from dateline.sources.files import expand_paths, read_file, read_files


def test_folders_expand_sorted_without_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("b")
    (tmp_path / "notes.md").write_text("not a document")
    (tmp_path / "a.html").write_text("a")
    (tmp_path / ".hidden.txt").write_text("h")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.pdf").write_bytes(b"%PDF-1.4")
    found = [p.name for p in expand_paths([tmp_path, tmp_path / "a.html"])]
    assert found == ["a.html", "b.txt", "c.pdf"]


def test_gzip_is_opened_transparently(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(b"<html><body><p>Hi</p></body></html>"))
    raw = read_file(path)
    assert raw.content.startswith(b"<html>") and raw.content_type == "text/html"


def test_truncated_gzip_is_a_document_error(tmp_path: Path) -> None:
    path = tmp_path / "cut.html.gz"
    path.write_bytes(gzip.compress(b"<html>" + b"x" * 5000)[:-30])
    with pytest.raises(DocumentError, match="truncated gzip"):
        read_file(path)


def test_missing_file_is_reported_in_place(tmp_path: Path) -> None:
    results = list(read_files([tmp_path / "nope.txt"]))
    assert isinstance(results[0], DocumentError) and "no such file" in str(results[0])


def test_oversized_file_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 2000)
    with pytest.raises(DocumentError, match="over the 1,000-byte limit"):
        read_file(path, max_bytes=1000)


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b"%PDF-1.7\n...", "pdf"),
        (b"<!DOCTYPE html><html><p>x</p></html>", "html"),
        (b"\n  <html lang='en'><head><title>x</title></head></html>", "html"),
        ("<html><body>x</body></html>".encode("utf-16"), "html"),
        (b"Some article text\n\nwith paragraphs.", "textdump"),
        (b"<not really html> a dump that starts with a bracket", "textdump"),
    ],
)
def test_sniff_by_content(content: bytes, kind: str) -> None:
    assert sniff(RawDocument("x", content)) == kind


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"  \n\n ", "empty"),
        (b"\x00\x01\x02binary\x00" * 20, "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
    ],
)
def test_sniff_refuses_what_is_no_document(content: bytes, reason: str) -> None:
    with pytest.raises(DocumentError, match=reason):
        sniff(RawDocument("x.html", content))


def test_decode_finds_cp1251_and_utf16() -> None:
    russian = "Кремль отверг сообщения о провале наступления в Харьковской области. " * 5
    assert decode_text(russian.encode("cp1251"), "x") == russian
    assert decode_text(russian.encode("utf-16"), "x") == russian
    assert decode_text("Déjà vu\r\nagain".encode(), "x") == "Déjà vu\nagain"

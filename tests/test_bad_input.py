"""Whatever the web gives: every bad document ends in an Article (maybe with warnings) or one clear
DocumentError naming it, in bounded time, and never in any other exception."""

from __future__ import annotations

import gzip
import time
from pathlib import Path

import pytest

from dateline.errors import DocumentError
from dateline.extract import extract
from dateline.record import Article
from dateline.sources.files import read_file
from tests.pdfwriter import write_pdf

RUSSIAN = (
    "Городской совет утвердил план строительства новой набережной. Работы начнутся весной и продлятся два года, "
    "сообщил мэр города на пресс-конференции во вторник. "
) * 8


def html(body: str, head: str = "") -> str:
    return f"<html><head>{head}<title>Test page</title></head><body><article>{body}</article></body></html>"


CASES: dict[str, bytes] = {
    "empty.html": b"",
    "spaces.txt": b" \n\t\n ",
    "binary.html": bytes(range(256)) * 40,
    "png-named.html": b"\x89PNG\r\n\x1a\n" + b"\x00" * 500,
    "deeply-nested.html": ("<div>" * 20_000 + "<p>Deep text that matters.</p>" + "</div>" * 20_000).encode(),
    "cp1251-no-charset.html": html(f"<p>{RUSSIAN}</p>").encode("cp1251"),
    "utf16.html": html(f"<p>{RUSSIAN}</p>", '<meta charset="utf-16">').encode("utf-16"),
    "mixed-encoding.txt": "Première partie du texte, écrite en UTF-8.\n\n".encode() * 5
    + "Deuxième partie en Latin-1, mal étiquetée.\n\n".encode("latin-1") * 5,
    "no-paragraphs.txt": ("word " * 3000).encode(),
    "single-line-10mb.txt": b"lorem ipsum dolor sit amet " * 400_000,
    "only-urls.txt": b"https://a.example/1\nhttps://a.example/2\n\nhttps://a.example/3\n",
    "script-only.html": b"<html><head><script>var x = 1;</script></head><body><script>go()</script></body></html>",
    "huge-attribute.html": html('<p title="' + "x" * 2_000_000 + '">A short paragraph of text.</p>').encode(),
    "not-really-pdf.pdf": b"%PDF-1.7\nthis is not a PDF at all",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_documents_fail_cleanly_and_quickly(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(CASES[name])
    started = time.monotonic()
    try:
        result: Article | DocumentError = extract(read_file(path))
    except DocumentError as error:
        result = error
    assert time.monotonic() - started < 60
    if isinstance(result, DocumentError):
        message = str(result)
        assert message.startswith(str(path)) and "\n" not in message and len(message) < 400
    else:
        assert result.origin == str(path)


def test_cp1251_page_without_charset_decodes(tmp_path: Path) -> None:
    path = tmp_path / "ru.html"
    path.write_bytes(CASES["cp1251-no-charset.html"])
    assert "Городской совет" in extract(read_file(path)).text


def test_image_only_pdf_says_so(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    write_pdf([[]], [[]], path)
    with pytest.raises(DocumentError, match="no text layer"):
        extract(read_file(path))


def test_gzip_bomb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.html.gz"
    path.write_bytes(gzip.compress(b"<html>" + b" " * 80_000_000))
    with pytest.raises(DocumentError, match="limit"):
        read_file(path)

"""`annotate --plain`: the file is the body, so every offset is an offset into the file."""

from __future__ import annotations

from dateline.enrich import enrich
from dateline.extract import read_plain
from dateline.record import RawDocument

BODY = (
    "The ferry council met in Bergen on Monday.\r\n\r\n"
    '"We will restart the crossings next Monday," harbour master Sigrid Haugen said.\r\n'
)


def test_offsets_are_file_offsets_with_windows_line_ends() -> None:
    raw = RawDocument(origin="notes.txt", content=BODY.encode("utf-8"))
    article = enrich(read_plain(raw, published="2025-02-17"))
    assert len(article.text) == len(BODY)
    assert article.times and article.quotes
    for found in [*article.times, *article.quotes]:
        assert BODY[found.start : found.end] == article.text[found.start : found.end]
    monday = next(t for t in article.times if "next Monday" in t.text)
    assert BODY[monday.start : monday.end] == "next Monday"


def test_old_mac_line_ends_keep_the_length_too() -> None:
    text = read_plain(RawDocument(origin="old.txt", content=b"One line.\rAnother line.\r")).text
    assert text == "One line.\nAnother line.\n"

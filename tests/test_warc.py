from __future__ import annotations

from pathlib import Path

import pytest

from dateline.errors import DocumentError
from dateline.pipeline import ingest
from dateline.record import RawDocument
from dateline.sources import read_inputs
from dateline.store import open_store
from tests.warcwriter import write_warc

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title>
<meta property="article:published_time" content="2025-03-0{day}"></head><body><article><h1>{title}</h1>
<p>The regional ferry company said on Monday that it would add {count} sailings a week between the islands
and the mainland from next month, after complaints from residents about crowded boats.</p>
<p>Harbour officials said the extra sailings would need new crews, and that hiring had already begun in
three coastal towns, with training to start in the spring.</p></article></body></html>"""


def page(number: int) -> bytes:
    return PAGE.format(title=f"Ferry company adds sailings, part {number}", day=number, count=number * 3).encode()


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_yields_html_responses_only(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_warc(path, [
        ("https://ferries.example/a", page(1)),
        ("https://ferries.example/logo.png", b"\x89PNG\r\n", "image/png"),
        ("https://ferries.example/missing", b"<html>gone</html>", "text/html", 404),
        ("https://ferries.example/b", page(2)),
    ])  # fmt: skip
    documents = list(read_inputs([path]))
    assert all(isinstance(d, RawDocument) for d in documents)
    assert [d.url for d in documents if isinstance(d, RawDocument)] == [
        "https://ferries.example/a", "https://ferries.example/b",
    ]  # fmt: skip
    assert all(d.origin.startswith(f"{path}#") for d in documents)


def test_truncated_warc_reports_the_cut_record_and_keeps_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc"
    write_warc(path, [(f"https://ferries.example/{n}", page(n)) for n in range(1, 4)])
    path.write_bytes(path.read_bytes()[:-200])
    documents = list(read_inputs([path]))
    assert [type(d).__name__ for d in documents] == ["RawDocument", "RawDocument", "DocumentError"]
    assert "truncated" in str(documents[-1])


def test_warc_ingest_resumes_without_duplicates(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [(f"https://ferries.example/{n}", page(n)) for n in range(1, 6)])
    store = open_store(str(tmp_path / "a.db"))
    first = ingest(read_inputs([path]), store, components=[])
    again = ingest(read_inputs([path]), store, components=[])
    assert (first.new, again.new, again.skipped, store.count()) == (5, 0, 5, 5)
    store.close()


def test_unreadable_warc_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "noise.warc.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00" + b"\x00garbage" * 50)
    documents = list(read_inputs([path]))
    assert len(documents) == 1 and isinstance(documents[0], DocumentError)
    assert str(documents[0]).startswith(f"{path}: ")


def test_a_content_length_that_is_no_number_does_not_stop_the_file(tmp_path: Path) -> None:
    # "63\u00b9": a digit to str.isdigit(), not to int() (found by fuzzing)
    body = page(1)
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 63\xb9\r\n\r\n" + body
    record = (
        b"WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000001>\r\n"
        b"WARC-Date: 2025-03-12T08:00:00Z\r\nWARC-Target-URI: https://ferries.example/a\r\n"
        b"Content-Type: application/http; msgtype=response\r\n"
        + f"Content-Length: {len(http)}\r\n\r\n".encode() + http + b"\r\n\r\n"
    )
    path = tmp_path / "odd.warc"
    write_warc(path, [("https://ferries.example/b", page(2))])
    path.write_bytes(record + path.read_bytes())
    documents = list(read_inputs([path]))
    assert [type(d).__name__ for d in documents] == ["RawDocument", "RawDocument"]

"""End-to-end through the real `dateline` command: exit codes, one-line errors, idempotent ingest."""

from __future__ import annotations

import csv
import gzip
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES


def dateline(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dateline", *args], capture_output=True, text=True, cwd=cwd, timeout=300
    )


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("archive") / "archive.db"
    result = dateline("ingest", str(EXAMPLES), "--db", str(db))
    assert result.returncode == 0, result.stderr
    return db


def test_ingest_reports_and_is_idempotent(archive: Path) -> None:
    again = dateline("ingest", str(EXAMPLES), "--db", str(archive))
    assert again.returncode == 0, again.stderr
    assert "0 new" in again.stderr and "0 failed" in again.stderr
    exported = dateline("export", "--format", "jsonl", "--db", str(archive))
    ids = [json.loads(line)["id"] for line in exported.stdout.splitlines()]
    assert len(ids) == len(set(ids)) == 4  # the PDF and the dump it was printed from are one article


def test_bad_documents_fail_one_line_each_and_the_batch_goes_on(tmp_path: Path) -> None:
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "empty.txt").write_bytes(b"")
    (batch / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (batch / "cut.html.gz").write_bytes(gzip.compress(b"<html>" + b"y" * 4000)[:-20])
    (batch / "good.html").write_bytes((EXAMPLES / "porto-flood-barrier.html").read_bytes())
    db = tmp_path / "a.db"
    result = dateline("ingest", str(batch), "--db", str(db), "--quiet")
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 3
    for name, reason in (("empty.txt", "empty"), ("image.html", "binary"), ("cut.html.gz", "truncated gzip")):
        assert any(name in line and reason in line for line in errors), errors
    assert "1 new" in result.stderr
    search = dateline("search", "flood barrier", "--db", str(db), "--json")
    assert [json.loads(line)["title"] for line in search.stdout.splitlines()] == [
        "Porto council approves river flood barrier after winter of record floods"
    ]
    rerun = dateline("ingest", str(batch), "--db", str(db), "--quiet")
    assert rerun.returncode == 1 and "1 already stored" in rerun.stderr


def test_extract_prints_the_json_record() -> None:
    result = dateline("extract", str(EXAMPLES / "storm-ingrid-ferries.txt"), "--json")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["url"] == (
        "https://www.northfieldledger.example/2025/02/17/storm-ingrid-shuts-ferry-crossings-along-west-coast-b20931"
    )
    assert record["published"] == "2025-02-17"
    assert record["quotes"] == [] and record["times"] == []


def test_pdf_reads_like_its_dump() -> None:
    from_pdf = json.loads(dateline("extract", str(EXAMPLES / "storm-ingrid-ferries.pdf"), "--json").stdout)
    from_dump = json.loads(dateline("extract", str(EXAMPLES / "storm-ingrid-ferries.txt"), "--json").stdout)
    for field in ("url", "title", "published", "authors", "text", "links"):
        assert from_pdf[field] == from_dump[field], field


def test_annotate_plain_keeps_file_offsets(tmp_path: Path) -> None:
    body = tmp_path / "body.txt"
    text = 'Mayor Helena Saraiva said on Tuesday: "The barrier will be built."\n'
    body.write_text(text, encoding="utf-8")
    result = dateline("annotate", str(body), "--plain", "--published", "2025-03-12", "--json")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["text"] == text and record["published"] == "2025-03-12"
    for key in ("quotes", "times", "entities"):
        for item in record[key]:
            spans = item.get("mentions") or [[item["start"], item["end"]]]
            for start, end in spans:
                assert 0 <= start < end <= len(text)


def test_search_and_show(archive: Path) -> None:
    hits = dateline("search", "ferry", "--since", "2025-01-01", "--db", str(archive), "--json")
    found = [json.loads(line) for line in hits.stdout.splitlines()]
    assert found and all(hit["published"] >= "2025" for hit in found)
    shown = dateline("show", found[0]["id"], "--db", str(archive), "--json")
    assert json.loads(shown.stdout)["id"] == found[0]["id"]
    assert dateline("show", "nope", "--db", str(archive)).returncode == 1


def test_quotes_by_speaker_each_statement_once(archive: Path) -> None:
    every = dateline("quotes", "--speaker", "Saraiva", "--db", str(archive), "--json")
    distinct = dateline("quotes", "--speaker", "Saraiva", "--distinct", "--db", str(archive), "--json")
    assert every.returncode == distinct.returncode == 0, every.stderr + distinct.stderr
    rows = [json.loads(line) for line in every.stdout.splitlines()]
    statements = [json.loads(line) for line in distinct.stdout.splitlines()]
    assert rows and all(row["speaker"] == "Helena Saraiva" for row in rows)
    assert len(statements) < len(rows) and sum(s["articles"] for s in statements) == len(rows)
    shown = dateline("quotes", "--speaker", "Saraiva", "--distinct", "--db", str(archive))
    assert "in 2 articles" in shown.stdout


def test_stories_groups_the_wire_copy(archive: Path) -> None:
    result = dateline("stories", "--db", str(archive), "--json")
    stories = [json.loads(line) for line in result.stdout.splitlines()]
    assert [sorted(s["outlets"]) for s in stories] == [["Coastline Wire", "The Northfield Ledger"]]
    members = dateline("search", "", "--story", stories[0]["id"], "--db", str(archive), "--json")
    assert len(members.stdout.splitlines()) == 2


def test_story_shows_what_the_wire_copy_changed(archive: Path) -> None:
    story_id = json.loads(dateline("stories", "--db", str(archive), "--json").stdout.splitlines()[0])["id"]
    versions = [
        json.loads(line) for line in dateline("story", story_id, "--db", str(archive), "--json").stdout.splitlines()
    ]
    assert [v["outlet"] for v in versions] == ["The Northfield Ledger", "Coastline Wire"]
    first, wire = versions
    assert first["id"] == story_id and not (first["added"] or first["removed"] or first["changed"])
    # the wire copy cut the opposition's doubts and reworded the lead around its dateline
    assert any("Opposition councillors" in paragraph for paragraph in wire["removed"])
    assert any(after.startswith("PORTO, March 11") for _, after in wire["changed"])
    shown = dateline("story", story_id, "--db", str(archive)).stdout
    assert "first report" in shown and "- Opposition councillors" in shown and "reworded" in shown
    missing = dateline("story", "no-such-story", "--db", str(archive))
    assert missing.returncode == 1 and "no story with id no-such-story" in missing.stderr


def test_optimize_keeps_search_results(archive: Path) -> None:
    before = dateline("search", "flood", "--db", str(archive), "--json").stdout
    result = dateline("optimize", "--db", str(archive))
    assert result.returncode == 0 and "optimized in" in result.stderr, result.stderr
    assert dateline("search", "flood", "--db", str(archive), "--json").stdout == before


def test_search_usage_errors_exit_2(archive: Path) -> None:
    assert dateline("search", "-everything", "--db", str(archive)).returncode == 2
    assert dateline("search", "x", "--since", "last week", "--db", str(archive)).returncode == 2


def test_export_csv_and_parquet(archive: Path, tmp_path: Path) -> None:
    csv_out = dateline("export", "--format", "csv", "--db", str(archive))
    rows = list(csv.DictReader(io.StringIO(csv_out.stdout)))
    assert len(rows) == 4 and {"id", "title", "text", "quotes"} <= set(rows[0])
    parquet = tmp_path / "a.parquet"
    assert dateline("export", "--format", "parquet", "--out", str(parquet), "--db", str(archive)).returncode == 0
    import pyarrow.parquet as pq

    table = pq.read_table(parquet)
    assert table.num_rows == 4 and "quotes" in table.column_names
    assert dateline("export", "--format", "xml", "--db", str(archive)).returncode == 2


def test_ingest_with_worker_processes_stores_the_same_articles(archive: Path, tmp_path: Path) -> None:
    db = tmp_path / "parallel.db"
    (tmp_path / "batch").mkdir()
    for example in EXAMPLES.iterdir():
        (tmp_path / "batch" / example.name).write_bytes(example.read_bytes())
    (tmp_path / "batch" / "empty.txt").write_bytes(b"")
    result = dateline("ingest", str(tmp_path / "batch"), "--db", str(db), "--workers", "2", "-q")
    assert result.returncode == 1 and "empty.txt: empty document" in result.stderr

    def records(path: Path) -> dict[str, dict[str, object]]:
        lines = dateline("export", "--format", "jsonl", "--db", str(path)).stdout.splitlines()
        return {r["id"]: {k: v for k, v in r.items() if k != "origin"} for r in map(json.loads, lines)}

    assert records(db) == records(archive)

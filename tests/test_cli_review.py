"""The command in process (fast): archives that cannot or should not be opened, secrets kept out of
messages, stores closed, usage errors. tests/test_cli.py runs the real command end to end."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any, ClassVar

import pytest
from typer.testing import CliRunner

import dateline.cli as cli
from dateline.record import Article
from dateline.store import open_store
from dateline.store.sqlite import SQLiteStore

SECRET_URL = "postgresql://reporter:s3cret-pw@db.example:5432/news"
SHOWN_URL = "postgresql://db.example:5432/news"

BODY = (
    "The river rose a metre overnight in the old town of Vellmar, and the council closed the quay road.\n\n"
    "Shopkeepers moved their stock upstairs while volunteers filled sandbags by the bridge."
)


@pytest.fixture(autouse=True)
def no_server(monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    # `serve` must never block a test: where it would listen, it returns at once
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: None)


def run(*args: str) -> Any:
    return CliRunner().invoke(cli.app, list(args))


def one_error_line(result: Any) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output + result.stderr
    return str(lines[0])


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    db = tmp_path / "archive.db"
    store = open_store(str(db))
    store.upsert(Article(origin="a.txt", url="https://example.org/a", title="Quay road closed", text=BODY))
    store.record_failure("bad.html", "binary file")
    store.close()
    return db


READ_ONLY = [
    ["search", "flood"],
    ["show", "someid"],
    ["quotes", "--speaker", "Mayor"],
    ["stories"],
    ["export", "--format", "jsonl"],
    ["optimize"],
    ["serve"],
]


@pytest.mark.parametrize("command", READ_ONLY, ids=lambda c: c[0])
def test_read_only_commands_refuse_a_missing_archive_and_create_nothing(command: list[str], tmp_path: Path) -> None:
    typo = tmp_path / "typo" / "archve.db"
    result = run(*command, "--db", str(typo))
    assert result.exit_code == 2
    assert one_error_line(result) == f"error: no archive at {typo} (ingest something first)"
    assert not typo.parent.exists()


def test_ingest_and_a_rebuild_still_create_the_archive(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Quay road closed\n\n" + BODY, encoding="utf-8")
    db = tmp_path / "new" / "archive.db"
    assert run("stories", "--rebuild", "--db", str(tmp_path / "other.db")).exit_code == 0
    result = run("ingest", str(page), "--db", str(db), "--no-enrich", "-q")
    assert result.exit_code == 0, result.output
    assert db.exists() and "1 new" in result.stderr


def _schema_too_new(path: Path) -> None:
    import sqlite3

    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 999")


@pytest.mark.parametrize("kind", ["text file", "folder", "newer schema", "gzip file"])
def test_an_archive_that_cannot_be_opened_is_one_line_and_exit_2(kind: str, tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    if kind == "text file":
        db.write_text("these are my notes, not an archive\n" * 200, encoding="utf-8")
    elif kind == "folder":
        db.mkdir()
    elif kind == "gzip file":
        db.write_bytes(gzip.compress(b"not a database" * 100))
    else:
        _schema_too_new(db)
    for command in (["search", "flood"], ["ingest", str(tmp_path / "nothing.txt"), "-q"]):
        result = run(*command, "--db", str(db))
        assert result.exit_code == 2, result.output
        line = one_error_line(result)
        assert line.startswith(f"error: {db}: cannot open the archive: "), line


class _Recording(SQLiteStore):
    closed: ClassVar[list[str]] = []

    def close(self) -> None:
        _Recording.closed.append(self.path)
        super().close()


@pytest.mark.parametrize(
    "command",
    [["show", "someid"], ["search", "quay"], ["search", "title:("], ["quotes"], ["export", "--format", "csv"]],
    ids=lambda c: " ".join(c),
)
def test_reading_commands_close_the_archive(command: list[str], archive: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _Recording.closed = []
    monkeypatch.setattr(cli, "open_store", lambda url, create=True: _Recording(str(url)))
    result = run(*command, "--db", str(archive))
    assert result.exit_code in (0, 1, 2), result.output
    assert _Recording.closed == [str(archive)]


def test_passwords_in_archive_urls_are_never_printed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import dateline.spark
    import dateline.web.app
    from dateline.spark import BatchReport

    stand_in = str(tmp_path / "stand-in.db")
    open_store(stand_in).close()
    monkeypatch.setattr(cli, "open_store", lambda url, create=True: SQLiteStore(stand_in))
    monkeypatch.setattr(dateline.web.app, "create_app", lambda *args, **kwargs: None)
    monkeypatch.setattr(dateline.spark, "run_batch", lambda *args, **kwargs: BatchReport(documents=1, articles=1))
    page = tmp_path / "page.txt"
    page.write_text("Quay road closed\n\n" + BODY, encoding="utf-8")
    for command in (["ingest", str(page), "-q", "--no-enrich"], ["serve"], ["batch", str(page)]):
        result = run(*command, "--db", SECRET_URL)
        assert result.exit_code == 0, result.output
        assert "s3cret" not in result.output + result.stderr and "reporter" not in result.stderr
        assert SHOWN_URL in result.stderr


def test_annotate_published_without_plain_is_a_usage_error(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Quay road closed\n\n" + BODY, encoding="utf-8")
    result = run("annotate", str(page), "--published", "2024-07-17")
    assert result.exit_code == 2
    assert "--published needs --plain" in one_error_line(result)


def test_db_help_names_postgresql() -> None:
    result = run("search", "--help")
    assert "postgresql://" in " ".join(result.output.split())


def test_the_progress_bar_counts_files_once_and_not_for_warcs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "pages"
    (folder / "deeper").mkdir(parents=True)
    for name in ("a.html", "deeper/b.txt"):
        (folder / name).write_text(BODY, encoding="utf-8")
    walks: list[Path] = []
    original = Path.rglob

    def counted(self: Path, pattern: str, **kwargs: Any) -> Any:
        walks.append(self)
        return original(self, pattern, **kwargs)

    monkeypatch.setattr(Path, "rglob", counted)
    items, total = cli._ingest_items([str(folder)])
    assert total == 2 and sorted(Path(item).name for item in items) == ["a.html", "b.txt"]
    assert walks == [folder]
    (folder / "crawl.warc.gz").write_bytes(b"")
    assert cli._ingest_items([str(folder)])[1] is None  # one WARC yields any number of documents
    assert cli._ingest_items(["https://example.org/feed.xml", str(folder)]) == (
        ["https://example.org/feed.xml", str(folder)],
        None,
    )


def test_the_fetch_policy_takes_the_flag_or_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATELINE_ALLOW_PRIVATE", raising=False)
    assert not cli._fetch_policy(False, 0.5).allow_private
    assert cli._fetch_policy(True, 0.5).allow_private and cli._fetch_policy(True, 0.5).host_delay == 0.5
    monkeypatch.setenv("DATELINE_ALLOW_PRIVATE", "1")
    assert cli._fetch_policy(False, 0.0).allow_private

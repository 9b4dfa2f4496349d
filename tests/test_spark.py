"""The Spark job (real Spark, local mode) gives what `dateline ingest` gives on the same input."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dateline.errors import DocumentError
from dateline.pipeline import ingest
from dateline.record import Article, RawDocument
from dateline.sources import read_inputs
from dateline.sources.files import read_files
from dateline.spark import plan_tasks, read_task, run_batch
from dateline.store import open_store
from dateline.story_archive import group_stories
from tests.warcwriter import write_warc

#: CI sets this: without Java or PySpark the Spark tests fail instead of quietly skipping
REQUIRE_SPARK = os.environ.get("DATELINE_REQUIRE_SPARK") == "1"

TOWNS = ["Lisbon", "Porto", "Madrid", "Valencia", "Lyon", "Marseille", "Naples", "Genoa"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="2025-03-{day:02d}T09:00:00+00:00">
<meta name="author" content="{author}"></head>
<body><article><h1>{title}</h1>
<p>The port authority of {town} said on {weekday} that {count} cargo ships had been held outside the
harbour for more than two days, after a storm damaged the main breakwater and closed two of the berths.</p>
<p>"We expect the first berth to reopen by the end of the week," said Marta Ferreira, the authority's
director of operations. "The second will take longer, because divers still have to inspect it."</p>
<p>Shipping agents said about {delayed} containers were waiting to be unloaded, and that some
companies had already sent cargo on to {other} by road. Ferreira said the repairs would cost at least
{cost} million euros.</p>
<p>Dock workers in {town} had warned in January that the breakwater needed work, their union said.</p>
{extra}</article></body></html>"""


def page(number: int, extra: str = "") -> bytes:
    return PAGE.format(
        title=f"Storm keeps {number + 3} ships outside {TOWNS[number % len(TOWNS)]} port",
        day=number % 27 + 1,
        author=f"Reporter {number}",
        town=TOWNS[number % len(TOWNS)],
        other=TOWNS[(number + 3) % len(TOWNS)],
        weekday=DAYS[number % len(DAYS)],
        count=number + 3,
        delayed=number * 40 + 100,
        cost=number % 9 + 2,
        extra=extra,
    ).encode()


def crawl(path: Path, articles: int = 22) -> Path:
    """A WARC of articles with the records a real crawl has besides them; its last record is cut short."""
    records: list[Any] = [(f"https://news.example/port/{n}", page(n)) for n in range(articles)]
    records.insert(3, ("https://news.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(range(64)), "image/png"))
    records.insert(7, ("https://news.example/gone", b"<html><body>Not found</body></html>", "text/html", 404))
    # the same article again under another form of its URL: an update, one article in the archive
    update = "<p>Update: the authority said on Friday that the first berth had reopened.</p>"
    records.append(("http://www.news.example/port/5/", page(5, update)))
    records.append(("https://news.example/port/cut", page(99)))
    write_warc(path, records)
    path.write_bytes(path.read_bytes()[:-300])
    return path


# -- without Spark: the planner's WARC ranges read exactly the documents a sequential read does ---------


def _documents(items: Iterator[RawDocument | DocumentError]) -> list[tuple[str, str | None, bytes]]:
    return [
        (d.origin, d.url, d.content) if isinstance(d, RawDocument) else (d.origin, None, d.reason.encode())
        for d in items
    ]


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_ranges_read_what_a_sequential_read_does(tmp_path: Path, name: str) -> None:
    path = crawl(tmp_path / name)
    tasks = plan_tasks([path], target=4)
    assert len(tasks) >= 3 and all(t.path == str(path) for t in tasks)
    assert [t.index for t in tasks] == list(range(len(tasks)))
    split = [document for task in tasks for document in _documents(read_task(task))]
    assert split == _documents(read_files([path]))


def test_many_files_are_one_task_each_unscanned(tmp_path: Path) -> None:
    for n in range(5):
        (tmp_path / f"a{n}.html").write_bytes(page(n))
    tasks = plan_tasks([tmp_path], target=4)
    assert [(t.path, t.start, t.end) for t in tasks] == [(str(tmp_path / f"a{n}.html"), None, None) for n in range(5)]


# -- real Spark, local mode --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    problem = None
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        problem = "PySpark is not installed (pip install 'dateline[spark]')"
    if problem is None and not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        problem = "Spark needs Java 17+: no java on PATH nor JAVA_HOME (apt-get install openjdk-17-jre-headless)"
    if problem is not None:
        if REQUIRE_SPARK:
            pytest.fail(f"DATELINE_REQUIRE_SPARK=1 but {problem}", pytrace=False)
        pytest.skip(problem)
    import sys

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # workers run this interpreter, this venv
    session = (
        SparkSession.builder.master("local[2]")
        .appName("dateline tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.memory", "512m")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


COUNTED = ("links", "quotes", "times", "entities", "places", "quantities", "warnings")


def _counts(record: dict[str, Any]) -> dict[str, int]:
    return {name: len(record[name] or []) for name in COUNTED}


def test_batch_gives_the_articles_and_failures_ingest_gives(spark: Any, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    path = crawl(tmp_path / "crawl.warc")
    out = tmp_path / "out"
    report = run_batch([str(path)], out=str(out), db=str(tmp_path / "batch.db"))

    archive = open_store(str(tmp_path / "ingest.db"))
    reference = ingest(read_inputs([path]), archive)
    expected = {article.id: article.to_dict() for article in archive.articles()}
    assert reference.new == 22 and reference.updated == 1 and len(reference.failures) == 1

    # the planner split the one WARC so both cores shared it
    assert report.tasks >= 2
    assert report.articles == len(expected) == 22
    assert report.documents == reference.documents - reference.skipped == 24

    rows = pq.read_table(out / "articles").to_pylist()
    assert len(rows) == len({row["id"] for row in rows})  # one row per article
    assert {row["id"]: _counts(row) for row in rows} == {i: _counts(r) for i, r in expected.items()}
    assert sum(len(r["quotes"]) for r in expected.values()) >= 22  # the enrichment really ran
    assert {row["id"]: Article.from_dict(row).to_dict() for row in rows} == expected

    # the duplicate URL is one article: the later record, as ingest leaves it after the update
    updated = next(r for r in expected.values() if r["url"] and "port/5" in r["url"])
    assert "first berth had reopened" in updated["text"]

    batch_archive = open_store(str(tmp_path / "batch.db"))
    assert {a.id: a.to_dict() for a in batch_archive.articles()} == expected
    # the batch grouped the stories it wrote, as ingest does
    group_stories(archive)
    assert {i: batch_archive.story_of(i) for i in expected} == {i: archive.story_of(i) for i in expected}
    assert any(archive.story_of(i) is not None for i in expected)

    # the cut record: one row in the errors table, the same failure ingest reports
    errors = pq.read_table(out / "errors").to_pylist()
    assert errors == [{"origin": f.origin, "reason": f.reason} for f in reference.failures]
    assert errors[0]["origin"].startswith(f"{path}#") and "truncated" in errors[0]["reason"]
    assert [(f.origin, f.reason) for f in report.failures] == [(e["origin"], e["reason"]) for e in errors]
    assert [(f.origin, f.reason) for f in batch_archive.failures()] == [(e["origin"], e["reason"]) for e in errors]
    archive.close()
    batch_archive.close()


def test_spark_submit_entry_point_reports_failures_in_its_exit_status(spark: Any, tmp_path: Path) -> None:
    from dateline.spark import main

    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.html").write_bytes(page(1))
    (inputs / "b.html").write_bytes(page(2))
    (inputs / "c.html").write_bytes(b"\x00\x01\x02 not a page \xff\xfe" * 20)
    out = tmp_path / "out"
    assert main([str(inputs), "--out", str(out), "--partitions", "2"]) == 1
    import pyarrow.parquet as pq

    assert pq.read_table(out / "articles").num_rows == 2
    assert [row["origin"] for row in pq.read_table(out / "errors").to_pylist()] == [str(inputs / "c.html")]


def test_cli_batch_command(spark: Any, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from dateline.cli import app

    names = {command.name or getattr(command.callback, "__name__", "") for command in app.registered_commands}
    if "batch" not in names:
        pytest.skip("the CLI has no batch command yet")
    (tmp_path / "a.html").write_bytes(page(4))
    result = CliRunner().invoke(app, ["batch", str(tmp_path / "a.html"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    import pyarrow.parquet as pq

    assert pq.read_table(tmp_path / "out" / "articles").num_rows == 1
    assert pq.read_table(tmp_path / "out" / "errors").num_rows == 0


def test_batch_into_postgresql_writes_from_the_executors(spark: Any, tmp_path: Path, postgres_url: str) -> None:
    for n in range(4):
        (tmp_path / f"a{n}.html").write_bytes(page(n))
    (tmp_path / "bad.html").write_bytes(b"")
    report = run_batch([str(tmp_path)], db=postgres_url, partitions=2, components=[])
    archive = open_store(postgres_url)
    expected = {_extracted(tmp_path / f"a{n}.html")["id"] for n in range(4)}
    assert (report.articles, len(report.failures)) == (4, 1)
    assert {article.id for article in archive.articles()} == expected
    assert [(f.origin, f.reason) for f in archive.failures()] == [(str(tmp_path / "bad.html"), "empty document")]
    archive.close()


def _extracted(path: Path) -> dict[str, Any]:
    from dateline.extract import extract
    from dateline.sources.files import read_file

    return extract(read_file(path)).to_dict()


class _Rows:
    """What _write_store reads of a Spark RDD of (order, digest, record) rows, for a test without Spark."""

    def __init__(self, rows: list[tuple[Any, str, str]]) -> None:
        self.rows = rows

    def toLocalIterator(self) -> Iterator[tuple[Any, str, str]]:  # Spark's name
        return iter(self.rows)


def test_writing_a_batch_into_an_archive_groups_its_stories(tmp_path: Path) -> None:
    from dateline.spark import _write_store
    from tests.test_stories import PORTO, PORTO_TITLE, body

    articles = [
        Article(origin="a", url="https://example.org/a", title=PORTO_TITLE, published="2024-03-12", text=body(PORTO)),
        Article(origin="b", url="https://example.org/b", title=None, published="2024-03-13",
                text="PORTO (Wire) - " + body(PORTO[:4])),
        Article(origin="c", url="https://example.org/c", title="Undated", published=None, text="A short note."),
    ]  # fmt: skip
    db = str(tmp_path / "batch.db")
    rows = [((0, n), f"hash-{n}", article.to_json()) for n, article in enumerate(articles)]
    failures = [DocumentError("bad.html", "empty document")]
    assert _write_store(db, _Rows(rows), failures) == 0
    archive = open_store(db)
    ids = [article.id for article in articles]
    assert archive.story_of(ids[1]) == ids[0] == archive.story_of(ids[0])
    assert [f.origin for f in archive.failures()] == ["bad.html"]
    archive.close()

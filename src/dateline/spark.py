"""The pipeline as a PySpark job, for archives that outgrow one machine.

The driver plans the work as small tasks (a file, or a range of a WARC's records), Spark hands them
to executors with ``mapPartitions``, and each executor reads, extracts and enriches its documents with
the same functions ``dateline ingest`` uses. The spaCy model is loaded once per Python worker process
(``dateline.enrich.nlp.load`` is cached, and Spark reuses its Python workers), so a partition never
pays for it twice.

Output: ``OUT/articles/`` is a Parquet dataset with one row per article and nested annotations
(the schema of :func:`dateline.export.parquet_schema`); ``OUT/errors/`` holds ``origin`` and ``reason``
of every document that could not be read, so no failure is lost. With ``db`` the articles also go into
the archive (any store URL). Articles are deduplicated by id, as the archive does: when two documents
give the same article (the same canonical URL), the later one in input order wins, which is what
``ingest`` leaves in the archive after updating the article in place.

On a cluster: ``spark-submit path/to/dateline/spark.py INPUT... --out DIR`` (see docs/scale.md).
"""

from __future__ import annotations

import json
import math
import os
import shutil
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dateline.errors import DatelineError, DocumentError
from dateline.record import JSON_FIELDS, Article, RawDocument

if TYPE_CHECKING:
    from pyspark.sql import SparkSession
    from pyspark.sql.types import DataType, StructType

    from dateline.pipeline import IngestReport
    from dateline.store.base import Store

#: a WARC range task holds at least this many response records: smaller tasks cost more in Spark
#: scheduling than they gain in balance
MIN_RECORDS_PER_TASK = 8

#: rows Spark moves around: ("article", id, order, content hash, JSON record) or ("error", origin, reason)
Row = tuple[Any, ...]
Order = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Task:
    """One unit of work: a whole file (read exactly as ``ingest`` reads it), or WARC records from byte
    offset ``start`` up to (not including) the record at ``end`` (None: to the end of the file)."""

    index: int  # position in input order; orders duplicates the way a sequential ingest meets them
    path: str
    start: int | None = None
    end: int | None = None


@dataclass
class BatchReport:
    articles: int = 0  # distinct articles written
    documents: int = 0  # documents read (articles before deduplication, plus failures)
    failures: list[DocumentError] = field(default_factory=list)
    seconds: float = 0.0
    tasks: int = 0
    #: articles written to --db without a publication date in an archive too large to regroup whole
    #: (``dateline stories --rebuild`` groups them)
    ungrouped: int = 0


# -- planning (driver) ------------------------------------------------------------------------------


def plan_tasks(inputs: Iterable[str | Path], target: int) -> list[Task]:
    """Tasks for ``inputs`` (files, folders): one per file when there are at least ``target`` files;
    otherwise WARCs are split by record offsets so that ``target`` workers can share a few big ones."""
    from dateline.sources.files import expand_paths
    from dateline.sources.warc import is_warc

    paths = list(expand_paths(inputs))
    if len(paths) >= target:
        return [Task(index, str(path)) for index, path in enumerate(paths)]
    # scanning a WARC's record headers costs one read of the file on the driver: only worth it here,
    # where there are too few files to keep every core busy
    offsets = {path: _response_offsets(path) if is_warc(path) else [] for path in paths}
    records = sum(len(found) for found in offsets.values())
    per_task = max(MIN_RECORDS_PER_TASK, math.ceil(records / target)) if records else 0
    tasks: list[Task] = []
    for path in paths:
        found = offsets[path]
        if len(found) <= per_task:
            tasks.append(Task(len(tasks), str(path)))
            continue
        starts = found[::per_task]
        for number, start in enumerate(starts):
            end = starts[number + 1] if number + 1 < len(starts) else None
            # the first range starts at 0 so records before the first response are read as ingest reads them
            tasks.append(Task(len(tasks), str(path), 0 if number == 0 else start, end))
    return tasks


def _response_offsets(path: Path) -> list[int]:
    """Byte offsets of the response records, as far as the file can be read (the last range is left
    open, so the executor meets any damage after them and reports it as ingest does)."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    found: list[int] = []
    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream, parse_http=False):
                if record.record_type == WarcRecordType.response:
                    found.append(record.stream_pos)
    except OSError:
        pass
    return found


# -- the work (executors) ---------------------------------------------------------------------------


def read_task(task: Task) -> Iterator[RawDocument | DocumentError]:
    """The documents of one task, exactly as ``sources.read_files`` yields them for the same records."""
    from dateline.sources.files import read_files
    from dateline.sources.warc import read_warc

    if task.start is None:
        yield from read_files([task.path])
    else:
        yield from read_warc(task.path, task.start, task.end)


def process_partition(tasks: Iterable[Task], components: Sequence[str] | None = None) -> Iterator[Row]:
    """Read, extract and enrich every document of the partition's tasks; one row per document."""
    from dateline.enrich import enrich
    from dateline.extract import extract
    from dateline.pipeline import content_hash

    for task in tasks:
        documents = read_task(task)
        number = 0
        while True:
            try:
                document = next(documents)
            except StopIteration:
                break
            except Exception as error:  # a source bug costs the rest of this task, never the job
                yield ("error", task.path, f"reading stopped: {type(error).__name__}: {error}")
                break
            number += 1
            if isinstance(document, DocumentError):
                yield ("error", document.origin, document.reason)
                continue
            try:
                article = enrich(extract(document), components)
            except DocumentError as failure:
                yield ("error", failure.origin, failure.reason)
            except Exception as error:  # a bug costs one document, never the partition
                yield ("error", document.origin, f"{type(error).__name__}: {error}")
            else:
                record = article.to_json()
                try:
                    # Spark moves the record to the JVM as UTF-8: a lone surrogate would fail the whole job
                    record.encode("utf-8")
                except UnicodeEncodeError as error:
                    yield ("error", document.origin, f"article text is not valid Unicode ({error.reason})")
                    continue
                yield ("article", article.id, (task.index, number), content_hash(document), record)


def _is_article(row: Row) -> bool:
    return bool(row[0] == "article")


def _is_error(row: Row) -> bool:
    return bool(row[0] == "error")


def _keyed(row: Row) -> tuple[str, tuple[Order, str, str]]:
    return row[1], (row[2], row[3], row[4])


def _later(a: tuple[Order, str, str], b: tuple[Order, str, str]) -> tuple[Order, str, str]:
    return a if a[0] >= b[0] else b


def _record(value: tuple[Order, str, str]) -> str:
    return value[2]


def _error_pair(row: Row) -> tuple[str, str]:
    return row[1], row[2]


def _summarize(rows: Iterable[Row]) -> Iterator[tuple[int, list[tuple[str, str]]]]:
    count = 0
    errors: list[tuple[str, str]] = []
    for row in rows:
        count += 1
        if row[0] == "error":
            errors.append((row[1], row[2]))
    yield count, errors


def _upsert_partition(values: Iterable[tuple[Order, str, str]], db: str) -> Iterator[IngestReport]:
    """Upsert a partition's articles from the executor (PostgreSQL serializes concurrent writers); what
    was written, so the driver can group those days' stories."""
    from dateline.store import open_store

    store = open_store(db)
    try:
        yield _upsert_all(store, ((digest, record) for _, digest, record in values))
    finally:
        store.close()


def _upsert_all(store: Store, records: Iterable[tuple[str, str]]) -> IngestReport:
    from dateline.pipeline import IngestReport

    report = IngestReport()
    for digest, record in records:
        article = Article.from_dict(json.loads(record))
        outcome = store.upsert(article, digest)
        setattr(report, outcome, getattr(report, outcome) + 1)
        if outcome != "unchanged":
            report.wrote(article)
    return report


# -- the job (driver) -------------------------------------------------------------------------------


def spark_schema(schema: Any) -> StructType:
    """The Spark form of a pyarrow schema (export.parquet_schema), so both writers give the same columns."""
    from pyspark.sql.types import StructField, StructType

    return StructType([StructField(f.name, _spark_type(f.type), nullable=True) for f in schema])


def _spark_type(arrow: Any) -> DataType:
    import pyarrow as pa
    from pyspark.sql import types as st

    if pa.types.is_string(arrow) or pa.types.is_large_string(arrow):
        return st.StringType()
    if pa.types.is_int64(arrow):
        return st.LongType()
    if pa.types.is_float64(arrow):
        return st.DoubleType()
    if pa.types.is_list(arrow):
        return st.ArrayType(_spark_type(arrow.value_type), containsNull=True)
    if pa.types.is_struct(arrow):
        return st.StructType([st.StructField(f.name, _spark_type(f.type), nullable=True) for f in arrow])
    raise TypeError(f"no Spark type for Arrow type {arrow}")


def _is_local(master: str | None) -> bool:
    return master is None or master.startswith("local")


def _session(master: str | None) -> tuple[SparkSession, bool]:
    """The active session (a test's, or spark-submit's), else a new one; True when we made it."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise DatelineError("dateline batch needs PySpark: pip install 'dateline[spark]'") from None
    active = SparkSession.getActiveSession()
    if active is not None:
        return active, False
    if master is not None and master.startswith("local") and not _java_available():
        raise DatelineError("Spark needs Java 17 or newer: install a JRE (java on PATH or JAVA_HOME set)")
    builder = SparkSession.builder.appName("dateline batch")
    if master is not None:
        builder = builder.master(master)
    if _is_local(master):
        # one machine: the workers run dateline in the driver's interpreter (same venv, same spaCy
        # model); PySpark reads only the environment variable for this, not the spark.pyspark.python
        # setting. No web UI to serve, few shuffle partitions, a small driver heap.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        builder = (
            builder.config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.driver.memory", "1g")
        )
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark, True


def _java_available() -> bool:
    home = os.environ.get("JAVA_HOME")
    return bool(shutil.which("java")) or bool(home and Path(home, "bin", "java").exists())


def _join(base: str, name: str) -> str:
    return base.rstrip("/") + "/" + name if "://" in base else str(Path(base).resolve() / name)


def run_batch(
    inputs: list[str],
    master: str | None = "local[2]",
    out: str | None = None,
    db: str | None = None,
    partitions: int | None = None,
    components: Sequence[str] | None = None,
) -> BatchReport:
    """Run the pipeline over ``inputs`` (files, folders; WARC, HTML, PDF, text dumps) on Spark.

    ``master`` None leaves it to spark-submit. ``partitions`` is the number of Spark partitions (default:
    one per task, at most four per core). ``components`` as in enrich (None: all).
    """
    if out is None and db is None:
        raise DatelineError("nowhere to write: give an output folder (out) or an archive (db), or both")
    urls = [item for item in inputs if item.startswith(("http://", "https://"))]
    if urls:
        # executors read files; fetching politely (robots.txt, per-host delays) is ingest's job
        raise DatelineError(f"batch reads files and folders, not URLs ({urls[0]}): fetch them with dateline ingest")
    started = time.monotonic()
    spark, owned = _session(master)
    try:
        return _run(spark, inputs, out, db, partitions, components, started)
    finally:
        if owned:
            spark.stop()


def _run(
    spark: SparkSession,
    inputs: list[str],
    out: str | None,
    db: str | None,
    partitions: int | None,
    components: Sequence[str] | None,
    started: float,
) -> BatchReport:
    from pyspark import StorageLevel

    from dateline.export import parquet_schema

    context = spark.sparkContext
    cores = max(1, context.defaultParallelism)
    tasks = plan_tasks(inputs, max(partitions or 0, 2 * cores))
    slices = partitions or max(1, min(len(tasks), 4 * cores))
    planned = context.parallelize(tasks, max(1, min(slices, len(tasks) or 1)))
    # persisted: the articles and the errors are two views of one pass; without it Spark would
    # extract and enrich everything twice
    rows = planned.mapPartitions(partial(process_partition, components=components)).persist(
        StorageLevel.MEMORY_AND_DISK
    )
    articles = rows.filter(_is_article).map(_keyed).reduceByKey(_later, slices).values()
    articles = articles.persist(StorageLevel.MEMORY_AND_DISK)
    errors = rows.filter(_is_error).map(_error_pair)
    try:
        # one pass over the persisted rows gives the document count and every failure, in input order
        summary = rows.mapPartitions(_summarize).collect()
        failures = [DocumentError(origin, reason) for _, found in summary for origin, reason in found]
        report = BatchReport(
            articles=articles.count(),
            documents=sum(count for count, _ in summary),
            failures=failures,
            tasks=len(tasks),
        )
        if out is not None:
            frame = (
                spark.read.schema(spark_schema(parquet_schema()))
                .option("mode", "FAILFAST")  # a record Spark cannot read must stop the job, not vanish
                .json(articles.map(_record))
            )
            assert tuple(frame.columns) == JSON_FIELDS
            frame.write.mode("overwrite").parquet(_join(out, "articles"))
            spark.createDataFrame(errors, "origin string, reason string").write.mode("overwrite").parquet(
                _join(out, "errors")
            )
        if db is not None:
            report.ungrouped = _write_store(db, articles, failures)
    finally:
        articles.unpersist()
        rows.unpersist()
    report.seconds = time.monotonic() - started
    return report


def _write_store(db: str, articles: Any, failures: list[DocumentError]) -> int:
    """Store the articles and failures, then group the stories of the days written (as ``ingest``
    does); returns how many written articles were left ungrouped."""
    from dateline.pipeline import IngestReport
    from dateline.store import open_store
    from dateline.story_archive import group_written_stories

    store = open_store(db)  # on the driver first: creates or migrates the schema once
    try:
        if db.startswith(("postgresql://", "postgres://")):
            written = IngestReport()
            for part in articles.mapPartitions(partial(_upsert_partition, db=db)).collect():
                written.add(part)
        else:
            # SQLite takes one writer: the driver streams the articles in, one partition at a time
            written = _upsert_all(store, ((digest, record) for _, digest, record in articles.toLocalIterator()))
        for failure in failures:
            store.record_failure(failure.origin, failure.reason)
        return group_written_stories(store, written) if written.new or written.updated else 0
    finally:
        store.close()


def main(argv: list[str] | None = None) -> int:
    """``spark-submit dateline/spark.py INPUT... --out DIR [--db URL] [--partitions N]``."""
    import argparse

    parser = argparse.ArgumentParser(prog="dateline-spark", description="Run the dateline pipeline on Spark.")
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--master", default=None, help="default: what spark-submit was given")
    parser.add_argument("--out")
    parser.add_argument("--db")
    parser.add_argument("--partitions", type=int)
    args = parser.parse_args(argv)
    report = run_batch(args.inputs, args.master, args.out, args.db, args.partitions)
    for failure in report.failures:
        print(f"error: {failure}", file=sys.stderr)
    print(
        f"{report.documents} documents -> {report.articles} articles, {len(report.failures)} failed, "
        f"{report.tasks} tasks, {report.seconds:.1f} s",
        file=sys.stderr,
    )
    return 1 if report.failures else 0


if __name__ == "__main__":
    # run as a script (spark-submit): call the imported module's main, so the functions Spark ships to
    # executors are pickled as references to dateline.spark, not as copies of this __main__
    from dateline.spark import main as module_main

    sys.exit(module_main())

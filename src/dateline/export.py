"""Articles out of the archive: JSON Lines (the full record), CSV (one flat row each), Parquet (nested)."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any

from dateline.record import JSON_FIELDS, Article
from dateline.store.base import batches

#: one column per JSON field, in the JSON order
CSV_COLUMNS = JSON_FIELDS
_COUNTED = {"links", "quotes", "times", "entities", "places", "quantities"}


def write_jsonl(articles: Iterable[Article], out: IO[str]) -> int:
    count = 0
    for article in articles:
        out.write(article.to_json() + "\n")
        count += 1
    return count


def write_csv(articles: Iterable[Article], out: IO[str]) -> int:
    """Annotation lists become counts; authors and warnings are joined with "; "."""
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    count = 0
    for article in articles:
        data = article.to_dict()
        writer.writerow([_csv_cell(column, data[column]) for column in CSV_COLUMNS])
        count += 1
    return count


def _csv_cell(column: str, value: Any) -> Any:
    if column in _COUNTED:
        return len(value)
    if isinstance(value, list):
        return "; ".join(value)
    return "" if value is None else value


def parquet_schema() -> Any:
    import pyarrow as pa

    span = pa.list_(pa.int64())
    speaker = pa.struct(
        [("name", pa.string()), ("start", pa.int64()), ("end", pa.int64()), ("entity", pa.string())]
    )
    return pa.schema(
        [
            ("id", pa.string()), ("origin", pa.string()), ("url", pa.string()), ("title", pa.string()),
            ("published", pa.string()), ("authors", pa.list_(pa.string())), ("outlet", pa.string()),
            ("language", pa.string()), ("caption", pa.string()), ("credit", pa.string()), ("text", pa.string()),
            ("links", pa.list_(pa.struct([("url", pa.string()), ("text", pa.string()), ("rel", pa.string())]))),
            ("quotes", pa.list_(pa.struct([
                ("start", pa.int64()), ("end", pa.int64()), ("spans", pa.list_(span)), ("text", pa.string()),
                ("kind", pa.string()), ("cue_start", pa.int64()), ("cue_end", pa.int64()), ("speaker", speaker),
            ]))),
            ("times", pa.list_(pa.struct([
                ("start", pa.int64()), ("end", pa.int64()), ("text", pa.string()), ("type", pa.string()),
                ("value", pa.string()), ("mod", pa.string()),
            ]))),
            ("entities", pa.list_(pa.struct([
                ("id", pa.string()), ("name", pa.string()), ("type", pa.string()), ("mentions", pa.list_(span)),
            ]))),
            ("places", pa.list_(pa.struct([
                ("start", pa.int64()), ("end", pa.int64()), ("name", pa.string()), ("geonameid", pa.int64()),
                ("lat", pa.float64()), ("lon", pa.float64()), ("country", pa.string()), ("admin1", pa.string()),
            ]))),
            ("quantities", pa.list_(pa.struct([
                ("start", pa.int64()), ("end", pa.int64()), ("value", pa.float64()), ("counts", pa.string()),
                ("qualifier", pa.string()),
            ]))),
            ("warnings", pa.list_(pa.string())),
        ]
    )  # fmt: skip


def write_parquet(articles: Iterable[Article], path: str | Path, batch_size: int = 1000) -> int:
    """One row per article with nested annotations, written in batches so memory stays flat."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    assert tuple(schema.names) == JSON_FIELDS
    count = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        for batch in batches(articles, batch_size):
            rows = [article.to_dict() for article in batch]
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            count += len(rows)
    return count




FORMATS: dict[str, Callable[..., int]] = {"jsonl": write_jsonl, "csv": write_csv, "parquet": write_parquet}

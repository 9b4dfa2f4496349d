"""Crash safety: SIGKILL `dateline ingest` at random points, check the archive, finish the batch.

`make test` runs a short version (3 kills); `make reliability` runs DATELINE_KILLS=20 on a bigger batch
and prints the figures.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

KILLS = int(os.environ.get("DATELINE_KILLS", "3"))
DOCUMENTS = int(os.environ.get("DATELINE_KILL_DOCUMENTS", "60"))

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Council vote number {n}</title>
<meta property="og:url" content="https://ledger.example/2025/04/{day:02d}/council-vote-{n}">
<meta property="article:published_time" content="2025-04-{day:02d}"></head><body><article>
<h1>Council vote number {n}</h1>
<p>The town council of district {n} voted on Tuesday to spend {money} thousand euros on new cycle lanes, after a
year of complaints from parents about traffic outside the schools in the district.</p>
<p>Councillor number {n} said the lanes would be finished before the autumn term, and that the works would close
one street at a time so that buses could keep running through the district.</p>
<p>Residents will be able to comment on the plans at a public meeting next month, the council said.</p>
</article></body></html>"""


def make_batch(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        page = PAGE.format(n=n, day=n % 28 + 1, money=100 + n)
        (folder / f"vote-{n:04d}.html").write_text(page, encoding="utf-8")


def check_consistent(db_path: Path) -> int:
    """Integrity of the file, the FTS index in step with the articles, no orphans; returns the article count."""
    db = sqlite3.connect(db_path)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
        articles = db.execute("SELECT count(*) FROM articles").fetchone()[0]
        for table in ("quotes", "times", "entities", "places", "quantities", "links"):
            orphans = db.execute(
                f"SELECT count(*) FROM {table} WHERE article_id NOT IN (SELECT id FROM articles)"
            ).fetchone()[0]
            assert orphans == 0, f"{orphans} orphan rows in {table}"
        assert db.execute("SELECT count(DISTINCT url) FROM articles").fetchone()[0] == articles
        return int(articles)
    finally:
        db.close()


def kill_mid_batch(command: list[str], stored: Callable[[], int], target: int) -> None:
    """Start the ingest and SIGKILL it once ``target`` articles are stored, whatever the machine's speed:
    the kill then lands while a later article is being read, extracted or written."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while process.poll() is None and time.monotonic() < deadline:
        try:
            if stored() >= target:
                break
        except Exception:  # the archive may not exist yet, or its schema is being created
            pass
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait()


def sqlite_count(path: Path) -> Callable[[], int]:
    def count() -> int:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1)
        try:
            return int(db.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            db.close()

    return count


def test_killed_ingest_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    batch, db = tmp_path / "batch", tmp_path / "archive.db"
    make_batch(batch, DOCUMENTS)
    command = [sys.executable, "-m", "dateline", "ingest", str(batch), "--db", str(db), "-q", "--no-enrich"]
    rng = random.Random(int(os.environ.get("DATELINE_KILL_SEED", "5")))
    counts: list[int] = []
    for target in sorted(rng.sample(range(1, DOCUMENTS), KILLS)):  # kill points spread over the batch
        kill_mid_batch(command, sqlite_count(db), target)
        if db.exists():
            counts.append(check_consistent(db))
    finished = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert finished.returncode == 0, finished.stderr
    assert check_consistent(db) == DOCUMENTS
    print(f"\n{KILLS} kills; articles stored at each kill: {counts}; after the re-run: {DOCUMENTS} of {DOCUMENTS}")


def check_consistent_postgres(url: str) -> int:
    import psycopg

    with psycopg.connect(url) as db:
        articles = db.execute("SELECT count(*) FROM articles").fetchone()[0]  # type: ignore[index]
        for table in ("quotes", "times", "entities", "places", "quantities", "links"):
            orphans = db.execute(
                f"SELECT count(*) FROM {table} WHERE article_id NOT IN (SELECT id FROM articles)"
            ).fetchone()[0]  # type: ignore[index]
            assert orphans == 0, f"{orphans} orphan rows in {table}"
        assert db.execute("SELECT count(DISTINCT url) FROM articles").fetchone()[0] == articles  # type: ignore[index]
        # every article is findable: the search columns were written with it
        searchable = db.execute("SELECT count(*) FROM articles WHERE search IS NOT NULL").fetchone()
        assert searchable is not None and searchable[0] == articles
        return int(articles)


def test_killed_ingest_into_postgresql_loses_and_duplicates_nothing(tmp_path: Path, postgres_url: str) -> None:
    import psycopg

    count = min(DOCUMENTS, 60)
    batch = tmp_path / "batch"
    make_batch(batch, count)
    command = [sys.executable, "-m", "dateline", "ingest", str(batch), "--db", postgres_url, "-q", "--no-enrich"]
    rng = random.Random(7)
    counts: list[int] = []

    def stored() -> int:
        with psycopg.connect(postgres_url, connect_timeout=2) as db:
            row = db.execute("SELECT count(*) FROM articles").fetchone()
            return int(row[0]) if row else 0

    for target in sorted(rng.sample(range(1, count), min(KILLS, count - 1))):
        kill_mid_batch(command, stored, target)
        with contextlib.suppress(psycopg.errors.UndefinedTable):  # killed before the schema existed
            counts.append(check_consistent_postgres(postgres_url))
    finished = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert finished.returncode == 0, finished.stderr
    assert check_consistent_postgres(postgres_url) == count
    print(f"\nPostgreSQL: {KILLS} kills; stored at each kill: {counts}; after the re-run: {count} of {count}")

"""Load on loopback while an ingest writes: concurrent clients on search and article pages, zero errors.

`make test` runs 8 clients for 5 s; `make reliability` runs DATELINE_LOAD_CLIENTS=50 for 60 s and prints p99.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

from tests.test_browser import free_port
from tests.test_reliability import make_batch

CLIENTS = int(os.environ.get("DATELINE_LOAD_CLIENTS", "8"))
SECONDS = float(os.environ.get("DATELINE_LOAD_SECONDS", "5"))


def test_pages_and_search_under_load_while_ingesting(tmp_path: Path) -> None:
    db = tmp_path / "load.db"
    run = [sys.executable, "-m", "dateline"]
    make_batch(tmp_path / "first", 30)
    subprocess.run([*run, "ingest", str(tmp_path / "first"), "--db", str(db), "-q", "--no-enrich"], check=True)
    make_batch(tmp_path / "second", 300)  # the same template: ingest updates and adds while clients read
    port = free_port()
    server = subprocess.Popen([*run, "serve", "--db", str(db), "--port", str(port)], stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                ids = [hit["id"] for hit in httpx.get(f"{base}/api/articles?limit=30").json()["items"]]
                break
            except httpx.HTTPError:
                time.sleep(0.2)
        writer = subprocess.Popen(
            [*run, "ingest", str(tmp_path / "second"), "--db", str(db), "-q", "--no-enrich"],
            stderr=subprocess.DEVNULL,
        )
        paths = ["/api/search?q=council", "/?q=cycle+lanes", "/api/search?q=district+-nothing&facets=true"]
        paths += [f"/articles/{article_id}" for article_id in ids[:10]]
        latencies: list[float] = []
        errors: list[str] = []
        stop = time.monotonic() + SECONDS

        def client(number: int) -> None:
            with httpx.Client(base_url=base, timeout=30) as session:
                turn = number
                while time.monotonic() < stop:
                    path = paths[turn % len(paths)]
                    turn += 1
                    started = time.perf_counter()
                    try:
                        status = session.get(path).status_code
                    except httpx.HTTPError as error:
                        errors.append(f"{path}: {error}")
                        continue
                    latencies.append((time.perf_counter() - started) * 1000)
                    if status != 200:
                        errors.append(f"{path}: HTTP {status}")

        threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert writer.wait(timeout=300) == 0
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert errors == []
    p99 = statistics.quantiles(latencies, n=100)[98]
    print(f"\n{CLIENTS} clients, {SECONDS:g} s, {len(latencies)} requests, 0 errors, p99 {p99:.0f} ms (ingesting)")

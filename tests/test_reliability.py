"""Crash safety: SIGKILL `dateline ingest` and `dateline watch` at random points, check the archive, finish.

`make test` runs a short version (3 kills each); `make reliability` runs DATELINE_KILLS=20 on a bigger
batch and DATELINE_WATCH_KILLS=20 on the watcher, and prints the figures.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from dateline.store import open_store

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


# -- the watcher: SIGKILL `dateline watch` while it polls a local news site -----------------------------

WATCH_KILLS = int(os.environ.get("DATELINE_WATCH_KILLS", "3"))


@dataclass(frozen=True)
class FeedVersion:
    """What one feed said at one time: its validators and the entries it listed."""

    etag: str | None
    last_modified: str
    entries: tuple[str, ...]


class NewsSite:
    """A local site with an RSS feed (ETag and Last-Modified) and a sitemap (Last-Modified only) that
    grow while the watcher runs, article pages, and a hook that SIGKILLs the watcher on a chosen request.

    Every version of each feed is kept, so a validator saved by the watcher can be traced to the
    entries the watcher was told about when it saved it."""

    FEEDS = ("/feed.xml", "/sitemap.xml")

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.numbers = itertools.count()
        self.entries: dict[str, list[str]] = {feed: [] for feed in self.FEEDS}
        self.versions: dict[str, list[FeedVersion]] = {feed: [] for feed in self.FEEDS}
        self.article_requests: Counter[str] = Counter()
        self.feed_answers: list[tuple[str, int]] = []
        self.requests = 0  # by the current watcher process
        self.article_requests_now = 0  # by the current watcher process
        self.watcher: subprocess.Popen[bytes] | None = None
        self.kill_on: tuple[int, bool] | None = None  # (request number, before replying)
        self.killed = threading.Event()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                site.serve(self)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.handle_error = lambda *args: None  # type: ignore[method-assign]  # the watcher died mid-reply
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def publish(self, feed: str, count: int = 1) -> None:
        with self.lock:
            for _ in range(count):
                self.entries[feed].append(f"{self.base}/a/{next(self.numbers)}.html")
            number = sum(len(v) for v in self.versions.values()) + 1
            # distinct, increasing HTTP dates: a real site's one-second granularity is not what is tested
            stamp = formatdate(1_735_689_600 + 60 * number, usegmt=True)
            etag = f'"v{number}"' if feed == "/feed.xml" else None
            self.versions[feed].append(FeedVersion(etag, stamp, tuple(self.entries[feed])))

    def all_entries(self) -> set[str]:
        with self.lock:
            return {entry for entries in self.entries.values() for entry in entries}

    def arm(self, watcher: subprocess.Popen[bytes] | None, kill_on: tuple[int, bool] | None) -> None:
        with self.lock:
            self.watcher, self.kill_on, self.requests, self.article_requests_now = watcher, kill_on, 0, 0
            self.killed.clear()

    def kill(self) -> None:
        if self.watcher is not None and not self.killed.is_set():
            self.killed.set()
            self.watcher.send_signal(signal.SIGKILL)

    def serve(self, handler: BaseHTTPRequestHandler) -> None:
        with self.lock:
            self.requests += 1
            trigger = self.kill_on is not None and self.requests == self.kill_on[0]
            before = trigger and self.kill_on is not None and self.kill_on[1]
        if before:
            self.kill()
            return
        self.answer(handler)
        if trigger:
            self.kill()

    def answer(self, handler: BaseHTTPRequestHandler) -> None:
        path = handler.path
        if path in self.FEEDS:
            with self.lock:
                version = self.versions[path][-1]
            status = 304 if self.not_modified(handler, version) else 200
            with self.lock:
                self.feed_answers.append((path, status))
            headers = {"Last-Modified": version.last_modified}
            if version.etag:
                headers["ETag"] = version.etag
            if status == 304:
                self.reply(handler, 304, b"", headers)
            elif path == "/feed.xml":
                items = "".join(f"<item><title>{e}</title><link>{e}</link></item>" for e in reversed(version.entries))
                rss = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Ledger</title>{items}</channel></rss>'
                self.reply(handler, 200, rss.encode(), {"Content-Type": "application/rss+xml", **headers})
            else:
                urls = "".join(f"<url><loc>{e}</loc></url>" for e in version.entries)
                sitemap = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
                self.reply(handler, 200, sitemap.encode(), {"Content-Type": "application/xml", **headers})
        elif path.startswith("/a/") and f"{self.base}{path}" in self.all_entries():
            with self.lock:
                self.article_requests[path] += 1
                self.article_requests_now += 1
            n = int(path[3:].split(".")[0])
            page = PAGE.format(n=n, day=n % 28 + 1, money=100 + n)
            self.reply(handler, 200, page.encode(), {"Content-Type": "text/html; charset=utf-8"})
        else:
            self.reply(handler, 404, b"not here", {"Content-Type": "text/plain"})

    @staticmethod
    def not_modified(handler: BaseHTTPRequestHandler, version: FeedVersion) -> bool:
        # RFC 9110: If-None-Match decides when present; If-Modified-Since only without it
        if handler.headers.get("If-None-Match") is not None:
            return version.etag is not None and handler.headers["If-None-Match"] == version.etag
        since = handler.headers.get("If-Modified-Since")
        return since is not None and parsedate_to_datetime(since) >= parsedate_to_datetime(version.last_modified)

    @staticmethod
    def reply(handler: BaseHTTPRequestHandler, status: int, body: bytes, headers: dict[str, str]) -> None:
        handler.send_response(status)
        for name, value in headers.items():
            handler.send_header(name, value)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def stored_origins(db_path: Path) -> list[str]:
    """The origins (entry URLs) of the stored articles, one per stored document."""
    db = sqlite3.connect(db_path)
    try:
        rows = db.execute("SELECT d.origin FROM documents d JOIN articles a ON a.id = d.article_id").fetchall()
        return [row[0] for row in rows]
    finally:
        db.close()


def check_feed_state(db_path: Path, site: NewsSite) -> None:
    """A feed's saved validators name one version of it, and every entry that version listed is stored:
    otherwise the next poll is answered 304 and those entries are lost for good."""
    db = sqlite3.connect(db_path)
    try:
        rows = dict(db.execute("SELECT key, value FROM source_state").fetchall())
    finally:
        db.close()
    stored = set(stored_origins(db_path))
    for feed in site.FEEDS:
        saved = json.loads(rows.get(f"feed:{site.base}{feed}", "{}"))
        if not saved:
            continue
        with site.lock:
            versions = list(site.versions[feed])
        matching = [
            v for v in versions if v.last_modified == saved.get("last_modified") and v.etag == saved.get("etag")
        ]
        assert matching, f"{feed}: saved validators {saved} match no version the site served (mixed versions?)"
        missing = set(matching[0].entries) - stored
        assert not missing, f"{feed}: state saved as {saved} but {sorted(missing)} not stored: they are lost"


def wait_for_watcher(
    site: NewsSite, watcher: subprocess.Popen[bytes], rng: random.Random, mode: str, stored: Callable[[], int]
) -> None:
    """Let the watcher run until the kill lands: on the armed request (the server kills); at a random
    moment after its first article request ("timer"); or shortly after it has stored more ("stored"),
    whatever the machine's speed, so kills also land while later articles are enriched and written."""
    deadline = time.monotonic() + 120

    def running() -> bool:
        return not site.killed.is_set() and watcher.poll() is None and time.monotonic() < deadline

    if mode == "timer":
        while running() and not site.article_requests_now:
            time.sleep(0.01)
        time.sleep(rng.uniform(0, 3.0))
        site.kill()
    elif mode == "stored":
        target = count_or_zero(stored) + rng.randint(1, 3)
        while running() and count_or_zero(stored) < target:
            time.sleep(0.01)
        time.sleep(rng.uniform(0, 0.3))
        site.kill()
    while running():
        time.sleep(0.01)
    site.kill()  # the armed request never came in time: kill now
    watcher.wait(timeout=60)


def count_or_zero(stored: Callable[[], int]) -> int:
    try:
        return stored()
    except sqlite3.Error:  # the archive may not exist yet, or its schema is being created
        return 0


def test_killed_watch_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    site = NewsSite()
    db = tmp_path / "watch.db"
    rng = random.Random(int(os.environ.get("DATELINE_KILL_SEED", "5")))
    command = [
        sys.executable, "-m", "dateline", "watch", f"{site.base}/feed.xml", f"{site.base}/sitemap.xml",
        "--every", "0.3s", "--delay", "0", "--allow-private", "--db", str(db),
    ]  # fmt: skip
    for feed in site.FEEDS:
        site.publish(feed, 2)
    publishing = threading.Event()
    publishing.set()

    def publisher() -> None:  # the site keeps publishing while the watcher polls, is killed and restarts
        feeds = random.Random(rng.random())
        # a few entries per watcher life: enough to be mid-feed at many kills, few enough that a slow
        # machine's enrichment keeps up
        for _ in range(4 * WATCH_KILLS + 4):
            time.sleep(feeds.uniform(0.5, 3.0))
            if not publishing.is_set():
                return
            site.publish(feeds.choice(site.FEEDS))

    thread = threading.Thread(target=publisher, daemon=True)
    thread.start()
    started = time.monotonic()
    modes: Counter[str] = Counter()
    counts: list[int] = []
    try:
        for life in range(WATCH_KILLS):
            mode = rng.choice(["before reply", "after reply", "timer", "stored"])
            modes[mode] += 1
            log = tmp_path / f"watch-{life}.log"
            with log.open("wb") as stderr:
                watcher = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=stderr)
            # robots.txt, two feeds and the articles in flight: the kill lands on any of them
            armed = mode.endswith("reply")
            site.arm(watcher, (rng.randint(1, 8), mode == "before reply") if armed else None)
            wait_for_watcher(site, watcher, rng, mode, sqlite_count(db))
            # it must have died of the kill, not of something it met (a crash would end a real watcher)
            assert watcher.returncode == -signal.SIGKILL, log.read_text(errors="replace")[-3000:]
            if db.exists():
                counts.append(check_consistent(db))
                check_feed_state(db, site)
        publishing.clear()
        thread.join()
        site.arm(None, None)  # nothing to kill from here on
        site.feed_answers.clear()
        final = subprocess.run([*command, "--rounds", "2"], capture_output=True, text=True, timeout=600)
        assert final.returncode == 0, final.stderr
        assert "poll 2: 0 new, 0 updated, 0 failed" in final.stderr, final.stderr
        # the second poll of the restarted watcher was answered 304 for both feeds: nothing refetched
        assert site.feed_answers[-2:] == [("/feed.xml", 304), ("/sitemap.xml", 304)], site.feed_answers
        origins = stored_origins(db)
        published = site.all_entries()
        assert len(origins) == len(set(origins)), "an entry stored twice"
        assert set(origins) == published, f"lost: {sorted(published - set(origins))}"
        assert check_consistent(db) == len(published)
        check_feed_state(db, site)
        db_state = sqlite3.connect(db)
        try:
            saved = json.loads(db_state.execute("SELECT value FROM source_state WHERE key = ?", (
                f"feed:{site.base}/feed.xml",)).fetchone()[0])  # fmt: skip
        finally:
            db_state.close()
        latest = site.versions["/feed.xml"][-1]
        assert saved == {"etag": latest.etag, "last_modified": latest.last_modified}
        fetches = sum(site.article_requests.values())
        refetched = fetches - len(site.article_requests)
        # a kill costs at most the one article between its fetch and its commit
        assert refetched <= WATCH_KILLS, f"{refetched} articles fetched again after {WATCH_KILLS} kills"
    finally:
        publishing.clear()
        site.close()
    print(
        f"\nwatch: {WATCH_KILLS} kills ({dict(modes)}) over {time.monotonic() - started:.0f} s; "
        f"articles stored at each kill: {counts}; published {len(published)}, stored {len(origins)}, "
        f"none twice, none lost; article fetches {fetches} ({refetched} refetched after a kill); "
        "feed validators consistent after every kill"
    )


def test_feed_state_check_catches_validators_saved_before_their_entries(tmp_path: Path) -> None:
    # the kill test is only as good as this check: it must fail on the bugs it is there to catch

    site = NewsSite()
    try:
        site.publish("/feed.xml", 2)
        site.publish("/feed.xml", 1)
        first, latest = site.versions["/feed.xml"]
        store = open_store(str(tmp_path / "early.db"))
        key = f"feed:{site.base}/feed.xml"
        store.set_state(key, json.dumps({"etag": latest.etag, "last_modified": latest.last_modified}))
        store.close()
        with pytest.raises(AssertionError, match="lost"):  # saved, but no entry stored
            check_feed_state(tmp_path / "early.db", site)
        store = open_store(str(tmp_path / "early.db"))
        store.set_state(key, json.dumps({"etag": first.etag, "last_modified": latest.last_modified}))
        store.close()
        with pytest.raises(AssertionError, match="no version"):  # validators of two different versions
            check_feed_state(tmp_path / "early.db", site)
    finally:
        site.close()

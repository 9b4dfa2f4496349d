from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# CI machines are slow and shared: a property test fails on a wrong answer, never on a slow example
settings.register_profile("dateline", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("dateline")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_7cf8419b6963604b.txt"


@pytest.fixture
def examples() -> Path:
    return EXAMPLES


# -- a real PostgreSQL server for the archive tests -----------------------------------------------------

#: CI sets this: without PostgreSQL the PostgreSQL tests fail instead of quietly skipping
REQUIRE_POSTGRES = os.environ.get("DATELINE_REQUIRE_POSTGRES") == "1"


def _postgres_bin() -> Path | None:
    """The folder holding initdb and pg_ctl: on PATH, or where Debian/Ubuntu put them (newest first)."""
    on_path = shutil.which("initdb")
    if on_path and shutil.which("pg_ctl"):
        return Path(on_path).parent
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]) if p.split("/")[-2].isdigit() else 0
    )
    for folder in reversed(candidates):
        if (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class PostgresServer:
    """A throwaway cluster in a temp folder, listening on a free loopback port; trust auth, no fsync."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        # as root the server runs as another user, who must be able to reach the folder: /tmp, not $TMPDIR
        self.root = Path(tempfile.mkdtemp(prefix="dateline-pg-", dir="/tmp" if os.geteuid() == 0 else None))
        self.data = self.root / "data"
        self.port = _free_port()
        self.user = "postgres"
        self.database = "dateline_test"
        # initdb and postgres refuse to run as root: run them as the postgres OS user, who owns the folder
        self.run_as: list[str] = []
        if os.geteuid() == 0:
            try:
                account = pwd.getpwnam("postgres")
            except KeyError:
                raise RuntimeError("running as root and there is no 'postgres' OS user to run PostgreSQL") from None
            os.chown(self.root, account.pw_uid, account.pw_gid)
            self.run_as = ["runuser", "-u", "postgres", "--"]

    def _run(self, *command: str) -> None:
        # cwd: the postgres user may not be allowed into the directory pytest runs in
        result = subprocess.run([*self.run_as, *command], cwd=self.root, capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            log = self.root / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{' '.join(command)} failed:\n{result.stdout}{result.stderr}{tail}")

    def start(self) -> None:
        # the C locale is the hardest case for the archive (the database lowercases ASCII only), so the
        # tests run in it
        self._run(
            str(self.bin_dir / "initdb"), "-D", str(self.data), "-U", self.user, "-A", "trust",
            "-E", "UTF8", "--no-locale", "--no-sync",
        )  # fmt: skip
        # durability is not what these tests check; without fsync every schema reset and write is faster
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=50"
        )
        self._run(
            str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "server.log"),
            "-o", options, "-w", "-t", "60", "start",
        )  # fmt: skip

    def stop(self) -> None:
        try:
            self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{database}"

    def fresh_database(self) -> str:
        """The URL of the test database, emptied: every test starts from nothing.

        Emptying one database (drop its schema) takes milliseconds; creating a database per test takes
        a large part of a second.
        """
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as admin:
            if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (self.database,)).fetchone():
                admin.execute(f"CREATE DATABASE {self.database}")
            # a connection an earlier test left open must not block (or survive) the reset
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                (self.database,),
            )
        with psycopg.connect(self.url(self.database), autocommit=True) as db:
            # the archive's tables, text search configuration and extensions all live in schema public
            db.execute("DROP SCHEMA public CASCADE")
            db.execute("CREATE SCHEMA public")
        return self.url(self.database)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    bin_dir = _postgres_bin()
    if bin_dir is None:
        message = (
            "PostgreSQL server binaries (initdb, pg_ctl) not found on PATH or in /usr/lib/postgresql/*/bin; "
            "install them (apt-get install postgresql)"
        )
        if REQUIRE_POSTGRES:
            pytest.fail(f"DATELINE_REQUIRE_POSTGRES=1 but {message}", pytrace=False)
        pytest.skip(message)
    server = PostgresServer(bin_dir)
    try:
        server.start()
    except BaseException:
        with contextlib.suppress(RuntimeError):  # the start error is the one to report
            server.stop()
        raise
    yield server
    server.stop()


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> str:
    """The URL of an empty database on the test server."""
    return postgres_server.fresh_database()

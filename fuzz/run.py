"""Run the fuzzing targets of fuzz/targets.py under atheris (coverage-guided, libFuzzer), one process each.

    python -m fuzz.run                      # every target, 100,000 inputs each (what `make fuzz` runs)
    python -m fuzz.run --runs 2000 query    # some targets, fewer inputs
    python -m fuzz.run --reproduce query CRASH-FILE

A broken contract does not stop a run: the input is saved (with its traceback) under the work folder
and counted, and fuzzing goes on, so one run reports every crash it meets. A process that dies anyway
(a segfault in native code, an input running past --timeout) is reported as a crash too. Prints per
target: inputs run, crashing inputs, distinct crash sites, inputs slower than one second, seconds.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SLOW_SECONDS = 1.0

#: what atheris instruments for coverage: dateline's own code (the libraries it calls run uninstrumented)
_INSTRUMENTED = [
    "dateline.extract", "dateline.extract.decode", "dateline.extract.html", "dateline.extract.html_dates",
    "dateline.extract.html_furniture", "dateline.extract.html_authors", "dateline.extract.textdump",
    "dateline.extract.textdump_headline", "dateline.extract.textdump_tidy", "dateline.extract.textdump_furniture",
    "dateline.extract.textdump_region",
    "dateline.extract.pdf", "dateline.sources.warc", "dateline.sources.feeds", "dateline.sources.http",
    "dateline.enrich.timex", "dateline.enrich.timex_recognition", "dateline.enrich.timex_tense",
    "dateline.enrich.timex_timeline", "dateline.enrich.timex_values", "dateline.enrich.timex_dates",
    "dateline.enrich.timex_periods", "dateline.enrich.timex_relative", "dateline.enrich.timex_durations",
    "dateline.enrich.timex_clock", "dateline.enrich.timex_sets", "dateline.enrich.timex_aspect",
    "dateline.enrich.timex_lexicon",
    "dateline.store.query", "dateline.record",
]  # fmt: skip


def _signature(error: BaseException) -> str:
    """Where a crash happened: the exception type and the innermost frame in dateline (else the last)."""
    frames = traceback.extract_tb(error.__traceback__)
    ours = [f for f in frames if "/dateline/" in f.filename] or frames
    where = f"{Path(ours[-1].filename).name}:{ours[-1].lineno}" if ours else "?"
    return f"{type(error).__name__} at {where}"


def _child(name: str, runs: int, work: Path, timeout: int) -> None:
    import atheris

    with atheris.instrument_imports(include=["dateline"]):
        import importlib

        for module in _INSTRUMENTED:
            importlib.import_module(module)
        from fuzz.targets import TARGETS
    spec = TARGETS[name]
    crashes, slow = work / "crashes", work / "slow"
    stats = work / "stats.json"
    count = 0

    def save(folder: Path, data: bytes, note: str) -> None:
        folder.mkdir(exist_ok=True)
        digest = hashlib.sha1(data).hexdigest()[:16]
        (folder / digest).write_bytes(data)
        (folder / f"{digest}.txt").write_text(note, encoding="utf-8")

    def one_input(data: bytes) -> None:
        nonlocal count
        count += 1
        started = time.perf_counter()
        try:
            spec.check(data)
        except Exception as error:  # a broken contract: keep the input and go on fuzzing
            save(crashes, data, _signature(error) + "\n\n" + traceback.format_exc())
        elapsed = time.perf_counter() - started
        if elapsed > SLOW_SECONDS:
            save(slow, data, f"{elapsed:.2f} s\n")
        if count % 250 == 0:  # libFuzzer ends the process without running exit handlers
            stats.write_text(json.dumps({"runs": count}))

    arguments = [
        sys.argv[0], f"-runs={runs}", f"-max_len={spec.max_len}", f"-timeout={timeout}", "-rss_limit_mb=4096",
        f"-artifact_prefix={work}/", "-print_final_stats=1", str(work / "corpus"),
    ]  # fmt: skip
    atheris.Setup(arguments, one_input)
    atheris.Fuzz()


@dataclass
class Result:
    target: str
    runs: int
    crashes: int
    sites: list[str]
    slow: int
    seconds: float
    died: str | None


def _run_target(name: str, runs: int, work: Path, timeout: int, environment: dict[str, str]) -> Result:
    from fuzz.targets import TARGETS

    shutil.rmtree(work / "crashes", ignore_errors=True)
    shutil.rmtree(work / "slow", ignore_errors=True)
    (work / "stats.json").unlink(missing_ok=True)
    corpus = work / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    for seed in TARGETS[name].seeds():
        (corpus / f"seed-{hashlib.sha1(seed).hexdigest()[:12]}").write_bytes(seed)
    command = [sys.executable, "-m", "fuzz.run", "--child", name, "--runs", str(runs), "--work", str(work)]
    command += ["--timeout", str(timeout)]
    started = time.monotonic()
    with (work / "libfuzzer.log").open("w") as log:
        process = subprocess.run(command, cwd=ROOT, env=environment, stdout=log, stderr=subprocess.STDOUT)
    seconds = time.monotonic() - started
    output = (work / "libfuzzer.log").read_text(errors="replace")
    done = re.search(r"^Done (\d+) runs", output, re.MULTILINE)
    counted = json.loads((work / "stats.json").read_text())["runs"] if (work / "stats.json").exists() else 0
    notes = sorted((work / "crashes").glob("*.txt")) if (work / "crashes").exists() else []
    sites = sorted({note.read_text(encoding="utf-8").splitlines()[0] for note in notes})
    died = None
    if process.returncode != 0 or not done:
        # libFuzzer saved the input that killed the process (crash-*, timeout-*, oom-*) under the work folder
        artifacts = sorted(p.name for p in work.glob("*-*") if p.name.startswith(("crash-", "timeout-", "oom-")))
        died = f"exit {process.returncode}; {', '.join(artifacts) or 'no artifact'}; see {work / 'libfuzzer.log'}"
    slow = len(list((work / "slow").glob("*.txt"))) if (work / "slow").exists() else 0
    runs = int(done.group(1)) if done else counted
    return Result(name, runs, len(notes) + (died is not None), sites, slow, seconds, died)


@contextlib.contextmanager
def _postgres(wanted: bool) -> Iterator[str | None]:
    """A throwaway PostgreSQL server for the tsquery check, when asked for and its binaries are there."""
    if not wanted:
        yield None
        return
    sys.path.insert(0, str(ROOT))
    from tests.conftest import PostgresServer, _postgres_bin

    folder = _postgres_bin()
    if folder is None:
        print("PostgreSQL binaries not found: the tsquery output is checked against the grammar only")
        yield None
        return
    server = PostgresServer(folder)
    server.start()
    try:
        yield server.url()
    finally:
        server.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("targets", nargs="*", help="targets to run (default: all)")
    parser.add_argument("--runs", type=int, default=100_000, help="inputs per target")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "dateline-fuzz")
    parser.add_argument("--timeout", type=int, default=60, help="seconds one input may take before it counts as a hang")
    parser.add_argument("--postgres", action="store_true", help="also run every tsquery on a throwaway PostgreSQL")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--reproduce", nargs=2, metavar=("TARGET", "FILE"), help="run one saved input, show the error")
    options = parser.parse_args(argv)
    if options.child:
        _child(options.child, options.runs, options.work, options.timeout)
        return 0
    from fuzz.targets import TARGETS

    if options.reproduce:
        target, file = options.reproduce
        TARGETS[target].check(Path(file).read_bytes())
        print("no error")
        return 0
    names = options.targets or list(TARGETS)
    unknown = [n for n in names if n not in TARGETS]
    if unknown:
        parser.error(f"unknown targets {unknown}; choose from {list(TARGETS)}")
    results = []
    print(f"| target | inputs run | crashes | crash sites | slow (>{SLOW_SECONDS:g} s) | seconds |")
    print("|---|---:|---:|---|---:|---:|")
    with _postgres(options.postgres) as url:
        environment = dict(os.environ, PYTHONPATH=str(ROOT))
        if url:
            environment["DATELINE_FUZZ_PG_URL"] = url
        for name in names:
            result = _run_target(name, options.runs, options.work / name, options.timeout, environment)
            results.append(result)
            sites = "; ".join(result.sites + ([f"process died: {result.died}"] if result.died else [])) or "-"
            print(f"| {name} | {result.runs:,} | {result.crashes} | {sites} | {result.slow} | {result.seconds:.0f} |")
            sys.stdout.flush()
    print(f"\ninputs and tracebacks of crashes and slow inputs: {options.work}/TARGET/crashes, .../slow")
    return 1 if any(r.crashes for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())

"""Spark in local mode beside DuckDB: the same screening query over the same works table.

    .venv/bin/python bench/spark.py [--density dense] [--size 100000] [--master local[2]] [--runs 5]

Needs the spark extra and Java (scripts/test installs both). The corpus and its snapshot come
from bench/run.py's own stages (generated once, cached under $TMPDIR/claimwatch-bench); the plan
is the one the evaluator makes for bench's five claims (bench/project/claims/bench.yaml), caught
from a DuckDB check. Then, in this one process, each engine runs the screening query `--runs`
times (the first run cold: Spark compiles the query and the JVM warms up) and fetches the
candidates' records; the screenings and the records must be the same, or this fails. Prints both
engines' times side by side (and the whole check per engine where the evaluator has a spark
engine); never a timed test.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import claimwatch  # noqa: E402
from claimwatch.columnar import WORKS_TABLE, screen, screening_query  # noqa: E402
from claimwatch.columnar._duckdb import fetch_records  # noqa: E402
from claimwatch.columnar._spark import (  # noqa: E402
    SPARK,
    SparkDialect,
    fetch_records_spark,
    screen_spark,
    spark_session,
)
from claimwatch.evaluate import _grouping  # noqa: E402
from claimwatch.reports.jsonreport import render_json  # noqa: E402
from run import CACHE, PROJECT, corpus_for, run_stage  # noqa: E402  (bench/run.py: its corpora and stages)


def snapshot_for(density: str, n: int) -> Path:
    """bench's snapshot of the corpus, with its works table: made by bench/run.py's import and
    table stages (each in a fresh process) unless this corpus's snapshot has one already."""
    corpus, _ = corpus_for(n, density)
    snapshot = CACHE / corpus.name.replace("corpus-", "spark-snapshot-").removesuffix(".jsonl.gz")
    manifest = snapshot / "manifest.json"
    if not (manifest.is_file() and WORKS_TABLE in json.loads(manifest.read_text(encoding="utf-8"))["files"]):
        print(f"bench: importing the {density} corpus of {n:,} works ...", file=sys.stderr, flush=True)
        run_stage("import", corpus, snapshot)
        if WORKS_TABLE not in json.loads(manifest.read_text(encoding="utf-8"))["files"]:
            run_stage("table", snapshot)
    return snapshot


def checked(snapshot: Path, engine: str) -> tuple[float, str, list[Any]]:
    """A whole check on `engine` (its seconds and JSON report), and the plans it screened with."""
    plans: list[Any] = []
    compile_query = _grouping.screening_query

    def caught(plan: Any, sources: Any, *args: Any, **kwargs: Any) -> str:
        plans.append(plan)
        return compile_query(plan, sources, *args, **kwargs)

    _grouping.screening_query = caught
    try:
        started = time.perf_counter()
        claims = claimwatch.load_claims([PROJECT / "claims/bench.yaml"], root=PROJECT)
        results = claimwatch.evaluate(claims, claimwatch.open_evidence_paths([snapshot]), engine=engine)
        report = render_json(results)
        return time.perf_counter() - started, report, plans
    finally:
        _grouping.screening_query = compile_query


class FlatPatterns(SparkDialect):
    """The Spark dialect without its prefix factoring: what the factoring saves."""

    def matches(self, column: str, pattern: str) -> str:
        return f"({column} RLIKE {self.string(pattern)})"


def timed(runs: int, work: Any) -> tuple[list[float], Any]:
    """Seconds of each of `runs` calls of `work`, and what the last one gave."""
    seconds, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = work()
        seconds.append(time.perf_counter() - started)
    return seconds, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--density", default="dense", choices=["sparse", "dense"])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--master", default=None, help="a Spark master URL (default: local[2])")
    parser.add_argument(
        "--runs", type=int, default=5, help="screening runs per engine, the first one cold (at least 2)"
    )
    args = parser.parse_args()
    if args.runs < 2:
        parser.error("--runs: at least 2 (the first run is cold, the others warm)")

    snapshot = snapshot_for(args.density, args.size)
    table = str(snapshot / WORKS_TABLE)
    duck_check, duck_report, plans = checked(snapshot, "duckdb")
    (plan,) = plans
    claims = len(plan.claims)

    duck_query = screening_query(plan, [table])
    duck_seconds, duck = timed(args.runs, lambda: screen(duck_query, 1, claims))
    ordinals = [ordinal for ordinal, _ in duck.candidates[0]]
    duck_fetch, duck_records = timed(1, lambda: list(fetch_records(table, ordinals)))

    started = time.perf_counter()
    session = spark_session(args.master)
    spark_start = time.perf_counter() - started
    spark_query = screening_query(plan, [table], SPARK)
    spark_seconds, on_spark = timed(args.runs, lambda: screen_spark(spark_query, 1, claims, session))
    spark_fetch, spark_records = timed(1, lambda: list(fetch_records_spark(table, ordinals, session)))
    flat_query = screening_query(plan, [table], FlatPatterns())
    flat_seconds, flat = timed(2, lambda: screen_spark(flat_query, 1, claims, session))

    if on_spark != duck or flat != duck or spark_records != duck_records:
        raise SystemExit("bench: Spark's screening or records differ from DuckDB's")
    spark_check = "the evaluator has no spark engine yet"
    if "spark" in _grouping.ENGINES:
        seconds, spark_report, _ = checked(snapshot, "spark")
        if spark_report != duck_report:
            raise SystemExit("bench: the spark engine's report differs from the duckdb engine's")
        spark_check = f"{seconds:.1f} s"
    version = session.version
    session.stop()

    master = args.master or "local[2]"
    rows = [
        ("session start-up", "-", f"{spark_start:.1f} s"),
        ("screening query, first run", f"{duck_seconds[0]:.2f} s", f"{spark_seconds[0]:.2f} s"),
        (
            f"screening query, median of the next {args.runs - 1}",
            f"{statistics.median(duck_seconds[1:]):.2f} s",
            f"{statistics.median(spark_seconds[1:]):.2f} s",
        ),
        ("screening query, patterns not factored (median of 2)", "", f"{statistics.median(flat_seconds):.2f} s"),
        (f"candidates' records fetched ({len(ordinals):,})", f"{duck_fetch[0]:.2f} s", f"{spark_fetch[0]:.2f} s"),
        ("whole check, report written (the engine's)", f"{duck_check:.1f} s", spark_check),
    ]
    print(f"{args.density} corpus, {args.size:,} works, {claims} claims; Spark {version} on {master}")
    print("| step | DuckDB | Spark |")
    print("|---|---:|---:|")
    for step, duck_cell, spark_cell in rows:
        print(f"| {step} | {duck_cell} | {spark_cell} |")
    print(f"screenings identical: yes ({len(ordinals):,} candidates, counts {duck.counts[0]})")


if __name__ == "__main__":
    main()

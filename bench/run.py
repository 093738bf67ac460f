"""The benchmark: import and check speed, peak memory and collector requests, against targets.

    bench/run [--sizes 10000,100000,1000000] [--collector-size 100000] [--out bench/results.json]

For each size it generates a seeded corpus with known ground truth (bench/generate.py), then,
each in a fresh process so that peak RSS is that stage's own:
  import  claimwatch's `evidence import` of the corpus into a snapshot;
  check   the five claims of bench/project/claims/bench.yaml against the snapshot;
  duckdb  the SQL a user could write by hand for the first list claim, over the same JSONL.
It checks the verdict counts against the ground truth, and measures the collector against the
local OpenAlex server of the tests (pages requested against ceil(N/200)).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
PROJECT = BENCH / "project"
CACHE = Path(os.environ.get("CLAIMWATCH_BENCH_CACHE", tempfile.gettempdir())) / "claimwatch-bench"
TARGETS = {"check_works_per_s": 10_000, "check_peak_rss_mib": 1024, "import_works_per_s": 20_000}


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def stage_import(corpus: str, out: str) -> dict:
    import datetime as dt

    from claimwatch.evidence import import_works

    started = time.perf_counter()
    summary = import_works(
        corpus, out, institutions=["I4210113369"], start=dt.date(2024, 1, 10), end=dt.date(2025, 6, 30)
    )
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "records": summary.records,
        "duplicates": summary.duplicates_collapsed,
        "peak_rss_mib": _peak_rss_mib(),
    }


def stage_check(snapshot: str) -> dict:
    import claimwatch

    started = time.perf_counter()
    claims = claimwatch.load_claims([PROJECT / "claims/bench.yaml"], root=PROJECT)
    results = claimwatch.evaluate(claims, claimwatch.open_evidence_paths([snapshot]))
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "peak_rss_mib": _peak_rss_mib(),
        "counts": {
            r.claim: {"matched": r.matched, "uncertain": r.uncertain, "verdict": r.verdict} for r in results.results
        },
    }


DUCKDB_SQL = """
SELECT count(DISTINCT w.id) AS works
FROM read_json(?, format = 'newline_delimited', columns = {
    'id': 'VARCHAR', 'publication_date': 'VARCHAR',
    'authorships': 'STRUCT(institutions STRUCT(id VARCHAR, lineage VARCHAR[])[])[]'}) AS w
WHERE length(w.publication_date) = 10 AND w.publication_date NOT LIKE '%-01-01'
  AND w.publication_date BETWEEN '2024-01-10' AND '2025-06-30'
  AND len(list_filter(w.authorships, lambda a: len(list_filter(a.institutions,
        lambda i: list_contains(i.lineage, 'https://openalex.org/I4210113369'))) > 0)) > 0
  AND len(list_filter(w.authorships, lambda a: len(list_filter(a.institutions,
        lambda i: list_contains(i.lineage, 'https://openalex.org/I204983213')
          OR list_contains(i.lineage, 'https://openalex.org/I4210900003'))) > 0)) > 0
"""


def stage_duckdb(corpus: str) -> dict:
    import duckdb

    started = time.perf_counter()
    con = duckdb.connect()
    con.execute("SET threads TO 2")
    (works,) = con.execute(DUCKDB_SQL, [corpus]).fetchone()
    return {"seconds": time.perf_counter() - started, "works": works, "peak_rss_mib": _peak_rss_mib()}


def stage_collect(n: int) -> dict:
    """The collector against the tests' local OpenAlex server (127.0.0.1) serving n works."""
    sys.path.insert(0, str(ROOT / "tests"))
    from claimwatch.openalex import OpenAlexClient, Query, collect
    from openalex_server import FakeOpenAlex, GeneratedWorks, tiny_work  # shared with the tests

    with tempfile.TemporaryDirectory() as tmp, FakeOpenAlex(works=GeneratedWorks(n, tiny_work)) as api:
        client = OpenAlexClient(api.url, api_key="bench-key", connect_timeout=5, read_timeout=30)
        started = time.perf_counter()
        result = collect([Query("lab", "Example Lab", ("I900000001",))], Path(tmp) / "snap", client=client)
        seconds = time.perf_counter() - started
        pages = len(api.list_requests("/works"))
    return {
        "n": n,
        "records": result.records,
        "pages": pages,
        "pages_bound": math.ceil(n / 200) + 2,
        "seconds": seconds,
        "peak_rss_mib": _peak_rss_mib(),
    }


STAGES = {"import": stage_import, "check": stage_check, "duckdb": stage_duckdb, "collect": stage_collect}


def run_stage(name: str, *args: object) -> dict:
    """Run one stage in a fresh interpreter and return what it measured."""
    proc = subprocess.run(
        [sys.executable, __file__, "--stage", name, *map(str, args)], capture_output=True, text=True, cwd=ROOT
    )
    if proc.returncode != 0:
        raise SystemExit(f"bench stage {name} failed:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def corpus_for(n: int) -> tuple[Path, dict]:
    sys.path.insert(0, str(BENCH))
    from generate import generate

    CACHE.mkdir(parents=True, exist_ok=True)
    # A corpus is kept for the generator that made it: a changed generator makes new corpora.
    made_by = hashlib.sha256((BENCH / "generate.py").read_bytes()).hexdigest()[:12]
    path, truth_path = CACHE / f"corpus-{n}-{made_by}.jsonl.gz", CACHE / f"corpus-{n}-{made_by}.truth.json"
    if not (path.exists() and truth_path.exists()):
        truth = generate(n, path)
        truth_path.write_text(json.dumps(truth.__dict__, sort_keys=True))
    return path, json.loads(truth_path.read_text())


def bench_size(n: int) -> dict:
    corpus, truth = corpus_for(n)
    snapshot = CACHE / f"snapshot-{n}"
    imported = run_stage("import", corpus, snapshot)
    checked = run_stage("check", snapshot)
    try:
        duck = run_stage("duckdb", corpus)
    except SystemExit as e:
        duck = {"error": str(e).splitlines()[-1]}
    truth_ok = all(
        checked["counts"][c]["matched"] == truth["matched"].get(c, 0)
        and checked["counts"][c]["uncertain"] == truth["uncertain"].get(c, 0)
        for c in checked["counts"]
    )
    return {
        "n": n,
        "records": truth["records"],
        "import": imported,
        "check": checked,
        "duckdb": duck,
        "truth": truth,
        "counts_match_truth": truth_ok,
        "import_works_per_s": truth["records"] / imported["seconds"],
        "check_works_per_s": imported["records"] / checked["seconds"],
        "check_over_duckdb": checked["seconds"] / duck["seconds"] if "seconds" in duck else None,
    }


def machine() -> dict:
    return {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "memory_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "date": time.strftime("%Y-%m-%d"),
    }


def table(rows: list[dict], collect: dict | None) -> str:
    lines = [
        "| works | import (w/s) | check (w/s) | check peak RSS | counts = truth | DuckDB list query | check / DuckDB |",
        "|---:|---:|---:|---:|:---:|---:|---:|",
    ]
    for r in rows:
        duck = r["duckdb"]
        lines.append(
            f"| {r['n']:,} | {r['import_works_per_s']:,.0f} ({r['import']['seconds']:.1f} s) "
            f"| {r['check_works_per_s']:,.0f} ({r['check']['seconds']:.1f} s) | {r['check']['peak_rss_mib']:,.0f} MiB "
            f"| {'yes' if r['counts_match_truth'] else 'NO'} "
            f"| {duck.get('seconds', float('nan')):.1f} s ({duck.get('works', duck.get('error'))} works) "
            f"| {r['check_over_duckdb'] or float('nan'):.1f}x |"
        )
    if collect:
        lines += [
            "",
            f"Collector at N = {collect['n']:,}: {collect['pages']} pages requested, "
            f"ceil(N/200) + 2 = {collect['pages_bound']}; {collect['records']:,} records, "
            f"{collect['seconds']:.1f} s.",
        ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stage", help=argparse.SUPPRESS)
    parser.add_argument("args", nargs="*", help=argparse.SUPPRESS)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--collector-size", type=int, default=100_000, help="0 skips the collector measurement")
    parser.add_argument("--out", type=Path, default=BENCH / "results.json")
    args = parser.parse_args()
    if args.stage:
        stage = STAGES[args.stage]
        values = [int(a) if a.isdigit() else a for a in args.args]
        print(json.dumps(stage(*values)))
        return
    rows = []
    for n in (int(s) for s in args.sizes.split(",")):
        print(f"bench: {n:,} works ...", file=sys.stderr, flush=True)
        rows.append(bench_size(n))
    collect = run_stage("collect", args.collector_size) if args.collector_size else None
    report = {
        "machine": machine(),
        "targets": TARGETS,
        "sizes": rows,
        "collector": collect,
        "command": "bench/run " + " ".join(sys.argv[1:]),
    }
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print(table(rows, collect))


if __name__ == "__main__":
    main()

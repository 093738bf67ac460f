"""The benchmark: import and check speed, peak memory and collector requests, against targets.

    bench/run [--runs sparse:10000,sparse:100000,sparse:1000000,dense:100000]
              [--bulk-size 1000000] [--collector-size 100000] [--repeat 1] [--out bench/results.json]

For each run (a density and a size) it generates a seeded corpus with known ground truth
(bench/generate.py), then, each in a fresh process so that its peak RSS is its own:
  import  claimwatch's `evidence import` of the corpus into a snapshot, its works table included;
  check   `claimwatch check` of the five claims of bench/project/claims/bench.yaml against the
          snapshot, the JSON report written (--json), once with each engine (python, the
          reference; duckdb), as a user runs it;
  duckdb  a query written by hand over the same table answering the same five claims.
With --repeat K each check and the hand-written query run K times, each in a fresh process: the
figures are the median's (and the best is given beside it), since one run on a shared machine
may be a fifth faster or slower than the next. It checks every engine's counts against the
ground truth, and that both engines' reports, every run's, are the same bytes; measures the
bulk-layout import (`evidence import` of the sparse corpus laid out as OpenAlex's bulk snapshot,
filtered for an institution on 1% of its works); and measures the collector against the local
OpenAlex server of the tests (pages requested against ceil(N/200)).
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import math
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
PROJECT = BENCH / "project"
CACHE = Path(os.environ.get("CLAIMWATCH_BENCH_CACHE", tempfile.gettempdir())) / "claimwatch-bench"
ENGINES = ("python", "duckdb")
# Issue 18's targets, on this machine (2 cores): checks count start-up.
TARGETS = {
    "dense_100000_check_works_per_s": 20_000,
    "sparse_1000000_check_works_per_s": 100_000,
    "sparse_1000000_check_peak_rss_mib": 512,
    "import_works_per_s": 50_000,
    "check_over_hand_written_duckdb": 2.0,
    "bulk_import_works_per_s": 50_000,
}
# The bulk-layout import keeps the works of the institution generate.py lists from 2024-06-01:
# on 1% of the sparse corpus's works, in its id, lineage and affiliation.
BULK_SUBJECT = "I4210900003"
BULK_PARTS = 8
DEFAULT_RUNS = "sparse:10000,sparse:100000,sparse:1000000,dense:100000"


def _peak_rss_mib() -> float:
    """This process's peak resident memory (VmHWM). Not getrusage's ru_maxrss: Linux keeps that
    across exec, so a stage would report the bench's own peak whenever the bench was larger."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # no /proc: the best there is


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


def stage_check(snapshot: str, engine: str, report: str) -> dict:
    """`claimwatch check` as a user runs it, in this fresh process: the claims, the snapshot, the
    JSON report. The process ends when the command is done, so that its time from start to exit
    is the command's: the report is read back for its counts by the bench (`_report_facts`)."""
    import contextlib
    import io

    from claimwatch.cli import main

    started = time.perf_counter()
    claims = PROJECT / "claims/bench.yaml"
    argv = ["check", str(claims), "--root", str(PROJECT), "--evidence", snapshot, "--engine", engine]
    with contextlib.redirect_stdout(io.StringIO()):  # the verdict table; this stage prints its figures
        code = main([*argv, "--json", report, "--no-reviews"])
    seconds = time.perf_counter() - started
    if code != 0:
        raise SystemExit(f"claimwatch check exited {code}")
    return {"seconds": seconds, "report_bytes": Path(report).stat().st_size, "peak_rss_mib": _peak_rss_mib()}


# The five claims by hand, over the works table: subject and partners by lineage ids or their
# names in the affiliation text, topics by their words, dates certainly inside the period
# (matched) or straddling it (uncertain; a date after the day the records were current may be
# any day before it). Written for this corpus (its phrases are the only
# places these words occur), as a user would write it for theirs.
HAND_WRITTEN_SQL = """
WITH d AS (
  SELECT *,
    -- a date after the day the records were current may be any day before it
    CASE WHEN earliest > DATE '2026-01-01' THEN DATE '0001-01-01' ELSE earliest END AS first_day
  FROM read_parquet(?)
),
w AS (
  SELECT
    first_day >= DATE '2024-01-10' AND latest <= DATE '2025-06-30' AS inside,
    NOT (latest < DATE '2024-01-10' OR first_day > DATE '2025-06-30') AS maybe_inside,
    first_day AS earliest,
    len([a FOR a IN affiliations IF list_contains(a.ids, 'I4210113369')
         OR a.affiliation_text LIKE '%microsoft research asia%']) > 0 AS subject,
    len([a FOR a IN affiliations IF list_contains(a.ids, 'I204983213')
         OR a.affiliation_text LIKE '%harbin engineering university%']) > 0 AS listed_early,
    len([a FOR a IN affiliations IF list_contains(a.ids, 'I4210900003')]) > 0 AS listed_late,
    (words LIKE '% face %' OR words LIKE '% facial %')
      AND (words LIKE '% recognition %' OR words LIKE '% verification %') AS face,
    (words LIKE '% speech %' AND words LIKE '% synthesis %') OR words LIKE '% tospeech %'
      OR words LIKE '% deepfake %' OR (words LIKE '% talking %' AND words LIKE '% head %')
      OR (words LIKE '% voice %' AND words LIKE '% cloning %') AS synth
  FROM d
)
SELECT
  count(*) FILTER (subject AND inside AND (listed_early OR listed_late)),
  count(*) FILTER (subject AND maybe_inside AND NOT inside AND (listed_early OR listed_late)),
  count(*) FILTER (subject AND inside AND (listed_early OR (listed_late AND earliest >= DATE '2024-06-01'))),
  count(*) FILTER (subject AND maybe_inside AND NOT inside AND (listed_early OR listed_late)),
  count(*) FILTER (subject AND inside AND face),
  count(*) FILTER (subject AND maybe_inside AND NOT inside AND face),
  count(*) FILTER (subject AND inside AND synth),
  count(*) FILTER (subject AND maybe_inside AND NOT inside AND synth),
  count(*) FILTER (subject AND inside AND face AND (listed_early OR listed_late)),
  count(*) FILTER (subject AND maybe_inside AND NOT inside AND face AND (listed_early OR listed_late))
FROM w
"""
HAND_WRITTEN_CLAIMS = (
    "bench-no-listed-partners",
    "bench-listed-before-publication",
    "bench-no-face",
    "bench-no-synthetic-media",
    "bench-no-face-with-listed-partners",
)


def stage_duckdb(snapshot: str) -> dict:
    started = time.perf_counter()
    import duckdb

    con = duckdb.connect()
    con.execute("SET enable_progress_bar = false")
    row = con.execute(HAND_WRITTEN_SQL, [str(Path(snapshot) / "works.parquet")]).fetchone()
    seconds = time.perf_counter() - started
    counts = {
        claim: {"matched": row[2 * k], "uncertain": row[2 * k + 1]} for k, claim in enumerate(HAND_WRITTEN_CLAIMS)
    }
    return {"seconds": seconds, "counts": counts, "peak_rss_mib": _peak_rss_mib()}


def stage_bulk(folder: str, out: str) -> dict:
    """`claimwatch evidence import` of a bulk-layout works folder filtered for BULK_SUBJECT, as a
    user runs it, in this fresh process; what it read and kept, from the snapshot's manifest."""
    import contextlib
    import io

    from claimwatch.cli import main

    started = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        code = main(["evidence", "import", folder, "--out", out, "--subject", BULK_SUBJECT])
    seconds = time.perf_counter() - started
    peak = _peak_rss_mib()
    if code != 0:
        raise SystemExit(f"claimwatch evidence import exited {code}")
    manifest = json.loads((Path(out) / "manifest.json").read_bytes())
    read_from = manifest["queries"][0]
    return {
        "seconds": seconds,
        "parts": read_from["parts"],
        "records_read": read_from["records_read"],
        "records_kept": read_from["records_kept"],
        "works": manifest["files"]["works.jsonl.gz"]["records"],
        "peak_rss_mib": peak,
    }


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


STAGES = {
    "import": stage_import,
    "check": stage_check,
    "duckdb": stage_duckdb,
    "bulk": stage_bulk,
    "collect": stage_collect,
}


def run_stage(name: str, *args: object) -> dict:
    """Run one stage in a fresh interpreter; what it measured, and its wall time from start-up.
    Its modules' bytecode is there, as for a user: bench/run sets up .venv as the other scripts
    do, compiling it (scripts/_venv.sh)."""
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, __file__, "--stage", name, *map(str, args)], capture_output=True, text=True, cwd=ROOT
    )
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"bench stage {name} failed:\n{proc.stderr}")
    return {**json.loads(proc.stdout.strip().splitlines()[-1]), "wall_seconds": wall}


def corpus_for(n: int, density: str) -> tuple[Path, dict]:
    sys.path.insert(0, str(BENCH))
    from generate import generate

    CACHE.mkdir(parents=True, exist_ok=True)
    # A corpus is kept for the generator that made it: a changed generator makes new corpora.
    made_by = hashlib.sha256((BENCH / "generate.py").read_bytes()).hexdigest()[:12]
    stem = f"corpus-{density}-{n}-{made_by}"
    path, truth_path = CACHE / f"{stem}.jsonl.gz", CACHE / f"{stem}.truth.json"
    if not (path.exists() and truth_path.exists()):
        truth = generate(n, path, density=density)
        truth_path.write_text(json.dumps(truth.__dict__, sort_keys=True))
    return path, json.loads(truth_path.read_text())


def _matches_truth(counts: dict, truth: dict) -> bool:
    return all(
        counts[c]["matched"] == truth["matched"].get(c, 0) and counts[c]["uncertain"] == truth["uncertain"].get(c, 0)
        for c in counts
    )


def _report_facts(report: Path) -> dict:
    """What a check's report says, read once the check's process has ended: each claim's counts,
    and the sha256 of its bytes but for the command line it records (which names the engine)."""
    text = report.read_text(encoding="utf-8")
    parsed = json.loads(text)
    recorded = parsed.get("command")
    if recorded:
        text = text.replace(json.dumps(recorded, indent=2, ensure_ascii=False).replace("\n", "\n  "), "", 1)
    return {
        "made": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "counts": {r["claim"]: {"matched": r["matched"], "uncertain": r["uncertain"]} for r in parsed["results"]},
    }


def repeated(runs: int, name: str, *args: object, after: Callable[[], dict] | None = None) -> dict:
    """A stage run `runs` times: the last run's figures, its wall time the runs' median (the best
    and each run's beside it), its peak RSS the largest; `after` each run, what its output says
    (`_report_facts`: the counts, and the report's sha256 kept in `made`). Every run must give
    the same counts."""
    results, made = [], []
    for _ in range(runs):
        result = run_stage(name, *args)
        if after is not None:
            facts = after()
            made.append(facts.pop("made"))
            result.update(facts)
        results.append(result)
    if any(r.get("counts") != results[0].get("counts") for r in results):
        raise SystemExit(f"bench stage {name} gave other counts from one run to the next")
    walls = [r["wall_seconds"] for r in results]
    return {
        **results[-1],
        "wall_seconds": statistics.median(walls),
        "best_wall_seconds": min(walls),
        "runs_wall_seconds": walls,
        "peak_rss_mib": max(r["peak_rss_mib"] for r in results),
        "made": made,
    }


def bench_run(density: str, n: int, runs: int = 1) -> dict:
    corpus, truth = corpus_for(n, density)
    snapshot = CACHE / f"snapshot-{density}-{n}"
    imported = run_stage("import", corpus, snapshot)
    checks = {}
    for engine in ENGINES:
        report = CACHE / f"report-{density}-{n}-{engine}.json"
        checks[engine] = repeated(
            runs, "check", snapshot, engine, report, after=functools.partial(_report_facts, report)
        )
    hand = repeated(runs, "duckdb", snapshot)
    same = len({made for c in checks.values() for made in c["made"]}) == 1
    duck = checks["duckdb"]
    return {
        "density": density,
        "n": n,
        "records": truth["records"],
        "import": imported,
        "check": checks,
        "hand_written_duckdb": hand,
        "truth": truth,
        "counts_match_truth": {
            **{engine: _matches_truth(c["counts"], truth) for engine, c in checks.items()},
            "hand_written_duckdb": _matches_truth(hand["counts"], truth),
        },
        "reports_identical": same,
        "import_works_per_s": truth["records"] / imported["seconds"],
        "check_works_per_s": {engine: imported["records"] / c["wall_seconds"] for engine, c in checks.items()},
        "check_over_hand_written_duckdb": duck["wall_seconds"] / hand["wall_seconds"],
    }


def bulk_folder_for(n: int) -> Path:
    """The sparse corpus of n works laid out as OpenAlex's bulk snapshot (FACTS.md): a
    `data/works/` folder of `updated_date=YYYY-MM-DD/part_NNN.gz` files, two a day, and the
    `manifest` listing each by its S3 URL with its size and record count. Kept beside the corpus."""
    import gzip

    corpus, _ = corpus_for(n, "sparse")
    works = CACHE / f"bulk-{corpus.name.removesuffix('.jsonl.gz')}" / "data" / "works"
    if (works / "manifest").exists():
        return works
    lines = gzip.decompress(corpus.read_bytes()).splitlines(keepends=True)
    share = -(-len(lines) // BULK_PARTS)
    entries = []
    for k in range(BULK_PARTS):
        name = f"updated_date=2025-06-{1 + k // 2:02d}/part_{k % 2:03d}.gz"
        part = works / name
        part.parent.mkdir(parents=True, exist_ok=True)
        records = lines[k * share : (k + 1) * share]
        part.write_bytes(gzip.compress(b"".join(records), compresslevel=6, mtime=0))
        meta = {"content_length": part.stat().st_size, "record_count": len(records)}
        entries.append({"url": f"s3://openalex/data/works/{name}", "meta": meta})
    total = {k: sum(e["meta"][k] for e in entries) for k in ("content_length", "record_count")}
    (works / "manifest").write_text(json.dumps({"entries": entries, "meta": total}, indent=2))
    return works


def bench_bulk(n: int) -> dict:
    folder = bulk_folder_for(n)
    out = CACHE / f"snapshot-bulk-{n}"
    if out.exists():  # the import refuses to overwrite a snapshot
        import shutil

        shutil.rmtree(out)
    measured = run_stage("bulk", folder, out)
    return {**measured, "n": n, "works_per_s": measured["records_read"] / measured["wall_seconds"]}


def machine() -> dict:
    """What the figures were measured on: the processor's model too, since the "same" 2-core
    machine may be another processor from one session to the next (twice as slow, 2026-12-02)."""
    return {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpu": _cpu_model(),
        "cpus": os.cpu_count(),
        "memory_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "date": time.strftime("%Y-%m-%d"),
    }


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _seconds(stage: dict) -> str:
    """A stage's wall time: the median of its runs, with the best and how many where it ran more than once."""
    runs = stage.get("runs_wall_seconds", [stage["wall_seconds"]])
    if len(runs) == 1:
        return f"{stage['wall_seconds']:.1f} s"
    return f"{stage['wall_seconds']:.1f} s, best {stage['best_wall_seconds']:.1f} s of {len(runs)}"


def table(rows: list[dict], bulk: dict | None, collect: dict | None) -> str:
    lines = [
        "| corpus | works | import, table included (w/s) | engine | check (w/s, with start-up) | check peak RSS "
        "| JSON report | counts = truth | hand-written DuckDB | check / hand-written |",
        "|---|---:|---:|---|---:|---:|---:|:---:|---:|---:|",
    ]
    for r in rows:
        hand = r["hand_written_duckdb"]
        for engine in ENGINES:
            c = r["check"][engine]
            lines.append(
                f"| {r['density']} | {r['n']:,} | {r['import_works_per_s']:,.0f} "
                f"| {engine} | {r['check_works_per_s'][engine]:,.0f} ({_seconds(c)}) "
                f"| {c['peak_rss_mib']:,.0f} MiB | {c['report_bytes'] / 2**20:,.1f} MiB "
                f"| {'yes' if r['counts_match_truth'][engine] else 'NO'} "
                f"| {_seconds(hand)} ({'= truth' if r['counts_match_truth']['hand_written_duckdb'] else 'NO'}) "
                f"| {c['wall_seconds'] / hand['wall_seconds']:.1f}x |"
            )
        lines.append(f"|  |  |  | reports identical: {'yes' if r['reports_identical'] else 'NO'} |  |  |  |  |  |  |")
    if bulk:
        lines += [
            "",
            f"Bulk-layout import at N = {bulk['n']:,} ({bulk['parts']} parts, filtered for {BULK_SUBJECT}): "
            f"{bulk['records_read']:,} records read, {bulk['records_kept']:,} kept, {bulk['works']:,} works "
            f"imported; {bulk['wall_seconds']:.1f} s, {bulk['works_per_s']:,.0f} works/s, "
            f"peak RSS {bulk['peak_rss_mib']:,.0f} MiB.",
        ]
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
    parser.add_argument("--runs", default=DEFAULT_RUNS, help="density:size pairs, comma-separated (empty: none)")
    parser.add_argument("--bulk-size", type=int, default=1_000_000, help="0 skips the bulk-layout import")
    parser.add_argument("--collector-size", type=int, default=100_000, help="0 skips the collector measurement")
    parser.add_argument(
        "--repeat", type=int, default=1, help="runs of each check and hand-written query: the median is reported"
    )
    parser.add_argument("--out", type=Path, default=BENCH / "results.json")
    args = parser.parse_args()
    if args.stage:
        stage = STAGES[args.stage]
        values = [int(a) if a.isdigit() else a for a in args.args]
        print(json.dumps(stage(*values)))
        return
    rows = []
    for run in filter(None, args.runs.split(",")):
        density, size = run.split(":")
        print(f"bench: {density} {int(size):,} works ...", file=sys.stderr, flush=True)
        rows.append(bench_run(density, int(size), max(1, args.repeat)))
    if args.bulk_size:
        print(f"bench: bulk-layout import of {args.bulk_size:,} works ...", file=sys.stderr, flush=True)
    bulk = bench_bulk(args.bulk_size) if args.bulk_size else None
    collect = run_stage("collect", args.collector_size) if args.collector_size else None
    report = {
        "machine": machine(),
        "targets": TARGETS,
        "runs": rows,
        "bulk_import": bulk,
        "collector": collect,
        "command": "bench/run " + " ".join(sys.argv[1:]),
    }
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print(table(rows, bulk, collect))


if __name__ == "__main__":
    main()

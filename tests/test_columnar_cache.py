"""Tables made on first use into the cache, as real processes meet them: a disk that fills while
DuckDB writes, runs started together, a run killed while it makes one."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from helpers import HIT, LAB, NO_PARTNERS_CLAIM, authorship, claim_file, project, work, write_jsonl

_MAIN = "import sys; from claimwatch.cli import main; sys.exit(main())"


def _case(tmp_path: Path, works: int = 1) -> Path:
    """A case whose claim one partner on each of `works` works contradicts, their records in works.jsonl."""
    root = project(tmp_path / "case")
    claim_file(root / "claims/c.yaml", NO_PARTNERS_CLAIM)
    records = [
        work(f"W{k}", f"Paper {k}", "2024-06-01", [authorship("Zoë", [LAB]), authorship("B", [HIT])])
        for k in range(1, works + 1)
    ]
    write_jsonl(root / "works.jsonl", records)
    return root


def _check(root: Path, cache: Path, *more: str, preexec=None) -> subprocess.CompletedProcess[str]:
    command = [
        sys.executable,
        "-c",
        _MAIN,
        "check",
        "claims/c.yaml",
        "--evidence",
        "works.jsonl",
        "--cache",
        str(cache),
        *more,
    ]
    return subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=120, preexec_fn=preexec)


@pytest.mark.parametrize("one_core", [False, True])
def test_a_full_disk_while_duckdb_writes_a_cached_table_is_one_line(tmp_path, one_core):
    """Found by the twentieth part's hunt: a cache on a full file system (a tmpfs of 9.4 MB for
    3,000 works; here a limit on a file's size, which fails the write alike) failed in DuckDB's
    write of a part: a traceback ending in `_duckdb.IOException: IO Error: Could not write file
    ".../part-000000.parquet": File too large`, exit 1. Now one line naming the table, exit 2,
    and nothing left in the cache but its lock; the next run, with room, makes it."""
    root = _case(tmp_path)
    cache = tmp_path / "cache"

    def limited() -> None:
        # A record's row (~2 KB of JSON Lines) fits, a Parquet file of ~30 columns does not.
        resource.setrlimit(resource.RLIMIT_FSIZE, (6 * 1024, resource.RLIM_INFINITY))
        if one_core:  # the table written in this process, not by forked workers
            os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

    failed = _check(root, cache, "--engine", "duckdb", preexec=limited)
    (table,) = [p for p in cache.iterdir() if p.name.endswith(".lock")]
    name = table.name.removeprefix(".").removesuffix(".lock") + ".parquet"
    assert failed.returncode == 2, failed.stderr
    assert failed.stderr.splitlines()[-1] == f"{cache / name}: cannot write the works table: File too large"
    assert "Traceback" not in failed.stderr
    assert sorted(p.name for p in cache.iterdir()) == [table.name]
    made = _check(root, cache, "--engine", "duckdb")
    assert made.returncode == 0, made.stderr
    assert "Contradicted" in made.stdout


def test_a_full_disk_while_an_import_writes_its_table_is_one_line_naming_the_snapshot(tmp_path):
    """The same failure in `evidence import`: a traceback, the part named by the import's
    temporary folder. Now one line naming the table where it would have gone; nothing left."""
    root = _case(tmp_path)

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (6 * 1024, resource.RLIM_INFINITY))

    command = [sys.executable, "-c", _MAIN, "evidence", "import", "works.jsonl", "--out", "snap", "--subject", "I100"]
    failed = subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=120, preexec_fn=limited)
    assert failed.returncode == 2, failed.stderr
    assert failed.stderr.splitlines()[-1] == "snap/works.parquet: cannot write the works table: File too large"
    assert not [p for p in root.iterdir() if p.name.startswith(("snap", ".snap.tmp"))]


_SPILLS = """
import sys
from claimwatch.columnar._duckdb import connect
with connect("60MB", threads=1) as con:  # an ordered window over 2 million rows spills past 60 MB
    (total,) = con.execute(
        "SELECT sum(hash(rn, m)) FROM (SELECT row_number() OVER (ORDER BY m) rn, m FROM "
        "(SELECT md5((i * ?)::VARCHAR) || repeat('x', 50) m FROM range(2000000) t(i)))",
        [int(sys.argv[1])],
    ).fetchone()
print(total)
"""


def test_two_processes_spilling_at_once_each_spill_into_a_folder_of_their_own(tmp_path):
    """Found by the twentieth part's hunt: every DuckDB connection spilled into one folder,
    `$TMPDIR/claimwatch-duckdb`, whose files DuckDB names alike in every process; two checks
    of evidence large enough to spill (the screening query may use 256 MB), run at once, both
    died of a segmentation fault (exit -11), every time. Each connection now spills into a
    folder of its own, which DuckDB removes as it closes."""
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    alone = [
        subprocess.run([sys.executable, "-c", _SPILLS, k], capture_output=True, text=True, env=env, timeout=300)
        for k in ("1", "3")
    ]
    assert [r.returncode for r in alone] == [0, 0], [r.stderr for r in alone]
    together = [
        subprocess.Popen(
            [sys.executable, "-c", _SPILLS, k], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
        )
        for k in ("1", "3")
    ]
    outcomes = [(p.wait(timeout=300), p.stdout.read(), p.stderr.read()) for p in together]
    for p in together:
        p.stdout.close()
        p.stderr.close()
    assert [(rc, out) for rc, out, _ in outcomes] == [(0, r.stdout) for r in alone], [e for _, _, e in outcomes]
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith("claimwatch-duckdb")]


def test_a_cached_table_is_on_disk_before_the_record_of_it(tmp_path, monkeypatch):
    """Found by the twentieth part's hunt: the record beside a cached table (its sha256) and a
    snapshot's manifest were synced to disk, the table never; a power cut could leave the record
    and an empty table, which every later check, `auto` included, refused as damaged. The table
    is synced before either is written."""
    from claimwatch.columnar import make_cached_table
    from claimwatch.evidence import import_works

    synced: list[int] = []
    real_fsync = os.fsync

    def recording(fd: int) -> None:
        synced.append(os.fstat(fd).st_ino)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", recording)
    records = [(1, json.dumps(work("W1", "A paper", "2024-06-01", [authorship("A", [LAB])])).encode())]
    made = make_cached_table(tmp_path / "cache", "0" * 64, iter(records), "works.jsonl")
    sidecar = made.path.with_suffix(".json")
    assert made.path.stat().st_ino in synced and sidecar.stat().st_ino in synced
    assert synced.index(made.path.stat().st_ino) < synced.index(sidecar.stat().st_ino)
    synced.clear()
    import_works(write_jsonl(tmp_path / "works.jsonl", [json.loads(records[0][1])]), tmp_path / "snap")
    table, manifest = tmp_path / "snap" / "works.parquet", tmp_path / "snap" / "manifest.json"
    assert synced.index(table.stat().st_ino) < synced.index(manifest.stat().st_ino)


def test_a_cache_given_from_the_home_folder_in_quotes_is_there(tmp_path, monkeypatch):
    """Found by the twentieth part's hunt: `--cache=~/cache` (no shell expands a `~` after `=`)
    or CLAIMWATCH_CACHE="~/cache" in a service's environment made a folder named `~` in the
    working directory, and the table's parts, which DuckDB wrote to `~/...` read as the home
    folder, failed ("cannot write the works table: No such file or directory"), or went to the
    home folder. The cache is in the home folder; a folder named `~` given as `./~` works too."""
    from claimwatch.columnar import WorksTableWriter, cache_folder

    home, work_dir = tmp_path / "home", tmp_path / "work"
    home.mkdir()
    work_dir.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(work_dir)
    assert cache_folder("~/cache") == home / "cache"
    monkeypatch.setenv("CLAIMWATCH_CACHE", "~/elsewhere")
    assert cache_folder() == home / "elsewhere"
    (work_dir / "~" / "t").mkdir(parents=True)
    record = json.dumps(work("W1", "A paper", "2024-06-01", [authorship("A", [LAB])])).encode()
    for processes in (1, 2):
        with WorksTableWriter(Path("~/t/works.parquet"), processes=processes) as writer:
            writer.add(1, record)
            assert writer.close().rows == 1
        assert (work_dir / "~" / "t" / "works.parquet").is_file() and not (home / "t").exists()


def test_a_spill_folder_its_process_left_behind_is_removed_by_the_next(tmp_path, monkeypatch):
    """Found by the twentieth part's hunt, left then: a check killed with `kill -9` while DuckDB
    spilled left its `claimwatch-duckdb-PID-…` folder (gigabytes, for large evidence) in the
    temporary folder for good. The next connection removes a folder whose process is gone and in
    which nothing was written for a day; one still written, or whose process lives, is left."""
    from claimwatch.columnar import _duckdb

    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead, living = int(gone.stdout), os.getppid()
    hour_and_more = time.time() - _duckdb.ABANDONED_AFTER - 60

    def spill_folder(pid: int, stale: bool) -> Path:
        folder = tmp_path / f"claimwatch-duckdb-{pid}-{os.urandom(8).hex()}"
        folder.mkdir()
        (folder / "duckdb_temp_storage_DEFAULT-0.tmp").write_bytes(b"\0" * 1024)
        if stale:
            for p in (folder / "duckdb_temp_storage_DEFAULT-0.tmp", folder):
                os.utime(p, (hour_and_more, hour_and_more))
        return folder

    abandoned = spill_folder(dead, stale=True)
    still_written = spill_folder(dead, stale=False)
    process_lives = spill_folder(living, stale=True)
    not_ours = tmp_path / f"claimwatch-duckdb-{dead}-notahexname"
    not_ours.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))

    _duckdb.connect().close()

    assert not abandoned.exists()
    assert still_written.is_dir() and process_lives.is_dir() and not_ours.is_dir()

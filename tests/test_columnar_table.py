"""The works table: what a row holds, the same bytes for the same records, nothing left behind
by a failed write; a snapshot's own table and tables made on first use into the cache, each
checked against its sha256 before its rows are believed."""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import json
import os
import threading
from pathlib import Path

import duckdb
import pytest

from claimwatch import claims as claims_mod
from claimwatch.columnar import (
    TABLE_FORMAT,
    WORKS_TABLE,
    Table,
    WorksTableWriter,
    cache_folder,
    make_cached_table,
    search_form,
    text_words,
    write_works_table,
)
from claimwatch.columnar import _table as table_module
from claimwatch.errors import InputError, SourceError
from claimwatch.evaluate import evaluate
from claimwatch.evidence import MANIFEST, import_works, open_evidence
from claimwatch.reports.jsonreport import render_json
from helpers import HIT, LAB, NO_PARTNERS_CLAIM, authorship, claim_file, institution, project, work, write_jsonl


def _lines(records: list[dict]) -> list[tuple[int, bytes]]:
    return [(n, json.dumps(r).encode()) for n, r in enumerate(records, 1)]


RECORDS = [
    work(
        "W1",
        "Face‐recognition at Scale, re identification",
        "2024-01-01",
        [
            authorship("A. Lab", [LAB]),
            authorship("B. Campus", [institution("I201", "HIT Shenzhen", lineage=["I201", "I200"], ror="01yqg2h08")]),
            authorship("C. Nobody", [], raw=[]),
            authorship("Kazan University", [], raw=[]),
        ],
        doi="https://doi.org/10.48550/arXiv.2401.00001",
        keywords=[{"display_name": "Biometrics"}],
        abstract_inverted_index={"We": [0], "study": [1], "faces": [2]},
    ),
    work("W2", "Another paper", None, [authorship("D. Text", [], raw=["Université de Montréal, Québec"])]),
]


def _rows(path: Path) -> list[dict]:
    con = duckdb.connect()
    cursor = con.execute(f"SELECT * FROM read_parquet('{path}') ORDER BY ordinal")
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def test_a_row_holds_the_record_and_what_the_query_reads(tmp_path):
    info = write_works_table(_lines(RECORDS), tmp_path / WORKS_TABLE)
    assert info.rows == 2 and info.as_manifest("0" * 64)["table_format"] == TABLE_FORMAT
    first, second = _rows(tmp_path / WORKS_TABLE)
    assert (first["ordinal"], first["line"], first["id"]) == (0, 1, "W1")
    assert json.loads(first["record"]) == RECORDS[0]  # the record as the source gave it
    # A 1 January date is a year: 2024, standing for the whole year.
    assert (first["publication_date"], first["earliest"], first["latest"]) == (
        "2024",
        dt.date(2024, 1, 1),
        dt.date(2024, 12, 31),
    )
    assert first["keys"] == ["id:W1", "doi:10.48550/arxiv.2401.00001", "arxiv:2401.00001"]
    campus = first["affiliations"][1]
    assert campus["ids"] == ["I200", "I201"] and campus["rors"] == ["01yqg2h08"]
    assert first["authorships"][1]["institutions"][0]["lineage"] == ["I201", "I200"]
    # Interleaved institutions are not authors; the unaffiliated author is counted.
    assert (first["n_authorships"], first["n_without_id"], first["n_unaffiliated"]) == (3, 1, 1)
    assert first["interleaved"] == "kazan university"
    words = set(first["words"].split())
    assert {"face", "recognition", "reidentification", "biometrics", "faces"} <= words
    assert second["affiliations"][0]["affiliation_text"] == "universite de montreal, quebec"
    assert second["publication_date"] is None and second["earliest"] is None


def test_the_same_records_give_the_same_bytes_however_they_are_flattened(tmp_path):
    """In this process or in workers, twice: the table's sha256 is the records'."""
    records = [work(f"W{k}", f"Paper {k}", "2024-06-01") for k in range(2500)]
    digests = set()
    for n, processes in enumerate((1, 2, 2)):
        with WorksTableWriter(tmp_path / f"t{n}.parquet", processes=processes) as writer:
            for line, text in _lines(records):
                writer.add(line, text)
            digests.add(writer.close().sha256)
    assert len(digests) == 1
    assert [r["ordinal"] for r in _rows(tmp_path / "t1.parquet")] == list(range(2500))


def test_a_table_of_no_works_has_every_column(tmp_path):
    info = write_works_table([], tmp_path / WORKS_TABLE)
    assert info.rows == 0
    con = duckdb.connect()
    columns = [r[0] for r in con.execute(f"DESCRIBE SELECT * FROM read_parquet('{tmp_path / WORKS_TABLE}')").fetchall()]
    assert "record" in columns and "authorships" in columns


def _full_records(shared_data: Path, n: int) -> list[tuple[int, bytes]]:
    """`n` copies of a real OpenAlex work record as the API and the bulk snapshot give it
    (W2741809807: 29 KB, nine authors, its references, concepts and locations), each its own id."""
    record = json.loads((shared_data / "openalex/W2741809807.json").read_text(encoding="utf-8"))
    out = []
    for k in range(n):
        wid = f"https://openalex.org/W{10_000_000 + k}"
        out.append((k + 1, json.dumps(dict(record, id=wid, ids={"openalex": wid}, doi=None)).encode()))
    return out


def test_a_table_of_thousands_of_full_openalex_records_is_written(shared_data, tmp_path):
    """Full records are ten times the size of bench's: 2,000 of them ran DuckDB out of the
    writer's memory (a traceback from `evidence import`, from every check that made a columnar
    copy), where the python engine reads them in seconds. A part holds at most 16 MiB of them."""
    lines = _full_records(shared_data, 2000)
    info = write_works_table(lines, tmp_path / WORKS_TABLE)
    assert info.rows == 2000
    (ordinals, last) = (
        duckdb.connect()
        .execute(f"SELECT count(DISTINCT ordinal), max(line) FROM read_parquet('{tmp_path / WORKS_TABLE}')")
        .fetchone()
    )
    assert (ordinals, last) == (2000, 2000)


def test_the_writer_running_out_of_memory_is_one_line(shared_data, tmp_path, monkeypatch):
    monkeypatch.setattr(table_module, "WRITER_MEMORY_LIMIT", "8MB")
    with pytest.raises(SourceError, match=r"DuckDB ran out of memory \(8MB allowed\) in writing the works table"):
        write_works_table(_full_records(shared_data, 300), tmp_path / WORKS_TABLE)
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_leaves_nothing_behind(tmp_path):
    with pytest.raises(ValueError), WorksTableWriter(tmp_path / WORKS_TABLE, processes=2) as writer:
        writer.add(1, b'{"id": "https://openalex.org/W1"}')
        writer.add(2, b"not json")
        writer.close()
    assert list(tmp_path.iterdir()) == []


def test_search_forms_and_words():
    assert search_form("Ｈａｒｂｉｎ Université") == "harbin universite"
    assert search_form("İstanbul") == "istanbul"
    words = text_words("Re‐identification of a U.S. face")
    assert words >= {"re", "identification", "reidentification", "u", "s", "usface", "face"}


# --- a snapshot's own table, and the cache -------------------------------------------------------------


@pytest.fixture()
def snapshot_case(tmp_path):
    root = project(tmp_path)
    claims = claims_mod.load_claims([claim_file(root / "claims/c.yaml", NO_PARTNERS_CLAIM)], root=root)
    records = [
        work(f"W{k}", "A paper", "2024-06-01", [authorship("A", [LAB]), authorship("B", [HIT])]) for k in range(5)
    ]
    source = write_jsonl(tmp_path / "works.jsonl", records)
    snapshot = tmp_path / "snapshot"
    import_works(source, snapshot, institutions=["I100"], start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31))
    _as_made_before_tables(snapshot)
    return claims, snapshot


def _as_made_before_tables(snapshot: Path) -> None:
    """The snapshot as claimwatch wrote it before snapshots held a works table."""
    manifest = json.loads((snapshot / MANIFEST).read_text())
    del manifest["files"][WORKS_TABLE]
    (snapshot / MANIFEST).write_text(json.dumps(manifest))
    (snapshot / WORKS_TABLE).unlink()


def test_an_import_writes_the_table_beside_the_records(tmp_path):
    source = write_jsonl(tmp_path / "works.jsonl", [work(f"W{k}", "A paper", "2024-06-01") for k in range(3)])
    import_works(source, tmp_path / "a")
    import_works(source, tmp_path / "b")
    entry = json.loads((tmp_path / "a" / MANIFEST).read_text())["files"][WORKS_TABLE]
    assert entry["records"] == 3 and entry["table_format"] == TABLE_FORMAT
    assert (
        entry["made_from_sha256"]
        == json.loads((tmp_path / "a" / MANIFEST).read_text())["files"]["works.jsonl.gz"]["sha256"]
    )
    assert entry["sha256"] == hashlib.sha256((tmp_path / "a" / WORKS_TABLE).read_bytes()).hexdigest()
    assert (tmp_path / "a" / WORKS_TABLE).read_bytes() == (tmp_path / "b" / WORKS_TABLE).read_bytes()


def _add_own_table(snapshot: Path) -> Path:
    """What collect and `evidence import` do: the table beside the records, in the manifest."""
    manifest = json.loads((snapshot / MANIFEST).read_text())
    data = snapshot / "works.jsonl.gz"
    import gzip

    lines = [(n, line) for n, line in enumerate(gzip.decompress(data.read_bytes()).splitlines(), 1)]
    info = write_works_table(lines, snapshot / WORKS_TABLE)
    manifest["files"][WORKS_TABLE] = info.as_manifest(manifest["files"]["works.jsonl.gz"]["sha256"])
    (snapshot / MANIFEST).write_text(json.dumps(manifest))
    return snapshot / WORKS_TABLE


def test_a_snapshots_own_table_is_read_without_a_cache(snapshot_case, tmp_path, capsys):
    claims, snapshot = snapshot_case
    _add_own_table(snapshot)
    evidence = [open_evidence(snapshot)]
    columnar = evaluate(claims, evidence, engine="auto", cache=tmp_path / "cache")
    assert not (tmp_path / "cache").exists() and capsys.readouterr().err == ""
    assert render_json(columnar) == render_json(evaluate(claims, evidence, engine="python"))
    assert columnar.results[0].matched == 5


def test_a_changed_table_is_refused_naming_it(snapshot_case, tmp_path):
    claims, snapshot = snapshot_case
    table = _add_own_table(snapshot)
    table.write_bytes(table.read_bytes()[:-1] + b"\x00")
    with pytest.raises(InputError) as caught:
        evaluate(claims, [open_evidence(snapshot)], engine="duckdb", cache=tmp_path / "cache")
    (line,) = caught.value.lines()
    assert line.startswith(f"{table}: does not match the sha256 recorded for it")


@pytest.mark.parametrize("own_table", [True, False])
def test_a_changed_works_file_is_refused_by_every_engine(snapshot_case, tmp_path, own_table):
    """Found by the sixteenth part's hunt: a title edited in works.jsonl.gz was refused by the
    python engine and not by duckdb, which reads the table and no byte of the works file."""
    import gzip

    claims, snapshot = snapshot_case
    if own_table:
        _add_own_table(snapshot)
    else:  # a cached table, made while the works file was whole
        evaluate(claims, [open_evidence(snapshot)], engine="duckdb", cache=tmp_path / "cache")
    data = snapshot / "works.jsonl.gz"
    data.write_bytes(gzip.compress(gzip.decompress(data.read_bytes()).replace(b'"title": "', b'"title": "X', 1)))
    lines = []
    for engine in ("python", "duckdb", "auto"):
        with pytest.raises(InputError) as caught:
            evaluate(claims, [open_evidence(snapshot)], engine=engine, cache=tmp_path / "cache")
        lines.append(caught.value.lines())
    assert (
        lines[0]
        == lines[1]
        == lines[2]
        == [f"{data}: does not match the sha256 in its manifest: the snapshot was changed or damaged"]
    )


@pytest.mark.parametrize("made_from", ["edited", "absent"])
def test_a_table_not_made_from_the_works_file_the_manifest_lists_is_not_read(tmp_path, capsys, made_from):
    """Found by the twentieth part's hunt: works removed from works.jsonl.gz by hand, its sha256,
    size and count put in the manifest, left works.parquet holding them; python judged the
    works file (not contradicted, 1 record) and duckdb and auto the table (contradicted by the
    3 works removed, 4 records), silently. The table names the works file it was made from; one
    made from another (or naming none: made before it did) is read as one of another format."""
    import gzip

    root = project(tmp_path)
    claims = claims_mod.load_claims([claim_file(root / "claims/c.yaml", NO_PARTNERS_CLAIM)], root=root)
    records = [
        work(f"W{k}", "A paper", "2024-06-01", [authorship("Zoë", [LAB]), authorship("B", [HIT])]) for k in (1, 2)
    ]
    records.append(work("W3", "Alone", "2024-06-01", [authorship("Zoë", [LAB])]))
    snapshot = tmp_path / "snap"
    import_works(write_jsonl(tmp_path / "works.jsonl", records), snapshot, institutions=["I100"])
    cache = tmp_path / "cache"
    assert evaluate(claims, [open_evidence(snapshot)], engine="auto", cache=cache).results[0].matched == 2
    data = snapshot / "works.jsonl.gz"
    kept = [line for line in gzip.decompress(data.read_bytes()).splitlines() if b'"Alone"' in line]
    data.write_bytes(gzip.compress(b"\n".join(kept) + b"\n"))
    manifest = json.loads((snapshot / MANIFEST).read_text())
    manifest["files"]["works.jsonl.gz"].update(
        sha256=hashlib.sha256(data.read_bytes()).hexdigest(), bytes=data.stat().st_size, records=1
    )
    if made_from == "absent":
        del manifest["files"][WORKS_TABLE]["made_from_sha256"]
    (snapshot / MANIFEST).write_text(json.dumps(manifest))
    capsys.readouterr()
    reports = [
        render_json(evaluate(claims, [open_evidence(snapshot)], engine=engine, cache=cache))
        for engine in ("python", "auto", "duckdb")
    ]
    assert json.loads(reports[0])["results"][0]["matched"] == 0
    assert reports[1] == reports[0] == reports[2]
    assert "making a columnar copy of" in capsys.readouterr().err  # from works.jsonl.gz, as it is now


def test_a_snapshot_copied_without_its_table_is_read_as_one_made_before_tables(snapshot_case, tmp_path, capsys):
    """Found by the twentieth part's hunt: a snapshot shared without works.parquet (left out as
    derived, or too large for the repository), its records whole, was refused by the default
    engine, auto, and by duckdb: "works.parquet: cannot read the works table: No such file or
    directory". It is read as a snapshot made before tables: auto reads the records, duckdb
    makes a copy into the cache; the same results as python's."""
    claims, snapshot = snapshot_case
    _add_own_table(snapshot).unlink()
    reference = render_json(evaluate(claims, [open_evidence(snapshot)], engine="python"))
    capsys.readouterr()
    assert render_json(evaluate(claims, [open_evidence(snapshot)], engine="auto", cache=tmp_path / "c")) == reference
    assert not (tmp_path / "c").exists()
    assert render_json(evaluate(claims, [open_evidence(snapshot)], engine="duckdb", cache=tmp_path / "c")) == reference
    assert "making a columnar copy of" in capsys.readouterr().err


def test_auto_reads_records_where_no_table_is_made_yet(snapshot_case, tmp_path, capsys):
    claims, snapshot = snapshot_case
    evaluate(claims, [open_evidence(snapshot)], engine="auto", cache=tmp_path / "cache")
    assert not (tmp_path / "cache").exists() and capsys.readouterr().err == ""


@pytest.mark.parametrize("then", ["auto", "duckdb"])
def test_a_damaged_cached_table_is_refused_once_and_set_aside(snapshot_case, tmp_path, capsys, then):
    """Found by the twentieth part's hunt: a damaged copy in the cache (a disk's fault, a power
    cut) was refused by every later check, the default engine's too, until the user found and
    deleted it, told only that "the table was changed or damaged", as if the evidence were. It
    is refused once, saying it is the cache's copy, and set aside: the next check reads the
    evidence (auto) or makes the copy again (duckdb), with python's results."""
    claims, snapshot = snapshot_case
    cache = tmp_path / "cache"
    reference = render_json(evaluate(claims, [open_evidence(snapshot)], engine="python"))
    evaluate(claims, [open_evidence(snapshot)], engine="duckdb", cache=cache)
    (table,) = cache.glob("*.parquet")
    table.write_bytes(b"PAR1" + table.read_bytes()[4:-9] + b"\x00" * 9)
    with pytest.raises(InputError) as caught:
        evaluate(claims, [open_evidence(snapshot)], engine="auto", cache=cache)
    (line,) = caught.value.lines()
    assert line == (
        f"{table}: does not match the sha256 recorded for it (made from {snapshot}): the copy in the cache "
        "was changed or damaged, not the evidence; it is set aside: check again, and the evidence is read anew"
    )
    capsys.readouterr()
    assert render_json(evaluate(claims, [open_evidence(snapshot)], engine=then, cache=cache)) == reference
    assert ("making a columnar copy of" in capsys.readouterr().err) == (then == "duckdb")
    assert render_json(evaluate(claims, [open_evidence(snapshot)], engine="auto", cache=cache)) == reference


def test_the_cache_is_never_inside_a_snapshot(snapshot_case):
    claims, snapshot = snapshot_case
    with pytest.raises(InputError, match="is inside the snapshot"):
        evaluate(claims, [open_evidence(snapshot)], engine="duckdb", cache=snapshot / "cache")
    assert not (snapshot / "cache").exists()


def test_the_cache_folder_is_given_or_the_users(monkeypatch, tmp_path):
    monkeypatch.delenv("CLAIMWATCH_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_folder() == tmp_path / "claimwatch"
    monkeypatch.setenv("CLAIMWATCH_CACHE", str(tmp_path / "elsewhere"))
    assert cache_folder() == tmp_path / "elsewhere"
    assert cache_folder(tmp_path / "given") == tmp_path / "given"


def test_an_unknown_engine_is_refused(snapshot_case):
    claims, snapshot = snapshot_case
    with pytest.raises(ValueError, match="unknown engine 'bigquery'"):
        evaluate(claims, [open_evidence(snapshot)], engine="bigquery")


def test_what_a_killed_run_left_of_a_cached_table_is_removed_when_it_is_made(snapshot_case, tmp_path, capsys):
    """A run killed while it made a columnar copy (kill -9, the system's out-of-memory killer)
    left its temporary folder in the cache, hundreds of megabytes for a million works, which
    nothing removed. The next run making the same table removes it; another table's, and a
    name that only looks like one, are left alone."""
    claims, snapshot = snapshot_case
    cache = tmp_path / "cache"
    evaluate(claims, [open_evidence(snapshot)], engine="duckdb", cache=cache)
    (table,) = cache.glob("*.parquet")
    made = {p.name: p.read_bytes() for p in cache.iterdir()}
    for p in cache.glob("works-*"):  # as if the first run had been killed before its rename
        p.unlink()
    left = [cache / f".{table.name}.tmp-a1b2_c3d", cache / f".{table.name}.tmp-zz9"]
    others = [cache / ".works-0123-t2.parquet.tmp-a1b2c3d4", cache / f".{table.name}.tmp-x.y"]
    for folder in (*left, *others):
        folder.mkdir()
        (folder / "part-000000.parquet").write_bytes(b"PAR1")
    capsys.readouterr()
    evaluate(claims, [open_evidence(snapshot)], engine="duckdb", cache=cache)
    assert "making a columnar copy of" in capsys.readouterr().err
    assert not any(f.exists() for f in left) and all(f.is_dir() for f in others)
    assert {p.name: p.read_bytes() for p in cache.iterdir() if p.is_file()} == made


def test_a_run_waits_for_another_making_the_same_cached_table_and_reads_it(snapshot_case, tmp_path, capsys):
    """Two checks started together on new evidence: the second waits, says so, and reads the
    table the first made rather than making it again."""
    claims, snapshot = snapshot_case
    cache = tmp_path / "cache"
    evaluate(claims, [open_evidence(snapshot)], engine="duckdb", cache=cache)
    (table,) = cache.glob("*.parquet")
    data_sha256 = table.name.removeprefix("works-").split("-t")[0]
    made = {p.name: p.read_bytes() for p in cache.iterdir()}
    sidecar = table.with_suffix(".json")
    kept = sidecar.read_bytes()
    sidecar.unlink()  # not made yet, as far as a run starting now can tell
    capsys.readouterr()
    lock = os.open(cache / f".{table.stem}.lock", os.O_RDWR)
    fcntl.flock(lock, fcntl.LOCK_EX)  # the first run, making it
    read: list[int] = []

    def records():  # the second run's evidence: never read, since the first run made the table
        read.append(1)
        yield from ()

    waiting: list[Table] = []
    second = threading.Thread(target=lambda: waiting.append(make_cached_table(cache, data_sha256, records(), "in")))
    second.start()
    second.join(0.5)
    assert second.is_alive()  # waiting for the lock
    sidecar.write_bytes(kept)  # the first run finishes its table
    os.close(lock)
    second.join(30)
    assert waiting == [Table(table, json.loads(kept)["sha256"], cached=True)] and read == []
    err = capsys.readouterr().err
    assert err == "claimwatch: another claimwatch run is making the same columnar copy: waiting for it\n"
    assert {p.name: p.read_bytes() for p in cache.iterdir()} == made


def test_a_failed_query_leaves_no_check_thread_waiting(snapshot_case, tmp_path, monkeypatch):
    """Found by the review of the sixteenth part: the thread that hashes the works file waited
    for the query for ever where the query failed. The query runs on a thread of its own since
    the thirtieth part: its failure is raised in the caller's, and no thread is left."""
    from claimwatch.columnar import _duckdb

    claims, snapshot = snapshot_case
    _add_own_table(snapshot)

    def fails(*args, **kwargs):
        raise RuntimeError("the query failed")

    monkeypatch.setattr(_duckdb, "screening_query", fails)
    for _ in range(3):
        with pytest.raises(RuntimeError, match="the query failed"):
            evaluate(claims, [open_evidence(snapshot)], engine="duckdb", cache=tmp_path / "cache")
    for thread in threading.enumerate():
        if thread.name in ("claimwatch-table-check", "claimwatch-screen", "claimwatch-fetch"):
            thread.join(10)
            assert not thread.is_alive()


@pytest.mark.parametrize("recorded", ["13.0.0", None])
def test_a_table_made_under_another_unicode_version_is_made_again(tmp_path, capsys, recorded):
    """A table's search forms and words are Python's reading of Unicode (14.0.0 in 3.11, 15.0.0 in
    3.12): a snapshot imported under one and checked under another held the query's needles to
    forms made otherwise. A table of another version, or of none recorded (made before it was),
    is read as one of another format is: a columnar copy is made in the cache, with the same
    results."""
    root = project(tmp_path)
    claims = claims_mod.load_claims([claim_file(root / "claims/c.yaml", NO_PARTNERS_CLAIM)], root=root)
    records = [work("W1", "A paper", "2024-06-01", [authorship("Zoë", [LAB]), authorship("B", [HIT])])]
    import_works(write_jsonl(tmp_path / "works.jsonl", records), tmp_path / "snap", institutions=["I100"])
    manifest = json.loads((tmp_path / "snap" / MANIFEST).read_text())
    assert manifest["files"][WORKS_TABLE]["unicode"] == table_module.UNICODE
    before = render_json(evaluate(claims, [open_evidence(tmp_path / "snap")], engine="duckdb", cache=tmp_path / "c1"))
    assert "making a columnar copy" not in capsys.readouterr().err  # the snapshot's own table
    if recorded is None:
        del manifest["files"][WORKS_TABLE]["unicode"]
    else:
        manifest["files"][WORKS_TABLE]["unicode"] = recorded
    (tmp_path / "snap" / MANIFEST).write_text(json.dumps(manifest))
    after = render_json(evaluate(claims, [open_evidence(tmp_path / "snap")], engine="duckdb", cache=tmp_path / "c2"))
    assert "making a columnar copy of" in capsys.readouterr().err
    assert [p.name for p in (tmp_path / "c2").glob("*.parquet")] != []
    assert all(p.name.endswith(f"-u{table_module.UNICODE}.parquet") for p in (tmp_path / "c2").glob("*.parquet"))
    assert json.loads(after)["results"] == json.loads(before)["results"]


@pytest.mark.parametrize(
    ("older", "said"),
    [
        ("format", "its works table was made by an earlier claimwatch (another table format)"),
        ("made_from", "its works table does not say which works file it was made from (made by an earlier claimwatch)"),
    ],
)
def test_an_older_snapshot_s_table_not_read_is_said_in_one_line(tmp_path, monkeypatch, capsys, older, said):
    """A snapshot made by an earlier claimwatch (a table of another format, or one that does not
    name the works file it was made from) was read from its records, or copied into the cache, in
    silence (issue 18, twentieth part; the issue: older snapshots keep working, "said in one
    line"). `check` says it once, for an engine that reads tables; the python engine reads none."""
    from claimwatch.cli import main

    root = project(tmp_path)
    claim_file(root / "claims/c.yaml", NO_PARTNERS_CLAIM)
    records = [work("W1", "A paper", "2024-06-01", [authorship("Zoë", [LAB]), authorship("B", [HIT])])]
    snapshot = tmp_path / "snap"
    import_works(write_jsonl(tmp_path / "works.jsonl", records), snapshot, institutions=["I100"])
    manifest = json.loads((snapshot / MANIFEST).read_text())
    if older == "format":
        manifest["files"][WORKS_TABLE]["table_format"] = 7
    else:
        del manifest["files"][WORKS_TABLE]["made_from_sha256"]
    (snapshot / MANIFEST).write_text(json.dumps(manifest))
    monkeypatch.setenv("CLAIMWATCH_CACHE", str(tmp_path / "cache"))
    argv = ["check", str(root / "claims/c.yaml"), "--root", str(root), "--evidence", str(snapshot), "--no-reviews"]
    capsys.readouterr()
    for engine in ("auto", "duckdb", "python"):
        assert main([*argv, "--engine", engine]) == 0
        notes = [line for line in capsys.readouterr().err.splitlines() if line.startswith("note:")]
        assert notes == ([] if engine == "python" else [f"note: {snapshot}: {said}: read from its records"])

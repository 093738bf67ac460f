"""What a hostile or careless user tried on imports, snapshots and input files (issue 20, items
4, 6 and 7): each case is one clear line and a non-zero exit, never a traceback, never a broken
or half-written snapshot, and bounded in time and memory. Limits are monkeypatched small here;
the figures at full size are in the issue's report, not in timed tests."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import gzip
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest

import claimwatch
import claimwatch.evidence as store
from claimwatch import documents
from claimwatch._workers import can_fork
from claimwatch.cli import main
from claimwatch.curated import read_curated
from claimwatch.errors import InputError
from claimwatch.evidence import (
    MANIFEST,
    WORKS_FILE,
    Snapshot,
    SnapshotWriter,
    _import,
    _records,
    _snapshot,
    import_works,
    open_evidence,
)
from claimwatch.lists import load_list
from claimwatch.works import Origin, PartialDate, work_from_openalex
from helpers import HIT, LAB, NO_PARTNERS_CLAIM, authorship, claim_file, project, work, write, write_jsonl


def files_in(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def leftovers(parent: Path, name: str) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if p.name.startswith(f".{name}.") and not p.name.endswith(".lock"))


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(args)
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, err.splitlines()


# --- 4. an import pinned to the bytes it read -------------------------------------------------


@pytest.mark.parametrize("layout", ["jsonl", "json"])
def test_a_source_replaced_between_the_two_passes_is_refused(tmp_path, monkeypatch, capsys, layout):
    """The first pass chooses records from one file, the second would copy them from another:
    refused in one line, nothing written, the earlier snapshot as it was."""
    first = [work("W1", "first"), work("W2", "first")]
    source = tmp_path / f"in.{layout}"
    if layout == "jsonl":
        write_jsonl(source, first)
    else:
        source.write_text(json.dumps({"meta": {}, "results": first}, indent=2))
    import_works(write_jsonl(tmp_path / "old.jsonl", [work("W9", "old")]), tmp_path / "snap")
    before = files_in(tmp_path / "snap")
    first_pass = _import._choose_records if layout == "jsonl" else _import._scan_document

    def then_replace(*args, **kwargs):
        scan = first_pass(*args, **kwargs)
        replacement = [work("W1", "swapped"), work("W2", "swapped")]
        if layout == "jsonl":
            write_jsonl(source, replacement)
        else:
            source.write_text(json.dumps({"meta": {}, "results": replacement}, indent=2))
        return scan

    monkeypatch.setattr(_import, "_choose_records" if layout == "jsonl" else "_scan_document", then_replace)
    code, err = run(["evidence", "import", str(source), "--out", str(tmp_path / "snap")], capsys)
    assert code == 2
    assert err == [f"{source}: {_import.CHANGED_WHILE_READ}"]
    assert files_in(tmp_path / "snap") == before
    assert leftovers(tmp_path, "snap") == []


def test_a_source_cut_short_between_the_passes_is_refused_the_same_way(tmp_path, monkeypatch):
    source = write_jsonl(tmp_path / "in.jsonl.gz", [work(f"W{i}", "x" * 100) for i in range(1, 50)], gz=True)
    real = _import._choose_records

    def then_truncate(*args, **kwargs):
        scan = real(*args, **kwargs)
        source.write_bytes(source.read_bytes()[:-40])
        return scan

    monkeypatch.setattr(_import, "_choose_records", then_truncate)
    with pytest.raises(InputError) as e:
        import_works(source, tmp_path / "snap")
    assert e.value.lines() == [f"{source}: {_import.CHANGED_WHILE_READ}"]
    assert not (tmp_path / "snap").exists()


_REAL_SCAN = _import._scan


def _share_seeing_other_bytes(*args):
    """A share of the first pass that read other bytes than the rest (the file changed under it)."""
    scan = _REAL_SCAN(*args)
    scan.digest = f"{args[-2]}" * 64
    return scan


def test_parallel_shares_that_read_different_bytes_are_refused(tmp_path, monkeypatch):
    source = write_jsonl(tmp_path / "in.jsonl", [work(f"W{i}", "x") for i in range(1, 30)])
    monkeypatch.setattr(_import, "PARALLEL_IMPORT_BYTES", 0)
    monkeypatch.setattr(_import, "_scan", _share_seeing_other_bytes)
    monkeypatch.setattr(_import.os, "cpu_count", lambda: 4)
    with pytest.raises(InputError) as e:
        import_works(source, tmp_path / "snap")
    assert e.value.lines() == [f"{source}: {_import.CHANGED_WHILE_READ}"]


def test_the_manifest_records_the_digest_of_the_stored_data_and_of_the_source_read(tmp_path):
    import hashlib

    source = write_jsonl(tmp_path / "in.jsonl", [work("W1", "x"), work("W2", "y")])
    summary = import_works(source, tmp_path / "snap")
    stored = hashlib.sha256((tmp_path / "snap" / WORKS_FILE).read_bytes()).hexdigest()
    assert summary.manifest.files[WORKS_FILE]["sha256"] == stored
    assert summary.manifest.queries[0]["sha256"] == hashlib.sha256(source.read_bytes()).hexdigest()


def test_a_works_file_changed_after_it_was_opened_is_refused_when_read(tmp_path):
    """The sha256 a report cites is that of the bytes the check read."""
    source = write_jsonl(tmp_path / "in.jsonl", [work("W1", "x")])
    evidence = open_evidence(source)
    write_jsonl(source, [work("W1", "changed")])
    with pytest.raises(InputError) as e:
        list(evidence.works())
    assert e.value.lines()[0].startswith(f"{source}: changed while it was read")


def test_two_imports_whose_names_share_a_prefix_leave_each_others_temporaries_alone(tmp_path):
    """`msra` and `msra.old-2024` written at once: msra's clean-up touches only its own names."""
    import_works(write_jsonl(tmp_path / "a.jsonl", [work("W1", "a")]), tmp_path / "msra")
    other = SnapshotWriter(tmp_path / "msra.old-2024")  # being written right now
    other.write_record(work("W2", "b"))
    look_alikes = [".msra.old-2024.tmp-x1", ".msra.old-2024.old-77", ".msra.tmp-.tmp-y"]
    for name in look_alikes:
        (tmp_path / name).mkdir()
        (tmp_path / name / MANIFEST).write_text("{}")
    (tmp_path / ".msra.tmp-stale_1").mkdir()  # msra's own, left by a killed run
    import_works(write_jsonl(tmp_path / "b.jsonl", [work("W1", "a2")]), tmp_path / "msra")
    assert other.tmp.is_dir() and all((tmp_path / n).is_dir() for n in look_alikes)
    assert not (tmp_path / ".msra.tmp-stale_1").exists()
    other.commit({"source": "import", "created": "2025-01-01T00:00:00Z", "tool": {}, "coverage": {}})
    assert {w.title for w in Snapshot.open(tmp_path / "msra.old-2024").works()} == {"b"}
    assert {w.title for w in Snapshot.open(tmp_path / "msra").works()} == {"a2"}


@pytest.mark.parametrize(
    "name", ["快照" * 42, "a" * 255, "msra-" + "é" * 118], ids=["84 Chinese characters", "255 letters", "241 bytes"]
)
def test_a_snapshot_named_near_the_limit_is_written_and_its_leftovers_still_cleaned(tmp_path, name):
    """`evidence import --out evidence/snapshots/NAME`, NAME 84 Chinese characters (252 bytes;
    or 255 ASCII letters): the lock and temporary beside it, `.NAME.tmp-XXXXXXXX`, longer than a
    name may be: "cannot write the snapshot: File name too long", exit 2, a name a report or list
    may have. Now written; a killed run's leftovers are still found by their whole name, and
    another snapshot's, alike in its first 250 bytes, left alone."""
    from claimwatch.evidence import SnapshotWriter

    out, twin = tmp_path / name, tmp_path / f"{name[:-1]}X"
    assert (
        main(["evidence", "import", str(write_jsonl(tmp_path / "a.jsonl", [work("W1", "a")])), "--out", str(out)]) == 0
    )
    assert {w.title for w in Snapshot.open(out).works()} == {"a"}
    before = files_in(out)
    writer = SnapshotWriter(out)
    own = writer.tmp.name[: writer.tmp.name.rindex(".tmp-")]  # the name its temporaries start with
    writer.abort()
    other = SnapshotWriter(twin)  # being written right now
    other.write_record(work("W2", "b"))
    theirs = other.tmp.name[: other.tmp.name.rindex(".tmp-")]
    assert own != theirs and all(len(p.name.encode()) <= 255 for p in tmp_path.iterdir())
    (tmp_path / f"{theirs}.tmp-stale_2").mkdir()
    (tmp_path / f"{own}.tmp-stale_1").mkdir()  # out's own, left by a killed run
    out.rename(tmp_path / f"{own}.old-4242")  # killed between the two renames of the fallback swap
    SnapshotWriter(out).abort()  # taking the lock puts the earlier snapshot back
    assert files_in(out) == before
    assert not (tmp_path / f"{own}.tmp-stale_1").exists() and not (tmp_path / f"{own}.old-4242").exists()
    assert other.tmp.is_dir() and (tmp_path / f"{theirs}.tmp-stale_2").is_dir()
    other.commit({"source": "import", "created": "2025-01-01T00:00:00Z", "tool": {}, "coverage": {}})
    assert {w.title for w in Snapshot.open(twin).works()} == {"b"}
    assert (
        main(["evidence", "import", str(write_jsonl(tmp_path / "b.jsonl", [work("W1", "a2")])), "--out", str(out)]) == 0
    )
    assert {w.title for w in Snapshot.open(out).works()} == {"a2"}


def test_two_imports_with_prefix_names_at_once_in_separate_processes(tmp_path):
    names = ["msra", "msra.old-2024"]
    sources = [
        write_jsonl(tmp_path / f"in{i}.jsonl", [work(f"W{j}", n) for j in range(1, 400)]) for i, n in enumerate(names)
    ]
    script = "import sys, claimwatch.evidence as e\nfor _ in range(5): e.import_works(sys.argv[1], sys.argv[2])"
    procs = [
        subprocess.Popen([sys.executable, "-c", script, str(src), str(tmp_path / n)], stderr=subprocess.PIPE, text=True)
        for src, n in zip(sources, names, strict=True)
    ]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errors
    for n in names:
        assert {w.title for w in Snapshot.open(tmp_path / n).works()} == {n}


@pytest.mark.parametrize("digest", [None, "", "abc", 42])
def test_a_manifest_without_the_data_digest_is_refused(tmp_path, capsys, digest):
    """Its sha256 removed and the data swapped: nothing can show the data is the one imported."""
    import_works(write_jsonl(tmp_path / "in.jsonl", [work("W1", "x")]), tmp_path / "snap")
    manifest = json.loads((tmp_path / "snap" / MANIFEST).read_text())
    if digest is None:
        del manifest["files"][WORKS_FILE]["sha256"]
    else:
        manifest["files"][WORKS_FILE]["sha256"] = digest
    (tmp_path / "snap" / MANIFEST).write_text(json.dumps(manifest))
    (tmp_path / "snap" / WORKS_FILE).write_bytes(gzip.compress(json.dumps(work("W1", "swapped")).encode() + b"\n"))
    code, err = run(["evidence", "show", str(tmp_path / "snap")], capsys)
    assert (code, err) == (
        2,
        [
            f"{tmp_path}/snap/{MANIFEST}: gives no sha256 of {WORKS_FILE}, so its data cannot be checked: "
            "refused (import or collect the snapshot again)"
        ],
    )


# --- 6. one line where a traceback was ------------------------------------------------------


@pytest.mark.parametrize("text, latest", [("9999-12", "9999-12-31"), ("9999", "9999-12-31"), ("2024-02", "2024-02-29")])
def test_a_date_at_the_end_of_the_calendar_has_its_range(text, latest):
    assert str(PartialDate.parse(text).latest) == latest


def test_a_publication_date_of_9999_12_is_read_in_every_command(tmp_path, monkeypatch, capsys):
    root = project(tmp_path)
    claim_file(root / "claims/c.yaml", NO_PARTNERS_CLAIM)
    records = [work("W1", "far", date="9999-12", authorships=[authorship("A", [LAB])])]
    source = write_jsonl(root / "in.jsonl", records)
    monkeypatch.chdir(root)
    args = ["evidence", "import", "in.jsonl", "--out", "snap", "--subject", "I100", "--from", "2024-01-01"]
    assert run(args, capsys)[0] == 0
    assert run(["evidence", "show", str(source)], capsys)[0] == 0
    assert run(["check", "claims/c.yaml", "--evidence", "snap", "--evidence", str(source)], capsys)[0] == 0


def test_a_curated_version_published_9999_12_is_read(tmp_path):
    path = write(
        tmp_path / "c.yaml",
        """\
        description: d
        works:
          - id: a
            title: T
            versions:
              - {label: v, published: "9999-12", authors: [{name: X}], sources: [{title: s}]}
        """,
    )
    assert [str(w.published.latest) for w in read_curated(path)] == ["9999-12-31"]


def test_a_work_id_of_5000_digits_is_one_line(tmp_path, capsys):
    long_id = "W" + "1" * 5000
    source = write_jsonl(tmp_path / "in.jsonl", [work("W2", "ok"), work(long_id, "long")])
    message = f"{source}:2:1: not an OpenAlex work record: its id has 5,000 digits (OpenAlex ids have at most 20)"
    for args in (
        ["evidence", "import", str(source), "--out", str(tmp_path / "snap")],
        ["evidence", "show", str(source)],
    ):
        code, err = run(args, capsys)
        assert (code, err) == (2, [message])
    # Read from a record no check has seen (a collect's), the id gives way to the record's origin.
    built = work_from_openalex(work(long_id, "long") | {"ids": {}}, Origin("snapshot", "x", 3))
    assert built.id == "x:3"


def test_a_long_non_openalex_id_is_cut_in_the_message(tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", [work("W2", "ok") | {"id": "Z" * 10_000}])
    with pytest.raises(InputError) as e:
        import_works(source, tmp_path / "snap")
    (line,) = e.value.lines()
    assert len(line) < 300 and line.endswith("(10,002 characters)")


@pytest.mark.parametrize("which", [WORKS_FILE, MANIFEST])
def test_a_folder_where_a_snapshot_file_belongs_is_one_line(tmp_path, capsys, which):
    import_works(write_jsonl(tmp_path / "in.jsonl", [work("W1", "x")]), tmp_path / "snap")
    (tmp_path / "snap" / which).unlink()
    (tmp_path / "snap" / which).mkdir()
    code, err = run(["evidence", "show", str(tmp_path / "snap")], capsys)
    assert (code, err) == (2, [f"{tmp_path}/snap/{which}: is a folder, not a file"])
    # Nor is such a folder replaced by an import: it is not a snapshot any more.
    if which == MANIFEST:
        code, err = run(["evidence", "import", str(tmp_path / "in.jsonl"), "--out", str(tmp_path / "snap")], capsys)
        message = f"{tmp_path}/snap: exists and is not a snapshot (its {which} is a folder); refusing to replace it"
        assert (code, err) == (2, [message])


def import_one_work(tmp_path: Path, capsys) -> tuple[int, list[str]]:
    """`evidence import` of a one-work file into tmp_path/snap: the exit code and error lines."""
    source = write_jsonl(tmp_path / "in.jsonl", [work("W1", "x")])
    return run(["evidence", "import", str(source), "--out", str(tmp_path / "snap")], capsys)


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "self.yaml"],
        ["check", "self.yaml", "--evidence", "."],
        ["check", "--evidence", "self.yaml"],
        ["check", "--evidence", ".", "--reviews", "self.yaml"],
        ["evidence", "import", "self.yaml", "--out", "snap"],
        ["review", "--claims", "looped/c.yaml", "--evidence", "."],
        ["diff", "self.yaml", "self.yaml"],
        ["lists", "show", "self.yaml"],
        ["lists", "diff", "self.yaml", "self.yaml"],
    ],
    ids=[
        "validate",
        "check-claims",
        "check-evidence",
        "check-reviews",
        "evidence-import",
        "through-a-folder",
        "diff",
        "lists-show",
        "lists-diff",
    ],
)
def test_an_input_that_leads_round_in_a_loop_is_not_said_missing(tmp_path, monkeypatch, capsys, args):
    """`check self.yaml ...`, self.yaml a link to itself (`ln -s` run in the wrong folder): click
    said "Invalid value for '[CLAIMS]...': Path 'self.yaml' does not exist", untrue of a file the
    analyst can see, where a link so in a folder of evidence is said to lead round in a loop.
    Said so, in the output guard's words, for every input that must be there, and for a file
    only read (`diff`, `lists show`, `lists diff` said "cannot read: Too many levels of symbolic
    links")."""
    monkeypatch.chdir(tmp_path)
    os.symlink("self.yaml", "self.yaml")
    os.symlink("looped", "looped")
    assert main(args) == 2
    given = next(a for a in args if a in ("self.yaml", "looped/c.yaml"))
    said = "a link on this path leads round in a loop (to itself, or to links that lead back to it)"
    assert capsys.readouterr().err.splitlines() == [f"{given}: {said}: remove it, or give another path"]


def test_a_folder_where_the_lock_belongs_is_one_line(tmp_path, capsys):
    (tmp_path / ".snap.lock").mkdir()
    code, err = import_one_work(tmp_path, capsys)
    said = "cannot write the snapshot: its lock beside it (.snap.lock) is a folder, not a lock file: remove it"
    assert (code, err) == (2, [f"{tmp_path}/snap: {said}"])
    assert not (tmp_path / "snap").exists()


def test_a_folder_where_any_lock_belongs_is_said_in_one_wording(tmp_path, capsys):
    """A folder where a lock belongs (a sync client's conflict, a hand's `mkdir`) was said three
    ways: ".snap.lock: is a folder, not the snapshot's lock file: remove it", "cache/.works-...lock:
    cannot lock the cache: Is a directory" (the lock's name, where the copy is what the line is
    about) and "reviews.yaml: cannot record a review: its lock beside it (.reviews.yaml.lock): Is a
    directory". One wording now, of what could not be done, naming the lock."""
    from claimwatch.columnar import _cache

    table = tmp_path / "works.parquet"
    (tmp_path / ".works.lock").mkdir()
    with pytest.raises(InputError) as e:
        _cache._lock(table)
    said = "its lock beside it (.works.lock) is a folder, not a lock file: remove it"
    assert e.value.lines() == [f"{table}: cannot make the columnar copy: {said}"]
    assert main(["init", str(tmp_path / "case")]) == 0
    (tmp_path / "case" / ".reviews.yaml.lock").mkdir()
    reviews = (tmp_path / "case" / "reviews.yaml").read_bytes()
    capsys.readouterr()
    review = ["review", "example-lab-no-military-drone-swarms", "W1", "--decision", "confirmed", "--note", "n"]
    assert main([*review, "--root", str(tmp_path / "case")]) == 2
    said = "cannot record a review: its lock beside it (.reviews.yaml.lock) is a folder, not a lock file: remove it"
    assert capsys.readouterr().err.splitlines() == [f"{tmp_path / 'case' / 'reviews.yaml'}: {said}"]
    assert (tmp_path / "case" / "reviews.yaml").read_bytes() == reviews


@pytest.mark.parametrize("target", ["elsewhere.lock", None], ids=["to-a-file", "to-itself"])
def test_a_link_where_a_lock_belongs_is_said_a_link(tmp_path, capsys, target):
    """A link where a lock belongs (a sync client's, a hand's `ln -s`), which a lock is never
    opened through (O_NOFOLLOW): "reviews.yaml: cannot record a review: its lock beside it
    (.reviews.yaml.lock): Too many levels of symbolic links", untrue of a link to a file, and
    "cache/works.parquet: cannot make the columnar copy: ... Too many levels ..." likewise. Said
    a link now, in the one wording of a lock not taken, and nothing recorded."""
    from claimwatch.columnar import _cache

    (tmp_path / "elsewhere.lock").write_text("")
    table = tmp_path / "works.parquet"
    (tmp_path / ".works.lock").symlink_to(target or ".works.lock")
    with pytest.raises(InputError) as e:
        _cache._lock(table)
    said = "is a link, which a lock is never opened through: remove it"
    assert e.value.lines() == [f"{table}: cannot make the columnar copy: its lock beside it (.works.lock) {said}"]
    assert main(["init", str(tmp_path / "case")]) == 0
    (tmp_path / "case" / "elsewhere.lock").write_text("")
    (tmp_path / "case" / ".reviews.yaml.lock").symlink_to(target or ".reviews.yaml.lock")
    reviews = (tmp_path / "case" / "reviews.yaml").read_bytes()
    capsys.readouterr()
    review = ["review", "example-lab-no-military-drone-swarms", "W1", "--decision", "confirmed", "--note", "n"]
    assert main([*review, "--root", str(tmp_path / "case")]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"{tmp_path / 'case' / 'reviews.yaml'}: cannot record a review: its lock beside it (.reviews.yaml.lock) {said}"
    ]
    assert (tmp_path / "case" / "reviews.yaml").read_bytes() == reviews


def test_a_lock_there_that_this_user_may_not_open_is_named(tmp_path, capsys, monkeypatch):
    """A lock another user made and keeps to themselves (0600; a team's share with umask 077):
    "reviews.yaml: cannot record a review: Permission denied", once the lock's words were made
    one, sending the analyst to a reviews file they may write; "works.parquet: cannot make the
    columnar copy: Permission denied" likewise. The lock is named, as before this part for the
    review. (Tests run as root, whom no mode stops: the refusal is made here.)"""
    import claimwatch.files
    from claimwatch.columnar import _cache

    real_open = os.open

    def refused_to_locks(path, flags, *args):
        if os.fspath(path).endswith(".lock"):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_open(path, flags, *args)

    table = tmp_path / "works.parquet"
    (tmp_path / ".works.lock").write_text("")
    assert main(["init", str(tmp_path / "case")]) == 0
    (tmp_path / "case" / ".reviews.yaml.lock").write_text("")
    capsys.readouterr()
    monkeypatch.setattr(claimwatch.files.os, "open", refused_to_locks)
    with pytest.raises(InputError) as e:
        _cache._lock(table)
    said = "its lock beside it (.works.lock): Permission denied"
    assert e.value.lines() == [f"{table}: cannot make the columnar copy: {said}"]
    review = ["review", "example-lab-no-military-drone-swarms", "W1", "--decision", "confirmed", "--note", "n"]
    assert main([*review, "--root", str(tmp_path / "case")]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"{tmp_path / 'case' / 'reviews.yaml'}: cannot record a review: its lock beside it (.reviews.yaml.lock): "
        "Permission denied"
    ]


@pytest.mark.parametrize("out", [".", "..", "sub/..", "./"])
def test_out_dot_is_one_line_and_replaces_nothing(tmp_path, monkeypatch, capsys, out):
    (tmp_path / "sub").mkdir()
    source = write_jsonl(tmp_path / "sub" / "in.jsonl", [work("W1", "x")])
    monkeypatch.chdir(tmp_path / "sub")
    code, err = run(["evidence", "import", str(source), "--out", out], capsys)
    assert code == 2
    assert err == [f"{out}: give the snapshot folder by its name (e.g. --out evidence/snapshots/NAME), not '.' or '..'"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sub"]


def _fail_after(calls: int, err: int):
    """A write that works `calls` times, then fails as a full (or read-only) disk does."""
    count = {"n": 0}
    real = _snapshot._HashingWriter.write

    def write(self, data):
        count["n"] += 1
        if count["n"] > calls:
            raise OSError(err, os.strerror(err))
        return real(self, data)

    return write


@pytest.mark.parametrize("calls", [0, 2])
def test_a_full_disk_during_an_import_is_one_line_exit_2_and_keeps_the_earlier_snapshot(
    tmp_path, monkeypatch, capsys, calls
):
    import_works(write_jsonl(tmp_path / "old.jsonl", [work("W1", "old")]), tmp_path / "snap")
    before = files_in(tmp_path / "snap")
    monkeypatch.setattr(_snapshot._GzipBlocks, "BLOCK", 1000)  # a member every few records
    monkeypatch.setattr(_snapshot._HashingWriter, "write", _fail_after(calls, errno.ENOSPC))
    source = write_jsonl(tmp_path / "in.jsonl", [work(f"W{i}", "t" * 200) for i in range(1, 60)])
    code, err = run(["evidence", "import", str(source), "--out", str(tmp_path / "snap")], capsys)
    assert (code, err) == (2, [f"{tmp_path}/snap: cannot write the snapshot: No space left on device"])
    assert files_in(tmp_path / "snap") == before
    assert leftovers(tmp_path, "snap") == []


def test_a_full_disk_when_the_manifest_is_written_is_one_line(tmp_path, monkeypatch, capsys):
    real = os.fsync

    def fsync(fd):
        # The data file and the works table synced, then the manifest fails.
        if os.readlink(f"/proc/self/fd/{fd}").endswith("manifest.json"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(fd)

    monkeypatch.setattr(_snapshot.os, "fsync", fsync)
    code, err = import_one_work(tmp_path, capsys)
    assert (code, err) == (2, [f"{tmp_path}/snap: cannot write the snapshot: No space left on device"])
    assert not (tmp_path / "snap").exists() and leftovers(tmp_path, "snap") == []


@pytest.mark.parametrize("where", ["lock", "mkdtemp", "data"])
def test_a_read_only_file_system_is_one_line(tmp_path, monkeypatch, capsys, where):
    """As root (as CI often is) chmod does not stop a write: the file system's error is faked."""
    rofs = OSError(errno.EROFS, os.strerror(errno.EROFS))
    if where == "lock":
        real_open = os.open
        monkeypatch.setattr(
            _snapshot.os,
            "open",
            lambda p, *a, **k: (_ for _ in ()).throw(rofs) if str(p).endswith(".lock") else real_open(p, *a, **k),
        )
    elif where == "mkdtemp":
        monkeypatch.setattr(_snapshot.tempfile, "mkdtemp", lambda **_: (_ for _ in ()).throw(rofs))
    else:
        monkeypatch.setattr(_snapshot._HashingWriter, "write", _fail_after(0, errno.EROFS))
    source = write_jsonl(tmp_path / "in.jsonl", [work("W1", "x")])
    code, err = run(["evidence", "import", str(source), "--out", str(tmp_path / "snap")], capsys)
    assert (code, err) == (2, [f"{tmp_path}/snap: cannot write the snapshot: Read-only file system"])
    assert not (tmp_path / "snap").exists()


_INTERRUPTED_IMPORT = """
import sys, time
from claimwatch.cli import main
from claimwatch.evidence import _import
_import.PARALLEL_IMPORT_BYTES = 0
_import.os.cpu_count = lambda: 4
real = _import.parse_record
said = []
def slow(line, path, n):
    if not said:
        said.append(1)
        print("scanning", flush=True)
    time.sleep(0.002)
    return real(line, path, n)
_import.parse_record = slow
sys.exit(main(["evidence", "import", sys.argv[1], "--out", sys.argv[2]]))
"""


def _stopped_in_the_first_pass(tmp_path: Path, stop: signal.Signals) -> tuple[int, str]:
    """An import's exit status and stderr, `stop` sent to its process group (its own, as a
    terminal's foreground job's is, or a job's under `timeout`) while its workers scan."""
    source = write_jsonl(tmp_path / "in.jsonl", [work(f"W{i}", "x") for i in range(1, 3000)])
    with subprocess.Popen(
        [sys.executable, "-c", _INTERRUPTED_IMPORT, str(source), str(tmp_path / "snap")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    ) as proc:
        try:
            assert proc.stdout.readline().startswith("scanning")  # a worker (or several) at work
            os.killpg(proc.pid, stop)  # reaches the parent and every worker
            _, err = proc.communicate(timeout=60)
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
    return proc.returncode, err


def test_ctrl_c_during_the_parallel_first_pass_is_one_line_and_writes_nothing(tmp_path):
    code, err = _stopped_in_the_first_pass(tmp_path, signal.SIGINT)
    assert (code, err.strip()) == (130, "claimwatch: interrupted"), err
    assert not (tmp_path / "snap").exists() and leftovers(tmp_path, "snap") == []


_CTRL_C_AT_THE_FORK = """
import os, signal, sys, threading, time
from claimwatch.cli import main
from claimwatch.evidence import _import
_import.PARALLEL_IMPORT_BYTES = 0
_import.os.cpu_count = lambda: 4
parent = os.getpid()
who = sys.argv[3]

def ctrl_c():
    os.kill(os.getpid(), getattr(signal, sys.argv[4]))
    time.sleep(0.05)  # the fork goes on after it, as a fork does on a busy machine

def forking_the(module):
    frame = sys._getframe()
    while frame and not frame.f_code.co_filename.endswith(module):
        frame = frame.f_back
    return frame is not None

if who == "worker":  # in each worker, before it has run a line of its own
    os.register_at_fork(after_in_child=lambda: os.getpid() != parent and ctrl_c())
else:  # in the parent, while it makes the first pass's pool, or the works table writer's
    module = "_import.py" if who == "parent" else "_table.py"
    os.register_at_fork(before=lambda: os.getpid() == parent and forking_the(module) and ctrl_c())
    # Another thread, as DuckDB's and gzip's are: the kernel may give it the signal.
    threading.Thread(target=time.sleep, args=(60,), daemon=True).start()
sys.exit(main(["evidence", "import", sys.argv[1], "--out", sys.argv[2]]))
"""


@pytest.mark.parametrize("stop", ["SIGINT", "SIGTERM"])
@pytest.mark.parametrize("who", ["worker", "parent", "parent making the works table"])
def test_ctrl_c_while_the_workers_are_forked_is_the_parents_alone(tmp_path, who, stop):
    """The window CI hit: a Ctrl-C reaching a worker between its fork and its first line printed
    'Exception ignored in: ...' beside the parent's one line. A worker drops it now; the parent,
    which holds it while forking, answers it once the pool is made, leaving nothing behind.
    SIGTERM is held alike: the parent answers it as it answers Ctrl-C; a worker it reaches
    ends, and the parent says a worker stopped."""
    source = write_jsonl(tmp_path / "in.jsonl", [work(f"W{i}", "x") for i in range(1, 50)])
    done = subprocess.run(
        [sys.executable, "-c", _CTRL_C_AT_THE_FORK, str(source), str(tmp_path / "snap"), who, stop],
        capture_output=True,
        text=True,
        timeout=120,
    )
    if who == "worker" and stop == "SIGINT":  # the workers' business is not stopped by a Ctrl-C that is not theirs
        assert (done.returncode, done.stderr) == (0, "")
        assert (tmp_path / "snap" / "manifest.json").exists()
        return
    if who == "worker":
        said = f"a worker process reading {source} stopped abruptly"
        assert (done.returncode, done.stderr.startswith(said), done.stderr.count("\n")) == (3, True, 1), done.stderr
    elif stop == "SIGINT":
        assert (done.returncode, done.stderr.strip()) == (130, "claimwatch: interrupted")
    else:
        assert (done.returncode, done.stderr) == (143, "claimwatch: terminated\n")
    assert not (tmp_path / "snap").exists() and leftovers(tmp_path, "snap") == []


_A_WORKER_DIES = """
import os, signal, sys
from claimwatch.cli import main
from claimwatch.columnar import _table
from claimwatch.evidence import _import
_import.PARALLEL_IMPORT_BYTES = 0
_import.os.cpu_count = lambda: 2
_table._threads = lambda: 2  # the works table's writer forks two workers, on any machine
real_scan = _import._scan

def _scan(*args):
    if args[-2] == 1:  # the second share of the first pass
        os.kill(os.getpid(), signal.SIGKILL)  # as the system's out-of-memory killer does
    return real_scan(*args)

def _write_part(first, chunk, part):
    os.kill(os.getpid(), signal.SIGKILL)

if sys.argv[3] == "reading":
    _import._scan = _scan
else:
    _table._write_part = _write_part
sys.exit(main(["evidence", "import", sys.argv[1], "--out", sys.argv[2]]))
"""


@pytest.mark.skipif(not can_fork(), reason="no fork on this platform: no workers to die")
@pytest.mark.parametrize("stage", ["reading", "writing the works table"])
def test_an_import_whose_worker_is_killed_is_one_line_and_writes_nothing(tmp_path, stage):
    """It hung, saying nothing: `multiprocessing.Pool` waits for a dead worker's work for ever."""
    source = write_jsonl(tmp_path / "in.jsonl", [work(f"W{i}", "x") for i in range(1, 50)])
    snap = tmp_path / "snap"
    done = subprocess.run(
        [sys.executable, "-c", _A_WORKER_DIES, str(source), str(snap), stage],
        capture_output=True,
        text=True,
        timeout=120,
    )
    what = f"reading {source}" if stage == "reading" else f"writing the works table {snap}/works.parquet"
    assert (done.returncode, done.stderr) == (
        3,
        f"a worker process {what} stopped abruptly (killed, by the system for want of memory or by hand): "
        "nothing was written; free memory on this machine and run the command again\n",
    )
    assert not snap.exists() and leftovers(tmp_path, "snap") == []


def test_sigterm_during_an_import_is_one_line_and_leaves_nothing(tmp_path):
    """As a job scheduler or `timeout` stops a job: SIGTERM to the whole process group. It ended
    the import on the spot, saying nothing, its temporary folder left behind."""
    assert _stopped_in_the_first_pass(tmp_path, signal.SIGTERM) == (143, "claimwatch: terminated\n")
    assert not (tmp_path / "snap").exists() and leftovers(tmp_path, "snap") == []


_STOPPED_IN_A_QUERY = """
import importlib, os, signal, sys, threading, time
from claimwatch.cli import main
from claimwatch.columnar import _duckdb
signal.signal(signal.SIGINT, signal.default_int_handler)  # whatever the test runner's is
stop = getattr(signal, sys.argv[1])

ENDLESS = "SELECT -1 AS evidence, count(*) AS ordinal FROM range(20000000000) t(x) WHERE x % 7 = 3"

def stop_soon():
    open("stopped-at", "w").write(sys.argv[2])
    threading.Thread(target=lambda: (time.sleep(0.5), os.kill(os.getpid(), stop)), daemon=True).start()

def slow_linked(plan, sources):
    # A query of minutes in DuckDB, where the signal lands, as in a large check's screening
    # query (since the thirtieth part on a thread of its own, the signal in the main thread,
    # which waits for the query's first part).
    stop_soon()
    return ENDLESS

real_query = _duckdb.screening_query

def slow_second_part(plan, sources, *args, part=None, **kwargs):
    # The first part (a row a table) screened and its candidates judged, the signal landing in
    # the main thread as it waits for the second part's.
    if part is None or all(span is None or span[0] == 0 for span in part):
        return real_query(plan, sources, *args, part=part, **kwargs)
    stop_soon()
    return ENDLESS

if sys.argv[2] == "linked":
    _duckdb.linked_query = slow_linked
else:
    _duckdb._PART_ROWS = 1
    _duckdb.screening_query = slow_second_part
sys.exit(main(["check", "claims/c.yaml", "--evidence", "in.jsonl", "--engine", "duckdb", "--cache", "cache",
               "--json", "r.json"]))
"""


@pytest.mark.parametrize("stage", ["linked", "second part"])
@pytest.mark.parametrize(("stop", "said", "code"), [("SIGINT", "interrupted", 130), ("SIGTERM", "terminated", 143)])
def test_a_stop_during_a_duckdb_query_is_one_line(tmp_path, stop, said, code, stage):
    """DuckDB answers a Ctrl-C during a query with RuntimeError('Query interrupted'), raised from
    the KeyboardInterrupt: `check --engine duckdb` printed a traceback and exited 1 when Ctrl-C
    came during its screening query (seconds of a large check). Now it is the stop it came from,
    in the records linked by shared keys worked out first or, the review of the thirtieth part
    added, in a later part of the query, the first part's candidates judged."""
    root = project(tmp_path)
    claim_file(root / "claims/c.yaml", NO_PARTNERS_CLAIM)
    coauthored = [authorship("A", [LAB]), authorship("B", [HIT])]
    write_jsonl(root / "in.jsonl", [work(f"W{n}", "x", authorships=coauthored) for n in range(1, 4)])
    done = subprocess.run(
        [sys.executable, "-c", _STOPPED_IN_A_QUERY, stop, stage],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (root / "stopped-at").read_text() == stage
    assert (done.returncode, done.stderr.splitlines()[-1:]) == (code, [f"claimwatch: {said}"]), done.stderr
    assert "Traceback" not in done.stderr and not (root / "r.json").exists()


def _a_read_only_file_of_each_writer(case: Path) -> dict[str, tuple[Path, list[str]]]:
    """For each command that replaces a file, the file it replaces and the command. The CSL row
    is the fixture's layout with one entity, as the real list gives one per row."""
    header = (Path(__file__).parent / "fixtures/csl/consolidated.csv").read_text(encoding="utf-8").splitlines()[0]
    row = ['""'] * 29
    row[1], row[5] = '"Entity List (EL) - Bureau of Industry and Security"', '"Delta Institute"'
    (case / "c.csv").write_text(f"{header}\n{','.join(row)}\n", encoding="utf-8")
    (case / "report.json").write_text("{}\n", encoding="utf-8")
    assert main(["lists", "import", "csl", "c.csv", "--out", "evidence/lists/csl.yaml"]) == 0  # an earlier import
    review = ["review", "example-lab-no-military-drone-swarms", "W1", "--decision", "confirmed", "--note", "n"]
    return {
        "review": (case / "reviews.yaml", review),
        "lists import --out": (
            case / "evidence/lists/csl.yaml",
            ["lists", "import", "csl", "c.csv", "--out", "evidence/lists/csl.yaml"],
        ),
        "check --json": (case / "report.json", ["check", "--evidence", "evidence/", "--json", "report.json"]),
    }


@pytest.mark.parametrize("writer", ["review", "lists import --out", "check --json"])
@pytest.mark.parametrize("mode", [0o444, 0o555])
def test_a_read_only_file_is_refused_not_replaced(tmp_path, monkeypatch, capsys, writer, mode):
    """`claimwatch review` with the case's reviews.yaml made read-only (`chmod a-w`, an analyst
    freezing the decisions of a published report) replaced it all the same, and the new file
    read-only too: the rename that replaces a file needs only its folder. So did `lists import
    --out` and a report. Now each is one line naming the file, exit 2, the file as it was."""
    assert main(["init", str(tmp_path / "case")]) == 0
    case = tmp_path / "case"
    monkeypatch.chdir(case)
    target, args = _a_read_only_file_of_each_writer(case)[writer]
    before = target.read_bytes()
    target.chmod(mode)
    capsys.readouterr()
    code, err = run(args, capsys)
    said = f"{target.name}: cannot write: the file is read-only; make it writable to replace it"
    assert code == 2 and len(err) == 1 and err[0].endswith(said), err
    assert target.read_bytes() == before and target.stat().st_mode & 0o777 == mode
    assert not [p.name for p in target.parent.iterdir() if p.name.endswith(".tmp")]
    target.chmod(0o644)
    assert main(args) == 0


@pytest.mark.parametrize("name", ["r" * 245 + ".json", "微软亚洲研究院" * 11 + "审查报告.md", "x" * 250 + ".yaml"])
def test_an_output_named_near_the_file_system_s_limit_is_written(tmp_path, monkeypatch, capsys, name):
    """`check --md 微软亚洲研究院…审查报告.md` (81 Chinese characters, 246 bytes: a report named
    after a Chinese title), or a report of 250 characters: a name the file system takes (`touch` makes
    it) was refused, "cannot write: File name too long", the temporary name beside it, the name
    with a dot before and a random part after, being past 255 bytes; so was `review --reviews`
    there, for its lock. Now the hidden names are cut to fit, and the file is written."""
    assert main(["init", str(tmp_path / "case")]) == 0
    monkeypatch.chdir(tmp_path / "case")
    assert len(name.encode()) <= 255
    kind = {".json": "--json", ".md": "--md", ".yaml": "--csv"}[Path(name).suffix]
    code, err = run(["check", "--evidence", "evidence/", kind, name], capsys)
    assert (code, err) == (0, [])
    assert (tmp_path / "case" / name).stat().st_size > 0
    code, err = run(["check", "--evidence", "evidence/", kind, name], capsys)  # over the earlier one
    assert (code, err) == (0, [])
    review = ["review", "example-lab-no-military-drone-swarms", "W1", "--decision", "confirmed", "--note", "n"]
    code, err = run([*review, "--reviews", str(tmp_path / name)], capsys)
    assert (code, err) == (0, [])
    assert "W1" in (tmp_path / name).read_text(encoding="utf-8")
    assert [p.name for p in (tmp_path / "case").iterdir() if p.name.endswith((".tmp", ".old"))] == []


def test_a_file_another_user_owns_is_protected_but_a_read_only_file_system_is_told_as_such(tmp_path, monkeypatch):
    """Root's access says yes to a file of mode 0644 it does not own; a user's says no, and a
    read-only file system's says no to every path, the folder too: there the write's own error
    ("Read-only file system") is the one told, not "the file is read-only"."""
    from claimwatch import files

    target = tmp_path / "r.json"
    target.write_text("{}", encoding="utf-8")
    denied: set[Path] = set()
    monkeypatch.setattr(files.os, "access", lambda path, mode: Path(path) not in denied)
    assert not files.write_protected(target)
    denied.add(target)  # a file of another user, in the user's own folder
    assert files.write_protected(target)
    denied.add(tmp_path)  # a read-only file system: neither the file nor its folder
    assert not files.write_protected(target)


NOBODY = 65534  # the unprivileged user of Debian and most systems


@contextlib.contextmanager
def _a_folder_others_reach(mode: int) -> Iterator[Path]:
    """A shared folder of `mode` (0o777 a team's, 0o1777 sticky as /tmp is) that another user
    (nobody) may reach, so made outside tmp_path, which nobody may not; removed after."""
    shared = Path(tempfile.mkdtemp(prefix="claimwatch-shared-"))
    try:
        shared.chmod(mode)
        yield shared
    finally:
        shutil.rmtree(shared)


def _written_as_nobody(out: Path, data: str) -> str:
    """`write_atomic(out, data)` in a forked child that has become the user nobody: "written",
    or the line it refused with."""
    from claimwatch import files

    said_r, said_w = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(said_r)
        try:
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            files.write_atomic(out, data)
            said = "written"
        except InputError as e:
            said = e.lines()[0]
        except BaseException as e:
            said = repr(e)
        os.write(said_w, said.encode())
        os._exit(0)
    os.close(said_w)
    with os.fdopen(said_r, "rb") as f:
        said = f.read().decode()
    os.waitpid(pid, 0)
    return said


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="makes a file of another user: root")
@pytest.mark.parametrize("mode", [0o666, 0o644])
def test_another_user_s_file_in_a_sticky_folder_is_refused_leaving_nothing(mode):
    """`check --json /tmp/report.json` where a colleague's report.json (mode 0666, or 0644) lies
    in /tmp (mode 1777, the sticky bit): the system lets only a file's or the folder's owner
    replace it there. The earlier file was kept under a second name, the rename failed, and that
    name could not be removed: ".report.json.<hex>.old: Operation not permitted", the hidden
    file left in /tmp. Now one line naming the file, before anything is made beside it; the
    user's own file there is written."""
    with _a_folder_others_reach(0o1777) as shared:
        target = shared / "report.json"
        target.write_text("{}", encoding="utf-8")
        target.chmod(mode)
        said = _written_as_nobody(target, '{"new": 1}')
        assert said == (
            f"{target}: cannot write: the file is another user's, in a folder where only its owner may "
            "replace it (a sticky folder, as /tmp is); give another path"
        )
        assert [p.name for p in shared.iterdir()] == ["report.json"] and target.read_text() == "{}"
        os.chown(target, NOBODY, NOBODY)  # the user's own file there
        assert _written_as_nobody(target, '{"new": 1}') == "written"
        assert [p.name for p in shared.iterdir()] == ["report.json"] and target.read_text() == '{"new": 1}'


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="makes a file of another user: root")
def test_another_user_s_file_that_is_not_theirs_to_write_says_whose_it_is():
    """`claimwatch review` in a team's shared case (its folder writable by all of them), the
    reviews.yaml a colleague's of mode 0644 (their umask 022): refused, rightly, but said as
    "the file is read-only; make it writable to replace it", where `chmod` by this user fails
    ("Operation not permitted"). Now the line says whose the file is; a file of mode 0444 is
    still "read-only", whoever owns it."""
    with _a_folder_others_reach(0o777) as shared:
        target = shared / "reviews.yaml"
        target.write_text("reviews:\n", encoding="utf-8")
        target.chmod(0o644)
        said = f"{target}: cannot write: the file is another user's, who has not let you write it; give another path"
        assert _written_as_nobody(target, "reviews: []\n") == said
        target.chmod(0o444)
        said = f"{target}: cannot write: the file is read-only; make it writable to replace it"
        assert _written_as_nobody(target, "reviews: []\n") == said
        assert [p.name for p in shared.iterdir()] == ["reviews.yaml"] and target.read_text() == "reviews:\n"


def _a_snapshot_opened_to_all(shared: Path) -> tuple[Path, Path]:
    """A team's snapshot `snap` in the folder `shared`, made by this user from `in.jsonl` and
    opened to all (folders 0777, files 0666), its lock `.snap.lock` left 0644: the source and it."""
    source = write_jsonl(shared / "in.jsonl", [work("W1", "x")])
    source.chmod(0o644)
    snap = shared / "snap"
    assert main(["evidence", "import", str(source), "--out", str(snap)]) == 0
    for path in [snap, *snap.iterdir()]:
        path.chmod(0o777 if path.is_dir() else 0o666)
    return source, snap


def _run_as_nobody(argv: list[str], umask: int = 0o022) -> tuple[int, list[str]]:
    """`claimwatch ARGV` in a forked child that has become the user nobody (with `umask`): its
    exit code and the lines it wrote to stderr."""
    import io

    said_r, said_w = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(said_r)
        sys.stdout, sys.stderr = io.StringIO(), io.StringIO()
        try:
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            os.umask(umask)
            code = main(argv)
        except BaseException as e:
            code, sys.stderr = 99, io.StringIO(repr(e))
        os.write(said_w, json.dumps([code, sys.stderr.getvalue()]).encode())
        os._exit(0)
    os.close(said_w)
    with os.fdopen(said_r, "rb") as f:
        code, err = json.loads(f.read())
    os.waitpid(pid, 0)
    return code, err.splitlines()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="makes a file of another user: root")
def test_a_snapshot_opened_to_all_is_written_past_its_lock_made_0644():
    """A colleague's snapshot in a team's shared folder, opened to all (`chmod -R a+w snap`, or
    made with the team's umask 002), its lock `.snap.lock` made 0644 whatever the umask (as every
    lock was): `evidence import --out snap` by another user, "snap: cannot write the snapshot:
    Permission denied", exit 2, a snapshot they may write refused for its lock alone (a reviews
    file's `.reviews.yaml.lock` likewise). A lock another user made is opened to read now, which
    flock locks as well, and a lock is made with the mode a plain open() gives: 0664 under the
    team's umask 002."""
    with _a_folder_others_reach(0o777) as shared:
        source, snap = _a_snapshot_opened_to_all(shared)
        assert (shared / ".snap.lock").stat().st_mode & 0o777 == 0o644
        assert _run_as_nobody(["evidence", "import", str(source), "--out", str(snap)]) == (0, [])
        assert snap.stat().st_uid == NOBODY and not leftovers(shared, "snap")
        assert _run_as_nobody(["evidence", "import", str(source), "--out", str(shared / "mine")], umask=0o002) == (
            0,
            [],
        )
        assert (shared / ".mine.lock").stat().st_mode & 0o777 == 0o664


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="makes a file of another user: root")
def test_another_user_s_snapshot_in_a_sticky_folder_is_refused_before_the_import(tmp_path):
    """A colleague's snapshot opened to all (folder 0777, files 0666) in a sticky shared folder
    (mode 1777, as /tmp or a team's drop folder), its lock theirs 0644: `evidence import --out
    snap` by another user read and wrote the whole import (hours for the million), then "snap:
    cannot write the snapshot: Operation not permitted", the system letting only the owner
    rename it. Refused before anything is read now, in the words a file there gets."""
    with _a_folder_others_reach(0o1777) as shared:
        source, snap = _a_snapshot_opened_to_all(shared)
        manifest = (snap / "manifest.json").read_bytes()
        code, said = _run_as_nobody(["evidence", "import", str(source), "--out", str(snap)])
        assert code == 2 and said == [
            f"{snap}: cannot write: the snapshot is another user's, in a folder where only its owner may "
            "replace it (a sticky folder, as /tmp is); give another path"
        ], said
        assert (snap / "manifest.json").read_bytes() == manifest and not leftovers(shared, "snap")
        assert _run_as_nobody(["evidence", "import", str(source), "--out", str(shared / "mine")]) == (0, [])
        assert _run_as_nobody(["evidence", "import", str(source), "--out", str(shared / "mine")]) == (0, [])


def test_a_sticky_folder_s_refusal_has_one_home():
    """The files' writer and the snapshot's each kept their own words for another user's file in
    a sticky folder, "only a file's owner" in one and "only its owner" in the other: one wording
    now, from files, which alone knows the rule (`only_its_owner_may_replace`)."""
    from claimwatch.files import why_only_its_owner_may_replace

    assert why_only_its_owner_may_replace("the snapshot") == why_only_its_owner_may_replace().replace(
        "the file", "the snapshot"
    )
    src = Path(claimwatch.__file__).parent
    holding = sorted(p.name for p in src.rglob("*.py") if "sticky folder, as /tmp" in p.read_text(encoding="utf-8"))
    assert holding == ["files.py"]


def _flock_as_nfs_does(real_flock):
    """flock as an NFS client gives it: a byte-range lock on the whole file, so that an exclusive
    one on a file opened to read fails with EBADF (flock(2), "NFS details": "in order to place an
    exclusive lock, the file must be opened for writing"; fcntl(2), EBADF)."""

    def flock(fd: int, operation: int) -> None:
        opened_to_read = fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE == os.O_RDONLY
        if operation & fcntl.LOCK_EX and opened_to_read:
            raise OSError(errno.EBADF, os.strerror(errno.EBADF))
        real_flock(fd, operation)

    return flock


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="makes a file of another user: root")
def test_another_user_s_lock_a_file_system_will_not_lock_opened_to_read_is_named(monkeypatch):
    """The snapshot opened to all in a team's share as above, its lock `.snap.lock` a colleague's
    0644, the share mounted over NFS: the lock, opened to read, is refused by flock (EBADF), and
    `evidence import --out snap` said "claimwatch: Bad file descriptor", naming no file (a review
    recorded into the share's reviews.yaml likewise). It says whose lock it is and what to ask."""
    monkeypatch.setattr(fcntl, "flock", _flock_as_nfs_does(fcntl.flock))
    with _a_folder_others_reach(0o777) as shared:
        source, snap = _a_snapshot_opened_to_all(shared)
        manifest = (snap / "manifest.json").read_bytes()
        code, said = _run_as_nobody(["evidence", "import", str(source), "--out", str(snap)])
        assert code == 2 and len(said) == 1, said
        assert said[0].startswith(f"{snap}: cannot write the snapshot: its lock beside it (.snap.lock) is another")
        assert "ask them to let you write it" in said[0]
        assert (snap / "manifest.json").read_bytes() == manifest and not leftovers(shared, "snap")
        assert main(["init", str(shared / "case")]) == 0
        review = ["review", "example-lab-no-military-drone-swarms", "W1", "--decision", "confirmed", "--note", "n"]
        assert main([*review, "--root", str(shared / "case")]) == 0  # the lock .reviews.yaml.lock made 0644
        for path in [shared / "case", *(shared / "case").rglob("*")]:
            path.chmod(0o777 if path.is_dir() else 0o666)
        (shared / "case" / ".reviews.yaml.lock").chmod(0o644)
        reviews = (shared / "case" / "reviews.yaml").read_bytes()
        code, said = _run_as_nobody([*review, "--root", str(shared / "case")])
        assert code == 2 and len(said) == 1, said
        lock_said = "cannot record a review: its lock beside it (.reviews.yaml.lock) is another user's, opened to read"
        assert said[0].startswith(f"{shared / 'case' / 'reviews.yaml'}: {lock_said}"), said
        assert (shared / "case" / "reviews.yaml").read_bytes() == reviews


def test_a_columnar_copy_s_lock_a_file_system_will_not_lock_is_said_as_the_others_are(tmp_path, monkeypatch):
    """The columnar cache's lock refused so (a shared cache on NFS, the lock a colleague's) was
    said in words of its own, "LOCK: cannot lock the cache: the lock is another user's, ...", of
    the lock rather than the copy; a snapshot's and a review's in the one wording they share now."""
    from claimwatch.columnar import _cache
    from claimwatch.files import LockOpenedToReadRefused

    monkeypatch.setattr(fcntl, "flock", _flock_as_nfs_does(fcntl.flock))
    table = tmp_path / "works.parquet"
    (tmp_path / ".works.lock").write_bytes(b"")
    monkeypatch.setattr(_cache, "open_lock_file", lambda where: os.open(where, os.O_RDONLY))
    with pytest.raises(InputError) as e:
        _cache._lock(table)
    assert e.value.lines() == [
        f"{table}: cannot make the columnar copy: its lock beside it (.works.lock) {LockOpenedToReadRefused().strerror}"
    ]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="makes a file of another user: root")
@pytest.mark.parametrize("protected", ["the folder", "its manifest"])
def test_another_user_s_snapshot_is_said_to_be_theirs_not_read_only(capsys, protected):
    """`evidence import --out evidence/snapshots/msra` in a team's shared case (its folders
    writable by all), the snapshot a colleague's (their umask 022: folder 0755, files 0644):
    refused, rightly, as "the snapshot is read-only; make it writable to replace it", where this
    user's `chmod` fails ("Operation not permitted"). Now the line says whose the snapshot is,
    as a report's does; a snapshot of mode 0555 is still "read-only", whoever owns it."""
    with _a_folder_others_reach(0o777) as shared:
        source = write_jsonl(shared / "in.jsonl", [work("W1", "x")])
        source.chmod(0o644)
        snap = shared / "snap"
        assert main(["evidence", "import", str(source), "--out", str(snap)]) == 0
        capsys.readouterr()
        (shared / ".snap.lock").chmod(0o666)  # the lock is not what this is about
        for path in [snap, *snap.iterdir()]:
            path.chmod(0o777 if path.is_dir() else 0o666)
        kept = snap / MANIFEST if protected == "its manifest" else snap
        kept.chmod(0o755 if kept.is_dir() else 0o644)
        before = files_in(snap)
        argv = ["evidence", "import", str(source), "--out", str(snap)]
        said = f"{snap}: cannot write: the snapshot is another user's, who has not let you write it; give another path"
        assert _run_as_nobody(argv) == (2, [said])
        kept.chmod(0o555 if kept.is_dir() else 0o444)
        said = f"{snap}: cannot write: the snapshot is read-only; make it writable to replace it"
        assert _run_as_nobody(argv) == (2, [said])
        assert files_in(snap) == before and not leftovers(shared, "snap")


@pytest.mark.parametrize("protected", ["the folder", "its manifest"])
def test_a_read_only_snapshot_is_refused_not_replaced(tmp_path, capsys, protected):
    """`evidence import --out snap` over a snapshot made read-only (`chmod -R a-w snap`, evidence
    frozen for a published report) swapped a new snapshot in all the same, writable: the swap
    needs only the folder above. Now one line, exit 2, the snapshot as it was."""
    source = write_jsonl(tmp_path / "in.jsonl", [work("W1", "x")])
    snap = tmp_path / "snap"
    assert main(["evidence", "import", str(source), "--out", str(snap)]) == 0
    before = files_in(snap)
    frozen = [snap / MANIFEST] if protected == "its manifest" else [*snap.iterdir(), snap]
    for path in frozen:
        path.chmod(path.stat().st_mode & ~0o222)
    capsys.readouterr()
    code, err = run(["evidence", "import", str(source), "--out", str(snap)], capsys)
    assert (code, err) == (2, [f"{snap}: cannot write: the snapshot is read-only; make it writable to replace it"])
    assert files_in(snap) == before and not leftovers(tmp_path, "snap")
    for path in frozen:
        path.chmod(path.stat().st_mode | 0o200)


# --- 7. unbounded inputs --------------------------------------------------------------------


def test_a_gzip_bomb_of_one_endless_line_is_refused_at_the_limit(tmp_path, monkeypatch, capsys):
    """A small gzip that inflates to one blank line longer than the limit: refused, never read
    as a blank line (which gave exit 0), never held whole."""
    monkeypatch.setattr(_records, "MAX_RECORD_BYTES", 1 << 16)
    bomb = tmp_path / "bomb.jsonl.gz"
    bomb.write_bytes(gzip.compress(json.dumps(work("W1", "x")).encode() + b"\n" + b" " * (1 << 20)))
    assert bomb.stat().st_size < 5000
    message = f"{bomb}:2:0: longer than 65,536 bytes, the limit for one record: refused before it is read whole"
    for args in (["evidence", "import", str(bomb), "--out", str(tmp_path / "snap")], ["evidence", "show", str(bomb)]):
        assert run(args, capsys) == (2, [message])
    assert not (tmp_path / "snap").exists()


def test_a_record_line_over_the_limit_is_refused_naming_its_line(tmp_path, monkeypatch):
    monkeypatch.setattr(_records, "MAX_RECORD_BYTES", 4000)
    source = write_jsonl(tmp_path / "in.jsonl", [work("W1", "x"), work("W2", "y" * 5000)])
    with pytest.raises(InputError) as e:
        import_works(source, tmp_path / "snap")
    assert e.value.lines() == [
        f"{source}:2:0: longer than 4,000 bytes, the limit for one record: refused before it is read whole"
    ]


@pytest.mark.parametrize(
    "shape",
    ["array", "page", "one record", "blank run"],
)
def test_a_json_document_record_over_the_limit_is_refused_where_it_begins(tmp_path, monkeypatch, shape):
    monkeypatch.setattr(_records, "MAX_RECORD_BYTES", 4000)
    monkeypatch.setattr(_records, "_CHUNK", 512)
    big, small = work("W2", "y" * 9000), work("W1", "x")
    text = {
        "array": json.dumps([small, big], indent=1),
        "page": json.dumps({"meta": {}, "results": [small, big]}, indent=1),
        "one record": "\n" + json.dumps(big, indent=1),
        "blank run": json.dumps([small], indent=1) + " " * 20000,
    }[shape]
    source = tmp_path / "in.json"
    source.write_text(text)
    with pytest.raises(InputError) as e:
        list(store.document_records(source))
    (line,) = e.value.lines()
    assert line.endswith(": longer than 4,000 bytes, the limit for one record: refused before it is read whole")
    if shape in ("array", "page"):
        start = text.index('"id": "https://openalex.org/W2"')
        assert line.startswith(f"{source}:{text.count(chr(10), 0, text.rindex('{', 0, start)) + 1}:")
    if shape == "one record":
        assert line.startswith(f"{source}:2:1:")


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_fifo_is_refused_wherever_a_file_is_read(tmp_path, monkeypatch, capsys):
    """Each of these blocked for ever, waiting for a writer that never comes."""
    root = project(tmp_path)
    claim_file(root / "claims/c.yaml", NO_PARTNERS_CLAIM)
    import_works(write_jsonl(root / "in.jsonl", [work("W1", "x")]), root / "snap")
    monkeypatch.chdir(root)
    pipe = "is a named pipe (FIFO), not a regular file: refused, as reading it may never end"
    works_fifo = _fifo(root / "works.jsonl")
    curated_fifo = _fifo(root / "curated.yaml")
    claims_fifo = _fifo(root / "claims/fifo.yaml")
    list_fifo = _fifo(root / "fifo-list.yaml")
    cases = [
        (["evidence", "import", str(works_fifo), "--out", "s2"], works_fifo),
        (["evidence", "show", str(works_fifo)], works_fifo),
        (["check", "claims/c.yaml", "--evidence", str(works_fifo)], works_fifo),
        (["check", "claims/c.yaml", "--evidence", str(curated_fifo)], curated_fifo),
        (["validate", str(claims_fifo)], claims_fifo),
        (["lists", "show", str(list_fifo)], list_fifo),
    ]
    for args, fifo in cases:
        done = threading.Event()
        result: list = []

        def go(args=args, result=result, done=done):
            result.append(run(args, capsys))
            done.set()

        thread = threading.Thread(target=go, daemon=True)
        thread.start()
        assert done.wait(20), f"{args} blocked on the FIFO"
        assert result[0] == (2, [f"{fifo}: {pipe}"]), args
    # A snapshot whose data file is a FIFO.
    (root / "snap" / WORKS_FILE).unlink()
    _fifo(root / "snap" / WORKS_FILE)
    with pytest.raises(InputError) as e:
        list(Snapshot.open(root / "snap").works())
    assert e.value.lines() == [f"{root}/snap/{WORKS_FILE}: {pipe}"]


def test_a_device_behind_a_works_file_name_is_refused(tmp_path):
    link = tmp_path / "zeros.jsonl"
    link.symlink_to("/dev/zero")
    with pytest.raises(InputError) as e:
        open_evidence(link)
    assert e.value.lines() == [
        f"{link}: is a character device, not a regular file: refused, as reading it may never end"
    ]


def test_a_claim_file_of_too_many_plain_values_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(documents, "MAX_VALUES", 500)
    path = write(tmp_path / "c.yaml", "aliases: [" + ", ".join(["ab"] * 600) + "]\n")
    with pytest.raises(InputError) as e:
        documents.load_yaml(path)
    assert e.value.lines() == [f"{path}:1:1999: more than 500 values (an alias bomb?)"]
    # Lists keep the larger limit: importers write whole sanctions lists.
    assert documents.load_yaml(path, max_values=documents.MAX_NODES).data["aliases"][0] == "ab"


def _list_file(path: Path, entries: int) -> Path:
    lines = ["id: big", "name: B", "sources: [{title: s}]", "entries:"]
    lines += [f"  - {{name: n{i}, verified: {i}}}" for i in range(entries)]
    path.write_text("\n".join(lines) + "\n")
    return path


def test_a_list_wrong_in_every_entry_gives_a_screenful_and_a_count(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(documents, "MAX_PROBLEMS", 5)
    path = _list_file(tmp_path / "big.yaml", 40)
    code, err = run(["lists", "show", str(path)], capsys)
    assert code == 2
    assert err == [
        *(f"{path}:{5 + i}:{25 + len(str(i))}: entries[{i}].verified: {i} is not of type 'boolean'" for i in range(5)),
        f"{path}:10:26: \u2026 and 35 more problems from here on, not shown (only the first 5 are)",
    ]


def test_problems_found_after_the_schema_are_capped_too(tmp_path, monkeypatch):
    monkeypatch.setattr(documents, "MAX_PROBLEMS", 3)
    lines = ["id: big", "name: B", "sources: [{title: s}]", "entries:"] + ["  - {id: same, name: n}"] * 10
    path = tmp_path / "big.yaml"
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(InputError) as e:
        load_list(path)
    assert len(e.value.lines()) == 4 and e.value.lines()[-1].endswith(
        "and 6 more problems from here on, not shown (only the first 3 are)"
    )
    version = "versions: [{label: v, published: 2024, authors: [{name: X}], sources: [{title: s}]}]"
    curated = write(
        tmp_path / "c.yaml",
        "description: d\nworks:\n" + "".join(f"  - {{id: a, title: T, {version}}}\n" for _ in range(9)),
    )
    with pytest.raises(InputError) as e:
        list(read_curated(curated))
    assert (
        e.value.lines()[-1]
        == f"{curated}:7:10: \u2026 and 5 more problems from here on, not shown (only the first 3 are)"
    )


def test_the_problem_cap_keeps_the_earliest_problems_in_file_order(tmp_path, monkeypatch):
    """The schema reports errors in its own order; the cap shows the first ones in the file."""
    monkeypatch.setattr(documents, "MAX_PROBLEMS", 2)
    path = write(
        tmp_path / "l.yaml",
        textwrap.dedent(
            """\
            id: 7
            name: 8
            sources: [{title: s}]
            entries:
              - {name: n, verified: 1}
            """
        ),
    )
    with pytest.raises(InputError) as e:
        load_list(path, check_file_name=False)
    assert e.value.lines() == [
        f"{path}:1:5: id: 7 is not an id: lower-case letters, digits, '.', '_' and '-', beginning with a letter or"
        " digit (such as lab-no-drone-swarms)",
        f"{path}:2:7: name: 8 is read by YAML as the number 8, not as text: write it in quotes, '8'",
        f"{path}:5:25: \u2026 and 1 more problems from here on, not shown (only the first 2 are)",
    ]


@pytest.mark.parametrize("chunk", [1, 2, 3, 5, 64])
def test_strings_cut_by_the_read_buffer_anywhere_are_read_whole(tmp_path, monkeypatch, chunk):
    """A long string is followed across reads without scanning it again from its start; an
    escape or a quote split between two reads is still read right."""
    monkeypatch.setattr(_records, "_CHUNK", chunk)
    records = [work("W1", 'a "quoted" \\ title \\"x\\" ' * 3), work("W2", "\\" * 7 + '"')]
    source = tmp_path / "in.json"
    source.write_text(json.dumps({"meta": {}, "results": records}, indent=1))
    assert [r.record for r in store.document_records(source)] == records
    broken = tmp_path / "cut.json"
    broken.write_text('[{"id": "https://openalex.org/W1", "title": "never closed \\" ')
    with pytest.raises(InputError) as e:
        list(store.document_records(broken))
    assert e.value.lines() == [f"{broken}:1:45: a string runs to the end of the file: the file is cut short"]


_UNCLOSED = "a string begun here runs past the end of its line: a quote is missing here (a line break in a string is written \\n)"


@pytest.mark.parametrize("chunk", [1, 7, 1 << 20])
@pytest.mark.parametrize(
    ("text", "where"),
    [
        # A closing quote missing in an array: the quotes after it pair up wrongly, and the
        # file's end was blamed (3:46), a line below the one to mend.
        ('[\n{"id": "https://openalex.org/W1", "title": "a},\n{"id": "https://openalex.org/W2"}\n]\n', "2:44"),
        # The same in an API page's results.
        ('{"meta": {}, "results": [\n{"id": "https://openalex.org/W1", "title": "a},\n{"id": "W2"}\n]}\n', "2:44"),
        # An opening quote missing: the string the scanner sees begins at the line's end.
        ('[{"id": "https://openalex.org/W1", "title": a", "x": "y"\n}]\n', "1:56"),
        # A string never closed, its file going on for lines: a quote is missing, not the end.
        ('[{"id": "https://openalex.org/W1",\n "title": "never closed }]\n\n', "2:11"),
    ],
)
def test_a_string_left_open_is_blamed_on_its_own_line(tmp_path, monkeypatch, chunk, text, where):
    monkeypatch.setattr(_records, "_CHUNK", chunk)
    source = tmp_path / "in.json"
    source.write_text(text)
    with pytest.raises(InputError) as e:
        list(store.document_records(source))
    assert e.value.lines() == [f"{source}:{where}: {_UNCLOSED}"]


def test_a_line_break_written_raw_in_a_closed_string_is_that_records_fault_alone(tmp_path):
    """Both quotes there, a raw line break between them: orjson refuses that record, where it is,
    and --skip-invalid skips it and reads on, as before the missing-quote rule."""
    source = tmp_path / "in.json"
    source.write_text(
        '[\n{"id": "https://openalex.org/W1", "title": "one\nline"},\n{"id": "https://openalex.org/W2"}\n]\n'
    )
    with pytest.raises(InputError) as e:
        list(store.document_records(source))
    assert e.value.lines() == [f"{source}:2:48: not JSON: unexpected control character in string"]
    skipped: list[InputError] = []
    records = [r.record["id"] for r in store.document_records(source, on_invalid=skipped.append)]
    assert records == ["https://openalex.org/W2"]
    assert [x.problems[0].line for x in skipped] == [2]


def test_a_missing_quote_is_blamed_when_skipping_the_record_it_broke(tmp_path):
    """A brace in a later string closes the record the quote left open; skipped as not JSON, its
    string that held a line break is still the one blamed when the structure fails (found in
    review: the next string holding a line break, a line below, was blamed)."""
    source = tmp_path / "in.json"
    source.write_text(
        '[\n{"id": "https://openalex.org/W1", "title": "a},\n'
        '{"id": "https://openalex.org/W2", "title": "x}"},\n'
        '{"id": "https://openalex.org/W3"},\n{"id": "https://openalex.org/W4"}\n]\n'
    )
    skipped: list[InputError] = []
    with pytest.raises(InputError) as e:
        list(store.document_records(source, on_invalid=skipped.append))
    assert e.value.lines() == [f"{source}:2:44: {_UNCLOSED}"]


def test_a_record_outgrowing_the_limit_after_a_missing_quote_blames_the_quote(tmp_path, monkeypatch):
    monkeypatch.setattr(_records, "MAX_RECORD_BYTES", 4096)
    monkeypatch.setattr(_records, "_CHUNK", 512)
    source = tmp_path / "in.json"
    rest = "".join(f'{{"id": "https://openalex.org/W{i}", "title": "t"}},\n' for i in range(2, 400))
    source.write_text('[\n{"id": "https://openalex.org/W1", "title": "a},\n' + rest + "{}]\n")
    with pytest.raises(InputError) as e:
        list(store.document_records(source))
    assert e.value.lines() == [f"{source}:2:44: {_UNCLOSED}"]


# --- cases that held: kept as tests so that they go on holding ---------------------------------


def _gz(*members: bytes) -> bytes:
    return b"".join(gzip.compress(m, mtime=0) for m in members)


_LINE = (json.dumps(work("W1", "one")) + "\n").encode()
_LINE2 = (json.dumps(work("W2", "two")) + "\n").encode()


@pytest.mark.parametrize(
    "name, data, outcome",
    [
        ("members.jsonl.gz", _gz(_LINE, _LINE2), ["W1", "W2"]),  # several gzip members: one stream
        ("magic.jsonl", _gz(_LINE), ["W1"]),  # gzip by its magic bytes, whatever its name
        ("empty.jsonl.gz", _gz(b""), []),
        ("plain.jsonl.gz", _LINE, "{path}:1:0: corrupt gzip: Not a gzipped file (b'{\"')"),
        ("trailing.jsonl.gz", _gz(_LINE) + b"garbage", "{path}:2:0: corrupt gzip: Not a gzipped file (b'ga')"),
        ("cut.jsonl.gz", _gz(_LINE * 50)[:-10], "{path}:50:0: truncated gzip (the file ends before its end marker)"),
    ],
)
def test_gzip_oddities_read_as_gzip_does_or_fail_in_one_line(tmp_path, name, data, outcome):
    path = tmp_path / name
    path.write_bytes(data)
    if isinstance(outcome, list):
        assert [w.id for w in open_evidence(path).works()] == outcome
        assert import_works(path, tmp_path / "snap").records == len(outcome)
        return
    for attempt in (lambda: list(open_evidence(path).works()), lambda: import_works(path, tmp_path / "snap")):
        with pytest.raises(InputError) as e:
            attempt()
        assert e.value.lines() == [outcome.replace("{path}", str(path))]
    assert not (tmp_path / "snap").exists()


EVIL = "\x1b]8;;https://evil.example/\x07click\x1b]8;;\x07 <script>alert(1)</script> \x1b[2J\r[x](javascript:alert(1))"


def test_hostile_manifest_text_reaches_every_report_inert(tmp_path, monkeypatch, capsys):
    root = project(tmp_path)
    claim_file(root / "claims/c.yaml", NO_PARTNERS_CLAIM)
    import_works(write_jsonl(root / "in.jsonl", [work("W1", "x")]), root / "snap")
    manifest = json.loads((root / "snap" / MANIFEST).read_text())
    manifest["source"] = EVIL
    manifest["created"] = EVIL
    manifest["coverage"]["note"] = EVIL
    (root / "snap" / MANIFEST).write_text(json.dumps(manifest))
    monkeypatch.chdir(root)
    args = ["check", "claims/c.yaml", "--evidence", "snap", "--json", "r.json", "--md", "r.md", "--html", "r.html"]
    code = main(args)
    out = capsys.readouterr()
    assert code == 0 and "\x1b" not in out.out + out.err
    for name in ("r.json", "r.md", "r.html"):
        text = (root / name).read_text()
        assert "\x1b" not in text and "\x07" not in text, name  # JSON escapes them: data, not control
    # Markdown escapes or code-spans it (test_reports_hostile.py holds the full checks of each format).
    assert "<script>alert" not in (root / "r.html").read_text()


_CHECK = "import sys; from claimwatch.cli import main; sys.exit(main(sys.argv[1:]))"


def test_concurrent_report_writers_leave_one_whole_report(tmp_path):
    """Two checks writing the same reports at once: each report is one run's whole file, never a
    mixture or a half, and no temporary file is left beside it."""
    root = project(tmp_path)
    claim_file(root / "claims/c.yaml", NO_PARTNERS_CLAIM)
    import_works(write_jsonl(root / "a.jsonl", [work("W1", "a")]), root / "snap-a")
    import_works(write_jsonl(root / "b.jsonl", [work("W1", "b"), work("W2", "b")]), root / "snap-b")
    runs = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                _CHECK,
                "check",
                "claims/c.yaml",
                "--evidence",
                snap,
                "--json",
                "r.json",
                "--md",
                "r.md",
            ],
            cwd=root,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for snap in ("snap-a", "snap-b")
    ]
    errors = [p.communicate(timeout=120)[1] for p in runs]
    assert all("Traceback" not in e for e in errors), errors
    report = json.loads((root / "r.json").read_text())
    assert report["inputs"]["evidence"][0]["path"] in ("snap-a", "snap-b")
    assert (root / "r.md").read_text().rstrip().endswith(("</details>", ")", "|", ".")) or (
        root / "r.md"
    ).stat().st_size
    assert sorted(p.name for p in root.iterdir() if p.name.startswith(".r.")) == []


def test_a_gzip_of_nothing_but_line_breaks_is_refused_quickly(tmp_path, capsys, monkeypatch):
    """The review's bomb: 200 MB of line breaks in 200 KB took 198 s to read as nothing. A long run
    of blank lines is refused, naming the line (a small limit here, the same rule)."""
    import gzip

    from claimwatch.evidence import _records

    monkeypatch.setattr(_records, "MAX_BLANK_LINES", 1000)
    bomb = tmp_path / "nl.jsonl.gz"
    bomb.write_bytes(gzip.compress(b"\n" * 5000, mtime=0))
    code, err = run(["evidence", "import", str(bomb), "--out", str(tmp_path / "snap")], capsys)
    assert code == 2 and err == [
        f"{bomb}:1001:0: more than 1,000 blank lines in a row: not a file of records (a gzip bomb?)"
    ]
    assert not (tmp_path / "snap").exists()


@pytest.mark.parametrize(
    ("damage", "said"),
    [
        (lambda raw: b"\xef\xbb\xbf" + raw, f"{MANIFEST}:1:1: not JSON: UTF-8 byte order mark (BOM) is not supported"),
        (lambda raw: raw[:-2], f"{MANIFEST}:"),  # cut: said at its line and column
        (lambda raw: raw.replace(b'"records": 1', b'"records": "many"'), "not a claimwatch manifest: records: "),
        # Found by the seventeenth part: counts and periods a hand-edited manifest gave were
        # repeated in every report as the evidence's own.
        (
            lambda raw: raw.replace(b'"records": 1', b'"records": -3'),
            "records: Input should be greater than or equal to 0",
        ),
        (lambda raw: raw.replace(b'"records": 1', b'"records": true'), "records: Input should be a valid integer"),
        (lambda raw: raw.replace(b'"records": 1', b'"records": "1"'), "records: Input should be a valid integer"),
        (
            lambda raw: raw.replace(b'"duplicates_collapsed": 0', b'"duplicates_collapsed": -1'),
            "duplicates_collapsed: Input should be greater than or equal to 0",
        ),
        (
            lambda raw: raw.replace(b'"from": null', b'"from": "2025-01-01"').replace(
                b'"to": null', b'"to": "2020-12-31"'
            ),
            "coverage: Value error, the period from 2025-01-01 ends before it starts (2020-12-31)",
        ),
    ],
)
def test_a_damaged_manifest_is_said_where_without_its_bytes(tmp_path, capsys, damage, said):
    """Found by the sixteenth part's hunt: pydantic's words, with the manifest's raw bytes."""
    import_works(write_jsonl(tmp_path / "in.jsonl", [work("W1", "x")]), tmp_path / "snap")
    path = tmp_path / "snap" / MANIFEST
    raw = json.dumps(json.loads(path.read_text())).encode()
    path.write_bytes(damage(raw))
    code, err = run(["evidence", "show", str(tmp_path / "snap")], capsys)
    assert code == 2 and len(err) == 1 and said in err[0]
    assert "input_value" not in err[0] and "type=" not in err[0]


@pytest.mark.parametrize("run", ["\U0001f600", "(", ")", '"', "'", "!?"])
def test_a_long_run_of_punctuation_or_emoji_never_reaches_spacy_whole(monkeypatch, run):
    """Found by the seventeenth part's hunt: spaCy strips a chunk's leading and trailing
    punctuation a character at a time, so a title of 10,000 emoji took 21 s to match topics and
    20,000 took 75 s (quadratic). Such a run at a chunk's start or end is read a character a
    token, as spaCy cuts it there; the words either side, and so the hits, are those spaCy gives."""
    from claimwatch.evaluate import _phrases

    text = f"deep face recognition{run * 2000} {run * 40}face recognition, face  recognition{run * 35}"
    phrases = _phrases.PhraseSet(("face recognition",))
    seen: list[str] = []
    spacy = _phrases.nlp()

    class Watched:
        tokenizer = staticmethod(lambda piece: seen.append(piece) or spacy.tokenizer(piece))
        vocab = spacy.vocab

    monkeypatch.setattr(_phrases, "nlp", Watched)
    hits = [(h.start, h.end) for h in phrases.find(text)]
    assert seen and all(not _phrases._LONG_RUN.search(piece) for piece in seen)
    at = [text.index("face recognition"), text.index("face recognition,"), text.rindex("face  recognition")]
    assert hits == [(at[0], at[0] + 16), (at[1], at[1] + 16), (at[2], at[2] + 17)]


@pytest.mark.parametrize("run", ["\U0001f600", "(", '"', "-", "!?"])
def test_a_run_read_a_character_a_token_gives_the_words_spacy_gives(monkeypatch, run):
    """Where a run is short enough for spaCy to read whole, reading it apart changes no word."""
    from claimwatch.evaluate import _phrases

    texts = (f"a{run * 40}b c", f"{run * 33}face recognition{run * 35}", f"x {run * 50} y-{run * 32}z {run * 32}")
    ours = [_phrases._words(text) for text in texts]
    monkeypatch.setattr(_phrases, "_LONG_RUN", re.compile(r"(?!)"))  # spaCy reads every run
    assert ours == [_phrases._words(text) for text in texts]


@pytest.mark.parametrize("saved", [b"", b"\n", b"\r\n"], ids=["as cut", "saved by vim", "saved ending CR LF"])
@pytest.mark.parametrize("where", ["in its JSON", "inside a character"])
def test_a_page_cut_short_in_a_string_is_said_cut_short(tmp_path, capsys, shared_data, where, saved):
    """A saved API page (`{"meta": ..., "results": [...]}`, pretty-printed) of the real work whose
    download or copy stopped in "Université du Québec", then opened and saved in an editor that
    ends a file with a line break (vim, nano; CR LF on Windows): "a string begun here runs past
    the end of its line: a quote is missing here", as if written wrong, where the file as cut is
    "a string runs to the end of the file: the file is cut short". The break is passed over now,
    as a JSON Lines file's and a list's are (found by review)."""
    real = orjson.loads((shared_data / "openalex/W2741809807.json").read_bytes())
    whole = orjson.dumps({"meta": {"count": 1}, "results": [real]}, option=orjson.OPT_INDENT_2)
    cut_at = whole.index("Québec".encode()) + (len("Qu") if where == "in its JSON" else len("Qu") + 1)
    source = tmp_path / "page.json"
    source.write_bytes(whole[:cut_at] + saved)
    code, said = run(["evidence", "import", str(source), "--out", str(tmp_path / "snap")], capsys)
    assert code == 2 and len(said) == 1 and said[0].startswith(f"{source}:")
    assert said[0].endswith(": a string runs to the end of the file: the file is cut short")
    assert not (tmp_path / "snap").exists()


@pytest.mark.parametrize("saved", [b"", b"\n", b"\r\n"], ids=["as cut", "saved by vim", "saved ending CR LF"])
@pytest.mark.parametrize("where", ["in its JSON", "inside a character"])
def test_a_last_record_cut_short_is_said_cut_short(tmp_path, capsys, shared_data, where, saved):
    """A JSON Lines file whose download or copy stopped part way, its last record cut: "2:61: not
    a JSON object: unexpected end of data" (orjson's words, at its last byte), or, cut inside a
    character (the "é" of a real work's "Université du Québec"), "not UTF-8 text; save the file as
    UTF-8", sending the analyst to their editor's encoding. The line says the file is cut short
    now, as a JSON document cut short is said; a broken line before the last is said as before.
    The cut file opened and saved in an editor that ends a file with a line break (vim, nano;
    CR LF on Windows) was "2:7627: not a JSON object: unexpected control character in string" (in
    its JSON) or "not UTF-8 text": the last line's break, the editor's, is passed over now."""
    real = (shared_data / "openalex/W2741809807.json").read_bytes()
    whole = orjson.dumps(orjson.loads(real))
    cut_at = whole.index("Québec".encode()) + (len("Qu") if where == "in its JSON" else len("Qu") + 1)
    source = tmp_path / "works.jsonl"
    source.write_bytes(whole.replace(b"W2741809807", b"W1") + b"\n" + whole[:cut_at] + saved)
    said = f"{source}:2:1: the record begun here is not closed at the end of the file: the file is cut short"
    assert run(["evidence", "import", str(source), "--out", str(tmp_path / "snap")], capsys) == (2, [said])
    assert run(["evidence", "show", str(source)], capsys) == (2, [said])
    assert not (tmp_path / "snap").exists()
    source.write_bytes(whole[:cut_at] + b"\n" + whole)  # a broken line, not the last: as before
    code, err = run(["evidence", "import", str(source), "--out", str(tmp_path / "snap")], capsys)
    assert code == 2 and len(err) == 1 and "cut short" not in err[0]


def test_a_manifest_cut_short_is_said_cut_short(tmp_path, capsys):
    """A snapshot copied or synced part way (`rsync` stopped, a share's sync client mid-file), its
    manifest.json cut: "manifest.json:29:14: not JSON: unexpected end of data". Said cut short now,
    as a file of records is; a manifest broken elsewhere is "not JSON: ..." as before."""
    root = project(tmp_path / "case")
    snap = root / "snap"
    import_works(write_jsonl(root / "in.jsonl", [work("W1", "A paper")]), snap)
    claim_file(root / "claims.yaml", NO_PARTNERS_CLAIM)
    whole = (snap / MANIFEST).read_bytes()
    (snap / MANIFEST).write_bytes(whole[: len(whole) // 2])
    for args in (
        ["evidence", "show", str(snap)],
        ["check", str(root / "claims.yaml"), "--evidence", str(snap), "--root", str(root)],
    ):
        code, err = run(args, capsys)
        assert code == 2 and len(err) == 1, err
        assert err[0].startswith(f"{snap / MANIFEST}:") and err[0].endswith(
            "the file ends before the JSON in it does: the manifest is cut short (a copy stopped part way?)"
        )
    (snap / MANIFEST).write_bytes(whole.replace(b'"records"', b'"records",,', 1))
    code, err = run(["evidence", "show", str(snap)], capsys)
    assert code == 2 and ": not JSON: " in err[0]


def test_a_manifest_cut_inside_a_character_is_said_cut_short(tmp_path, capsys):
    """A manifest names the file its snapshot was imported from, and a case's files are named in
    the analyst's language (`微软亚洲研究院.jsonl`): a copy stopped inside one of its characters
    was "manifest.json:..: not JSON: str is not valid UTF-8: surrogates not allowed", neither true
    nor the cut the same copy stopped elsewhere is said as (found by review). Said cut short now;
    a manifest whose bytes are not UTF-8 in its middle is "not JSON: ..." as before."""
    root = project(tmp_path / "case")
    snap = root / "snap"
    import_works(write_jsonl(root / "微软亚洲研究院.jsonl", [work("W1", "A paper")]), snap)
    whole = (snap / MANIFEST).read_bytes()
    inside = whole.index("微".encode()) + 1  # one byte of the character's three
    for cut in (inside, inside + 1):
        (snap / MANIFEST).write_bytes(whole[:cut])
        code, err = run(["evidence", "show", str(snap)], capsys)
        assert code == 2 and len(err) == 1, err
        assert err[0].startswith(f"{snap / MANIFEST}:") and err[0].endswith(
            "the file ends before the JSON in it does: the manifest is cut short (a copy stopped part way?)"
        )
    (snap / MANIFEST).write_bytes(whole[:inside] + whole[inside + 2 :])  # the character broken, the rest there
    code, err = run(["evidence", "show", str(snap)], capsys)
    assert code == 2 and len(err) == 1 and ": not JSON: " in err[0] and "cut short" not in err[0]

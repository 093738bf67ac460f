"""Where a snapshot may be written: `--out` replaces a folder whole, so it is refused, in one
line and before anything is read, where it is an input, holds one or lies inside an input
folder, and where it is anything but a claimwatch snapshot (or an empty folder). A claimwatch
snapshot given to `evidence import` as its FILE, or lying below a folder given so, is never read
as OpenAlex's records."""

from __future__ import annotations

import copy
import gzip
import json
from pathlib import Path
from typing import Any

import duckdb
import pytest

from claimwatch import openalex as collector
from claimwatch.cli import evidence as cli_evidence
from claimwatch.cli import main
from claimwatch.columnar import _bulk, bulk_parts
from claimwatch.errors import InputError
from claimwatch.evidence import AUTHORS_FILE, MANIFEST, WORKS_FILE, Snapshot, import_bulk, import_works
from helpers import work

MSRA = "https://openalex.org/I4210113369"


def real_work(shared_data: Path, n: int) -> dict[str, Any]:
    """W2741809807 as OpenAlex gives it, renumbered, its first author at Microsoft Research Asia."""
    record = json.loads((shared_data / "openalex" / "W2741809807.json").read_text(encoding="utf-8"))
    record = copy.deepcopy(record)
    record["id"] = f"https://openalex.org/W{n}"
    record["authorships"][0]["institutions"] = [
        {"id": MSRA, "display_name": "Microsoft Research Asia", "ror": None, "country_code": "CN", "lineage": [MSRA]}
    ]
    return record


def jsonl(path: Path, records: list[dict[str, Any]], *, gz: bool = False) -> Path:
    data = b"".join(json.dumps(r).encode() + b"\n" for r in records)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(data, mtime=0) if gz else data)
    return path


def bulk_folder(works: Path, records: list[dict[str, Any]]) -> Path:
    """OpenAlex's works folder: one part and the manifest that lists it."""
    part = jsonl(works / "updated_date=2024-01-01" / "part_000.gz", records, gz=True)
    entry = {
        "url": "s3://openalex/data/works/updated_date=2024-01-01/part_000.gz",
        "meta": {"content_length": part.stat().st_size, "record_count": len(records)},
    }
    (works / "manifest").write_text(json.dumps({"entries": [entry]}))
    return works


def tree(folder: Path) -> dict[str, bytes | None]:
    """Every path below `folder` and its bytes (None for a folder): what 'untouched' compares."""
    return {
        str(p.relative_to(folder)): (None if p.is_dir() else p.read_bytes())
        for p in sorted(folder.rglob("*"))
        if not p.name.endswith(".lock")
    }


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["evidence", "import", *args])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, err.splitlines()


@pytest.fixture()
def snapshot(tmp_path: Path, shared_data: Path) -> Path:
    import_works(
        jsonl(tmp_path / "in.jsonl", [real_work(shared_data, 1), real_work(shared_data, 2)]), tmp_path / "snap"
    )
    return tmp_path / "snap"


# --- --out is an input, holds one, or lies inside one ---------------------------------------


def test_a_snapshot_imported_over_itself_is_refused_untouched(snapshot, capsys):
    before = tree(snapshot)
    code, err = run([str(snapshot), "--out", str(snapshot), "--subject", "I4210113369"], capsys)
    assert (code, err) == (2, [f"{snapshot}: is the input {snapshot}: give the snapshot a folder of its own"])
    assert tree(snapshot) == before


def test_a_snapshot_s_works_file_imported_into_that_snapshot_is_refused_untouched(snapshot, capsys):
    before = tree(snapshot)
    works = snapshot / WORKS_FILE
    code, err = run([str(works), "--out", str(snapshot)], capsys)
    assert (code, err) == (
        2,
        [f"{snapshot}: holds the input {works}, which replacing it would delete: give another folder"],
    )
    assert tree(snapshot) == before


def test_the_newer_bulk_layout_s_folder_is_never_replaced_by_an_import_of_its_works(tmp_path, shared_data, capsys):
    """OpenAlex's data/jsonl/ holds a manifest.json and the works folder: --out data/jsonl would
    have deleted the whole download, the input being read with it."""
    jsonl_dir = tmp_path / "data" / "jsonl"
    works = bulk_folder(jsonl_dir / "works", [real_work(shared_data, 1)])
    (jsonl_dir / "manifest.json").write_text('{"entries": []}')
    before = tree(tmp_path / "data")
    code, err = run([str(works), "--out", str(jsonl_dir), "--subject", "I4210113369"], capsys)
    assert code == 2 and err == [
        f"{jsonl_dir}: holds the input {works}, which replacing it would delete: give another folder"
    ]
    assert tree(tmp_path / "data") == before


def test_an_out_inside_the_bulk_folder_is_refused_before_a_part_is_read(tmp_path, shared_data, capsys, monkeypatch):
    works = bulk_folder(tmp_path / "data" / "works", [real_work(shared_data, 1)])
    before = tree(works)

    def never(*_: Any, **__: Any) -> None:
        raise AssertionError("the parts were listed before --out was checked")

    monkeypatch.setattr(cli_evidence, "bulk_parts", never)
    code, err = run([str(works), "--out", str(works / "snap"), "--subject", "I4210113369"], capsys)
    assert (code, err) == (2, [f"{works}/snap: lies inside the input folder {works}: give a folder outside it"])
    assert tree(works) == before


def test_symlinks_do_not_hide_an_input(snapshot, tmp_path, capsys):
    """An --out reached through a link is the folder the link leads to."""
    link = tmp_path / "latest"
    link.symlink_to(snapshot, target_is_directory=True)
    before = tree(snapshot)
    code, err = run([str(snapshot / WORKS_FILE), "--out", str(link)], capsys)
    assert code == 2 and err[0].startswith(f"{link}: holds the input {snapshot / WORKS_FILE}")
    # A new folder inside the input, named through a link to the input's folder.
    code, err = run([str(snapshot), "--out", str(link / "inner")], capsys)
    assert code == 2 and err == [f"{link}/inner: lies inside the input folder {snapshot}: give a folder outside it"]
    # The input named through the link, the snapshot by its own name.
    code, err = run([str(link / WORKS_FILE), "--out", str(snapshot)], capsys)
    assert code == 2 and err[0].startswith(f"{snapshot}: holds the input {link / WORKS_FILE}")
    assert tree(snapshot) == before and not (snapshot / "inner").exists()


def test_the_library_refuses_what_the_command_refuses(snapshot):
    with pytest.raises(InputError, match="holds the input"):
        import_works(snapshot / WORKS_FILE, snapshot)


# --- an existing --out must be a claimwatch snapshot ----------------------------------------


def test_a_folder_with_an_unrelated_manifest_json_keeps_its_files(tmp_path, shared_data, capsys):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "manifest.json").write_text('{"name": "not a snapshot"}')
    (mine / "notes.txt").write_text("precious\n")
    source = jsonl(tmp_path / "in.jsonl", [real_work(shared_data, 1)])
    before = tree(mine)
    code, err = run([str(source), "--out", str(mine)], capsys)
    assert (code, err) == (
        2,
        [
            f"{mine}: exists and is not a snapshot (it holds 'notes.txt', which no snapshot holds); refusing to replace it"
        ],
    )
    (mine / "notes.txt").unlink()  # a manifest.json alone, of someone else's
    code, err = run([str(source), "--out", str(mine)], capsys)
    assert (code, err) == (
        2,
        [
            f"{mine}: exists and is not a snapshot (its manifest.json is not a claimwatch manifest); refusing to replace it"
        ],
    )
    assert tree(mine) == {k: v for k, v in before.items() if k != "notes.txt"}


@pytest.mark.parametrize(
    ("files", "why"),
    [
        ({WORKS_FILE: b"mine"}, "no manifest.json"),
        ({MANIFEST: b"[1, 2]"}, "its manifest.json is not a claimwatch manifest"),
        ({MANIFEST: b"{oops"}, "its manifest.json is not JSON"),
        # Nested past Python's recursion limit (a hostile manifest; it ended the import with a
        # RecursionError traceback), and a number of more digits than Python converts.
        ({MANIFEST: b"[" * 100_000 + b"]" * 100_000}, "its manifest.json is not JSON"),
        ({MANIFEST: b'{"claimwatch_snapshot": ' + b"1" * 5_000 + b"}"}, "its manifest.json is not JSON"),
        (
            {MANIFEST: b'{"claimwatch_snapshot": 1}', "works.jsonl": b"x"},
            "it holds 'works.jsonl', which no snapshot holds",
        ),
    ],
)
def test_a_folder_that_only_looks_like_a_snapshot_is_refused(tmp_path, shared_data, capsys, files, why):
    out = tmp_path / "out"
    out.mkdir()
    for name, data in files.items():
        (out / name).write_bytes(data)
    code, err = run([str(jsonl(tmp_path / "in.jsonl", [real_work(shared_data, 1)])), "--out", str(out)], capsys)
    assert (code, err) == (2, [f"{out}: exists and is not a snapshot ({why}); refusing to replace it"])
    assert {p.name: p.read_bytes() for p in out.iterdir()} == files


def test_a_snapshot_with_a_file_of_the_user_s_added_is_not_replaced(snapshot, tmp_path, shared_data, capsys):
    (snapshot / "README.md").write_text("what this snapshot is for\n")
    before = tree(snapshot)
    code, err = run([str(jsonl(tmp_path / "new.jsonl", [real_work(shared_data, 3)])), "--out", str(snapshot)], capsys)
    assert code == 2 and "it holds 'README.md'" in err[0]
    assert tree(snapshot) == before


def test_a_snapshot_and_an_empty_folder_are_replaced(snapshot, tmp_path, shared_data):
    source = jsonl(tmp_path / "new.jsonl", [real_work(shared_data, 3)])
    import_works(source, snapshot)
    assert [w.id for w in Snapshot.open(snapshot).works()] == ["W3"]
    (tmp_path / "empty").mkdir()
    import_works(source, tmp_path / "empty")
    assert [w.id for w in Snapshot.open(tmp_path / "empty").works()] == ["W3"]


def test_a_snapshot_from_before_the_format_key_is_replaced(snapshot, tmp_path, shared_data):
    """The reader takes a manifest without `claimwatch_snapshot` (the format it defaults to): so
    does the writer, where the manifest reads as a snapshot's."""
    manifest = json.loads((snapshot / MANIFEST).read_text())
    del manifest["claimwatch_snapshot"]
    (snapshot / MANIFEST).write_text(json.dumps(manifest))
    assert Snapshot.open(snapshot).manifest.records == 2
    import_works(jsonl(tmp_path / "new.jsonl", [real_work(shared_data, 3)]), snapshot)
    assert [w.id for w in Snapshot.open(snapshot).works()] == ["W3"]


def test_a_link_to_a_snapshot_is_not_replaced(snapshot, tmp_path, shared_data, capsys):
    link = tmp_path / "latest"
    link.symlink_to(snapshot, target_is_directory=True)
    code, err = run([str(jsonl(tmp_path / "new.jsonl", [real_work(shared_data, 3)])), "--out", str(link)], capsys)
    assert code == 2 and err == [
        f"{link}: exists and is not a snapshot (a symbolic link: give the snapshot folder itself); refusing to replace it"
    ]
    assert link.is_symlink() and [w.id for w in Snapshot.open(snapshot).works()] == ["W1", "W2"]


def test_a_folder_changed_while_the_import_ran_is_not_replaced(snapshot, tmp_path, shared_data, monkeypatch):
    """Checked again just before the swap: a file the user put in meanwhile is not deleted."""
    from claimwatch.evidence import _snapshot

    original = _snapshot.SnapshotWriter._commit

    def commit(self, manifest):
        (snapshot / "notes.txt").write_text("written meanwhile\n")
        return original(self, manifest)

    monkeypatch.setattr(_snapshot.SnapshotWriter, "_commit", commit)
    with pytest.raises(InputError, match=r"it holds 'notes\.txt'"):
        import_works(jsonl(tmp_path / "new.jsonl", [real_work(shared_data, 3)]), snapshot)
    assert (snapshot / "notes.txt").read_text() == "written meanwhile\n"
    assert [w.id for w in Snapshot.open(snapshot).works()] == ["W1", "W2"]


def test_collect_keeps_to_the_same_rule(tmp_path):
    """collect writes its snapshot with the same writer: refused before a request is made."""
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "manifest.json").write_text('{"entries": []}')
    (mine / "notes.txt").write_text("precious\n")
    query = collector.Query("lab", "Example Lab", ("I900000001",), None, None)
    client = collector.OpenAlexClient("http://127.0.0.1:9", retries=0)  # nothing listens: a request would fail
    with pytest.raises(InputError) as e:
        collector.collect([query], mine, client=client)
    assert e.value.lines() == [
        f"{mine}: exists and is not a snapshot (it holds 'notes.txt', which no snapshot holds); refusing to replace it"
    ]
    assert (mine / "notes.txt").read_text() == "precious\n" and client.requests_made == 0


# --- a claimwatch snapshot is never read as OpenAlex's records ------------------------------


def test_a_snapshot_given_as_the_file_to_import_is_refused(snapshot, tmp_path, capsys):
    code, err = run([str(snapshot), "--out", str(tmp_path / "again"), "--subject", "I4210113369"], capsys)
    assert (code, err) == (2, [f"{snapshot}: {_bulk.SNAPSHOT_GIVEN}"])
    assert "claimwatch check --evidence" in err[0] and not (tmp_path / "again").exists()
    # Without --subject too: what to do with a snapshot, not what a bulk folder needs.
    assert run([str(snapshot), "--out", str(tmp_path / "again")], capsys) == (2, err)
    with pytest.raises(InputError) as e:
        import_bulk(snapshot, tmp_path / "again", institutions=[])
    assert e.value.lines() == err and not (tmp_path / "again").exists()


def test_a_folder_of_evidence_holding_snapshots_is_no_parquet_copy(snapshot, tmp_path, capsys):
    evidence = tmp_path / "evidence"
    (evidence / "snapshots").mkdir(parents=True)
    snapshot.rename(evidence / "snapshots" / "msra")
    code, err = run([str(evidence), "--out", str(tmp_path / "again"), "--subject", "I4210113369"], capsys)
    assert code == 2 and len(err) == 1
    assert err[0].startswith(f"{evidence}: not an OpenAlex works folder")
    assert "the claimwatch snapshots below it are not OpenAlex's" in err[0]
    # A snapshot whose works file is gone is still one, by what its manifest says.
    (evidence / "snapshots" / "msra" / WORKS_FILE).unlink()
    with pytest.raises(InputError, match="not an OpenAlex works folder"):
        bulk_parts(evidence)


def test_a_parquet_copy_beside_a_snapshot_is_read_without_the_snapshot_s_table(snapshot, tmp_path):
    copy_dir = tmp_path / "openalex"
    copy_dir.mkdir()
    # DuckDB's JSON reader takes no abstract index with words differing in case (the real record's).
    source = jsonl(tmp_path / "copy.jsonl", [work("W7", "A work in the copy")])
    duckdb.connect().execute(f"COPY (SELECT * FROM read_json_auto('{source}')) TO '{copy_dir / 'part_000.parquet'}'")
    snapshot.rename(copy_dir / "mine")
    assert [p.path for p in bulk_parts(copy_dir)] == [copy_dir / "part_000.parquet"]


def test_the_snapshot_marks_are_the_snapshot_s_file_names():
    assert _bulk.SNAPSHOT_MARKS == (MANIFEST, WORKS_FILE) and AUTHORS_FILE not in _bulk.SNAPSHOT_MARKS

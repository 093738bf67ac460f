"""OpenAlex's bulk snapshot, laid out as FACTS.md describes it: `data/works/` holding
`updated_date=YYYY-MM-DD/part_NNN.gz` files and a `manifest` (Redshift's manifest format, each
part by its S3 URL with its size and record count); and its Parquet copy. DuckDB keeps the
records that may be a subject's, and never drops one that is."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import tempfile
from pathlib import Path

import duckdb
import pytest

from claimwatch import claims as claims_mod
from claimwatch.cli import main
from claimwatch.columnar import (
    bulk_parts,
    bulk_records,
    fields_held_as_text,
    unchecked_parts_said,
    write_bulk_subset,
)
from claimwatch.errors import InputError
from claimwatch.evaluate import evaluate
from claimwatch.evidence import import_works, open_evidence, subjects_of
from helpers import (
    HIT,
    LAB,
    NO_PARTNERS_CLAIM,
    authorship,
    claim_file,
    institution,
    none_claim,
    project,
    work,
    write_jsonl,
)

OTHER = institution("I900", "Tsinghua University")


def _records() -> list[dict]:
    """Works of the lab (I100) spelt every way a record may spell its id, and works of others."""
    out = []
    for k in range(60):
        kind = k % 6
        if kind == 0:
            people = [authorship("A", [LAB]), authorship("B", [HIT])]
        elif kind == 1:  # the lab in a lineage only
            people = [authorship("A", [institution("I101", "Lab unit", lineage=["I101", "I100"])])]
        elif kind == 2:  # a lower-case id
            people = [authorship("A", [dict(LAB, id="i100", lineage=["i100"])])]
        else:
            people = [authorship("C", [OTHER]), authorship("D", [HIT])]
        out.append(work(f"W{k + 1}", f"Paper {k}", "2024-06-01", people))
    return out


def _layout(root: Path, records: list[dict]) -> Path:
    """data/works with three parts in two updated_date folders and the manifest listing them."""
    works = root / "data" / "works"
    lines = [json.dumps(r).encode() for r in records]
    lines[5] = lines[5].replace(b"https://openalex.org/", b"https:\\/\\/openalex.org\\/")  # escaped slashes
    shares = {"updated_date=2024-01-01/part_000.gz": lines[:25], "updated_date=2024-01-01/part_001.gz": lines[25:40]}
    shares["updated_date=2024-02-01/part_000.gz"] = [*lines[40:], b""]  # a blank line is no record
    entries = []
    for name, share in shares.items():
        path = works / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(gzip.compress(b"\n".join(share) + b"\n", mtime=0))
        url = f"s3://openalex/data/works/{name}"
        entries.append(
            {"url": url, "meta": {"content_length": path.stat().st_size, "record_count": sum(map(bool, share))}}
        )
    total = {k: sum(e["meta"][k] for e in entries) for k in ("content_length", "record_count")}
    (works / "manifest").write_text(json.dumps({"entries": entries, "meta": total}))
    return works


def test_every_work_of_the_subject_is_kept(tmp_path):
    records = _records()
    works = _layout(tmp_path, records)
    heard = []
    kept = list(bulk_records(works, ["I100"], on_part=lambda part, n, k: heard.append((part.path.name, n, k))))
    kept_ids = {json.loads(r.text)["id"] for r in kept}
    subjects = frozenset({"I100"})
    by_lab = {r["id"] for r in records if subjects_of(r, subjects)}
    assert by_lab and by_lab <= kept_ids
    assert len(kept_ids) < len(records)  # the others' works are left in DuckDB
    assert [(name, n) for name, n, _ in heard] == [("part_000.gz", 25), ("part_001.gz", 15), ("part_000.gz", 20)]


@pytest.mark.parametrize("listed", [True, False])
def test_an_empty_part_holds_no_records_as_an_empty_file_does(tmp_path, listed):
    """A part of no bytes is an empty gzip stream to gzip, and to the import of a single file:
    the bulk import reads it so too, where DuckDB calls it no gzip stream. Its manifest count,
    where there is one, is held to 0."""
    records = _records()
    works = _layout(tmp_path, records)
    empty = works / "updated_date=2024-02-01" / "part_001.gz"
    empty.write_bytes(b"")
    manifest = json.loads((works / "manifest").read_text())
    manifest["entries"].append(
        {
            "url": "s3://openalex/data/works/updated_date=2024-02-01/part_001.gz",
            "meta": {"content_length": 0, "record_count": 0},
        }
    )
    if listed:
        (works / "manifest").write_text(json.dumps(manifest))
    else:
        (works / "manifest").unlink()
    heard = []
    kept = list(bulk_records(works, ["I100"], on_part=lambda part, n, k: heard.append((part.path.name, n, k))))
    assert heard[-1] == ("part_001.gz", 0, 0) and len(heard) == 4
    without = bulk_records(_layout(tmp_path / "without", records), ["I100"])
    assert [(r.line, r.text) for r in kept] == [(r.line, r.text) for r in without]
    assert import_works(empty, tmp_path / "single").records == 0  # the same bytes, as a single file
    if listed:
        manifest["entries"][-1]["meta"]["record_count"] = 3
        (works / "manifest").write_text(json.dumps(manifest))
        with pytest.raises(InputError, match=r"part_001.gz: holds 0 records where the manifest says 3"):
            list(bulk_records(works, ["I100"]))


def test_a_part_the_manifest_does_not_match_is_refused_naming_it(tmp_path):
    works = _layout(tmp_path, _records())
    part = works / "updated_date=2024-01-01/part_001.gz"
    manifest = json.loads((works / "manifest").read_text())
    manifest["entries"][1]["meta"]["record_count"] = 16
    (works / "manifest").write_text(json.dumps(manifest))
    with pytest.raises(InputError, match=r"part_001.gz: holds 15 records where the manifest says 16"):
        list(bulk_records(works, [MANY]))
    part.write_bytes(part.read_bytes()[:-10])
    with pytest.raises(InputError, match=r"part_001.gz: .* bytes where .*manifest says .*: a download cut short"):
        bulk_parts(works)
    part.unlink()
    with pytest.raises(InputError, match=r"part_001.gz: listed in .*manifest but not there"):
        bulk_parts(works)


def test_a_manifest_listing_no_parts_is_refused_not_taken_for_a_subject_with_no_works(tmp_path, capsys):
    """`{"entries": []}` with --subject-may-be-empty wrote a snapshot covering I100 completely, as
    confirmed empty, from nothing read (issue 18, twenty-third part)."""
    works = tmp_path / "data" / "works"
    works.mkdir(parents=True)
    (works / "manifest").write_text('{"entries": []}')
    out = tmp_path / "snap"
    assert (
        main(["evidence", "import", str(works), "--out", str(out), "--subject", "I100", "--subject-may-be-empty"]) == 2
    )
    assert capsys.readouterr().err.strip() == (
        f"{works / 'manifest'}: the manifest lists no parts: there is nothing to import"
    )
    assert not out.exists()


@pytest.mark.parametrize(
    "escape",
    [
        "updated_date=2024-01-01/../../elsewhere/secret.gz",
        "updated_date=2024-01-01/./../../elsewhere/secret.gz",
        "updated_date=2024-01-01//part_000.gz",
    ],
)
def test_a_manifest_entry_leading_outside_the_works_folder_is_refused(tmp_path, capsys, shared_data, escape):
    """A manifest is data: an entry whose path climbs out of the works folder would have any file
    on the machine read as a part, and its records imported. Refused, naming the manifest and
    the entry, before a part is read."""
    record = json.loads((shared_data / "openalex/W2741809807.json").read_text(encoding="utf-8"))
    works = _layout(tmp_path, _records())
    secret = tmp_path / "data" / "elsewhere" / "secret.gz"  # what the entry leads to, from works/
    secret.parent.mkdir(parents=True)
    secret.write_bytes(gzip.compress(json.dumps(record).encode() + b"\n", mtime=0))
    manifest = json.loads((works / "manifest").read_text())
    manifest["entries"][1] = {
        "url": f"s3://openalex/data/works/{escape}",
        "meta": {"content_length": secret.stat().st_size, "record_count": 1},
    }
    (works / "manifest").write_text(json.dumps(manifest))
    code = main(["evidence", "import", str(works), "--out", str(tmp_path / "snap"), "--subject", "I100"])
    err = capsys.readouterr().err.splitlines()
    assert code == 2 and len(err) == 1 and not (tmp_path / "snap").exists()
    assert err[0] == (
        f"{works}/manifest: entry 2's url leads outside the works folder (an empty, '.' or '..' step after "
        f"its updated_date= folder): s3://openalex/data/works/{escape}; refused"
    )


def test_not_a_works_folder(tmp_path):
    with pytest.raises(InputError, match="not an OpenAlex works folder"):
        bulk_parts(tmp_path)
    (tmp_path / "part_000.gz").write_bytes(gzip.compress(b"{}\n"))  # a part outside any updated_date= folder
    with pytest.raises(InputError, match="not an OpenAlex works folder"):
        bulk_parts(tmp_path)


def _real_snapshot(root: Path, shared_data: Path, kind: str) -> Path:
    """OpenAlex's snapshot as downloaded, from real records: since 2026 `data/parquet/` with a
    folder an entity (works, authors, institutions), or `data/` of JSON Lines parts with a
    manifest an entity, as before. Gives the works folder."""
    page = json.loads((shared_data / "openalex" / "api-page-works.json").read_text())["results"]
    entities = {
        "works": page,
        "authors": [json.loads((shared_data / "openalex" / "A5023888391.json").read_text())],
        "institutions": [json.loads((shared_data / "openalex" / "I27837315.json").read_text())],
    }
    for entity, records in entities.items():
        if kind == "parquet":
            _parquet_copy(
                root / "data" / "parquet" / entity / "updated_date=2025-05-23", records, ("abstract_inverted_index",)
            )
            continue
        name = "updated_date=2025-05-23/part_000.gz"
        part = root / "data" / entity / name
        part.parent.mkdir(parents=True)
        part.write_bytes(gzip.compress(b"".join(json.dumps(r).encode() + b"\n" for r in records), mtime=0))
        meta = {"content_length": part.stat().st_size, "record_count": len(records)}
        entry = {"url": f"s3://openalex/data/{entity}/{name}", "meta": meta}
        (root / "data" / entity / "manifest").write_text(json.dumps({"entries": [entry]}))
    return root / "data" / ("parquet/works" if kind == "parquet" else "works")


@pytest.mark.parametrize("kind", ["parquet", "jsonl"])
@pytest.mark.parametrize("level", ["root", "data", "format", "authors", "partition"])
def test_a_folder_at_the_wrong_level_is_refused_naming_the_works_folder(tmp_path, capsys, shared_data, kind, level):
    """The snapshot's root, its data/ or data/parquet/ hold every entity's files: read as works,
    the institutions' and authors' records were taken for works (the subject's own institution
    record refused the import as "not a work or an author"; authors were kept). Another entity's
    folder, or one updated_date= folder, is no works folder either. Each is refused in one line
    that names the works folder to give, and nothing is written."""
    works = _real_snapshot(tmp_path / "openalex-snapshot", shared_data, kind)
    given = {
        "root": tmp_path / "openalex-snapshot",
        "data": tmp_path / "openalex-snapshot" / "data",
        "format": works.parent,
        "authors": works.parent / "authors",
        "partition": works / "updated_date=2025-05-23",
    }[level]
    out = tmp_path / "snap"
    code = main(["evidence", "import", str(given), "--out", str(out), "--subject", "I27837315"])
    lines = capsys.readouterr().err.splitlines()
    if level == "partition" and kind == "parquet":  # a folder of works' .parquet files: read as one
        assert code == 0 and (out / "manifest.json").is_file()
        return
    (line,) = lines
    assert code == 2 and not out.exists()
    assert line.startswith(f"{given}: ")
    assert f"give the works folder, {works}" in line
    if level == "partition":
        assert line.endswith("a part alone may be imported as a file)")
    # The works folder itself is read.
    assert main(["evidence", "import", str(works), "--out", str(out), "--subject", "I22299242"]) == 0


def test_parts_without_a_manifest_are_read_in_path_order_and_said_unchecked(tmp_path):
    """The works folder without its manifest (OpenAlex's 2026 layout puts one manifest.json for
    every entity above the entity folders, in a format not confirmed here)."""
    works = _layout(tmp_path, _records())
    (works / "manifest").unlink()
    parts = bulk_parts(works)
    assert [(p.path.relative_to(works).as_posix(), p.records) for p in parts] == [
        ("updated_date=2024-01-01/part_000.gz", None),
        ("updated_date=2024-01-01/part_001.gz", None),
        ("updated_date=2024-02-01/part_000.gz", None),
    ]
    assert [json.loads(text)["id"] for *_, text in bulk_records(works, ["I100"])][:2] == [
        "https://openalex.org/W1",
        "https://openalex.org/W2",
    ]
    said = unchecked_parts_said(works, parts)
    assert (
        said
        == f"{works}: no manifest counts the records of its parts, so a part missing from the download could not be told"
    )
    (works / "updated_date=2024-03-01").mkdir()
    duckdb.connect().execute(f"COPY (SELECT 1 AS x) TO '{works / 'updated_date=2024-03-01' / 'part_000.parquet'}'")
    with pytest.raises(InputError, match=r"holds both JSON Lines parts \(.gz\) and .parquet files"):
        bulk_parts(works)


def test_a_manifest_entry_without_a_record_count_leaves_its_part_unchecked(tmp_path):
    works = _layout(tmp_path, _records())
    manifest = json.loads((works / "manifest").read_text())
    del manifest["entries"][1]["meta"]
    (works / "manifest").write_text(json.dumps(manifest))
    parts = bulk_parts(works)
    assert [p.records for p in parts] == [25, None, 20]
    assert unchecked_parts_said(works, parts) == (
        f"{works}: no manifest counts the records of 1 of its 3 parts, so a part missing from the download "
        "could not be told"
    )
    assert unchecked_parts_said(works, bulk_parts(_layout(tmp_path / "whole", _records()))) is None


def test_the_parquet_copy_is_read_alike(tmp_path):
    records = _records()
    source = write_jsonl(tmp_path / "all.jsonl", records)
    parquet = tmp_path / "data" / "parquet" / "works"
    parquet.mkdir(parents=True)
    duckdb.connect().execute(f"COPY (SELECT * FROM read_json_auto('{source}')) TO '{parquet / 'part_000.parquet'}'")
    kept = {json.loads(text)["id"] for *_, text in bulk_records(parquet, ["I100"])}
    assert {r["id"] for r in records if subjects_of(r, frozenset({"I100"}))} <= kept


def _parquet_copy(folder: Path, records: list[dict], as_text: tuple[str, ...]) -> Path:
    """A Parquet file of `records` written by DuckDB, the fields `as_text` held as JSON text."""
    folder.mkdir(parents=True)
    rows = [{k: json.dumps(v) if k in as_text else v for k, v in r.items()} for r in records]
    source = write_jsonl(folder.parent / f"{folder.name}.jsonl", rows)
    duckdb.connect().execute(f"COPY (SELECT * FROM read_json_auto('{source}')) TO '{folder / 'part_0000.parquet'}'")
    return folder


def test_fields_a_parquet_copy_holds_as_text_are_said_not_read(tmp_path, capsys, shared_data):
    """How the published Parquet copy stores the work's nested fields is not confirmed; a field
    held as text reads as a string, which claimwatch does not parse, so the import says so."""
    from claimwatch.cli import main

    # Real records: their abstracts' words cannot be one struct (DuckDB refuses "the" beside
    # "The"), so a Parquet file of them holds the index some other way; text is the one tried.
    records = json.loads((shared_data / "openalex" / "api-page-works.json").read_text())["results"]
    assert records[0]["abstract_inverted_index"]  # the subject's work, which has an abstract
    works = _parquet_copy(tmp_path / "as-text", records, ("abstract_inverted_index",))
    assert fields_held_as_text(bulk_parts(works)) == ("abstract_inverted_index",)
    out = tmp_path / "snap"
    assert main(["evidence", "import", str(works), "--out", str(out), "--subject", "I22299242"]) == 0
    warnings = [line for line in capsys.readouterr().err.splitlines() if line.startswith("warning:")]
    assert warnings[0] == (
        f"warning: {works}: its Parquet files hold abstract_inverted_index as text, where OpenAlex's "
        "records hold JSON objects and arrays; claimwatch does not parse that text, so what it holds "
        "(an abstract, the authors, the topics) was not read"
    )
    query = json.loads((out / "manifest.json").read_text())["queries"][0]
    assert query["fields_held_as_text"] == ["abstract_inverted_index"]
    (kept,) = open_evidence(out).works()
    assert kept.id == "W3046863325" and kept.abstract == ""  # as the warning says: not read
    # Held as the records hold them, nothing is said.
    plain = _parquet_copy(tmp_path / "as-records", _records(), ())
    assert fields_held_as_text(bulk_parts(plain)) == ()


def test_a_snapshot_from_the_bulk_layout_checks_as_one_from_the_whole_file(tmp_path):
    root = project(tmp_path)
    claims = claims_mod.load_claims([claim_file(root / "claims/c.yaml", NO_PARTNERS_CLAIM)], root=root)
    records = _records()
    summary = write_bulk_subset(_layout(tmp_path, records), ["I100"], tmp_path / "subset.jsonl.gz")
    assert (summary.records, len(summary.parts)) == (60, 3) and summary.kept < 60
    period = {"institutions": ["I100"], "start": dt.date(2024, 1, 1), "end": dt.date(2024, 12, 31)}
    import_works(tmp_path / "subset.jsonl.gz", tmp_path / "from-bulk", **period)
    import_works(write_jsonl(tmp_path / "all.jsonl", records), tmp_path / "from-all", **period)
    bulk, whole = (evaluate(claims, [open_evidence(tmp_path / name)]).results[0] for name in ("from-bulk", "from-all"))
    assert bulk.matched == 10
    assert (bulk.verdict, bulk.matched, bulk.uncertain, bulk.works_considered, bulk.unaffiliated) == (
        whole.verdict,
        whole.matched,
        whole.uncertain,
        whole.works_considered,
        whole.unaffiliated,
    )
    assert [f.work.id for f in bulk.findings] == [f.work.id for f in whole.findings]


def test_a_folder_that_is_no_bulk_snapshot_is_said_so_before_asking_for_a_subject(tmp_path, capsys, shared_data):
    """A folder of saved records (the single works and pages an analyst keeps) given without
    --subject was told "a bulk snapshot folder is filtered by --subject", as if it were one."""
    from claimwatch.cli import main

    folder = shared_data / "openalex"
    assert main(["evidence", "import", str(folder), "--out", str(tmp_path / "snap")]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"{folder}: not an OpenAlex works folder") and "--subject" not in line


def test_evidence_import_takes_the_bulk_folder_with_a_progress_line_a_part(tmp_path, capsys):
    from claimwatch.cli import main

    works = _layout(tmp_path, _records())
    out = tmp_path / "snap"
    argv = ["evidence", "import", str(works), "--out", str(out), "--from", "2024-01-01", "--to", "2024-12-31"]
    assert main(argv) == 2
    assert "a bulk snapshot folder is filtered by --subject: give at least one" in capsys.readouterr().err
    assert main([*argv, "--subject", "I100"]) == 0
    shown = capsys.readouterr()
    assert "wrote " in shown.out and "coverage complete for I100" in shown.out
    assert "bulk parts" not in shown.out and "kept" in shown.err and "3/3" in shown.err  # the bar, on stderr
    snapshot = open_evidence(out)
    assert sorted(w.id for w in snapshot.works()) == sorted(f"W{k + 1}" for k in range(60) if k % 6 in (0, 1, 2))
    query = json.loads((out / "manifest.json").read_text())["queries"][0]
    assert (query["bulk"], query["parts"], query["parts_counted_by_manifest"], query["records_read"]) == (
        str(works),
        3,
        3,
        60,
    )
    assert query["import"] == str(works) and "sha256_of" in query  # not the temporary file, gone since
    assert not list(tmp_path.glob(".snap.*bulk*"))  # the filtered file was never put beside the snapshot


def _broken_in_part(works: Path) -> tuple[Path, int]:
    """The sixth line of the second part (a work of the lab) cut short, the manifest kept in step
    with the part's new size: the import, not the reading, finds it."""
    part = works / "updated_date=2024-01-01/part_001.gz"
    lines = gzip.decompress(part.read_bytes()).split(b"\n")
    assert b"I100" in lines[5]
    lines[5] = lines[5][:-40]
    part.write_bytes(gzip.compress(b"\n".join(lines), mtime=0))
    manifest = json.loads((works / "manifest").read_text())
    manifest["entries"][1]["meta"]["content_length"] = part.stat().st_size
    (works / "manifest").write_text(json.dumps(manifest))
    return part, 6


def test_a_broken_record_of_a_part_is_said_at_its_part_and_line(tmp_path, capsys):
    from claimwatch.cli import main

    works = _layout(tmp_path, _records())
    part, line = _broken_in_part(works)
    out = tmp_path / "snap"
    assert main(["evidence", "import", str(works), "--out", str(out), "--subject", "I100"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith(f"{part}:{line}:") and ": not a JSON object" in err[-1]
    assert "subset" not in err[-1] and not out.exists()
    # Skipped instead: the manifest names the part and the line, not the file it was gathered in.
    assert main(["evidence", "import", str(works), "--out", str(out), "--subject", "I100", "--skip-invalid"]) == 0
    (skipped,) = json.loads((out / "manifest.json").read_text())["skipped_lines"]
    assert (skipped["file"], skipped["line"]) == (str(part), line)


def test_a_broken_first_record_is_a_broken_line_not_a_broken_document(tmp_path, capsys):
    """The first record kept decides nothing about the file it is gathered in: it is JSON Lines,
    so a broken one there is skipped with --skip-invalid like any other line."""
    from claimwatch.cli import main

    works = _layout(tmp_path, _records())
    part = works / "updated_date=2024-01-01/part_000.gz"
    lines = gzip.decompress(part.read_bytes()).split(b"\n")
    lines[0] = lines[0][:-40]  # W1, a work of the lab: the first record kept
    part.write_bytes(gzip.compress(b"\n".join(lines), mtime=0))
    manifest = json.loads((works / "manifest").read_text())
    manifest["entries"][0]["meta"]["content_length"] = part.stat().st_size
    (works / "manifest").write_text(json.dumps(manifest))
    out = tmp_path / "snap"
    argv = ["evidence", "import", str(works), "--out", str(out), "--subject", "I100"]
    assert main(argv) == 2
    end = len(lines[0].decode()) + 1  # where the record cut short ends
    said = capsys.readouterr().err.strip().splitlines()[-1]
    assert said == f"{part}:1:{end}: not a JSON object: unexpected end of data"
    assert main([*argv, "--skip-invalid"]) == 0
    manifest = json.loads((out / "manifest.json").read_text())
    assert [(x["file"], x["line"]) for x in manifest["skipped_lines"]] == [(str(part), 1)]
    assert manifest["files"]["works.jsonl.gz"]["records"] == 29
    assert manifest["coverage"]["complete"] is False  # the broken record was a work of the lab


def test_the_bulk_imports_warnings_name_the_folder(tmp_path, capsys):
    from claimwatch.cli import main

    works = _layout(tmp_path, _records())
    argv = ["evidence", "import", str(works), "--out", str(tmp_path / "snap"), "--subject", "I555"]
    assert main(argv) == 0
    warning = next(line for line in capsys.readouterr().err.splitlines() if line.startswith("warning:"))
    assert warning.startswith(f"warning: {works} holds no work of I555") and "subset" not in warning


@pytest.mark.parametrize("copy", ["jsonl-without-manifest", "parquet"])
def test_a_bulk_folder_no_manifest_counts_is_imported_without_complete_coverage(tmp_path, capsys, copy):
    """Silence from parts nothing counts is no proof: a part left out of the download would
    make the subject's works there look absent."""
    from claimwatch.cli import main

    records = _records()
    if copy == "parquet":
        works = tmp_path / "data" / "parquet" / "works"
        works.mkdir(parents=True)
        source = write_jsonl(tmp_path / "all.jsonl", records)
        duckdb.connect().execute(f"COPY (SELECT * FROM read_json_auto('{source}')) TO '{works / 'part_000.parquet'}'")
    else:
        works = _layout(tmp_path, records)
        (works / "manifest").unlink()
    out = tmp_path / "snap"
    argv = ["evidence", "import", str(works), "--out", str(out), "--subject", "I100", "--from", "2024-01-01"]
    assert main(argv) == 0
    shown = capsys.readouterr()
    assert f"warning: {works}: no manifest counts the records of its parts" in shown.err
    assert "coverage NOT recorded as complete" in shown.err
    assert "coverage complete" not in shown.out
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["coverage"]["complete"] is False
    assert "no manifest counts the records" in manifest["coverage"]["note"]
    assert manifest["queries"][0]["parts_counted_by_manifest"] == 0
    snapshot = open_evidence(out)
    assert sorted(w.id for w in snapshot.works()) == sorted(f"W{k + 1}" for k in range(60) if k % 6 in (0, 1, 2))


def _parts_of(root: Path, shares: list[list[bytes]]) -> Path:
    """data/works holding each share as a part, in one updated_date folder a part, with the
    manifest listing them in that order."""
    works = root / "data" / "works"
    entries = []
    for k, share in enumerate(shares):
        name = f"updated_date=2024-01-{k + 1:02d}/part_000.gz"
        path = works / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(gzip.compress(b"".join(line + b"\n" for line in share), mtime=0))
        meta = {"content_length": path.stat().st_size, "record_count": sum(map(bool, share))}
        entries.append({"url": f"s3://openalex/data/works/{name}", "meta": meta})
    (works / "manifest").write_text(json.dumps({"entries": entries}))
    return works


MANY = "I987654321"  # digits no work id of these parts holds


def _numbered(part: int, n: int) -> list[bytes]:
    """n small records of a part; every seventh by MANY, the rest by another institution."""
    lines = []
    for k in range(n):
        by = MANY if k % 7 == 3 else "I900"
        lines.append(json.dumps({"id": f"W{part}{k:06d}", "by": f"https://openalex.org/{by}"}).encode())
    return lines


@pytest.mark.parametrize("readers", [1, 2, 4])
def test_parts_read_side_by_side_give_every_record_in_the_manifests_order(tmp_path, readers):
    # More rows a part than DuckDB gives a batch (8,192), and parts of very different sizes, so
    # that a later part is read before an earlier one is done.
    shares = [_numbered(1, 20_000), _numbered(2, 30), [], _numbered(4, 9_000), _numbered(5, 1)]
    works = _parts_of(tmp_path, shares)
    heard = []
    kept = list(bulk_records(works, [MANY], readers=readers, on_part=lambda p, n, k: heard.append((n, k))))
    by = MANY.encode()
    assert [r.text for r in kept] == [line for share in shares for line in share if by in line]
    assert [(r.part.path.parent.name, r.line) for r in kept] == [
        (f"updated_date=2024-01-{k + 1:02d}", n + 1)
        for k, share in enumerate(shares)
        for n, line in enumerate(share)
        if by in line
    ]
    assert heard == [(len(s), sum(by in line for line in s)) for s in shares]


def test_a_reading_stopped_part_way_leaves_no_spool_and_no_reader(tmp_path, monkeypatch):
    import threading

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    works = _parts_of(tmp_path, [_numbered(k, 5_000) for k in range(1, 7)])
    records = bulk_records(works, [MANY], readers=2)
    next(records)
    assert list((tmp_path / "tmp").iterdir())  # the spool, while parts are read
    records.close()
    assert list((tmp_path / "tmp").iterdir()) == []
    assert not [t for t in threading.enumerate() if t.name.startswith("claimwatch-bulk")]


def test_a_part_duckdb_cannot_read_is_one_line_naming_it_after_the_parts_before_it(tmp_path):
    shares = [_numbered(1, 50), _numbered(2, 50), _numbered(3, 50)]
    shares[1][20] = b'{"id": "W2", "title": "caf\xe9"}'  # Latin-1, not UTF-8
    works = _parts_of(tmp_path, shares)
    given = []
    with pytest.raises(InputError) as refused:
        for *_, text in bulk_records(works, [MANY], readers=3):
            given.append(text)
    assert given == [line for line in shares[0] if MANY.encode() in line]
    assert (
        str(refused.value) == f"{works / 'updated_date=2024-01-02/part_000.gz'}:21:0: not UTF-8 text: download it again"
    )
    part = works / "updated_date=2024-01-03/part_000.gz"
    part.write_bytes(b"<html>Not Found</html>\n")  # what a failed download may leave
    manifest = json.loads((works / "manifest").read_text())
    manifest["entries"] = [manifest["entries"][0], {**manifest["entries"][2], "meta": {}}]
    (works / "manifest").write_text(json.dumps(manifest))
    with pytest.raises(InputError, match=r"part_000.gz: cannot be read: Input is not a GZIP stream$"):
        list(bulk_records(works, [MANY]))


def test_a_part_not_gzip_given_by_a_relative_path_is_named_once(tmp_path, monkeypatch, capsys):
    """DuckDB names the part as claimwatch gave it to read, absolute: the line named it twice."""
    works = _parts_of(tmp_path, [_numbered(1, 10)])
    (works / "updated_date=2024-01-01/part_000.gz").write_bytes(b"<html>Not Found</html>\n")
    (works / "manifest").unlink()
    monkeypatch.chdir(tmp_path)
    assert main(["evidence", "import", "data/works", "--out", "snap", "--subject", "I100"]) == 2
    (line,) = capsys.readouterr().err.splitlines()[-1:]
    assert line == "data/works/updated_date=2024-01-01/part_000.gz: cannot be read: Input is not a GZIP stream"


def test_a_parquet_file_cut_short_is_refused_naming_it_once(tmp_path):
    works = tmp_path / "works"
    works.mkdir()
    part = works / "part_0000.parquet"
    duckdb.connect().execute(f"COPY (SELECT range AS id FROM range(10000)) TO '{part}'")
    part.write_bytes(part.read_bytes()[:-100])
    with pytest.raises(InputError) as e:
        list(bulk_records(works, ["I100"]))
    (problem,) = e.value.problems
    assert problem.path == str(part) and problem.message.startswith("cannot be read: ")
    assert str(part) not in problem.message


def _unmanifested(root: Path, shares: list[list[bytes]]) -> list[Path]:
    works = _parts_of(root, shares)
    (works / "manifest").unlink()
    return [p.path for p in bulk_parts(works)]


@pytest.mark.parametrize("cut", [1, 4, 8, 20, 1_000, "half"])
def test_a_gzip_part_cut_short_is_refused_where_no_manifest_counts_it(tmp_path, cut):
    """DuckDB reads a gzip file cut short as if it were whole (the rest of its records never
    said); with no manifest count or size to hold it to, the part's own end must tell."""
    part, after = _unmanifested(tmp_path, [_numbered(1, 3_000), _numbered(2, 3_000)])
    whole = part.read_bytes()
    part.write_bytes(whole[: len(whole) // 2 if cut == "half" else -cut])
    given = []
    with pytest.raises(InputError) as e:
        for record in bulk_records(part.parent.parent, [MANY]):
            given.append(record)
    assert str(e.value) == (
        f"{part}: cut short: the gzip file ends before its end marker (a download cut short?): download it again"
    )
    assert not any(r.part.path == after for r in given)  # refused before the parts after it


def test_whole_gzip_parts_of_several_members_or_no_last_line_break_are_read_whole(tmp_path):
    shares = [_numbered(1, 3_000), _numbered(2, 3_000), _numbered(3, 3_000)]
    first, second, third = _unmanifested(tmp_path, shares)
    lines = [line + b"\n" for line in shares[1]]
    second.write_bytes(gzip.compress(b"".join(lines[:1000]), mtime=0) + gzip.compress(b"".join(lines[1000:]), mtime=0))
    third.write_bytes(gzip.compress(b"\n".join(shares[2]), mtime=0))
    kept = [r.text for r in bulk_records(first.parent.parent, [MANY])]
    assert kept == [line for share in shares for line in share if MANY.encode() in line]


@pytest.mark.parametrize("manifest", [True, False], ids=["manifest", "no manifest"])
def test_a_gzip_part_whose_bytes_changed_is_refused_naming_it(tmp_path, manifest):
    """A part of the manifest's size and record count whose bytes changed on the way (stored,
    not compressed, so that the change still inflates): DuckDB reads it without a word, and a
    work of the subject becomes another's; its CRC-32 tells."""
    works = _parts_of(tmp_path, [_numbered(1, 50)])
    part = works / "updated_date=2024-01-01/part_000.gz"
    raw = b"".join(line + b"\n" for line in _numbered(1, 50))
    stored = gzip.compress(raw, compresslevel=0, mtime=0)
    changed = stored.replace(MANY.encode(), b"I900000000", 1)
    assert len(changed) == len(stored) and changed != stored
    part.write_bytes(changed)
    if manifest:
        listing = json.loads((works / "manifest").read_text())
        listing["entries"][0]["meta"]["content_length"] = len(changed)
        (works / "manifest").write_text(json.dumps(listing))
    else:
        (works / "manifest").unlink()
    with pytest.raises(InputError) as e:
        list(bulk_records(works, [MANY]))
    assert str(e.value) == (
        f"{part}: corrupt: what it holds does not match its gzip check (CRC-32 and size): download it again"
    )


def test_a_line_longer_than_any_record_is_refused_naming_it(tmp_path):
    share = _numbered(1, 10)
    share[4] = b'{"id": "W1", "title": "' + b"x" * (64 << 20) + b'"}'  # over 64 MiB: no record claimwatch reads
    with pytest.raises(InputError, match=r"part_000.gz:5:0: a line longer than 67,108,864 bytes, the longest record"):
        list(bulk_records(_parts_of(tmp_path, [share]), [MANY]))


def test_evidence_import_of_an_unreadable_part_is_one_line_and_writes_nothing(tmp_path, capsys):
    from claimwatch.cli import main

    works = _parts_of(tmp_path, [_numbered(1, 10)])
    part = works / "updated_date=2024-01-01/part_000.gz"
    part.write_bytes(gzip.compress(b'{"id": "W1"}\n{"id": "W\xff2"}\n', mtime=0))
    manifest = json.loads((works / "manifest").read_text())
    manifest["entries"][0]["meta"] = {"content_length": part.stat().st_size, "record_count": 2}
    (works / "manifest").write_text(json.dumps(manifest))
    out = tmp_path / "snap"
    assert main(["evidence", "import", str(works), "--out", str(out), "--subject", "I100"]) == 2
    err = capsys.readouterr().err
    assert f"{part}:2:0: not UTF-8 text: download it again" in err and "Traceback" not in err
    assert not out.exists()


def test_a_part_with_windows_line_breaks_is_refused_saying_so(tmp_path):
    works = _parts_of(tmp_path, [[line + b"\r" for line in _numbered(1, 10)]])
    with pytest.raises(InputError) as e:
        list(bulk_records(works, [MANY]))
    assert str(e.value) == (
        f"{works / 'updated_date=2024-01-01/part_000.gz'}: cannot be read as JSON Lines: it holds a carriage "
        "return (\\r), as a file with Windows line breaks does, which OpenAlex's parts never hold"
    )


def test_the_same_parts_give_the_same_subset_and_the_same_manifest(tmp_path, monkeypatch):
    import time

    works = _layout(tmp_path, _records())
    subsets = []
    for k in range(2):
        subsets.append(tmp_path / f"subset-{k}.jsonl.gz")
        write_bulk_subset(works, ["I100"], subsets[-1])
        monkeypatch.setattr(time, "time", lambda: 2_000_000_000.0)  # a gzip header's clock, were it written
    assert subsets[0].read_bytes() == subsets[1].read_bytes()
    manifests = []
    for k in range(2):
        import_works_from = tmp_path / f"snap-{k}"
        from claimwatch.evidence import import_bulk

        import_bulk(works, import_works_from, institutions=["I100"])
        manifests.append(json.loads((import_works_from / "manifest.json").read_text())["queries"][0]["sha256"])
    assert manifests[0] == manifests[1]


@pytest.mark.parametrize(
    "subject, options, said",
    [
        ("A100", {}, "--subject: 'A100' is not an OpenAlex institution id (I...)"),
        ("foo", {}, "--subject: 'foo' is not an OpenAlex institution id (I...)"),
        (
            "I100",
            {"start": dt.date(2024, 5, 1), "end": dt.date(2024, 1, 1)},
            "--to: 2024-01-01 is before --from 2024-05-01",
        ),
    ],
)
def test_the_bulk_imports_arguments_are_checked_before_any_part_is_read(tmp_path, subject, options, said):
    from claimwatch.evidence import import_bulk

    works = _layout(tmp_path, _records())
    heard = []
    with pytest.raises(InputError) as e:
        import_bulk(works, tmp_path / "snap", institutions=[subject], on_part=lambda *a: heard.append(a), **options)
    assert str(e.value) == said and heard == []


def test_parts_the_manifest_does_not_list_are_said_not_read(tmp_path, capsys):
    from claimwatch.cli import main

    records = _records()
    works = _layout(tmp_path, records[:40])
    stale = works / "updated_date=2023-12-01/part_000.gz"  # left from an earlier download
    stale.parent.mkdir()
    stale.write_bytes(gzip.compress(b"".join(json.dumps(r).encode() + b"\n" for r in records[40:]), mtime=0))
    out = tmp_path / "snap"
    assert main(["evidence", "import", str(works), "--out", str(out), "--subject", "I100"]) == 0
    err = capsys.readouterr().err
    assert (
        f"warning: {works}: a .gz file in updated_date= folders that its manifest does not list "
        "(the first: updated_date=2023-12-01/part_000.gz) were not read: left from an earlier download?"
    ) in err
    assert all(int(w.id[1:]) <= 40 for w in open_evidence(out).works())
    assert json.loads((out / "manifest.json").read_text())["queries"][0]["parts_not_listed"] == 1


@pytest.mark.parametrize("name, sibling", [("snap[1]", "snap1"), ("st*", "st1"), ("q?x", "qax")])
@pytest.mark.parametrize("copy", ["manifest", "no manifest", "parquet"])
def test_a_folder_named_like_a_glob_pattern_is_read_as_named(tmp_path, name, sibling, copy):
    """DuckDB takes a path as a glob pattern: `snap[1]` matches a sibling `snap1`, whose parts
    it would read instead (a subject's works silently gone, or another's counted)."""
    records = _records()
    works = _layout(tmp_path / name, records)
    decoy = _layout(
        tmp_path / sibling, [work(f"W9{k}", "Not the lab's", "2024-06-01", [authorship("A", [LAB])]) for k in range(7)]
    )
    if copy == "parquet":
        for folder, share in ((works, records), (decoy, None)):
            for part in folder.glob("updated_date=*/*.gz"):
                part.unlink()
            source = write_jsonl(
                folder.parent / "all.jsonl", share or [work("W99", "x", "2024-06-01", [authorship("A", [LAB])])]
            )
            duckdb.connect().execute(
                f"COPY (SELECT * FROM read_json_auto('{source}')) TO '{folder / 'part_000.parquet'}'"
            )
            (folder / "manifest").unlink()
    elif copy == "no manifest":
        (works / "manifest").unlink()
        (decoy / "manifest").unlink()
    kept = {json.loads(r.text)["id"] for r in bulk_records(works, ["I100"])}
    wanted = {r["id"] for r in records if subjects_of(r, frozenset({"I100"}))}
    assert wanted <= kept and not any("W777" in k for k in kept)


@pytest.mark.parametrize("name, sibling", [("s[1]", "s1"), ("s*", "s1"), ("s?", "s1")])
def test_a_snapshot_named_like_a_glob_pattern_is_checked_from_its_own_table(tmp_path, name, sibling):
    records = _records()
    source = write_jsonl(tmp_path / "all.jsonl", records)
    other = write_jsonl(tmp_path / "other.jsonl", records[:6])
    import_works(source, tmp_path / name, institutions=["I100"], start=dt.date(2024, 1, 1))
    import_works(other, tmp_path / sibling, institutions=["I100"], start=dt.date(2024, 1, 1))
    root = project(tmp_path / "case")
    claims = claims_mod.load_claims([claim_file(root / "claims/c.yaml", NO_PARTNERS_CLAIM)], root=root)
    evidence = [open_evidence(tmp_path / name)]
    duck = evaluate(claims, evidence, engine="duckdb", cache=tmp_path / "cache")
    python = evaluate(claims, evidence, engine="python")
    assert duck.evidence_counts[0].records == len(records)
    assert duck.model_dump() == python.model_dump()


def test_a_snapshot_below_a_folder_named_like_a_partition_is_checked_from_its_own_table(tmp_path):
    """A folder `key=value` on the table's path is no Hive partition to claimwatch: its value
    never stands for the table's own column of that name (below `ordinal=1/`, every row of the
    table being made read as row 1 stopped the import with an AssertionError's traceback)."""
    folder = "ordinal=1"
    records = _records()
    snapshot = tmp_path / folder / "snap"
    import_works(
        write_jsonl(tmp_path / "all.jsonl", records), snapshot, institutions=["I100"], start=dt.date(2024, 1, 1)
    )
    root = project(tmp_path / "case")
    claims = claims_mod.load_claims([claim_file(root / "claims/c.yaml", NO_PARTNERS_CLAIM)], root=root)
    evidence = [open_evidence(snapshot)]
    duck = evaluate(claims, evidence, engine="duckdb", cache=tmp_path / folder / "cache")
    python = evaluate(claims, evidence, engine="python")
    assert duck.evidence_counts[0].records == len(records)
    assert duck.model_dump() == python.model_dump()


def _by(wid: str, inst: dict, updated: str) -> dict:
    return work(wid, f"Paper {wid}", "2024-06-01", [authorship("A", [inst])]) | {"updated_date": updated}


def test_a_newer_version_that_no_longer_names_the_subject_outdoes_an_older_one_left_in_the_folder(tmp_path, capsys):
    """Without a manifest, files left from an earlier download are read: a work once credited to
    the lab, and since corrected to another institution, must be read as corrected, as the
    whole file would be, not credited to the lab by the outdated version the filter kept."""
    from claimwatch.cli import main

    old = [_by("W11", LAB, "2024-01-01T00:00:00"), _by("W12", LAB, "2024-01-01T00:00:00")]
    new = [_by("W13", OTHER, "2024-03-01T00:00:00"), _by("W11", OTHER, "2024-03-01T00:00:00")]
    works = tmp_path / "data" / "works"
    for day, share in (("2024-01-01", old), ("2024-03-01", new)):
        part = works / f"updated_date={day}" / "part_000.gz"
        part.parent.mkdir(parents=True)
        part.write_bytes(gzip.compress(b"".join(json.dumps(r).encode() + b"\n" for r in share), mtime=0))
    out = tmp_path / "snap"
    assert main(["evidence", "import", str(works), "--out", str(out), "--subject", "I100"]) == 0
    err = capsys.readouterr().err
    assert f"warning: {works}: 1 other version(s) of works of the subjects" in err
    snapshot = open_evidence(out)
    by_id = {w.id: w for w in snapshot.works()}
    assert sorted(by_id) == ["W11", "W12"]
    assert [i.id for a in by_id["W11"].authorships for i in a.institutions] == ["I900"]  # the newest
    whole = write_jsonl(tmp_path / "all.jsonl", old + new)  # the same records as one file: the same reading
    import_works(whole, tmp_path / "whole", institutions=["I100"])
    as_one = {
        w.id: [i.id for a in w.authorships for i in a.institutions] for w in open_evidence(tmp_path / "whole").works()
    }
    assert as_one["W11"] == ["I900"]
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["queries"][0]["other_versions_kept"] == 1


def test_records_whose_work_id_duckdb_cannot_read_are_said(tmp_path, capsys):
    from claimwatch.cli import main

    shares = [
        [json.dumps(_by("W11", LAB, "2024-01-01")).encode(), b'{"id": "https://openalex.org/works/W99", "title": "x"}']
    ]
    works = _parts_of(tmp_path, shares)
    (works / "manifest").unlink()
    assert (
        main(["evidence", "import", str(works), "--out", str(tmp_path / "snap"), "--subject", "I100", "--skip-invalid"])
        == 0
    )
    err = capsys.readouterr().err
    assert f"warning: {works}: 1 record(s) whose work id DuckDB could not read" in err
    assert json.loads((tmp_path / "snap" / "manifest.json").read_text())["queries"][0]["work_ids_unread"] == 1


def test_with_a_manifest_no_other_versions_are_looked_for(tmp_path, monkeypatch):
    import claimwatch.columnar._bulk as bulk

    monkeypatch.setattr(bulk._Spooled, "other_ids", lambda *a: pytest.fail("looked for other versions"))
    works = _layout(tmp_path, _records())
    assert list(bulk_records(works, ["I100"]))


def test_a_parquet_copys_records_are_read_as_held_not_as_their_folders_name_says(tmp_path, shared_data):
    """DuckDB reads a folder named `key=value` on a file's path as a Hive partition, whose value
    it gives as that column, over the file's own: every record of the Parquet copy, in
    `updated_date=YYYY-MM-DD/` folders, had its `updated_date` (to the microsecond) replaced by
    the folder's day, and a record without one given one; a record in a folder of another day
    took that day, as-of and all. Each record is read as its file holds it."""
    from claimwatch.evidence import import_bulk

    page = json.loads((shared_data / "openalex" / "api-page-works.json").read_text())["results"]
    subjects, other = page  # W3046863325 (Kyoto University, I22299242), updated 2025-05-23T13:27:52.471633
    undated = {k: v for k, v in other.items() if k != "updated_date"}
    works = tmp_path / "data" / "parquet" / "works"
    rows = [
        {k: json.dumps(v) if k == "abstract_inverted_index" else v for k, v in r.items()} for r in (subjects, undated)
    ]
    source = write_jsonl(tmp_path / "rows.jsonl", rows)
    part = works / "updated_date=2025-06-11" / "part_0000.parquet"
    part.parent.mkdir(parents=True)
    # Each field held as the records hold it (JSON), updated_date as text.
    duckdb.connect().execute(
        f"COPY (SELECT * FROM read_json('{source}', columns = {{"
        + ", ".join(
            f"'{k}': '{'VARCHAR' if k in ('updated_date', 'abstract_inverted_index') else 'JSON'}'" for k in rows[0]
        )
        + f"}})) TO '{part}'"
    )
    read = [json.loads(r.text) for r in bulk_records(works, ["I22299242", "I0"])]
    assert [(r["id"], r.get("updated_date")) for r in read] == [
        (subjects["id"], "2025-05-23T13:27:52.471633"),
        (other["id"], None),  # none given, none made up
    ]
    import_bulk(works, tmp_path / "snap", institutions=["I22299242"])
    manifest = json.loads((tmp_path / "snap" / "manifest.json").read_text())
    assert manifest["as_of"] == "2025-05-23"


def test_tied_versions_are_chosen_as_from_the_whole_file(tmp_path):
    """Two versions with the same updated_date: the import keeps both, of unknown order, in the
    parts' order, so the other version read after every part goes back to its place there (found
    in review: appended at the end, it once let the subject's later version win the tie)."""
    from claimwatch.evidence import import_bulk

    tied = "2024-03-01T00:00:00"
    shares = [("2024-01-01", [_by("W11", OTHER, tied), _by("W12", LAB, tied)]), ("2024-03-01", [_by("W11", LAB, tied)])]
    works = tmp_path / "data" / "works"
    for day, share in shares:
        part = works / f"updated_date={day}" / "part_000.gz"
        part.parent.mkdir(parents=True)
        part.write_bytes(gzip.compress(b"".join(json.dumps(r).encode() + b"\n" for r in share), mtime=0))
    import_bulk(works, tmp_path / "bulk", institutions=["I100"])
    import_works(
        write_jsonl(tmp_path / "all.jsonl", [r for _, s in shares for r in s]),
        tmp_path / "whole",
        institutions=["I100"],
    )

    def credited(snapshot: Path) -> list:
        return [(w.id, [i.id for a in w.authorships for i in a.institutions]) for w in open_evidence(snapshot).works()]

    expected = [("W11", ["I900"]), ("W12", ["I100"]), ("W11", ["I100"])]
    assert credited(tmp_path / "bulk") == credited(tmp_path / "whole") == expected
    # Every record named at its own part and line, in the parts' order.
    read = write_bulk_subset(works, ["I100"], tmp_path / "subset.jsonl.gz")
    assert [read.origin(n) for n in (1, 2, 3)] == [
        (str(works / "updated_date=2024-01-01/part_000.gz"), 1),
        (str(works / "updated_date=2024-01-01/part_000.gz"), 2),
        (str(works / "updated_date=2024-03-01/part_000.gz"), 1),
    ]


def test_a_relative_path_that_starts_with_a_tilde_is_read_as_named(tmp_path, monkeypatch):
    """DuckDB reads a leading `~` as the home folder, where Python reads the folder of that name."""
    monkeypatch.chdir(tmp_path)
    records = _records()
    works = _layout(Path("~bulk"), records)
    assert {r["id"] for r in records if subjects_of(r, frozenset({"I100"}))} <= {
        json.loads(r.text)["id"] for r in bulk_records(works, ["I100"])
    }
    import_works(write_jsonl(tmp_path / "all.jsonl", records), Path("~snap"), institutions=["I100"])
    root = project(tmp_path / "case")
    claims = claims_mod.load_claims([claim_file(root / "claims/c.yaml", NO_PARTNERS_CLAIM)], root=root)
    duck = evaluate(claims, [open_evidence(Path("~snap"))], engine="duckdb", cache=tmp_path / "cache")
    assert duck.evidence_counts[0].records == len(records)


def test_a_line_of_spaces_is_no_record_the_manifest_counts(tmp_path):
    """The import reads a line of spaces or tabs as blank; the manifest's count holds no such line
    (found in review: counted as a record, a whole part was refused as the wrong count)."""
    share = _numbered(1, 20)
    share[3] = b"  " + share[3]  # a record after spaces is a record all the same
    works = _parts_of(tmp_path, [[*share[:10], b"   \t ", *share[10:]]])
    listing = json.loads((works / "manifest").read_text())
    listing["entries"][0]["meta"]["record_count"] = 20
    (works / "manifest").write_text(json.dumps(listing))
    kept = list(bulk_records(works, [MANY]))
    assert [r.text for r in kept] == [line for line in share if MANY.encode() in line]
    assert [r.line for r in kept] == [n + 1 + (n >= 10) for n, line in enumerate(share) if MANY.encode() in line]


def _article_and_preprint() -> tuple[dict, dict]:
    """PersonMAE as OpenAlex gives it (FACTS.md): the journal article of 2024, by the lab and a
    coauthor at HIT, naming its arXiv preprint among its locations; and the preprint's own record
    of November 2023 (DOI 10.48550/arXiv.ID), whose authors have no institution, as arXiv records
    often have none."""
    article = work("W4390000001", "PersonMAE", "2024-06-01", [authorship("A", [LAB]), authorship("B", [HIT])])
    article["doi"] = "https://doi.org/10.1109/TMM.2024.3405649"
    article["locations"] = [
        {"landing_page_url": "https://doi.org/10.1109/TMM.2024.3405649", "pdf_url": None},
        {"landing_page_url": "http://arxiv.org/abs/2311.04496", "pdf_url": "http://arxiv.org/pdf/2311.04496v1"},
    ]
    preprint = work("W4388000002", "PersonMAE", "2023-11-08", [authorship("A", []), authorship("B", [])])
    preprint["doi"] = "https://doi.org/10.48550/arxiv.2311.04496"
    preprint["locations"] = [{"landing_page_url": "https://arxiv.org/abs/2311.04496", "pdf_url": None}]
    return article, preprint


@pytest.mark.parametrize("escaped", [False, True])
def test_a_subjects_article_keeps_its_preprint_that_names_no_institution(tmp_path, escaped):
    """The article and its preprint are one work, dated by the preprint (2023): from the whole
    file, "no partners from 2024-01-10" is not contradicted. The bulk import kept only the record
    naming the lab, so the work read as of 2024 and the claim as contradicted: a false accusation
    from the same records (found in review). Every record naming a kept record's arXiv id is
    kept too, in its place in the parts' order."""
    from claimwatch.evidence import import_bulk

    article, preprint = _article_and_preprint()
    other = work("W5", "Elsewhere", "2024-06-01", [authorship("C", [HIT])])
    shares = [[json.dumps(preprint).encode(), json.dumps(other).encode()], [json.dumps(article).encode()]]
    if escaped:  # slashes escaped, as some JSON writers do
        shares = [[line.replace(b"/", b"\\/") for line in share] for share in shares]
    works = _parts_of(tmp_path, shares)
    summary = import_bulk(works, tmp_path / "bulk", institutions=["I100"])
    import_works(
        write_jsonl(tmp_path / "all.jsonl", [preprint, other, article]), tmp_path / "whole", institutions=["I100"]
    )
    root = project(tmp_path / "case")
    claims = claims_mod.load_claims([claim_file(root / "claims/c.yaml", NO_PARTNERS_CLAIM)], root=root)
    for engine in ("python", "duckdb"):
        verdicts = [
            evaluate(claims, [open_evidence(tmp_path / s)], engine=engine, cache=tmp_path / "cache").results[0].verdict
            for s in ("whole", "bulk")
        ]
        assert verdicts == ["not_contradicted", "not_contradicted"], engine
    assert [w.id for w in open_evidence(tmp_path / "bulk").works()] == ["W4388000002", "W4390000001"]
    assert summary.records == 2
    manifest = json.loads((tmp_path / "bulk" / "manifest.json").read_text())
    assert manifest["queries"][0]["preprint_versions_kept"] == 1
    assert manifest["coverage"]["complete"] is True
    read = write_bulk_subset(works, ["I100"], tmp_path / "subset.jsonl.gz")
    assert [read.origin(n) for n in (1, 2)] == [
        (str(works / "updated_date=2024-01-01/part_000.gz"), 1),
        (str(works / "updated_date=2024-01-02/part_000.gz"), 1),
    ]


def test_records_naming_another_arxiv_id_are_not_kept(tmp_path):
    """Only the kept records' own arXiv ids bring others: 2311.0449 and 2311.044960 are other
    papers than 2311.04496."""
    article, preprint = _article_and_preprint()
    near = [json.loads(json.dumps(preprint).replace("2311.04496", n)) for n in ("2311.0449", "2311.044960")]
    for k, r in enumerate(near):
        r["id"] = f"https://openalex.org/W{k + 7}"
    works = _parts_of(tmp_path, [[json.dumps(r).encode() for r in [*near, article]]])
    assert [json.loads(r.text)["id"] for r in bulk_records(works, ["I100"])] == [article["id"]]


def test_a_part_is_read_again_once_for_versions_and_preprints_alike_beside_the_others(tmp_path, monkeypatch):
    """Found in review: a part holding another version of a work kept and the preprint of one was
    read again twice, and every part read again one after another on the caller's thread: with
    2% of 303,015 records naming an arXiv id, the subject's works each with a preprint in another
    part, the import took 8.8-9.1 s where it had taken 3.8-4.0 s before preprints were looked for.
    A part is read again once, on the readers' threads, giving both (7.4-7.5 s on two cores)."""
    import threading

    import claimwatch.columnar._bulk as bulk

    article, preprint = _article_and_preprint()
    old, new = _by("W11", LAB, "2024-01-01T00:00:00"), _by("W11", OTHER, "2024-03-01T00:00:00")
    works = tmp_path / "data" / "works"  # no manifest: other versions are looked for
    for day, share in (("2024-01-01", [article, old]), ("2024-03-01", [preprint, new])):
        part = works / f"updated_date={day}" / "part_000.gz"
        part.parent.mkdir(parents=True)
        part.write_bytes(gzip.compress(b"".join(json.dumps(r).encode() + b"\n" for r in share), mtime=0))
    reads: list[tuple[str, str]] = []
    lines_of = bulk._lines_of

    def counted(part):
        reads.append((part.path.parent.name, threading.current_thread().name))
        return lines_of(part)

    monkeypatch.setattr(bulk, "_lines_of", counted)
    heard = []
    records = list(bulk_records(works, ["I100"], on_versions=lambda *n: heard.append(n), on_preprints=heard.append))
    assert [json.loads(r.text)["id"].rsplit("/", 1)[1] for r in records] == [
        "W4390000001", "W11", "W11", "W4388000002"
    ]  # fmt: skip
    assert heard == [(1, 0), 1]
    assert sorted(day for day, _ in reads) == ["updated_date=2024-01-01", *["updated_date=2024-03-01"] * 2]
    assert all(thread.startswith("claimwatch-bulk") for _, thread in reads)


@pytest.mark.parametrize("lab_works", [False, True])
def test_the_bulk_import_dates_its_records_as_the_whole_file_would(tmp_path, lab_works):
    """The as-of, and the day the records were current, are read from every record's
    updated_date: the bulk import read them from the records its filter kept alone, so a subject
    confirmed to have no work got no as-of at all (every claim about it `insufficient_evidence`,
    where the same records as one file gave `not_contradicted`), and the subject's works dated
    the records as if nothing newer had been read (found in review)."""
    from claimwatch.evidence import import_bulk

    records = [
        _by("W11", OTHER, "2025-03-04T10:00:00.123"),
        _by("W12", HIT, "2024-11-30T00:00:00") | {"updated_date": "2025-13-45"},  # no real day
        _by("W13", OTHER, "2024-11-30T00:00:00"),
    ]
    if lab_works:
        records.append(_by("W14", LAB, "2024-06-01T00:00:00"))
    works = _parts_of(
        tmp_path, [[json.dumps(r).encode() for r in records[:2]], [json.dumps(r).encode() for r in records[2:]]]
    )
    options = {"institutions": ["I100"], "subjects_may_be_empty": True}
    import_bulk(works, tmp_path / "bulk", **options)
    import_works(write_jsonl(tmp_path / "all.jsonl", records), tmp_path / "whole", **options)

    def dating(snapshot: str) -> tuple:
        m = json.loads((tmp_path / snapshot / "manifest.json").read_text())
        return m["as_of"], m["as_of_basis"], m["coverage"]["complete"], m.get("records_current_on")

    assert dating("bulk") == dating("whole")
    assert dating("bulk")[:2] == (
        ("2024-06-01", "the newest updated_date among the declared subjects' works")
        if lab_works
        else ("2025-03-04", "the newest updated_date among the records")
    )
    root = project(tmp_path / "case")
    claims = claims_mod.load_claims([claim_file(root / "claims/c.yaml", NO_PARTNERS_CLAIM)], root=root)
    verdicts = [evaluate(claims, [open_evidence(tmp_path / s)]).results[0].verdict for s in ("bulk", "whole")]
    assert verdicts == ["not_contradicted", "not_contradicted"]


def test_works_naming_the_subject_only_in_affiliation_text_are_said_not_searched(tmp_path, capsys):
    """Found by the twenty-fourth part's hunt: the lab's work whose author OpenAlex resolved to no
    institution ("Example Lab, Springfield" as raw text) with a coauthor at HIT is matched by the
    lab's name when the records are imported as one file (`contradicted`); the bulk import keeps
    records by the subject's ids, so it was not in the snapshot, and "no partners" was
    `not_contradicted`, "SNAP holds every work OpenAlex attributes to Example Lab", the import's
    line and its manifest silent. They say what was not searched for, and so does the reason."""
    root = project(tmp_path)
    period = "from: 2024-01-10\n    to: 2024-12-31"
    body = "claims:\n" + none_claim("{coauthor_in: [mil]}", period=period)
    claims = claims_mod.load_claims([claim_file(root / "claims/c.yaml", body)], root=root)
    records = [work(f"W{k + 1}", f"Paper {k}", "2024-06-01", [authorship("A", [LAB])]) for k in range(5)]
    raw_only = [authorship("A", [], raw=["Example Lab, Springfield"]), authorship("B", [HIT])]
    records.append(work("W99", "Named in text only", "2024-06-01", raw_only))
    works, out = _layout(tmp_path, records), tmp_path / "snap"
    argv = ["evidence", "import", str(works), "--out", str(out), "--subject", "I100"]
    assert main([*argv, "--from", "2024-01-01", "--to", "2024-12-31"]) == 0
    said = "works naming a subject only in an affiliation's text, with no institution id, were not searched for"
    assert said in capsys.readouterr().out
    manifest = json.loads((out / "manifest.json").read_text())
    assert said in manifest["queries"][0]["kept"] and said in manifest["coverage"]["note"]
    (result,) = evaluate(claims, [open_evidence(out)]).results
    assert result.verdict == "not_contradicted" and said in result.why, result.why


def test_a_part_named_in_rich_markup_is_shown_as_named_on_the_progress_bar(monkeypatch):
    """A part's file name is the download's (a manifest's URL, or whatever the folder holds):
    `[link=mailto:x@evil.example][reverse]part_000.gz` was drawn on a terminal's bar as a link
    to that address in reverse video, the markup gone from the name."""
    import io

    from claimwatch.cli import evidence as cli_evidence
    from claimwatch.columnar import BulkPart
    from claimwatch.reports.terminal import TerminalConsole

    screen = io.StringIO()
    console = TerminalConsole(file=screen, force_terminal=True, width=200, highlight=False)
    monkeypatch.setattr(cli_evidence, "terminal_console", lambda **_: console)
    name = "[link=mailto:x@evil.example][reverse]part_000.gz"
    with cli_evidence._parts_progress(1) as advance:
        advance(BulkPart(Path(f"updated_date=2024-01-01/{name}"), 3, None), 3, 1)
    drawn = screen.getvalue()
    assert f"{name}: 1 of 3 kept" in drawn
    assert "\x1b]8;" not in drawn and "\x1b[7m" not in drawn  # no link, no reverse video

"""OpenAlex's bulk snapshot, laid out as FACTS.md describes it: `data/works/` holding
`updated_date=YYYY-MM-DD/part_NNN.gz` files and a `manifest` (Redshift's manifest format, each
part by its S3 URL with its size and record count); and its Parquet copy. DuckDB keeps the
records that may be a subject's, and never drops one that is."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import duckdb
import pytest

from claimwatch import claims as claims_mod
from claimwatch.columnar import bulk_parts, bulk_records, write_bulk_subset
from claimwatch.errors import InputError
from claimwatch.evaluate import evaluate
from claimwatch.evidence import import_works, open_evidence, subjects_of
from helpers import HIT, LAB, NO_PARTNERS_CLAIM, authorship, claim_file, institution, project, work, write_jsonl

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
    kept_ids = {json.loads(text)["id"] for _, text in kept}
    subjects = frozenset({"I100"})
    by_lab = {r["id"] for r in records if subjects_of(r, subjects)}
    assert by_lab and by_lab <= kept_ids
    assert len(kept_ids) < len(records)  # the others' works are left in DuckDB
    assert [(name, n) for name, n, _ in heard] == [("part_000.gz", 25), ("part_001.gz", 15), ("part_000.gz", 20)]


def test_a_part_the_manifest_does_not_match_is_refused_naming_it(tmp_path):
    works = _layout(tmp_path, _records())
    part = works / "updated_date=2024-01-01/part_001.gz"
    manifest = json.loads((works / "manifest").read_text())
    manifest["entries"][1]["meta"]["record_count"] = 16
    (works / "manifest").write_text(json.dumps(manifest))
    with pytest.raises(InputError, match=r"part_001.gz: holds 15 records where the manifest says 16"):
        list(bulk_records(works, ["I100"]))
    part.write_bytes(part.read_bytes()[:-10])
    with pytest.raises(InputError, match=r"part_001.gz: .* bytes where .*manifest says .*: a download cut short"):
        bulk_parts(works)
    part.unlink()
    with pytest.raises(InputError, match=r"part_001.gz: listed in .*manifest but not there"):
        bulk_parts(works)


def test_not_a_works_folder(tmp_path):
    with pytest.raises(InputError, match="not an OpenAlex works folder"):
        bulk_parts(tmp_path)


def test_the_parquet_copy_is_read_alike(tmp_path):
    records = _records()
    source = write_jsonl(tmp_path / "all.jsonl", records)
    parquet = tmp_path / "data" / "parquet" / "works"
    parquet.mkdir(parents=True)
    duckdb.connect().execute(f"COPY (SELECT * FROM read_json_auto('{source}')) TO '{parquet / 'part_000.parquet'}'")
    kept = {json.loads(text)["id"] for _, text in bulk_records(parquet, ["I100"])}
    assert {r["id"] for r in records if subjects_of(r, frozenset({"I100"}))} <= kept


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
    assert (query["bulk"], query["parts"], query["records_read"]) == (str(works), 3, 60)
    assert not list(tmp_path.glob(".snap.*bulk*"))  # the filtered file was never put beside the snapshot

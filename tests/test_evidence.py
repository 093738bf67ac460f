"""The evidence store: imports, snapshots, curated evidence, and what survives a kill."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from claimwatch.cli import main
from claimwatch.curated import read_curated
from claimwatch.errors import InputError
from claimwatch.evidence import MANIFEST, WORKS_FILE, Snapshot, import_jsonl, open_evidence, summarise
from claimwatch.works import PartialDate
from helpers import LAB, authorship, work, write, write_jsonl


def snapshot_lines(folder: Path) -> list[dict]:
    with gzip.open(folder / WORKS_FILE, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def test_import_keeps_records_as_given_and_collapses_duplicates(tmp_path):
    old = work("W1", "Old title") | {"updated_date": "2024-01-01T00:00:00"}
    new = work("W1", "New title") | {"updated_date": "2025-02-01T00:00:00", "id": "W1"}  # a short id
    other = work("W2", "Other")
    source = write_jsonl(tmp_path / "in.jsonl.gz", [old, other, new], gz=True)
    summary = import_jsonl(source, tmp_path / "snap")
    assert (summary.records, summary.duplicates_collapsed) == (2, 1)
    lines = snapshot_lines(tmp_path / "snap")
    assert lines == [other, new]  # exactly as given, in input order
    manifest = json.loads((tmp_path / "snap" / MANIFEST).read_text())
    assert manifest["records"] == 2 and manifest["duplicates_collapsed"] == 1
    assert manifest["coverage"]["complete"] is False
    assert manifest["tool"]["claimwatch"] and "pyalex" in manifest["tool"]
    assert len(manifest["files"][WORKS_FILE]["sha256"]) == 64


def test_import_declares_exactly_the_coverage_given(tmp_path):
    import datetime as dt

    source = write_jsonl(tmp_path / "in.jsonl", [work("W1", "x")])
    summary = import_jsonl(
        source,
        tmp_path / "snap",
        institutions=["https://openalex.org/I100"],
        start=dt.date(2024, 1, 1),
        end=dt.date(2024, 12, 31),
    )
    cov = summary.manifest.coverage
    assert (cov.complete, cov.institutions, str(cov.from_), str(cov.to), cov.declared_by) == (
        True,
        ("I100",),
        "2024-01-01",
        "2024-12-31",
        "user",
    )


@pytest.mark.parametrize(
    "line, message",
    [
        (b"{not json", "not a JSON object"),
        (b"[1, 2]", "expected a JSON object, found an array"),
        (b'{"id": "https://openalex.org/I123"}', "an OpenAlex institution record (I123), not a work or an author"),
        (b'{"title": "no id"}', "not an OpenAlex work or author record: 'id' is None"),
    ],
)
def test_a_malformed_line_is_refused_with_its_line_and_no_snapshot(tmp_path, line, message):
    source = tmp_path / "in.jsonl"
    source.write_bytes(json.dumps(work("W1", "x")).encode() + b"\n\n" + line + b"\n")
    with pytest.raises(InputError) as e:
        import_jsonl(source, tmp_path / "snap")
    assert e.value.lines()[0].startswith(f"{source}:3:") and message in e.value.lines()[0]
    assert not (tmp_path / "snap").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".snap.tmp")] == []


def test_skip_invalid_goes_on_and_lists_the_skipped_lines(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_bytes(
        b"{broken\n" + json.dumps(work("W1", "x")).encode() + b"\n" + json.dumps(work("W1", "x")).encode()
    )
    summary = import_jsonl(source, tmp_path / "snap", skip_invalid=True)
    assert (summary.records, summary.skipped, summary.duplicates_collapsed) == (1, 1, 1)
    assert summary.manifest.skipped_lines[0]["line"] == 1


def test_records_skipped_leave_the_declared_coverage_incomplete(tmp_path):
    """A line too broken to read may be a work of the subject: silence from it is no proof."""
    source = tmp_path / "in.jsonl"
    lab = [{"id": "https://openalex.org/I100", "display_name": "Example Lab", "lineage": ["https://openalex.org/I100"]}]
    by_lab = work("W1", "x") | {"authorships": [{"author": {"display_name": "A"}, "institutions": lab}]}
    source.write_bytes(json.dumps(by_lab).encode() + b"\n{broken\n")
    summary = import_jsonl(source, tmp_path / "snap", institutions=["I100"], skip_invalid=True)
    coverage = summary.manifest.coverage
    assert not coverage.complete and coverage.note == (
        "1 record was skipped as malformed (--skip-invalid), and a work of the subjects may be among them"
    )
    assert summary.warnings == (f"{source}: {coverage.note}; coverage NOT recorded as complete",)
    source.write_bytes(json.dumps(by_lab).encode() + b"\n")  # nothing skipped: as declared
    assert import_jsonl(source, tmp_path / "snap2", institutions=["I100"], skip_invalid=True).manifest.coverage.complete


def test_a_truncated_gzip_is_refused(tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl.gz", [work(f"W{i}", "x" * 200) for i in range(200)], gz=True)
    source.write_bytes(source.read_bytes()[:-300])
    with pytest.raises(InputError) as e:
        import_jsonl(source, tmp_path / "snap")
    assert "truncated gzip" in e.value.lines()[0]
    assert not (tmp_path / "snap").exists()


def test_a_failed_import_leaves_the_earlier_snapshot_exactly_as_it_was(tmp_path):
    good = write_jsonl(tmp_path / "good.jsonl", [work("W1", "x")])
    import_jsonl(good, tmp_path / "snap")
    before = {p.name: p.read_bytes() for p in (tmp_path / "snap").iterdir()}
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{oops\n")
    with pytest.raises(InputError):
        import_jsonl(bad, tmp_path / "snap")
    assert {p.name: p.read_bytes() for p in (tmp_path / "snap").iterdir()} == before


def test_a_tampered_snapshot_is_refused_when_read(tmp_path):
    import_jsonl(write_jsonl(tmp_path / "in.jsonl", [work("W1", "x")]), tmp_path / "snap")
    data = tmp_path / "snap" / WORKS_FILE
    data.write_bytes(gzip.compress(json.dumps(work("W1", "changed")).encode() + b"\n", mtime=0))
    with pytest.raises(InputError) as e:
        list(Snapshot.open(tmp_path / "snap").works())
    assert "does not match the sha256 in its manifest" in e.value.lines()[0]


def test_not_a_snapshot(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError) as e:
        Snapshot.open(tmp_path / "empty")
    assert e.value.lines() == [f"{tmp_path}/empty: not a snapshot: no manifest.json"]


def test_import_refuses_to_replace_a_folder_that_is_not_a_snapshot(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "notes.txt").write_text("mine")
    with pytest.raises(InputError) as e:
        import_jsonl(write_jsonl(tmp_path / "in.jsonl", [work("W1", "x")]), tmp_path / "docs")
    assert (
        "not a snapshot (it holds 'notes.txt', which no snapshot holds); refusing to replace it" in e.value.lines()[0]
    )
    assert (tmp_path / "docs" / "notes.txt").read_text() == "mine"


_SLOW_IMPORT = """
import sys, time
import claimwatch.evidence as ev
real = ev.SnapshotWriter.write_line
def slow(self, line):
    real(self, line)
    if self.records == 50:
        print("writing", flush=True)
        time.sleep(60)
ev.SnapshotWriter.write_line = slow
ev.import_jsonl(sys.argv[1], sys.argv[2])
"""


def test_kill_9_in_the_middle_of_an_import_leaves_the_earlier_snapshot_intact(tmp_path):
    import_jsonl(write_jsonl(tmp_path / "first.jsonl", [work("W1", "x")]), tmp_path / "snap")
    before = {p.name: p.read_bytes() for p in (tmp_path / "snap").iterdir()}
    big = write_jsonl(tmp_path / "big.jsonl", [work(f"W{i}", "y") for i in range(1, 200)])
    proc = subprocess.Popen(
        [sys.executable, "-c", _SLOW_IMPORT, str(big), str(tmp_path / "snap")], stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout.readline().strip() == "writing"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=10)
        proc.stdout.close()
    assert {p.name: p.read_bytes() for p in (tmp_path / "snap").iterdir()} == before
    # The next write clears what the killed one left beside the snapshot.
    import_jsonl(big, tmp_path / "snap")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".snap.tmp")) == []
    assert sorted(p.name for p in (tmp_path / "snap").iterdir()) == [MANIFEST, WORKS_FILE, "works.parquet"]


def test_two_imports_into_different_snapshots_at_once(tmp_path):
    sources = [write_jsonl(tmp_path / f"in{i}.jsonl", [work(f"W{j}", str(i)) for j in range(1, 300)]) for i in (1, 2)]
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                "import sys, claimwatch.evidence as e; e.import_jsonl(sys.argv[1], sys.argv[2])",
                str(src),
                str(tmp_path / f"snap{i}"),
            ]
        )
        for i, src in enumerate(sources, 1)
    ]
    assert [p.wait(timeout=60) for p in procs] == [0, 0]
    for i in (1, 2):
        assert {w.title for w in Snapshot.open(tmp_path / f"snap{i}").works()} == {str(i)}


def test_one_writer_per_snapshot(tmp_path):
    from claimwatch.evidence import SnapshotWriter

    with SnapshotWriter(tmp_path / "snap"):
        with pytest.raises(InputError) as e:
            SnapshotWriter(tmp_path / "snap")
        assert "another claimwatch run is writing this snapshot" in e.value.lines()[0]
    assert not (tmp_path / "snap").exists()  # never committed


def test_what_an_import_leaves_beside_a_snapshot_is_ignored_by_git(tmp_path, project_root):
    """The lock file stays (removing it is not safe with flock), so the project's .gitignore
    covers it, and the temporaries a killed run leaves."""
    repo = tmp_path / "case"
    repo.mkdir()
    (repo / ".gitignore").write_bytes((project_root / ".gitignore").read_bytes())
    source = write_jsonl(repo / "in.jsonl", [work("W1", "x")])
    out = repo / "evidence" / "snapshots" / "msra"
    import_jsonl(source, out)
    (out.parent / ".msra.tmp-ab12cd").mkdir()  # as a killed run leaves it
    (out.parent / ".msra.tmp-ab12cd" / WORKS_FILE).write_bytes(b"")
    assert (out.parent / ".msra.lock").exists()
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    status = subprocess.run(
        ["git", "-C", str(repo), "status", "--porcelain", "--untracked-files=all"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.splitlines()
    assert sorted(status) == [
        "?? .gitignore",
        "?? evidence/snapshots/msra/manifest.json",
        "?? evidence/snapshots/msra/works.jsonl.gz",
        "?? evidence/snapshots/msra/works.parquet",
        "?? in.jsonl",
    ]


def test_the_same_import_gives_the_same_data_file(tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", [work(f"W{i}", "x") for i in range(1, 20)])
    import_jsonl(source, tmp_path / "a")
    import_jsonl(source, tmp_path / "b")
    assert (tmp_path / "a" / WORKS_FILE).read_bytes() == (tmp_path / "b" / WORKS_FILE).read_bytes()


def test_summary_counts_dates_and_authorships_without_ids(tmp_path):
    records = [
        work("W1", "x", date="2023-05-02"),
        work(
            "W2",
            "y",
            date="2024",
            is_retracted=True,
            authorships=[authorship("A", [LAB]), authorship("B", [], raw=["Somewhere"])],
        ),
    ]
    import_jsonl(write_jsonl(tmp_path / "in.jsonl", records), tmp_path / "snap")
    info = summarise(open_evidence(tmp_path / "snap"))
    assert (info["works"], info["retracted"], info["authorships"], info["authorships_without_institution_id"]) == (
        2,
        1,
        4,
        1,
    )
    assert (info["earliest"], info["latest"], info["share_without_institution_id"]) == ("2023-05-02", "2024", 0.25)


def test_evidence_cli_import_and_show(tmp_path, capsys):
    source = write_jsonl(tmp_path / "in.jsonl", [work("W1", "x"), work("W1", "x")])
    assert (
        main(
            [
                "evidence",
                "import",
                str(source),
                "--out",
                str(tmp_path / "snap"),
                "--subject",
                "I100",
                "--from",
                "2024-01-01",
            ]
        )
        == 0
    )
    assert "1 record, 1 duplicate collapsed" in capsys.readouterr().out
    assert main(["evidence", "show", str(tmp_path / "snap")]) == 0
    out = capsys.readouterr().out
    assert "complete for I100, 2024-01-01 to the as-of day, 2025-01-01 (declared by user; 1 work of I100)" in out
    assert "as of        2025-01-01 (the newest updated_date among the declared subjects' works)" in out
    # was: "sha256       <hex>", whose digest unsaid (the manifest's, not works.jsonl.gz's)
    digest = open_evidence(str(tmp_path / "snap")).sha256
    assert f"sha256       {digest} (of its manifest.json, which gives each data file's)" in out.splitlines()
    assert main(["evidence", "show", str(source)]) == 0
    assert capsys.readouterr().out.splitlines()[-1].endswith(" (of the file)")
    assert main(["evidence", "import", str(source), "--out", str(tmp_path / "s2"), "--subject", "A5"]) == 2
    assert capsys.readouterr().err.strip() == "--subject: 'A5' is not an OpenAlex institution id (I...)"


# --- curated evidence -----------------------------------------------------------------------


def test_shipped_curated_evidence_records_both_personmae_versions(project_root):
    works = list(read_curated(project_root / "evidence/curated/msra-2024.yaml"))
    personmae = [w for w in works if w.group == "personmae"]
    assert [(w.version, str(w.published), w.doi, w.arxiv) for w in personmae] == [
        ("arXiv v1", "2023-11", None, "2311.04496"),
        ("journal", "2024", "10.1109/tmm.2024.3405649", None),
    ]
    journal = personmae[1]
    affiliations = {a.name: [i.name for i in a.institutions] for a in journal.authorships}
    assert affiliations["Dongdong Chen"] == ["Microsoft, Redmond"] and affiliations["Lu Yuan"] == []
    ns3 = next(w for w in works if w.group == "naturalspeech-3")
    assert len(ns3.authorships) == 19 and ns3.authorships[0].name == "Zeqian Ju"
    assert all(w.origin.kind == "curated" and w.origin.line > 0 for w in works)


def test_curated_problems_are_reported_with_positions(tmp_path):
    path = write(
        tmp_path / "evidence/curated/c.yaml",
        """\
        description: d
        works:
          - id: a
            title: T
            versions:
              - label: v1
                published: 2024-13
                autors: []
                sources: [{title: s}]
        """,
    )
    with pytest.raises(InputError) as e:
        list(read_curated(path))
    assert e.value.lines() == [
        f"{path}:6:9: works[0].versions[0]: 'authors' is missing",
        f"{path}:7:20: works[0].versions[0].published: a date as far as it is known: YYYY, YYYY-MM or YYYY-MM-DD",
        f"{path}:8:9: unknown key 'autors'; did you mean 'authors'?",
    ]


def test_duplicate_curated_work_ids(tmp_path):
    version = "versions: [{label: v, published: 2024, authors: [{name: X}], sources: [{title: s}]}]"
    path = write(
        tmp_path / "c.yaml",
        f"description: d\nworks:\n  - {{id: a, title: T, {version}}}\n  - {{id: a, title: U, {version}}}\n",
    )
    with pytest.raises(InputError) as e:
        list(read_curated(path))
    assert e.value.lines() == [f"{path}:4:10: duplicate work id 'a' (first at line 3)"]


@pytest.mark.parametrize(
    "text, earliest, latest, exact",
    [
        ("2024", "2024-01-01", "2024-12-31", False),
        ("2024-02", "2024-02-01", "2024-02-29", False),
        ("2023-12", "2023-12-01", "2023-12-31", False),
        ("2024-03-05", "2024-03-05", "2024-03-05", True),
    ],
)
def test_partial_dates_have_bounds(text, earliest, latest, exact):
    d = PartialDate.parse(text)
    assert (str(d.earliest), str(d.latest), d.is_exact, str(d)) == (earliest, latest, exact, text)


@pytest.mark.parametrize("text", ["2024-13", "2024-02-30", "24", "", None, "2024-1-1x", True])
def test_impossible_partial_dates(text):
    assert PartialDate.parse(text) is None


def test_check_takes_a_snapshot_folder_and_a_curated_file(tmp_path, project_root, capsys, monkeypatch):
    monkeypatch.chdir(project_root)
    import_jsonl(
        write_jsonl(
            tmp_path / "in.jsonl",
            [
                work(
                    "W1",
                    "Speech synthesis for all",
                    authorships=[
                        authorship(
                            "A",
                            [
                                {
                                    "id": "https://openalex.org/I4210113369",
                                    "display_name": "Microsoft Research Asia",
                                    "ror": None,
                                    "country_code": "CN",
                                    "lineage": ["https://openalex.org/I4210113369"],
                                }
                            ],
                        )
                    ],
                )
            ],
        ),
        tmp_path / "snap",
    )
    out = tmp_path / "r.json"
    assert (
        main(
            [
                "check",
                "claims/microsoft-msra-2024.yaml",
                "--evidence",
                str(tmp_path / "snap"),
                "--evidence",
                "evidence/curated/msra-2024.yaml",
                "--json",
                str(out),
            ]
        )
        == 0
    )
    report = json.loads(out.read_text())
    assert [e["kind"] for e in report["inputs"]["evidence"]] == ["snapshot", "curated"]
    synthetic = next(r for r in report["results"] if r["claim"] == "msra-no-synthetic-media")
    assert synthetic["matched"] == 4  # 3 curated (NaturalSpeech 3, VASA-1, Convert and Speak) + 1 in the snapshot


def test_partial_dates_order_by_the_range_they_stand_for():
    dates = [PartialDate.parse(d) for d in ("2024-03", "2024", "2023-12-31", "2024-03-02")]
    assert [str(d) for d in sorted(dates)] == ["2023-12-31", "2024", "2024-03", "2024-03-02"]
    info = summarise(open_evidence(Path(__file__).parent.parent / "evidence/curated/msra-2024.yaml"))
    assert (info["earliest"], info["latest"]) == ("2023-11", "2024-08")


def _mixed_file(tmp_path: Path) -> Path:
    """Three records of each of 40 ids, a blank line and two bad lines. Of W11 to W40 the second
    record is a day newer than the other two; W1 to W10's three are of one day, so all stand."""
    records = [
        work(f"W{i % 40 + 1}", f"t{i}")
        | {"updated_date": f"2025-01-{1 + (i * 7 + (40 <= i < 80 and i % 40 >= 10)) % 28:02d}T00:00:00"}
        for i in range(120)
    ]
    lines = [json.dumps(r).encode() for r in records]
    lines[17:17] = [b"", b"{bad one", b'{"id": "I5"}']
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


@pytest.mark.parametrize("skip_invalid", [True, False])
def test_a_large_import_shared_among_processes_gives_the_same_snapshot(tmp_path, monkeypatch, skip_invalid):
    import claimwatch.evidence as store

    source = _mixed_file(tmp_path)
    outcomes = []
    for threshold in (10**12, 0):  # one process, then one a core
        monkeypatch.setattr(store._import, "PARALLEL_IMPORT_BYTES", threshold)
        out = tmp_path / f"snap-{threshold}"
        try:
            summary = import_jsonl(source, out, skip_invalid=skip_invalid)
            outcomes.append(
                ((out / WORKS_FILE).read_bytes(), summary.duplicates_collapsed, summary.manifest.skipped_lines)
            )
        except InputError as e:
            outcomes.append(e.lines())
    assert outcomes[0] == outcomes[1]
    if skip_invalid:
        # 30 ids keep their newest record; 10 keep their three of one day
        assert [x["line"] for x in outcomes[0][2]] == [19, 20] and outcomes[0][1] == 60
    else:
        assert outcomes[0] == [f"{source}:19:2: not a JSON object: unexpected character, expected a string key"]


def test_a_snapshot_left_between_the_two_renames_of_the_fallback_is_put_back(tmp_path):
    import_jsonl(write_jsonl(tmp_path / "in.jsonl", [work("W1", "x")]), tmp_path / "snap")
    before = {p.name: p.read_bytes() for p in (tmp_path / "snap").iterdir()}
    (tmp_path / "snap").rename(tmp_path / ".snap.old-4242")  # killed after the first rename
    (tmp_path / "snap[1]").mkdir()  # a look-alike name the clean-up must leave alone
    (tmp_path / ".snap[1].tmp-x").mkdir()
    with pytest.raises(InputError) as e:
        import_jsonl(tmp_path / "missing.jsonl", tmp_path / "snap")
    assert e.value.lines() == [f"{tmp_path}/missing.jsonl: no such file"]
    from claimwatch.evidence import SnapshotWriter

    SnapshotWriter(tmp_path / "snap").abort()  # taking the lock restores the earlier snapshot
    assert {p.name: p.read_bytes() for p in (tmp_path / "snap").iterdir()} == before
    assert (tmp_path / ".snap[1].tmp-x").is_dir()


def test_copies_of_one_id_are_weighed_a_few_times_not_once_each(tmp_path, monkeypatch):
    """Found by the review of the sixteenth part: 16,000 copies of one id of one day took 34 s to
    import, each weighing all those before it."""
    import claimwatch.evidence._import as importer

    calls = []
    weigh = importer.standing
    monkeypatch.setattr(importer, "standing", lambda copies: calls.append(len(copies)) or weigh(copies))
    records = [work("W1", f"t{i % 2}") | {"updated_date": "2025-01-01T00:00:00"} for i in range(4_096)]
    summary = import_jsonl(write_jsonl(tmp_path / "w.jsonl", records), tmp_path / "snap")
    assert (summary.records, summary.manifest.unordered_copies) == (2, 1)  # two contents of one day
    assert len(calls) <= 8  # at 64, 128, ..., 4,096, and once at the end


def test_the_date_range_of_a_snapshot_is_that_its_records_give_one_dated_after_its_as_of_too(tmp_path):
    """Records current on 2025-05-01 dated 2024-02-01, 2025-01-20 and 2026-03-01 (an issue dated
    ahead): the last stands for any day up to it in a check, and `evidence show` ordered by that,
    saying "2026-03-01 to 2025-01-20". Their range as the records give it: 2024-02-01 to 2026-03-01."""
    records = []
    for wid, date in (("W1", "2024-02-01"), ("W2", "2026-03-01"), ("W3", "2025-01-20")):
        records.append(work(wid, "A paper", date=date, updated_date="2025-05-01T00:00:00"))
    import_jsonl(write_jsonl(tmp_path / "w.jsonl", records), tmp_path / "snap")
    info = summarise(open_evidence(tmp_path / "snap"))
    assert (info["as_of"], info["earliest"], info["latest"]) == ("2025-05-01", "2024-02-01", "2026-03-01")


def test_show_given_a_folder_of_evidence_names_the_evidence_in_it(tmp_path, monkeypatch, capsys):
    """Found by the twentieth part's hunt: in the case `claimwatch init` makes, `check --evidence
    evidence/` reads the folder, and `evidence show evidence/` said "evidence: not a snapshot: no
    manifest.json" alone; it now names what to give it instead."""
    monkeypatch.chdir(tmp_path)
    assert main(["init", "case"]) == 0
    monkeypatch.chdir(tmp_path / "case")
    capsys.readouterr()
    assert main(["evidence", "show", "evidence"]) == 2
    err = capsys.readouterr().err.strip()
    assert err == (
        "evidence: not a snapshot (no manifest.json): evidence show summarises one snapshot folder or one file, "
        "and this folder holds 1 such; give one: evidence/curated/example.yaml"
    )
    assert main(["evidence", "show", "features"]) == 2
    assert capsys.readouterr().err.startswith("features: holds no evidence")
    assert main(["evidence", "show", "evidence/curated/example.yaml"]) == 0


def test_a_snapshot_of_a_later_format_is_refused_not_misread(tmp_path, capsys):
    """`claimwatch_snapshot` marks the snapshot's format, which a later claimwatch bumps when its
    files mean something else; a manifest marked 2 was read by this build as if it were its own
    format 1, without a word."""
    snap = tmp_path / "snap"
    import_jsonl(
        write_jsonl(tmp_path / "in.jsonl", [work("W1", "A paper", authorships=[authorship("A", [LAB])])]), snap
    )
    manifest = json.loads((snap / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["claimwatch_snapshot"] == 1
    (snap / MANIFEST).write_text(json.dumps({**manifest, "claimwatch_snapshot": 2}), encoding="utf-8")
    said = (
        f"{snap / MANIFEST}: a snapshot of format 2, written by a later claimwatch (this one reads format 1): "
        "read it with the claimwatch that wrote it, or import or collect it again"
    )
    with pytest.raises(InputError) as e:
        Snapshot.open(snap)
    assert e.value.lines() == [said]
    assert main(["evidence", "show", str(snap)]) == 2
    assert capsys.readouterr().err.splitlines() == [said]


@pytest.mark.parametrize("mark", [0, -1, True, "1", 1.0], ids=["zero", "negative", "true", "text", "float"])
def test_a_snapshot_format_no_claimwatch_writes_is_refused(tmp_path, capsys, mark):
    """Every claimwatch has marked its snapshots `"claimwatch_snapshot": 1` (the number): 0, -1,
    true, "1" or 1.0 was read as this build's format (pydantic's lax int), a manifest no
    claimwatch wrote taken for one; "2" was read as the later format 2."""
    snap = tmp_path / "snap"
    import_jsonl(
        write_jsonl(tmp_path / "in.jsonl", [work("W1", "A paper", authorships=[authorship("A", [LAB])])]), snap
    )
    manifest = json.loads((snap / MANIFEST).read_text(encoding="utf-8"))
    (snap / MANIFEST).write_text(json.dumps({**manifest, "claimwatch_snapshot": mark}), encoding="utf-8")
    with pytest.raises(InputError) as e:
        Snapshot.open(snap)
    (line,) = e.value.lines()
    assert line.startswith(f"{snap / MANIFEST}: not a claimwatch manifest: claimwatch_snapshot: ")
    assert main(["evidence", "show", str(snap)]) == 2
    assert capsys.readouterr().err.splitlines() == [line]


@pytest.mark.parametrize("name", ["page.json", "page.json.gz"])
@pytest.mark.parametrize(
    ("encoding", "said"),
    [
        ("utf-16-le", "looks like UTF-16LE text without its byte order mark (a zero byte beside each letter)"),
        ("utf-16", "UTF-16 text (its byte order mark says so)"),
    ],
)
def test_records_saved_in_utf16_are_said_to_be_so(tmp_path, capsys, shared_data, encoding, said, name):
    """A real API page of works saved in UTF-16 (PowerShell 5.1's `>` writes it): without its byte
    order mark, "page.json:1:2: not a JSON object: unexpected character, expected a string key",
    each letter beside a zero byte; with it, "not UTF-8 text", naming no encoding. Said so now, as
    a claim file's and a list's are, nothing written; gzipped too (it was "1:1: not UTF-8 text"
    or "1:2: not a JSON object", the mark looked for in the gzip's bytes)."""
    page = tmp_path / name
    text = (shared_data / "openalex/api-page-works.json").read_text(encoding="utf-8").encode(encoding)
    page.write_bytes(gzip.compress(text) if name.endswith(".gz") else text)
    assert main(["evidence", "import", str(page), "--out", str(tmp_path / "snap")]) == 2
    tail = "not UTF-8; save the file as UTF-8 (in most editors: Save As, encoding UTF-8)"
    assert capsys.readouterr().err.splitlines() == [f"{page}: {said}, {tail}"]
    assert not (tmp_path / "snap").exists()

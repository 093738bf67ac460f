"""Coverage that cannot lie: a subject the evidence holds no work of is never complete unless
someone says it may be empty, and a snapshot's as-of is when its records were current, never
the day it was imported."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimwatch import claims as claims_mod
from claimwatch import openalex as collector
from claimwatch.cli import main
from claimwatch.coverage import Coverage, describe
from claimwatch.evaluate import evaluate
from claimwatch.evidence import MANIFEST, Snapshot, import_works, open_evidence, summarise
from claimwatch.evidence._import import SavedPages
from helpers import HIT, LAB, authorship, claim_file, institution, project, work, write_jsonl
from openalex_server import FakeOpenAlex, work_record
from openalex_server import institution as api_institution

OTHER = institution("I300", "Elsewhere University", country="US")
LONG_AGO = "2011-03-04T05:06:07.000000"  # far from any day the suite runs on


def others_works(n: int = 3, updated: str = LONG_AGO) -> list[dict]:
    """Works by authors of other institutions only: none is by the lab (I100)."""
    return [
        work(
            f"W{k}", f"Paper {k}", authorships=[authorship("X", [OTHER]), authorship("Y", [HIT])], updated_date=updated
        )
        for k in range(1, n + 1)
    ]


# --- an import holding none of a declared subject's works ----------------------------------------


def test_an_import_without_the_subjects_works_is_not_complete_and_says_so(tmp_path, capsys):
    source = write_jsonl(tmp_path / "others.jsonl", others_works())
    argv = ["evidence", "import", str(source), "--out", str(tmp_path / "snap"), "--subject", "I100"]
    assert main([*argv, "--from", "2024-01-01"]) == 0
    captured = capsys.readouterr()
    (warning,) = [line for line in captured.err.splitlines() if line.startswith("warning:")]
    assert f"{source} holds no work of I100" in warning and "NOT recorded as complete for I100" in warning
    assert "--subject-may-be-empty" in warning
    cov = Snapshot.open(tmp_path / "snap").coverage
    assert (cov.complete, cov.institutions, cov.subject_works, cov.confirmed_empty) == (False, (), {"I100": 0}, ())
    assert "not complete (declared for I100, but the file holds no work of it" in captured.out
    assert main(["evidence", "show", str(tmp_path / "snap")]) == 0
    assert "no work of I100" in capsys.readouterr().out


def test_confirmed_empty_is_complete_and_says_so(tmp_path, capsys):
    source = write_jsonl(tmp_path / "others.jsonl", others_works())
    out = tmp_path / "snap"
    argv = ["evidence", "import", str(source), "--out", str(out), "--subject", "I100", "--from", "2024-01-01"]
    assert main([*argv, "--subject-may-be-empty"]) == 0
    captured = capsys.readouterr()
    assert "recorded as complete for I100 all the same, as --subject-may-be-empty confirms" in captured.err
    cov = Snapshot.open(out).coverage
    assert (cov.complete, cov.institutions, cov.subject_works, cov.confirmed_empty) == (
        True,
        ("I100",),
        {"I100": 0},
        ("I100",),
    )
    assert describe(cov) == (
        "complete for I100, 2024-01-01 to retrieval (declared by user; no work of I100 (confirmed empty))"
    )
    manifest = json.loads((out / MANIFEST).read_text())
    assert manifest["command"][-1] == "--subject-may-be-empty"


@pytest.mark.parametrize("text", ["", "\n\n", "  \r\n"], ids=["0-bytes", "blank-lines", "spaces"])
def test_a_file_holding_nothing_confirms_no_subject_empty(tmp_path, capsys, text):
    """`evidence import works.jsonl --subject I100 --subject-may-be-empty`, works.jsonl of 0 bytes
    (a download or an export that failed, `curl ... > works.jsonl` with no network): written,
    exit 0, coverage "complete for I100 ... (confirmed empty)" from nothing searched, and a claim
    about I100 `not_contradicted` on silence, where a bulk manifest listing no parts is refused.
    Refused now, one line, nothing written; an API's empty answer (`[]`, `"results": []`) and
    the file without the option as before."""
    source = tmp_path / "works.jsonl"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "snap"
    argv = ["evidence", "import", str(source), "--out", str(out), "--subject", "I100", "--from", "2024-01-01"]
    assert main([*argv, "--subject-may-be-empty"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"{source}: the file holds nothing (0 bytes, or blank lines alone), no search's answer: "
        "--subject-may-be-empty records a subject's coverage complete from the records searched, and none "
        "were (a download or export that wrote nothing?); import the records, or leave the option off"
    ]
    assert not out.exists()
    assert main(argv) == 0  # without the option: written, coverage not complete
    assert Snapshot.open(out).coverage.complete is False
    answer = tmp_path / "page.json"
    answer.write_text('{"meta": {"count": 0, "page": 1, "per_page": 25}, "results": []}', encoding="utf-8")
    assert (
        main(
            [
                "evidence",
                "import",
                str(answer),
                "--out",
                str(tmp_path / "answered"),
                "--subject",
                "I100",
                "--subject-may-be-empty",
            ]
        )
        == 0
    )
    assert Snapshot.open(tmp_path / "answered").coverage.confirmed_empty == ("I100",)


@pytest.mark.parametrize(
    ("name", "stored"),
    [
        ("works.jsonl.gz", gzip.compress(b"")),
        ("works.jsonl.gz", gzip.compress(b"\n\n")),
        ("works.jsonl", b"\xef\xbb\xbf\r\n"),
    ],
    ids=["gzip-of-nothing", "gzip-of-blank-lines", "byte-order-mark-alone"],
)
def test_a_gzip_or_a_mark_of_nothing_confirms_no_subject_empty(tmp_path, capsys, name, stored):
    """`curl ... | gzip > works.jsonl.gz` with no network writes a gzip of nothing (20 bytes),
    PowerShell's `Out-File -Encoding utf8` a byte order mark alone: with --subject-may-be-empty
    both were written, "confirmed empty", where the same nothing uncompressed was refused."""
    source = tmp_path / name
    source.write_bytes(stored)
    out = tmp_path / "snap"
    argv = ["evidence", "import", str(source), "--out", str(out), "--subject", "I100"]
    assert main([*argv, "--subject-may-be-empty"]) == 2
    assert capsys.readouterr().err.startswith(f"{source}: the file holds nothing")
    assert not out.exists()
    answer = tmp_path / "page.json.gz"  # an API's empty answer, gzipped, is read as before
    answer.write_bytes(gzip.compress(b'{"meta": {"count": 0, "page": 1, "per_page": 25}, "results": []}'))
    assert (
        main(
            [
                "evidence",
                "import",
                str(answer),
                "--out",
                str(tmp_path / "a"),
                "--subject",
                "I100",
                "--subject-may-be-empty",
            ]
        )
        == 0
    )
    assert Snapshot.open(tmp_path / "a").coverage.confirmed_empty == ("I100",)


def test_only_the_empty_subject_is_left_out(tmp_path, capsys):
    records = [*others_works(), work("W9", "The lab's", authorships=[authorship("L", [LAB])])]
    summary = import_works(
        write_jsonl(tmp_path / "in.jsonl", records), tmp_path / "snap", institutions=["I100", "I300"]
    )
    cov = summary.manifest.coverage
    assert (cov.complete, cov.institutions, cov.subject_works) == (True, ("I100", "I300"), {"I100": 1, "I300": 3})
    summary = import_works(
        write_jsonl(tmp_path / "in.jsonl", records), tmp_path / "snap", institutions=["I100", "I777"]
    )
    cov = summary.manifest.coverage
    assert (cov.complete, cov.institutions, cov.subject_works) == (True, ("I100",), {"I100": 1, "I777": 0})
    assert len(summary.warnings) == 1 and "I777" in summary.warnings[0]


def test_works_through_lineage_count_and_works_outside_the_period_do_not(tmp_path):
    branch = institution("I101", "Lab Beijing", lineage=["I101", "I100"])
    records = [
        work("W1", "By the branch", authorships=[authorship("B", [branch])], date="2024-03-02"),
        work("W2", "Too early", authorships=[authorship("L", [LAB])], date="2019-05-06"),
    ]
    source = write_jsonl(tmp_path / "in.jsonl", records)
    cov = import_works(source, tmp_path / "a", institutions=["I100"], start=dt.date(2024, 1, 1)).manifest.coverage
    assert (cov.complete, cov.subject_works) == (True, {"I100": 1})
    cov = import_works(source, tmp_path / "b", institutions=["I100"], start=dt.date(2025, 1, 1)).manifest.coverage
    assert (cov.complete, cov.subject_works) == (False, {"I100": 0})


def test_an_api_page_holding_none_of_the_subjects_works(shared_data, tmp_path, capsys):
    source = shared_data / "openalex" / "api-page-works.json"
    argv = ["evidence", "import", str(source), "--out", str(tmp_path / "snap"), "--subject", "I4210113369"]
    assert main(argv) == 0
    assert f"warning: {source} holds no work of I4210113369" in capsys.readouterr().err
    assert not Snapshot.open(tmp_path / "snap").coverage.complete


# --- as of: when the records were current ------------------------------------------------------


def test_as_of_is_the_newest_updated_date_not_the_day_of_the_import(tmp_path):
    records = [
        work("W1", "a", updated_date="2010-12-31T23:59:59"),
        work("W2", "b", updated_date=LONG_AGO),
        work("W3", "c", updated_date="not a date"),
    ]
    summary = import_works(write_jsonl(tmp_path / "in.jsonl", records), tmp_path / "snap")
    snapshot = Snapshot.open(tmp_path / "snap")
    assert snapshot.retrieved == dt.date(2011, 3, 4) != dt.date.today()
    assert summary.manifest.as_of_basis == "the newest updated_date among the records"
    info = summarise(snapshot)
    assert (info["as_of"], info["as_of_basis"]) == ("2011-03-04", "the newest updated_date among the records")


def test_a_period_declared_past_the_as_of_is_warned_of(tmp_path):
    records = [work("W1", "a", authorships=[authorship("L", [LAB])], updated_date=LONG_AGO, date="2010-05-06")]
    source = write_jsonl(tmp_path / "in.jsonl", records)
    summary = import_works(
        source, tmp_path / "snap", institutions=["I100"], start=dt.date(2010, 1, 1), end=dt.date(2012, 12, 31)
    )
    assert summary.warnings == (
        f"{source}: coverage is declared to 2012-12-31, but the newest record was updated on 2011-03-04: "
        "works published or attributed since may be missing from it",
    )


@pytest.mark.parametrize(
    "updated, basis",
    [(None, "unknown: no record has an updated_date"), ("2999-01-01T00:00:00", "unknown: the newest updated_date")],
)
def test_as_of_is_unknown_where_the_records_do_not_say_it(tmp_path, updated, basis):
    record = work("W1", "a")
    record["updated_date"] = updated
    import_works(write_jsonl(tmp_path / "in.jsonl", [record]), tmp_path / "snap")
    snapshot = Snapshot.open(tmp_path / "snap")
    assert snapshot.retrieved is None and snapshot.as_of_basis.startswith(basis)


def test_an_import_manifest_from_before_as_of_has_no_as_of(tmp_path, capsys):
    """Earlier imports kept only the clock at the import: it is not when the records were current."""
    import_works(write_jsonl(tmp_path / "in.jsonl", others_works()), tmp_path / "snap", institutions=["I300"])
    path = tmp_path / "snap" / MANIFEST
    old = json.loads(path.read_text())
    del old["as_of"], old["as_of_basis"]
    old["coverage"] = {k: v for k, v in old["coverage"].items() if k not in ("subject_works", "confirmed_empty")}
    path.write_text(json.dumps(old))
    snapshot = Snapshot.open(tmp_path / "snap")
    assert snapshot.retrieved is None and "imported by an earlier claimwatch" in snapshot.as_of_basis
    assert snapshot.coverage.complete  # what the user declared then still stands, without its count
    assert main(["evidence", "show", str(tmp_path / "snap")]) == 0
    assert "as of        unknown: imported by an earlier claimwatch" in capsys.readouterr().out
    # An earlier collect's created is its retrieval time, and stays its as-of.
    old["source"] = "openalex"
    path.write_text(json.dumps(old))
    assert Snapshot.open(tmp_path / "snap").retrieved == dt.date.fromisoformat(old["created"][:10])


def test_an_open_end_with_no_known_as_of_holds_for_no_period():
    cov = Coverage(complete=True, institutions=("I1",), from_=dt.date(2024, 1, 1))
    assert not cov.holds(["I1"], dt.date(2024, 1, 1), dt.date(2024, 6, 1), retrieved=None)
    assert cov.holds(["I1"], dt.date(2024, 1, 1), dt.date(2024, 6, 1), retrieved=dt.date(2024, 6, 1))
    assert not cov.holds(["I1"], dt.date(2024, 1, 1), dt.date(2024, 6, 2), retrieved=dt.date(2024, 6, 1))


# --- end to end: claimwatch check on such evidence ------------------------------------------------

NONE_CLAIM = """\
claims:
  - id: no-partners
    says: No partners.
    subject: lab
    from: 2010-01-01
    expects: none
    works: {coauthor_in: [mil]}
"""


@pytest.fixture()
def case(tmp_path, monkeypatch):
    root = project(tmp_path)
    claim_file(root / "claims/c.yaml", NONE_CLAIM)
    write_jsonl(root / "others.jsonl", others_works())
    monkeypatch.chdir(root)
    return root


def verdict(root: Path, *evidence: str) -> dict:
    argv = ["check", "claims/c.yaml", "--json", "r.json"]
    for e in evidence:
        argv += ["--evidence", e]
    assert main(argv) == 0
    return json.loads((root / "r.json").read_text())["results"][0]


def test_check_on_an_import_holding_none_of_the_subjects_works_is_not_not_contradicted(case, capsys):
    assert (
        main(["evidence", "import", "others.jsonl", "--out", "snap", "--subject", "I100", "--from", "2010-01-01"]) == 0
    )
    result = verdict(case, "snap")
    assert result["verdict"] == "insufficient_evidence" != "not_contradicted"
    assert result["coverage"]["complete"] is False


def test_check_on_a_confirmed_empty_subject_may_find_nothing_contradicts_it(case):
    argv = ["evidence", "import", "others.jsonl", "--out", "snap", "--subject", "I100", "--from", "2010-01-01"]
    assert main([*argv, "--subject-may-be-empty"]) == 0
    result = verdict(case, "snap")
    assert result["verdict"] == "not_contradicted"
    # The open-ended claim runs to the records' as-of, not to the day of the import.
    assert result["period"]["assessed_to"] == "2011-03-04"


@pytest.mark.parametrize("engine", ["python", "duckdb"])
def test_a_subject_confirmed_empty_with_its_works_in_other_evidence_is_not_covered(case, engine):
    """Found by the twenty-third part's hunt: the real API page imported with Microsoft Research
    Asia as subject and --subject-may-be-empty (it holds none of its works), beside the shipped
    curated file (4 of its works in the period): "No work matches among the 4 works by Microsoft
    Research Asia in the period, and SNAP holds every work OpenAlex attributes to" it, cleared.
    A snapshot that holds none of the works the run found by the subject does not hold them all."""
    argv = ["evidence", "import", "others.jsonl", "--out", "snap", "--subject", "I100", "--from", "2010-01-01"]
    assert main([*argv, "--subject-may-be-empty"]) == 0
    (case / "lab.yaml").write_text(
        """\
description: One paper of the lab, recorded by hand.
works:
  - id: gardens
    title: A study of gardens
    versions:
      - label: journal
        published: 2010-05-01
        authors: [{name: A B, affiliations: [{name: Example Lab, openalex: I100}]}]
        sources: [{title: The journal's page}]
""",
        encoding="utf-8",
    )
    claims = claims_mod.load_claims([case / "claims/c.yaml"], root=case)
    run = evaluate(claims, [open_evidence(case / "snap"), open_evidence(case / "lab.yaml")], engine=engine)
    (result,) = run.results
    assert (result.verdict, result.works_considered, result.coverage.complete) == ("insufficient_evidence", 1, False)
    assert "and holds none, confirmed as empty, yet the evidence holds 1 work by Example Lab published" in result.why
    # Alone, the confirmed-empty snapshot still finds that nothing contradicts the claim.
    assert verdict(case, "snap")["verdict"] == "not_contradicted"


def test_a_subject_confirmed_empty_whose_name_its_own_records_give_is_not_covered(case):
    """The same snapshot holding a record whose affiliation names Example Lab in text alone (no
    institution id): a work by the lab, in the snapshot itself, against the confirmation that the
    lab has none there; the reason does not say the snapshot lacks it."""
    named = work(
        "W9", "A paper", date="2010-06-01", authorships=[authorship("X", [], raw=["Example Lab, Springfield"])]
    )
    write_jsonl(case / "named.jsonl", [named, *others_works()])
    argv = ["evidence", "import", "named.jsonl", "--out", "snap", "--subject", "I100", "--from", "2010-01-01"]
    assert main([*argv, "--subject-may-be-empty"]) == 0
    result = verdict(case, "snap")
    assert (result["verdict"], result["works_considered"]) == ("insufficient_evidence", 1)
    assert result["why"].endswith(
        "declares every work of Example Lab (I100) and holds none, confirmed as empty, yet the evidence holds 1 work "
        "by Example Lab published between 2010-01-01 and 2025-01-01: that the subject has none does not stand, so "
        "silence from it is no proof."
    )


def test_a_claim_on_a_list_with_no_entries_is_never_not_contradicted(case, capsys):
    """`lists import csl ... --country RU` on a file with no such entity writes a list of no
    entries (exit 0): a claim on it found no listed coauthor and was "not contradicted" on complete
    coverage, though the list could place no one anywhere. It is insufficient evidence now, saying
    which list is empty; with the list filled the same evidence clears it."""
    argv = ["evidence", "import", "others.jsonl", "--out", "snap", "--subject", "I100", "--from", "2010-01-01"]
    assert main([*argv, "--subject-may-be-empty"]) == 0
    listed = case / "evidence/lists/mil.yaml"
    full = listed.read_text(encoding="utf-8")
    listed.write_text(full[: full.index("entries:")] + "entries: []\n", encoding="utf-8")
    result = verdict(case, "snap")
    assert (result["verdict"], result["coverage"]["complete"]) == ("insufficient_evidence", False)
    assert "the list 'mil' holds no entries, so it can show no listed institution" in result["why"]
    listed.write_text(full, encoding="utf-8")
    assert verdict(case, "snap")["verdict"] == "not_contradicted"


def test_check_on_an_api_page_read_directly_is_never_complete(case, shared_data):
    result = verdict(case, str(shared_data / "openalex" / "api-page-works.json"))
    assert result["verdict"] == "insufficient_evidence"


# --- collect: OpenAlex gives no work of a subject ----------------------------------------------

API_LAB = api_institution("I900000001", "Example Lab")
API_OTHER = api_institution("I900000009", "Other University")


def collect_claims(folder: Path) -> Path:
    path = folder / "claims.yaml"
    path.write_text(
        "statement:\n  speaker: Example Corp\n  made_on: 2024-01-10\n  quote: Q.\n  sources: [{title: A report}]\n"
        "subjects:\n  lab:\n    name: Example Lab\n    openalex: [I900000001]\n"
        "topics:\n  studies:\n    name: Studies\n    rationale: R.\n    phrases: [study]\n"
        "claims:\n  - id: lab-no-studies\n    says: No studies.\n    subject: lab\n    from: 2024-01-10\n"
        "    expects: none\n    works: {topic: studies}\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture()
def no_openalex_environment(monkeypatch):
    for name in ("OPENALEX_API_KEY", "OPENALEX_EMAIL", "CLAIMWATCH_OPENALEX_URL"):
        monkeypatch.delenv(name, raising=False)


def test_a_collect_that_finds_no_work_of_the_subject_is_loud_and_not_complete(
    tmp_path, capsys, no_openalex_environment
):
    with FakeOpenAlex(works=[work_record(n, [API_OTHER]) for n in range(3)]) as api:
        claims, out = collect_claims(tmp_path), tmp_path / "snap"
        argv = ["collect", str(claims), "--out", str(out), "--openalex-url", api.url, "--root", str(tmp_path)]
        assert main(argv) == 0
        captured = capsys.readouterr()
        assert "warning: OpenAlex gave no work of I900000001, subject 'lab' (Example Lab)" in captured.err
        assert "coverage NOT recorded as complete" in captured.err
        cov = Snapshot.open(out).coverage
        assert (cov.complete, cov.institutions, cov.subject_works) == (False, (), {"I900000001": 0})
        assert "coverage not complete" in captured.out
        assert main([*argv, "--subject-may-be-empty"]) == 0
        assert "recorded as complete all the same" in capsys.readouterr().err
        cov = Snapshot.open(out).coverage
        assert (cov.complete, cov.confirmed_empty) == (True, ("I900000001",))
        # An update keeps the confirmation, and the count holds what the snapshot holds.
        result = collector.update(out, client=collector.OpenAlexClient(api.url, retries=0))
        assert result.manifest.coverage.complete and result.manifest.coverage.confirmed_empty == ("I900000001",)


def test_a_collect_states_the_100_authors_limit_and_its_as_of(tmp_path, no_openalex_environment):
    with FakeOpenAlex(works=[work_record(n, [API_LAB]) for n in range(3)]) as api:
        query = collector.Query("lab", "Example Lab", ("I900000001",), dt.date(2024, 1, 1))
        result = collector.collect([query], tmp_path / "snap", client=collector.OpenAlexClient(api.url, retries=0))
    cov = result.manifest.coverage
    assert (cov.complete, cov.subject_works) == (True, {"I900000001": 3})
    assert "filters see only a work's first 100 authorships" in cov.note
    assert "filters see only a work's first 100 authorships" in describe(cov)
    snapshot = Snapshot.open(tmp_path / "snap")
    assert snapshot.retrieved == dt.date.fromisoformat(result.manifest.created[:10])
    assert snapshot.as_of_basis == "the time of retrieval from OpenAlex"
    assert summarise(open_evidence(tmp_path / "snap"))["subject_works"] == {"I900000001": 3}


def test_saved_api_pages_short_of_their_count_never_cover_a_subject(tmp_path, shared_data):
    """A saved page of a larger query (meta.count past the works the file holds) declared
    complete with --subject: a part of the query's works, so no complete coverage."""
    import json

    from claimwatch.evidence import import_works

    page = json.loads((shared_data / "openalex/api-page-works.json").read_text(encoding="utf-8"))
    assert page["meta"]["count"] == len(page["results"]) == 2  # the real page is whole: it covers
    whole = import_works(shared_data / "openalex/api-page-works.json", tmp_path / "whole", institutions=["I22299242"])
    assert whole.manifest.coverage.complete
    page["meta"]["count"] = 5000
    part = tmp_path / "page-1.json"
    part.write_text(json.dumps(page, indent=2), encoding="utf-8")
    summary = import_works(part, tmp_path / "part", institutions=["I22299242"])
    cov = summary.manifest.coverage
    assert not cov.complete and cov.note == "its API pages say the query matched 5,000 works, and the file holds 2"
    assert any("coverage NOT recorded as complete" in w for w in summary.warnings)


def _real_page(shared_data: Path, count: int, numbers: list[int]) -> dict:
    """The real API page, its meta.count set and its results the real first work renumbered (each
    by I22299242, which the real work's first author is at)."""
    page = json.loads((shared_data / "openalex/api-page-works.json").read_text(encoding="utf-8"))
    first = page["results"][0]
    page["meta"]["count"] = count
    page["results"] = [{**first, "id": f"https://openalex.org/W{n}"} for n in numbers]
    return page


def _pages_import(tmp_path: Path, documents: list) -> Coverage:
    """The documents saved a line each, as a user saving API pages does, imported with the
    real work's institution declared: the coverage recorded."""
    source = tmp_path / "pages.jsonl"
    source.write_text("".join(json.dumps(d) + "\n" for d in documents), encoding="utf-8")
    return import_works(source, tmp_path / "snap", institutions=["I22299242"]).manifest.coverage


def test_one_query_s_records_never_fill_another_query_s_missing_page(tmp_path, shared_data):
    """Two queries' pages in one file: one matched 3 works and the file holds them; the other
    matched 5 and the file holds page 1 of 2. Six works in all, more than either count: the
    file held its largest count's worth, so the gap went unseen."""
    whole = _real_page(shared_data, 3, [1, 2, 3])
    part = _real_page(shared_data, 5, [11, 12, 13])
    cov = _pages_import(tmp_path, [whole, part])
    assert not cov.complete and cov.note == (
        "its API pages are of 2 queries (told apart by their meta.count): one matched 5 works, "
        "and the file holds 3 of them on its pages"
    )


def test_one_query_over_several_pages_and_its_empty_last_page_is_whole(tmp_path, shared_data):
    pages = [_real_page(shared_data, 5, [1, 2]), _real_page(shared_data, 5, [3, 4]), _real_page(shared_data, 5, [5])]
    pages.append(_real_page(shared_data, 5, []))  # OpenAlex ends a cursor with an empty page
    assert _pages_import(tmp_path, pages).complete


def test_a_page_saved_twice_does_not_stand_for_a_missing_one(tmp_path, shared_data):
    """Five results on the query's pages, one of them on two pages: four works of the five."""
    pages = [_real_page(shared_data, 5, [1, 2]), _real_page(shared_data, 5, [2, 3, 4])]
    cov = _pages_import(tmp_path, pages)
    assert not cov.complete and cov.note == "its API pages say the query matched 5 works, and the file holds 4"


def test_records_beside_the_pages_are_not_the_pages_results(tmp_path, shared_data):
    """A page of a query that matched 3 works holding one, then an array of two works of
    unknown origin: they are not the query's, whatever their number."""
    page = _real_page(shared_data, 3, [1])
    loose = _real_page(shared_data, 0, [2, 3])["results"]
    cov = _pages_import(tmp_path, [page, loose])
    assert not cov.complete and cov.note == "its API pages say the query matched 3 works, and the file holds 1"


@given(
    st.dictionaries(
        st.integers(1, 6),  # a query's meta.count
        st.lists(st.lists(st.integers(1, 8), max_size=4), min_size=1, max_size=4),  # its pages' work ids
        min_size=1,
        max_size=3,
    )
)
def test_saved_pages_are_whole_exactly_where_each_query_s_pages_hold_its_count(queries):
    """Whatever the pages' order, sizes and repeats, and however many queries share the file."""
    pages = SavedPages()
    number = 0
    for count, its_pages in queries.items():
        for results in its_pages:
            number += 1
            for n in results:
                pages.result(number, f"W{count}{n:02d}")  # ids of one query's own
            pages.page({"count": count}, number)
    whole = all(len({n for results in p for n in results}) >= count for count, p in queries.items())
    assert (pages.shortfall() is None) == whole


def test_an_authors_query_s_pages_are_held_to_its_count_in_authors(tmp_path, shared_data):
    """A works query whole, and an authors query whole with the same count: each is whole."""
    author = json.loads((shared_data / "openalex/A5023888391.json").read_text(encoding="utf-8"))
    works = _real_page(shared_data, 2, [1, 2])
    authors = {"meta": dict(works["meta"]), "results": [author, {**author, "id": "https://openalex.org/A1"}]}
    assert _pages_import(tmp_path, [works, authors]).complete
    authors["meta"]["count"] = 3
    cov = _pages_import(tmp_path, [works, authors])
    assert not cov.complete and cov.note == (
        "its API pages are of 2 queries (told apart by their meta.count): one matched 3 authors, "
        "and the file holds 2 of them on its pages"
    )


# --- coverage declared past the day the records were current ---------------------------------


def test_coverage_vouches_no_further_than_the_day_its_records_were_current():
    declared = Coverage(complete=True, institutions=("I100",), from_=dt.date(2024, 1, 1), to=dt.date(2025, 12, 31))
    current = dt.date(2025, 1, 1)
    assert declared.holds(["I100"], dt.date(2024, 1, 10), dt.date(2025, 1, 1), current)
    assert not declared.holds(["I100"], dt.date(2024, 1, 10), dt.date(2025, 1, 2), current)
    assert declared.holds(["I100"], dt.date(2024, 1, 10), dt.date(2025, 12, 31), dt.date(2026, 3, 1))
    assert declared.holds(["I100"], dt.date(2024, 1, 10), dt.date(2025, 12, 31))  # when current: not known


def test_a_claim_running_past_the_records_is_not_cleared_by_declared_coverage(tmp_path, capsys):
    """Imported with --to 2025-12-31 from records current on 2025-01-01, a claim to the end of
    2025 with no finding was `not_contradicted`, on the import's warning alone (issue 18, twelfth
    part): the eleven months after the records were never seen."""
    root = project(tmp_path)
    source = write_jsonl(tmp_path / "works.jsonl", [work("W1", "Graph networks", authorships=[authorship("A", [LAB])])])
    argv = ["evidence", "import", str(source), "--out", str(tmp_path / "snap"), "--subject", "I100"]
    assert main([*argv, "--from", "2024-01-01", "--to", "2025-12-31"]) == 0
    assert (
        "coverage is declared to 2025-12-31, but the newest record was updated on 2025-01-01" in capsys.readouterr().err
    )
    body = "claims:\n  - {id: c, says: s, subject: lab, from: 2024-01-10, to: TO, expects: none, works: {coauthor_in: [mil]}}\n"
    for to, verdict in (("2025-12-31", "insufficient_evidence"), ("2024-12-31", "not_contradicted")):
        files = claims_mod.load_claims([claim_file(root / "claims/c.yaml", body.replace("TO", to))], root=root)
        (result,) = evaluate(files, [open_evidence(tmp_path / "snap")]).results
        assert result.verdict == verdict, result.why
    assert (
        "declared to 2025-12-31, but its records were current on 2025-01-01"
        in evaluate(
            claims_mod.load_claims([claim_file(root / "claims/c.yaml", body.replace("TO", "2025-12-31"))], root=root),
            [open_evidence(tmp_path / "snap")],
        )
        .results[0]
        .coverage.why
    )

"""A subject declared for an import whose works in the file all reach it through one institution
below it: Microsoft Research Asia's works imported with `--subject` Microsoft held "every work of
Microsoft", so a claim about Microsoft was "not contradicted" on one lab's works (a false
clearance). Such a file is that institution's works, and its coverage is not complete for the
parent (issue 18, fifteenth part)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from claimwatch.cli import main
from claimwatch.evidence import Snapshot, import_works
from helpers import authorship, institution, work, write_jsonl

MICROSOFT = "I1290206253"
MSRA = institution("I4210113369", "Microsoft Research Asia (China)", lineage=["I4210113369", MICROSOFT])
MSR_US = institution(
    "I4210164937", "Microsoft Research (United States)", country="US", lineage=["I4210164937", MICROSOFT]
)
PARENT = institution(MICROSOFT, "Microsoft (United States)", country="US")
OTHER = institution("I300", "Elsewhere University", country="DE")


def works(*places: dict) -> list[dict]:
    return [
        work(f"W{k}", f"Paper {k}", authorships=[authorship("A", [place]), authorship("B", [OTHER])])
        for k, place in enumerate(places, 1)
    ]


def coverage(tmp_path: Path, records: list[dict], subject: str = MICROSOFT):
    source = write_jsonl(tmp_path / "w.jsonl", records)
    summary = import_works(source, tmp_path / "snap", institutions=[subject], start=dt.date(2020, 1, 1))
    return Snapshot.open(tmp_path / "snap").coverage, summary.warnings


def test_a_parent_whose_works_all_come_through_one_child_is_not_complete(tmp_path):
    cov, warnings = coverage(tmp_path, works(MSRA, MSRA, MSRA))
    assert not cov.complete
    assert "every work of it in the file is by I4210113369 (in its lineage)" in cov.note
    (warning,) = warnings
    assert "coverage NOT recorded as complete for I1290206253 (declare --subject I4210113369" in warning


def test_the_child_itself_is_complete(tmp_path):
    cov, warnings = coverage(tmp_path, works(MSRA, MSRA), subject="I4210113369")
    assert cov.complete and not warnings


def test_a_parent_named_by_one_work_or_reached_through_two_children_is_complete(tmp_path):
    assert coverage(tmp_path / "a", works(MSRA, PARENT))[0].complete
    assert coverage(tmp_path / "b", works(MSRA, MSR_US))[0].complete


def test_the_real_api_page_declared_for_the_parent_of_an_institution_on_it(shared_data, tmp_path, capsys):
    """The real page's W3046863325 has an author at the Karlsruhe Institute of Technology
    (I102335020), whose lineage holds the Helmholtz Association (I1305996414)."""
    page = shared_data / "openalex" / "api-page-works.json"
    argv = ["evidence", "import", str(page), "--from", "2020-01-01", "--to", "2020-12-31"]
    assert main([*argv, "--out", str(tmp_path / "parent"), "--subject", "I1305996414"]) == 0
    err = capsys.readouterr().err
    assert "every work of I1305996414 in it is by I102335020" in err
    assert not Snapshot.open(tmp_path / "parent").coverage.complete
    assert main([*argv, "--out", str(tmp_path / "child"), "--subject", "I102335020"]) == 0
    assert Snapshot.open(tmp_path / "child").coverage.complete


# --- found by review ------------------------------------------------------------------------------


def test_a_coauthor_at_another_of_the_parents_labs_does_not_make_the_file_the_parents(tmp_path):
    """Every work is MSRA's; one also has a coauthor at Microsoft Research (US), or at Microsoft
    itself: still one lab's works, not all of Microsoft's."""
    cov, _ = coverage(tmp_path / "a", works(MSRA, MSRA, MSRA, MSRA))
    assert not cov.complete
    records = works(MSRA, MSRA, MSRA)
    records[2]["authorships"].append(authorship("C", [MSR_US]))
    records[1]["authorships"].append(authorship("D", [PARENT]))
    cov, warnings = coverage(tmp_path / "b", records)
    assert not cov.complete and "every work of I1290206253 in it is by I4210113369" in warnings[0]


def test_the_advice_names_an_institution_that_can_be_declared(tmp_path):
    one, two = (institution(None, name, lineage=[MICROSOFT]) for name in ("Lab one", "Lab two"))
    cov, warnings = coverage(tmp_path / "a", works(one, two))
    assert cov.complete and not warnings  # nameless: nothing to name or declare, so taken as declared
    source = write_jsonl(tmp_path / "w.jsonl", works(MSRA, MSRA))
    summary = import_works(source, tmp_path / "b", institutions=[MICROSOFT, "I4210113369"], start=dt.date(2020, 1, 1))
    (warning,) = summary.warnings
    assert "(I4210113369 is declared too, and covered)" in warning
    assert summary.manifest.coverage.institutions == ("I4210113369",)


def test_a_childs_file_confirms_no_emptiness_of_the_parent(tmp_path):
    """Microsoft confirmed as possibly empty, the file holding only MSRA's 2015 works: no
    warning saying it is complete all the same, since it is not."""
    records = works(MSRA)
    records[0]["publication_date"], records[0]["publication_year"] = "2015-03-01", 2015
    source = write_jsonl(tmp_path / "w.jsonl", records)
    summary = import_works(
        source, tmp_path / "snap", institutions=[MICROSOFT], start=dt.date(2020, 1, 1), subjects_may_be_empty=True
    )
    assert not summary.manifest.coverage.complete
    (warning,) = summary.warnings
    assert "NOT recorded as complete for I1290206253" in warning

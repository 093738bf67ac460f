"""Reviews of a claim about people: a person finding is named by an OpenAlex author id, an ORCID
iD or a curated person's id, and set aside, confirmed or disputed as a work finding is; every
report shows the decision, and a review that cannot apply is listed, never silently dropped.

The case is `people_case`: Li Wei (A1, ORCID 0000-0002-1825-0097) moved from a listed university
to the lab (matched); Zhang San (A2) was at both in 2022, which shows no move (uncertain)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimwatch.bdd.case import Case, SessionStore
from claimwatch.bdd.failures import ExpectationNotMet, ScenarioProblem
from claimwatch.bdd.steps import (
    then_person_review_lapsed,
    then_person_reviewed_as,
    then_person_set_aside,
    then_review_lapsed,
    then_reviewed_as,
    then_set_aside,
)
from claimwatch.claims import load_claims
from claimwatch.cli import main
from claimwatch.errors import InputError
from claimwatch.evaluate import evaluate
from claimwatch.evaluate.people import _findings as findings_module
from claimwatch.evidence import open_evidence_paths
from claimwatch.reports.diff import diff_reports, render_diff
from claimwatch.results import ClaimResult
from claimwatch.reviews import load_reviews, person_keys, person_named, record_review
from helpers import HIT, LAB, claim_file, institution, project, work, write, write_jsonl
from openalex_server import author_record as shaped_author_record
from test_people_reports import RECRUITS, author_record, by, check_into_every_report, people_case, report

LI_WEI_ORCID = "0000-0002-1825-0097"


def _review(claim: str, person: str, decision: str, note: str = "checked by hand", **extra: str) -> str:
    lines = [f"  - claim: {claim}", f"    person: '{person}'", f"    decision: {decision}", "    by: analyst"]
    lines += ["    date: 2025-01-02", f"    note: {note}"] + [f"    {k}: {v}" for k, v in extra.items()]
    return "\n".join(lines) + "\n"


def _case(root: Path, *reviews: str) -> tuple[Path, Path, Path]:
    claims, records = people_case(root)
    path = root / "reviews.yaml"
    path.write_text("reviews:\n" + "".join(reviews), encoding="utf-8")
    return claims, records, path


def _result(root: Path, *reviews: str) -> ClaimResult:
    claims, records, path = _case(root, *reviews)
    results = evaluate(
        load_claims([str(claims)], root=root), open_evidence_paths([str(records)]), reviews=load_reviews(path)
    )
    (result,) = results.results
    return result


def _people(result: ClaimResult) -> dict[str, list[str]]:
    return {
        "matched": [p.id for p in result.people],
        "uncertain": [p.id for p in result.uncertain_people],
        "dismissed": [p.id for p in result.dismissed_people],
    }


# --- naming a person --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "keys"),
    [
        ("A1", {"A1"}),
        ("https://openalex.org/A5023888391", {"A5023888391"}),
        (LI_WEI_ORCID, {f"orcid:{LI_WEI_ORCID}", f"curated:{LI_WEI_ORCID}"}),
        (f"https://orcid.org/{LI_WEI_ORCID}", {f"orcid:{LI_WEI_ORCID}"}),
        ("0000-0002-1825-009x", set()),  # the check digit is 7: a typo, never taken for a curated id
        ("0000-0002-1825-0098", set()),
        ("W4391234567", set()),  # a work, not a person
        ("w1", {"curated:w1"}),  # a curated id of a work id's form
        ("a2", {"A2", "curated:a2"}),  # both: ambiguous where both are findings
        ("curated:a2", {"curated:a2"}),
        ("chen-wei-cv", {"curated:chen-wei-cv"}),
        ("Li Wei", set()),  # a name is no identity
        # Addresses copied without their scheme or with a trailing slash
        ("openalex.org/A1", {"A1"}),
        ("https://openalex.org/A1/", {"A1"}),
        (f"orcid.org/{LI_WEI_ORCID}", {f"orcid:{LI_WEI_ORCID}"}),
        (f"https://orcid.org/{LI_WEI_ORCID}/", {f"orcid:{LI_WEI_ORCID}"}),
        ("orcid.org/0000-0002-1825-0098", set()),  # the check digit still counts
        # Thirty-fifth part: the word "ORCID" before the iD, as every report writes it beside a
        # person ("ORCID 0000-0002-1825-0097") and an analyst copies it, a CV's "ORCID iD:" and the
        # key's "orcid:", and an iD of full-width digits (a Chinese keyboard's): "names no person".
        (f"ORCID {LI_WEI_ORCID}", {f"orcid:{LI_WEI_ORCID}"}),
        (f"orcid:{LI_WEI_ORCID}", {f"orcid:{LI_WEI_ORCID}"}),
        (f"ORCID iD: https://orcid.org/{LI_WEI_ORCID}", {f"orcid:{LI_WEI_ORCID}"}),
        ("\uff10\uff10\uff10\uff10-0002-1694-233x", {"orcid:0000-0002-1694-233X"}),
        ("ORCID 0000-0002-1825-0098", set()),  # the check digit still counts
        ("orcid", {"curated:orcid"}),  # the word alone is a curated id's form
        (f"orcid{LI_WEI_ORCID}", {f"curated:orcid{LI_WEI_ORCID}"}),  # run on, a curated id's form too
        # Thirty-sixth part: an iD typeset with Unicode's hyphens (a CV converted from a PDF), grouped
        # by spaces as the ISNI it belongs to writes it, an address with a query or a fragment after
        # it (the address bar's "?lang=en"), a full-width colon after the word (a Chinese keyboard's):
        # "names no person" where its check digit holds.
        ("0000\u20100002\u20101825\u20100097", {f"orcid:{LI_WEI_ORCID}"}),
        ("0000 0002 1825 0097", {f"orcid:{LI_WEI_ORCID}"}),
        (f"https://orcid.org/{LI_WEI_ORCID}?lang=en", {f"orcid:{LI_WEI_ORCID}"}),
        (f"orcid.org/{LI_WEI_ORCID}#works", {f"orcid:{LI_WEI_ORCID}"}),
        (f"ORCID\uff1a{LI_WEI_ORCID}", {f"orcid:{LI_WEI_ORCID}"}),
        ("0000 0002 1825 0098", set()),  # the check digit still counts
        ("0000  0002 1825 0097", set()),  # groups of no one form
        # Reviewed: an ISNI from outside ORCID's blocks (Harvard University's, or a person's a library
        # gave), its check digit holding as ORCID's does, was read as an ORCID iD no one has.
        ("0000 0004 1936 754X", set()),
        ("ORCID 0000 0001 2103 2683", set()),
        ("0009 0001 5055 9262", {"orcid:0009-0001-5055-9262"}),  # ORCID's second block, since 2023
        ("0000-0004-1936-754X", {"orcid:0000-0004-1936-754X"}),  # written as ORCID writes one: meant as one
        ("https://api.openalex.org/authors/A1?mailto=analyst@example.org", {"A1"}),  # the API's, copied
    ],
)
def test_a_person_is_named_by_author_id_orcid_or_curated_id(written: str, keys: set[str]) -> None:
    assert person_keys(written) == keys


@pytest.mark.parametrize(
    ("pid", "named"),
    [
        ("A2", "A2"),
        ("a2", "curated:a2"),  # also the OpenAlex A2
        ("chen-wei-cv", "chen-wei-cv"),
        (LI_WEI_ORCID, f"curated:{LI_WEI_ORCID}"),  # also an ORCID iD
        ("0000-0000-0000-0000", "curated:0000-0000-0000-0000"),  # alone it names nothing (check digit)
    ],
)
def test_the_listing_names_a_person_by_an_id_a_review_reads_as_them_alone(pid: str, named: str) -> None:
    assert person_named(pid) == named
    assert f"curated:{pid}" in person_keys(named) or person_keys(named) == {pid}


@pytest.mark.parametrize(
    "named",
    [
        "A1",
        "https://openalex.org/A1",
        LI_WEI_ORCID,
        f"https://orcid.org/{LI_WEI_ORCID}",
        f"ORCID {LI_WEI_ORCID}",  # as the reports write it
        f"orcid:{LI_WEI_ORCID}",
    ],
)
def test_a_review_finds_the_person_by_any_of_their_ids(tmp_path: Path, named: str) -> None:
    result = _result(project(tmp_path), _review("lab-no-recruits", named, "not_a_match"))
    assert _people(result) == {"matched": [], "uncertain": ["A2"], "dismissed": ["A1"]}
    assert result.dismissed_people[0].review is not None and result.dismissed_people[0].review.person == named


# --- curated people, and ids two findings share (found by the review of this change) -------------

ZHANG = author_record("A2", "Zhang San", (HIT, [2022]), (LAB, [2022]))
OTHER_ORCID = "0000-0001-5109-3700"


def _curated(pid: str, name: str = "Chen Wei", openalex: str | None = None, orcid: str | None = None) -> str:
    """A curated history: at the listed HIT in 2019-2020, at the lab in 2023 (a match)."""
    extra = (f"\n    openalex: {openalex}" if openalex else "") + (f"\n    orcid: '{orcid}'" if orcid else "")
    return f"""description: curated
people:
  - id: '{pid}'
    name: {name}{extra}
    affiliations:
      - {{name: Harbin Institute of Technology, openalex: I200, country: CN, years: [2019, 2020]}}
      - {{name: Example Lab, openalex: I100, country: US, years: [2023]}}
    sources: [{{title: A CV, url: "https://example.org/cv"}}]
"""


def _with_curated(tmp: Path, records: list[dict], reviews: str, *curated: str, claims: str = RECRUITS) -> ClaimResult:
    root = project(tmp)
    claims = claim_file(root / "claims/people.yaml", claims)
    evidence = [str(write(root / f"curated{i}.yaml", c)) for i, c in enumerate(curated)]
    evidence.append(str(write_jsonl(root / "records.jsonl", records)))
    path = write(root / "reviews.yaml", "reviews:\n" + reviews)
    results = evaluate(load_claims([str(claims)], root=root), open_evidence_paths(evidence), reviews=load_reviews(path))
    return results.results[0]


def _where(result: ClaimResult, pid: str) -> str:
    return next((place for place, ids in _people(result).items() if pid in ids), "absent")


def test_an_id_that_is_both_an_openalex_and_a_curated_persons_is_applied_to_neither(tmp_path: Path) -> None:
    result = _with_curated(tmp_path, [ZHANG], _review("lab-no-recruits", "a2", "not_a_match"), _curated("a2"))
    assert (_where(result, "A2"), _where(result, "a2")) == ("uncertain", "matched")
    (lapsed,) = result.lapsed_reviews
    assert lapsed.reason == "ambiguous" and "names more than one finding of claim 'lab-no-recruits'" in lapsed.why
    assert "curated:a2" in lapsed.why  # how to name one of them
    named = _with_curated(
        tmp_path / "x", [ZHANG], _review("lab-no-recruits", "curated:a2", "not_a_match"), _curated("a2")
    )
    assert (_where(named, "A2"), _where(named, "a2")) == ("uncertain", "dismissed")


def test_the_listing_gives_each_person_an_id_that_names_them_alone(tmp_path: Path, monkeypatch, capsys) -> None:
    """The curated a2 and the OpenAlex A2 are both listed: copying "a2" into `claimwatch review`
    would name both (ambiguous, applied to neither), so the listing writes curated:a2, and a
    review of each, as listed, applies to that person alone."""
    root = project(tmp_path)
    claims = claim_file(root / "claims/people.yaml", RECRUITS)
    curated = write(root / "curated.yaml", _curated("a2"))
    records = write_jsonl(root / "records.jsonl", [ZHANG])
    monkeypatch.chdir(root)
    argv = ["--claims", str(claims), "--evidence", str(curated), "--evidence", str(records)]
    assert main(["review", *argv]) == 0
    listed = [line.split()[1] for line in capsys.readouterr().out.splitlines() if line.startswith("lab-no-recruits")]
    assert sorted(listed) == ["A2", "curated:a2"]
    for named in listed:
        decision = ["--claims", str(claims), "--decision", "not_a_match", "--note", "n"]
        assert main(["review", "lab-no-recruits", named, *decision]) == 0
        capsys.readouterr()
    results = evaluate(
        load_claims([str(claims)], root=root),
        open_evidence_paths([str(curated), str(records)]),
        reviews=load_reviews(root / "reviews.yaml"),
    )
    (result,) = results.results
    assert (_where(result, "A2"), _where(result, "a2")) == ("dismissed", "dismissed") and not result.lapsed_reviews


@pytest.mark.parametrize("pid", ["a5", "w1", "i42", OTHER_ORCID])
def test_every_curated_persons_id_names_them(tmp_path: Path, pid: str) -> None:
    result = _with_curated(tmp_path, [ZHANG], _review("lab-no-recruits", pid, "not_a_match"), _curated(pid))
    assert _where(result, pid) == "dismissed" and not result.lapsed_reviews


def test_a_curated_id_names_its_person_who_has_an_openalex_id_too(tmp_path: Path) -> None:
    curated = _curated("chen-wei-cv", openalex="A9")
    result = _with_curated(tmp_path, [ZHANG], _review("lab-no-recruits", "chen-wei-cv", "not_a_match"), curated)
    assert _where(result, "A9") == "dismissed" and not result.lapsed_reviews


def test_every_orcid_of_a_person_names_them(tmp_path: Path) -> None:
    li = author_record("A1", "Li Wei", (HIT, [2020]), (LAB, [2023]), orcid=LI_WEI_ORCID)
    curated = _curated("li-wei", openalex="A1", orcid=OTHER_ORCID)
    for orcid in (LI_WEI_ORCID, OTHER_ORCID):
        result = _with_curated(tmp_path / orcid, [li], _review("lab-no-recruits", orcid, "not_a_match"), curated)
        assert _where(result, "A1") == "dismissed" and not result.lapsed_reviews


def test_one_curated_id_in_two_files_is_two_people_and_names_neither(tmp_path: Path) -> None:
    result = _with_curated(
        tmp_path,
        [ZHANG],
        _review("lab-no-recruits", "li-wei", "not_a_match"),
        _curated("li-wei", name="Li Wei (Harbin)"),
        _curated("li-wei", name="Li Wei (Beijing)"),
    )
    assert not result.dismissed_people and [x.reason for x in result.lapsed_reviews] == ["ambiguous"]
    assert "li-wei, Li Wei (Harbin); li-wei, Li Wei (Beijing)" in result.lapsed_reviews[0].why


def test_two_people_one_curated_id_names_are_each_named_by_their_file(tmp_path: Path, monkeypatch, capsys) -> None:
    """Two files give two people the id li-wei, and neither has another id: no review could name
    one of them (every form named both, ambiguous), and the listing offered "curated:li-wei" for
    both (issue 18, nineteenth part). `curated:FILE#ID` names the one of that file, and the
    listing writes it so."""
    harbin, beijing = _curated("li-wei", name="Li Wei (Harbin)"), _curated("li-wei", name="Li Wei (Beijing)")
    review = _review("lab-no-recruits", "curated:curated1.yaml#li-wei", "not_a_match")
    result = _with_curated(tmp_path / "a", [ZHANG], review, harbin, beijing)
    assert [p.name for p in result.dismissed_people] == ["Li Wei (Beijing)"] and not result.lapsed_reviews
    assert "Li Wei (Harbin)" in [p.name for p in result.people]
    by_path = _review("lab-no-recruits", "curated:./b//curated0.yaml#li-wei", "not_a_match")
    result = _with_curated(tmp_path / "b", [ZHANG], by_path, harbin, beijing)
    assert [p.name for p in result.dismissed_people] == ["Li Wei (Harbin)"]
    # Folders the file is not in name no file: the review lapses, and dismisses no one.
    elsewhere = _review("lab-no-recruits", "curated:evidence/elsewhere/curated0.yaml#li-wei", "not_a_match")
    result = _with_curated(tmp_path / "c", [ZHANG], elsewhere, harbin, beijing)
    assert not result.dismissed_people and [x.reason for x in result.lapsed_reviews] == ["not_found"]
    assert person_keys("curated:people.yaml#A2") == frozenset()  # a curated id is lower case
    root = tmp_path / "a"
    monkeypatch.chdir(root)
    argv = ["--claims", "claims/people.yaml", "--evidence", "curated0.yaml", "--evidence", "curated1.yaml"]
    assert main(["review", *argv, "--evidence", "records.jsonl", "--no-reviews"]) == 0
    listed = [line.split()[1] for line in capsys.readouterr().out.splitlines() if "Li Wei" in line]
    assert sorted(listed) == ["curated:curated0.yaml#li-wei", "curated:curated1.yaml#li-wei"]


def test_two_files_of_one_name_in_two_folders_are_named_by_their_folders(tmp_path: Path, monkeypatch, capsys) -> None:
    """2024/people.yaml and 2025/people.yaml each give a li-wei: `curated:people.yaml#li-wei`
    named both (ambiguous), and the listing offered it for both, so neither could be reviewed
    (issue 18, twentieth part). The folders before the name tell them apart, and the listing
    writes the shortest name that names one file."""
    root = project(tmp_path)
    claims = claim_file(root / "claims/people.yaml", RECRUITS)
    harbin = write(root / "2024/people.yaml", _curated("li-wei", name="Li Wei (Harbin)"))
    beijing = write(root / "2025/people.yaml", _curated("li-wei", name="Li Wei (Beijing)"))
    records = write_jsonl(root / "records.jsonl", [ZHANG])

    def dismissed(review: str) -> tuple[list[str], list[str]]:
        path = write(root / "reviews.yaml", "reviews:\n" + _review("lab-no-recruits", review, "not_a_match"))
        evidence = open_evidence_paths([str(harbin), str(beijing), str(records)])
        (r,) = evaluate(load_claims([str(claims)], root=root), evidence, reviews=load_reviews(path)).results
        return [p.name for p in r.dismissed_people], [x.reason for x in r.lapsed_reviews]

    assert dismissed("curated:people.yaml#li-wei") == ([], ["ambiguous"])
    assert dismissed("curated:2025/people.yaml#li-wei") == (["Li Wei (Beijing)"], [])
    assert dismissed(f"curated:{harbin}#li-wei") == (["Li Wei (Harbin)"], [])  # the whole path
    monkeypatch.chdir(root)
    argv = ["--claims", "claims/people.yaml", "--evidence", "2024/people.yaml", "--evidence", "2025/people.yaml"]
    assert main(["review", *argv, "--evidence", "records.jsonl", "--no-reviews"]) == 0
    listed = [line.split()[1] for line in capsys.readouterr().out.splitlines() if "Li Wei" in line]
    assert sorted(listed) == ["curated:2024/people.yaml#li-wei", "curated:2025/people.yaml#li-wei"]


def test_a_curated_history_with_no_id_beside_the_persons_record_is_not_counted_twice(tmp_path: Path) -> None:
    """A curated history of Chen Wei with neither an OpenAlex author id nor an ORCID iD, beside
    OpenAlex's record of Chen Wei showing the same move: two people matched, and a claim allowing
    one recruit was contradicted by one person counted twice, in silence (issue 18, nineteenth
    part). A name is no identity, so they stay two findings; the history's is uncertain, saying
    whose name it bears."""
    chen = author_record("A7", "Chen Wei", (HIT, [2019, 2020]), (LAB, [2023]))
    result = _with_curated(tmp_path / "a", [chen], "", _curated("chen-wei-cv"))
    assert (result.verdict, _people(result)["matched"], _people(result)["uncertain"]) == (
        "contradicted",
        ["A7"],
        ["chen-wei-cv"],
    )
    (doubt,) = result.uncertain_people[0].uncertain_because
    assert "may be the same person as Chen Wei (A7), also found" in doubt and "not counted twice" in doubt
    at_most_one = _with_curated(tmp_path / "b", [chen], "", _curated("chen-wei-cv"), claims=RECRUITS.replace(
        "expects: none", "expects: {at_most: 1}"
    ))  # fmt: skip
    assert (at_most_one.verdict, at_most_one.matched, at_most_one.uncertain) == ("insufficient_evidence", 1, 1)
    # Another name, or a history that gives the person's OpenAlex id (one person), is no doubt.
    other = _with_curated(tmp_path / "c", [chen], "", _curated("li-wei-cv", name="Li Wei"))
    assert sorted(_people(other)["matched"]) == ["A7", "li-wei-cv"] and not other.uncertain_people
    joined = _with_curated(tmp_path / "d", [chen], "", _curated("chen-wei-cv", openalex="A7"))
    assert _people(joined)["matched"] == ["A7"] and not joined.uncertain_people


def test_a_curated_history_pairs_on_a_name_written_out_in_full_not_on_an_initials_form(tmp_path: Path) -> None:
    """Found by the twenty-second part's hunt: a curated history of Wei Li (alias "W. Li", no
    OpenAlex author id nor ORCID iD) beside OpenAlex's record of Wen Li, whose alternatives hold
    "W. Li" as every Wei, Wen and Wu Li's do: the history was said to be "maybe the same person"
    as Wen Li and made uncertain, and a claim allowing one recruit was left open on two people
    of two names. Names pair as namesakes' do, written out in full; a history that gives no name
    in full pairs on the initials form it gives, which is all that names it."""
    wen = {**author_record("A7", "Wen Li", (HIT, [2019, 2020]), (LAB, [2023])), "display_name_alternatives": ["W. Li"]}
    at_most_one = RECRUITS.replace("expects: none", "expects: {at_most: 1}")
    wei = _curated("wei-li-cv", name="Wei Li").replace("    name: Wei Li\n", "    name: Wei Li\n    aliases: [W. Li]\n")
    result = _with_curated(tmp_path / "a", [wen], "", wei, claims=at_most_one)
    assert (result.verdict, sorted(_people(result)["matched"])) == ("contradicted", ["A7", "wei-li-cv"])
    assert not result.uncertain_people and "may be the same person" not in result.why
    # Considered and matching nothing, the two are not said to be one either.
    only_at_the_lab = (
        "      - {name: Harbin Institute of Technology, openalex: I200, country: CN, years: [2019, 2020]}\n"
    )
    lab_only = {**wen, "affiliations": wen["affiliations"][1:]}
    idle = _with_curated(tmp_path / "b", [lab_only], "", wei.replace(only_at_the_lab, ""))
    assert idle.people_considered == 2 and "may be the same person" not in idle.why
    # A history named by an initials form alone may be anyone bearing it: still a doubt.
    initials = _curated("w-li-cv", name="W. Li")
    maybe = _with_curated(tmp_path / "c", [wen], "", initials, claims=at_most_one)
    assert (maybe.verdict, maybe.matched, maybe.uncertain) == ("insufficient_evidence", 1, 1)
    (doubt,) = maybe.uncertain_people[0].uncertain_because
    assert doubt.startswith("may be the same person as Wen Li (A7), also found")


@pytest.mark.parametrize("history_name", ["Li W", "W Li", "Li W.", "Li, W"])
def test_a_history_named_by_initials_as_pubmed_writes_them_may_be_the_record_giving_them_otherwise(
    tmp_path: Path, history_name: str
) -> None:
    """Found hunting the twenty-seventh part: a curated history named "Li W" (PubMed's and Web of
    Science's way, no dot), with no OpenAlex author id nor ORCID iD, beside OpenAlex's Wen Li whose
    alternatives give "W. Li": "W. Li" and "Li W." were a doubt, "Li W" and "W Li" two people
    counted, a claim allowing one recruit contradicted by what may be one. An initial is read as
    its bare letter too."""
    wen = {**author_record("A7", "Wen Li", (HIT, [2019, 2020]), (LAB, [2023])), "display_name_alternatives": ["W. Li"]}
    at_most_one = RECRUITS.replace("expects: none", "expects: {at_most: 1}")
    result = _with_curated(tmp_path, [wen], "", _curated("w-li-cv", name=history_name), claims=at_most_one)
    assert (result.verdict, result.matched, result.uncertain) == ("insufficient_evidence", 1, 1), result.why
    (doubt,) = result.uncertain_people[0].uncertain_because
    assert doubt.startswith("may be the same person as Wen Li (A7), also found")


@pytest.mark.parametrize(
    ("record_name", "history_name"),
    [("Xiaoming Wang", "Xiao-Ming Wang"), ("Juergen Mueller", "Jürgen Müller"), ("Wang Xiao-Ming", "Wang Xiaoming")],
)
def test_a_curated_history_spelling_the_persons_name_otherwise_is_not_counted_twice(
    tmp_path: Path, record_name: str, history_name: str
) -> None:
    """Found hunting the twenty-sixth part: OpenAlex's record of Xiaoming Wang and a curated
    history with no ids of "Xiao-Ming Wang" showing the same move were two people, and a claim
    allowing one recruit was contradicted by one person counted twice, as Chen Wei's was before
    the nineteenth part. The history may be that person: uncertain, the verdict open."""
    record = author_record("A7", record_name, (HIT, [2019, 2020]), (LAB, [2023]))
    at_most_one = RECRUITS.replace("expects: none", "expects: {at_most: 1}")
    result = _with_curated(tmp_path, [record], "", _curated("wang-cv", name=history_name), claims=at_most_one)
    assert (result.verdict, result.matched, result.uncertain) == ("insufficient_evidence", 1, 1), result.why
    (doubt,) = result.uncertain_people[0].uncertain_because
    assert doubt.startswith(f"may be the same person as {record_name} (A7), also found")


@pytest.mark.parametrize(
    ("record_name", "history_name"),
    [
        ("Xiaoming Wang", "Wang Xiaoming"),
        ("János Kovács", "Kovács János"),
        ("Xiao Ming Wang", "Wang Xiao Ming"),
        ("Xiaoming Wang", "Wang Xiao-Ming"),
    ],
)
def test_a_curated_history_writing_the_persons_name_in_the_other_order_is_not_counted_twice(
    tmp_path: Path, record_name: str, history_name: str
) -> None:
    """Left by the twenty-sixth part's first hunt, settled in its second: OpenAlex's record of
    Xiaoming Wang and a curated history with no ids of "Wang Xiaoming" (family name first, as
    Chinese sources write it) showing the same move were two people, so a claim allowing one
    recruit was contradicted by one person counted twice, and one of two recruits supported. The
    names may be one written in two orders: the history uncertain, said why; never joined."""
    record = author_record("A7", record_name, (HIT, [2019, 2020]), (LAB, [2023]))
    history = _curated("wang-cv", name=history_name)
    at_most_one = RECRUITS.replace("expects: none", "expects: {at_most: 1}")
    result = _with_curated(tmp_path / "a", [record], "", history, claims=at_most_one)
    assert (result.verdict, result.matched, result.uncertain) == ("insufficient_evidence", 1, 1), result.why
    assert _people(result) == {"matched": ["A7"], "uncertain": ["wang-cv"], "dismissed": []}
    (doubt,) = result.uncertain_people[0].uncertain_because
    assert doubt.startswith(
        f"may be the same person as {record_name} (A7), also found, \u201c{history_name}\u201d and "
        f"\u201c{record_name}\u201d may be one name written in two orders (family name first in one, as Chinese, "
        "Korean, Japanese and Hungarian names often are): "
    )
    at_least_two = RECRUITS.replace("expects: none", "expects: {at_least: 2}")
    assert _with_curated(tmp_path / "b", [record], "", history, claims=at_least_two).verdict == "insufficient_evidence"
    # Another name, or the two names' words told apart, pairs no one: two people, the claim contradicted.
    for other in (history_name.replace("Wang", "Wong").replace("Kovács", "Kovácsik"), record_name.split()[0]):
        apart = _with_curated(tmp_path / other, [record], "", _curated("x-cv", name=other), claims=at_most_one)
        assert (apart.verdict, apart.matched, apart.uncertain) == ("contradicted", 2, 0), other


MAY_BE_ONE = (
    "Of the people counted, Chen Wei (chen-wei-cv) and Chen Wei (A7) may be one person: a curated history with "
    "no OpenAlex author id nor ORCID iD bearing the other's name, so one person may be counted twice."
)


@pytest.mark.parametrize("uncertain", ["the history", "the record"])
def test_a_verdict_counting_an_uncertain_person_who_may_be_one_found_says_so(tmp_path: Path, uncertain: str) -> None:
    """Found by the nineteenth part's hunt: a claim of at least two recruits, one found, and
    "1 more might": the curated history bearing the name of the one found (or OpenAlex's record,
    uncertain, beside the history found), which may be that same person, read as a second. The
    verdict stays open (a name is no identity, so they may be two), and says they may be one."""
    years = [2019, 2020] if uncertain == "the history" else []  # no years at HIT: the record is uncertain
    chen = author_record("A7", "Chen Wei", (HIT, years), (LAB, [2023]))
    at_least_two = RECRUITS.replace("expects: none", "expects: {at_least: 2}")
    result = _with_curated(tmp_path / "a", [chen], "", _curated("chen-wei-cv"), claims=at_least_two)
    assert (result.verdict, result.matched, result.uncertain) == ("insufficient_evidence", 1, 1)
    assert "1 person of the 2 the claim says were found; 1 more might" in result.why
    assert MAY_BE_ONE in result.why
    at_most_one = RECRUITS.replace("expects: none", "expects: {at_most: 1}")
    assert MAY_BE_ONE in _with_curated(tmp_path / "b", [chen], "", _curated("chen-wei-cv"), claims=at_most_one).why
    # Decided on the people matched alone, the verdict needs no such word; nor does another name.
    assert "may be one person" not in _with_curated(tmp_path / "c", [chen], "", _curated("chen-wei-cv")).why
    other = _with_curated(tmp_path / "d", [chen], "", _curated("li-wei-cv", name="Li Wei"), claims=at_least_two)
    assert "may be one person" not in other.why


def test_the_people_considered_say_which_may_be_one_person(tmp_path: Path) -> None:
    """Found by the nineteenth part's hunt: OpenAlex's record of Chen Wei and a curated history of
    Chen Wei with no ids, both at the lab only, matched nothing: "No one matches among the 2
    people whose records place them at Example Lab", who may be one."""
    chen = author_record("A7", "Chen Wei", (LAB, [2023]))
    at_hit = "      - {name: Harbin Institute of Technology, openalex: I200, country: CN, years: [2019, 2020]}\n"
    result = _with_curated(tmp_path, [chen], "", _curated("chen-wei-cv").replace(at_hit, ""))
    assert (result.matched, result.uncertain, result.people_considered) == (0, 0, 2)
    assert result.why.startswith(
        "No one matches among the 2 people whose records place them at Example Lab in the period (1 of them a "
        "curated history with no OpenAlex author id nor ORCID iD bearing the name of another of them, who may be "
        "the same person), but "
    )


# --- two OpenAlex records that may be one person split in two ---------------------------------

SPLIT_IDS = ("A5023888391", "A5100000001")  # the real record's id, and another


def _split_case(
    tmp: Path,
    names: tuple[str, str],
    expects: str,
    orcids: tuple[str | None, str | None] = (None, None),
    *,
    lab_only: bool = False,
    engine: str = "python",
) -> ClaimResult:
    """Two OpenAlex records shaped after A5023888391 (`openalex_server.author_record`), of two ids
    OpenAlex has not merged, each at the listed HIT in 2019-2020 then at the lab in 2023 (at the
    lab alone: `lab_only`), judged by `engine`."""
    places = [(LAB, [2023])] if lab_only else [(LAB, [2023]), (HIT, [2019, 2020])]
    records = [
        shaped_author_record(aid, name, places, orcid=orcid)
        for aid, name, orcid in zip(SPLIT_IDS, names, orcids, strict=True)
    ]
    root = project(tmp)
    claims = claim_file(root / "claims/people.yaml", RECRUITS.replace("expects: none", f"expects: {expects}"))
    evidence = open_evidence_paths([str(write_jsonl(root / "records.jsonl", records[::-1]))])
    (result,) = evaluate(load_claims([str(claims)], root=root), evidence, engine=engine, cache=tmp / "cache").results
    return result


@pytest.mark.parametrize(
    "names",
    [("Xiaoming Wang", "Xiaoming Wang"), ("Xiaoming Wang", "Wang Xiaoming"), ("Xiaoming Wang", "Xiao-Ming Wang")],
)
def test_two_openalex_records_of_one_name_both_showing_the_move_are_not_counted_twice(
    tmp_path: Path, names: tuple[str, str]
) -> None:
    """Left by the twenty-sixth part's second hunt, settled in its fourth: two OpenAlex author
    records of Xiaoming Wang (two ids, not merged, no ORCID iD), each at the listed HIT then at the
    lab, were two people matched, so a claim allowing one recruit was contradicted (and one of at
    least two recruits supported) by what may be one person OpenAlex holds as two records, as it
    often does. The later stays uncertain, saying both ids, on both engines alike."""
    first, second = SPLIT_IDS
    for engine in ("python", "duckdb"):
        result = _split_case(tmp_path / engine, names, "{at_most: 1}", engine=engine)
        assert (result.verdict, result.matched, result.uncertain) == ("insufficient_evidence", 1, 1), result.why
        assert _people(result) == {"matched": [first], "uncertain": [second], "dismissed": []}
        (doubt,) = result.uncertain_people[0].uncertain_because
        assert doubt.startswith(f"may be the same person as {names[0]} ({first}), also found")
        assert (
            f"OpenAlex may hold one person as two author records ({second} and {first}), which give no two ORCID "
            "iDs nor share a merged id to tell, and a name is no identity; uncertain, so that one person is not counted twice"
        ) in doubt
        assert (
            f"Of the people counted, {names[1]} ({second}) and {names[0]} ({first}) may be one person: two OpenAlex "
            "author records bearing one name, with no two ORCID iDs to tell them apart (OpenAlex splits some people "
            "between two records), so one person may be counted twice."
        ) in result.why
        at_least_two = _split_case(tmp_path / f"{engine}-2", names, "{at_least: 2}", engine=engine)
        assert (at_least_two.verdict, at_least_two.matched, at_least_two.uncertain) == ("insufficient_evidence", 1, 1)
        # At least one of them moved, whoever they are: a claim of no recruits is still contradicted.
        assert _split_case(tmp_path / f"{engine}-0", names, "none", engine=engine).verdict == "contradicted"
    # One folder, both engines: the same result, field for field.
    results = [
        _split_case(tmp_path / "same", names, "{at_most: 1}", engine=e).model_dump(mode="json")
        for e in ("python", "duckdb")
    ]
    assert results[0] == results[1]


def test_two_openalex_records_giving_two_orcid_ids_are_two_people(tmp_path: Path) -> None:
    """Two ORCID iDs are two people: both counted, the claim contradicted. One iD (the other
    record gives none, as a record split off often does) tells nothing: still a doubt. Another
    name is no doubt either."""
    names = ("Xiaoming Wang", "Xiaoming Wang")
    two = _split_case(tmp_path / "a", names, "{at_most: 1}", (LI_WEI_ORCID, "0000-0001-6187-6610"))
    assert (two.verdict, two.matched, two.uncertain) == ("contradicted", 2, 0)
    for i, orcids in enumerate([(LI_WEI_ORCID, None), (None, LI_WEI_ORCID)]):
        one = _split_case(tmp_path / f"b{i}", names, "{at_most: 1}", orcids)
        assert (one.verdict, one.matched, one.uncertain) == ("insufficient_evidence", 1, 1)
    other = _split_case(tmp_path / "c", ("Xiaoming Wang", "Xiaoping Wang"), "{at_most: 1}")
    assert (other.verdict, other.matched, other.uncertain) == ("contradicted", 2, 0)


def _hub_case(tmp: Path, engine: str, expects: str = "{at_most: 1}", *, lab_only: bool = False) -> ClaimResult:
    """Three OpenAlex records of Li Wei, each at the listed HIT in 2019-2020 then at the lab in
    2023 (at the lab alone: `lab_only`): A5000000001 gives no ORCID iD (a record OpenAlex may have
    gathered several people under, named in many ways), A5023888391 and A5100000001 their own."""
    places = [(LAB, [2023])] if lab_only else [(LAB, [2023]), (HIT, [2019, 2020])]
    records = [
        shaped_author_record("A5000000001", "Li Wei", places, alternatives=["Li Wei", "Wei Li", "L. Wei", "Wang Fang"]),
        shaped_author_record("A5023888391", "Li Wei", places, orcid=LI_WEI_ORCID),
        shaped_author_record("A5100000001", "Li Wei", places, orcid="0000-0001-6187-6610"),
    ]
    root = project(tmp)
    claims = claim_file(root / "claims/people.yaml", RECRUITS.replace("expects: none", f"expects: {expects}"))
    evidence = open_evidence_paths([str(write_jsonl(root / "records.jsonl", records))])
    (result,) = evaluate(load_claims([str(claims)], root=root), evidence, engine=engine, cache=tmp / "cache").results
    return result


def test_a_record_giving_no_orcid_id_leaves_two_that_give_two_certain(tmp_path: Path) -> None:
    """Left by the twenty-sixth part, settled in its twenty-seventh: of three records of Li Wei,
    the first by id giving no ORCID iD (a "hub" record OpenAlex may hold several people under)
    was counted and the two giving two ORCID iDs, two people whoever the first is, were each held
    uncertain as it: 1 matched, 2 uncertain, and a claim allowing one recruit not contradicted.
    Those giving an ORCID iD are counted first: two certain, the record with none the doubt,
    saying which it may be; both engines alike."""
    for engine in ("python", "duckdb"):
        result = _hub_case(tmp_path / engine, engine)
        assert (result.verdict, result.matched, result.uncertain) == ("contradicted", 2, 1), result.why
        assert _people(result) == {
            "matched": ["A5023888391", "A5100000001"],
            "uncertain": ["A5000000001"],
            "dismissed": [],
        }
        (doubt,) = result.uncertain_people[0].uncertain_because
        assert doubt.startswith("may be the same person as Li Wei (A5023888391), also found")
        assert "uncertain, so that one person is not counted twice" in doubt
        three = _hub_case(tmp_path / f"{engine}-3", engine, "{at_least: 3}")
        assert (three.verdict, three.matched, three.uncertain) == ("insufficient_evidence", 2, 1), three.why
        assert "Of the people counted, Li Wei (A5000000001) and Li Wei (A5023888391) may be one person" in three.why
    results = [_hub_case(tmp_path / "same", e).model_dump(mode="json") for e in ("python", "duckdb")]
    assert results[0] == results[1]
    # At the lab alone, the people considered say one of the three may be another, not two.
    idle = _hub_case(tmp_path / "idle", "python", "none", lab_only=True)
    assert (idle.matched, idle.uncertain, idle.people_considered) == (0, 0, 3)
    assert "(1 of them an OpenAlex author record bearing the name of another of them" in idle.why


def test_the_people_considered_say_which_openalex_records_may_be_one_person(tmp_path: Path) -> None:
    """Two OpenAlex records of Xiaoming Wang at the lab alone match nothing: "No one matches among
    the 2 people" said two people, where they may be one held as two records."""
    result = _split_case(tmp_path, ("Xiaoming Wang", "Xiaoming Wang"), "none", lab_only=True)
    assert (result.matched, result.uncertain, result.people_considered) == (0, 0, 2)
    assert (
        "the 2 people whose records place them at Example Lab in the period (1 of them an OpenAlex author record "
        "bearing the name of another of them with no two ORCID iDs to tell them apart, which may be the same person "
        "OpenAlex holds as two records)"
    ) in result.why


def test_the_diff_tells_apart_two_people_one_curated_id_names(tmp_path: Path) -> None:
    """Two files give two people the id li-wei: when one of them stops matching, the diff says so
    (it had kept one person per id, so the other hid the change)."""
    harbin, beijing = _curated("li-wei", name="Li Wei (Harbin)"), _curated("li-wei", name="Li Wei (Beijing)")
    before = _with_curated(tmp_path / "a", [ZHANG], "", harbin, beijing)
    only_at_the_lab = beijing.replace(
        "      - {name: Harbin Institute of Technology, openalex: I200, country: CN, years: [2019, 2020]}\n", ""
    )
    after = _with_curated(tmp_path / "b", [ZHANG], "", harbin, only_at_the_lab)
    assert [p.name for p in before.people if p.id == "li-wei"] == ["Li Wei (Harbin)", "Li Wei (Beijing)"]
    diff = diff_reports(report(before), report(after))
    changes = [(f.work, f.title, f.change) for c in diff.claims for f in c.findings]
    assert changes == [("li-wei", "Li Wei (Beijing)", "removed")]


def _people_run(tmp: Path, records: list[dict], reviews: str = "") -> ClaimResult:
    return _with_curated(tmp, records, reviews)


LI_WEI_WORKS = [
    work("W1", "A paper from Harbin", date="2020-05-01", authorships=[by("A5", "Li Wei", HIT)]),
    work("W2", "A paper from the lab", date="2023-05-01", authorships=[by("A5", "Li Wei", LAB)]),
]


def test_the_diff_follows_a_person_led_by_another_of_their_records(tmp_path: Path, capsys) -> None:
    """A second OpenAlex record of Li Wei (A3, her ORCID iD) joins her, and the reports lead her by
    the smaller id: the diff said one person removed and another set aside, "still in the
    evidence"; she is the same person, renamed, as a work led by another record is."""
    li_wei = author_record("A5", "Li Wei", (HIT, [2020]), (LAB, [2023, 2024]), orcid=LI_WEI_ORCID)
    second = author_record("A3", "Li Wei", (HIT, [2020]), orcid=LI_WEI_ORCID)
    review = _review("lab-no-recruits", f"https://orcid.org/{LI_WEI_ORCID}", "not_a_match", "A namesake.")
    before = _people_run(tmp_path / "a", [li_wei, *LI_WEI_WORKS], review)
    after = _people_run(tmp_path / "b", [li_wei, second, *LI_WEI_WORKS], review)
    assert [(p.id, p.other_openalex_ids) for p in after.dismissed_people] == [("A3", ("A5",))]
    diff = diff_reports(report(before), report(after))
    changes = [(f.work, f.old_work, f.change, f.kind) for c in diff.claims for f in c.findings]
    assert changes == [("A3", "A5", "renamed", "person")]
    assert render_diff(diff)[-1].plain.strip() == (
        "~ A3 (was A5) Li Wei (person) (the same person, shared OpenAlex author id or ORCID iD: now led by "
        "another of their records)"
    )


def test_the_diff_says_a_persons_leading_record_left_not_that_another_leads_them(tmp_path: Path) -> None:
    """The other way: the record that led Li Wei (A3) leaves, A5 stays. "Now led by another of
    their records" read as if A3 were still one of them (issue 18, twenty-second part)."""
    li_wei = author_record("A5", "Li Wei", (HIT, [2020]), (LAB, [2023, 2024]), orcid=LI_WEI_ORCID)
    second = author_record("A3", "Li Wei", (HIT, [2020]), orcid=LI_WEI_ORCID)
    review = _review("lab-no-recruits", f"https://orcid.org/{LI_WEI_ORCID}", "not_a_match", "A namesake.")
    before = _people_run(tmp_path / "a", [li_wei, second, *LI_WEI_WORKS], review)
    after = _people_run(tmp_path / "b", [li_wei, *LI_WEI_WORKS], review)
    diff = diff_reports(report(before), report(after))
    assert [(f.work, f.old_work, f.change) for c in diff.claims for f in c.findings] == [("A5", "A3", "renamed")]
    assert render_diff(diff)[-1].plain.strip() == (
        "~ A5 (was A3) Li Wei (person) (the same person, shared OpenAlex author id or ORCID iD: A3, the author "
        "record that led them, is no longer among their records)"
    )


def test_the_diff_says_two_people_read_apart_are_now_one(tmp_path: Path) -> None:
    """Two records read apart as two people (A5 with an ORCID iD, A3 without) are one once A3 gives
    the same iD: A5 did not leave the evidence, and A3 was not added. (A3, giving no iD, was the
    one held uncertain as A5, who gives one: now one person with A5, it is matched.)"""
    li_wei = author_record("A5", "Li Wei", (HIT, [2020]), (LAB, [2023, 2024]), orcid=LI_WEI_ORCID)
    other = author_record("A3", "Wei Li", (HIT, [2020]), (LAB, [2023]))
    works = [*LI_WEI_WORKS, work("W3", "A paper", date="2023-06-01", authorships=[by("A3", "Wei Li", LAB)])]
    before = _people_run(tmp_path / "a", [li_wei, other, *works])
    after = _people_run(tmp_path / "b", [li_wei, dict(other, orcid=f"https://orcid.org/{LI_WEI_ORCID}"), *works])
    assert {p.id for p in (*before.people, *before.uncertain_people)} == {"A3", "A5"}
    assert [p.id for p in (*after.people, *after.uncertain_people)] == ["A3"]
    diff = diff_reports(report(before), report(after))
    changes = [(f.work, f.old_work, f.change) for c in diff.claims for f in c.findings]
    assert changes == [("A3", None, "now_matched"), ("A3", "A5", "joined")]
    assert "(now one person with this one, sharing an OpenAlex author id or ORCID iD: still in the evidence" in (
        render_diff(diff)[-1].plain
    )


def test_the_diff_says_a_person_set_aside_now_placed_at_another_listed_institution(tmp_path: Path) -> None:
    """Li Wei was set aside (her Harbin year a namesake's); her record now places her at Beihang
    too. The review still sets her aside, and the diff says what it now stands over."""
    beihang = institution("I300", "Beihang University", ror="00wk2mp56")
    review = _review("lab-no-recruits", "A5", "not_a_match", "A namesake at Harbin.")
    li_wei = author_record("A5", "Li Wei", (HIT, [2020]), (LAB, [2023, 2024]), orcid=LI_WEI_ORCID)
    before = _people_run(tmp_path / "a", [li_wei, *LI_WEI_WORKS], review)
    now = author_record("A5", "Li Wei", (HIT, [2020]), (beihang, [2021]), (LAB, [2023, 2024]), orcid=LI_WEI_ORCID)
    works = [*LI_WEI_WORKS, work("W4", "A Beihang paper", date="2021-05-01", authorships=[by("A5", "Li Wei", beihang)])]
    after = _people_run(tmp_path / "b", [now, *works], review)
    assert [p.id for p in after.dismissed_people] == ["A5"]
    diff = diff_reports(report(before), report(after))
    changes = [(f.work, f.change, f.new_grounds) for c in diff.claims for f in c.findings]
    assert changes == [("A5", "changed_under_review", ("Beihang University (I300; Military universities)",))]


def test_people_sharing_only_a_curated_id_are_never_followed_by_it(tmp_path: Path) -> None:
    """A curated id is no identity across runs (two files may give two people one): a person gone
    and one come who share only that are removed and added."""
    before = _with_curated(tmp_path / "a", [], "", _curated("li-wei", name="Li Wei"))
    after = _with_curated(tmp_path / "b", [], "", _curated("li-wei-2", name="Li Wei"))
    diff = diff_reports(report(before), report(after))
    assert sorted((f.work, f.change) for c in diff.claims for f in c.findings) == [
        ("li-wei", "removed"),
        ("li-wei-2", "added"),
    ]


# --- the three decisions ----------------------------------------------------------------------


def test_setting_aside_the_one_match_leaves_the_verdict_to_what_is_left(tmp_path: Path) -> None:
    result = _result(project(tmp_path), _review("lab-no-recruits", "A1", "not_a_match", "A namesake."))
    # Zhang San is still uncertain: the claim (expects none) cannot be cleared, nor contradicted.
    assert (result.verdict, result.matched, result.uncertain) == ("insufficient_evidence", 0, 1)
    assert (
        "Reviews: 1 person set aside on review as not a match (Li Wei (A1), by analyst on 2025-01-02: A namesake.)"
        in (result.why)
    )


def test_confirming_an_uncertain_person_counts_them_with_their_doubts_resolved(tmp_path: Path) -> None:
    result = _result(project(tmp_path), _review("lab-no-recruits", "A2", "confirmed", "The CV gives the move."))
    assert _people(result) == {"matched": ["A2", "A1"], "uncertain": [], "dismissed": []}  # by year
    (zhang,) = [p for p in result.people if p.id == "A2"]
    assert zhang.status == "matched" and zhang.uncertain_because  # kept, shown as resolved on review
    assert result.verdict == "contradicted"
    # The verdict turns on the review: its reason says whose, by whom and why, as ClaimReview shows it.
    assert (
        "Reviews: 1 person confirmed on review (Zhang San (A2), by analyst on 2025-01-02: The CV gives the move.)."
        in result.why
    )


def test_a_reviewers_name_in_the_reason_is_one_short_line(tmp_path: Path) -> None:
    long_by = '"Eve ' + "x" * 500 + '\\nMallory"'  # YAML: a newline inside the name
    item = _review("lab-no-recruits", "A2", "confirmed", "The CV gives the move.").replace(
        "by: analyst", f"by: {long_by}"
    )
    result = _result(project(tmp_path), item)
    cited = result.why.split("Reviews: ", 1)[1]
    assert "\n" not in result.why and cited.startswith("1 person confirmed on review (Zhang San (A2), by Eve xxx")
    assert len(cited) < 400 and "\u2026 on 2025-01-02: The CV gives the move." in cited


def test_disputing_a_match_makes_it_uncertain_with_the_dispute_as_its_doubt(tmp_path: Path) -> None:
    result = _result(project(tmp_path), _review("lab-no-recruits", "A1", "disputed", "Two people share this record."))
    assert _people(result) == {"matched": [], "uncertain": ["A2", "A1"], "dismissed": []}  # by year
    (li,) = [p for p in result.uncertain_people if p.id == "A1"]
    assert li.uncertain_because[-1] == "disputed on review by analyst (2025-01-02): Two people share this record."
    assert result.verdict == "insufficient_evidence"
    assert "disputed on review, counted as uncertain (Li Wei (A1), by analyst on 2025-01-02: Two people" in result.why


# --- reviews that cannot apply ----------------------------------------------------------------


def test_a_review_of_someone_not_found_is_listed_as_not_applied(tmp_path: Path) -> None:
    result = _result(project(tmp_path), _review("lab-no-recruits", "A999", "not_a_match"))
    assert _people(result)["matched"] == ["A1"]
    (lapsed,) = result.lapsed_reviews
    assert lapsed.reason == "not_found"
    assert "A999 any more: the person no longer matches, or their records are no longer in the evidence" in lapsed.why


def test_a_lapsed_person_review_is_called_a_persons_in_the_report(tmp_path: Path, monkeypatch) -> None:
    root = project(tmp_path)
    claims, records, _ = _case(root, _review("lab-no-recruits", "A999", "not_a_match"))
    monkeypatch.chdir(root)
    assert main(["check", str(claims), "--evidence", str(records), "--md", "r.md"]) == 0
    (line,) = [x for x in (root / "r.md").read_text(encoding="utf-8").splitlines() if "`A999`" in x]
    assert line.startswith("- *its person is no longer a finding*: Not a match of `A999`")


def test_a_decision_on_an_unknown_claim_names_the_claim_first(tmp_path: Path, monkeypatch, capsys) -> None:
    root = project(tmp_path)
    claims, _ = people_case(root)
    monkeypatch.chdir(root)
    argv = ["review", "lab-no-recruit", "A1", "--claims", str(claims), "--decision", "confirmed", "--note", "n"]
    assert main(argv) == 2
    assert "no claim 'lab-no-recruit' in the case (known: lab-no-recruits)" in capsys.readouterr().err


def test_two_reviews_of_one_person_by_two_ids_apply_once(tmp_path: Path) -> None:
    result = _result(
        project(tmp_path),
        _review("lab-no-recruits", "A1", "not_a_match"),
        _review("lab-no-recruits", LI_WEI_ORCID, "confirmed"),
    )
    assert _people(result)["dismissed"] == ["A1"]
    (lapsed,) = result.lapsed_reviews
    assert lapsed.reason == "overlaps" and lapsed.why == "the review at line 2 already applies to this person"


def test_a_work_review_on_a_claim_about_people_is_not_applied(tmp_path: Path) -> None:
    root = project(tmp_path)
    claims, records, path = _case(root)
    path.write_text(
        "reviews:\n  - claim: lab-no-recruits\n    work: W1\n    decision: not_a_match\n    by: a\n"
        "    date: 2025-01-02\n    note: n\n",
        encoding="utf-8",
    )
    results = evaluate(
        load_claims([str(claims)], root=root), open_evidence_paths([str(records)]), reviews=load_reviews(path)
    )
    (lapsed,) = results.results[0].lapsed_reviews
    assert "is about people, and the review names a work" in lapsed.why
    assert [p.id for p in results.results[0].people] == ["A1"]


def test_validate_names_a_review_of_the_wrong_kind_with_its_line(tmp_path: Path, capsys) -> None:
    root = project(tmp_path)
    claims, _, path = _case(root, _review("lab-no-recruits", "A1", "confirmed"))
    path.write_text(path.read_text(encoding="utf-8").replace("person: 'A1'", "work: W1"), encoding="utf-8")
    assert main(["validate", str(claims), str(path), "--root", str(root)]) == 2
    assert capsys.readouterr().err.strip() == (
        f"{path}:2:1: a review naming a work for claim 'lab-no-recruits', which is about people: give person: instead"
    )


def test_an_expired_person_review_lapses(tmp_path: Path) -> None:
    result = _result(project(tmp_path), _review("lab-no-recruits", "A1", "not_a_match", expires="2025-02-01"))
    # The author records give no retrieval day: whether the review has expired cannot be told.
    assert _people(result)["matched"] == ["A1"]
    assert [x.reason for x in result.lapsed_reviews] == ["expiry_unknown"]


@pytest.mark.parametrize(
    ("item", "message"),
    [
        (
            "  - claim: c\n    work: W1\n    person: A1\n    decision: confirmed\n    by: a\n    date: 2025-01-02\n    note: n\n",
            "reviews.yaml:2:5: reviews[0]: a review names one finding: give work (or, for a claim about people, person), "
            "and not both",
        ),
        (
            "  - claim: c\n    decision: confirmed\n    by: a\n    date: 2025-01-02\n    note: n\n",
            "reviews.yaml:2:5: reviews[0]: a review names one finding: give work (or, for a claim about people, person), "
            "and not both",
        ),
        (
            "  - claim: c\n    person: 0000-0002-1825-0098\n    decision: confirmed\n    by: a\n    date: 2025-01-02\n"
            "    note: n\n",
            "reviews.yaml:3:13: '0000-0002-1825-0098' names no person: 0000-0002-1825-0098 is written as an ORCID iD, "
            "but its last character is not the check digit of the others (ISO 7064 11-2), so some digit is mistyped; "
            "copy the iD from the person's ORCID record",
        ),
        (
            "  - claim: c\n    person: 0000 0004 1936 754X\n    decision: confirmed\n    by: a\n    date: 2025-01-02\n"
            "    note: n\n",
            "reviews.yaml:3:13: '0000 0004 1936 754X' names no person: 0000-0004-1936-754X is an ISNI from outside the "
            "blocks ORCID gives its iDs from (0000-0001-5000-0007 to 0000-0003-5000-0001, 0009-0000-0000-0000 to "
            "0009-0010-0000-0000), an organisation's or one a library gave, not an ORCID iD; give the person's ORCID iD "
            "(0000-0002-1825-0097) or OpenAlex author id (A…)",
        ),
        (
            "  - claim: c\n    person: Li Wei\n    decision: confirmed\n    by: a\n    date: 2025-01-02\n    note: n\n",
            "reviews.yaml:3:13: 'Li Wei' names no person: give an OpenAlex author id (A…), an ORCID iD "
            "(0000-0002-1825-0097) or a curated person's id (curated:ID where it could be read as another)",
        ),
    ],
)
def test_a_review_naming_neither_both_or_no_person_is_one_line_with_its_place(
    tmp_path: Path, item: str, message: str
) -> None:
    path = tmp_path / "reviews.yaml"
    path.write_text("reviews:\n" + item, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_reviews(path)
    assert [str(p).replace(str(tmp_path) + "/", "") for p in raised.value.problems] == [message]


def test_a_second_review_of_a_person_is_refused_but_a_work_of_the_same_id_is_not_that_person(tmp_path: Path) -> None:
    path = tmp_path / "reviews.yaml"
    common = {
        "claim": "c",
        "decision": "not_a_match",
        "note": "n",
        "by": "a",
        "date": dt.date(2025, 1, 2),
    }
    record_review(path, person=LI_WEI_ORCID, **common)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="is already reviewed for claim 'c'"):
        record_review(path, person=f"https://orcid.org/{LI_WEI_ORCID}", **common)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="names no person"):
        record_review(path, person="W123", **common)  # type: ignore[arg-type]
    assert [e.review.person for e in load_reviews(path).entries] == [LI_WEI_ORCID]


# --- the analyst's commands and every report -------------------------------------------------


def test_review_lists_people_and_records_a_decision_that_every_report_shows(tmp_path, monkeypatch, capsys) -> None:
    root = project(tmp_path)
    claims, records = people_case(root)
    monkeypatch.chdir(root)
    assert main(["review", "--claims", str(claims), "--evidence", str(records)]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed[:2] == [
        "lab-no-recruits  A1  matched  2023  Li Wei",
        "lab-no-recruits  A2  uncertain  2022  Zhang San",
    ]
    note = "A namesake: the <b>Harbin</b> paper is another Li Wei's."
    argv = ["review", "lab-no-recruits", "A1", "--claims", str(claims), "--decision", "not_a_match", "--note", note]
    assert main([*argv, "--by", "analyst", "--date", "2025-01-02"]) == 0
    assert capsys.readouterr().out.strip() == "recorded not_a_match for A1 on claim lab-no-recruits at reviews.yaml:4"
    assert "    person: A1\n" in (root / "reviews.yaml").read_text(encoding="utf-8")

    out = check_into_every_report(root, claims, records)
    printed = capsys.readouterr().out
    assert re.search(r"lab-no-recruits\s*│\s*Insufficient evidence\s*│\s*0\s*│\s*1\s*│\s*2 people\s*│\s*1", printed)
    assert "set aside: A1 (analyst, 2025-01-02): A namesake" in printed
    (result,) = [r for r in json.loads(out["json"].read_text())["results"] if r["claim"] == "lab-no-recruits"]
    assert [p["id"] for p in result["dismissed_people"]] == ["A1"]
    assert (
        result["dismissed_people"][0]["review"]["person"] == "A1"
        and "work" not in result["dismissed_people"][0]["review"]
    )
    md = out["md"].read_text()
    assert "#### Set aside on review: 1 person judged not a match" in md
    assert "**Not a match** by analyst, 2025-01-02: “A namesake: the \\<b\\>Harbin\\</b\\> paper" in md
    html = out["html"].read_text()
    assert "Set aside on review: 1 person judged not a match" in html and "<b>Harbin" not in html
    rows = list(csv.DictReader(io.StringIO(out["csv"].read_text(encoding="utf-8-sig"), newline="")))
    assert [(r["person_id"], r["status"], r["review_decision"]) for r in rows] == [
        ("A2", "uncertain", ""),
        ("A1", "dismissed", "not_a_match"),
    ]

    assert main(["review", "--claims", str(claims), "--evidence", str(records)]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("1 finding to review, 1 reviewed")


def test_the_diff_says_a_person_was_set_aside(tmp_path: Path) -> None:
    before = _result(project(tmp_path / "a"))
    after = _result(project(tmp_path / "b"), _review("lab-no-recruits", "A1", "not_a_match"))
    diff = diff_reports(report(before), report(after))
    assert [(f.work, f.kind, f.change) for c in diff.claims for f in c.findings] == [("A1", "person", "set_aside")]
    assert "      ~ A1 Li Wei (person) (set aside on review as not a match; still in the evidence)" in [
        line.plain for line in render_diff(diff)
    ]


def _scenario(root: Path, *reviews: str) -> Case:
    """A Gherkin scenario's case: the people case, with these reviews, its claim evaluated."""
    claims, records, path = _case(root, *reviews)
    case = Case(root=root, store=SessionStore())
    case.add_claims(str(claims))
    case.add_evidence(records)
    if reviews:
        case.add_reviews(str(path))
    case.evaluate("lab-no-recruits")
    return case


def test_the_gherkin_step_names_a_person_set_aside(tmp_path: Path) -> None:
    case = _scenario(project(tmp_path), _review("lab-no-recruits", LI_WEI_ORCID, "not_a_match"))
    for written in ("Li Wei", "A1", LI_WEI_ORCID):
        then_person_set_aside(case, written)
    with pytest.raises(ExpectationNotMet, match="Expected Zhang San to be set aside on review"):
        then_person_set_aside(case, "Zhang San")


def test_the_gherkin_steps_name_a_reviewed_person_and_a_lapsed_review(tmp_path: Path) -> None:
    case = _scenario(
        project(tmp_path),
        _review("lab-no-recruits", f"https://orcid.org/{LI_WEI_ORCID}", "confirmed"),
        _review("lab-no-recruits", "A2", "disputed"),
        _review("lab-no-recruits", "A9", "not_a_match"),
    )
    for written in ("Li Wei", "a1", LI_WEI_ORCID):
        then_person_reviewed_as(case, written, "confirmed")
    then_person_reviewed_as(case, "Zhang San", "disputed")
    with pytest.raises(ExpectationNotMet, match=r'Expected a review "disputed" on Li Wei') as raised:
        then_person_reviewed_as(case, "Li Wei", "disputed")
    assert "  A1 (Li Wei): confirmed" in str(raised.value) and "  A9: not applied" in str(raised.value)
    for written in ("A9", "https://openalex.org/a9"):
        then_person_review_lapsed(case, written)
    with pytest.raises(ExpectationNotMet, match="Expected the review of A1 for lab-no-recruits not to be applied"):
        then_person_review_lapsed(case, "A1")
    with pytest.raises(ExpectationNotMet, match="Expected the review of Zhang San for lab-no-recruits"):
        then_person_review_lapsed(case, "Zhang San")  # a finding, named by name: reviewed, applied
    with pytest.raises(ScenarioProblem, match='"Nobody Here" names no person: write an OpenAlex author id'):
        then_person_review_lapsed(case, "Nobody Here")
    # Every form a review may take names the person in the steps too (found by the third review)
    for written in ("openalex.org/A1", "https://openalex.org/A1/", f"orcid.org/{LI_WEI_ORCID}/"):
        then_person_reviewed_as(case, written, "confirmed")


def test_a_lapsed_review_is_found_by_any_id_of_its_person_and_a_works_on_a_claim_about_people(tmp_path: Path) -> None:
    expired = _review("lab-no-recruits", LI_WEI_ORCID, "not_a_match", expires="2024-12-15")
    expired = expired.replace("date: 2025-01-02", "date: 2024-12-01")  # the evidence is of 2025-01-01
    of_a_work = _review("lab-no-recruits", "W1", "not_a_match").replace("person:", "work:")
    case = _scenario(project(tmp_path), expired, of_a_work)
    for written in ("A1", "Li Wei", f"https://orcid.org/{LI_WEI_ORCID}"):
        then_person_review_lapsed(case, written)  # reviewed by ORCID, named by author id or name
    then_review_lapsed(case, "W1")  # a work's review on a claim about people never applies
    with pytest.raises(ScenarioProblem, match='"not a work" names no work'):
        then_review_lapsed(case, "not a work")


def test_a_curated_person_is_named_in_the_steps_as_the_listing_names_them(tmp_path: Path) -> None:
    root = project(tmp_path)
    claims = claim_file(root / "claims/people.yaml", RECRUITS)
    curated = write(root / "curated.yaml", _curated("a2"))
    reviews = write(root / "reviews.yaml", "reviews:\n" + _review("lab-no-recruits", "curated:a2", "confirmed"))
    case = Case(root=root, store=SessionStore())
    case.add_claims(str(claims))
    case.add_evidence(curated)
    case.add_reviews(str(reviews))
    case.evaluate("lab-no-recruits")
    for written in ("curated:a2", "a2", "Chen Wei"):
        then_person_reviewed_as(case, written, "confirmed")
    with pytest.raises(ScenarioProblem, match='"maybe" is not a decision'):
        then_person_reviewed_as(case, "A1", "maybe")


@pytest.mark.parametrize(
    ("step", "instead"),
    [
        (lambda c: then_set_aside(c, "A1"), 'the person "A1" is set aside on review'),
        (lambda c: then_reviewed_as(c, "A1", "confirmed"), 'the person "A1" is reviewed as "confirmed"'),
    ],
)
def test_a_work_review_step_on_a_claim_about_people_says_which_step_to_write(tmp_path: Path, step, instead) -> None:
    case = _scenario(project(tmp_path))
    with pytest.raises(ScenarioProblem) as raised:
        step(case)
    assert str(raised.value) == f'the claim "lab-no-recruits" is about people: write "{instead}"'


def test_the_gherkin_step_refuses_a_claim_about_works(tmp_path: Path) -> None:
    case = Case(root=Path(__file__).resolve().parents[1], store=SessionStore())
    case.add_claims("claims/microsoft-msra-2024.yaml")
    case.add_evidence(case.existing("evidence/curated/msra-2024.yaml", "evidence"))
    case.evaluate("msra-no-synthetic-media")
    with pytest.raises(ScenarioProblem, match=r'is about works: write "the work \"A1\" is set aside on review"'):
        then_person_set_aside(case, "A1")
    with pytest.raises(ScenarioProblem, match=r'is about works: write "the work \"A1\" is reviewed as \"disputed\""'):
        then_person_reviewed_as(case, "A1", "disputed")
    with pytest.raises(ExpectationNotMet, match="Expected the review of A1 for msra-no-synthetic-media not to be"):
        then_person_review_lapsed(case, "A1")  # a person's review on a claim about works would be: none is


# --- a property: reviews move persons, never lose or copy one ---------------------------------

DECISION = st.sampled_from([None, "not_a_match", "confirmed", "disputed"])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(li=DECISION, zhang=DECISION, li_by_orcid=st.booleans())
def test_every_person_is_in_exactly_one_place_with_the_review_that_moved_them(
    li: str | None, zhang: str | None, li_by_orcid: bool
) -> None:
    reviews = []
    if li:
        reviews.append(_review("lab-no-recruits", LI_WEI_ORCID if li_by_orcid else "A1", li))
    if zhang:
        reviews.append(_review("lab-no-recruits", "A2", zhang))
    with tempfile.TemporaryDirectory() as tmp:
        result = _result(project(Path(tmp)), *reviews)
    placed = _people(result)
    assert sorted(p for ids in placed.values() for p in ids) == ["A1", "A2"]
    expected = {"A1": (li, "matched"), "A2": (zhang, "uncertain")}
    for pid, (decision, before) in expected.items():
        where = {"not_a_match": "dismissed", "confirmed": "matched", "disputed": "uncertain", None: before}[decision]
        assert pid in placed[where]
        person = next(p for p in (*result.people, *result.uncertain_people, *result.dismissed_people) if p.id == pid)
        assert (person.review.decision if person.review else None) == decision
    assert result.matched == len(result.people) and result.uncertain == len(result.uncertain_people)
    assert not result.lapsed_reviews


@pytest.mark.parametrize("same_name", [True, False])
def test_pairing_many_openalex_records_weighs_each_against_its_namesakes_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, same_name: bool
) -> None:
    """Review of the twenty-sixth part's fourth hunt: every OpenAlex record found was weighed
    against every other for a name they may share, two by two, so 2,000 records of a lab (Li Wei
    each, or each of a name of their own) took 11 s where they had taken 1 s, growing as the square.
    Each is now weighed only against the records that share a form of its name, the first of them
    that settles it: the names compared grow as the records do, the verdict the same."""
    calls = 0
    may_be = findings_module._Named.may_be

    def counted(self: object, other: object) -> bool:
        nonlocal calls
        calls += 1
        return may_be(self, other)  # type: ignore[arg-type]

    monkeypatch.setattr(findings_module._Named, "may_be", counted)
    n = 300
    names = ["Li Wei" if same_name else f"Wei {chr(65 + i // 26)}{chr(97 + i % 26)}li" for i in range(n)]
    records = [
        shaped_author_record(f"A{5000000000 + i}", name, [(LAB, [2023]), (HIT, [2019, 2020])])
        for i, name in enumerate(names)
    ]
    root = project(tmp_path)
    claims = claim_file(root / "claims/people.yaml", RECRUITS.replace("expects: none", "expects: {at_most: 1}"))
    evidence = open_evidence_paths([str(write_jsonl(root / "records.jsonl", records))])
    (result,) = evaluate(load_claims([str(claims)], root=root), evidence, engine="python").results
    assert (result.matched, result.uncertain) == ((1, n - 1) if same_name else (n, 0))
    assert calls <= 4 * n, calls  # two by two would be n * (n - 1) for the findings alone


@pytest.mark.parametrize("decision", ["not_a_match", "disputed"])
def test_a_record_is_not_held_uncertain_beside_one_a_reviewer_set_aside(tmp_path: Path, decision: str) -> None:
    """Review of the twenty-sixth part's fourth hunt: of two OpenAlex records of Xiaoming Wang,
    each showing the move, the later was uncertain as one that may be the first, counted already;
    a reviewer then setting the first aside (or disputing it) left no one counted, so "recruited no
    one" went from contradicted to insufficient evidence, the later record's own move hidden
    "so that one person is not counted twice" beside a person counted nowhere. Pairing weighs the
    first as the review leaves it: the later is counted, on both engines."""
    first, second = SPLIT_IDS
    for engine in ("python", "duckdb"):
        root = project(tmp_path / engine)
        records = [
            shaped_author_record(aid, "Xiaoming Wang", [(LAB, [2023]), (HIT, [2019, 2020])]) for aid in SPLIT_IDS
        ]
        claims = claim_file(root / "claims/people.yaml", RECRUITS)
        path = write(
            root / "reviews.yaml", "reviews:\n" + _review("lab-no-recruits", first, decision, "another person")
        )
        (result,) = evaluate(
            load_claims([str(claims)], root=root),
            open_evidence_paths([str(write_jsonl(root / "records.jsonl", records))]),
            engine=engine,
            cache=tmp_path / f"{engine}-cache",
            reviews=load_reviews(path),
        ).results
        assert (result.verdict, [p.id for p in result.people]) == ("contradicted", [second]), result.why
        assert not any("counted twice" in d for p in result.people for d in p.uncertain_because)


def _confirmed_hub_case(tmp: Path, engine: str, *reviews: str) -> ClaimResult:
    """Two OpenAlex records of Li Wei, each at the listed HIT in 2019-2020 then at the lab in 2023:
    A5000000001 giving no ORCID iD (held uncertain as one that may be the other), A5023888391 the
    real record's, giving one; a claim allowing one recruit; the reviews given."""
    places = [(LAB, [2023]), (HIT, [2019, 2020])]
    records = [
        shaped_author_record("A5000000001", "Li Wei", places, alternatives=["Wei Li"]),
        shaped_author_record("A5023888391", "Li Wei", places, orcid=LI_WEI_ORCID),
    ]
    return _recruits_allowed(tmp, engine, 1, records, reviews)


def _recruits_allowed(
    tmp: Path, engine: str, at_most: int, records: list[dict[str, Any]], reviews: tuple[str, ...]
) -> ClaimResult:
    """The result of the recruits claim allowing `at_most` of them over the author `records`, with
    the `reviews` given."""
    root = project(tmp)
    claims = claim_file(
        root / "claims/people.yaml", RECRUITS.replace("expects: none", f"expects: {{at_most: {at_most}}}")
    )
    path = write(root / "reviews.yaml", "reviews:\n" + "".join(reviews))
    (result,) = evaluate(
        load_claims([str(claims)], root=root),
        open_evidence_paths([str(write_jsonl(root / "records.jsonl", records))]),
        engine=engine,
        cache=tmp / "cache",
        reviews=load_reviews(path),
    ).results
    return result


def test_a_person_confirmed_who_may_be_one_counted_already_is_not_counted_twice(tmp_path: Path) -> None:
    """Left by the twenty-seventh part: a reviewer confirming A5000000001, the record giving no
    ORCID iD held uncertain as one that may be Li Wei (A5023888391), counted, made two recruits,
    and a claim allowing one `contradicted`. A review names one person and says they joined (the
    docs: "counts as a match, even where the evaluation had doubts"), not that they are someone
    other than the one counted: it stays uncertain, its review beside it, `insufficient_evidence`
    on both engines, every report showing the doubt standing, not resolved."""
    confirm = _review("lab-no-recruits", "A5000000001", "confirmed", "The CV gives the move.")
    for engine in ("python", "duckdb"):
        result = _confirmed_hub_case(tmp_path / engine, engine, confirm)
        assert (result.verdict, result.matched, result.uncertain) == ("insufficient_evidence", 1, 1), result.why
        assert _people(result) == {"matched": ["A5023888391"], "uncertain": ["A5000000001"], "dismissed": []}
        (held,) = result.uncertain_people
        assert held.review is not None and held.review.decision == "confirmed"
        assert held.uncertain_because[-1] == (
            "confirmed on review by analyst (2025-01-02), which says this person joined, not that they are someone "
            "other than Li Wei (A5023888391), counted already: uncertain, so that one person is not counted twice"
        )
        assert (
            "Reviews: 1 person confirmed on review, counted as uncertain as one that may be a person counted already "
            "(Li Wei (A5000000001), by analyst on 2025-01-02: The CV gives the move.)."
        ) in result.why
        assert "Li Wei (A5000000001) and Li Wei (A5023888391) may be one person" in result.why
    # With the record counted set aside, the one confirmed is no one counted twice: a match.
    aside = _review("lab-no-recruits", "A5023888391", "not_a_match", "Another Li Wei.")
    alone = _confirmed_hub_case(tmp_path / "aside", "python", confirm, aside)
    assert (alone.matched, alone.uncertain, [p.id for p in alone.people]) == (1, 0, ["A5000000001"]), alone.why


def test_the_reports_show_the_doubts_of_a_person_confirmed_yet_uncertain_as_standing(tmp_path: Path) -> None:
    """The reports read a confirmed person's doubts as resolved only where they count as a match: one
    held uncertain as a person counted already shows them standing (CSV, HTML, Markdown alike)."""
    from claimwatch.reports.csvreport import doubt_lines
    from claimwatch.reports.view import resolved_doubts, shown_doubts

    confirm = _review("lab-no-recruits", "A5000000001", "confirmed", "The CV gives the move.")
    (held,) = _confirmed_hub_case(tmp_path / "held", "python", confirm).uncertain_people
    assert resolved_doubts(held) == () and shown_doubts(held) == held.uncertain_because
    assert doubt_lines(held) == "\n".join(held.uncertain_because)


def test_the_review_listing_says_a_person_confirmed_yet_uncertain(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found reviewing the twenty-eighth part: confirming A5000000001, held uncertain as one that
    may be Li Wei (A5023888391), counted, left it uncertain (`_confirmed_yet_maybe_one`), but
    `claimwatch review` listed it among no findings, only "1 reviewed", and its --help said a
    confirmed finding counts as a match: the reviewer was never told the confirmation did not
    count, nor what would settle it. The listing names it with the doubt and what to do."""
    confirm = _review("lab-no-recruits", "A5000000001", "confirmed", "The CV gives the move.")
    _confirmed_hub_case(tmp_path, "python", confirm)  # writes the case's files under tmp_path
    argv = ["review", "--root", str(tmp_path), "--claims", str(tmp_path / "claims/people.yaml")]
    assert (
        main([*argv, "--evidence", str(tmp_path / "records.jsonl"), "--reviews", str(tmp_path / "reviews.yaml")]) == 0
    )
    lines = capsys.readouterr().out.splitlines()
    (at,) = [i for i, line in enumerate(lines) if line.startswith("confirmed yet uncertain: ")]
    assert lines[at].split()[3:6] == ["lab-no-recruits", "A5000000001", "uncertain"], lines
    assert lines[at + 1] == (
        "    confirmed on review by analyst (2025-01-02), which says this person joined, not that they are someone "
        "other than Li Wei (A5023888391), counted already: uncertain, so that one person is not counted twice; if "
        "they are one person, set one of the two aside (--decision not_a_match), and the other counts; if two, give "
        f"the review ({tmp_path / 'reviews.yaml'}:2) distinct_from naming the other, and both count"
    )
    assert lines[-1].startswith("1 finding to review, 1 reviewed"), lines


def _two_li_weis_case(tmp: Path) -> tuple[Path, Path, Path]:
    """A case (its root, claims file and records file) of `_confirmed_hub_case`'s two records of
    Li Wei and a claim allowing one recruit, for the command line's tests."""
    root = project(tmp)
    claims = claim_file(root / "claims/people.yaml", RECRUITS.replace("expects: none", "expects: {at_most: 1}"))
    places = [(LAB, [2023]), (HIT, [2019, 2020])]
    records = write_jsonl(
        root / "records.jsonl",
        [
            shaped_author_record("A5000000001", "Li Wei", places, alternatives=["Wei Li"]),
            shaped_author_record("A5023888391", "Li Wei", places, orcid=LI_WEI_ORCID),
        ],
    )
    return root, claims, records


def test_the_review_listing_shows_whom_a_review_not_applied_says_its_person_is_not(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Left by the thirtieth part: the reports and `check`'s terminal showed a review's
    `distinct_from`, but `claimwatch review`'s "not applied" lines (a person no longer a finding, a
    claim the run does not hold) named only the person, so the reviewer listing them did not see
    whom the review had said that person is not. Each says it now in the terminal report's words,
    sanitised (a curated file's name is the reviewer's own), capped at 20 and a
    count of the rest. The reviews are in the shipped reviews.yaml's shape."""
    root, claims, records = _two_li_weis_case(tmp_path)
    reviews = write(
        root / "reviews.yaml",
        "reviews:\n"
        + _review("lab-no-recruits", "A5000000009", "confirmed", "Gone.", distinct_from=_quoted(_NOT_THEM[:2]))
        + _review("lab-no-recruitz", "A5000000001", "confirmed", "Two people.", distinct_from=_quoted(_NOT_THEM))
        + _review("lab-no-recruits", "A5000000008", "not_a_match", "Another."),
    )
    argv = ["review", "--root", str(root), "--claims", str(claims), "--evidence", str(records)]
    assert main([*argv, "--reviews", str(reviews)]) == 0
    lines = capsys.readouterr().out.splitlines()
    said = [line.removeprefix(f"not applied: {reviews}:") for line in lines if line.startswith("not applied: ")]
    shown = "A5023888391, curated:<b>x</b>*[y](https://e.example)\ufffd|.yaml#a2"
    assert said[0].startswith(f"2: lab-no-recruits A5000000009, not the same person as {shown}: "), said
    assert said[2] == (
        f"9: lab-no-recruitz A5000000001, not the same person as {shown}, "
        + ", ".join(f"A50000001{n:02d}" for n in range(18))
        + ", and 5 more people (the JSON report lists them all): no claim of that id among the claims given"
    ), said
    # A review saying no one names only its person, as before.
    assert said[1].startswith("16: lab-no-recruits A5000000008: no finding "), said
    assert len(said) == 3 and "\u202e" not in "".join(lines)


def test_a_review_saying_two_records_are_two_people_counts_both(tmp_path: Path, capsys) -> None:
    """Left by the twenty-eighth part: no review said two records are two people, so a reviewer who
    knew A5000000001 (no ORCID iD) and Li Wei (A5023888391, the real record's iD) for two people got
    `insufficient_evidence` on a claim allowing one recruit, whatever they recorded. A person
    confirmed with `distinct_from` naming the other (by OpenAlex id or ORCID iD) is counted too:
    two recruits, `contradicted`, on both engines; naming someone else leaves them held."""
    for named in ("A5023888391", f"https://orcid.org/{LI_WEI_ORCID}"):
        confirm = _review("lab-no-recruits", "A5000000001", "confirmed", "Two people.", distinct_from=f"['{named}']")
        for engine in ("python", "duckdb"):
            result = _confirmed_hub_case(tmp_path / engine / named[-4:], engine, confirm)
            assert (result.verdict, result.matched, result.uncertain) == ("contradicted", 2, 0), result.why
            assert sorted(_people(result)["matched"]) == ["A5000000001", "A5023888391"]
            (counted,) = [p for p in result.people if p.id == "A5000000001"]
            assert counted.review is not None and counted.review.distinct_from == (named,)
    other = _review("lab-no-recruits", "A5000000001", "confirmed", "Not A9.", distinct_from="[A9]")
    held = _confirmed_hub_case(tmp_path / "other", "python", other)
    assert (held.verdict, held.matched, held.uncertain) == ("insufficient_evidence", 1, 1), held.why
    # Recorded on the command line, it reads back as written.
    (tmp_path / "cli").mkdir()
    _confirmed_hub_case(tmp_path / "cli", "python")
    argv = ["review", "lab-no-recruits", "A5000000001", "--decision", "confirmed", "--note", "Two people."]
    argv += ["--root", str(tmp_path / "cli"), "--claims", str(tmp_path / "cli/claims/people.yaml")]
    assert main([*argv, "--distinct-from", "A5023888391", "--date", "2025-01-02", "--by", "analyst"]) == 0
    capsys.readouterr()
    (entry,) = load_reviews(tmp_path / "cli/reviews.yaml").entries
    assert entry.review.distinct_from == ("A5023888391",) and "A5023888391" in entry.distinct


@pytest.mark.parametrize(
    ("decision", "person", "distinct", "said"),
    [
        ("not_a_match", "A5000000001", "[A5023888391]", "belongs to a review of a person with the decision confirmed"),
        ("confirmed", "A5000000001", "[A5000000001]", "names the person reviewed"),
        ("confirmed", "A5000000001", "['0000-0002-1825-009x']", "names no person"),
    ],
)
def test_distinct_from_is_refused_where_it_says_nothing_sound(tmp_path: Path, decision, person, distinct, said):
    path = write(tmp_path / "reviews.yaml", "reviews:\n" + _review("c", person, decision, distinct_from=distinct))
    with pytest.raises(InputError) as raised:
        load_reviews(path)
    assert "distinct_from" in str(raised.value) and said in str(raised.value), raised.value
    # Recorded, it is refused alike, and nothing is written.
    with pytest.raises(InputError) as raised:
        record_review(
            tmp_path / "other.yaml",
            claim="c",
            person=person,
            decision=decision,
            note="n",
            by="analyst",
            date=dt.date(2025, 1, 2),
            distinct_from=[distinct.strip("[]'")],
        )
    assert "--distinct-from" in str(raised.value) and said in str(raised.value), raised.value
    assert not (tmp_path / "other.yaml").exists()


def _three_of_one_name_case(tmp: Path, engine: str, *reviews: str) -> ClaimResult:
    """`_confirmed_hub_case` with a third record: A5000000002, Li Wei at HIT in 2019-2020 then at the
    lab in 2023 as the other two are, and giving no ORCID iD either; a claim allowing two recruits."""
    places = [(LAB, [2023]), (HIT, [2019, 2020])]
    records = [
        shaped_author_record("A5000000001", "Li Wei", places, alternatives=["Wei Li"]),
        shaped_author_record("A5000000002", "Li Wei", places),
        shaped_author_record("A5023888391", "Li Wei", places, orcid=LI_WEI_ORCID),
    ]
    return _recruits_allowed(tmp, engine, 2, records, reviews)


def test_two_records_each_said_not_a_third_may_still_be_one_person(tmp_path: Path) -> None:
    """Found by the review of the twenty-ninth part: `distinct_from` was weighed against the one
    person a doubted record was paired with alone. Two OpenAlex records of Li Wei giving no ORCID
    iD (A5000000001, A5000000002, as OpenAlex splits one person's works), each confirmed and said
    not to be the real record A5023888391, which gives one, were all three counted: a claim
    allowing two recruits `contradicted`, though nothing said the two without an iD are two people.
    The second is held now, its doubt naming the first, `insufficient_evidence` on both engines;
    a review of either saying they are not the other counts all three."""
    not_the_orcid = "[A5023888391]"
    first = _review("lab-no-recruits", "A5000000001", "confirmed", "Not A5023888391.", distinct_from=not_the_orcid)
    second = _review("lab-no-recruits", "A5000000002", "confirmed", "Not A5023888391.", distinct_from=not_the_orcid)
    for engine in ("python", "duckdb"):
        result = _three_of_one_name_case(tmp_path / engine, engine, first, second)
        assert (result.verdict, result.matched, result.uncertain) == ("insufficient_evidence", 2, 1), result.why
        assert _people(result)["uncertain"] == ["A5000000002"]
        (held,) = result.uncertain_people
        assert held.uncertain_because[-1] == (
            "confirmed on review by analyst (2025-01-02), which says this person is not Li Wei (A5023888391), but "
            "not that they are someone other than Li Wei (A5000000001), counted already: uncertain, so that one "
            "person is not counted twice"
        )
        assert "Li Wei (A5000000002) and Li Wei (A5000000001) may be one person" in result.why, result.why
    # Said two by either review, all three count.
    both = _review(
        "lab-no-recruits", "A5000000002", "confirmed", "Three people.", distinct_from="[A5023888391, A5000000001]"
    )
    one_way = _review(
        "lab-no-recruits", "A5000000001", "confirmed", "Three people.", distinct_from="[A5023888391, A5000000002]"
    )
    for name, reviews in (("second", (first, both)), ("first", (one_way, second))):
        result = _three_of_one_name_case(tmp_path / name, "python", *reviews)
        assert (result.verdict, result.matched, result.uncertain) == ("contradicted", 3, 0), result.why


# Whom a review says its person is not: shown beside the review in every report (left by the twenty-ninth part).
_HOSTILE_FILE = "curated:<b>x</b>*[y](https://e.example)\u202e|.yaml#a2"
_NOT_THEM = ["A5023888391", _HOSTILE_FILE, *(f"A50000001{n:02d}" for n in range(23))]


def _quoted(items: list[str]) -> str:
    """A YAML flow list of `items`, each double-quoted, non-ASCII written as escapes."""
    return "[" + ", ".join(json.dumps(i) for i in items) + "]"


def test_every_report_shows_whom_a_review_says_a_person_is_not(tmp_path: Path, monkeypatch, capsys) -> None:
    """Left by the twenty-ninth part: only the JSON report gave a review's `distinct_from`, so a
    reader of the Markdown, HTML or CSV report saw A5000000001 counted beside Li Wei (A5023888391)
    with nothing saying why two records of one name are two people. Each report shows it now, beside
    the review (and beside a review not applied, on the terminal too), escaped as any untrusted text
    (a curated file's name is the reviewer's own), the first 20 and a count of the rest, the same
    bytes from two runs."""
    root, claims, records = _two_li_weis_case(tmp_path)
    reviews = write(
        root / "reviews.yaml",
        "reviews:\n"
        + _review("lab-no-recruits", "A5000000001", "confirmed", "Two people.", distinct_from=_quoted(_NOT_THEM))
        + _review("lab-no-recruits", "A5000000009", "confirmed", "Gone.", distinct_from=_quoted(_NOT_THEM[:2])),
    )
    monkeypatch.chdir(root)
    runs = []
    out = {fmt: root / f"out/r.{fmt}" for fmt in ("json", "md", "html", "csv")}
    for _ in ("first", "second"):
        argv = ["check", str(claims), "--evidence", str(records), "--reviews", str(reviews)]
        assert main([*argv, *(a for fmt, path in out.items() for a in (f"--{fmt}", str(path)))]) == 0
        runs.append({fmt: path.read_bytes() for fmt, path in out.items() if fmt != "json"})
        printed = capsys.readouterr().out
    assert runs[0] == runs[1]
    (result,) = [r for r in json.loads(out["json"].read_text())["results"] if r["claim"] == "lab-no-recruits"]
    assert result["verdict"] == "contradicted", result["why"]
    shown = ", ".join(["A5023888391", "curated:\\<b\\>x\\</b\\>\\*\\[y\\](https\\://e.example)\ufffd\\|.yaml#a2"])
    md = runs[0]["md"].decode()
    assert f"(not the same person as {shown}, A5000000100, " in md and "A5000000117, and 5 more people" in md
    assert "A5000000118" not in md and "<b>" not in md and "\u202e" not in md
    assert f"Reviewer's note: “Gone.” (not the same person as {shown})" in md
    html = runs[0]["html"].decode()
    assert "not the same person as A5023888391, curated:&lt;b&gt;x&lt;/b&gt;*[y](https://e.example)\ufffd|" in html
    assert "and 5 more people (the JSON report lists them all)" in html and "<b>x" not in html
    rows = list(csv.DictReader(io.StringIO(runs[0]["csv"].decode("utf-8-sig"), newline="")))
    cells = {r["person_id"]: r["review_distinct_from"] for r in rows}
    assert cells["A5000000001"].split("\n") == [i.replace("\u202e", "\ufffd") for i in _NOT_THEM]
    assert cells["A5023888391"] == ""
    # The terminal folds a long line at 120 columns: read it with its white space taken out.
    folded = re.sub(r"\s", "", printed)
    said = "reviewnotapplied(reviews.yaml:9,A5000000009,notthesamepersonasA5023888391,"
    said += "curated:<b>x</b>*[y](https://e.example)"
    assert said in folded.replace(str(root) + "/", ""), printed
    assert "\u202e" not in printed

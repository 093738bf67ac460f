"""Claims about people weigh the works in the evidence beside the author records, and read an
institution OpenAlex kept by name alone: what a hunt for false verdicts found (issue 18,
fourteenth part). Author records and works fall out of step in real snapshots: a record older
than the works, a year the record leaves out, an affiliation OpenAlex could not resolve to an id.
Each case only adds doubt: a person the works or a name-only affiliation may place at the
subject earlier is uncertain, never counted, and silence about a person the works place at the
subject is no clearance."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from claimwatch import claims as claims_mod
from claimwatch.evaluate import evaluate
from claimwatch.reports.jsonreport import render_json
from helpers import HIT, LAB, claim_file, institution, project, work
from test_people import author, evidence_of

LAB_BY_NAME = institution(None, "Example Lab", country="US")  # an affiliation OpenAlex gave no id
JOINED = """\
  - id: c
    says: A claim about people.
    subject: lab
    from: 2022-04-08
    to: 2024-12-31
    expects: none
    authors: {joined_from: [mil]}
"""
COVER = {"institutions": ["I100"], "start": dt.date(2022, 1, 1), "end": dt.date(2024, 12, 31)}


def by(aid: str, inst: dict[str, Any]) -> dict[str, Any]:
    return {
        "author_position": "first",
        "author": {"id": f"https://openalex.org/{aid}", "display_name": aid, "orcid": None},
        "institutions": [inst],
        "raw_affiliation_strings": [inst["display_name"]],
    }


def judge(root: Path, records: list[dict[str, Any]], *, covered: bool = False):
    """The claim's result by both engines, which must agree byte for byte."""
    claims = claims_mod.load_claims([claim_file(root / "claims/c.yaml", "claims:\n" + JOINED)], root=root)
    evidence = evidence_of(root, records, **(COVER if covered else {}))
    runs = [evaluate(claims, evidence, engine=e, cache=root / "cache") for e in ("python", "duckdb")]
    assert render_json(runs[0]) == render_json(runs[1])
    return runs[0].results[0]


@pytest.fixture()
def root(tmp_path: Path) -> Path:
    return project(tmp_path)


def test_a_work_at_the_subject_before_the_records_first_year_makes_the_move_uncertain(root):
    """The record's lab years begin in 2023, but the evidence holds A1's 2019 lab paper: counting
    A1 as joined in 2023 accused on what the works contradict."""
    records = [
        work("W0", "An early lab paper", date="2019-05-01", authorships=[by("A1", LAB)]),
        work("W1", "A Harbin paper", date="2020-05-01", authorships=[by("A1", HIT)]),
        author("A1", "Li Wei", (HIT, [2020]), (LAB, [2023])),
    ]
    r = judge(root, records)
    assert (r.verdict, r.matched, r.uncertain) == ("insufficient_evidence", 0, 1)
    assert r.uncertain_people[0].uncertain_because[-1] == (
        "a work in the evidence places them at Example Lab in 2019, before the first year their author records give (2023)"
    )


def test_a_person_the_works_place_at_the_subject_but_their_record_does_not_is_no_clearance(root):
    """Coverage is complete, but A1's record (updated 2021) knows only HIT; the lab's 2023 work
    names A1 at the lab. 'No one matches' was a false clearance."""
    records = [
        work("W1", "A lab paper", date="2023-05-01", authorships=[by("A1", LAB)]),
        author("A1", "Li Wei", (HIT, [2019, 2020]), updated_date="2021-01-01T00:00:00"),
    ]
    r = judge(root, records, covered=True)
    assert r.verdict == "insufficient_evidence" and not r.coverage.complete
    assert r.coverage.why.startswith(
        "1 author the works place at Example Lab between 2022-04-08 and 2024-12-31 has no author record that places them there"
    )


def test_an_earlier_year_at_an_institution_named_like_the_subject_with_no_id_is_a_doubt(root):
    """OpenAlex kept "Example Lab" by name alone in 2019: the record may place A1 at the subject
    long before 2023, so no move in the period is certain."""
    r = judge(root, [author("A1", "Li Wei", (HIT, [2018]), (LAB_BY_NAME, [2019]), (LAB, [2023]))])
    assert (r.matched, r.uncertain) == (0, 1)
    assert any(
        "with no OpenAlex id, so it may or may not be Example Lab" in d for d in r.uncertain_people[0].uncertain_because
    )


def test_a_name_only_year_at_the_subject_in_the_period_is_considered_not_silence(root):
    records = [
        work("W1", "A lab paper", date="2023-05-01", authorships=[by("A1", LAB)]),
        author("A1", "Li Wei", (HIT, [2020]), (LAB_BY_NAME, [2023])),
    ]
    r = judge(root, records, covered=True)
    assert (r.verdict, r.matched, r.uncertain) == ("insufficient_evidence", 0, 1)


def test_a_name_only_institution_of_another_name_places_no_one(root):
    """The doubt is the subject's names only: an unresolved "Harbourside University" is nothing."""
    other = institution(None, "Harbourside University", country="US")
    r = judge(root, [author("A1", "Li Wei", (HIT, [2018]), (other, [2019]), (LAB, [2023]))])
    assert (r.matched, r.uncertain) == (1, 0)


def test_a_last_known_institution_at_the_subject_the_affiliations_lack_is_a_yearless_place(root):
    """The affiliations lag (HIT 2019-2020), the last known institution is the lab: the person is
    at the subject with no years, uncertain; it was read and then ignored."""
    r = judge(root, [author("A1", "Li Wei", (HIT, [2019, 2020]), last_known_institutions=[LAB])])
    assert (r.matched, r.uncertain) == (0, 1)
    assert any("with no years" in d for d in r.uncertain_people[0].uncertain_because)


def test_an_older_dumps_record_with_its_last_known_institution_alone_is_no_clearance(root):
    """An older dump's record: no affiliations, `last_known_institution` the lab. Where the person
    was before cannot be known from it, so under complete coverage no one found is no clearance."""
    legacy = author("A1", "Li Wei")
    del legacy["affiliations"], legacy["last_known_institutions"]
    legacy["last_known_institution"] = LAB
    records = [work("W1", "A lab paper", date="2023-05-01", authorships=[by("A1", LAB)]), legacy]
    r = judge(root, records, covered=True)
    assert (r.verdict, r.matched, r.uncertain) == ("insufficient_evidence", 0, 1)
    assert r.uncertain_people[0].uncertain_because[-1] == (
        "their author records give no affiliations, only a last known institution, so where they were before Example Lab "
        "is not known"
    )


def test_a_last_known_institution_elsewhere_adds_nothing(root):
    r = judge(root, [author("A1", "Li Wei", (HIT, [2018]), (LAB, [2023]), last_known_institutions=[LAB])])
    assert (r.matched, r.uncertain) == (1, 0)  # the lab is among the affiliations: no yearless place


def test_an_older_copy_of_a_work_places_no_one(root):
    """W0 was first given with A1 at the lab in 2019 (before the 2023 their record gives); OpenAlex
    corrected the affiliation, and the newer copy is in the evidence too. The stale copy made the
    move uncertain (a work is weighed from its newest copy, as for claims about works)."""
    stale = work("W0", "An early paper", date="2019-05-01", authorships=[by("A1", LAB)])
    stale["updated_date"] = "2024-01-01T00:00:00"
    fixed = work("W0", "An early paper", date="2019-05-01", authorships=[by("A1", HIT)])
    fixed["updated_date"] = "2025-01-01T00:00:00"
    records = [
        stale,
        work("W1", "A Harbin paper", date="2020-05-01", authorships=[by("A1", HIT)]),
        author("A1", "Li Wei", (HIT, [2020]), (LAB, [2023])),
        fixed,
    ]
    r = judge(root, records)
    assert (r.verdict, r.matched, r.uncertain) == ("contradicted", 1, 0)
    stale["updated_date"] = fixed["updated_date"]  # of one day: either may be current, so doubt stays
    assert judge(root, records).uncertain == 1


def test_a_person_finding_cites_no_older_copy(root):
    """A1's record has HIT in 2020 and the lab in 2023; W1's older copy shows A1 at HIT, the newer
    one elsewhere: the placement at HIT is cited by no record of W1 (found by review)."""
    other = institution("I300", "Elsewhere University", country="DE")
    stale = work("W1", "H", date="2020-05-01", authorships=[by("A1", HIT)])
    stale["updated_date"] = "2024-01-01T00:00:00"
    fixed = work("W1", "H", date="2020-05-01", authorships=[by("A1", other)])
    fixed["updated_date"] = "2025-01-01T00:00:00"
    r = judge(root, [stale, fixed, author("A1", "Li Wei", (HIT, [2020]), (LAB, [2023]))])
    (person,) = r.people
    assert [w.id for placed in person.at_listed for w in placed.works] == []

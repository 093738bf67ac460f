"""Claims about people weighed against the works: the cases a review of the first fixes wrote to
break them (issue 18, fourteenth part), each asserting what a careful tool says, on both engines.
A name kept without an id in another country is not the subject; a last known institution adds
nothing where the affiliations place the person; a listed year only the works show, a doubtful
earlier work and an undated work at the subject are doubts, never silence; a work dated before
the period places no one in it."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path
from typing import Any

import pytest

from claimwatch import claims as claims_mod
from claimwatch.evaluate import evaluate
from claimwatch.evidence import JsonlEvidence, import_jsonl, open_evidence
from claimwatch.reports.jsonreport import render_json
from helpers import HIT, LAB, STATEMENT, SUBJECTS, authorship, institution, project, work, write, write_jsonl
from test_people import author, evidence_of

SUBJECTS_US = SUBJECTS + "    country: US\n"
TSINGHUA = institution("I300", "Tsinghua University")
LAB_CHILD = institution("I101", "Example Lab Boston", country="US", lineage=["I101", "I100"])
COVER = {"institutions": ["I100"], "start": dt.date(2022, 1, 1), "end": dt.date(2024, 12, 31)}
ORCID = "https://orcid.org/0000-0002-1825-0097"


def claim(
    cond: str, *, period: str = "from: 2022-04-08\n    to: 2024-12-31", expects: str = "none", kind: str = "authors"
) -> str:
    return f"""\
claims:
  - id: c
    says: A claim.
    subject: lab
    {period}
    expects: {expects}
    {kind}: {cond}
"""


JOINED = claim("{joined_from: [mil]}")
BOTH = claim("{holds_both: [mil]}")


def by(aid: str | None, inst: dict[str, Any] | None, raw: list[str] | None = None) -> dict[str, Any]:
    insts = [inst] if inst else []
    return {
        "author_position": "first",
        "author": {"id": f"https://openalex.org/{aid}" if aid else None, "display_name": aid or "x", "orcid": None},
        "institutions": insts,
        "raw_affiliation_strings": raw if raw is not None else [i["display_name"] for i in insts],
    }


def run(
    root: Path,
    body: str,
    records: list[dict[str, Any]],
    *,
    subjects: str = SUBJECTS,
    cover: dict | None = None,
    as_of: dt.date | None = None,
):
    """The claim's result by both engines, which must agree byte for byte."""
    path = write(root / "claims/c.yaml", STATEMENT + subjects + textwrap.dedent(body))
    claims = claims_mod.load_claims([path], root=root)
    evidence = evidence_of(root, records, **(cover or {}))
    runs = [evaluate(claims, evidence, engine=e, cache=root / "cache", as_of=as_of) for e in ("python", "duckdb")]
    assert render_json(runs[0]) == render_json(runs[1])
    return runs[0].results[0]


@pytest.fixture()
def root(tmp_path: Path) -> Path:
    return project(tmp_path)


# --- _named_only: new false doubts / accusations ---------------------------------------------


def test_named_only_institution_the_record_places_in_another_country_is_not_the_subject(root):
    """Subject is in the US; OpenAlex kept "Example Lab" by name with country_code GB. The
    country rule says that is not the subject: the sure move HIT 2020 -> lab 2023 should count."""
    gb = institution(None, "Example Lab", country="GB")
    r = run(root, JOINED, [author("A1", "Li Wei", (HIT, [2020]), (gb, [2019]), (LAB, [2023]))], subjects=SUBJECTS_US)
    assert (r.verdict, r.matched, r.uncertain) == ("contradicted", 1, 0), r.why


def test_named_only_with_a_similar_longer_name_is_only_a_doubt_never_a_match(root):
    other = institution(None, "New Example Lab Foundation", country="US")
    r = run(root, JOINED, [author("A1", "Li Wei", (HIT, [2020]), (other, [2023]))])
    assert r.matched == 0


def test_named_only_doubt_is_not_given_to_curated_records(root):
    """A curated history's name is stated text: matched as before; its reason must not say the
    record gives the institution "with no OpenAlex id" (curated histories are not OpenAlex's)."""
    write(
        root / "curated.yaml",
        """\
        description: A history.
        people:
          - id: li-wei
            name: Li Wei
            openalex: A1
            affiliations:
              - {name: Example Lab, years: [2019]}
            sources: [{title: A CV, url: "https://example.org/cv"}]
        """,
    )
    path = write(root / "claims/c.yaml", STATEMENT + SUBJECTS + textwrap.dedent(JOINED))
    claims = claims_mod.load_claims([path], root=root)
    data = write_jsonl(root / "records.jsonl", [author("A1", "Li Wei", (HIT, [2020]), (LAB, [2023]))])
    ev = [open_evidence(root / "curated.yaml"), JsonlEvidence.open(data)]
    runs = [evaluate(claims, ev, engine=e, cache=root / "cache") for e in ("python", "duckdb")]
    assert render_json(runs[0]) == render_json(runs[1])
    r = runs[0].results[0]
    assert r.matched == 0  # the curated history places them at the lab in 2019: no move in 2023
    assert "no OpenAlex id" not in r.why


# --- last known institutions ------------------------------------------------------------------


def test_last_known_institution_at_a_child_of_the_subject_does_not_undo_a_sure_move(root):
    """Affiliations: HIT 2020, lab (I100) 2023; last known: the lab's child I101. Where they are now
    cannot place them at the subject before 2023, yet the move became uncertain ('may have been
    there before 2023')."""
    rec = author("A1", "Li Wei", (HIT, [2020]), (LAB, [2023]), last_known_institutions=[LAB_CHILD])
    r = run(root, JOINED, [rec])
    assert (r.verdict, r.matched, r.uncertain) == ("contradicted", 1, 0), r.why


def test_last_known_institution_of_a_listed_institution_adds_nothing(root):
    r = run(root, JOINED, [author("A1", "Li Wei", (HIT, [2020]), (LAB, [2023]), last_known_institutions=[HIT])])
    assert (r.matched, r.uncertain) == (1, 0)
    r = run(root, JOINED, [author("A1", "Li Wei", (LAB, [2023]), last_known_institutions=[HIT])])
    assert (r.matched, r.uncertain) == (0, 0)


def at_both(wid: str, date: str) -> dict[str, Any]:
    """A work on which A1's one authorship gives the lab and HIT: at both at once."""
    a = by("A1", LAB)
    a["institutions"].append(HIT)
    a["raw_affiliation_strings"].append(HIT["display_name"])
    return work(wid, "Both", date=date, authorships=[a])


def test_holds_both_unaffected_by_a_child_last_known_institution(root):
    rec = author("A1", "Li Wei", (HIT, [2023]), (LAB, [2023]), last_known_institutions=[LAB_CHILD])
    r = run(root, BOTH, [rec, at_both("W1", "2023-05-01")])
    assert (r.verdict, r.matched) == ("contradicted", 1)


def test_holds_both_ignores_earlier_works(root):
    records = [
        work("W0", "Early", date="2019-05-01", authorships=[by("A1", LAB)]),
        author("A1", "Li Wei", (HIT, [2023]), (LAB, [2023])),
        at_both("W1", "2023-05-01"),
    ]
    r = run(root, BOTH, records)
    assert (r.verdict, r.matched, r.uncertain) == ("contradicted", 1, 0)


# --- the works pass: false clearances / accusations still possible ----------------------------


def test_a_work_by_the_same_person_under_their_other_id_shared_orcid_makes_the_move_uncertain(root):
    """A1 and A2 share an ORCID (one person by the tool's own rule). A2's record places them only
    at Tsinghua, so it is not kept; A2's 2019 lab paper was then never weighed: A1 'joined in 2023'
    counted although the works place the same person at the lab in 2019."""
    records = [
        work("W0", "An early lab paper", date="2019-05-01", authorships=[by("A2", LAB)]),
        author("A1", "Li Wei", (HIT, [2020]), (LAB, [2023]), orcid=ORCID),
        author("A2", "Li Wei", (TSINGHUA, [2018]), orcid=ORCID),
    ]
    r = run(root, JOINED, records)
    assert (r.matched, r.uncertain) == (0, 1), r.why


def test_works_showing_a_listed_year_the_record_lacks_are_no_clearance(root):
    """A1's record gives only the lab (2023); the evidence's works show A1 at HIT in 2020 and at the
    lab in 2023: a move the works certainly show. Only the subject side of the works is weighed,
    so complete coverage clears the claim."""
    records = [
        work("W0", "A Harbin paper", date="2020-05-01", authorships=[by("A1", HIT)]),
        work("W1", "A lab paper", date="2023-05-01", authorships=[by("A1", LAB)]),
        author("A1", "Li Wei", (LAB, [2023])),
    ]
    r = run(root, JOINED, records, cover=COVER)
    assert r.verdict != "not_contradicted", r.why


def test_a_listed_year_only_the_works_show_is_a_doubt_though_the_record_gives_the_entry_later(root):
    """A1's record gives the lab in 2023 and HIT only in 2024 (after joining); the works show A1 at
    HIT in 2020. The later HIT year made the records "decide" HIT, so the 2020 work was passed
    over: no finding, and complete coverage cleared the claim, where the same record without its
    2024 HIT year made A1 uncertain."""
    paper = work("W0", "A Harbin paper", date="2020-05-01", authorships=[by("A1", HIT)])
    lab_paper = work("W1", "A lab paper", date="2023-05-01", authorships=[by("A1", LAB)])
    later = author("A1", "Li Wei", (LAB, [2023]), (HIT, [2024]))
    r = run(root, JOINED, [paper, lab_paper, later], cover=COVER)
    assert (r.verdict, r.matched, r.uncertain) == ("insufficient_evidence", 0, 1), r.why
    (p,) = r.uncertain_people
    assert (
        "a work in the evidence places them at Harbin Institute of Technology in 2020, which their author"
        in (p.uncertain_because[-1])
    )
    # A year the record gives is the record's to decide: no doubt said twice.
    given = author("A1", "Li Wei", (LAB, [2023]), (HIT, [2020, 2024]))
    r = run(root, JOINED, [paper, lab_paper, given], cover=COVER)
    assert (r.verdict, r.matched, r.uncertain) == ("contradicted", 1, 0), r.why


def test_a_doubtful_earlier_work_at_the_subject_is_a_doubt_as_a_doubtful_record_year_is(root):
    """The record's doubtful earlier places make a move uncertain; a 2019 work whose only sign of
    the lab is the acronym "EXL" (a doubt) is dropped by the works pass."""
    records = [
        work("W0", "Early", date="2019-05-01", authorships=[by("A1", None, raw=["EXL"])]),
        author("A1", "Li Wei", (HIT, [2020]), (LAB, [2023])),
    ]
    r = run(root, JOINED, records)
    assert (r.matched, r.uncertain) == (0, 1), r.why


def test_a_merged_id_on_the_works_is_no_clearance(root):
    """Works name A2 (merged into A1); the only record is A1's: coverage cannot be complete."""
    records = [
        work("W1", "A lab paper", date="2023-05-01", authorships=[by("A2", LAB)]),
        author("A1", "Li Wei", (HIT, [2019, 2020])),
    ]
    r = run(root, JOINED, records, cover=COVER)
    assert r.verdict == "insufficient_evidence" and not r.coverage.complete


def test_an_undated_lab_work_by_an_author_no_record_places_there_is_no_clearance(root):
    """An undated work at the lab by A5, whose record knows only HIT: it may be in the period."""
    records = [
        work("W1", "A lab paper", date="2023-05-01", authorships=[by("A1", LAB)]),
        work("W2", "An undated lab paper", date=None, authorships=[by("A5", LAB)]),
        author("A1", "Ann", (LAB, [2021, 2023])),
        author("A5", "Bo", (HIT, [2019, 2020]), updated_date="2021-01-01T00:00:00"),
    ]
    r = run(root, JOINED, records, cover=COVER)
    assert r.verdict != "not_contradicted", r.why


def test_unrecorded_does_not_count_a_work_dated_before_the_period(root):
    """A5's lab work is dated 2022-02-01, before the claim's start (2022-04-08): the works do not
    place A5 at the lab in the period, yet the reason says they do and coverage is withdrawn."""
    records = [
        work("W1", "A lab paper", date="2023-05-01", authorships=[by("A1", LAB)]),
        work("W2", "An early-2022 lab paper", date="2022-02-01", authorships=[by("A5", LAB)]),
        author("A1", "Ann", (LAB, [2021, 2023])),
        author("A5", "Bo", (HIT, [2019, 2020]), updated_date="2021-01-01T00:00:00"),
    ]
    r = run(root, JOINED, records, cover={**COVER, "start": dt.date(2022, 1, 1)})
    assert r.coverage.complete or "between 2022-04-08" not in r.coverage.why, r.coverage.why


def test_unrecorded_counts_nobody_outside_the_subject(root):
    records = [
        work("W1", "A lab paper", date="2023-05-01", authorships=[by("A1", LAB), by("A6", HIT)]),
        author("A1", "Ann", (LAB, [2021, 2023])),
        author("A6", "Cy", (HIT, [2023])),
    ]
    r = run(root, JOINED, records, cover=COVER)
    assert (r.verdict, r.coverage.complete) == ("not_contradicted", True), r.why


def test_year_only_work_in_the_first_year_is_no_earlier(root):
    records = [
        work("W0", "Year-only", date="2023-01-01", authorships=[by("A1", LAB)]),
        author("A1", "Li Wei", (HIT, [2020]), (LAB, [2023])),
    ]
    r = run(root, JOINED, records)
    assert (r.matched, r.uncertain) == (1, 0)


def test_name_only_lki_without_id_does_not_crash(root):
    named = institution(None, "Example Lab", country=None)
    r = run(root, JOINED, [author("A1", "Li Wei", (HIT, [2020]), last_known_institutions=[named, {"id": None}])])
    assert (r.matched, r.uncertain) == (0, 1)


# --- coverage periods -------------------------------------------------------------------------


@pytest.mark.parametrize("kind,cond", [("works", "{topic: face}"), ("authors", "{joined_from: [mil]}")])
def test_open_ended_claim_beginning_after_the_as_of_is_not_cleared(root, kind, cond):
    body = claim(cond, period="from: 2026-01-01", kind=kind)
    records = [
        work("W1", "A lab paper", date="2023-05-01", authorships=[by("A1", LAB)]),
        author("A1", "Ann", (LAB, [2021, 2023])),
    ]
    r = run(root, body, records, cover={**COVER, "end": None})
    assert r.verdict == "insufficient_evidence"
    assert "the claim's period begins on 2026-01-01, after the run's as-of day" in r.coverage.why
    assert r.why == f"{r.coverage.why[:1].upper()}{r.coverage.why[1:]}."  # said alone, about people too


def test_closed_claim_entirely_after_the_as_of_is_not_cleared(root):
    body = claim("{joined_from: [mil]}", period="from: 2026-01-01\n    to: 2026-12-31")
    records = [
        work("W1", "A lab paper", date="2023-05-01", authorships=[by("A1", LAB)]),
        author("A1", "Ann", (LAB, [2021, 2023])),
    ]
    r = run(root, body, records, cover={**COVER, "end": None})
    assert r.verdict == "insufficient_evidence"


def test_undated_import_with_a_future_to_is_cut_to_the_import_day(root):
    recs = [
        work("W1", "A lab paper", date="2023-05-01", authorships=[by("A1", LAB)]),
        author("A1", "Ann", (LAB, [2021, 2023])),
    ]
    for r_ in recs:
        r_.pop("updated_date")
    data = write_jsonl(root / "r.jsonl", recs)
    s = import_jsonl(data, root / "snap2", institutions=["I100"], start=dt.date(2022, 1, 1), end=dt.date(2099, 12, 31))
    assert any("after the import" in w for w in s.warnings)
    cov = open_evidence(root / "snap2").coverage
    assert cov.to == dt.date.today() or cov.to <= dt.date.today()
    body = claim("{joined_from: [mil]}", period="from: 2022-04-08\n    to: 2099-12-31")
    r = run(root, body, recs, cover={**COVER, "end": dt.date(2099, 12, 31)})
    assert r.verdict == "insufficient_evidence"


def test_retracted_work_marked_in_the_reason(root):
    rec = work("W1", "Face recognition in crowds", is_retracted=True, authorships=[authorship("A", [LAB])])
    r = run(root, claim("{topic: face}", kind="works"), [rec])
    assert "(2024-06-01, retracted)" in r.why


# --- cost of the works pass -------------------------------------------------------------------


# --- a second review: listing dates, the records' own entries, a second claim, doubtful places ---

HEU = institution("I400", "Harbin Engineering University")  # on `mil`, listed_from 2025-01-01
LISTED_BEFORE = claim("{joined_from: [mil], listed_before: true}")


# 1. listed_before ignored for listed years found only in works
def test_works_listed_year_at_an_entry_listed_only_later_does_not_count(root):
    """HEU was listed in 2025, after the 2023 move: the records alone give (0, 0)."""
    in_records = run(root, LISTED_BEFORE, [author("A1", "Li Wei", (HEU, [2020]), (LAB, [2023]))])
    assert (in_records.matched, in_records.uncertain) == (0, 0)
    records = [
        work("W0", "A HEU paper", date="2020-05-01", authorships=[by("A1", HEU)]),
        author("A1", "Li Wei", (LAB, [2023])),
    ]
    r = run(root, LISTED_BEFORE, records)
    assert (r.matched, r.uncertain) == (0, 0), r.why


def test_works_listed_year_the_records_do_give_is_not_said_to_be_left_out(root):
    """Records give HEU 2020 (listed too late, so not counted); the works show it too. The tool
    makes the person uncertain, saying the records 'leave out' a year they give."""
    records = [
        work("W0", "A HEU paper", date="2020-05-01", authorships=[by("A1", HEU)]),
        author("A1", "Li Wei", (HEU, [2020]), (LAB, [2023])),
    ]
    r = run(root, LISTED_BEFORE, records)
    assert (r.matched, r.uncertain) == (0, 0), r.why
    assert "leave out" not in r.why


# 2. the ORCID second id is lost when another claim's list keeps that record
def test_second_id_is_weighed_when_another_claim_keeps_its_record(root):
    """Same as the review's shared-ORCID case, plus a second claim whose list names Tsinghua: A2's
    record is now kept (for claim 2), so it is not an 'other id', and claim 1 never sees A2's
    2019 lab paper: the 2023 move is counted again."""
    write(
        root / "evidence/lists/cn.yaml",
        """\
        id: cn
        name: Other universities
        sources: [{title: A source}]
        entries:
          - {id: thu, name: Tsinghua University, openalex: [I300], listed_from: 2010-01-01, verified: true}
        """,
    )
    body = (
        claim("{joined_from: [mil]}")
        + """\
  - id: d
    says: Another claim.
    subject: lab
    from: 2022-04-08
    to: 2024-12-31
    expects: none
    authors: {joined_from: [cn]}
"""
    )
    records = [
        work("W0", "An early lab paper", date="2019-05-01", authorships=[by("A2", LAB)]),
        author("A1", "Li Wei", (HIT, [2020]), (LAB, [2023]), orcid=ORCID),
        author("A2", "Li Wei", (TSINGHUA, [2018]), orcid=ORCID),
    ]
    r = run(root, body, records)  # claim c
    assert (r.matched, r.uncertain) == (0, 1), r.why


# 3. a doubtful subject place + a listed year only the works show: silence
def test_works_listed_year_with_a_doubtful_subject_place_is_a_doubt(root):
    """Record: 'Example Lab' kept by name with no id, 2023 (a doubt). With HIT 2020 in the record the
    person is uncertain; with HIT 2020 shown only by a work, _listed_in_works returns None
    (no sure first year) and the person vanishes."""
    named = institution(None, "Example Lab", country="US")
    in_records = run(root, JOINED, [author("A1", "Li Wei", (HIT, [2020]), (named, [2023]))])
    assert in_records.uncertain == 1
    records = [
        work("W0", "A Harbin paper", date="2020-05-01", authorships=[by("A1", HIT)]),
        author("A1", "Li Wei", (named, [2023])),
    ]
    r = run(root, JOINED, records)
    assert (r.matched, r.uncertain) == (0, 1), r.why


# 4. an undated work at the subject by a counted person is ignored (arguable)
def test_undated_lab_work_by_a_counted_person_is_a_doubt(root):
    """HIT 2020 -> lab 2023 counted; an undated lab paper by A1 may be from 2019. Undated works
    are a doubt for _unrecorded but silently dropped by _earlier_in_works."""
    records = [
        work("W0", "An undated lab paper", date=None, authorships=[by("A1", LAB)]),
        author("A1", "Li Wei", (HIT, [2020]), (LAB, [2023])),
    ]
    r = run(root, JOINED, records)
    assert (r.matched, r.uncertain) == (0, 1), r.why


# --- a return only the works show (issue 18, nineteenth part) ----------------------------------


def test_a_return_only_the_works_show_is_a_doubt_not_silence(root):
    """A1's record gives the lab in 2019 and 2023, nothing between; a work places A1 at HIT in
    2021, which the record leaves out. The first year at the lab is before the period, so "they
    did not join in it": no finding, and complete coverage cleared the claim, where the same
    HIT year in the record made A1 uncertain (a return: an intern hired back from HIT)."""
    records = [
        work("W0", "A lab paper", date="2019-05-01", authorships=[by("A1", LAB)]),
        work("W1", "A Harbin paper", date="2021-05-01", authorships=[by("A1", HIT)]),
        work("W2", "A lab paper again", date="2023-05-01", authorships=[by("A1", LAB)]),
        author("A1", "Li Wei", (LAB, [2019, 2023])),
    ]
    cover = {**COVER, "start": dt.date(2019, 1, 1)}
    r = run(root, JOINED, records, cover=cover)
    assert (r.verdict, r.matched, r.uncertain) == ("insufficient_evidence", 0, 1), r.why
    (p,) = r.uncertain_people
    assert p.uncertain_because == (
        "their records place them at Example Lab in 2019 and again in 2023, with no year there in 2020\u20132022, and "
        "a work in the evidence places them at Harbin Institute of Technology in 2021, which their author records "
        "leave out: they may have left and been recruited again from Harbin Institute of Technology, which the "
        "years cannot tell from staying",
    )
    # In the records, the return is the records' own doubt; said once, not again for the work.
    given = author("A1", "Li Wei", (LAB, [2019, 2023]), (HIT, [2021]))
    r = run(root, JOINED, [*records[:3], given], cover=cover)
    (p,) = r.uncertain_people
    assert not any("leave out" in d for d in p.uncertain_because)


@pytest.mark.parametrize(
    ("years", "hit_year", "body"),
    [
        ([2019, 2020, 2021, 2022, 2023], 2021, JOINED),  # at the lab every year: no gap to return across
        ([2019, 2023], 2018, JOINED),  # HIT before the lab: no return
        ([2019, 2021], 2020, JOINED),  # back at the lab in 2021, before the period
        ([2019, 2023], 2020, claim("{joined_from: [mil], within_years: 2}")),  # HIT too long before the return
        ([2019, 2023], 2021, LISTED_BEFORE.replace("mil]", "mil], within_years: 5")),  # HEU listed too late
    ],
)
def test_no_return_is_read_where_the_works_cannot_show_one(root, years, hit_year, body):
    inst = HEU if "listed_before" in body else HIT
    records = [
        work("W1", "A listed paper", date=f"{hit_year}-05-01", authorships=[by("A1", inst)]),
        author("A1", "Li Wei", (LAB, years)),
    ]
    r = run(root, body, records)
    assert (r.matched, r.uncertain) == (0, 0), r.why

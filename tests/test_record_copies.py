"""One OpenAlex work given by more than one record, in one piece of evidence or in several (an
old snapshot beside a new one; an export and its update): the records are copies of one record
at different times, not versions of a work. The newest says what the work is now (OpenAlex
corrects dates, affiliations and authors); an older copy is set aside, and said to be. Where
which copy is newest cannot be told, a finding the copies disagree on is uncertain, never
certain and never silently dropped (found by a hunt for false verdicts, issue 18)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimwatch import claims as claims_mod
from claimwatch.evaluate import evaluate
from claimwatch.evidence import JsonlEvidence, import_works, open_evidence
from claimwatch.reports.jsonreport import json_chunks
from helpers import HIT, LAB, authorship, claim_file, institution, none_claim, project, work, write_jsonl

OTHER = institution("I300", "Elsewhere University", country="DE")
ENGINES = ("python", "duckdb")


def record(updated: str | None, *, date: str = "2024-06-01", partner: dict = HIT, lab: bool = True) -> dict:
    """W1, by the lab (or, with lab=False, by no one of the lab) and a partner."""
    first = authorship("A. Lab", [LAB]) if lab else authorship("A. Else", [OTHER])
    r = work("W1", "A paper", date=date, authorships=[first, authorship("B. Partner", [partner])])
    if updated is None:
        r.pop("updated_date")
    else:
        r["updated_date"] = updated
    return r


def results(root: Path, *sources: list[dict], expects: str = "none", as_jsonl: bool = False):
    """The claim 'no coauthor on the mil list from 2024-01-10' checked on each list of records as
    a piece of evidence of its own, by both engines, which must agree."""
    evidence = []
    for n, records in enumerate(sources):
        path = write_jsonl(root / f"e{n}.jsonl", records)
        if as_jsonl:
            evidence.append(JsonlEvidence.open(path))
        else:
            import_works(path, root / f"snap{n}", institutions=["I100"], start=dt.date(2020, 1, 1))
            evidence.append(open_evidence(root / f"snap{n}"))
    text = "claims:\n" + none_claim("{coauthor_in: [mil]}", expects=expects)
    claims = claims_mod.load_claims([claim_file(root / "claims/c.yaml", text)], root=root)
    runs = [evaluate(claims, evidence, as_of=dt.date(2025, 3, 1), engine=e, cache=root / "cache") for e in ENGINES]
    python, duckdb = ("".join(json_chunks(r)) for r in runs)
    assert python == duckdb
    return runs[0]


def found(c) -> tuple[int, int]:
    """How many findings a claim's result has: certain, uncertain."""
    return len(c.findings), len(c.uncertain_findings)


@pytest.fixture()
def root(tmp_path: Path) -> Path:
    return project(tmp_path)


# --- a newer copy in other evidence ------------------------------------------------------------


@pytest.mark.parametrize("order", ["old first", "new first"])
def test_a_coauthor_a_newer_record_corrected_away_is_no_finding(root, order):
    """The old snapshot's W1 has a coauthor at HIT; OpenAlex later corrected the affiliation. A
    false accusation: the stale copy's coauthor counted as a version's."""
    old = [record("2024-07-01T00:00:00")]
    new = [record("2025-03-01T00:00:00", partner=OTHER)]
    r = results(root, *((old, new) if order == "old first" else (new, old)))
    c = r.results[0]
    assert c.verdict == "not_contradicted"
    assert found(c) == (0, 0)
    counts = {Path(x.path).name: x.superseded for x in r.evidence_counts}
    assert counts == ({"snap0": 1, "snap1": 0} if order == "old first" else {"snap0": 0, "snap1": 1})


@pytest.mark.parametrize("order", ["old first", "new first"])
def test_a_date_a_newer_record_corrected_into_the_period_is_read(root, order):
    """The old copy dated W1 to 2023 (before the claim's period); OpenAlex corrected it to 2024.
    A false clearance: the stale date was taken for the work's first publication."""
    old = [record("2024-01-01T00:00:00", date="2023-03-01")]
    new = [record("2025-03-01T00:00:00", date="2024-03-01")]
    c = results(root, *((old, new) if order == "old first" else (new, old))).results[0]
    assert c.verdict == "contradicted"
    assert [f.work.id for f in c.findings] == ["W1"]
    assert c.findings[0].work.publication_date == "2024-03-01"


@pytest.mark.parametrize("order", ["old first", "new first"])
def test_a_newer_record_without_the_subject_takes_the_work_away_from_it(root, order):
    """OpenAlex first gave the lab as an author's institution, then corrected it: the work is
    not the lab's, so it is no finding and not one of the lab's works."""
    old = [record("2024-07-01T00:00:00")]
    new = [record("2025-03-01T00:00:00", lab=False)]
    c = results(root, *((old, new) if order == "old first" else (new, old)), as_jsonl=True).results[0]
    assert found(c) == (0, 0)
    assert c.works_considered == 0


@pytest.mark.parametrize("order", ["old first", "new first"])
def test_an_older_record_without_the_subject_no_longer_dates_the_work(root, order):
    """The old copy (no affiliation for the lab yet, a date OpenAlex later corrected, the DOI the
    new copy has too) is a stale copy, not an earlier version: its date must not reach the work
    through the DOI they share."""
    old = record("2024-01-01T00:00:00", date="2023-03-01", lab=False)
    new = record("2025-03-01T00:00:00", date="2024-03-01")
    for r in (old, new):
        r["doi"] = "https://doi.org/10.1234/y"
    c = results(root, *(([old], [new]) if order == "old first" else ([new], [old])), as_jsonl=True).results[0]
    assert c.verdict == "contradicted"
    assert c.findings[0].work.publication_date == "2024-03-01"


def test_the_newest_record_is_read_when_it_shows_what_the_older_did_not(root):
    old = [record("2024-07-01T00:00:00", partner=OTHER)]
    new = [record("2025-03-01T00:00:00")]
    c = results(root, new, old).results[0]
    assert c.verdict == "contradicted"
    (finding,) = c.findings
    assert [Path(r).parent.name for r in finding.work.records] == ["snap0"]  # the newest alone is cited


def test_copies_in_one_file_given_as_it_is(root):
    """A JSON Lines file given without an import (two exports concatenated) holds both copies."""
    c = results(root, [record("2024-07-01T00:00:00"), record("2025-03-01T00:00:00", partner=OTHER)], as_jsonl=True)
    assert found(c.results[0]) == (0, 0)
    assert [x.superseded for x in c.evidence_counts] == [1]


# --- copies whose order cannot be told --------------------------------------------------------


@pytest.mark.parametrize(
    "old_updated, new_updated",
    [(None, "2025-03-01T00:00:00"), ("2025-03-01T00:00:00", None), (None, None), ("2025-03-01", "2025-03-01T09:00")],
)
def test_copies_that_differ_and_cannot_be_ordered_leave_the_finding_uncertain(root, old_updated, new_updated):
    """No updated_date on one of them, or both updated the same day: which is current is not
    known, so a coauthor only one of them shows is no certain finding, and is not dropped."""
    c = results(root, [record(old_updated)], [record(new_updated, partner=OTHER)]).results[0]
    assert c.verdict == "insufficient_evidence"
    assert not c.findings
    (finding,) = c.uncertain_findings
    assert any("W1 is given by 2 records that differ" in d for d in finding.uncertain_because), (
        finding.uncertain_because
    )
    assert sum(x.superseded for x in results(root, [record(old_updated)], [record(new_updated)]).evidence_counts) == 0


def test_copies_that_cannot_be_ordered_and_differ_in_date_are_dated_by_both(root):
    """A stale date before the period on one copy of unknown age cannot clear the work."""
    c = results(root, [record(None, date="2023-03-01")], [record(None, date="2024-03-01")]).results[0]
    assert c.verdict == "insufficient_evidence"
    (finding,) = c.uncertain_findings
    assert any("may fall before 2024-01-10" in d for d in finding.uncertain_because), finding.uncertain_because


def test_identical_copies_of_unknown_age_agree_and_count_once(root):
    """The same record given twice (a snapshot and the file it was imported from): no doubt."""
    c = results(root, [record(None)], [record(None)]).results[0]
    assert c.verdict == "contradicted"
    assert len(c.findings) == 1 and not c.findings[0].uncertain_because


def test_a_version_with_another_id_is_still_a_version(root):
    """A preprint and its journal article (two OpenAlex ids, one DOI) are versions, not copies:
    the earliest still dates the work, and neither is set aside."""
    preprint = work("W2", "A paper", date="2023-11-01", doi="https://doi.org/10.1234/x", authorships=[])
    article = record("2025-03-01T00:00:00", date="2024-03-01")
    article["doi"] = "https://doi.org/10.1234/x"
    r = results(root, [article], [preprint])
    c = r.results[0]
    assert found(c) == (0, 0)  # first published before the period
    assert all(x.superseded == 0 for x in r.evidence_counts)


# --- property: the choice does not depend on the order the evidence is given in -----------------

UPDATED = st.sampled_from([None, "2024-01-01T00:00:00", "2025-01-01T00:00:00", "2025-06-01T00:00:00"])
COPY = st.tuples(UPDATED, st.sampled_from(["2023-05-01", "2024-05-01"]), st.booleans(), st.booleans())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(copies=st.lists(COPY, min_size=2, max_size=4), seed=st.randoms(use_true_random=False))
def test_the_verdict_does_not_depend_on_the_order_of_the_evidence(tmp_path_factory, copies, seed):
    def made(c):
        updated, date, listed, lab = c
        return record(updated, date=date, partner=HIT if listed else OTHER, lab=lab)

    first = results(project(tmp_path_factory.mktemp("a")), *[[made(c)] for c in copies], as_jsonl=True)
    shuffled = list(copies)
    seed.shuffle(shuffled)
    second = results(project(tmp_path_factory.mktemp("b")), *[[made(c)] for c in shuffled], as_jsonl=True)
    a, b = first.results[0], second.results[0]
    assert (a.verdict, found(a)) == (b.verdict, found(b))
    assert sum(x.superseded for x in first.evidence_counts) == sum(x.superseded for x in second.evidence_counts)
    dated = [c[0] for c in copies]
    if None not in dated and dated.count(max(dated)) == 1:  # one newest: it alone decides
        newest = copies[dated.index(max(dated))]
        alone = results(project(tmp_path_factory.mktemp("c")), [made(newest)], as_jsonl=True).results[0]
        assert (a.verdict, found(a)) == (alone.verdict, found(alone))


# --- reports ------------------------------------------------------------------------------------


def test_the_reports_say_how_many_older_copies_were_set_aside(root):
    from claimwatch.reports.html import render_html
    from claimwatch.reports.markdown import render_markdown

    r = results(root, [record("2024-07-01T00:00:00")], [record("2025-03-01T00:00:00", partner=OTHER)])
    report = "".join(json_chunks(r))
    assert '"superseded": 1' in report
    assert "an older copy set aside: a newer record of the same work is given" in render_markdown(r)
    assert "an older copy set aside: a newer record of the same work is given" in render_html(r)
    alone = results(root, [record("2025-03-01T00:00:00", partner=OTHER)])
    assert "superseded" not in "".join(json_chunks(alone))  # reports without copies are as before


def test_a_real_record_and_an_older_copy_of_it(shared_data, tmp_path):
    """W2741809807 as OpenAlex gives it (updated 2025-06-11), beside a copy of it as an older
    export might hold it (updated 2024-02-01, its fourth author at HIT): the University of
    Washington's claim of no coauthor at the Seven Sons in 2018 was contradicted by the stale copy."""
    import json

    real = json.loads((shared_data / "openalex" / "W2741809807.json").read_text(encoding="utf-8"))
    stale = json.loads(json.dumps(real))
    stale["updated_date"] = "2024-02-01T00:00:00.000000"
    stale["authorships"][3]["institutions"] = [
        institution("I204983213", "Harbin Institute of Technology", ror="01yqg2h08", country="CN")
    ]
    root = project(tmp_path)
    evidence = [
        JsonlEvidence.open(write_jsonl(root / "old.jsonl", [stale])),
        JsonlEvidence.open(write_jsonl(root / "new.jsonl", [real])),
    ]
    text = """\
subjects:
  uw: {name: University of Washington, openalex: [I201448701]}
claims:
  - {id: c, says: s, subject: uw, from: 2018-01-01, to: 2018-12-31, expects: none, works: {coauthor_in: [mil]}}
"""
    path = root / "claims/uw.yaml"
    path.write_text("statement: {speaker: S, made_on: 2019-01-01, quote: q, sources: [{title: t}]}\n" + text)
    claims = claims_mod.load_claims([path], root=root)
    runs = [evaluate(claims, evidence, engine=e, cache=root / "cache") for e in ENGINES]
    assert "".join(json_chunks(runs[0])) == "".join(json_chunks(runs[1]))
    c = runs[0].results[0]
    assert (c.verdict, found(c), c.works_considered) == ("insufficient_evidence", (0, 0), 1)
    assert [x.superseded for x in runs[0].evidence_counts] == [1, 0]
    evidence.reverse()
    assert found(evaluate(claims, evidence, cache=root / "cache").results[0]) == (0, 0)
    evidence[0] = JsonlEvidence.open(
        write_jsonl(root / "new2.jsonl", [{**real, "updated_date": "2023-01-01T00:00:00"}])
    )
    assert found(evaluate(claims, evidence, cache=root / "cache").results[0]) == (1, 0)  # now the HIT copy is newest

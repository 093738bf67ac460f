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
from hypothesis import HealthCheck, example, given, settings
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

UPDATED = st.sampled_from([None, "2024-01-01T00:00:00", "2025-01-01T00:00:00", "2025-01-01T09:00:00", "2025-06-01"])
COPY = st.tuples(
    st.sampled_from(["W1", "W2"]),
    UPDATED,
    st.sampled_from(["2023-05-01", "2024-05-01", None]),
    st.booleans(),  # a coauthor at HIT
    st.booleans(),  # an author at the lab
    st.sampled_from([None, "x", "y"]),  # a DOI other records may share
)


def made(c: tuple) -> dict:
    wid, updated, date, listed, lab, doi = c
    first = authorship("A. Lab", [LAB]) if lab else authorship("A. Else", [OTHER])
    r = work(wid, "A paper", date=date, authorships=[first, authorship("B. Partner", [HIT if listed else OTHER])])
    r["doi"] = f"https://doi.org/10.1234/{doi}" if doi else None
    if updated is None:
        r.pop("updated_date")
    else:
        r["updated_date"] = updated
    return r


def summary(r) -> tuple:
    c = r.results[0]
    return (
        c.verdict,
        sorted((f.work.id, f.work.publication_date) for f in c.findings),
        sorted(f.work.id for f in c.uncertain_findings),
        c.works_considered,
        sum(x.superseded for x in r.evidence_counts),
    )


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(copies=st.lists(COPY, min_size=2, max_size=5), seed=st.randoms(use_true_random=False))
def test_the_verdict_does_not_depend_on_the_order_of_the_evidence(tmp_path_factory, copies, seed):
    first = results(project(tmp_path_factory.mktemp("a")), *[[made(c)] for c in copies], as_jsonl=True)
    shuffled = list(copies)
    seed.shuffle(shuffled)
    second = results(project(tmp_path_factory.mktemp("b")), *[[made(c)] for c in shuffled], as_jsonl=True)
    assert summary(first) == summary(second)
    dated = [c[1] for c in copies if c[0] == "W1"]
    if copies and all(c[0] == "W1" and not c[5] for c in copies) and None not in dated:
        days = [d[:10] for d in dated]
        if days.count(max(days)) == 1:  # one newest copy, no other work: it alone decides
            newest = copies[days.index(max(days))]
            alone = results(project(tmp_path_factory.mktemp("c")), [made(newest)], as_jsonl=True)
            assert summary(first)[:4] == summary(alone)[:4]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(copies=st.lists(st.tuples(COPY, st.booleans()), min_size=2, max_size=5))
# The lab's paper updated before another institution's record (eighteenth part's review): the
# import held it to the lab's day, ahead of its record; read directly, it was matched.
@example(
    copies=[
        (("W1", "2024-01-01T00:00:00", "2024-05-01", True, True, None), False),
        (("W2", "2025-01-01T00:00:00", "2024-05-01", False, False, None), False),
    ]
)
def test_importing_the_copies_first_changes_no_finding(tmp_path_factory, copies):
    """The import keeps what a check of the file weighs: the newest copy of each id, and every
    copy of its day or of none beside it (found in the sixteenth part: ties kept the first line,
    so an import could keep a copy without authors and drop the one that shows the coauthor)."""
    records = [authorless(made(c)) if gone else made(c) for c, gone in copies]
    as_file = results(project(tmp_path_factory.mktemp("a")), records, as_jsonl=True)
    imported = results(project(tmp_path_factory.mktemp("b")), records)
    assert summary(as_file)[1:4] == summary(imported)[1:4]


def test_an_import_keeps_copies_of_one_day_and_drops_the_same_record_given_twice(root):
    shows = record("2025-01-01T00:00:00")
    hidden = authorless(record("2025-01-01T09:00:00"))
    again = dict(shows, authorships=list(shows["authorships"]))  # the same record, keys reordered
    again = {k: again[k] for k in reversed(list(again))}
    path = write_jsonl(root / "joined.jsonl", [hidden, shows, again])
    summary_ = import_works(path, root / "snap", institutions=["I100"], start=dt.date(2020, 1, 1))
    assert (summary_.records, summary_.duplicates_collapsed, summary_.manifest.unordered_copies) == (2, 1, 1)
    kept = [bool(w.authorships) for w in open_evidence(root / "snap").works()]
    assert kept == [False, True]  # in the file's order
    c = results(root, [hidden, shows, again]).results[0]
    assert found(c) == (0, 1)  # a copy of the same day gives no author: the finding is in doubt


@pytest.mark.parametrize("updated", ["2025-13-45T00:00:00", "2025-01-01"])
def test_an_import_ranks_copies_by_their_day_as_a_check_does(root, updated):
    """An impossible day is none, so it outranks no copy (the import compared the text, and kept
    it alone, a certain finding); a day without a time is the day of a time on it."""
    dated = record("2025-01-01T09:00:00", partner=OTHER)
    other = record(updated)
    assert found(results(root, [dated, other]).results[0]) == (0, 1)  # which coauthor is current is not known
    assert found(results(root, [dated, other], as_jsonl=True).results[0]) == (0, 1)


# --- found by the review of the first version of this ------------------------------------------


def with_doi(r: dict, doi: str) -> dict:
    r["doi"] = f"https://doi.org/10.1234/{doi}"
    return r


def linking(wid: str, date: str) -> dict:
    """A record with no lab author that gives DOI d and the arXiv id 2301.00001: a version of
    whatever has either."""
    return work(
        wid,
        "P",
        date=date,
        doi="https://doi.org/10.1234/d",
        authorships=[authorship("A. Else", [OTHER])],
        locations=[{"landing_page_url": "https://arxiv.org/abs/2301.00001"}],
    )


@pytest.mark.parametrize("order", ["L W1 W2", "W1 W2 L", "W1 L W2", "W2 W1 L"])
def test_a_version_without_the_subject_dates_every_work_it_links_in_any_order(root, order):
    """The second review: fixed for one order only, W9 dated the work it met first."""
    by = {
        "L": linking("W9", "2023-02-01"),
        "W1": with_doi(record("2025-03-01T00:00:00", date="2024-03-01"), "d"),
        "W2": work("W2", "P", date="2024-05-01", doi="https://doi.org/10.48550/arXiv.2301.00001"),
    }
    assert found(results(root, [by[k] for k in order.split()], as_jsonl=True).results[0]) == (0, 0)


@pytest.mark.parametrize("order", ["A B V", "V B A", "B V A"])
def test_a_doi_only_one_copy_of_unknown_order_gives_cannot_clear(root, order):
    """Copies A and B of W1 of one day, both the lab's with a coauthor at HIT in 2024; only A gives
    DOI d, which W2 (2023) has: if B is current W1 is a 2024 finding, if A is it was first out in
    2023. Uncertain, not cleared (found by the second review)."""
    by = {
        "A": with_doi(record("2025-03-01T00:00:00"), "d"),
        "B": record("2025-03-01T09:00:00"),
        "V": with_doi(work("W2", "P", date="2023-01-01", authorships=[authorship("A. Else", [OTHER])]), "d"),
    }
    c = results(root, *[[by[k]] for k in order.split()]).results[0]
    assert found(c) == (0, 1)
    (finding,) = c.uncertain_findings
    assert any(
        "(in the DOI or arXiv id that would make other records versions of it)" in d for d in finding.uncertain_because
    )


def preprint() -> dict:
    """W1: a 2023 preprint with no lab author, its DOI the lab's 2024 article's."""
    return with_doi(work("W1", "P", date="2023-01-01", authorships=[authorship("A. Else", [OTHER])]), "d")


def test_the_same_version_given_twice_still_dates_the_work(root):
    article = with_doi(work("W2", "P", date="2024-05-01"), "d")
    assert found(results(root, [preprint()], [article], as_jsonl=True).results[0]) == (0, 0)
    assert found(results(root, [preprint()], [preprint()], [article], as_jsonl=True).results[0]) == (0, 0)


def test_copies_of_unknown_order_without_the_subject_that_differ_in_date_leave_doubt(root):
    """One copy of the preprint says 2023 (before the period), the other 2024: either may be
    current, so the article is no clearance and no certain finding."""
    late = with_doi(work("W1", "P", date="2024-02-01", authorships=[authorship("A. Else", [OTHER])]), "d")
    article = with_doi(work("W2", "P", date="2024-05-01"), "d")
    c = results(root, [preprint()], [late], [article], as_jsonl=True).results[0]
    assert found(c) == (0, 1)


def test_a_review_naming_the_doi_an_older_copy_gave_does_not_reach_the_work(root):
    """W1's older copy gave DOI `old`, which W2 has now; a review of W2 by that DOI set W1 aside."""
    from claimwatch.reviews import load_reviews, record_review

    old, new = with_doi(record("2024-01-01T00:00:00"), "old"), with_doi(record("2025-03-01T00:00:00"), "new")
    w2 = with_doi(work("W2", "Q", date="2024-06-01", authorships=[authorship("A. Lab", [LAB])]), "old")
    evidence = [
        JsonlEvidence.open(write_jsonl(root / "o.jsonl", [old])),
        JsonlEvidence.open(write_jsonl(root / "n.jsonl", [new, w2])),
    ]
    claims = claims_mod.load_claims(
        [claim_file(root / "claims/c.yaml", "claims:\n" + none_claim("{coauthor_in: [mil]}"))], root=root
    )
    record_review(
        root / "r.yaml",
        claim="c",
        work="10.1234/old",
        decision="not_a_match",
        note="W2",
        by="T",
        date=dt.date(2025, 2, 1),
    )
    reviews = load_reviews(root / "r.yaml")
    c = evaluate(claims, evidence, as_of=dt.date(2025, 3, 1), reviews=reviews).results[0]
    assert c.verdict == "contradicted"


@pytest.mark.parametrize("order", ["L S2 S1", "S2 L S1", "S1 L S2", "L S1 S2"])
def test_an_older_copy_set_aside_joins_no_works(root, order):
    """The older copy of W1 (no lab author) gave a DOI that W2 (2023) has: set aside, it must not
    make W1 and W2 one work dated 2023, in whatever order they come."""
    by = {
        "S1": record("2025-03-01T00:00:00"),
        "L": with_doi(record("2024-01-01T00:00:00", lab=False), "d"),
        "S2": work("W2", "P", date="2023-01-01", doi="https://doi.org/10.1234/d"),
    }
    c = results(root, *[[by[k]] for k in order.split()], as_jsonl=True).results[0]
    assert c.verdict == "contradicted"


def test_a_doi_only_an_older_copy_gave_dates_nothing(root):
    old = with_doi(record("2024-01-01T00:00:00", date="2024-03-01"), "wrong")
    new = record("2025-03-01T00:00:00", date="2024-03-01")
    other = work("W2", "Q", date="2023-01-01", doi="https://doi.org/10.1234/wrong", authorships=[])
    assert results(root, [old], [new], [other], as_jsonl=True).results[0].verdict == "contradicted"


@pytest.mark.parametrize("updated", ["2025-13-45T00:00:00", "9999-99-99", "2025-02-30"])
def test_an_impossible_updated_date_is_no_day(root, updated):
    """Such a copy is of unknown order: it cannot set aside a copy of a real day."""
    c = results(root, [record(updated)], [record("2025-03-01T00:00:00", partner=OTHER)]).results[0]
    assert found(c) == (0, 1)


def test_an_undated_copy_still_lets_another_version_date_the_work(root):
    """W1's copies are of unknown order and one has no publication date, but W2, a version of it,
    appeared in 2022: the work is before the period whatever W1's date."""
    a, b = with_doi(record(None), "z"), with_doi(record("2025-03-01T00:00:00", date=None), "z")
    v = with_doi(work("W2", "P", date="2022-01-01", authorships=[authorship("A. Lab", [LAB])]), "z")
    assert found(results(root, [a], [b], [v], as_jsonl=True).results[0]) == (0, 0)


def test_a_version_that_shows_the_finding_keeps_it_whatever_the_copies_say(root):
    v = with_doi(work("W2", "P", date="2024-05-01"), "v")
    a, b = with_doi(record(None), "v"), with_doi(record(None, partner=OTHER), "v")
    assert found(results(root, [v], [a], [b], as_jsonl=True).results[0]) == (1, 0)


def test_copies_differing_only_by_a_date_inside_the_period_agree(root):
    a = record("2025-03-01T00:00:00", date="2024-06-01")
    b = record("2025-03-01T08:00:00", date="2024-07-01")
    assert found(results(root, [a], [b]).results[0]) == (1, 0)


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


# --- found by the hunt over several pieces of evidence ------------------------------------------


@pytest.mark.parametrize("lab_preprint", [False, True])
@pytest.mark.parametrize("order", ["A P L", "L P A", "P A L", "P L A"])
def test_versions_linked_through_a_record_without_the_subject_are_one_work(root, order, lab_preprint):
    """W1 (the lab's 2024 article, DOI d) and W6 (its 2023 arXiv preprint) share no key; W5, with no
    lab author, has both. One work first out in 2023: W6's date never reached W1 (an older gap)."""
    by = {
        "A": with_doi(record("2025-03-01T00:00:00", date="2024-03-01"), "d"),
        "L": linking("W5", "2024-02-01"),
        "P": work(
            "W6",
            "P",
            date="2023-01-15",
            doi="https://doi.org/10.48550/arXiv.2301.00001",
            authorships=[authorship("A. Lab", [LAB]) if lab_preprint else authorship("A. Else", [OTHER])],
        ),
    }
    assert found(results(root, [by[k] for k in order.split()], as_jsonl=True).results[0]) == (0, 0)


def test_a_newer_copy_that_gives_no_author_sets_no_copy_aside(root):
    """A complete snapshot's W1 is the lab's, with a coauthor at HIT; a newer copy in a JSON Lines
    file lost its authors. It cannot show the lab is not an author: no clearance."""
    source = write_jsonl(root / "a.jsonl", [record("2024-07-01T00:00:00")])
    import_works(source, root / "a", institutions=["I100"], start=dt.date(2020, 1, 1))
    newer = record("2025-06-01T00:00:00")
    newer["authorships"] = []
    text = "claims:\n" + none_claim("{coauthor_in: [mil]}")
    claims = claims_mod.load_claims([claim_file(root / "claims/c.yaml", text)], root=root)
    evidence = [open_evidence(root / "a"), JsonlEvidence.open(write_jsonl(root / "n.jsonl", [newer]))]
    runs = [evaluate(claims, evidence, as_of=dt.date(2024, 7, 1), engine=e, cache=root / "cache") for e in ENGINES]
    assert "".join(json_chunks(runs[0])) == "".join(json_chunks(runs[1]))
    c = runs[0].results[0]
    assert (c.verdict, found(c)) == ("insufficient_evidence", (0, 1))
    assert sum(x.superseded for x in runs[0].evidence_counts) == 0


def authorless(r: dict) -> dict:
    r["authorships"] = []
    return r


def test_an_older_copy_that_gives_no_author_is_set_aside(root):
    """A record first taken before OpenAlex filled in its authors, beside the newer one: the
    newer decides, certain (found by the review of the fix above)."""
    c = results(root, [authorless(record("2024-01-01T00:00:00")), record("2025-01-01T00:00:00")], as_jsonl=True)
    assert (c.results[0].verdict, found(c.results[0])) == ("contradicted", (1, 0))
    assert [x.superseded for x in c.evidence_counts] == [1]
    stale = authorless(record("2024-01-01T00:00:00", date="2023-03-01"))
    c = results(root, [stale, record("2025-01-01T00:00:00", date="2024-03-01")], as_jsonl=True).results[0]
    assert (c.verdict, found(c)) == ("contradicted", (1, 0))


def test_an_older_copy_that_gives_no_author_and_no_doi_unlinks_nothing(root):
    new = with_doi(record("2025-01-01T00:00:00", date="2024-03-01"), "d")
    preprint = work(
        "W6", "P", date="2023-06-01", doi="https://doi.org/10.1234/d", authorships=[authorship("A. Lab", [LAB])]
    )
    c = results(root, [authorless(record("2024-01-01T00:00:00")), new, preprint], as_jsonl=True).results[0]
    assert found(c) == (0, 0)


def test_the_order_the_evidence_is_given_in_changes_no_finding(root):
    """Found by the sixteenth part's hunt: a finding cited its records, and its reasons, in the
    order the evidence was given on the command line."""
    shared = with_doi(record("2025-01-01T00:00:00"), "10.1234/x")
    other = with_doi(work("W2", "A paper", date="2024-06-01", authorships=[authorship("C. Lab", [LAB])]), "10.1234/x")
    a = write_jsonl(root / "a.jsonl", [shared])
    b = write_jsonl(root / "b.jsonl", [shared, other])
    text = "claims:\n" + none_claim("{coauthor_in: [mil]}")
    claims = claims_mod.load_claims([claim_file(root / "claims/c.yaml", text)], root=root)
    runs = []
    for order in ([a, b], [b, a]):
        for engine in ENGINES:
            evidence = [JsonlEvidence.open(p) for p in order]
            r = evaluate(claims, evidence, as_of=dt.date(2025, 3, 1), engine=engine, cache=root / "cache")
            runs.append([f.model_dump() for c in r.results for f in (*c.findings, *c.uncertain_findings)])
    assert runs[0] and all(run == runs[0] for run in runs)
    assert runs[0][0]["work"]["records"] == (f"{a}:1", f"{b}:1")


def _lab_only(wid: str, updated: str) -> dict:
    """A work of the lab's alone, which sets its snapshot's as-of by its `updated_date`."""
    r = work(wid, "Another paper", date="2024-03-01", authorships=[authorship("A. Lab", [LAB])])
    r["updated_date"] = updated
    return r


def test_an_older_snapshot_holding_the_record_unchanged_does_not_weaken_what_the_newer_shows(root):
    """The lab's paper with a HIT coauthor, dated 2025-02-01, in a record updated 2025-01-01: the
    snapshot current on 2025-02-15 shows it certainly in the period. An older snapshot, current on
    2025-01-01, holding the same record left the date ahead of its day, "may have appeared on any
    day before": added beside the newer one, it made the contradicted claim merely uncertain. The
    record was still current on 2025-02-15: every copy of that day is dated by it."""
    paper = record("2025-01-01T00:00:00", date="2025-02-01")
    old = [paper, _lab_only("W7", "2025-01-01T00:00:00")]
    new = [paper, _lab_only("W8", "2025-02-15T00:00:00")]
    for sources in ((new,), (old, new), (new, old)):
        c = results(root, *sources).results[0]
        assert (c.verdict, found(c)) == ("contradicted", (1, 0)), c.why
        assert "after 2025-01-01" not in c.why
    c = results(root, old).results[0]  # alone, the older snapshot cannot say
    assert (c.verdict, found(c)) == ("insufficient_evidence", (0, 1))
    assert "after 2025-01-01, the day its record was current" in c.why
    # A copy updated on another day is another record: the older is set aside, not re-dated.
    moved = record("2024-12-01T00:00:00", date="2025-02-01")
    c = results(root, [moved, _lab_only("W7", "2025-01-01T00:00:00")], new).results[0]
    assert (c.verdict, found(c)) == ("contradicted", (1, 0))

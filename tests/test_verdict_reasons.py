"""One rule for a verdict and its reason, for claims about works and about people alike
(`evaluate._verdicts.verdict_reason`). Two functions made them, the works' and the people's,
and said one verdict differently: a claim about people finding no one within what it allows
said "No one match, within the 1 allowed"; a claim about works contradicted, or supported, only
by authors holding both the subject's and a listed affiliation said so where it expects none,
and not where it allows at most one (docs/evaluation.md says every contradicted verdict does)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimwatch import claims as claims_mod
from claimwatch.evaluate import evaluate
from claimwatch.evaluate._verdicts import _WORKS, verdict_reason
from claimwatch.evaluate.people._findings import _PEOPLE
from claimwatch.evidence import JsonlEvidence
from claimwatch.results import CoverageReport
from helpers import HIT, LAB, STATEMENT, SUBJECTS, authorship, project, work, write, write_jsonl
from test_people import COVER, covered_case, judge, people_claim, root  # noqa: F401 (root is a fixture)

DUAL_NOTE = "(each rests only on an author who holds both the subject's and a listed affiliation"


@pytest.mark.parametrize(
    ("expects", "verdict"),
    [("none", "contradicted"), ("{at_most: 1}", "contradicted"), ("{at_least: 2}", "supported")],
)
def test_every_reason_citing_findings_that_rest_only_on_one_person_with_both_affiliations_says_so(
    tmp_path: Path, expects: str, verdict: str
):
    base = project(tmp_path)
    claims = write(
        base / "claims/c.yaml",
        STATEMENT + SUBJECTS + f"claims:\n  - {{id: c, says: s, subject: lab, from: 2024-01-10, expects: {expects}, "
        "works: {coauthor_in: [mil]}}\n",
    )
    # One author at the lab and at HIT on each work: no coauthor elsewhere.
    records = [work(f"W{i}", f"Paper {i}", "2024-06-01", [authorship("A. Both", [LAB, HIT])]) for i in (1, 2)]
    evidence = JsonlEvidence.open(write_jsonl(base / "works.jsonl", records))
    (r,) = evaluate(claims_mod.load_claims([claims], root=base), [evidence]).results
    assert r.verdict == verdict and all(f.dual_affiliation_only for f in r.findings)
    assert DUAL_NOTE in r.why


def test_a_claim_about_people_finding_no_one_within_what_it_allows_says_no_one_matches(root):  # noqa: F811
    body = people_claim("{joined_from: [mil]}", period="from: 2022-04-08\n    to: 2024-12-31", expects="{at_most: 1}")
    r = judge(root, body, covered_case(with_every_record=True), **COVER)
    assert r.verdict == "not_contradicted"
    assert r.why.startswith("No one matches, within the 1 allowed, and ")


def _plain(words):
    """The wording with findings cited as their count: what the rule says, not what it cites."""
    return dataclasses.replace(
        words, cite=lambda f: f"{len(f)} cited", cite_doubted=lambda f: f"{len(f)} doubted", notes=lambda f: ""
    )


@given(
    kind=st.sampled_from(["none", "at_most", "at_least"]),
    count=st.integers(0, 3),
    n=st.integers(0, 4),
    u=st.integers(0, 4),
    complete=st.booleans(),
)
def test_works_and_people_get_one_verdict_and_a_reason_in_the_same_words_but_the_nouns(kind, count, n, u, complete):
    coverage = CoverageReport(complete=complete, why="the coverage")
    if kind == "at_least":
        count += 1  # at_least names 1 or more
    found = {}
    for name, words in (("works", _plain(_WORKS)), ("people", _plain(_PEOPLE))):
        verdict, why = verdict_reason(kind, count, [object()] * n, [object()] * u, coverage, "the pool", words)
        found[name] = verdict, why.replace(words.silence, "") if words.silence else why
    assert found["works"][0] == found["people"][0]
    people = found["people"][1]
    assert "No one match " not in people and "No one match," not in people
    assert "No works matches" not in found["works"][1]
    nouns = {
        "No works match": "No one matches",
        "No works": "No one",
        "No work": "No one",
        "works": "people",
        "work": "person",
    }
    works = found["works"][1]
    for said, instead in nouns.items():
        works = works.replace(said, instead)
    assert works == people

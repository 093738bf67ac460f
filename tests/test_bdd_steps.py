"""The step library's parts: verdict words, tables, claims written in a feature, messages."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from claimwatch.bdd._features import unknown_step_message
from claimwatch.bdd.case import Case, InlineClaim, SessionStore, inline_claim_file
from claimwatch.bdd.failures import ScenarioProblem, found
from claimwatch.bdd.steps import docstring_start, partner_institutions, table_rows, uncited, verdict_named
from claimwatch.errors import InputError
from claimwatch.lists import ListLibrary, default_dirs
from claimwatch.results import AffiliationReason, Finding, WorkRef

PROJECT = Path(__file__).resolve().parent.parent
MICROSOFT = PROJECT / "claims" / "microsoft-msra-2024.yaml"
TOPICS = PROJECT / "claims" / "topics"


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("contradicted", "contradicted"),
        ("Supported", "supported"),
        ("not contradicted", "not_contradicted"),
        ("not_contradicted", "not_contradicted"),
        ("Not-Contradicted", "not_contradicted"),
        (" insufficient  evidence ", "insufficient_evidence"),
    ],
)
def test_verdicts_are_read_as_analysts_write_them(written: str, name: str) -> None:
    assert verdict_named(written) == name


def test_a_word_that_is_no_verdict_lists_the_verdicts() -> None:
    with pytest.raises(
        ScenarioProblem,
        match='"refuted" is not a verdict; write one of: contradicted, supported, '
        "not contradicted, insufficient evidence",
    ):
        verdict_named("refuted")


def test_a_verdict_table_is_read_by_its_header() -> None:
    rows = table_rows([["Claim", "Verdict", "matched"], [" a ", "contradicted", "2"]])
    assert rows == [{"claim": "a", "verdict": "contradicted", "matched": "2"}]


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ([["claim", "result"], ["a", "b"]], "needs the columns claim and verdict"),
        ([["claim", "verdict", "why"], ["a", "b", "c"]], "columns the step does not know: why"),
        ([["claim", "verdict"]], "the table lists no claims"),
    ],
)
def test_a_verdict_table_that_cannot_be_checked_is_refused(table: list[list[str]], message: str) -> None:
    with pytest.raises(ScenarioProblem, match=message):
        table_rows(table)


# --- claims written in a feature ----------------------------------------------------------------


def inline(text: str, line: int = 10, column: int = 6) -> InlineClaim:
    return InlineClaim(textwrap.dedent(text).lstrip(), "features/x.feature", line, column)


def from_docstring(text: str, before: Path | None = MICROSOFT, **where: int):
    return inline_claim_file(inline(text, **where), before, TOPICS, ListLibrary(default_dirs(PROJECT)))


ONE_CLAIM = """
    id: msra-no-speech
    says: No speech synthesis.
    subject: msra
    from: 2024-01-10
    expects: none
    works: {topic: synthetic-media}
"""


def test_one_claim_adds_to_the_claim_file_before_it() -> None:
    claim_file = from_docstring(ONE_CLAIM)
    [claim] = claim_file.claims
    assert (claim.id, claim.subject.name, claim.path, claim.line) == (
        "msra-no-speech",
        "Microsoft Research Asia",
        "features/x.feature",
        10,
    )
    assert claim_file.statement.speaker == "Microsoft"
    assert claim_file.topics["synthetic-media"].path.endswith("claims/topics/synthetic-media.yaml")


def test_a_list_of_claims_adds_every_one() -> None:
    claim_file = from_docstring("""
        - {id: a, says: A., subject: msra, expects: none, works: {topic: quantum-computing}}
        - {id: b, says: B., subject: msra, expects: {at_least: 1}, works: {coauthor_in: [seven-sons]}}
    """)
    assert [c.id for c in claim_file.claims] == ["a", "b"]
    assert set(claim_file.lists) == {"seven-sons"}


def test_content_may_bring_its_own_subjects_and_topics() -> None:
    claim_file = from_docstring("""
        subjects:
          msr:
            name: Microsoft Research
            openalex: [I1290206253]
        topics:
          holography:
            name: Holography
            rationale: A topic of this feature only.
            phrases: [holography]
        claims:
          - {id: msr-no-holography, says: None., subject: msr, expects: none, works: {topic: holography}}
    """)
    [claim] = claim_file.claims
    assert claim.subject.openalex == ("I1290206253",)
    assert claim_file.topics["holography"].phrases == ("holography",)
    assert set(claim_file.subjects) == {"msra", "msr"}


def test_a_whole_claim_file_needs_nothing_before_it() -> None:
    claim_file = from_docstring(
        """
        statement:
          speaker: Someone
          made_on: 2024-01-01
          quote: We do no quantum computing.
          sources: [{title: A speech}]
        subjects:
          lab: {name: A lab, openalex: [I1]}
        claims:
          - {id: lab-no-quantum, says: No quantum., subject: lab, expects: none, works: {topic: quantum-computing}}
    """,
        before=None,
    )
    assert claim_file.statement.speaker == "Someone"
    assert [c.id for c in claim_file.claims] == ["lab-no-quantum"]


def test_mistakes_are_placed_at_the_feature_files_lines() -> None:
    with pytest.raises(InputError) as raised:
        from_docstring(
            ONE_CLAIM.replace("subject: msra", "subject: msrb").replace(
                "topic: synthetic-media", "topic: synthetic-medium"
            )
        )
    assert [str(p) for p in raised.value.problems] == [
        "features/x.feature:12:16: unknown subject 'msrb'; known: msra",
        f"features/x.feature:15:22: unknown topic 'synthetic-medium'; known: facial-recognition, "
        f"person-re-identification, quantum-computing, synthetic-media (looked in this file and {TOPICS}/)",
    ]


def test_broken_yaml_is_placed_at_the_feature_files_lines() -> None:
    with pytest.raises(InputError) as raised:
        from_docstring("id: x\nsays: [unclosed\n", line=20, column=8)
    [problem] = raised.value.problems
    assert (problem.path, problem.line) == ("features/x.feature", 22)
    assert problem.message.startswith("not valid YAML")


def test_content_without_a_claim_file_before_it_says_what_to_do() -> None:
    with pytest.raises(InputError, match="this claim has no statement: write a whole claim file"):
        from_docstring(ONE_CLAIM, before=None)


def test_content_after_a_folder_of_claim_files_asks_for_one_file() -> None:
    with pytest.raises(InputError, match="holds 3 claim files: name one file"):
        from_docstring(ONE_CLAIM, before=PROJECT / "claims")


def test_a_claim_id_given_twice_is_refused(tmp_path: Path) -> None:
    case = Case(root=PROJECT, store=SessionStore())
    case.add_claims("claims/microsoft-msra-2024.yaml")
    case.add_inline_claim(inline(ONE_CLAIM.replace("msra-no-speech", "msra-no-synthetic-media")))
    duplicate = r"duplicate claim id 'msra-no-synthetic-media' \(also at \S*claims/microsoft-msra-2024.yaml:\d+\)"
    with pytest.raises(InputError, match=duplicate):
        case.claim_set()


def test_docstrings_start_after_their_delimiter(tmp_path: Path) -> None:
    feature = tmp_path / "x.feature"
    feature.write_text('Feature: X\n  Scenario: Y\n    Given the claim:\n      """\n      id: a\n      """\n')
    assert docstring_start(feature, 3) == (5, 6)


# --- a case and its evaluation -------------------------------------------------------------------


def test_paths_are_the_project_roots_unless_absolute(tmp_path: Path) -> None:
    case = Case(root=PROJECT, store=SessionStore())
    assert case.existing("claims/microsoft-msra-2024.yaml", "claims") == MICROSOFT
    assert case.existing(str(MICROSOFT), "claims") == MICROSOFT
    with pytest.raises(ScenarioProblem, match=f'claims "claims/nope.yaml" not found .*{PROJECT}'):
        case.existing("claims/nope.yaml", "claims")


def test_evaluating_without_claims_or_evidence_says_which_is_missing() -> None:
    case = Case(root=PROJECT, store=SessionStore())
    with pytest.raises(ScenarioProblem, match="no claims to evaluate"):
        case.evaluate()
    case.add_claims("claims/microsoft-msra-2024.yaml")
    with pytest.raises(ScenarioProblem, match="no evidence to evaluate against"):
        case.evaluate()


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Case:
    """The synthetic case of features/, evaluated once."""
    case = Case(root=PROJECT, store=SessionStore())
    case.add_claims("features/data/synthetic-claims.yaml")
    case.add_lists("features/data/lists")
    case.add_evidence(
        case.import_snapshot(
            PROJECT / "features" / "data" / "synthetic-works.jsonl",
            ("I9990000001",),
            dt.date(2024, 1, 1),
            dt.date(2024, 12, 31),
            lambda: tmp_path_factory.mktemp("snapshot"),
        )
    )
    case.evaluate()
    return case


def test_then_steps_need_one_claim_in_focus(synthetic: Case) -> None:
    with pytest.raises(ScenarioProblem, match=r'6 claims were evaluated .*: name one with When the claim "ID"'):
        synthetic.focus()


def test_what_was_found_lists_the_first_findings_and_counts_the_rest(synthetic: Case) -> None:
    text = found(synthetic.result_of("kestrel-no-drone-swarms"), root=PROJECT, limit=1)
    assert text.splitlines()[:4] == [
        "The evaluation found: contradicted",
        "  Why: 2 works match although the claim expects none: \u201cEnergy-aware task allocation in UAV swarms\u201d "
        "(2024); \u201cCooperative path planning for UAV swarms under intermittent communication\u201d (2024-03-14).",
        "  Findings: 2 matched, 0 uncertain, among 5 works by Kestrel Research Lab in the period",
        "    1. \u201cEnergy-aware task allocation in UAV swarms\u201d",
    ]
    assert text.splitlines()[-1] == "    ... and 1 more"


def test_what_was_found_names_an_uncertain_work_and_why(synthetic: Case) -> None:
    text = found(synthetic.result_of("kestrel-no-drone-swarms-since-june"), root=PROJECT)
    assert text.splitlines()[-1] == (
        "  Uncertain: \u201cEnergy-aware task allocation in UAV swarms\u201d: its date 2024 may fall before 2024-06-01"
    )


def test_partner_institutions_come_from_listed_coauthors(synthetic: Case) -> None:
    partners = partner_institutions(synthetic.result_of("kestrel-no-watchlist-partners"))
    assert partners == ["Eastport Institute of Technology"]
    assert partner_institutions(synthetic.result_of("kestrel-no-drone-swarms")) == []


def test_every_synthetic_finding_cites_its_source(synthetic: Case) -> None:
    findings = [f for r in synthetic.evaluated().results for f in (*r.findings, *r.uncertain_findings)]
    assert len(findings) == 7
    assert [uncited(f) for f in findings] == [[]] * 7


def test_a_finding_that_cannot_be_traced_says_what_it_lacks() -> None:
    bare = Finding(
        work=WorkRef(id="curated-1", title="A work"),
        status="matched",
        strength="direct",
        reasons=(AffiliationReason(kind="listed_author", author="A. Author", author_position=1, method="ror"),),
    )
    assert uncited(bare) == [
        "no DOI, arXiv id, URL or OpenAlex id",
        "no record location in the evidence",
        "no publication date",
        "an affiliation reason without its author or list entry (ror)",
    ]


def test_an_unknown_step_is_answered_with_the_closest_steps() -> None:
    message = unknown_step_message("then", "at lest 3 work match")
    assert message.splitlines()[:3] == [
        "No step of the claimwatch library reads this text.",
        "Did you mean:",
        "  Then at least N works match",
    ]


def test_inputs_given_after_an_evaluation_wait_for_the_next_one() -> None:
    case = Case(root=PROJECT, store=SessionStore())
    case.add_claims("claims/microsoft-msra-2024.yaml")
    case.add_evidence(case.existing("evidence/curated/msra-2024.yaml", "evidence"))
    case.evaluate("msra-no-synthetic-media")
    assert case.focus().verdict == "contradicted"
    case.add_lists("evidence/lists")
    with pytest.raises(ScenarioProblem, match="nothing has been evaluated yet"):
        case.focus()

"""The step library's parts: verdict words, tables, claims written in a feature, messages."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from claimwatch.bdd._features import unknown_step_message
from claimwatch.bdd.case import Case, InlineClaim, SessionStore, inline_claim_file
from claimwatch.bdd.failures import ExpectationNotMet, ScenarioProblem, found
from claimwatch.bdd.steps import (
    docstring_start,
    partner_institutions,
    row_difference,
    table_rows,
    then_at_least_people,
    then_exactly,
    then_exactly_people,
    then_finding_author,
    then_finding_titled,
    then_findings_cited,
    then_no_one,
    then_none,
    uncited,
    uncited_person,
    verdict_named,
)
from claimwatch.errors import InputError
from claimwatch.lists import ListLibrary, default_dirs
from claimwatch.results import AffiliationReason, Finding, InstitutionRef, PersonFinding, Placement, WorkRef
from helpers import project
from test_people_reports import people_case

pytest_plugins = ["pytester"]

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
        (
            [["claim", "verdict", "Verdict"], ["a", "supported", "contradicted"]],
            "names the column verdict twice: one of the two would be checked, the other passed over",
        ),
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


def test_the_topics_of_the_file_added_to_need_no_claim_here_but_its_own_do() -> None:
    """A claim written in a feature uses what it needs of the claim file before it, whose claims
    name that file's topics; a topic the feature's own content defines and no claim names is a
    misspelling, said at the feature's line."""
    synthetic = PROJECT / "features/data/synthetic-claims.yaml"
    claim = "{id: k, says: K., subject: kestrel, expects: none, works: {topic: drone-swarms}}"
    assert [c.id for c in from_docstring(claim, before=synthetic).claims] == ["k"]
    with pytest.raises(InputError) as raised:
        from_docstring(
            f"topics:\n  dorne-swarms: {{name: D, rationale: r, phrases: [swarm]}}\nclaims: [{claim}]\n",
            before=synthetic,
        )
    assert [str(p) for p in raised.value.problems] == [
        "features/x.feature:11:9: topic 'dorne-swarms' is defined here but no claim of this file names it, so "
        "nothing reads it (a claim names 'drone-swarms': is one of the two misspelt?)"
    ]


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
    with pytest.raises(ScenarioProblem, match=r'7 claims were evaluated .*: name one with When the claim "ID"'):
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


# --- claims about people (#21) -------------------------------------------------------------------


@pytest.fixture(scope="module")
def recruits(tmp_path_factory: pytest.TempPathFactory) -> Case:
    """A claim about people evaluated on author records: Li Wei (A1) moved from a listed
    university to the lab, Zhang San (A2) was at both in the same year, which is uncertain."""
    root = project(tmp_path_factory.mktemp("people"))
    claims, records = people_case(root)
    case = Case(root=root, store=SessionStore())
    case.add_claims(str(claims))
    case.add_evidence(records)
    case.evaluate("lab-no-recruits")
    return case


@pytest.mark.parametrize(
    "written",
    [
        "Li Wei",
        " li  WEI ",
        "A1",
        "a1",
        "https://openalex.org/A1",
        "0000-0002-1825-0097",
        "https://orcid.org/0000-0002-1825-0097",
    ],
)
def test_a_person_is_found_by_name_openalex_id_or_orcid(recruits: Case, written: str) -> None:
    then_finding_author(recruits, written)


def test_a_person_who_does_not_match_is_reported_with_the_people_found(recruits: Case) -> None:
    with pytest.raises(ExpectationNotMet) as raised:
        then_finding_author(recruits, "A999")
    lines = str(raised.value).splitlines()
    assert lines[0] == 'Expected the people matching lab-no-recruits to include the author "A999".'
    assert lines[1] == "The evaluation found: contradicted"
    assert (
        lines[3]
        == "  People: 1 matched, 1 uncertain, among 2 people whose records place them at Example Lab in the period"
    )
    assert lines[4] == "    1. Li Wei (A1, ORCID 0000-0002-1825-0097)"
    assert lines[5].startswith("       direct · ") and lines[5].endswith("records.jsonl:1")
    assert lines[6] == (
        "       at Harbin Institute of Technology in 2020, then first at Example Lab in 2023, by publication years"
    )
    assert lines[7].startswith("  Uncertain: Zhang San (A2): ")


def test_an_uncertain_person_is_named_as_uncertain_with_why(recruits: Case) -> None:
    with pytest.raises(
        ExpectationNotMet, match=r"Zhang San \(A2\) is among the uncertain people, who do not count: .*the same year"
    ):
        then_finding_author(recruits, "Zhang San")


def test_people_are_counted_by_the_people_steps(recruits: Case) -> None:
    then_exactly_people(recruits, 1)
    then_at_least_people(recruits, 1)
    with pytest.raises(ExpectationNotMet, match=r"^Expected exactly 2 people to match lab-no-recruits; 1 matched\.\n"):
        then_exactly_people(recruits, 2)
    with pytest.raises(ExpectationNotMet, match=r"^Expected no person to match lab-no-recruits; 1 matched\.\n"):
        then_no_one(recruits)
    with pytest.raises(ExpectationNotMet, match=r"^Expected at least 2 people to match"):
        then_at_least_people(recruits, 2)


def test_a_count_of_works_on_a_claim_about_people_says_what_to_write(recruits: Case) -> None:
    with pytest.raises(
        ScenarioProblem, match='the claim "lab-no-recruits" is about people: write "exactly 1 person matches"'
    ):
        then_exactly(recruits, 1)
    with pytest.raises(ScenarioProblem, match='is about people: write "no person matches"'):
        then_none(recruits)


def test_a_count_of_people_on_a_claim_about_works_says_what_to_write(synthetic: Case) -> None:
    synthetic.evaluate("kestrel-no-watchlist-partners")
    with pytest.raises(
        ScenarioProblem, match='"kestrel-no-watchlist-partners" is about works: write "exactly 2 works match"'
    ):
        then_exactly_people(synthetic, 2)


def test_on_a_claim_about_works_the_author_step_reads_the_authors_of_matching_works(synthetic: Case) -> None:
    synthetic.evaluate("kestrel-no-watchlist-partners")
    then_finding_author(synthetic, "bayo okafor")  # a listed coauthor
    then_finding_author(synthetic, "Gao Wen")  # one of the subject's authors
    with pytest.raises(ExpectationNotMet, match='to include the author "Nobody"'):
        then_finding_author(synthetic, "Nobody")


def test_a_verdict_table_counts_people_for_a_claim_about_people(recruits: Case) -> None:
    difference = row_difference(recruits, {"claim": "lab-no-recruits", "verdict": "contradicted", "matched": "2"})
    assert difference is not None and difference.startswith("lab-no-recruits: expected 2 matching people.")
    assert row_difference(recruits, {"claim": "lab-no-recruits", "verdict": "contradicted", "matched": "1"}) is None


def test_listed_institutions_of_the_people_who_match_are_their_partners(recruits: Case) -> None:
    assert partner_institutions(recruits.focus()) == ["Harbin Institute of Technology"]


def test_every_person_found_cites_their_records(recruits: Case) -> None:
    result = recruits.focus()
    assert [uncited_person(p) for p in (*result.people, *result.uncertain_people)] == [[], []]
    then_findings_cited(recruits)


def test_a_person_who_cannot_be_traced_says_what_they_lack() -> None:
    bare = PersonFinding(
        id="A1",
        name="Li Wei",
        records=(),
        status="matched",
        strength="direct",
        shows="s",
        at_subject=(),
        at_listed=(
            Placement(
                institution=InstitutionRef(name="Beihang University"),
                years=(),
                years_basis="publication years",
                method="ror",
                record="",
            ),
        ),
    )
    assert uncited_person(bare) == [
        "no author record location in the evidence",
        "no place at the subject",
        "Beihang University without the author record that places them there",
        "Beihang University without its years",
        "Beihang University without its list entry",
    ]


def test_steps_about_people_run_in_a_feature(pytester: pytest.Pytester) -> None:
    root = pytester.path
    claims, records = people_case(project(root))
    (root / "pytest.ini").write_text("[pytest]\naddopts = -p no:hypothesispytest -p no:cacheprovider\n")
    (root / "features").mkdir()
    (root / "features" / "people.feature").write_text(
        textwrap.dedent(f"""\
        Feature: Recruits
          Background:
            Given the claims in "{claims.relative_to(root)}"
            And the evidence in "{records.relative_to(root)}"

          Scenario: One recruit from a listed university
            When the claim "lab-no-recruits" is evaluated
            Then the verdict is "contradicted"
            And exactly 1 person matches
            And the findings include the author "https://openalex.org/A1"
            And the findings include the author "0000-0002-1825-0097"
            And every finding cites its source

          Scenario: The uncertain one does not count
            When the claim "lab-no-recruits" is evaluated
            Then the findings include the author "Zhang San"
        """)
    )
    result = pytester.runpytest_subprocess("features")
    result.assert_outcomes(passed=1, failed=1)
    output = result.stdout.str()
    assert "Zhang San (A2) is among the uncertain people, who do not count" in output
    assert "    1. Li Wei (A1, ORCID 0000-0002-1825-0097)" in output
    assert "Traceback" not in output and "pytest_bdd" not in output


@pytest.fixture
def accented(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Case:
    """The case `claimwatch init` makes, its work's title and author as a record may write them:
    accents as a letter and a combining mark, a soft hyphen, a zero-width space."""
    from claimwatch.cli import main

    monkeypatch.chdir(tmp_path)
    assert main(["init", "case"]) == 0
    root = tmp_path / "case"
    curated = root / "evidence/curated/example.yaml"
    text = curated.read_text(encoding="utf-8")
    text = text.replace(
        "title: Coordinating drone swarms in cluttered airspace",
        'title: "Coordinating drone swarms: re\\u0301sume\\u0301 of a co\\u00adoperative\\u200b approach"',
    ).replace("name: A. Author", 'name: "Jose\\u0301 Author"')
    curated.write_text(text, encoding="utf-8")
    case = Case(root=root, store=SessionStore())
    case.add_claims("claims/EXAMPLE.yaml")
    case.add_evidence(curated)
    case.evaluate("example-lab-no-military-drone-swarms")
    return case


def test_a_title_or_a_name_is_compared_as_a_reader_sees_it(accented: Case) -> None:
    """Found by the twentieth part's hunt: a title copied from a page ("résumé", its "é" one
    character) was not found in a record writing "e" and a combining accent, with a soft hyphen
    and a zero-width space, and the failure showed the same title twice; a name so written was
    "compared as written, its accents too"."""
    then_finding_titled(accented, "Coordinating drone swarms: r\u00e9sum\u00e9 of a cooperative approach")
    then_finding_author(accented, "Jos\u00e9 Author")
    with pytest.raises(ExpectationNotMet) as raised:
        then_finding_titled(accented, "Coordinating drone swarms: resume of a cooperative approach")
    assert "\u00ad" not in str(raised.value) and "\u200b" not in str(raised.value)
    assert "cooperative\ufffd approach" in str(raised.value)  # the zero-width space shown

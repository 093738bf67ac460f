"""The pytest plugin end to end: features run in a scratch project, as an analyst's would."""

from __future__ import annotations

import importlib
import json
import os
import re
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import pytest

import claimwatch

pytest_plugins = ["pytester"]

PROJECT = Path(__file__).resolve().parent.parent
EVALUATION = importlib.import_module("claimwatch.evaluate")  # the module; `claimwatch.evaluate` is its function
INTERNALS = ("Traceback", "pytest_bdd", "_pytest", "site-packages", "def ", "raise ")


def ini_like_the_project() -> str:
    """A pytest.ini with the project's own strictness: --strict-markers and warnings as errors.

    Hypothesis's plugin is left out: it imports hypothesis in every run, which costs seconds.
    """
    options = tomllib.loads((PROJECT / "pyproject.toml").read_text())["tool"]["pytest"]["ini_options"]
    warnings = "\n".join(f"    {w}" for w in options["filterwarnings"])
    return f"[pytest]\naddopts = --strict-markers -p no:hypothesispytest\nfilterwarnings =\n{warnings}\n"


@pytest.fixture(scope="module", autouse=True)
def spacy_loaded() -> None:
    """Evaluate once before any scratch run: pytester unloads the modules a run imports, and
    spaCy's compiled modules cannot be loaded twice in one process."""
    claims = claimwatch.load_claims([PROJECT / "claims" / "microsoft-msra-2024.yaml"], root=PROJECT)
    claimwatch.evaluate(claims, claimwatch.open_evidence_paths([PROJECT / "evidence" / "curated"]))


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    """A scratch project root holding the shipped claims and evidence and the features' data."""
    (pytester.path / "pytest.ini").write_text(ini_like_the_project())
    for name in ("claims", "evidence"):
        (pytester.path / name).symlink_to(PROJECT / name)
    (pytester.path / "features").mkdir()
    (pytester.path / "features" / "data").symlink_to(PROJECT / "features" / "data")
    return pytester


def write_feature(project: pytest.Pytester, name: str, text: str) -> Path:
    path = project.path / "features" / name
    path.write_text(textwrap.dedent(text).lstrip())
    return path


MICROSOFT = """\
    Feature: Microsoft
      Background:
        Given the claims in "claims/microsoft-msra-2024.yaml"
        And the evidence in "evidence/curated/msra-2024.yaml"
"""


def test_a_wrong_verdict_fails_with_what_the_evaluation_found(project: pytest.Pytester) -> None:
    write_feature(
        project,
        "wrong.feature",
        MICROSOFT
        + """
      Scenario: Synthetic media
        When the claim "msra-no-synthetic-media" is evaluated
        Then the verdict is "not contradicted"
    """,
    )
    result = project.runpytest("features")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "*Scenario: Synthetic media*",
            'features/wrong.feature:8: Then the verdict is "not contradicted"',
            'Expected the verdict "not contradicted" for msra-no-synthetic-media.',
            "The evaluation found: contradicted",
            "  Why: 3 works match although the claim expects none: *NaturalSpeech 3*(2024-03)*VASA-1*(2024-04-16)*",
            "  Findings: 3 matched, 0 uncertain, among 4 works by Microsoft Research Asia in the period",
            "    1. *NaturalSpeech 3: Zero-Shot Speech Synthesis with Factorized Codec and Diffusion Models*",
            "*2024-03 * naturalspeech-3 * arXiv 2403.03100 * direct * evidence/curated/msra-2024.yaml:[0-9]*",
            "FAILED features/wrong.feature::test_synthetic_media - features/wrong.feature:*",
        ]
    )
    assert not [word for word in INTERNALS if word in result.stdout.str()]


def test_every_expectation_reports_the_claim_and_the_findings(project: pytest.Pytester) -> None:
    write_feature(
        project,
        "wrong.feature",
        MICROSOFT
        + """
      Scenario: Counts
        When the claim "msra-no-synthetic-media" is evaluated
        Then at least 4 works match

      Scenario: Titles
        When the claim "msra-no-synthetic-media" is evaluated
        Then the findings include the work titled "PersonMAE"

      Scenario: Partners
        When the claim "msra-no-military-university-partners" is evaluated
        Then the partner institutions include "Beihang University"

      Scenario: Table
        When all claims are evaluated
        Then the verdicts are:
          | claim                     | verdict   |
          | msra-no-quantum-computing | supported |
          | msra-no-synthetic-media   | supported |
          | msra-no-such-claim        | supported |
          | msra-no-facial-recognition | refuted  |
    """,
    )
    result = project.runpytest("features")
    result.assert_outcomes(failed=4)
    result.stdout.fnmatch_lines(
        [
            "Expected at least 4 works to match msra-no-synthetic-media; 3 matched.",
            'Expected the findings of msra-no-synthetic-media to include the work titled "PersonMAE".',
            'Expected a partner institution named "Beihang University" for msra-no-military-university-partners.',
            "  Partner institutions found: University of Science and Technology of China",
            "4 of the 4 claims in the table differ (of 5 evaluated):",
            'msra-no-quantum-computing: expected the verdict "supported".',
            "  The evaluation found: insufficient evidence",
            'msra-no-synthetic-media: expected the verdict "supported".',
            'msra-no-such-claim: no claim "msra-no-such-claim" among the claims given; they are: *',
            'msra-no-facial-recognition: "refuted" is not a verdict; write one of: *',
        ],
        consecutive=False,
    )
    assert not [word for word in INTERNALS if word in result.stdout.str()]


def test_a_step_the_library_does_not_know_gets_the_closest_ones(project: pytest.Pytester) -> None:
    write_feature(
        project,
        "typo.feature",
        MICROSOFT
        + """
      Scenario: Typo
        When the claim "msra-no-synthetic-media" is evaluated
        Then the verdict iz "contradicted"
    """,
    )
    result = project.runpytest("features")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            'features/typo.feature:8: Then the verdict iz "contradicted"',
            "No step of the claimwatch library reads this text.",
            "Did you mean:",
            '  Then the verdict is "VERDICT"',
        ]
    )
    assert "Traceback" not in result.stdout.str()


def test_a_claim_id_that_is_not_given_names_the_ones_that_are(project: pytest.Pytester) -> None:
    write_feature(
        project,
        "unknown.feature",
        MICROSOFT
        + """
      Scenario: Unknown
        When the claim "msra-no-synthetic" is evaluated
    """,
    )
    result = project.runpytest("features")
    result.stdout.fnmatch_lines(
        [
            'no claim "msra-no-synthetic" among the claims given; they are: *msra-no-synthetic-media,*',
        ]
    )


def test_a_then_step_before_any_evaluation_says_what_is_missing(project: pytest.Pytester) -> None:
    write_feature(
        project,
        "order.feature",
        MICROSOFT
        + """
      Scenario: No When
        Then the verdict is "contradicted"
    """,
    )
    result = project.runpytest("features")
    result.stdout.fnmatch_lines(['nothing has been evaluated yet: add When the claim "ID" is evaluated*'])


def test_a_missing_file_is_named_at_its_step(project: pytest.Pytester) -> None:
    write_feature(
        project,
        "missing.feature",
        """
        Feature: Missing
          Scenario: A typo in a path
            Given the evidence in "evidence/curated/msra-2042.yaml"
    """,
    )
    result = project.runpytest("features")
    result.stdout.fnmatch_lines(
        [
            'features/missing.feature:3: Given the evidence in "evidence/curated/msra-2042.yaml"',
            'evidence "evidence/curated/msra-2042.yaml" not found (paths are relative to the project root, *)',
        ]
    )


def test_mistakes_in_a_claim_written_in_the_feature_point_at_its_lines(project: pytest.Pytester) -> None:
    write_feature(
        project,
        "inline.feature",
        MICROSOFT
        + """
      Scenario: A claim with a typo
        Given the claim:
          \"\"\"
          id: msra-no-speech
          says: No speech synthesis.
          subject: msra
          expectz: none
          works: {topic: synthetic-media}
          \"\"\"
        When all claims are evaluated
    """,
    )
    result = project.runpytest("features")
    result.stdout.fnmatch_lines(
        [
            "claimwatch could not read its inputs:",
            "  features/inline.feature:12:7: unknown key 'expectz'; did you mean 'expects'?",
        ],
        consecutive=False,
    )


def test_claim_content_needs_a_claim_file_before_it(project: pytest.Pytester) -> None:
    write_feature(
        project,
        "alone.feature",
        """
        Feature: Alone
          Scenario: Content with no claim file to add to
            Given the evidence in "evidence/curated/msra-2024.yaml"
            And the claim:
              \"\"\"
              id: msra-no-speech
              says: No speech synthesis.
              subject: msra
              expects: none
              works: {topic: synthetic-media}
              \"\"\"
            When all claims are evaluated
    """,
    )
    result = project.runpytest("features")
    result.stdout.fnmatch_lines(["  features/alone.feature:6:7: this claim has no statement: write a whole claim*"])


def test_tags_are_markers_under_strict_markers(project: pytest.Pytester) -> None:
    write_feature(
        project,
        "tagged.feature",
        """
        @microsoft
        Feature: Tagged
          Background:
            Given the claims in "claims/microsoft-msra-2024.yaml"
            And the evidence in "evidence/curated/msra-2024.yaml"

          @smoke-test
          Scenario: Synthetic media
            When the claim "msra-no-synthetic-media" is evaluated
            Then the verdict is "contradicted"

          @xfail
          Scenario: Expected to fail
            When the claim "msra-no-synthetic-media" is evaluated
            Then the verdict is "supported"

          Scenario: Untagged
            When the claim "msra-no-quantum-computing" is evaluated
            Then the verdict is "insufficient_evidence"

          @skip
          Scenario: Not written yet
            Then the verdict is "supported"
    """,
    )
    project.runpytest("features", "-m", "smoke-test").assert_outcomes(passed=1, deselected=3)
    project.runpytest("features", "-m", "microsoft").assert_outcomes(passed=2, xfailed=1, skipped=1)


def test_a_tag_that_cannot_be_a_marker_is_refused_by_name(project: pytest.Pytester) -> None:
    write_feature(
        project,
        "bad-tag.feature",
        """
        @issue:12
        Feature: Bad tag
          Scenario: Anything
            Given the claims in "claims/microsoft-msra-2024.yaml"
    """,
    )
    result = project.runpytest("features")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["features/bad-tag.feature: the tag @issue:12 cannot become a pytest marker*"])


def test_two_scenarios_with_one_name_are_refused(project: pytest.Pytester) -> None:
    write_feature(
        project,
        "twice.feature",
        MICROSOFT
        + """
      Scenario: Same
        When the claim "msra-no-synthetic-media" is evaluated

      Scenario: Same
        When the claim "msra-no-quantum-computing" is evaluated
    """,
    )
    result = project.runpytest("features")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(['features/twice.feature:9: a second scenario named "Same" (the first is at line 6)*'])


def test_a_file_that_is_not_a_feature_is_reported_by_line(project: pytest.Pytester) -> None:
    write_feature(
        project,
        "broken.feature",
        """
        Feature: Broken
          Scenario: A
            Given the claims in "claims/microsoft-msra-2024.yaml"
          This line is not Gherkin |
    """,
    )
    write_feature(project, "empty.feature", "")
    result = project.runpytest("features")
    result.assert_outcomes(errors=2)
    result.stdout.fnmatch_lines(
        [
            "features/broken.feature:4:3: \u201cThis line is not Gherkin |\u201d cannot stand here: Gherkin expected *",
            "features/empty.feature: no Feature: line; a feature file starts with Feature: and the feature's name",
        ],
        consecutive=False,
    )
    assert "Traceback" not in result.stdout.str() and "Line number" not in result.stdout.str()


def test_a_ragged_table_is_one_line_at_its_row(project: pytest.Pytester) -> None:
    """A table row with a cell too few was pytest-bdd's four lines: "Unknown parsing error: Parser
    errors:", the parser's "(9:7): inconsistent cell count within the table", the line number
    again, the row and the absolute path. Each mistake is one line at its place now; an escaped
    bar is no cell's end."""
    write_feature(
        project,
        "ragged.feature",
        MICROSOFT
        + """
      Scenario: Verdicts
        When all claims are evaluated
        Then the verdicts are:
          | claim                   | verdict               |
          | msra-no-synthetic-media | contradicted          |
          | msra-no-quantum-computing \\| x | contradicted |
          | msra-no-facial-recognition |
    """,
    )
    result = project.runpytest("features")
    assert result.ret != 0
    result.assert_outcomes(errors=1)
    out = result.stdout.str()
    errors = [line for line in out.splitlines() if line.startswith("features/ragged.feature")]
    assert errors == [
        "features/ragged.feature:12:7: this row has 1 cell where the table's first row (line 9) has 2;"
        " give every row of a table as many cells as its first row"
    ]
    assert "Parser errors" not in out and "Line number" not in out and "File: " not in out


def test_a_feature_saved_with_a_byte_order_mark_runs_and_one_not_utf8_is_said_at_its_place(
    project: pytest.Pytester,
) -> None:
    """Windows editors save UTF-8 with a byte order mark; a claim file with one is read, and so is
    a feature (it was a Gherkin syntax error at its Feature: line). A feature in another encoding is
    one line at the byte that does not decode (it was a UnicodeDecodeError traceback)."""
    text = textwrap.dedent(MICROSOFT) + textwrap.dedent(
        """
          Scenario: Synthetic media
            When the claim "msra-no-synthetic-media" is evaluated
            Then the verdict is "contradicted"
        """
    )
    (project.path / "features" / "bom.feature").write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    result = project.runpytest("features/bom.feature")
    result.assert_outcomes(passed=1)

    latin = text.replace("Feature: Microsoft", "Feature: D\u00e9claration de Microsoft")
    (project.path / "features" / "latin.feature").write_bytes(latin.encode("latin-1"))
    result = project.runpytest("features/latin.feature")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["features/latin.feature:1:11: not UTF-8 text; save the file as UTF-8*"])
    assert not any(word in result.stdout.str() for word in INTERNALS)


def test_cucumber_json_reports_each_step_and_the_failure_message(project: pytest.Pytester) -> None:
    write_feature(
        project,
        "report.feature",
        MICROSOFT
        + """
      Scenario: Right
        When the claim "msra-no-synthetic-media" is evaluated
        Then the verdict is "contradicted"

      Scenario: Wrong
        When the claim "msra-no-synthetic-media" is evaluated
        Then the verdict is "supported"
    """,
    )
    project.runpytest("features", "--cucumberjson=cucumber.json").assert_outcomes(passed=1, failed=1)
    [feature] = json.loads((project.path / "cucumber.json").read_text())
    assert (feature["name"], feature["uri"]) == ("Microsoft", "features/report.feature")
    right, wrong = feature["elements"]
    assert right["name"] == "Right"
    assert [s["result"]["status"] for s in right["steps"]] == ["passed"] * 4
    assert [s["result"]["status"] for s in wrong["steps"]] == ["passed", "passed", "passed", "failed"]
    message = wrong["steps"][-1]["result"]["error_message"]
    assert message.startswith(
        'features/report.feature:12: Then the verdict is "supported"\n'
        'Expected the verdict "supported" for msra-no-synthetic-media.\n'
        "The evaluation found: contradicted\n"
    )


def test_paths_are_relative_to_the_project_root_wherever_pytest_runs(
    project: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    curated = PROJECT / "evidence" / "curated" / "msra-2024.yaml"
    write_feature(
        project,
        "paths.feature",
        f"""
        Feature: Paths
          Scenario: Relative claims, absolute evidence
            Given the claims in "claims/microsoft-msra-2024.yaml"
            And the evidence in "{curated}"
            When the claim "msra-no-synthetic-media" is evaluated
            Then the verdict is "contradicted"
    """,
    )
    monkeypatch.chdir(project.path / "features")
    project.runpytest("paths.feature").assert_outcomes(passed=1)


def test_scenarios_over_the_same_inputs_evaluate_once(
    project: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []
    real = EVALUATION.evaluate

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(EVALUATION, "evaluate", counted)
    write_feature(
        project,
        "cached.feature",
        MICROSOFT
        + """
      Scenario: One
        When the claim "msra-no-synthetic-media" is evaluated
        Then the verdict is "contradicted"

      Scenario: Two
        When the claim "msra-no-quantum-computing" is evaluated
        Then the verdict is "insufficient evidence"

      Scenario: Three, with one more claim
        Given the claim:
          \"\"\"
          id: msra-no-speech
          says: No speech synthesis.
          subject: msra
          from: 2024-01-10
          expects: none
          works: {topic: synthetic-media}
          \"\"\"
        When the claim "msra-no-speech" is evaluated
        Then the verdict is "contradicted"
    """,
    )
    project.runpytest("features").assert_outcomes(passed=3)
    assert len(calls) == 2


def test_a_bug_in_a_step_keeps_its_traceback(project: pytest.Pytester) -> None:
    (project.path / "features" / "conftest.py").write_text(
        textwrap.dedent("""
        from pytest_bdd import then

        @then("the project's own step breaks")
        def _():
            raise ValueError("a bug, not an expectation")
    """)
    )
    write_feature(
        project,
        "bug.feature",
        MICROSOFT
        + """
      Scenario: Own step
        When the claim "msra-no-synthetic-media" is evaluated
        Then the project's own step breaks
    """,
    )
    result = project.runpytest("features")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["E *ValueError: a bug, not an expectation", "features/conftest.py:6: ValueError"])


def test_without_pytest_bdd_a_feature_says_what_to_install(project: pytest.Pytester) -> None:
    write_feature(project, "any.feature", MICROSOFT)
    script = textwrap.dedent("""
        import sys
        import pytest

        class HidePytestBdd:  # as if pytest-bdd were not installed
            def find_spec(self, name, path=None, target=None):
                if name.partition(".")[0] == "pytest_bdd":
                    raise ModuleNotFoundError(name)

        sys.meta_path.insert(0, HidePytestBdd())
        sys.exit(pytest.main(["-p", "no:pytest-bdd", "--assert=plain", "features"]))
    """)
    run = subprocess.run(
        [sys.executable, "-c", script],
        cwd=project.path,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        timeout=120,
    )
    assert run.returncode == 2, run.stdout + run.stderr
    assert (
        "any.feature: running .feature files needs pytest-bdd; install it with: pip install 'claimwatch[test]'"
    ) in run.stdout


def gherkin_features_in(markdown: str) -> list[str]:
    """The complete features (```gherkin blocks holding a Feature:) in a Markdown document."""
    blocks = re.findall(r"^```gherkin\n(.*?)^```", markdown, flags=re.DOTALL | re.MULTILINE)
    return [b for b in blocks if re.search(r"^\s*Feature:", b, flags=re.MULTILINE)]


def test_the_features_in_the_authoring_guide_run(project: pytest.Pytester) -> None:
    features = gherkin_features_in((PROJECT / "docs" / "authoring.md").read_text(encoding="utf-8"))
    assert len(features) >= 2
    for n, text in enumerate(features):
        (project.path / "features" / f"guide-{n}.feature").write_text(text)
    result = project.runpytest("features", "-p", "no:cacheprovider")
    outcomes = result.parseoutcomes()
    assert outcomes.get("passed", 0) >= 6 and set(outcomes) <= {"passed", "seconds"}, result.stdout.str()


def test_a_scenario_with_no_then_step_fails_not_passes(project: pytest.Pytester) -> None:
    """Found by the sixteenth part's hunt: a scenario that only evaluates passed, checking nothing;
    so did `Then the reason mentions " "`."""
    write_feature(
        project,
        "nothing.feature",
        MICROSOFT
        + """
      Scenario: Evaluated only
        When the claim "msra-no-quantum-computing" is evaluated
    """,
    )
    write_feature(
        project,
        "background.feature",
        MICROSOFT
        + """        When the claim "msra-no-synthetic-media" is evaluated
        Then every finding cites its source

      Scenario: Another claim, unchecked
        When the claim "msra-no-facial-recognition" is evaluated
    """,
    )
    write_feature(
        project,
        "blank.feature",
        MICROSOFT
        + """
      Scenario: Blank
        When the claim "msra-no-quantum-computing" is evaluated
        Then the reason mentions " "
    """,
    )
    result = project.runpytest("features")
    result.assert_outcomes(failed=3)
    result.stdout.fnmatch_lines(
        [
            "*features/background.feature:*: the scenario \u201cAnother claim, unchecked\u201d has no Then step*",
            '*the step "the reason mentions" needs text to look for, not a blank*',
            "*features/nothing.feature:*: the scenario \u201cEvaluated only\u201d has no Then step, so it checks nothing*",
        ],
        consecutive=False,
    )


def test_a_snapshot_covering_no_institution_id_is_said_in_the_steps_words(project: pytest.Pytester) -> None:
    """Found by the seventeenth part's walk through the workflow: "Kestrel" where the step wants
    an OpenAlex id failed as `--subject: 'Kestrel' is not an OpenAlex institution id`, naming an
    option the scenario never gives."""
    write_feature(
        project,
        "covering.feature",
        """\
    Feature: A snapshot covering a name
      Scenario: Covering a name
        Given the claims in "features/data/synthetic-claims.yaml"
        And the lists in "features/data/lists"
        And the works in "features/data/synthetic-works.jsonl" imported as a snapshot covering "I9990000001, Kestrel" from "2024-01-01" to "2024-12-31"
        When the claim "kestrel-no-drone-swarms" is evaluated
        Then the verdict is "not_contradicted"
    """,
    )
    result = project.runpytest("features")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(['*"Kestrel" is not an OpenAlex institution id: write it as I4210113369*'])
    assert "--subject" not in result.stdout.str()


def test_an_author_named_with_other_accents_fails_saying_how_the_result_writes_them(project: pytest.Pytester) -> None:
    """Found by the seventeenth part's walk through the workflow: "Juan Pablo Alperin" against a
    record's "Alperín" failed without a word on why. Names are compared as written; the failure
    says how the result writes the name."""
    write_feature(
        project,
        "accents.feature",
        """\
    Feature: Accents
      Scenario: An author's name with an accent the record does not give
        Given the claims in "features/data/synthetic-claims.yaml"
        And the lists in "features/data/lists"
        And the works in "features/data/synthetic-works.jsonl" imported as a snapshot covering "I9990000001" from "2024-01-01" to "2024-12-31"
        When the claim "kestrel-no-drone-swarms" is evaluated
        Then the findings include the author "Astrid Lindqvíst"
    """,
    )
    result = project.runpytest("features")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        ['*The result names "Astrid Lindqvist": a name is compared as written, its accents too.*']
    )


def test_a_count_step_that_could_not_fail_or_never_hold_fails_saying_why(project: pytest.Pytester) -> None:
    """Found by a helper writing features: `Then at least 0 works match` (and `at least -1`)
    passed whatever the evaluation found; a table's `matched` of "one" failed as "expected one
    matching works", and "01" as a difference from 1."""
    write_feature(
        project,
        "counts.feature",
        MICROSOFT
        + """
      Scenario: At least none
        When the claim "msra-no-quantum-computing" is evaluated
        Then at least 0 works match

      Scenario: At least minus one
        When the claim "msra-no-quantum-computing" is evaluated
        Then at least -1 works match

      Scenario: Exactly minus one
        When the claim "msra-no-quantum-computing" is evaluated
        Then exactly -1 works match

      Scenario: A word for a number
        When all claims are evaluated
        Then the verdicts are:
          | claim                   | verdict      | matched |
          | msra-no-synthetic-media | contradicted | one     |

      Scenario: A number written with a zero before it
        When all claims are evaluated
        Then the verdicts are:
          | claim                   | verdict      | matched |
          | msra-no-synthetic-media | contradicted | 03      |
    """,
    )
    result = project.runpytest("features")
    result.assert_outcomes(failed=4, passed=1)
    result.stdout.fnmatch_lines(
        [
            '*"at least 0" holds whatever the evaluation finds: write "at least 1 work matches" or "no work matches"*',
            "*-1 is no count: write how many works, 0 or more*",
            "*-1 is no count: write how many works, 0 or more*",
            '*msra-no-synthetic-media: "one" in the matched column is no number: write how many works match, such as 2*',
        ],
        consecutive=False,
    )


def test_an_outline_its_examples_cannot_fill_is_refused_at_its_lines(project: pytest.Pytester) -> None:
    """Found by the twentieth part's hunt: an Examples column no step reads passed whatever its
    rows said (the row `| x | supported |` below), a misspelt <placeholder> ran as written and
    failed as an unknown claim "<claimx>", and an Examples table with a header and no rows ran
    the outline once, its placeholders unfilled. A column named twice kept one value of each row,
    the other checking nothing (pytest-bdd reads a row as a mapping)."""
    write_feature(
        project,
        "outlines.feature",
        MICROSOFT
        + """
      Scenario Outline: Columns no step reads
        When the claim "msra-no-synthetic-media" is evaluated
        Then the verdict is "contradicted"

        Examples:
          | claim | verdict   |
          | x     | supported |

      Scenario Outline: A misspelt placeholder
        When the claim "<claimx>" is evaluated
        Then the verdict is "<verdict>"

        Examples:
          | claim                   | verdict      |
          | msra-no-synthetic-media | contradicted |

      Scenario Outline: No rows
        When the claim "<claim>" is evaluated
        Then the verdict is "<verdict>"

        Examples:
          | claim | verdict |

      Scenario Outline: A column named twice
        When the claim "<claim>" is evaluated
        Then the verdict is "<verdict>"

        Examples:
          | claim                   | verdict      | verdict   |
          | msra-no-synthetic-media | contradicted | supported |
    """,
    )
    result = project.runpytest("features")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(
        [
            "features/outlines.feature:10: no step reads the column \u201cclaim\u201d (write <claim> in one)*",
            "features/outlines.feature:10: no step reads the column \u201cverdict\u201d*",
            "features/outlines.feature:15: <claimx> names no column of the Examples at line 18 (its columns: claim, verdict)*",
            "features/outlines.feature:18: no step reads the column \u201cclaim\u201d*",
            "features/outlines.feature:26: these Examples have a header and no rows*",
            "features/outlines.feature:33: the column \u201cverdict\u201d is named twice*",
        ]
    )


def test_an_outline_filled_from_its_table_docstring_and_background_runs(project: pytest.Pytester) -> None:
    """Placeholders are read where pytest-bdd fills them: a step's text, its docstring, its table,
    and the Background's steps; two Examples tables each fill the outline."""
    write_feature(
        project,
        "filled.feature",
        """
        Feature: Filled
          Background:
            Given the claims in "claims/<file>"
            And the evidence in "evidence/curated/msra-2024.yaml"

          Scenario Outline: <claim>
            Given the claim:
              \"\"\"
              id: <claim>-again
              says: Again.
              subject: msra
              from: 2024-01-10
              expects: none
              works:
                topic: synthetic-media
              \"\"\"
            When all claims are evaluated
            Then the verdicts are:
              | claim         | verdict   |
              | <claim>-again | <verdict> |

            Examples:
              | file                     | claim | verdict      |
              | microsoft-msra-2024.yaml | one   | contradicted |

            Examples:
              | file                     | claim | verdict      |
              | microsoft-msra-2024.yaml | two   | contradicted |
    """,
    )
    result = project.runpytest("features")
    result.assert_outcomes(passed=2)

"""A file of one kind given where another is expected (a reference list or a claim file as
evidence, curated evidence as claims, a claim file as the reviews) is said in one line naming
what it is and where it goes, not as every top-level key the other kind's schema refuses."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from claimwatch.cli import main

CLAIMS = "claims/microsoft-msra-2024.yaml"


@pytest.fixture()
def case(project_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("claims", "evidence"):
        shutil.copytree(project_root / name, tmp_path / name)
    (tmp_path / "claimwatch.toml").write_text('[case]\nname = "kinds"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def one_error(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    assert main(argv) == 2
    (line,) = capsys.readouterr().err.splitlines()
    return line


@pytest.mark.parametrize(
    ("path", "where", "said"),
    [
        ("evidence/lists/seven-sons.yaml", "entries", "a reference list (its 'entries:' key), not curated evidence"),
        (CLAIMS, "statement", "a claim file (its 'statement:' key), not curated evidence"),
        ("claims/topics/synthetic-media.yaml", "phrases", "a topic (its 'phrases:' key), not curated evidence"),
    ],
)
def test_a_file_of_another_kind_given_as_evidence_is_one_line(
    case: Path, capsys: pytest.CaptureFixture[str], path: str, where: str, said: str
) -> None:
    line = one_error(capsys, ["check", CLAIMS, "--evidence", path])
    number = next(n for n, text in enumerate((case / path).read_text().splitlines(), 1) if text.startswith(where))
    assert line.startswith(f"{path}:{number}:1: {said}"), line


def test_curated_evidence_or_a_list_given_as_claims_is_one_line(case: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = one_error(capsys, ["check", "evidence/curated/msra-2024.yaml", "--evidence", "evidence/curated/"])
    assert (
        "evidence/curated/msra-2024.yaml:" in line and "curated evidence (its 'works:' key), not a claim file" in line
    )
    line = one_error(capsys, ["show", "evidence/lists/seven-sons.yaml"])
    assert "a reference list (its 'entries:' key), not a claim file" in line


def test_a_claim_file_given_as_the_reviews_is_one_line(case: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = one_error(capsys, ["check", CLAIMS, "--evidence", "evidence/curated/", "--reviews", CLAIMS])
    assert "a claim file (its 'statement:' key), not a reviews file" in line


def test_a_file_of_its_own_kind_with_mistakes_still_gets_every_schema_problem(
    case: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Only a file holding none of its kind's keys, and one only another kind has, is told so."""
    curated = case / "evidence" / "curated" / "msra-2024.yaml"
    curated.write_text(curated.read_text().replace("description:", "descripton:", 1), encoding="utf-8")
    assert main(["check", CLAIMS, "--evidence", "evidence/curated/"]) == 2
    err = capsys.readouterr().err
    assert "'description' is missing" in err and "unknown key 'descripton'" in err
    assert main(["validate", "evidence/lists/", "claims/", "evidence/curated/msra-2024.yaml"]) == 2
    assert "not curated evidence" not in capsys.readouterr().err


def test_validate_says_a_list_in_the_curated_folder_once(case: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(case / "evidence/lists/seven-sons.yaml", case / "evidence/curated/seven-sons.yaml")
    line = one_error(capsys, ["validate", "evidence/curated/seven-sons.yaml"])
    assert "hint: this reads as a reference list, but its folder makes it curated evidence" in line


def test_claims_in_a_subfolder_of_claims_are_checked_as_they_are_validated(
    case: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An analyst who files claims by year (claims/2022/...) had them validated by `validate
    claims/` and then left out of `check claims/` in silence, exit 0: `--fail-on contradicted`
    could never fail on them. Folders are read at every depth, topics/ and hidden folders apart."""
    (case / "claims" / "2022").mkdir()
    (case / "claims" / "msra-2022-intern-policy.yaml").rename(case / "claims" / "2022" / "intern-policy.yaml")
    (case / "claims" / ".drafts").mkdir()
    (case / "claims" / ".drafts" / "broken.yaml").write_text("statement: [\n", encoding="utf-8")
    assert main(["validate", "claims/2022/", "claims/topics/"]) == 0
    capsys.readouterr()
    assert main(["check", "claims/", "--evidence", "evidence/curated/", "--json", "r.json"]) == 0
    report = (case / "r.json").read_text(encoding="utf-8")
    assert '"msra-no-seven-sons-interns"' in report and '"msra-no-synthetic-media"' in report
    assert main(["check", "--evidence", "evidence/curated/", "--json", "d.json"]) == 0  # the case's claims/
    assert '"msra-no-seven-sons-interns"' in (case / "d.json").read_text(encoding="utf-8")


def test_a_claim_file_named_twice_is_read_once(case: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`check claims/ claims/x.yaml` made every claim of x.yaml a duplicate of itself, exit 2."""
    (case / "claims" / "link.yaml").symlink_to(case / CLAIMS)
    assert main(["validate", CLAIMS, CLAIMS]) == 0
    assert main(["check", "claims/", CLAIMS, "--evidence", "evidence/curated/", "--json", "r.json"]) == 0
    report = (case / "r.json").read_text(encoding="utf-8")
    assert report.count('"claim": "msra-no-synthetic-media"') == 1
    capsys.readouterr()
    copy = case / "claims" / "copy.yaml"
    copy.write_bytes((case / CLAIMS).read_bytes())  # a copy is another file: its ids are duplicates
    assert main(["validate", "claims/"]) == 2
    assert "duplicate claim id 'msra-no-synthetic-media'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["lists", "show", CLAIMS], "a claim file (its 'statement:' key), not a reference list"),
        (["lists", "diff", CLAIMS, "evidence/lists/seven-sons.yaml"], "a claim file (its 'statement:' key)"),
        (["lists", "diff", "evidence/lists/seven-sons.yaml", "reviews.yaml"], "a reviews file (its 'reviews:' key)"),
        (["lists", "show", "evidence/curated/msra-2024.yaml"], "curated evidence (its 'works:' key)"),
    ],
)
def test_a_file_of_another_kind_given_as_a_list_is_one_line(
    case: Path, capsys: pytest.CaptureFixture[str], argv: list[str], said: str
) -> None:
    """`lists show CLAIMS.yaml` or `lists diff` given the reviews printed a line for every key the
    list schema missed or refused (seven for a claim file), none saying the file is a claim file."""
    (case / "reviews.yaml").write_text("reviews:\n", encoding="utf-8")
    line = one_error(capsys, argv)
    assert said in line and "not a reference list" in line, line


def test_validate_says_a_claim_file_in_the_lists_folder_once(case: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(case / CLAIMS, case / "evidence/lists/msra.yaml")
    line = one_error(capsys, ["validate", "evidence/lists/msra.yaml"])
    assert "hint: this reads as a claim file, but its folder makes it a reference list" in line


def test_a_yaml_file_whose_suffix_is_in_capitals_is_read_from_a_folder(
    case: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A claim file saved as `intern-policy.YAML` (as some editors on Windows name them) was left
    out of `validate claims/` and `check claims/` in silence, exit 0, though `validate` read it
    when named; curated evidence saved as `.YML` in a folder given to --evidence likewise."""
    (case / "claims" / "msra-2022-intern-policy.yaml").rename(case / "claims" / "intern-policy.YAML")
    curated = case / "evidence" / "curated"
    (curated / "msra-2024.yaml").rename(curated / "msra-2024.YML")
    assert main(["validate", "claims/", "evidence/curated/"]) == 0
    out = capsys.readouterr().out
    assert "claims/intern-policy.YAML  (" in out and "evidence/curated/msra-2024.YML  (" in out
    assert main(["check", "claims/", "--evidence", "evidence/curated/", "--json", "r.json"]) == 0
    report = (case / "r.json").read_text(encoding="utf-8")
    assert '"msra-no-seven-sons-interns"' in report
    assert "evidence/curated/msra-2024.YML" in report and '"verdict": "contradicted"' in report
    assert main(["check", CLAIMS, "--evidence", "evidence/curated/msra-2024.YML", "--json", "named.json"]) == 0


def test_validate_says_a_folder_holding_no_yaml_among_others_as_it_does_alone(
    case: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found by the twenty-first part's workflow hunt: `validate claims/ evidence/empty/` said
    nothing of the empty folder, exit 0, where the folder alone gives "no YAML files found",
    exit 2: a folder the analyst meant to check passed over in silence."""
    (case / "evidence/empty").mkdir()
    assert one_error(capsys, ["validate", "evidence/empty"]) == "evidence/empty: no YAML files found"
    assert one_error(capsys, ["validate", "claims/", "evidence/empty"]) == "evidence/empty: no YAML files found"


@pytest.mark.parametrize("command", [["lists", "diff", "evidence/lists/seven-sons.yaml"], ["lists", "show"]])
def test_a_screening_list_s_csv_given_as_a_list_file_is_said_as_csv(case, capsys, shared_data, command):
    """`lists diff old.yaml consolidated.csv` (the CSL's own CSV, where the list made from it
    belongs): "not valid YAML: ... the value is only '_id,source,entity_number,...': put the whole
    value in quotes", of a line of 29 column names. Now the one line `validate` gives a CSV."""
    csv = shutil.copy(shared_data / "csl" / "consolidated-2025-excerpt.csv", case / "consolidated.csv")
    assert one_error(capsys, [*command, str(csv)]) == (
        f"{csv}: is CSV, not YAML: lists import makes a list from a screening list's CSV"
    )


@pytest.mark.parametrize("argv", [["validate", "reviews.yaml"], ["validate", "claims/", "reviews.yaml"], ["validate"]])
def test_validate_says_a_reviews_file_that_is_a_folder_is_one(case, capsys, argv):
    """A `reviews.yaml` that is a folder (a `mkdir -p` of the file's path, a copy gone wrong),
    given to `validate` or found as the case's: "reviews.yaml: no YAML files found", sending the
    analyst to look for files within, where `check` and `review` say "is a folder, not a file"."""
    (case / "reviews.yaml").mkdir()
    assert one_error(capsys, argv) == "reviews.yaml: is a folder, not a file, and holds no YAML files"
    (case / "evidence/empty.yml").mkdir()  # any folder named as YAML, spelt .yml too
    assert one_error(capsys, ["validate", "evidence/empty.yml"]) == (
        "evidence/empty.yml: is a folder, not a file, and holds no YAML files"
    )


@pytest.mark.parametrize(
    ("argv", "kind"),
    [
        (["validate", "REPORT"], "a claim file"),
        (["check", "REPORT", "--evidence", "evidence/curated/"], "a claim file"),
        (["lists", "show", "./REPORT"], "a reference list"),
        (["check", CLAIMS, "--evidence", "evidence/curated/", "--reviews", "REPORT"], "a reviews file"),
        (["review", "--evidence", "evidence/curated/", "--reviews", "REPORT"], "a reviews file"),
    ],
)
def test_a_json_report_given_as_a_case_file_is_one_line(case, capsys, argv, kind):
    """A run's JSON report given by mistake as the reviews (`check --reviews report.json`), a
    claim file or a list: ten lines, "'reviews' is missing", then "unknown key 'claimwatch'",
    "unknown key 'as_of'" and so on for each of the report's keys. Now one line naming it, as
    evidence given a report says."""
    assert main(["check", CLAIMS, "--evidence", "evidence/curated/", "--json", "report.json"]) == 0
    capsys.readouterr()
    given = next(a for a in argv if "REPORT" in a).replace("REPORT", "report.json")
    assert one_error(capsys, [a.replace("REPORT", "report.json") for a in argv]) == (
        f"{given}:2:3: a claimwatch JSON report (its 'claimwatch:' key), not {kind}: claimwatch diff compares two of them"
    )

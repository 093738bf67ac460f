"""The bad-input corpus: one file per case in tests/bad_inputs/<kind>/, each beside the exact
lines `claimwatch validate` must print for it (`{path}` stands for the file's path). Adding a
case is adding two files."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimwatch.cli import main

CORPUS = Path(__file__).parent / "bad_inputs"
CASES = sorted(p for p in CORPUS.rglob("*.yaml"))


@pytest.mark.parametrize("case", CASES, ids=[f"{p.parent.name}/{p.stem}" for p in CASES])
def test_bad_input_gives_its_one_line_errors(case, project_root, monkeypatch, capsys):
    monkeypatch.chdir(project_root)  # references resolve against the shipped topics and lists
    path = case.relative_to(project_root)
    expected = case.with_suffix(".expected").read_text(encoding="utf-8").replace("{path}", str(path)).splitlines()
    assert main(["validate", str(path)]) == 2
    out = capsys.readouterr()
    assert out.err.splitlines() == expected
    assert "Traceback" not in out.err and out.out == ""


def test_every_case_has_its_expected_lines():
    assert CASES, "the corpus is empty"
    for case in CASES:
        assert case.with_suffix(".expected").is_file(), f"{case} has no .expected file"

"""A work record's `publication_year` written as a float (found hunting the twenty-sixth part):
2021.0, as a tool that writes every number as a float gives it, was read as no year, the work
undated where its `publication_date` is missing; 2021.5 was passed over in silence."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from claimwatch import claims as claims_mod
from claimwatch.cli import main
from claimwatch.errors import InputError
from claimwatch.evaluate import evaluate
from claimwatch.evidence import open_evidence_paths
from helpers import claim_file, none_claim, project, work, write_jsonl


def _checked(tmp_path: Path, records: Path, engine: str = "python"):
    root = project(tmp_path)
    body = "claims:\n" + none_claim("{coauthor_in: [mil]}", period="from: 2020-01-01")
    claims = claims_mod.load_claims([claim_file(root / "claims/c.yaml", body)], root=root)
    evidence = open_evidence_paths([records])
    (result,) = evaluate(claims, evidence, engine=engine, cache=tmp_path / "cache", as_of=dt.date(2025, 1, 1)).results
    return result


@pytest.mark.parametrize("engine", ["python", "duckdb"])
@pytest.mark.parametrize(("year", "verdict"), [(2021.0, "contradicted"), (2018.0, "insufficient_evidence")])
def test_a_publication_year_written_as_a_whole_float_is_read_as_the_year(tmp_path, engine, year, verdict):
    # 2021.0 was no date: the work undated, uncertain, where its 2021 makes it a finding; and
    # 2018.0 a doubt where 2018 is before the claim's period.
    records = write_jsonl(tmp_path / "works.jsonl", [work("W1", "A paper", None, publication_year=year)])
    result = _checked(tmp_path, records, engine)
    assert result.verdict == verdict, result.why
    assert "undated" not in result.why
    if verdict == "contradicted":
        assert "(2021)" in result.why


def _pretty(tmp_path: Path, year: float) -> Path:
    """A JSON array of two work records, pretty-printed: the second, at line 33, with `year`."""
    records = [work("W1", "A paper", "2021-05-01"), work("W2", "Another", None, publication_year=year)]
    path = tmp_path / "works.json"
    path.write_text(json.dumps(records, indent=2), encoding="utf-8")
    return path


@pytest.mark.parametrize("layout", ["jsonl", "json"])
def test_a_publication_year_with_a_fraction_is_refused_in_one_line_naming_the_file(tmp_path, layout):
    if layout == "jsonl":
        records = [work("W1", "A paper", "2021-05-01"), work("W2", "Another", None, publication_year=2021.5)]
        path, line = write_jsonl(tmp_path / "works.jsonl", records), 2
    else:
        path = _pretty(tmp_path, 2021.5)
        line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if "W2" in text) - 1
    with pytest.raises(InputError) as refused:
        _checked(tmp_path, path)
    (said,) = str(refused.value).splitlines()
    assert (
        said
        == f"{path}:{line}:{1 if layout == 'jsonl' else 3}: work W2 gives publication_year 2021.5, not a whole number: no year a work can have"
    )


def test_an_import_refuses_a_publication_year_with_a_fraction_in_one_line(tmp_path, capsys):
    path = write_jsonl(tmp_path / "works.jsonl", [work("W2", "Another", None, publication_year=2021.5)])
    assert main(["evidence", "import", str(path), "--out", str(tmp_path / "snap")]) != 0
    (said,) = capsys.readouterr().err.strip().splitlines()
    assert said.startswith(f"{path}:1:") and "work W2 gives publication_year 2021.5, not a whole number" in said

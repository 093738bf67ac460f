"""`claimwatch check`: exit codes, reports only after a successful evaluation, output paths."""

from __future__ import annotations

import json
import os

import pytest

from claimwatch.cli import main
from claimwatch.evidence import WORKS_FILE, import_jsonl
from helpers import HIT, LAB, NO_PARTNERS_CLAIM, authorship, claim_file, project, work, write_jsonl


@pytest.fixture()
def root(tmp_path, monkeypatch):
    root = project(tmp_path)
    claim_file(root / "claims/c.yaml", NO_PARTNERS_CLAIM)
    import_jsonl(write_jsonl(root / "in.jsonl", [work("W1", "A paper")]), root / "snap")
    monkeypatch.chdir(root)
    return root


def test_exit_codes(root, capsys):
    assert main(["check", "claims/c.yaml", "--evidence", "snap"]) == 0
    assert main(["check", "claims/c.yaml", "--evidence", "snap", "--fail-on", "contradicted"]) == 1
    assert main(["check", "claims/c.yaml", "--evidence", "snap", "--fail-on", "insufficient_evidence"]) == 0
    assert main(["check", "claims/nope.yaml", "--evidence", "snap"]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_a_failed_evaluation_leaves_earlier_reports_untouched(root, capsys):
    assert main(["check", "claims/c.yaml", "--evidence", "snap", "--json", "out.json"]) == 0
    before = (root / "out.json").read_bytes()
    # Damage the snapshot: the evaluation fails when it finds out, after reading part of it.
    # (The Python engine reads the records; the columnar engine's table is checked on its own.)
    (root / "snap" / WORKS_FILE).write_bytes(b"\x1f\x8b garbage")
    argv = [
        "check",
        "claims/c.yaml",
        "--evidence",
        "snap",
        "--engine",
        "python",
        "--json",
        "out.json",
        "--md",
        "new.md",
    ]
    assert main(argv) == 2
    assert "corrupt gzip" in capsys.readouterr().err
    assert (root / "out.json").read_bytes() == before
    assert not (root / "new.md").exists()
    assert [p.name for p in root.iterdir() if p.name.startswith(".out.json")] == []


@pytest.mark.parametrize(
    "target", ["snap/report.json", "snap/../snap/r.json", "link-to-snap/r.json", "snap/manifest.json"]
)
def test_reports_never_go_into_the_evidence(root, capsys, target):
    os.symlink(root / "snap", root / "link-to-snap")
    before = sorted(p.name for p in (root / "snap").iterdir())
    assert main(["check", "claims/c.yaml", "--evidence", "snap", "--json", target]) == 2
    assert "would write into the evidence" in capsys.readouterr().err
    assert sorted(p.name for p in (root / "snap").iterdir()) == before


def test_evidence_paths_are_reported_as_given(root, capsys):
    (root / "sub").mkdir()
    assert main(["check", "claims/c.yaml", "--evidence", "sub/../snap", "--json", "out.json"]) == 0
    report = json.loads((root / "out.json").read_text())
    assert report["inputs"]["evidence"][0]["path"] == "sub/../snap"


def test_hostile_text_reaches_the_terminal_inert(root, capsys, tmp_path):
    evil = "Evil \x1b]8;;https://x.example\x07link\x1b]8;;\x07 \x1b[2J [bold red]markup[/] \u202eright-to-left"
    import_jsonl(
        write_jsonl(
            tmp_path / "evil.jsonl",
            [work("W2", evil, authorships=[authorship("A", [LAB]), authorship("B\x1b[31m", [HIT])])],
        ),
        root / "evil",
    )
    assert main(["check", "claims/c.yaml", "--evidence", "evil"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out and "\x07" not in out
    assert "markup[/]" in out  # shown as text, not interpreted as rich markup


def test_reports_and_snapshots_get_ordinary_permissions(root):
    old = os.umask(0o022)
    try:
        assert main(["check", "claims/c.yaml", "--evidence", "snap", "--json", "out.json"]) == 0
        import_jsonl(root / "in.jsonl", root / "snap2")
    finally:
        os.umask(old)
    assert (root / "out.json").stat().st_mode & 0o777 == 0o644
    assert (root / "snap2").stat().st_mode & 0o777 == 0o755


def test_a_usage_mistake_is_one_line(capsys):
    assert main(["chek"]) == 2
    assert main(["check", "--evidence", "no-such-folder"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "claimwatch: No such command 'chek'. (Did you mean one of: 'check', 'schema'?) (see claimwatch --help)",
        "claimwatch check: Invalid value for '--evidence': Path 'no-such-folder' does not exist. "
        "(see claimwatch check --help)",
    ]


@pytest.mark.parametrize(
    ("command", "said"),
    [
        (["check", "--as-of", "2024-02-30"], "'--as-of': '2024-02-30' is no day: February 2024 has 29 days"),
        (["check", "--as-of", "2023-02-29"], "'--as-of': '2023-02-29' is no day: February 2023 has 28 days"),
        (
            ["evidence", "import", "x.jsonl", "--to", "2025-06-31"],
            "'--to': '2025-06-31' is no day: June 2025 has 30 days",
        ),
        (["review", "--as-of", "2025-13-01"], "'--as-of': '2025-13-01' is no day: there is no month 13"),
        (["check", "--as-of", "2024/02/28"], "'--as-of': '2024/02/28' does not match the format '%Y-%m-%d'."),
        # A day of 0 (found by the read of the second round): a traceback, UnboundLocalError, where
        # the month's length was read inside the comparison that day 0 ended first.
        (["check", "--as-of", "2024-02-00"], "'--as-of': '2024-02-00' is no day: February 2024 has 29 days"),
        (
            ["lists", "import", "csl", "x.csv", "--retrieved", "2025-00-10"],
            "'--retrieved': '2025-00-10' is no day: there is no month 0",
        ),
    ],
)
def test_a_day_the_calendar_has_not_is_said_so(tmp_path, monkeypatch, capsys, command, said):
    """`--as-of 2024-02-30` (or a --from, --to, --date) was "'2024-02-30' does not match the format
    '%Y-%m-%d'", which it does, sending the user to look for a typo in the form: said to be no day
    now, and why; a day in another form as before. Nothing is read."""
    monkeypatch.chdir(tmp_path)
    assert main(command) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert f"Invalid value for {said} (see claimwatch {command[0]}" in line

"""A file or folder named in another encoding than UTF-8 (Python reads the name with lone
surrogates): whether given on the command line or met in a folder, it is one line naming it
and exit 2, never a traceback from the manifest or report that could not hold its name."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import pytest

from claimwatch.cli import main
from claimwatch.errors import InputError
from claimwatch.evidence import import_works
from helpers import LAB, NO_PARTNERS_CLAIM, authorship, claim_file, project, work, write_jsonl

LATIN1 = os.fsdecode(b"Universit\xe4t")  # "Universität" as Latin-1 bytes: not UTF-8
SHOWN = "Universit\\xe4t"
NOT_UTF8_TAIL = (
    " (written in another encoding?): claimwatch writes the paths it reads into UTF-8 manifests and reports, "
    "so rename it"
)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    try:
        (tmp_path / LATIN1).mkdir()
    except (UnicodeEncodeError, OSError):
        pytest.skip("this file system refuses names that are not UTF-8")
    (tmp_path / LATIN1).rmdir()
    root = project(tmp_path / "project")
    claim_file(root / "claims/c.yaml", NO_PARTNERS_CLAIM)
    return root


def works(path: Path) -> Path:
    return write_jsonl(path, [work("W1", "A paper", authorships=[authorship("A. Lab", [LAB])])])


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(args)
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, err.splitlines()


def test_an_input_file_so_named_is_refused_before_anything_is_written(root, capsys):
    source = works(root / f"{LATIN1}.jsonl")
    code, err = run(["evidence", "import", str(source), "--out", str(root / "snap")], capsys)
    assert code == 2 and len(err) == 1
    assert f"{SHOWN}.jsonl: not UTF-8 text" in err[0] and "rename it" in err[0]
    assert not (root / "snap").exists()


def test_an_output_folder_so_named_is_refused(root, capsys):
    source = works(root / "works.jsonl")
    code, err = run(["evidence", "import", str(source), "--out", str(root / LATIN1)], capsys)
    assert code == 2 and len(err) == 1 and f"{SHOWN}: not UTF-8 text" in err[0]
    assert sorted(p.name for p in root.iterdir() if p.name.startswith("Univ")) == []


def test_a_file_so_named_in_an_evidence_folder_is_named_and_refused(root, capsys):
    works(root / f"evidence/more/{LATIN1}.jsonl")
    report = root / "report.json"
    code, err = run(
        [
            "check",
            str(root / "claims"),
            "--root",
            str(root),
            "--evidence",
            str(root / "evidence/more"),
            "--json",
            str(report),
        ],
        capsys,
    )
    assert code == 2 and err == [
        f"{root}/evidence/more/{SHOWN}.jsonl: its name is not UTF-8 text (written in another encoding?): "
        "claimwatch writes the paths it reads into UTF-8 manifests and reports, so rename it"
    ]
    assert not report.exists()


@pytest.mark.parametrize("command", ["check", "validate"])
def test_a_claim_file_so_named_in_a_claims_folder_is_named_and_refused(root, capsys, command):
    claim_file(root / f"claims/{LATIN1}.yaml", NO_PARTNERS_CLAIM.replace("id: ", "id: other-", 1))
    evidence = works(root / "works.jsonl")
    args = [command, str(root / "claims"), "--root", str(root)]
    code, err = run([*args, "--evidence", str(evidence)] if command == "check" else args, capsys)
    assert code == 2
    assert f"{root}/claims/{SHOWN}.yaml: its name is not UTF-8 text" in "\n".join(err)


def test_the_library_refuses_such_a_name_as_the_command_line_does(root):
    source = works(root / f"{LATIN1}.jsonl")
    with pytest.raises(InputError) as caught:
        import_works(source, root / "snap")
    assert caught.value.lines() == [f"{root}/{SHOWN}.jsonl: its name is not UTF-8 text" + NOT_UTF8_TAIL]
    with pytest.raises(InputError) as caught:
        import_works(works(root / "works.jsonl"), root / LATIN1)
    assert caught.value.lines() == [f"{root}/{SHOWN}: its name is not UTF-8 text" + NOT_UTF8_TAIL]
    assert not (root / "snap").exists()


def test_a_bulk_part_so_named_is_named_and_refused(root, capsys):
    part = root / f"works/updated_date=2024-06-01/{LATIN1}.gz"
    works(part.with_suffix(".jsonl"))
    part.write_bytes(gzip.compress(part.with_suffix(".jsonl").read_bytes(), mtime=0))
    part.with_suffix(".jsonl").unlink()
    code, err = run(
        ["evidence", "import", str(root / "works"), "--out", str(root / "snap"), "--subject", "I100"], capsys
    )
    assert code == 2 and err == [
        f"{root}/works/updated_date=2024-06-01/{SHOWN}.gz: its name is not UTF-8 text" + NOT_UTF8_TAIL
    ]
    assert not (root / "snap").exists()

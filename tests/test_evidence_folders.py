"""A folder given as evidence is searched at every depth: snapshots, curated files and JSON Lines
of works, in sorted path order, hidden names and non-evidence YAML passed over, no link loop."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimwatch.cli import main
from claimwatch.errors import InputError
from claimwatch.evidence import import_jsonl, open_evidence_paths
from claimwatch.evidence._open import evidence_in_folder
from claimwatch.files import an_editors_leftover, named_as_a_backup
from openalex_server import tiny_work


def works_file(path: Path, *ids: int) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(tiny_work(n)) + "\n" for n in ids), encoding="utf-8")
    return path


@pytest.fixture()
def tree(tmp_path: Path, project_root: Path) -> Path:
    """evidence/ as a project has it: snapshots two levels down, curated files and lists beside."""
    root = tmp_path / "evidence"
    source = works_file(tmp_path / "dump.jsonl", 1, 2)
    import_jsonl(source, root / "snapshots" / "2024" / "msra")
    import_jsonl(source, root / "snapshots" / "2025" / "msra")
    (root / "curated").mkdir(parents=True)
    shutil.copy(project_root / "evidence/curated/msra-2024.yaml", root / "curated" / "msra-2024.yaml")
    shutil.copytree(project_root / "evidence/lists", root / "lists")
    works_file(root / "dumps" / "deep" / "more.jsonl", 3)
    works_file(root / "dumps" / "also.ndjson", 4)
    return root


def relative(paths: list[Path], root: Path) -> list[str]:
    return [str(p.relative_to(root)) for p in paths]


def test_a_folder_is_searched_at_every_depth_in_sorted_order(tree):
    assert relative(evidence_in_folder(tree), tree) == [
        "curated/msra-2024.yaml",
        "dumps/also.ndjson",
        "dumps/deep/more.jsonl",
        "snapshots/2024/msra",
        "snapshots/2025/msra",
    ]
    kinds = [e.kind for e in open_evidence_paths([tree])]
    assert kinds == ["curated", "jsonl", "jsonl", "snapshot", "snapshot"]


def test_a_snapshot_is_not_descended_into_and_hidden_names_are_passed_over(tree):
    snapshot = tree / "snapshots" / "2024" / "msra"
    works_file(snapshot / "extra" / "inside.jsonl", 9)  # inside a snapshot: not evidence of its own
    works_file(tree / ".cache" / "hidden.jsonl", 9)
    works_file(tree / "dumps" / ".half-written.jsonl", 9)
    (tree / "snapshots" / "2024" / ".msra.lock").write_bytes(b"")
    found = relative(evidence_in_folder(tree), tree)
    assert "snapshots/2024/msra" in found
    assert not [f for f in found if "inside" in f or "hidden" in f or "half-written" in f or "lock" in f]


def test_yaml_that_is_not_curated_evidence_and_json_files_are_passed_over(tree):
    (tree / "claims.yaml").write_text("statement:\n  speaker: X\nclaims: []\n", encoding="utf-8")
    (tree / "report.json").write_text(json.dumps({"claims": [], "evidence": []}), encoding="utf-8")
    found = relative(evidence_in_folder(tree), tree)
    assert not [f for f in found if f.startswith(("lists/", "claims", "report"))]
    assert open_evidence_paths([tree / "report.json"])  # never refused by name: named, it is read


def test_a_loop_of_links_is_followed_once_and_a_linked_snapshot_read_once(tree):
    (tree / "dumps" / "deep" / "loop").symlink_to(tree, target_is_directory=True)
    (tree / "snapshots" / "latest").symlink_to(tree / "snapshots" / "2025" / "msra", target_is_directory=True)
    paths = [e.path for e in open_evidence_paths([tree])]
    assert len(paths) == 5 and len({Path(p).resolve() for p in paths}) == 5
    assert str(tree / "snapshots" / "2025" / "msra") in paths  # 'latest' points at it: read once


@pytest.mark.parametrize("kind", ["a snapshot", "a curated file", "a file of records", "a link to itself"])
def test_a_link_that_leads_nowhere_is_one_line_not_passed_over(tree, tmp_path, kind):
    """evidence/ holding a snapshot, a curated file or a file of records linked from a shared
    drive (`ln -s /mnt/share/snapshots/2026 evidence/snapshots/2026`), the drive not mounted: the
    link was neither a folder nor a file, passed over in silence, and a check ran without those
    works, a claim they contradict cleared (exit 0 under --fail-on). Now one line naming the link."""
    share = tmp_path / "share"
    if kind == "a snapshot":
        import_jsonl(works_file(tmp_path / "more.jsonl", 5), share / "2026")
        link, target = tree / "snapshots" / "2026", share / "2026"
    elif kind == "a curated file":
        share.mkdir()
        target = shutil.copy(tree / "curated" / "msra-2024.yaml", share / "msra-2025.yaml")
        link = tree / "curated" / "msra-2025.yaml"
    elif kind == "a file of records":
        link, target = tree / "dumps" / "shared.jsonl", works_file(share / "shared.jsonl", 6)
    else:
        link = target = tree / "curated" / "self.yaml"
    link.symlink_to(target)
    if target != link:
        assert len(open_evidence_paths([tree])) == 6  # read where it leads
        shutil.rmtree(share)
    with pytest.raises(InputError) as caught:
        open_evidence_paths([tree])
    # A link to itself is there, but leads round in a loop: it was "not there", which sent them looking.
    where = (
        "which is not there"
        if target != link
        else "which leads round in a loop (to itself, or to links that lead back to it)"
    )
    said = f"a link to {target}, {where}: it may be evidence kept elsewhere; restore it, or remove the link"
    assert caught.value.lines() == [f"{link}: {said}"]


def test_the_same_evidence_named_twice_is_read_once(tree):
    curated = tree / "curated" / "msra-2024.yaml"
    assert len(open_evidence_paths([tree, curated])) == 5


def test_a_folder_with_no_evidence_at_any_depth_is_one_line(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "page.json").write_text("{}", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        open_evidence_paths([tmp_path / "a"])
    (line,) = str(caught.value).splitlines()
    assert line.startswith(f"{tmp_path / 'a'}: holds no evidence") and "a .json file is read only when named" in line


def test_check_takes_the_evidence_folder_of_a_project(project_root, monkeypatch, capsys):
    monkeypatch.chdir(project_root)
    assert main(["check", "claims/", "--evidence", "evidence/"]) == 0
    assert "msra-no-facial-recognition" in capsys.readouterr().out


@pytest.mark.parametrize("name", ["msra-2024.yaml~", "msra-2024.yaml.~1~", "#msra-2024.yaml#", "msra-2024.yaml.swp"])
def test_a_link_named_as_an_editor_s_backup_is_passed_over_as_the_backup_is(tree, tmp_path, name):
    """evidence/curated/msra-2024.yaml a link to a team's file, backed up by `cp -a` (which copies
    the link itself) as msra-2024.yaml~; the team's file moved and the link made again, the old
    backup link leads nowhere: every check stopped, "msra-2024.yaml~: a link to ..., which is not
    there: it may be evidence kept elsewhere", though a backup there as a file is passed over, never
    read. Now it is passed over as the file is (Emacs's backup and auto-save names, Vim's swap);
    a link of any other name leading nowhere is still refused."""
    curated = tree / "curated"
    (curated / name).write_text("works: []\n", encoding="utf-8")  # the editor's file: passed over
    assert relative(evidence_in_folder(tree), tree)[0] == "curated/msra-2024.yaml"
    assert not [p for p in relative(evidence_in_folder(tree), tree) if p.endswith(name)]
    (curated / name).unlink()
    (curated / name).symlink_to(tmp_path / "share-moved" / "msra-2024.yaml")
    assert len(open_evidence_paths([tree])) == 5
    (curated / "msra-2024.yaml.bak").symlink_to(tmp_path / "share-moved" / "msra-2024.yaml")
    with pytest.raises(InputError) as caught:
        open_evidence_paths([tree])
    assert caught.value.lines()[0].startswith(f"{curated / 'msra-2024.yaml.bak'}: a link to ")


@pytest.mark.parametrize("name", ["msra~", "msra.~1~"])
def test_a_snapshot_named_as_a_backup_is_passed_over_as_a_backup_file_is(tree, tmp_path, name):
    """`mv -b` (or `cp -b -r`, or a hand's `mv msra msra~`) keeps the earlier snapshot beside the
    new one as `msra~` (coreutils's simple and numbered backups): a folder scan read it as a
    snapshot of its own, its superseded records counting beside the current ones, where a backup
    file (`works.jsonl~`, `msra-2024.yaml~`) is passed over. Passed over now, as that file is;
    named on its own it is read, and a folder holding nothing else says what it passed over."""
    snapshots = tree / "snapshots" / "2025"
    shutil.copytree(snapshots / "msra", snapshots / name)
    assert relative(evidence_in_folder(tree), tree) == [
        "curated/msra-2024.yaml",
        "dumps/also.ndjson",
        "dumps/deep/more.jsonl",
        "snapshots/2024/msra",
        "snapshots/2025/msra",
    ]
    assert [e.kind for e in open_evidence_paths([snapshots / name])] == ["snapshot"]
    shutil.rmtree(snapshots / "msra")
    with pytest.raises(InputError) as caught:
        open_evidence_paths([snapshots])
    assert caught.value.lines() == [
        f"{snapshots}: holds no evidence (snapshot folders, curated .yaml files with a 'works:' or 'people:' key, "
        ".jsonl or .ndjson files, at any depth; a .json file is read only when named on its own); passed over as "
        f"backups by their names: {name} (give one on its own to read it)"
    ]


def test_a_snapshot_is_never_written_under_a_backup_s_name(tmp_path, capsys):
    """`evidence import dump.jsonl --out evidence/snapshots/msra~` (or `collect --out`): written,
    the snapshot would be passed over by every check given evidence/, its works left out in
    silence. Refused before a byte is read, in one line, nothing written."""
    source = works_file(tmp_path / "dump.jsonl", 1)
    out = tmp_path / "evidence" / "snapshots" / "msra~"
    assert main(["evidence", "import", str(source), "--out", str(out)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"{out}: named as a backup (NAME~), which a check given the folder it is in passes over: "
        "give the snapshot a name of its own"
    ]
    assert not (tmp_path / "evidence").exists()


def test_a_snapshot_is_never_written_inside_a_folder_named_as_a_backup(tree, tmp_path, capsys):
    """`mv -b snapshots new-snapshots` or a hand's `mv snapshots snapshots~` keeps the earlier
    folder of snapshots as `snapshots~`, which a scan of evidence/ passes over whole (the rule
    above). `evidence import dump.jsonl --out evidence/snapshots~/msra` was written there, and left
    out of every check given evidence/ in silence; refused now before a byte is read, in one line.
    `--evidence evidence/snapshots~/msra` named on its own still reads what is there."""
    backups = tree / "snapshots~"
    shutil.copytree(tree / "snapshots" / "2025", backups)
    before = relative(evidence_in_folder(tree), tree)
    assert not [p for p in before if p.startswith("snapshots~")]  # passed over whole, the earlier copies
    source = works_file(tmp_path / "dump.jsonl", 1)
    out = backups / "new"
    assert main(["evidence", "import", str(source), "--out", str(out)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"{out}: inside snapshots~, a folder named as a backup (NAME~), which a check given the folder it is in "
        "passes over with all it holds: give the snapshot a folder of its own"
    ]
    assert not out.exists() and relative(evidence_in_folder(tree), tree) == before
    assert [e.kind for e in open_evidence_paths([backups / "msra"])] == ["snapshot"]


def test_a_case_kept_inside_a_folder_named_as_a_backup_takes_snapshots(tmp_path, capsys):
    """A case kept in a folder named as a backup above it (`/mnt/backup~/case`: a drive's or a
    hand's name, or `mv -b` of the folder the case is in) was refused every snapshot, "inside
    backup~, ...", though a check given the case's evidence/ (or any folder of the case) reads
    it: a scan passes over what it finds below the folder it is given. Only a folder so named
    inside the case is refused (found by review)."""
    case = tmp_path / "backup~" / "case"
    (case / "evidence" / "snapshots").mkdir(parents=True)
    (case / "claimwatch.toml").write_text('name = "case"\n', encoding="utf-8")
    source = works_file(tmp_path / "dump.jsonl", 1)
    out = case / "evidence" / "snapshots" / "msra"
    assert main(["evidence", "import", str(source), "--out", str(out)]) == 0, capsys.readouterr().err
    assert evidence_in_folder(case / "evidence") == [out]
    inside = case / "evidence" / "snapshots~" / "msra"
    capsys.readouterr()
    assert main(["evidence", "import", str(source), "--out", str(inside)]) == 2
    assert capsys.readouterr().err.startswith(f"{inside}: inside snapshots~, a folder named as a backup")
    (case / "claimwatch.toml").unlink()  # no case: any folder so named, as written, may be one a check is given
    assert main(["evidence", "import", str(source), "--out", str(case / "evidence" / "snapshots" / "new")]) == 2
    assert capsys.readouterr().err.startswith(f"{case / 'evidence' / 'snapshots' / 'new'}: inside backup~, ")


def test_a_snapshot_is_never_written_where_a_scan_passes_over_a_hidden_name(tmp_path, capsys):
    """A scan passes over a hidden name (`.git`, a writer's temporaries) as it does a backup's:
    `evidence import dump.jsonl --out evidence/.old/msra` (a hand's `mv snapshots .old`, or a
    snapshot named `.msra` to keep it out of sight) was written, then left out of every check
    given evidence/ in silence. Refused now, before a byte is read; outside the case (a case kept
    under `~/.cases/`) nothing is, and `collect --update` of one given on its own still writes in
    place. Found by review of this part's `snapshots~` rule."""
    case = tmp_path / ".cases" / "case"
    (case / "evidence").mkdir(parents=True)
    (case / "claimwatch.toml").write_text('name = "case"\n', encoding="utf-8")
    source = works_file(tmp_path / "dump.jsonl", 1)
    inside = case / "evidence" / ".old" / "msra"
    assert main(["evidence", "import", str(source), "--out", str(inside)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"{inside}: inside .old, a folder with a hidden name (.NAME), which a check given the folder it is in "
        "passes over with all it holds: give the snapshot a folder of its own"
    ]
    named = case / "evidence" / ".msra"
    assert main(["evidence", "import", str(source), "--out", str(named)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"{named}: a hidden name (.NAME), which a check given the folder it is in passes over: "
        "give the snapshot a name of its own"
    ]
    assert not inside.exists() and not named.exists()
    out = case / "evidence" / "msra"
    assert main(["evidence", "import", str(source), "--out", str(out)]) == 0, capsys.readouterr().err
    assert evidence_in_folder(case / "evidence") == [out]


@pytest.mark.parametrize("folder", [".old", "snapshots~"])
def test_a_snapshot_written_from_inside_a_folder_a_scan_passes_over_is_refused(tmp_path, monkeypatch, capsys, folder):
    """`cd evidence/.old` (or `cd evidence/snapshots~`), then `evidence import dump.jsonl --out
    msra`: the folder was looked for only in the path as written, which holds none, and the
    snapshot was written inside it, left out of every check given evidence/ in silence. In a case
    the folders it lands in are looked at, the working directory's too; `--out
    evidence/.old/../msra` lands in evidence/ and is written. Found by review."""
    case = tmp_path / "case"
    (case / "evidence" / folder).mkdir(parents=True)
    (case / "claimwatch.toml").write_text('name = "case"\n', encoding="utf-8")
    source = works_file(tmp_path / "dump.jsonl", 1)
    monkeypatch.chdir(case / "evidence" / folder)
    assert main(["evidence", "import", str(source), "--out", "msra"]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"msra: inside {folder}, a folder ") and "passes over with all it holds" in line
    assert list((case / "evidence" / folder).iterdir()) == []
    monkeypatch.chdir(case)
    out = f"evidence/{folder}/../msra"
    assert main(["evidence", "import", str(source), "--out", out]) == 0, capsys.readouterr().err
    assert evidence_in_folder(case / "evidence") == [case / "evidence" / "msra"]


_NAMES = st.text(min_size=1, max_size=12).filter(lambda n: "/" not in n and "\x00" not in n and n not in (".", ".."))


@given(_NAMES)
def test_a_backup_s_name_is_one_rule_for_a_file_and_a_folder(name):
    """A file named as a backup (`msra-2024.yaml~`, an editor's leftover passed over) and a folder
    so named (`msra~`, a snapshot kept by `mv -b`) are told by one rule, `named_as_a_backup`: the
    file's had a pattern of its own, which a change to either would have parted."""
    assert named_as_a_backup(Path(name + "~")) and an_editors_leftover(Path(name + "~"))
    if named_as_a_backup(Path(name)):
        assert an_editors_leftover(Path(name))
    if name.endswith("~"):
        assert named_as_a_backup(Path(name)) == (len(name) > 1)

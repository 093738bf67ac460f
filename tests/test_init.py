"""`claimwatch init DIR`: a new case that validates, checks and runs its feature as created (#17)."""

from __future__ import annotations

import errno
import fnmatch
import json
import os
import signal
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimwatch.cli import main
from claimwatch.cli.init import _toml_string

FILES = {
    ".gitignore",
    "claimwatch.toml",
    "claims/EXAMPLE.yaml",
    "claims/topics/drone-swarms.yaml",
    "evidence/lists/example-watchlist.yaml",
    "evidence/curated/example.yaml",
    "features/example.feature",
    "reviews.yaml",
}


@pytest.fixture()
def case(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["init", "my-case"]) == 0
    assert capsys.readouterr().out.startswith("created my-case: 8 files")
    return tmp_path / "my-case"


def test_init_writes_the_whole_case(case):
    assert {str(p.relative_to(case)) for p in case.rglob("*") if p.is_file()} == FILES
    config = tomllib.loads((case / "claimwatch.toml").read_text(encoding="utf-8"))
    assert config == {"case": {"name": "my-case"}}


def test_the_gitignore_covers_reports_and_snapshot_temporaries(case):
    lines = (case / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert {"/reports/", ".*.lock", ".*.tmp-*", ".*.old-*"} <= set(lines)


def test_the_case_validates_as_created(case, monkeypatch, capsys):
    monkeypatch.chdir(case)
    assert main(["validate", "claims/", "evidence/lists/", "evidence/curated/"]) == 0, capsys.readouterr().err
    assert capsys.readouterr().out.count("ok  ") == 4


def test_the_case_checks_as_created(case, monkeypatch, capsys):
    monkeypatch.chdir(case)
    assert main(["check", "claims/", "--evidence", "evidence/", "--json", "reports/out.json"]) == 0
    report = json.loads((case / "reports/out.json").read_text(encoding="utf-8"))
    assert [r["verdict"] for r in report["results"]] == ["contradicted"]


def test_the_review_the_reviews_file_shows_applies_to_the_example_finding(case, monkeypatch, capsys):
    """The commented review in reviews.yaml named a claim and a work the example does not hold:
    written in as shown (its optional expiry left out), it applies to the example's finding."""
    text = (case / "reviews.yaml").read_text(encoding="utf-8")
    shown = [line[1:] for line in text.splitlines() if line.startswith("#  ") and "expires:" not in line]
    (case / "reviews.yaml").write_text(text + "\n".join(shown) + "\n", encoding="utf-8")
    monkeypatch.chdir(case)
    assert main(["check", "claims/", "--evidence", "evidence/", "--json", "reports/out.json"]) == 0
    (result,) = json.loads((case / "reports/out.json").read_text(encoding="utf-8"))["results"]
    assert [f["work"]["id"] for f in result["dismissed"]] == ["example-swarms-2024"], result["lapsed_reviews"]


def test_the_case_checks_from_a_folder_inside_it(case, monkeypatch, capsys):
    monkeypatch.chdir(case / "claims")
    assert main(["check", "EXAMPLE.yaml", "--evidence", "../evidence/"]) == 0, capsys.readouterr().err


def test_the_case_feature_passes(case):
    _the_feature_passes(case, "features/")


def test_the_case_feature_passes_run_from_a_repository_above_it(tmp_path, monkeypatch):
    """A case kept inside a repository whose pytest.ini (pytest's rootdir) is above it: its
    feature's paths are the case's, from its claimwatch.toml, as docs/authoring.md says."""
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["init", "cases/my-case"]) == 0
    _the_feature_passes(tmp_path, "cases/my-case/features/")


def test_a_quoted_folder_name_stays_valid_toml(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["init", 'say "hi"']) == 0
    config = tomllib.loads((tmp_path / 'say "hi"' / "claimwatch.toml").read_text(encoding="utf-8"))
    assert config["case"]["name"] == 'say "hi"'


def test_a_folder_named_in_chinese_names_the_case_as_written(tmp_path, monkeypatch):
    """Found by the twentieth part's hunt: `init 微软案` wrote `name = "\\u5fae\\u8f6f\\u6848"` into
    the file the analyst edits."""
    monkeypatch.chdir(tmp_path)
    assert main(["init", "微软案"]) == 0
    text = (tmp_path / "微软案" / "claimwatch.toml").read_text(encoding="utf-8")
    assert 'name = "微软案"' in text
    assert tomllib.loads(text)["case"]["name"] == "微软案"


@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=30))
def test_any_name_is_written_as_a_toml_string_that_reads_back(name):
    written = _toml_string(name)
    assert tomllib.loads(f"name = {written}")["name"] == name
    assert not any(c < " " or c == "\x7f" for c in written)  # TOML wants C0 controls and DEL escaped


def test_an_empty_folder_is_used(tmp_path, monkeypatch):
    (tmp_path / "empty").mkdir()
    monkeypatch.chdir(tmp_path)
    assert main(["init", "empty"]) == 0
    assert (tmp_path / "empty/claimwatch.toml").is_file()


def test_a_folder_holding_only_a_git_repository_is_used(tmp_path, monkeypatch):
    """`git init case && claimwatch init case` was refused: "exists and is not an empty folder"
    (issue 18, twentieth part). A repository's own folder is no part of a case; it is left as it
    was, and anything else in the folder still refuses it."""
    (tmp_path / "case/.git/objects").mkdir(parents=True)
    (tmp_path / "case/.git/HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["init", "case"]) == 0
    assert (tmp_path / "case/claimwatch.toml").is_file() and (tmp_path / "case/.gitignore").is_file()
    assert (tmp_path / "case/.git/HEAD").read_text(encoding="utf-8") == "ref: refs/heads/main\n"
    (tmp_path / "other/.git").mkdir(parents=True)
    (tmp_path / "other/.gitignore").write_text("*.tmp\n", encoding="utf-8")
    assert main(["init", "other"]) == 2
    assert sorted(p.name for p in (tmp_path / "other").iterdir()) == [".git", ".gitignore"]


@pytest.mark.parametrize("existing", ["folder", "file"])
def test_a_used_folder_or_a_file_is_refused_in_one_line(tmp_path, monkeypatch, capsys, existing):
    target = tmp_path / "used"
    if existing == "folder":
        target.mkdir()
        (target / "notes.txt").write_text("mine", encoding="utf-8")
    else:
        target.write_text("mine", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["init", "used"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    if existing == "folder":
        assert err == "used: exists and is not an empty folder; give a new folder for the case"
    else:  # click refuses it before the command runs
        assert "'used' is a file" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["used"]
    if existing == "folder":
        assert [p.name for p in target.iterdir()] == ["notes.txt"]


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ("notes.txt/case", "notes.txt/case: notes.txt is a file, not a folder; give a folder the case can go in"),
        ("notes.txt/a/b", "notes.txt/a/b: notes.txt is a file, not a folder; give a folder the case can go in"),
        ("gone", "gone: is a link to nowhere, which leads to no folder; give a new folder for the case"),
        ("to-notes/case", "to-notes/case: to-notes is a link to notes.txt, which leads to no folder; give a folder*"),
    ],
)
def test_a_file_or_a_broken_link_in_the_way_is_named(tmp_path, monkeypatch, capsys, given, said):
    """Found by the twentieth part's hunt: `init notes.txt/case` said "notes.txt/case: cannot make
    the case here: File exists", and `init gone` (a link to nothing) "gone: cannot make the case:
    Not a directory", naming neither what was in the way nor what it was."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    (tmp_path / "gone").symlink_to("nowhere")
    (tmp_path / "to-notes").symlink_to("notes.txt")
    assert main(["init", given]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and fnmatch.fnmatchcase(err, said), err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gone", "notes.txt", "to-notes"]


@pytest.mark.parametrize("where", ["new", "empty", "here", "link"])
def test_a_full_disk_leaves_no_half_made_case(tmp_path, monkeypatch, capsys, where):
    """Found by the sixteenth part's hunt: a disk filling up mid-way left a case with an empty
    curated file, which a second `init` then refused as a folder in use. An empty folder that
    exists (`.`, a link to one) stays that folder (found by the review of the first fix)."""
    import errno
    from pathlib import Path

    folder = tmp_path / "case"
    arg = str(folder)
    if where != "new":
        folder.mkdir()
    if where == "here":
        monkeypatch.chdir(folder)
        arg = "."
    if where == "link":
        (tmp_path / "link").symlink_to(folder)
        arg = str(tmp_path / "link")
    inode = folder.stat().st_ino if where != "new" else None
    real = Path.write_text
    count = {"n": 0}

    def fills_up(self, *args, **kwargs):
        count["n"] += 1
        if count["n"] == 4:
            raise OSError(errno.ENOSPC, "No space left on device", str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", fills_up)
    assert main(["init", arg]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and "No space left on device" in err[0] and ".tmp-" not in err[0]
    if where == "new":
        assert list(tmp_path.iterdir()) == []  # neither the case nor its temporary folder
    else:
        assert list(folder.iterdir()) == [] and folder.stat().st_ino == inode
    monkeypatch.setattr(Path, "write_text", real)
    assert main(["init", arg]) == 0
    assert (folder / "claimwatch.toml").is_file()
    if inode is not None:
        assert folder.stat().st_ino == inode  # the folder the user made, not one put in its place


def test_ctrl_c_while_the_case_is_moved_into_an_empty_folder_leaves_it_empty(tmp_path, monkeypatch):
    """Found by the review of the sixteenth part: the folder kept what had been moved into it
    before Ctrl-C, and a second `init` refused it."""
    import os

    folder = tmp_path / "case"
    folder.mkdir()
    real = os.rename
    count = {"n": 0}

    def interrupted(src, dst, *args, **kwargs):
        count["n"] += 1
        if count["n"] == 3:
            raise KeyboardInterrupt
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "rename", interrupted)
    assert main(["init", str(folder)]) == 130  # one line, as for any Ctrl-C
    assert list(folder.iterdir()) == [] and list(tmp_path.iterdir()) == [folder]


def test_a_second_ctrl_c_while_the_moved_files_are_taken_out_leaves_the_folder_empty(tmp_path, monkeypatch):
    """Ctrl-C while the case is moved into an empty folder, then again as what was moved is taken
    out: the second broke into the taking out, half the case left in the folder, which a second
    `init` refuses ("exists and is not an empty folder"). The clean-up holds it until it has run."""
    import claimwatch.cli.init as init_mod

    folder = tmp_path / "case"
    folder.mkdir()
    real_rename, real_never_moved = os.rename, init_mod._never_moved
    renames: list[object] = []

    def interrupted(src, dst, *args, **kwargs):
        renames.append(dst)
        if len(renames) == 3:
            raise KeyboardInterrupt  # the first Ctrl-C, as the third entry is moved in
        return real_rename(src, dst, *args, **kwargs)

    def pressed_again(made, path):
        os.kill(os.getpid(), signal.SIGINT)  # the second, as the first entry is taken out
        return real_never_moved(made, path)

    monkeypatch.setattr(os, "rename", interrupted)
    monkeypatch.setattr(init_mod, "_never_moved", pressed_again)
    assert main(["init", str(folder)]) == 130
    assert list(folder.iterdir()) == [] and list(tmp_path.iterdir()) == [folder]


@pytest.mark.parametrize("appears", ["reviews.yaml", "claims/mine.yaml"])
def test_a_file_made_in_the_folder_while_init_runs_is_never_replaced_nor_removed(
    tmp_path, monkeypatch, capsys, appears
):
    """Found by the twenty-fourth part's hunt: the folder was found empty, then the case's files
    moved into it; a file the analyst (or a sync client) made there meanwhile was replaced by the
    template's, and a folder of theirs (claims/, holding their claim file) failed the move and
    was removed with the rest."""
    import claimwatch.cli.init as init_mod

    folder = tmp_path / "case"
    folder.mkdir()
    real = init_mod._write

    def meanwhile(*args, **kwargs):
        made = folder / appears
        if not made.exists():
            made.parent.mkdir(parents=True, exist_ok=True)
            made.write_text("mine\n", encoding="utf-8")
        return real(*args, **kwargs)

    monkeypatch.setattr(init_mod, "_write", meanwhile)
    assert main(["init", str(folder)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and str(folder / appears.split("/")[0]) in err[0] and "nothing was replaced" in err[0]
    assert (folder / appears).read_text(encoding="utf-8") == "mine\n"
    left = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))
    assert left == sorted({appears, *([appears.split("/")[0]] if "/" in appears else [])})


def _the_feature_passes(cwd: Path, features: str) -> None:
    """pytest, run from `cwd` on the `features` folder, passes the case's one scenario."""
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", features],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "1 passed" in run.stdout


def test_a_case_folder_named_near_the_file_system_s_limit_is_made(tmp_path, capsys):
    """`claimwatch init` of a folder of 250 characters (`mkdir` makes it): "cannot make the case
    here: File name too long", the temporary folder beside it, `.NAME.tmp-XXXXXXXX`, being past
    255 bytes. Now its name is cut to fit, and the case is made, nothing left beside it."""
    target = tmp_path / ("c" * 250)
    assert main(["init", str(target)]) == 0, capsys.readouterr().err
    assert (target / "claimwatch.toml").is_file() and (target / "reviews.yaml").is_file()
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


@pytest.mark.parametrize("made", ["empty", "new"])
def test_two_inits_racing_on_one_folder_leave_one_whole_case(tmp_path, monkeypatch, capsys, made):
    """Two `claimwatch init case` at once (a script run twice, two terminals): each found the
    folder empty, then moved its files in. The second's rename replaced the first's
    `.gitignore` in silence, failed on its `claims/` ("cannot make the case: Directory not
    empty"), and its clean-up removed that `.gitignore`, the first's case left without it though
    it had said "created". The other init's case is kept whole now, and this one says in one line
    that it appeared meanwhile, replacing and removing nothing."""
    import claimwatch.cli.init as init_mod

    folder = tmp_path / "case"
    if made == "empty":
        folder.mkdir()
    real_refuse, real_put = init_mod._refuse_appeared, init_mod._put_in_place
    other: dict[str, int] = {}

    def the_other_init_meanwhile() -> None:
        if not other:  # the other init runs whole, once, right after this one looked
            monkeypatch.setattr(init_mod, "_refuse_appeared", real_refuse)
            monkeypatch.setattr(init_mod, "_put_in_place", real_put)
            # It found the folder empty too, before this one's temporary folder was made in it.
            monkeypatch.setattr(init_mod, "_refuse_used", lambda target: None)
            other["code"] = main(["init", str(folder)])

    def after_the_look(path):
        real_refuse(path)
        the_other_init_meanwhile()

    def before_the_rename(tmp, target):
        the_other_init_meanwhile()
        real_put(tmp, target)

    monkeypatch.setattr(init_mod, "_refuse_appeared", after_the_look)
    monkeypatch.setattr(init_mod, "_put_in_place", before_the_rename)
    assert main(["init", str(folder)]) == 2
    assert other == {"code": 0}
    out, err = capsys.readouterr()
    assert out.startswith(f"created {folder}: ") and len(err.splitlines()) == 1 and "nothing was replaced" in err
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [".gitignore", "claims", "claimwatch.toml", "evidence", "features", "reviews.yaml"]
    )
    assert [p.name for p in tmp_path.iterdir()] == ["case"]  # no temporary left beside it
    monkeypatch.chdir(folder)
    assert main(["validate"]) == 0


@pytest.mark.parametrize("why", [errno.EPERM, errno.EOPNOTSUPP])
def test_a_case_is_made_where_hard_links_cannot_be(tmp_path, monkeypatch, capsys, why):
    """An empty folder on a file system without hard links (FAT: EPERM; an SMB share that refuses
    them: EOPNOTSUPP; the temporary folder is inside the case's, never on another): each file is
    linked in, and where the link fails the fallback makes the case whole, each file its own (not
    a link), nothing left beside it."""
    import claimwatch.cli.init as init_mod

    def no_hard_links(*args, **kwargs):
        raise OSError(why, os.strerror(why))

    folder = tmp_path / "case"
    folder.mkdir()
    monkeypatch.setattr(init_mod.os, "link", no_hard_links)
    assert main(["init", str(folder)]) == 0, capsys.readouterr().err
    made = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    assert made == FILES and all((folder / f).stat().st_nlink == 1 for f in FILES)
    assert [p.name for p in tmp_path.iterdir()] == ["case"]
    monkeypatch.chdir(folder)
    assert main(["validate"]) == 0


def test_where_hard_links_cannot_be_a_file_made_meanwhile_is_never_replaced(tmp_path, monkeypatch, capsys):
    """Without hard links the fallback renamed each file in, and a rename replaces in silence:
    a reviews.yaml the analyst (or a sync client) made in the folder after init looked was
    replaced by the template's, and init said "created". It is copied to a file made only where
    none is now: refused in one line, "appeared ... nothing was replaced", theirs kept."""
    import claimwatch.cli.init as init_mod

    def no_hard_links(*args, **kwargs):
        raise OSError(errno.EPERM, os.strerror(errno.EPERM))

    folder = tmp_path / "case"
    folder.mkdir()
    real = init_mod._refuse_appeared

    def made_after_the_look(path):
        real(path)
        if path.name == "reviews.yaml":
            path.write_text("mine\n", encoding="utf-8")

    monkeypatch.setattr(init_mod.os, "link", no_hard_links)
    monkeypatch.setattr(init_mod, "_refuse_appeared", made_after_the_look)
    assert main(["init", str(folder)]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert str(folder / "reviews.yaml") in line and "nothing was replaced" in line
    assert (folder / "reviews.yaml").read_text(encoding="utf-8") == "mine\n"
    assert [p.name for p in folder.iterdir()] == ["reviews.yaml"]
    assert [p.name for p in tmp_path.iterdir()] == ["case"]


def test_where_hard_links_cannot_be_a_full_disk_leaves_the_folder_empty(tmp_path, monkeypatch, capsys):
    """A FAT stick (no hard links) that fills as the case is copied in: a template file is
    smaller than the write buffer, so the disk's "No space left on device" comes as the copy is
    closed, after the copy's clean-up looked, and the empty copy stayed in the folder, which a
    second init refused ("exists and is not an empty folder"). Found by review."""
    import io

    import claimwatch.cli.init as init_mod

    def no_hard_links(*args, **kwargs):
        raise OSError(errno.EPERM, os.strerror(errno.EPERM))

    class FullDisk(io.FileIO):
        def write(self, data):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    copies: list[str] = []

    def filling(file, mode="r", *args, **kwargs):
        if mode == "xb":
            copies.append(str(file))
            if len(copies) == 3:  # the disk full at the third file copied in
                return io.BufferedWriter(FullDisk(file, "xb"))
        return open(file, mode, *args, **kwargs)

    folder = tmp_path / "case"
    folder.mkdir()
    monkeypatch.setattr(init_mod.os, "link", no_hard_links)
    monkeypatch.setattr(init_mod, "open", filling, raising=False)
    assert main(["init", str(folder)]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert "cannot make the case: No space left on device" in line
    assert len(copies) == 3 and list(folder.iterdir()) == [] and list(tmp_path.iterdir()) == [folder]
    monkeypatch.undo()
    assert main(["init", str(folder)]) == 0


def test_where_hard_links_cannot_be_ctrl_c_as_a_copy_ends_leaves_the_folder_empty(tmp_path, monkeypatch):
    """Without hard links each file is copied in, then its source in the temporary folder
    removed. Ctrl-C between the two (here as the source is closed) left the copy in the folder:
    not the same file as its source, as a link is, the clean-up took it for one the analyst made
    meanwhile, and a second init refused the folder. Found by review."""
    import claimwatch.cli.init as init_mod

    def no_hard_links(*args, **kwargs):
        raise OSError(errno.EPERM, os.strerror(errno.EPERM))

    class PressedAsItCloses:
        def __init__(self, file):
            self.file = file

        def __enter__(self):
            return self.file

        def __exit__(self, *exc):
            self.file.close()
            os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C as the copy of claimwatch.toml ends

    def reading(file, mode="r", *args, **kwargs):
        opened = open(file, mode, *args, **kwargs)  # noqa: SIM115 (init's own open, closed by it)
        return PressedAsItCloses(opened) if mode == "rb" and Path(file).name == "claimwatch.toml" else opened

    folder = tmp_path / "case"
    folder.mkdir()
    monkeypatch.setattr(init_mod.os, "link", no_hard_links)
    monkeypatch.setattr(init_mod, "open", reading, raising=False)
    assert main(["init", str(folder)]) == 130
    assert list(folder.iterdir()) == [] and list(tmp_path.iterdir()) == [folder]

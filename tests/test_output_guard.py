"""The output guard: no report replaces an input of its run or another report of it, and a run's
reports are written all or none (issue 20)."""

from __future__ import annotations

import errno
import os
import re
import shutil
import signal

import pytest

import claimwatch.files
from claimwatch.cli import main
from claimwatch.evidence import import_jsonl
from claimwatch.files import write_all_atomic
from helpers import NO_PARTNERS_CLAIM, claim_file, project, work, write, write_jsonl

CLAIM = (
    NO_PARTNERS_CLAIM
    + """\
  - id: no-face
    says: No face recognition.
    subject: lab
    from: 2024-01-10
    expects: none
    works: {topic: face}
"""
)

CHECK = ["check", "claims/c.yaml", "--evidence", "snap", "--evidence", "curated.yaml"]


@pytest.fixture()
def root(tmp_path, monkeypatch):
    root = project(tmp_path)
    claim_file(root / "claims/c.yaml", CLAIM)
    import_jsonl(write_jsonl(root / "in.jsonl", [work("W1", "A paper")]), root / "snap")
    version = "versions: [{label: v, published: 2023, authors: [{name: X}], sources: [{title: s}]}]"
    write(root / "curated.yaml", f"description: d\nworks:\n  - {{id: a, title: T, {version}}}\n")
    monkeypatch.chdir(root)
    return root


def snapshot_of(root):
    """Every file under the project, with its bytes: what a refused run must leave as it was."""
    return {p.relative_to(root): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def refused(capsys, *args: str) -> str:
    assert main([*CHECK, *args]) == 2
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err  # one clear line, no traceback
    return lines[0]


@pytest.mark.parametrize(
    ("option", "target", "kind"),
    [
        ("--json", "claims/c.yaml", "claim file claims/c.yaml"),
        ("--md", "evidence/lists/mil.yaml", "list file evidence/lists/mil.yaml"),
        ("--html", "claims/topics/face.yaml", "topic file claims/topics/face.yaml"),
        ("--claimreview", "claims/../claims/c.yaml", "claim file claims/c.yaml"),
    ],
)
def test_a_report_never_overwrites_an_input_of_the_run(root, capsys, option, target, kind):
    before = snapshot_of(root)
    line = refused(capsys, option, target)
    assert line == f"{target}: {option} would overwrite the {kind}, an input of this run; choose another path"
    assert snapshot_of(root) == before


@pytest.mark.parametrize("target", ["curated.yaml", "snap/works.jsonl.gz", "snap/new.json"])
def test_a_report_never_goes_over_or_into_the_evidence(root, capsys, target):
    before = snapshot_of(root)
    assert "would write into the evidence" in refused(capsys, "--json", target)
    assert snapshot_of(root) == before


def test_a_symlink_or_a_hard_link_to_an_input_is_refused(root, capsys):
    os.symlink(root / "claims/c.yaml", root / "link.json")
    os.link(root / "evidence/lists/mil.yaml", root / "hard.md")
    os.link(root / "snap/manifest.json", root / "manifest-copy.json")  # a file inside an evidence folder
    before = snapshot_of(root)
    assert refused(capsys, "--json", "link.json") == (
        "link.json: --json names a link to the claim file claims/c.yaml, an input of this run; choose another path"
    )
    assert refused(capsys, "--md", "hard.md") == (
        "hard.md: --md names a hard link (the same file by another name) to the list file "
        "evidence/lists/mil.yaml, an input of this run; choose another path"
    )
    assert refused(capsys, "--json", "manifest-copy.json") == (
        "manifest-copy.json: --json names a hard link (the same file by another name) to snap/manifest.json, "
        "in the evidence at snap; choose another path"
    )
    assert snapshot_of(root) == before
    assert os.path.islink(root / "link.json")


@pytest.mark.parametrize(
    "args",
    [
        [*CHECK, "--json", "loop.json"],
        [*CHECK, "--md", "looped/report.md"],
        ["evidence", "import", "in.jsonl", "--out", "loop.json"],
        ["lists", "import", "aspi", "loop.json", "--out", "evidence/lists/aspi.yaml"],
    ],
    ids=["report", "report-inside", "snapshot", "list-input"],
)
def test_a_link_that_leads_round_in_a_loop_is_one_line(root, capsys, args):
    """A link to itself (`ln -s loop.json loop.json`, a link made the wrong way round) given as
    a report, a snapshot folder or a list to import: "RuntimeError: Symlink loop from 'loop.json'",
    a traceback, from the guard that keeps outputs off the inputs. One line now, exit 2, the
    link left as it was and nothing written."""
    os.symlink("loop.json", root / "loop.json")
    os.symlink("looped", root / "looped")
    before = snapshot_of(root)
    assert main(args) == 2
    named = next(a for a in args if a.startswith("loop"))
    assert capsys.readouterr().err.splitlines() == [
        f"{named}: a link on this path leads round in a loop (to itself, or to links that lead back to it): "
        "remove it, or give another path"
    ]
    assert snapshot_of(root) == before
    assert os.readlink(root / "loop.json") == "loop.json" and os.readlink(root / "looped") == "looped"


@pytest.mark.parametrize(
    "args",
    [
        [*CHECK, "--json", "notes.txt/report.json"],
        ["lists", "import", "aspi", "tracker.json", "--out", "notes.txt/lists/aspi.yaml"],
    ],
    ids=["check", "lists-import"],
)
def test_a_report_under_a_file_is_refused_before_the_run(root, capsys, monkeypatch, args):
    """`check --json notes.txt/report.json` (a file where the report's folder should be, a name
    mistyped for `notes/`): the whole check ran, hours over a large snapshot, then "cannot write:
    notes.txt is a file, not a folder"; `lists import` read the whole list first. Refused now
    before anything is read, in the same words."""
    import claimwatch.cli.check
    import claimwatch.cli.lists

    write(root / "notes.txt", "a note\n")
    write(root / "tracker.json", "{}\n")

    def never(*_a, **_k):
        raise AssertionError("read before the outputs were checked")

    monkeypatch.setattr(claimwatch.cli.check, "evaluate", never)
    monkeypatch.setattr(claimwatch.cli.lists.lists_mod, "import_aspi", never)
    before = snapshot_of(root)
    assert main(args) == 2
    out = args[-1]
    assert capsys.readouterr().err.splitlines() == [f"{out}: cannot write: notes.txt is a file, not a folder"]
    assert snapshot_of(root) == before


@pytest.mark.parametrize(
    ("args", "said"),
    [
        ([*CHECK, "--json", "locked/inner/r.json"], "locked/inner/r.json: cannot write: Permission denied"),
        (
            ["evidence", "import", "in.jsonl", "--out", "locked/inner/snap"],
            "locked/inner/snap: cannot write the snapshot: Permission denied",
        ),
    ],
    ids=["check", "evidence-import"],
)
def test_an_output_in_a_folder_not_to_be_looked_into_is_said_of_the_output(root, capsys, monkeypatch, args, said):
    """`check --json locked/inner/r.json`, locked another user's folder of mode 700: the guard
    looking for a file above the report met "Permission denied" and said "claimwatch:
    locked/inner: Permission denied", naming neither the report nor what was refused. The folder
    is passed over, and the write says it, as before the guard ran first. (Tests run as root,
    whom no mode stops: the refusal is made here.)"""
    (root / "locked/inner").mkdir(parents=True)
    real_stat = os.stat

    def refused_inside(path, *args, **kwargs):
        if "locked/inner" in os.fspath(path):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", refused_inside)
    assert main(args) == 2
    assert capsys.readouterr().err.splitlines() == [said]


def test_a_hard_link_is_not_said_to_overwrite_its_input(root, capsys):
    """A report is renamed over its path: over a hard link to an input that takes the link's name
    and leaves the input as it was, so "--md would overwrite the list file ..." was untrue of it
    (and "would write into the evidence at snap" of a hard link to a snapshot's file). Refused
    still, a report meant for the input not being written beside it, in words that are true; the
    input's own name, reached through a linked folder, still "would overwrite" it."""
    os.link(root / "curated.yaml", root / "curated-link.yaml")
    os.symlink(root / "claims", root / "claims-again")
    os.symlink(root / "snap", root / "snap-again")
    assert refused(capsys, "--json", "curated-link.yaml") == (
        "curated-link.yaml: --json names a hard link (the same file by another name) to the evidence at "
        "curated.yaml; choose another path"
    )
    assert "--json would overwrite the claim file claims/c.yaml" in refused(capsys, "--json", "claims-again/c.yaml")
    assert "--json would write into the evidence at snap" in refused(capsys, "--json", "snap-again/manifest.json")
    assert "--json would write into the evidence at snap" in refused(capsys, "--json", "snap/manifest.json")
    os.symlink(root / "snap/new.json", root / "into.json")
    assert refused(capsys, "--json", "into.json") == (
        "into.json: --json names a link into the evidence at snap; choose another path"
    )


def test_an_input_given_by_a_symbolic_link_is_overwritten_by_its_files_own_name(root, capsys):
    """The claim file given as `current.yaml`, a symbolic link to `claims/c.yaml` (a case keeping
    the claims it checks now under one name), and `--json claims/c.yaml`: the report renamed over
    that name replaces the file the link reads, yet was said to name "a hard link (the same file by
    another name)" to current.yaml, comparing the link's own name with the report's. It would
    overwrite the input, and says so, as does the evidence given so (found by review)."""
    os.symlink("claims/c.yaml", root / "current.yaml")
    os.symlink("curated.yaml", root / "curated-now.yaml")
    before = snapshot_of(root)
    args = ["check", "current.yaml", "--evidence", "snap", "--evidence", "curated-now.yaml"]
    assert main([*args, "--json", "claims/c.yaml"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "claims/c.yaml: --json would overwrite the claim file current.yaml, an input of this run; choose another path"
    ]
    assert main([*args, "--json", "curated.yaml"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "curated.yaml: --json would write into the evidence at curated-now.yaml; choose another path"
    ]
    assert snapshot_of(root) == before


def test_a_list_the_run_did_not_load_may_be_written(root, capsys):
    # Only the files a run reads are its inputs: another list in the same folder is not one.
    write(root / "evidence/lists/unused.yaml", "id: unused\n")
    assert main([*CHECK, "--json", "evidence/lists/unused.yaml"]) == 0


def test_two_reports_on_one_path_are_refused(root, capsys):
    assert refused(capsys, "--json", "r.out", "--md", "r.out") == (
        "r.out: --md names the same file as --json; give each output its own path"
    )
    (root / "r.json").write_text("old")
    os.link(root / "r.json", root / "r2.json")
    os.symlink("r.json", root / "r3.json")
    assert "--md names the same file as --json" in refused(capsys, "--json", "r.json", "--md", "r2.json")
    assert "--html names the same file as --json" in refused(capsys, "--json", "r.json", "--html", "r3.json")
    assert "--md names the same file as --json" in refused(capsys, "--json", "r.json", "--md", "./sub/../r.json")
    assert (root / "r.json").read_text() == "old"
    assert not (root / "r.out").exists()


def test_the_guard_answers_before_the_evaluation(root, capsys, monkeypatch):
    def evaluate(*_a, **_k):
        raise AssertionError("evaluated although a report path was refused")

    monkeypatch.setattr("claimwatch.cli.check.evaluate", evaluate)
    assert "an input of this run" in refused(capsys, "--json", "claims/c.yaml")


def test_the_library_holds_the_same_guard(root):
    from claimwatch import claims as claims_mod
    from claimwatch.errors import InputError
    from claimwatch.evaluate import evaluate
    from claimwatch.evidence import open_evidence_paths
    from claimwatch.reports import write_reports

    results = evaluate(claims_mod.load_claims(["claims/c.yaml"]), open_evidence_paths(["snap"]))
    before = snapshot_of(root)
    with pytest.raises(InputError, match=re.escape("topic file claims/topics/face.yaml")):
        write_reports(results, {"json": "ok.json", "html": "claims/topics/face.yaml"})
    with pytest.raises(InputError, match="would write into the evidence"):
        write_reports(results, {"json": "snap/r.json"})
    assert snapshot_of(root) == before


def test_a_report_never_overwrites_the_cases_configuration(root, capsys):
    # check reads claimwatch.toml's [report] table: it is an input, the case's or --root's.
    write(root / "claimwatch.toml", '[report]\ntitle = "The case"\n')
    write(root / "elsewhere/claimwatch.toml", "[case]\n")
    shutil.copytree(root / "claims/topics", root / "elsewhere/claims/topics")  # what --root lends the claims
    shutil.copytree(root / "evidence/lists", root / "elsewhere/evidence/lists")
    before = snapshot_of(root)
    assert refused(capsys, "--md", "claimwatch.toml") == (
        "claimwatch.toml: --md would overwrite the configuration file claimwatch.toml, an input of this run; "
        "choose another path"
    )
    args = ["--root", "elsewhere", "--json", "elsewhere/claimwatch.toml"]
    assert "would overwrite the configuration file elsewhere/claimwatch.toml" in refused(capsys, *args)
    assert snapshot_of(root) == before


def test_the_library_guards_the_configuration_of_the_claims_case(root):
    from claimwatch import claims as claims_mod
    from claimwatch.errors import InputError
    from claimwatch.evaluate import evaluate
    from claimwatch.evidence import open_evidence_paths
    from claimwatch.reports import write_reports

    write(root / "claimwatch.toml", "[case]\n")
    results = evaluate(claims_mod.load_claims(["claims/c.yaml"]), open_evidence_paths(["snap"]))
    with pytest.raises(InputError, match="would overwrite the configuration file"):
        write_reports(results, {"md": "claimwatch.toml"})
    assert (root / "claimwatch.toml").read_text() == "[case]\n"


# --- all or nothing ---------------------------------------------------------------------------


def fail_on_call(monkeypatch, name: str, n: int, error: int = errno.ENOSPC) -> None:
    """os.NAME as claimwatch.files calls it fails with `error` on its n-th call."""
    real = getattr(os, name)
    calls = []

    def failing(*args, **kwargs):
        calls.append(args)
        if len(calls) == n:
            raise OSError(error, os.strerror(error))
        return real(*args, **kwargs)

    monkeypatch.setattr(claimwatch.files.os, name, failing)


REPORTS = ["--json", "r.json", "--md", "r.md", "--html", "r.html", "--claimreview", "r.jsonld", "--csv", "r.csv"]


def temporaries(root):
    return sorted(p.name for p in root.iterdir() if p.name.startswith(".r."))


def test_a_full_disk_part_way_leaves_every_earlier_report_untouched(root, capsys, monkeypatch):
    for name in ("r.json", "r.md", "r.html"):
        (root / name).write_text(f"old {name}")
    fail_on_call(monkeypatch, "fsync", 3)  # the third report does not fit
    assert refused(capsys, *REPORTS) == "r.html: cannot write: No space left on device"
    assert [(root / n).read_text() for n in ("r.json", "r.md", "r.html")] == ["old r.json", "old r.md", "old r.html"]
    assert not (root / "r.jsonld").exists()
    assert temporaries(root) == []


def test_a_rename_failing_part_way_puts_back_the_reports_already_replaced(root, capsys, monkeypatch):
    (root / "r.json").write_text("old json")
    fail_on_call(monkeypatch, "replace", 3, errno.EIO)
    assert refused(capsys, *REPORTS).startswith("r.html: cannot write:")
    assert (root / "r.json").read_text() == "old json"
    assert not (root / "r.md").exists() and not (root / "r.html").exists() and not (root / "r.jsonld").exists()
    assert temporaries(root) == []


def test_ctrl_c_while_writing_leaves_the_earlier_reports(tmp_path, monkeypatch):
    (tmp_path / "a").write_text("old a")
    real = os.replace
    calls = []

    def interrupted(*args):
        calls.append(args)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(*args)

    monkeypatch.setattr(claimwatch.files.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_all_atomic({tmp_path / "a": "new a", tmp_path / "b": "new b"})
    assert (tmp_path / "a").read_text() == "old a" and not (tmp_path / "b").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a"]


def test_a_second_ctrl_c_while_the_earlier_reports_are_put_back_leaves_them(tmp_path, monkeypatch):
    """`check --json a --md b`, Ctrl-C pressed as the second report is renamed into place, then
    again while the first is put back: the second broke into the putting back, `a` left the new
    report, and its earlier one's second name removed after, the earlier report lost. The clean-up
    holds Ctrl-C until it has run (as the columnar writer's does), then answers it."""
    (tmp_path / "a").write_text("old a")
    (tmp_path / "b").write_text("old b")
    real = os.replace
    calls = []

    def interrupted(*args):
        calls.append(args)
        if len(calls) == 2:
            raise KeyboardInterrupt  # the first Ctrl-C, at the second report's rename
        if len(calls) == 3:
            os.kill(os.getpid(), signal.SIGINT)  # the second, as the first report is put back
        return real(*args)

    monkeypatch.setattr(claimwatch.files.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_all_atomic({tmp_path / "a": "new a", tmp_path / "b": "new b"})
    assert len(calls) == 4  # both put back: b had been kept under a second name before its rename
    assert (tmp_path / "a").read_text() == "old a" and (tmp_path / "b").read_text() == "old b"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b"]


def test_a_report_under_a_file_says_the_file_is_no_folder(root, capsys):
    """`--json notes/r.json` where notes is a file was "cannot write: File exists" (mkdir's
    errno), which names nothing that exists at the path given."""
    (root / "notes").write_text("my notes")
    assert refused(capsys, "--json", "r.json", "--md", "notes/deep/r.md") == (
        "notes/deep/r.md: cannot write: notes is a file, not a folder"
    )
    assert (root / "notes").read_text() == "my notes" and not (root / "r.json").exists()


@pytest.mark.parametrize("kind", ["a snapshot", "a snapshot deeper", "a review"])
def test_a_snapshot_or_review_under_a_file_says_the_file_is_no_folder(tmp_path, monkeypatch, capsys, kind):
    """`evidence import in.jsonl --out notes/snap`, notes a file: "cannot write the snapshot:
    File exists" (mkdir's errno), naming nothing there; `review ... --reviews notes/reviews.yaml`:
    "cannot record a review: its lock beside it (.reviews.yaml.lock): Not a directory", of a file
    never named. Now both say what a report says."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes").write_text("my notes")
    if kind == "a review":
        project(tmp_path)
        claim_file(tmp_path / "claims" / "c.yaml", NO_PARTNERS_CLAIM)
        argv = ["review", "no-partners", "W1", "--decision", "confirmed", "--note", "n", "--root", "."]
        argv += ["--reviews", "notes/reviews.yaml"]  # said as the file it resolves to, where a link leads
        out, said = (
            f"{tmp_path}/notes/reviews.yaml",
            f"cannot record a review: {tmp_path}/notes is a file, not a folder",
        )
    else:
        out = "notes/snap" if kind == "a snapshot" else "notes/a/snap"
        argv = ["evidence", "import", str(write_jsonl(tmp_path / "in.jsonl", [work("W1", "x")])), "--out", out]
        said = "cannot write the snapshot: notes is a file, not a folder"
    assert main(argv) == 2
    assert capsys.readouterr().err.splitlines() == [f"{out}: {said}"]
    assert (tmp_path / "notes").read_text() == "my notes"


def test_a_snapshot_under_a_file_is_refused_before_its_input_is_read(tmp_path, monkeypatch, capsys):
    """`evidence import dump.jsonl --out notes/snap`, notes a file: the whole dump was read (hours
    for a bulk one) before "cannot write the snapshot: notes is a file, not a folder"; here a
    record written wrong on line 2 was said first. The snapshot's path is refused first now."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes").write_text("my notes")
    source = write_jsonl(tmp_path / "in.jsonl", [work("W1", "x")])
    with source.open("a", encoding="utf-8") as f:
        f.write("{not json\n")
    assert main(["evidence", "import", str(source), "--out", "notes/snap"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "notes/snap: cannot write the snapshot: notes is a file, not a folder"
    ]


def test_a_successful_run_replaces_all_its_reports(root, capsys):
    (root / "r.json").write_text("old")
    assert main([*CHECK, *REPORTS]) == 0
    assert (root / "r.json").read_text().startswith("{")
    assert all((root / n).exists() for n in ("r.md", "r.html", "r.jsonld"))
    assert temporaries(root) == []


def test_a_list_import_never_writes_over_its_source_file(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "csl.yaml").write_text("the source, as downloaded\n")
    os.symlink("csl.yaml", tmp_path / "link.yaml")
    for out, how in (
        ("csl.yaml", "would overwrite"),
        ("./csl.yaml", "would overwrite"),
        ("link.yaml", "names a link to"),
    ):
        assert main(["lists", "import", "csl", "csl.yaml", "--out", out]) == 2
        assert capsys.readouterr().err == (
            f"{out}: --out {how} the source file csl.yaml, an input of this run; choose another path\n"
        )
    assert (tmp_path / "csl.yaml").read_text() == "the source, as downloaded\n"


def test_a_device_a_pipe_a_link_or_a_dash_is_never_replaced_by_a_report(root, capsys):
    """The review's case: as root, `--json /dev/stdout` replaced the real /dev/stdout with a file."""
    os.mkfifo(root / "pipe.json")
    os.symlink("elsewhere.json", root / "link.json")
    for target, kind in (
        ("pipe.json", "a named pipe (FIFO)"),
        ("link.json", "a symbolic link"),
        ("/dev/null", "a device"),
    ):
        assert f"--json names {kind}, not a regular file" in refused(capsys, "--json", target)
    assert "--json names '-'" in refused(capsys, "--json", "-")
    assert (root / "pipe.json").is_fifo() and (root / "link.json").is_symlink() and not (root / "-").exists()


@pytest.mark.parametrize("option", ["--json", "--md", "--html", "--claimreview", "--csv"])
def test_an_empty_report_path_is_refused_not_skipped(root, capsys, option):
    """Found by the sixteenth part's hunt: `--json "$UNSET"` wrote no report and exited 0."""
    before = snapshot_of(root)
    assert f"Invalid value for {option}: an empty path" in refused(capsys, option, "")
    assert snapshot_of(root) == before


def test_a_report_never_takes_the_place_of_the_cases_reviews_file(tmp_path, monkeypatch, capsys):
    """Found by the sixteenth part's hunt: in a case with no reviews.yaml yet, `--json reviews.yaml`
    wrote the report there, and every later check and review failed on it."""
    case = tmp_path / "case"
    assert main(["init", str(case)]) == 0
    (case / "reviews.yaml").unlink()
    (case / "claimwatch.toml").unlink()  # a root without a configuration is the folder it runs in
    monkeypatch.chdir(case)
    capsys.readouterr()
    assert main(["check", "claims/", "--evidence", "evidence/curated/", "--json", "reviews.yaml"]) == 2
    assert "would overwrite the reviews file" in capsys.readouterr().err
    assert not (case / "reviews.yaml").exists()

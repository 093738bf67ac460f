"""Commands find the case's root upward from the working directory (claimwatch.toml marks it);
--root overrides; without the file the working directory is the root, as before (#17)."""

from __future__ import annotations

import codecs
import json
import shutil
import tomllib
from pathlib import Path

import pytest

from claimwatch.cli import main
from claimwatch.errors import NOT_UTF8
from claimwatch.evidence import import_jsonl
from claimwatch.project import find_root
from helpers import NO_PARTNERS_CLAIM, claim_file, project, work, write, write_jsonl

TOPIC_CLAIM = """\
claims:
  - {id: no-face, says: s, subject: lab, from: 2024-01-10, expects: none, works: {topic: face}}
"""


@pytest.fixture()
def case(tmp_path):
    """A case marked by claimwatch.toml, with a claim file naming a shared topic and a list."""
    root = project(tmp_path / "case")
    write(root / "claimwatch.toml", "[case]\nname = 'A test case'\n")
    claim_file(root / "claims/c.yaml", NO_PARTNERS_CLAIM)
    claim_file(root / "claims/t.yaml", TOPIC_CLAIM)
    import_jsonl(write_jsonl(root / "in.jsonl", [work("W1", "A paper")]), root / "evidence/snap")
    return root


def test_the_root_is_the_nearest_folder_with_claimwatch_toml(case):
    (case / "claims/deep/er").mkdir(parents=True)
    assert find_root(case / "claims/deep/er") == case.resolve()
    assert find_root(case) == case.resolve()


def test_no_claimwatch_toml_means_no_root(tmp_path):
    assert find_root(tmp_path) is None


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("[case]\nnmae = 'A test case'\n", "2:1: unknown key 'nmae' in [case] (known: name)"),
        ("[case]\nname = 'A'\n\n[review]\n  bby = 'Ann'\n", "5:3: unknown key 'bby' in [review] (known: by)"),
        (
            "[case]\nname = 'A'\n[report]\nautor = 'Ann'\n",
            "4:1: unknown key 'autor' in [report] (known: title, author, publisher, publisher_url, url)",
        ),
        ("[case]\nname = ''\n", "2:1: [case] name must be a non-empty string"),
        # After a string holding a line "[report]", the key is still [review]'s, said at its place.
        ("[review]\nby = '''Ann\n[report]\n'''\ntitle = 'Notes'\n", "5:1: unknown key 'title' in [review] (known: by)"),
    ],
    ids=["case", "review", "report", "empty-name", "after-a-header-in-a-string"],
)
@pytest.mark.parametrize(
    "command", [["validate", "t.yaml"], ["show", "t.yaml"], ["check", "--root", "..", "--evidence", "../evidence/snap"]]
)
def test_a_key_misspelt_in_any_table_of_claimwatch_toml_is_refused_by_every_command(
    case, monkeypatch, capsys, text, said, command
):
    """`nmae = 'x'` under [case] passed every command in silence; a key misspelt under [review]
    or [report] passed every command but the one reading that table (`review`, `check`), the
    setting lost until then. Every command finding the case, and `check` given --root, refuses
    it now in one line at its place."""
    config = case / "claimwatch.toml"
    write(config, text)
    monkeypatch.chdir(case / "claims")
    assert main(command) == 2
    shown = "../claimwatch.toml" if "--root" in command else config.resolve()
    assert capsys.readouterr().err.splitlines() == [f"{shown}:{said}"]


@pytest.mark.parametrize("command", [["validate", "c.yaml", "t.yaml"], ["show", "c.yaml", "t.yaml"]])
def test_commands_work_from_a_folder_inside_the_case(case, monkeypatch, capsys, command):
    monkeypatch.chdir(case / "claims")
    assert main(command) == 0, capsys.readouterr().err


def test_check_from_inside_the_case_keeps_command_line_paths_relative_to_where_it_runs(case, monkeypatch, capsys):
    monkeypatch.chdir(case / "claims")
    assert main(["check", "c.yaml", "t.yaml", "--evidence", "../evidence/snap", "--json", "out.json"]) == 0
    report = json.loads((case / "claims/out.json").read_text(encoding="utf-8"))
    paths = json.dumps(report)
    assert "../claims/topics/face.yaml" in paths  # found under the root, named from where the command ran
    assert str(case) not in paths  # no absolute paths creep into the report


def test_lists_show_finds_the_case_lists_from_a_subfolder(case, monkeypatch, capsys):
    monkeypatch.chdir(case / "evidence/snap")
    assert main(["lists", "show", "mil"]) == 0
    assert "mil: Military universities" in capsys.readouterr().out


def test_root_overrides_the_discovered_case(case, tmp_path, monkeypatch, capsys):
    other = tmp_path / "other"
    other.mkdir()
    monkeypatch.chdir(case / "claims")
    assert main(["validate", "t.yaml", "--root", str(other)]) == 2
    err = capsys.readouterr().err
    assert f"unknown topic 'face'; known: (none) (looked in this file and {other}/claims/topics/)" in err


def test_unknown_ids_name_the_folder_searched(case, monkeypatch, capsys):
    works = "{topic: nope, coauthor_in: [nada]}"
    claim_file(
        case / "claims/u.yaml",
        f"claims:\n  - {{id: u, says: s, subject: lab, from: 2024-01-10, expects: none, works: {works}}}\n",
    )
    monkeypatch.chdir(case / "claims")
    assert main(["validate", "u.yaml"]) == 2
    err = capsys.readouterr().err
    assert "unknown topic 'nope'; known: face (looked in this file and ../claims/topics/)" in err
    assert "unknown list 'nada'; known: mil (looked in ../evidence/lists/)" in err
    assert main(["lists", "show", "nada"]) == 2
    assert "../evidence/lists: unknown list 'nada'; known: mil" in capsys.readouterr().err


def test_without_claimwatch_toml_the_working_directory_is_the_root(case, monkeypatch, capsys):
    (case / "claimwatch.toml").unlink()
    monkeypatch.chdir(case)
    assert main(["validate", "claims/"]) == 0
    monkeypatch.chdir(case / "claims")
    assert main(["validate", "t.yaml"]) == 2  # as before: claims/topics/ is looked for here
    assert "(looked in this file and claims/topics/)" in capsys.readouterr().err


def test_a_broken_claimwatch_toml_is_one_line(case, monkeypatch, capsys):
    (case / "claimwatch.toml").write_text("[case\n", encoding="utf-8")
    monkeypatch.chdir(case / "claims")
    assert main(["validate", "t.yaml"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "claimwatch.toml" in err and "not valid TOML" in err


@pytest.mark.parametrize("mark", [b"", codecs.BOM_UTF8])
def test_a_claimwatch_toml_not_in_utf8_is_said_at_its_place(case, monkeypatch, capsys, mark):
    """A claimwatch.toml whose case is named "Université Laval", saved as Windows-1252 (Notepad's
    "ANSI"): "claimwatch.toml: not UTF-8; save it as UTF-8", no place, in words of its own, where
    every other file of a case is said at its line and column. Said so now, in the same words.
    Behind a byte order mark too (PowerShell 5.1's `Out-File -Encoding utf8` wrote the file, and
    cmd's `echo ... >>` added the line in its code page), where the decoder counts from past the
    mark: its column was 15."""
    config = case / "claimwatch.toml"
    config.write_bytes(mark + '[case]\nname = "Université Laval"\n'.encode("cp1252"))
    monkeypatch.chdir(case / "claims")
    assert main(["validate", "t.yaml"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"{config.resolve()}:2:18: not UTF-8 text; save the file as UTF-8 (in most editors: Save As, encoding UTF-8)"
    ]


@pytest.mark.parametrize("mark", [b"", codecs.BOM_UTF8])
def test_a_byte_not_in_utf8_after_letters_past_ascii_is_said_at_its_character_s_column(case, monkeypatch, capsys, mark):
    """A line holding "Montréal Québec" in UTF-8, then "Université" added in Windows-1252 (cmd's `echo ...
    >>` in its code page): the byte that does not decode was said a column past for each letter
    of two bytes before it on its line ("1:36" for the 34th character), the bytes counted where an
    editor counts characters; a byte order mark opening the first line counted three. Said at the
    character now, in a claimwatch.toml and a claim file alike."""
    line = '"Montréal Québec'.encode() + " Université".encode("cp1252")
    config = case / "claimwatch.toml"
    config.write_bytes(mark + b"name = " + line + b'"\n')
    monkeypatch.chdir(case / "claims")
    assert main(["validate", "t.yaml"]) == 2
    assert capsys.readouterr().err.splitlines() == [f"{config.resolve()}:1:34: {NOT_UTF8}"]
    config.write_text("[case]\nname = 'A test case'\n", encoding="utf-8")
    claim = case / "claims" / "t.yaml"
    claim.write_bytes(mark + b"# " + line + b"\n" + (case / "claims" / "c.yaml").read_bytes())
    assert main(["validate", "t.yaml"]) == 2
    assert capsys.readouterr().err.splitlines() == [f"t.yaml:1:29: {NOT_UTF8}"]


@pytest.mark.parametrize(
    ("encoding", "said"),
    [
        ("utf-16-le", "looks like UTF-16LE text without its byte order mark (a zero byte beside each letter)"),
        ("utf-16-be", "looks like UTF-16BE text without its byte order mark (a zero byte beside each letter)"),
        ("utf-16", "UTF-16 text (its byte order mark says so)"),
        ("utf-32", "UTF-32 text (its byte order mark says so)"),
    ],
)
def test_a_file_saved_in_utf16_is_said_to_be_so(case, monkeypatch, capsys, encoding, said):
    """A claimwatch.toml or claim file saved in UTF-16 (Windows PowerShell 5.1's `>`, Notepad's
    "Unicode"): without its byte order mark, "t.yaml:1:2: not valid YAML: character U+0000 is not
    allowed in YAML" ("claimwatch.toml:1:2: not valid TOML: Invalid initial character for a key
    part"); with it, "not UTF-8 text", naming no encoding to look for. Said so now, for both."""
    tail = "not UTF-8; save the file as UTF-8 (in most editors: Save As, encoding UTF-8)"
    config = case / "claimwatch.toml"
    config.write_bytes("[case]\nname = 'A test case'\n".encode(encoding))
    monkeypatch.chdir(case / "claims")
    assert main(["validate", "t.yaml"]) == 2
    assert capsys.readouterr().err.splitlines() == [f"{config.resolve()}: {said}, {tail}"]
    config.write_text("[case]\nname = 'A test case'\n", encoding="utf-8")
    claim = case / "claims" / "t.yaml"
    claim.write_bytes(claim.read_text(encoding="utf-8").encode(encoding))
    assert main(["validate", "t.yaml"]) == 2
    assert capsys.readouterr().err.splitlines() == [f"t.yaml: {said}, {tail}"]


def test_a_text_of_ascii_letters_is_not_taken_for_utf16(case, monkeypatch, capsys):
    """Bytes of UTF-8 text hold no zero byte beside each letter: a claim file and a
    claimwatch.toml of ASCII, of Chinese letters, or opening with a byte order mark are read."""
    claim = case / "claims" / "t.yaml"
    claim.write_text("# 北京 Ab\n" + claim.read_text(encoding="utf-8"), encoding="utf-8-sig")
    (case / "claimwatch.toml").write_text("# 北京\n[case]\nname = 'A'\n", encoding="utf-8-sig")
    monkeypatch.chdir(case / "claims")
    assert main(["validate", "t.yaml"]) == 0, capsys.readouterr().err


@pytest.mark.parametrize(
    ("hostile", "said"),
    [
        # Nested past Python's recursion: it ended the command in a RecursionError traceback,
        # then was said with the file alone; now at the run of brackets' first.
        ("x = " + "[" * 100_000 + "]" * 100_000, ":4:5: not valid TOML: nested too deeply"),
        # More digits than Python converts: a ValueError traceback telling of sys.set_int_max_str_digits().
        ("x = " + "1" * 5_000, ":4:5: not valid TOML: a number of more digits than claimwatch reads"),
    ],
    ids=["deep", "long-number"],
)
def test_a_hostile_claimwatch_toml_is_one_line(case, monkeypatch, capsys, hostile, said):
    config = case / "claimwatch.toml"
    config.write_text(f"[case]\nname = 'A test case'\n[extra]\n{hostile}\n", encoding="utf-8")
    before = config.read_bytes()
    monkeypatch.chdir(case / "claims")
    assert main(["validate", "t.yaml"]) == 2
    said = said if said.startswith(":") else f": not valid TOML: {said}"
    assert capsys.readouterr().err.splitlines() == [f"{config.resolve()}{said}"]
    assert config.read_bytes() == before


def test_a_claimwatch_toml_past_the_limit_of_a_claim_file_is_one_line(case, monkeypatch, capsys):
    """A claimwatch.toml of 100 MB (a log appended to it by mistake; here comments) was read whole
    by every command, three seconds and 286 MB each time, where a claim file or reviews.yaml
    past 8 MiB is refused. Now the same limit, told in the same words, before a byte is read;
    a file at the limit exactly is read."""
    from claimwatch.documents import MAX_BYTES
    from claimwatch.project import CONFIG_MAX_BYTES

    assert CONFIG_MAX_BYTES == MAX_BYTES
    config = case / "claimwatch.toml"
    head = "[case]\nname = 'A test case'\n"
    comment = "# " + "x" * 97 + "\n"
    lines, rest = divmod(MAX_BYTES - len(head), len(comment))
    config.write_text(head + comment * lines + "#" * (rest - 1) + "\n", encoding="utf-8")
    assert config.stat().st_size == MAX_BYTES
    monkeypatch.chdir(case / "claims")
    assert main(["validate", "t.yaml"]) == 0, capsys.readouterr().err
    with config.open("a", encoding="utf-8") as f:
        f.write("\n")
    capsys.readouterr()
    assert main(["validate", "t.yaml"]) == 2
    said = f"file is {MAX_BYTES + 1:,} bytes; the limit is {MAX_BYTES:,}"
    assert capsys.readouterr().err.splitlines() == [f"{config.resolve()}: {said}"]


@pytest.mark.parametrize("kind", ["a link whose file is gone", "a folder"])
def test_a_claimwatch_toml_that_is_no_file_to_read_is_one_line(case, monkeypatch, capsys, kind):
    """A case whose claimwatch.toml links a team's shared settings (`ln -s ../team/claimwatch.toml`)
    that have moved: it was passed over as though the case had none, so `check --md` wrote a
    report without its [report] title and publisher, and from claims/ the root was sought
    further up ("claims: no such file", or another case's). Now one line naming it, exit 2."""
    team = case.parent / "team"
    write(team / "claimwatch.toml", "[case]\nname = 'A test case'\n[report]\ntitle = 'Shared title'\n")
    config = case / "claimwatch.toml"
    config.unlink()
    config.symlink_to(Path("..") / "team" / "claimwatch.toml")
    monkeypatch.chdir(case / "claims")
    assert main(["check", "--evidence", "../evidence/snap", "--md", "../out.md"]) == 0, capsys.readouterr().err
    assert (case / "out.md").read_text(encoding="utf-8").startswith("# Shared title")
    if kind == "a folder":
        config.unlink()
        config.mkdir()
        said = "is a folder or another kind of file, not a regular file: the case's settings cannot be read"
    else:
        shutil.rmtree(team)
        said = "a link to ../team/claimwatch.toml, which is not there: restore it, or remove the link"
    capsys.readouterr()
    assert main(["check", "--evidence", "../evidence/snap", "--md", "../out2.md"]) == 2
    assert capsys.readouterr().err.splitlines() == [f"{case.resolve() / 'claimwatch.toml'}: {said}"]
    assert not (case / "out2.md").exists()


def test_a_claimwatch_toml_saved_with_a_byte_order_mark_is_read(case, monkeypatch, capsys):
    # Windows PowerShell 5.1's `Out-File -Encoding utf8` (and Notepad's "UTF-8 with BOM") begin the
    # file with U+FEFF; tomllib took it for a statement: "Invalid statement (at line 1, column 1)".
    config = case / "claimwatch.toml"
    config.write_bytes(b"\xef\xbb\xbf[case]\r\nname = 'A test case'\r\n[report]\r\ntitle = 'Marked'\r\n")
    monkeypatch.chdir(case / "claims")
    assert main(["check", "--evidence", "../evidence/snap", "--md", "../out.md"]) == 0, capsys.readouterr().err
    assert (case / "out.md").read_text(encoding="utf-8").startswith("# Marked")


@pytest.mark.parametrize(
    ("lines", "at"),
    [
        # A title holding a long run of digits (as a pasted id might) before the number: the line
        # said was the title's, a search of the text finding its digits first.
        (["[report]", f"title = 'Report {'7' * 5_000}'", "[extra]", f"x = {'1' * 5_000}"], (4, 5)),
        # The number inside an array over several lines, after a short one, with a comment of digits.
        (["[extra]", "x = [", "  1,", f"  # {'2' * 5_000}", f"  {'11_' * 2_500}1,", "]"], (5, 3)),
        # After a short number on its line, with a sign.
        (["[extra]", f"x = [1, -{'9' * 5_000}]"], (2, 10)),
    ],
    ids=["after-a-string-of-digits", "in-an-array", "after-a-short-number"],
)
def test_a_long_number_in_claimwatch_toml_is_told_at_its_own_line(case, monkeypatch, capsys, lines, at):
    config = case / "claimwatch.toml"
    config.write_text("[case]\nname = 'A test case'\n" + "\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.chdir(case / "claims")
    assert main(["validate", "t.yaml"]) == 2
    said = "not valid TOML: a number of more digits than claimwatch reads"
    line, column = at
    assert capsys.readouterr().err.splitlines() == [f"{config.resolve()}:{line + 2}:{column}: {said}"]


def test_a_long_run_of_digits_in_a_string_of_claimwatch_toml_is_read(case, monkeypatch, capsys):
    # Valid TOML: the digits are a title's text, no number, and the case reads as any other.
    config = case / "claimwatch.toml"
    config.write_text(f"[case]\nname = 'A test case'\n[report]\ntitle = 'R {'7' * 5_000}'\n", encoding="utf-8")
    monkeypatch.chdir(case / "claims")
    assert main(["validate", "t.yaml"]) == 0
    assert "claimwatch.toml" not in capsys.readouterr().err


def test_the_shipped_project_is_a_case(project_root, monkeypatch, capsys):
    tomllib.loads((project_root / "claimwatch.toml").read_text(encoding="utf-8"))
    monkeypatch.chdir(project_root / "claims")
    assert main(["validate", "microsoft-msra-2024.yaml"]) == 0, capsys.readouterr().err


def test_check_without_claim_files_reads_the_cases_claims_from_any_folder(case, monkeypatch, capsys):
    monkeypatch.chdir(case / "evidence")
    assert main(["check", "--evidence", "snap", "--json", "../out.json"]) == 0
    report = json.loads((case / "out.json").read_text(encoding="utf-8"))
    assert {c["path"] for c in report["inputs"]["claims"]} >= {"../claims/c.yaml"}


def test_validate_and_show_without_paths_read_the_cases_own_files_from_any_folder(case, monkeypatch, capsys):
    """`check` defaults to the case's claims; `validate` and `show` asked for paths. Given none,
    `validate` checks the case's claims, lists and reviews (those it has), `show` its claims."""
    write(case / "reviews.yaml", "reviews: []\n")
    monkeypatch.chdir(case / "evidence")
    capsys.readouterr()
    assert main(["validate"]) == 0, capsys.readouterr().err
    checked = [line.split()[1] for line in capsys.readouterr().out.splitlines()]
    assert checked == [
        "../claims/c.yaml",
        "../claims/t.yaml",
        "../claims/topics/face.yaml",
        "../evidence/lists/mil.yaml",
        "../reviews.yaml",
    ]
    assert main(["show"]) == 0
    assert [line.split(":")[0] for line in capsys.readouterr().out.splitlines() if not line.startswith(" ")] == [
        "../claims/c.yaml",
        "../claims/t.yaml",
    ]


def test_validate_without_paths_in_a_case_without_claims_says_so(tmp_path, monkeypatch, capsys):
    """With nothing of a case's to check, one line says where it looked; with lists alone (no
    claims/ yet), the lists are checked, not refused for the claims' absence."""
    monkeypatch.chdir(tmp_path)
    assert main(["validate"]) == 2
    assert capsys.readouterr().err.strip() == (
        "claimwatch validate: the case at . has no claims/, evidence/lists/, evidence/curated/ nor reviews.yaml: "
        "give the files to check (see claimwatch validate --help)"
    )
    assert main(["show"]) == 2
    assert capsys.readouterr().err.strip() == "claims: no such file"
    write(tmp_path / "evidence/lists/one.yaml", "id: one\nname: One\nsources: [{title: s}]\nentries:\n  - {name: A}\n")
    assert main(["validate"]) == 0
    assert capsys.readouterr().out.split() == ["ok", "evidence/lists/one.yaml", "(list", "'one':", "1", "entry)"]


def test_a_claim_file_checked_from_outside_its_case_names_the_case(tmp_path, monkeypatch, capsys):
    """Run from another folder, every topic and list of a case's claim file is unknown ("known:
    (none)"): the line says which case the file lies in, and how to run it there."""
    case = tmp_path / "my case"
    assert main(["init", str(case)]) == 0
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    capsys.readouterr()
    claim = case / "claims" / "EXAMPLE.yaml"
    assert main(["validate", str(claim)]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 2 and all(
        line.endswith(f"; the file lies in the case {case}: run from there, or give --root {case}") for line in lines
    )
    assert "unknown topic 'drone-swarms'" in lines[0] and "unknown list 'example-watchlist'" in lines[1]
    assert main(["validate", "--root", str(case), str(claim)]) == 0


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # A name left unquoted, as a YAML file would hold it.
        ("[case]\nname = Université Laval\n", "2:8: not valid TOML: Invalid value"),
        # The same key twice, the second pasted from another case.
        ("[case]\nname = 'A'\nname = 'B'\n", "3:11: not valid TOML: Cannot overwrite a value"),
        # Behind a byte order mark, with Windows line ends: the mark is no column.
        ("\ufeff[case]\r\nname = Laval\r\n", "2:8: not valid TOML: Invalid value"),
        # A string left open at the file's end (a copy stopped part way): said where the file ends.
        ('[case]\nname = "Laval', "2:14: not valid TOML: Unterminated string, at the end of the file"),
        # A string of several lines left open, the file ending in a line break as editors save
        # it: said at the end of its last line, where it was "4:1", a line past the file's last.
        ('[case]\nname = """Laval\nUniversity\n', "3:11: not valid TOML: Unterminated string, at the end of the file"),
        ("[case]\r\nname = '''Laval\r\n", "2:16: not valid TOML: Expected \"'''\", at the end of the file"),
    ],
    ids=["unquoted", "twice", "byte-order-mark", "open-at-the-end", "open-lines", "open-lines-crlf"],
)
def test_a_claimwatch_toml_written_wrong_is_said_at_its_place(case, monkeypatch, capsys, text, said):
    """A claimwatch.toml written wrong was said in tomllib's words, its place trailing them:
    "claimwatch.toml: not valid TOML: Invalid value (at line 2, column 8)", where every other
    file of a case is said "FILE:2:8: ...", as an editor's jump to an error reads it."""
    config = case / "claimwatch.toml"
    config.write_bytes(text.encode("utf-8"))
    monkeypatch.chdir(case / "claims")
    assert main(["validate", "t.yaml"]) == 2
    assert capsys.readouterr().err.splitlines() == [f"{config.resolve()}:{said}"]


@pytest.mark.parametrize(
    ("raw", "said"),
    [
        # Cut inside "Montréal"'s "é", "Université" whole before it: UTF-8, so cut short.
        (
            '[case]\nname = "Université de Montréal"\n'.encode()[:-5],
            "the file ends in the middle of a character: it is cut short (a copy or download stopped part way?)",
        ),
        # Behind a byte order mark: UTF-8 as written.
        (
            codecs.BOM_UTF8 + '[case]\nname = "Universit\u00e9'.encode()[:-1],
            "the file ends in the middle of a character: it is cut short (a copy or download stopped part way?)",
        ),
        # Its one letter past ASCII its last: Windows-1252's "é" or UTF-8 cut, said to be either.
        (
            '[case]\nname = "Universit\u00e9'.encode()[:-1],
            "2:18: not UTF-8 text: it ends in “Ã” as Windows-1252 writes it, its one character past ASCII; "
            "save the file as UTF-8 (in most editors: Save As, encoding UTF-8), or, if it is UTF-8, it is cut "
            "short in the middle of a character (a copy or download stopped part way?)",
        ),
    ],
    ids=["utf8-before", "byte-order-mark", "first-past-ascii"],
)
def test_a_claimwatch_toml_cut_inside_a_character_is_said_cut_short(case, monkeypatch, capsys, raw, said):
    """A claimwatch.toml cut inside a character (a sync stopped part way through
    "Université de Montréal") was "claimwatch.toml:2:29: not UTF-8 text; save the file as
    UTF-8", where a claim file cut so is said cut short: re-saving would not bring its end back."""
    config = case / "claimwatch.toml"
    config.write_bytes(raw)
    monkeypatch.chdir(case / "claims")
    assert main(["validate", "t.yaml"]) == 2
    sep = ":" if said[0].isdigit() else ": "
    assert capsys.readouterr().err.splitlines() == [f"{config.resolve()}{sep}{said}"]

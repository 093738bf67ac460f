"""The terminal sanitiser (issue 20): claim, list and manifest text and servers' answers reach the
terminal as inert text through every command that prints them, error lines included."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console

from claimwatch._text import TerminalStream, one_line, printable, terminal_json, terminal_text
from claimwatch.cli import main
from claimwatch.evidence import import_jsonl
from claimwatch.reports.terminal import TerminalConsole, print_verdicts, terminal_console
from helpers import HIT, LAB, NO_PARTNERS_CLAIM, authorship, claim_file, none_claim, project, work, write, write_jsonl
from openalex_server import FakeOpenAlex, institution
from test_diff import CLAIMS as DIFF_CLAIMS
from test_diff import run as report_of
from test_people_reports import people_claim, works_claim
from test_people_reports import report as people_report
from test_reports_hostile import hostile_reviewed_results

# An OSC 8 hyperlink, clear-screen and cursor-home, a carriage return that would overwrite the
# line, the one-byte CSI, a bell, a right-to-left override, an isolate, zero-width characters,
# tag characters spelling a hidden "run" (with the cancel tag) and a soft hyphen.
EVIL = (
    "\x1b]8;;https://evil.example\x07click\x1b]8;;\x07 \x1b[2J\x1b[H\rforged \x9b31mred "
    "\u202egnp.exe\u202c \u2066iso\u2069 zero\u200bwidth\ufeff tag\U000e0072\U000e0075\U000e006e\U000e007f "
    "soft\u00adhyphen"
)
# For YAML double-quoted strings: the same text written with escapes (YAML's \U beyond U+FFFF,
# where JSON writes a surrogate pair YAML refuses).
EVIL_YAML = '"' + "".join(f"\\U{ord(c):08x}" if ord(c) > 0xFFFF else json.dumps(c)[1:-1] for c in EVIL) + '"'
VISIBLE = ("click", "forged", "gnp.exe", "zero", "tag", "hyphen")

# Every character the sanitiser lets no command print.
UNSAFE = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u200b\u200e\u200f\u202a-\u202e\u2028\u2029\u2060-\u2069\ufeff"
    r"\U000e0000-\U000e007f]"
)


def assert_inert(text: str, *, shown: tuple[str, ...] = VISIBLE) -> None:
    found = UNSAFE.findall(text)
    assert not found, f"unsafe characters reached the terminal: {found!r}"
    for word in shown:  # the hostile text did reach the output, as text: the test is not vacuous
        assert word in text, (word, text)


def run(capsys, args: list[str], code: int = 0) -> str:
    assert main(args) == code
    captured = capsys.readouterr()
    return captured.out + captured.err


@pytest.fixture()
def root(tmp_path, monkeypatch):
    root = project(tmp_path)
    monkeypatch.chdir(root)
    return root


def evil_claims(root):
    return claim_file(
        root / "claims/evil.yaml",
        """\
        claims:
          - id: evil
            says: The lab does nothing.
            subject: lab
            from: 2024-01-10
            expects: none
            works: {coauthor_in: [mil]}
        """,
        extra="",
    ).write_text(
        (root / "claims/evil.yaml")
        .read_text()
        .replace("speaker: Example Corp", f"speaker: {EVIL_YAML}")
        .replace("name: Example Lab", f"name: {EVIL_YAML}")
    )


def evil_list(path, *, alias: str = "alias"):
    return write(
        path,
        f"""\
        id: evil
        name: {EVIL_YAML}
        sources: [{{title: {EVIL_YAML}, url: "https://example.org/list"}}]
        entries:
          - name: {EVIL_YAML}
            aliases: [{EVIL_YAML}, {alias}]
            citation: {EVIL_YAML}
            listed_from: null
            verified: false
        """,
    )


def test_show_prints_hostile_claim_text_inert(root, capsys):
    evil_claims(root)
    assert_inert(run(capsys, ["show", "claims/evil.yaml"]))


def test_validate_prints_hostile_file_names_and_problems_inert(root, capsys):
    evil_claims(root)
    name = root / "claims" / "forged\x1b[2J\rzero\u200bclick.yaml"
    name.write_text((root / "claims/evil.yaml").read_text())
    assert_inert(run(capsys, ["validate", str(name)]), shown=("forged", "click"))
    # A problem quoting hostile text (a misspelt key) is one inert line on stderr.
    bad = root / "claims/bad.yaml"
    bad.write_text((root / "claims/evil.yaml").read_text().replace("says:", f"{EVIL_YAML}:"))
    out = run(capsys, ["validate", str(bad)], 2)
    assert_inert(out)
    assert all(line.startswith(str(bad)) for line in out.splitlines())


def test_a_file_name_holding_a_line_break_is_one_line_of_the_command_s(root, capsys):
    """A claim file named with a line break (unpacked from a watchdog's archive, a script's
    `touch "$title.yaml"`): `validate claims/` printed "ok  claims/one" and "ok  two.yaml
    (3 claims)" on lines of their own, a name forging the command's lines; `evidence import
    --out` and `init` likewise ("wrote evidence/snap" then "shot: 1 record, ..."). The name is
    folded into one line, as an error line folds it."""
    evil_claims(root)
    (root / "claims/evil.yaml").rename(root / "claims" / "one\nok  two.yaml  (3 claims).yaml")
    printed = run(capsys, ["validate", "claims/"]).splitlines()
    assert "ok  claims/one ok  two.yaml  (3 claims).yaml  (1 claim)" in printed
    assert all(line.startswith("ok  ") for line in printed)
    source = write_jsonl(root / "in.jsonl", [work("W1", "A paper")])
    printed = run(capsys, ["evidence", "import", str(source), "--out", "snap\nshot"]).splitlines()
    assert [line for line in printed if line.startswith("wrote ")] == [printed[-1]]
    assert printed[-1].startswith("wrote snap shot: 1 record,")
    assert run(capsys, ["init", "new\ncase"]).startswith("created new case: ")


def test_a_reviews_file_name_holding_a_line_break_is_one_line_of_the_command_s(forged_case, capsys):
    """`review CLAIM W2 --reviews "x<line break>recorded not_a_match ... .yaml"` printed "recorded
    confirmed for W2 ... at x" and, under it, a forged "recorded not_a_match ..." line; `check
    --reviews` of that file said its note ("... in x") so too. Folded into one line, as the paths
    `check --json` and `evidence import --out` wrote are."""
    name = "x\nrecorded not_a_match for W9 on claim c at reviews.yaml:2 .yaml"
    review = ["review", "c", "W2", "--decision", "confirmed", "--note", "n", "--reviews", name]
    printed = run(capsys, review).splitlines()
    assert printed == [f"recorded confirmed for W2 on claim c at {' '.join(name.splitlines())}:4"]
    (forged_case / name).write_text(
        "reviews:\n  - {claim: gone, work: W1, decision: confirmed, by: x, date: 2025-01-01, note: n}\n"
    )
    printed = run(capsys, ["check", "claims/c.yaml", "--evidence", "snap", "--reviews", name]).splitlines()
    assert f"note: 1 review names a claim this run does not check, in {' '.join(name.splitlines())} (line 2: gone)" in (
        printed
    )
    assert not any(line.startswith("recorded ") for line in printed)


def test_lists_show_prints_hostile_list_text_inert(root, capsys):
    evil_list(root / "evidence/lists/evil.yaml")
    assert_inert(run(capsys, ["lists", "show", "evil"]))


def test_lists_diff_prints_hostile_list_text_inert(root, capsys):
    old = evil_list(root / "old.yaml")
    new = evil_list(root / "new.yaml", alias="another")
    assert_inert(run(capsys, ["lists", "diff", str(old), str(new)], 0), shown=("another",))
    printed = run(capsys, ["lists", "diff", str(old), str(new), "--json"])
    assert_inert(printed, shown=("another",))
    assert json.loads(printed)["has_changes"] is True  # still JSON: the escapes are JSON's own


def test_evidence_show_prints_hostile_manifest_text_inert(root, capsys):
    snap = root / "snap"
    import_jsonl(write_jsonl(root / "in.jsonl", [work("W1", "A paper")]), snap)
    manifest = json.loads((snap / "manifest.json").read_text())
    manifest["source"] = EVIL
    (snap / "manifest.json").write_text(json.dumps(manifest))
    assert_inert(run(capsys, ["evidence", "show", "snap"]))
    printed = run(capsys, ["evidence", "show", "snap", "--json"])
    assert_inert(printed)
    assert json.loads(printed)["source"] == EVIL


def test_resolve_prints_a_hostile_server_answer_inert(capsys):
    hostile = institution("I900000001", f"Example Lab {EVIL}", ror="0abcde165", country="CN")
    with FakeOpenAlex(institutions=[hostile]) as api:
        assert_inert(run(capsys, ["resolve", "example lab", "--openalex-url", api.url, "--retries", "0"]))
        printed = run(capsys, ["resolve", "example lab", "--json", "--openalex-url", api.url, "--retries", "0"])
    assert_inert(printed)
    assert json.loads(printed)[0]["name"] == f"Example Lab {EVIL}"  # escaped as JSON, not replaced: the data kept


def test_check_prints_hostile_claim_text_inert(root, capsys):
    evil_claims(root)
    import_jsonl(write_jsonl(root / "in.jsonl", [work("W1", "A paper")]), root / "snap")
    out = run(capsys, ["check", "claims/evil.yaml", "--evidence", "snap"])
    assert_inert(out, shown=("evil",))


def test_an_error_line_quoting_hostile_text_is_one_inert_line(root, capsys):
    out = run(capsys, ["check", f"claims/{EVIL}.yaml", "--evidence", "."], 2)
    assert_inert(out, shown=("click", "forged"))
    assert len(out.splitlines()) == 1


# --- the sanitiser itself ---------------------------------------------------------------------


def test_the_stream_sanitises_everything_written_to_it():
    raw = io.StringIO()
    stream = TerminalStream(raw)
    stream.write(EVIL)
    stream.writelines([EVIL, "\n"])
    print(EVIL, file=stream)  # type: ignore[arg-type]
    assert_inert(raw.getvalue())
    assert stream.isatty() is False  # colours and progress bars must draw on the stream underneath


def test_the_sanitiser_keeps_what_a_reader_needs():
    text = "Tab\there\nnew line, CRLF\r\n, 北京航空航天大学, می\u200cخواهم, emoji 👩\u200d🔬"
    assert terminal_text(text) == text.replace("\r\n", "\n")


def test_a_terminal_console_draws_styles_but_no_hostile_text(monkeypatch):
    raw = io.StringIO()
    raw.isatty = lambda: True  # type: ignore[method-assign]
    monkeypatch.setattr(sys, "stdout", TerminalStream(raw))
    console = terminal_console(force_terminal=True, color_system="standard")
    console.print(f"[bold red]{EVIL.replace('[', '')}[/]")
    printed = raw.getvalue()
    assert "\x1b[1;31m" in printed  # its own style reaches the terminal
    assert_inert(re.sub(r"\x1b\[[0-9;]*m", "", printed))  # nothing else does


def test_a_data_source_error_quoting_hostile_text_is_one_inert_line(capsys):
    url = f"http://127.0.0.1:9/{EVIL}\r\nclaimwatch: all fine"
    out = run(capsys, ["resolve", "x", "--openalex-url", url, "--retries", "0"], 3)
    assert_inert(out, shown=("click", "forged", "all fine"))
    assert len(out.splitlines()) == 1  # the forged second line stays on the first


def test_the_group_run_by_clicks_test_runner_is_sanitised_too(root):
    from click.testing import CliRunner

    from claimwatch.cli import cli

    evil_claims(root)
    result = CliRunner().invoke(cli, ["show", "claims/evil.yaml"])
    assert result.exit_code == 0
    assert_inert(result.output)


def test_a_stream_that_cannot_carry_the_replacement_character_still_prints():
    """PYTHONIOENCODING=ascii: the U+FFFD the sanitiser puts in must not crash the line."""
    raw = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    stream = TerminalStream(raw)
    stream.write("Zo\u00eb \x1b]0;PWNED\x07 \u5fae\u8f6f\n")
    raw.flush()
    assert raw.buffer.getvalue() == b"Zo? ?]0;PWNED? ??\n"


def test_check_prints_its_verdicts_on_a_stream_that_cannot_carry_unicode(tmp_path):
    """The verdict table is drawn by rich on the stream underneath the sanitiser; with
    PYTHONIOENCODING=ascii the shipped case's curly quotes ended `check` with a traceback."""
    out = {"json": tmp_path / "r.json", "md": tmp_path / "r.md"}
    code = "import sys; from claimwatch.cli import main; sys.exit(main(sys.argv[1:]))"
    args = ["check", "claims/", "--evidence", "evidence/curated/", "--json", str(out["json"]), "--md", str(out["md"])]
    proc = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=Path(__file__).resolve().parent.parent,
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
        timeout=300,
    )
    stdout, stderr = proc.stdout.decode("ascii"), proc.stderr.decode("ascii")  # nothing but ASCII came out
    assert proc.returncode == 0, stderr
    assert "Traceback" not in stdout + stderr
    assert "claimwatch verdicts" in stdout and "?NaturalSpeech 3" in stdout  # “ could not be encoded
    for path in out.values():
        assert f"wrote {path}" in stdout


def test_a_bugs_traceback_goes_through_the_sanitiser(monkeypatch, capsys):
    from claimwatch import claims as claims_mod

    def broken(*_args, **_kwargs):
        raise ValueError("\x1b]0;PWNED\x07\x1b[2J")

    monkeypatch.setattr(claims_mod, "load_claims", broken)
    assert main(["show", "claims"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" in err and "ValueError" in err and "\x1b" not in err and "\x07" not in err


def test_tag_characters_are_replaced_and_a_soft_hyphen_dropped():
    """Tag characters show nothing but spell out ASCII ("run" here) a program reading the text
    sees: every format shows each as U+FFFD. A soft hyphen hides nothing and OpenAlex names carry
    it, so the terminal drops it and the name reads whole; the reports keep it."""
    hidden = "Example Lab\U000e0072\U000e0075\U000e006e\U000e007f"
    assert printable(hidden) == terminal_text(hidden) == "Example Lab" + "\ufffd" * 4
    assert terminal_text("Harbin Insti\u00adtute") == "Harbin Institute"
    assert printable("Harbin Insti\u00adtute") == "Harbin Insti\u00adtute"
    escaped = terminal_json(json.dumps([hidden, "Insti\u00adtute"], ensure_ascii=False))
    assert escaped == '["Example Lab\\udb40\\udc72\\udb40\\udc75\\udb40\\udc6e\\udb40\\udc7f", "Insti\\u00adtute"]'
    assert json.loads(escaped) == [hidden, "Insti\u00adtute"] and terminal_text(escaped) == escaped


def test_arabic_and_hebrew_marks_are_kept():
    assert terminal_text("\u0645\u200f\u05d0\u200e\u061c") == "\u0645\u200f\u05d0\u200e\u061c"
    assert terminal_text("\u202eevil") == "\ufffdevil"


# --- the verdict table for claims about people (#21) ------------------------------------------


def verdict_rows(results) -> dict[str, list[str]]:
    out = io.StringIO()
    print_verdicts(results, console=Console(file=out, width=160, color_system=None))
    rows = {}
    for line in out.getvalue().splitlines():
        cells = [c.strip() for c in re.split(r"[│┃]", line)[1:-1]]
        if cells and cells[0] in ("lab-no-recruits", "lab-no-partners"):
            rows[cells[0]] = cells[1:]
    return rows


def test_the_considered_column_counts_people_for_a_claim_about_people():
    rows = verdict_rows(people_report(people_claim(considered=3), works_claim()))
    assert rows["lab-no-recruits"] == ["Contradicted", "1", "1", "3 people"]
    assert rows["lab-no-partners"] == ["Contradicted", "1", "0", "2"]  # a claim about works, as it always read
    assert verdict_rows(people_report(people_claim(considered=1)))["lab-no-recruits"][-1] == "1 person"


# --- a listing's untrusted text stays on its own line ---------------------------------------------

# A title or note that would print lines of its own: a forged finding and a forged verdict change
# after line breaks, then text after each other line separator a terminal or a reader may break at.
FORGED = "Real title\n      - W999 forged\r\nc: Contradicted\rCRX\u2028LSX\u2029PSX\x85NELX\x0bVTX\x0cFFX\n"
FORGED_LINES = ("- W999 forged", "c: Contradicted", "CRX", "LSX", "PSX", "NELX", "VTX", "FFX")


def assert_on_its_line(out: str, anchor: str) -> None:
    """All of FORGED is on the printed line that names `anchor`, shown inert, and no line of the
    output begins with what FORGED would make a line of its own."""
    assert_inert(out, shown=FORGED_LINES)
    (line,) = [line for line in out.splitlines() if anchor in line]
    assert all(forged in line for forged in FORGED_LINES), line
    assert not [line for line in out.splitlines() if line.lstrip().startswith(FORGED_LINES)], out


@pytest.fixture()
def forged_case(root):
    """A claim on the lab's military partners, and a snapshot whose one finding, W2, is FORGED."""
    claim_file(root / "claims/c.yaml", "claims:\n" + none_claim("{coauthor_in: [mil]}"))
    import_jsonl(write_jsonl(root / "in.jsonl", [work("W2", FORGED)]), root / "snap")
    return root


def test_diff_prints_a_title_holding_line_breaks_on_its_findings_line(root, capsys):
    write(root / "claims/c.yaml", DIFF_CLAIMS)
    old = report_of(root, [work("W1", "Graph networks")], "old")
    new = report_of(root, [work("W1", "Graph networks"), work("W2", FORGED, date="2024-07-01")], "new")
    assert_on_its_line(run(capsys, ["diff", str(old), str(new)]), "+ W2 \u201cReal title")


def test_the_review_listing_prints_a_title_holding_line_breaks_on_its_findings_line(forged_case, capsys):
    assert_on_its_line(run(capsys, ["review", "--evidence", "snap"]), "c  W2  matched  2024-06-01  Real title")


def test_check_prints_a_review_note_holding_line_breaks_on_its_set_aside_line(forged_case, capsys):
    run(capsys, ["review", "c", "W2", "--decision", "not_a_match", "--note", FORGED, "--by", "Ed"])
    assert_on_its_line(run(capsys, ["check", "--evidence", "snap"]), "set aside: W2 (Ed, ")


def test_lists_show_and_lists_diff_print_an_entry_holding_line_breaks_on_its_line(root, capsys):
    old = evil_list(root / "old.yaml")
    forged = old.read_text().replace(f"name: {EVIL_YAML}", f"name: {json.dumps(FORGED)}")
    new = write(root / "evidence/lists/evil.yaml", forged)
    assert_on_its_line(run(capsys, ["lists", "show", "evil"]), "evil: Real title")
    # The entry renamed keeps its old name as an alias, so the diff pairs the two as changed.
    assert_on_its_line(run(capsys, ["lists", "diff", str(old), str(new)]), "~ Real title")


def test_show_prints_a_speaker_holding_line_breaks_on_its_line(root, capsys):
    path = claim_file(root / "claims/c.yaml", "claims:\n" + none_claim("{coauthor_in: [mil]}"))
    path.write_text(path.read_text().replace("speaker: Example Corp", f"speaker: {json.dumps(FORGED)}"))
    assert_on_its_line(run(capsys, ["show", str(path)]), "c.yaml: Real title")


def test_one_line_folds_every_line_break():
    assert "\n" not in one_line(FORGED)
    assert one_line("a\r\nb\n") == "a b"  # a Windows line end is one break, a trailing one none


def test_the_verdicts_show_a_reason_or_a_note_ending_in_a_backslash_as_it_is_written(tmp_path):
    """Untrusted text was escaped into rich markup, and rich.markup.escape doubles a trailing
    backslash (for a tag that may follow): a review note "kept in C:\\notes\\" printed as
    "C:\\notes\\\\", and a reason ending so alike. The lines hold the text as written, and markup
    in it stays text."""
    results = hostile_reviewed_results(tmp_path)
    (result,) = results.results
    (dismissed,) = result.dismissed
    review = dismissed.review.model_copy(update={"note": "kept in C:\\notes\\", "by": "[red]M[/]\\"})
    result = result.model_copy(
        update={"why": "a reason ending in \\", "dismissed": (dismissed.model_copy(update={"review": review}),)}
    )
    out = io.StringIO()
    console = TerminalConsole(file=out, width=200, color_system=None, highlight=False)  # as terminal_console's
    print_verdicts(results.model_copy(update={"results": (result,)}), console=console)
    lines = out.getvalue().splitlines()
    assert "hostile: a reason ending in \\" in lines
    assert "  set aside: W1 ([red]M[/]\\, 2026-05-01): kept in C:\\notes\\" in lines


def test_json_printed_on_a_stream_that_cannot_carry_unicode_keeps_every_character(root):
    """Found by the twenty-first part's hunt: with PYTHONIOENCODING=ascii, `resolve --json`
    printed "Universit?t Z?rich", and so did every command's --json on standard output (`diff`,
    `lists diff`, `evidence show`, `schema`): the data lost where a program reads it. A character
    the stream lacks is written as its JSON escape."""
    old = evil_list(root / "old.yaml")
    new = evil_list(root / "new.yaml", alias="Universit\u00e4t Z\u00fcrich \u5fae\u8f6f \U0001d54f")
    code = "import sys; from claimwatch.cli import main; sys.exit(main(sys.argv[1:]))"
    proc = subprocess.run(
        [sys.executable, "-c", code, "lists", "diff", str(old), str(new), "--json"],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    printed = json.loads(proc.stdout.decode("ascii"))  # nothing but ASCII came out
    assert "Universit\u00e4t Z\u00fcrich \u5fae\u8f6f \U0001d54f" in json.dumps(printed, ensure_ascii=False)


# The longest id the claims schema allows: 120 characters.
LONG_ID = ("lab-no-recruits-" + "from-the-seven-sons-of-national-defence-or-the-entity-list-" * 2)[:120]


def verdict_table_cells(text: str) -> dict[str, list[str]]:
    """Each claim's row of the table, its id joined again where its cell folded it."""
    rows: dict[str, list[str]] = {}
    claim = None
    for line in text.splitlines():
        cells = [c.strip() for c in re.split(r"[│┃]", line)[1:-1]]
        if not cells or cells[0] == "claim":
            continue
        if cells[1]:  # a row's first line
            claim = cells[0]
            rows[claim] = cells[1:]
        elif claim is not None:  # where the claim's id folded onto the next line
            rows[claim + cells[0]] = rows.pop(claim)
            claim += cells[0]
    return rows


def _verdicts_of_a_long_id(width: int, *, considered: int) -> str:
    """The verdict table at `width` columns of a claim about people with an 85-character id
    (considering `considered` persons) beside a claim about works; no line wider than `width`."""
    results = people_report(people_claim(considered=considered), works_claim())
    long = results.results[0].model_copy(update={"claim": LONG_ID})
    results = results.model_copy(update={"results": (long, *results.results[1:])})
    out = io.StringIO()
    print_verdicts(results, console=TerminalConsole(file=out, width=width, color_system=None, highlight=False))
    text = out.getvalue()
    assert all(len(line) <= width for line in text.splitlines())
    return text


@pytest.mark.parametrize("width", [60, 74, 75, 80, 100, 120])
def test_a_long_claim_id_folds_and_leaves_the_verdict_and_the_counts_whole(width):
    """Found by the twenty-third part's hunt: the claim's cell never wrapped, so an 85-character
    id in a CI log's 120 columns (or the shipped case's ids in a 70-column pane) left the other
    cells no room, and rich drew the verdict cropped ("Insufficient ev…") and the counts as empty
    cells. The id folds now; a line too narrow for the table gets the verdicts one a line."""
    text = _verdicts_of_a_long_id(width, considered=3)
    expected = {LONG_ID: ["Contradicted", "1", "1", "3 people"], "lab-no-partners": ["Contradicted", "1", "0", "2"]}
    if width >= 75:  # the table's narrowest: a claim's cell of 12 columns, the verdict's words, the headings
        assert verdict_table_cells(text) == expected
    else:
        unspaced = "".join(text.split())
        for claim, (verdict, matched, uncertain, considered) in expected.items():
            line = f"{claim}: {verdict} (matched {matched}; uncertain {uncertain}; considered {considered})"
            assert "".join(line.split()) in unspaced


@pytest.mark.parametrize("width", [75, 76, 77, 78, 100])
def test_a_count_wider_than_its_heading_keeps_the_table_whole(width):
    """Found in review: the table's narrowest width counted each count's heading alone, so a
    claim about people considering 123456 persons ("123456 people", wider than "considered")
    had the table cropped at the line's end in 75 to 77 columns: "123456 peopl", and no right
    border. The column is as wide as its widest cell; where that does not fit, one line a claim."""
    text = _verdicts_of_a_long_id(width, considered=123456)
    assert "123456 people" in text
    rows = verdict_table_cells(text)
    assert not rows or rows[LONG_ID] == ["Contradicted", "1", "1", "123456 people"]
    assert rows or f"{LONG_ID}: Contradicted (matched 1; uncertain 1; considered 123456 people)".replace(
        " ", ""
    ) in "".join(text.split())


def test_an_empty_run_prints_an_empty_verdict_table():
    out = io.StringIO()
    results = people_report(works_claim())
    print_verdicts(
        results.model_copy(update={"results": ()}),
        console=TerminalConsole(file=out, width=80, color_system=None, highlight=False),
    )
    assert "claimwatch verdicts" in out.getvalue()


def _run_with_a_closed_stream(fd: int, args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """claimwatch run with standard output (1) or error (2) closed, as `claimwatch ... >&-` or a
    service started without it leaves them: Python gives the stream as None."""
    code = "import sys; from claimwatch.cli import main; sys.exit(main(sys.argv[1:]))"
    shell = f'exec "$0" "$@" {fd}>&-'  # closed before Python starts, as the shell does it
    return subprocess.run(
        ["sh", "-c", shell, sys.executable, "-c", code, *args], cwd=cwd, capture_output=True, timeout=300
    )


def test_a_closed_standard_output_is_one_line_exit_2(tmp_path):
    """`claimwatch check ... >&-`: AttributeError: 'NoneType' object has no attribute 'isatty', a
    traceback, exit 1 (`validate >&-`: "... no attribute 'write'"). As on a full disk, the line
    says why nothing could be printed, exit 2; a report asked for is written first, whole."""
    root = project(tmp_path / "case")
    claim_file(root / "claims/c.yaml", NO_PARTNERS_CLAIM)
    import_jsonl(write_jsonl(root / "in.jsonl", [work("W1", "A paper")]), root / "snap")
    for args in (["check", "claims/", "--evidence", "snap", "--json", "r.json"], ["validate", "claims/"]):
        proc = _run_with_a_closed_stream(1, args, root)
        said = "claimwatch: standard output is closed, so nothing could be printed: give it a file or /dev/null"
        assert (proc.returncode, proc.stderr.decode().splitlines()) == (2, [said])
    assert json.loads((root / "r.json").read_text(encoding="utf-8"))["results"]


@pytest.mark.skipif(
    not os.path.exists("/dev/full"), reason="needs /dev/full, a device every write to fails as a full disk"
)
def test_a_full_standard_output_is_named(tmp_path):
    """`claimwatch check ... > /dev/full` (or `show`, `diff`, `validate` printing to a file on a
    full disk or over its quota): "claimwatch: No space left on device", naming nothing, where a
    report that cannot be written is named. The line names the standard output now, exit 2; a
    report asked for is written first, whole."""
    root = project(tmp_path / "case")
    claim_file(root / "claims/c.yaml", NO_PARTNERS_CLAIM)
    import_jsonl(write_jsonl(root / "in.jsonl", [work("W1", "A paper")]), root / "snap")
    code = "import sys; from claimwatch.cli import main; sys.exit(main(sys.argv[1:]))"
    said = "claimwatch: cannot print to the standard output: No space left on device"
    check = ["check", "claims/", "--evidence", "snap", "--json", "r.json"]
    for args in (check, ["validate", "claims/"], ["show", "claims/"], ["diff", "r.json", "r.json"], ["--help"]):
        with open("/dev/full", "w") as full:
            proc = subprocess.run(
                [sys.executable, "-c", code, *args], cwd=root, stdout=full, stderr=subprocess.PIPE, timeout=300
            )
        assert (proc.returncode, proc.stderr.decode().splitlines()) == (2, [said]), args
    assert json.loads((root / "r.json").read_text(encoding="utf-8"))["results"]


COAUTHORED = [authorship("A", [LAB]), authorship("B", [HIT])]


def _run_with_no_reader(args: list[str], cwd: Path, *, errors_too: bool = False) -> subprocess.CompletedProcess[bytes]:
    """claimwatch run with standard output (and error, `errors_too`) a pipe its reader has
    closed, as `claimwatch ... | head -1` leaves it once head has its line: every write fails."""
    code = "import sys; from claimwatch.cli import main; sys.exit(main(sys.argv[1:]))"
    reader, writer = os.pipe()
    os.close(reader)
    try:
        return subprocess.run(
            [sys.executable, "-c", code, *args],
            cwd=cwd,
            stdout=writer,
            stderr=writer if errors_too else subprocess.PIPE,
            timeout=300,
        )
    finally:
        os.close(writer)


@pytest.mark.parametrize(
    "args",
    [
        ["check", "claims/", "--evidence", "snap", "--json", "r.json", "--fail-on", "contradicted"],
        ["check", "claims/", "--evidence", "snap", "--json", "r.json", "--fail-on", "insufficient_evidence"],
        ["show", "claims/"],
        ["lists", "show", "evidence/lists/mil.yaml"],
        ["check", "--help"],
    ],
)
def test_an_output_whose_reader_is_gone_exits_141(tmp_path, args):
    """`claimwatch check ... --fail-on contradicted | head -1`: rich answered the broken pipe by
    exiting 1, and click (`show`, `--help`) by exiting 1 too, so the exit could not say whether
    the claim failed; and the last part's note found it 0 where the pipe broke outside click.
    Now every command whose output is cut exits 141 (128 + SIGPIPE, as a shell says it), saying
    nothing; the report asked for is written whole before the summary is printed."""
    root = project(tmp_path / "case")
    claim_file(root / "claims/c.yaml", NO_PARTNERS_CLAIM)
    import_jsonl(write_jsonl(root / "in.jsonl", [work("W1", "A paper", authorships=COAUTHORED)]), root / "snap")
    proc = _run_with_no_reader(args, root)
    assert (proc.returncode, proc.stderr) == (141, b"")
    if "--json" in args:
        assert json.loads((root / "r.json").read_text(encoding="utf-8"))["results"][0]["verdict"] == "contradicted"


def test_an_error_whose_reader_is_gone_keeps_its_exit_code(tmp_path):
    """`claimwatch check --evidence missing 2>&1 | head -1` with head gone: the error line failed
    to print, and its traceback with it, exit 1 where the error is 2."""
    root = project(tmp_path / "case")
    claim_file(root / "claims/c.yaml", NO_PARTNERS_CLAIM)
    for args, code in ((["check", "claims/", "--evidence", "missing"], 2), (["bogus"], 2)):
        assert _run_with_no_reader(args, root, errors_too=True).returncode == code, args


def test_a_closed_standard_error_keeps_the_exit_code(tmp_path):
    """`claimwatch check --evidence missing 2>&-`: the error line had nowhere to go and its
    traceback went to standard output, exit 1 where the error is 2."""
    root = project(tmp_path / "case")
    claim_file(root / "claims/c.yaml", NO_PARTNERS_CLAIM)
    proc = _run_with_a_closed_stream(2, ["check", "claims/", "--evidence", "missing"], root)
    assert (proc.returncode, proc.stdout) == (2, b"")

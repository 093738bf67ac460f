"""`claimwatch validate` tells the analyst how to fix the common mistakes (issue 17): counts in
plain English, a comma that ended a value, a file not saved as UTF-8, and a file whose kind its
folder does not say or says wrongly."""

from __future__ import annotations

import json
from pathlib import Path

import hypothesis
import pytest
import yaml
from hypothesis import strategies as st

from claimwatch import claims as claims_mod
from claimwatch import validate
from claimwatch.cli import main
from claimwatch.documents import NOT_UTF8
from claimwatch.errors import LINKS_IN_A_LOOP, InputError
from helpers import claim_file, project, write

CLAIM = """\
claims:
  - {id: c, says: s, subject: lab, from: 2024-01-10, expects: none, works: {topic: face}}
"""
LIST = "id: one\nname: One\nsources: [{title: s}]\nentries:\n  - {name: Alpha University}\n"
TOPIC = "name: One\nrationale: r\nphrases: [face recognition]\n"
CURATED = """\
description: d
works:
  - id: w1
    title: A work
    versions:
      - kind: journal
        published: 2024-02-01
        sources: [{title: s}]
        authors:
          - {name: A, affiliations: [Example Lab]}
"""


def run_validate(root: Path, *paths: str, monkeypatch, capsys) -> tuple[int, list[str], list[str]]:
    monkeypatch.chdir(root)
    code = main(["validate", *paths])
    out = capsys.readouterr()
    return code, out.out.splitlines(), out.err.splitlines()


def test_counts_of_one_are_singular(tmp_path, monkeypatch, capsys):
    root = project(tmp_path)
    claim_file(root / "claims/c.yaml", CLAIM)
    write(root / "evidence/lists/one.yaml", LIST)
    write(root / "claims/topics/one.yaml", "name: One\nrationale: r\nphrases: [face recognition]\n")
    code, out, _ = run_validate(
        root,
        "claims/c.yaml",
        "evidence/lists/one.yaml",
        "claims/topics/one.yaml",
        monkeypatch=monkeypatch,
        capsys=capsys,
    )
    assert code == 0
    assert out == [
        "ok  claims/c.yaml  (1 claim)",
        "ok  claims/topics/one.yaml  (topic 'one': 1 phrase)",
        "ok  evidence/lists/one.yaml  (list 'one': 1 entry)",
    ]


def test_counted_words():
    assert [validate.counted(n, "claim") for n in (0, 1, 2, 1500)] == [
        "0 claims",
        "1 claim",
        "2 claims",
        "1,500 claims",
    ]
    assert validate.counted(1, "entry", "entries") == "1 entry"
    assert validate.counted(3, "entry", "entries") == "3 entries"


def test_a_comma_in_an_unquoted_flow_value_gets_the_quoted_fix(tmp_path):
    root = project(tmp_path)
    path = claim_file(
        root / "claims/c.yaml", CLAIM.replace("works: {topic: face}", "works: {topic: face}, note: Co., Ltd.")
    )
    with pytest.raises(InputError) as e:
        validate.validate_paths([path], root=root)
    assert e.value.lines() == [
        f"{path}:13:102: unknown key 'Ltd.'; a value holding a comma must be quoted: note: \"Co., Ltd.\""
    ]


def test_an_unknown_key_with_no_comma_before_it_keeps_its_did_you_mean(tmp_path):
    root = project(tmp_path)
    path = claim_file(root / "claims/c.yaml", CLAIM.replace("from:", "form:"))
    with pytest.raises(InputError) as e:
        validate.validate_paths([path], root=root)
    assert e.value.lines() == [f"{path}:13:36: unknown key 'form'; did you mean 'from'?"]


@pytest.mark.parametrize("where", ["claims/c.yaml", "evidence/lists/bad.yaml", "elsewhere/thing.yaml"])
def test_every_file_that_is_not_utf8_says_save_as_utf8(tmp_path, where):
    root = project(tmp_path)
    path = root / where
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes("id: caf\u00e9\n".encode("latin-1"))
    with pytest.raises(InputError) as e:
        validate.validate_paths([path], root=root)
    assert e.value.lines() == [f"{path}:1:8: {NOT_UTF8}"]
    assert "save the file as UTF-8" in NOT_UTF8


@pytest.mark.parametrize(
    ("text", "kind"),
    [(LIST, "list"), (CURATED, "curated"), (TOPIC, "topic"), ("statement: {}\n", "claims"), ("a: 1\n", "claims")],
)
def test_the_kind_of_a_file_outside_the_known_folders_comes_from_its_content(tmp_path, text, kind):
    path = write(tmp_path / "anywhere/one.yaml", text)
    assert validate.kind_of(path) == kind


def test_the_folder_wins_where_it_says(tmp_path):
    assert validate.kind_of(write(tmp_path / "lists/one.yaml", "statement: {}\n")) == "list"
    assert validate.kind_of(write(tmp_path / "claims/topics/one.yaml", LIST)) == "topic"


def test_a_list_outside_lists_validates_as_a_list(tmp_path, monkeypatch, capsys):
    root = project(tmp_path)
    write(root / "cases/one.yaml", LIST)
    write(root / "cases/c.yaml", STATEMENT_FILE)
    code, out, err = run_validate(root, "cases", monkeypatch=monkeypatch, capsys=capsys)
    assert (code, err) == (0, [])
    assert out == ["ok  cases/c.yaml  (1 claim)", "ok  cases/one.yaml  (list 'one': 1 entry)"]


def test_a_file_in_the_wrong_folder_gets_one_hint_line(tmp_path, monkeypatch, capsys):
    root = project(tmp_path)
    write(root / "evidence/lists/one.yaml", STATEMENT_FILE)
    code, _, err = run_validate(root, "evidence/lists/one.yaml", monkeypatch=monkeypatch, capsys=capsys)
    assert code == 2
    hints = [line for line in err if ": hint: " in line]
    assert hints == [
        "evidence/lists/one.yaml:1:1: hint: this reads as a claim file, but its folder makes it a reference list; "
        "move it out of lists/ to check it as a claim file"
    ]


def test_no_hint_where_folder_and_content_agree(tmp_path, monkeypatch, capsys):
    root = project(tmp_path)
    write(root / "evidence/lists/one.yaml", LIST.replace("name: One\n", ""))
    code, _, err = run_validate(root, "evidence/lists/one.yaml", monkeypatch=monkeypatch, capsys=capsys)
    assert code == 2 and err == ["evidence/lists/one.yaml:1:1: 'name' is missing"]


STATEMENT_FILE = """\
statement: {speaker: Example Corp, made_on: 2024-01-10, quote: q, sources: [{title: t}]}
subjects:
  lab: {name: Example Lab, openalex: [I100]}
claims:
  - {id: c, says: s, subject: lab, from: 2024-01-10, expects: none, works: {topic: face}}
"""


def test_a_link_in_a_folder_that_leads_nowhere_is_said_not_skipped(tmp_path, capsys):
    """Found by the sixteenth part's hunt: `validate DIR` skipped a .yaml link that loops, in
    silence, where `check` said so."""
    (tmp_path / "loop.yaml").symlink_to("loop.yaml")
    (tmp_path / "gone.yaml").symlink_to("nowhere.yaml")
    assert main(["validate", str(tmp_path)]) == 2
    err = capsys.readouterr().err.splitlines()
    # Said as every command says a loop since the thirty-sixth part's reread, no longer "cannot read".
    assert f"{tmp_path}/loop.yaml: {LINKS_IN_A_LOOP}" in err
    assert any(line.startswith(f"{tmp_path}/gone.yaml: ") for line in err)


@pytest.mark.parametrize("command", ["validate", "show", "check"])
def test_a_case_file_that_is_not_yaml_says_what_it_is(tmp_path, monkeypatch, capsys, command):
    """Found by the twentieth part's hunt: in the case `init` makes, `validate
    features/example.feature` said "not valid YAML: mapping values are not allowed in this
    context" at 4:13, and `validate claimwatch.toml` "did not find expected <document start>"."""
    monkeypatch.chdir(tmp_path)
    assert main(["init", "case"]) == 0
    monkeypatch.chdir(tmp_path / "case")
    capsys.readouterr()
    extra = ["--evidence", "evidence/"] if command == "check" else []
    assert main([command, "features/example.feature", "claimwatch.toml", "claims/", *extra]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "claimwatch.toml: is TOML, not YAML: a case's claimwatch.toml marks its root and is read where commands run",
        "features/example.feature: is a Gherkin feature, not YAML: pytest runs it (pytest features/)",
    ]
    assert main([command, "claims/", *extra]) == 0
    # A claim file written in JSON is YAML, and was read as one before this hint: it still is.
    claims = yaml.safe_load((tmp_path / "case/claims/EXAMPLE.yaml").read_text(encoding="utf-8"))
    (tmp_path / "case/claims/example.json").write_text(json.dumps(claims, default=str), encoding="utf-8")
    (tmp_path / "case/claims/EXAMPLE.yaml").unlink()
    assert main([command, "claims/example.json", *extra]) == 0


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("012", "012 is read by YAML 1.1 as the octal number 10 and by YAML 1.2 as 12"),
        ("1_0", "1_0 is read by YAML 1.1 as the number 10 and by YAML 1.2 as text"),
        ("1:30", "1:30 is read by YAML 1.1 as the number 90 and by YAML 1.2 as text"),
        ("0b11", "0b11 is read by YAML 1.1 as the number 3 and by YAML 1.2 as text"),
    ],
)
def test_a_count_yaml_versions_read_apart_is_refused_at_its_place(tmp_path, written, said):
    """`at_most: 012` was checked as at most 10 (YAML 1.1 octal), while the analyst and an editor's
    YAML 1.2 server read 12: validate said ok to a claim checked against another number."""
    root = project(tmp_path)
    path = claim_file(root / "claims/c.yaml", CLAIM.replace("expects: none", f"expects: {{at_most: {written}}}"))
    with pytest.raises(InputError) as e:
        validate.validate_paths([path], root=root)
    (line,) = e.value.lines()
    assert line.startswith(f"{path}:13:") and said in line and f"or '{written}' in quotes for text" in line


@pytest.mark.parametrize(
    ("written", "number"),
    [
        ("028", "28"),
        ("09", "9"),
        ("0o12", "10"),
        ("1e3", "1000"),
        ("1.0e3", "1000"),
        ("09007199254740993", "9007199254740993"),
    ],
)
def test_a_count_yaml_1_1_reads_as_text_is_said_as_each_version_reads_it(tmp_path, written, number):
    """`at_most: 028` is text to YAML 1.1 (no octal number) and 28 to an editor's YAML 1.2: the
    line said only "expects must be 'none', {at_least: N} or {at_most: N}", naming no fault the
    analyst could see in what they wrote."""
    root = project(tmp_path)
    path = claim_file(root / "claims/c.yaml", CLAIM.replace("expects: none", f"expects: {{at_most: {written}}}"))
    with pytest.raises(InputError) as e:
        validate.validate_paths([path], root=root)
    (line,) = e.value.lines()
    assert line == (
        f"{path}:13:73: claims[0].expects.at_most: {written} is read by YAML 1.1 as text and by YAML 1.2 as the "
        f"number {number}: write {number} if that is meant, without quotes"
    )


def test_text_yaml_1_2_reads_as_a_number_stays_text_where_text_is_wanted():
    """A postal code written plain (claimwatch's own list files write 02139 so) is text here, as
    YAML 1.1 reads it; only where a number is wanted is the other reading said."""
    from claimwatch.documents import parse_yaml

    assert parse_yaml("addresses: [02139, 1e3]").data == {"addresses": ["02139", "1e3"]}


def test_a_text_of_thousands_of_digits_yaml_1_2_reads_as_a_number_stays_text():
    """0 and 5,000 nines, plain: text to YAML 1.1, a number to YAML 1.2, whose reading was worked
    out with int(), which converts no more than 4,300 digits: a ValueError traceback, exit 1."""
    from claimwatch.documents import parse_yaml

    written = "0" + "9" * 5_000
    assert parse_yaml(f"note: {written}\nalso: -{written}").data == {"note": written, "also": f"-{written}"}


@pytest.mark.parametrize(
    "written",
    [
        "1" * 5_000,  # "not a valid int: '1111...'", a line of 5,000 digits
        "1_" + "1" * 5_000,
        "0" + "7" * 5_000,  # YAML 1.1's octal, said with int(): a ValueError traceback
        "1" + ":59" * 3_000,  # sexagesimal, its value printed: a ValueError traceback
        "0x" + "f" * 5_000,  # read as a number of 6,000 digits, which no message could print
        "0b" + "1" * 20_000,
        # Below 10**4,300 once read, so let through: YAML 1.1's octal of 4,400 sevens was said
        # with int() of its 4,401 digits, a ValueError traceback; binary and sexagesimal gave a
        # line of every digit (36,558 and 23,062 characters), value and text both printed.
        "0" + "7" * 4_400,
        "0b" + "1" * 14_000,
        "1" + ":59" * 2_400,
    ],
    ids=[
        "decimal",
        "underscores",
        "octal",
        "sexagesimal",
        "hex",
        "binary",
        "octal-small",
        "binary-small",
        "sexagesimal-small",
    ],
)
def test_a_number_of_thousands_of_digits_is_one_short_line(tmp_path, monkeypatch, capsys, written):
    root = project(tmp_path)
    path = claim_file(root / "claims/c.yaml", CLAIM.replace("expects: none", f"expects: {{at_most: {written}}}"))
    monkeypatch.chdir(root)
    assert main(["validate", "claims/c.yaml"]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("claims/c.yaml:13:") and len(line) < 200
    assert line.endswith(": a number of more than 4,300 digits, more than claimwatch reads")
    assert path.read_text(encoding="utf-8").count(written) == 1


def test_a_number_of_4300_digits_exactly_is_read():
    from claimwatch.documents import parse_yaml

    assert parse_yaml(f"n: {'9' * 4_300}\nm: -{'9' * 4_300}").data == {"n": 10**4_300 - 1, "m": 1 - 10**4_300}


@pytest.mark.parametrize(
    ("key", "read"),
    [("no", "the boolean false"), ("On", "the boolean true"), ("2024", "the number 2024"), ("~", "an empty value")],
)
def test_a_key_yaml_reads_as_other_than_text_is_refused_at_its_place(tmp_path, key, read):
    """A subject keyed `no:` (Norway's code, an abbreviation) was read as the boolean false: the
    claim naming it got "unknown subject 'no'; known: false", the fault shown in YAML's reading."""
    root = project(tmp_path)
    path = claim_file(root / "claims/c.yaml", CLAIM.replace("subject: lab", f"subject: '{key}'"))
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\n  lab:", f"\n  {key}:"), encoding="utf-8")
    assert path.read_text(encoding="utf-8") != text
    with pytest.raises(InputError) as e:
        validate.validate_paths([path], root=root)
    (line,) = e.value.lines()
    assert line.startswith(f"{path}:") and line.endswith(
        f": {key} as a key is read by YAML as {read}, not as text: write it in quotes, '{key}'"
    )


@pytest.mark.parametrize("text", ["statement: x\n? \n: 3\n", "subjects:\n  ?\n  : {name: A}\n"])
def test_a_key_with_nothing_written_is_said_to_have_no_name(text):
    """Found by review (issue 18, twenty-third part): a key with nothing before its ':' got
    " as a key is read by YAML as an empty value, not as text: write it in quotes, ''", a line
    beginning with a space that asked for an empty name in quotes."""
    from claimwatch.documents import parse_yaml

    with pytest.raises(InputError) as e:
        parse_yaml(text)
    (line,) = e.value.lines()
    assert line.endswith(": a key with nothing written before its ':' has no name: write the field's name or id there")


@pytest.mark.parametrize("written", ["12", "0", "007", "0x0C", "'012'", "1.5"])
def test_numbers_both_yaml_versions_read_alike_are_read(written):
    from claimwatch.documents import parse_yaml

    assert parse_yaml(f"n: {written}").data["n"] == yaml.safe_load(f"n: {written}")["n"]


@hypothesis.given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=3))
def test_a_number_read_by_claimwatch_is_the_number_yaml_1_2_reads(number, zeros):
    """Whatever digits an analyst writes, claimwatch reads the number a YAML 1.2 reader (an
    editor's schema check) reads, or refuses it, or keeps the text (028, no octal number, which
    the schema refuses where a count is wanted): never another number."""
    from claimwatch.documents import parse_yaml

    written = "0" * zeros + str(number)
    try:
        read = parse_yaml(f"n: {written}").data["n"]
    except InputError as e:
        assert "YAML 1.2 as" in e.lines()[0]
        return
    assert read == int(written) or read == written


@pytest.mark.parametrize(
    ("replace", "by", "said"),
    [
        (
            "says: s",
            "says: no",
            "claims[0].says: no is read by YAML as the boolean false, not as text: write it in quotes, 'no'",
        ),
        (
            "says: s",
            "says: 2024",
            "claims[0].says: 2024 is read by YAML as the number 2024, not as text: write it in quotes, '2024'",
        ),
        (
            "says: s",
            "says: ~",
            "claims[0].says: ~ is read by YAML as an empty value, not as text: write it in quotes, '~'",
        ),
        ("says: s,", "says: ,", "claims[0].says: left empty, where text is wanted"),
    ],
)
def test_a_value_yaml_reads_as_no_text_is_told_as_written(tmp_path, replace, by, said):
    """`says: no` was refused as "False is not of type 'string'": a value the analyst never wrote."""
    root = project(tmp_path)
    path = claim_file(root / "claims/c.yaml", CLAIM.replace(replace, by))
    with pytest.raises(InputError) as e:
        validate.validate_paths([path], root=root)
    assert [line.split(": ", 1)[1] for line in e.value.lines()] == [said]


def test_norway_written_unquoted_is_told_to_be_quoted(tmp_path):
    root = project(tmp_path)
    path = claim_file(root / "claims/c.yaml", CLAIM, extra="")
    path.write_text(path.read_text().replace("subjects:\n  lab:\n", "subjects:\n  lab:\n    country: NO\n"))
    with pytest.raises(InputError) as e:
        validate.validate_paths([path], root=root)
    assert any(
        "subjects.lab.country: NO is read by YAML as the boolean false, not as text: write it in quotes, 'NO'" in line
        for line in e.value.lines()
    )


def test_a_merge_key_says_what_it_is_and_the_fix(tmp_path):
    """`- <<: *base` to share a claim's keys was refused as "unsupported YAML tag
    tag:yaml.org,2002:merge", a tag the analyst never wrote."""
    root = project(tmp_path)
    text = CLAIM.replace("  - {id: c,", "  - &base {id: c,") + "  - {<<: *base, id: d}\n"
    path = claim_file(root / "claims/c.yaml", text)
    with pytest.raises(InputError) as e:
        validate.validate_paths([path], root=root)
    assert e.value.lines() == [
        f"{path}:14:6: a merge key (<<) is not read here (YAML 1.2 has none): write the keys out in full where it stands"
    ]


def test_a_quote_cut_short_by_a_hash_is_refused_at_the_hash(tmp_path):
    """`quote: 微软 We are the #1 lab`: YAML reads ' #1 lab' as a comment, and the statement was
    kept as "微软 We are the", validate ok; the statement's exact words lost their end in silence."""
    root = project(tmp_path)
    path = claim_file(root / "claims/c.yaml", CLAIM)
    path.write_text(
        path.read_text().replace("  quote: We do not work", "  quote: 微软 We are the #1 lab. We do not work")
    )
    with pytest.raises(InputError) as e:
        validate.validate_paths([path], root=root)
    assert e.value.lines() == [
        f"{path}:4:24: '#1 lab. We do not work on face recognition.' is read as a comment (a ' #' ends an unquoted"
        " value), so the value is only '微软 We are the': put the whole value in quotes to keep it, or write '# ' for"
        " a comment"
    ]


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("q: a # a comment", "a"),
        ("q: a\t# a comment", "a"),
        ("q: 'a #1'", "a #1"),
        ('q: "a #1"', "a #1"),
        ("q: a#1", "a#1"),
        ("q: |\n  a #1\n", "a #1\n"),
        ("q: >-\n  a #1\n", "a #1"),
        ("q: a ## a comment", "a"),
    ],
)
def test_a_hash_that_cuts_no_value_short_is_read_as_written(text, read):
    from claimwatch.documents import parse_yaml

    assert parse_yaml(text).data["q"] == read


@pytest.mark.parametrize(
    ("replace", "by", "said"),
    [
        ("says: s,", "says: ' ',", "claims[0].says: ' ' holds nothing to read"),
        ("    name: Example Lab\n", "    name: ' '\n", "subjects.lab.name: ' ' holds no letter or digit"),
        ("aliases: [Example Lab, EXL]", "aliases: [Example Lab, '...']", "subjects.lab.aliases[1]: '...' holds no"),
        ("  speaker: Example Corp\n", '  speaker: "\\u200b"\n', "statement.speaker: '\u200b' holds nothing to read"),
        ("  quote: We do not", "  quote: '  '\n  note: We do not", "statement.quote: '  ' holds nothing to read"),
    ],
)
def test_a_text_a_reader_is_shown_that_holds_no_word_is_refused(tmp_path, replace, by, said):
    """`name: ' '` passed the schema's one character and every sentence read "no works by  in the
    period"; an alias of no word never matches; a speaker, quote or `says` of white space or a
    zero-width space alone shows nothing."""
    root = project(tmp_path)
    path = claim_file(root / "claims/c.yaml", CLAIM)
    text = path.read_text()
    assert replace in text
    path.write_text(text.replace(replace, by, 1))
    with pytest.raises(InputError) as e:
        validate.validate_paths([path], root=root)
    (line,) = e.value.lines()
    assert line.startswith(f"{path}:") and said in line and line.endswith("write the words it stands for")


def test_a_name_in_another_script_is_a_word():
    from claimwatch.claims import _blank_problems
    from claimwatch.documents import parse_yaml

    assert _blank_problems(parse_yaml("statement: {speaker: 微软, quote: 我们不做}\nclaims: [{says: Ça va}]")) == []
    # a quote or a sentence of punctuation alone is still shown (the reports' hostile cases)
    assert _blank_problems(parse_yaml("statement: {speaker: \u2014, quote: '---'}\nclaims: [{says: \U0001f600}]")) == []


_DATES = st.sampled_from(["2024-01-10", "2024-02-30", "2024-1-10", "20240110", "2024-01-10T00:00", 2024, None])
_COUNTS = st.sampled_from([0, 1, 2, -1, 1.0, 1.5, True, "2"])
_EXPECTS = st.one_of(
    st.sampled_from(["none", "None", {"at_least": 1, "at_most": 2}]),
    _COUNTS.map(lambda c: {"at_least": c}),
    _COUNTS.map(lambda c: {"at_most": c}),
)
_WORKS = st.sampled_from(
    [{"topic": "face"}, {"coauthor_in": ["mil"]}, {"not": {"topic": "face"}}, {}, {"all": []}, {"topic": "Face"}]
)
_AUTHORS = st.sampled_from(
    [None, {"joined_from": ["mil"]}, {"joined_from": ["mil"], "within_years": 0}, {"holds_both": ["mil"]}]
)


@hypothesis.settings(max_examples=120, deadline=None, suppress_health_check=list(hypothesis.HealthCheck))
@hypothesis.given(_DATES, _DATES, _EXPECTS, _WORKS, _AUTHORS, st.sampled_from([None, 0, 0.05, 1.5, True]))
def test_the_published_schema_and_the_loader_agree(tmp_path_factory, start, end, expects, works, authors, share):
    """An editor checking a claim file against `claimwatch schema claims` and `validate` never
    disagree on what the schema asks: a file the loader takes, the published schema takes, and
    one it refuses, the loader's own schema check refuses too."""
    import jsonschema

    from claimwatch import documents

    root = project(tmp_path_factory.mktemp("case"))
    claim: dict = {"id": "c", "says": "s", "subject": "lab", "expects": expects}
    claim |= {k: v for k, v in (("from", start), ("to", end), ("max_unaffiliated", share)) if v is not None}
    claim |= {"authors": authors} if authors is not None else {"works": works}
    doc = {
        "statement": {"speaker": "X", "made_on": "2024-01-10", "quote": "q", "sources": [{"title": "t"}]},
        "subjects": {"lab": {"name": "Lab", "openalex": ["I100"]}},
        "claims": [claim],
    }
    path = write(root / "claims/c.json", json.dumps(doc))  # JSON is YAML, read the same by any reader
    published = jsonschema.Draft202012Validator(
        documents.standalone_schema("claims"), format_checker=jsonschema.FormatChecker()
    )
    schema_takes = not list(published.iter_errors(doc))
    try:
        claims_mod.load_claims([path], root=root)
    except InputError:
        assert bool(documents.schema_problems(documents.load_yaml(path), "claims")) is not schema_takes
    else:
        assert schema_takes

"""The claim language: loading, resolving, describing, and every bad-input case of issue 2."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from claimwatch import claims as claims_mod
from claimwatch.cli import main
from claimwatch.errors import InputError
from helpers import claim_file, none_claim, project, write

ONE_CLAIM = """\
claims:
  - id: no-face
    says: No face recognition work.
    subject: lab
    from: 2024-01-10
    expects: none
    works:
      topic: face
"""


def load(tmp_path: Path, path: Path):
    return claims_mod.load_claims([path], root=tmp_path)


def problems(tmp_path: Path, path: Path) -> list[str]:
    with pytest.raises(InputError) as e:
        load(tmp_path, path)
    return e.value.lines()


def test_loads_and_resolves_topics_and_lists(tmp_path):
    root = project(tmp_path)
    path = claim_file(
        root / "claims/c.yaml",
        ONE_CLAIM
        + """\
  - id: no-partners
    says: No military partners.
    subject: lab
    from: 2024-01-10
    to: 2024-12-31
    expects: {at_most: 2}
    works:
      all:
        - coauthor_in: [mil]
          listed_before_publication: true
        - not: {topic: face}
""",
    )
    cs = load(root, path)
    claim = cs.claim("no-partners")
    assert claim.subject.openalex == ("I100",)
    assert claim.expects.kind == "at_most" and claim.expects.count == 2
    assert claim.works.all[0].listed_before_publication
    f = cs.files[0]
    assert set(f.topics) == {"face"} and set(f.lists) == {"mil"}
    assert f.lists["mil"].entry("hit").citation == "85 FR 34495"
    assert claim.line == 20


def test_inline_topic_wins_over_topic_file(tmp_path):
    root = project(tmp_path)
    path = claim_file(
        root / "claims/c.yaml",
        ONE_CLAIM,
        extra="""\
topics:
  face:
    name: Inline face
    rationale: Defined in the claim file.
    phrases: [faceprint]
""",
    )
    assert load(root, path).files[0].topics["face"].name == "Inline face"


def test_a_misspelt_inline_topic_is_said_where_it_is_not_read_for_the_shipped_one(tmp_path):
    """A topic defined under a key no claim names is read by nothing: the claim meant to read it
    finds claims/topics/face.yaml, in silence, where the file's own definition was meant."""
    root = project(tmp_path)
    mine = "topics:\n  faec:\n    name: Mine\n    rationale: r\n    phrases: [faceprint]\n  spare: {name: S, rationale: r, phrases: [s]}\n"
    path = claim_file(root / "claims/c.yaml", ONE_CLAIM, extra=mine)
    assert problems(root, path) == [
        f"{path}:13:3: topic 'faec' is defined here but no claim of this file names it, so nothing reads it"
        " (a claim names 'face': is one of the two misspelt?)",
        f"{path}:17:3: topic 'spare' is defined here but no claim of this file names it, so nothing reads it"
        " (the claims name: face)",
    ]
    nested = ONE_CLAIM.replace(
        "topic: face", "all: [{coauthor_in: [mil]}, {not: {any: [{topic: faec}, {topic: spare}]}}]"
    )
    assert {t for t in load(root, claim_file(root / "claims/c.yaml", nested, extra=mine)).files[0].topics} == {
        "faec",
        "spare",
    }


def test_sentence_names_subject_period_condition_and_expectation(tmp_path):
    root = project(tmp_path)
    cs = load(root, claim_file(root / "claims/c.yaml", ONE_CLAIM))
    claim = cs.claims[0]
    assert claims_mod.describe(claim, cs.files[0]) == (
        "Expects no works by Example Lab published on or after 2024-01-10 about face recognition."
    )


def test_a_listing_condition_reads_as_on_the_list_then_not_listed_before(tmp_path):
    """Found by the twentieth part's hunt: `listed_before_publication` read "(listed before
    publication)" and `listed_before` "listed before they joined" / "listed before that year",
    yet an entry taken off the list (`listed_to`) before then does not count, nor one listed
    within the year: the sentence said the claim counted institutions it does not."""
    root = project(tmp_path)
    works = ONE_CLAIM.replace("topic: face", "coauthor_in: [mil]\n      listed_before_publication: true")
    cs = load(root, claim_file(root / "claims/c.yaml", works))
    assert claims_mod.describe(cs.claims[0], cs.files[0]) == (
        "Expects no works by Example Lab published on or after 2024-01-10 with a coauthor at an institution "
        "listed in Military universities on the work's publication date."
    )
    both = load(root, people_claim_file(root, "    authors: {holds_both: [mil], listed_before: true}\n"))
    assert claims_mod.describe(both.claims[0], both.files[0]).endswith(
        "in the same year, on or after 2022-04-08, on the list all through that year."
    )


@pytest.mark.parametrize(
    ("works", "reads"),
    [
        ("any: [{topic: face}]", "about face recognition"),
        ("any: [{topic: face}, {coauthor_in: [mil]}]", "either about face recognition or with a coauthor at an"),
        ("all: [{any: [{topic: face}]}, {coauthor_in: [mil]}]", "about face recognition and with a coauthor at an"),
        ("coauthor_in: [mil, mil]", "with a coauthor at an institution listed in Military universities."),
    ],
)
def test_any_of_one_condition_reads_as_that_condition(tmp_path, works, reads):
    """Found by the twentieth part's hunt: `any:` of one condition read "either about face
    recognition." with no second alternative, and a list named twice "listed in Military
    universities or Military universities"."""
    root = project(tmp_path)
    cs = load(root, claim_file(root / "claims/c.yaml", ONE_CLAIM.replace("topic: face", works)))
    sentence = claims_mod.describe(cs.claims[0], cs.files[0])
    assert f"on or after 2024-01-10 {reads}" in sentence
    assert sentence.count("either") == reads.count("either")


@pytest.mark.parametrize(
    ("name", "reads"),
    [
        ("Face recognition", "face recognition"),
        ("X-ray imaging", "x-ray imaging"),
        ("GAN research", "GAN research"),
        ("C compilers", "C compilers"),
        ("ImageNet models", "ImageNet models"),
        ("LiDAR mapping", "LiDAR mapping"),
        ("DeepFakes", "DeepFakes"),
    ],
)
def test_a_topic_name_is_lowered_only_where_its_first_word_is_an_ordinary_word(tmp_path, name, reads):
    """Found by the twentieth part's hunt: "ImageNet models" read "about imageNet models", and
    "LiDAR mapping" "about liDAR mapping"."""
    root = project(tmp_path)
    topic = f"topics:\n  face:\n    name: {name}\n    rationale: r\n    phrases: [face recognition]\n"
    cs = load(root, claim_file(root / "claims/c.yaml", ONE_CLAIM, extra=topic))
    assert claims_mod.describe(cs.claims[0], cs.files[0]).endswith(f"on or after 2024-01-10 about {reads}.")


def test_misspelt_key_gets_did_you_mean(tmp_path):
    root = project(tmp_path)
    path = claim_file(root / "claims/c.yaml", ONE_CLAIM.replace("from:", "form:"))
    assert problems(root, path) == [f"{path}:16:5: unknown key 'form'; did you mean 'from'?"]


def test_unknown_topic_and_list_name_the_ids_that_exist(tmp_path):
    root = project(tmp_path)
    path = claim_file(
        root / "claims/c.yaml",
        ONE_CLAIM.replace("topic: face", "topic: faces")
        + """\
  - id: other
    says: x
    subject: lab
    expects: none
    works: {coauthor_in: [military]}
""",
    )
    lines = problems(root, path)
    assert any(":19:14: unknown topic 'faces'; known: face" in line for line in lines), lines
    assert any(":24:27: unknown list 'military'; known: mil" in line for line in lines), lines


def test_every_problem_in_a_file_is_reported_at_once(tmp_path):
    root = project(tmp_path)
    path = claim_file(
        root / "claims/c.yaml",
        ONE_CLAIM.replace("topic: face", "topic: nope")
        + """\
  - id: no-face
    says: Duplicate.
    subject: lab
    from: 2024-05-01
    to: 2024-01-01
    expects: none
    works: {topic: face}
""",
    )
    lines = problems(root, path)
    assert len(lines) == 3, lines
    assert any("unknown topic 'nope'" in line for line in lines)
    assert any("duplicate claim id 'no-face' (first at line 13)" in line for line in lines)
    assert any("'to' (2024-01-01) is before 'from' (2024-05-01)" in line for line in lines)


def test_impossible_date(tmp_path):
    root = project(tmp_path)
    path = claim_file(root / "claims/c.yaml", ONE_CLAIM.replace("2024-01-10\n    expects", "2024-13-10\n    expects"))
    assert problems(root, path) == [f"{path}:16:11: claims[0].from: '2024-13-10' is not a real date (YYYY-MM-DD)"]


def test_duplicate_claim_ids_across_files(tmp_path):
    root = project(tmp_path)
    a = claim_file(root / "claims/a.yaml", ONE_CLAIM)
    b = claim_file(root / "claims/b.yaml", ONE_CLAIM)
    with pytest.raises(InputError) as e:
        claims_mod.load_claims([a, b], root=root)
    assert e.value.lines() == [f"{b}:13:5: duplicate claim id 'no-face' (also at {a}:13)"]


def test_bad_expectation_and_empty_condition(tmp_path):
    root = project(tmp_path)
    path = claim_file(
        root / "claims/c.yaml",
        ONE_CLAIM.replace("expects: none", "expects: {at_least: 0}").replace("works:\n      topic: face", "works: {}"),
    )
    lines = problems(root, path)
    assert any("claims[0].expects" in line for line in lines), lines
    assert any("claims[0].works" in line and "should be non-empty" in line for line in lines), lines


@pytest.mark.parametrize(
    "content, message",
    [
        (b"\xff\xfd bad", ":1:1: not UTF-8 text"),
        # A UTF-16 byte order mark (FF FE) is said to be one (issue 18, thirty-seventh part).
        (b"\xff\xfe bad", ": UTF-16 text (its byte order mark says so), not UTF-8"),
        (b"", ": file is empty"),
        (b"   \n# only a comment\n", ": file holds no YAML data"),
        (b"statement: [unclosed\n", ":2:1: not valid YAML"),
        (b"- a\n- b\n", ": claims file must be a mapping"),
        (b"a: 1\na: 2\n", ":2:1: duplicate key 'a'"),
        (b"a: !!python/object:os.system x\n", "unsupported YAML tag"),
        (b"a: 1\n---\nb: 2\n", "a file holds one YAML document"),
    ],
)
def test_files_that_are_not_claims(tmp_path, content, message):
    path = tmp_path / "c.yaml"
    path.write_bytes(content)
    with pytest.raises(InputError) as e:
        claims_mod.load_claims([path], root=tmp_path)
    text = "\n".join(e.value.lines())
    if message.startswith(": claims file"):
        assert text.endswith(":1:1: not keys and values, as every claimwatch file is: the whole file reads as a list")
    else:
        assert message in text, text


@pytest.mark.parametrize(
    ("content", "held"),
    [
        (b"machine api.example.org login bob password s3cr3tTOKEN\n", "one text value"),  # a .netrc
        (b"OPENALEX_API_KEY=s3cr3tTOKEN\n", "one text value"),  # a .env
        (
            b"-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAAs3cr3tTOKEN\n-----END OPENSSH PRIVATE KEY-----\n",
            "one text value",
        ),
        (b"- s3cr3tTOKEN\n", "a list"),
    ],
)
@pytest.mark.parametrize("command", [["validate"], ["show"], ["lists", "show"], ["check", "--evidence"]])
def test_a_file_that_is_no_mapping_is_said_without_its_text(tmp_path, capsys, content, held, command):
    """`claimwatch validate ~/.netrc` (or a .env, a private key, given by mistake for a claim or
    list file): "'machine api.example.org login bob password s3cr3tTOKEN' is not of type
    'object'", the file's first 200 characters, a password among them, printed to the terminal and
    any CI log. Now the line says what the file holds, never its text."""
    from claimwatch.cli import main

    path = tmp_path / "secrets.yaml"
    path.write_bytes(content)
    assert main([*command, str(path)]) == 2
    err = capsys.readouterr().err
    assert err.splitlines() == [
        f"{path}:1:1: not keys and values, as every claimwatch file is: the whole file reads as {held}"
    ]
    assert "s3cr3t" not in err


def test_alias_bomb_is_refused_without_being_expanded(tmp_path):
    """Nine to the ninth copies of "lol" once expanded: the memory it takes shows whether it was,
    on any machine (no clock is read)."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(ord("b"), ord("j")):
        prev = chr(i - 1)
        lines.append(f"{chr(i)}: &{chr(i)} [{', '.join(['*' + prev] * 9)}]")
    path = write(tmp_path / "bomb.yaml", "\n".join(lines) + "\n")
    tracemalloc.start()
    with pytest.raises(InputError) as e:
        claims_mod.load_claims([path], root=tmp_path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert "alias bomb" in e.value.lines()[0]
    assert peak < 50 * 1024 * 1024


def test_deep_nesting_is_refused(tmp_path):
    path = write(tmp_path / "deep.yaml", "a: " + "[" * 5000 + "]" * 5000 + "\n")
    with pytest.raises(InputError) as e:
        claims_mod.load_claims([path], root=tmp_path)
    assert "nested more than 64 levels deep" in e.value.lines()[0]


@pytest.mark.parametrize("parser", ["libyaml", "pure-python"])
@pytest.mark.parametrize("brackets", [65, 999, 1001, 5000])
def test_the_depth_limit_is_the_projects_whatever_the_parser(tmp_path, monkeypatch, parser, brackets):
    # libyaml scans a line ahead and, in some PyYAML 6.x releases, stops at 1,000 levels with its
    # own words: the project's limit and message must come first either way.
    if parser == "pure-python":
        import yaml

        from claimwatch import documents

        monkeypatch.setattr(documents, "_EventLoader", yaml.SafeLoader)
    line = "  - a: " + "{x: [" * (brackets // 2) + "]}" * (brackets // 2)
    path = write(tmp_path / "deep.yaml", "claims:\n" + line + "\n")
    # Three levels (the file's mapping, the list, the claim) before the first bracket: the
    # 62nd bracket is the 65th level.
    column = [i for i, ch in enumerate(line) if ch in "[{"][61] + 1
    with pytest.raises(InputError) as e:
        claims_mod.load_claims([path], root=tmp_path)
    assert e.value.lines() == [f"{path}:2:{column}: nested more than 64 levels deep"]


def test_brackets_in_quotes_and_comments_are_not_nesting(tmp_path):
    # A broken file whose only brackets are text: libyaml's own complaint is what the user sees.
    text = "a: '" + "[" * 2000 + "' # " + "{" * 2000 + "\nb: [1, 2\n"
    path = write(tmp_path / "text.yaml", text)
    with pytest.raises(InputError) as e:
        claims_mod.load_claims([path], root=tmp_path)
    assert "nested more than" not in e.value.lines()[0]
    assert "not valid YAML" in e.value.lines()[0]


def test_huge_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.yaml"
    with open(path, "wb") as f:
        f.truncate(20 * 1024 * 1024)
    with pytest.raises(InputError) as e:
        claims_mod.load_claims([path], root=tmp_path)
    assert "the limit is 8,388,608" in e.value.lines()[0]


# --- the command line ------------------------------------------------------------------------


def test_validate_prints_problems_one_per_line_and_exits_2(tmp_path, capsys, monkeypatch):
    root = project(tmp_path)
    monkeypatch.chdir(root)
    claim_file(root / "claims/c.yaml", ONE_CLAIM.replace("from:", "form:").replace("topic: face", "topic: x"))
    assert main(["validate", "claims"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == ["claims/c.yaml:16:5: unknown key 'form'; did you mean 'from'?"]  # schema first, then refs
    assert main(["validate", "claims/topics"]) == 0


def test_shipped_files_validate(capsys, project_root, monkeypatch):
    monkeypatch.chdir(project_root)
    assert main(["validate", "claims/", "evidence/lists/", "evidence/curated/"]) == 0
    out = capsys.readouterr().out
    assert "ok  claims/microsoft-msra-2024.yaml  (5 claims)" in out


def test_show_renders_each_claim_as_a_sentence(capsys, project_root, monkeypatch):
    monkeypatch.chdir(project_root)
    assert main(["show", "claims/msra-2022-intern-policy.yaml"]) == 0
    out = capsys.readouterr().out
    assert "(reported, not confirmed)" in out
    assert (
        "msra-no-seven-sons-interns: Expects no works by Microsoft Research Asia published on or after "
        "2022-04-08 with an author who is also at an institution listed in Seven Sons of National Defence."
    ) in out


def test_schema_command_prints_the_claims_schema(capsys):
    import json

    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "claimwatch claim file"
    assert main(["schema", "--report"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "claimwatch report"


def test_shipped_claim_files_point_editors_at_the_schema(project_root):
    for path in (project_root / "claims").rglob("*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("=", 1)[1]).resolve()
        assert target.is_file(), (path, target)


def test_a_named_pipe_is_refused_before_a_byte_is_read(tmp_path):
    """A stream has no size to check and may never end: a FIFO given as a claim file is refused
    at once (no writer is ever waited for)."""
    import os

    fifo = tmp_path / "claims.yaml"
    os.mkfifo(fifo)
    with pytest.raises(InputError) as e:
        claims_mod.load_claims([fifo], root=tmp_path)
    assert e.value.lines() == [
        f"{fifo}: is a named pipe (FIFO), not a regular file: refused, as reading it may never end"
    ]


def test_schema_command_takes_the_schema_name_as_the_docs_write_it(capsys):
    import json

    assert main(["schema", "list"]) == 0
    assert json.loads(capsys.readouterr().out)["title"].startswith("claimwatch reference list")
    assert main(["schema", "--kind", "topic"]) == 0
    assert json.loads(capsys.readouterr().out)["title"].startswith("claimwatch topic file")
    assert main(["schema", "list", "--kind", "topic"]) == 2
    assert "name different schemas" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("name", "shipped", "wrong"),
    [
        ("topic", "claims/topics/*.yaml", {"name": "Face recognition", "rationale": "r", "phrase": ["x"]}),
        ("claims", "claims/*.yaml", {"statement": {}}),
        ("list", "evidence/lists/*.yaml", {"id": "x"}),
        ("curated", "evidence/curated/*.yaml", {"works": 1}),
    ],
)
def test_each_printed_schema_checks_a_file_by_itself(capsys, project_root, name, shipped, wrong):
    """Found by the twentieth part's hunt: `claimwatch schema topic > topic.schema.json` printed
    only a reference to `claims.schema.json#/$defs/topic`, which an editor (or a validator) given
    that file alone could not resolve: no topic file could be checked by it."""
    import json

    import jsonschema
    import yaml

    assert main(["schema", name]) == 0
    printed = json.loads(capsys.readouterr().out)
    validator = jsonschema.Draft202012Validator(printed)  # no registry: nothing beside it to find
    files = sorted(project_root.glob(shipped))
    assert files
    for path in files:
        data = json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))
        assert list(validator.iter_errors(data)) == [], path
    assert list(validator.iter_errors(wrong))


@pytest.mark.parametrize("phrase", ["   ", "-", "?!", "—", "_"])
def test_a_topic_phrase_that_cannot_match_is_refused_where_it_is(tmp_path, phrase):
    root = project(tmp_path)
    write(
        root / "claims/topics/face.yaml",
        f'id: face\nname: Face\nrationale: r\nphrases: [face recognition, "{phrase}"]\n',
    )
    with pytest.raises(InputError) as e:
        claims_mod.load_topic(root / "claims/topics/face.yaml")
    assert e.value.lines() == [
        f"{root}/claims/topics/face.yaml:4:29: phrases[1] '{phrase}' has no letter or digit, so it can never match; "
        "write the words it stands for"
    ]


def test_inline_topic_phrases_that_cannot_match_are_refused(tmp_path):
    root = project(tmp_path)
    inline = 'topics:\n  face: {name: Face, rationale: r, phrases: [face], exclude_phrases: ["- -"]}\n'
    path = claim_file(root / "claims/c.yaml", ONE_CLAIM, extra=inline)
    assert problems(root, path) == [
        f"{path}:13:71: exclude_phrases[0] '- -' has no letter or digit, so it can never match; "
        "write the words it stands for"
    ]


def test_phrases_in_any_script_or_with_digits_are_accepted(tmp_path):
    root = project(tmp_path)
    write(root / "claims/topics/t.yaml", "id: t\nname: T\nrationale: r\nphrases: [人脸识别, 5G, x-ray]\n")
    assert claims_mod.load_topic(root / "claims/topics/t.yaml").phrases == ("人脸识别", "5G", "x-ray")


def test_schema_and_reference_problems_are_reported_together(tmp_path):
    root = project(tmp_path)
    text = ONE_CLAIM.replace("from:", "form:") + none_claim("{topic: nowhere}").replace("subject: lab", "subject: lba")
    path = claim_file(root / "claims/c.yaml", text)
    lines = problems(root, path)
    assert lines[0] == f"{path}:16:5: unknown key 'form'; did you mean 'from'?"
    assert lines[1].startswith(f"{path}:22:14: unknown subject 'lba'; known: lab")
    assert lines[2].startswith(f"{path}:25:20: unknown topic 'nowhere'")
    assert len(lines) == 3


def test_a_claim_naming_a_broken_inline_topic_is_not_told_it_is_unknown(tmp_path):
    root = project(tmp_path)
    inline = "topics:\n  mine: {name: Mine, rationale: r, phrases: [a b], colour: red}\n"
    path = claim_file(root / "claims/c.yaml", ONE_CLAIM.replace("topic: face", "topic: mine"), extra=inline)
    assert problems(root, path) == [
        f"{path}:13:52: unknown key 'colour'; expected one of: doubt_phrases, exclude_phrases, id, name, openalex_topics, phrases, rationale"
    ]


# --- claims about people (#21) --------------------------------------------------------------


def people_claim_file(root: Path, authors: str, *, extra: str = "") -> Path:
    """A claim file with one claim `p` about people, its `authors:` and further keys as given."""
    return claim_file(
        root / "claims/p.yaml",
        f"""\
claims:
  - id: p
    says: No recruits from listed universities.
    subject: lab
    from: 2022-04-08
    expects: none
{authors}{extra}""",
    )


def test_a_claim_about_people_loads_with_its_lists_and_an_empty_works_condition(tmp_path):
    root = project(tmp_path)
    cs = load(
        root, people_claim_file(root, "    authors: {joined_from: [mil], listed_before: true, within_years: 3}\n")
    )
    claim = cs.claim("p")
    assert claim.is_about_people and not claim.is_about_coauthors
    assert (claim.authors.joined_from, claim.authors.listed_before, claim.authors.within_years) == (("mil",), True, 3)
    assert claim.works == claims_mod.Condition() and claim.list_ids() == ["mil"]
    assert set(cs.files[0].lists) == {"mil"}


def test_claims_about_people_read_as_sentences(tmp_path):
    root = project(tmp_path)
    joined = load(root, people_claim_file(root, "    authors: {joined_from: [mil]}\n"))
    assert claims_mod.describe(joined.claims[0], joined.files[0]) == (
        "Expects no people whose records first place them at Example Lab on or after 2022-04-08 and place them "
        "at an institution listed in Military universities in an earlier year."
    )
    recent = load(
        root, people_claim_file(root, "    authors: {joined_from: [mil], within_years: 2, listed_before: true}\n")
    )
    assert claims_mod.describe(recent.claims[0], recent.files[0]).endswith(
        "listed in Military universities in the 2 years before, on the list all through their first year there."
    )
    path = people_claim_file(root, "    authors: {holds_both: [mil]}\n")
    path.write_text(path.read_text().replace("expects: none", "expects: {at_least: 1}"))
    both = load(root, path)
    assert claims_mod.describe(both.claims[0], both.files[0]) == (
        "Expects at least 1 person whose records place them at Example Lab and at an institution listed in "
        "Military universities in the same year, on or after 2022-04-08."
    )


@pytest.mark.parametrize(
    ("authors", "extra", "message"),
    [
        (
            "    authors: {joined_from: [mil]}\n",
            "    works: {coauthor_in: [mil]}\n",
            "18:14: a claim tests works: or authors:, not both; write two claims",
        ),
        (
            "    authors: {joined_from: [mil], holds_both: [mil]}\n",
            "",
            "18:47: an authors: condition takes one of joined_from, holds_both, not both; write two claims",
        ),
        (
            "    authors: {listed_before: true}\n",
            "",
            "18:14: an authors: condition needs one of: joined_from, holds_both",
        ),
        (
            "    authors: {holds_both: [mil], within_years: 2}\n",
            "",
            "18:48: within_years needs joined_from beside it (how many years before the first year at the subject)",
        ),
        (
            "    authors: {joined_from: [mil]}\n",
            "    max_unaffiliated: 0.1\n",
            "19:23: max_unaffiliated is for claims about coauthors on works; a claim about authors has none",
        ),
        (
            "    authors: {joined_from: [military]}\n",
            "",
            "18:29: unknown list 'military'; known: mil (looked in {root}/evidence/lists/)",
        ),
        (
            "    authors: {joined_from: [mil], within_years: 0}\n",
            "",
            "18:49: claims[0].authors.within_years: 0 is less than the minimum of 1",
        ),
        ("    authors: {joinedfrom: [mil]}\n", "", "18:15: unknown key 'joinedfrom'; did you mean 'joined_from'?"),
    ],
)
def test_mistakes_in_a_claim_about_people_are_one_line_each_with_file_and_line(tmp_path, authors, extra, message):
    root = project(tmp_path)
    path = people_claim_file(root, authors, extra=extra)
    lines = problems(root, path)
    assert lines == [f"{path}:{message.format(root=root)}"]


def test_a_claim_testing_neither_works_nor_authors_says_what_it_needs(tmp_path):
    root = project(tmp_path)
    path = people_claim_file(root, "")
    assert problems(root, path) == [
        f"{path}:13:5: claims[0]: a claim tests works: (what the subject's works show) or authors: (what the records "
        "of the people placed at the subject show), exactly one of the two"
    ]


def test_the_claims_schema_offers_authors_to_an_editor():
    import json

    schema = json.loads((Path(claims_mod.__file__).parent / "schemas/claims.schema.json").read_text(encoding="utf-8"))
    claim = schema["$defs"]["claim"]
    assert claim["properties"]["authors"]["$ref"] == "#/$defs/author_condition"
    assert set(schema["$defs"]["author_condition"]["properties"]) == {
        "joined_from",
        "holds_both",
        "listed_before",
        "within_years",
    }
    assert all(p.get("description") for p in schema["$defs"]["author_condition"]["properties"].values())


def test_show_renders_the_shipped_recruitment_claim(capsys, project_root, monkeypatch):
    monkeypatch.chdir(project_root)
    assert main(["show", "claims/watchdog-2025-msra.yaml"]) == 0
    assert (
        "msra-no-seven-sons-recruits: Expects no people whose records first place them at Microsoft Research Asia "
        "on or after 2022-04-08 and place them at an institution listed in Seven Sons of National Defence in an "
        "earlier year."
    ) in capsys.readouterr().out


def test_names_and_aliases_are_read_without_the_whitespace_around_them(tmp_path):
    """A YAML block scalar ends a name with a newline; subjects' and list entries' names and
    aliases lose it (and any other surrounding whitespace) when they are loaded."""
    root = project(tmp_path)
    write(
        root / "evidence/lists/mil.yaml",
        """\
        id: mil
        name: Mil
        sources: [{title: A source}]
        entries:
          - id: hit
            name: |
              Harbin Institute of Technology
            aliases:
              - |
                HIT
              - "  哈尔滨工业大学 "
              - " "
            verified: true
        """,
    )
    path = write(
        root / "claims/c.yaml",
        """\
        statement: {speaker: X, made_on: 2024-01-10, quote: q, sources: [{title: t}]}
        subjects:
          lab:
            name: " Example Lab\\t"
            openalex: [I100]
            aliases:
              - |
                EXL
        claims:
          - {id: c, says: s, subject: lab, expects: none, works: {coauthor_in: [mil]}}
        """,
    )
    cs = load(root, path)
    subject = cs.claim("c").subject
    assert (subject.name, subject.aliases) == ("Example Lab", ("EXL",))
    entry = cs.files[0].lists["mil"].entry("hit")
    # A name of whitespace alone is "", which matches nothing, as " " did.
    assert entry.names == ("Harbin Institute of Technology", "HIT", "哈尔滨工业大学", "")


@pytest.mark.parametrize("kind", ["a link", "a file"])
def test_an_emacs_lock_beside_a_claim_being_edited_is_no_claim(tmp_path, capsys, monkeypatch, kind):
    """An analyst editing claims/EXAMPLE.yaml in Emacs, a change not yet saved: Emacs keeps the
    lock `claims/.#EXAMPLE.yaml`, a link leading nowhere on purpose to USER@HOST.PID:BOOT (or,
    where the file system has no links, a file holding that), as the Emacs Lisp manual's "File
    Locks" gives it. `check`, `show` and `validate` each stopped on it, "claims/.#EXAMPLE.yaml:
    no such file", for as long as the file was open. Now it is passed over; a link of that name
    to a claim file gone is still said."""
    assert main(["init", str(tmp_path / "case")]) == 0
    case = tmp_path / "case"
    monkeypatch.chdir(case)
    lock = case / "claims" / ".#EXAMPLE.yaml"
    if kind == "a link":
        lock.symlink_to("analyst@laptop.4242:1733560000")
        (case / "claims" / "topics" / ".#drone-swarms.yaml").symlink_to("analyst@laptop.example.org.77")
    else:
        lock.write_text("analyst@laptop.4242:1733560000", encoding="utf-8")
    capsys.readouterr()
    for args in (["check", "--evidence", "evidence/"], ["show", "claims/"], ["validate", "claims"]):
        assert main(args) == 0, (args, capsys.readouterr().err)
    assert ".#" not in capsys.readouterr().out
    lock.unlink()
    lock.symlink_to("../shared/EXAMPLE.yaml")  # a claim file kept elsewhere, gone: not a lock
    assert main(["check", "--evidence", "evidence/"]) == 2
    assert capsys.readouterr().err.splitlines() == ["claims/.#EXAMPLE.yaml: no such file"]

"""Ids as the sources write them, and every value a schema's pattern refuses said in words.

The loaders read an OpenAlex id from its API address (https://api.openalex.org/institutions/I1),
an ORCID iD from http://orcid.org/ or with a lower-case check letter, a DOI as doi:10... or from
dx.doi.org, a ROR id in capitals; reviews and the Gherkin steps take those forms. The schemas
refused them, and said so with their regular expressions
(`does not match '^(https://orcid\\.org/)?[0-9]{4}-...$'`), and a date written 2024/01/10 gave
two lines, one of them a regular expression. Each schema now takes the forms its loader reads
(a property test: whatever a pattern accepts, the loader reads), and a refusal names what is
wanted in words, in one line."""

from __future__ import annotations

import json
import re
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimwatch import claims as claims_mod
from claimwatch import ids
from claimwatch.cli import main
from claimwatch.curated import read_curated, read_people
from claimwatch.documents import PATTERN_WORDS
from helpers import STATEMENT, project, write


def _patterns(value: object) -> set[str]:
    if isinstance(value, dict):
        own = {value["pattern"]} if isinstance(value.get("pattern"), str) else set()
        return own.union(*(_patterns(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(*(_patterns(v) for v in value))
    return set()


SCHEMAS = ["claims", "topic", "list", "curated", "reviews"]


@pytest.mark.parametrize("name", SCHEMAS)
def test_every_pattern_of_every_schema_is_said_in_words(name):
    schema = json.loads(resources.files("claimwatch").joinpath(f"schemas/{name}.schema.json").read_text("utf-8"))
    assert _patterns(schema) <= set(PATTERN_WORDS)


def _openalex(letter: str):
    return lambda v: (short := ids.openalex_id(v)) is not None and short[0] == letter


READERS = {
    r"^(https?://(api\.)?openalex\.org/(institutions/)?)?[Ii][0-9]{1,20}$": _openalex("I"),
    r"^(https?://(api\.)?openalex\.org/(authors/)?)?[Aa][0-9]{1,20}$": _openalex("A"),
    r"^(https?://(api\.)?openalex\.org/(works/)?)?[Ww][0-9]{1,20}$": _openalex("W"),
    r"^(https?://(api\.)?openalex\.org/(topics/)?)?[Tt][0-9]{1,20}$": _openalex("T"),
    r"^((https?://)?(www\.)?ror\.org/)?0[a-zA-Z0-9]{6}[0-9]{2}/?$": lambda v: ids.ror_id(v) is not None,
    r"^(https?://(dx\.)?doi\.org/|[Dd][Oo][Ii]:)?10\.[0-9]{4,9}/\S+$": lambda v: ids.doi(v) is not None,
}


@pytest.mark.parametrize("pattern", sorted(READERS))
@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_whatever_an_id_pattern_accepts_its_loader_reads(pattern, data):
    value = data.draw(st.from_regex(pattern, fullmatch=True).filter(lambda v: v.isascii()))
    assert READERS[pattern](value), value


CLAIMS = (
    STATEMENT
    + """\
subjects:
  lab:
    name: Example Lab
    openalex: ["https://api.openalex.org/institutions/I100", "http://openalex.org/I101"]
    ror: ["http://ror.org/05EXMAB22"]
claims:
  - {id: c, says: s, subject: lab, from: 2024-01-10, expects: none, works: {topic: face}}
"""
)

CURATED = """\
description: d
works:
  - id: w1
    title: A work
    openalex_topics: ["https://api.openalex.org/topics/T10775"]
    versions:
      - label: journal
        published: 2024-02-01
        doi: "doi:10.1109/TMM.2024.3405649"
        openalex: https://api.openalex.org/works/W4392385286
        authors: [{name: A, openalex: "https://openalex.org/authors/A5023888391", affiliations: [{name: Lab}]}]
        sources: [{title: s}]
      - label: preprint
        published: 2023-11
        doi: https://dx.doi.org/10.48550/arXiv.2311.04496
        authors: [{name: A, affiliations: [{name: Lab}]}]
        sources: [{title: s}]
people:
  - id: p
    name: P
    orcid: http://www.orcid.org/0000-0002-1694-233x
    affiliations: [{name: Lab, years: [2020]}]
    sources: [{title: CV}]
"""


def test_ids_written_as_their_sources_write_them_validate_and_read_as_their_short_forms(tmp_path, monkeypatch, capsys):
    root = project(tmp_path)
    claim = write(root / "claims/c.yaml", CLAIMS)
    curated = write(root / "evidence/curated/c.yaml", CURATED)
    monkeypatch.chdir(root)
    assert main(["validate", "claims/c.yaml", "evidence/curated/c.yaml"]) == 0, capsys.readouterr().err
    (claim_file,) = claims_mod.load_claims([claim], root=root).files
    assert claim_file.subjects["lab"].openalex == ("I100", "I101")
    assert claim_file.subjects["lab"].ror == ("05exmab22",)
    journal, preprint = read_curated(curated)
    assert journal.doi == "10.1109/tmm.2024.3405649" and journal.topic_ids == ("T10775",)
    assert journal.authorships[0].author_id == "A5023888391"
    assert preprint.doi == "10.48550/arxiv.2311.04496"
    (person,) = read_people(curated)
    assert person.orcid == "0000-0002-1694-233X"


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        (
            'doi: "doi:10.1109/TMM.2024.3405649"',
            'doi: "DOI 10.1109/TMM.2024.3405649"',
            "evidence/curated/c.yaml:9:14: works[0].versions[0].doi: 'DOI 10.1109/TMM.2024.3405649' is not a DOI:"
            " 10.1109/TMM.2024.3405649, https://doi.org/10.1109/TMM.2024.3405649 or doi:10.1109/TMM.2024.3405649",
        ),
        (
            "orcid: http://www.orcid.org/0000-0002-1694-233x",
            "orcid: orcid.org/0000-0002-1694-233X",
            "evidence/curated/c.yaml:21:12: people[0].orcid: 'orcid.org/0000-0002-1694-233X' is not an ORCID iD:"
            " 0000-0002-1825-0097, or https://orcid.org/0000-0002-1825-0097",
        ),
        (
            "published: 2024-02-01",
            "published: 2024/02/01",
            "evidence/curated/c.yaml:8:20: works[0].versions[0].published: a date as far as it is known:"
            " YYYY, YYYY-MM or YYYY-MM-DD",
        ),
    ],
)
def test_a_refused_id_is_said_in_words_in_one_line(tmp_path, monkeypatch, capsys, old, new, line):
    root = project(tmp_path)
    assert old in CURATED
    write(root / "evidence/curated/c.yaml", CURATED.replace(old, new))
    monkeypatch.chdir(root)
    assert main(["validate", "evidence/curated/c.yaml"]) == 2
    assert capsys.readouterr().err.splitlines() == [line]


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("2024/01/10", "'2024/01/10' is not a date written YYYY-MM-DD (2024-01-10)"),
        ("2024-1-10", "'2024-1-10' is not a date written YYYY-MM-DD (2024-01-10)"),
        ('"January 2024"', "'January 2024' is not a date written YYYY-MM-DD (2024-01-10)"),
        ("2024", "2024 is not a date written YYYY-MM-DD (2024-01-10)"),
        ("2024-02-30", "'2024-02-30' is not a real date (YYYY-MM-DD)"),
    ],
)
def test_a_date_written_otherwise_is_one_line_in_words(tmp_path, monkeypatch, capsys, written, said):
    root = project(tmp_path)
    write(root / "claims/c.yaml", CLAIMS.replace("from: 2024-01-10", f"from: {written}"))
    monkeypatch.chdir(root)
    assert main(["validate", "claims/c.yaml"]) == 2
    assert capsys.readouterr().err.splitlines() == [f"claims/c.yaml:13:42: claims[0].from: {said}"]


# ror.org's pages give an id to copy as `https://ror.org/00d0nc645`, and analysts paste it
# from the address bar as `ror.org/00d0nc645`, with a trailing slash, or after `www.`: each was
# refused (`resolve --ror` in one line, the schemas in files). Each now reads as the short form.
ROR_AS_PASTED = [
    "ror.org/05exmab22",
    "https://ror.org/05exmab22/",
    "http://ror.org/05exmab22",
    "https://www.ror.org/05exmab22",
    "www.ror.org/05exmab22/",
    "https://ROR.org/05exmab22",  # was: refused by the schema, taken by `resolve --ror`
    "HTTPS://WWW.ROR.ORG/05EXMAB22",
]


@pytest.mark.parametrize("pasted", ROR_AS_PASTED)
def test_a_ror_id_as_ror_org_gives_it_validates_and_reads_as_its_short_form(tmp_path, monkeypatch, capsys, pasted):
    root = project(tmp_path)
    claim = write(root / "claims/c.yaml", CLAIMS.replace('"http://ror.org/05EXMAB22"', f'"{pasted}"'))
    monkeypatch.chdir(root)
    assert main(["validate", "claims/c.yaml"]) == 0, capsys.readouterr().err
    (claim_file,) = claims_mod.load_claims([claim], root=root).files
    assert claim_file.subjects["lab"].ror == ("05exmab22",)


@pytest.mark.parametrize("other", ["https://ror.org/05exmab22//", "https://example.org/05exmab22", "ror.org05exmab22"])
def test_a_ror_id_in_another_address_is_still_refused(other):
    assert ids.ror_id(other) is None


# ROR ids carry a checksum (ISO 7064 Mod 97-10 of their six base-32 characters), which nothing
# checked: a typo in a claim's, list entry's or curated affiliation's ROR id matched no record,
# without a word. The schemas' format `ror` checks it; `resolve --ror` refuses one before asking.
REAL_ROR = ["00d0nc645", "01yqg2h08", "03x80pn82", "01y0j0j86", "01scyh794", "00xp9wg62", "05d2yfz11", "00wk2mp56"]
CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz"


@pytest.mark.parametrize("real", REAL_ROR)
def test_real_ror_ids_carry_their_checksum(real):
    assert ids.ror_checksum_ok(real)


@given(body=st.text(CROCKFORD, min_size=6, max_size=6), where=st.integers(1, 8), data=st.data())
def test_any_one_character_mistyped_in_a_ror_id_fails_its_checksum(body, where, data):
    number = 0
    for c in body:
        number = number * 32 + CROCKFORD.index(c)
    good = f"0{body}{98 - number * 100 % 97:02d}"
    assert ids.ror_checksum_ok(good)
    alphabet = CROCKFORD if where <= 6 else "0123456789"
    typo = data.draw(st.sampled_from(alphabet).filter(lambda c: c != good[where]))
    assert not ids.ror_checksum_ok(good[:where] + typo + good[where + 1 :])


def test_a_ror_id_with_a_wrong_checksum_is_one_line_in_a_claim_file(tmp_path, monkeypatch, capsys):
    root = project(tmp_path)
    write(root / "claims/c.yaml", CLAIMS.replace('"http://ror.org/05EXMAB22"', '"https://ror.org/00d0nc646"'))
    monkeypatch.chdir(root)
    assert main(["validate", "claims/c.yaml"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "claims/c.yaml:11:11: subjects.lab.ror[0]: 'https://ror.org/00d0nc646' is not a ROR id: its last two "
        "digits, a checksum, do not match the rest (a typo?)"
    ]


def test_resolve_refuses_a_ror_id_with_a_wrong_checksum_without_asking(capsys):
    assert main(["resolve", "--ror", "00d0nc646", "--openalex-url", "http://127.0.0.1:9", "--retries", "0"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "--ror: '00d0nc646' is not a ROR id: its last two digits, a checksum, do not match the rest (a typo?)"
    ]


def test_a_ror_id_with_a_letter_ror_never_uses_says_so(tmp_path, monkeypatch, capsys):
    """was: "its last two digits, a checksum, do not match the rest": 03oom5276 holds an o
    typed for a zero, which no ROR id holds."""
    root = project(tmp_path)
    write(root / "claims/c.yaml", CLAIMS.replace('"http://ror.org/05EXMAB22"', '"03oom5276"'))
    monkeypatch.chdir(root)
    assert main(["validate", "claims/c.yaml"]) == 2
    said = "'03oom5276' is not a ROR id: ROR ids never hold i, l, o or u (Crockford's base 32), and it holds o"
    assert capsys.readouterr().err.splitlines() == [f"claims/c.yaml:11:11: subjects.lab.ror[0]: {said}"]
    assert main(["resolve", "--ror", "03oom5276", "--openalex-url", "http://127.0.0.1:9", "--retries", "0"]) == 2
    assert capsys.readouterr().err.splitlines() == [f"--ror: {said}"]


ROR_FORMS = "0300m5276, ror.org/0300m5276 or https://ror.org/0300m5276 (www. and a trailing / may be added)"


def test_a_value_in_no_ror_id_form_is_told_the_forms_taken(tmp_path, monkeypatch, capsys):
    """was: "0300m5276, or https://ror.org/0300m5276", which left out ror.org/... and www."""
    root = project(tmp_path)
    write(root / "claims/c.yaml", CLAIMS.replace('"http://ror.org/05EXMAB22"', '"ror:0300m5276"'))
    monkeypatch.chdir(root)
    assert main(["validate", "claims/c.yaml"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"claims/c.yaml:11:11: subjects.lab.ror[0]: 'ror:0300m5276' is not a ROR id: {ROR_FORMS}"
    ]
    assert main(["resolve", "--ror", "ror:0300m5276", "--openalex-url", "http://127.0.0.1:9", "--retries", "0"]) == 2
    assert capsys.readouterr().err.splitlines() == [f"--ror: 'ror:0300m5276' is not a ROR id: {ROR_FORMS}"]


def _ror_nodes(value: object) -> list[dict]:
    if isinstance(value, dict):
        # The host is written case by case ([Rr][Oo][Rr]): read with each class as its letter.
        pattern = re.sub(r"\[([A-Z])([a-z])\]", lambda m: m[2], str(value.get("pattern", "")))
        own = [value] if "ror\\.org" in pattern else []
        return own + [n for v in value.values() for n in _ror_nodes(v)]
    if isinstance(value, list):
        return [n for v in value for n in _ror_nodes(v)]
    return []


@pytest.mark.parametrize("name", ["claims", "list", "curated"])
def test_every_ror_id_a_schema_takes_has_its_checksum_checked(name):
    schema = json.loads(resources.files("claimwatch").joinpath(f"schemas/{name}.schema.json").read_text("utf-8"))
    nodes = _ror_nodes(schema)
    assert nodes and all(n.get("format") == "ror" for n in nodes)

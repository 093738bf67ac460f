"""A country is written as its two-letter ISO 3166-1 code, wherever an analyst writes one: a
subject's, a list entry's, a curated affiliation's or a person's history's.

The matchers compare the code as written with the country a place in the text gives. A name
there ("United Kingdom") validated, and never equalled GB: the listed coauthor of the example
case was read as placed elsewhere and left out, and the claim went from contradicted to
insufficient evidence, in silence. Each schema now holds the codes the matchers know, and a
value that is not one is refused at its place, with the code meant where it can be told."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from claimwatch.cli import main
from claimwatch.countries import CODES
from claimwatch.evaluate._places import _COUNTRY_WORDS


@pytest.fixture
def case(made_case: Path) -> Path:
    return made_case


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_example_case_is_contradicted_with_the_code(case, capsys):
    assert main(["check", "claims/", "--evidence", "evidence/", "--fail-on", "contradicted"]) == 1
    assert "1 work matches although the claim expects none" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("file", "old", "new", "where", "said"),
    [
        (
            "evidence/curated/example.yaml",
            "country: GB}",
            "country: United Kingdom}",
            "evidence/curated/example.yaml:16:78: works[0].versions[0].authors[1].affiliations[0].country: ",
            "'United Kingdom' is a country's name: write its two-letter code, GB",
        ),
        (
            "evidence/curated/example.yaml",
            "country: GB}",
            "country: UK}",
            "evidence/curated/example.yaml:16:78: works[0].versions[0].authors[1].affiliations[0].country: ",
            "'UK' is not the ISO 3166-1 code: write GB",
        ),
        (
            "evidence/lists/example-watchlist.yaml",
            "country: GB",
            "country: Great Britain",
            "evidence/lists/example-watchlist.yaml:8:14: entries[0].country: ",
            "'Great Britain' is a country's name: write its two-letter code, GB",
        ),
        (
            "evidence/lists/example-watchlist.yaml",
            "country: GB",
            "country: gb",
            "evidence/lists/example-watchlist.yaml:8:14: entries[0].country: ",
            "'gb': a country code is two capital letters alone: write GB",
        ),
    ],
)
def test_a_country_written_as_a_name_is_refused_at_its_place_not_read_as_another_country(
    case, capsys, file, old, new, where, said
):
    _replace(case / file, old, new)
    assert main(["check", "claims/", "--evidence", "evidence/"]) == 2
    assert capsys.readouterr().err.splitlines() == [where + said]
    assert main(["validate", "claims/", "evidence/lists/", "evidence/curated/"]) == 2
    assert capsys.readouterr().err.splitlines() == [where + said]


def test_a_subjects_country_and_a_persons_history_take_codes_too(case, capsys):
    _replace(
        case / "claims/EXAMPLE.yaml", "    aliases: [Example Lab]\n", "    aliases: [Example Lab]\n    country: UK\n"
    )
    assert main(["validate", "claims/EXAMPLE.yaml"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "claims/EXAMPLE.yaml:16:14: subjects.example-lab.country: 'UK' is not the ISO 3166-1 code: write GB"
    ]
    (case / "evidence/curated/people.yaml").write_text(
        "description: d\npeople:\n  - id: p\n    name: P\n"
        "    affiliations: [{name: Example Lab, country: Xanadu, years: [2024]}]\n"
        "    sources: [{title: CV}]\n",
        encoding="utf-8",
    )
    assert main(["validate", "evidence/curated/people.yaml"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "evidence/curated/people.yaml:5:49: people[0].affiliations[0].country: 'Xanadu' is not a country code:"
        " write the two-letter ISO 3166-1 code, such as CN, GB or US"
    ]


@pytest.mark.parametrize("name", ["claims", "curated", "list"])
def test_each_schema_holds_the_codes_the_matchers_know(name):
    schema = json.loads(resources.files("claimwatch").joinpath(f"schemas/{name}.schema.json").read_text("utf-8"))
    assert schema["$defs"]["country"]["enum"] == sorted(CODES) == sorted(_COUNTRY_WORDS)


def test_every_country_a_place_is_read_in_is_a_code_a_file_may_write():
    """Georgia, Chad, Jersey, Guernsey and Dominica are left out of the names text is read by
    (each is also a US state, a first name or a word), yet they are countries: "Tbilisi" places
    an affiliation in GE, and a list entry or curated affiliation there was refused as 'not a
    country code', while the screening-list importer left such an entry no country at all."""
    from claimwatch.evaluate._places import _PLACES, country_name

    assert set(_PLACES.values()) <= CODES
    assert {"GE", "TD", "JE", "GG", "DM"} <= CODES
    assert country_name("GE") == "Georgia"


def test_a_list_entry_in_georgia_validates_and_is_imported_with_its_country(tmp_path, capsys):
    listed = tmp_path / "ge.yaml"
    listed.write_text(
        "id: ge\nname: Test list\nsources: [{title: Test}]\n"
        "entries:\n  - {id: e1, name: Delta Institute, country: GE, listed_from: 2020-01-01}\n",
        encoding="utf-8",
    )
    assert main(["validate", str(listed)]) == 0, capsys.readouterr().err
    capsys.readouterr()
    header = (Path(__file__).parent / "fixtures/csl/consolidated.csv").read_text(encoding="utf-8").splitlines()[0]
    row = ['""'] * 29
    row[1], row[5] = '"Entity List (EL) - Bureau of Industry and Security"', '"Delta Institute"'
    row[7] = '"10 Rustaveli Avenue, Tbilisi, GE"'
    source = tmp_path / "c.csv"
    source.write_text(f"{header}\n{','.join(row)}\n", encoding="utf-8")
    out = tmp_path / "csl.yaml"
    assert main(["lists", "import", "csl", str(source), "--out", str(out), "--country", "GE"]) == 0
    assert "1 entry kept of 1 record" in capsys.readouterr().out
    assert "    country: GE\n" in out.read_text(encoding="utf-8")
    assert main(["validate", str(out)]) == 0


@pytest.mark.parametrize(
    ("given", "said"),
    [("UK", "'UK' is not the ISO 3166-1 code: write GB"), ("QQ", "'QQ' is not a country code: write the two-letter")],
)
def test_a_csl_import_for_no_country_is_refused_not_an_empty_list(tmp_path, capsys, given, said):
    """`--country UK` kept nothing (the list writes GB), and wrote a list of no entries, exit 0."""
    csl = Path(__file__).parent / "fixtures/csl/consolidated.csv"
    out = tmp_path / "x.yaml"
    assert main(["lists", "import", "csl", str(csl), "--out", str(out), "--country", given]) == 2
    assert said in capsys.readouterr().err and not out.exists()

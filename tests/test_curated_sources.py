"""The shipped curated evidence keeps to its sources (issues 16 and 21).

Every version of every curated work cites at least one page by URL, and no author carries an
affiliation that no source of that version gave: each affiliation name must be the same text as,
or a part of, an affiliation text that one of the version's sources states (the optional
`affiliations` list of a source in evidence/curated/*.yaml). Institution ids may only be ones
the project's FACTS.md confirms, on an affiliation that names that institution. Every person's
history (`people:`) cites a page by URL too, and holds to the same confirmed ids.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from claimwatch.curated import read_curated, read_people

ROOT = Path(__file__).resolve().parent.parent
CURATED = sorted((ROOT / "evidence" / "curated").rglob("*.yaml"))

# Ids confirmed in FACTS.md, with the name an affiliation must contain to carry them.
CONFIRMED_OPENALEX = {
    "I4210113369": "Microsoft Research Asia",
    "I1290206253": "Microsoft",
    "I126520041": "University of Science and Technology of China",
    "I204983213": "Harbin Institute of Technology",
    "I125839683": "Beijing Institute of Technology",
}
CONFIRMED_ROR = {
    "0300m5276": "Microsoft Research Asia",
    "00d0nc645": "Microsoft",
    "04c4dkn09": "University of Science and Technology of China",
    "01yqg2h08": "Harbin Institute of Technology",
    "03x80pn82": "Harbin Engineering University",
    "01y0j0j86": "Northwestern Polytechnical University",
    "01scyh794": "Nanjing University of Aeronautics and Astronautics",
    "00xp9wg62": "Nanjing University of Science and Technology",
    "05d2yfz11": "National University of Defense Technology",
    "00wk2mp56": "Beihang University",
    "01skt4w74": "Beijing Institute of Technology",
}


def _versions() -> list[tuple[str, dict[str, Any]]]:
    found = []
    for path in CURATED:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for work in doc.get("works", ()):
            for version in work["versions"]:
                found.append((f"{path.name}:{work['id']}@{version['label']}", version))
    return found


def _people() -> list[tuple[str, dict[str, Any]]]:
    found = []
    for path in CURATED:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        found += [(f"{path.name}:{p['id']}", p) for p in doc.get("people", ())]
    return found


VERSIONS = _versions()
PEOPLE = _people()


def unsourced_affiliations(version: dict[str, Any]) -> list[str]:
    """Each author affiliation no source of the version states, as 'author: affiliation'."""
    stated = [text for source in version.get("sources", ()) for text in source.get("affiliations", ())]
    return [
        f"{author['name']}: {aff['name']}"
        for author in version["authors"]
        for aff in author.get("affiliations", ())
        if not any(aff["name"] == text or aff["name"] in text for text in stated)
    ]


def unconfirmed_ids(version: dict[str, Any]) -> list[str]:
    """Each institution id that FACTS.md does not confirm for the affiliation that carries it."""
    return [wrong for author in version["authors"] for wrong in _unconfirmed(author)]


def _unconfirmed(person: dict[str, Any]) -> list[str]:
    """An author's or a person's affiliations whose ids FACTS.md does not confirm for them."""
    wrong = []
    for aff in person.get("affiliations", ()):
        for key, confirmed in (("openalex", CONFIRMED_OPENALEX), ("ror", CONFIRMED_ROR)):
            value = aff.get(key)
            if value is None:
                continue
            short = str(value).rstrip("/").rsplit("/", 1)[-1]
            short = short.upper() if key == "openalex" else short
            if short not in confirmed or confirmed[short] not in aff["name"]:
                wrong.append(f"{person['name']}: {aff['name']} ({key} {value})")
    return wrong


def test_there_is_curated_evidence():
    assert CURATED, "no curated evidence under evidence/curated/"
    assert VERSIONS


@pytest.mark.parametrize("path", CURATED, ids=lambda p: p.name)
def test_every_curated_file_loads(path):
    assert list(read_curated(path)) or list(read_people(path))


@pytest.mark.parametrize(("where", "person"), PEOPLE, ids=[w for w, _ in PEOPLE])
def test_every_history_cites_a_page_and_only_confirmed_ids(where, person):
    urls = [s.get("url", "") for s in person["sources"]]
    assert any(u.startswith(("https://", "http://")) for u in urls), f"{where} cites no page by URL: {urls}"
    assert _unconfirmed(person) == [], f"{where}: ids FACTS.md does not confirm for that affiliation"


@pytest.mark.parametrize(("where", "version"), VERSIONS, ids=[w for w, _ in VERSIONS])
def test_every_version_cites_a_page(where, version):
    urls = [s.get("url", "") for s in version["sources"]]
    assert any(u.startswith(("https://", "http://")) for u in urls), f"{where} cites no page by URL: {urls}"


@pytest.mark.parametrize(("where", "version"), VERSIONS, ids=[w for w, _ in VERSIONS])
def test_no_author_carries_an_affiliation_no_source_gave(where, version):
    assert unsourced_affiliations(version) == [], f"{where}: affiliations that no source of this version states"


@pytest.mark.parametrize(("where", "version"), VERSIONS, ids=[w for w, _ in VERSIONS])
def test_institution_ids_are_confirmed_ones(where, version):
    assert unconfirmed_ids(version) == [], f"{where}: ids FACTS.md does not confirm for that affiliation"


def test_the_checks_catch_an_affiliation_and_an_id_that_no_source_gave():
    version = {
        "sources": [{"title": "a page", "url": "https://example.org/p", "affiliations": ["Microsoft Research Asia"]}],
        "authors": [
            {"name": "A", "affiliations": [{"name": "Microsoft Research Asia", "openalex": "I4210113369"}]},
            {"name": "B", "affiliations": [{"name": "Beihang University", "openalex": "I82880672"}]},
            {"name": "C", "affiliations": []},
        ],
    }
    assert unsourced_affiliations(version) == ["B: Beihang University"]
    assert unconfirmed_ids(version) == ["B: Beihang University (openalex I82880672)"]
    version["sources"][0].pop("affiliations")
    assert unsourced_affiliations(version) == ["A: Microsoft Research Asia", "B: Beihang University"]
    history = {"name": "C", "affiliations": [{"name": "Beihang University", "ror": "00wk2mp56", "years": [2019]}]}
    assert _unconfirmed(history) == []
    history["affiliations"].append({"name": "Harbin Institute of Technology", "openalex": "I4210113369"})
    assert _unconfirmed(history) == ["C: Harbin Institute of Technology (openalex I4210113369)"]


def test_validate_says_where_an_affiliation_is_one_no_source_states(tmp_path):
    """The rule above holds for an analyst's own files too: `validate` names the file and line of
    an author's or a person's affiliation that the affiliations its sources state do not hold
    (the same text or a part of it); sources that state none are not read for it."""
    from claimwatch.errors import InputError
    from claimwatch.validate import validate_paths

    curated = tmp_path / "curated"
    curated.mkdir()
    path = curated / "c.yaml"
    path.write_text(
        "description: test\n"
        "works:\n"
        "  - id: w1\n"
        "    title: A paper\n"
        "    versions:\n"
        "      - label: arXiv v1\n"
        "        published: 2024-03\n"
        "        authors:\n"
        "          - name: A\n"
        "            affiliations:\n"
        "              - {name: Microsoft Research Asia}\n"
        "              - {name: Beihang University}\n"
        "        sources:\n"
        "          - {title: a page, affiliations: ['Microsoft Research Asia, Beijing']}\n"
        "          - {title: another page}\n"
        "      - label: journal\n"
        "        published: 2024-05\n"
        "        authors: [{name: A, affiliations: [{name: Beihang University}]}]\n"
        "        sources: [{title: states none}]\n"
        "people:\n"
        "  - id: p\n"
        "    name: P\n"
        "    affiliations:\n"
        "      - {name: Beihang University, years: [2019]}\n"
        "      - {name: Microsoft Research, years: [2020]}\n"
        "      - {name: Harbin Institute of Technology}\n"
        "    sources: [{title: cv, affiliations: [Beihang University, 'Microsoft Research Asia']}]\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as e:
        validate_paths([path])
    assert [(p.line, p.message.split(" is ")[0]) for p in e.value.problems] == [
        (12, "affiliation 'Beihang University'"),
        (26, "affiliation 'Harbin Institute of Technology'"),
    ]
    assert all(p.path == str(path) and "\n" not in p.message for p in e.value.problems)
    assert "(Microsoft Research Asia, Beijing)" in e.value.problems[0].message


@pytest.mark.parametrize(
    ("written", "blank", "said"),
    [
        (
            '    title: "PersonMAE: Person Re-Identification Pre-Training with Masked AutoEncoders"\n',
            '    title: "   "\n',
            "31:12: works[0].title: '   '",
        ),
        (
            "          - name: Hezhen Hu\n",
            '          - name: "  "\n',
            "50:19: works[0].versions[0].authors[0].name: '  '",
        ),
    ],
    ids=["title", "author"],
)
def test_a_title_or_an_author_s_name_of_spaces_alone_is_refused(tmp_path, written, blank, said):
    """The shipped msra-2024.yaml with PersonMAE's title, or its first author's name, of spaces
    alone: validate said "ok" (the schema held each to one character), a work no topic phrase can
    match and an author no one can be named as read for evidence. Refused at its place now."""
    from claimwatch.errors import InputError
    from claimwatch.validate import validate_paths

    text = (ROOT / "evidence/curated/msra-2024.yaml").read_text(encoding="utf-8")
    path = tmp_path / "c.yaml"
    path.write_text(text.replace(written, blank), encoding="utf-8")
    with pytest.raises(InputError) as e:
        validate_paths([path])
    assert f"{path}:{said} is not text: it holds spaces alone" in e.value.lines()

"""Two false clearances a review of verdicts on real lists found (issue 18, eleventh part): a
listed name in the form Web of Science writes it, without its "of" ("Harbin Inst Technol"), and
an official name that ends "of China" or "of PLA" after the listed one ("Renmin University of
China", "Army Engineering University of PLA"), which the rule for longer names ("Tianjin
University of Technology" is not Tianjin University) took for another institution."""

from __future__ import annotations

import pytest

from claimwatch import claims as claims_mod
from claimwatch.evaluate._names import NameMatcher
from helpers import authorship, institution, work, write, write_jsonl
from test_columnar_engine import engines_agree

NAMES = [
    ("hit", "Harbin Institute of Technology"),
    ("ustc", "University of Science and Technology of China"),
    ("nust", "Nanjing University of Science and Technology"),
    ("renmin", "Renmin University"),
    ("aeu", "Army Engineering University"),
    ("tju", "Tianjin University"),
]


@pytest.fixture(scope="module")
def matcher() -> NameMatcher:
    return NameMatcher(NAMES)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Sch Comp Sci & Technol, Harbin Inst Technol, Harbin 150001, Peoples R China",
            [("hit", "Harbin Inst Technol")],
        ),
        ("Univ Sci & Technol China, Hefei 230026, Peoples R China", [("ustc", "Univ Sci & Technol China")]),
        ("Nanjing Univ Sci & Technol, Nanjing, Peoples R China", [("nust", "Nanjing Univ Sci & Technol")]),
        ("Harbin Institute of Technology, Harbin", [("hit", "Harbin Institute of Technology")]),
        ("School of Law, Renmin University of China, Beijing", [("renmin", "Renmin University")]),
        ("Army Engineering University of PLA, Nanjing", [("aeu", "Army Engineering University")]),
        ("Army Engineering University of the People's Liberation Army", [("aeu", "Army Engineering University")]),
        # Any other "of" still makes a longer name, another institution.
        ("Tianjin University of Technology, Tianjin", []),
        ("Renmin University of China University Town", []),
        ("Tianjin University, Tianjin", [("tju", "Tianjin University")]),
    ],
)
def test_web_of_science_forms_and_official_names_are_found(matcher, text, found):
    assert [(h.key, h.matched) for h in matcher.find(text)] == found


def test_only_an_inner_of_is_left_out():
    """ "Institute of" alone is no name to find in "Institute X"."""
    assert NameMatcher([("x", "Institute of")]).find("Institute, Beijing") == []


LAB = institution("I100", "Example Lab", country="US")

CLAIMS = """\
statement: {speaker: Example Corp, made_on: 2024-01-10, quote: q, sources: [{title: t}]}
subjects:
  lab: {name: Example Lab, openalex: [I100]}
claims:
  - {id: partners, says: s, subject: lab, from: 2024-01-10, expects: none, works: {coauthor_in: [named]}}
"""

LIST = """\
id: named
name: Listed by name
sources: [{title: A source}]
entries:
  - {id: hit, name: Harbin Institute of Technology, country: CN, listed_from: 2020-06-05, verified: true}
  - {id: renmin, name: Renmin University, country: CN, listed_from: 2020-06-05, verified: true}
"""


def test_both_engines_find_them_in_raw_affiliations(tmp_path):
    write(tmp_path / "claims/c.yaml", CLAIMS)
    write(tmp_path / "evidence/lists/named.yaml", LIST)
    claims = claims_mod.load_claims([tmp_path / "claims/c.yaml"], root=tmp_path)
    wos = authorship(
        "B. Partner", [], raw=["Sch Comp Sci & Technol, Harbin Inst Technol, Harbin 150001, Peoples R China"]
    )
    renmin = authorship("C. Partner", [], raw=["School of Law, Renmin University of China, Beijing 100872, China"])
    other = authorship("D. Partner", [], raw=["Tianjin University of Technology, Tianjin, China"])
    records = [
        work("W1", "One", "2024-06-01", [authorship("A. Lab", [LAB]), wos]),
        work("W2", "Two", "2024-06-01", [authorship("A. Lab", [LAB]), renmin]),
        work("W3", "Three", "2024-06-01", [authorship("A. Lab", [LAB]), other]),
    ]
    results = engines_agree(claims, [write_jsonl(tmp_path / "works.jsonl", records)], tmp_path / "cache")
    (result,) = results.results
    assert sorted(f.work.id for f in result.findings) == ["W1", "W2"]
    assert result.verdict == "contradicted"

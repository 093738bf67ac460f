"""A false accusation a review of verdicts on real lists found (issue 18, eleventh part): a listed
name that the affiliation runs straight on from into another word ("Tianjin University Renai
College", "Tianjin Univ Technol" for Tianjin University of Technology, "Chongqing University
Town") was a certain match. It is a doubt now, unless the word is a part of the institution (a
school, a lab) or a place ("Harbin Institute of Technology Shenzhen")."""

from __future__ import annotations

import pytest

from claimwatch import claims as claims_mod
from helpers import authorship, institution, work, write, write_jsonl
from test_columnar_engine import engines_agree

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
  - {id: tju, name: Tianjin University, country: CN, listed_from: 2020-06-05, verified: true}
  - {id: cqu, name: Chongqing University, country: CN, listed_from: 2020-06-05, verified: true}
  - {id: hit, name: Harbin Institute of Technology, country: CN, listed_from: 2020-06-05, verified: true}
"""

RUNS_ON = [
    "Tianjin University Renai College, Tianjin 301636, China",
    "Tianjin Univ Technol, Sch Comp Sci & Engn, Tianjin 300384, Peoples R China",
    "Chongqing Normal University, Chongqing University Town, Chongqing 401331, China",
]
STANDS = [
    "Harbin Institute of Technology Shenzhen, Shenzhen 518055, China",
    "Tianjin University School of Computer Science, Tianjin, China",
    "School of Computer Science, Tianjin University, Tianjin 300072, China",
    "Chongqing University, Chongqing 400044, China",
]


def _verdict_of(tmp_path, raw: str):
    write(tmp_path / "claims/c.yaml", CLAIMS)
    write(tmp_path / "evidence/lists/named.yaml", LIST)
    claims = claims_mod.load_claims([tmp_path / "claims/c.yaml"], root=tmp_path)
    partner = authorship("B. Partner", [], raw=[raw])
    records = [work("W1", "One", "2024-06-01", [authorship("A. Lab", [LAB]), partner])]
    results = engines_agree(claims, [write_jsonl(tmp_path / "works.jsonl", records)], tmp_path / "cache")
    (result,) = results.results
    return result


@pytest.mark.parametrize("raw", RUNS_ON)
def test_a_name_running_on_into_another_word_is_a_doubt(tmp_path, raw):
    result = _verdict_of(tmp_path, raw)
    assert not result.findings
    (finding,) = result.uncertain_findings
    assert any("runs on into" in why for why in finding.uncertain_because)


@pytest.mark.parametrize("raw", STANDS)
def test_a_name_going_on_into_a_part_of_it_or_a_place_still_matches(tmp_path, raw):
    result = _verdict_of(tmp_path, raw)
    assert [f.work.id for f in result.findings] == ["W1"]

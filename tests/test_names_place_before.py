"""A place right before a listed name (issue 18, twenty-seventh part).

The ASPI tracker gives the PLA Navy's Naval Research Academy the alias "Naval Academy", and lists
Dalian Naval Academy apart: "Dalian Naval Acad, Dalian 116018, Peoples R China" named the Naval
Research Academy certainly, a false accusation about it. Institutions are named by their places,
so a city or a province right before a name may begin another institution's name: a doubt, as a
word of direction there is ("West Anhui University")."""

from __future__ import annotations

import pytest

from helpers import coauthor_text_results, project

LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - {id: nra, name: Naval Research Academy, aliases: [Naval Academy], country: CN, verified: true}
  - {id: bit, name: Beijing Institute of Technology, country: CN, verified: true}
"""


@pytest.mark.parametrize(
    ("raw", "verdict"),
    [
        ("Dalian Naval Acad, Dalian 116018, Peoples R China", "insufficient_evidence"),
        ("PLA Dalian Naval Academy, Dalian, Liaoning, China", "insufficient_evidence"),
        # An independent college named by its city before the university's name.
        ("Zhuhai Beijing Institute of Technology, Zhuhai 519088, Guangdong, China", "insufficient_evidence"),
        # The place elsewhere, or parted from the name, leaves the name itself.
        ("Naval Academy, Beijing 100161, Peoples R China", "contradicted"),
        ("Dept Phys, Beijing Inst Technol, Beijing 100081, Peoples R China", "contradicted"),
        ("Beijing, Naval Academy, Peoples R China", "contradicted"),
        ("Peoples R China Beijing Inst Technol", "contradicted"),
    ],
)
def test_a_place_right_before_a_name_may_begin_another_institutions_name(tmp_path, monkeypatch, capsys, raw, verdict):
    root = project(tmp_path)
    monkeypatch.chdir(root)
    results = coauthor_text_results(root, LIST, raw)
    capsys.readouterr()
    assert results[0]["verdict"] == verdict

"""Web of Science's abbreviations of more words of listed names (issue 18, twenty-sixth part).

"Polytech" was read only as "Polytechnical", so "Tianjin Polytech Univ" named no Tianjin
Polytechnic University (on the ASPI tracker): the claim was cleared. "Lab", "Adv", "Struct",
"Comp", "Syst", "Simulat" and "Proc" were not read at all, so "State Key Lab Math Engn & Adv Comp",
"Southwest Inst Struct Mech", "Southwest Comp Ctr" and "Key Lab Complex Aviat Syst Simulat" (the
tracker's aliases) named nothing. Each is read as the word it stands for, and where it stands
for several ("Comp": Computer, Computing) as each; written-out words are never read otherwise."""

from __future__ import annotations

import pytest

from claimwatch.columnar import search_form
from claimwatch.evaluate._grouping import _name_needles
from claimwatch.evaluate._names import NameMatcher
from helpers import coauthor_text_results, project

NAMES = [
    ("tjpu", "Tianjin Polytechnic University"),
    ("nwpu", "Northwestern Polytechnical University"),
    ("skl", "State Key Laboratory of Mathematical Engineering and Advanced Computing"),
    ("swism", "Southwest Institute of Structural Mechanics"),
    ("swcc", "Southwest Computing Center"),
    ("hplL", "High Power Laser Laboratory"),
    ("kl", "Key Laboratory of Complex Aviation System Simulation"),
    ("bit", "Beijing Institute of Computer Technology"),
]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Tianjin Polytech Univ, Sch Comp Sci & Technol, Tianjin 300387, Peoples R China", ["tjpu"]),
        ("Tianjin Polytech. Univ., Tianjin, China", ["tjpu"]),
        ("Northwestern Polytech Univ, Sch Comp Sci, Xian 710072, Peoples R China", ["nwpu"]),
        # Written out, a word is that word: "Polytechnical" is not "Polytechnic".
        ("Tianjin Polytechnical University, Tianjin", []),
        ("Northwestern Polytechnic University, Fremont, CA 94539", []),
        ("State Key Lab Math Engn & Adv Comp, Zhengzhou 450001, Peoples R China", ["skl"]),
        ("Southwest Inst Struct Mech, Mianyang 621000, Peoples R China", ["swism"]),
        ("Southwest Comp Ctr, Mianyang 621000, Peoples R China", ["swcc"]),
        ("Southwest Computer Center, Mianyang", []),
        ("High Power Laser Lab, Shanghai 201800, Peoples R China", ["hplL"]),
        ("Key Lab Complex Aviat Syst Simulat, Beijing 100076, Peoples R China", ["kl"]),
        ("Beijing Inst Comp Technol, Beijing 100854, Peoples R China", ["bit"]),
        ("Beijing Inst Computing Technol, Beijing", []),
    ],
)
def test_more_web_of_science_abbreviations_are_read_as_the_words_they_stand_for(text, found):
    hits = NameMatcher(NAMES).find(text)
    assert sorted({h.key for h in hits}) == found
    names = [n for k, n in NAMES if k in found]
    assert all(any(needle in search_form(text) for needle in _name_needles([n])) for n in names)


LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - {id: tjpu, name: Tianjin Polytechnic University, country: CN, verified: true}
"""


@pytest.mark.parametrize(
    ("raw", "verdict"),
    [
        ("Tianjin Polytech Univ, Sch Comp Sci & Technol, Tianjin 300387, Peoples R China", "contradicted"),
        ("Tianjin Polytechnical Univ, Tianjin, Peoples R China", "insufficient_evidence"),
    ],
)
def test_a_whole_check_reads_polytech_as_polytechnic_on_both_engines(tmp_path, monkeypatch, capsys, raw, verdict):
    root = project(tmp_path)
    monkeypatch.chdir(root)
    results = coauthor_text_results(root, LIST, raw)
    capsys.readouterr()
    assert results[0]["verdict"] == verdict
    assert bool(results[0]["findings"]) is (verdict == "contradicted")

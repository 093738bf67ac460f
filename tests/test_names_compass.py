"""Web of Science's compass letters and hospital words in listed names (issue 18, twenty-seventh part).

Web of Science writes "Cent S Univ" (Central South University), "NW Polytech Univ"
(Northwestern Polytechnical University), "NE Univ" (Northeastern University, Shenyang), "SE Univ",
"S China Univ Technol", "N Univ China", "SW Univ Sci & Technol", "E China Univ Technol", and
"Peoples Liberat Army Gen Hosp": none of these was read, so a coauthor so written at a listed
institution named nothing and the claim was cleared. The two letters are read as the compass word
("NW": Northwest) and as its "-ern" form (Northwestern), one letter (N, S, E, W) only as the
other reading, never in place of a word written: "Queen's" is still "Queen s"."""

from __future__ import annotations

import pytest

from helpers import coauthor_text_results, names_found, project

NAMES = [
    ("csu", "Central South University"),
    ("nwpu", "Northwestern Polytechnical University"),
    ("neu", "Northeastern University"),
    ("seu", "Southeast University"),
    ("scut", "South China University of Technology"),
    ("nuc", "North University of China"),
    ("swust", "Southwest University of Science and Technology"),
    ("ecut", "East China University of Technology"),
    ("nint", "Northwest Institute of Nuclear Technology"),
    ("usc", "University of South China"),
    ("plagh", "Chinese People's Liberation Army General Hospital"),
    ("qsc", "Queen's College"),
]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Cent S Univ, Sch Math & Stat, Changsha 410083, Hunan, Peoples R China", ["csu"]),
        ("NW Polytech Univ, Xian 710072, Peoples R China", ["nwpu"]),
        ("NE Univ, Coll Informat Sci & Engn, Shenyang 110819, Peoples R China", ["neu"]),
        ("SE Univ, Nanjing 210096, Peoples R China", ["seu"]),
        ("S China Univ Technol, Guangzhou 510640, Peoples R China", ["scut"]),
        ("N Univ China, Taiyuan 030051, Peoples R China", ["nuc"]),
        ("SW Univ Sci & Technol, Mianyang 621010, Peoples R China", ["swust"]),
        ("E China Univ Technol, Nanchang 330013, Peoples R China", ["ecut"]),
        ("NW Inst Nucl Technol, Xian 710024, Peoples R China", ["nint"]),
        ("Univ S China, Hengyang 421001, Peoples R China", ["usc"]),
        ("Chinese Peoples Liberat Army Gen Hosp, Beijing 100853, Peoples R China", ["plagh"]),
        # Other institutions written so are not these: the words and their order tell them apart.
        ("E China Univ Sci & Technol, Shanghai 200237, Peoples R China", []),
        ("NE Normal Univ, Changchun, Peoples R China", []),
        ("Cent China Normal Univ, Wuhan, Peoples R China", []),
        ("SW Jiaotong Univ, Chengdu 610031, Peoples R China", []),
        ("Univ W England, Bristol BS16 1QY, Avon, England", []),
        # An apostrophe's "s" is no "South", nor a word written out read as a letter.
        ("Queen's College, Oxford", ["qsc"]),
        # The apostrophe lost and its space kept, as PDF extraction gives it: the same words as
        # "Queen's College" folded, so the name itself (the country rule tells Oxford from elsewhere).
        ("The Queen s College, Oxford", ["qsc"]),
        ("China's North University, Taiyuan", []),
        ("S. China University, Guangzhou", []),
        # Nor is an apostrophe's "s" the text lost ("People s", as PDFs give "People's"): Web of
        # Science writes its compass letters in capitals.
        ("Guangdong Prov People s China University of Technology, Guangzhou", []),
        ("Dept Chem, Queen s China Univ Technol, Guangzhou 510640", []),
    ],
)
def test_web_of_science_compass_letters_are_read_as_the_words_they_stand_for(text, found):
    assert names_found(NAMES, text) == found


LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - {id: csu, name: Central South University, country: CN, verified: true}
  - {id: neu, name: Northeastern University, country: CN, verified: true, addresses: ["Shenyang, Liaoning, China"]}
  - {id: ahu, name: Anhui University, country: CN, verified: true}
  - {id: scut, name: South China University of Technology, country: CN, verified: true}
"""


@pytest.mark.parametrize(
    ("raw", "verdict"),
    [
        ("Cent S Univ, Sch Math & Stat, Changsha 410083, Hunan, Peoples R China", "contradicted"),
        ("NE Univ, Coll Informat Sci & Engn, Shenyang 110819, Liaoning, Peoples R China", "contradicted"),
        # Boston's Northeastern University, written as Web of Science writes either: never the listed one.
        ("NE Univ, Dept Elect & Comp Engn, Boston, MA 02115 USA", "insufficient_evidence"),
        # Another university whose name begins so: a doubt, never a finding.
        ("Cent S Univ Forestry & Technol, Changsha 410004, Hunan, Peoples R China", "insufficient_evidence"),
        ("S China Univ Technol, Guangzhou 510640, Peoples R China", "contradicted"),
        # A lower-case "s" (an apostrophe's the text lost) is no compass letter.
        ("Guangdong Prov People s China Univ Technol, Guangzhou 510640, Peoples R China", "insufficient_evidence"),
    ],
)
def test_a_whole_check_reads_compass_letters_on_both_engines(tmp_path, monkeypatch, capsys, raw, verdict):
    root = project(tmp_path)
    monkeypatch.chdir(root)
    results = coauthor_text_results(root, LIST, raw)
    capsys.readouterr()
    assert results[0]["verdict"] == verdict


@pytest.mark.parametrize(
    ("raw", "verdict"),
    [
        # West Anhui University (皖西学院), as Web of Science writes it: another university.
        ("W Anhui Univ, Sch Elect & Informat Engn, Luan 237012, Anhui, Peoples R China", "insufficient_evidence"),
        ("NW Anhui Univ, Anhui, Peoples R China", "insufficient_evidence"),
        ("Cent Anhui Univ, Anhui, Peoples R China", "insufficient_evidence"),
        # An apostrophe's "s" before the name is no compass letter.
        ("China's Anhui University, Hefei 230601, Anhui, China", "contradicted"),
        ("Sch Phys & Optoelect Engn, Anhui Univ, Hefei 230601, Peoples R China", "contradicted"),
    ],
)
def test_a_compass_letter_right_before_a_name_may_begin_another_institutions_name(
    tmp_path, monkeypatch, capsys, raw, verdict
):
    root = project(tmp_path)
    monkeypatch.chdir(root)
    results = coauthor_text_results(root, LIST, raw)
    capsys.readouterr()
    assert results[0]["verdict"] == verdict


LETTERS = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - {id: nuc, name: North University of China, country: CN, verified: true}
  - {id: ecut, name: East China University of Technology, country: CN, verified: true}
  - {id: scut, name: South China University of Technology, country: CN, verified: true}
"""


@pytest.mark.parametrize(
    ("raw", "verdict"),
    [
        # A lone compass letter after a word may be that word's letter, a room's or a department's,
        # or an author's initial: a doubt, never a finding.
        ("Room N Univ China, Taiyuan 030051, Peoples R China", "insufficient_evidence"),
        ("Dept E China Univ Technol, Nanchang 330013, Peoples R China", "insufficient_evidence"),
        ("J S China Univ Technol, Guangzhou 510640, Peoples R China", "insufficient_evidence"),
        ("Lab 3 S China Univ Technol, Guangzhou 510640, Peoples R China", "insufficient_evidence"),
        # Beginning the text or a part of it, as Web of Science writes them: the listed university.
        ("N Univ China, Taiyuan 030051, Peoples R China", "contradicted"),
        ("Sch Chem & Chem Engn, S China Univ Technol, Guangzhou 510640, Peoples R China", "contradicted"),
        ("Dept Chem (E China Univ Technol), Nanchang 330013, Peoples R China", "contradicted"),
        # Written out, the word is no letter.
        ("Dept Chem North University of China, Taiyuan 030051, China", "contradicted"),
    ],
)
def test_a_compass_letter_after_a_word_may_be_that_words_letter(tmp_path, monkeypatch, capsys, raw, verdict):
    root = project(tmp_path)
    monkeypatch.chdir(root)
    results = coauthor_text_results(root, LETTERS, raw)
    capsys.readouterr()
    assert results[0]["verdict"] == verdict

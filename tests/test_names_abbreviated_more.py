"""Web of Science's abbreviations of more words of listed names (issue 18, twenty-sixth part).

"Polytech" was read only as "Polytechnical", so "Tianjin Polytech Univ" named no Tianjin
Polytechnic University (on the ASPI tracker): the claim was cleared. "Lab", "Adv", "Struct",
"Comp", "Syst", "Simulat" and "Proc" were not read at all, so "State Key Lab Math Engn & Adv Comp",
"Southwest Inst Struct Mech", "Southwest Comp Ctr" and "Key Lab Complex Aviat Syst Simulat" (the
tracker's aliases) named nothing. Each is read as the word it stands for, and where it stands
for several ("Comp": Computer, Computing) as each; written-out words are never read otherwise."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimwatch.columnar import search_form
from claimwatch.evaluate._grouping import _name_needles
from claimwatch.evaluate._names import NameMatcher
from helpers import coauthor_text_results, names_found, project

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
    assert names_found(NAMES, text) == found


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


# Web of Science leaves out a name's "for" as it does its "of", and a "the" after either: "Engn
# Univ CAPF" (the tracker's Engineering University of the CAPF), "Natl Key Lab Parallel &
# Distributed Proc" (its National Key Laboratory for Parallel and Distributed Processing), "Ctr
# High Pressure Sci & Technol Adv Res" were not found; nor "Engineering University of CAPF", as
# authors write it.
INNER_NAMES = [
    ("capf", "Engineering University of the CAPF"),
    ("pdl", "National Key Laboratory for Parallel and Distributed Processing"),
    ("hpstar", "Center for High Pressure Science & Technology Advanced Research"),
    ("tju", "Tianjin University"),
]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Engn Univ CAPF, Xian 710086, Peoples R China", ["capf"]),
        ("Engineering University of CAPF, Xi'an 710086, China", ["capf"]),
        ("Engineering University of the CAPF, Xi'an", ["capf"]),
        ("Natl Key Lab Parallel & Distributed Proc, Changsha 410073, Hunan, Peoples R China", ["pdl"]),
        ("Ctr High Pressure Sci & Technol Adv Res, Shanghai 201203, Peoples R China", ["hpstar"]),
        # Leaving words out of the name finds it, never another's: "of Technology" still makes
        # Tianjin University of Technology, and the words left out are only those inside a name.
        ("Tianjin University of Technology, Tianjin", []),
        ("Engineering University the CAPF", []),
        ("Engn Univ, CAPF", []),
    ],
)
def test_a_name_s_inner_of_for_and_the_are_left_out_as_web_of_science_writes_it(text, found):
    hits = NameMatcher(INNER_NAMES).find(text)
    assert sorted({h.key for h in hits if h.crosses is None}) == found
    names = [n for k, n in INNER_NAMES if k in found]
    assert all(any(needle in search_form(text) for needle in _name_needles([n])) for n in names)


CAPF_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - {id: capf, name: Engineering University of the CAPF, country: CN, verified: true}
"""


@pytest.mark.parametrize(
    "raw", ["Engn Univ CAPF, Xian 710086, Peoples R China", "Engineering University of CAPF, Xi'an"]
)
def test_a_whole_check_finds_a_name_written_without_of_the_on_both_engines(tmp_path, monkeypatch, capsys, raw):
    root = project(tmp_path)
    monkeypatch.chdir(root)
    results = coauthor_text_results(root, CAPF_LIST, raw)
    capsys.readouterr()
    assert (results[0]["verdict"], bool(results[0]["findings"])) == ("contradicted", True)


# "Coll", "Sch" and "Cent" were not read: "Naval Command Coll, Nanjing", "Rocket Force Sergeant
# Sch", "Officers Coll PAP, Chengdu", "Cent South Univ, Changsha" (the tracker's names) named nothing.
SCHOOL_NAMES = [
    ("ncc", "Naval Command College"),
    ("rfss", "Rocket Force Sergeant School"),
    ("ocpap", "Officers College of the PAP"),
    ("csu", "Central South University"),
    ("nju", "Nanjing University"),
]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Naval Command Coll, Nanjing 210016, Jiangsu, Peoples R China", ["ncc"]),
        ("Rocket Force Sergeant Sch, Qingzhou 262500, Peoples R China", ["rfss"]),
        ("Officers Coll PAP, Chengdu 610213, Sichuan, Peoples R China", ["ocpap"]),
        ("Cent South Univ, Sch Automat, Changsha 410083, Hunan, Peoples R China", ["csu"]),
        ("Nanjing Univ, Sch Elect Sci & Engn, Nanjing 210093, Peoples R China", ["nju"]),
        ("Naval Command School, Nanjing", []),
        ("South Univ, Changsha", []),
    ],
)
def test_college_school_and_central_as_web_of_science_abbreviates_them_are_read(text, found):
    hits = NameMatcher(SCHOOL_NAMES).find(text)
    assert sorted({h.key for h in hits}) == found
    names = [n for k, n in SCHOOL_NAMES if k in found]
    assert all(any(needle in search_form(text) for needle in _name_needles([n])) for n in names)


# Three abbreviations read otherwise at once: "Tech" as "Technical", "Chem" as "Chemistry" and
# "Sci" as "Sciences" ("Tech Inst Phys & Chem Chinese Acad Sci", the Technical Institute of
# Physics and Chemistry of the Chinese Academy of Sciences): each two only were read, and the name
# was never found.
THREE_NAMES = [
    ("tipc", "Technical Institute of Physics and Chemistry Chinese Academy of Sciences"),
    ("changfeng", "China Changfeng Mechanics and Electronics Technology Academy"),
]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Tech Inst Phys & Chem Chinese Acad Sci, Beijing 100190, Peoples R China", ["tipc"]),
        ("China Changfeng Mech & Elect Technol Acad, Beijing 100854, Peoples R China", ["changfeng"]),
        # Written out, a word is itself: "Technology" is not "Technical".
        ("Technology Inst Phys & Chem Chinese Acad Sci, Beijing", []),
    ],
)
def test_three_abbreviations_are_read_otherwise_at_once(text, found):
    hits = NameMatcher(THREE_NAMES).find(text)
    assert sorted({h.key for h in hits}) == found


def test_a_text_is_read_otherwise_only_with_the_words_the_names_sought_hold():
    """Every reading gives a word some name holds; and a text holding many abbreviations of many
    words is read with each one and each two of them only, never every combination."""
    from claimwatch.evaluate._names import _MOST_READINGS, _OTHER_READINGS, read_otherwise

    words = ["tech", "inst", "phys", "chem", "chinese", "acad", "sci", "elect", "mech", "ind", "math"]
    sought = {"technical", "chemistry", "sciences"}
    readings = read_otherwise(words, sought)
    assert all(word in sought for reading in readings for _, word in reading)
    assert (("chem", "chemistry"), ("sci", "sciences"), ("tech", "technical")) in readings
    assert len(readings) == 7
    every = read_otherwise(words)
    held = [s for s in sorted(_OTHER_READINGS) if s in words]
    ones = sum(len(_OTHER_READINGS[s]) for s in held)
    assert len(every) > _MOST_READINGS and max(map(len, every)) == 2
    assert len(every) == ones + sum(
        len(_OTHER_READINGS[a]) * len(_OTHER_READINGS[b]) for i, a in enumerate(held) for b in held[i + 1 :]
    )


@pytest.mark.parametrize(
    "text",
    [
        "Vi\u0307\u0301lniaus Universitetas, Vilnius, Lithuania",  # lower() of "VÍLNIAUS" as Lithuanian writes it
        "VI\u0307\u0301LNIAUS UNIVERSITETAS",  # NFC makes "İ" and leaves the accent after it
        "Vilniaus Universi\u0307\u0303tetas",
    ],
)
def test_an_accent_after_the_dot_on_a_lithuanian_i_keeps_the_word_whole(text):
    """Lithuanian writes i̇́, i̇̀, i̇̃ (an i, a combining dot above, an accent): the accent parted
    the word, so "Vi̇́lniaus Universitetas" named no Vilniaus Universitetas, though the query's
    search form holds it. The accent stays inside its word, as the dot does."""
    (hit,) = NameMatcher([("vu", "Vilniaus Universitetas")]).find(text)
    assert hit.matched == text.split(",")[0]
    assert any(needle in search_form(text) for needle in _name_needles(["Vilniaus Universitetas"]))


def _readings_tried(matcher: NameMatcher, text: str) -> int:
    """How many times `matcher` reads `text` with its abbreviations read otherwise."""
    calls = []
    find_words = matcher._find_words

    def counted(*args, **kwargs):
        calls.append(kwargs.get("other"))
        return find_words(*args, **kwargs)

    matcher._find_words = counted  # type: ignore[method-assign]
    matcher.find(text)
    return sum(other is not None for other in calls)


def test_a_text_is_read_with_abbreviations_otherwise_at_once_only_where_one_name_holds_those_words():
    """A Web of Science text holding "Lab", "Syst", "Comp", "Struct", "Technol", "Sci" beside names
    holding "Laboratories", "Systems", "Computing", "Structures" apart was read with each
    one and each two of them, 21 readings where 6 (each alone) find all a reading can: each name
    needs one, and no name is found only in a reading of two no name holds at once. Matching such
    texts took half as long again as before they were read so; the names found are the same (the
    property below)."""
    names = [
        ("a", "Beijing Aerospace Laboratories"),
        ("b", "Shenyang Aircraft Systems"),
        ("c", "Southwest Computing Center"),
        ("d", "Institute of Large Structures"),
        ("e", "Xian Technological University"),
        ("f", "Chinese Academy of Sciences"),
        ("g", "Key Laboratories of Complex Systems"),  # "Laboratories" and "Systems" at once
    ]
    matcher = NameMatcher(names)
    text = "Lab Syst Comp Struct, Xian Technol Univ, Chinese Acad Sci, Beijing"
    assert _readings_tried(matcher, text) == 6 + 1
    assert sorted({h.key for h in matcher.find("Key Lab Complex Syst, Beijing")}) == ["g"]


_WOS_WORDS = ["Lab", "Syst", "Comp", "Struct", "Technol", "Sci", "Tech", "Elect", "Mech", "Math", "Ind", "Polytech"]
_PLAIN_WORDS = ["Key", "Beijing", "Complex", "Inst", "Univ", "Acad", "Chinese", "&", "Xian", "Aerospace", "Large"]


@given(st.lists(st.sampled_from(_WOS_WORDS + _PLAIN_WORDS), min_size=1, max_size=12))
@settings(max_examples=150, deadline=None)
def test_reading_only_the_abbreviations_one_name_holds_at_once_finds_every_name_all_readings_find(words):
    names = [
        ("lab-sys", "Key Laboratories of Complex Systems"),
        ("comp", "Southwest Computing Center"),
        ("struct-tech", "Xian Technological University of Large Structures"),
        ("sci", "Chinese Academy of Sciences"),
        ("three", "Beijing Technical Institute of Electronics and Mechanics"),
        ("mech-math", "Institute of Mathematical Mechanics"),
        ("poly", "Tianjin Polytechnic University"),
    ]
    text = " ".join(words)
    every_reading = NameMatcher(names)
    every_reading._some_form_holds = lambda reading: True  # type: ignore[method-assign]
    assert NameMatcher(names).find(text) == every_reading.find(text)


# The ASPI tracker's and the CSL excerpt's names (../shared/data), as Web of Science abbreviates
# their words ("Int", "Relat", "Publ", "Secur", "Aerodynam", "Dev", "Semicond", "Environm",
# "Transportat", "Automat", "Propuls", "Polit"): none was read, so each named nothing.
SIXTH = [
    ("uir", "University of International Relations"),
    ("iip", "Institute of International Politics"),
    ("ppsuc", "People's Public Security University of China"),
    ("cardc", "China Aerodynamics Research and Development Center"),
    ("cetc13", "Hebei Semiconductor Research Institute"),
    ("swiet", "Southwest Institute of Environmental Testing"),
    ("amt", "Academy of Military Transportation"),
    ("bacei", "Beijing Automation Control Equipment Institute"),
    ("aaspt", "Academy of Aerospace Solid Propulsion Technology"),
]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Univ Int Relat, Beijing 100091, Peoples R China", ["uir"]),
        ("Inst Int Polit, Beijing, Peoples R China", ["iip"]),
        ("Peoples Publ Secur Univ China, Sch Informat Technol, Beijing 100038, Peoples R China", ["ppsuc"]),
        ("China Aerodynam Res & Dev Ctr, Mianyang 621000, Sichuan, Peoples R China", ["cardc"]),
        ("Hebei Semicond Res Inst, Shijiazhuang 050051, Hebei, Peoples R China", ["cetc13"]),
        ("Southwest Inst Environm Testing, Mianyang, Peoples R China", ["swiet"]),
        ("Acad Mil Transportat, Tianjin, Peoples R China", ["amt"]),
        ("Beijing Automat Control Equipment Inst, Beijing, Peoples R China", ["bacei"]),
        ("Acad Aerosp Solid Propuls Technol, Xian, Peoples R China", ["aaspt"]),
        # Another institution's words, in their order, are not these.
        ("Univ Int Business & Econ, Beijing, Peoples R China", []),
        ("China Acad Aerosp Aerodynam, Beijing, Peoples R China", []),
        ("Sch Int Relat & Publ Affairs, Fudan Univ, Shanghai, Peoples R China", []),
    ],
)
def test_web_of_science_abbreviations_of_listed_words_are_read(text, found):
    assert names_found(SIXTH, text) == found


@pytest.mark.parametrize(
    ("raw", "verdict"),
    [
        ("Univ Int Relat, Beijing 100091, Peoples R China", "contradicted"),
        ("China Aerodynam Res & Dev Ctr, Mianyang 621000, Sichuan, Peoples R China", "contradicted"),
        ("Univ Int Business & Econ, Beijing, Peoples R China", "insufficient_evidence"),
    ],
)
def test_a_whole_check_reads_them_on_both_engines(tmp_path, monkeypatch, capsys, raw, verdict):
    root = project(tmp_path)
    monkeypatch.chdir(root)
    list_yaml = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - {id: uir, name: University of International Relations, country: CN, verified: true}
  - {id: cardc, name: China Aerodynamics Research and Development Center, country: CN, verified: true}
"""
    results = coauthor_text_results(root, list_yaml, raw)
    capsys.readouterr()
    assert results[0]["verdict"] == verdict


# IEEE's "Inf." and "Comput." (with a full stop, as its affiliations write them; "Comput." for
# Computer, Computing and Computational), of the tracker's names.
IEEE = [
    ("ieu", "Information Engineering University"),
    ("iapcm", "Institute of Applied Physics and Computational Mathematics"),
    ("swcc", "Southwest Computing Center"),
    ("niit", "Nanjing Institute of Information Technology"),
]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Inf. Eng. Univ., Zhengzhou, China", ["ieu"]),
        ("Inst. of Appl. Phys. & Comput. Math., Beijing, China", ["iapcm"]),
        ("Southwest Comput. Center, Mianyang, China", ["swcc"]),
        ("Nanjing Inst. of Inf. Technol., Nanjing, China", ["niit"]),
        # Another institution's words are still not these.
        ("Nanjing Univ. of Inf. Sci. & Technol., Nanjing, China", []),
        ("Sch. of Comput. Sci., Inf. Eng. Coll., Zhengzhou, China", []),
    ],
)
def test_ieee_s_inf_and_comput_are_read(text, found):
    assert names_found(IEEE, text) == found

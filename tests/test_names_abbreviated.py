"""Names as Web of Science abbreviates them, written with a Turkish dotted or dotless i, and
with a hyphen inside a word (issue 18, twenty-fifth part).

Web of Science writes "Technol" for "Technological" as for "Technology": "Xian Technol Univ" is
Xi'an Technological University, on the ASPI tracker, and was not found; "Xian Univ Technol" is
Xi'an University of Technology, another university, which the order of the words tells apart.
It writes "Engn" for "Engineering": "Harbin Engn Univ" (Harbin Engineering University, a Seven
Sons university) was not found either.

A Turkish text may write a dotless ı where a name writes i ("Teknık", as text lower-cased under
Turkish rules does), and lower() writes a capital İ as i and a combining dot ("i̇stanbul"), which
cut the word in two: neither was found. Folding reads ı as i, as it reads a capital I, and a word
keeps the dot on its i.

A hyphen inside a word ("North\u2010western Polytechnical University") parted it in two, so the
list's "Northwestern Polytechnical University" was not found, not even in doubt. Read with the
hyphen joining the word, a name is found, as a doubt: "North-West University" (South Africa) is
not "Northwest University" (Xi'an). A soft hyphen shows nothing and is read through: a finding."""

from __future__ import annotations

import pytest

from claimwatch.columnar import search_form
from claimwatch.evaluate._grouping import _name_needles
from claimwatch.evaluate._matchers import ListMatcher
from claimwatch.evaluate._names import NameMatcher
from claimwatch.lists import ListEntry, import_aspi
from claimwatch.lists._model import ReferenceList, Source
from claimwatch.works import Authorship
from helpers import coauthor_text_results, project

XATU = "Xi'an Technological University"
XAUT = "Xi'an University of Technology"
NAMES = [
    ("xatu", XATU),
    ("xaut", XAUT),
    ("heu", "Harbin Engineering University"),
    ("hit", "Harbin Institute of Technology"),
    ("nwpu", "Northwestern Polytechnical University"),
    ("buaa", "Beijing University of Aeronautics and Astronautics"),
    ("nudt", "National University of Defense Technology"),
    ("tud", "Technological University Dublin"),
    ("uestc", "University of Electronic Science and Technology of China"),
    ("caep", "China Academy of Engineering Physics"),
    ("amms", "Academy of Military Medical Sciences"),
    ("cas", "Chinese Academy of Sciences"),
    ("iapcm", "The Institute of Applied Physics and Computational Mathematics, Beijing"),
    ("cumt", "China University of Mining and Technology"),
    ("casic", "China Aerospace Science and Industry Corporation"),
    ("ninT", "Northwest Institute of Nuclear Technology"),
    ("cetc", "China Electronics Technology Group Corporation"),
]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Xian Technol Univ, Sch Comp Sci, Xian 710021, Peoples R China", ["xatu"]),
        ("Xi'an Technol. Univ., Xi'an, China", ["xatu"]),
        ("Xian Univ Technol, Sch Automat & Informat Engn, Xian 710048, Peoples R China", ["xaut"]),
        ("Xian Technological Univ, Xian", ["xatu"]),
        # Neither reading of "Technol" turns one order of the words into the other's.
        ("Xian Technology University", []),
        ("Xian Univ Technological", []),
        ("Harbin Engn Univ, Coll Comp Sci & Technol, Harbin 150001, Peoples R China", ["heu"]),
        ("Harbin Inst Technol, Sch Comp Sci & Technol, Harbin 150001, Peoples R China", ["hit"]),
        ("Northwestern Polytech Univ, Sch Comp Sci, Xian 710072, Peoples R China", ["nwpu"]),
        ("Beijing Univ Aeronaut & Astronaut, Sch Comp Sci & Engn, Beijing 100191, Peoples R China", ["buaa"]),
        ("Natl Univ Def Technol, Coll Comp, Changsha 410073, Hunan, Peoples R China", ["nudt"]),
        ("Technol Univ Dublin, Sch Comp Sci, Dublin, Ireland", ["tud"]),
        ("Sch Comp Sci, Technol Univ Dublin", ["tud"]),
        ("Coll Comp Sci & TechnolTechnol Univ Dublin", ["tud"]),  # run together, Crossref's way
        ("Univ Elect Sci & Technol China, Sch Comp Sci & Engn, Chengdu 611731, Peoples R China", ["uestc"]),
        ("China Acad Engn Phys, Inst Elect Engn, Mianyang 621900, Sichuan, Peoples R China", ["caep"]),
        ("Acad Mil Med Sci, Inst Basic Med Sci, Beijing 100850, Peoples R China", ["amms"]),
        ("Chinese Acad Sci, Inst Automat, Beijing 100190, Peoples R China", ["cas"]),
        ("China Univ Min & Technol, Sch Comp Sci & Technol, Xuzhou 221116, Jiangsu, Peoples R China", ["cumt"]),
        ("China Aerosp Sci & Ind Corp, Beijing 100854, Peoples R China", ["casic"]),
        ("Northwest Inst Nucl Technol, Xian 710024, Peoples R China", ["ninT"]),
        ("China Elect Technol Grp Corp, Res Inst 14, Nanjing 210039, Peoples R China", ["cetc"]),
    ],
)
def test_web_of_science_s_abbreviations_read_as_the_words_they_stand_for(text, found):
    assert sorted({h.key for h in NameMatcher(NAMES).find(text)}) == found


def test_a_full_stop_after_a_web_of_science_abbreviation_still_may_begin_a_part():
    """Web of Science writes no full stop: "Phys." ends a word written out, so a name after it
    without its "the" is a doubt, as after "Physics.", not nothing, as after "Natl."."""
    text = "Dept. of Phys. Institute of Applied Physics and Computational Mathematics, Beijing 100088"
    (hit,) = NameMatcher(NAMES).find(text)
    assert (hit.key, hit.joined_to) == ("iapcm", ".")


# Web of Science's abbreviations of the words of the tracker's names (its address abbreviations).
_AS_WEB_OF_SCIENCE_WRITES = {
    "University": "Univ", "Institute": "Inst", "Technology": "Technol", "Technological": "Technol",
    "Engineering": "Engn", "Science": "Sci", "Sciences": "Sci", "National": "Natl", "Academy": "Acad",
    "Electronic": "Elect", "Electronics": "Elect", "Aeronautics": "Aeronaut", "Astronautics": "Astronaut",
    "Polytechnical": "Polytech", "Defense": "Def", "Telecommunications": "Telecommun", "Physics": "Phys",
    "Military": "Mil", "Medical": "Med", "Information": "Informat", "Mining": "Min", "Chemical": "Chem",
    "Research": "Res", "Center": "Ctr", "Aerospace": "Aerosp", "Nuclear": "Nucl", "Industry": "Ind",
    "Corporation": "Corp", "Communication": "Commun", "Aviation": "Aviat", "Logistics": "Logist",
    "Industries": "Ind", "Industrial": "Ind", "Applied": "Appl", "Computational": "Computat",
    "Mathematics": "Math", "Mathematical": "Math", "Mechanics": "Mech", "Mechanical": "Mech",
    "Technical": "Tech", "Electric": "Elect", "Limited": "Ltd", "Polytechnic": "Polytech", "Laboratory": "Lab",
    "Advanced": "Adv", "Structural": "Struct", "Computer": "Comp", "Computing": "Comp", "System": "Syst",
    "Simulation": "Simulat", "Processing": "Proc", "College": "Coll", "School": "Sch", "Central": "Cent",
}  # fmt: skip


def test_the_tracker_s_names_as_web_of_science_writes_them_are_found_certainly(shared_data):
    """Each English name of the ASPI tracker, abbreviated as Web of Science writes addresses,
    without "of", "for" or "the" ("Engn Univ CAPF", "Natl Key Lab Parallel & Distributed Proc"),
    "&" for "and", no apostrophe: found, no doubt, the entry it names."""
    document = import_aspi(shared_data / "aspi/misp-galaxy-china-defence-universities.json", list_id="aspi")
    matcher = ListMatcher(ReferenceList.model_validate(document))
    missed = []
    for entry in document["entries"]:
        name = entry["name"]
        if not name.isascii() or "(" in name:
            continue
        left_out = ("of", "for", "the")
        words = [_AS_WEB_OF_SCIENCE_WRITES.get(w, w) for w in name.replace("'", "").split() if w not in left_out]
        written = " ".join("&" if w == "and" else w for w in words) + ", Peoples R China"
        hits = matcher.hits(Authorship("A", 0, raw_affiliations=(written,)))
        if not any(h.entry.id == entry["id"] and h.doubt is None for h in hits):
            missed.append(written)
    assert missed == []


def _list(*names: str) -> ReferenceList:
    entries = tuple(ListEntry(id=f"e{i}", name=n, country="CN") for i, n in enumerate(names))
    return ReferenceList(id="l", name="L", sources=(Source(title="s"),), entries=entries)


def test_the_abbreviated_tracker_name_is_a_certain_match_and_not_the_other_university():
    matcher = ListMatcher(_list(XATU, XAUT))
    text = "Xian Technol Univ, Sch Comp Sci, Xian 710021, Peoples R China"
    hits = matcher.hits(Authorship("A", 0, raw_affiliations=(text,)))
    assert [(h.entry.name, h.doubt) for h in hits] == [(XATU, None)]


LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - {id: xatu, name: Xi'an Technological University, country: CN, verified: true}
  - {id: heu, name: Harbin Engineering University, country: CN, verified: true}
"""


@pytest.mark.parametrize(
    ("raw", "verdict"),
    [
        ("Xian Technol Univ, Sch Comp Sci, Xian 710021, Peoples R China", "contradicted"),
        ("Harbin Engn Univ, Coll Comp Sci & Technol, Harbin 150001, Peoples R China", "contradicted"),
        ("Xian Univ Technol, Xian 710048, Peoples R China", "insufficient_evidence"),  # nothing found
    ],
)
def test_a_whole_check_finds_the_abbreviated_names_on_both_engines(tmp_path, monkeypatch, capsys, raw, verdict):
    root = project(tmp_path)
    monkeypatch.chdir(root)
    results = coauthor_text_results(root, LIST, raw)
    capsys.readouterr()
    assert results[0]["verdict"] == verdict
    assert bool(results[0]["findings"]) is (verdict == "contradicted")
    assert not results[0]["uncertain_findings"]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("Istanbul Teknik Universitesi", "Istanbul Teknık Üniversitesi, Maslak, Istanbul, Turkey"),
        ("Istanbul Teknik Universitesi", "i\u0307stanbul teknik u\u0308niversitesi"),  # lower() of İSTANBUL ...
        ("Istanbul Teknik Universitesi", "İSTANBUL TEKNİK ÜNİVERSİTESİ"),
        ("İstanbul Teknik Üniversitesi", "ISTANBUL TEKNIK UNIVERSITESI"),
        ("Teknık Kırıkkale", "Teknik Kirikkale"),
        ("Teknik Kirikkale", "TEKNIK KIRIKKALE, Yahşihan"),
        ("Teknik Kirikkale", "Teknık Kırıkkale"),
    ],
)
def test_a_turkish_dotless_or_dotted_i_is_read_as_i_by_the_matcher_and_the_query(name, text):
    (hit,) = NameMatcher([("k", name)]).find(text)
    assert text[hit.start : hit.end] == hit.matched and hit.matched.split()[-1] == text.split(",")[0].split()[-1]
    assert any(needle in search_form(text) for needle in _name_needles([name]))


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("Istanbul Teknik Universitesi", "Istanbul Teknika Universitesi"),
        ("Kirikkale", "Kırıkkaleli"),  # a longer word
    ],
)
def test_reading_the_turkish_i_joins_no_other_words(name, text):
    assert NameMatcher([("k", name)]).find(text) == []


NWPU = "Northwestern Polytechnical University"


@pytest.mark.parametrize(
    ("name", "text", "joined"),
    [
        (NWPU, "School of Automation, North\u2010western Polytechnical University, Xi'an", True),
        (NWPU, "North\u2011western Polytech Univ, Xian 710072, Peoples R China", True),
        (NWPU, "North-western Polytechnical University", True),
        (NWPU, "North\uff0dwestern Polytechnical University", True),
        (NWPU, "North\u00adwestern Polytechnical University", False),  # a soft hyphen shows nothing
        (NWPU, "Northwestern Polytechnical University", False),
        ("Sun Yat-sen University", "Sun Yatsen Univ, Guangzhou", True),
        ("Sun Yat-sen University", "Sun Yat\u2010sen University", False),  # the hyphen as the name's
        ("Sun Yat-sen University", "Sun Yat Sen Univ, Guangzhou", False),
        ("Northwest University", "North-West University, Potchefstroom, South Africa", True),
        ("North-West University", "Northwest University, Xi'an", True),
    ],
)
def test_a_hit_says_whether_a_hyphen_inside_a_word_was_joined_to_find_it(name, text, joined):
    (hit,) = NameMatcher([("k", name)]).find(text)
    assert hit.hyphen_left_out is joined
    assert text[hit.start : hit.end] == hit.matched
    assert any(needle in search_form(text) for needle in _name_needles([name]))


@pytest.mark.parametrize(
    "text",
    [
        "Tianjin University of-Technology",  # the hyphen joins no word of the name
        "North - western Polytechnical University",  # a dash between spaces parts words
        "North\u2013western Polytechnical University",  # an en dash joins no word
    ],
)
def test_a_hyphen_joins_only_the_word_it_stands_in(text):
    assert NameMatcher([("k", NWPU), ("t", "Tianjin University")]).find(text) == []


def test_a_listed_name_found_only_with_a_hyphen_joined_is_a_doubt_saying_so():
    matcher = ListMatcher(_list(NWPU))
    text = "School of Computer Science, North\u2010western Polytechnical University, Xi'an 710072, China"
    (hit,) = matcher.hits(Authorship("A", 0, raw_affiliations=(text,)))
    assert hit.doubt == (
        "\u201cNorth\u2010western Polytechnical University\u201d and \u201cNorthwestern Polytechnical"
        " University\u201d differ by a hyphen inside a word, and names spelt with and without one may be two"
        " institutions' (North-West University, South Africa, is not Northwest University, Xi'an)"
    )


HYPHEN_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - {id: nwpu, name: Northwestern Polytechnical University, country: CN, verified: true}
"""


@pytest.mark.parametrize(
    ("raw", "verdict"),
    [
        (
            "School of Computer Science, North\u2010western Polytechnical University, Xi'an, China",
            "insufficient_evidence",
        ),
        ("School of Computer Science, North\u00adwestern Polytechnical University, Xi'an, China", "contradicted"),
    ],
)
def test_a_whole_check_reads_a_hyphen_inside_a_word_alike_on_both_engines(tmp_path, monkeypatch, capsys, raw, verdict):
    root = project(tmp_path)
    monkeypatch.chdir(root)
    results = coauthor_text_results(root, HYPHEN_LIST, raw)
    capsys.readouterr()
    assert results[0]["verdict"] == verdict
    assert bool(results[0]["uncertain_findings"]) is (verdict != "contradicted")


# Twenty-fifth part, reviewed: read as "Sciences", Web of Science's "Chinese Acad Sci & Technol
# Dev" (the Chinese Academy of Science and Technology for Development, under the Ministry of
# Science and Technology) named the Chinese Academy of Sciences certainly, where "... Sciences and
# Technology ..." was a doubt: a name running on over an "&" into another word runs on as over an
# "and", and may begin another institution's name.
CAS_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - {id: cas, name: Chinese Academy of Sciences, country: CN, verified: true}
"""


@pytest.mark.parametrize(
    ("text", "doubt"),
    [
        ("Chinese Acad Sci & Technol Dev, Beijing 100038, Peoples R China", "runs on into \u201c& Technol\u201d"),
        ("Chinese Acad Sci\uff06Technol Dev, Beijing, Peoples R China", "runs on into \u201c\uff06Technol\u201d"),
        ("Chinese Academy of Sciences and Technology for Development, Beijing", "runs on into \u201cand\u201d"),
        ("Chinese Acad Sci, Inst Automat, Beijing 100190, Peoples R China", None),
        ("Inst Automat, Chinese Acad Sci & Univ Chinese Acad Sci, Beijing, Peoples R China", None),
        # A second institution spelt out after the "&", as papers' pages write a joint affiliation
        # ("Microsoft Research Asia & Peking University", RepPoints V2's): two names, not one.
        ("Chinese Academy of Sciences & Peking University, Beijing, China", None),
        (
            "Chinese Academy of Sciences & Technology Development Center, Beijing",
            "runs on into \u201c& Technology\u201d",
        ),
    ],
)
def test_a_name_running_on_over_an_ampersand_is_a_doubt(text, doubt):
    entries = (ListEntry(id="cas", name="Chinese Academy of Sciences", country="CN"),)
    rl = ReferenceList(id="l", name="L", sources=(Source(title="s"),), entries=entries)
    (hit,) = ListMatcher(rl).hits(Authorship("A", 0, raw_affiliations=(text,)))
    assert hit.doubt is None if doubt is None else doubt in hit.doubt


def test_a_whole_check_finds_the_academy_of_science_and_technology_for_development_only_a_doubt(
    tmp_path, monkeypatch, capsys
):
    root = project(tmp_path)
    monkeypatch.chdir(root)
    results = coauthor_text_results(root, CAS_LIST, "Chinese Acad Sci & Technol Dev, Beijing 100038, Peoples R China")
    capsys.readouterr()
    assert (results[0]["verdict"], bool(results[0]["findings"])) == ("insufficient_evidence", False)
    assert results[0]["uncertain_findings"]


# Twenty-fifth part, reviewed again: Web of Science writes "Tech" for "Technical" ("Istanbul Tech
# Univ", "Tech Univ Munich"), where IEEE writes it for "Technology": neither was found. It writes
# "Elect" for "Electric" too ("China Elect Power Res Inst", State Grid's China Electric Power
# Research Institute), read only as "Electronic", "Electrical" and "Electronics". And "Ind" for
# "Industries" ("China North Ind Grp", on the tracker), "Appl", "Computat", "Math" and "Mech" for
# "Applied", "Computational", "Mathematics" and "Mechanical" ("Inst Appl Phys & Computat Math",
# the Institute of Applied Physics and Computational Mathematics, on the Entity List), "Ltd" for
# "Limited": none of these was read.
MORE_NAMES = [
    ("itu", "Istanbul Technical University"),
    ("tum", "Technical University of Munich"),
    ("iit", "Istanbul Institute of Technology"),
    ("cepri", "China Electric Power Research Institute"),
    ("ncepu", "North China Electric Power University"),
    ("norinco", "China North Industries Group"),
    ("ordnance", "China Ordnance Industries Group Corporation Limited"),
    ("iapcm", "The Institute of Applied Physics and Computational Mathematics, Beijing"),
    ("swiae", "Southwest Institute of Applied Electronics"),
    ("csrc", "Beijing Computational Science Research Center"),
    ("skl", "State Key Laboratory of Mathematical Engineering and Advanced Computing"),
    ("haiying", "China Haiying Electronic Mechanical Technical Research Academy"),
    ("changfeng", "China Changfeng Mechanics and Electronics Technology Academy"),
]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Istanbul Tech Univ, Fac Comp & Informat, TR-34469 Istanbul, Turkey", ["itu"]),
        ("Tech Univ Munich, Dept Informat, D-85748 Garching, Germany", ["tum"]),
        ("Dept Informat, Tech Univ Munich", ["tum"]),
        ("Technical Univ. of Munich, Garching", ["tum"]),
        ("Istanbul Technol Univ", []),  # "Technol" is never "Technical"
        ("Istanbul Tech Inst", []),  # nor the words' order another's
        ("Istanbul Inst Tech", ["iit"]),  # "Tech" is "Technology" still
        ("China Elect Power Res Inst, Beijing 100192, Peoples R China", ["cepri"]),
        ("North China Elect Power Univ, Sch Elect & Elect Engn, Beijing 102206, Peoples R China", ["ncepu"]),
        ("China North Ind Grp Corp, Beijing 100053, Peoples R China", ["norinco"]),
        ("China Ordnance Ind Grp Corp Ltd, Beijing 100089, Peoples R China", ["ordnance"]),
        ("Inst Appl Phys & Computat Math, Beijing 100088, Peoples R China", ["iapcm"]),
        ("Southwest Inst Appl Elect, Mianyang 621900, Sichuan, Peoples R China", ["swiae"]),
        ("Beijing Computat Sci Res Ctr, Beijing 100193, Peoples R China", ["csrc"]),
        ("State Key Lab Math Engn & Adv Comp, Zhengzhou 450001, Peoples R China", ["skl"]),
        ("China Haiying Elect Mech Tech Res Acad, Beijing 100074, Peoples R China", ["haiying"]),
        # Two abbreviations read otherwise at once ("Mech" as "Mechanics", "Elect" as "Electronics"):
        # CASIC's Second Academy, on the tracker, was read one at a time and so never found.
        ("China Changfeng Mech & Elect Technol Acad, Beijing 100854, Peoples R China", ["changfeng"]),
        ("China Changfeng Mech & Elect Technol Inst, Beijing, Peoples R China", []),  # nor another's words
    ],
)
def test_web_of_science_s_abbreviations_of_other_words_are_read(text, found):
    hits = NameMatcher(MORE_NAMES).find(text)
    assert sorted({h.key for h in hits}) == found
    names = [n for k, n in MORE_NAMES if k in found]
    assert all(any(needle in search_form(text) for needle in _name_needles([n])) for n in names)


TECHNICAL_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - {id: itu, name: Istanbul Technical University, country: TR, verified: true}
  - {id: iapcm, name: Institute of Applied Physics and Computational Mathematics, country: CN, verified: true}
"""


@pytest.mark.parametrize(
    ("raw", "verdict"),
    [
        ("Istanbul Tech Univ, Fac Comp & Informat, TR-34469 Istanbul, Turkey", "contradicted"),
        ("Inst Appl Phys & Computat Math, Beijing 100088, Peoples R China", "contradicted"),
        ("Istanbul Technol Univ, Istanbul, Turkey", "insufficient_evidence"),
    ],
)
def test_a_whole_check_reads_the_other_words_on_both_engines(tmp_path, monkeypatch, capsys, raw, verdict):
    root = project(tmp_path)
    monkeypatch.chdir(root)
    results = coauthor_text_results(root, TECHNICAL_LIST, raw)
    capsys.readouterr()
    assert results[0]["verdict"] == verdict
    assert bool(results[0]["findings"]) is (verdict == "contradicted")


@pytest.mark.parametrize(
    "text",
    [
        "China Elect Power Res Inst, Beijing 100192, Peoples R China",
        "North China Elect Power Univ, Sch Elect & Elect Engn, Beijing 102206, Peoples R China",
    ],
)
def test_china_electronics_in_an_electric_power_text_stays_a_doubt(text):
    """Read as "Electric", the text names the China Electric Power Research Institute; read as
    "Electronics", China Electronics (China Electronics Corporation's alias) running on into
    "Power". The text does not say which: a doubt about the listed one, never silence."""
    entries = (ListEntry(id="cec", name="China Electronics Corporation", aliases=("China Electronics",), country="CN"),)
    rl = ReferenceList(id="l", name="L", sources=(Source(title="s"),), entries=entries)
    (hit,) = ListMatcher(rl).hits(Authorship("A", 0, raw_affiliations=(text,)))
    assert "runs on into \u201cPower\u201d" in (hit.doubt or "")


# The Entity List's row as the CSL of 2023-11 gives it (moov-io/watchman's test/testdata/csl.csv at
# c815c599), with two of its nine aliases: VNIIEF, the Russian Federal Nuclear Center at Sarov.
VNIIEF_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: vniief
    name: All-Russian Scientific Research Institute of Experimental Physics (VNIIEF)
    aliases: [Institute of Experimental Physics, "ARIEP (All Russian Institute for Experimental Physics)"]
    country: RU
    addresses: ["37 Mira Ave. Sarov, Nizhny Novgorod Region, 607188, RU"]
    verified: true
"""


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        # Web of Science writes "Experimental" as "Expt" (found in the thirty-fifth part: nothing
        # was found in these, the claim cleared in silence, where "Technol" was read out already).
        ("All Russian Res Inst Expt Phys, Sarov 607188, Russia", "match"),
        ("Russian Fed Nucl Ctr, All Russian Res Inst Expt Phys, Sarov 607190, Nizhnii Novgorod Reg, Russia", "match"),
        ("Inst Expt Phys, Sarov, Russia", "match"),  # as "Institute of Experimental Physics, Sarov" is
        # Another country's institute of the name, as written in full: nothing.
        ("Slovak Acad Sci, Inst Expt Phys, Kosice 04001, Slovakia", "nothing"),
    ],
)
def test_experimental_abbreviated_as_web_of_science_does(tmp_path, monkeypatch, capsys, raw, found):
    from helpers import coauthor_text_found

    coauthor_text_found(tmp_path, monkeypatch, capsys, VNIIEF_LIST, raw, found)


def test_expt_is_read_as_experiment_too():
    from claimwatch.evaluate._names import name_words, read_otherwise

    assert name_words("agr expt stn") == ["agr", "experimental", "stn"]
    assert (("expt", "experiment"),) in read_otherwise(["agr", "expt", "stn"])

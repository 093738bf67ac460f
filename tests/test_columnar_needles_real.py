"""The list prefilter's needles for the names of real lists: telling, and only widening.

The names are the real ASPI China Defence Universities Tracker's (its MISP galaxy, imported with
`claimwatch lists import aspi`) and the real Consolidated Screening List excerpt's
(../shared/data/csl), as the importers write them; the texts are built from the forms real
affiliation strings take ("SE Univ" as Web of Science writes it, "Dept. of ..., X Univ., City",
an acronym in brackets, with a possessive, a hyphen, a slash, a digit or Chinese characters
joined to it).
"""

from __future__ import annotations

import duckdb
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from claimwatch.columnar import DUCKDB, search_form
from claimwatch.columnar._sql import _Compiler
from claimwatch.evaluate import NameMatcher
from claimwatch.evaluate._grouping import _name_needles

# Entries of the real tracker whose needle was a word of two letters ("Southeast" as "se",
# "Northwestern" as "nw", "Northeastern" as "ne", "Xi'an" as "xi"), a place ("Beijing",
# "China"), or an acronym; and of the real CSL excerpt.
TRACKER_NAMES = [
    "Southeast University",
    "东南大学",
    "SEU",
    "Northeastern University",
    "NEU",
    "Northwestern Polytechnical University",
    "Northwest Polytechnic University",
    "NWPU",
    "Xi'an University of Electronic Science and Technology",
    "Xidian University",
    "Beijing Institute of Technology",
    "BIT",
    "Beijing University of Aeronautics and Astronautics",
    "BUAA",
    "Harbin Institute of Technology",
    "HIT",
    "National University of Defense Technology",
    "NUDT",
    "Hunan Guofang Kei University",
    "中国人民解放军国防科技大学",
    "Southwest Institute of Electronic Engineering",
    "China Electronics Technology Group Corporation",
    "China Academy of Engineering Physics",
    "Information Engineering University",
    "National Defense University",
]
CSL_NAMES = [
    "China Electronics Technology Group Corporation 13th Research Institute (CETC 13)",
    "CETC 13",
    "Hebei Semiconductor Research Institute",
    "HSRI",
    "Sinobright Import and Export Company",
]
# ROR labels (../shared/data/ror) of the kind lists name.
ROR_LABELS = ["Tsinghua University", "Chinese Academy of Sciences", "Université de Montréal"]
NAMES = TRACKER_NAMES + CSL_NAMES + ROR_LABELS

PIECES = [
    *NAMES,
    "Dept. of Physics",
    "SE Univ.",
    "SE Univ",
    "Nanjing",
    "NUDT-based",
    "(NUDT)",
    "NUDT's",
    "NUDT\u2019s",
    "HIT/Shenzhen",
    "BUAA2",
    "北京BIT大学",
    "BIT大学",
    "Ｎｕｄｔ",
    "ＮＵＤＴ",
    "Research Center",
    "School of Software",
    "Chinese",
    "Xi\u2019an",
    "NW Polytech Univ",
    "Northwest",
    "Changsha 410073",
    "Beijing 100081",
    "Peoples R China",
    "Univ Elect Sci & Technol China",
    "Harbin Inst. of Technol.",
    "EngineeringNUDT",
    "Semicond",
    "13th Research Inst.",
]
SEPARATORS = [", ", "; ", " ", "", "\n", " - ", "/", "-", "\u200b", "\u00ad", "_"]
affiliation_text = st.lists(
    st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)), min_size=1, max_size=5
).map(lambda parts: "".join(p + s for p, s in parts))


def _the_query_finds_a_needle(needles: tuple[str, ...], text: str) -> bool:
    """The query's own test (`_Compiler._needles`) of the text's search form, run by DuckDB."""
    test = _Compiler(None, DUCKDB)._needles("t", needles)  # type: ignore[arg-type]
    return bool(duckdb.sql(f"SELECT {test} FROM (SELECT ? AS t)", params=[search_form(text)]).fetchone()[0])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(NAMES), affiliation_text)
@example("Southeast University", "Dept. of Physics, SE Univ., Nanjing")
@example("Southeast University", "School of Software, Southeast University, Nanjing")
@example("NUDT", "NUDT's")
@example("NUDT", "(NUDT)")
@example("Xi'an University of Electronic Science and Technology", "Xi\u2019an Univ Elect Sci & Technol")
@example("China Electronics Technology Group Corporation 13th Research Institute (CETC 13)", "13th Research Inst.")
# The matcher's word edges are not the search form's: a mark NFC leaves alone, a symbol NFKD
# writes as letters, and words run together part words the search form writes as one, so no
# needle may ask for an edge there ("nudtarch", "nudttm lab", "engineeringseu").
@example("NUDT", "NUDT\u0334ARCH")
@example("NUDT", "NUDT\u2122 Lab")
@example("SEU", "EngineeringSEU")
def test_a_real_name_the_matcher_finds_leaves_a_needle_the_query_finds(name, text):
    # Certain or a doubt alike: any hit the matchers make must pass the prefilter.
    if NameMatcher([("k", name)]).find(text):
        needles = _name_needles([name])
        assert any(n in search_form(text) for n in needles), (name, text, needles)
        assert _the_query_finds_a_needle(needles, text), (name, text, needles)


# Affiliations of institutions on no list, as real records write them: the prefilter let each
# through where a name's needle was "se" (in "research", "chinese"), "xi" (in "xinjiang"), "sw"
# (in "answer", "swansea"), "beijing" or "china".
OTHERS = [
    "Research Center for Big Data, Chinese Academy of Sciences",
    "Key Laboratory of Xinjiang Mineral Resources, Urumqi",
    "Department of Answer Set Programming, Swansea",
    "Dept. of Neuroscience, Beijing, China",
    "Beijing 100875, Peoples R China",
]


def test_the_needles_of_real_names_let_through_no_other_institutions_text():
    needles = _name_needles(
        ["Southeast University", "Northeastern University", "Northwestern Polytechnical University"]
    )
    needles += _name_needles(["Xi'an University of Electronic Science and Technology", "China Electronics Corporation"])
    needles += _name_needles(
        ["Southwest Institute of Electronic Engineering", "Beijing University of Chemical Technology"]
    )
    assert [t for t in OTHERS if any(n in search_form(t) for n in needles)] == []
    assert min(map(len, needles)) >= 4


def test_a_name_of_common_words_and_short_spellings_keeps_a_needle_of_its_own():
    # Each needle is a word of the name in its spellings: any of them is a valid one.
    assert set(_name_needles(["Southeast University"])) == {"university", "univ"}
    assert set(_name_needles(["China Electronics Corporation"])) == {"electronics", "elect"}
    assert set(_name_needles(["Beijing Institute of Technology"])) == {"beijing"}

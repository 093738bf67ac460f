"""Names with inner capitals (issue 18, thirty-third part, reviewed).

A word whose letters run on into a capital ("ZhongJie", "MaxiTechGroup") is split where the piece
after the capital begins a name sought, so a name ending where words ran together is found
("...Defense TechnologyChangsha"). A listed name holding such a word must still be found as it is
written, whatever other names are sought. The entries are real rows of the CSL of 2023-11
(moov-io/watchman's test/testdata/csl.csv at c815c599), as `claimwatch lists import` gives them:
the Unverified List's "ZhongJie Electronics" (CN, addressed in Kowloon) and the Entity List's
"Luo Jie", whose alias "Jie Luo" begins with the piece "Jie"."""

from __future__ import annotations

import pytest

from claimwatch.evaluate._names import NameMatcher
from helpers import coauthor_text_found

ZHONGJIE = """\
  - id: zhongjie-electronics
    name: ZhongJie Electronics
    country: CN
    verified: true
    addresses:
    - G/F, 26 Pau Chung Street, Tokwawan, Kowloon, Hong Kong, CN
    - Rm 2309, 23/F, Ho King Comm Ctr, 2-16 Fayuen St., Mongkok, Kowloon, Hong Kong, CN
    source_lists:
    - Unverified List (UVL) - Bureau of Industry and Security
"""
LUO_JIE = """\
  - id: luo-jie
    name: Luo Jie
    aliases: [Cherry, Ivy Luo, Jie Luo]
    listed_from: 2011-10-31
    verified: true
    addresses:
    - Room 1007, Block C2, Galaxy Century Bldg., CaiTian Rd., FuTian District, Shenzhen, CN
    - Flat/RM 1510A, 15/F Ho King COMM Ctr, 2-16 Fa Yuen Street, Mongkok KL, HK
    source_lists:
    - Entity List (EL) - Bureau of Industry and Security
"""


def _list(*entries: str) -> str:
    return "id: l\nname: CSL of 2023-11\nsources: [{title: Consolidated Screening List}]\nentries:\n" + "".join(entries)


@pytest.mark.parametrize("entries", [(ZHONGJIE,), (ZHONGJIE, LUO_JIE)], ids=["alone", "with-jie-luo"])
def test_a_name_with_inner_capitals_is_found_beside_a_name_its_piece_begins(tmp_path, monkeypatch, capsys, entries):
    # The company helper's case: with the whole CSL imported, said to be found by nothing.
    result = coauthor_text_found(
        tmp_path, monkeypatch, capsys, _list(*entries), "ZhongJie Electronics, Kowloon, Hong Kong", "match"
    )
    assert "ZhongJie Electronics" in str(result)


# Each name as the CSL of 2023-11 writes it, and a name of another of its entries beginning with
# a piece of it: before, the name was found by no reading of its own words.
CUT = [
    ("ZhongJie Electronics", "Jie Luo"),
    ("MaxiTechGroup", "GROUP OF SUPPORTERS OF THE SALAFIST TREND"),
    ("SpekElectronGroup", "ELECTRONIC ELEKTRONISCHE BAUELEMENTE"),
    ("BiotaGroup Company", "GROUP PROTECTORS OF SALAFIST PREACHING"),
    ("EuroAsia", "Asia International Trading Company"),
    ("RusAg", "AG Terminal"),
]


@pytest.mark.parametrize(("name", "other"), CUT)
def test_a_name_with_inner_capitals_is_found_as_written(name, other):
    matcher = NameMatcher([("listed", name), ("other", other)])
    hits = matcher.find(f"{name}, Moscow")
    assert [(h.key, h.matched) for h in hits if h.key == "listed"] == [("listed", name)]


def test_a_name_ending_where_words_ran_together_is_still_found_so():
    # The split reading stands, with a name sought that begins "Changsha" too.
    matcher = NameMatcher([("nudt", "National University of Defense Technology"), ("csu", "Changsha University")])
    hits = matcher.find("College of Computer, National University of Defense TechnologyChangsha, China")
    assert [(h.key, h.matched) for h in hits] == [("nudt", "National University of Defense Technology")]

"""Two Chinese institutions of one name, told apart by the province the text names (issue 18,
thirteenth part), on the real ASPI tracker through both engines.

False accusations the twelfth part found and left: "Suzhou University, Suzhou, Anhui" (宿州学院,
whose English name it is) was Soochow University through the tracker's alias "Suzhou University";
中国地质大学，北京 (China University of Geosciences (Beijing), with a comma) was the listed
China University of Geosciences (Wuhan) through its alias 中国地质大学. And a road named after a
Chinese city ("Zhongshan Rd, Taoyuan, Taiwan") placed a Taiwanese affiliation in China too, so a
name Taiwan's institutions share (National Defense University) was a doubt where the text
placed it abroad."""

from __future__ import annotations

import functools
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimwatch.evaluate._places import countries, is_a_road, places_in
from claimwatch.evaluate._provinces import certain_provinces, named_provinces, provinces_in, shared_by_provinces
from helpers import authorship, institution, work, write_jsonl
from test_columnar_engine import engines_agree
from test_name_boundaries import aspi, check  # noqa: F401  (the fixture, and one work through both engines)
from test_name_forms import LAB

# (raw affiliation, what the doubt says)
DOUBTS = [
    (
        "Suzhou University, Suzhou 234000, Anhui, China",
        "places “Suzhou University” in Anhui, which has a city of its name too, and the list places"
        " Soochow University in Jiangsu",
    ),
    ("School of Information Engineering, Suzhou University, Suzhou, 安徽 234000", "in Anhui"),
    ("中国地质大学，北京 100083", "the list names China University of Geosciences (Wuhan) by its place"),
    ("中国地质大学，北京市海淀区学院路29号", "in Hubei, and the affiliation places “中国地质大学” in Beijing"),
    ("地球科学与资源学院, 中国地质大学, Beijing 100083, China", "places “中国地质大学” in Beijing"),
    # An alias whose place is a city of two provinces, with no province named: 宿州学院 bears the
    # name as its English one (Suzhou 234000 is Anhui's postcode, which claimwatch does not read).
    ("School of Mechanical Engineering, Suzhou University, Suzhou, 234000, China", "is an alias of Soochow"),
    ("Suzhou University, Suzhou, China", "does not name Jiangsu"),
    # Invisible characters inside the province hide nothing.
    ("Suzhou University, Suzhou, An\u00adhui", "in Anhui"),
    # What the second review found: another province named beside the entry's leaves the doubt;
    # the alias without its place, with neither place nor province named, is a doubt too.
    ("中国地质大学，北京 100083，湖北省地质局", "in Beijing and Hubei"),
    (
        "School of Mechanical Engineering, Suzhou University, Suzhou, Anhui 234000, P.R. China and Jiangsu Key"
        " Laboratory of Mine Mechanical and Electrical Equipment, Xuzhou",
        "in Anhui and Jiangsu",
    ),
    ("中国地质大学，海淀区 100083", "names neither it nor its province"),
    ("中国地质大学", "names neither it nor its province"),
    ("中国地质大学，北\u200b京", "in Beijing"),
]


@pytest.mark.parametrize(("raw", "said"), DOUBTS, ids=[d[0] for d in DOUBTS])
def test_a_shared_name_placed_in_another_province_is_a_doubt(aspi, tmp_path, raw, said):  # noqa: F811
    result = check(aspi, tmp_path, raw)
    assert (result.verdict, result.matched, result.uncertain) == ("insufficient_evidence", 0, 1)
    (doubt,) = result.uncertain_findings[0].uncertain_because
    assert said in doubt and "another institution" in doubt
    assert type(result.uncertain_findings[0].reasons[-1].doubt) is str  # not the matcher's own str subclass


# (raw affiliation, the entry's name or alias found): the list's own province, or none named
MATCHES = [
    ("Suzhou University, Suzhou, Jiangsu 215006, China", "Suzhou University"),
    ("苏州大学，江苏 苏州 215006", "苏州大学"),
    ("中国地质大学，湖北 武汉 430074", "中国地质大学"),
    ("中国地质大学，武汉 430074", "中国地质大学"),
    # What the list says, where the text names no province: the entry's own name, or an alias
    # without a shared place.
    ("College of Physics, Fuzhou University, Fuzhou 350108, China", "Fuzhou University"),
    ("Suzhou University, Suzhou, Jiang\u00adsu", "Suzhou University"),  # through a soft hyphen
    # A campus of a listed university whose name places it (Harbin) stays the university.
    ("Harbin Institute of Technology, Shenzhen, Guangdong 518055, China", "Harbin Institute of Technology"),
    ("哈尔滨工业大学，深圳 518055", "哈尔滨工业大学"),
    # A name unique in China, in another province than its address: a campus, not a doubt.
    ("Tianjin University, Binhai, Fuzhou, Fujian 350207, China", "Tianjin University"),
    # Roads named after places place nothing: not Beijing, not Jiangxi (浙江西路 is no 江西).
    ("Tianjin University, 92 Beijing West Road, Tianjin 300072, China", "Tianjin University"),
    ("中国地质大学，武汉 北京路 1 号", "中国地质大学"),
]


@pytest.mark.parametrize(("raw", "name"), MATCHES, ids=[m[0] for m in MATCHES])
def test_a_name_in_the_lists_province_or_none_still_matches(aspi, tmp_path, raw, name):  # noqa: F811
    result = check(aspi, tmp_path, raw)
    assert (result.verdict, result.matched, result.uncertain) == ("contradicted", 1, 0)
    (reason,) = [r for r in result.findings[0].reasons if r.kind == "listed_author"]
    assert reason.matched_name == name and reason.doubt is None


def test_openalexs_institution_name_yields_to_the_authors_province(aspi, tmp_path):  # noqa: F811
    """OpenAlex resolves 宿州学院's authors to an institution whose display name is its English
    name: a certain match on that name becomes the text's doubt."""
    from claimwatch import claims as claims_mod

    claims = claims_mod.load_claims([aspi / "claims/c.yaml"], root=aspi)
    suzhou = institution("I4000001", "Suzhou University", country="CN")
    partner = authorship("B. Partner", [suzhou], raw=["Suzhou University, Suzhou 234000, Anhui, China"])
    records = [work("W1", "A paper", "2024-06-01", [authorship("A. Lab", [LAB]), partner])]
    results = engines_agree(claims, [write_jsonl(tmp_path / "works.jsonl", records)], tmp_path / "cache")
    (result,) = results.results
    assert (result.verdict, result.matched, result.uncertain) == ("insufficient_evidence", 0, 1)
    (reason,) = [r for r in result.uncertain_findings[0].reasons if r.kind == "listed_author"]
    assert reason.method == "name_in_institution" and "in Anhui" in (reason.doubt or "")


def test_a_road_named_after_a_city_does_not_place_an_affiliation_in_china(aspi, tmp_path):  # noqa: F811
    result = check(aspi, tmp_path, "National Defense University, No. 70, Zhongshan Rd, Taoyuan, Taiwan")
    assert (result.verdict, result.matched, result.uncertain) == ("insufficient_evidence", 0, 0)


@pytest.mark.parametrize(
    ("place", "after", "road"),
    [
        ("Zhongshan", " Rd, Taoyuan", True),
        ("Zhongshan", " N. Rd., Taipei", True),
        ("Beijing", " West Road, Nanjing", True),
        ("Texas", " Ave, College Station", True),
        ("Henan", " Road (M), Shanghai", True),
        ("Zhongshan", " 2nd Rd", True),
        ("北京", "西路", True),
        ("中山", "路", True),
        ("南京", "东路", True),
        ("Zhongshan", ", Guangdong", False),
        ("Beijing", " 100083", False),
        ("Texas", " A&M University", False),
        ("Beijing", " Studies Center", False),
        ("Beijing", " Street-level data", True),  # what the rule reads: a road word after the place
        ("北京", "大学", False),
        ("北京", "市海淀区", False),
        ("Nanjing", " Dong Lu, Shanghai", True),  # pinyin directions
        ("Zhongshan", " Bei Lu", True),
        ("Zhongshan", " North 2nd Road", True),
        ("Missouri", " St. Louis", False),  # a saint, not a street
        ("Hong Kong", " St. Paul's Hospital", False),
        ("Zhongshan", " St., Taipei", True),
        ("北京", "道1號", True),  # Peking Road, Kowloon
        ("湖南", "道县", False),  # Dao County, a county of Hunan
        ("北京", "道教协会", False),  # Taoism
        ("Hainan", " Dao", False),  # Hainan Island
        ("Beijing", " Xilu", True),
    ],
)
def test_a_place_before_a_road_word_is_a_road(place, after, road):
    assert is_a_road(place + after, len(place)) is road
    found = places_in(place + after) + provinces_in(place + after)
    assert any(p.start == 0 and p.end == len(place) for p in found) is not road


def test_provinces_read_in_pinyin_and_in_characters():
    assert certain_provinces(provinces_in("Suzhou, Anhui 234000, China")) == {"Anhui"}
    assert certain_provinces(provinces_in("江苏省苏州市吴中区")) == {"Jiangsu"}
    assert certain_provinces(provinces_in("中国北京市海淀区红山口甲3号")) == {"Beijing"}
    assert certain_provinces(provinces_in("内蒙古 呼和浩特")) == {"Inner Mongolia"}
    assert certain_provinces(provinces_in("Xi'an, Shaanxi")) == {"Shaanxi"}
    assert certain_provinces(provinces_in("Suzhou")) == frozenset()  # two provinces' city
    assert shared_by_provinces("Suzhou University") == {"Anhui", "Jiangsu"}
    assert shared_by_provinces("Harbin Institute of Technology") == frozenset()
    assert countries(places_in("Zhongshan Rd, Taoyuan, Taiwan")) == {"TW"}
    assert countries(places_in("物理學系，中山大學，高雄，台灣")) == {"TW"}  # Taiwan in Chinese characters
    assert countries(places_in("武汉市香港路8号")) == frozenset()  # Hong Kong Road, Wuhan
    # A county's "Xian" after its name is no Xi'an; Xi'an after a comma is.
    assert named_provinces(provinces_in("2 Xiyuangong Rd, Minhou Xian, Fuzhou Shi, Fujian Sheng")) == {"Fujian"}
    assert named_provinces(provinces_in("Xidian University, Xian 710071, China")) == {"Shaanxi"}
    # A district named as a city elsewhere (Chaoyang, Liaoning) is no province.
    assert named_provinces(provinces_in("Chaoyang District, Beijing")) == {"Beijing"}


_PIECES = ["Suzhou", "Anhui", "苏州", "北京", "内蒙古", "Road", "路", "西路", ", ", " ", "University", "学院", "Xi'an"]


@given(st.lists(st.sampled_from(_PIECES), max_size=8))
def test_every_province_place_found_stands_in_the_text_and_is_no_road(pieces):
    text = "".join(pieces)
    for place in provinces_in(text):
        assert 0 <= place.start < place.end <= len(text) and place.provinces
        assert not is_a_road(text, place.end)
        assert provinces_in(text[place.start : place.end])  # the slice is a place by itself


def test_reading_provinces_is_linear(monkeypatch):
    """Each county "Xian" looks back a few characters, not to the text's start (found by the
    second review: 35 KB of "a Xian " took 2.2 s). Not a timing: the work is counted."""
    provinces = sys.modules[provinces_in.__module__]
    calls: list[int] = []
    real = provinces._AFTER_A_WORD

    class Counting:
        def search(self, text: str, pos: int, endpos: int):
            calls.append(endpos - pos)
            return real.search(text, pos, endpos)

    monkeypatch.setattr(provinces, "_AFTER_A_WORD", Counting())
    provinces_in("a Xian " * 5000 + "(linear)")  # a text of its own: `provinces_in` keeps what it read
    assert len(calls) == 5000 and max(calls) <= 40


# What the third review found: a country that opens a Chinese-order string ("台湾，桃园，国防大学")
# ended a part once a fullwidth comma did, leaving the name alone and certain; the English name
# without its bracketed place was missed; a mainland province in Chinese characters beside Kinmen
# was ignored for an English name; Kinmen in Latin letters was no place; 道 took 道县 and 道桥 for
# roads. And the fourth: Kinmen and Matsu in simplified characters; a Chinese-order head of two
# countries or a footnote's mark before Taiwan cut away again; a country before a fullwidth comma
# in an English string no longer ending its affiliation; China University of Geosciences
# (Beijing) named outright made a doubt of the listed Wuhan one; names the list gives with an
# acronym in brackets missed without it; a long string of affiliations read in cubic time.
REVIEWED = [
    # (raw affiliation, the name certainly found, or None where the work is uncertain)
    ("台湾，桃园，国防大学", None),
    ("台湾,桃园,国防大学", None),  # the ASCII comma, as before this part
    ("中华民国，台北，清华大学", None),
    ("台湾大学，台湾，国防大学", None),
    ("Tsinghua University, 福建省金門縣", None),
    ("National Defense University, Kinmen, Fujian", None),
    ("China University of Geosciences, Beijing 100083, China", None),
    ("China University of Geosciences, 388 Lumo Road, Wuhan 430074, China", "China University of Geosciences"),
    (
        "School of Earth Sciences, China University of Geosciences, Hubei Wuhan 430074",
        "China University of Geosciences",
    ),
    ("中国地质大学，湖北道桥集团", "中国地质大学"),  # 道桥, roads and bridges: Hubei stands
    ("Tsinghua University, Beijing 100084, China, and Kinmen University, Kinmen", "Tsinghua University"),
    # the fourth review's
    ("National Defense University, 福建省金门县", None),
    ("中国台湾,桃园,国防大学", None),
    ("Taiwan, R.O.C., 国防大学", None),
    ("(a) 台湾,桃园,国防大学", None),
    ("中国香港,九龙,北京大学", None),
    ("Harvard Medical School, Boston, MA, USA，Tsinghua University", None),
    ("Tsinghua University, Beijing, China，Department of Physics, MIT, Cambridge, MA, USA", "Tsinghua University"),
    ("China Academy of Space Technology, Beijing 100094, China", "China Academy of Space Technology"),
    ("China Univ Geosci, Wuhan 430074, Peoples R China", "China University of Geosciences (Wuhan)"),
]


@pytest.mark.parametrize(("raw", "name"), REVIEWED, ids=[r[0] for r in REVIEWED])
def test_what_the_third_and_fourth_reviews_found(aspi, tmp_path, raw, name):  # noqa: F811
    result = check(aspi, tmp_path, raw)
    if name is None:
        assert (result.verdict, result.matched, result.uncertain) == ("insufficient_evidence", 0, 1)
        return
    assert (result.verdict, result.matched, result.uncertain) == ("contradicted", 1, 0)
    (reason,) = [r for r in result.findings[0].reasons if r.kind == "listed_author"]
    assert reason.matched_name == name and reason.doubt is None


@pytest.mark.parametrize(
    "raw",
    [
        "School of Earth Sciences, China University of Geosciences (Beijing), Beijing 100083, China",
        "China University of Geosciences Beijing, Beijing 100083, China",
    ],
)
def test_the_other_university_named_outright_is_not_the_listed_one(aspi, tmp_path, raw):  # noqa: F811
    result = check(aspi, tmp_path, raw)
    assert (result.verdict, result.matched, result.uncertain) == ("insufficient_evidence", 0, 0)


def test_parts_of_a_long_string_are_read_once(monkeypatch):
    """A string of 800 affiliations, each with its country: the words that decide whether a
    country ends its part are found once a string (found by the fourth review: the whole check of
    such a string took 26 s). Not a timing: the work is counted."""
    places_module = sys.modules[is_a_road.__module__]
    text = "Tsinghua University, Beijing, China, " * 800 + "(parts)"
    calls: list[str] = []
    real = places_module._free_words.__wrapped__
    monkeypatch.setattr(
        places_module, "_free_words", functools.lru_cache(maxsize=None)(lambda t: calls.append(t) or real(t))
    )
    found = places_in(text)
    for p in found[:50]:
        places_module.part_of(text, found, p.start, p.end)
    assert calls == [text]


# Soochow University as the tracker gives it, its address written in Chinese characters with the
# city and no province, as the tracker writes Air Force Medical University's (西安市碑林区建设西路6号).
SOOCHOW_BY_ITS_CITY = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: su
    name: Soochow University
    aliases: [苏州大学, Suzhou University]
    country: CN
    addresses: ["苏州市姑苏区干将东路333号"]
    verified: true
"""


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        # 宿州学院, whose English name is "Suzhou University", in Anhui: a doubt, as where the list
        # names Jiangsu (`DOUBTS`); it was Soochow University for certain, the list's 苏州市 read as no
        # province.
        ("Suzhou University, Suzhou 234000, Anhui, China", "doubt"),
        ("Suzhou University, Suzhou, China", "doubt"),
        # In its own province: the university, as before.
        ("Suzhou University, Suzhou, Jiangsu 215006, China", "match"),
    ],
)
def test_a_city_an_address_writes_in_chinese_places_the_entry_in_its_province(
    tmp_path, monkeypatch, capsys, raw, found
):
    from helpers import coauthor_text_found

    result = coauthor_text_found(tmp_path, monkeypatch, capsys, SOOCHOW_BY_ITS_CITY, raw, found)
    if found == "doubt":
        assert "Jiangsu" in str(result), result


def test_the_tracker_writes_an_address_by_its_city_alone_in_chinese(shared_data):
    """The form above is the real tracker's: Air Force Medical University at 西安市..., no province."""
    import json

    data = json.loads((shared_data / "aspi/misp-galaxy-china-defence-universities.json").read_text(encoding="utf-8"))
    addresses = {v["value"]: v.get("meta", {}).get("address") for v in data["values"]}
    (afmu,) = [a for k, a in addresses.items() if k.startswith("Air Force Medical University")]
    assert afmu.startswith("西安市") and not named_provinces(provinces_in(afmu))

"""Chinese names in both scripts (issue 18, thirteenth part), on the real ASPI tracker.

The twelfth part left a miss: 哈爾濱工業大學, Harbin Institute of Technology in traditional
characters, matched nothing, since the tracker gives its Chinese names in simplified ones. Both
matchers and the query's needles now look for each Chinese name in both scripts (OpenCC's
tables). But traditional characters are what Taiwan, Hong Kong and Macao write, whose
institutions bear names of mainland ones (國防大學, Taiwan's National Defense University in
Taoyuan; 清華大學, National Tsing Hua University in Hsinchu; 中山大學, National Sun Yat-sen
University in Kaohsiung): a name found so counts only where a mainland province is named in it
(北京航空航天大學) or beside it (國防大學，北京), in either script; a city's name is not enough
(Taipei's districts bear mainland cities' names), nor "China"; beside a place of Taiwan, in
Latin letters or Chinese characters, it is not the listed one; and it is a doubt otherwise.
A review of this part's first version found the city and "China" cases, Taiwan's places in
Chinese characters unread, and the fullwidth semicolon that did not part a string."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimwatch.evaluate._names import NameMatcher, _is_cjk, chinese_forms
from test_name_boundaries import aspi, check  # noqa: F401  (the fixture, and one work through both engines)

# (raw affiliation, the entry's name or alias registered)
MATCHES = [
    ("哈爾濱工業大學，黑龍江 哈爾濱 150001", "哈尔滨工业大学"),  # a mainland province beside it
    ("國防大學，北京 100091", "国防大学"),  # a province-level city, Beijing
    ("中國人民解放軍國防科技大學，湖南 長沙", "中国人民解放军国防科技大学"),
    ("天津大學附屬醫院，天津", "天津大学"),  # a part of it, written in traditional characters too
    ("北京航空航天大學", "北京航空航天大学"),  # a province in its own name
    ("中國地質大學（武漢），湖北", "中国地质大学(武汉)"),
    ("中國人民解放軍國防科技大學，長沙", "中国人民解放军国防科技大学"),  # the PLA's, as "PLA" places a name
    # Two affiliations, the first ending with its country before a fullwidth comma, as ", " ends
    # one; the country does not open its part (a university stands before it).
    ("國立臺灣大學，台灣，北京航空航天大學，北京", "北京航空航天大学"),
]


@pytest.mark.parametrize(("raw", "name"), MATCHES, ids=[m[0] for m in MATCHES])
def test_a_name_in_traditional_characters_placed_in_the_mainland_matches(aspi, tmp_path, raw, name):  # noqa: F811
    result = check(aspi, tmp_path, raw)
    assert (result.verdict, result.matched, result.uncertain) == ("contradicted", 1, 0)
    (reason,) = [r for r in result.findings[0].reasons if r.kind == "listed_author"]
    assert reason.matched_name == name and reason.doubt is None
    assert reason.matched_text == raw


DOUBTS = [
    ("國防大學", "names no province of mainland China"),
    # A city's name is no proof: Taipei's districts bear mainland cities' names (中山, 大同, 文山),
    # and 中山 in 中山大學 is Sun Yat-sen's; only a province named places a traditional name.
    ("哈爾濱工業大學，哈爾濱 150001", "written in traditional characters"),
    ("哈爾濱工業大學圖書館", "written in traditional characters"),
    ("中國地質大學（武漢）", "written in traditional characters"),
    ("中山大學", "written in traditional characters"),
    # "China" alone: a Taiwanese author may write "Taiwan, China", or "China".
    ("國防大學，China", "written in traditional characters"),
    # A name the tracker gives whole, in traditional characters, and a mainland province
    # beside it that is not the list's (China University of Geosciences (Beijing)).
    ("中國地質大學，北京", "places “中國地質大學” in Beijing"),
    ("天津大學仁愛學院，天津", "runs on into “仁愛學院”"),
    # What the second review found: a mainland province beside a place of Taiwan, or in the name,
    # is a doubt, never a clearance (a mainland institute of Taiwan studies; Kinmen, 福建省金門縣).
    ("廈門大學台灣研究院，福建 廈門 361005", "names a province of mainland China and places it in Taiwan too"),
    ("北京航空航天大學，台灣研究中心", "places it in Taiwan too"),
    ("國防大學，北京，桃園", "places it in Taiwan too"),
    ("國防大學，福建省金門縣", "places it in Taiwan too"),
    ("國防大學，九龍尖沙咀北京道1號", "names no province"),  # Peking Road, Kowloon: a road
    # Thirty-sixth part: the city named is said, so the reason is true of the text ("names no
    # province of mainland China" alone read as if Nanjing were not there).
    ("南京國際關係學院", "names no province of mainland China, only the city “南京”, and Taiwan's districts"),
    ("國際關係學院，南京", "names no province of mainland China, only the city “南京”, and Taiwan's districts"),
]


@pytest.mark.parametrize(("raw", "said"), DOUBTS, ids=[d[0] for d in DOUBTS])
def test_a_name_in_traditional_characters_without_a_mainland_place_is_a_doubt(aspi, tmp_path, raw, said):  # noqa: F811
    result = check(aspi, tmp_path, raw)
    assert (result.verdict, result.matched, result.uncertain) == ("insufficient_evidence", 0, 1)
    (doubt,) = result.uncertain_findings[0].uncertain_because
    assert said in doubt


@pytest.mark.parametrize(
    "raw",
    [
        "國防大學, Taoyuan, Taiwan",
        "國立清華大學，新竹",
        "Dept. of EE, 國防大學, Taipei, Taiwan",
        "國防大學理工學院，桃園",  # Taiwan's places in Chinese characters count now
        "物理學系，中山大學，高雄，台灣",  # National Sun Yat-sen University, Kaohsiung
        "中國科技大學，臺北市文山區興隆路三段56號",  # China University of Technology, Taipei
        "國防大學，臺北市中山區",
        "國防大學，桃園；北京",  # a fullwidth semicolon parts a string as ';' does
        "東華大學，花蓮縣吉安鄉",  # National Dong Hwa University, Hualien (吉安 is no Jiangxi here)
    ],
)
def test_a_name_in_traditional_characters_placed_abroad_is_not_the_listed_one(aspi, tmp_path, raw):  # noqa: F811
    result = check(aspi, tmp_path, raw)
    assert (result.verdict, result.matched, result.uncertain) == ("insufficient_evidence", 0, 0)


def test_forms_in_both_scripts():
    assert dict(chinese_forms("哈尔滨工业大学")) == {"哈尔滨工业大学": False, "哈爾濱工業大學": True}
    # A name the list gives in traditional characters is taken as it is, and found simplified.
    assert dict(chinese_forms("國防大學")) == {"國防大學": False, "国防大学": False}
    assert dict(chinese_forms("北京")) == {"北京": False}  # the same in both


def _tracker_names(shared: Path) -> list[tuple[str, str]]:
    doc = json.loads((shared / "aspi/misp-galaxy-china-defence-universities.json").read_text("utf-8"))
    return sorted(
        {
            (v["uuid"], unicodedata.normalize("NFKC", n))
            for v in doc["values"]
            for n in v["meta"].get("aliases", [])
            if _is_cjk(n)
        }
    )


@pytest.fixture(scope="module")
def tracker(shared_data: Path) -> tuple[NameMatcher, list[tuple[str, str]]]:
    names = _tracker_names(shared_data)
    return NameMatcher(names), names


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_every_tracker_name_is_found_in_the_other_script(tracker, data):
    """Each of the tracker's Chinese names, written in traditional characters, is found as the
    name registered (or a longer name of the same entry), and said to be so written."""
    matcher, names = tracker
    key, name = data.draw(st.sampled_from(names))
    traditional = [form for form, is_traditional in chinese_forms(name) if is_traditional]
    form = data.draw(st.sampled_from(traditional or [name]))
    hits = [h for h in matcher.find(f"{form}，北京") if h.key == key and h.start == 0]
    assert hits, (name, form)
    assert any(h.end == len(form) and h.name == name and h.traditional == bool(traditional) for h in hits)


@pytest.mark.parametrize(
    ("raw", "verdict", "uncertain"),
    [
        # Twenty-ninth part: Taipei in simplified characters, bare, as a Taiwanese address may be
        # written on the mainland's keyboards: certain matches before, 台北 counting only as 台北市.
        ("国防大学，台北", "insufficient_evidence", 1),
        ("国防大学 台北 10617", "insufficient_evidence", 1),
        ("清华大学，台北", "insufficient_evidence", 1),
        # 台北 within 平台北京 ("a platform, Beijing") is no Taipei: the mainland university still.
        ("清华大学，大数据平台北京 100084", "contradicted", 0),
    ],
)
def test_taipei_alone_in_simplified_characters_is_taiwan(aspi, tmp_path, raw, verdict, uncertain):  # noqa: F811
    result = check(aspi, tmp_path, raw)
    assert (result.verdict, result.uncertain) == (verdict, uncertain), result.why
    if uncertain:
        (doubt,) = result.uncertain_findings[0].uncertain_because
        assert "names “台北”, in Taiwan" in doubt, doubt

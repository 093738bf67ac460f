"""The entry's own places before its Chinese name (issue 18, thirtieth part).

Chinese writes no space between a place and a name, so a Chinese name after a place counts only
where the place is the entry's own (郑州信息工程大学). Own places were compared by their English
names, and three English names are borne by cities of two provinces each: 宿州 (Anhui) and 苏州
(Jiangsu) are both Suzhou. The ASPI tracker (../shared/data/aspi) places Jiangnan Social
University at 江苏省苏州市吴中区郭巷尹山湖3号, so 宿州江南社会学院, in Anhui, was the tracker's for
certain. Such a city counts as the entry's own only in the entry's province now.

Chinese addresses write the country and the province before the city (中国重庆市, 河南省郑州市), and
either before an own city hid the name: 中国重庆陆军军医大学 and 河南省郑州市信息工程大学 were
nothing. The country, and the province of the own city that follows it, stand there now."""

from __future__ import annotations

import json

import pytest

from helpers import coauthor_text_found
from test_names_chinese_around import IEU_LIST

# The tracker's Jiangnan Social University: its name, its Chinese alias and its address.
JSU_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: jsu
    name: Jiangnan Social University
    aliases: [江南社会学院, Institute of International Relations Suzhou Campus]
    country: CN
    addresses: ["江苏省苏州市吴中区郭巷尹山湖3号"]
    verified: true
"""


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        # Its own Suzhou, in Jiangsu: the university, as before.
        ("苏州江南社会学院，苏州 215104", "match"),
        ("江苏省苏州市江南社会学院", "match"),
        # The other Suzhou, in Anhui: another city's college of the name, not found, as another
        # city's (南京信息工程大学) is not.
        ("宿州江南社会学院，宿州 234000", "nothing"),
        ("安徽省宿州市江南社会学院", "nothing"),
    ],
)
def test_a_city_of_another_province_bearing_the_own_city_s_english_name_is_not_its_own(
    tmp_path, monkeypatch, capsys, raw, found
):
    coauthor_text_found(tmp_path, monkeypatch, capsys, JSU_LIST, raw, found)


def test_a_city_of_two_provinces_is_no_own_place_of_an_entry_placed_in_no_province():
    """Where the list gives no address, a name's "Suzhou" cannot say which Suzhou is meant: neither
    city written in Chinese before its name is its own for certain; Zhengzhou, of one province, is."""
    from claimwatch.evaluate._matchers import _own_chinese_places_before, _own_places

    suzhou = _own_places((), ("Institute of International Relations Suzhou Campus",))
    assert not _own_chinese_places_before("苏州江南社会学院", 2, suzhou, frozenset())
    assert not _own_chinese_places_before("宿州江南社会学院", 2, suzhou, frozenset())
    assert _own_chinese_places_before("苏州江南社会学院", 2, suzhou, frozenset({"Jiangsu"}))
    zhengzhou = _own_places((), ("Zhengzhou Information Science and Technology Institute",))
    assert _own_chinese_places_before("郑州信息工程大学", 2, zhengzhou, frozenset())
    # A town of Guangdong is Changsha in pinyin too, but no place written in Chinese but 长沙 (Hunan)
    # is: 长沙 is NUDT's own by its tracker alias "Changsha Institute of Technology".
    changsha = _own_places((), ("Changsha Institute of Technology",))
    assert _own_chinese_places_before("长沙国防科技大学", 2, changsha, frozenset())


@pytest.mark.parametrize(
    ("address", "raw", "found"),
    [
        # The tracker's address without its province, as addresses are often written (苏州市...):
        # in Chinese characters 苏州 is Jiangsu's city alone, so its own Suzhou still counts.
        ("苏州市吴中区郭巷尹山湖3号", "苏州江南社会学院，苏州 215104", "match"),
        ("苏州市吴中区郭巷尹山湖3号", "宿州江南社会学院，宿州 234000", "nothing"),
        # An entry of Anhui's Suzhou (宿州市埇桥区, a Suzhou college's district): its own city is 宿州.
        ("宿州市埇桥区", "宿州江南社会学院，宿州 234000", "match"),
        ("宿州市埇桥区", "苏州江南社会学院，苏州 215104", "nothing"),
    ],
)
def test_an_own_city_written_in_chinese_in_the_address_tells_its_province(
    tmp_path, monkeypatch, capsys, address, raw, found
):
    """An address naming its city in Chinese characters but not its province placed the entry in
    no province, so 苏州江南社会学院 named nothing for an entry at 苏州市 (a true hit lost in silence)."""
    listed = JSU_LIST.replace("江苏省苏州市吴中区郭巷尹山湖3号", address)
    coauthor_text_found(tmp_path, monkeypatch, capsys, listed, raw, found)


@pytest.mark.parametrize(
    ("address", "raw", "found"),
    [
        # The province and the city written together, 省 and 市 left off (江苏苏州..., as the
        # tracker writes 广西桂林市 without 省; thirty-first part), the entry's names placing it
        # nowhere: the address gave Jiangsu alone, no own city, and 苏州江南社会学院 and "Suzhou
        # Jiangnan Social University" named nothing, the claim cleared in silence.
        ("江苏苏州吴中区郭巷尹山湖3号", "苏州江南社会学院，苏州 215104", "match"),
        ("江苏苏州吴中区郭巷尹山湖3号", "Suzhou Jiangnan Social University, Suzhou 215104, China", "match"),
        ("江苏省苏州吴中区郭巷尹山湖3号", "苏州江南社会学院，苏州 215104", "match"),
        ("江苏苏州吴中区郭巷尹山湖3号", "宿州江南社会学院，宿州 234000", "nothing"),
        # A city of another province after it is no own city (安徽苏州 is no place), nor is a
        # district bearing a city's name after a province (辽宁朝阳区: no city Chaoyang).
        ("安徽苏州吴中区", "苏州江南社会学院，苏州 215104", "nothing"),
        ("辽宁朝阳区", "朝阳江南社会学院", "nothing"),
    ],
)
def test_a_city_written_right_after_its_province_is_an_own_city(tmp_path, monkeypatch, capsys, address, raw, found):
    listed = JSU_LIST.replace("江苏省苏州市吴中区郭巷尹山湖3号", address).replace(
        ", Institute of International Relations Suzhou Campus", ""
    )
    coauthor_text_found(tmp_path, monkeypatch, capsys, listed, raw, found)


# The tracker's Army Medical University, with its address (中国重庆市沙坪坝区高滩岩正街30号).
AMU_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: amu
    name: Army Medical University
    aliases: [中国人民解放军陆军军医大学, 陆军军医大学, Third Military Medical University]
    country: CN
    addresses: ["中国重庆市沙坪坝区高滩岩正街30号"]
    verified: true
"""


@pytest.mark.parametrize(
    ("list_yaml", "raw", "found"),
    [
        # The country before the own city, as the tracker's address begins: found now, as
        # 重庆陆军军医大学 and 中国陆军军医大学 were.
        (AMU_LIST, "中国重庆陆军军医大学，重庆 400038", "match"),
        (AMU_LIST, "中国重庆市陆军军医大学", "match"),
        # The country by its full name, as official addresses write it (thirty-first part):
        # nothing before, where 中国 stood.
        (AMU_LIST, "中华人民共和国重庆市陆军军医大学", "match"),
        (AMU_LIST, "中华人民共和国陆军军医大学", "match"),
        (IEU_LIST, "中华人民共和国河南省郑州市信息工程大学", "match"),
        (AMU_LIST, "中华人民共和国四川省重庆陆军军医大学", "nothing"),
        # The province before the own city, as Chinese addresses write them: the tracker names
        # the Information Engineering University by Zhengzhou alone, and gives no address.
        (IEU_LIST, "河南省郑州市信息工程大学，郑州 450001", "match"),
        (IEU_LIST, "中国河南省郑州市信息工程大学", "match"),
        # Another province's, or a province alone the list does not give: nothing, as before.
        (AMU_LIST, "四川省重庆陆军军医大学", "nothing"),
        (IEU_LIST, "河南省信息工程大学", "nothing"),
        (IEU_LIST, "河南省南京信息工程大学", "nothing"),
        (JSU_LIST, "安徽省苏州市江南社会学院", "nothing"),
        # 中国 ending a longer word (新中国, "New China") is no country before the place.
        (AMU_LIST, "新中国重庆陆军军医大学", "nothing"),
        # In traditional characters the country's name leaves the name a doubt, as without it:
        # Hong Kong's addresses begin 中華人民共和國香港特別行政區 too.
        (AMU_LIST, "中華人民共和國陸軍軍醫大學", "doubt"),
    ],
)
def test_the_country_and_the_province_before_an_own_city_leave_the_chinese_name_standing(
    tmp_path, monkeypatch, capsys, list_yaml, raw, found
):
    coauthor_text_found(tmp_path, monkeypatch, capsys, list_yaml, raw, found)


# The tracker's China Aerodynamics Research and Development Center: its Chinese names, two of them
# a PLA unit's number and a base's, and its address in Mianyang.
CARDC_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: cardc
    name: China Aerodynamics Research and Development Center
    aliases: [中国空气动力研究与发展中心, CARDC, Unit 63820, 63820部队, 第29试验训练基地, 中国人民解放军军事科学院空气动力试验基地]
    country: CN
    addresses: ["Er Huan Lu Fu Lu, Fucheng Qu, Mianyang Shi, Sichuan Sheng, China"]
    verified: true
"""


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        # A unit's and a base's name (部队, 基地) after the entry's own city: nothing before, as a
        # nickname after a place is; whole names, they are the entry now.
        ("绵阳63820部队，四川 绵阳 621000", "match"),
        ("四川省绵阳市63820部队", "match"),
        ("绵阳第29试验训练基地", "match"),
        ("绵阳中国人民解放军军事科学院空气动力试验基地", "match"),
        # After another city: nothing, as before.
        ("北京63820部队", "nothing"),
    ],
)
def test_a_base_s_and_a_unit_s_chinese_name_after_its_own_city_is_found(tmp_path, monkeypatch, capsys, raw, found):
    coauthor_text_found(tmp_path, monkeypatch, capsys, CARDC_LIST, raw, found)


@pytest.mark.parametrize(
    ("raw", "subject_id", "verdict", "uncertain"),
    [
        # The subject's Chinese name after a city, no space between, as Chinese papers write MSRA's
        # (北京微软亚洲研究院): nothing before, the author not the subject's, where "Beijing
        # Microsoft Research Asia" was a doubt. A doubt now, as the English is: the subject gives
        # no address, so whether the city is its own cannot be told.
        ("北京微软亚洲研究院", False, "insufficient_evidence", 1),
        ("中国北京微软亚洲研究院自然语言计算组", False, "insufficient_evidence", 1),
        # Written apart, or with OpenAlex's id for the subject, as before: the subject's. The
        # place does not undo the id, as a longer name would.
        ("北京 微软亚洲研究院", False, "contradicted", 0),
        ("北京微软亚洲研究院", True, "contradicted", 0),
        # A place that ends a longer word is no place before the name: nothing, as before.
        ("新北京微软亚洲研究院", False, "insufficient_evidence", 0),
    ],
)
def test_the_subject_s_chinese_name_after_a_place_its_names_do_not_hold_is_a_doubt_on_both_engines(
    tmp_path, monkeypatch, capsys, raw, subject_id, verdict, uncertain
):
    from test_names_formerly import _subject_claim_on_both_engines

    msra = ("I4210113369", "微软亚洲研究院", "CN")  # the subject by its Chinese name
    result = _subject_claim_on_both_engines(tmp_path, monkeypatch, capsys, raw, subject_id=subject_id, subject=msra)
    said = json.dumps(result, ensure_ascii=False)
    assert result["verdict"] == verdict, said[:2000]
    assert result["uncertain"] == uncertain, said[:2000]
    if uncertain:
        assert "the place \u201c北京\u201d comes right before \u201c微软亚洲研究院\u201d" in said


@pytest.mark.parametrize(
    ("list_yaml", "raw", "found"),
    [
        # A district (区) of the own city between it and the name, as the tracker's own addresses
        # write one (中国重庆市沙坪坝区..., 江苏省苏州市吴中区...; thirty-first part): nothing
        # before, the claim cleared in silence; the entry now, as after the city alone.
        (AMU_LIST, "重庆市沙坪坝区陆军军医大学，重庆 400038", "match"),
        (AMU_LIST, "中国重庆市沙坪坝区陆军军医大学", "match"),
        (JSU_LIST, "江苏省苏州市吴中区江南社会学院", "match"),
        (JSU_LIST, "苏州吴中区江南社会学院", "match"),
        (IEU_LIST, "河南省郑州市高新区信息工程大学", "match"),
        # Where the list gives no address (IEU's tracker entry), places written as an address
        # (a city's 市, a district) may stand before the entry's own name, which no name written
        # by its place holds: a doubt since the thirty-second part, not silence.
        (IEU_LIST, "南京市浦口区信息工程大学", "doubt"),
        # Another city's district, a province's with no city, or a district alone, before the name
        # of an entry the list addresses elsewhere: nothing, as another city before the name is.
        (AMU_LIST, "四川省成都市武侯区陆军军医大学", "nothing"),
        # Its own address's district (吴中区) after its own province: the entry since the
        # thirty-second part, the district its address writes being an own place.
        (JSU_LIST, "江苏省吴中区江南社会学院", "match"),
        (JSU_LIST, "安徽省宿州市埇桥区江南社会学院", "nothing"),
        # The district its own address writes (沙坪坝区), alone: its own place since the
        # thirty-second part, the entry (`test_names_hunted_tenth.py`).
        (AMU_LIST, "沙坪坝区陆军军医大学", "match"),
        # A command's region (警备区, 军区) or a campus (校区) is no district of the city.
        (AMU_LIST, "重庆警备区陆军军医大学", "nothing"),
        (AMU_LIST, "重庆市校区陆军军医大学", "nothing"),
    ],
)
def test_a_district_between_an_own_city_and_the_chinese_name_leaves_it_standing(
    tmp_path, monkeypatch, capsys, list_yaml, raw, found
):
    coauthor_text_found(tmp_path, monkeypatch, capsys, list_yaml, raw, found)


@pytest.mark.parametrize(
    ("raw", "place"),
    [
        # MSRA's own city and district (北京市海淀区), as Chinese pages write its address before
        # its name: silence before (the author not the subject's, the claim cleared). A doubt
        # now, as "北京微软亚洲研究院" is: the subject gives no address to make the city its own.
        ("北京市海淀区微软亚洲研究院", "北京市海淀区"),
        ("中国北京海淀区微软亚洲研究院自然语言计算组", "北京海淀区"),
        # The district alone, its city left off: a place too, and no name of the subject holds it.
        ("海淀区微软亚洲研究院", "海淀区"),
        # Reviewed (thirty-first part): MSRA at its own street address (丹棱街5号, No. 5 Danling
        # Street, Haidian) was silence, the name read as run on from a longer word ending in 号:
        # a place too now, ending in its house number.
        ("北京市海淀区丹棱街5号微软亚洲研究院", "北京市海淀区丹棱街5号"),
        ("中国北京市海淀区丹棱街５号微软亚洲研究院", "北京市海淀区丹棱街5号"),  # the digit read as NFKC reads it
    ],
)
def test_the_subject_s_chinese_name_after_a_city_and_its_district_is_a_doubt_on_both_engines(
    tmp_path, monkeypatch, capsys, raw, place
):
    from test_names_formerly import _subject_claim_on_both_engines

    msra = ("I4210113369", "微软亚洲研究院", "CN")
    result = _subject_claim_on_both_engines(tmp_path, monkeypatch, capsys, raw, subject_id=False, subject=msra)
    said = json.dumps(result, ensure_ascii=False)
    assert (result["verdict"], result["uncertain"]) == ("insufficient_evidence", 1), said[:2000]
    assert f"the place \u201c{place}\u201d comes right before \u201c微软亚洲研究院\u201d" in said


def test_only_a_house_number_ends_a_street_address_before_a_name():
    """A word ending in 号 with no number before it (信号, a signal) is no address: the name after
    it is run on from that word, as before."""
    from claimwatch.evaluate._matchers import chinese_places_before

    assert chinese_places_before("丹棱街5号微软亚洲研究院", 5) == "丹棱街5号"
    assert chinese_places_before("无线信号微软亚洲研究院", 4) is None

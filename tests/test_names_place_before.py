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


OWN_PLACES = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - {id: nra, name: Naval Research Academy, aliases: [Naval Academy], country: CN, verified: true,
     addresses: ["China, Beijing, Fengtai"]}
  - {id: nue, name: Naval University of Engineering, country: CN, verified: true,
     addresses: ["China, Hubei, Wuhan, Qiaokou, Jiefang Avenue"]}
  - {id: nwpu, name: Northwestern Polytechnical University, country: CN, verified: true,
     addresses: ["127 West Youyi Road, Xi'an, Shaanxi, China"]}
  - {id: hit, name: Harbin Institute of Technology, country: CN, verified: true}
  - {id: nudt, name: National University of Defense Technology, aliases: [Changsha Institute of Technology], country: CN,
     verified: true}
"""


@pytest.mark.parametrize(
    ("raw", "verdict"),
    [
        # The entry's own city or province before its name, as Chinese addresses order them: the entry.
        ("Wuhan Naval University of Engineering, Wuhan 430033, China", "contradicted"),
        ("Hubei Wuhan Naval Univ Engn, Peoples R China", "contradicted"),
        ("Xi'an Northwestern Polytechnical University, Xi'an 710072, China", "contradicted"),
        ("Shaanxi Xian Northwestern Polytechnical University", "contradicted"),
        ("Harbin Harbin Institute of Technology, Harbin 150001, China", "contradicted"),
        ("Changsha National University of Defense Technology, Changsha, China", "contradicted"),
        # Another place than the entry's still begins another institution's name.
        ("Dalian Naval Acad, Dalian 116018, Peoples R China", "insufficient_evidence"),
        ("Dalian Naval University of Engineering, Dalian, China", "insufficient_evidence"),
        ("Weihai Harbin Institute of Technology, Weihai, China", "insufficient_evidence"),
    ],
)
def test_the_entry_s_own_place_right_before_its_name_is_no_doubt(tmp_path, monkeypatch, capsys, raw, verdict):
    root = project(tmp_path)
    monkeypatch.chdir(root)
    results = coauthor_text_results(root, OWN_PLACES, raw)
    capsys.readouterr()
    assert results[0]["verdict"] == verdict


NO_ADDRESS = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - {id: nue, name: Naval University of Engineering, country: CN, verified: true}
  - {id: nra, name: Naval Research Academy, aliases: [Naval Academy], country: CN, verified: true,
     addresses: ["China, Beijing, Fengtai"]}
"""


@pytest.mark.parametrize(
    ("raw", "says_no_address"),
    [
        # The list gives the entry no address (as most CSL entries): its own city-first form is a
        # doubt too, and the reason says why, so a reviewer knows the place may be its own.
        ("Wuhan Naval University of Engineering, Wuhan 430033, China", True),
        ("Dalian Naval Acad, Dalian 116018, Peoples R China", False),
    ],
)
def test_a_place_before_an_entry_with_no_address_says_its_city_cannot_be_told(
    tmp_path, monkeypatch, capsys, raw, says_no_address
):
    root = project(tmp_path)
    monkeypatch.chdir(root)
    (result,) = coauthor_text_results(root, NO_ADDRESS, raw)
    capsys.readouterr()
    assert result["verdict"] == "insufficient_evidence"
    assert ("the list gives no address for" in result["why"]) is says_no_address


# The ASPI tracker's own addresses (../shared/data/aspi): their county and district parts name
# places that are cities elsewhere, "Minhou Xian" (闽侯县, "Xian" is 县, county) no Xi'an and
# Dalian's district Zhongshan no Guangdong city; only the city and the province are the entry's.
COUNTY_AND_DISTRICT = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - {id: fzu, name: Fuzhou University, country: CN, verified: true,
     addresses: ["2 Xiyuangong Rd, Minhou Xian, Fuzhou Shi, Fujian Sheng, China, 350008"]}
  - {id: dna, name: Dalian Naval Academy, country: CN, verified: true,
     addresses: ["China, Liaoning, Dalian, Zhongshan, Jiefang Road, 大连舰艇学院"]}
"""


@pytest.mark.parametrize(
    ("raw", "verdict"),
    [
        ("Xi'an Fuzhou University, Xi'an 710000, China", "insufficient_evidence"),
        ("Xian Fuzhou Univ, Peoples R China", "insufficient_evidence"),
        ("Zhongshan Dalian Naval Academy, Peoples R China", "insufficient_evidence"),
        # The city and the province parts are still the entry's own.
        ("Fuzhou Fuzhou University, Fuzhou 350108, China", "contradicted"),
        ("Fujian Fuzhou University, Peoples R China", "contradicted"),
        ("Liaoning Dalian Naval Academy, Peoples R China", "contradicted"),
    ],
)
def test_only_the_city_and_the_province_of_an_address_are_the_entry_s_own_place(
    tmp_path, monkeypatch, capsys, raw, verdict
):
    root = project(tmp_path)
    monkeypatch.chdir(root)
    results = coauthor_text_results(root, COUNTY_AND_DISTRICT, raw)
    capsys.readouterr()
    assert results[0]["verdict"] == verdict


@pytest.mark.parametrize(
    ("address", "places"),
    [
        # Forms of the ASPI tracker's and the CSL excerpt's addresses (../shared/data).
        ("2 Xiyuangong Rd, Minhou Xian, Fuzhou Shi, Fujian Sheng, China, 350008", ["fujian", "fuzhou"]),
        ("Bei Er Huan, Xiangtan Xian, Xiangtan Shi, Hunan Sheng, China", ["hunan", "xiangtan"]),
        ("China, Jilin, Changchun, Chaoyang, Qianjin Street, 吉林大学", ["jilin", "changchun"]),
        ("Sichuan University, Shuncheng Street, Qingyang, Chengdu, Sichuan, China", ["sichuan", "chengdu"]),
        ("1882 Yan An Xi Lu, Changning, Shanghai, China", ["shanghai"]),
        ("5 Landianchang South Road Haidian District Beijing, 100097 China", ["beijing"]),
        ("Tian Wang te Zi #1, Baqiao District, Xian, China, CN", ["xian"]),
        ("Komitas 26/114, Yerevan, Armenia, AM", ["yerevan"]),
        ("中国湖北省武汉市 Jiang'an, 黄浦大街288号", ["hubei", "wuhan"]),
        ("China, 吉林省长春市朝阳区繁荣路162号", ["jilin", "changchun"]),
        ("中国北京市丰台区杜家坎21号 蚌埠校区", ["beijing"]),
        ("no. 999 Xuefu Avenue, Honggutan New District, Nanchang", ["nanchang"]),
        ("1 Jinji Rd, Qixing Qu, Guilin Shi, Guangxi Zhuangzuzizhiqu, China, 541002", ["guangxi", "guilin"]),
    ],
)
def test_an_address_s_city_and_province_are_read_from_their_own_parts(address, places):
    from claimwatch.evaluate._matchers import _city_and_province

    assert _city_and_province(address) == places


# The ASPI tracker gives many PLA schools' addresses in Chinese characters alone
# (../shared/data/aspi): "中国湖北省武汉市 Jiang'an, 黄浦大街288号" (Air Force Early Warning Academy),
# "中国陕西省西安市灞桥区同心路2号", "China, 吉林省长春市朝阳区繁荣路162号" (Aviation University of Air
# Force). Their city-first English forms were doubts, as if the city were another's.
IN_CHINESE = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - {id: afewa, name: Air Force Early Warning Academy, country: CN, verified: true,
     addresses: ["中国湖北省武汉市 Jiang'an, 黄浦大街288号"]}
  - {id: afau, name: Aviation University of Air Force, country: CN, verified: true,
     addresses: ["China, 吉林省长春市朝阳区繁荣路162号"]}
"""


@pytest.mark.parametrize(
    ("raw", "verdict"),
    [
        ("Wuhan Air Force Early Warning Academy, Wuhan 430019, China", "contradicted"),
        ("Hubei Air Force Early Warning Academy, Peoples R China", "contradicted"),
        ("Changchun Aviation University of Air Force, Changchun 130022, China", "contradicted"),
        # Its district (朝阳区) is a Liaoning city's name too: another place's, a doubt still.
        ("Chaoyang Aviation University of Air Force, Peoples R China", "insufficient_evidence"),
        ("Dalian Air Force Early Warning Academy, Peoples R China", "insufficient_evidence"),
    ],
)
def test_an_address_in_chinese_gives_its_city_and_province_too(tmp_path, monkeypatch, capsys, raw, verdict):
    root = project(tmp_path)
    monkeypatch.chdir(root)
    results = coauthor_text_results(root, IN_CHINESE, raw)
    capsys.readouterr()
    assert results[0]["verdict"] == verdict

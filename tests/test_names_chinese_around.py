"""What stands around a Chinese name (issue 18, twenty-ninth part).

A Chinese name runs straight on into the characters after it, and what it runs on into may make
another institution's name (天津大学仁爱学院), so only a part of the institution leaves it the same:
附属 ("affiliated") among them, so 陆军军医大学附属第一医院 is the university's hospital. Chinese
numbers the hospital before the word as often (郑州大学第一附属医院, "the First Affiliated Hospital of
Zhengzhou University"), which read as a longer name: a doubt. A number and 附属 are a part now."""

from __future__ import annotations

import pytest

from helpers import coauthor_text_found
from test_names_chinese_formerly import LIST


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        ("陆军军医大学第一附属医院，重庆 400038", "match"),
        ("陆军军医大学第二附属医院，重庆 400037", "match"),
        ("陸軍軍醫大學第一附屬醫院，重慶市", "match"),  # traditional characters, a mainland city beside
        ("陆军军医大学附属第一医院，重庆 400038", "match"),
        # A number alone is no part's: 第一医院 may be any hospital's name.
        ("陆军军医大学第一医院，重庆", "doubt"),
    ],
)
def test_a_numbered_affiliated_hospital_is_the_university_s(tmp_path, monkeypatch, capsys, raw, found):
    coauthor_text_found(tmp_path, monkeypatch, capsys, LIST, raw, found)


# The tracker's Information Engineering University (../shared/data/aspi), its Chinese name with
# the army before it and the names that place it in Zhengzhou.
IEU_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: ieu
    name: Information Engineering University
    aliases: [中国人民解放军信息工程大学, 郑州测绘学院, Zhengzhou Information Science and Technology Institute]
    country: CN
    verified: true
"""


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        # The entry's own city before its name, as Chinese writes it with no space: the English
        # "Zhengzhou Information Engineering University" was the entry, the Chinese nothing.
        ("郑州信息工程大学，郑州 450001", "match"),
        ("郑州市信息工程大学网络空间安全学院，郑州 450001", "match"),
        ("Zhengzhou Information Engineering University, Zhengzhou 450001, China", "match"),
        # Another city's: another university (南京信息工程大学, Nanjing University of Information
        # Science and Technology), not found, as before; a place that ends a longer word neither.
        ("南京信息工程大学，南京 210044", "nothing"),
        ("河南省南京信息工程大学", "nothing"),
        ("新郑州信息工程大学", "nothing"),
    ],
)
def test_a_chinese_name_after_its_own_city_is_found(tmp_path, monkeypatch, capsys, raw, found):
    coauthor_text_found(tmp_path, monkeypatch, capsys, IEU_LIST, raw, found)


# The tracker's CAEP (../shared/data/aspi): its nickname 九院 ("the Ninth Academy"), and a name of
# it that places it in Shanghai too.
CAEP_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: caep
    name: Chinese Academy of Engineering Physics
    aliases: [中国工程物理研究院, 九院, "The High Power Laser Laboratory, Shanghai"]
    country: CN
    verified: true
"""


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        ("上海中国工程物理研究院，上海 201800", "match"),
        # Found so by its own place, a short alias made 上海九院 (Shanghai's Ninth People's
        # Hospital, as Shanghai writes it) the academy certainly: only a whole name, ending in its
        # institution's word, stands after a place; the nickname is not found there, as before.
        ("上海九院口腔科，上海 200011", "nothing"),
        ("上海九院，上海 200011", "nothing"),
    ],
)
def test_only_a_whole_chinese_name_stands_after_its_own_place(tmp_path, monkeypatch, capsys, raw, found):
    coauthor_text_found(tmp_path, monkeypatch, capsys, CAEP_LIST, raw, found)


def test_the_subject_s_chinese_name_after_its_own_province_is_the_subject():
    """The subject's own places are its names': "Hunan Guofang Keji University" (the Entity
    List's alias of NUDT, evidence/lists/us-entity-list.yaml) places it in Hunan."""
    from claimwatch.claims import Subject
    from claimwatch.evaluate._matchers import SubjectMatcher
    from claimwatch.works import Authorship

    subject = Subject(
        id="nudt",
        name="National University of Defense Technology",
        aliases=("国防科技大学", "Hunan Guofang Keji University"),
        country="CN",
    )
    matcher = SubjectMatcher(subject)
    at = matcher._match(Authorship("A", 0, raw_affiliations=("湖南国防科技大学计算机学院，长沙 410073",)))
    assert at is not None and at.doubt is None
    # After another city (thirtieth part): a doubt, as "Beijing National University of Defense
    # Technology" is, where it was nothing.
    other = matcher._match(Authorship("A", 0, raw_affiliations=("北京国防科技大学",)))
    assert other is not None and other.doubt and "the place “北京” comes right before" in other.doubt


# The tracker's China University of Geosciences (Wuhan) (../shared/data/aspi): named by its place,
# one of two universities of one name, 中国地质大学（北京） the other.
CUG_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: cug
    name: China University of Geosciences (Wuhan)
    aliases: [中国地质大学, 中国地质大学(武汉), CUG]
    country: CN
    verified: true
"""


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        # Its own place right after the name, bare or spaced from it: the alias's bracket written
        # otherwise, as "China University of Geosciences, Wuhan" is the entry.
        ("中国地质大学武汉，湖北 430074", "match"),
        ("中国地质大学 (武汉) 地球科学学院，武汉 430074", "match"),
        ("中国地质大学（武汉）计算机学院，武汉 430074", "match"),
        # The other university's place, and a college after its own place: doubts, as before.
        ("中国地质大学（北京），北京 100083", "doubt"),
        ("中国地质大学北京", "doubt"),
        ("中国地质大学武汉珠宝学院", "doubt"),
    ],
)
def test_a_chinese_name_the_list_gives_by_its_place_is_found_with_it_written_otherwise(
    tmp_path, monkeypatch, capsys, raw, found
):
    coauthor_text_found(tmp_path, monkeypatch, capsys, CUG_LIST, raw, found)


# Army Medical University with the hospitals the tracker (../shared/data/aspi) gives under it as
# subsidiaries, as `lists import aspi` writes them.
AMU_WITH_HOSPITALS = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: amu
    name: Army Medical University
    aliases: [陆军军医大学, 第三军医大学, Third Military Medical University]
    country: CN
    verified: true
    related:
      - {name: First Affiliated Hospital/Southwest Hospital, aliases: [西南医院], called: [subsidiary], country: CN}
      - {name: Second Affiliated Hospital/Xinqiao Hospital, aliases: [新桥医院], called: [subsidiary], country: CN}
      - name: "Third Affiliated Hospital/Daping Hospital (第三附属医院/大坪医院), now known as the Army Characteristic Medical Center"
        aliases: [陆军特色医学中心]
        called: [subsidiary]
        country: CN
      - {name: Army Medical Training Base, aliases: [陆军卫勤训练基地], called: [subsidiary], country: CN}
"""


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        # Thirtieth part: the tracker gives 西南医院 as the university's First Affiliated Hospital,
        # the hospital 陆军军医大学第一附属医院 names, which is the university's; written after the
        # university's name it was a doubt, "may name another institution whose name begins with
        # Army Medical University's". It is the university's hospital now, as 第一附属医院 is.
        ("陆军军医大学西南医院，重庆 400038", "match"),
        ("陆军军医大学西南医院心内科，重庆 400038", "match"),
        ("陆军军医大学新桥医院，重庆 400037", "match"),
        ("陆军军医大学大坪医院，重庆 400042", "match"),  # in the tracker's name of it, in brackets
        ("陆军军医大学陆军特色医学中心，重庆", "match"),
        # Alone, the hospital is only named under the university: a doubt, as before.
        ("西南医院，重庆 400038", "doubt"),
        # A subsidiary that is no numbered hospital, or another hospital's name: a doubt, as before.
        ("陆军军医大学陆军卫勤训练基地", "doubt"),
        ("陆军军医大学西南医科大学", "doubt"),
    ],
)
def test_a_numbered_hospital_the_list_gives_under_the_university_is_its_part(tmp_path, monkeypatch, capsys, raw, found):
    coauthor_text_found(tmp_path, monkeypatch, capsys, AMU_WITH_HOSPITALS, raw, found)

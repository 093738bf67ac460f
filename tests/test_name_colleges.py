"""Institution names in Chinese and named colleges (issue 18, twentieth part), on the real ASPI
tracker's names, through both engines.

False doubts the nineteenth part left: a school named by a field of study written after a Chinese
name (北京航空航天大学计算机学院, Beihang's School of Computer Science) and a campus in full-width
brackets (哈尔滨工业大学（深圳）, a campus of HIT: "哈尔滨工业大学(深圳)由哈工大与深圳市政府合作共建,
是哈工大的一个校区", https://scholarmate.com/S/7tpEM6) were doubts, as an independent college
(天津大学仁爱学院) is, where their English forms match. Independent colleges stay doubts: one named
by a place (吉林大学珠海学院), a word (浙江大学城市学院) or by science and technology alone
(南昌航空大学科技学院)."""

from __future__ import annotations

import pytest

from claimwatch.evaluate._names import a_school_of_a_field
from test_name_boundaries import aspi, check  # noqa: F401 (the fixture)

# (raw affiliation, the entry's name or alias found)
SCHOOLS_AND_CAMPUSES = [
    ("北京航空航天大学计算机学院，北京 100191", "北京航空航天大学"),
    ("北京航空航天大学计算机学院", "北京航空航天大学"),
    ("School of Computer Science, Beihang University, Beijing, China", "Beihang University"),
    ("哈尔滨工业大学计算机科学与技术学院，哈尔滨", "哈尔滨工业大学"),
    ("北京理工大学 计算机学院", "北京理工大学"),
    ("天津大学医学院，天津", "天津大学"),  # 医学 and 院
    ("哈尔滨工程大学数学系", "哈尔滨工程大学"),
    ("北京航空航天大學計算機學院", "北京航空航天大学"),  # traditional characters, a mainland province in the name
    ("哈尔滨工业大学（深圳）", "哈尔滨工业大学"),
    ("哈尔滨工业大学（深圳），深圳 518055", "哈尔滨工业大学"),
    ("哈尔滨工业大学 (深圳) 计算机科学与技术学院，深圳", "哈尔滨工业大学"),
    ("哈尔滨工业大学【威海】", "哈尔滨工业大学"),
    ("哈尔滨工业大学深圳研究生院", "哈尔滨工业大学"),
    ("Harbin Institute of Technology (Shenzhen), Shenzhen 518055, China", "Harbin Institute of Technology"),
]


@pytest.mark.parametrize(("raw", "name"), SCHOOLS_AND_CAMPUSES, ids=[m[0] for m in SCHOOLS_AND_CAMPUSES])
def test_a_school_of_a_field_or_a_campus_after_a_chinese_name_matches(aspi, tmp_path, raw, name):  # noqa: F811
    result = check(aspi, tmp_path, raw)
    assert (result.verdict, result.matched, result.uncertain) == ("contradicted", 1, 0)
    (reason,) = [r for r in result.findings[0].reasons if r.kind == "listed_author"]
    assert reason.matched_name == name and reason.doubt is None


# (raw affiliation, what the name runs on into, the entry)
COLLEGES_OF_THEIR_OWN = [
    ("天津大学仁爱学院，天津 301636", "“仁爱学院”", "Tianjin University"),  # a word
    ("吉林大学珠海学院，珠海", "“珠海学院”", "Jilin University"),  # a place
    ("浙江大学城市学院，杭州", "“城市学院”", "Zhejiang University"),  # City College of Zhejiang University
    ("浙江大学宁波理工学院", "“宁波理工学院”", "Zhejiang University"),  # a place and 理工 alone
    ("南京理工大学泰州科技学院", "“泰州科技学院”", "Nanjing University of Science and Technology"),
    ("北京航空航天大学科技学院", "“科技学院”", "Beihang University"),  # science and technology alone
    ("北京航空航天大学应用技术学院", "“应用技术学院”", "Beihang University"),
    ("电子科技大学中山学院", "“中山学院”", "University of Electronic Science and Technology of China"),
    # A place and then a college, bare or in brackets: a college of its own, as in English.
    ("哈尔滨工业大学（深圳）学院", "“（深圳）”", "Harbin Institute of Technology"),
    ("哈尔滨工业大学深圳仁爱学院", "“深圳仁爱学院”", "Harbin Institute of Technology"),
    # A bracket holding more than a place.
    ("哈尔滨工业大学（深圳研究生院）", "“（深圳研究生院）”", "Harbin Institute of Technology"),
    # An entry named by its place: another place in brackets is another university's name.
    ("中国地质大学（北京）地球科学与资源学院", "“（北京）”", "China University of Geosciences (Wuhan)"),
    # An entry an independent college is named after with a city: 北京理工大学珠海学院.
    ("北京理工大学（珠海）", "“（珠海）”", "Beijing Institute of Technology"),
    ("北京理工大学珠海", "“珠海”", "Beijing Institute of Technology"),
    # A road named after a place is no campus.
    ("北京航空航天大学深圳路", "“深圳路”", "Beihang University"),
]


@pytest.mark.parametrize(("raw", "word", "entry"), COLLEGES_OF_THEIR_OWN, ids=[d[0] for d in COLLEGES_OF_THEIR_OWN])
def test_a_college_of_its_own_after_a_chinese_name_is_still_a_doubt(aspi, tmp_path, raw, word, entry):  # noqa: F811
    result = check(aspi, tmp_path, raw)
    assert (result.verdict, result.matched, result.uncertain) == ("insufficient_evidence", 0, 1)
    (doubt,) = result.uncertain_findings[0].uncertain_because
    assert word in doubt and f"{entry}'s" in doubt


@pytest.mark.parametrize(
    ("run", "school"),
    [
        ("计算机学院", True),
        ("计算机科学与技术学院", True),
        ("系统工程系", True),  # 系统 a field, 系 the department
        ("文学院", True),
        ("电子信息工程研究院", True),
        ("科学技术学院", False),
        ("理工学院", False),
        ("文理学院", False),
        ("工程技术学院", False),
        ("学院", False),
        ("嘉庚学院", False),
        ("现代经济管理学院", False),  # a word before the fields
    ],
)
def test_what_a_school_of_a_field_is(run, school):
    assert a_school_of_a_field(run) is school


def test_a_long_run_of_overlapping_fields_is_read_in_one_pass():
    """The fields overlap (理 and 理工, 工 and 工程): a run of them with no school word after is
    read once, not in every way it could be split, which would never end. Python's regular
    expressions count no steps, so the guard is that a separate process ends at all; the bound
    is a hang's, not a speed target (in-process, the run takes milliseconds)."""
    import subprocess
    import sys

    code = 'from claimwatch.evaluate._names import a_school_of_a_field as f; print(f("理工" * 5_000 + "理"))'
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.strip() == "False"


# A university's own colleges that the rules for independent colleges took for one (`OWN_COLLEGES`
# gives the sources): Xi'an Jiaotong University's honours college, named after an alumnus and
# written without "Honors", and UESTC's joint college with the University of Glasgow, whose name
# placed the author in the United Kingdom too.
OWN_COLLEGES = [
    ("Qian Xuesen College, Xi'an Jiaotong University, Xi'an 710049, China", "Xi'an Jiaotong University"),
    ("Qian Xuesen College of Xi'an Jiaotong University, Xi'an, China", "Xi'an Jiaotong University"),
    ("Xi'an Jiaotong University, Qian Xuesen College, Xi'an, China", "Xi'an Jiaotong University"),
    ("Qian Xuesen College, Xi'an Jiaotong University", "Xi'an Jiaotong University"),
    (
        "Glasgow College, University of Electronic Science and Technology of China, Chengdu 611731, China",
        "University of Electronic Science and Technology of China",
    ),
    (
        "Glasgow College, University of Electronic Science and Technology of China",
        "University of Electronic Science and Technology of China",
    ),
    (
        "University of Electronic Science and Technology of China, Glasgow College, Chengdu, China",
        "University of Electronic Science and Technology of China",
    ),
]


@pytest.mark.parametrize(("raw", "name"), OWN_COLLEGES, ids=[m[0] for m in OWN_COLLEGES])
def test_a_university_s_own_honours_or_joint_college_matches(aspi, tmp_path, raw, name):  # noqa: F811
    result = check(aspi, tmp_path, raw)
    assert (result.verdict, result.matched, result.uncertain) == ("contradicted", 1, 0)
    (reason,) = [r for r in result.findings[0].reasons if r.kind == "listed_author"]
    assert reason.matched_name == name and reason.doubt is None


# Independent colleges, institutions of their own, and the own colleges' names beside another
# university, stay doubts; Glasgow named as the author's city is still the United Kingdom.
OTHER_COLLEGES = [
    ("Zhuhai College of Jilin University, Zhuhai, China", "“Zhuhai College”"),
    ("City College of Zhejiang University, Hangzhou, China", "“City College”"),
    ("Tan Kah Kee College, Xiamen University, Zhangzhou, China", "“Tan Kah Kee College”"),
    ("Qian Xuesen College, Tianjin University, Tianjin, China", "“Qian Xuesen College”"),
    (
        "Glasgow College, University of Electronic Science and Technology of China, Glasgow, UK",
        "names “Glasgow”, “UK”, in United Kingdom",
    ),
]


@pytest.mark.parametrize(("raw", "said"), OTHER_COLLEGES, ids=[m[0] for m in OTHER_COLLEGES])
def test_an_independent_college_or_another_university_s_stays_a_doubt(aspi, tmp_path, raw, said):  # noqa: F811
    result = check(aspi, tmp_path, raw)
    assert (result.verdict, result.matched, result.uncertain) == ("insufficient_evidence", 0, 1)
    (doubt,) = result.uncertain_findings[0].uncertain_because
    assert said in doubt


@pytest.mark.parametrize(
    ("raw", "said"),
    [
        ("HIT, BIT", "names none, nor any country"),
        ("HIT, BIT, China", "the affiliation, in China, names none"),
        ("Dept. of CS, HIT, BIT, 100081, China", "the affiliation, in China, names none"),
    ],
)
def test_two_bare_acronyms_are_two_doubts_that_say_the_rule(aspi, tmp_path, raw, said):  # noqa: F811
    """Two listed acronyms in one string: each alone is weak evidence, so each is a doubt, and the
    doubt says what would make it count (it said "the affiliation names no country", though
    "HIT, BIT, China" is a doubt still)."""
    result = check(aspi, tmp_path, raw)
    assert (result.verdict, result.matched, result.uncertain) == ("insufficient_evidence", 0, 1)
    doubts = sorted(result.uncertain_findings[0].uncertain_because)
    assert len(doubts) == 2
    for acronym, doubt in zip(["BIT", "HIT"], doubts, strict=True):
        assert f"the acronym “{acronym}” alone matched" in doubt
        assert "an acronym counts only beside a place of the full name" in doubt and said in doubt


def test_two_acronyms_each_beside_its_place_both_match(aspi, tmp_path):  # noqa: F811
    result = check(aspi, tmp_path, "HIT, Harbin 150001; BIT, Beijing 100081, China")
    assert (result.verdict, result.matched, result.uncertain) == ("contradicted", 1, 0)
    reasons = [r for r in result.findings[0].reasons if r.kind == "listed_author"]
    assert sorted((r.matched_name, r.doubt) for r in reasons) == [("BIT", None), ("HIT", None)]


# 中国矿业大学（北京） names itself "China University of Mining and Technology-Beijing"; one source
# has it a university of its own, split from the Xuzhou one the tracker lists (`COLLEGES_BY_A_CITY`
# gives the sources). The English forms were certain matches; the Chinese bracket a doubt that
# the campus rule above would have made a match. Each is a doubt, as "Beijing Institute of
# Technology, Zhuhai" is (now with a dash too).
CITY_NAMESAKES = [
    ("China University of Mining and Technology (Beijing), Beijing 100083, China", "中国矿业大学（北京）"),
    ("China University of Mining and Technology, Beijing 100083, China", "中国矿业大学（北京）"),
    ("China University of Mining and Technology-Beijing, Beijing, China", "中国矿业大学（北京）"),
    ("Beijing campus of China University of Mining and Technology, China", "中国矿业大学（北京）"),
    ("中国矿业大学（北京），北京 100083", "“（北京）”"),
    ("中国矿业大学北京", "“北京”"),
    ("Beijing Institute of Technology-Zhuhai, Zhuhai 519088, China", "北京理工大学珠海学院"),
]


@pytest.mark.parametrize(("raw", "said"), CITY_NAMESAKES, ids=[m[0] for m in CITY_NAMESAKES])
def test_a_university_named_by_a_listed_one_and_a_city_is_a_doubt(aspi, tmp_path, raw, said):  # noqa: F811
    result = check(aspi, tmp_path, raw)
    assert (result.verdict, result.matched, result.uncertain) == ("insufficient_evidence", 0, 1)
    (doubt,) = result.uncertain_findings[0].uncertain_because
    assert said in doubt


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        (
            "China University of Mining and Technology, Xuzhou 221116, China",
            "China University of Mining and Technology",
        ),
        ("中国矿业大学计算机科学与技术学院，徐州 221116", "中国矿业大学"),
    ],
)
def test_the_listed_university_in_its_own_city_still_matches(aspi, tmp_path, raw, name):  # noqa: F811
    result = check(aspi, tmp_path, raw)
    assert (result.verdict, result.matched, result.uncertain) == ("contradicted", 1, 0)
    (reason,) = [r for r in result.findings[0].reasons if r.kind == "listed_author"]
    assert reason.matched_name == name and reason.doubt is None

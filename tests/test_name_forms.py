"""What a review of verdicts on real lists found in name matching (issue 18, eleventh part).

Two false clearances: a listed name in the form Web of Science writes it, without its "of"
("Harbin Inst Technol"), and an official name that ends "of China" or "of PLA" after the listed
one ("Renmin University of China", "Army Engineering University of PLA"), which the rule for
longer names ("Tianjin University of Technology" is not Tianjin University) took for another
institution. And a false accusation: a listed name that the affiliation runs straight on from
into another word ("Tianjin University Renai College", "Tianjin Univ Technol", "Chongqing
University Town") was a certain match; it is a doubt now, unless the word is a part of the
institution (a school, a lab) or a place ("Harbin Institute of Technology Shenzhen")."""

from __future__ import annotations

import pytest

from claimwatch import claims as claims_mod
from claimwatch.evaluate._names import NameMatcher
from helpers import authorship, coauthor_text_found, institution, work, write, write_jsonl
from test_columnar_engine import engines_agree

NAMES = [
    ("hit", "Harbin Institute of Technology"),
    ("ustc", "University of Science and Technology of China"),
    ("nust", "Nanjing University of Science and Technology"),
    ("renmin", "Renmin University"),
    ("aeu", "Army Engineering University"),
    ("tju", "Tianjin University"),
]


@pytest.fixture(scope="module")
def matcher() -> NameMatcher:
    return NameMatcher(NAMES)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Sch Comp Sci & Technol, Harbin Inst Technol, Harbin 150001, Peoples R China",
            [("hit", "Harbin Inst Technol")],
        ),
        ("Univ Sci & Technol China, Hefei 230026, Peoples R China", [("ustc", "Univ Sci & Technol China")]),
        ("Nanjing Univ Sci & Technol, Nanjing, Peoples R China", [("nust", "Nanjing Univ Sci & Technol")]),
        ("Harbin Institute of Technology, Harbin", [("hit", "Harbin Institute of Technology")]),
        ("School of Law, Renmin University of China, Beijing", [("renmin", "Renmin University")]),
        ("Army Engineering University of PLA, Nanjing", [("aeu", "Army Engineering University")]),
        ("Army Engineering University of the People's Liberation Army", [("aeu", "Army Engineering University")]),
        # Any other "of" still makes a longer name, another institution.
        ("Tianjin University of Technology, Tianjin", []),
        ("Renmin University of China University Town", []),
        ("Tianjin University, Tianjin", [("tju", "Tianjin University")]),
    ],
)
def test_web_of_science_forms_and_official_names_are_found(matcher, text, found):
    assert [(h.key, h.matched) for h in matcher.find(text)] == found


def test_only_an_inner_of_is_left_out():
    """ "Institute of" alone is no name to find in "Institute X"."""
    assert NameMatcher([("x", "Institute of")]).find("Institute, Beijing") == []


LAB = institution("I100", "Example Lab", country="US")

CLAIMS = """\
statement: {speaker: Example Corp, made_on: 2024-01-10, quote: q, sources: [{title: t}]}
subjects:
  lab: {name: Example Lab, openalex: [I100]}
claims:
  - {id: partners, says: s, subject: lab, from: 2024-01-10, expects: none, works: {coauthor_in: [named]}}
"""

LIST = """\
id: named
name: Listed by name
sources: [{title: A source}]
entries:
  - {id: hit, name: Harbin Institute of Technology, country: CN, listed_from: 2020-06-05, verified: true}
  - {id: renmin, name: Renmin University, country: CN, listed_from: 2020-06-05, verified: true}
  - {id: tju, name: Tianjin University, country: CN, listed_from: 2020-06-05, verified: true}
  - {id: cqu, name: Chongqing University, country: CN, listed_from: 2020-06-05, verified: true}
  - {id: bit, name: Beijing Institute of Technology, country: CN, listed_from: 2020-06-05, verified: true}
  - id: uestc
    name: University of Electronic Science and Technology of China
    aliases: [UESTC]
    country: CN
    listed_from: 2020-06-05
    verified: true
"""


def check(tmp_path, raws: list[str], list_text: str = LIST):
    """The claim on works by the lab, each with one partner whose raw affiliation is given,
    through both engines."""
    write(tmp_path / "claims/c.yaml", CLAIMS)
    write(tmp_path / "evidence/lists/named.yaml", list_text)
    claims = claims_mod.load_claims([tmp_path / "claims/c.yaml"], root=tmp_path)
    records = [
        work(f"W{n}", "A paper", "2024-06-01", [authorship("A. Lab", [LAB]), authorship("B. Partner", [], raw=[raw])])
        for n, raw in enumerate(raws, 1)
    ]
    results = engines_agree(claims, [write_jsonl(tmp_path / "works.jsonl", records)], tmp_path / "cache")
    (result,) = results.results
    return result


def test_both_engines_find_them_in_raw_affiliations(tmp_path):
    result = check(
        tmp_path,
        [
            "Sch Comp Sci & Technol, Harbin Inst Technol, Harbin 150001, Peoples R China",
            "School of Law, Renmin University of China, Beijing 100872, China",
            "Tianjin University of Technology, Tianjin, China",
        ],
    )
    assert sorted(f.work.id for f in result.findings) == ["W1", "W2"]
    assert result.verdict == "contradicted"


RUNS_ON = [
    "Tianjin University Renai College, Tianjin 301636, China",
    "Tianjin Univ Technol, Sch Comp Sci & Engn, Tianjin 300384, Peoples R China",
    "Chongqing Normal University, Chongqing University Town, Chongqing 401331, China",
    # A place and a college: an independent college of its own (found by the sixteenth part's hunt,
    # as "Sichuan University Jinjiang College" and "Jilin University Zhuhai College").
    "Tianjin University Ningbo Institute, Ningbo, China",
    "Harbin Institute of Technology Shenzhen College, Shenzhen, China",
    # "at" or "in" before no place, or before a place's college.
    "Tianjin University at Renai, Tianjin, China",
    "Tianjin University at Ningbo Institute, Ningbo, China",
]
STANDS = [
    "Harbin Institute of Technology Shenzhen, Shenzhen 518055, China",
    "Harbin Institute of Technology Shenzhen Graduate School, Shenzhen 518055, China",
    # A campus written with "at" or "in" (哈尔滨工业大学（威海） names itself so in English).
    "Harbin Institute of Technology at Weihai, Weihai 264209, China",
    "Research Institute of Harbin Institute of Technology in Chongqing, Chongqing, China",
    "Tianjin University School of Computer Science, Tianjin, China",
    "School of Computer Science, Tianjin University, Tianjin 300072, China",
    "Chongqing University, Chongqing 400044, China",
]


@pytest.mark.parametrize("raw", RUNS_ON)
def test_a_name_running_on_into_another_word_is_a_doubt(tmp_path, raw):
    assert_a_doubt(tmp_path, raw, "runs on into")


def assert_a_doubt(tmp_path, raw: str, *said: str) -> None:
    """The affiliation `raw` gives no finding, one uncertain one whose doubt says all of `said`."""
    result = check(tmp_path, [raw])
    assert not result.findings
    (finding,) = result.uncertain_findings
    assert any(all(words in why for words in said) for why in finding.uncertain_because)


@pytest.mark.parametrize("raw", STANDS)
def test_a_name_going_on_into_a_part_of_it_or_a_place_still_matches(tmp_path, raw):
    assert [f.work.id for f in check(tmp_path, [raw]).findings] == ["W1"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("中国人民大学法学院，北京", ["renmin"]),  # Renmin University of China, in its own name
        ("中国人民解放军国防大学，北京", ["ndu"]),
        ("解放军国防大学", ["ndu"]),
        ("国防科技大学，长沙", []),  # NUDT: 国防 begins another name
        ("南开天津大学", []),  # another word before the name: still a longer name
        ("北京中国人民大学", []),  # the prefix itself inside a longer word
    ],
)
def test_a_chinese_name_after_its_country_or_army_is_the_same_institution(text, found):
    matcher = NameMatcher([("renmin", "人民大学"), ("ndu", "国防大学")])
    assert [h.key for h in matcher.find(text)] == found


def test_both_engines_find_a_chinese_name_after_its_country(tmp_path):
    write(
        tmp_path / "evidence/lists/named.yaml",
        LIST + "  - {id: ndu, name: National Defense University, aliases: [国防大学], country: CN, verified: true}\n",
    )
    write(tmp_path / "claims/c.yaml", CLAIMS)
    claims = claims_mod.load_claims([tmp_path / "claims/c.yaml"], root=tmp_path)
    partner = authorship("B. Partner", [], raw=["中国人民解放军国防大学，北京"])
    records = [work("W1", "A paper", "2024-06-01", [authorship("A. Lab", [LAB]), partner])]
    results = engines_agree(claims, [write_jsonl(tmp_path / "works.jsonl", records)], tmp_path / "cache")
    assert [f.work.id for r in results.results for f in r.findings] == ["W1"]


# China's independent colleges named the other way round: a place, a college "of" the university.
# Each is an institution of its own (金城学院, 锦江学院, 吉林大学珠海学院); each was a certain match.
COLLEGES_OF = [
    "Jincheng College of Tianjin University, Nanjing 211156, China",
    "Suzhou College of Renmin University, Suzhou, China",
    "Zhuhai College of Harbin Institute of Technology, Zhuhai, China",
    "Chengdu Institute of the Chongqing University, Chengdu, China",
]
# A school or a college of a field stays the university's.
COLLEGES_OF_A_FIELD = [
    "College of Computer Science of Tianjin University, Tianjin 300072, China",
    "Shenzhen Graduate School of Harbin Institute of Technology, Shenzhen 518055, China",
    "Medical College of Chongqing University, Chongqing, China",
]


@pytest.mark.parametrize("raw", COLLEGES_OF)
def test_a_place_s_college_of_a_listed_name_is_a_doubt(tmp_path, raw):
    assert_a_doubt(tmp_path, raw, "comes right before", "independent colleges")


@pytest.mark.parametrize("raw", COLLEGES_OF_A_FIELD)
def test_a_college_of_a_field_of_a_listed_name_still_matches(tmp_path, raw):
    assert [f.work.id for f in check(tmp_path, [raw]).findings] == ["W1"]


# The same colleges parted from the university's name by a comma, as an author lists a school and
# then its university: each was a certain match (电子科技大学中山学院 is a college of its own).
COLLEGES_BY_A_COMMA = [
    "Zhongshan Institute, University of Electronic Science and Technology of China, Zhongshan 528402, China",
    "Zhongshan Institute\uff0cUniversity of Electronic Science and Technology of China, Zhongshan, China",
    "School of Electronic Information, Jincheng College, Tianjin University, Nanjing, China",
    "Chengdu Institute, Chongqing University, Chengdu, China",
]
# A campus named after the university, a school or a college of a field before it, stays the
# university's (docs/evaluation.md).
CAMPUSES_AND_SCHOOLS = [
    "Harbin Institute of Technology, Weihai, Weihai 264209, China",
    "Harbin Institute of Technology (Shenzhen), Shenzhen 518055, China",
    "School of Computer Science, Harbin Institute of Technology, Harbin 150001, China",
    "College of Computer Science, Chongqing University, Chongqing 400044, China",
    "Institute of Electronics, University of Electronic Science and Technology of China, Chengdu 611731, China",
]


@pytest.mark.parametrize("raw", COLLEGES_BY_A_COMMA)
def test_a_place_s_college_before_a_listed_name_and_a_comma_is_a_doubt(tmp_path, raw):
    assert_a_doubt(tmp_path, raw, "comes right before", "independent colleges")


@pytest.mark.parametrize("raw", CAMPUSES_AND_SCHOOLS)
def test_a_campus_or_a_school_before_a_comma_still_matches(tmp_path, raw):
    assert [f.work.id for f in check(tmp_path, [raw]).findings] == ["W1"]


def test_a_place_s_college_before_an_acronym_and_a_comma_is_a_doubt():
    """Found by name alone, an acronym beside a place of its full name would count: after a
    college and a comma it is a doubt, said why."""
    from claimwatch.evaluate._matchers import _college_of_before

    matcher = NameMatcher([("hit", "HIT")])
    text = "Shenzhen College, HIT, Harbin 150001, China"
    (hit,) = matcher.find(text)
    assert _college_of_before(hit, text) == "Shenzhen College"
    (hit,) = matcher.find("School of Computer Science, HIT, Harbin 150001, China")
    assert _college_of_before(hit, "School of Computer Science, HIT, Harbin 150001, China") is None


# Colleges named by no field of study, as China's independent colleges are: by a person (厦门大学
# 嘉庚学院, after Tan Kah Kee), by a word (天津大学仁爱学院, "benevolence"), by "City" (浙大城市学院),
# or by science and technology alone (科技学院). Each was a certain match of the university.
COLLEGES_NAMED_OTHERWISE = [
    "Tan Kah Kee College of Tianjin University, Zhangzhou 363105, China",
    "School of Information Science, Tan Kah Kee College, Chongqing University, Zhangzhou, China",
    "Renai College of Tianjin University, Tianjin 301636, China",
    "City College, Chongqing University, Hangzhou, China",
    "Science and Technology College of Chongqing University, Chongqing, China",
]
# A college or an institute named by its field, before the name and a comma or "of", stays the
# university's.
COLLEGES_NAMED_BY_A_FIELD = [
    "Medical College, Chongqing University, Chongqing 400044, China",
    "Software College, Tianjin University, Tianjin, China",
    "Information Science and Technology College of Tianjin University, Tianjin, China",
    "Shenzhen Research Institute of Chongqing University, Shenzhen, China",
    "Aerospace Information Research Institute, Chongqing University, Chongqing, China",
    # An honours college, whoever it is named after, is the university's (沈元荣誉学院 is Beihang's).
    "Shen Yuan Honors College, Tianjin University, Tianjin, China",
    "Chu Kochen Honors College of Chongqing University, Chongqing, China",
    "Tianjin University, Shen Yuan Honours College, Tianjin, China",
]


# Institutes and academies named by no field of study, of a listed body, as the ASPI tracker names
# them under its entries (meta.subsidiaries, meta.major defence laboratories): each its entry's own
# unit, as independent colleges are not, and each a doubt under the nineteenth part's first rule.
UNITS_NAMED_OTHERWISE = [
    "Electronic Countermeasures Institute, National University of Defense Technology, Hefei, China",
    "National University of Defense Technology, International Relations Institute, Nanjing, China",
    "Logistics Academy, National University of Defense Technology, China",
    "China Aerospace Science and Technology Corporation, CASC 8th Academy, Shanghai, China",
    "CASC 10th Academy of China Aerospace Science and Technology Corporation, Guiyang, China",
]
UNITS_LIST = (
    LIST
    + "  - {id: nudt, name: National University of Defense Technology, country: CN, verified: true}\n"
    + "  - {id: casc, name: China Aerospace Science and Technology Corporation, country: CN, verified: true}\n"
)


@pytest.mark.parametrize("raw", UNITS_NAMED_OTHERWISE)
def test_an_institute_or_academy_named_by_no_field_still_matches(tmp_path, raw):
    assert [f.work.id for f in check(tmp_path, [raw], UNITS_LIST).findings] == ["W1"]


@pytest.mark.parametrize("raw", COLLEGES_NAMED_OTHERWISE)
def test_a_college_named_by_no_field_before_a_listed_name_is_a_doubt(tmp_path, raw):
    assert_a_doubt(tmp_path, raw, "comes right before", "independent colleges")


@pytest.mark.parametrize("raw", COLLEGES_NAMED_BY_A_FIELD)
def test_a_college_named_by_a_field_before_a_listed_name_still_matches(tmp_path, raw):
    assert [f.work.id for f in check(tmp_path, [raw]).findings] == ["W1"]


# Colleges named by technology (and science) alone after an "of", as 科技学院 and 理工学院 are, with a
# place or nothing before them, before a listed name and a comma or "of" (found by a helper running
# the case on the real tracker): 南京理工大学泰州科技学院, 浙江大学宁波理工学院 and 南昌航空大学科技学院
# give their English names so, and each was a certain match of the university.
COLLEGES_OF_TECHNOLOGY = [
    "Taizhou Institute of Science and Technology, Tianjin University, Taizhou 225300, China",
    "Taizhou Institute of Science and Technology of Tianjin University, Taizhou, China",
    "Taizhou Institute of Sci. & Tech., Tianjin University, Taizhou, China",
    "Ningbo Institute of Technology, Chongqing University, Ningbo 315100, China",
    "College of Science and Technology, Chongqing University, Gongqingcheng, China",
    "School of Information Engineering, College of Science and Technology of Tianjin University, China",
    "Zhongshan Institute of Technology, University of Electronic Science and Technology of China, China",
]
# A school of science and technology, a college of a field "and technology", an institute of advanced
# technology, stay the university's.
PARTS_OF_TECHNOLOGY = [
    "School of Science and Technology, Tianjin University, Tianjin 300072, China",
    "College of Computer Science and Technology, Harbin Institute of Technology, Harbin 150001, China",
    "Institute of Advanced Technology, University of Electronic Science and Technology of China, Chengdu, China",
    "College of Information Science and Technology, Chongqing University, Chongqing, China",
]


@pytest.mark.parametrize("raw", COLLEGES_OF_TECHNOLOGY)
def test_a_college_of_technology_alone_before_a_listed_name_is_a_doubt(tmp_path, raw):
    assert_a_doubt(tmp_path, raw, "comes right before", "independent colleges")


@pytest.mark.parametrize("raw", PARTS_OF_TECHNOLOGY)
def test_a_school_or_a_college_of_a_field_and_technology_still_matches(tmp_path, raw):
    assert [f.work.id for f in check(tmp_path, [raw]).findings] == ["W1"]


# The same colleges after the name and a comma.
COLLEGES_OF_TECHNOLOGY_AFTER = [
    "Tianjin University, Taizhou Institute of Science and Technology, Taizhou 225300, China",
    "Chongqing University, Ningbo Institute of Technology, Ningbo, China",
    "Chongqing University, College of Science and Technology, Gongqingcheng, China",
]
PARTS_OF_TECHNOLOGY_AFTER = [
    "Tianjin University, School of Science and Technology, Tianjin 300072, China",
    "Harbin Institute of Technology, College of Computer Science and Technology, Harbin 150001, China",
]


@pytest.mark.parametrize("raw", COLLEGES_OF_TECHNOLOGY_AFTER)
def test_a_college_of_technology_alone_after_a_listed_name_and_a_comma_is_a_doubt(tmp_path, raw):
    assert_a_doubt(tmp_path, raw, "comes right after", "independent colleges")


@pytest.mark.parametrize("raw", PARTS_OF_TECHNOLOGY_AFTER)
def test_a_school_of_science_and_technology_after_a_listed_name_still_matches(tmp_path, raw):
    assert [f.work.id for f in check(tmp_path, [raw]).findings] == ["W1"]


# 北京理工大学珠海学院, an independent college, names itself "Beijing Institute of Technology,
# Zhuhai" (sources in `COLLEGES_BY_A_CITY`): a certain match of BIT, on both engines.
@pytest.mark.parametrize(
    "raw",
    [
        "Beijing Institute of Technology, Zhuhai, Zhuhai 519088, China",
        "Beijing Institute of Technology (Zhuhai), Guangdong, China",
        "Beijing Institute of Technology Zhuhai Campus, Zhuhai, China",
        "Beijing Institute of Technology at Zhuhai, Guangdong, China",
        # The campus before the name, as "Beijing Institute of Technology Zhuhai Campus" after it.
        "Zhuhai Campus of Beijing Institute of Technology, Guangdong, China",
        "School of Computer Science, Zhuhai Campus, Beijing Institute of Technology, China",
    ],
)
def test_the_university_and_the_city_an_independent_college_names_itself_by_are_a_doubt(tmp_path, raw):
    assert_a_doubt(tmp_path, raw, "an independent college", "Zhuhai", "for a reviewer")


@pytest.mark.parametrize(
    "raw",
    [
        "Beijing Institute of Technology, Beijing 100081, China",
        "School of Optics, Beijing Institute of Technology, Zhuhai Road 5, Beijing, China",
        "Liangxiang Campus of Beijing Institute of Technology, Beijing, China",
    ],
)
def test_the_university_in_another_city_or_on_a_road_of_that_name_still_matches(tmp_path, raw):
    assert [f.work.id for f in check(tmp_path, [raw]).findings] == ["W1"]


# The same colleges after the name and a comma, as authors write a university and then its school.
COLLEGES_AFTER_A_COMMA = [
    "University of Electronic Science and Technology of China, Zhongshan Institute, Zhongshan 528402, China",
    "Tianjin University, Tan Kah Kee College, Zhangzhou 363105, China",
    "Tianjin University\uff0cRenai College\uff0cTianjin 301636, China",
    "Chongqing University, Chengdu Institute",
]
PARTS_AFTER_A_COMMA = [
    "Chongqing University, Medical College, Chongqing 400044, China",
    "Harbin Institute of Technology, Shenzhen Graduate School, Shenzhen 518055, China",
    "Tianjin University, Institute of Optical Fiber Sensing, Tianjin 300072, China",
    "Harbin Institute of Technology, Weihai 264209, China",
]


@pytest.mark.parametrize("raw", COLLEGES_AFTER_A_COMMA)
def test_a_college_named_by_a_place_or_no_field_after_a_listed_name_and_a_comma_is_a_doubt(tmp_path, raw):
    assert_a_doubt(tmp_path, raw, "comes right after", "independent colleges")


@pytest.mark.parametrize("raw", PARTS_AFTER_A_COMMA)
def test_a_school_or_a_campus_after_a_listed_name_and_a_comma_still_matches(tmp_path, raw):
    assert [f.work.id for f in check(tmp_path, [raw]).findings] == ["W1"]


NJUST_LIST = """\
id: named
name: Listed by id
sources: [{title: A source}]
entries:
  - {id: njust, name: Nanjing University of Science and Technology, openalex: [I200], country: CN,
     listed_from: 2020-06-05, verified: true}
"""


def check_by_id(tmp_path, institutions: list[dict], raws: list[str]):
    """The claim on one work by the lab with a partner at `institutions`, giving `raws`, against an
    entry known by its OpenAlex id, through both engines."""
    write(tmp_path / "claims/c.yaml", CLAIMS)
    write(tmp_path / "evidence/lists/named.yaml", NJUST_LIST)
    claims = claims_mod.load_claims([tmp_path / "claims/c.yaml"], root=tmp_path)
    partner = authorship("B. Partner", institutions, raw=raws)
    records = [work("W1", "A paper", "2024-06-01", [authorship("A. Lab", [LAB]), partner])]
    (result,) = engines_agree(claims, [write_jsonl(tmp_path / "works.jsonl", records)], tmp_path / "cache").results
    return result


# ROR gives "Nanjing University of Science and Technology ZiJin College" (an independent college) as
# a child of NJUST (../shared/data/ror/v1.54_00xp9wg62.json), and OpenAlex's lineage follows ROR's:
# an author there was a certain match of NJUST through the lineage.
@pytest.mark.parametrize(
    "name",
    [
        "Nanjing University of Science and Technology ZiJin College",
        "Zijin College of Nanjing University of Science and Technology",
        "Nanjing University of Science and Technology Taizhou Institute of Science and Technology",
    ],
)
def test_a_college_of_its_own_under_a_listed_entry_in_the_lineage_is_a_doubt(tmp_path, name):
    college = institution("I300", name, country="CN", lineage=["I300", "I200"])
    result = check_by_id(tmp_path, [college], [])
    assert not result.findings
    (finding,) = result.uncertain_findings
    assert any("OpenAlex places" in d and "may be an institution of its own" in d for d in finding.uncertain_because)


def test_a_part_of_a_listed_entry_in_the_lineage_still_matches(tmp_path):
    school = institution("I302", "School of Computer Science", country="CN", lineage=["I302", "I200"])
    campus = institution(
        "I303", "Nanjing University of Science and Technology Jiangyin Campus", lineage=["I303", "I200"]
    )
    assert [f.work.id for f in check_by_id(tmp_path / "s", [school], []).findings] == ["W1"]
    assert [f.work.id for f in check_by_id(tmp_path / "c", [campus], []).findings] == ["W1"]


@pytest.mark.parametrize(
    "name",
    [
        "Nanjing University of Science and Technology Press",
        "Nanjing University of Science and Technology Medical School",
        "Nanjing University of Science and Technology Affiliated Hospital",
        "Nanjing University of Science and Technology Research Institute",
    ],
)
def test_a_press_a_school_or_a_hospital_under_a_listed_entry_in_the_lineage_still_matches(tmp_path, name):
    """Found by the review of the whole part: every name running on from the entry's was a doubt
    under the lineage ("University of Michigan Medical School", "Beijing Institute of Technology
    Press"), where only an independent college's is; OpenAlex's own children are the entry's."""
    child = institution("I304", name, country="CN", lineage=["I304", "I200"])
    assert [f.work.id for f in check_by_id(tmp_path, [child], []).findings] == ["W1"]


NJUST = institution("I200", "Nanjing University of Science and Technology", country="CN")


def test_an_id_resolved_from_text_naming_only_a_college_of_its_own_is_a_doubt(tmp_path):
    """OpenAlex resolves strings by their names, and errs (FACTS): the listed university's id on an
    author whose own text names only its independent college was a certain match."""
    result = check_by_id(tmp_path, [NJUST], ["Zijin College of Nanjing University of Science and Technology, Nanjing"])
    assert not result.findings
    (finding,) = result.uncertain_findings
    assert any("OpenAlex resolves the author to" in d and "Zijin College" in d for d in finding.uncertain_because)


@pytest.mark.parametrize(
    "raws",
    [
        [],
        ["Nanjing University of Science and Technology, Nanjing 210094, China"],
        [
            "Zijin College of Nanjing University of Science and Technology",
            "Nanjing University of Science and Technology",
        ],
        ["Nanjing 210094, China"],
    ],
)
def test_an_id_the_text_names_as_itself_or_not_at_all_still_matches(tmp_path, raws):
    assert [f.work.id for f in check_by_id(tmp_path, [NJUST], raws).findings] == ["W1"]


# A place's college of science and technology (科技学院, 理工学院) beside a university's name, an
# independent college of its own: 南京理工大学泰州科技学院 and 浙江大学宁波理工学院 were certain matches
# of NJUST and of Zhejiang University in each form but the run-on one.
ST_LIST = (
    LIST
    + "  - {id: njust, name: Nanjing University of Science and Technology, country: CN, verified: true}\n"
    + "  - {id: zju, name: Zhejiang University, country: CN, verified: true}\n"
    + "  - {id: norinco, name: China North Industries Group, country: CN, verified: true}\n"
    + "  - {id: cas, name: Chinese Academy of Sciences, country: CN, verified: true}\n"
)
COLLEGES_OF_SCIENCE_AND_TECHNOLOGY = [
    "Taizhou Institute of Science and Technology, Nanjing University of Science and Technology, Taizhou, China",
    "Nanjing University of Science and Technology, Taizhou Institute of Science and Technology, Taizhou 225300, China",
    "Taizhou Institute of Science and Technology of Nanjing University of Science and Technology, Taizhou, China",
    "Ningbo Institute of Technology, Zhejiang University, Ningbo 315100, China",
    "Zhejiang University, Ningbo Institute of Technology, Ningbo, China",
]
# A group's or an academy's own, or another university beside a group: still matches.
BODIES_OWN_OF_SCIENCE_AND_TECHNOLOGY = [
    "Beijing Institute of Technology, China North Industries Group, Beijing, China",
    "China North Industries Group, Beijing Institute of Technology, Beijing, China",
    "Shanghai Institute of Optics and Fine Mechanics, Chinese Academy of Sciences, Shanghai, China",
    "Shenzhen Institute of Advanced Technology, Chinese Academy of Sciences, Shenzhen, China",
]


@pytest.mark.parametrize("raw", COLLEGES_OF_SCIENCE_AND_TECHNOLOGY)
def test_a_place_s_college_of_science_and_technology_beside_a_university_is_a_doubt(tmp_path, raw):
    result = check(tmp_path, [raw], ST_LIST)
    assert not result.findings
    (finding,) = result.uncertain_findings
    assert any("independent colleges" in why for why in finding.uncertain_because)


@pytest.mark.parametrize("raw", BODIES_OWN_OF_SCIENCE_AND_TECHNOLOGY)
def test_an_institute_of_technology_beside_a_group_or_an_academy_still_matches(tmp_path, raw):
    assert [f.work.id for f in check(tmp_path, [raw], ST_LIST).findings] == ["W1"]


USFQ_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: usfq
    name: Universidad San Francisco de Quito
    country: EC
"""


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        # Names hunted a fifteenth time: the university's name as it writes it, its acronym after
        # it ("Universidad San Francisco de Quito USFQ",
        # https://en.wikipedia.org/wiki/Universidad_San_Francisco_de_Quito), was a doubt, "...
        # runs on into “USFQ”": its own initials end the name, no other body's.
        (
            "Colegio de Ciencias Biológicas y Ambientales, Universidad San Francisco de Quito USFQ, Quito, Ecuador",
            "match",
        ),
        ("Universidad San Francisco de Quito USFQ, Quito 170901, Ecuador", "match"),
        # Words after the acronym, or other capitals, may name another body still.
        ("Universidad San Francisco de Quito USFQ Galapagos Institute, Quito, Ecuador", "doubt"),
        ("Universidad San Francisco de Quito USFX, Quito, Ecuador", "doubt"),
    ],
)
def test_a_name_s_own_acronym_after_it_is_no_run_on_on_both_engines(tmp_path, monkeypatch, capsys, raw, found):
    coauthor_text_found(tmp_path, monkeypatch, capsys, USFQ_LIST, raw, found)

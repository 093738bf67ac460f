"""Chinese names written without the PLA before them (issue 18, twenty-eighth part).

The Entity List and the DoD 1260H list give NUDT in Chinese only as 中国人民解放军国防科技大学 and
中国人民解放军国防科学技术大学, and the ASPI tracker gives some of its PLA names only so
(中国人民解放军国防科技大学, 中国人民解放军军事科学院, 中国人民解放军第三军医大学), while Chinese
affiliations as often leave the army out: "国防科技大学计算机学院，长沙 410073" named nothing, the
claim cleared. A name is sought without the army too, where what is left still names one
institution: 外国语学院 (the PLA's Foreign Language Institute) is every university's school of
foreign languages too, and stays sought only with the army."""

from __future__ import annotations

import pytest

from claimwatch.evaluate._matchers import ListMatcher
from claimwatch.evaluate._names import without_its_army
from claimwatch.lists import ListEntry, ReferenceList
from claimwatch.lists._model import Source
from claimwatch.works import Authorship
from helpers import coauthor_text_found, coauthor_text_results, project

# As evidence/lists/us-entity-list.yaml and the ASPI tracker (../shared/data/aspi) give them.
ENTRIES = (
    ListEntry(
        id="nudt",
        name="National University of Defense Technology",
        country="CN",
        aliases=("中国人民解放军国防科技大学", "中国人民解放军国防科学技术大学"),
    ),
    ListEntry(id="ams", name="Academy of Military Science", country="CN", aliases=("中国人民解放军军事科学院",)),
    ListEntry(id="pflu", name="PLA Foreign Language Institute", country="CN", aliases=("中国人民解放军外国语学院",)),
    ListEntry(
        id="ieu", name="Information Engineering University", country="CN", aliases=("中国人民解放军信息工程大学",)
    ),
)
MATCHER = ListMatcher(ReferenceList(id="l", name="l", sources=(Source(title="s"),), entries=ENTRIES))


def certain(text: str) -> list[str]:
    hits = MATCHER.hits(Authorship("A", 0, raw_affiliations=(text,)))
    return sorted(h.entry.id for h in hits if h.doubt is None)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("国防科技大学计算机学院，长沙 410073", ["nudt"]),
        ("国防科学技术大学，湖南长沙", ["nudt"]),
        ("中国人民解放军国防科技大学，长沙", ["nudt"]),
        ("解放军国防科技大学", ["nudt"]),
        ("军事科学院系统工程研究院，北京", ["ams"]),
        # A school of every university's, named by its field: not the PLA's institute.
        ("外国语学院，北京大学，北京", []),
        ("中国人民解放军外国语学院，洛阳", ["pflu"]),
        # Part of a longer name, as before.
        ("湖南国防科技大学附属学校", []),
        # The Strategic Support Force before it, as affiliations wrote IEU's name from 2016.
        ("战略支援部队信息工程大学，郑州 450001", ["ieu"]),
        ("中国人民解放军战略支援部队信息工程大学，郑州", ["ieu"]),
        ("信息工程大学，郑州 450001", ["ieu"]),
        ("南京信息工程大学，南京 210044", []),
    ],
)
def test_a_name_is_found_without_the_army_before_it(text, found):
    assert certain(text) == found


def test_only_a_name_that_still_names_one_institution_is_sought_without_the_army():
    assert without_its_army("中国人民解放军国防科技大学") == "国防科技大学"
    assert without_its_army("中國人民解放軍國防科技大學") == "國防科技大學"
    assert without_its_army("中国人民解放军外国语学院") is None
    assert without_its_army("中国人民解放军理工大学") is None  # named by science and technology alone
    assert without_its_army("中国人民解放军陆军") is None
    assert without_its_army("国防科技大学") is None


LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - {id: nudt, name: National University of Defense Technology, country: CN, verified: true,
     aliases: [NUDT, 中国人民解放军国防科技大学, 中国人民解放军国防科学技术大学]}
  - {id: pflu, name: PLA Foreign Language Institute, country: CN, verified: true, aliases: [中国人民解放军外国语学院]}
"""


@pytest.mark.parametrize(
    ("raw", "verdict"),
    [
        ("国防科技大学计算机学院，长沙 410073", "contradicted"),
        ("國防科技大學，台北", "insufficient_evidence"),
        ("外国语学院，北京大学，北京 100871", "insufficient_evidence"),
    ],
)
def test_a_whole_check_finds_it_on_both_engines(tmp_path, monkeypatch, capsys, raw, verdict):
    root = project(tmp_path)
    monkeypatch.chdir(root)
    results = coauthor_text_results(root, LIST, raw)
    capsys.readouterr()
    assert results[0]["verdict"] == verdict


# The tracker's University of International Relations as it gives it (../shared/data/aspi: the
# Chinese name 国际关系学院, supervised by the "Ministry of State Security (MSS)"), and NUDT, which
# the tracker places under the "Central Military Commission (CMC)".
CIVILIAN_AND_ARMY = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: uir
    name: University of International Relations
    aliases: [国际关系学院]
    country: CN
    verified: true
    supervising_agencies: [Ministry of State Security (MSS)]
  - id: nudt
    name: National University of Defense Technology
    aliases: [国防科技大学]
    country: CN
    verified: true
    supervising_agencies: [Central Military Commission (CMC)]
"""


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        # Reviewed (thirty-first part): the PLA's own University of International Relations in
        # Nanjing (中国人民解放军国际关系学院, now NUDT's school of the name) was the MSS's
        # university in Beijing for certain, the army before the name read as the country is.
        # (https://newton.com.tw/wiki/%E4%B8%AD%E5%9C%8B%E4%BA%BA%E6%B0%91%E8%A7%A3%E6%94%BE%E8%BB%8D%E5%9C%8B%E9%98%B2%E7%A7%91%E6%8A%80%E5%A4%A7%E5%AD%B8%E5%9C%8B%E9%9A%9B%E9%97%9C%E4%BF%82%E5%AD%B8%E9%99%A2/53958864:
        # 國防科技大學國際關係學院, in Nanjing's Yuhuatai District, rebuilt into NUDT in 2017.)
        ("中国人民解放军国际关系学院，南京 210039", "doubt"),
        ("解放军国际关系学院，江苏南京", "doubt"),
        ("PLA University of International Relations, Nanjing, China", "doubt"),
        # The country alone, or the army before an entry of the army's: as before.
        ("中国国际关系学院，北京", "match"),
        ("中国人民解放军国防科技大学，长沙 410073", "match"),
    ],
)
def test_the_army_before_a_civilian_entry_s_name_is_a_doubt(tmp_path, monkeypatch, capsys, raw, found):
    coauthor_text_found(tmp_path, monkeypatch, capsys, CIVILIAN_AND_ARMY, raw, found)

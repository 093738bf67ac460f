"""Institution names hunted an eleventh time (issue 18, thirty-third part).

Each case's form is read from a real record in ../shared/data (the ASPI tracker's names, aliases
and subsidiaries), as the tests below say."""

from __future__ import annotations

import pytest

from helpers import coauthor_text_found

# The tracker's Northwestern Polytechnical University and Army Medical University: their Chinese
# names, no address (the tracker gives NPU none). It lists Army Medical University's affiliated
# hospitals under the university ("First Affiliated Hospital/Southwest Hospital (第一附属医院/西南医院)").
NPU_AMU_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: npu
    name: Northwestern Polytechnical University
    aliases: [西北工业大学, NWPU]
    country: CN
    verified: true
  - id: amu
    name: Army Medical University
    aliases: [中国人民解放军陆军军医大学, 第三军医大学]
    country: CN
    verified: true
"""


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        # An affiliated school for children (附属中学, a middle school; 附属小学, a primary school;
        # 附属学校) is another body the university runs, not the university: read as a part of
        # it, 附属 alone, it was a match.
        ("西北工业大学附属中学，西安 710072", "doubt"),
        ("西北工业大学附属小学", "doubt"),
        ("西北工业大学附属学校", "doubt"),
        ("西北工業大學附屬中學，陝西省西安市", "doubt"),
        # An affiliated hospital is the university's, as the tracker lists Army Medical
        # University's under it: numbered before 附属 or after it, or named by its kind.
        ("陆军军医大学第一附属医院，重庆 400038", "match"),
        ("陆军军医大学附属第一医院", "match"),
        ("陆军军医大学附属口腔医院", "match"),
        ("陸軍軍醫大學第一附屬醫院，重慶市", "match"),
        ("西北工业大学附属医院", "match"),
    ],
)
def test_an_affiliated_school_is_a_doubt_an_affiliated_hospital_the_university(
    tmp_path, monkeypatch, capsys, raw, found
):
    result = coauthor_text_found(tmp_path, monkeypatch, capsys, NPU_AMU_LIST, raw, found)
    assert (found != "doubt") or "runs on into \u201c\u9644" in str(result), raw


# The tracker's Navy Medical University, as it gives it (its address in Shanghai's Yangpu).
NAVY_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: nmu
    name: Navy Medical University
    aliases: [中国人民解放军海军军医大学, 中国人民解放军第二军医大, 海军军医大学, Second Military Medical University]
    country: CN
    addresses: ["China, 上海市 Yangpu, 翔殷路800号"]
    verified: true
"""


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        # An affiliated hospital by its own name, longer than a kind: the university's third
        # affiliated hospital is the Eastern Hepatobiliary Surgery Hospital, "海军军医大学第三附属医院
        # (东方肝胆外科医院...)" (https://yxb.iiyiyi.com/hospital/819.html). A doubt when only four
        # characters were allowed before 医院.
        ("海军军医大学附属东方肝胆外科医院，上海 200438", "match"),
        ("海军军医大学附属中西医结合医院", "match"),
        ("海军军医大学附属妇幼保健院", "match"),
        ("海军军医大学附属长海医院", "match"),
        # A children's school before a hospital's word is still no hospital of the university.
        ("海军军医大学附属中学校医院", "doubt"),
        ("海军军医大学附属幼儿园", "doubt"),
    ],
)
def test_an_affiliated_hospital_by_its_own_name_is_the_university(tmp_path, monkeypatch, capsys, raw, found):
    coauthor_text_found(tmp_path, monkeypatch, capsys, NAVY_LIST, raw, found)


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        # The tracker cuts the university's former name short of its 学 ("中国人民解放军第二军医大");
        # papers write it whole, 第二军医大学 (the Second Military Medical University): a doubt
        # before, "... runs on into “学”".
        ("第二军医大学，上海 200433", "match"),
        ("解放军第二军医大学", "match"),
        ("第二军医大学附属长征医院", "match"),
        # What follows the whole name is read as before: the university's journal may be another body.
        ("第二军医大学学报", "doubt"),
    ],
)
def test_a_name_cut_short_of_its_university_is_read_with_it(tmp_path, monkeypatch, capsys, raw, found):
    coauthor_text_found(tmp_path, monkeypatch, capsys, NAVY_LIST, raw, found)


# The tracker's Information Engineering University: no address, its Fuzhou Sub-Academy under it
# as the tracker writes it, "Fuzhou Sub-Academy (福州分院)", which the importer splits.
IEU_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: ieu
    name: Information Engineering University
    aliases: [中国人民解放军信息工程大学]
    country: CN
    related:
      - name: Fuzhou Sub-Academy
        aliases: [福州分院]
        country: CN
        called: [subsidiary]
    verified: true
"""


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        # 福州 (Fuzhou, Fujian) is the sub-academy's city, which the record ties to the entry.
        ("福州信息工程大学", "doubt"),
        # 抚州 (Fuzhou, Jiangxi) is Fuzhou in pinyin too, but not the sub-academy's city, which the
        # record writes in Chinese: another city's name before the entry's, as 南京信息工程大学.
        ("抚州信息工程大学", "nothing"),
        ("南京信息工程大学", "nothing"),
        # Written as an address, any city is still a doubt where the list gives no address.
        ("江西省抚州市信息工程大学", "doubt"),
    ],
)
def test_a_city_the_record_ties_to_the_entry_is_the_city_it_writes_in_chinese(
    tmp_path, monkeypatch, capsys, raw, found
):
    coauthor_text_found(tmp_path, monkeypatch, capsys, IEU_LIST, raw, found)


def test_a_city_given_only_in_pinyin_stays_tied_whichever_it_is():
    from claimwatch.evaluate._matchers import _its_chinese_city_is
    from claimwatch.evaluate._provinces import provinces_in

    (jiangxi,) = provinces_in("抚州")
    assert not _its_chinese_city_is(("Fuzhou Sub-Academy", "福州分院"), "Fuzhou", jiangxi.provinces)
    assert _its_chinese_city_is(("Fuzhou Sub-Academy",), "Fuzhou", jiangxi.provinces)


# The tracker's Information Engineering University and NUDT: each Chinese name with the PLA's full
# form before it, as the tracker gives it (中国人民解放军外国语学院 is IEU's predecessor, the PLA
# Foreign Language Institute in Luoyang; china.org.cn calls it "PLA University of Foreign
# Languages": http://china.org.cn/top10/2011-06/13/content_22772925_3.htm).
ARMY_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: ieu
    name: Information Engineering University
    aliases: [中国人民解放军信息工程大学, 中国人民解放军外国语学院, 洛阳外语学院]
    country: CN
    verified: true
  - id: nudt
    name: National University of Defense Technology
    aliases: [中国人民解放军国防科技大学]
    country: CN
    verified: true
"""


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        # The army in its short form: the name without it (外国语学院, every university's school
        # of foreign languages) is not sought, and the name with it was not either.
        ("解放军外国语学院，洛阳 471003", "match"),
        ("人民解放军外国语学院", "match"),
        ("解放軍外國語學院", "match"),
        # In traditional characters the army's short form was read as the rest alone, a name a
        # Taiwan body may bear: the army names the PLA's.
        ("解放軍國防科技大學", "match"),
        # The school alone, and another city's before the army's, are still nothing.
        ("外国语学院，北京 100871", "nothing"),
        ("北京解放军外国语学院", "nothing"),
    ],
)
def test_a_name_with_the_army_s_short_form_is_the_army_s(tmp_path, monkeypatch, capsys, raw, found):
    coauthor_text_found(tmp_path, monkeypatch, capsys, ARMY_LIST, raw, found)


def test_the_army_s_other_forms_are_in_the_name_s_script():
    from claimwatch.evaluate._names import in_its_army_s_other_forms

    assert in_its_army_s_other_forms("中国人民解放军外国语学院") == ("人民解放军外国语学院", "解放军外国语学院")
    assert in_its_army_s_other_forms("解放軍國防科技大學") == ("中國人民解放軍國防科技大學", "人民解放軍國防科技大學")
    assert in_its_army_s_other_forms("国防科技大学") == ()

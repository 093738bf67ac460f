"""Institution names hunted a tenth time (issue 18, thirty-second part).

Each case's form is read from a real record in ../shared/data (the ASPI tracker's names, aliases
and addresses), as the tests below say."""

from __future__ import annotations

import json

import pytest

from helpers import coauthor_text_found

# The tracker's Air Force Logistics University: its Chinese name and its address, in Xuzhou.
AFLU_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: aflu
    name: Air Force Logistics University
    aliases: [中国人民解放军空军后勤学院]
    country: CN
    addresses: ["85 Xige St, Gulou Qu, Xuzhou Shi, Jiangsu Sheng, China, 221004"]
    verified: true
"""


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        # 徐州 read as "Tongshan" (GeoNames files Xuzhou's 市 name under its district Tongshan
        # too), so the entry's own city before its name was another's and nothing was found.
        ("徐州空军后勤学院", "match"),
        ("江苏省徐州市空军后勤学院", "match"),
        ("江苏省徐州市鼓楼区中国人民解放军空军后勤学院", "match"),
        # Another city's is still nothing, as 南京信息工程大学 is for IEU.
        ("南京空军后勤学院", "nothing"),
    ],
)
def test_xuzhou_in_chinese_is_xuzhou(tmp_path, monkeypatch, capsys, raw, found):
    coauthor_text_found(tmp_path, monkeypatch, capsys, AFLU_LIST, raw, found)


def test_xuzhou_is_no_district_s_name():
    from claimwatch.evaluate._provinces import in_english, own_places_in_chinese

    assert in_english("徐州") == "Xuzhou"
    assert own_places_in_chinese("江苏省徐州市鼓楼区") == ["Jiangsu", "Xuzhou"]


def _one_entry(name: str, *aliases: str):
    from claimwatch import lists

    entry = lists.ListEntry(id="e", name=name, aliases=aliases, country="CN")
    return lists.ReferenceList(id="l", name="l", sources=(lists.Source(title="s"),), entries=(entry,))


def _doubts(rl, raw: str) -> dict[str, str | None]:
    from claimwatch.evaluate._matchers import ListMatcher
    from claimwatch.works import Authorship

    a = Authorship(name="A", position=0, raw_affiliations=(raw,))
    return {h.entry.name: h.doubt for h in ListMatcher(rl).hits(a)}


@pytest.mark.parametrize(
    ("alias", "raw"),
    [
        # The tracker's alias of IEU as other lists write names: the CSL in capitals, IEEE and Web
        # of Science abbreviated, a hyphen for a space, Taiwan's and Hong Kong's script. The file
        # was read casefolded with spaces collapsed, so each was IEU's for certain.
        ("Luoyang Univ.", "Luoyang University, Luoyang 471003, China"),
        ("LUOYANG UNIV", "Luoyang Univ, Luoyang 471003, Peoples R China"),
        ("Luoyang-University", "Luoyang University, Luoyang 471003, China"),
        ("洛陽大學", "洛陽大學，洛陽 471003"),
    ],
)
def test_a_namesake_alias_written_otherwise_is_on_the_file(alias, raw):
    doubt = _doubts(_one_entry("Information Engineering University", alias), raw)["Information Engineering University"]
    assert doubt is not None and "a civilian university in Luoyang" in doubt


def test_the_namesakes_file_is_read_as_the_matcher_reads_names():
    from claimwatch.evaluate import namesake_of

    assert namesake_of("Luoyang Univ.") is namesake_of("LUOYANG-UNIVERSITY") is namesake_of("Luoyang University")
    assert namesake_of("Luoyang University") is not None
    assert namesake_of("洛陽大學") is namesake_of("洛阳大学") is not None
    assert namesake_of("Luoyang Normal University") is None and namesake_of("洛阳师范学院") is None


HEADER = "name,other_body,country,places,years,source\n"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("name,other_body,country\nA,B,CN\n", ["claimwatch/lists/namesakes.csv:1:0: the header has no column places"]),
        (HEADER + "A,B,CN,X,1990-2000,\n", ["claimwatch/lists/namesakes.csv:2:0: row no source"]),
        (
            HEADER + "A,B,CN,X,1990-2000,http://a,extra\nC,,CN,X,1990-2000,http://a\n",
            ["namesakes.csv:2:0: row more values than the header", "namesakes.csv:3:0: row no other_body"],
        ),
    ],
)
def test_a_broken_namesakes_file_is_one_clear_error(text, said):
    """A column missing was a KeyError's traceback; every broken row is said, with its line."""
    from claimwatch.errors import InputError
    from claimwatch.lists import read_namesakes

    with pytest.raises(InputError) as raised:
        read_namesakes(text)
    lines = raised.value.lines()
    assert len(lines) == len(said)
    for line, part in zip(lines, said, strict=True):
        assert part in line


def test_two_namesake_rows_read_alike_are_one_clear_error(monkeypatch):
    """One row would hide the other where the matcher reads the names alike."""
    from claimwatch.errors import InputError
    from claimwatch.evaluate import _matchers
    from claimwatch.lists import read_namesakes

    rows = read_namesakes(
        HEADER + "Luoyang University,B,CN,X,1990-2000,http://a\nLuoyang Univ.,C,CN,X,1990-2000,http://b\n"
    )
    monkeypatch.setattr(_matchers, "known_namesakes", lambda: rows)
    _matchers._namesakes_by_reading.cache_clear()
    try:
        with pytest.raises(
            InputError, match=r"namesakes.csv:3:0: 'Luoyang Univ\.' reads as 'Luoyang University' \(line 2\)"
        ):
            _matchers.namesake_of("Luoyang University")
    finally:
        _matchers._namesakes_by_reading.cache_clear()


class _PackagedFile:
    """The package's files as `importlib.resources` gives them, each read as `text`."""

    def __init__(self, text: str):
        self.text = text

    def joinpath(self, _: str) -> _PackagedFile:
        return self

    def read_text(self, _: str) -> str:
        return self.text


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "claims/c.yaml", "--evidence", "works.jsonl", "--engine", "python"],
        ["check", "claims/c.yaml", "--evidence", "works.jsonl", "--engine", "duckdb"],
        ["lists", "show", "l"],
    ],
)
def test_a_broken_packaged_namesakes_file_is_one_line_from_the_command_line(tmp_path, monkeypatch, capsys, argv):
    """The file is read lazily, by the first name found that might be on it (a coauthor at
    "Luoyang University, Luoyang 471003, China", the tracker's alias of IEU) or by `lists show`:
    wherever it is read, a broken packaged file is one line naming it and exit 2, on both engines,
    never a traceback."""
    import types

    from claimwatch.cli import main
    from claimwatch.evaluate import _matchers
    from claimwatch.lists import _namesakes
    from helpers import NO_LISTED_COAUTHOR, authorship, institution, project, work, write, write_jsonl
    from test_names_namesakes import IEU_LIST

    root = project(tmp_path)
    monkeypatch.chdir(root)
    write(root / "evidence/lists/l.yaml", IEU_LIST)
    write(root / "claims/c.yaml", json.dumps(NO_LISTED_COAUTHOR))
    lab = institution("I100", "Example Lab", country="US")
    coauthor = authorship("B", [], raw=["Luoyang University, Luoyang 471003, China"])
    write_jsonl(root / "works.jsonl", [work("W1", "t", "2024-06-01", [authorship("A", [lab]), coauthor])])
    broken = _PackagedFile("name,other_body,country\nLuoyang University,B,CN\n")
    monkeypatch.setattr(_namesakes, "resources", types.SimpleNamespace(files=lambda _: broken))
    _namesakes.known_namesakes.cache_clear()
    _matchers._namesakes_by_reading.cache_clear()
    try:
        capsys.readouterr()
        code = main(
            [*argv, *(["--no-reviews", "--cache", "cache", "--as-of", "2025-01-01"] if argv[0] == "check" else [])]
        )
        errors = [line for line in capsys.readouterr().err.splitlines() if "namesakes.csv" in line or "Error" in line]
    finally:
        _namesakes.known_namesakes.cache_clear()
        _matchers._namesakes_by_reading.cache_clear()
    assert code == 2
    assert errors == ["claimwatch/lists/namesakes.csv:1:0: the header has no column places, years, source"]


def test_the_shipped_namesakes_file_reads():
    from claimwatch.lists import known_namesakes

    assert len(known_namesakes()) == 5  # the thirty-third part's two names of the PLA's school in Nanjing


# The tracker's Northwestern Polytechnical University and University of International Relations,
# as `lists import aspi` writes them: no address; a subsidiary each whose name holds a city.
NPU_AND_UIR_LIST = """\
id: l
name: Screening list
sources: [{title: ASPI China Defence Universities Tracker}]
entries:
  - id: npu
    name: Northwestern Polytechnical University
    aliases: [西北工业大学, NWPU, NPU]
    country: CN
    verified: true
    related:
      - name: "Xi'an Aisheng Technology Group (西安爱生技术集团公司), aka Northwestern Polytechnical
          University 365th Research Institute or Xi’an ASN Technology Group"
        country: CN
        called: [subsidiary]
  - id: uir
    name: University of International Relations
    aliases: [国际关系学院, UIR]
    country: CN
    verified: true
    related:
      - name: University of International Relations Hangzhou Campus, also known as the Zhejiang Second People’s Police School
        aliases: [浙江第二人民警察学校]
        country: CN
        called: [subsidiary]
  - id: amu
    name: Army Medical University
    aliases: [中国人民解放军陆军军医大学]
    country: CN
    addresses: ["中国重庆市沙坪坝区高滩岩正街30号"]
    verified: true
"""


@pytest.mark.parametrize(
    ("raw", "found", "place"),
    [
        # Places written as an address before the name of an entry the list gives no address:
        # nothing before (the name read as run on from a longer word), the claim cleared.
        ("陕西省西安市西北工业大学", "doubt", "陕西省西安市"),
        ("西安市西北工业大学，西安 710072", "doubt", "西安市"),
        ("陕西省西安市碑林区友谊西路127号西北工业大学", "doubt", "陕西省西安市碑林区友谊西路127号"),
        ("北京市海淀区国际关系学院", "doubt", "北京市海淀区"),
        ("海淀区国际关系学院", "doubt", "海淀区"),
        # A bare city the tracker's record ties to the entry, in a subsidiary's name: NPU's Xi'an,
        # UIR's Hangzhou campus.
        ("西安西北工业大学", "doubt", "西安"),
        ("杭州国际关系学院", "doubt", "杭州"),
        # A bare city the record does not tie to it: another institution named by its place, as
        # 南京信息工程大学 is not IEU; and any place before the name of an entry the list
        # addresses elsewhere. Nothing, as before.
        ("南京西北工业大学", "nothing", None),
        # Thirty-fifth part: but 国际关系学院 is a name the namesakes file says only its places
        # tell apart (the MSS's university, the PLA's institute in Nanjing), so a city before it
        # places it, as the two are told apart in Chinese (北京国际关系学院, 南京国际关系学院): a
        # doubt, where it was nothing, the claim cleared; in Nanjing the namesake's doubt too.
        ("北京国际关系学院", "doubt", "北京"),
        ("南京国际关系学院", "doubt", "南京"),
        ("北京國際關係學院", "doubt", "北京"),
        ("北京市海淀区陆军军医大学", "nothing", None),
        # The name alone, or after the entry's own address: as before.
        ("西北工业大学，西安 710072", "match", None),
        ("中国重庆市沙坪坝区陆军军医大学", "match", None),
    ],
)
def test_places_before_the_chinese_name_of_an_unaddressed_entry(tmp_path, monkeypatch, capsys, raw, found, place):
    result = coauthor_text_found(tmp_path, monkeypatch, capsys, NPU_AND_UIR_LIST, raw, found)
    if place is not None:
        said = json.dumps(result, ensure_ascii=False)
        assert f"the place \u201c{place}\u201d comes right before" in said
        assert "the list gives no address for" in said


# Northwestern Polytechnical University as the shipped seven-sons list gives it: its ROR id, its
# Chinese name, no address. OpenAlex resolves a coauthor's text to it by the ROR.
NPU_BY_ROR_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: npu
    name: Northwestern Polytechnical University
    aliases: [西北工业大学, NWPU, NPU]
    ror: [01y0j0j86]
    country: CN
    verified: true
"""


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        # NPU's Mingde College, an independent college (独立学院, http://v5tt.cn/wenda/144304.html),
        # after places written as an address: the places' doubt alone was said, which undoes no
        # OpenAlex id, so NPU's ROR made it certain; the college's run-on doubt undoes it, as
        # without the places.
        ("陕西省西安市西北工业大学明德学院", "doubt"),
        ("西北工业大学明德学院", "doubt"),
        # The places alone before the name: NPU's ROR stands, as before.
        ("陕西省西安市西北工业大学", "match"),
        ("北京市海淀区西北工业大学", "match"),
    ],
)
def test_a_longer_name_after_places_before_an_unaddressed_entry_undoes_its_id(
    tmp_path, monkeypatch, capsys, raw, found
):
    from helpers import coauthor_text_results, institution, project

    root = project(tmp_path)
    monkeypatch.chdir(root)
    npu = institution("I17145004", "Northwestern Polytechnical University", ror="01y0j0j86")
    (result,) = coauthor_text_results(root, NPU_BY_ROR_LIST, raw, [npu])
    assert result["verdict"] == ("contradicted" if found == "match" else "insufficient_evidence")
    assert result["uncertain"] == (found == "doubt")


def test_the_places_doubt_and_a_longer_name_s_are_both_said():
    from claimwatch import lists

    entry = lists.ListEntry(
        id="npu", name="Northwestern Polytechnical University", aliases=("西北工业大学",), country="CN"
    )
    rl = lists.ReferenceList(id="l", name="l", sources=(lists.Source(title="s"),), entries=(entry,))
    doubt = _doubts(rl, "陕西省西安市西北工业大学明德学院")["Northwestern Polytechnical University"]
    assert doubt is not None
    assert doubt.startswith("the place \u201c陕西省西安市\u201d comes right before \u201c西北工业大学\u201d")
    assert "; and \u201c西北工业大学\u201d runs on into \u201c明德学院\u201d" in doubt


# The tracker's Army Medical University (中国重庆市沙坪坝区高滩岩正街30号) and Jiangnan Social
# University (江苏省苏州市吴中区郭巷尹山湖3号): their addresses name their districts in Chinese.
AMU_AND_JSU_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: amu
    name: Army Medical University
    aliases: [中国人民解放军陆军军医大学, 陆军军医大学]
    country: CN
    addresses: ["中国重庆市沙坪坝区高滩岩正街30号"]
    verified: true
  - id: jsu
    name: Jiangnan Social University
    aliases: [江南社会学院]
    country: CN
    addresses: ["江苏省苏州市吴中区郭巷尹山湖3号"]
    verified: true
"""


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        # The own district written without its 区, or alone: nothing before (the name read as run
        # on from a longer word), the claim cleared.
        ("重庆沙坪坝陆军军医大学", "match"),
        ("重庆市沙坪坝陆军军医大学，重庆 400038", "match"),
        ("中国重庆沙坪坝陆军军医大学", "match"),
        ("沙坪坝陆军军医大学", "match"),
        ("沙坪坝区陆军军医大学", "match"),
        ("苏州吴中江南社会学院", "match"),
        ("吴中区江南社会学院", "match"),
        # The own district after another city, or inside a longer word: nothing, as before.
        ("成都沙坪坝陆军军医大学", "nothing"),
        ("新沙坪坝陆军军医大学", "nothing"),
        ("宿州吴中江南社会学院", "nothing"),
        # Another district of the own city, written without 区: no place the text shows.
        ("重庆渝中陆军军医大学", "nothing"),
    ],
)
def test_the_own_district_with_or_without_its_qu(tmp_path, monkeypatch, capsys, raw, found):
    coauthor_text_found(tmp_path, monkeypatch, capsys, AMU_AND_JSU_LIST, raw, found)


def test_own_districts_are_read_from_a_chinese_address_only():
    from claimwatch.evaluate._matchers import _own_districts

    assert _own_districts(("中国重庆市沙坪坝区高滩岩正街30号",)) == ("沙坪坝区", "沙坪壩區", "沙坪坝", "沙坪壩")
    # A campus (校区) is no district; an address in pinyin names none in Chinese.
    assert _own_districts(("中国北京市丰台区杜家坎21号 蚌埠校区",)) == (
        "丰台区",
        "豐臺區",
        "豐台區",
        "丰台",
        "豐臺",
        "豐台",
    )
    assert _own_districts(("7 Changle E Rd, Baqiao Qu, Xian Shi, Shaanxi Sheng, China",)) == ()
    # First in a part, after the city in pinyin (the tracker's Air Force Command College); a city
    # with its 市 and its district, from the address's start, as the district alone.
    assert _own_districts(("China, Beijing, 海淀区北四环西路88号",)) == ("海淀区", "海淀區", "海淀")
    assert _own_districts(("西安市碑林区建设西路6号",)) == ("碑林区", "碑林區", "碑林")
    assert _own_districts(("大连经济技术开发区辽河西路18号",)) == ()


AFCC_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: afcc
    name: Air Force Command College
    aliases: [中国人民解放军空军指挥学院]
    country: CN
    addresses: ["China, Beijing, 海淀区北四环西路88号"]
    verified: true
"""


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        ("北京海淀空军指挥学院", "match"),
        ("海淀区中国人民解放军空军指挥学院", "match"),
        ("朝阳区空军指挥学院", "nothing"),
    ],
)
def test_a_district_first_in_an_address_part_is_its_own(tmp_path, monkeypatch, capsys, raw, found):
    coauthor_text_found(tmp_path, monkeypatch, capsys, AFCC_LIST, raw, found)


# The tracker's Commercial Aircraft Corporation of China (COMAC), addressed as the real tracker
# addresses it ("China, 上海市浦东新区世博大道1919号", ../shared/data/aspi/...): a new area (新区),
# whose short name is 浦东 (https://zh.wikipedia.org/wiki/浦东新区), never 浦东新.
COMAC_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: comac
    name: Commercial Aircraft Corporation of China
    aliases: [中国商用飞机有限责任公司]
    country: CN
    addresses: ["China, 上海市浦东新区世博大道1919号"]
    verified: true
"""


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        # The new area written alone, as its short name: nothing before (the district read as
        # 浦东新, a form no one writes), the claim cleared.
        ("上海浦东中国商用飞机有限责任公司", "match"),
        ("浦东中国商用飞机有限责任公司", "match"),
        ("上海市浦东新区中国商用飞机有限责任公司", "match"),
        ("浦东新区中国商用飞机有限责任公司", "match"),
        # 浦东新 is no place's name: a match before, nothing now, as any word before the name.
        ("浦东新中国商用飞机有限责任公司", "nothing"),
        # After another city, nothing, as any own district there.
        ("北京浦东中国商用飞机有限责任公司", "nothing"),
    ],
)
def test_a_new_area_is_its_own_district_without_its_xin_qu(tmp_path, monkeypatch, capsys, raw, found):
    coauthor_text_found(tmp_path, monkeypatch, capsys, COMAC_LIST, raw, found)


@pytest.mark.parametrize(
    ("list_yaml", "raw", "found"),
    [
        # The own district in traditional characters, as Hong Kong and Taiwan write Chinese (重慶
        # for 重庆, 沙坪壩區 for 沙坪坝区): nothing before, the claim cleared, where its city alone
        # (重慶陸軍軍醫大學) is a match.
        (AMU_AND_JSU_LIST, "重慶沙坪壩陸軍軍醫大學", "match"),
        (AMU_AND_JSU_LIST, "重慶市沙坪壩區陸軍軍醫大學", "match"),
        (COMAC_LIST, "上海浦東中國商用飛機有限責任公司", "match"),
        # The district alone does not place a name in traditional characters in the mainland, as
        # the name alone is not: a doubt. After another city: nothing, as in simplified.
        (AMU_AND_JSU_LIST, "沙坪壩區陸軍軍醫大學", "doubt"),
        (AMU_AND_JSU_LIST, "成都沙坪壩陸軍軍醫大學", "nothing"),
    ],
)
def test_the_own_district_in_traditional_characters(tmp_path, monkeypatch, capsys, list_yaml, raw, found):
    coauthor_text_found(tmp_path, monkeypatch, capsys, list_yaml, raw, found)


def test_a_new_area_s_short_name_is_read_from_its_address():
    from claimwatch.evaluate._matchers import _own_districts

    assert _own_districts(("China, 上海市浦东新区世博大道1919号",)) == ("浦东新区", "浦東新區", "浦东", "浦東")
    assert _own_districts(("天津市滨海新区海河东路",)) == ("滨海新区", "濱海新區", "滨海", "濱海")
    # A high-tech zone's 高新区 is no new area: 高新 is its name written alone.
    assert _own_districts(("河南省郑州市高新区科学大道62号",)) == ("高新区", "高新區", "高新")

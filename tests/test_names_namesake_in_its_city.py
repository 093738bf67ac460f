"""A name the listed body is the commoner bearer of, another body's only in that body's own city
(issue 18, thirty-third part).

The ASPI tracker's University of International Relations (国际关系学院, supervised by the "Ministry
of State Security (MSS)") gives no address, and its Beijing university bears the name; the
tracker's own NUDT record says "In 2017, NUDT was reformed and placed in charge of the Institute
of International Relations in Nanjing" (its subsidiaries: "International Relations Institute
(Nanjing, Jiangsu Province)"), the PLA's school founded in 1951 in Nanjing's Yuhuatai District
(https://newton.com.tw/wiki/%E4%B8%AD%E5%9C%8B%E4%BA%BA%E6%B0%91%E8%A7%A3%E6%94%BE%E8%BB%8D%E5%9C%8B%E9%98%B2%E7%A7%91%E6%8A%80%E5%A4%A7%E5%AD%B8%E5%9C%8B%E9%9A%9B%E9%97%9C%E4%BF%82%E5%AD%B8%E9%99%A2/53958864).
"University of International Relations, Nanjing 210039, China" was a certain match for the MSS's
university: a false accusation. The affiliations are written as OpenAlex's raw strings write a
Chinese address, in English and in Chinese.
"""

from __future__ import annotations

import pytest

from claimwatch import lists
from claimwatch.cli import main
from claimwatch.errors import InputError
from claimwatch.evaluate import namesake_of
from claimwatch.evaluate._matchers import ListMatcher
from claimwatch.works import Authorship
from helpers import coauthor_text_found

UIR = "University of International Relations"
NAMESAKE = "the PLA's Institute of International Relations in Nanjing (中国人民解放军国际关系学院)"


@pytest.fixture(scope="module")
def matcher(real_tracker) -> ListMatcher:
    return ListMatcher(real_tracker)


def doubt_of_uir(matcher: ListMatcher, raw: str) -> str | None:
    hits = matcher.hits(Authorship(name="A", position=0, raw_affiliations=(raw,)))
    (doubt,) = [h.doubt for h in hits if h.entry.name == UIR]
    return doubt


@pytest.mark.parametrize(
    "raw",
    [
        "University of International Relations, Nanjing 210039, China",
        "University of International Relations, Nanjing, Jiangsu, China",
        "University of International Relations, Jiangsu, China",  # its province: never the MSS's city
        "国际关系学院，南京 210039",
        "国际关系学院，江苏南京",
        "国际关系学院，江苏省南京市雨花台区",  # newton.com.tw's address of it
    ],
)
def test_the_name_in_the_namesake_s_city_is_a_doubt_naming_it(matcher, raw):
    doubt = doubt_of_uir(matcher, raw)  # was None: a certain match, a false accusation
    assert doubt is not None
    assert "is also the name of another body, " + NAMESAKE in doubt
    assert "newton.com.tw/wiki/" in doubt
    assert doubt.endswith(f"the text may name it, not {UIR}")


@pytest.mark.parametrize(
    ("raw", "its", "not_its"),
    [
        ("University of International Relations, Suzhou, Jiangsu, China", "Jiangsu", "Suzhou"),
        ("University of International Relations, Suzhou 215000, Jiangsu, China", "Jiangsu", "Suzhou"),
        ("国际关系学院，江苏苏州", "江苏", "苏州"),
    ],
)
def test_the_namesake_s_province_with_another_city_of_it_says_so(matcher, raw, its, not_its):
    """Thirty-fourth part: "..., Suzhou, Jiangsu" was a doubt saying only that the text may name the
    Nanjing namesake, as though it were placed there; the tracker gives Jiangnan Social University,
    in Suzhou, the alias "Institute of International Relations Suzhou Campus", so the text may name
    a campus or another body. A doubt still (neither body's city), saying what the text names."""
    doubt = doubt_of_uir(matcher, raw)
    assert doubt is not None and "is also the name of another body, " + NAMESAKE in doubt
    said = f"; the affiliation names {its}, a place of its, but {not_its}, not its city: the text may name a campus"
    assert said in doubt
    assert doubt.endswith(f"of it there or another body of the name, not {UIR}")


@pytest.mark.parametrize(
    ("raw", "city"),
    [
        ("University of International Relations, Suzhou, China", "Suzhou"),
        ("University of International Relations, Suzhou 215000, China", "Suzhou"),
        ("国际关系学院，苏州", "苏州"),
        ("University of International Relations, Wuxi, China", "Wuxi"),
    ],
)
def test_a_city_in_the_namesake_s_province_alone_says_so(matcher, raw, city):
    """Thirty-fifth part: "..., Suzhou, China" was a certain match of the MSS's Beijing university,
    though Suzhou is no city of its; the tracker gives Jiangnan Social University, addressed
    江苏省苏州市, the alias "Institute of International Relations Suzhou Campus" (the real tracker
    in ../shared/data/aspi), and Suzhou lies in Jiangsu, the Nanjing namesake's province. A doubt,
    as "..., Suzhou, Jiangsu" is, saying the city is in its province but not its city."""
    doubt = doubt_of_uir(matcher, raw)  # was None: a certain match
    assert doubt is not None and "is also the name of another body, " + NAMESAKE in doubt
    said = f"; the affiliation names {city}, a city in Jiangsu (a province of its), not its city: the text may"
    assert said + " name a campus of it there or another body of the name, not " + UIR in doubt


@pytest.mark.parametrize(
    "raw",
    [
        # A province said with the city says whose it is: Anhui's Suzhou (宿州), Beijing's own.
        "University of International Relations, Suzhou, Anhui, China",
        "University of International Relations, Beijing, China",
        # UIR's Hangzhou campus (the tracker's subsidiary), in Zhejiang.
        "University of International Relations, Hangzhou, China",
    ],
)
def test_a_city_outside_the_namesake_s_province_stays_certain(matcher, raw):
    assert doubt_of_uir(matcher, raw) is None


def test_a_city_right_before_the_chinese_name_places_it(matcher):
    """Thirty-fifth part: 北京国际关系学院 and 南京国际关系学院, the name after its city with no
    space, as Chinese writes the two bodies apart, named nothing, a bare city before a Chinese name
    being read as another institution's name begun (南京信息工程大学 is not the tracker's IEU). The
    name is one only its places tell apart: a doubt, the namesake named where the city is its."""
    in_beijing = doubt_of_uir(matcher, "北京国际关系学院")
    assert in_beijing is not None and "the place \u201c北京\u201d comes right before" in in_beijing
    assert NAMESAKE not in in_beijing
    in_nanjing = doubt_of_uir(matcher, "南京国际关系学院")
    assert in_nanjing is not None and "the place \u201c南京\u201d comes right before" in in_nanjing
    assert "is also the name of another body, " + NAMESAKE in in_nanjing


def test_the_namesake_s_city_named_too_is_the_plain_doubt(matcher):
    """Its own city beside another's in the name's part: the text may name it, as before."""
    doubt = doubt_of_uir(matcher, "University of International Relations, Nanjing, Suzhou, Jiangsu, China")
    assert doubt is not None and doubt.endswith(f"the text may name it, not {UIR}")
    assert "a place of its" not in doubt


@pytest.mark.parametrize(
    "raw",
    [
        "University of International Relations, Beijing 100091, China",
        "国际关系学院，北京 100091",
        # No city: the commoner bearer, the tracker's, as before (a postcode is read as no city).
        "University of International Relations, China",
        "University of International Relations, 210039, China",
        # Another institution's Nanjing in another part of the text places nothing of the name's.
        "University of International Relations, Beijing; Nanjing University, Nanjing, China",
    ],
)
def test_the_name_elsewhere_or_nowhere_stays_certain(matcher, raw):
    assert doubt_of_uir(matcher, raw) is None


def test_the_luoyang_rows_still_hold_everywhere(matcher):
    """A row that holds "always" is a doubt with no place named, as before."""
    hits = matcher.hits(Authorship(name="A", position=0, raw_affiliations=("Luoyang University, China",)))
    assert any("Luoyang University (洛阳大学)" in (h.doubt or "") for h in hits)


def test_both_names_of_it_are_on_the_file_in_its_places_only():
    for name in (UIR, "国际关系学院", "國際關係學院", "Univ. of International Relations"):
        row = namesake_of(name)
        assert row is not None and row.only_in_its_places and row.places == ("Nanjing", "Jiangsu"), name
    luoyang = namesake_of("Luoyang University")
    assert luoyang is not None and not luoyang.only_in_its_places


HEADER = "name,other_body,country,places,years,source"


def test_applies_is_always_or_in_its_places():
    rows = lists.read_namesakes(
        f"{HEADER},applies\nA,B,CN,X,1990,http://a,in its places\nC,D,CN,X,1990,http://b,always\n"
    )
    assert [r.only_in_its_places for r in rows] == [True, False]
    (left_out,) = lists.read_namesakes(f"{HEADER}\nA,B,CN,X,1990,http://a\n")
    assert not left_out.only_in_its_places  # the column left out: "always", as every row was
    with pytest.raises(InputError) as raised:
        lists.read_namesakes(f"{HEADER},applies\nA,B,CN,X,1990,http://a,in Nanjing\n")
    (line,) = raised.value.lines()
    assert "namesakes.csv:2:0: row applies 'in Nanjing', not 'always' or 'in its places'" in line


# The tracker's entry as it gives it (../shared/data/aspi), and NUDT, under which it names the
# namesake.
UIR_LIST = """\
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
"""


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        ("University of International Relations, Nanjing 210039, China", "doubt"),  # was match
        ("国际关系学院，南京 210039", "doubt"),  # was match
        ("University of International Relations, Beijing 100091, China", "match"),
        ("国际关系学院，北京 100091", "match"),
        ("University of International Relations, China", "match"),
        ("University of International Relations, Suzhou, China", "doubt"),  # was match
    ],
)
def test_a_whole_check_finds_it_so_on_both_engines(tmp_path, monkeypatch, capsys, raw, found):
    coauthor_text_found(tmp_path, monkeypatch, capsys, UIR_LIST, raw, found)


def test_lists_show_says_where_the_alias_is_a_doubt(tmp_path, capsys):
    (tmp_path / "l.yaml").write_text(UIR_LIST, encoding="utf-8")
    assert main(["lists", "show", str(tmp_path / "l.yaml")]) == 0
    out = capsys.readouterr().out
    said = "'国际关系学院' is also another body's name (a doubt where the text names Nanjing or Jiangsu): "
    assert said + NAMESAKE in out

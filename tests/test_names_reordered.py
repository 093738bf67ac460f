"""A listed name written with its words in another order, its kind's word first (issue 18,
thirty-fourth part).

The ASPI tracker (../shared/data/aspi) gives the Information Engineering University the alias "PLA
Foreign Languages University", and names under NUDT the subsidiary "International Relations
Institute (Nanjing, Jiangsu Province)", its description "the Institute of International Relations
in Nanjing". china.org.cn writes 解放军外国语学院 "PLA University of Foreign Languages, Luoyang"
(http://china.org.cn/top10/2011-06/13/content_22772925_3.htm). Both texts named nothing: silence
where the record perhaps names the listed body. Each is a doubt now, saying the words are in
another order; never certain, and never a part of a longer name or a unit of a body after it.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimwatch.evaluate._matchers import ListMatcher
from claimwatch.evaluate._names import NameMatcher, _reordered_forms
from claimwatch.works import Authorship
from helpers import coauthor_text_found

IEU = "information-engineering-university"
NUDT = "national-university-of-defense-technology"


@pytest.fixture(scope="module")
def matcher(real_tracker) -> ListMatcher:
    return ListMatcher(real_tracker)


def found(matcher: ListMatcher, raw: str) -> dict[str, str | None]:
    hits = matcher.hits(Authorship(name="A", position=0, raw_affiliations=(raw,)))
    return {h.entry.id: h.doubt for h in hits}


@pytest.mark.parametrize(
    "raw",
    [
        "PLA University of Foreign Languages, Luoyang, China",  # china.org.cn's form
        "PLA University of Foreign Languages, Luoyang 471003, Henan, Peoples R China",
        "Department of English, PLA Univ. of Foreign Languages, Luoyang, China",
        # A unit of it before it, named kind first as units are: no other institution.
        "College of English, PLA University of Foreign Languages, Luoyang, China",
        # And after it, as the institution-first order writes one: was nothing, a unit's kind word
        # read as another institution after it, though the same unit before it was no other one.
        "PLA University of Foreign Languages, College of International Studies, Luoyang, China",
    ],
)
def test_an_alias_with_its_words_reordered_is_a_doubt(matcher, raw):
    doubt = found(matcher, raw).get(IEU)  # was nothing: no hit at all
    assert doubt is not None
    assert "writes the words of \u201cPLA Foreign Languages University\u201d in another order" in doubt


@pytest.mark.parametrize(
    "raw",
    [
        "Institute of International Relations, Nanjing, China",  # was nothing
        # Review (thirty-sixth part): the army's name first, as the PLA's own institute writes it,
        # was read as a longer name's word and named nothing, silence.
        "PLA Institute of International Relations, Nanjing, China",
        "Chinese PLA Institute of International Relations, Nanjing 210039, China",
        "Chinese People's Liberation Army Institute of International Relations, Nanjing, China",
    ],
)
def test_a_subsidiary_with_its_words_reordered_is_a_doubt_saying_so(matcher, raw):
    doubt = found(matcher, raw).get(NUDT)
    assert doubt is not None
    assert doubt.startswith(
        "\u201cInstitute of International Relations\u201d (International Relations Institute (Nanjing, Jiangsu"
        " Province), its words in another order) is named by China Defence Universities Tracker under"
    )


@pytest.mark.parametrize(
    ("raw", "entry"),
    [
        # A longer name: CASC's academy, not the Space Engineering University's "Space Technology Academy".
        ("China Academy of Space Technology (CAST)", "space-engineering-university"),
        ("Rocket Force Equipment Academy of PLA Rocket Force, China", "rocket-force-sergeant-school"),
        # The tracker's alias of Jiangnan Social University: no NUDT subsidiary.
        ("Institute of International Relations Suzhou Campus", NUDT),
        ("PLA Institute of International Relations Suzhou Campus", NUDT),
        # Another word than the army's before it: a longer name still.
        ("Shanghai Institute of International Relations, Shanghai, China", NUDT),
        # A university's unit, as departments are named: the university after it.
        ("Institute of International Relations, Fudan University, Shanghai, China", NUDT),
        # The same units with their institution first, as Chinese addresses order them (复旦大学
        # 国际关系研究所; 上海社会科学院国际关系研究所, SASS's institute): were NUDT doubts.
        ("Fudan University, Institute of International Relations, Shanghai, China", NUDT),
        ("Fudan Univ., Inst. of International Relations, Shanghai, China", NUDT),
        ("Nanjing University, Institute of International Relations, Nanjing, China", NUDT),
        ("Shanghai Academy of Social Sciences, Institute of International Relations, Shanghai, China", NUDT),
    ],
)
def test_a_reordered_name_within_a_longer_one_or_a_unit_is_not_found(matcher, raw, entry):
    assert entry not in found(matcher, raw)


def test_an_institution_in_another_affiliation_before_leaves_the_doubt(matcher):
    """A semicolon parts two affiliations of one author: the university before is the other's."""
    assert found(matcher, "Nanjing University; Institute of International Relations, Nanjing, China").get(NUDT)


def test_the_names_as_written_stay_certain(matcher):
    assert found(matcher, "PLA Foreign Languages University, Luoyang, China").get(IEU, "") is None


@given(st.lists(st.sampled_from(["pla", "foreign", "languages", "space", "technology", "of"]), max_size=5))
def test_reordered_forms_hold_the_name_s_words_and_an_of(words):
    """Every word of a form is the name's or "of", so the query's needle for the name is in any
    text a form is found in; a name holding an "of", or one field's word alone, gives none."""
    name = [*words, "university"]
    for form in _reordered_forms([name]):
        assert sorted(form) == sorted([*name, "of"]) and form.index("university") < form.index("of")
    if "of" in words or len(words) < 2:
        assert _reordered_forms([name]) == []


def test_a_name_holding_an_of_is_not_reordered_by_its_web_of_science_form():
    """The tracker's "Ministry of Public Security Railway Police College" is sought without its
    "of" too ("Ministry Public Security Railway Police College"); that form is not reordered."""
    names = NameMatcher([("k", "Ministry of Public Security Railway Police College")])
    assert names.find("College of Ministry Public Security Railway Police, Zhengzhou") == []


def test_the_name_matcher_marks_only_the_reordered_hit():
    names = NameMatcher([("k", "PLA Foreign Languages University")])
    (plain,) = names.find("PLA Foreign Languages University, Luoyang")
    (other,) = names.find("PLA University of Foreign Languages, Luoyang")
    assert not plain.reordered and other.reordered
    assert names.find("Luoyang University, Luoyang") == []


LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: ieu
    name: Information Engineering University
    aliases: [PLA Foreign Languages University, 中国人民解放军信息工程大学]
    country: CN
    verified: true
"""


@pytest.mark.parametrize(
    ("raw", "result"),
    [
        ("PLA University of Foreign Languages, Luoyang, China", "doubt"),  # was nothing
        # Thirty-seventh part: the country's name before the army's that begins the name.
        ("Chinese PLA University of Foreign Languages, Luoyang 471003, China", "doubt"),  # was nothing
        ("College of English, The Chinese PLA University of Foreign Languages, Luoyang", "doubt"),  # was nothing
        # Review: "The" alone before it left it nothing still, the entry cleared in silence.
        ("The PLA University of Foreign Languages, Luoyang 471003, China", "doubt"),
        ("College of English, the PLA University of Foreign Languages, Luoyang", "doubt"),
        ("Chinese University of Foreign Languages, Luoyang, China", "nothing"),
        ("The University of Foreign Languages, Luoyang, China", "nothing"),
        # Names hunted a fifteenth time: the army's name written out, as "PLA" stands for, named
        # nothing, the entry cleared in silence; written out in the tracker's order it is the alias.
        ("People's Liberation Army University of Foreign Languages, Luoyang, China", "doubt"),
        ("Chinese Peoples Liberation Army University of Foreign Languages, Luoyang", "doubt"),
        ("People's Liberation Army Foreign Languages University, Luoyang, China", "match"),
        ("People's Liberation University of Foreign Languages, Luoyang, China", "nothing"),
        ("University of Information Engineering, Zhengzhou, China", "doubt"),  # was nothing
        ("PLA Foreign Languages University, Luoyang, China", "match"),
        ("School of Information Engineering, Zhengzhou University, Zhengzhou, China", "nothing"),
    ],
)
def test_a_whole_check_reads_it_alike_on_both_engines(tmp_path, monkeypatch, capsys, raw, result):
    coauthor_text_found(tmp_path, monkeypatch, capsys, LIST, raw, result)


INSTITUTE_LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: iri
    name: International Relations Institute
    country: CN
"""


@pytest.mark.parametrize(
    ("raw", "result"),
    [
        ("PLA Institute of International Relations, Nanjing, China", "doubt"),  # was nothing
        ("Institute of International Relations, Nanjing, China", "doubt"),
        ("Shanghai Institute of International Relations, Shanghai, China", "nothing"),
    ],
)
def test_the_army_s_name_before_a_reordered_name_is_read_alike_on_both_engines(
    tmp_path, monkeypatch, capsys, raw, result
):
    coauthor_text_found(tmp_path, monkeypatch, capsys, INSTITUTE_LIST, raw, result)

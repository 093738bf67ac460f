"""A list name that is a unit's, named by its field alone, placed under another institution (issue
18, thirtieth part).

The ASPI tracker gives the University of International Relations the alias "Institute of
International Politics" (a name of old) and Jiangnan Social University "Institute of Cadre
Management". A coauthor at "Institute of International Politics, Peking University, Beijing", as a
department is written before its university, was at the University of International Relations
for certain: a claim of no coauthor at a listed institution `contradicted`, though the text names
a unit of that name under another university, which may be its own. Such a name is a doubt now;
the name alone, with its place, or under its own name or the body the tracker says supervises it,
still counts."""

from __future__ import annotations

import pytest

from claimwatch.cli import main
from claimwatch.evaluate._matchers import ListMatcher
from claimwatch.lists import load_list
from claimwatch.works import Authorship
from helpers import coauthor_text_found

# The two entries as the tracker names them (the test below holds that the real file gives these).
LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: uir
    name: University of International Relations
    aliases: [国际关系学院, UIR, Institute of International Politics]
    country: CN
    verified: true
  - id: jsu
    name: Jiangnan Social University
    aliases: [江南社会学院, Institute of Cadre Management]
    country: CN
    verified: true
    supervising_agencies: [Ministry of State Security (MSS)]
"""


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        # Under another university: that university's unit of the name, perhaps.
        ("Institute of International Politics, Peking University, Beijing 100871, China", "doubt"),
        ("Institute of Cadre Management, Sichuan University, Chengdu, China", "doubt"),
        ("Institute of International Politics at Renmin University of China, Beijing", "doubt"),
        # Reviewed (thirtieth part): only the part right after the name was read, so a level between
        # (as OpenAlex's W2741809807 writes "Observatoire des Sciences et des Technologies (OST),
        # Centre Interuniversitaire de Recherche sur la Science et la Technologie (CIRST), Universit\u00e9
        # du Qu\u00e9bec \u00e0 Montr\u00e9al"), an acronym in brackets after it, or the university before
        # it left the unit certain.
        ("Institute of International Politics, School of International Studies, Peking University, Beijing", "doubt"),
        ("Institute of International Politics (IIP), Peking University, Beijing 100871, China", "doubt"),
        ("Peking University, Institute of International Politics, Beijing 100871, China", "doubt"),
        ("Institute of International Politics, Center for Strategic Studies, Tsinghua University, Beijing", "doubt"),
        # The entry's own name past a level between, or a level naming no institution: as before.
        (
            "Institute of International Politics, School of Diplomacy, University of International Relations, Beijing",
            "match",
        ),
        ("Institute of Cadre Management, Department of Training, Ministry of State Security, Suzhou, China", "match"),
        ("Institute of Cadre Management, Suzhou 215000, China; Sichuan University, Chengdu, China", "match"),
        # A unit of a field before it is one of its own levels, as English writes them smallest first.
        ("College of Politics, Institute of International Politics, Beijing 100091, China", "match"),
        # Alone, with its place, or under the entry's own name or its supervisor: as before.
        ("Institute of International Politics, Beijing 100091, China", "match"),
        ("Institute of International Politics, University of International Relations, Beijing", "match"),
        ("Institute of Cadre Management, Ministry of State Security, Suzhou, China", "match"),
        ("Institute of Cadre Management, Suzhou, Jiangsu, China", "match"),
    ],
)
def test_a_unit_named_by_its_field_under_another_institution_is_a_doubt(tmp_path, monkeypatch, capsys, raw, found):
    coauthor_text_found(tmp_path, monkeypatch, capsys, LIST, raw, found)


def test_the_real_tracker_names_units_by_their_field_and_doubts_them_under_another(tmp_path, capsys, shared_data):
    galaxy = shared_data / "aspi/misp-galaxy-china-defence-universities.json"
    path = tmp_path / "aspi.yaml"
    assert main(["lists", "import", "aspi", str(galaxy), "--out", str(path)]) == 0
    capsys.readouterr()
    tracker = load_list(path)
    names = {e.id: set(e.names) for e in tracker.entries}
    assert "Institute of International Politics" in names["university-of-international-relations"]
    assert "Institute of Cadre Management" in names["jiangnan-social-university"]
    matcher = ListMatcher(tracker)
    text = "Institute of International Politics, Peking University, Beijing 100871, China"
    hits = {h.entry.id: h.doubt for h in matcher.hits(Authorship("A", 0, raw_affiliations=(text,)))}
    assert hits["peking-university"] is None  # Peking University, listed too, certainly
    assert hits["university-of-international-relations"] == (
        "\u201cInstitute of International Politics\u201d names a unit by its field, and the text places it under"
        " \u201cPeking University\u201d: it may be that institution's own, not University of International Relations"
    )


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        # The Chinese form (thirty-first part): 国际关系学院 is the tracker's University of
        # International Relations by name, and a school of Peking University's and Renmin
        # University's too; written before its university as a department is, it was the listed
        # university for certain. A doubt now, as the English form is.
        ("国际关系学院，北京大学，北京 100871", "doubt"),
        ("国际关系学院, 中国人民大学, 北京", "doubt"),
        ("北京大学，国际关系学院，北京 100871", "doubt"),
        # Alone, with its place, or under its own name: as before.
        ("国际关系学院，北京 100091", "match"),
        ("国际关系学院；北京大学，北京", "match"),
        # A name of its own, not a field's, under another institution: as before.
        ("江南社会学院，苏州大学，苏州", "match"),
    ],
)
def test_a_chinese_unit_named_by_its_field_under_another_institution_is_a_doubt(
    tmp_path, monkeypatch, capsys, raw, found
):
    coauthor_text_found(tmp_path, monkeypatch, capsys, LIST, raw, found)


@pytest.mark.parametrize(
    "raw",
    [
        # Reviewed (thirty-first part): Chinese writes an institution before its own units, so the
        # school run on from the name (a school of cyberspace security, 网络空间安全学院, or of
        # information technology, 信息科技学院, in the order 北京大学国际关系学院 writes Peking
        # University's school) was read as the institution over it, a doubt; it is the listed
        # university's own school, certain as it was before the Chinese form was doubted.
        "国际关系学院网络空间安全学院，北京 100091",
        "国际关系学院 信息科技学院，北京 100091",
        # A school of a field parted by commas, before the name or after it, is a level of it, as
        # "College of Politics, Institute of International Politics" is in English.
        "信息科技学院，国际关系学院，北京 100091",
        "国际关系学院，信息科技学院，北京 100091",
    ],
)
def test_a_chinese_unit_named_by_its_field_with_its_own_schools_is_the_entry(tmp_path, monkeypatch, capsys, raw):
    coauthor_text_found(tmp_path, monkeypatch, capsys, LIST, raw, "match")


@pytest.mark.parametrize(
    "raw",
    [
        # Past a school of a field, the university over it is still found, and a university
        # written before the name still places it under that university.
        "国际关系学院，外国语学院，北京大学，北京 100871",
        "北京大学 国际关系学院，北京 100871",
    ],
)
def test_a_chinese_unit_named_by_its_field_past_a_school_under_another_is_a_doubt(tmp_path, monkeypatch, capsys, raw):
    coauthor_text_found(tmp_path, monkeypatch, capsys, LIST, raw, "doubt")


def test_a_school_of_international_relations_after_its_university_is_the_university(tmp_path, monkeypatch, capsys):
    """International relations is read as a field of study, so Peking University's own school
    (北京大学国际关系学院) is Peking University for certain; it was a doubt that the name runs on
    into another institution's."""
    listed = LIST + (
        "  - id: pku\n    name: Peking University\n    aliases: [北京大学]\n    country: CN\n    verified: true\n"
    )
    coauthor_text_found(tmp_path, monkeypatch, capsys, listed, "北京大学国际关系学院，北京 100871", "match")


def test_an_english_unit_name_loads_no_chinese_tables():
    # The Chinese reading holds every field in both scripts, which loads OpenCC's tables (45 MB at
    # peak): bench's million, with no Chinese name, peaked at 545 MiB with it, over the 512 MiB
    # target. Only a Chinese name may load them.
    from claimwatch.evaluate import _names

    _names._cjk_school_patterns.cache_clear()
    _names._in_both_scripts.cache_clear()
    _names.chinese_forms.cache_clear()
    _names._converters.cache_clear()
    assert not _names.a_unit_of_a_field_in_chinese("Institute of International Politics")
    assert _names._converters.cache_info().currsize == 0
    assert _names.a_unit_of_a_field_in_chinese("国际关系学院")

"""Names written with underscores for spaces (issue 18, twenty-eighth part).

A URL or an identifier writes a name's spaces as underscores, as ROR's Wikipedia links do: the
"of" after "Nanjing_University" in "Nanjing_University_of_Science_and_Technology" was not seen as
following the name, so the text named Nanjing University certainly, a false accusation."""

from __future__ import annotations

import json

import pytest

from helpers import coauthor_text_results, project

UNDERSCORES = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - {id: nju, name: Nanjing University, country: CN, verified: true}
  - {id: nuaa, name: Nanjing University of Aeronautics and Astronautics, country: CN, verified: true}
"""


@pytest.mark.parametrize(
    ("raw", "verdict"),
    [
        # ROR's Wikipedia links of NJUST and NUAA (../shared/data/ror/v1.54_01scyh794.json and
        # v1.54_00xp9wg62.json), as a text holding one writes it: "_" for a space, so the "of" after
        # "Nanjing_University" makes it a longer name's, as "Nanjing University of ..." is.
        ("http://en.wikipedia.org/wiki/Nanjing_University_of_Science_and_Technology", "insufficient_evidence"),
        ("Sch Comp, Nanjing_University_of_Science_and_Technology, Nanjing 210094, China", "insufficient_evidence"),
        # The listed one the link names is still found; so is Nanjing University's own.
        ("http://en.wikipedia.org/wiki/Nanjing_University_of_Aeronautics_and_Astronautics", "contradicted"),
        ("http://en.wikipedia.org/wiki/Nanjing_University", "contradicted"),
    ],
)
def test_an_of_after_an_underscore_makes_a_longer_name(tmp_path, monkeypatch, capsys, raw, verdict):
    root = project(tmp_path)
    monkeypatch.chdir(root)
    results = coauthor_text_results(root, UNDERSCORES, raw)
    capsys.readouterr()
    assert results[0]["verdict"] == verdict


NEIGHBOURS = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - {id: nju, name: Nanjing University, country: CN, verified: true}
  - {id: bit, name: Beijing Institute of Technology, country: CN, verified: true}
  - {id: ahu, name: Anhui University, country: CN, verified: true}
  - {id: hit, name: Harbin Institute of Technology, country: CN, verified: true}
"""


@pytest.mark.parametrize(
    ("raw", "verdict"),
    [
        # Other institutions' names, written as ROR's Wikipedia links write names (underscores
        # for spaces): what runs on after a name, or comes right before it, is read as after a
        # space, a doubt (Jinling College, Nanjing University's independent college; West Anhui
        # University, 皖西学院; BIT's Zhuhai college).
        ("http://en.wikipedia.org/wiki/Nanjing_University_Jinling_College", "insufficient_evidence"),
        ("http://en.wikipedia.org/wiki/West_Anhui_University", "insufficient_evidence"),
        ("http://en.wikipedia.org/wiki/Beijing_Institute_of_Technology,_Zhuhai", "insufficient_evidence"),
        # A campus of the listed one's, as with spaces.
        ("http://en.wikipedia.org/wiki/Harbin_Institute_of_Technology_(Shenzhen)", "contradicted"),
    ],
)
def test_the_words_around_a_name_are_read_across_underscores(tmp_path, monkeypatch, capsys, raw, verdict):
    root = project(tmp_path)
    monkeypatch.chdir(root)
    results = coauthor_text_results(root, NEIGHBOURS, raw)
    capsys.readouterr()
    assert results[0]["verdict"] == verdict
    if "Jinling" in raw:
        # The doubt quotes the text as written.
        assert "\u201cNanjing_University\u201d runs on into \u201cJinling\u201d" in json.dumps(
            results[0], ensure_ascii=False
        )

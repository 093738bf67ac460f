"""A unit named by its number alone (issue 18, twenty-ninth part).

The ASPI tracker gives the Chinese Academy of Engineering Physics (CAEP) the aliases "Ninth
Academy" and 九院, its name of old, and names in the same file CASC's "13th Research Institute,
9th Academy of CASC" and "5th Academy of CASC" and CASIC's "Second Academy of CASIC": groups
number their academies, and CASC's ninth (航天九院, Beijing) and CASIC's (航天科工九院, Wuhan) are
other bodies. A coauthor at "CASIC Ninth Academy, Wuhan 430040, China" or "中国航天科技集团第九研究院
(九院)" was certainly at CAEP, and a claim of no listed coauthor `contradicted`. Such a name is a
doubt now; CAEP's own name still counts.

Thirtieth part: the doubt did not undo CAEP's OpenAlex id, which OpenAlex, resolving a text by its
names, may give such an author; where no text names CAEP otherwise, the id is a doubt too."""

from __future__ import annotations

import json

import pytest

from claimwatch.cli import main
from claimwatch.evaluate._matchers import _NUMBERED_UNIT, ListMatcher
from claimwatch.lists import load_list
from claimwatch.works import Authorship
from helpers import coauthor_text_results, project

# CAEP as the tracker names it (the test below holds that the real file gives these).
LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: caep
    name: Chinese Academy of Engineering Physics
    aliases: [中国工程物理研究院, China Academy of Engineering Physics, CAEP, Ninth Academy, 九院, 901 Institute]
    country: CN
    verified: true
"""


def test_the_tracker_gives_caep_its_numbered_name_and_numbers_other_groups_academies(shared_data):
    data = json.loads((shared_data / "aspi/misp-galaxy-china-defence-universities.json").read_text(encoding="utf-8"))
    aliases = {v["value"]: set(v.get("meta", {}).get("aliases", [])) for v in data["values"]}
    (caep,) = [k for k in aliases if k.startswith("Chinese Academy of Engineering Physics")]
    assert {"Ninth Academy", "九院", "901 Institute", "中国工程物理研究院", "China Academy of Engineering Physics"} <= (
        aliases[caep]
    )
    numbered = {a for names in aliases.values() for a in names}
    assert {
        "13th Research Institute, 9th Academy of CASC",
        "5th Academy of CASC",
        "Second Academy of CASIC",
    } <= numbered


@pytest.mark.parametrize(
    ("raw", "verdict"),
    [
        # Another group's ninth academy: a doubt, never a finding.
        ("CASIC Ninth Academy, Wuhan 430040, China", "insufficient_evidence"),
        ("Ninth Academy, China Aerospace Science and Industry Corporation, Wuhan, China", "insufficient_evidence"),
        ("中国航天科技集团第九研究院(九院)，北京", "insufficient_evidence"),
        ("航天 九院，北京", "insufficient_evidence"),
        # Alone too: which group's ninth academy the text does not say.
        ("九院，绵阳", "insufficient_evidence"),
        # Thirtieth part: a unit's code as its name, as the tracker's alias "901 Institute" is (the
        # last part's note: it was CAEP for certain).
        ("901 Institute, Mianyang 621900, China", "insufficient_evidence"),
        ("The 901 Institute, Beijing, China", "insufficient_evidence"),
        ("901 Institute, China Academy of Engineering Physics, Mianyang 621900, China", "contradicted"),
        # CAEP's own name still counts, its numbered name beside it or not.
        ("Ninth Academy, China Academy of Engineering Physics, Mianyang 621900, China", "contradicted"),
        ("中国工程物理研究院，绵阳 621900", "contradicted"),
    ],
)
def test_a_numbered_unit_alone_is_a_doubt_on_both_engines(tmp_path, monkeypatch, capsys, raw, verdict):
    root = project(tmp_path)
    monkeypatch.chdir(root)
    results = coauthor_text_results(root, LIST, raw)
    capsys.readouterr()
    assert results[0]["verdict"] == verdict


def test_the_real_tracker_imported_names_caep_by_its_number_only_in_doubt(tmp_path, capsys, shared_data, project_root):
    """The real tracker imported: the numbered names are a doubt, saying why; no other name of the
    tracker (entries and the institutions under them) or of the shipped lists is a number alone."""
    path = tmp_path / "aspi.yaml"
    galaxy = shared_data / "aspi/misp-galaxy-china-defence-universities.json"
    assert main(["lists", "import", "aspi", str(galaxy), "--out", str(path)]) == 0
    capsys.readouterr()
    tracker = load_list(path)
    shipped = [load_list(p) for p in sorted((project_root / "evidence/lists").glob("*.yaml"))]
    numbered = {
        (e.id, n)
        for rl in (tracker, *shipped)
        for e in rl.entries
        for n in (*e.names, *(a for r in e.related for a in (r.name, *r.aliases)))
        if _NUMBERED_UNIT.fullmatch(n)
    }
    assert numbered == {
        ("chinese-academy-of-engineering-physics", "Ninth Academy"),
        ("chinese-academy-of-engineering-physics", "九院"),
        ("chinese-academy-of-engineering-physics", "901 Institute"),
    }
    matcher = ListMatcher(tracker)
    for text in ("CASIC Ninth Academy, Wuhan 430040, China", "航天 九院", "901 Institute, Mianyang, China"):
        (hit,) = [
            h
            for h in matcher.hits(Authorship("A", 0, raw_affiliations=(text,)))
            if h.entry.id.startswith("chinese-academy")
        ]
        assert hit.doubt and "names a unit by its number alone" in hit.doubt, hit.doubt


@pytest.mark.parametrize(
    ("raw", "verdict"),
    [
        # OpenAlex resolves text by its names, and the tracker gives CAEP "Ninth Academy": an id it
        # gave CASIC's ninth academy's author from such a text is no more certain than the text
        # (the id stood before, `contradicted`).
        ("CASIC Ninth Academy, Wuhan 430040, China", "insufficient_evidence"),
        ("航天 九院，北京", "insufficient_evidence"),
        # A text naming CAEP itself, or nothing OpenAlex may have misread: the id stands.
        ("Ninth Academy, China Academy of Engineering Physics, Mianyang 621900, China", "contradicted"),
        ("P.O. Box 919, Mianyang 621900, China", "contradicted"),
    ],
)
def test_an_openalex_id_resolved_from_a_numbered_unit_alone_is_a_doubt_on_both_engines(
    tmp_path, monkeypatch, capsys, raw, verdict
):
    from helpers import coauthor_text_results, institution

    root = project(tmp_path)
    monkeypatch.chdir(root)
    listed = LIST.replace("    verified: true", "    openalex: [I900]\n    verified: true")
    caep = institution("I900", "China Academy of Engineering Physics")
    results = coauthor_text_results(root, listed, raw, institutions=[caep])
    capsys.readouterr()
    assert results[0]["verdict"] == verdict, raw
    if verdict == "insufficient_evidence":
        said = json.dumps(results, ensure_ascii=False)
        assert "OpenAlex resolves the author to" in said and "names a unit by its number alone" in said

"""A name placed where the list names another entry by that place (issue 18, twenty-ninth part).

The ASPI tracker (../shared/data/aspi) gives the Naval Research Academy, in Beijing, the alias
"Naval Academy", and lists the Dalian Naval Academy apart. "Dalian Naval Academy" was already no
certain hit on the Naval Research Academy (a place right before a name), but "Naval Academy,
Dalian, China", the same academy in the Western order, was one: a coauthor there was cited as at
the wrong entry. The list itself names an institution by that place and that name, so such a
text is a doubt on the entry that only shares the name, saying which entry it may be.

Thirtieth part: "Naval Academy, Qingdao, China" (or no place at all) was still the Naval Research
Academy for certain, though the list shows the name borne in more than one place; only the
entry's own place (Beijing) makes the name certain now."""

from __future__ import annotations

import json

import pytest

from helpers import coauthor_text_results, project

# The two entries as the tracker gives them (names, aliases and addresses, shortened).
LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - id: nra
    name: Naval Research Academy
    aliases: [PLA Navy Research Academy, Naval Academy, 海军研究院]
    country: CN
    addresses: ["China, Beijing, Fengtai, 六里桥北里甲1号"]
    verified: true
  - id: dna
    name: Dalian Naval Academy
    aliases: [PLA Dalian Naval Academy, 中国人民解放军海军大连舰艇学院]
    country: CN
    addresses: ["China, Liaoning, Dalian, Zhongshan, Jiefang Road, 大连舰艇学院"]
    verified: true
"""


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        # The Dalian academy in the Western order: no certain hit on the Beijing academy.
        ("Department of Navigation, Naval Academy, Dalian 116018, Liaoning, China", "doubt"),
        ("Naval Academy, Dalian, China", "doubt"),
        # Named in full, it is the Dalian academy's certainly, as before.
        ("Dalian Naval Academy, Dalian 116018, China", "dna"),
        # In the entry's own city: as before.
        ("Naval Academy, Beijing 100161, China", "nra"),
        # Dalian in another affiliation of the text places nothing of this one.
        ("Naval Academy, Beijing, China; Dalian University of Technology, Dalian, China", "nra"),
    ],
)  # fmt: skip
def test_a_name_placed_where_the_list_names_another_entry_is_a_doubt(tmp_path, monkeypatch, capsys, raw, found):
    root = project(tmp_path)
    monkeypatch.chdir(root)
    (result,) = coauthor_text_results(root, LIST, raw)
    capsys.readouterr()
    said = json.dumps(result, ensure_ascii=False)
    if found == "doubt":
        assert result["verdict"] == "insufficient_evidence" and result["uncertain"] == 1
        assert "by which the list names another entry of the name, Dalian Naval Academy" in said
    else:
        assert result["verdict"] == "contradicted" and not result["uncertain"]
        assert f'"id": "{found}"' in said, said


@pytest.mark.parametrize(
    "raw",
    [
        # Another place than the entry's own, or none (thirtieth part): the list names the Dalian
        # academy by its place and the name, so the name is borne in more than one place; the
        # Naval Research Academy certainly before. Qingdao holds the PLA Navy Submarine Academy.
        "Naval Academy, Qingdao, China",
        "Naval Academy, Qingdao 266000, Shandong, China",
        "Department of Navigation, Naval Academy, China",
    ],
)  # fmt: skip
def test_a_name_the_list_gives_another_entry_by_a_place_counts_only_at_its_own_place(
    tmp_path, monkeypatch, capsys, raw
):
    root = project(tmp_path)
    monkeypatch.chdir(root)
    (result,) = coauthor_text_results(root, LIST, raw)
    capsys.readouterr()
    said = json.dumps(result, ensure_ascii=False)
    assert result["verdict"] == "insufficient_evidence" and result["uncertain"] == 1, said
    assert "the list names another entry, Dalian Naval Academy, by a place and \u201cNaval Academy\u201d" in said
    assert "not in Naval Research Academy's own place" in said or "names no place of Naval Research" in said

"""Names spelt with and without an apostrophe (issue 18, twenty-fourth part).

The twenty-third part read a word holding an apostrophe also as one word without it, so that a
list's "Xian Jiaotong University" is found in "Xi'an Jiaotong University". That found a listed
"Queens College" (New York) certainly in "The Queen's College, University of Oxford", and a
listed "Kings College" in "King's College London": an author at Oxford or in London a coauthor
at a listed institution. Where the text writes an apostrophe the name does not, the hit is a doubt
now, saying both spellings; where the name writes one the text leaves out ("Xi'an" in Web of
Science's "Xian Jiaotong Univ"), a finding still, on both engines."""

from __future__ import annotations

import json

import pytest

from claimwatch.claims import Subject
from claimwatch.evaluate._matchers import ListMatcher, SubjectMatcher
from claimwatch.evaluate._names import NameMatcher
from claimwatch.lists import ListEntry, import_aspi
from claimwatch.lists._model import ReferenceList, Source
from claimwatch.works import Authorship
from helpers import coauthor_text_results, project


@pytest.mark.parametrize(
    ("name", "text", "left_out"),
    [
        ("Queens College", "The Queen's College, University of Oxford", True),
        ("Kings College", "King's College London, Strand, London, UK", True),
        ("Kings College", "King\u2019s College London", True),
        ("Kings College", "King\u00ad's College London", True),  # read through a soft hyphen too
        ("Xian Jiaotong University", "Xi'an Jiaotong University", True),
        ("Xi'an Jiaotong University", "Xian Jiaotong Univ, Xian, Peoples R China", False),
        ("Xi'an Jiaotong University", "Xi\u2019an Jiaotong University", False),
        ("King's College London", "Kings College London", False),
        ("King's College London", "King's College London", False),
    ],
)
def test_a_hit_says_whether_the_text_s_apostrophe_was_left_out_to_find_it(name, text, left_out):
    (hit,) = NameMatcher([("k", name)]).find(text)
    assert hit.apostrophe_left_out is left_out


def _list(name: str, country: str | None) -> ReferenceList:
    return ReferenceList(
        id="l", name="L", sources=(Source(title="s"),), entries=(ListEntry(id="e", name=name, country=country),)
    )


@pytest.mark.parametrize(
    ("name", "country", "text"),
    [
        ("Queens College", "GB", "The Queen's College, University of Oxford, Oxford OX1 4AW, UK"),
        ("Kings College", "GB", "Department of Physics, King's College, Strand, London WC2R 2LS, UK"),
    ],
)
def test_a_listed_name_found_only_with_the_text_s_apostrophe_left_out_is_a_doubt(name, country, text):
    (hit,) = ListMatcher(_list(name, country)).hits(Authorship("A", 0, raw_affiliations=(text,)))
    said = text[text.index(name[:4]) : text.index("College") + len("College")]
    assert hit.doubt == (
        f"\u201c{said}\u201d writes an apostrophe that \u201c{name}\u201d does not, and names spelt with and"
        " without one may be two institutions' (The Queen's College, Oxford, is not Queens College, New York)"
    )


def test_a_doubt_of_its_own_kind_keeps_its_kind_and_says_the_spelling_too():
    (hit,) = ListMatcher(_list("Kings College", "US")).hits(
        Authorship("A", 0, raw_affiliations=("King's College London",))
    )
    assert hit.doubt is not None
    assert hit.doubt.startswith("\u201cKing's College\u201d does not itself place the institution in United States")
    assert hit.doubt.endswith("; and \u201cKing's College\u201d writes an apostrophe that \u201cKings College\u201d"
                              " does not, and names spelt with and without one may be two institutions'"
                              " (The Queen's College, Oxford, is not Queens College, New York)")  # fmt: skip


def test_a_subject_s_alias_found_only_with_the_apostrophe_left_out_is_a_doubt():
    subject = Subject(id="s", name="Kings College", aliases=["Kings College"])
    hit = SubjectMatcher(subject)._match(Authorship("A", 0, raw_affiliations=("King's College London",)))
    assert hit is not None and hit.doubt is not None and "writes an apostrophe" in hit.doubt
    hit = SubjectMatcher(subject)._match(Authorship("A", 0, raw_affiliations=("Kings College, Wilkes-Barre, PA",)))
    assert hit is not None and hit.doubt is None


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        ("School of Energy, Xian Jiaotong University, Xian 710049, Peoples R China", "Xi'an Jiaotong University"),
        ("Peoples Armed Police Command College, Tianjin, China", "People's Armed Police Command College"),
        ("Xi\u2019an Jiaotong University, Xi\u2019an, China", "Xi'an Jiaotong University"),
    ],
)
def test_the_tracker_s_names_with_apostrophes_are_found_certainly_as_web_of_science_writes_them(
    shared_data, text, entry
):
    document = import_aspi(shared_data / "aspi/misp-galaxy-china-defence-universities.json", list_id="aspi")
    hits = ListMatcher(ReferenceList.model_validate(document)).hits(Authorship("A", 0, raw_affiliations=(text,)))
    assert [(h.entry.name.split(" (")[0], h.doubt) for h in hits] == [(entry, None)]


LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - {id: queens, name: Queens College, country: GB, verified: true}
  - {id: xjtu, name: Xi'an Jiaotong University, country: CN, verified: true}
"""


@pytest.mark.parametrize(
    ("raw", "verdict"),
    [
        ("The Queen's College, University of Oxford, Oxford, UK", "insufficient_evidence"),  # a doubt, no finding
        ("Xian Jiaotong Univ, Xian 710049, Peoples R China", "contradicted"),
        ("School of Energy, Xi'an Jiaotong University, Xi'an, China", "contradicted"),
    ],
)
def test_a_whole_check_reads_the_spellings_alike_on_both_engines(tmp_path, monkeypatch, capsys, raw, verdict):
    root = project(tmp_path)
    monkeypatch.chdir(root)
    results = coauthor_text_results(root, LIST, raw)
    capsys.readouterr()
    assert results[0]["verdict"] == verdict
    assert ("writes an apostrophe" in json.dumps(results)) is (verdict != "contradicted")

"""Names as affiliations write them, apostrophes and a leading "the" (issue 18, twenty-second part).

The ASPI tracker lists "Xi'an Jiaotong University"; affiliations write "Xian Jiaotong University"
(or "Xian Jiaotong Univ") as often, which the apostrophe, folded to a space ("xi an"), kept from
matching: an author there was no coauthor at a listed university, a claim cleared. The tracker's
aliases of the Chinese Academy of Engineering Physics (from the Entity List's entry) begin with
"The" ("The Institute of Applied Physics and Computational Mathematics, Beijing"), which
affiliations leave out: never found. Both are found now, on both engines; a "the" is left out
only where two words or more remain ("The Academy" is no name "Academy")."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from claimwatch import claims as claims_mod
from claimwatch.columnar._table import search_form
from claimwatch.evaluate import evaluate
from claimwatch.evaluate._grouping import _name_needles
from claimwatch.evaluate._matchers import ListMatcher
from claimwatch.evaluate._names import NameMatcher
from claimwatch.evidence import open_evidence_paths
from claimwatch.lists import ListEntry, import_aspi
from claimwatch.lists._model import ReferenceList, Source
from claimwatch.reports.jsonreport import render_json
from claimwatch.works import Authorship
from helpers import authorship, institution, project, work, write, write_jsonl

XJTU = "Xi'an Jiaotong University"
IAPCM = "The Institute of Applied Physics and Computational Mathematics, Beijing"


@pytest.mark.parametrize(
    ("name", "text", "found"),
    [
        (XJTU, "School of Energy, Xian Jiaotong University, Xian 710049, Peoples R China", "Xian Jiaotong University"),
        (XJTU, "Xian Jiaotong Univ, Xian, Peoples R China", "Xian Jiaotong Univ"),
        (XJTU, "Xi\u2019an Jiaotong University, Xi\u2019an, China", "Xi\u2019an Jiaotong University"),
        (XJTU, "Xi an Jiaotong University", "Xi an Jiaotong University"),
        (IAPCM, "Institute of Applied Physics and Computational Mathematics, Beijing 100088, China", None),
        (IAPCM, "The Institute of Applied Physics and Computational Mathematics, Beijing, China", None),
        ("The University of Hong Kong", "Department of Computer Science, University of Hong Kong, Pokfulam", None),
        # A part ended as Chinese input writes it, or by a space other than a plain one (found by the
        # twenty-second part's review): not found, an author there cleared the claim.
        ("The University of Hong Kong", "Department of Physics\uff0cUniversity of Hong Kong", None),
        ("The University of Hong Kong", "Department of Physics\uff08University of Hong Kong\uff09", None),
        ("The University of Hong Kong", "Department of Physics,\u3000University of Hong Kong", None),
        ("The University of Hong Kong", "Department of Physics\u2009,\u2009University of Hong Kong", None),
        ("The University of Hong Kong", "Department of Physics;\r University of Hong Kong", None),
        ("The University of Hong Kong", "Department of Physics\nUniversity of Hong Kong", None),
        # A dash between spaces parts an affiliation too (twenty-third part): not found, cleared.
        ("The University of Hong Kong", "Department of Physics - University of Hong Kong", None),
        ("The University of Hong Kong", "Department of Physics \u2013 University of Hong Kong", None),
        ("The University of Hong Kong", "Department of Physics\u00a0\u2014\u00a0University of Hong Kong", None),
        ("The University of Hong Kong", "- University of Hong Kong", None),
        # The army's name written out for a name beginning "PLA" (names hunted a fifteenth time): the
        # same army, the same name; and where "pla" would be the needle, "liberation" is, as the
        # text written out holds no "pla".
        ("PLA Navy Research Academy", "People's Liberation Army Navy Research Academy, Beijing", None),
        ("PLA 309", "Chinese Peoples Liberation Army 309, Beijing", None),
    ],
)
def test_a_name_is_found_as_affiliations_write_it(name, text, found):
    (hit,) = NameMatcher([("k", name)]).find(text)
    if found:
        assert hit.matched == found
    assert any(needle in search_form(text) for needle in _name_needles([name]))  # the query lets it through


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("The Academy", "Academy of Military Science, Beijing, China"),  # one word left: no name
        (XJTU, "Xian University of Technology, Xian, China"),
        (XJTU, "Xian Jiaotong University of Medicine"),  # a longer name, as before
        ("The University of Hong Kong", "The Chinese University of Hong Kong, Shatin"),
        ("The University of Hong Kong", "Dept. of Physics, City University of Hong Kong"),
        ("The University of Hong Kong", "Chinese-University of Hong Kong"),
        ("The University of Hong Kong", "Chinese- University of Hong Kong"),  # a dash joined to the word before
        ("The University of Hong Kong", "Chinese -University of Hong Kong"),
        # A full stop may end an abbreviation inside a name; after an "&" a doubt since the
        # twenty-fourth part (`test_name_parts.py`).
        ("The Institute of Applied Physics", "Natl. Institute of Applied Physics"),
        ("The University of Hong Kong", "The Chinese\u3000University of Hong Kong"),
        (
            "The University of Hong Kong",
            "\u9999\u6e2f\u4e2d\u6587\u5927\u5b66\uff0cThe Chinese\u00a0University of Hong Kong",
        ),
    ],
)
def test_no_other_institution_is_found_for_it(name, text):
    assert NameMatcher([("k", name)]).find(text) == []


def test_an_author_at_xian_jiaotong_university_is_at_the_trackers_entry(shared_data, tmp_path):
    document = import_aspi(shared_data / "aspi/misp-galaxy-china-defence-universities.json", list_id="aspi")
    rl = ReferenceList.model_validate(document)
    hits = ListMatcher(rl).hits(
        Authorship("A", 0, raw_affiliations=("School of Energy, Xian Jiaotong University, Xian 710049, China",))
    )
    assert [(h.entry.name, h.doubt) for h in hits] == [(XJTU, None)]
    hits = ListMatcher(rl).hits(
        Authorship(
            "A",
            0,
            raw_affiliations=("Institute of Applied Physics and Computational Mathematics, Beijing 100088, China",),
        )
    )
    assert [(h.entry.name, h.doubt) for h in hits] == [("Chinese Academy of Engineering Physics", None)]


# Twenty-third part: a list's "Xian ..." was not found in "Xi'an ..." (the reverse was), and the
# modifier letter apostrophe, a backtick, an acute accent, a prime or a left quotation mark typed
# for the apostrophe were not read as one: an author there cleared the claim.
@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("Xian Jiaotong University", "School of Energy, Xi'an Jiaotong University, Xi'an 710049, China"),
        ("Xian Jiaotong University", "Xi\u2019an Jiaotong University"),
        ("Xian Jiaotong University", "Xi\u02bcan Jiaotong University"),
        ("Xian Jiaotong University", "Xi`an Jiaotong University"),
        ("Xian Jiaotong University", "Xi\u00b4an Jiaotong Univ"),
        ("Xian Jiaotong University", "Xi\u2032an Jiaotong University"),
        ("Xian Jiaotong University", "Xi\u2018an Jiaotong University"),
        ("Xian Jiaotong University", "Xi\uff07an Jiaotong University"),
        (XJTU, "Xi\u02bcan Jiaotong University"),
        (XJTU, "Xi`an Jiaotong University"),
        ("Xi\u02bcan Jiaotong University", "Xian Jiaotong University"),
        ("Xi\u02bcan Jiaotong University", "Xi'an Jiaotong University"),
        ("Xian University", "Xi'an University, Xi'an"),  # the needle is the word the apostrophe parts
    ],
)
def test_a_name_written_without_its_apostrophe_is_found_where_the_affiliation_writes_one(name, text):
    (hit,) = NameMatcher([("k", name)]).find(text)
    assert hit.matched.endswith(("Jiaotong University", "Jiaotong Univ", "University"))
    assert any(needle in search_form(text) for needle in _name_needles([name]))  # the query lets it through


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("Xian Jiaotong University", "Xi'an Jiaotong University of Medicine"),  # a longer name, as before
        ("Xian University", "Xi'an University of Technology"),
        ("Xian University", "Xi'an Jiaotong University"),
    ],
)
def test_an_apostrophe_left_out_finds_no_other_institution(name, text):
    assert NameMatcher([("k", name)]).find(text) == []


def test_a_list_entry_written_xian_finds_the_author_at_xian_as_a_doubt(tmp_path):
    # Twenty-fourth part: a finding before, as "Queens College" was in "The Queen's College": the
    # text's apostrophe the list's name does not write makes it a doubt (`test_names_spelt.py`).
    rl = ReferenceList(
        id="csl",
        name="CSL",
        sources=(Source(title="CSL"),),
        entries=(ListEntry(id="xjtu", name="Xian Jiaotong University", country="CN"),),
    )
    hits = ListMatcher(rl).hits(
        Authorship("A", 0, raw_affiliations=("Xi\u2019an Jiaotong University, Xi\u2019an, China",))
    )
    assert [h.entry.name for h in hits] == ["Xian Jiaotong University"]
    assert "\u201cXi\u2019an Jiaotong University\u201d writes an apostrophe" in (hits[0].doubt or "")


XIAN_LIST = """\
id: csl
name: Screening list
sources: [{title: s}]
entries:
  - {id: xjtu, name: Xian Jiaotong University, country: CN, verified: true}
  - {id: hk, name: The University of Hong Kong, country: HK, verified: true}
"""


@pytest.mark.parametrize(
    ("raw", "verdict"),
    [
        ("School of Energy, Xi'an Jiaotong University, Xi'an 710049, China", "insufficient_evidence"),
        ("Xi\u02bcan Jiaotong University, Xi\u02bcan, China", "insufficient_evidence"),
        ("Xi`an Jiaotong University, China", "insufficient_evidence"),  # a doubt (twenty-fourth part)
        ("School of Energy, Xian Jiaotong University, Xian 710049, China", "contradicted"),
        ("Department of Physics - University of Hong Kong, Pokfulam, Hong Kong, China", "contradicted"),
    ],
)
def test_both_engines_find_the_listed_name_as_the_affiliation_writes_it(tmp_path, raw, verdict):
    root = project(tmp_path)
    write(root / "evidence/lists/csl.yaml", XIAN_LIST)
    document = {
        "statement": {"speaker": "S", "made_on": "2024-01-10", "quote": "q", "sources": [{"title": "t"}]},
        "subjects": {"lab": {"name": "Example Lab", "openalex": ["I100"]}},
        "claims": [{"id": "c", "says": "s", "subject": "lab", "works": {"coauthor_in": ["csl"]}, "expects": "none"}],
    }
    loaded = claims_mod.load_claims([write(root / "claims/c.yaml", json.dumps(document))], root=root)
    lab = institution("I100", "Example Lab", country="US")
    records = [work("W1", "t", "2024-06-01", [authorship("A", [lab]), authorship("B", [], raw=[raw])])]
    evidence = open_evidence_paths([write_jsonl(tmp_path / "w.jsonl", records)])
    reference = evaluate(loaded, evidence, engine="python", as_of=dt.date(2025, 1, 1))
    columnar = evaluate(loaded, evidence, engine="duckdb", cache=tmp_path / "cache", as_of=dt.date(2025, 1, 1))
    assert render_json(columnar) == render_json(reference)
    assert reference.results[0].verdict == verdict

"""A listed name the affiliation says the author was at before (issue 18, twenty-eighth part).

Affiliations add where an author was before: "...; formerly at Harbin Institute of Technology",
"(previously with ...)", "Former address: ...". Such a text named the listed institution
certainly, so a coauthor who had left it counted as at it when the work was done, a false
accusation. It is a doubt now (the word may give the institution's former name too: a reviewer
tells), and it undoes a match on the institution OpenAlex resolved the text to, as a longer name
does. A subject's alias so written is a doubt too (reviewed)."""

from __future__ import annotations

import json

import pytest

from claimwatch.evaluate._matchers import ListMatcher
from claimwatch.lists import ListEntry, ReferenceList
from claimwatch.lists._model import Source
from claimwatch.works import Authorship, Institution
from helpers import coauthor_text_results, project

LIST = """\
id: l
name: Screening list
sources: [{title: s}]
entries:
  - {id: hit, name: Harbin Institute of Technology, country: CN, verified: true}
"""


@pytest.mark.parametrize(
    ("raw", "verdict"),
    [
        (
            "Department of Chemistry, University of Oxford, Oxford OX1 3TA, UK; formerly at Harbin Institute of"
            " Technology, Harbin 150001, China",
            "insufficient_evidence",
        ),
        ("Dept Phys, MIT, Cambridge, MA 02139, USA (formerly Harbin Institute of Technology)", "insufficient_evidence"),
        (
            "Previously at School of Astronautics, Harbin Institute of Technology, Harbin, China",
            "insufficient_evidence",
        ),
        ("Former address: Harbin Institute of Technology, Harbin 150001, China", "insufficient_evidence"),
        # An abbreviation's full stop goes on; a sentence's ends the word's reach (below).
        ("Previously at Dept. of Physics, Harbin Institute of Technology, Harbin, China", "insufficient_evidence"),
        # The word about another place, or none: the listed institution, as before.
        (
            "Formerly at MIT, Cambridge, MA. School of Astronautics, Harbin Institute of Technology, Harbin 150001,"
            " China",
            "contradicted",
        ),
        # A sentence's full stop right before the name ends the word's reach too (reviewed: it was
        # searched up to the name, so the lookahead for the capital after it saw none).
        (
            "Formerly at Tsinghua University, Beijing. Harbin Institute of Technology, Harbin 150001, China",
            "contradicted",
        ),
        ("Formerly Tsinghua University, Beijing 100084. Harbin Institute of Technology, Harbin, China", "contradicted"),
        # A word saying where the author is now ends the reach (reviewed: HIT was a doubt).
        (
            "Formerly at Tsinghua University, Beijing, China, now at Harbin Institute of Technology, Harbin 150001,"
            " China",
            "contradicted",
        ),
        ("Previously with Tsinghua University, currently at Harbin Institute of Technology, Harbin", "contradicted"),
        ("Formerly Tsinghua University, present address: Harbin Institute of Technology, Harbin", "contradicted"),
        # "Formerly known as" is no word about now: the name after it stays a doubt.
        ("Formerly known as Harbin Institute of Technology, Harbin 150001, China", "insufficient_evidence"),
        ("School of Astronautics, Harbin Institute of Technology, Harbin 150001, China", "contradicted"),
        ("Harbin Institute of Technology, Harbin 150001, China; formerly at MIT, Cambridge, MA, USA", "contradicted"),
    ],
)
def test_a_name_the_text_says_the_author_was_at_before_is_a_doubt(tmp_path, monkeypatch, capsys, raw, verdict):
    root = project(tmp_path)
    monkeypatch.chdir(root)
    results = coauthor_text_results(root, LIST, raw)
    capsys.readouterr()
    assert results[0]["verdict"] == verdict


def test_it_undoes_the_institution_openalex_resolved_the_text_to():
    entry = ListEntry(id="hit", name="Harbin Institute of Technology", country="CN", openalex=("I204983213",))
    matcher = ListMatcher(ReferenceList(id="l", name="l", sources=(Source(title="s"),), entries=(entry,)))
    hit_inst = Institution("Harbin Institute of Technology", id="I204983213", country="CN")
    raw = ("Dept Phys, MIT, Cambridge, MA 02139, USA; formerly at Harbin Institute of Technology, Harbin, China",)
    (found,) = matcher.hits(Authorship("A", 0, institutions=(hit_inst,), raw_affiliations=raw))
    assert found.doubt is not None and "formerly at" in found.doubt
    (plain,) = matcher.hits(Authorship("A", 0, institutions=(hit_inst,), raw_affiliations=("HIT, Harbin, China",)))
    assert plain.doubt is None


SUBJECT_FORMERLY = {
    "statement": {"speaker": "S", "made_on": "2024-01-10", "quote": "q", "sources": [{"title": "t"}]},
    "subjects": {"lab": {"name": "Example Lab", "openalex": ["I100"], "country": "US"}},
    "claims": [{"id": "c", "says": "s", "subject": "lab", "works": {"coauthor_in": ["l"]}, "expects": "none"}],
}


def _subject_claim_on_both_engines(
    tmp_path,
    monkeypatch,
    capsys,
    raw: str,
    *,
    subject_id: bool,
    subject: tuple[str, str, str] = ("I100", "Example Lab", "US"),
) -> dict:
    """The claim of SUBJECT_FORMERLY, about `subject` (OpenAlex id, name, country), checked by both
    engines on one work: author A at `raw` (and at the subject's OpenAlex id where `subject_id`),
    coauthor B at the listed HIT. The engines' results are the same; the one claim's result is
    returned."""
    from claimwatch.cli import main
    from helpers import authorship, institution, work, write, write_jsonl

    root = project(tmp_path)
    monkeypatch.chdir(root)
    write(root / "evidence/lists/l.yaml", LIST)
    openalex, name, country = subject
    claim = {**SUBJECT_FORMERLY, "subjects": {"lab": {"name": name, "openalex": [openalex], "country": country}}}
    write(root / "claims/c.yaml", json.dumps(claim))
    lab = [institution(openalex, name, country=country)] if subject_id else []
    hit_inst = institution("I204983213", "Harbin Institute of Technology", country="CN")
    authors = [authorship("A", lab, raw=[raw]), authorship("B", [hit_inst])]
    write_jsonl(root / "works.jsonl", [work("W1", "t", "2024-06-01", authors)])
    reports = []
    for engine in ("python", "duckdb"):
        argv = ["check", "claims/c.yaml", "--evidence", "works.jsonl", "--engine", engine, "--no-reviews"]
        assert main([*argv, "--cache", "cache", "--as-of", "2025-01-01", "--json", f"{engine}.json"]) == 0
        reports.append(json.loads((root / f"{engine}.json").read_text()))
    capsys.readouterr()
    assert reports[0]["results"] == reports[1]["results"]
    (result,) = reports[0]["results"]
    return result


@pytest.mark.parametrize(
    ("raw", "verdict"),
    [
        # Reviewed: the rule was the list's alone, so an author who had left the subject made the
        # work the subject's certainly, its coauthor at HIT contradicting the claim.
        ("Tsinghua University, Beijing 100084, China; formerly at Example Lab, Redmond, WA 98052, USA", None),
        ("Department of Physics, MIT, Cambridge, MA 02139, USA (previously with Example Lab, Redmond, WA 98052)", None),
        ("Example Lab, Redmond, WA 98052, USA", "contradicted"),
        ("Formerly at Tsinghua University, Beijing, China; Example Lab, Redmond, WA 98052, USA", "contradicted"),
    ],
)
def test_the_subject_named_as_where_the_author_was_before_is_a_doubt_on_both_engines(
    tmp_path, monkeypatch, capsys, raw, verdict
):
    result = _subject_claim_on_both_engines(tmp_path, monkeypatch, capsys, raw, subject_id=False)
    if verdict is None:
        assert result["verdict"] != "contradicted"
        assert "formerly at" in json.dumps(result) or "previously with" in json.dumps(result)
    else:
        assert result["verdict"] == verdict


@pytest.mark.parametrize(
    ("raw", "verdict"),
    [
        # OpenAlex resolves the whole string by name, and can resolve "formerly at Example Lab" to
        # the lab's own id: the author was then the subject's certainly, the rule undoing only a
        # list entry's match (found in review).
        ("Tsinghua University, Beijing 100084, China; formerly at Example Lab, Redmond, WA 98052, USA", None),
        ("Example Lab, Redmond, WA 98052, USA", "contradicted"),
        ("Formerly at Tsinghua University, Beijing, China; Example Lab, Redmond, WA 98052, USA", "contradicted"),
        # Nothing in the text names the lab: nothing says OpenAlex erred, its id stands.
        ("Building 2, Redmond, WA 98052, USA", "contradicted"),
    ],
)
def test_the_subject_openalex_resolved_from_where_the_author_was_before_is_a_doubt_on_both_engines(
    tmp_path, monkeypatch, capsys, raw, verdict
):
    result = _subject_claim_on_both_engines(tmp_path, monkeypatch, capsys, raw, subject_id=True)
    if verdict is None:
        assert result["verdict"] == "insufficient_evidence" and result["uncertain"] == 1
        assert "OpenAlex resolves the author to \u201cExample Lab\u201d" in json.dumps(result, ensure_ascii=False)
    else:
        assert result["verdict"] == verdict


def test_the_subject_openalex_resolved_is_read_for_before_once_a_text_and_its_own_former_name_holds(monkeypatch):
    """Reviewed: the subject's id on an author made every raw text of the author be read for
    where they were before, again for each author (a dense corpus's subject authors all carry the
    id, their texts repeating): each text is read once now. MSRA's texts write its former name
    after its own ("Microsoft Research Asia (formerly Microsoft Research China)"): the id holds."""
    from claimwatch.claims import Subject
    from claimwatch.evaluate._matchers import SubjectMatcher

    subject = Subject(
        id="msra",
        name="Microsoft Research Asia",
        aliases=("MSRA", "Microsoft Research China"),
        openalex=("I4210113369",),
        country="CN",
    )
    matcher = SubjectMatcher(subject)
    reads: list[str] = []
    find = matcher.names.find
    monkeypatch.setattr(matcher.names, "find", lambda text: reads.append(text) or find(text))
    msra = Institution("Microsoft Research Asia (China)", id="I4210113369", country="CN")
    left = "Tsinghua University, Beijing 100084, China; formerly at Microsoft Research Asia, Beijing, China"
    renamed = "Microsoft Research Asia (formerly Microsoft Research China), Beijing 100080, China"
    for position in range(20):
        for raw, doubted in ((left, True), (renamed, False), ("MSRA, Beijing, China", False)):
            hit = matcher._match(Authorship("A", position, institutions=(msra,), raw_affiliations=(raw,)))
            assert hit is not None
            assert hit.method == "openalex_id" and (hit.doubt is not None) == doubted, raw
    assert sorted(reads) == sorted([left, renamed, "MSRA, Beijing, China"])

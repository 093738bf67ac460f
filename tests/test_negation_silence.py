"""`not:` and silence (issue 18, twelfth part): a list test finds no listed author on a work
where the record gives an author no affiliation at all. Alone, that test fails, as before (a work
counts only on what its record shows; unaffiliated authors are counted in every result). Inside
a `not:`, that failure was the negation's proof: a claim holding `not: {coauthor_in: [...]}`
took a coauthor the record says nothing of as shown to be at no listed institution. The work is
uncertain now, saying which author, in both engines."""

from __future__ import annotations

import pytest

from claimwatch import claims as claims_mod
from helpers import authorship, institution, work, write, write_jsonl
from test_columnar_engine import engines_agree

LAB = institution("I100", "Example Lab", country="US")
HIT = institution("I204983213", "Harbin Institute of Technology", country="CN")
MIT = institution("I63966007", "Massachusetts Institute of Technology", country="US")

LIST = """\
id: named
name: Listed
sources: [{title: A source}]
entries:
  - {id: hit, name: Harbin Institute of Technology, openalex: [I204983213], country: CN, verified: true}
"""


def check(tmp_path, works_condition: str, partner, lab=None):
    write(tmp_path / "evidence/lists/named.yaml", LIST)
    write(
        tmp_path / "claims/c.yaml",
        "statement: {speaker: Example Corp, made_on: 2024-01-10, quote: q, sources: [{title: t}]}\n"
        "subjects:\n  lab: {name: Example Lab, openalex: [I100], aliases: [Example Lab]}\n"
        "claims:\n"
        f"  - {{id: c, says: s, subject: lab, from: 2024-01-10, expects: none, works: {works_condition}}}\n",
    )
    claims = claims_mod.load_claims([tmp_path / "claims/c.yaml"], root=tmp_path)
    records = [work("W1", "A paper", "2024-06-01", [lab or authorship("A. Lab", [LAB]), partner])]
    results = engines_agree(claims, [write_jsonl(tmp_path / "works.jsonl", records)], tmp_path / "cache")
    (result,) = results.results
    return result


UNAFFILIATED = authorship("B. Nobody", [], raw=[])
NOT_LISTED = "{not: {coauthor_in: [named]}}"


def test_a_coauthor_without_affiliation_is_no_proof_of_the_negation(tmp_path):
    result = check(tmp_path, NOT_LISTED, UNAFFILIATED)
    assert (result.verdict, result.matched, result.uncertain) == ("insufficient_evidence", 0, 1)
    (doubt,) = result.uncertain_findings[0].uncertain_because
    assert "author 2 (B. Nobody) no affiliation" in doubt


@pytest.mark.parametrize(
    "condition",
    [
        "{not: {affiliated_author_in: [named]}}",  # the subject's own authors: A. Lab is affiliated
        "{not: {any: [{coauthor_in: [named]}]}}",
    ],
)
def test_only_the_authors_the_test_is_about_count(tmp_path, condition):
    result = check(tmp_path, condition, UNAFFILIATED)
    expected = ("contradicted", 1, 0) if "affiliated_author_in" in condition else ("insufficient_evidence", 0, 1)
    assert (result.verdict, result.matched, result.uncertain) == expected


def test_a_coauthor_shown_elsewhere_still_proves_it(tmp_path):
    result = check(tmp_path, NOT_LISTED, authorship("B. Partner", [MIT], raw=["MIT, Cambridge, MA, USA"]))
    assert (result.verdict, result.matched, result.uncertain) == ("contradicted", 1, 0)


def test_a_listed_coauthor_still_fails_the_negation(tmp_path):
    result = check(tmp_path, NOT_LISTED, authorship("B. Partner", [HIT]))
    assert (result.matched, result.uncertain) == (0, 0)  # no coverage declared: no clearance either


def test_alone_the_list_test_still_fails_on_silence(tmp_path):
    """Outside a negation nothing changes: silence shows no listed coauthor (and the result
    counts the unaffiliated author), never a doubt on every such work."""
    result = check(tmp_path, "{coauthor_in: [named]}", UNAFFILIATED)
    assert (result.matched, result.uncertain) == (0, 0)
    assert result.unaffiliated is not None


# --- an institution among the authors, with itself for its affiliation ---------------------------


@pytest.mark.parametrize(
    "partner",
    [
        authorship("Harbin Institute of Technology", [HIT]),
        authorship("Harbin Institute of Technology", [], raw=["Harbin Institute of Technology, Harbin 150001, China"]),
        authorship("哈尔滨工业大学", [HIT]),
    ],
)
def test_an_institution_listed_as_an_author_is_a_doubt_not_a_coauthor(tmp_path, partner):
    """Crossref puts institutions among a work's authors; where OpenAlex resolved such an
    "author" to the institution it names, a list test took it for a coauthor there (the review's
    false accusation). It may be some author's affiliation, so the work is uncertain."""
    result = check(tmp_path, "{coauthor_in: [named]}", partner)
    assert (result.verdict, result.matched, result.uncertain) == ("insufficient_evidence", 0, 1)
    (doubt,) = result.uncertain_findings[0].uncertain_because
    assert "among the authors and gives it an affiliation: an institution, not a person" in doubt


@pytest.mark.parametrize(
    "partner",
    [
        authorship("B. Partner", [HIT]),
        authorship("Lee Hospital", [HIT]),  # a person whose name holds an institution's word
    ],
)
def test_a_person_at_the_listed_institution_still_counts(tmp_path, partner):
    result = check(tmp_path, "{coauthor_in: [named]}", partner)
    assert (result.verdict, result.matched, result.uncertain) == ("contradicted", 1, 0)


def test_under_two_negations_a_test_is_as_it_is_alone(tmp_path):
    """`not: {not: ...}` is the condition itself: silence fails it again, as it does alone (a
    review of this part found the second negation kept the first's reading)."""
    plain = check(tmp_path / "a", "{coauthor_in: [named]}", UNAFFILIATED)
    double = check(tmp_path / "b", "{not: {not: {coauthor_in: [named]}}}", UNAFFILIATED)
    assert (double.verdict, double.matched, double.uncertain) == (plain.verdict, plain.matched, plain.uncertain)
    assert (plain.matched, plain.uncertain) == (0, 0)


# Strings OpenAlex did not resolve. A first rule of this part read a string holding an
# institution word as placing its author; a second review found it counting a sponsor or a place
# ("Ministry of Education", "University Park") and missing "MIT" and 中国科学院. Which
# institution an unresolved string names, claimwatch cannot say for certain: none proves it.
UNRESOLVED = [
    "Harbin 150001, China",
    "School of Computer Science and Technology",
    "计算机学院，哈尔滨",
    "Key Laboratory of Intelligent Perception and Image Understanding of Ministry of Education, Xi'an 710071, China",
    "Department of Physics, University Park, PA 16802, USA",
    "Some Institute, Berlin, Germany",
    "MIT, Cambridge, MA, USA",
]


@pytest.mark.parametrize("raw", UNRESOLVED)
def test_an_unresolved_affiliation_is_no_proof_of_the_negation(tmp_path, raw):
    result = check(tmp_path, NOT_LISTED, authorship("B. Partner", [], raw=[raw]))
    assert (result.verdict, result.matched, result.uncertain) == ("insufficient_evidence", 0, 1)
    (doubt,) = result.uncertain_findings[0].uncertain_because
    assert "resolves author 2 (B. Partner) to no institution, only" in doubt


def test_an_author_whose_string_names_the_subject_is_placed(tmp_path):
    """The subject's own author, found by its name in a raw string ("Example Lab, Seattle"), is
    placed at the subject: no silence (a first reading of the rule took such a string, which
    holds no institution word, for one)."""
    lab = authorship("A. Lab", [], raw=["Example Lab, Seattle, WA, USA"])
    partner = authorship("B. Partner", [MIT], raw=["MIT, Cambridge, MA, USA"])
    result = check(tmp_path, NOT_LISTED, partner, lab=lab)
    assert (result.verdict, result.matched, result.uncertain) == ("contradicted", 1, 0)

"""The evaluator: matching rules, date rules, coverage and every verdict rule."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claimwatch import claims as claims_mod
from claimwatch.evaluate import evaluate
from claimwatch.evidence import JsonlEvidence, import_jsonl, open_evidence
from claimwatch.reports.jsonreport import render_json
from helpers import HIT, LAB, authorship, claim_file, institution, none_claim, project, work, write, write_jsonl


def claims(root: Path, body: str, name: str = "c.yaml"):
    return claims_mod.load_claims([claim_file(root / "claims" / name, "claims:\n" + body)], root=root)


def run(root: Path, body: str, records: list[dict], **cover):
    path = write_jsonl(root / "works.jsonl", records)
    if not records:  # a search's empty answer, as the API gives it: a file of nothing is refused
        path.write_text("[]")
    if cover:
        evidence = [import_jsonl(path, root / "snap", **cover) and open_evidence(root / "snap")]
    else:
        evidence = [JsonlEvidence.open(path)]
    return evaluate(claims(root, body), evidence).results[0]


@pytest.fixture()
def root(tmp_path):
    return project(tmp_path)


def reasons(result, kind="listed_author"):
    return [r for f in result.findings for r in f.reasons if r.kind == kind]


# --- institutions ---------------------------------------------------------------------------


def test_partner_by_openalex_id_contradicts_a_none_claim(root):
    r = run(root, none_claim("{coauthor_in: [mil]}"), [work("W1", "A paper")])
    assert (r.verdict, r.matched, r.works_considered) == ("contradicted", 1, 1)
    (f,) = r.findings
    assert f.strength == "direct" and f.work.id == "W1" and f.work.records == (f"{root}/works.jsonl:1",)
    (partner,) = reasons(r)
    assert (partner.author, partner.method, partner.entry.id, partner.entry.citation) == (
        "B. Partner",
        "openalex_id",
        "hit",
        "85 FR 34495",
    )
    assert partner.entry.listed_from == "2020-06-05" and partner.entry.verified
    (subject,) = reasons(r, "subject_author")
    assert (subject.author, subject.method, subject.institution.id) == ("A. Lab", "openalex_id", "I100")
    assert r.why.startswith("1 work matches although the claim expects none: \u201cA paper\u201d (2024-06-01)")


def test_partner_by_lineage_ror_and_names(root):
    campus = institution("I201", "HIT Shenzhen campus", lineage=["I201", "I200"])
    beihang = institution("I999", "Some Beihang lab", ror="00wk2mp56")
    heu = institution("I777", "Harbin Engineering University")
    records = [
        work("W1", "Lineage", authorships=[authorship("A", [LAB]), authorship("B", [campus])]),
        work("W2", "ROR", authorships=[authorship("A", [LAB]), authorship("C", [beihang])]),
        work("W3", "Display name", authorships=[authorship("A", [LAB]), authorship("D", [heu])]),
        work(
            "W4",
            "Raw text only",
            authorships=[authorship("A", [LAB]), authorship("E", [], raw=["Harbin Institute of Technology, Harbin"])],
        ),
    ]
    r = run(root, none_claim("{coauthor_in: [mil]}"), records)
    methods = {f.work.id: (f.strength, [x.method for x in f.reasons if x.kind == "listed_author"]) for f in r.findings}
    assert methods == {
        "W1": ("direct", ["lineage"]),
        "W2": ("direct", ["ror"]),
        "W3": ("inferred", ["name_in_institution"]),
        "W4": ("inferred", ["alias_in_raw_affiliation"]),
    }


def test_look_alike_institutions_do_not_match(root):
    others = [
        institution("I5", "Harbin Medical University"),
        institution("I6", "Beijing University of Technology"),
        institution("I7", "The Hong Kong University of Science and Technology"),
    ]
    records = [
        work(f"W{i}", "x", authorships=[authorship("A", [LAB]), authorship("B", [inst])])
        for i, inst in enumerate(others, 1)
    ]
    r = run(root, none_claim("{coauthor_in: [mil]}"), records)
    assert r.matched == 0 and r.works_considered == 3


def test_subject_by_alias_in_raw_text_is_inferred(root):
    lab_text_only = authorship("A", [], raw=["Example Lab, Seattle, WA"])
    r = run(
        root, none_claim("{coauthor_in: [mil]}"), [work("W1", "x", authorships=[lab_text_only, authorship("B", [HIT])])]
    )
    (f,) = r.findings
    assert f.strength == "inferred"
    (subject,) = reasons(r, "subject_author")
    assert (subject.method, subject.matched_text) == ("alias_in_raw_affiliation", "Example Lab, Seattle, WA")


def test_a_subject_s_acronym_alone_in_raw_text_is_a_doubt_without_a_country(root):
    """Acronyms are shared across countries, and the lab gives none to check it against."""
    lab_acronym_only = authorship("A", [], raw=["EXL, Seattle, WA"])
    r = run(
        root,
        none_claim("{coauthor_in: [mil]}"),
        [work("W1", "x", authorships=[lab_acronym_only, authorship("B", [HIT])])],
    )
    assert not r.findings
    (f,) = r.uncertain_findings
    assert any("the acronym “EXL” alone matched Example Lab" in d for d in f.uncertain_because)


def test_works_without_a_subject_author_are_not_considered(root):
    r = run(root, none_claim("{coauthor_in: [mil]}"), [work("W1", "x", authorships=[authorship("B", [HIT])])])
    assert (r.matched, r.works_considered) == (0, 0)


def test_affiliated_author_needs_both_affiliations_on_one_author(root):
    intern = authorship("I. Intern", [LAB, HIT])
    r = run(
        root,
        none_claim("{affiliated_author_in: [mil]}"),
        [
            work("W1", "Two authors", authorships=[authorship("A", [LAB]), authorship("B", [HIT])]),
            work("W2", "One author, both", authorships=[intern]),
        ],
    )
    assert [f.work.id for f in r.findings] == ["W2"]
    assert reasons(r)[0].author == "I. Intern"


def test_truncated_author_list_makes_a_list_test_uncertain(root):
    r = run(
        root,
        none_claim("{coauthor_in: [mil]}"),
        [work("W1", "x", authorships=[authorship("A", [LAB])], is_authors_truncated=True)],
    )
    assert (r.verdict, r.matched, r.uncertain) == ("insufficient_evidence", 0, 1)
    assert "truncated" in r.uncertain_findings[0].uncertain_because[0]


# --- listing dates --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "partner, date, expected",
    [
        (HIT, "2024-06-01", "matched"),  # listed 2020-06-05
        (institution(None, "Beihang University", ror="00wk2mp56"), "2024-06-01", "uncertain"),  # date unknown
        (institution(None, "Harbin Engineering University"), "2024-06-01", "none"),  # listed 2025-01-01
        (institution(None, "Harbin Engineering University"), "2025-03-01", "matched"),
        (institution(None, "Harbin Engineering University"), "2025", "matched"),  # 2025 starts on the day
    ],
)
def test_listed_before_publication(root, partner, date, expected):
    body = none_claim("{coauthor_in: [mil], listed_before_publication: true}")
    record = work("W1", "x", date=date, authorships=[authorship("A", [LAB]), authorship("B", [partner])])
    record["updated_date"] = "2025-12-31T00:00:00"  # after its date: a record of a paper out by then
    r = run(root, body, [record])
    status = "matched" if r.matched else "uncertain" if r.uncertain else "none"
    assert status == expected
    if expected == "uncertain":
        assert r.uncertain_findings[0].uncertain_because == ("the listing date of Beihang University is not known",)


def test_listing_inside_a_partial_date_is_uncertain(root, tmp_path):
    write(
        root / "evidence/lists/late.yaml",
        """\
        id: late
        name: Late list
        sources: [{title: s}]
        entries: [{name: Harbin Institute of Technology, openalex: [I200], listed_from: 2024-06-15, verified: true}]
        """,
    )
    r = run(
        root, none_claim("{coauthor_in: [late], listed_before_publication: true}"), [work("W1", "x", date="2024-06")]
    )
    assert r.uncertain == 1
    assert "listed on 2024-06-15, within the work's date 2024-06" in r.uncertain_findings[0].uncertain_because[0]


# --- publication dates ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "date, considered, uncertain",
    [
        ("2024-01-09", 0, 0),
        ("2024-01-10", 1, 0),
        ("2024-01", 0, 1),
        ("2024", 0, 1),
        ("2023", 0, 0),
        ("2025-02-01", 0, 0),
        ("2024-12-31", 1, 0),
        (None, 0, 1),
    ],
)
def test_dates_inside_outside_and_straddling_the_period(root, date, considered, uncertain):
    body = none_claim("{coauthor_in: [mil]}", period="from: 2024-01-10\n    to: 2024-12-31")
    record = work("W1", "x", date=date)
    record["updated_date"] = "2025-12-31T00:00:00"  # after its date (test_coverage_periods.py: one before)
    r = run(root, body, [record])
    assert (r.works_considered, r.matched, r.uncertain) == (considered, considered, uncertain)
    if uncertain:
        assert r.verdict == "insufficient_evidence"


# --- topics ---------------------------------------------------------------------------------


def test_topic_in_title_abstract_keywords_and_openalex_topics(root):
    records = [
        work("W1", "Face Recognition in the wild"),
        work("W2", "A study", abstract_inverted_index={"We": [0], "improve": [1], "face": [2], "verification.": [3]}),
        work(
            "W3",
            "Another",
            keywords=[
                {"id": "k", "display_name": "Facial verification"},
                {"id": "k2", "display_name": "Face Verification", "score": 0.5},
            ],
        ),
        work("W4", "Tagged", topics=[{"id": "https://openalex.org/T999", "display_name": "Biometrics"}]),
        work("W5", "Surface interfaces"),
        work("W6", "The face recognition vendor test revisited"),
    ]
    r = run(root, none_claim("{topic: face}"), records)
    where = {f.work.id: [(x.field, x.text) for x in f.reasons if x.kind == "topic"] for f in r.findings}
    assert where == {
        "W1": [("title", "Face Recognition")],
        "W2": [("abstract", "face verification")],
        "W3": [("keywords[1]", "Face Verification")],
        "W4": [("openalex_topics", "T999")],
    }
    span = next(x for x in r.findings[1].reasons if x.kind == "topic")
    assert (span.start, span.end) == (11, 28)


def test_any_all_and_not(root):
    body = none_claim("""
      all:
        - any: [{topic: face}, {coauthor_in: [mil]}]
        - not: {topic: face}""")
    r = run(
        root,
        body,
        [
            work("W1", "Face recognition"),
            work("W2", "Graphs", abstract="We study graph partitioning."),
            work("W3", "Graphs", authorships=[authorship("A", [LAB])]),
            work("W4", "Graphs"),  # no abstract: it cannot show the work is not about faces
        ],
    )
    assert [f.work.id for f in r.findings] == ["W2"]
    assert [x.kind for x in r.findings[0].reasons] == ["subject_author", "listed_author", "absent"]
    assert [f.work.id for f in r.uncertain_findings] == ["W4"]


# --- verdicts and coverage ------------------------------------------------------------------

COVER = {"institutions": ["I100"], "start": dt.date(2024, 1, 1), "end": dt.date(2024, 12, 31)}


def test_not_contradicted_needs_complete_coverage(root):
    body = none_claim("{coauthor_in: [mil]}", period="from: 2024-01-10\n    to: 2024-12-31")
    quiet = [work("W1", "x", authorships=[authorship("A", [LAB])])]
    r = run(root, body, quiet, **COVER)
    assert r.verdict == "not_contradicted" and r.coverage.complete
    assert r.why.startswith("No work matches among the 1 work by Example Lab in the period, and ")
    r = run(root, body, quiet)
    assert r.verdict == "insufficient_evidence" and not r.coverage.complete
    longer = none_claim("{coauthor_in: [mil]}", period="from: 2024-01-10\n    to: 2025-06-30")
    r = run(root, longer, quiet, **COVER)
    assert r.verdict == "insufficient_evidence"
    assert "covers I100 between 2024-01-01 and 2024-12-31" in r.why


def test_open_ended_claim_runs_to_the_evidence_retrieval_day(root):
    body = none_claim("{coauthor_in: [mil]}")
    r = run(
        root,
        body,
        [work("W1", "x", authorships=[authorship("A", [LAB])])],
        institutions=["I100"],
        start=dt.date(2024, 1, 1),
        end=None,
    )
    assert r.verdict == "not_contradicted"
    # An import's records were current on their newest updated_date, not on the day of the import.
    assert r.period["to"] is None and r.period["assessed_to"] == "2025-01-01"


@pytest.mark.parametrize(
    "n, cover, verdict",
    [
        (3, False, "supported"),
        (2, False, "insufficient_evidence"),
        (2, True, "contradicted"),
        # An import holding none of the subject's works covers it only where the user confirmed
        # that the subject may have none.
        (0, True, "insufficient_evidence"),
        (0, "confirmed", "contradicted"),
    ],
)
def test_at_least(root, n, cover, verdict):
    body = none_claim("{coauthor_in: [mil]}", period="from: 2024-01-10\n    to: 2024-12-31", expects="{at_least: 3}")
    declared = {**COVER, "subjects_may_be_empty": cover == "confirmed"} if cover else {}
    r = run(root, body, [work(f"W{i}", "x") for i in range(n)], **declared)
    assert r.verdict == verdict


@pytest.mark.parametrize(
    ("n", "said"),
    [(0, "No work matches, fewer than"), (1, "Only 1 work matches, fewer than"), (2, "Only 2 works match")],
)
def test_too_few_works_are_counted_in_plain_words(root, n, said):
    """It said "Only no works match, fewer than the 3 the claim says" (found by the seventeenth part's hunt)."""
    body = none_claim("{coauthor_in: [mil]}", period="from: 2024-01-10\n    to: 2024-12-31", expects="{at_least: 3}")
    r = run(root, body, [work(f"W{i}", "x") for i in range(n)], **{**COVER, "subjects_may_be_empty": True})
    assert r.verdict == "contradicted" and r.why.startswith(said)


def test_at_least_with_uncertain_works_is_not_contradicted_outright(root):
    body = none_claim("{coauthor_in: [mil]}", period="from: 2024-01-10\n    to: 2024-12-31", expects="{at_least: 2}")
    r = run(root, body, [work("W1", "x"), work("W2", "y", date="2024-01")], **COVER)
    assert (r.verdict, r.matched, r.uncertain) == ("insufficient_evidence", 1, 1)


@pytest.mark.parametrize(
    "n, cover, verdict",
    [
        (3, False, "contradicted"),
        (2, False, "insufficient_evidence"),
        (2, True, "not_contradicted"),
    ],
)
def test_at_most(root, n, cover, verdict):
    body = none_claim("{coauthor_in: [mil]}", period="from: 2024-01-10\n    to: 2024-12-31", expects="{at_most: 2}")
    r = run(root, body, [work(f"W{i}", "x") for i in range(n)], **(COVER if cover else {}))
    assert r.verdict == verdict


# --- works, records and order ---------------------------------------------------------------


def test_versions_of_one_work_collapse_and_take_the_earliest_date(root):
    curated = write(
        root / "evidence/curated/c.yaml",
        """\
        description: d
        works:
          - id: paper
            title: A paper
            versions:
              - label: journal
                published: 2024-05
                doi: 10.1234/ABC
                authors:
                  - {name: A, affiliations: [{name: Example Lab, openalex: I100}]}
                  - {name: B, affiliations: [{name: Harbin Institute of Technology, openalex: I200}]}
                sources: [{title: the journal}]
        """,
    )
    snapshot_record = work("W9", "A paper", date="2024-03-01", doi="https://doi.org/10.1234/abc")
    jsonl = write_jsonl(
        root / "w.jsonl",
        [snapshot_record, snapshot_record | {"id": "https://openalex.org/W10", "doi": None, "title": "Other"}],
    )
    cs = claims(root, none_claim("{coauthor_in: [mil]}"))
    r = evaluate(cs, [open_evidence(curated), JsonlEvidence.open(jsonl)]).results[0]
    assert r.matched == 2 and r.works_considered == 2
    first = r.findings[0]
    assert (first.work.id, first.work.doi, first.work.publication_date) == ("W9", "10.1234/abc", "2024-03-01")
    assert first.work.records == (f"{curated}:6", f"{jsonl}:1")
    assert first.work.versions == ("journal",)


def test_findings_are_ordered_by_date_then_id_and_reports_are_byte_identical(root):
    records = [
        work("W3", "c", date="2024-05-01"),
        work("W2", "b", date="2024-05-01"),
        work("W1", "a", date="2024-07-01"),
    ]
    path = write_jsonl(root / "w.jsonl", records)
    cs = claims(root, none_claim("{coauthor_in: [mil]}"))
    first = evaluate(cs, [JsonlEvidence.open(path)])
    assert [f.work.id for f in first.results[0].findings] == ["W2", "W3", "W1"]
    again = evaluate(claims(root, none_claim("{coauthor_in: [mil]}")), [JsonlEvidence.open(path)])
    assert render_json(first) == render_json(again)


@pytest.mark.parametrize(
    "mangle",
    [
        lambda w: w | {"authorships": None},
        lambda w: w | {"authorships": [None, 3, {"institutions": None, "author": None}]},
        lambda w: (
            w | {"authorships": [{"institutions": [{"id": 5, "lineage": "I1"}], "raw_affiliation_strings": [None]}]}
        ),
        lambda w: w | {"title": None, "publication_date": "not a date", "publication_year": "x"},
        lambda w: w | {"keywords": [None, {"display_name": 4}], "topics": "T1", "primary_topic": []},
        lambda w: w | {"abstract_inverted_index": {"face": "zero", "recognition": [10**9]}},
    ],
)
def test_odd_records_never_crash_the_evaluator(root, mangle):
    r = run(root, none_claim("{any: [{topic: face}, {coauthor_in: [mil]}]}"), [mangle(work("W1", "x"))])
    assert r.verdict in ("contradicted", "insufficient_evidence")


# --- the shipped case -----------------------------------------------------------------------


def test_shipped_claims_on_shipped_curated_evidence(project_root, monkeypatch):
    monkeypatch.chdir(project_root)
    cs = claims_mod.load_claims(["claims"])
    results = evaluate(cs, [open_evidence("evidence/curated/msra-2024.yaml")])
    verdicts = {r.claim: (r.verdict, r.matched) for r in results.results}
    assert verdicts == {
        "msra-no-quantum-computing": ("insufficient_evidence", 0),
        "msra-no-facial-recognition": ("insufficient_evidence", 0),  # PersonMAE: re-identification
        "msra-no-synthetic-media": ("contradicted", 3),  # NaturalSpeech 3, VASA-1, Convert and Speak
        "msra-no-military-university-partners": ("contradicted", 2),  # NaturalSpeech 3, GaussianCube: USTC
        "msra-no-seven-sons-partners": ("insufficient_evidence", 0),
        "msra-no-seven-sons-interns": ("insufficient_evidence", 0),
        "msra-no-seven-sons-recruits": ("insufficient_evidence", 0),
        "watchdog-ten-papers": ("insufficient_evidence", 1),  # NaturalSpeech 3 alone is on topic with listed coauthors
        "watchdog-nine-with-beihang-hit-ustc": ("insufficient_evidence", 1),
    }
    titles = {
        claim: sorted(f.work.title.split(":")[0] for f in results.result(claim).findings)
        for claim in ("msra-no-synthetic-media", "msra-no-military-university-partners", "watchdog-ten-papers")
    }
    assert titles == {
        "msra-no-synthetic-media": ["Convert and Speak", "NaturalSpeech 3", "VASA-1"],
        "msra-no-military-university-partners": ["GaussianCube", "NaturalSpeech 3"],
        "watchdog-ten-papers": ["NaturalSpeech 3"],
    }
    partners = results.result("msra-no-military-university-partners").findings
    listed = {
        (f.work.title.split(":")[0], r.author, r.entry.id, r.entry.verified)
        for f in partners
        for r in f.reasons
        if r.kind == "listed_author"
    }
    assert listed == {
        ("NaturalSpeech 3", "Zeqian Ju", "university-of-science-and-technology-of-china", False),
        ("NaturalSpeech 3", "Xiang-Yang Li", "university-of-science-and-technology-of-china", False),
        ("GaussianCube", "Bowen Zhang", "university-of-science-and-technology-of-china", False),
        ("GaussianCube", "Feng Zhao", "university-of-science-and-technology-of-china", False),
    }


# --- versions: the work's first publication decides (found in review) --------------------------


def test_listing_is_judged_against_the_works_first_publication(root):
    heu = institution(None, "Harbin Engineering University")  # listed 2025-01-01
    preprint = work(
        "W1",
        "x",
        date="2024-06-01",
        doi="https://doi.org/10.48550/arxiv.2406.00001",
        authorships=[authorship("A", [LAB]), authorship("B", [heu])],
    )
    journal = work(
        "W2",
        "x",
        date="2025-03-01",
        authorships=[authorship("A", [LAB]), authorship("B", [heu])],
        ids={"openalex": "https://openalex.org/W2", "doi": "https://doi.org/10.48550/arxiv.2406.00001"},
    )
    journal["updated_date"] = "2025-06-01T00:00:00"  # after its date: a record of a paper out by then
    r = run(root, none_claim("{coauthor_in: [mil], listed_before_publication: true}"), [preprint, journal])
    assert (r.verdict, r.matched, r.uncertain) == ("insufficient_evidence", 0, 1)
    assert any(
        "an earlier version of the work appeared 2024-06-01" in d for d in r.uncertain_findings[0].uncertain_because
    )


def test_a_version_without_the_subject_still_dates_the_work(root):
    preprint = work(
        "W1",
        "x",
        date="2023-11-01",
        doi="https://doi.org/10.1234/same",
        authorships=[authorship("Someone", [], raw=[])],
    )
    article = work("W2", "x", date="2024-03-01", doi="https://doi.org/10.1234/same")
    for records in ([preprint, article], [article, preprint]):  # either order
        r = run(root, none_claim("{coauthor_in: [mil]}"), records)
        assert (r.matched, r.works_considered) == (0, 0), records[0]["id"]


@pytest.mark.parametrize(
    "period, expected",
    [
        ("from: 2024-01-10", (0, 0)),  # first published by 2024-01-05: outside
        ("to: 2024-01-10", (1, 0)),  # inside
    ],
)
def test_a_partial_and_an_exact_version_date_the_work_by_the_tighter_bound(root, period, expected):
    year_only = work("W1", "x", date="2024", doi="https://doi.org/10.1234/w")
    exact = work("W2", "x", date="2024-01-05", doi="https://doi.org/10.1234/w")
    r = run(root, none_claim("{coauthor_in: [mil]}", period=period), [year_only, exact])
    assert (r.matched, r.uncertain) == expected


# --- a subject's ids that disagree ------------------------------------------------------------


def _subject_with_ror(root: Path, ror: str, openalex: str = "[I100]"):
    path = claim_file(root / "claims/c.yaml", "claims:\n" + none_claim("{coauthor_in: [mil]}"))
    text = path.read_text().replace("    openalex: [I100]\n", f"    openalex: {openalex}\n    ror: [{ror}]\n")
    path.write_text(text)
    return claims_mod.load_claims([path], root=root)


@pytest.mark.parametrize("engine", ["python", "duckdb"])
def test_a_ror_id_the_subjects_openalex_ids_disagree_with_is_a_doubt_not_the_subject(root, engine):
    """The lab written with OpenAlex id I100 and, mistyped, the ROR id of another institution
    (I555, "Neighbour Institute"): a work by the neighbour with a listed coauthor was the lab's,
    `contradicted`, though the ids beside the ROR said it was another. It is uncertain, said why."""
    neighbour = institution("I555", "Neighbour Institute", ror="05nefgh78", country="US")
    records = [work("W1", "A paper", authorships=[authorship("A. Near", [neighbour]), authorship("B", [HIT])])]
    path = write_jsonl(root / "works.jsonl", records)
    cs = _subject_with_ror(root, "05nefgh78")
    (r,) = evaluate(cs, [JsonlEvidence.open(path)], engine=engine, cache=root / "cache").results
    assert (r.verdict, r.matched, r.uncertain) == ("insufficient_evidence", 0, 1)
    (f,) = r.uncertain_findings
    assert any(
        "Neighbour Institute has the subject's ROR id 05nefgh78 but the OpenAlex id I555, which Example Lab does"
        " not give: the subject's ids disagree" in d
        for d in f.uncertain_because
    )


@pytest.mark.parametrize(
    ("openalex", "inst_id"),
    [("[]", "I555"), ("[I100]", None)],  # the subject gives no OpenAlex id; the record gives none
)
def test_a_ror_id_no_openalex_id_disagrees_with_places_the_subject(root, openalex, inst_id):
    neighbour = institution(inst_id, "Neighbour Institute", ror="05nefgh78", country="US")
    records = [work("W1", "A paper", authorships=[authorship("A. Near", [neighbour]), authorship("B", [HIT])])]
    path = write_jsonl(root / "works.jsonl", records)
    cs = _subject_with_ror(root, "05nefgh78", openalex)
    (r,) = evaluate(cs, [JsonlEvidence.open(path)]).results
    assert (r.verdict, r.matched) == ("contradicted", 1)


# --- a list entry's ids that disagree -----------------------------------------------------------

_ONE = (
    "id: one\nname: One\nsources: [{title: s}]\nentries:\n"
    "  - {name: Listed University, openalex: [I200], ror: [05nefgh78], country: CN}\n"
)


def _coauthor_at(root: Path, inst: dict, engine: str = "python"):
    write(root / "evidence/lists/one.yaml", _ONE)
    records = [work("W1", "A paper", authorships=[authorship("A", [LAB]), authorship("B", [inst])])]
    path = write_jsonl(root / "works.jsonl", records)
    cs = claims_mod.load_claims(
        [claim_file(root / "claims/c.yaml", "claims:\n" + none_claim("{coauthor_in: [one]}"))], root=root
    )
    (r,) = evaluate(cs, [JsonlEvidence.open(path)], engine=engine, cache=root / "cache").results
    return r


@pytest.mark.parametrize("engine", ["python", "duckdb"])
def test_a_ror_id_a_list_entrys_openalex_ids_disagree_with_is_a_doubt_not_the_entry(root, engine):
    """Found in review of the subject's case: an entry written with OpenAlex id I200 and the ROR
    id of another institution (I555) counted a coauthor at I555 as at the entry, `contradicted`
    (a false accusation), though the ids beside the ROR said it was another. Uncertain, said why."""
    r = _coauthor_at(root, institution("I555", "Neighbour Institute", ror="05nefgh78", country="CN"), engine)
    assert (r.verdict, r.matched, r.uncertain) == ("insufficient_evidence", 0, 1)
    (f,) = r.uncertain_findings
    assert any(
        "Neighbour Institute has the ROR id 05nefgh78 of the list entry Listed University but the OpenAlex id I555,"
        " which the entry does not give: the entry's ids disagree" in d
        for d in f.uncertain_because
    )


@pytest.mark.parametrize(
    "inst",
    [
        institution("I200", "Listed University", ror="05nefgh78", country="CN"),
        institution(None, "Listed University", ror="05nefgh78", country="CN"),  # the record gives no id
        {**institution("I201", "Listed University School", ror="05nefgh78", country="CN"), "lineage": ["I201", "I200"]},
    ],
    ids=["its own id", "no id", "under it"],
)
def test_a_ror_id_no_openalex_id_disagrees_with_places_the_coauthor_at_the_entry(root, inst):
    r = _coauthor_at(root, inst)
    assert (r.verdict, r.matched) == ("contradicted", 1)

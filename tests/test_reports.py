"""The reports' content and reproducibility: what Results carries for them (statements,
interpretations, lists, evidence counts, phrases in context), the shipped report schema,
every format rendered twice to the same bytes, and `claimwatch check` run twice to the same files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from claimwatch import claims as claims_mod
from claimwatch.cli import main
from claimwatch.evaluate import evaluate
from claimwatch.evidence import JsonlEvidence, open_evidence_paths
from claimwatch.reports import renderers, write_reports
from claimwatch.reports.jsonreport import render_json, report_schema
from claimwatch.reports.view import FINDINGS_SHOWN, report_view, safe_url, work_links
from claimwatch.results import Results, WorkRef
from helpers import LAB, authorship, project, work, write, write_jsonl

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

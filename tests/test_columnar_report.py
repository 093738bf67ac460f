"""The JSON report written a piece at a time with orjson (issue 18): the same bytes the standard
library gives for the whole dump (what every earlier report was), whatever the results hold,
and never one structure of the whole report."""

from __future__ import annotations

import datetime as dt
import json

from claimwatch import claims as claims_mod
from claimwatch._text import terminal_json
from claimwatch.evaluate import evaluate
from claimwatch.evidence import open_evidence_paths
from claimwatch.reports.jsonreport import json_chunks, render_json
from claimwatch.results import Publication
from claimwatch.reviews import load_reviews
from helpers import HIT, LAB, authorship, claim_file, none_claim, project, work, write, write_jsonl


def _whole_dump(results) -> str:
    """How the report was written before: the whole model dumped, then the standard library, with
    what a terminal would not show written as escapes."""
    return (
        terminal_json(json.dumps(results.model_dump(mode="json", by_alias=True), indent=2, ensure_ascii=False)) + "\n"
    )


def _results(tmp_path, claims_text: str, records: list[dict], **options):
    root = project(tmp_path)
    claims = claims_mod.load_claims([claim_file(root / "claims/c.yaml", claims_text)], root=root)
    evidence = open_evidence_paths([write_jsonl(tmp_path / "w.jsonl", records)])
    return evaluate(claims, evidence, as_of=dt.date(2025, 1, 1), **options)


HOSTILE = 'Face recognition \x1b[31m\u202e\u2028 ‘quoted’ "q" \\ 中文 \ud7ff\ufeff'
RECORDS = [
    work(
        f"W{k}",
        HOSTILE if k % 2 else "A face recognition study",
        "2024-06-01",
        [authorship("A", [LAB]), authorship("B", [HIT])],
    )
    for k in range(1, 8)
]


THREE_CLAIMS = """\
claims:
  - {id: partners, says: s, subject: lab, from: 2024-01-10, expects: none, works: {coauthor_in: [mil]},
     max_unaffiliated: 0.00001}
  - {id: face, says: s, subject: lab, from: 2024-01-10, expects: {at_least: 2}, works: {topic: face}}
  - {id: none-found, says: s, subject: lab, from: 2030-01-01, expects: none, works: {topic: face}}
"""


def test_the_same_bytes_as_the_whole_dump(tmp_path):
    results = _results(tmp_path, THREE_CLAIMS, RECORDS)
    assert results.result("partners").findings and not results.result("none-found").findings
    assert render_json(results) == _whole_dump(results)
    # A float in exponent form (1e-05) is the standard library's spelling, not orjson's (0.00001).
    published = results.model_copy(
        update={
            "command": ("claimwatch", "check"),
            "publication": Publication(title="A report", date_published="2025-01-02"),
        }
    )
    assert render_json(published) == _whole_dump(published)
    assert '"tolerated": 1e-05' in render_json(published)


def test_reviews_dismissed_and_lapsed_are_written_alike(tmp_path):
    reviews = write(
        tmp_path / "reviews.yaml",
        """\
        reviews:
          - {claim: partners, work: W1, decision: not_a_match, by: An analyst, date: 2025-01-01, note: A namesake.}
          - {claim: partners, work: W2, decision: disputed, by: An analyst, date: 2025-01-01, note: Unclear.}
          - {claim: partners, work: W99, decision: confirmed, by: An analyst, date: 2025-01-01, note: Gone.}
        """,
    )
    results = _results(
        tmp_path,
        "claims:\n" + none_claim("{coauthor_in: [mil]}").replace("id: c", "id: partners"),
        RECORDS,
        reviews=load_reviews(reviews),
    )
    result = results.result("partners")
    assert result.dismissed and result.lapsed_reviews and any(f.review for f in result.uncertain_findings)
    assert render_json(results) == _whole_dump(results)


def test_the_report_is_written_a_finding_at_a_time(tmp_path):
    records = [work(f"W{k}", "A face recognition study", "2024-06-01") for k in range(1, 301)]
    results = _results(tmp_path, "claims:\n" + none_claim("{topic: face}"), records)
    chunks = list(json_chunks(results))
    assert len(chunks) > 300
    largest = max(map(len, chunks))
    assert largest < len("".join(chunks)) / 100  # no piece holds more than a few findings' text

"""Heavy load: a check of 1,000,000 works stays within the bench's memory bound (1 GiB).

Opt-in (`--run-slow`, which CI passes): it takes a few minutes on two cores.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import textwrap

import pytest

N = 1_000_000
MEMORY_BOUND_MIB = 1024


@pytest.mark.slow
def test_a_million_work_check_stays_within_the_memory_bound(tmp_path, project_root):
    corpus = tmp_path / "works.jsonl.gz"
    with gzip.open(corpus, "wt", encoding="utf-8", compresslevel=1) as f:
        for n in range(N):
            partner = n % 50 == 0
            f.write(
                json.dumps(
                    {
                        "id": f"https://openalex.org/W{10**9 + n}",
                        "title": "Face recognition" if n % 97 == 0 else f"Work {n}",
                        "publication_date": f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}",
                        "authorships": [
                            {
                                "author": {"display_name": f"A{n}"},
                                "raw_affiliation_strings": ["Example Lab"],
                                "institutions": [
                                    {
                                        "id": "https://openalex.org/I100",
                                        "display_name": "Example Lab",
                                        "lineage": ["https://openalex.org/I100"],
                                    }
                                ],
                            },
                            {
                                "author": {"display_name": f"B{n}"},
                                "raw_affiliation_strings": ["Somewhere"],
                                "institutions": [
                                    {
                                        "id": f"https://openalex.org/I{200 if partner else 300}",
                                        "display_name": "Harbin Institute of Technology" if partner else "Elsewhere",
                                        "lineage": [f"https://openalex.org/I{200 if partner else 300}"],
                                    }
                                ],
                            },
                        ],
                        "updated_date": "2025-01-01T00:00:00",
                    }
                )
                + "\n"
            )
    script = textwrap.dedent(f"""
        import datetime as dt, json, resource, sys
        sys.path.insert(0, {str(project_root / "tests")!r})
        from helpers import project
        from pathlib import Path
        import claimwatch
        from claimwatch.evidence import import_jsonl
        root = project(Path({str(tmp_path)!r}))
        (root / "claims").mkdir(exist_ok=True)
        (root / "claims/c.yaml").write_text(json.dumps({{
            "statement": {{"speaker": "S", "made_on": "2024-01-10", "quote": "q", "sources": [{{"title": "t"}}]}},
            "subjects": {{"lab": {{"name": "Example Lab", "openalex": ["I100"]}}}},
            "claims": [
                {{"id": "partners", "says": "s", "subject": "lab", "from": "2024-01-01", "to": "2024-12-31",
                  "expects": "none", "works": {{"coauthor_in": ["mil"]}}}},
                {{"id": "faces", "says": "s", "subject": "lab", "from": "2024-01-01", "to": "2024-12-31",
                  "expects": "none", "works": {{"topic": "face"}}}}]}}))
        import_jsonl({str(corpus)!r}, root / "snap", institutions=["I100"], start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31))
        results = claimwatch.evaluate(claimwatch.load_claims([root / "claims/c.yaml"], root=root),
                                      claimwatch.open_evidence_paths([root / "snap"]))
        print(json.dumps({{"counts": {{r.claim: r.matched for r in results.results}},
                           "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
        """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=1800)
    assert proc.returncode == 0, proc.stderr[-2000:]
    report = json.loads(proc.stdout.splitlines()[-1])
    assert report["counts"] == {"partners": N // 50, "faces": len(range(0, N, 97))}
    assert report["peak_mib"] <= MEMORY_BOUND_MIB, report

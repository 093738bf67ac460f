"""Builders for test inputs: claim files, lists and OpenAlex-shaped work records."""

from __future__ import annotations

import csv
import gzip
import json
import textwrap
from pathlib import Path
from typing import Any

STATEMENT = """\
statement:
  speaker: Example Corp
  made_on: 2024-01-10
  quote: We do not work on face recognition.
  sources:
    - title: An interview
"""

SUBJECTS = """\
subjects:
  lab:
    name: Example Lab
    openalex: [I100]
    aliases: [Example Lab, EXL]
"""


NO_PARTNERS_CLAIM = """\
claims:
  - id: no-partners
    says: No partners.
    subject: lab
    from: 2024-01-10
    expects: none
    works: {coauthor_in: [mil]}
"""
"""One claim: no work by the lab with a coauthor on the test project's `mil` list."""

STUDIES_CLAIMS = """\
statement: {speaker: Example Corp, made_on: 2024-01-10, quote: q, sources: [{title: t}]}
subjects:
  lab: {name: Example Lab, openalex: [I900000001]}
topics:
  studies: {name: Studies, rationale: r, phrases: [study]}
claims:
  - {id: c, says: s, subject: lab, from: 2024-01-01, expects: none, works: {topic: studies}}
"""
"""A whole claim file about the collector's test lab (I900000001), in flow style."""


def none_claim(works: str, *, period: str = "from: 2024-01-10", expects: str = "none", extra: str = "") -> str:
    """One claim `c` by the lab under a `claims:` list, its `works:` condition as given."""
    return f"""\
  - id: c
    says: A claim.
    subject: lab
    {period}
    expects: {expects}
    works: {works}
{extra}"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def claim_file(path: Path, claims: str, *, extra: str = "") -> Path:
    """A claim file with a standard statement and subject around the given `claims:` block."""
    return write(path, STATEMENT + SUBJECTS + extra + textwrap.dedent(claims))


def project(tmp_path: Path) -> Path:
    """A project root with one topic and two lists, like the shipped ones but small."""
    write(
        tmp_path / "claims/topics/face.yaml",
        """\
        id: face
        name: Face recognition
        rationale: Recognising people by their faces.
        phrases: [face recognition, face verification]
        exclude_phrases: [face recognition vendor test]
        openalex_topics: [T999]
        """,
    )
    write(
        tmp_path / "evidence/lists/mil.yaml",
        """\
        id: mil
        name: Military universities
        sources: [{title: A source}]
        entries:
          - id: hit
            name: Harbin Institute of Technology
            aliases: [HIT, 哈尔滨工业大学]
            openalex: [I200]
            country: CN
            listed_from: 2020-06-05
            citation: 85 FR 34495
            verified: true
          - id: beihang
            name: Beihang University
            aliases: [Beijing University of Aeronautics and Astronautics]
            ror: [00wk2mp56]
            country: CN
            listed_from: null
            verified: false
          - id: heu
            name: Harbin Engineering University
            country: CN
            listed_from: 2025-01-01
            verified: true
        """,
    )
    return tmp_path


def institution(
    iid: str | None, name: str, *, ror: str | None = None, lineage: list[str] | None = None, country: str | None = "CN"
) -> dict[str, Any]:
    full = f"https://openalex.org/{iid}" if iid else None
    return {
        "id": full,
        "display_name": name,
        "ror": f"https://ror.org/{ror}" if ror else None,
        "country_code": country,
        "type": "education",
        "lineage": [f"https://openalex.org/{x}" for x in (lineage or ([iid] if iid else []))],
    }


def authorship(
    name: str, institutions: list[dict[str, Any]], raw: list[str] | None = None, position: str = "middle"
) -> dict[str, Any]:
    raw = raw if raw is not None else [i["display_name"] for i in institutions]
    return {
        "author_position": position,
        "author": {"id": None, "display_name": name, "orcid": None},
        "institutions": institutions,
        "countries": [],
        "is_corresponding": False,
        "raw_author_name": name,
        "raw_affiliation_strings": raw,
        "affiliations": [
            {"raw_affiliation_string": r, "institution_ids": [i["id"] for i in institutions if i["id"]]} for r in raw
        ],
    }


LAB = institution("I100", "Example Lab", country="US")
HIT = institution("I200", "Harbin Institute of Technology")


def work(
    wid: str, title: str, date: str | None = "2024-06-01", authorships: list[dict] | None = None, **extra: Any
) -> dict[str, Any]:
    record = {
        "id": f"https://openalex.org/{wid}",
        "doi": None,
        "title": title,
        "display_name": title,
        "publication_year": int(date[:4]) if date else None,
        "publication_date": date,
        "ids": {"openalex": f"https://openalex.org/{wid}"},
        "type": "article",
        "authorships": authorships
        if authorships is not None
        else [authorship("A. Lab", [LAB]), authorship("B. Partner", [HIT])],
        "is_retracted": False,
        "is_authors_truncated": False,
        "topics": [],
        "primary_topic": None,
        "keywords": [],
        "abstract_inverted_index": None,
        "updated_date": "2025-01-01T00:00:00",
    }
    record.update(extra)
    return record


def write_jsonl(path: Path, records: list[dict[str, Any]], *, gz: bool = False) -> Path:
    text = "".join(json.dumps(r) + "\n" for r in records).encode()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(text, mtime=0) if gz else text)
    return path


def named_topics(topics: dict[str, Any], claims: list[dict[str, Any]]) -> dict[str, Any]:
    """The inline topics some claim's `works:` condition names: a claim file may define no other."""

    def named(cond: Any) -> set[str]:
        if not isinstance(cond, dict):
            return set()
        found = {cond["topic"]} if "topic" in cond else set()
        for child in [*cond.get("all", ()), *cond.get("any", ()), cond.get("not")]:
            found |= named(child)
        return found

    used = set().union(*(named(c.get("works")) for c in claims))
    return {key: topic for key, topic in topics.items() if key in used}


def generated_case(
    tmp: Path,
    lists: dict[str, str],
    subjects: dict[str, Any],
    topics: dict[str, Any],
    claims: list[dict[str, Any]],
    files: list[list[dict[str, Any]]],
) -> tuple[Path, Any, list[Path]]:
    """A project in `tmp` for a property test's draw: its lists, one claim file of the drawn
    `claims` (each `c0`, `c1`, ... with the inline topics they name) and the drawn record files as
    JSON Lines (`f0.jsonl`, ...). Gives the project's root, its loaded claims and the files."""
    from claimwatch import claims as claims_mod

    root = project(tmp)
    for name, text in lists.items():
        write(root / f"evidence/lists/{name}.yaml", text)
    doc = {
        "statement": {"speaker": "S", "made_on": "2024-01-10", "quote": "q", "sources": [{"title": "t"}]},
        "subjects": subjects,
        "topics": named_topics(topics, claims),
        "claims": [{"id": f"c{i}", "says": "s", **c} for i, c in enumerate(claims)],
    }
    loaded = claims_mod.load_claims([write(root / "claims/c.yaml", json.dumps(doc, ensure_ascii=False))], root=root)
    paths = []
    for i, records in enumerate(files):
        p = tmp / f"f{i}.jsonl"
        p.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        paths.append(p)
    return root, loaded, paths


# Example Lab (I100) has no coauthor on list `l` from 2024-01-10 (`coauthor_text_results`).
NO_LISTED_COAUTHOR = {
    "statement": {"speaker": "S", "made_on": "2024-01-10", "quote": "q", "sources": [{"title": "t"}]},
    "subjects": {"lab": {"name": "Example Lab", "openalex": ["I100"]}},
    "claims": [{"id": "c", "says": "s", "subject": "lab", "works": {"coauthor_in": ["l"]}, "expects": "none"}],
}


FACE_RECOGNITION = """\
id: face
name: Face recognition
rationale: Recognising people by their faces.
phrases: [face recognition]
"""


def topic_result_of_both_engines(tmp_path: Path, records: list[dict[str, Any]], topic: str = FACE_RECOGNITION) -> Any:
    """The claim that no work is on `topic` (the topic file's YAML), judged on `records` by both
    engines, their JSON reports asserted the same bytes: the reference engine's result."""
    import datetime as dt

    from claimwatch.claims import load_claims
    from claimwatch.evaluate import evaluate
    from claimwatch.evidence import import_works, open_evidence_paths
    from claimwatch.reports.jsonreport import render_json

    root = project(tmp_path)
    write(root / "claims/topics/face.yaml", topic)
    claims = claim_file(root / "claims/c.yaml", "claims:\n" + none_claim("{topic: face}"))
    snapshot = root / "snapshot"
    import_works(write_jsonl(root / "works.jsonl", records), snapshot, subjects_may_be_empty=True)
    loaded = load_claims([claims], root=root)
    evidence = open_evidence_paths([snapshot])
    reference = evaluate(loaded, evidence, engine="python", as_of=dt.date(2025, 1, 1))
    columnar = evaluate(loaded, evidence, engine="duckdb", cache=tmp_path / "cache", as_of=dt.date(2025, 1, 1))
    assert render_json(columnar) == render_json(reference)
    (result,) = reference.results
    return result


def names_found(names: list[tuple[str, str]], text: str) -> list[str]:
    """The keys of `names` found in `text`, each found name's candidate words checked to be in
    the text's search form, as the DuckDB engine's prefilter seeks them (it may only widen)."""
    from claimwatch.columnar import search_form
    from claimwatch.evaluate._grouping import _name_needles
    from claimwatch.evaluate._names import NameMatcher

    found = sorted({h.key for h in NameMatcher(names).find(text)})
    for name in (n for k, n in names if k in found):
        assert any(needle in search_form(text) for needle in _name_needles([name])), name
    return found


def coauthor_text_results(
    root: Path, list_yaml: str, raw: str, institutions: list[dict[str, Any]] | None = None
) -> list[dict[str, Any]]:
    """The JSON results of `NO_LISTED_COAUTHOR` against list `l` (`list_yaml`) over one 2024 work
    of the subject's author and a coauthor known by the affiliation text `raw` (and by the
    `institutions` OpenAlex resolved it to, where given), checked by both engines in `root` (the
    current folder, a `project`), which must give the same results: those results."""
    from claimwatch.cli import main

    write(root / "evidence/lists/l.yaml", list_yaml)
    write(root / "claims/c.yaml", json.dumps(NO_LISTED_COAUTHOR))
    lab = institution("I100", "Example Lab", country="US")
    coauthor = authorship("B", institutions or [], raw=[raw])
    write_jsonl(root / "works.jsonl", [work("W1", "t", "2024-06-01", [authorship("A", [lab]), coauthor])])
    reports = []
    for engine in ("python", "duckdb"):
        argv = ["check", "claims/c.yaml", "--evidence", "works.jsonl", "--engine", engine, "--no-reviews"]
        assert main([*argv, "--cache", "cache", "--as-of", "2025-01-01", "--json", f"{engine}.json"]) == 0
        reports.append(json.loads((root / f"{engine}.json").read_text()))
    assert reports[0]["results"] == reports[1]["results"]
    return reports[0]["results"]


def coauthor_text_found(
    tmp_path: Path, monkeypatch: Any, capsys: Any, list_yaml: str, raw: str, found: str
) -> dict[str, Any]:
    """The one result of `coauthor_text_results` in a fresh project, held to what the coauthor's
    text `raw` should give: "match" (`contradicted`, certain), "doubt" (`insufficient_evidence`,
    uncertain) or "nothing" (`insufficient_evidence`, not uncertain): that result."""
    root = project(tmp_path)
    monkeypatch.chdir(root)
    (result,) = coauthor_text_results(root, list_yaml, raw)
    capsys.readouterr()
    assert result["verdict"] == ("contradicted" if found == "match" else "insufficient_evidence"), raw
    assert result["uncertain"] == (found == "doubt"), raw
    return result


CSL_FIXTURE = Path(__file__).parent / "fixtures" / "csl" / "consolidated.csv"


def one_entity_csl(
    path: Path, records: tuple[tuple[str, str, str], ...], *, record_id: str, line_end: str, **fields: str
) -> Path:
    """A Consolidated Screening List CSV in today's 29-column layout (the fixture's header), every
    field quoted, holding the records of one entity (one `_id`): (source, start_date, end_date)
    each, the other fields as given."""
    header = next(csv.reader(CSL_FIXTURE.read_text(encoding="utf-8").splitlines()))
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.DictWriter(f, header, quoting=csv.QUOTE_ALL, lineterminator=line_end)
        out.writeheader()
        for source, start, end in records:
            row = {"_id": record_id, "source": source, "start_date": start, "end_date": end, **fields}
            out.writerow({**dict.fromkeys(header, ""), **row})
    return path

"""The python and duckdb engines on claims about people (issue 18, twenty-first part), beside
test_engine_differential.py's claims about works: generated author records of namesakes (one
name at the subject and at a listed entry, under several ids, with an ORCID or without),
works placing those authors (by id, by name only, undated), copies of one record in two pieces
of evidence, the records in a JSON Lines file, a snapshot, a snapshot without its own table
(the duckdb engine makes a copy in the cache) and a snapshot under `key=value` folders, a
curated history and a curated work beside them, reviews of people, and the as-of given or not;
lists whose entries are listed in several periods (back to back, with a gap), with an end not
read (`listed_to_unread`) or a start that may be earlier (`listed_from_unread`).
Both engines give the same JSON report, byte for byte.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimwatch import claims as claims_mod
from claimwatch.evaluate import evaluate
from claimwatch.evidence import import_works, open_evidence_paths
from claimwatch.reports.jsonreport import render_json
from claimwatch.reviews import load_reviews
from helpers import STATEMENT, institution, project, write
from test_columnar_engine import CURATED, curated_version
from test_people import curated_history

LAB = institution("I100", "Example Lab", country="US")
LAB_CHILD = institution("I101", "Example Lab Boston", country="US", lineage=["I101", "I100"])
LAB_NAMED = institution(None, "Example Lab", country=None)
LAB_ABROAD = institution(None, "Example Lab", country="GB")
HIT = institution("I200", "Harbin Institute of Technology")
HIT_NAMED = institution(None, "Harbin Institute of Technology", country="CN")
BEIHANG = institution("I999", "Beihang University", ror="00wk2mp56")
TSINGHUA = institution("I300", "Tsinghua University")
PLACES = [LAB, LAB_CHILD, LAB_NAMED, LAB_ABROAD, HIT, HIT_NAMED, BEIHANG, TSINGHUA]
NAMES = ["Li Wei", "Li Wei", "Wei Li", "Chen Wei", "LI Wei"]
ORCIDS = [None, None, "https://orcid.org/0000-0002-1825-0097", "0000-0001-5109-3700"]
YEARS = list(range(2018, 2026))
UPDATED = ["2025-01-01T00:00:00", "2025-03-04T10:00:00", "2024-11-30", None]
DATES = ["2021-05-01", "2022-04-08", "2023-01-01", "2023-12-31", "2024", "2024-06", None, "2025-02-01"]


@st.composite
def author_record(draw) -> dict[str, Any]:
    aid = draw(st.sampled_from(["A1", "A2", "A3", "A4"]))
    places = draw(st.lists(st.tuples(st.sampled_from(PLACES), st.sets(st.sampled_from(YEARS))), max_size=3))
    record: dict[str, Any] = {
        "id": f"https://openalex.org/{aid}",
        "display_name": draw(st.sampled_from(NAMES)),
        "orcid": draw(st.sampled_from(ORCIDS)),
        "ids": {"openalex": f"https://openalex.org/{aid}"},
        "affiliations": [{"institution": inst, "years": sorted(years, reverse=True)} for inst, years in places],
        "last_known_institutions": draw(st.lists(st.sampled_from(PLACES), max_size=1)),
        "updated_date": draw(st.sampled_from(UPDATED)),
    }
    if draw(st.booleans()):
        record["display_name_alternatives"] = draw(st.lists(st.sampled_from(NAMES), max_size=2))
    return record


@st.composite
def authorship(draw) -> dict[str, Any]:
    aid = draw(st.sampled_from(["A1", "A2", "A3", "A4", None]))
    name = draw(st.sampled_from(NAMES))
    insts = draw(st.lists(st.sampled_from(PLACES), max_size=2))
    return {
        "author_position": "first",
        "author": {"id": f"https://openalex.org/{aid}" if aid else None, "display_name": name, "orcid": None},
        "institutions": insts,
        "raw_affiliation_strings": draw(st.sampled_from([[i["display_name"] for i in insts], []])),
        "raw_author_name": name,
    }


@st.composite
def work_record(draw) -> dict[str, Any]:
    wid = draw(st.integers(1, 6))
    date = draw(st.sampled_from(DATES))
    return {
        "id": f"https://openalex.org/W{wid}",
        "doi": draw(st.sampled_from([None, f"https://doi.org/10.1234/w{wid}", "https://doi.org/10.1234/a"])),
        "title": "Face recognition at scale",
        "publication_year": int(date[:4]) if date else None,
        "publication_date": date,
        "type": "article",
        "authorships": draw(st.lists(authorship(), max_size=3)),
        "is_authors_truncated": False,
        "updated_date": draw(st.sampled_from(UPDATED)),
    }


# Entries listed in several periods: back to back (judged as one listing), with a gap, the last
# one open; an end given in no form read (`listed_to_unread`); a start that may be earlier.
PERIODS = """\
id: periods
name: Listed in periods
sources: [{title: s}]
entries:
  - {id: hit, name: Harbin Institute of Technology, openalex: [I200], country: CN, verified: true,
     listings: [{from: 2019-01-01, to: 2021-06-15}, {from: 2021-06-16, to: null}]}
  - {id: beihang, name: Beihang University, ror: [00wk2mp56], country: CN, verified: true,
     listed_from: 2020-01-01, listed_to_unread: " 8/11/2022"}
  - {id: tsinghua, name: Tsinghua University, openalex: [I300], country: CN, verified: true,
     listings: [{from: 2018-01-01, to: 2020-12-31}, {from: 2023-01-01, to: 2024-06-30}]}
  - {id: lab-abroad, name: Example Lab, country: GB, verified: true, listed_from: 2022-01-01,
     listed_from_unread: " 6/1/2016"}
"""
LISTED = st.sampled_from([["mil"], ["periods"], ["mil", "periods"]])
CLAIM = st.fixed_dictionaries(
    {
        "authors": st.one_of(
            LISTED.map(lambda lists: {"joined_from": lists}),
            LISTED.map(lambda lists: {"holds_both": lists}),
            LISTED.map(lambda lists: {"joined_from": lists, "within_years": 2}),
        ),
        "expects": st.sampled_from(["none", {"at_most": 1}]),
    },
    optional={
        "from": st.sampled_from(["2022-04-08", "2023-01-01"]),
        "to": st.sampled_from(["2024-12-31", "2023-06-30"]),
    },
)
SUBJECTS = {
    "lab": {"name": "Example Lab", "openalex": ["I100"], "aliases": ["Example Lab"]},
    "lab-us": {"name": "Example Lab", "openalex": ["I100"], "aliases": ["Example Lab"], "country": "US"},
}
LAYOUTS = ["jsonl", "snapshot", "no-table", "key=value"]


def _evidence(root: Path, k: int, records: list[dict[str, Any]], layout: str) -> Path:
    """The records as one piece of evidence, laid out as `layout` says."""
    source = root / f"records{k}.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    if layout == "jsonl":
        return source
    out = root / ("snapshots/year=2025/month=01" if layout == "key=value" else "snapshots") / f"s{k}"
    import_works(source, out, subjects_may_be_empty=True)
    if layout == "no-table":
        for table in out.glob("*.parquet"):
            table.unlink()  # a copy of the snapshot without its derived table
    return out


def reports(tmp: Path, pieces, claims, curated, reviewed, as_of, engines=("python", "duckdb")) -> dict[str, str]:
    root = project(tmp)
    write(root / "evidence/lists/periods.yaml", PERIODS)
    subjects = "subjects:\n" + "".join(f"  {k}: {json.dumps(v)}\n" for k, v in SUBJECTS.items())
    body = "claims:\n" + "".join(
        f"  - {json.dumps({'id': f'c{i}', 'says': 's', 'subject': subject, **c})}\n"
        for i, (subject, c) in enumerate(claims)
    )
    path = write(root / "claims/c.yaml", STATEMENT + subjects + body)
    loaded = claims_mod.load_claims([path], root=root)
    paths = [_evidence(root, k, records, layout) for k, (records, layout) in enumerate(pieces)]
    if "person" in curated:
        paths.append(
            curated_history(
                root, "{name: Harbin Institute of Technology, years: [2020]}", "evidence/curated/people.yaml"
            )
        )
    if "work" in curated:
        version = curated_version("w1", "Face recognition at scale", "10.1234/a")
        paths.append(write(root / "evidence/curated/v.yaml", CURATED.format(works=version)))
    reviews = None
    if reviewed:
        person, decision = reviewed
        text = (
            f"reviews:\n  - claim: c0\n    person: '{person}'\n    decision: {decision}\n    by: analyst\n"
            "    date: 2025-01-02\n    note: checked by hand\n"
        )
        reviews = load_reviews(write(root / "reviews.yaml", text))
    evidence = open_evidence_paths([str(p) for p in paths])
    return {
        engine: render_json(
            evaluate(loaded, evidence, engine=engine, cache=tmp / "cache", as_of=as_of, reviews=reviews)
        )
        for engine in engines
    }


records = st.lists(st.one_of(author_record(), work_record()), max_size=8)
PIECES = st.lists(st.tuples(records, st.sampled_from(LAYOUTS)), min_size=1, max_size=3)
CLAIMS = st.lists(st.tuples(st.sampled_from(sorted(SUBJECTS)), CLAIM), min_size=1, max_size=3)
CURATED_KINDS = st.sampled_from([(), ("person",), ("work",), ("person", "work")])
REVIEWED = st.sampled_from(
    [
        None,
        ("A1", "not_a_match"),
        ("A2", "confirmed"),
        ("0000-0002-1825-0097", "not_a_match"),
        ("curated:li-wei", "not_a_match"),
    ]
)
AS_OF = st.sampled_from([None, dt.date(2025, 6, 1), dt.date(2023, 6, 30)])


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(PIECES, CLAIMS, CURATED_KINDS, REVIEWED, AS_OF)
def test_engines_give_the_same_report_on_claims_about_people(
    tmp_path_factory, pieces, claims, curated, reviewed, as_of
):
    tmp = tmp_path_factory.mktemp("people")
    got = reports(tmp, pieces, claims, curated, reviewed, as_of)
    assert got["duckdb"] == got["python"]
    # Every person found, matched, uncertain or set aside, is among the people considered (the
    # twenty-eighth part: a person found only through copies of a record was not).
    for result in json.loads(got["python"])["results"]:
        found = result["matched"] + result["uncertain"] + len(result.get("dismissed_people", []))
        assert result["people_considered"] >= found, result

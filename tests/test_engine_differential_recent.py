"""The python and duckdb engines on the shapes of records and lists the twenty-fifth and
twenty-sixth parts of issue 18 taught claimwatch to read, beside test_engine_differential.py's:
entries listed in several periods (back to back, with a gap, the last one open), an end not read
(`listed_to_unread`), a start that may be earlier (`listed_from_unread`); aliases written
"NAME, CITY" and affiliations naming the city apart, before the name or not at all; Web of
Science's abbreviations in raw affiliation strings ("Technol", "Engn", "Polytech", "Coll",
"Sch", "Mech & Elect"); abstract indexes with gaps, two words at one position and positions
that are no whole number; titles with BibTeX's braces, bare tags half escaped, em dashes
joining an excluded phrase, a hyphen and a break, and a doubt phrase; a `publication_year`
given as a float or as text beside a year-only or month-only date. The same JSON report, byte
for byte.

`CLAIMWATCH_HUNT=N` runs N examples (a hunt); the committed runs are kept few and fast.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimwatch.evaluate import evaluate
from claimwatch.evidence import open_evidence_paths
from claimwatch.reports.jsonreport import render_json
from helpers import generated_case, institution

EXAMPLES = int(os.environ.get("CLAIMWATCH_HUNT", "25"))


LAB = institution("I100", "Example Lab", country="US")
CAEP = institution("I400", "China Academy of Engineering Physics")
HEU = institution("I500", "Harbin Engineering University")
NWPU = institution("I600", "Northwestern Polytechnical University")
OTHER = institution("I900", "Tsinghua University")
NAME_ONLY = {"id": None, "display_name": "Institute of Applied Physics and Computational Mathematics", "ror": None}
INSTITUTIONS = [LAB, CAEP, HEU, NWPU, OTHER, NAME_ONLY]

RAW = [
    "Example Lab, Seattle, WA, USA",
    "Example Lab",
    "Inst Appl Phys & Computat Math, Beijing 100088, Peoples R China",
    "Institute of Applied Physics and Computational Mathematics, P.O. Box 8009, Beijing 100088, China",
    "Beijing Inst Appl Phys & Computat Math, Lab Computat Phys, Beijing, Peoples R China",
    "Institute of Applied Physics and Computational Mathematics, Shanghai, China",
    "Institute of Applied Physics and Computational Mathematics",
    "The Institute of Applied Physics and Computational Mathematics, Beijing",
    "High Power Laser Laboratory, Shanghai Institute of Optics and Fine Mechanics",
    "High Power Laser Laboratory, Shanghai 201800, China",
    "Shanghai High Power Laser Lab",
    "Harbin Engn Univ, Coll Informat & Commun Engn, Harbin 150001, Heilongjiang, Peoples R China",
    "Coll Comp Sci & Technol, Harbin Engn Univ, Harbin",
    "Northwestern Polytech Univ, Sch Comp Sci, Xian 710072, Shaanxi, Peoples R China",
    "Sch Automat, Northwestern Polytech Univ, Xi'an, China",
    "North\u2010western Polytechnical University, Xi\u2019an",
    "China Changfeng Mech & Elect Technol Acad, Beijing, Peoples R China",
    "Istanbul Tech Univ, Dept Comp Engn, TR-34469 Istanbul, Turkey",
    "Tech Univ Munich, Munich, Germany",
    "China Elect Power Res Inst, Beijing",
    "Chinese Acad Sci & Technol Dev, Beijing",
    "Harbin Inst Technol, Sch Comp Sci & Technol, Harbin 150001, Peoples R China",
    "Xian Technol Univ, Sch Elect Informat Engn, Xian",
    "Natl Univ Def Technol, Coll Comp, Changsha, Hunan, Peoples R China",
    "Dept. of Phys. Institute of Applied Physics and Computational Mathematics, Beijing",
    "Laboratory of Computational Physics & Institute of Applied Physics and Computational Mathematics",
    "中国工程物理研究院, 绵阳",
    "北京应用物理与计算数学研究所",
    "",
]

MIL = """\
id: mil
name: Military institutions
sources: [{title: A source}]
entries:
  - {id: caep, name: China Academy of Engineering Physics, aliases: [CAEP, 中国工程物理研究院,
       "The Institute of Applied Physics and Computational Mathematics, Beijing",
       "The High Power Laser Laboratory, Shanghai"],
     openalex: [I400], country: CN, listings: [{from: 2019-01-01, to: 2020-06-15}, {from: 2020-06-16, to: null}],
     verified: true}
  - {id: heu, name: Harbin Engineering University, country: CN,
     listings: [{from: 2019-01-01, to: 2021-06-30}, {from: 2023-01-01, to: 2024-05-31}], verified: true}
  - {id: nwpu, name: Northwestern Polytechnical University, country: CN, listed_from: 2001-01-01,
     listed_to_unread: " 8/11/2015", verified: true}
  - {id: ccmeta, name: China Changfeng Mechanics and Electronics Technology Academy, country: CN,
     listed_from: 2024-03-01, listed_from_unread: " 6/1/2016", verified: true}
  - {id: itu, name: Istanbul Technical University, country: TR, listed_from: 2024-06-01, verified: false}
  - {id: nudt, name: National University of Defense Technology, country: CN,
     listings: [{from: 2015-01-01, to: 2024-01-31}, {from: 2024-02-01, to: 2024-12-31}], verified: true}
"""
ABROAD = """\
id: abroad
name: Elsewhere
sources: [{title: A source}]
entries:
  - {id: tum, name: Technical University of Munich, country: DE, verified: true}
  - {id: cepri, name: China Electric Power Research Institute, country: CN, listed_from: 2024-01-01,
     listed_to: 2024-06-30, verified: true}
  - {id: hit, name: Harbin Institute of Technology, country: CN, listings: [{from: 2020-06-05, to: 2020-06-05},
     {from: 2020-06-06, to: 2024-03-31}], verified: true}
"""
LISTS = {"mil": MIL, "abroad": ABROAD}

TITLES = [
    "{F}acial {R}ecognition at scale",
    "Inter{F}ace design",
    "{D}eep{F}akes and their detection",
    "Bounds face&lt;b>recognition",
    "face<b&gt;recognition systems",
    "Quantum computing\u2014inspired evolutionary algorithms for face recognition",
    "Quantum computing\u2014inspired evolutionary algorithms",
    "multi-\ncattle face recognition",
    "Face recognition in developmental pro<b>sopagnosia",
    "Face recognition and face\u2014blindness",
    "\\textit{facial} recognition",
    "Text-to-speech with deep{F}akes",
    "Facial recognition",
    "Nothing to see",
    None,
]
ABSTRACTS: list[Any] = [
    "missing",
    None,
    {"deepfake": [1], "cats": [1], "detection": [2]},
    {"deepfake": [2], "detection": [5]},
    {"face": [0], "recognition": [1.5]},
    {"face": [0], "recognition": ["1"]},
    {"face": [0, 3], "recognition": [1], "and": [2]},
    {"facial": [0], "recognition": [1], "prosopagnosia": [7]},
    {"text": [0], "to": [1], "speech": [2]},
    "We study face\u2014recognition.",
]
# Dates as OpenAlex gives them beside a year that may be a float, text or missing.
DATES = [
    "2020-06-15",
    "2020-06-16",
    "2020-06",
    "2020",
    "2022-01-01",
    "2024",
    "2024-02",
    "2024-06-15",
    "2024-01-31T00:00:00",
    None,
]
# A year with a fraction is refused at its line on both engines (test_publication_year.py).
YEARS = ["date", 2024.0, 2020.0, "2020", None, float("nan")]


@st.composite
def authorship(draw, k: int) -> dict[str, Any]:
    institutions = draw(st.lists(st.sampled_from(INSTITUTIONS), max_size=2))
    raw = draw(st.lists(st.sampled_from(RAW), max_size=2))
    a = {
        "author_position": "middle",
        "author": {"id": f"https://openalex.org/A{k}", "display_name": f"Author {k}", "orcid": None},
        "institutions": institutions,
        "countries": [],
        "raw_affiliation_strings": raw,
        "raw_author_name": f"Author {k}",
    }
    if draw(st.booleans()):
        a["affiliations"] = [{"raw_affiliation_string": r, "institution_ids": []} for r in raw]
    return a


@st.composite
def record(draw) -> dict[str, Any]:
    wid = draw(st.integers(1, 12))
    date = draw(st.sampled_from(DATES))
    year = draw(st.sampled_from(YEARS))
    if year == "date":
        year = int(date[:4]) if date else None
    title = draw(st.sampled_from(TITLES))
    r: dict[str, Any] = {
        "id": f"https://openalex.org/W{wid}",
        "doi": None,
        "title": title,
        "display_name": title,
        "publication_year": year,
        "publication_date": date,
        "type": "article",
        "authorships": [draw(authorship(i)) for i in range(draw(st.integers(0, 3)))],
        "is_authors_truncated": False,
        "topics": [],
        "keywords": [{"display_name": k} for k in draw(st.lists(st.sampled_from(["deepfakes", "x"]), max_size=1))],
        # A record updated before its work's date shows a date ahead of it (`within_record`).
        "updated_date": draw(st.sampled_from(["2025-01-01T00:00:00", "2020-06-01T00:00:00", "2024-01-31", None])),
    }
    if year is not None and year != year:  # a NaN: JSON has none, so the record writes a float of it as text
        r["publication_year"] = "NaN"
    abstract = draw(st.sampled_from(ABSTRACTS))
    if isinstance(abstract, dict):
        r["abstract_inverted_index"] = abstract
    elif isinstance(abstract, str) and abstract != "missing":
        r["abstract"] = abstract
    elif abstract is None:
        r["abstract_inverted_index"] = None
    return r


TOPICS = {
    "face": {
        "name": "Face",
        "rationale": "r",
        "phrases": ["face recognition", "facial recognition"],
        "exclude_phrases": ["cattle face recognition"],
        "doubt_phrases": ["prosopagnosia", "face blindness"],
    },
    "quantum": {
        "name": "Quantum",
        "rationale": "r",
        "phrases": ["quantum computing"],
        "exclude_phrases": ["quantum computing inspired"],
    },
    "synth": {"name": "Synth", "rationale": "r", "phrases": ["text-to-speech", "deepfake", "deepfake detection"]},
}
SUBJECTS = {
    "lab": {"name": "Example Lab", "openalex": ["I100"], "aliases": ["Example Lab"]},
    "lab-us": {"name": "Example Lab", "openalex": ["I100"], "aliases": ["Example Lab"], "country": "US"},
}
LEAF = st.one_of(
    st.sampled_from(sorted(TOPICS)).map(lambda t: {"topic": t}),
    st.builds(
        lambda key, chosen, before: {key: chosen, **({"listed_before_publication": True} if before else {})},
        st.sampled_from(["coauthor_in", "affiliated_author_in"]),
        st.lists(st.sampled_from(sorted(LISTS)), min_size=1, max_size=2, unique=True),
        st.booleans(),
    ),
)


def combined(inner: st.SearchStrategy[dict]) -> st.SearchStrategy[dict]:
    """All, any and not over `inner` (a named function: see `works_conditions`)."""
    return st.one_of(
        st.lists(inner, min_size=1, max_size=2).map(lambda cs: {"all": cs}),
        st.lists(inner, min_size=1, max_size=2).map(lambda cs: {"any": cs}),
        inner.map(lambda c: {"not": c}),
    )


CONDITIONS = st.recursive(LEAF, combined, max_leaves=3)
CLAIM = st.fixed_dictionaries(
    {
        "subject": st.sampled_from(sorted(SUBJECTS)),
        "works": CONDITIONS,
        "expects": st.sampled_from(["none", {"at_least": 1}, {"at_most": 1}]),
    },
    optional={
        "from": st.sampled_from(["2020-01-01", "2020-06-16"]),
        "to": st.sampled_from(["2024-12-31", "2020-06-30", "2024-02-29"]),
        "max_unaffiliated": st.sampled_from([0, 1]),
    },
)


def reports(tmp: Path, files: list[list[dict[str, Any]]], claims: list[dict[str, Any]], as_of: dt.date | None):
    _root, loaded, paths = generated_case(tmp, LISTS, SUBJECTS, TOPICS, claims, files)
    evidence = open_evidence_paths(paths)
    return {
        engine: render_json(evaluate(loaded, evidence, engine=engine, cache=tmp / "cache", as_of=as_of))
        for engine in ("python", "duckdb")
    }


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.lists(st.lists(record(), max_size=8), min_size=1, max_size=2),
    st.lists(CLAIM, min_size=1, max_size=3),
    st.sampled_from([None, dt.date(2025, 1, 1), dt.date(2020, 6, 30)]),
)
def test_engines_agree_on_listing_periods_names_as_written_and_texts_read_two_ways(
    tmp_path_factory, files, claims, as_of
):
    tmp = tmp_path_factory.mktemp("recent")
    got = reports(tmp, files, claims, as_of)
    assert got["duckdb"] == got["python"]

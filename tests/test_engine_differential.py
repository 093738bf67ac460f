"""The python and duckdb engines on generated real-shaped OpenAlex records and claims of every
kind, beside test_columnar_properties.py's random ones: copies of one id in several files with
and without an `updated_date` (of one day, of another, unreadable), `raw_affiliation_strings`
or `affiliations` alone, null authors and institutions, institutions with no ROR, no country, a
null lineage or only a name, the `I-1` placeholder, Crossref's interleaved institutions, 100
authors with no truncation flag, year-only, month-only, missing and pre-1582 dates, a year as
text, short ids, arXiv locations, DOIs with quotes, backslashes, `%`, `_` and `$`, curated
versions whose DOIs go into the query; subjects by id, lineage, ROR only and names only, with
and without a country; lists with and without countries, listing dates and removals; periods
open and closed, `max_unaffiliated`, and the as-of given or not. The same JSON report, byte for
byte. A list entry names institutions under it (`related`), at home and abroad.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimwatch.evaluate import evaluate
from claimwatch.evidence import open_evidence_paths
from claimwatch.reports.jsonreport import render_json
from helpers import generated_case, write
from test_columnar_engine import CURATED, curated_version
from test_columnar_properties import works_conditions


def inst(iid, name, *, ror=None, country="CN", lineage=None, lineage_urls=True):
    full = f"https://openalex.org/{iid}" if iid else None
    if lineage is None:
        lineage = [iid] if iid else []
    return {
        "id": full,
        "display_name": name,
        "ror": (f"https://ror.org/{ror}" if ror else None),
        "country_code": country,
        "type": "education",
        "lineage": [f"https://openalex.org/{x}" if lineage_urls else x for x in lineage],
    }


LAB = inst("I100", "Example Lab", country="US")
LAB_NO_COUNTRY = inst("I100", "Example Lab", country=None)
LAB_UNIT = inst("I101", "Example Lab Robotics Unit", lineage=["I101", "I100"], country="US")
LAB_ROR_ONLY = inst(None, "Example Laboratory Group", ror="05exmab22", country=None)
HIT = inst("I200", "Harbin Institute of Technology", ror="01yqg2h08")
HIT_CAMPUS = inst("I201", "HIT Shenzhen", lineage=["I201", "I200"])
HIT_NO_ROR = inst("I200", "Harbin Institute of Technology", country=None)
BEIHANG = inst("I300", "Beihang University", ror="00wk2mp56")
BEIHANG_ROR_ONLY = inst(None, "Beihang University", ror="00wk2mp56", country=None)
NEU_US = inst("I12912129", "Northeastern University", country="US")
NEU_MX = inst("I999", "Northeastern University", country="MX")
OTHER = inst("I900", "Tsinghua University")
PLACEHOLDER = {"id": "https://openalex.org/I-1", "display_name": None, "ror": None, "country_code": None, "lineage": []}
NAME_ONLY = {"id": None, "display_name": "Harbin Institute of Technology", "ror": None, "country_code": None}
NULL_LINEAGE = dict(inst("I100", "Example Lab", country="US"), lineage=None)

INSTITUTIONS = [
    LAB,
    LAB_NO_COUNTRY,
    LAB_UNIT,
    LAB_ROR_ONLY,
    HIT,
    HIT_CAMPUS,
    HIT_NO_ROR,
    BEIHANG,
    BEIHANG_ROR_ONLY,
    NEU_US,
    NEU_MX,
    OTHER,
    PLACEHOLDER,
    NAME_ONLY,
    NULL_LINEAGE,
]
RAW = [
    "Example Lab, Seattle, WA, USA",
    "Example Lab",
    "EXL, Seattle, USA",
    "示例实验室, 北京",
    "Example Lab, Paris, France",
    "School of Computing, Harbin Institute of Technology, Harbin 150001, China",
    "Harbin Inst. of Technol., Harbin, China",
    "HIT, Harbin, China",
    "哈尔滨工业大学, 哈尔滨",
    "Northeastern University, Shenyang, China",
    "Northeastern University, Boston, MA, USA",
    "Beihang University, Beijing",
    "Communication EngineeringHarbin Institute of Technology",
    "Dept. of CS, Tsinghua University, Beijing, China",
    "State Key Laboratory of Software Development Environment, Beijing, China",
    "State Key Lab. of Software Development Environment, Boston, MA, USA",
    "软件开发环境国家重点实验室",
    "FACC AG, Ried im Innkreis, Austria",
    "Harbin Insti\u00adtute of Tech\u200bnology",
    "",
    "   ",
]


@st.composite
def authorship(draw, k: int):
    kind = draw(st.integers(0, 9))
    name = draw(
        st.sampled_from(
            [
                f"Author {k}",
                "Kazan University",
                "School of Computer Science",
                "Example Lab Institute",
                "Harbin Institute of Technology",
                "哈尔滨工业大学",
            ]
        )
    )
    institutions = draw(st.lists(st.sampled_from(INSTITUTIONS), max_size=2))
    raw = draw(st.lists(st.sampled_from(RAW), max_size=2))
    a = {
        "author_position": draw(st.sampled_from(["first", "middle", "last"])),
        "author": {"id": f"https://openalex.org/A{k}", "display_name": name, "orcid": None},
        "institutions": institutions,
        "countries": [],
        "is_corresponding": False,
        "raw_author_name": name,
    }
    if kind < 5:  # the common, current shape
        a["raw_affiliation_strings"] = raw
        a["affiliations"] = [
            {"raw_affiliation_string": r, "institution_ids": [i["id"] for i in institutions if i.get("id")]}
            for r in raw
        ]
    elif kind < 7:  # raw_affiliation_strings only
        a["raw_affiliation_strings"] = raw
    elif kind < 8:  # affiliations only
        a["affiliations"] = [{"raw_affiliation_string": r, "institution_ids": []} for r in raw]
    elif kind < 9:  # nulls
        a["raw_affiliation_strings"] = None
        a["institutions"] = institutions or None  # null where it gives none
        a["author"] = None
    else:  # nothing at all: an unaffiliated author, or an interleaved institution
        a["raw_affiliation_strings"] = []
        a["institutions"] = []
    return a


DATES = [
    "2024-06-01",
    "2024-01-01",
    "2023-12-31",
    "2024-01-10",
    "2024-01-09",
    "2025-02-01",
    "2024-12-31",
    "2025-01-01",
    "2024-03-01",
    "2024-02-29",
    "2024-03",
    "2024",
    None,
    "",
    "2024-13-01",
    "1500-06-01",
]
UPDATED = [
    "2025-01-01T00:00:00",
    "2025-03-04T10:00:00.123",
    "2025-03-04",
    "2024-11-30T00:00:00",
    None,
    "",
    "2025-13-45",
]
DOIS = [
    None,
    "https://doi.org/10.1234/a",
    "https://doi.org/10.1234/b",
    "https://doi.org/10.48550/arXiv.2401.00001",
    "10.1234/A",
    "https://doi.org/10.1002/(SICI)1097-4636(199706)35:4<497::AID-JBM10>3.0.CO;2-#",
    "https://doi.org/10.1234/o'brien\\x%_$",
]
TITLES = [
    "Face recognition at scale",
    "Facial recognition",
    "Deep learning",
    "Text-to-speech with deepfakes",
    "Re-identification of people",
    "A face recognition vendor test",
    "Speech synthesis",
    "",
    None,
    "Quantum computing",
    "Faces recognitions",
    "face\u200brecognition",
]
ABSTRACTS = [None, "missing", "We study face recognition.", "Nothing here.", "talking heads and deepfakes"]


@st.composite
def record(draw):
    wid = draw(st.integers(1, 14))
    n_auth = draw(st.sampled_from([0, 1, 1, 2, 3, 4, 100]))
    if n_auth == 100:
        people = [draw(authorship(0))] + [
            {
                "author_position": "middle",
                "author": {"id": None, "display_name": f"X{i}"},
                "institutions": [OTHER],
                "raw_affiliation_strings": [],
            }
            for i in range(99)
        ]
    else:
        people = [draw(authorship(i)) for i in range(n_auth)]
    date = draw(st.sampled_from(DATES))
    title = draw(st.sampled_from(TITLES))
    r = {
        "id": f"https://openalex.org/W{wid}",
        "doi": draw(st.sampled_from(DOIS)),
        "title": title,
        "display_name": title if draw(st.booleans()) else "Face recognition display name",
        "publication_year": draw(
            st.sampled_from([int(date[:4]) if date and date[:4].isdigit() else None, 2024, None, "2024"])
        ),
        "publication_date": date,
        "ids": {"openalex": f"https://openalex.org/W{wid}"},
        "type": "article",
        "authorships": people,
        "is_retracted": draw(st.sampled_from([False, True, None])),
        "is_authors_truncated": draw(st.sampled_from([False, True, None, "missing"])),
        "topics": draw(st.sampled_from([[], [{"id": "https://openalex.org/T999"}], [{"id": None}]])),
        "primary_topic": draw(st.sampled_from([None, {"id": "https://openalex.org/T999"}, {"id": "T998"}])),
        "keywords": [
            {"display_name": k}
            for k in draw(st.lists(st.sampled_from(["face recognition", "deepfakes", "x"]), max_size=2))
        ],
        "updated_date": draw(st.sampled_from(UPDATED)),
    }
    if r["is_authors_truncated"] == "missing":
        del r["is_authors_truncated"]
    abstract = draw(st.sampled_from(ABSTRACTS))
    if abstract == "missing":
        pass
    elif abstract is None:
        r["abstract_inverted_index"] = None
    elif draw(st.booleans()):
        r["abstract_inverted_index"] = {}
        for i, w in enumerate(abstract.split()):
            r["abstract_inverted_index"].setdefault(w, []).append(i)
    else:
        r["abstract"] = abstract
    if draw(st.booleans()):
        r["locations"] = [{"landing_page_url": "https://arxiv.org/abs/2401.00001v2", "pdf_url": None}]
    if draw(st.integers(0, 9)) == 0:
        r["id"] = r["ids"]["openalex"].removeprefix("https://openalex.org/")  # a short id
    return r


# --- claims ---

LISTS = {
    "mil": """\
id: mil
name: Military universities
sources: [{title: A source}]
entries:
  - {id: hit, name: Harbin Institute of Technology, aliases: [HIT, 哈尔滨工业大学], openalex: [I200], ror: [01yqg2h08],
     country: CN, listed_from: 2024-03-01, verified: true}
  - {id: neu, name: Northeastern University, country: CN, listed_from: 2020-01-01, listed_to: 2024-06-30, verified: true}
  - {id: beihang, name: Beihang University, ror: [00wk2mp56], country: CN, listed_from: null, verified: false,
     related: [{name: State Key Laboratory of Software Development Environment, aliases: [软件开发环境国家重点实验室],
                called: [major defence laboratory], country: CN},
               {name: FACC AG, called: [subsidiary], country: null, place: Austria}]}
""",
    "nocountry": """\
id: nocountry
name: No country
sources: [{title: A source}]
entries:
  - {id: tsinghua, name: Tsinghua University, openalex: [I900], verified: true}
  - {id: exl, name: Example Laboratory Group, verified: true, listed_from: 2024-06-01}
""",
}
TOPICS = {
    "face": {
        "name": "Face",
        "rationale": "r",
        "phrases": ["face recognition", "facial recognition"],
        "exclude_phrases": ["face recognition vendor test"],
        "openalex_topics": ["T999"],
    },
    "synth": {
        "name": "Synth",
        "rationale": "r",
        "phrases": ["text-to-speech", "deepfake", "reidentification", "talking head"],
    },
}
SUBJECTS = {
    "lab": {"name": "Example Lab", "openalex": ["I100"], "aliases": ["Example Lab", "EXL", "示例实验室"]},
    "lab-us": {
        "name": "Example Lab",
        "openalex": ["I100"],
        "ror": ["05exmab22"],
        "aliases": ["Example Lab", "EXL"],
        "country": "US",
    },
    "hit": {"name": "Harbin Institute of Technology", "openalex": ["I200"], "aliases": ["HIT"], "country": "CN"},
    "beihang-ror": {"name": "Beihang University", "ror": ["00wk2mp56"]},
    "names-only": {"name": "Example Laboratory Group", "aliases": ["Example Laboratory Group"]},
}

conditions = works_conditions(sorted(LISTS))
claim = st.fixed_dictionaries(
    {
        "subject": st.sampled_from(sorted(SUBJECTS)),
        "works": conditions,
        "expects": st.sampled_from(["none", {"at_least": 1}, {"at_most": 1}]),
    },
    optional={
        "from": st.sampled_from(["2024-01-10", "2024-01-01", "2024-03-01"]),
        "to": st.sampled_from(["2024-12-31", "2024-06-30"]),
        "max_unaffiliated": st.sampled_from([0, 0.5, 1]),
    },
)


def check(tmp: Path, files, claims, curated_doi, as_of, engines=("python", "duckdb")):
    root, loaded, paths = generated_case(tmp, LISTS, SUBJECTS, TOPICS, claims, files)
    if curated_doi:
        version = curated_version("w1", "Face recognition at scale", curated_doi.replace("\\", "\\\\"))
        paths.append(write(root / "evidence/curated/v.yaml", CURATED.format(works=version)))
    evidence = open_evidence_paths(paths)
    reports = {}
    for engine in engines:
        reports[engine] = render_json(evaluate(loaded, evidence, engine=engine, cache=tmp / "cache", as_of=as_of))
    return reports


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.lists(st.lists(record(), max_size=10), min_size=1, max_size=3),
    st.lists(claim, min_size=1, max_size=4),
    st.sampled_from([None, "10.1234/a", "10.1234/o'brien\\x%_$", "10.48550/arXiv.2401.00001"]),
    st.sampled_from([None, dt.date(2025, 1, 1), dt.date(2024, 6, 30)]),
)
def test_engines_give_the_same_report(tmp_path_factory, files, claims, curated_doi, as_of):
    tmp = tmp_path_factory.mktemp("diff")
    reports = check(tmp, files, claims, curated_doi, as_of)
    reference = reports["python"]
    for engine, report in reports.items():
        assert report == reference, engine
